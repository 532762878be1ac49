"""Routines sized to the person: lengths, order rules, limits, and plans that travel in buttons.

The rules are checked on every routine of the shipped knowledge base, so a routine added or
edited later is held to them too.
"""

from __future__ import annotations

import re

import pytest
import yaml

from bot import actions as act
from bot import sizing
from bot.brain import Brain
from bot.kb import KnowledgeBase, load_kb
from bot.render import render_text
from bot.replies import LEAVES_OUT
from bot.reply import LIMITS, MAX_BASE_LENGTH, MAX_MINUTES, MIN_MINUTES, Context, Plan, Reply
from bot.sizing import LIMIT_TAGS, MAX_STEP_SECONDS, TOLERANCE, Sized, Sizer, resized
from tests.conftest import KNOWLEDGE, converse, mini_kb_files

ROUTINES = tuple(load_kb(KNOWLEDGE).routines)
SIZES = ("short", "long")
#: lengths every routine can reach with its areas' stretches
REACHABLE_MINUTES = (2, 3, 5, 8, 10, 15, 20)
#: lengths some routines cannot reach (a 45-minute warm-up): the overview says so
FAR_MINUTES = (30, 45)
#: limits one at a time and together
LIMIT_SETS = (
    frozenset({"no_kneeling"}),
    frozenset({"no_floor"}),
    frozenset({"chair"}),
    frozenset({"standing"}),
    frozenset({"no_kneeling", "no_floor"}),
    frozenset({"chair", "easier"}),
)


@pytest.fixture(scope="module")
def sizer(kb: KnowledgeBase) -> Sizer:
    return Sizer(kb)


def tags(kb: KnowledgeBase, stretch_ids) -> set[str]:
    return {tag for s in stretch_ids for tag in kb.stretches[s].caution_tags}


def assert_order_rules(kb: KnowledgeBase, sized: Sized) -> None:
    """Never the same stretch twice in a row; moving stays moving (a warm-up) and held stays
    held (a cooldown); moving before held when the routine has it so; no empty routine."""
    steps = sized.steps
    assert steps, "never an empty routine"
    for before, after in zip(steps, steps[1:], strict=False):
        assert before.stretch != after.stretch, f"{before.stretch} twice in a row"
    base = kb.routines[sized.plan.base].steps if not sized.plan.area else ()
    if base:
        base_types = {kb.stretches[s.stretch].type for s in base}
        types = [kb.stretches[s.stretch].type for s in steps]
        assert set(types) <= base_types, f"a {set(types) - base_types} stretch was added"
        base_order = [kb.stretches[s.stretch].type for s in base]
        if base_order == sorted(base_order):  # dynamic before static, as in a cooldown
            assert types == sorted(types), "a moving stretch after a held one"
    for step in steps:
        cap = MAX_STEP_SECONDS[kb.stretches[step.stretch].type]
        assert step.seconds <= max(cap, *(s.seconds for s in base), 0)


# --------------------------------------------------------------------------- sizes


@pytest.mark.parametrize("routine", ROUTINES)
def test_the_standard_size_is_the_routine_as_written(sizer, kb, routine):
    sized = sizer.build(Plan(routine))
    assert sized is not None
    assert sized.steps == kb.routines[routine].steps
    assert sized.total_seconds == kb.routines[routine].total_seconds


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("routine", ROUTINES)
def test_short_and_long_keep_within_the_time_and_order_rules(sizer, kb, routine, size):
    sized = sizer.build(Plan(routine, length=size))
    assert sized is not None
    total, written = sized.total_seconds, kb.routines[routine].total_seconds
    share = 0.5 if size == "short" else 1.5
    assert abs(total - share * written) <= TOLERANCE * share * written, (total, written)
    assert_order_rules(kb, sized)
    if size == "short":  # stretches dropped, the order kept
        base = [s.stretch for s in kb.routines[routine].steps]
        kept = [s.stretch for s in sized.steps]
        assert kept == [s for s in base if s in kept]
        assert len(kept) < len(base)
    else:
        assert total > written


