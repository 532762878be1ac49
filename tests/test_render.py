"""Rendering: escaping, the 4096-character limit, and the disclaimer on every face."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.render import TELEGRAM_LIMIT, render_html, render_json, render_text
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


@given(st.lists(st.text(min_size=0, max_size=6000), min_size=1, max_size=4))
def test_any_text_fits_telegram(texts):
    chunks = render_html(make(*(Block("para", t) for t in texts)))
    assert chunks and all(len(c) <= TELEGRAM_LIMIT for c in chunks)


def test_text_and_json_carry_the_disclaimer():
    reply = make(Block("para", "Hello"))
    assert render_text(reply).endswith(DISCLAIMER)
    assert render_json(reply)["disclaimer"] is True


def test_missing_disclaimer_falls_back_to_a_default():
    reply = Reply("fallback", "fallback", (Block("para", "x"),))
    assert "not medical advice" in render_text(reply)
