"""Routines sized to the person: short, standard, long or about N minutes, within limits.

A `Plan` says what the person asked for; `Sizer.build` turns it into the steps of one routine,
by rules and from the knowledge base alone. The same plan, knowledge base and conditions always
give the same steps, which is what lets a button carry a plan instead of its steps.

The rules, in the order they apply:

1. The base: a routine's steps, or, for an area, the stretches whose main topic it is (moving
   ones first, held ones after).
2. Stretches a condition or a limit rules out (by their `caution_tags`) are left out; each is
   replaced, where the knowledge base has one, by a stretch of the same type for the same area
   that fits, so the routine keeps its length.
3. Shorter: stretches are dropped, those whose area another stretch still covers first, the
   order kept. Longer: stretches for the routine's areas are added, one area after another,
   each next to a stretch of the same area and type, the gentlest first; a warm-up stays
   moving, a cooldown held. Then holds grow up to a cap, then the sequence is done twice or
   three times (moving stretches that open it, once). Step times are tuned last, within
   `MIN_STEP_SECONDS` and the caps.
4. Never the same stretch twice in a row.

Everything that changed is recorded in the `Sized` result, so the overview can say it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from bot.kb import KnowledgeBase, RoutineStep, Stretch
from bot.reply import MAX_AREAS, MAX_BASE_LENGTH, MAX_MINUTES, MIN_MINUTES, Limit, Plan, Size

#: the caution tag of stretches done on the floor
FLOOR = "floor"
#: what a stretch done lying down is tagged with: those a bed suits
LYING_TAGS = frozenset({"lying_on_back", "lying_on_front"})
#: the caution tags each limit leaves out; "easier" changes how stretches are shown, not which
NOT_ON_THE_FLOOR = frozenset({FLOOR, "kneeling"}) | LYING_TAGS
#: the caution tag of stretches done standing up, which a seated ask leaves out
STANDING = "standing"
LIMIT_TAGS: dict[Limit, frozenset[str]] = {
    "chair": NOT_ON_THE_FLOOR | {STANDING},
    "easier": frozenset(),
    "no_floor": frozenset({FLOOR}) | LYING_TAGS,
    "no_kneeling": frozenset({"kneeling"}),
    "no_balance": frozenset({"balance"}),
    "standing": NOT_ON_THE_FLOOR,
}
#: a routine for several areas takes at most this many stretches in all, and at least this many
#: of each area
MAX_AREA_STEPS = 10
MIN_PER_AREA = 2
#: a short routine keeps about this share of the standard one's time, a long one this much
SHORT_SHARE = 0.5
LONG_SHARE = 1.5
#: a sized routine is within this share of the time asked for (when the stretches allow it)
TOLERANCE = 0.2
#: stretches are dropped or added while the routine misses its target by more than this share
FINE = 0.05
#: step times are tuned only when the stretches chosen miss by more than this share: a short
#: version keeps the routine's one-minute holds
TUNE = 0.12
#: the longest a step gets when holds grow: two minutes of held stretching (both sides, two
#: holds each), a minute and a half of moving
MAX_STEP_SECONDS = {"static": 120, "dynamic": 90}
#: the shortest a step gets when holds shrink: still a real hold on each side
MIN_STEP_SECONDS = 30
#: step times are multiples of this: a quarter of a minute reads and counts easily
SECONDS_STEP = 15
#: a stretch that no routine gives a time gets this one, by type
DEFAULT_SECONDS = {"static": 60, "dynamic": 40}
#: a long ask may repeat the sequence up to this many times; more would be a chore, not a plan
MAX_ROUNDS = 3


@dataclass(frozen=True, slots=True)
class Sized:
    """One plan built: its steps, and what was changed from the base routine to get them."""

    plan: Plan
    steps: tuple[RoutineStep, ...]
    #: the standard version's time, in seconds (the base routine's)
    standard_seconds: int
    #: the time asked for, in seconds; None for the standard size
    target: int | None = None
    #: stretches of the base a condition or a limit rules out
    left_out: tuple[str, ...] = ()
    #: (left out, put in its place) pairs
    replaced: tuple[tuple[str, str], ...] = ()
    #: stretches dropped to make the routine shorter
    dropped: tuple[str, ...] = ()
    #: stretches added to make it longer
    added: tuple[str, ...] = ()
    #: how step times changed: "longer", "shorter" or "" (as the routine gives them)
    holds: str = ""
    #: how many times the sequence is done
    rounds: int = 1

    @property
    def total_seconds(self) -> int:
        return sum(step.seconds for step in self.steps)

    @property
    def on_target(self) -> bool:
        """True when the routine is within `TOLERANCE` of the time asked for (or none was)."""
        if self.target is None:
            return True
        return abs(self.total_seconds - self.target) <= TOLERANCE * self.target


#: the prefix of a stretch's own tag among the avoided ones: left out because the person asked
SKIP_PREFIX = "skip:"


def skip_tag(stretch_id: str) -> str:
    """The avoided tag that leaves one stretch out of routines ("skip the leg swings")."""
    return SKIP_PREFIX + stretch_id


class Sizer:
    """Builds plans from one knowledge base."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    # ------------------------------------------------------------------ public

    def can_build(self, plan: Plan) -> bool:
        """True when the plan's base exists: a routine, or an area with stretches."""
        if plan.area:
            areas = plan.areas
            return (
                0 < len(areas) <= MAX_AREAS
                and (len(areas) == 1 or len(plan.base) <= MAX_BASE_LENGTH)
                and len(set(areas)) == len(areas)
                and all(a in self.kb.topics and self.kb.stretches_for(a) for a in areas)
            )
        return plan.base in self.kb.routines

    def build(self, plan: Plan, avoided: Iterable[str] = ()) -> Sized | None:
        """The routine `plan` asks for, leaving out stretches with an `avoided` caution tag
        (the conversation's conditions; `skip_tag` of a stretch asked to be left out) or a
        tag its limits rule out. None when nothing fits,
        or the base does not exist."""
        if not self.can_build(plan):
            return None
        ruled_out = frozenset(avoided).union(*(LIMIT_TAGS[limit] for limit in plan.limits))
        base = self._base(plan)
        types = {self._stretch(step).type for step in base}
        steps, left_out, replaced = self._fitted(base, ruled_out, types)
        if not steps:
            return None
        # the time is the base's: what was left out without a replacement is made up for below
        standard = _total(base)
        target = self.target_seconds(plan, standard)
        sized = Sized(plan, tuple(steps), standard, target, tuple(left_out), tuple(replaced))
        goal = standard if target is None else target
        if _total(steps) > goal * (1 + FINE):
            return self._shorter(sized, goal)
        if _total(steps) < goal * (1 - FINE):
            return self._longer(sized, goal, ruled_out, types, areas=self._areas(plan, base))
        return sized

    @staticmethod
    def target_seconds(plan: Plan, standard_seconds: int) -> int | None:
        """The time a plan asks for, given its standard version's: None for the standard."""
        if isinstance(plan.length, int):
            return plan.length * 60
        if plan.length == "short":
            return round(standard_seconds * SHORT_SHARE)
        if plan.length == "long":
            return round(standard_seconds * LONG_SHARE)
        return None

    # ------------------------------------------------------------------ the base

    def _base(self, plan: Plan) -> tuple[RoutineStep, ...]:
        if not plan.area:
            return tuple(_without_repeats(self.kb.routines[plan.base].steps))
        areas = plan.areas
        # several areas: each gives its first few, so that the standard routine stays about
        # one area's length
        share = None if len(areas) == 1 else max(MIN_PER_AREA, MAX_AREA_STEPS // len(areas))
        chosen: dict[str, Stretch] = {}
        for area in areas:
            own = [s for s in self.kb.stretches_for(area) if s.topics[0] == area]
            fresh = [s for s in own or self.kb.stretches_for(area) if s.id not in chosen]
            chosen.update((s.id, s) for s in fresh[:share])
        # moving first, then held; standing or seated before getting down to the floor
        ordered = sorted(
            chosen.values(), key=lambda s: (s.type != "dynamic", FLOOR in s.caution_tags)
        )
        return tuple(RoutineStep(s.id, self.usual_seconds[s.id]) for s in ordered)

    def _areas(self, plan: Plan, base: Sequence[RoutineStep]) -> tuple[str, ...]:
        """The areas a longer routine adds stretches for, in the routine's order."""
        if plan.area:
            return plan.areas
        return tuple(dict.fromkeys(t for step in base for t in self._stretch(step).topics))

    @cached_property
    def usual_seconds(self) -> dict[str, int]:
        """Each stretch's time in a routine: the commonest the routines give it (the shorter
        one on a tie), or the default for its type."""
        given: dict[str, list[int]] = {}
        for routine in self.kb.routines.values():
            for step in routine.steps:
                given.setdefault(step.stretch, []).append(step.seconds)
        usual = {}
        for stretch in self.kb.stretches.values():
            times = given.get(stretch.id)
            if times:
                usual[stretch.id] = min(set(times), key=lambda t: (-times.count(t), t))
            else:
                usual[stretch.id] = DEFAULT_SECONDS.get(stretch.type, DEFAULT_SECONDS["static"])
        return usual

    # ------------------------------------------------------------------ what fits

    def _fitted(
        self, base: Sequence[RoutineStep], ruled_out: frozenset[str], types: set[str]
    ) -> tuple[list[RoutineStep], list[str], list[tuple[str, str]]]:
        """The base without the stretches ruled out, each replaced where a stretch of the same
        type for the same area fits."""
        used = {step.stretch for step in base}
        steps: list[RoutineStep] = []
        left_out: list[str] = []
        replaced: list[tuple[str, str]] = []
        for step in base:
            stretch = self._stretch(step)
            if self._fits(stretch, ruled_out):
                steps.append(step)
                continue
            left_out.append(stretch.id)
            other = self._replacement(stretch, used, ruled_out)
            if other is not None:
                used.add(other.id)
                replaced.append((stretch.id, other.id))
                steps.append(RoutineStep(other.id, self._clamped(other, step.seconds)))
        return _without_repeats(steps), left_out, replaced

    def _replacement(
        self, stretch: Stretch, used: set[str], ruled_out: frozenset[str]
    ) -> Stretch | None:
        """A stretch for the same main area and of the same type that fits and is not used."""
        options = [
            s
            for s in self.kb.stretches_for(stretch.topics[0])
            if s.type == stretch.type and s.id not in used and self._fits(s, ruled_out)
        ]
        # the most areas in common first, its own main area first, then the gentlest
        areas = set(stretch.topics)
        options.sort(
            key=lambda s: (
                -len(areas.intersection(s.topics)),
                s.topics[0] != stretch.topics[0],
                len(s.caution_tags),
            )
        )
        return options[0] if options else None

    @staticmethod
    def _fits(stretch: Stretch, ruled_out: frozenset[str]) -> bool:
        return not ruled_out.intersection(stretch.caution_tags) and skip_tag(stretch.id) not in (
            ruled_out
        )

    # ------------------------------------------------------------------ shorter

    def _shorter(self, sized: Sized, target: int) -> Sized:
        """Drop stretches, those whose area another still covers first, until the time is
        near `target`; then tune the step times if it still misses."""
        steps = list(sized.steps)
        order = {step.stretch: i for i, step in reversed(list(enumerate(steps)))}
        dropped: list[str] = []
        while len(steps) > 1 and _total(steps) > target * (1 + FINE):
            over = _total(steps) - target
            covered = [i for i in range(len(steps)) if self._covered(steps, i)]
            pool = covered or range(len(steps))
            # the drop that lands nearest the target; the later one on a tie
            best = min(pool, key=lambda i: (abs(over - steps[i].seconds), -i))
            if abs(over - steps[best].seconds) >= over:
                break  # every drop lands further from the target than we are
            dropped.append(steps.pop(best).stretch)
        steps = _without_repeats(steps)
        tuned, holds = self._tuned(steps, target)
        dropped.sort(key=order.__getitem__)  # said in the routine's order
        return replace(sized, steps=tuple(tuned), dropped=tuple(dropped), holds=holds)

    def _covered(self, steps: Sequence[RoutineStep], i: int) -> bool:
        """True when another step stretches the main area of step `i`."""
        area = self._stretch(steps[i]).topics[0]
        return any(area in self._stretch(step).topics for j, step in enumerate(steps) if j != i)

    # ------------------------------------------------------------------ longer

    def _longer(
        self,
        sized: Sized,
        target: int,
        ruled_out: frozenset[str],
        types: set[str],
        *,
        areas: Sequence[str],
    ) -> Sized:
        """Add stretches for the routine's areas, then longer holds, then rounds, until the
        time is near `target`."""
        steps = list(sized.steps)
        added: list[str] = []
        for stretch in self._extras(steps, ruled_out, types, areas):
            if _total(steps) >= target * (1 - FINE):
                break
            seconds = self.usual_seconds[stretch.id]
            if abs(_total(steps) + seconds - target) >= abs(_total(steps) - target):
                continue  # this one would overshoot; a shorter one may still fit
            steps.insert(self._place(steps, stretch), RoutineStep(stretch.id, seconds))
            added.append(stretch.id)
        rounds = 1
        if _total(steps) < target * (1 - FINE):
            # moving stretches that open a routine of held ones are its warm-up: done once
            head, body = self._opening_moves(steps)
            most_head = sum(self._cap(step) for step in head)
            most_body = sum(self._cap(step) for step in body)
            if most_head + most_body < target * (1 - FINE) and _can_repeat(body):
                rounds = min(MAX_ROUNDS, math.ceil((target - most_head) / most_body))
                steps = head + body * rounds
        tuned, holds = self._tuned(steps, target)
        return replace(
            sized,
            steps=tuple(_without_repeats(tuned)),
            added=tuple(added),
            holds=holds,
            rounds=rounds,
        )

    def _opening_moves(
        self, steps: list[RoutineStep]
    ) -> tuple[list[RoutineStep], list[RoutineStep]]:
        """The moving stretches before the first held one, and the rest; no opening when the
        routine is all moving (a warm-up is repeated whole)."""
        held = [i for i, s in enumerate(steps) if self._stretch(s).type != "dynamic"]
        first = held[0] if held else 0
        return steps[:first], steps[first:]

    def _extras(
        self,
        steps: Sequence[RoutineStep],
        ruled_out: frozenset[str],
        types: set[str],
        areas: Sequence[str],
    ) -> list[Stretch]:
        """Stretches a longer routine may add: for its areas, of a type it already uses, that
        fit and ask nothing of the body the routine does not already ask (a desk break stays
        off the floor, a gentle routine gets no end-range pull), and, for a routine done all on
        the floor, are done there too (no getting up and down); one area after another in the
        routine's order, the gentlest first in each."""
        used = {step.stretch for step in steps}
        tags = [set(self._stretch(step).caution_tags) for step in steps]
        asks = set().union(*tags)
        needs = set.intersection(*tags) & {FLOOR} if tags else set()
        queues: list[list[Stretch]] = []
        for area in areas:
            options = [
                s
                for s in self.kb.stretches_for(area)
                if s.type in types
                and s.id not in used
                and self._fits(s, ruled_out)
                and asks.issuperset(s.caution_tags)
                and needs.issubset(s.caution_tags)
            ]
            options.sort(key=lambda s: (s.topics[0] != area, len(s.caution_tags)))
            queues.append(options)
        out: list[Stretch] = []
        while any(queues):
            for queue in queues:
                while queue and queue[0].id in used:
                    queue.pop(0)
                if queue:
                    chosen = queue.pop(0)
                    used.add(chosen.id)
                    out.append(chosen)
        return out

    def _place(self, steps: Sequence[RoutineStep], stretch: Stretch) -> int:
        """Where a new stretch goes: after the last step of the same type that shares its main
        area, else any of its areas; else after the last step of its type; a moving stretch
        with none of its type goes first, a held one last (moving before held)."""
        same_type = [i for i, s in enumerate(steps) if self._stretch(s).type == stretch.type]
        for wanted in ({stretch.topics[0]}, set(stretch.topics)):
            near = [i for i in same_type if wanted & set(self._stretch(steps[i]).topics)]
            if near:
                return near[-1] + 1
        if same_type:
            return same_type[-1] + 1
        return 0 if stretch.type == "dynamic" else len(steps)

    # ------------------------------------------------------------------ step times

    def _tuned(self, steps: list[RoutineStep], target: int) -> tuple[list[RoutineStep], str]:
        """Steps whose times are scaled toward `target` when the routine misses it by more
        than `TUNE`, each within its bounds; and which way the holds went ("longer",
        "shorter", or "" when they stayed)."""
        before = _total(steps)
        if not steps or abs(before - target) <= TUNE * target:
            return steps, ""
        for _ in range(3):  # capped steps leave the rest to make up: a few passes
            total = _total(steps)
            if abs(total - target) <= FINE * target:
                break
            factor = target / total
            steps = [
                RoutineStep(s.stretch, self._clamped(self._stretch(s), s.seconds * factor))
                for s in steps
            ]
        after = _total(steps)
        return steps, "longer" if after > before else "shorter" if after < before else ""

    def _clamped(self, stretch: Stretch, seconds: float) -> int:
        """`seconds` rounded to `SECONDS_STEP`, within the stretch's bounds."""
        rounded = int(round(seconds / SECONDS_STEP)) * SECONDS_STEP
        return max(MIN_STEP_SECONDS, min(self._cap_of(stretch), rounded))

    def _cap(self, step: RoutineStep) -> int:
        return self._cap_of(self._stretch(step))

    @staticmethod
    def _cap_of(stretch: Stretch) -> int:
        return MAX_STEP_SECONDS.get(stretch.type, MAX_STEP_SECONDS["static"])

    def _stretch(self, step: RoutineStep) -> Stretch:
        return self.kb.stretches[step.stretch]


#: limits of which a plan holds one at most: a routine is seated or standing, not both
POSTURES: frozenset[Limit] = frozenset({"chair", "standing"})


def done_lying_down(stretch: Stretch) -> bool:
    """Whether a stretch is done lying down (on the back or the front), as a bed suits."""
    return not LYING_TAGS.isdisjoint(stretch.caution_tags)


def merged_limits(old: frozenset[Limit], new: frozenset[Limit]) -> frozenset[Limit]:
    """Limits asked now (`new`) added to those asked before; a new posture (chair only,
    standing only) replaces the old one."""
    if new >= POSTURES:  # "chair or standing": both leave out the same stretches
        new = new - {"standing"}
    if new & POSTURES:
        old = old - POSTURES
    return old | new


#: the sizes in order, shortest first: "longer" and "shorter" move along them
SIZES: tuple[Size, ...] = ("short", "standard", "long")


def resized(plan: Plan, *, longer: bool, total_seconds: int) -> Plan | None:
    """The plan one step longer or shorter: the next size (short, standard, long), past them
    about half as long again or half as long in minutes (from the minutes asked for, or from
    the routine's `total_seconds`),
    within `MIN_MINUTES` to `MAX_MINUTES`; None when it cannot get any longer or shorter."""
    if isinstance(plan.length, str):
        i = SIZES.index(plan.length) + (1 if longer else -1)
        if 0 <= i < len(SIZES):
            return replace(plan, length=SIZES[i])
    # a length asked for in minutes halves or grows from itself, a size from the routine's time
    minutes = plan.length if isinstance(plan.length, int) else total_seconds / 60
    wanted = round(minutes * LONG_SHARE) if longer else round(minutes * SHORT_SHARE)
    wanted = max(MIN_MINUTES, min(MAX_MINUTES, wanted))
    if (longer and wanted <= round(minutes)) or (not longer and wanted >= round(minutes)):
        return None
    return replace(plan, length=wanted)


def _total(steps: Iterable[RoutineStep]) -> int:
    return sum(step.seconds for step in steps)


def _can_repeat(steps: Sequence[RoutineStep]) -> bool:
    """A sequence can be done again only when doing so puts no stretch twice in a row."""
    return len(steps) > 1 and steps[0].stretch != steps[-1].stretch


def _without_repeats(steps: Sequence[RoutineStep]) -> list[RoutineStep]:
    """The steps with a stretch that follows itself merged into one step."""
    out: list[RoutineStep] = []
    for step in steps:
        if out and out[-1].stretch == step.stretch:
            out[-1] = RoutineStep(step.stretch, out[-1].seconds + step.seconds)
        else:
            out.append(step)
    return out
