"""Button actions: the one place that writes and reads the data a button carries.

Every button the bot shows carries a short string that Telegram hands back untouched when the
button is pressed: at most 64 bytes, and untrusted (anyone can send any data). This module owns
that grammar. Replies build buttons with `button(label, action)`; a press goes through `parse`,
which returns a typed action or None, and the brain or the daily wing acts on the type.

Two families share the grammar, told apart by their separator:

- brain actions, dot-separated lower-case ids that `Brain.resolve` answers:
  ``psoas.why_tight``, ``calves.stretch``, ``general.how_long``, ``stretch.wall_calf``,
  ``more.wall_calf``, ``another.calves.wall_calf``, ``routine.cooldown``, ``plan.cooldown.10k``,
  ``guide.cooldown.2``, ``guide.cooldown.sk.2``, ``guide.cooldown.2m``, ``guide.cooldown.2p``,
  ``guide.cooldown.2x``, ``guide.stop``, ``topics``, ``routines``, ``tip``, ``tip.12``,
  ``daily.on``, ``help``, ``smalltalk.thanks``;
- Telegram daily-tip buttons, colon-separated: ``daily:on``, ``daily:at:0730``,
  ``tz:Europe.London`` (a zone's "/" written as ".", which callback data may hold),
  ``tz:other``, ``forget:yes``.

A routine's buttons carry its `Plan` (base, length, limits) as a compact spec after the base:
``plan.<base>.<spec>`` for its overview and ``guide.<base>.<spec>.<step>`` for a guided step
(a plain plan, the standard routine with no limits, is ``routine.<base>`` and
``guide.<base>.<step>``). The step, counted from 0, may be followed by ``m`` (manual mode: the
person moves on with Next; without it the timer does) and then by ``p`` (pause at that step) or
``x`` (stop at that step, offering to resume it): ``guide.cooldown.s.3mp`` pauses step 4 of the
short cooldown in manual mode. The old ``guide.stop`` still stops. The spec is the length,
then the flags, each at most once and in this order:

- length: ``s`` (short), ``l`` (long), or minutes from `MIN_MINUTES` to `MAX_MINUTES` without
  a leading zero; nothing for the standard length;
- flags: ``a`` (the base is an area's topic, not a routine), ``c`` (chair only), ``e``
  (easier), ``f`` (no floor), ``k`` (no kneeling), ``t`` (standing only); never ``c`` with
  ``t``.

So ``plan.cooldown.10k`` is the cooldown at about ten minutes without kneeling and
``guide.neck.5a.0`` the first step of five minutes for the neck. A spec is parsed strictly: one
that is empty, out of order, repeated, out of range or unknown is no button of ours. The old
``short.<routine>`` buttons still parse (as the short plan).

`parse` checks syntax only; whether an id exists is the knowledge base's business (an unknown
id is a stale button). The knowledge base limits the length of ids (`bot.kb.MAX_ID_LENGTH`,
`MAX_TOPIC_ID_LENGTH`), so every action built from its ids fits in `MAX_BYTES`; a test holds
the limits together.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, TypeGuard, get_args

from bot.reply import LIMITS, MAX_MINUTES, MIN_MINUTES, Action, Length, Limit, Plan

#: Telegram's limit for a button's callback data, in bytes.
MAX_BYTES = 64

_DATA = re.compile(r"[A-Za-z0-9_.:+-]+")
_BRAIN = re.compile(r"[a-z0-9_.+]+")  # "+" joins the areas of a plan
_ID = re.compile(r"[a-z0-9_]+")
_HHMM = re.compile(r"([01]\d|2[0-3])([0-5]\d)")

MenuName = Literal["topics", "routines"]
DailyWhat = Literal["on", "off", "status"]
DailyButtonWhat = Literal["on", "off", "stop", "times", "zones"]


# --------------------------------------------------------------------------- brain actions


@dataclass(frozen=True, slots=True)
class ShowAnswer:
    """An answer about a topic: what it is, why it gets tight, when to stretch (or general)."""

    topic: str
    aspect: str


@dataclass(frozen=True, slots=True)
class TopicStretch:
    """The first stretch for a topic not yet shown."""

    topic: str


@dataclass(frozen=True, slots=True)
class ShowStretch:
    """One stretch card by id."""

    stretch: str


@dataclass(frozen=True, slots=True)
class StretchMore:
    """The rest of a stretch card: how it should feel, its cautions, variations, sources."""

    stretch: str


@dataclass(frozen=True, slots=True)
class AnotherStretch:
    """Another stretch for a topic, after the one shown (`after`, may be empty)."""

    topic: str
    after: str = ""


@dataclass(frozen=True, slots=True)
class ShowRoutine:
    """A routine's overview, as its plan sizes and limits it."""

    plan: Plan


