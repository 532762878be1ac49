"""Normalisation, typo correction and the matcher's guarantees."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.render import render_html, render_text
from bot.reply import KINDS
from bot.understanding.text import normalize


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
    assert brain.matcher.words.canon(typo) == brain.matcher.words.canon(word)


def test_three_letter_typos_only_reach_topic_words(brain):
    assert brain.matcher.words.canon("bak") == brain.matcher.words.canon("back")
    assert brain.matcher.words.canon("nek") == brain.matcher.words.canon("neck")
    assert brain.matcher.words.canon("cat") == "cat"  # a real word, never "corrected"
    assert brain.matcher.words.canon("zzq") == "zzq"


@pytest.mark.parametrize(
    ("text", "topic"),
    [("nek strech pls", "neck"), ("upper bak strech?", "upper_back")],
)
def test_short_typos_of_topics_still_find_the_stretch(brain, text, topic):
    reply = brain.reply(text)
    assert (reply.kind, reply.topic) == ("stretch", topic)


def test_chat_fillers_do_not_count_against_a_match(brain):
    plain = brain.reply("calf stretch please")
    chatty = brain.reply("calf stretch pls asap lol tbh")
    assert (chatty.kind, chatty.topic) == (plain.kind, plain.topic) == ("stretch", "calves")


@pytest.mark.parametrize("text", ["stop daily tips pls", "no more daily tips", "daily tips off"])
def test_stop_never_turns_daily_tips_on(brain, text):
    assert brain.reply(text).intent == "daily.off"


@pytest.mark.parametrize("text", ["ok", "okay", "what", "what?", "how"])
def test_a_bare_word_is_not_a_question(brain, text):
    assert brain.reply(text).kind == "fallback"


@pytest.mark.parametrize(
    ("text", "kind", "topic"),
    [
        # context first, the question last, with or without punctuation
        (
            "i paint houses for a living and my shoulders are always tight how do i stretch them",
            "stretch",
            "shoulders",
        ),
        (
            "my baby is 4 months and i carry her all day and my upper back is so tight, "
            "how do i stretch it while she naps",
            "stretch",
            "upper_back",
        ),
        (
            "i stand behind a till all day on a hard floor, what is the best way to stretch my "
            "calves during a quiet moment without anyone noticing",
            "stretch",
            "calves",
        ),
        (
            "coached the under 12s all morning and my hamstrings are tight as piano wire, "
            "why do they always get so tight",
            "answer",
            "hamstrings",
        ),
    ],
)
def test_a_long_message_is_read_for_its_question(brain, text, kind, topic):
    reply = brain.reply(text)
    assert (reply.kind, reply.topic) == (kind, topic)


@pytest.mark.parametrize(
    "text",
    [
        "how do i back into a parking spot without hitting stuff",
        "what is the back end of a website",
        "any tips for a job interview tomorrow",
        "why does my cat arch her back when she sees the dog",
        "my friend is giving me the cold shoulder what do i do",
        "stretch for the last mile of the marathon and you will win, my coach says",
    ],
)
def test_our_words_in_other_senses_are_declined(brain, text):
    assert brain.reply(text).kind == "fallback"


@pytest.mark.parametrize("word", ["night", "light", "budget", "canvas", "right"])
def test_real_english_words_are_never_corrected(brain, word):
    assert brain.matcher.words.canon(word) in (word, word.rstrip("s"))


def test_calfs_and_calves_are_one_topic(brain):
    assert brain.matcher.analyse("calfs").topics == brain.matcher.analyse("calves").topics
    assert brain.matcher.analyse("calves").topics == ("calves",)


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
