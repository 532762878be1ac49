"""Hold timers for guided routines: the schedule of ticks, pure and with an injected clock.

A guided routine on Telegram counts each hold down in the step's message, says when to switch
sides half-way through a one-sided stretch, rests between steps and, in auto mode, moves on by
itself. This module is all of that except Telegram: `Timer` is where the clock stands (a small
frozen record of plain values), and the functions here move it on. Every function takes `now`
(seconds of a monotonic clock) instead of reading a clock, so tests drive it with any numbers.

A step has phases:

- ``ready``: the rest before a hold (auto mode only; before the first step it is time to read
  the step and get into position). `Timing.rest` seconds.
- ``hold``: the countdown of the step's time (both sides of a one-sided stretch). Half-way
  through a one-sided one the view says to switch sides.
- ``over``: the hold has ended and the person moves on with Next (manual mode only).
- ``done``: past the last step (auto mode): the routine is finished.

`advance` moves a timer through every phase boundary that has passed, each next phase starting
where the last one ended (no drift, however late the call). It never leaves a phase the person
has not seen: `mark_shown` records that a phase reached the screen, and a phase shown late (an
edit held up by a 429 or a lost connection) starts again from when it was seen, less `grace`.
So a lost edit can delay a step, never skip one, and a step is never shown twice.

`next_wake` says when the message should next change: the next boundary, the switch cue, or the
next refresh of the countdown (every `tick` seconds, on whole multiples of the tick, so the
countdown reads 30, 25, 20...), never sooner than `min_gap` after the last edit of the chat.
`EditBudget` spaces the edits of all routines together under one rate and stretches every
routine's refresh interval when many are running.

Persistence seam: `Timer.to_dict(now)` and `Timer.from_dict(data, now)` turn a timer into JSON
values and back (elapsed times, not clock readings, so a timer survives a restart of the clock).
Nothing here stores anything.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal, get_args

from bot.kb import Stretch

Phase = Literal["ready", "hold", "over", "done"]
PHASES: tuple[Phase, ...] = get_args(Phase)

#: the share of the edit budget countdown refreshes may plan for; the rest is left for the
#: edits that must go out (a new step, the switch cue, a press of Pause)
REFRESH_SHARE = 0.6
#: the "switch sides now" cue stays on the message this long after the half-way point
CUE_SECONDS = 5.0
#: a tolerance for float clocks: a refresh due within this of a whole tick counts as on it
_EPSILON = 0.05


@dataclass(frozen=True, slots=True)
class Timing:
    """How guided routines are timed on Telegram (`bot.config.Settings` gives the defaults).

    `tick`, `min_gap`, `group_tick` and `edit_rate` are rates Telegram accepts and are in real
    seconds; `scale` multiplies the hold and rest lengths only (tests run a whole routine in
    seconds with a small one).
    """

    #: seconds between two refreshes of a countdown, when few routines run
    tick: float = 5.0
    #: seconds of rest before each hold in auto mode (0: none)
    rest: float = 10.0
    #: at most one edit of a chat's message within this many seconds (Telegram: about 1/s)
    min_gap: float = 1.0
    #: refreshes in groups are at least this far apart (Telegram: 20 messages a minute a group)
    group_tick: float = 15.0
    #: edits a second all guided routines together may send (below the bot's rate limit)
    edit_rate: float = 15.0
    #: hold and rest lengths are multiplied by this
    scale: float = 1.0
    #: a phase shown later than this after it began starts again from when it was seen
    grace: float = 1.0
    #: how long one edit is retried through 429s and lost connections before it is given up
    #: (the next tick shows the step instead)
    edit_retry: int = 10
    #: a paused routine, or one waiting for Next, is forgotten after this many seconds (its
    #: buttons still work: they carry the plan and the step)
    idle: float = 3600.0
    #: a process stamps its running routines in the store this often; the routines of one
    #: silent for three stamps are taken over (`bot.telegram.guide_book`)
    heartbeat: float = 15.0

    def __post_init__(self) -> None:
        if (
            self.tick <= 0
            or self.min_gap < 0
            or self.edit_rate <= 0
            or self.scale <= 0
            or self.heartbeat <= 0
        ):
            raise ValueError(f"unusable timing: {self!r}")


@dataclass(frozen=True, slots=True)
class Hold:
    """One step's timed part: its length in seconds, and whether it is done on each side in
    turn (a "switch sides" cue at half-way)."""

    seconds: float
    sides: bool = False


@dataclass(frozen=True, slots=True)
class Timer:
    """Where a guided routine's clock stands. Frozen; the functions below return new ones.

    `since` is the clock time the phase began, moved on by pauses and late showings, so the
    time spent in the phase is always `(paused_at or now) - since`.
    """

    holds: tuple[Hold, ...]
    step: int
    phase: Phase
    since: float
    auto: bool = True
    rest: float = 0.0
    paused_at: float | None = None
    #: the current phase has reached the person's screen
    shown: bool = False

    @property
    def paused(self) -> bool:
        return self.paused_at is not None

    @property
    def finished(self) -> bool:
        return self.phase == "done"

    @property
    def length(self) -> float:
        """The current phase's length in seconds (infinite for ``over`` and ``done``)."""
        if self.phase == "ready":
            return self.rest
        if self.phase == "hold":
            return self.holds[self.step].seconds
        return math.inf

    def elapsed(self, now: float) -> float:
        """Seconds spent in the current phase (a pause stops the count)."""
        return (self.paused_at if self.paused_at is not None else now) - self.since

    def to_dict(self, now: float) -> dict[str, Any]:
        """JSON values only; `from_dict` with another clock's `now` gives the same timer."""
        return {
            "holds": [[hold.seconds, hold.sides] for hold in self.holds],
            "step": self.step,
            "phase": self.phase,
            "elapsed": self.elapsed(now),
            "auto": self.auto,
            "rest": self.rest,
            "paused": self.paused,
            "shown": self.shown,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], now: float) -> Timer:
        """The timer `to_dict` wrote, its elapsed time counted from `now`; ValueError when
        `data` is not one."""
        try:
            holds = tuple(Hold(float(s), bool(sides)) for s, sides in data["holds"])
            step, phase = int(data["step"]), str(data["phase"])
            elapsed = float(data["elapsed"])
            timer = cls(
                holds=holds,
                step=step,
                phase=phase,  # type: ignore[arg-type]  # checked just below
                since=now - elapsed,
                auto=bool(data["auto"]),
                rest=float(data["rest"]),
                paused_at=now if data["paused"] else None,
                shown=bool(data["shown"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"not a timer: {exc}") from None
        last = len(holds) if phase == "done" else len(holds) - 1
        if phase not in PHASES or not 0 <= step <= last or not math.isfinite(elapsed):
            raise ValueError("not a timer: step or phase out of range")
        return timer


def start(
    holds: Iterable[Hold], step: int, now: float, *, auto: bool = True, rest: float = 0.0
) -> Timer:
    """A timer at the start of step `step`: its rest first in auto mode, else its hold."""
    holds = tuple(holds)
    if not 0 <= step < len(holds):
        raise ValueError(f"step {step} of a routine of {len(holds)}")
    phase: Phase = "ready" if auto and rest > 0 else "hold"
    return Timer(holds, step, phase, since=now, auto=auto, rest=rest)


def advance(timer: Timer, now: float) -> Timer:
    """`timer` moved on through every boundary passed by `now`. A paused timer stays, and so
    does one whose phase has not been shown yet (`mark_shown`)."""
    while timer.phase in ("ready", "hold") and not timer.paused and timer.shown:
        end = timer.since + timer.length
        if now < end:
            break
        timer = _next_phase(timer, end)
    return timer


def _next_phase(timer: Timer, at: float) -> Timer:
    if timer.phase == "ready":
        return replace(timer, phase="hold", since=at, shown=False)
    if not timer.auto:
        return replace(timer, phase="over", since=at, shown=False)
    step = timer.step + 1
    if step >= len(timer.holds):
        return replace(timer, step=len(timer.holds), phase="done", since=at, shown=False)
    phase: Phase = "ready" if timer.rest > 0 else "hold"
    return replace(timer, step=step, phase=phase, since=at, shown=False)


def mark_shown(timer: Timer, at: float, *, grace: float = 1.0) -> Timer:
    """`timer` once its current phase has reached the screen at `at`: a phase seen more than
    `grace` seconds after it began is counted from `at - grace` (the person gets all of it)."""
    if timer.shown:
        return timer
    late = timer.elapsed(at) - grace
    if late > 0 and timer.phase in ("ready", "hold"):
        timer = replace(timer, since=timer.since + late)
    return replace(timer, shown=True)


def pause(timer: Timer, now: float) -> Timer:
    """The count stopped at `now` (a rest or a hold; nothing to pause once a hold is over)."""
    if timer.paused or timer.phase not in ("ready", "hold"):
        return timer
    return replace(timer, paused_at=now)


def resume(timer: Timer, now: float) -> Timer:
    """The count going again from where `pause` stopped it."""
    if timer.paused_at is None:
        return timer
    return replace(timer, since=timer.since + (now - timer.paused_at), paused_at=None)


@dataclass(frozen=True, slots=True)
class View:
    """What a step's message shows of the clock at one moment."""

    step: int
    phase: Phase
    #: whole seconds left in the phase (rounded up; 0 once over)
    left: int
    #: the step's whole time
    seconds: int
    #: a one-sided stretch: the switch cue at half-way
    sides: bool = False
    #: past half-way on a one-sided stretch
    second_side: bool = False
    #: within `CUE_SECONDS` of the half-way point: "switch sides now"
    cue: bool = False
    paused: bool = False
    auto: bool = True

    @property
    def key(self) -> tuple[int, Phase, bool, bool]:
        """What changes the message beyond its numbers: a change of key is an edit that must
        go out, a change of `left` alone a refresh that may be skipped."""
        return (self.step, self.phase, self.second_side, self.paused)


def view(timer: Timer, now: float) -> View:
    """The clock as the message shows it at `now` (call `advance` first)."""
    if timer.phase == "done":
        return View(timer.step, "done", 0, 0, paused=False, auto=timer.auto)
    hold = timer.holds[timer.step]
    elapsed = timer.elapsed(now)
    left = 0 if timer.phase == "over" else max(0, math.ceil(timer.length - elapsed - 1e-9))
    half = hold.seconds / 2
    second = timer.phase == "hold" and hold.sides and elapsed >= half
    return View(
        step=timer.step,
        phase=timer.phase,
        left=left,
        seconds=math.ceil(hold.seconds - 1e-9),
        sides=hold.sides,
        second_side=second,
        cue=second and elapsed - half < CUE_SECONDS,
        paused=timer.paused,
        auto=timer.auto,
    )


def next_wake(timer: Timer, now: float, *, tick: float, last_edit: float, min_gap: float) -> float:
    """When the message should next change (a clock time), or `math.inf` when only the person
    can move it on (paused, over, done). Never sooner than `min_gap` after `last_edit`; a phase
    not yet shown is tried again as soon as that allows."""
    if timer.paused or timer.phase not in ("ready", "hold"):
        return math.inf
    earliest = max(now, last_edit + min_gap)
    if not timer.shown:
        return earliest
    end = timer.since + timer.length
    marks = [end]
    hold = timer.holds[timer.step]
    if timer.phase == "hold" and hold.sides:
        half = timer.since + hold.seconds / 2
        marks += [half, half + CUE_SECONDS]  # the cue on, then off again
    remaining = end - now
    whole = math.ceil((remaining - _EPSILON) / tick) - 1  # the next multiple of the tick
    if whole >= 1:
        marks.append(end - whole * tick)
    upcoming = [mark for mark in marks if mark > now + _EPSILON / 10] or [end]
    return max(min(upcoming), earliest)


def refresh_interval(tick: float, active: int, rate: float) -> float:
    """How often one countdown is refreshed while `active` routines run: every `tick`
    seconds, or, when that would use more than `REFRESH_SHARE` of `rate` edits a second, as
    often as that share allows (whole seconds, so the countdown still reads evenly)."""
    needed = active / (rate * REFRESH_SHARE)
    return float(max(tick, math.ceil(needed - 1e-9)))


class EditBudget:
    """Spaces the edits of all guided routines so that at most `rate` start within any one
    second: each edit takes the next slot, slots `(1 + margin) / rate` seconds apart.

    An edit that must go out (a new step, the cue) waits for its slot; a refresh of the
    countdown asks with `latest` and is skipped when no slot is free by then (the next refresh
    shows a newer number anyway).
    """

    def __init__(
        self, rate: float, *, margin: float = 0.05, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if rate <= 0:
            raise ValueError(f"rate must be above 0, found {rate!r}")
        self.rate = rate
        self.spacing = (1 + margin) / rate
        self._clock = clock
        self._next = -math.inf

    def reserve(self, latest: float | None = None) -> float | None:
        """The clock time this edit may start at (now or later), or None when that would be
        after `latest`."""
        slot = max(self._clock(), self._next)
        if latest is not None and slot > latest:
            return None
        self._next = slot + self.spacing
        return slot


# --------------------------------------------------------------------------- one-sided stretches

#: repetitions that name a side: "2 to 3 on each side", "10 rocks on each side", "both sides",
#: "2 to 4 times on each leg", "3 to 5 each way on each leg" (not "5 to 10 lifts with each
#: leg", a march, nor "alternating sides")
_EACH_SIDE = re.compile(
    r"\b(?:on )?each side\b|\bboth sides\b|\bper side\b|\ba side\b"
    r"|\bon (?:each|either) (?:leg|arm|foot|hand)\b",
    re.IGNORECASE,
)
#: steps that finish one side before the other: "then switch sides", "swap legs", "turn around
#: and swing the other leg" (not "swapping which arm goes on top", an alternation)
_SWITCHES = re.compile(r"\b(?:switch|swap)\b|\bturn around\b", re.IGNORECASE)
_ALTERNATING = re.compile(r"\balternat", re.IGNORECASE)
#: a held stretch named per side is done side by side when its holds are this long or longer
SIDE_HOLD_SECONDS = 15


def one_sided(stretch: Stretch) -> bool:
    """True when a stretch is done on one side, then the other: its time is split and the
    guide says "switch sides" at half-way.

    The rule, from the knowledge base's own words: a stretch whose steps say to switch or
    swap ("then switch sides", "swap legs", "turn around"), or a held stretch whose repetitions
    name a side ("on each side", "each leg", "both sides") with holds of `SIDE_HOLD_SECONDS`
    or more. Short holds named per side (a neck turn of 10 s "3 to 5 on each side") go from
    one side to the other at every repetition, and so do moving stretches such as walking
    lunges or knee hugs unless their steps say to switch; alternating sides never is.
    """
    if _ALTERNATING.search(stretch.repetitions):
        return False
    names_a_side = _EACH_SIDE.search(stretch.repetitions) is not None
    switches = any(_SWITCHES.search(step) for step in stretch.steps)
    if stretch.type == "dynamic":
        return names_a_side and switches
    return switches or (names_a_side and stretch.hold_seconds >= SIDE_HOLD_SECONDS)
