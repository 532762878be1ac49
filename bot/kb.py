"""The knowledge base: YAML files in `knowledge/` turned into typed, validated records.

People who are not programmers edit these files, so every mistake is reported with the file,
the line and the offending value, and *all* mistakes are reported at once. The loader composes
YAML nodes (not plain Python objects) to keep line numbers for every value.

Any `*.yaml` file of the folder may hold any of the sections in `SECTIONS`; a section split
over several files is joined. See `knowledge/README.md` for the schema.
"""

from __future__ import annotations

import math
import re
from collections.abc import Container, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from bot.errors import in_a_few_words
from bot.pose import Pose, read_pose

try:  # the C loader is several times faster; PyYAML wheels ship it
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "knowledge"

REQUIRED_TOPICS = (
    "psoas",
    "hip_flexors",
    "hamstrings",
    "quadriceps",
    "calves",
    "glutes",
    "piriformis",
    "it_band",
    "adductors",
    "lower_back",
    "upper_back",
    "neck",
    "shoulders",
    "chest",
    "general",
)
#: the topic of questions about stretching in general, not about one area
GENERAL = "general"
REQUIRED_ASPECTS = ("what", "why_tight", "when")
#: routines the bot links to by id (buttons, /start), so an edit cannot remove them
REQUIRED_ROUTINES = ("cooldown", "warmup", "desk_break")
#: what a stretch involves that matters for some people: every stretch lists the tags that
#: apply to it under `caution_tags` (possibly none); tag -> what it means and who it concerns
CAUTION_TAGS: dict[str, str] = {
    "lying_on_back": "done lying on the back (pregnancy after about 16 weeks: not for long)",
    "lying_on_front": "done lying face down (pregnancy)",
    "kneeling": "weight on a knee (knee replacement, knee pain)",
    "deep_hip_flexion": (
        "the hip bends past about 90 degrees, knee toward chest or deep fold forward "
        "(hip replacement precautions)"
    ),
    "hip_crossing": "a leg crosses the body's midline (hip replacement precautions)",
    "hip_inward_rotation": "the hip turns inward (hip replacement precautions)",
    "spinal_rounding": (
        "the spine rounds forward, especially loaded or at end range "
        "(osteoporosis; some disc problems)"
    ),
    "spinal_twist": "a twist of the spine, especially loaded or forced (osteoporosis)",
    "deep_knee_bend": "the knee bends fully, heel toward buttock (knee replacement early on)",
    "end_range_pull": (
        "a pull taken to the end of a joint's range, e.g. the splits, deep pigeon (hypermobility)"
    ),
    "floor": "needs getting down to and up from the floor (older adults, late pregnancy)",
    "balance": "standing on one leg or an unstable position (older adults, pregnancy)",
    "standing": "done standing up, not seated (people who need to stay in a chair)",
    "neck_end_range": "the neck taken far to its end range (neck problems)",
    "wrist_load": "weight on the hands or wrists",
}
#: area names that end in "s" but take "is" ("my psoas is tight")
_SINGULAR_IN_S = frozenset({"psoas", "piriformis", "pelvis"})
#: every area offers at least this many stretches, so "another one" always has somewhere to go
MIN_STRETCHES_PER_TOPIC = 3
REQUEST_IDS = ("tip", "daily_on", "daily_off", "help")
FOLLOWUP_IDS = ("stretch_it", "another", "shorter", "more")
#: out_of_scope holds messages that share our words but are not about stretching
INTENT_GROUPS = ("aspects", "requests", "followups", "out_of_scope")
SECTIONS = (
    "topics",
    "intents",
    "answers",
    "stretches",
    "routines",
    "tips",
    "smalltalk",
    "cues",
    "symptoms",
    "triage_levels",
    "red_flags",
    "conditions",
    "disclaimer",
)
#: how urgent a red flag is, most urgent first; `triage_levels` words each one
TRIAGE_LEVELS = ("emergency", "urgent", "see_professional")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
#: ids travel in buttons, 64 bytes at most: "another.<topic>.<stretch>" carries a topic id
#: and a stretch id, so topic ids are shorter (8 + 22 + 1 + 32 = 63)
MAX_ID_LENGTH = 32
MAX_TOPIC_ID_LENGTH = 22


