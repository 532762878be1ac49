"""Button actions: one grammar, typed both ways, and always within Telegram's 64 bytes."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot import actions as act
from bot.kb import MAX_ID_LENGTH, MAX_TOPIC_ID_LENGTH
from bot.reply import Context

EXAMPLES = [
    (act.ShowAnswer("psoas", "why_tight"), "psoas.why_tight"),
    (act.ShowAnswer("general", "how_long"), "general.how_long"),
    (act.TopicStretch("calves"), "calves.stretch"),
    (act.ShowStretch("wall_calf"), "stretch.wall_calf"),
    (act.AnotherStretch("calves", "wall_calf"), "another.calves.wall_calf"),
    (act.ShowRoutine("cooldown"), "routine.cooldown"),
    (act.ShowRoutine("cooldown", short=True), "short.cooldown"),
    (act.GuideStep("cooldown", 2), "guide.cooldown.2"),
    (act.GuideStop(), "guide.stop"),
    (act.Menu("topics"), "topics"),
    (act.Menu("routines"), "routines"),
    (act.NextTip(), "tip"),
    (act.TipAt(12), "tip.12"),
    (act.DailyInfo("on"), "daily.on"),
    (act.Help(), "help"),
    (act.SmallTalk("thanks"), "smalltalk.thanks"),
    (act.DailyButton("times"), "daily:times"),
    (act.DailyButton("stop"), "daily:stop"),
    (act.DailyAt(7, 30), "daily:at:0730"),
    (act.ZoneButton("America/Argentina/Buenos_Aires"), "tz:America.Argentina.Buenos_Aires"),
    (act.ZoneButton(None), "tz:other"),
    (act.ForgetButton(True), "forget:yes"),
    (act.ForgetButton(False), "forget:no"),
]


@pytest.mark.parametrize(("action", "data"), EXAMPLES)
def test_every_action_encodes_and_parses_back(action, data):
    assert act.encode(action) == data
    assert act.parse(data) == action


@pytest.mark.parametrize(
    "data",
    [
        "",
        "nope",
        "guide.cooldown.x",
        "guide.",
        "tip.",
        "tip.x",
        "daily.maybe",
        "psoas.why.tight",
        "<b>",
        "Psoas.what",
        "x" * 65,
        "daily:at:2460",
        "daily:status",
        "other:thing",
        None,
        42,
    ],
)
def test_data_no_button_carries_parses_to_none(data):
    assert act.parse(data) is None


def test_data_over_64_bytes_is_refused_when_built():
    with pytest.raises(ValueError, match="64 bytes"):
        act.encode(act.ShowStretch("s" * 60))


def test_the_id_limits_keep_every_action_within_64_bytes():
    topic, stretch = "t" * MAX_TOPIC_ID_LENGTH, "s" * MAX_ID_LENGTH
    longest = [
        act.AnotherStretch(topic, stretch),
        act.SmallTalk(stretch),
        act.ShowStretch(stretch),
        act.GuideStep(stretch, 999),
        act.ShowRoutine(stretch, short=True),
        act.ShowAnswer(topic, stretch),
    ]
    for action in longest:
        assert len(act.encode(action).encode()) <= act.MAX_BYTES


@given(st.text(max_size=80))
def test_parse_never_raises_and_round_trips(data):
    action = act.parse(data)
    if action is not None:
        assert act.parse(act.encode(action)) == action


def test_every_button_the_brain_shows_parses(brain, kb):
    replies = [brain.welcome(), brain.help(), brain.resolve("topics"), brain.resolve("routines")]
    replies += [brain.reply(m) for m in ("why is my psoas tight", "calf stretch", "a tip")]
    replies += [brain.resolve(f"routine.{rid}") for rid in kb.routines]
    for reply in replies:
        for action in (*reply.actions, *reply.suggestions):
            assert act.parse(action.intent) is not None, action


def test_every_context_field_is_carried_by_every_reply(brain):
    """A field added to Context must survive replies that do not set it."""
    fields = {f.name for f in dataclasses.fields(Context)}
    context = Context(
        topic="calves",
        kind="answer",
        intent="calves.why_tight",
        stretch="wall_calf",
        routine="cooldown",
        seen=("wall_calf",),
        conditions=("arthritis",),
        symptoms=("$leg_pain",),
    )
    assert {f for f in fields if getattr(context, f) in (None, ())} == set()
    # each reply changes some fields; the ones it does not name must come through unchanged
    # (symptoms are the exception: they are kept for one message, the next one's own)
    for reply, unchanged in (
        (brain.reply("hello", context), ("topic", "stretch", "routine", "seen", "conditions")),
        (brain.reply("cooldown after running", context), ("topic", "stretch", "seen")),
        (brain.resolve("daily.on", context), ("topic", "stretch", "routine", "seen")),
        (brain.help(context), ("topic", "stretch", "routine", "seen", "conditions")),
        (brain.reply("why are my hamstrings tight", context), ("stretch", "routine")),
    ):
        for name in unchanged:
            assert getattr(reply.context, name) == getattr(context, name), (reply.intent, name)