@pytest.mark.parametrize("minutes", REACHABLE_MINUTES)
@pytest.mark.parametrize("routine", ROUTINES)
def test_n_minutes_of_every_routine_are_within_a_fifth(sizer, kb, routine, minutes):
    sized = sizer.build(Plan(routine, length=minutes))
    assert sized is not None and sized.on_target
    assert abs(sized.total_seconds - 60 * minutes) <= TOLERANCE * 60 * minutes
    assert_order_rules(kb, sized)


@pytest.mark.parametrize("minutes", FAR_MINUTES)
@pytest.mark.parametrize("routine", ROUTINES)
def test_a_length_out_of_reach_is_said_plainly(brain, sizer, kb, routine, minutes):
    plan = Plan(routine, length=minutes)
    sized = sizer.build(plan)
    assert sized is not None
    assert_order_rules(kb, sized)
    text = render_text(brain.replies.sized_routine(plan, Context()))
    if not sized.on_target:
        assert "as long as I can make it" in text
    else:
        assert "as long as I can make it" not in text


@pytest.mark.parametrize("routine", ROUTINES)
def test_added_stretches_are_for_the_routines_areas_and_ask_nothing_new(sizer, kb, routine):
    base = kb.routines[routine].steps
    areas = {t for s in base for t in kb.stretches[s.stretch].topics}
    asked = tags(kb, (s.stretch for s in base))
    sized = sizer.build(Plan(routine, length=20))
    assert sized is not None and sized.added
    for stretch in sized.added:
        assert areas & set(kb.stretches[stretch].topics), stretch
        assert tags(kb, (stretch,)) <= asked, stretch


def test_a_short_version_drops_stretches_whose_area_is_covered_first(sizer, kb):
    # the lying figure-four works the glutes, which the knee-to-chest stretch also covers
    sized = sizer.build(Plan("cooldown", length="short"))
    assert sized is not None
    assert "lying_figure_four" in sized.dropped
    assert "wall_calf" in [s.stretch for s in sized.steps]


def test_longer_and_shorter_move_along_the_sizes_then_the_minutes():
    plan = Plan("cooldown")
    assert resized(plan, longer=False, total_seconds=420) == Plan("cooldown", length="short")
    assert resized(plan, longer=True, total_seconds=420) == Plan("cooldown", length="long")
    long = Plan("cooldown", length="long")
    assert resized(long, longer=True, total_seconds=600) == Plan("cooldown", length=15)
    assert resized(Plan("cooldown", length=10), longer=False, total_seconds=600).length == 5
    assert resized(Plan("cooldown", length=MAX_MINUTES), longer=True, total_seconds=2700) is None
    assert resized(Plan("cooldown", length=MIN_MINUTES), longer=False, total_seconds=120) is None


# --------------------------------------------------------------------------- limits


@pytest.mark.parametrize("limits", LIMIT_SETS, ids=lambda limits: "+".join(sorted(limits)))
@pytest.mark.parametrize("routine", ROUTINES)
def test_limits_leave_out_every_stretch_with_their_tags(sizer, kb, routine, limits):
    excluded = frozenset().union(*(LIMIT_TAGS[limit] for limit in limits))
    for length in ("standard", "short", "long", 10):
        sized = sizer.build(Plan(routine, length=length, limits=limits))
        assert sized is not None, (routine, length)
        assert not tags(kb, (s.stretch for s in sized.steps)) & excluded, (routine, length)
        assert_order_rules(kb, sized)


@pytest.mark.parametrize("condition", ["pregnancy", "knee_replacement", "osteoporosis"])
@pytest.mark.parametrize("routine", ROUTINES)
def test_limits_combine_with_the_conversations_conditions(sizer, kb, routine, condition):
    avoided = set(kb.conditions[condition].avoid)
    limits = frozenset({"no_kneeling"})
    sized = sizer.build(Plan(routine, length=10, limits=limits), avoided)
    if sized is None:
        return  # nothing fits: the brain says so (test_nothing_that_fits_is_said)
    assert not tags(kb, (s.stretch for s in sized.steps)) & (avoided | {"kneeling"})
    assert_order_rules(kb, sized)