class KBError(Exception):
    """The knowledge base has mistakes; `errors` lists every one as 'file:line: message'."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__(f"{len(errors)} error(s) in the knowledge base:\n" + "\n".join(errors))


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    name: str
    names: tuple[str, ...]
    synonyms: tuple[str, ...]
    phrases: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class IntentDef:
    """An aspect (a question about a topic), a request or a follow-up, with example phrases."""

    id: str
    group: str  # aspects | requests | followups | out_of_scope
    phrases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Answer:
    topic: str
    aspect: str
    title: str
    text: str
    phrases: tuple[str, ...]
    sources: tuple[str, ...]

    #: the text split at blank lines, each paragraph on one line (computed at load)
    paragraphs: tuple[str, ...] = ()
    #: general answers: words that name the question's subject ("splits", "foam roller")
    keywords: tuple[str, ...] = ()
    #: general answers: the routine that puts the answer into practice, given when the
    #: person asks for stretches next ("ok what stretches" after posture: the desk break)
    routine: str | None = None
    #: general answers: the area whose stretch puts the answer into practice, given when the
    #: person asks for a stretch next ("is there a stretch that helps" after a side stitch)
    area: str | None = None
    #: general answers with no phrases that the brain gives in a conversation about an area
    #: ("is it serious?": when to get it checked), never the intent layer
    in_conversation: bool = False


@dataclass(frozen=True, slots=True)
class Stretch:
    id: str
    name: str
    topics: tuple[str, ...]
    type: str
    steps: tuple[str, ...]
    hold_seconds: int
    repetitions: str
    feel: str
    cautions: tuple[str, ...]
    easier: str | None
    harder: str | None
    sources: tuple[str, ...]
    #: tags from CAUTION_TAGS for what the stretch involves (lying on the back, kneeling...)
    caution_tags: tuple[str, ...] = ()
    #: the other names people call it ("figure four", "down dog"); its own name counts too
    aliases: tuple[str, ...] = ()
    #: how its picture is drawn (`bot.pose`); None until the knowledge base gives one
    pose: Pose | None = None
    #: where it is defined, "file:line" (for `stretchbot check`)
    where: str = ""


@dataclass(frozen=True, slots=True)
class RoutineStep:
    stretch: str
    seconds: int


@dataclass(frozen=True, slots=True)
class Routine:
    id: str
    title: str
    when: str
    phrases: tuple[str, ...]
    steps: tuple[RoutineStep, ...]
    sources: tuple[str, ...]
    #: the sport or activity it is for, as people name it ("golf", "bouldering", "leg day")
    keywords: tuple[str, ...] = ()
    #: the part of the body it covers as people name it when they name no one muscle
    #: ("legs", "lower body"): a complaint of it or a request for it gets this routine
    regions: tuple[str, ...] = ()

    @property
    def total_seconds(self) -> int:
        return sum(s.seconds for s in self.steps)


@dataclass(frozen=True, slots=True)
class Tip:
    id: str
    text: str
    topics: tuple[str, ...]  # what the tip is about; the first is the main one
    stretch: str | None
    sources: tuple[str, ...]
    #: the general questions it gives advice on ("posture", "habit"), so that "a tip for my
    #: posture" gets one of them
    subjects: tuple[str, ...] = ()

    @property
    def topic(self) -> str:
        return self.topics[0]


@dataclass(frozen=True, slots=True)
class SmallTalk:
    id: str
    kind: str  # smalltalk | help
    phrases: tuple[str, ...]
    replies: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Symptom:
    """A named list of the ways people say one thing ("numb", "pins and needles", "gone dead").

    Red-flag patterns name it as `$id`. An area (calf, groin) may list the `topics` that stand
    for it: a message about the calves, or a follow-up in a conversation about them, names it.
    """

    id: str
    terms: tuple[str, ...]
    topics: tuple[str, ...] = ()
    #: words that, right after one of its terms, make that term mean something else: "worse"
    #: is getting worse, but "worse when i cough" is what brings a pain on
    not_before: tuple[str, ...] = ()
    #: words that, shortly before one of its terms, make it a figure of speech: "feel like i
    #: got hit by a truck" (see `safety.NOT_AFTER_REACH`)
    not_after: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TriageLevel:
    """How one level of red flag is worded: the first line, and the footer under the reply."""

    id: str  # one of TRIAGE_LEVELS
    lead: str
    footer: str


@dataclass(frozen=True, slots=True)
class RedFlag:
    id: str
    level: str  # one of TRIAGE_LEVELS
    title: str
    message: str
    #: any pattern matches; a pattern is a tuple of groups, each group a tuple of terms, where
    #: a term "$id" stands for every term of the symptom `id`.
    patterns: tuple[tuple[tuple[str, ...], ...], ...]
    sources: tuple[str, ...]
    #: terms (or "$id" symptoms) that mean the message is not this red flag after all
    #: ("for a second", "after bench press")
    unless: tuple[str, ...] = ()
    #: the red flag is about someone's past (a cancer): a message about the past still raises it
    about_history: bool = False
    #: conditions that explain what the red flag is about (pain that lasts: "diagnosed
    #: sciatica, on and off for years"): when the message names one, its advice answers
    explained_by: tuple[str, ...] = ()
    #: the first line in place of the level's, for a red flag whose level's words do not fit
    #: (someone else has collapsed: no "stop stretching")
    lead: str | None = None


@dataclass(frozen=True, slots=True)
class Condition:
    """A condition that changes the advice instead of blocking it (pregnancy, a new hip)."""

    id: str
    #: how a caution names it: "in pregnancy", "after a hip replacement"
    name: str
    #: the title of the answer about it ("Stretching after a hip replacement")
    title: str
    #: any of these names the condition ("pregnant", "hip replacement")
    terms: tuple[str, ...]
    #: caution tags (CAUTION_TAGS) of the stretches to leave out
    avoid: tuple[str, ...]
    #: one line shown above a stretch, routine or answer for someone with the condition
    note: str
    #: the answer when the person asks about stretching with the condition itself
    advice: str
    sources: tuple[str, ...]
    #: topics whose stretches wait for a professional's plan: a request gets `advice` instead
    refer_topics: tuple[str, ...] = ()
    #: red-flag-style patterns that also name it ("sprained" with "last week")
    patterns: tuple[tuple[tuple[str, ...], ...], ...] = ()
    #: (youngest, oldest): an age the person states ("i'm 72", "75, never exercised",
    #: "retired at 70", "im 14") within it names the condition; None for none
    ages: tuple[int, int] | None = None
    #: what to tell whoever gives care under a red flag ("you are pregnant"), or ""
    tell_care: str = ""


@dataclass(frozen=True, slots=True)
class Disclaimer:
    short: str
    full: str

    @property
    def line(self) -> str:
        """The one-line form for messages that change every few seconds (a guided step with
        its timer): the first sentence of `short` that says "not medical advice", else
        `short` itself."""
        for sentence in re.split(r"(?<=[.!?])\s+", self.short.strip()):
            if "not medical advice" in sentence.lower():
                return sentence
        return self.short


@dataclass(frozen=True)
class KnowledgeBase:
    topics: dict[str, Topic]
    intents: dict[str, IntentDef]
    answers: dict[tuple[str, str], Answer]
    stretches: dict[str, Stretch]
    routines: dict[str, Routine]
    tips: tuple[Tip, ...]
    smalltalk: dict[str, SmallTalk]
    red_flags: dict[str, RedFlag]
    disclaimer: Disclaimer
    directory: Path = field(default=DEFAULT_DIR)
    symptoms: dict[str, Symptom] = field(default_factory=dict)
    triage_levels: dict[str, TriageLevel] = field(default_factory=dict)
    conditions: dict[str, Condition] = field(default_factory=dict)
    #: what a person wants, by cue id (complaint, request, why, when, what): knowledge/cues.yaml
    cues: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def stretches_for(self, topic: str) -> tuple[Stretch, ...]:
        """Stretches for a topic: held ones first, those whose main topic it is first."""
        return self._by_topic.get(topic, ())

    @cached_property
    def _by_topic(self) -> dict[str, tuple[Stretch, ...]]:
        by_topic: dict[str, list[Stretch]] = {}
        for stretch in self.stretches.values():
            for topic in stretch.topics:
                by_topic.setdefault(topic, []).append(stretch)
        # held stretches answer "how do I stretch it"; moving warm-ups come after them
        return {
            topic: tuple(sorted(items, key=lambda s: (s.type != "static", s.topics[0] != topic)))
            for topic, items in by_topic.items()
        }

    def topic_name(self, topic: str) -> str:
        """The display name of a topic id ("Hip flexors")."""
        return self.topics[topic].name

    def spoken_name(self, topic: str) -> str:
        """The name as it reads inside a sentence: lower case, without the detail in brackets
        ("Arms (biceps and triceps)" → "arms", "IT band" stays "IT band")."""
        name = self.topics[topic].name.split(" (")[0].strip()
        return name if name.isupper() or name[:2].isupper() else name.lower()

    def is_plural(self, topic: str) -> bool:
        """Whether the area takes "are" ("my calves are", "my feet and ankles are")."""
        name = self.spoken_name(topic).lower()
        return " and " in name or (name.endswith("s") and name not in _SINGULAR_IN_S)

    def muscle_topics(self) -> list[tuple[str, str]]:
        """(id, display name) of every muscle or area, `general` left out: for menus."""
        return [(t.id, t.name) for t in self.topics.values() if t.id != GENERAL]

    def routine_titles(self) -> list[tuple[str, str]]:
        """(id, title) of every routine, in file order."""
        return [(r.id, r.title) for r in self.routines.values()]

    def routine_with(self, stretch_id: str) -> str | None:
        """The first routine that uses a stretch, or None."""
        for routine in self.routines.values():
            if any(step.stretch == stretch_id for step in routine.steps):
                return routine.id
        return None

    def sourced(self) -> Iterator[Answer | Stretch | Routine | Tip | RedFlag]:
        """Every entry that names its sources."""
        yield from self.answers.values()
        yield from self.stretches.values()
        yield from self.routines.values()
        yield from self.tips
        yield from self.red_flags.values()


# --------------------------------------------------------------------------- node reading


class _Ctx:
    """Collects errors for one file while its nodes are read."""

    def __init__(self, file: str, errors: list[str], refs: list[Any] | None = None) -> None:
        self.file = file
        self.errors = errors
        #: (ctx, node, kind, value, label): references checked once everything is loaded
        self.refs = refs if refs is not None else []

    def err(self, node: yaml.Node | None, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 0
        self.errors.append(f"{self.file}:{line}: {message}")


Raw = dict[str, list[tuple[_Ctx, yaml.Node]]]


def _scalar(node: yaml.Node) -> Any:
    """The Python value of a scalar node (str, int, float, bool or None)."""
    tag = node.tag.rsplit(":", 1)[-1]
    value = node.value
    try:
        if tag == "int":
            return int(value.replace("_", ""), 0)
        if tag == "float":
            number = float(value)
            return number if math.isfinite(number) else value
    except ValueError:  # YAML 1.1 forms Python does not read ("1:30", "030", 5,000 digits)
        return value
    if tag == "bool":
        return value.lower() in ("true", "yes", "on")
    if tag == "null":
        return None
    return value


def _show(node: yaml.Node) -> str:
    """A short rendering of a node's value for an error message."""
    if isinstance(node, yaml.ScalarNode):
        text = repr(node.value)
    elif isinstance(node, yaml.SequenceNode):
        text = "a list"
    else:
        text = "a mapping"
    return text if len(text) <= 60 else text[:57] + "...'"