@dataclass(frozen=True, slots=True)
class GuideStep:
    """Step `step` (from 0) of a guided routine built from `plan`; one past the last is the
    finish. `manual`: the person moves on with Next; else a timer does (on Telegram). Pressed
    at the step a paused routine stands at, it resumes it."""

    plan: Plan
    step: int
    manual: bool = False


@dataclass(frozen=True, slots=True)
class GuidePause:
    """Pause a guided routine at step `step` of `plan`."""

    plan: Plan
    step: int
    manual: bool = False


@dataclass(frozen=True, slots=True)
class GuideStop:
    """Stop a guided routine; with a `plan`, at step `step`, so that it can be resumed there
    (the old ``guide.stop`` has none)."""

    plan: Plan | None = None
    step: int = 0
    manual: bool = False


@dataclass(frozen=True, slots=True)
class Menu:
    """The list of topics or of routines."""

    what: MenuName


@dataclass(frozen=True, slots=True)
class NextTip:
    """A tip not yet seen in this conversation."""


@dataclass(frozen=True, slots=True)
class TipAt:
    """Tip number `index` (wrapping)."""

    index: int


@dataclass(frozen=True, slots=True)
class DailyInfo:
    """How daily tips work: turning them on, off, or their status."""

    what: DailyWhat


@dataclass(frozen=True, slots=True)
class Help:
    """What the bot can do."""


@dataclass(frozen=True, slots=True)
class SmallTalk:
    """A small-talk entry by key."""

    key: str


BrainAction = (
    ShowAnswer
    | TopicStretch
    | ShowStretch
    | StretchMore
    | AnotherStretch
    | ShowRoutine
    | GuideStep
    | GuidePause
    | GuideStop
    | Menu
    | NextTip
    | TipAt
    | DailyInfo
    | Help
    | SmallTalk
)


# --------------------------------------------------------------------------- daily-tip buttons


@dataclass(frozen=True, slots=True)
class DailyButton:
    """Turn daily tips on or off, stop them from under a tip, or pick a time or a zone."""

    what: DailyButtonWhat


@dataclass(frozen=True, slots=True)
class DailyAt:
    """Daily tips at a chosen time."""

    hour: int
    minute: int


@dataclass(frozen=True, slots=True)
class ZoneButton:
    """A time zone by name ("Europe/London"), or None for "another zone"."""

    zone: str | None


@dataclass(frozen=True, slots=True)
class ForgetButton:
    """The answer to "delete everything stored about me?"."""

    confirmed: bool


DailyAction = DailyButton | DailyAt | ZoneButton | ForgetButton
ButtonAction = BrainAction | DailyAction

_SIMPLE: dict[str, BrainAction] = {
    "topics": Menu("topics"),
    "routines": Menu("routines"),
    "tip": NextTip(),
    "help": Help(),
    "guide.stop": GuideStop(),
}


def encode(action: ButtonAction) -> str:
    """The callback data of `action`; ValueError if Telegram would refuse it."""
    data = _encode(action)
    if not is_valid_data(data):
        raise ValueError(f"button data {data!r} is not 1 to {MAX_BYTES} bytes of [A-Za-z0-9_.:+-]")
    return data


@lru_cache(maxsize=4096)
def button(label: str, action: ButtonAction) -> Action:
    """A button: its label and the encoded action. Cached: replies build the same few buttons
    again and again, and checking the data costs more than the rest of making one."""
    return Action(label, encode(action))