def test_a_limit_fills_the_time_back_with_stretches_that_fit(sizer, kb):
    sized = sizer.build(Plan("cooldown", limits=frozenset({"no_kneeling"})))
    assert sized is not None
    assert ("half_kneeling_hip_flexor", "standing_hip_flexor") in sized.replaced
    assert sized.total_seconds == kb.routines["cooldown"].total_seconds
    bedtime = sizer.build(Plan("bedtime", limits=frozenset({"no_floor"})))
    assert bedtime is not None
    written = kb.routines["bedtime"].total_seconds
    assert abs(bedtime.total_seconds - written) <= TOLERANCE * written


# --------------------------------------------------------------------------- the overview and the guide


def guided(brain, overview: Reply) -> list[tuple[str, str]]:
    """(stretch, time) of every step "Start guided" walks through, to the end."""
    start = next(a for a in overview.actions if a.label.startswith("Start guided"))
    reply, seen = brain.resolve(start.intent, overview.context), []
    while not reply.intent.endswith(".done"):
        assert reply.kind == "routine" and reply.intent.startswith("guide."), reply.intent
        meta = next(b.text for b in reply.blocks if b.style == "meta")
        name, time = meta.split(" · ")
        seen.append((reply.stretches[0], time))
        total = re.search(r"step (\d+) of (\d+)", render_text(reply))
        assert total and int(total[1]) == len(seen)
        reply = brain.resolve(reply.actions[0].intent, reply.context)
    return seen


def listed(brain, overview: Reply) -> list[tuple[str, str]]:
    """(stretch, time) of every stretch the overview lists."""
    steps = next(b for b in overview.blocks if b.style == "steps")
    times = [item.split(": ", 1)[1].split(". Easier:")[0] for item in steps.items]
    return list(zip(overview.stretches, times, strict=True))


@pytest.mark.parametrize(
    "plan",
    [
        Plan("cooldown", length="short"),
        Plan("cooldown", length="long", limits=frozenset({"no_kneeling", "easier"})),
        Plan("warmup", length=10),
        Plan("desk_break", length=20, limits=frozenset({"chair"})),
        Plan("bedtime", limits=frozenset({"no_floor"})),
        Plan("neck", area=True, length=5),
        Plan("hamstrings", area=True, length=12, limits=frozenset({"standing"})),
        Plan("neck+shoulders", area=True),
        Plan("hip_flexors+lower_back+glutes", area=True, length=8, limits=frozenset({"no_floor"})),
    ],
    ids=lambda plan: f"{plan.base}.{act.spec(plan) or 'plain'}",
)
def test_guided_steps_are_exactly_the_overviews(brain, plan):
    overview = brain.resolve(act.encode(act.ShowRoutine(plan)))
    assert overview.kind == "routine" and overview.stretches
    assert guided(brain, overview) == listed(brain, overview)
    built = brain.replies.steps_of(plan, Context())
    assert tuple(s.stretch for s in built) == overview.stretches


@pytest.mark.parametrize("routine", ROUTINES)
def test_the_short_version_guides_its_own_steps_not_the_full_routine(brain, routine):
    full = brain.resolve(f"routine.{routine}")
    short = brain.resolve(f"short.{routine}")  # a button sent before plans
    steps = guided(brain, short)
    assert steps == listed(brain, short)
    assert len(steps) < len(full.stretches)


def test_guided_steps_keep_to_a_condition_named_before_the_overview(brain, kb):
    pregnant = brain.reply("i'm 20 weeks pregnant")
    overview = brain.reply("i have 10 minutes", pregnant.context)
    steps = guided(brain, overview)
    assert steps == listed(brain, overview)
    assert not tags(kb, (s for s, _ in steps)) & set(kb.conditions["pregnancy"].avoid)