class _Spec:
    """What one kind of entry may contain: {key: (type, required)}."""

    def __init__(
        self, what: str, fields: dict[str, tuple[str, bool]], refs: dict[str, str] | None = None
    ) -> None:
        self.what = what
        self.fields = fields
        #: fields that name an id defined elsewhere: {field: "topic" | "stretch"}
        self.refs = refs or {}


def _read_value(ctx: _Ctx, node: yaml.Node, typ: str, where: str) -> Any:
    """Read one value of type `typ`; report and return None when it has the wrong shape."""
    if typ == "bool":
        value = _scalar(node) if isinstance(node, yaml.ScalarNode) else None
        if not isinstance(value, bool):
            ctx.err(node, f"{where}: expected true or false, found {_show(node)}")
            return None
        return value
    if typ in ("str", "text", "id", "int", "opt_str"):
        if not isinstance(node, yaml.ScalarNode):
            ctx.err(node, f"{where}: expected {_TYPE_NAMES[typ]}, found {_show(node)}")
            return None
        value = _scalar(node)
        if typ == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                ctx.err(node, f"{where}: expected a whole number, found {_show(node)}")
                return None
            return value
        if value is None and typ == "opt_str":
            return None
        if not isinstance(value, str):
            value = str(node.value)
        value = value.strip()
        if not value:
            ctx.err(node, f"{where}: must not be empty")
            return None
        if typ == "id" and not _ID.match(value):
            ctx.err(node, f"{where}: {value!r} is not a snake_case id")
            return None
        if typ == "id" and len(value) > MAX_ID_LENGTH:
            ctx.err(
                node,
                f"{where}: {value!r} is {len(value)} characters; ids are at most {MAX_ID_LENGTH} "
                "(they travel in buttons of 64 bytes)",
            )
            return None
        return value
    if typ in ("strlist", "idlist", "strlist_empty_ok"):
        if not isinstance(node, yaml.SequenceNode):
            ctx.err(node, f"{where}: expected a list, found {_show(node)}")
            return None
        items = []
        for item in node.value:
            value = _read_value(ctx, item, "id" if typ == "idlist" else "str", where)
            if value is not None:
                items.append(value)
        if not node.value and typ != "strlist_empty_ok":
            ctx.err(node, f"{where}: the list is empty")
        return tuple(items)
    raise AssertionError(typ)  # pragma: no cover


_TYPE_NAMES = {
    "str": "text",
    "text": "text",
    "opt_str": "text",
    "id": "a snake_case id",
    "int": "a whole number",
}