def _encode(action: ButtonAction) -> str:
    match action:
        case ShowAnswer(topic, aspect):
            return f"{topic}.{aspect}"
        case TopicStretch(topic):
            return f"{topic}.stretch"
        case ShowStretch(stretch):
            return f"stretch.{stretch}"
        case StretchMore(stretch):
            return f"more.{stretch}"
        case AnotherStretch(topic, after):
            return f"another.{topic}.{after}"
        case ShowRoutine(plan):
            code = spec(plan)
            return f"plan.{plan.base}.{code}" if code else f"routine.{plan.base}"
        case GuideStep(plan, step, manual):
            return _guide_data(plan, step, manual, "")
        case GuidePause(plan, step, manual):
            return _guide_data(plan, step, manual, "p")
        case GuideStop(None):
            return "guide.stop"
        case GuideStop(plan, step, manual) if plan is not None:
            return _guide_data(plan, step, manual, "x")
        case Menu(what):
            return what
        case NextTip():
            return "tip"
        case TipAt(index):
            return f"tip.{index}"
        case DailyInfo(what):
            return f"daily.{what}"
        case Help():
            return "help"
        case SmallTalk(key):
            return f"smalltalk.{key}"
        case DailyButton(what):
            return f"daily:{what}"
        case DailyAt(hour, minute):
            return f"daily:at:{hour:02d}{minute:02d}"
        case ZoneButton(zone):
            return "tz:" + ("other" if zone is None else zone.replace("/", "."))
        case ForgetButton(confirmed):
            return f"forget:{'yes' if confirmed else 'no'}"
    raise TypeError(f"not a button action: {action!r}")


def _guide_data(plan: Plan, step: int, manual: bool, command: str) -> str:
    """``guide.<base>[.<spec>].<step>[m][p|x]``."""
    code = spec(plan)
    at = f"{step}{'m' if manual else ''}{command}"
    return f"guide.{plan.base}.{code}.{at}" if code else f"guide.{plan.base}.{at}"


#: a guided routine's buttons, whose presses the Telegram guide answers with its timer
GuideAction = GuideStep | GuidePause | GuideStop
GUIDE_ACTIONS = (GuideStep, GuidePause, GuideStop)


def is_valid_data(data: object) -> TypeGuard[str]:
    """True for a non-empty str of at most 64 bytes from A-Z a-z 0-9 _ . : + -."""
    return (
        isinstance(data, str)
        and len(data.encode("utf-8")) <= MAX_BYTES
        and _DATA.fullmatch(data) is not None
    )


#: the heads of the daily-tip family ("daily:", "tz:", "forget:")
DAILY_HEADS = frozenset({"daily", "tz", "forget"})


def is_daily_family(data: object) -> bool:
    """True for data of the daily-tip family, well formed or not: the daily wing answers it."""
    if not isinstance(data, str):
        return False
    head, colon, _ = data.partition(":")
    return bool(colon) and head in DAILY_HEADS


def parse(data: object) -> ButtonAction | None:
    """The action a button's data stands for, or None for data no button of ours carries."""
    if not is_valid_data(data):
        return None
    if ":" in data:
        return _parse_daily(data)
    return parse_brain(data)


def parse_brain(data: object) -> BrainAction | None:
    """A brain action (dot grammar), or None."""
    if not isinstance(data, str) or len(data) > MAX_BYTES or not _BRAIN.fullmatch(data):
        return None
    if data in _SIMPLE:
        return _SIMPLE[data]
    head, _, rest = data.partition(".")
    if not rest:
        return None
    if head == "another":
        topic, _, after = rest.partition(".")
        return AnotherStretch(topic, after)
    if head == "guide":
        return _guide_step(rest)
    if head == "plan":
        base, _, code = rest.partition(".")
        plan = parse_spec(base, code)
        return ShowRoutine(plan) if plan is not None and code else None
    if head == "tip":
        return TipAt(int(rest)) if rest.isdigit() else None
    if head == "daily":
        return _DAILY_INFO.get(rest)
    named = _NAMED.get(head)
    if named is not None:
        return named(rest)
    if "." in rest:
        return None
    return TopicStretch(head) if rest == "stretch" else ShowAnswer(head, rest)


def _guide_step(rest: str) -> GuideAction | None:
    """``<base>.<step>`` or ``<base>.<spec>.<step>``, the step with its mode and command
    letters, or None."""
    parts = rest.split(".")
    at = _STEP.fullmatch(parts[-1]) if len(parts) in (2, 3) else None
    if at is None:
        return None
    code = parts[1] if len(parts) == 3 else ""
    plan = parse_spec(parts[0], code)
    if plan is None or (len(parts) == 3 and not code):
        return None
    step, manual, command = int(at[1]), bool(at[2]), at[3]
    if command == "p":
        return GuidePause(plan, step, manual)
    if command == "x":
        return GuideStop(plan, step, manual)
    return GuideStep(plan, step, manual)


# --------------------------------------------------------------------------- plan specs