@pytest.mark.parametrize(
    "data",
    [
        "plan.cooldown.x",
        "plan.cooldown.46",
        "plan.cooldown.kc",
        "plan.nope.s",
        "plan.neck.5",  # a topic, not a routine, without the area flag
        "plan.cooldown.5a",  # a routine with the area flag
        "guide.cooldown.s.99",  # past the last step
        "guide.cooldown.s.x",
        "guide.general.5a.0",
        "plan.neck+neck.a",  # an area twice
        "guide.neck+nope.a.0",  # an area that is not one
        "plan.neck+shoulders+chest+calves.a",  # more areas than a routine takes
        "neck+shoulders.stretch",
    ],
)
def test_stale_or_malformed_plans_get_the_polite_answer(brain, data):
    reply = brain.resolve(data)
    assert reply.intent == "stale"
    assert "expired" in render_text(reply)


def test_every_sized_button_resolves_within_64_bytes(brain):
    for message in ("i have 10 minutes", "got 5 mins for my neck", "chair only routine"):
        reply = brain.reply(message)
        for action in reply.actions:
            assert len(action.intent.encode()) <= act.MAX_BYTES
            assert brain.resolve(action.intent, reply.context).intent != "stale"


# --------------------------------------------------------------------------- messages


def total_seconds(kb: KnowledgeBase, reply: Reply) -> int:
    text = next(b.text for b in reply.blocks if b.style == "meta")
    assert reply.kind == "routine", reply.intent
    steps = next(b for b in reply.blocks if b.style == "steps")
    seconds = 0
    for item in steps.items:
        time = item.split(": ", 1)[1].split(". Easier:")[0]
        found = re.fullmatch(r"(?:(\d+) min)? ?(?:(\d+) s)?", time)
        assert found, time
        seconds += 60 * int(found[1] or 0) + int(found[2] or 0)
    assert "about" in text
    return seconds


@pytest.mark.parametrize(
    ("message", "minutes"),
    [
        ("i have 10 minutes", 10),
        ("10 min", 10),
        ("a 5 minute one", 5),
        ("quarter of an hour", 15),
        ("got 20 mins", 20),
        ("i've only got five minutes", 5),
        ("what can i do in 10 minutes", 10),
        ("half an hour", 30),
    ],
)
def test_i_have_n_minutes_builds_about_n_minutes(brain, kb, message, minutes):
    reply = brain.reply(message)
    assert reply.kind == "routine", reply.intent
    seconds = total_seconds(kb, reply)
    assert abs(seconds - 60 * minutes) <= TOLERANCE * 60 * minutes
    text = render_text(reply)
    assert f"{minutes}-minute version" in text
    assert "You didn't name a routine" in text, "the general base is said"


@pytest.mark.parametrize(
    "message",
    [
        "8 hour drive tomorrow, what should i stretch at the rest stops",
        "12 hr shifts on my feet, calf stretches?",
        "i do 60 min spin sessions twice a week, what cool down should i do after",
        "road trip stretches, 6 hrs driving today",
        "2 hours walking round town, legs need a stretch",
    ],
)
def test_a_length_that_tells_of_something_else_is_no_routine_length(brain, message):
    """ "12 hr shifts", "an 8 hour drive", "60 min spin sessions": the story, not how long
    the routine should be."""
    assert "-minute version" not in render_text(brain.reply(message))


@pytest.mark.parametrize(
    ("message", "minutes"),
    [("give me a 10 minute standing routine", 10), ("5 min sitting stretches", 5)],
)
def test_minutes_of_standing_or_sitting_before_a_stretch_are_the_routines(brain, message, minutes):
    """ "5 hours driving" is the story; "a 10 minute standing routine" is the routine's length."""
    assert f"{minutes}-minute version" in render_text(brain.reply(message))


def test_a_length_before_a_stretch_and_a_session_is_the_routines(brain):
    assert "15-minute version" in render_text(brain.reply("give me a 15 min stretch session"))


