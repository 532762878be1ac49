"""Normalisation, typo correction and the matcher's guarantees."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.render import render_html, render_text
from bot.reply import KINDS
from bot.text import normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Why's my PSOAS sooo tight?!", "why is my psoas soo tight"),
        ("I can't feel my legs 😭", "i cannot feel my legs"),
        ("what’s the best stretch 4 u", "what is the best stretch 4 you"),
        ("Ça va? Héllo", "ca va hello"),
        ("", ""),
    ],
)
def test_normalize(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("typo", "word"),
    [
        ("psaos", "psoas"),
        ("hamstirng", "hamstring"),
        ("coldown", "cooldown"),
        ("sholder", "shoulder"),
    ],
)
def test_typos_are_corrected_to_known_words(brain, typo, word):
    assert brain.matcher.canon(typo) == brain.matcher.canon(word)


@pytest.mark.parametrize("word", ["night", "light", "budget", "canvas", "right"])
def test_real_english_words_are_never_corrected(brain, word):
    assert brain.matcher.canon(word) in (word, word.rstrip("s"))


def test_calfs_and_calves_are_one_topic(brain):
    assert brain.matcher.analyse("calfs")[1] == brain.matcher.analyse("calves")[1] == ["calves"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=10_000))
def test_any_text_gets_a_valid_reply(brain, text):
    reply = brain.reply(text)
    assert reply.kind in KINDS
    assert 0.0 <= reply.confidence <= 1.0
    assert len(reply.suggestions) <= 3
    assert "not medical advice" in render_text(reply).lower()
    chunks = render_html(reply)
    assert chunks and all(len(chunk) <= 4096 for chunk in chunks)
    assert "not medical advice" in chunks[-1].lower()


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            "why is my psoas tight stretch hamstrings calves routine cooldown tip daily "
            "the a my how do i it another shorter help 🙂 budget jeans".split()
        ),
        max_size=12,
    )
)
def test_word_salad_never_crashes_and_context_chains(brain, words):
    from bot.reply import Context

    context = Context()
    for i in range(0, len(words) + 1, 3):
        reply = brain.reply(" ".join(words[i : i + 3]), context)
        assert reply.kind in KINDS
        context = reply.context