#: the letter of each limit in a spec; with `AREA_FLAG`, in the order a spec writes them
LIMIT_FLAGS: dict[Limit, str] = {
    "chair": "c",
    "easier": "e",
    "no_floor": "f",
    "no_kneeling": "k",
    "no_balance": "b",
    "standing": "t",
}
#: the flag of a plan whose base is an area's topic
AREA_FLAG = "a"
#: a spec's length letters
_LENGTH_CODES = {"short": "s", "long": "l"}
_SPEC = re.compile(r"(s|l|[1-9][0-9]?)?(a?)(c?)(e?)(f?)(k?)(b?)(t?)")
#: a guided step: its number from 0, ``m`` for manual mode, then ``p`` (pause) or ``x`` (stop)
_STEP = re.compile(r"(0|[1-9][0-9]{0,2})(m?)([px]?)")
_PLAN_BASE = re.compile(r"[a-z][a-z0-9_]*(?:\+[a-z][a-z0-9_]*){0,2}")
#: limits that cannot be asked together: a plan is seated or standing, not both
EXCLUSIVE_LIMITS = frozenset({"chair", "standing"})
assert tuple(LIMIT_FLAGS) == LIMITS, "a flag for every limit, in the order of the spec"


def spec(plan: Plan) -> str:
    """The compact spec of `plan` (empty for the standard routine without limits); ValueError
    for a plan no spec can hold."""
    length = plan.length
    if isinstance(length, int):
        if isinstance(length, bool) or not MIN_MINUTES <= length <= MAX_MINUTES:
            raise ValueError(f"a plan's minutes are {MIN_MINUTES} to {MAX_MINUTES}: {length!r}")
        code = str(length)
    else:
        code = _LENGTH_CODES.get(length, "")
    if plan.limits >= EXCLUSIVE_LIMITS:
        raise ValueError("a plan is chair only or standing only, not both")
    flags = AREA_FLAG if plan.area else ""
    return code + flags + "".join(LIMIT_FLAGS[limit] for limit in LIMITS if limit in plan.limits)


def parse_spec(base: str, code: str) -> Plan | None:
    """The plan of `base` that `code` spells, or None unless `code` is a spec `spec` writes
    (the empty spec is the plain plan)."""
    found = _SPEC.fullmatch(code)
    if found is None or not _PLAN_BASE.fullmatch(base):
        return None
    length_code, area, *flags = found.groups()
    length: Length = "standard"
    if length_code in ("s", "l"):
        length = "short" if length_code == "s" else "long"
    elif length_code:
        length = int(length_code)
        if not MIN_MINUTES <= length <= MAX_MINUTES:
            return None
    limits = frozenset(limit for limit, flag in zip(LIMITS, flags, strict=True) if flag)
    if limits >= EXCLUSIVE_LIMITS:
        return None
    return Plan(base, area=bool(area), length=length, limits=limits)


_NAMED: dict[str, Callable[[str], BrainAction | None]] = {
    "stretch": ShowStretch,
    "more": lambda stretch: StretchMore(stretch) if _ID.fullmatch(stretch) else None,
    "routine": lambda base: ShowRoutine(Plan(base)) if _PLAN_BASE.fullmatch(base) else None,
    # buttons sent before plans: the short version, as the short plan
    "short": lambda base: (
        ShowRoutine(Plan(base, length="short")) if _PLAN_BASE.fullmatch(base) else None
    ),
    "smalltalk": SmallTalk,
}
_DAILY_INFO: dict[str, BrainAction] = {what: DailyInfo(what) for what in get_args(DailyWhat)}
_DAILY_BUTTONS: dict[str, DailyAction] = {
    what: DailyButton(what) for what in get_args(DailyButtonWhat)
}


def parse_daily(data: object) -> DailyAction | None:
    """A daily-tip button (colon grammar), or None."""
    return _parse_daily(data) if is_valid_data(data) and ":" in data else None


def _parse_daily(data: str) -> DailyAction | None:
    kind, _, value = data.partition(":")
    if kind == "forget":
        return ForgetButton(value == "yes")
    if kind == "tz":
        return ZoneButton(None if value == "other" else value.replace(".", "/"))
    if kind != "daily":
        return None
    if value in _DAILY_BUTTONS:
        return _DAILY_BUTTONS[value]
    at = _HHMM.fullmatch(value.removeprefix("at:")) if value.startswith("at:") else None
    return DailyAt(int(at[1]), int(at[2])) if at else None