def test_n_minutes_for_an_area_uses_that_areas_stretches(brain, kb):
    reply = brain.reply("got 5 mins for my neck")
    assert (reply.kind, reply.topic, reply.routine) == ("routine", "neck", None)
    assert all("neck" in kb.stretches[s].topics for s in reply.stretches)
    assert abs(total_seconds(kb, reply) - 300) <= TOLERANCE * 300
    hips = brain.reply("10 minutes for my hips")
    assert hips.topic == "hip_flexors"
    assert all("hip_flexors" in kb.stretches[s].topics for s in hips.stretches)


def test_n_minutes_follow_the_routine_or_area_of_the_conversation(brain, kb):
    _routine, sized = converse(brain, "warm up routine", "i have 10 minutes")
    assert sized.routine == "warmup"
    assert "You didn't name" not in render_text(sized)
    _stretch, area = converse(brain, "how do i stretch my calves", "i have 5 minutes")
    assert (area.kind, area.topic) == ("routine", "calves")


def test_a_routine_named_with_its_length(brain, kb):
    reply = brain.reply("a 10 minute cooldown after my run")
    assert reply.routine == "cooldown_running"
    assert abs(total_seconds(kb, reply) - 600) <= TOLERANCE * 600


@pytest.mark.parametrize(
    ("message", "minutes"), [("i have 2 hours", MAX_MINUTES), ("i have 1 minute", MIN_MINUTES)]
)
def test_a_length_out_of_range_says_what_can_be_done(brain, message, minutes):
    reply = brain.reply(message)
    text = render_text(reply)
    assert f"{MIN_MINUTES} to {MAX_MINUTES} minutes" in text
    assert f"{minutes}-minute version" in text


def test_longer_and_shorter_resize_the_routine_in_the_conversation(brain, kb):
    routine, longer, quicker, quickest = converse(
        brain, "cooldown routine", "a longer one please", "quicker", "quicker"
    )
    assert longer.routine == quicker.routine == quickest.routine == "cooldown"
    times = [total_seconds(kb, r) for r in (longer, quicker, quickest)]
    assert times[0] > times[1] > times[2]
    assert times[1] == total_seconds(kb, routine)
    assert "Long version" in render_text(longer) and "Short version" in render_text(quickest)
    shorter = brain.reply("shorter", routine.context)
    assert total_seconds(kb, shorter) < total_seconds(kb, routine)


def test_no_kneeling_after_a_routine_leaves_kneeling_out_and_stays(brain, kb):
    routine, no_kneeling, bedtime = converse(
        brain, "cooldown routine", "no kneeling", "bedtime routine please"
    )
    assert "kneeling" in tags(kb, routine.stretches)
    assert no_kneeling.routine == "cooldown"
    assert "kneeling" not in tags(kb, no_kneeling.stretches)
    assert "No kneeling" in render_text(no_kneeling)
    assert "kneeling" not in tags(kb, bedtime.stretches), "the limit stays for follow-ups"
    assert "no_kneeling" in bedtime.context.limits


@pytest.mark.parametrize(
    ("message", "limit"),
    [
        ("chair only routine", "chair"),
        ("stretches i can do sitting", "chair"),
        ("standing only", "standing"),
    ],
)
def test_chair_or_standing_leaves_out_what_it_names_and_says_so(brain, kb, message, limit):
    reply = brain.reply(message)
    assert reply.kind == "routine"
    assert not tags(kb, reply.stretches) & LIMIT_TAGS[limit]
    assert f"I've left out {LEAVES_OUT[limit]}" in render_text(reply)


def test_a_seated_ask_leaves_out_what_is_done_standing(brain, kb):
    # "sitting down" is seated: not the wall calf stretch, which is done standing
    card = brain.reply("calf stretch sitting down")
    assert card.stretches and "standing" not in tags(kb, card.stretches)
    assert "standing" in tags(kb, brain.reply("calf stretch").stretches)
    assert "I've left out everything done standing" in render_text(
        brain.reply("chair only routine")
    )


