"""The records that cross module borders: what the brain answers and what it remembers.

The brain returns a `Reply`; every face (Telegram, terminal, JSON) renders the same `Reply`.
A `Context` is the little the brain needs from the previous turn so that follow-ups such as
"how do I stretch it?" or "and my calves?" work. Both are frozen: the brain never mutates
state, it hands back a new context inside the reply.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Literal, get_args

from bot.kb import GENERAL

#: what a reply is; every face can rely on this set (the JSON contract's "kind")
Kind = Literal[
    "answer",
    "stretch",
    "routine",
    "tip",
    "daily",
    "red_flag",
    "smalltalk",
    "help",
    "fallback",
]
KINDS: tuple[Kind, ...] = get_args(Kind)
#: how a block is shown; see `Block`
Style = Literal["title", "para", "steps", "bullets", "meta", "warning", "timer"]
STYLES: tuple[Style, ...] = get_args(Style)
#: the three sizes of a routine; a `Plan` may instead ask for about N minutes
Size = Literal["short", "standard", "long"]
#: how long a plan asks for: one of the sizes, or a whole number of minutes
Length = Size | int
#: what a person can rule out of a routine or ask of it: nothing with weight on a knee, nothing
#: on the floor or lying down, seated or standing only, each stretch's easier version
Limit = Literal["chair", "easier", "no_floor", "no_kneeling", "no_balance", "standing"]
LIMITS: tuple[Limit, ...] = get_args(Limit)
#: a plan's minutes are within these bounds (a shorter or longer ask is told what fits)
MIN_MINUTES = 2
MAX_MINUTES = 45


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of a reply's body.

    style is one of: "title" (bold heading), "para" (a paragraph), "steps" (numbered
    list in `items`), "bullets" (bulleted list in `items`), "meta" (a short line such as
    "Hold 30 s, 2 to 3 times a side"), "warning" (a safety line shown prominently), "timer"
    (a guided step's countdown, "⏱ 0:45 left", shown in bold).

    `detail` marks what a small screen keeps one tap away: Telegram leaves these blocks out
    and offers them behind a "More" button; the terminal, `ask` and the JSON show them all.
    """

    style: Style
    text: str = ""
    items: tuple[str, ...] = ()
    detail: bool = False


@dataclass(frozen=True, slots=True)
class Action:
    """A follow-up the person can take with one tap: a label and the intent it resolves to.

    `intent` is a string `Brain.resolve` understands, at most 64 bytes (Telegram's limit
    for callback data), e.g. "psoas.stretch", "stretch.wall_calf", "routine.cooldown",
    "guide.cooldown.2", "tip", "daily.on".
    """

    label: str
    intent: str


@dataclass(frozen=True, slots=True)
class Plan:
    """A routine as the person asked for it: a base, a length and limits.

    The base is a routine id, or, when `area` is true, a topic id whose stretches make the
    routine, or up to `MAX_AREAS` topic ids joined by `AREA_JOINER` ("neck+shoulders"). A plan
    is all a button needs to carry: the same plan, knowledge base and conditions always build
    the same steps (`bot.sizing`), so "Start guided" guides exactly
    what the overview showed.
    """

    base: str
    area: bool = False
    length: Length = "standard"
    limits: frozenset[Limit] = frozenset()

    @property
    def areas(self) -> tuple[str, ...]:
        """The areas of an area plan, in the order asked ("neck+shoulders"); () otherwise."""
        return tuple(self.base.split(AREA_JOINER)) if self.area else ()

    @property
    def topic(self) -> str | None:
        """The topic a reply about this plan is on: its first area; None for a routine."""
        return self.areas[0] if self.area else None


#: joins the areas of a plan for several ("neck+shoulders"); allowed in a button's data
AREA_JOINER = "+"
#: the most areas one routine is built for
MAX_AREAS = 3
#: the longest base a plan's buttons hold within Telegram's 64 bytes ("guide." + base + the
#: widest spec and step: tests/test_actions.py checks it)
MAX_BASE_LENGTH = 43


def area_plan(areas: Sequence[str]) -> Plan:
    """The plan of a routine for `areas` (one or more topic ids, repeats dropped)."""
    return Plan(AREA_JOINER.join(dict.fromkeys(areas)), area=True)


@dataclass(frozen=True, slots=True)
class Context:
    """What the brain remembers between two messages of one conversation."""

    topic: str | None = None
    kind: Kind | None = None
    intent: str | None = None
    stretch: str | None = None
    routine: str | None = None
    #: stretch ids already shown for `topic`, so "another one" moves on.
    seen: tuple[str, ...] = ()
    #: conditions the person mentioned (pregnancy, a hip replacement): later replies keep to them
    conditions: tuple[str, ...] = ()
    #: symptoms the last message described ("$swelling"), read together with the next one
    symptoms: tuple[str, ...] = ()
    #: the routine plan last shown: "longer", "10 minutes", "no kneeling" change this one
    plan: Plan | None = None
    #: limits the person set ("no kneeling", "chair only"): later routines and stretches keep
    #: to them
    limits: frozenset[Limit] = frozenset()
    #: the routines of the activity or setting the person last named ("should i stretch
    #: before running": the running warm-up and cool-down), kept until another is named
    activities: tuple[str, ...] = ()
    #: the areas the last message that named two or more named ("my neck and shoulders are
    #: tight"), so that "both?" next gets a routine for them; a message naming one area ends it
    areas: tuple[str, ...] = ()
    #: stretches the person asked to leave out of routines ("skip the leg swings"): later
    #: routines leave them out too, each replaced where another of its kind fits
    skipped: tuple[str, ...] = ()

    @property
    def last_aspect(self) -> str:
        """The last part of the intent on screen ("why_tight" after "calves.why_tight"), or ""
        when nothing was answered."""
        return (self.intent or "").rsplit(".", 1)[-1]

    @property
    def general_answer(self) -> str | None:
        """The key of the general answer on screen ("posture" after "general.posture"), or
        None after anything else."""
        if self.kind != "answer" or not (self.intent or "").startswith(f"{GENERAL}."):
            return None
        return (self.intent or "").split(".", 1)[1]


@dataclass(frozen=True, slots=True)
class Reply:
    """What the brain answers. The disclaimer is not in `blocks`: render adds it, always."""

    kind: Kind
    intent: str
    blocks: tuple[Block, ...]
    topic: str | None = None
    routine: str | None = None
    stretches: tuple[str, ...] = ()
    confidence: float = 1.0
    #: intent ids offered ("did you mean"), each with a label.
    suggestions: tuple[Action, ...] = ()
    #: buttons that fit the reply (rendered as inline buttons on Telegram).
    actions: tuple[Action, ...] = ()
    context: Context = field(default_factory=Context)
    #: the knowledge base's short disclaimer (a red flag's: its level's footer); render appends
    #: it to every reply.
    disclaimer: str = ""
    #: the conditions that shaped this reply (stretches left out, a note added)
    conditions: tuple[str, ...] = ()
    #: the stretch whose picture goes with this reply (a face that shows pictures draws its
    #: pose, `bot.pictures`); None for no picture
    picture: str | None = None


def with_lead(reply: Reply, text: str) -> Reply:
    """`reply` with one paragraph in front of its blocks (a usage line, what a limit changed,
    "I don't know X")."""
    return replace(reply, blocks=(Block("para", text), *reply.blocks))