def _read_entry(ctx: _Ctx, node: yaml.Node, spec: _Spec, index: int) -> dict[str, Any] | None:
    """Read one mapping entry; unknown keys, missing keys and wrong types are reported."""
    label = f"{spec.what}[{index + 1}]"
    if not isinstance(node, yaml.MappingNode):
        ctx.err(node, f"{label}: expected a mapping of keys, found {_show(node)}")
        return None
    for key_node, value_node in node.value:
        if key_node.value == "id" and isinstance(value_node, yaml.ScalarNode):
            label = f"{spec.what} '{value_node.value}'"
    out: dict[str, Any] = {"_node": node}
    seen: set[str] = set()
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key in seen:
            ctx.err(key_node, f"{label}: key {key!r} appears twice")
            continue
        seen.add(key)
        if key not in spec.fields:
            allowed = ", ".join(spec.fields)
            ctx.err(key_node, f"{label}: unknown key {key!r} (expected one of: {allowed})")
            continue
        typ = spec.fields[key][0]
        if typ == "node":
            out[key] = value_node
            continue
        out[key] = _read_value(ctx, value_node, typ, f"{label} {key}")
        out["_node_" + key] = value_node
        if key in spec.refs and out[key] is not None:
            values = out[key] if isinstance(out[key], tuple) else (out[key],)
            nodes = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
            for v_node, value in zip(nodes, values, strict=False):
                ctx.refs.append((ctx, v_node, spec.refs[key], value, label))
    for key, (_typ, required) in spec.fields.items():
        if required and key not in seen:
            ctx.err(node, f"{label}: missing required key {key!r}")
    if any(
        out.get(k) is None and k in seen and spec.fields[k][0] not in ("opt_str",)
        for k in spec.fields
    ):
        return None  # a wrong value was reported; skip the entry
    if any(req and k not in seen for k, (_t, req) in spec.fields.items()):
        return None
    out["_label"] = label
    return out


_TOPIC = _Spec(
    "topic",
    {
        "id": ("id", True),
        "name": ("str", True),
        "names": ("strlist_empty_ok", True),
        "synonyms": ("strlist_empty_ok", False),
        "phrases": ("strlist", True),
        "sources": ("strlist", True),
    },
)
_INTENT = _Spec("intent", {"id": ("id", True), "phrases": ("strlist", True)})
_ANSWER = _Spec(
    "answer",
    {
        "topic": ("id", True),
        "aspect": ("id", True),
        "title": ("str", True),
        "text": ("text", True),
        "phrases": ("strlist", False),
        "keywords": ("strlist", False),
        "routine": ("id", False),
        "area": ("id", False),
        "in_conversation": ("bool", False),
        "sources": ("strlist", True),
    },
    refs={"topic": "topic", "routine": "routine", "area": "topic"},
)
_STRETCH = _Spec(
    "stretch",
    {
        "id": ("id", True),
        "name": ("str", True),
        "topics": ("idlist", True),
        "type": ("id", True),
        "steps": ("strlist", True),
        "hold_seconds": ("int", True),
        "repetitions": ("str", True),
        "feel": ("str", True),
        "cautions": ("strlist", True),
        "caution_tags": ("strlist_empty_ok", True),
        "aliases": ("strlist", False),
        "easier": ("opt_str", False),
        "harder": ("opt_str", False),
        "sources": ("strlist", True),
        "pose": ("node", False),
    },
    refs={"topics": "topic"},
)
_ROUTINE = _Spec(
    "routine",
    {
        "id": ("id", True),
        "title": ("str", True),
        "when": ("str", True),
        "phrases": ("strlist", True),
        "steps": ("node", True),
        "keywords": ("strlist", False),
        "regions": ("strlist", False),
        "sources": ("strlist", True),
    },
)
_ROUTINE_STEP = _Spec(
    "routine step", {"stretch": ("id", True), "seconds": ("int", True)}, refs={"stretch": "stretch"}
)
_TIP = _Spec(
    "tip",
    {
        "id": ("id", True),
        "text": ("text", True),
        "topics": ("idlist", True),
        "stretch": ("id", False),
        "sources": ("strlist", True),
        "subjects": ("idlist", False),
    },
    refs={"topics": "topic", "stretch": "stretch", "subjects": "general answer"},
)
_SMALLTALK = _Spec(
    "smalltalk",
    {
        "id": ("id", True),
        "kind": ("id", True),
        "phrases": ("strlist", True),
        "replies": ("strlist", True),
    },
)
_SYMPTOM = _Spec(
    "symptom",
    {
        "id": ("id", True),
        "terms": ("strlist", True),
        "topics": ("idlist", False),
        "not_before": ("strlist", False),
        "not_after": ("strlist", False),
    },
    refs={"topics": "topic"},
)
_CUE = _Spec("cue", {"id": ("id", True), "terms": ("strlist", True)})
#: the cues the brain reads (knowledge/cues.yaml)
CUE_IDS = (
    "complaint",
    "request",
    "why",
    "when",
    "what",
    "asks_when",
    "asks_stretch",
    "not_a_body",
    "body_mod",
    "thing_trouble",
    "ambiguous_area",
    "owner",
    "other_side",
    "one_side",
    "easier",
    "harder",
    "another",
    "again",
    "longer",
    "thanks_lead",
    "greeting_lead",
    "goodbye",
    "exercise",
    "device",
    "new_question",
    "no_kneeling",
    "no_floor",
    "no_balance",
    "chair_only",
    "standing_only",
    "seated",
    "standing",
    "shorter",
    "everyday_name",
)
_TRIAGE_LEVEL = _Spec(
    "triage level", {"id": ("id", True), "lead": ("str", True), "footer": ("str", True)}
)
#: the oldest age a condition's `age_to` may give
MAX_AGE = 120
_CONDITION = _Spec(
    "condition",
    {
        "id": ("id", True),
        "name": ("str", True),
        "title": ("str", True),
        "terms": ("strlist", True),
        "avoid": ("strlist_empty_ok", True),
        "refer_topics": ("idlist", False),
        "patterns": ("node", False),
        "age_from": ("int", False),
        "age_to": ("int", False),
        "note": ("str", True),
        "tell_care": ("str", False),
        "advice": ("text", True),
        "sources": ("strlist", True),
    },
    refs={"refer_topics": "topic"},
)
_RED_FLAG = _Spec(
    "red flag",
    {
        "id": ("id", True),
        "level": ("id", True),
        "title": ("str", True),
        "message": ("text", True),
        "patterns": ("node", True),
        "unless": ("strlist", False),
        "about_history": ("bool", False),
        "explained_by": ("strlist", False),
        "also": ("strlist", False),
        "lead": ("str", False),
        "sources": ("strlist", True),
    },
)
_DISCLAIMER = _Spec("disclaimer", {"short": ("str", True), "full": ("text", True)})


def _entries(ctx: _Ctx, node: yaml.Node, spec: _Spec) -> list[dict[str, Any]]:
    if not isinstance(node, yaml.SequenceNode):
        ctx.err(node, f"section {spec.what}s: expected a list of entries, found {_show(node)}")
        return []
    out = []
    for i, item in enumerate(node.value):
        entry = _read_entry(ctx, item, spec, i)
        if entry is not None:
            out.append(entry)
    return out