def test_easier_after_a_routine_shows_each_easier_version(brain, kb):
    routine, easier = converse(brain, "desk break", "easier")
    assert easier.routine == "desk_break" and easier.stretches == routine.stretches
    text = render_text(easier)
    for stretch in easier.stretches:
        if kb.stretches[stretch].easier:
            assert kb.stretches[stretch].easier in text
    step = brain.resolve(easier.actions[0].intent, easier.context)
    assert kb.stretches[step.stretches[0]].easier in render_text(step)


def test_easier_after_a_stretch_is_still_its_easier_version(brain):
    _card, easier = converse(brain, "how do i stretch my calves", "easier")
    assert easier.intent == "stretch.wall_calf.easier"


def test_a_limit_for_one_stretch_gets_a_stretch_that_fits(brain, kb):
    reply = brain.reply("how do i stretch my psoas without kneeling")
    assert reply.kind == "stretch"
    assert "kneeling" not in tags(kb, reply.stretches)
    _card, other = converse(brain, "how do i stretch my psoas", "no kneeling")
    assert other.kind == "stretch" and "kneeling" not in tags(kb, other.stretches)


def test_nothing_that_fits_is_said_never_an_empty_routine(tmp_path):
    """A knowledge base whose stretches are all done on the floor: "chair only" leaves
    nothing, and the reply says why instead of listing no stretches."""
    files = mini_kb_files()
    for stretch in files["stretches.yaml"]["stretches"]:
        stretch["caution_tags"] = ["floor"]
    for name, doc in files.items():
        (tmp_path / name).write_text(yaml.safe_dump(doc, sort_keys=False))
    brain = Brain(load_kb(tmp_path))
    overview = brain.resolve("routine.cooldown")
    assert overview.stretches == ("psoas_stretch",)
    nothing = brain.resolve("plan.cooldown.c", overview.context)  # the mini base has no cues
    assert nothing.intent == "routine.nothing_fits" and not nothing.stretches
    assert "“chair only” leaves out everything done standing, on the floor" in render_text(nothing)
    assert nothing.actions and all(
        brain.resolve(a.intent).intent != "stale" for a in nothing.actions
    )
    guide = brain.resolve("guide.cooldown.c.0", nothing.context)
    assert guide.intent == "routine.nothing_fits", "a guide never walks an empty routine"


def test_what_is_offered_when_nothing_fits_does_fit(brain, kb, sizer):
    """Wherever the shipped knowledge base has an area that a limit empties, the offers fit."""
    for topic in kb.topics:
        for limits in LIMIT_SETS:
            plan = Plan(topic, area=True, limits=limits)
            if not sizer.can_build(plan) or sizer.build(plan) is not None:
                continue
            nothing = brain.resolve(act.encode(act.ShowRoutine(plan)))
            assert nothing.intent == "routine.nothing_fits" and not nothing.stretches
            for offer in (a for a in nothing.actions if a.intent.startswith("plan.")):
                offered = brain.resolve(offer.intent, nothing.context)
                assert offered.kind == "routine" and offered.stretches
                excluded = frozenset().union(*(LIMIT_TAGS[limit] for limit in limits))
                assert not tags(kb, offered.stretches) & excluded


@pytest.mark.parametrize(
    "message",
    [
        "i have 10 minutes but my calf is swollen red and hot",
        "10 min stretch, i have crushing chest pain",
    ],
)
def test_red_flags_still_win(brain, message):
    reply = brain.reply(message)
    assert reply.kind == "red_flag" and not reply.stretches


@pytest.mark.parametrize(
    "message",
    [
        "set a timer for 10 minutes",
        "back in a minute",
        "i have 10 minutes before my meeting",
        "can you give me 5 minutes",
        "10 minutes is what the timer should be set at",
    ],
)
def test_other_minutes_are_not_a_routine(brain, message):
    assert brain.reply(message).kind != "routine"


