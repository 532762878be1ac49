"""The hold timer's schedule, driven by an injected clock: no sleeping, no Telegram."""

from __future__ import annotations

import json
import math
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.kb import KnowledgeBase, Stretch
from bot.timer import (
    CUE_SECONDS,
    EditBudget,
    Hold,
    Timer,
    Timing,
    advance,
    mark_shown,
    next_wake,
    one_sided,
    pause,
    refresh_interval,
    resume,
    start,
    view,
)

HOLDS = (Hold(30, sides=True), Hold(20))


def run(timer: Timer, now: float, *, tick: float = 5.0, min_gap: float = 1.0, until: float = 1e4):
    """Follow a timer as the Telegram guide does: wake when `next_wake` says, move on, show
    what the message would show (every show reaching the screen at once). Yields (time,
    view) for every wake until the routine is finished or waits for the person."""
    last_edit = -math.inf
    while now < until:
        timer = advance(timer, now)
        if timer.finished:
            yield now, view(timer, now)
            return
        yield now, view(timer, now)
        timer = mark_shown(timer, now)
        last_edit = now
        wake = next_wake(timer, now, tick=tick, last_edit=last_edit, min_gap=min_gap)
        if math.isinf(wake):
            return
        assert wake >= now + min_gap - 1e-9, "never two edits of a chat within min_gap"
        now = wake


def shown(timer: Timer, now: float, **kwargs: float) -> list[tuple[int, str, int, str]]:
    """(step, phase, seconds left, side) at each wake."""
    out = []
    for _at, seen in run(timer, now, **kwargs):
        side = "cue" if seen.cue else "second" if seen.second_side else ""
        out.append((seen.step, seen.phase, seen.left, side))
    return out


def test_a_whole_auto_routine_counts_down_switches_sides_rests_and_finishes():
    timer = start(HOLDS, 0, now=100.0, auto=True, rest=10)
    assert shown(timer, 100.0) == [
        (0, "ready", 10, ""),
        (0, "ready", 5, ""),
        (0, "hold", 30, ""),
        (0, "hold", 25, ""),
        (0, "hold", 20, ""),
        (0, "hold", 15, "cue"),  # half-way on a one-sided stretch: switch sides
        (0, "hold", 10, "second"),  # the cue stays CUE_SECONDS, then "other side"
        (0, "hold", 5, "second"),
        (1, "ready", 10, ""),  # the rest before the next step
        (1, "ready", 5, ""),
        (1, "hold", 20, ""),
        (1, "hold", 15, ""),
        (1, "hold", 10, ""),
        (1, "hold", 5, ""),
        (2, "done", 0, ""),
    ]
    assert CUE_SECONDS == 5.0


def test_the_routine_ends_when_its_time_is_up_to_the_second():
    timer = start(HOLDS, 0, now=0.0, auto=True, rest=10)
    *_, (finished_at, last) = run(timer, 0.0)
    assert last.phase == "done" and finished_at == pytest.approx(10 + 30 + 10 + 20)


def test_manual_mode_has_no_rest_and_waits_for_next_when_time_is_up():
    timer = start(HOLDS, 1, now=0.0, auto=False, rest=10)
    assert shown(timer, 0.0) == [
        (1, "hold", 20, ""),
        (1, "hold", 15, ""),
        (1, "hold", 10, ""),
        (1, "hold", 5, ""),
        (1, "over", 0, ""),
    ]
    over = advance(mark_shown(advance(timer, 20.0), 20.0), 500.0)
    assert over.phase == "over" and over.step == 1
    assert next_wake(over, 500.0, tick=5, last_edit=20.0, min_gap=1) == math.inf


def test_a_slower_tick_refreshes_less_but_keeps_every_boundary():
    timer = start(HOLDS, 0, now=0.0, auto=True, rest=10)
    seen = shown(timer, 0.0, tick=12)
    assert [(s, p, left) for s, p, left, _ in seen] == [
        (0, "ready", 10),
        (0, "hold", 30),
        (0, "hold", 24),
        (0, "hold", 15),  # the switch cue is a boundary of its own
        (0, "hold", 12),
        (0, "hold", 10),  # and so is its end
        (1, "ready", 10),
        (1, "hold", 20),
        (1, "hold", 12),
        (2, "done", 0),
    ]


def test_no_two_edits_of_a_chat_within_the_minimum_gap_even_with_tiny_phases():
    holds = (Hold(0.3), Hold(0.4, sides=True), Hold(0.2))
    timer = start(holds, 0, now=0.0, auto=True, rest=0.1)
    times = [at for at, _ in run(timer, 0.0, tick=0.05, min_gap=1.0)]
    assert all(b - a >= 1.0 - 1e-9 for a, b in zip(times, times[1:], strict=False))
    steps = [seen.step for _, seen in run(timer, 0.0, tick=0.05, min_gap=1.0)]
    assert steps == sorted(steps) and set(steps) == {0, 1, 2, 3}, "every step shown, in order"