#: symptoms the safety rules set themselves, usable in patterns as "$id": `no_area`, the message
#: (and the conversation) names no body area ("tightness when I run" may be the chest; "tight
#: calves, tightness when I run" is not); `about_stretching`, the conversation so far is about
#: stretching ("my son is 12, he's the one asking" after warm-up stretches for football);
#: `lasted_weeks` and `lasted_months`, the message tells of something lasting at least two
#: weeks, or at least six ("been weeks", "for 3 months", "2 months after i fell on it": the
#: numbers and words are read, see `safety.stated_lasting`)
#: `named_stretch`, the message names one of the knowledge base's stretches or poses by its
#: name or an alias ("pins and needles in my foot during pigeon"); `stretches_asked`, the message
#: opens with stretches asked for by their area alone ("lower back stretches? its been aching
#: for days", `safety.stretches_asked_first`)
BUILTIN_SYMPTOMS = frozenset(
    {
        "no_area",
        "about_stretching",
        "lasted_weeks",
        "lasted_months",
        "named_stretch",
        "stretches_asked",
    }
)
#: ... and, for each condition, `condition_<id>`: the message or the conversation named it
#: ("a bit of spotting" after "i'm 20 weeks pregnant")
CONDITION_SYMPTOM = "condition_"
_TERM = re.compile(r"[a-z0-9' ]+\*?")
_SYMPTOM_REF = re.compile(r"\$[a-z][a-z0-9_]*")


def _terms(
    ctx: _Ctx, node: yaml.Node, terms: tuple[str, ...], where: str, *, symptoms: bool = True
) -> tuple[str, ...]:
    """Check each term: a-z, 0-9, spaces and apostrophes, may end in *; or "$id", a symptom."""
    for term_node, term in zip(node.value, terms, strict=False):
        if symptoms and _SYMPTOM_REF.fullmatch(term):
            ctx.refs.append((ctx, term_node, "symptom", term[1:], where))
        elif not _TERM.fullmatch(term.lower()):
            ctx.err(term_node, f"{where}: term {term!r} may hold only a-z, 0-9, spaces, *")
    return tuple(t.lower() for t in terms)


def _ages(ctx: _Ctx, e: dict[str, Any]) -> tuple[int, int] | None:
    """A condition's `age_from` and `age_to` (both or neither, 1 to MAX_AGE, in order)."""
    given = [key for key in ("age_from", "age_to") if key in e]
    if not given:
        return None
    if len(given) == 1:
        missing = "age_to" if given == ["age_from"] else "age_from"
        ctx.err(e[f"_node_{given[0]}"], f"{e['_label']} {given[0]}: needs {missing} as well")
        return None
    low, high = e["age_from"], e["age_to"]
    for key, value in (("age_from", low), ("age_to", high)):
        if not 1 <= value <= MAX_AGE:
            ctx.err(e[f"_node_{key}"], f"{e['_label']} {key}: {value} is outside 1 to {MAX_AGE}")
            return None
    if low > high:
        ctx.err(e["_node_age_to"], f"{e['_label']} age_to: {high} is below age_from {low}")
        return None
    return low, high