def test_the_limits_and_plan_are_kept_in_the_context(brain):
    reply = brain.reply("chair only routine")
    assert reply.context.limits == frozenset({"chair"})
    assert reply.context.plan == Plan("desk_break", limits=frozenset({"chair"}))
    assert set(LIMITS) >= reply.context.limits


@pytest.mark.parametrize(
    ("message", "areas", "title"),
    [
        ("routine for my neck and shoulders", ("neck", "shoulders"), "neck and shoulders"),
        ("can i get a routine for tight hamstrings and calves", ("hamstrings", "calves"), None),
        (
            "stretch routine for my hips, lower back and glutes pls",
            ("hip_flexors", "lower_back", "glutes"),
            "hip flexors, lower back and glutes",
        ),
    ],
)
def test_a_routine_for_several_areas_has_stretches_of_each(brain, kb, message, areas, title):
    reply = brain.reply(message)
    assert reply.intent == "routine.area." + "+".join(areas)
    assert reply.topic == areas[0] and reply.context.topic == areas[0]
    main = {kb.stretches[s].topics[0] for s in reply.stretches}
    assert set(areas) <= main
    assert len(reply.stretches) <= sizing.MAX_AREA_STEPS
    if title:
        assert f"A routine for your {title}" in render_text(reply)


def test_minutes_for_several_areas_size_their_routine(brain, kb):
    reply = brain.reply("5 minute routine for neck and shoulders")
    assert reply.intent == "routine.area.neck+shoulders"
    assert "5-minute version" in render_text(reply)
    assert abs(total_seconds(kb, reply) - 300) <= 0.2 * 300
    longer = brain.reply("longer", reply.context)
    assert longer.intent == "routine.area.neck+shoulders"
    assert total_seconds(kb, longer) > total_seconds(kb, reply)


def test_areas_too_long_for_a_button_keep_the_first_ones(brain):
    plan = brain._areas_plan(["wrists_forearms", "hip_flexors", "quadriceps", "neck"])
    assert plan.areas == ("wrists_forearms", "hip_flexors", "quadriceps")
    assert len(plan.base) <= MAX_BASE_LENGTH
    for action in brain.replies.sized_routine(plan, Context()).actions:
        assert len(action.intent.encode()) <= act.MAX_BYTES


@pytest.mark.parametrize(
    ("first", "both", "areas"),
    [
        ("my neck and shoulders are tight", "stretch for both?", ("neck", "shoulders")),
        (
            "my hamstrings and calves ache after standing all day",
            "anything for both of them pls",
            ("hamstrings", "calves"),
        ),
    ],
)
def test_both_after_two_areas_is_one_routine_for_them(brain, first, both, areas):
    told = brain.reply(first)
    assert told.context.areas == areas
    # the reply about the first area offers the routine for all of them
    offered = [a.intent for a in told.actions if a.intent.startswith("plan.")]
    assert offered == ["plan." + "+".join(areas) + ".a"]
    assert brain.resolve(offered[0], told.context).intent == "routine.area." + "+".join(areas)
    assert brain.reply(both, told.context).intent == "routine.area." + "+".join(areas)


def test_both_after_one_area_is_still_both_sides(brain):
    card = brain.reply("stretch for my neck")
    assert card.context.areas == ()
    assert brain.reply("both?", card.context).intent.endswith(".other_side")
    two = brain.reply("my neck and shoulders are tight")
    assert brain.reply("both sides?", two.context).intent.endswith(".other_side")
    # one area named alone ends the pair
    assert brain.reply("why is my neck tight", two.context).context.areas == ()


@pytest.mark.parametrize(
    "message",
    [
        "hamstrings like cables from the office chair, what should i do",
        "my back is killing me from my office chair, any stretches",
        "sat in my office chair all day and my hips are tight, stretch?",
    ],
)
def test_a_seat_told_as_the_cause_sets_no_limit(brain, message):
    reply = brain.reply(message)
    assert reply.kind == "stretch"
    assert "chair" not in reply.context.limits
    assert "chair only" not in render_text(reply)