def test_pause_stops_the_count_and_resume_carries_on_where_it_stopped():
    timer = mark_shown(start(HOLDS, 0, now=0.0, auto=True, rest=0), 0.0)
    paused = pause(timer, 12.0)
    assert paused.paused and view(paused, 500.0).left == 18
    assert advance(paused, 500.0) == paused, "a paused timer does not move on"
    assert next_wake(paused, 500.0, tick=5, last_edit=12, min_gap=1) == math.inf
    assert pause(paused, 600.0) == paused, "pausing twice keeps the first pause"
    going = resume(paused, 1000.0)
    assert not going.paused and view(going, 1000.0).left == 18
    assert view(going, 1003.0).left == 15 and view(going, 1003.0).cue
    assert (advance(going, 1017.9).step, advance(going, 1018.0).step) == (0, 1)
    assert resume(going, 2000.0) == going


def test_pause_during_the_rest_and_nothing_to_pause_once_over():
    timer = mark_shown(start(HOLDS, 1, now=0.0, auto=True, rest=10), 0.0)
    paused = pause(timer, 4.0)
    assert view(paused, 100.0).phase == "ready" and view(paused, 100.0).left == 6
    manual = mark_shown(start(HOLDS, 1, now=0.0, auto=False), 0.0)
    over = advance(manual, 25.0)
    assert over.phase == "over" and pause(over, 26.0) == over


def test_a_phase_never_ends_before_it_was_shown():
    """A lost edit (a 429, a dropped connection) delays a step; it never skips it."""
    timer = start(HOLDS, 0, now=0.0, auto=True, rest=10)
    assert advance(timer, 1000.0) == timer, "the rest was never shown: it is still on"
    late = mark_shown(timer, 25.0, grace=1.0)
    assert view(late, 25.0).left == 9, "seen 25 s late: the rest counts from 1 s before that"
    hold = advance(late, 34.0)
    assert (hold.step, hold.phase, hold.shown) == (0, "hold", False)
    again = advance(hold, 5000.0)
    assert again == hold, "the hold waits to be shown, however late the next tick"


def test_a_phase_shown_within_the_grace_keeps_its_schedule():
    timer = start(HOLDS, 0, now=0.0, auto=True, rest=10)
    on_time = mark_shown(timer, 0.8, grace=1.0)
    assert on_time.since == 0.0 and on_time.shown
    assert mark_shown(on_time, 9.0) == on_time


def test_a_late_tick_moves_on_one_unseen_phase_at_a_time():
    timer = mark_shown(start(HOLDS, 0, now=0.0, auto=True, rest=10), 0.0)
    moved = advance(timer, 300.0)
    assert (moved.step, moved.phase) == (0, "hold"), "not past a step nobody saw"
    assert moved.since == 10.0, "the hold began when the rest ended, not when the tick ran"


def test_an_unshown_phase_is_tried_again_after_the_minimum_gap():
    timer = start(HOLDS, 0, now=0.0, auto=True, rest=10)
    assert next_wake(timer, 3.0, tick=5, last_edit=2.5, min_gap=1.0) == 3.5
    assert next_wake(timer, 3.0, tick=5, last_edit=0.0, min_gap=1.0) == 3.0


def test_the_view_key_changes_only_at_boundaries():
    timer = mark_shown(start(HOLDS, 0, now=0.0, auto=False), 0.0)
    keys = {view(timer, t).key for t in (0.0, 3.0, 9.0, 14.9)}
    assert len(keys) == 1
    assert view(timer, 15.0).key != view(timer, 14.9).key, "the switch of sides"
    assert view(pause(timer, 3.0), 3.0).key != view(timer, 3.0).key, "a pause"


def test_start_refuses_a_step_the_routine_does_not_have():
    with pytest.raises(ValueError):
        start(HOLDS, 2, now=0.0)
    with pytest.raises(ValueError):
        start((), 0, now=0.0)


@given(
    st.integers(min_value=0, max_value=1),
    st.sampled_from(["ready", "hold"]),
    st.floats(min_value=0, max_value=9.9),
    st.booleans(),
    st.booleans(),
)
def test_a_timer_survives_serialisation_on_another_clock(step, phase, elapsed, paused, auto):
    timer = replace(start(HOLDS, step, now=50.0, auto=auto, rest=10), phase=phase, shown=True)
    if paused:
        timer = pause(timer, 50.0 + elapsed)
    data = json.loads(json.dumps(timer.to_dict(50.0 + elapsed)))
    back = Timer.from_dict(data, now=7.0)
    assert view(back, 7.0) == view(timer, 50.0 + elapsed)
    assert back.to_dict(7.0) == timer.to_dict(50.0 + elapsed)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"holds": [], "step": 0, "phase": "hold", "elapsed": 0, "auto": True, "rest": 0},
        {
            "holds": [[30, False]],
            "step": 0,
            "phase": "nap",
            "elapsed": 0,
            "auto": True,
            "rest": 0,
            "paused": False,
            "shown": True,
        },
        {
            "holds": [[30, False]],
            "step": 3,
            "phase": "hold",
            "elapsed": 0,
            "auto": True,
            "rest": 0,
            "paused": False,
            "shown": True,
        },
    ],
)
def test_what_is_not_a_timer_is_refused(data):
    with pytest.raises(ValueError, match="not a timer"):
        Timer.from_dict(data, now=0.0)


