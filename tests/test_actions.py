"""Button actions: one grammar, typed both ways, and always within Telegram's 64 bytes."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot import actions as act
from bot.kb import MAX_ID_LENGTH, MAX_TOPIC_ID_LENGTH
from bot.reply import LIMITS, MAX_BASE_LENGTH, MAX_MINUTES, MIN_MINUTES, Context, Plan

EXAMPLES = [
    (act.ShowAnswer("psoas", "why_tight"), "psoas.why_tight"),
    (act.ShowAnswer("general", "how_long"), "general.how_long"),
    (act.TopicStretch("calves"), "calves.stretch"),
    (act.ShowStretch("wall_calf"), "stretch.wall_calf"),
    (act.StretchMore("wall_calf"), "more.wall_calf"),
    (act.AnotherStretch("calves", "wall_calf"), "another.calves.wall_calf"),
    (act.ShowRoutine(Plan("cooldown")), "routine.cooldown"),
    (act.ShowRoutine(Plan("cooldown", length="short")), "plan.cooldown.s"),
    (act.ShowRoutine(Plan("cooldown", length="long")), "plan.cooldown.l"),
    (
        act.ShowRoutine(Plan("cooldown", length=10, limits=frozenset({"no_kneeling"}))),
        "plan.cooldown.10k",
    ),
    (act.ShowRoutine(Plan("neck", area=True, length=5)), "plan.neck.5a"),
    (
        act.ShowRoutine(Plan("desk_break", limits=frozenset({"chair", "easier"}))),
        "plan.desk_break.ce",
    ),
    (act.GuideStep(Plan("cooldown"), 2), "guide.cooldown.2"),
    (act.GuideStep(Plan("cooldown", length="short"), 0), "guide.cooldown.s.0"),
    (
        act.GuideStep(Plan("hamstrings", area=True, length=45, limits=frozenset(LIMITS[1:])), 12),
        "guide.hamstrings.45aefkbt.12",
    ),
    (act.GuideStop(), "guide.stop"),
    (act.GuideStep(Plan("cooldown"), 3, manual=True), "guide.cooldown.3m"),
    (act.GuidePause(Plan("cooldown"), 3), "guide.cooldown.3p"),
    (act.GuidePause(Plan("cooldown", length="short"), 3, manual=True), "guide.cooldown.s.3mp"),
    (act.GuideStop(Plan("cooldown"), 0), "guide.cooldown.0x"),
    (act.GuideStop(Plan("neck", area=True, length=5), 4, manual=True), "guide.neck.5a.4mx"),
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
        "plan.cooldown",
        "plan.cooldown.",
        "plan.cooldown.x",
        "plan.cooldown.ss",
        "plan.cooldown.ls",
        "plan.cooldown.1",
        "plan.cooldown.46",
        "plan.cooldown.05",
        "plan.cooldown.100",
        "plan.cooldown.kc",
        "plan.cooldown.kk",
        "plan.cooldown.ct",
        "plan.cooldown.10.k",
        "plan.2cooldown.s",
        "plan..s",
        "guide.cooldown..0",
        "guide.cooldown.s.",
        "guide.cooldown.s.x",
        "guide.cooldown.s.01",
        "guide.cooldown.s.1000",
        "guide.cooldown.q.0",
        "guide.cooldown.s.k.0",
        "guide.cooldown.3pm",  # the mode letter comes first
        "guide.cooldown.3px",
        "guide.cooldown.3mm",
        "guide.cooldown.m",
        "guide.cooldown.03p",
        "guide.cooldown.3s",
        "routine.cooldown.s",
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
    widest = Plan(stretch, area=True, length=MAX_MINUTES, limits=frozenset(LIMITS) - {"chair"})
    longest = [
        act.AnotherStretch(topic, stretch),
        act.SmallTalk(stretch),
        act.ShowStretch(stretch),
        act.StretchMore(stretch),
        act.GuideStep(Plan(stretch), 999),
        act.GuideStep(widest, 999),
        act.GuidePause(widest, 999, manual=True),
        act.GuideStop(widest, 999, manual=True),
        act.ShowRoutine(widest),
        act.ShowAnswer(topic, stretch),
    ]
    for action in longest:
        assert len(act.encode(action).encode()) <= act.MAX_BYTES
    # a routine for several areas: the longest base its buttons may carry
    areas = Plan("t" * (MAX_BASE_LENGTH - 2) + "+t", area=True, length=MAX_MINUTES)
    widest_areas = dataclasses.replace(areas, limits=frozenset(LIMITS) - {"chair"})
    for action in (act.GuideStop(widest_areas, 999, manual=True), act.ShowRoutine(widest_areas)):
        data = act.encode(action)
        assert len(data.encode()) <= act.MAX_BYTES and act.parse(data) == action


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
        plan=Plan("cooldown", length="short"),
        limits=frozenset({"no_kneeling"}),
        activities=("warmup_soccer", "cooldown"),
        areas=("calves", "hamstrings"),
        skipped=("leg_swings",),
    )
    assert {f for f in fields if getattr(context, f) in (None, (), frozenset())} == set()
    # each reply changes some fields; the ones it does not name must come through unchanged
    # (symptoms are the exception: they are kept for one message, the next one's own)
    # (and the areas named together end when one area is named alone)
    kept = ("plan", "limits", "activities", "skipped")
    for reply, unchanged in (
        (
            brain.reply("hello", context),
            ("topic", "stretch", "routine", "seen", "conditions", "areas", *kept),
        ),
        (
            brain.reply("cooldown after running", context),
            ("topic", "stretch", "seen", "limits", "areas"),
        ),
        (
            brain.resolve("daily.on", context),
            ("topic", "stretch", "routine", "seen", "areas", *kept),
        ),
        (
            brain.help(context),
            ("topic", "stretch", "routine", "seen", "conditions", "areas", *kept),
        ),
        (brain.reply("why are my hamstrings tight", context), ("stretch", "routine", *kept)),
    ):
        for name in unchanged:
            assert getattr(reply.context, name) == getattr(context, name), (reply.intent, name)


# --------------------------------------------------------------------------- plan specs

plans = st.builds(
    Plan,
    base=st.from_regex(r"[a-z][a-z0-9_]{0,31}", fullmatch=True),
    area=st.booleans(),
    length=st.one_of(
        st.sampled_from(["short", "standard", "long"]),
        st.integers(min_value=MIN_MINUTES, max_value=MAX_MINUTES),
    ),
    limits=st.frozensets(st.sampled_from(LIMITS)).filter(
        lambda limits: not {"chair", "standing"} <= limits
    ),
)


@given(plans, st.integers(min_value=0, max_value=999))
def test_every_plan_round_trips_through_its_buttons_within_64_bytes(plan, step):
    guide = [
        kind(plan, step, manual)
        for kind in (act.GuideStep, act.GuidePause, act.GuideStop)
        for manual in (False, True)
    ]
    for action in (act.ShowRoutine(plan), *guide):
        data = act.encode(action)
        assert len(data.encode()) <= act.MAX_BYTES
        assert act.parse(data) == action
    assert act.parse_spec(plan.base, act.spec(plan)) == plan


@given(st.text(alphabet="slacefkt0123456789.", max_size=8))
def test_a_spec_parses_only_as_the_spec_its_plan_writes(code):
    plan = act.parse_spec("cooldown", code)
    if plan is not None:
        assert act.spec(plan) == code


@pytest.mark.parametrize(
    "plan",
    [
        Plan("cooldown", length=MIN_MINUTES - 1),
        Plan("cooldown", length=MAX_MINUTES + 1),
        Plan("cooldown", limits=frozenset({"chair", "standing"})),
    ],
)
def test_a_plan_no_spec_can_hold_is_refused_when_built(plan):
    with pytest.raises(ValueError, match="plan"):
        act.encode(act.ShowRoutine(plan))


def test_old_short_buttons_still_open_the_short_version():
    assert act.parse("short.cooldown") == act.ShowRoutine(Plan("cooldown", length="short"))
