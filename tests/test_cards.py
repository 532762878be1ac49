"""Stretch cards on a phone: what to do fits one screen, the rest is one tap away ("More").

The budget: a 6.1-inch phone (390 x 844 points, the most common size) shows Telegram's chat
between its header and the input bar in about 650 points; at the default text size a line is
about 21 points high, so about 30 lines, and a message bubble is about 300 points wide, about
38 characters. A card's text must wrap into at most 30 lines of 38 characters, and fit a photo's
caption (1,024 UTF-16 units) so that it goes out with its picture as one message. The full card
(feel, cautions, variants) is about one and a half of those screens, as issue 16 measured.
"""

from __future__ import annotations

import html
import re
import textwrap

import pytest

from bot.brain import Brain
from bot.kb import KnowledgeBase
from bot.render import CAPTION_LIMIT, render_html, render_json, render_text, units
from bot.replies import MORE_LABEL
from bot.reply import Context

#: characters on one line of a message bubble, and lines on one screen (see the docstring)
LINE_CHARACTERS = 38
SCREEN_LINES = 30


def shown(chunk: str) -> str:
    """What Telegram shows of an HTML chunk."""
    return html.unescape(re.sub(r"<[^>]+>", "", chunk))


def screen_lines(text: str) -> int:
    return sum(max(1, len(textwrap.wrap(line, LINE_CHARACTERS))) for line in text.split("\n"))


def test_every_card_fits_one_phone_screen_and_a_caption(brain: Brain, kb: KnowledgeBase):
    full_lines = []
    for stretch in kb.stretches.values():
        card = brain.resolve(f"stretch.{stretch.id}")
        chunks = render_html(card, limit=CAPTION_LIMIT)
        assert len(chunks) == 1, stretch.id
        text = shown(chunks[0])
        assert screen_lines(text) <= SCREEN_LINES, (stretch.id, screen_lines(text))
        assert units(text) <= CAPTION_LIMIT
        full_lines.append(screen_lines(render_text(card)))
    # the full card would not: it is about one and a half screens
    assert sorted(full_lines)[len(full_lines) // 2] > SCREEN_LINES * 1.3


def test_the_card_leads_with_what_to_do(brain: Brain, kb: KnowledgeBase):
    stretch = kb.stretches["wall_calf"]
    card = brain.resolve("stretch.wall_calf")
    text = shown(render_html(card)[0])
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines[0] == stretch.name
    assert lines[1].startswith("Targets: Calves · Hold 30 s")
    assert lines[2:7] == [f"{i}. {step}" for i, step in enumerate(stretch.steps, 1)]
    assert lines[-1] == kb.disclaimer.short
    assert card.picture == "wall_calf"
    assert [a.label for a in card.actions] == [MORE_LABEL, "Another stretch", "Start a routine"]


def test_more_shows_the_rest_and_the_terminal_keeps_the_whole_card(brain: Brain, kb: KnowledgeBase):
    stretch = kb.stretches["half_kneeling_hip_flexor"]
    card = brain.resolve(f"stretch.{stretch.id}")
    phone = shown("\n".join(render_html(card)))
    rest = [stretch.feel, *stretch.cautions, stretch.easier or "", stretch.harder or ""]
    assert not any(part in phone for part in rest if part)
    more = brain.resolve(card.actions[0].intent, card.context)
    assert more.intent == f"stretch.{stretch.id}.more"
    shown_more = shown("\n".join(render_html(more)))
    assert all(part in shown_more for part in rest if part)
    assert "not medical advice" in shown_more
    for text in (render_text(card), render_json(card)["text"]):
        assert all(part in text for part in rest if part)
        assert all(step in text for step in stretch.steps)
    # typing "more" after the card shows the same
    typed = brain.reply("more", card.context)
    assert typed.intent == more.intent


def test_a_stale_more_button_gets_the_polite_stale_reply(brain: Brain):
    reply = brain.resolve("more.a_stretch_that_is_gone", Context())
    assert reply.intent == "stale"
    assert "expired" in render_text(reply)


@pytest.mark.parametrize(
    ("condition", "stretch", "words"),
    [
        ("hip_replacement", "raised_leg_hamstring", "After a hip replacement"),
        ("osteoporosis", "cat_cow", "If you have osteoporosis"),
        ("pregnancy", "downward_dog", "late in pregnancy"),
    ],
)
def test_a_caution_about_a_condition_the_conversation_knows_stays_on_the_card(
    brain: Brain, condition: str, stretch: str, words: str
):
    plain = shown(render_html(brain.resolve(f"stretch.{stretch}"))[0])
    assert words not in plain
    card = brain.resolve(f"stretch.{stretch}", Context(conditions=(condition,)))
    on_card = shown("\n".join(render_html(card)))
    assert words in on_card
    assert on_card.count(words) == 1, "not twice: the More list keeps the others"


def test_a_caution_that_sends_someone_to_care_stays_on_every_card(brain: Brain):
    card = shown(render_html(brain.resolve("stretch.wall_calf"))[0])
    assert "swollen, warm, red or throbbing" in card


def test_a_condition_note_can_push_a_card_past_a_caption(brain: Brain):
    """The picture then goes with a short caption and the card follows as text (e2e)."""
    had_a_baby = brain.reply("i just had a baby")
    card = brain.reply("camel pose please", had_a_baby.context)
    assert card.picture == "camel_pose"
    assert len(render_html(card, limit=CAPTION_LIMIT)) == 2
    assert len(render_html(card)) == 1