# --------------------------------------------------------------------------- the edit budget


def test_refreshes_slow_down_when_many_routines_run():
    assert refresh_interval(5.0, 1, rate=15) == 5.0
    assert refresh_interval(5.0, 45, rate=15) == 5.0
    assert refresh_interval(5.0, 100, rate=15) == 12.0
    assert refresh_interval(5.0, 1000, rate=15) == 112.0
    # what refreshes ask of the budget stays within its share
    for active in (1, 10, 46, 100, 300):
        assert active / refresh_interval(5.0, active, rate=15) <= 15 * 0.6 + 1e-9


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_budget_spaces_edits_under_its_rate_in_every_second():
    clock = Clock()
    budget = EditBudget(15, clock=clock)
    starts = [budget.reserve() for _ in range(200)]  # 200 edits asked at once
    assert all(isinstance(s, float) for s in starts)
    moments = sorted(s for s in starts if s is not None)
    for i, moment in enumerate(moments):
        assert sum(1 for m in moments[i:] if m < moment + 1.0) <= 15


def test_a_refresh_that_cannot_go_soon_is_skipped_and_costs_nothing():
    clock = Clock()
    budget = EditBudget(2, clock=clock)
    assert budget.reserve(latest=0.5) == 0.0
    assert budget.reserve(latest=0.5) is None, "the next slot is at 0.525"
    assert budget.reserve() == pytest.approx(0.525), "a must-send edit waits for it"
    clock.now = 10.0
    assert budget.reserve(latest=10.5) == 10.0


def test_timing_refuses_unusable_values():
    with pytest.raises(ValueError):
        Timing(tick=0)
    with pytest.raises(ValueError):
        Timing(edit_rate=0)
    assert Timing().edit_rate < 30, "below Telegram's 30 messages a second"


# --------------------------------------------------------------------------- one-sided stretches


@pytest.mark.parametrize(
    ("stretch", "sides"),
    [
        ("wall_calf", True),  # "2 to 4 times on each leg"
        ("upper_trapezius", True),  # "2 to 3 on each side"
        ("towel_shoulder_stretch", True),  # "each way", and its steps say "Swap hands"
        ("leg_swings", True),  # moving, but "turn around and swing the other leg"
        ("knee_to_wall_ankle", True),  # moving: "then switch sides"
        ("neck_rotation", False),  # 10 s holds turning from side to side
        ("seated_upper_body_twist", False),  # 5 s a side, alternating
        ("walking_lunge", False),  # moving, changes legs with every step
        ("frankenstein_walk", False),
        ("knee_rolls", False),  # "alternating sides"
        ("cat_cow", False),
        ("butterfly", False),
    ],
)
def test_one_sided_stretches_are_read_from_the_knowledge_base(kb: KnowledgeBase, stretch, sides):
    assert one_sided(kb.stretches[stretch]) is sides


def make(reps: str, steps: tuple[str, ...] = ("Stand tall.",), *, kind: str = "static") -> Stretch:
    return Stretch(
        "x", "X", ("calves",), kind, steps, 30, reps, "", ("Care.",), None, None, ("Src",)
    )


@pytest.mark.parametrize(
    ("stretch", "sides"),
    [
        (make("2 on each side"), True),
        (make("3 times, both sides"), True),
        (make("2 per side"), True),
        (make("2 to 3 on either arm"), True),
        (make("3 times", ("Hold.", "Then switch legs.")), True),
        (make("8, alternating sides", ("Then switch.",)), False),
        (make("5 lifts with each leg"), False),
        (make("2 to 3 times"), False),
        (make("10 on each leg", kind="dynamic"), False),
        (make("10 on each leg", ("Swap legs.",), kind="dynamic"), True),
        (make("10 swings", ("Keep swapping arms.",), kind="dynamic"), False),
    ],
)
def test_the_one_sided_rule(stretch, sides):
    assert one_sided(stretch) is sides


def test_every_stretch_in_a_routine_gets_a_decision(kb: KnowledgeBase):
    """The rule covers the whole knowledge base, and about half of it is one-sided."""
    decided = [one_sided(s) for s in kb.stretches.values()]
    assert 0.3 < sum(decided) / len(decided) < 0.7