@pytest.mark.parametrize(
    "message", ["stretches i can do from my office chair", "neck stretch in my chair please"]
)
def test_a_seat_asked_for_is_a_limit(brain, message):
    reply = brain.reply(message)
    assert "chair" in reply.context.limits


@pytest.mark.parametrize(
    "message",
    [
        "heart was racing after the intervals, back to normal in a couple of minutes",
        "calf cramped mid run but it was fine in 5 minutes, cool down?",
    ],
)
def test_a_time_something_took_to_pass_is_no_routines_length(brain, message):
    asked = brain.sizes.read(brain.matcher.analyse(message))
    assert asked is None or asked.minutes is None
    assert brain.sizes.read(brain.matcher.analyse("running cool down in 5 minutes")).minutes == 5


@pytest.mark.parametrize(
    ("message", "routine", "minutes"),
    [
        ("want a head to toe thing, 15 mins, nothing fancy", "full_body", 15),
        ("a whole body routine, 10 mins, nothing fancy", "full_body", 10),
        ("5 min wake up sequence pls, i get out of bed like a rusty robot", "morning", 5),
    ],
)
def test_a_routine_named_with_a_length_and_chat_words_gets_that_length(
    brain, message, routine, minutes
):
    reply = brain.reply(message)
    assert reply.intent == f"routine.{routine}"
    assert f"{minutes}-minute version" in render_text(reply)


@pytest.mark.parametrize("message", ["want a full body thing", "a head to toe thing please"])
def test_a_routine_named_as_a_thing_is_asked_for(brain, message):
    assert brain.reply(message).intent == "routine.full_body"


def test_just_the_best_few_of_a_routine_is_its_short_version(brain):
    routine = brain.reply("bedtime stretches")
    short = brain.reply("just the 2 or 3 best ones, im knackered", routine.context)
    assert short.intent == "routine.bedtime"
    assert "short version" in render_text(short)


def test_no_balancing_keeps_both_feet_down(brain, kb):
    reply = brain.reply("quad stretch that doesn't need me to balance on one leg")
    assert reply.kind == "stretch" and reply.topic == "quadriceps"
    assert all("balance" not in kb.stretches[s].caution_tags for s in reply.stretches)
    routine = brain.reply("warm up before running, without balancing please")
    assert routine.kind == "routine" and routine.stretches
    assert all("balance" not in kb.stretches[s].caution_tags for s in routine.stretches)
    assert "no_balance" in routine.context.plan.limits


def test_at_a_desk_is_off_the_floor_not_seated(brain, kb):
    # a desk has room to stand: its stretches may be done standing, never on the floor
    hips = brain.reply("5 minute stretch for hips i can do at my desk")
    assert hips.kind == "routine" and len(hips.stretches) >= 3
    assert "standing" in tags(kb, hips.stretches)
    assert not tags(kb, hips.stretches) & LIMIT_TAGS["no_floor"]
    assert brain.reply("stretches i can do at my desk").intent == "routine.desk_break"
    # "no floor" with nothing else named: the routine made to need no floor
    assert brain.reply("10 minute routine, no floor").intent == "routine.desk_break"


def test_one_stretch_is_said_in_the_singular(brain):
    reply = brain.reply("5 minute hip flexor routine chair only")
    assert len(reply.stretches) == 1
    assert "1 stretch · about" in render_text(reply)


@pytest.mark.parametrize(
    ("message", "minutes"),
    [("give me a 10min routine", 10), ("5mins of stretching please", 5), ("i have 15min", 15)],
)
def test_a_length_glued_to_its_unit_is_read(brain, message, minutes):
    # the normaliser parts "10min" into "10 min" before the size reader sees it
    assert brain.sizes.read(brain.matcher.analyse(message)).minutes == minutes


def test_a_length_glued_to_what_it_is_of_is_no_routines_length(brain):
    asked = brain.sizes.read(brain.matcher.analyse("after my 12hr shifts my back is stiff"))
    assert asked is None or asked.minutes is None