def _patterns(ctx: _Ctx, node: yaml.Node, label: str) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Read red-flag patterns: a list of patterns, each a list of groups, each a list of terms.

    A term "$id" names a symptom; the reference is checked once every symptom is read.
    """
    where = f"{label} patterns"
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        ctx.err(node, f"{where}: expected a non-empty list of patterns, found {_show(node)}")
        return ()
    patterns = []
    for pattern in node.value:
        if not isinstance(pattern, yaml.SequenceNode) or not pattern.value:
            ctx.err(pattern, f"{where}: a pattern must be a non-empty list of term groups")
            continue
        groups = []
        for group in pattern.value:
            terms = _read_value(ctx, group, "strlist", where)
            if terms is None:
                continue
            groups.append(_terms(ctx, group, terms, where))
        if groups:
            patterns.append(tuple(groups))
    return tuple(patterns)


# --------------------------------------------------------------------------- loading


def load_kb(directory: Path | str | None = None) -> KnowledgeBase:
    """Load and validate every YAML file of `directory`; raise KBError listing all mistakes."""
    root = Path(directory) if directory is not None else DEFAULT_DIR
    errors: list[str] = []
    if not root.is_dir():
        raise KBError([f"{root}: not a folder"])
    files = sorted(root.glob("*.yaml"))
    if not files:
        raise KBError([f"{root}: no .yaml files found"])
    raw: Raw = {s: [] for s in SECTIONS}
    refs: list[Any] = []
    for path in files:
        ctx = _Ctx(_display(path), errors, refs)
        try:
            text = path.read_text(encoding="utf-8")
            doc = yaml.compose(text, Loader=_Loader)
        except UnicodeDecodeError as exc:
            errors.append(f"{ctx.file}:0: not UTF-8 text ({exc.reason})")
            continue
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else 0
            errors.append(f"{ctx.file}:{line}: YAML syntax error: {exc.problem or exc.context}")
            continue
        except yaml.reader.ReaderError as exc:  # a NUL byte, or UTF-16 text
            errors.append(
                f"{ctx.file}:0: holds a character YAML does not allow (character "
                f"{exc.character!r} at position {exc.position}): save it as plain UTF-8 text"
            )
            continue
        except (OSError, RuntimeError) as exc:  # a folder named x.yaml, a symlink loop
            errors.append(f"{ctx.file}:0: cannot be read ({in_a_few_words(exc)})")
            continue
        if doc is None:
            continue
        if not isinstance(doc, yaml.MappingNode):
            ctx.err(doc, "the file must be a mapping of sections such as 'stretches:'")
            continue
        for key_node, value_node in doc.value:
            key = str(key_node.value)
            if key not in raw:
                ctx.err(
                    key_node, f"unknown section {key!r} (expected one of: {', '.join(SECTIONS)})"
                )
                continue
            raw[key].append((ctx, value_node))
    kb = _Builder(raw, errors, refs).build(root)
    if errors:
        raise KBError(errors)
    assert kb is not None
    return kb


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except (ValueError, OSError, RuntimeError):  # elsewhere, or a symlink loop
        return str(path)


def _unique(ctx: _Ctx, seen: dict[str, str], key: str, node: yaml.Node, what: str) -> bool:
    where = f"{ctx.file}:{node.start_mark.line + 1}"
    if key in seen:
        ctx.err(node, f"duplicate {what} {key!r} (first defined at {seen[key]})")
        return False
    seen[key] = where
    return True


class _Builder:
    """Turns the raw sections into records, one method per section, then checks references.

    Every mistake is appended to `errors` (most through the file's `_Ctx`); nothing raises.
    """

    def __init__(self, raw: Raw, errors: list[str], refs: list[Any]) -> None:
        self.raw, self.errors, self.refs = raw, errors, refs
        self.topics: dict[str, Topic] = {}
        self.intents: dict[str, IntentDef] = {}
        self.answers: dict[tuple[str, str], Answer] = {}
        self.stretches: dict[str, Stretch] = {}
        self.routines: dict[str, Routine] = {}
        self.tips: list[Tip] = []
        self.keyword_owner: dict[str, str] = {}  # a general answer's keyword -> its aspect
        self.smalltalk: dict[str, SmallTalk] = {}
        self.red_flags: dict[str, RedFlag] = {}
        self.symptoms: dict[str, Symptom] = {}
        self.cues: dict[str, tuple[str, ...]] = {}
        self.triage_levels: dict[str, TriageLevel] = {}
        self.conditions: dict[str, Condition] = {}
        self.disclaimer: Disclaimer | None = None
        self.seen: dict[str, dict[str, str]] = {s: {} for s in SECTIONS}
        self.topic_nodes: dict[str, tuple[_Ctx, yaml.Node]] = {}

    def build(self, root: Path) -> KnowledgeBase | None:
        """All sections, then the cross checks; None when the disclaimer is missing."""
        for read in (
            self._topics,
            self._intents,
            self._answers,
            self._stretches,
            self._routines,
            self._tips,
            self._smalltalk,
            self._cues,
            self._symptoms,
            self._triage_levels,
            self._red_flags,
            self._conditions,
            self._disclaimer,
        ):
            read()
        self._check_references()
        self._check_required()
        if self.disclaimer is None:
            return None
        return KnowledgeBase(
            self.topics,
            self.intents,
            self.answers,
            self.stretches,
            self.routines,
            tuple(self.tips),
            self.smalltalk,
            self.red_flags,
            self.disclaimer,
            root,
            self.symptoms,
            self.triage_levels,
            self.conditions,
            self.cues,
        )

    def _each(self, section: str, spec: _Spec) -> Iterator[tuple[_Ctx, dict[str, Any]]]:
        for ctx, node in self.raw[section]:
            for entry in _entries(ctx, node, spec):
                yield ctx, entry

    def _topics(self) -> None:
        names: dict[str, tuple[str, str]] = {}  # folded name -> (topic id, where)
        for ctx, e in self._each("topics", _TOPIC):
            if not _unique(ctx, self.seen["topics"], e["id"], e["_node_id"], "topic id"):
                continue
            if len(e["id"]) > MAX_TOPIC_ID_LENGTH:
                ctx.err(
                    e["_node_id"],
                    f"topic {e['id']!r} id: {len(e['id'])} characters; topic ids are at most "
                    f"{MAX_TOPIC_ID_LENGTH} (they travel in buttons of 64 bytes)",
                )
            topic = Topic(
                e["id"], e["name"], e["names"], e.get("synonyms", ()), e["phrases"], e["sources"]
            )
            self.topics[topic.id] = topic
            self.topic_nodes[topic.id] = (ctx, e["_node"])
            for name in (*topic.names, *topic.synonyms):
                folded = " ".join(name.lower().split())
                owner = names.setdefault(folded, (topic.id, f"{ctx.file}:{_line(e['_node'])}"))
                if owner[0] != topic.id:
                    ctx.err(
                        e["_node"],
                        f"topic '{topic.id}': the name {name!r} is also a name of "
                        f"'{owner[0]}' ({owner[1]}); give it to one of them",
                    )

    def _intents(self) -> None:
        for ctx, node in self.raw["intents"]:
            if not isinstance(node, yaml.MappingNode):
                ctx.err(node, "section intents: expected 'aspects', 'requests' and 'followups'")
                continue
            for key_node, group_node in node.value:
                group = str(key_node.value)
                if group not in INTENT_GROUPS:
                    ctx.err(
                        key_node, f"intents: unknown group {group!r} ({', '.join(INTENT_GROUPS)})"
                    )
                    continue
                allowed = {"requests": REQUEST_IDS, "followups": FOLLOWUP_IDS}.get(group)
                for e in _entries(ctx, group_node, _INTENT):
                    if allowed and e["id"] not in allowed:
                        ctx.err(
                            e["_node_id"],
                            f"intents {group}: unknown id {e['id']!r} (expected one of: "
                            f"{', '.join(allowed)})",
                        )
                        continue
                    if _unique(ctx, self.seen["intents"], e["id"], e["_node_id"], "intent id"):
                        self.intents[e["id"]] = IntentDef(e["id"], group, e["phrases"])

    def _answers(self) -> None:
        for ctx, e in self._each("answers", _ANSWER):
            key = (e["topic"], e["aspect"])
            if not _unique(ctx, self.seen["answers"], f"{key[0]}/{key[1]}", e["_node"], "answer"):
                continue
            self.answers[key] = Answer(
                e["topic"],
                e["aspect"],
                e["title"],
                e["text"],
                e.get("phrases", ()),
                e["sources"],
                paragraphs(e["text"]),
                tuple(e.get("keywords", ())),
                e.get("routine"),
                e.get("area"),
                bool(e.get("in_conversation", False)),
            )
            self._keywords(ctx, e, key)
            if e.get("in_conversation"):
                if e.get("phrases") or e.get("keywords") or e["topic"] != GENERAL:
                    ctx.err(
                        e["_node"],
                        f"answer {e['topic']}/{e['aspect']}: in_conversation is for a general "
                        "answer with no phrases or keywords (the brain gives it in a "
                        "conversation about an area)",
                    )
            elif e["topic"] == GENERAL and not e.get("phrases"):
                ctx.err(
                    e["_node"], f"answer general/{e['aspect']}: needs 'phrases' (its questions)"
                )
            if e["topic"] != GENERAL:
                self.refs.append((ctx, e["_node_aspect"], "aspect", e["aspect"], e["_label"]))

    def _keywords(self, ctx: _Ctx, e: dict[str, Any], key: tuple[str, str]) -> None:
        """Keywords belong to general answers, each to one answer only."""
        if not e.get("keywords"):
            return
        node = e["_node_keywords"]
        if key[0] != GENERAL:
            ctx.err(node, f"{e['_label']} keywords: only answers of topic 'general' take keywords")
            return
        for word in e["keywords"]:
            owner = self.keyword_owner.setdefault(" ".join(word.lower().split()), key[1])
            if owner != key[1]:
                ctx.err(
                    node,
                    f"{e['_label']} keywords: {word!r} is already a keyword of general/{owner}",
                )

    def _stretches(self) -> None:
        for ctx, e in self._each("stretches", _STRETCH):
            if not _unique(ctx, self.seen["stretches"], e["id"], e["_node_id"], "stretch id"):
                continue
            label = e["_label"]
            if e["type"] not in ("static", "dynamic"):
                ctx.err(e["_node_type"], f"{label} type: {e['type']!r} is not static or dynamic")
            if not 3 <= len(e["steps"]) <= 6:
                ctx.err(
                    e["_node_steps"], f"{label} steps: {len(e['steps'])} steps, expected 3 to 6"
                )
            if not 5 <= e["hold_seconds"] <= 600:
                ctx.err(
                    e["_node_hold_seconds"],
                    f"{label} hold_seconds: {e['hold_seconds']} is outside 5 to 600",
                )
            tags: list[str] = []  # each unknown or repeated tag is reported on its own line
            for item in e["_node_caution_tags"].value:
                if not isinstance(item, yaml.ScalarNode) or not str(item.value).strip():
                    continue  # a wrong shape or an empty item was reported by _read_entry
                tag = str(item.value).strip()
                if tag not in CAUTION_TAGS:
                    ctx.err(
                        item,
                        f"{label} caution_tags: unknown tag {tag!r} "
                        f"(expected one of: {', '.join(CAUTION_TAGS)})",
                    )
                elif tag in tags:
                    ctx.err(item, f"{label} caution_tags: {tag!r} is listed twice")
                else:
                    tags.append(tag)
            pose = read_pose(e["pose"], label, ctx.err) if "pose" in e else None
            self.stretches[e["id"]] = Stretch(
                e["id"],
                e["name"],
                e["topics"],
                e["type"],
                e["steps"],
                e["hold_seconds"],
                e["repetitions"],
                e["feel"],
                e["cautions"],
                e.get("easier"),
                e.get("harder"),
                e["sources"],
                tuple(tags),
                e.get("aliases", ()),
                pose,
                f"{ctx.file}:{_line(e['_node'])}",
            )

    def _routines(self) -> None:
        for ctx, e in self._each("routines", _ROUTINE):
            if not _unique(ctx, self.seen["routines"], e["id"], e["_node_id"], "routine id"):
                continue
            steps = []
            for i, step_node in enumerate(_seq(ctx, e["steps"], f"{e['_label']} steps")):
                s = _read_entry(ctx, step_node, _ROUTINE_STEP, i)
                if s is None:
                    continue
                if not 5 <= s["seconds"] <= 900:
                    ctx.err(
                        s["_node_seconds"], f"{e['_label']} seconds: {s['seconds']} outside 5-900"
                    )
                steps.append(RoutineStep(s["stretch"], s["seconds"]))
            if not steps:
                ctx.err(e["steps"], f"{e['_label']} steps: a routine needs at least one step")
            self.routines[e["id"]] = Routine(
                e["id"],
                e["title"],
                e["when"],
                e["phrases"],
                tuple(steps),
                e["sources"],
                tuple(e.get("keywords", ())),
                tuple(e.get("regions", ())),
            )

    def _tips(self) -> None:
        for ctx, e in self._each("tips", _TIP):
            if _unique(ctx, self.seen["tips"], e["id"], e["_node_id"], "tip id"):
                self.tips.append(
                    Tip(
                        e["id"],
                        e["text"],
                        e["topics"],
                        e.get("stretch"),
                        e["sources"],
                        tuple(e.get("subjects", ())),
                    )
                )

    def _smalltalk(self) -> None:
        for ctx, e in self._each("smalltalk", _SMALLTALK):
            if e["kind"] not in ("smalltalk", "help"):
                ctx.err(
                    e["_node_kind"], f"{e['_label']} kind: {e['kind']!r} is not smalltalk or help"
                )
                continue
            if _unique(ctx, self.seen["smalltalk"], e["id"], e["_node_id"], "smalltalk id"):
                self.smalltalk[e["id"]] = SmallTalk(e["id"], e["kind"], e["phrases"], e["replies"])

    def _symptoms(self) -> None:
        for ctx, e in self._each("symptoms", _SYMPTOM):
            if not _unique(ctx, self.seen["symptoms"], e["id"], e["_node_id"], "symptom id"):
                continue
            # a term "$id" names another symptom this one includes (`long_time` holds
            # whenever `lasted_months` does)
            terms = _terms(ctx, e["_node_terms"], e["terms"], f"{e['_label']} terms")
            not_before, not_after = (
                _terms(ctx, e[f"_node_{key}"], e[key], f"{e['_label']} {key}", symptoms=False)
                if e.get(key)
                else ()
                for key in ("not_before", "not_after")
            )
            self.symptoms[e["id"]] = Symptom(
                e["id"], terms, e.get("topics", ()), not_before, not_after
            )

    def _cues(self) -> None:
        for ctx, e in self._each("cues", _CUE):
            if e["id"] not in CUE_IDS:
                ctx.err(
                    e["_node_id"], f"{e['_label']}: {e['id']!r} is not one of {', '.join(CUE_IDS)}"
                )
                continue
            if _unique(ctx, self.seen["cues"], e["id"], e["_node_id"], "cue id"):
                terms = _terms(
                    ctx, e["_node_terms"], e["terms"], f"{e['_label']} terms", symptoms=False
                )
                self.cues[e["id"]] = terms

    def _triage_levels(self) -> None:
        for ctx, e in self._each("triage_levels", _TRIAGE_LEVEL):
            if e["id"] not in TRIAGE_LEVELS:
                ctx.err(
                    e["_node_id"],
                    f"{e['_label']}: {e['id']!r} is not one of {', '.join(TRIAGE_LEVELS)}",
                )
                continue
            if "not medical advice" not in e["footer"].lower():
                ctx.err(e["_node_footer"], f"{e['_label']} footer: must say 'not medical advice'")
            if _unique(ctx, self.seen["triage_levels"], e["id"], e["_node_id"], "triage level"):
                self.triage_levels[e["id"]] = TriageLevel(e["id"], e["lead"], e["footer"])

    def _red_flags(self) -> None:
        for ctx, e in self._each("red_flags", _RED_FLAG):
            if e["level"] not in TRIAGE_LEVELS:
                ctx.err(
                    e["_node_level"],
                    f"{e['_label']} level: {e['level']!r} is not one of {', '.join(TRIAGE_LEVELS)}",
                )
                continue
            if not _unique(ctx, self.seen["red_flags"], e["id"], e["_node_id"], "red flag id"):
                continue
            patterns = _patterns(ctx, e["patterns"], e["_label"])
            if e.get("also"):
                # one more group every pattern needs: patterns shared with another red flag
                # (a YAML alias) made narrower, such as night pain in the back or neck
                also = _terms(ctx, e["_node_also"], e["also"], f"{e['_label']} also")
                patterns = tuple((*pattern, also) for pattern in patterns)
            unless: tuple[str, ...] = ()
            if "unless" in e:
                unless = _terms(ctx, e["_node_unless"], e["unless"], f"{e['_label']} unless")
            for node, cid in zip(
                getattr(e.get("_node_explained_by"), "value", ()),
                e.get("explained_by", ()),
                strict=False,
            ):
                self.refs.append((ctx, node, "condition", cid, f"{e['_label']} explained_by"))
            self.red_flags[e["id"]] = RedFlag(
                e["id"],
                e["level"],
                e["title"],
                e["message"],
                patterns,
                e["sources"],
                unless,
                bool(e.get("about_history", False)),
                tuple(e.get("explained_by", ())),
                e.get("lead"),
            )

    def _conditions(self) -> None:
        for ctx, e in self._each("conditions", _CONDITION):
            if not _unique(ctx, self.seen["conditions"], e["id"], e["_node_id"], "condition id"):
                continue
            for tag_node, tag in zip(e["_node_avoid"].value, e["avoid"], strict=False):
                if tag not in CAUTION_TAGS:
                    ctx.err(
                        tag_node,
                        f"{e['_label']} avoid: {tag!r} is not a caution tag "
                        f"({', '.join(CAUTION_TAGS)})",
                    )
            terms = _terms(
                ctx, e["_node_terms"], e["terms"], f"{e['_label']} terms", symptoms=False
            )
            self.conditions[e["id"]] = Condition(
                e["id"],
                e["name"],
                e["title"],
                terms,
                e["avoid"],
                e["note"],
                e["advice"],
                e["sources"],
                e.get("refer_topics", ()),
                _patterns(ctx, e["patterns"], e["_label"]) if "patterns" in e else (),
                _ages(ctx, e),
                e.get("tell_care", ""),
            )

    def _disclaimer(self) -> None:
        for ctx, node in self.raw["disclaimer"]:
            if self.disclaimer is not None:
                ctx.err(node, "section disclaimer: defined more than once")
                continue
            d = _read_entry(ctx, node, _DISCLAIMER, 0)
            if d is None:
                self.disclaimer = Disclaimer("", "")
                continue
            if "not medical advice" not in d["short"].lower():
                ctx.err(
                    d["_node_short"],
                    "disclaimer short: must contain the words 'not medical advice'",
                )
            self.disclaimer = Disclaimer(d["short"], " ".join(d["full"].split()))
        if self.disclaimer is None:
            self.errors.append("knowledge: no 'disclaimer' section in any file")

    def _check_references(self) -> None:
        known: dict[str, Container[str]] = {
            "topic": self.topics,
            "stretch": self.stretches,
            "aspect": {i.id for i in self.intents.values() if i.group == "aspects"},
            "symptom": {
                *self.symptoms,
                *BUILTIN_SYMPTOMS,
                *(CONDITION_SYMPTOM + c for c in self.conditions),
            },
            "condition": self.conditions,
            "routine": self.routines,
            "general answer": {aspect for topic, aspect in self.answers if topic == GENERAL},
        }
        for ctx, node, kind, value, label in self.refs:
            if value not in known[kind]:
                ctx.err(node, f"{label}: unknown {kind} {value!r}")

    def _check_required(self) -> None:
        errors = self.errors
        for tid in REQUIRED_TOPICS:
            if tid not in self.topics:
                errors.append(f"knowledge: missing required topic {tid!r} (add it to topics.yaml)")
        for tid, topic in self.topics.items():
            if tid == GENERAL:
                continue
            ctx, node = self.topic_nodes[tid]
            if not topic.names:
                ctx.err(node, f"topic '{tid}' names: the list is empty")
            for aspect in REQUIRED_ASPECTS:
                if (tid, aspect) not in self.answers:
                    ctx.err(node, f"topic '{tid}': no answer with aspect {aspect!r} in answers")
            listed = sum(tid in s.topics for s in self.stretches.values())
            if listed < MIN_STRETCHES_PER_TOPIC:
                ctx.err(
                    node,
                    f"topic '{tid}': {listed} stretches list this topic; every area needs at "
                    f"least {MIN_STRETCHES_PER_TOPIC} (add the topic to stretches' topics)",
                )
        if self.raw["intents"]:
            for needed in REQUIRED_ASPECTS + ("stretch",):
                if needed not in self.intents:
                    errors.append(f"knowledge: intents aspects: missing aspect {needed!r}")
            for needed in REQUEST_IDS + FOLLOWUP_IDS:
                if needed not in self.intents:
                    errors.append(f"knowledge: intents: missing {needed!r}")
        else:
            errors.append("knowledge: no 'intents' section in any file")
        for rid in REQUIRED_ROUTINES:
            if self.routines and rid not in self.routines:
                errors.append(f"knowledge: missing required routine {rid!r}")
        if not self.tips:
            errors.append("knowledge: no tips in any file: add a 'tips:' section (tips.yaml)")
        if self.red_flags:
            for level in TRIAGE_LEVELS:
                if level not in self.triage_levels:
                    errors.append(
                        f"knowledge: triage_levels: missing {level!r} (how its replies read)"
                    )


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def paragraphs(text: str) -> tuple[str, ...]:
    """Text split at blank lines, each paragraph on one line."""
    parts = re.split(r"\n\s*\n", text.strip())
    return tuple(" ".join(p.split()) for p in parts if p.strip())


def _seq(ctx: _Ctx, node: yaml.Node, where: str) -> list[yaml.Node]:
    if not isinstance(node, yaml.SequenceNode):
        ctx.err(node, f"{where}: expected a list, found {_show(node)}")
        return []
    return list(node.value)
