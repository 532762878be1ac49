"""Rendering: escaping, the 4096-character limit, and the disclaimer on every face."""

from __future__ import annotations

import re
from html import unescape

from hypothesis import given
from hypothesis import strategies as st

from bot.render import TELEGRAM_LIMIT, render_html, render_json, render_text, units
from bot.reply import Block, Reply

DISCLAIMER = "ℹ️ General information, not medical advice."


def make(*blocks: Block) -> Reply:
    return Reply("answer", "psoas.what", blocks, disclaimer=DISCLAIMER)


def test_html_escapes_every_dynamic_value():
    reply = make(Block("title", "<script>"), Block("para", "a & b"), Block("steps", items=("<i>",)))
    html = "\n".join(render_html(reply))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "a &amp; b" in html and "1. &lt;i&gt;" in html


def test_long_replies_split_at_paragraphs_and_end_with_the_disclaimer():
    paragraphs = [Block("para", f"Paragraph {i} " + "word " * 150) for i in range(20)]
    chunks = render_html(make(*paragraphs))
    assert len(chunks) > 1
    assert all(len(c) <= TELEGRAM_LIMIT for c in chunks)
    # every chunk starts a paragraph, and none ends with the paragraph separator
    assert all(c.startswith("Paragraph ") and not c.endswith("\n") for c in chunks)
    assert "not medical advice" in chunks[-1]
    for i in range(20):  # no paragraph is cut in two
        assert sum(f"Paragraph {i} " in c for c in chunks) == 1


_TAG = re.compile(r"</?[bi]>")


def well_formed(chunk: str) -> bool:
    """Tags balanced and never nested, and no `&` that does not start a whole entity."""
    depth = 0
    for tag in _TAG.findall(chunk):
        depth += -1 if tag.startswith("</") else 1
        if depth not in (0, 1):
            return False
    bare = _TAG.sub("", chunk)
    entities_whole = re.fullmatch(r"([^&<>]|&(amp|lt|gt|quot|#x27);)*", bare, re.S)
    return depth == 0 and entities_whole is not None


@given(
    st.lists(
        st.tuples(st.sampled_from(["para", "title", "warning", "meta"]), st.text(max_size=6000)),
        min_size=1,
        max_size=4,
    )
)
def test_any_text_fits_telegram_in_utf16_units_and_every_chunk_parses(blocks):
    reply = make(*(Block(style, text) for style, text in blocks))
    chunks = render_html(reply)
    assert chunks and all(units(c) <= TELEGRAM_LIMIT for c in chunks)
    assert all(well_formed(c) for c in chunks)


def test_emoji_count_twice_against_the_limit():
    """Telegram counts UTF-16 units: 3,000 🙂 are 6,000 units, so two messages, not one."""
    chunks = render_html(make(Block("para", "🙂" * 3000)))
    assert len(chunks) >= 2 and all(units(c) <= TELEGRAM_LIMIT for c in chunks)
    assert "".join(_TAG.sub("", c) for c in chunks).count("🙂") == 3000


def test_a_hard_cut_never_splits_an_entity_or_a_tag():
    for offset in range(8):  # move the `&` across the cut point
        text = "x" * (TELEGRAM_LIMIT - 10 + offset) + " & " * 5 + "y" * 50
        for style in ("para", "title"):
            chunks = render_html(make(Block(style, text)))
            assert all(units(c) <= TELEGRAM_LIMIT and well_formed(c) for c in chunks)
            plain = "".join(unescape(_TAG.sub("", c)) for c in chunks)
            assert "&am" not in plain and plain.count("&") == 5
            assert plain.count("x") == TELEGRAM_LIMIT - 10 + offset and plain.count("y") == 50


def test_text_and_json_carry_the_disclaimer():
    reply = make(Block("para", "Hello"))
    assert render_text(reply).endswith(DISCLAIMER)
    assert render_json(reply)["disclaimer"] is True


def test_missing_disclaimer_falls_back_to_a_default():
    reply = Reply("fallback", "fallback", (Block("para", "x"),))
    assert "not medical advice" in render_text(reply)
