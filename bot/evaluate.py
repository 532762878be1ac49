"""`stretchbot eval`: how well the brain understands labelled messages, and how often it
wrongly accepts off-topic ones (CLINC150).

Labels follow the JSON contract: `kind`, plus `topic` and `aspect` for answers, `topic` for
stretches, `routine` for routines and `intent` (daily.on / daily.off) for daily requests.

Sets whose labels are lists of acceptable values (the frozen blind sets in tests/data/blind,
real-world sets) are scored by the functions of the "blind sets" section at the end.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.brain import Brain
from bot.kb import KnowledgeBase
from bot.render import render_json
from bot.reply import KINDS, Context, Reply

#: kinds that mean "I answered with stretch or health content"
ACCEPTING_KINDS = frozenset({"answer", "stretch", "routine", "tip", "daily", "red_flag"})


def label_of(
    kind: str,
    topic: str | None = None,
    aspect: str | None = None,
    routine: str | None = None,
    intent: str | None = None,
) -> str:
    """One string per intent, for precision, recall and confusions."""
    if kind == "answer":
        return f"answer:{topic}.{aspect}"
    if kind == "stretch":
        return f"stretch:{topic}"
    if kind == "routine":
        return f"routine:{routine}"
    if kind == "daily":
        return f"daily:{intent}"
    return kind


def reply_label(reply: Reply) -> str:
    aspect = reply.intent.rsplit(".", 1)[-1] if reply.kind == "answer" else None
    return label_of(reply.kind, reply.topic, aspect, reply.routine, reply.intent)


@dataclass
class Report:
    total: int = 0
    correct: int = 0
    in_domain: int = 0
    in_domain_correct: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    by_kind_correct: Counter[str] = field(default_factory=Counter)
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)
    true_pos: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    expected: Counter[str] = field(default_factory=Counter)
    red_flags: int = 0
    red_flags_caught: int = 0
    false_red_flags: int = 0
    ood: int = 0
    ood_rejected: int = 0
    with_disclaimer: int = 0
    times_ms: list[float] = field(default_factory=list)
    errors: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def in_domain_accuracy(self) -> float:
        return self.in_domain_correct / self.in_domain if self.in_domain else 1.0

    @property
    def red_flag_recall(self) -> float:
        return self.red_flags_caught / self.red_flags if self.red_flags else 1.0

    @property
    def ood_rejection(self) -> float:
        return self.ood_rejected / self.ood if self.ood else 1.0

    @property
    def disclaimer_coverage(self) -> float:
        return self.with_disclaimer / self.total if self.total else 1.0


def load_utterances(path: Path | str, split: str = "all") -> list[dict[str, Any]]:
    """The labelled messages of one split ("train", "test" or "all")."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    rows = data["utterances"]
    return [r for r in rows if split == "all" or r.get("split") == split]


def evaluate(brain: Brain, rows: list[dict[str, Any]]) -> Report:
    """Run every message through the brain (each as the first message of a conversation)."""
    report = Report()
    for row in rows:
        text = row["text"]
        start = time.perf_counter()
        reply = brain.reply(text)
        report.times_ms.append((time.perf_counter() - start) * 1000)
        expected = label_of(
            row["kind"], row.get("topic"), row.get("aspect"), row.get("routine"), row.get("intent")
        )
        got = reply_label(reply)
        ok = got == expected
        report.total += 1
        report.correct += ok
        report.by_kind[row["kind"]] += 1
        report.by_kind_correct[row["kind"]] += ok
        report.expected[expected] += 1
        report.predicted[got] += 1
        if ok:
            report.true_pos[expected] += 1
        else:
            report.confusions[(expected, got)] += 1
            report.errors.append((text, expected, got))
        if row["kind"] == "fallback":
            report.ood += 1
            report.ood_rejected += reply.kind == "fallback"
        else:
            report.in_domain += 1
            report.in_domain_correct += ok
        if row["kind"] == "red_flag":
            report.red_flags += 1
            report.red_flags_caught += reply.kind == "red_flag"
        elif reply.kind == "red_flag":
            report.false_red_flags += 1
        report.with_disclaimer += render_json(reply)["disclaimer"] is True
    return report


def format_report(report: Report, top: int = 12) -> str:
    lines = []
    pct = _pct
    lines.append(f"Messages: {report.total}")
    lines.append(f"Overall accuracy: {pct(report.correct, report.total)}")
    lines.append(f"In-domain accuracy: {pct(report.in_domain_correct, report.in_domain)}")
    lines.append("Accuracy per kind:")
    for kind in sorted(report.by_kind):
        lines.append(
            f"  {kind:<10} {pct(report.by_kind_correct[kind], report.by_kind[kind])} "
            f"({report.by_kind_correct[kind]}/{report.by_kind[kind]})"
        )
    lines.append(f"Red-flag recall: {pct(report.red_flags_caught, report.red_flags)}")
    lines.append(f"False red flags: {report.false_red_flags}")
    lines.append(f"Out-of-domain rejection: {pct(report.ood_rejected, report.ood)}")
    lines.append(f"Disclaimer on replies: {pct(report.with_disclaimer, report.total)}")
    times = sorted(report.times_ms)
    if times:
        p99 = times[min(len(times) - 1, int(0.99 * len(times)))]
        lines.append(
            f"Time per message: median {statistics.median(times):.3f} ms, p99 {p99:.3f} ms"
        )
    lines.append("Precision / recall per intent:")
    for label in sorted(set(report.expected) | set(report.predicted)):
        tp = report.true_pos[label]
        precision = tp / report.predicted[label] if report.predicted[label] else 0.0
        recall = tp / report.expected[label] if report.expected[label] else 0.0
        lines.append(
            f"  {label:<32} P {precision:6.1%}  R {recall:6.1%}  (n={report.expected[label]})"
        )
    if report.confusions:
        lines.append("Most frequent confusions (expected -> got):")
        for (exp, got), n in report.confusions.most_common(top):
            lines.append(f"  {n:>3}  {exp} -> {got}")
    return "\n".join(lines)


@dataclass
class ClincReport:
    total: int = 0
    false_accepts: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    examples: list[tuple[str, str]] = field(default_factory=list)

    @property
    def false_acceptance(self) -> float:
        return self.false_accepts / self.total if self.total else 0.0


def evaluate_clinc(brain: Brain, path: Path | str) -> ClincReport:
    """False acceptance on CLINC150: any stretch or health answer to an out-of-scope query.

    Small talk and help replies are acceptable for CLINC's `small_talk` and `meta` domains
    only; elsewhere they count as false acceptances too.
    """
    report = ClincReport()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            reply = brain.reply(row["text"])
            report.total += 1
            report.by_kind[reply.kind] += 1
            lenient = row.get("domain") in ("small_talk", "meta")
            wrong = reply.kind in ACCEPTING_KINDS or (
                not lenient and reply.kind in ("smalltalk", "help")
            )
            if wrong:
                report.false_accepts += 1
                report.examples.append((row["text"], reply.intent))
    return report


def format_clinc(report: ClincReport, top: int = 15) -> str:
    lines = [
        f"CLINC150 queries: {report.total}",
        f"False acceptance: {_pct(report.false_accepts, report.total)} "
        f"({report.false_accepts}/{report.total})",
        "Replies by kind: " + ", ".join(f"{k} {n}" for k, n in report.by_kind.most_common()),
    ]
    if report.examples:
        lines.append("Examples of false acceptance:")
        lines.extend(f"  {text!r} -> {intent}" for text, intent in report.examples[:top])
    return "\n".join(lines)


def _pct(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "n/a"


# --------------------------------------------------------------------------- blind sets
#
# `stretchbot eval --blind DIR` and `stretchbot eval --realworld FILE` score sets written by
# people who never read the knowledge base (tests/data/blind/README.md). Their labels are lists
# of acceptable values, and a reply is right for a message when:
#
# - off-topic messages (every accepted kind is `fallback`): the reply is a fallback;
# - any other message: the reply's kind is accepted and, where the label gives them,
#   - an answer or stretch reply's topic is an accepted topic (a routine, tip or red-flag
#     reply's topic is not the bot's reading of the message, so it is not checked),
#   - an answer's aspect (the last part of its intent; for topic `general`, the answer key) is
#     an accepted aspect,
#   - a routine reply's routine id starts with an accepted routine id,
#   - a small-talk reply's key (`smalltalk.<key>`) is an accepted key.
#
# Label values the bot cannot give (the kind `language`, a topic or routine the knowledge base
# lacks) stay in the figures as misses; the report counts the messages they make unreachable.
# A message whose first kind is `red_flag` is a red-flag message (recall: any red-flag reply).
#
# Safety sets: a red-flag reply's level is its red flag's action in the knowledge base
# (emergency or urgent), any other reply's level is `none`. Recall counts red-flag replies to
# messages at level emergency, urgent or see_professional; "level right" asks the reply's level
# to be in `accept`; a condition message (`condition: <id>`) counts when the reply's own text
# (not the disclaimer) names the condition.

#: the frozen blind sets, by the name the report uses
BLIND_FILES: dict[str, str] = {
    "singles": "understanding_singles.yaml",
    "conversations": "understanding_conversations.yaml",
    "redflags": "safety_redflags.yaml",
    "safety_conversations": "safety_conversations.yaml",
    "nearmiss": "safety_nearmiss.yaml",
}
#: safety levels that a red-flag reply catches
FLAG_LEVELS: tuple[str, ...] = ("emergency", "urgent", "see_professional")
#: reply kinds whose topic is the bot's reading of the message
TOPIC_KINDS = frozenset({"answer", "stretch"})
#: words (regular-expression prefixes) that show a reply names a condition; otherwise its id
CONDITION_TERMS: dict[str, tuple[str, ...]] = {
    "pregnancy": ("pregnan",),
    "hypermobility": ("hypermobil",),
    "recent_surgery": ("surger", "surgical", "operation"),
    "arthritis": ("arthrit", "rheumatoid"),
    "hip_replacement": ("hip replacement",),
    "knee_replacement": ("knee replacement",),
    "osteoporosis": ("osteopor",),
    "herniated_disc": ("herniat", "slipped disc", "bulging disc", "disc prolapse"),
    "sciatica": ("sciatic",),
    # the ids of these read as no phrase a reply would use ("children teens")
    "after_birth": (
        "had a baby",
        "having a baby",
        "after birth",
        "giving birth",
        "postnatal",
        "postpartum",
        "caesarean",
    ),
    "older_adults": ("older adult", "later life", "older"),
    "children_teens": ("child", "teen", "young person", "growing"),
    "recent_injury": ("injur", "strain", "sprain"),
}


@dataclass
class Score:
    """`hits` out of `total`: a right count, or a count of mistakes (false red flags)."""

    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.total += 1
        self.hits += hit

    @property
    def rate(self) -> float:
        return self.hits / self.total if self.total else 0.0


@dataclass(frozen=True)
class Miss:
    """One wrongly answered message, for `-v`."""

    where: str
    text: str
    expected: str
    got: str


@dataclass
class UnderstandingReport:
    """Single messages (or the turns of conversations) against kind/topic/aspect labels."""

    messages: Score = field(default_factory=Score)
    in_domain: Score = field(default_factory=Score)
    by_kind: dict[str, Score] = field(default_factory=dict)
    off_topic: Score = field(default_factory=Score)
    red_flags: Score = field(default_factory=Score)
    #: red-flag replies to messages whose labels do not accept one
    false_red_flags: Score = field(default_factory=Score)
    #: messages no reply of this bot could get right (their labels need what it lacks)
    unreachable: int = 0
    #: label values the knowledge base lacks ("kind language", "topic knees"), per message
    unknown: Counter[str] = field(default_factory=Counter)
    misses: list[Miss] = field(default_factory=list)


@dataclass
class ConversationReport:
    """Multi-turn conversations: every turn scored, with the context of the turns before it."""

    conversations: int = 0
    #: conversations with every turn right
    whole: Score = field(default_factory=Score)
    turns: UnderstandingReport = field(default_factory=UnderstandingReport)
    first: Score = field(default_factory=Score)
    follow_ups: Score = field(default_factory=Score)
    by_move: dict[str, Score] = field(default_factory=dict)


@dataclass
class SafetyReport:
    """Red-flag and condition messages (single or in conversations) against safety levels."""

    messages: int = 0
    conversations: int = 0
    recall: Score = field(default_factory=Score)
    recall_by_level: dict[str, Score] = field(default_factory=dict)
    #: on messages whose level is not `none`: the reply's level is in `accept`
    level_right: Score = field(default_factory=Score)
    level_by_level: dict[str, Score] = field(default_factory=dict)
    #: condition messages whose reply names the condition
    conditions: Score = field(default_factory=Score)
    #: red-flag replies on turns at level `none`
    false_red_flags: Score = field(default_factory=Score)
    misses: list[Miss] = field(default_factory=list)


@dataclass
class NearMissReport:
    """Messages that must not raise a red flag, and what they should get instead."""

    false_red_flags: Score = field(default_factory=Score)
    expected_kind: Score = field(default_factory=Score)
    misses: list[Miss] = field(default_factory=list)


@dataclass
class BlindReport:
    """The figures of all five blind sets of one folder."""

    directory: Path
    singles: UnderstandingReport
    conversations: ConversationReport
    redflags: SafetyReport
    safety_conversations: SafetyReport
    nearmiss: NearMissReport


class EvalDataError(ValueError):
    """A labelled set that cannot be read: not YAML, or not the expected shape."""


def load_rows(path: Path | str, key: str = "text") -> list[dict[str, Any]]:
    """The rows of a blind or real-world set: a YAML list of mappings, each with `key`."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise EvalDataError(f"{path}: cannot be read: {exc}") from exc
    if not isinstance(data, list):
        raise EvalDataError(f"{path}: expected a YAML list of mappings")
    for i, row in enumerate(data):
        if not isinstance(row, dict) or key not in row:
            raise EvalDataError(f"{path}: entry {i + 1} is not a mapping with {key!r}")
    return data


def load_conversations(path: Path | str) -> list[dict[str, Any]]:
    """The conversations of a set: a YAML list of {id, turns: [mappings with `text`]}."""
    conversations = load_rows(path, key="turns")
    for i, conversation in enumerate(conversations):
        turns = conversation["turns"]
        if not isinstance(turns, list) or not all(
            isinstance(t, dict) and "text" in t for t in turns
        ):
            raise EvalDataError(f"{path}: conversation {i + 1} needs turns with 'text'")
    return conversations


def accepted(row: dict[str, Any], key: str) -> list[str]:
    """A label as a list of strings: absent or null -> [], one value -> [value]."""
    value = row.get(key)
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)]


def is_off_topic(row: dict[str, Any]) -> bool:
    """Every accepted kind is `fallback`: the message must be declined."""
    kinds = accepted(row, "kind")
    return bool(kinds) and all(k == "fallback" for k in kinds)


def is_red_flag_message(row: dict[str, Any]) -> bool:
    kinds = accepted(row, "kind")
    return bool(kinds) and kinds[0] == "red_flag"


def reply_aspect(reply: Reply) -> str | None:
    """An answer's aspect (for topic `general`, its answer key); None for other kinds."""
    return reply.intent.rsplit(".", 1)[-1] if reply.kind == "answer" else None


def reply_smalltalk(reply: Reply) -> str | None:
    """A small-talk reply's key, from its intent `smalltalk.<key>`."""
    if reply.kind != "smalltalk" or not reply.intent.startswith("smalltalk."):
        return None
    return reply.intent.split(".", 1)[1]


#: the label of a message in another language, and the reply it accepts
LANGUAGE_LABEL = "language"
LANGUAGE_INTENT = "fallback.language"


def reply_matches(row: dict[str, Any], reply: Reply) -> bool:
    """Whether `reply` is one of the answers the row's list labels accept."""
    if is_off_topic(row):
        return reply.kind == "fallback"
    if reply.intent == LANGUAGE_INTENT:  # "I understand English only", in their language
        return LANGUAGE_LABEL in accepted(row, "kind")
    if reply.kind not in accepted(row, "kind"):
        return False
    topics = accepted(row, "topic")
    if reply.kind in TOPIC_KINDS and topics and reply.topic not in topics:
        return False
    aspects = accepted(row, "aspect")
    if reply.kind == "answer" and aspects and reply_aspect(reply) not in aspects:
        return False
    routines = accepted(row, "routine")
    if reply.kind == "routine" and routines:
        got = reply.routine or ""
        if not got or not any(got.startswith(r) for r in routines):
            return False
    keys = accepted(row, "smalltalk")
    return not (reply.kind == "smalltalk" and keys and reply_smalltalk(reply) not in keys)


def unknown_labels(row: dict[str, Any], kb: KnowledgeBase) -> list[str]:
    """The row's label values this knowledge base lacks, e.g. ["kind language", "topic knees"]."""
    aspects = {aspect for _, aspect in kb.answers}
    out = [f"kind {k}" for k in accepted(row, "kind") if k not in KINDS and k != LANGUAGE_LABEL]
    out += [f"topic {t}" for t in accepted(row, "topic") if t not in kb.topics]
    out += [f"aspect {a}" for a in accepted(row, "aspect") if a not in aspects]
    out += [
        f"routine {r}"
        for r in accepted(row, "routine")
        if not any(rid.startswith(r) for rid in kb.routines)
    ]
    out += [f"smalltalk {s}" for s in accepted(row, "smalltalk") if s not in kb.smalltalk]
    return out


def reachable(row: dict[str, Any], kb: KnowledgeBase) -> bool:
    """Whether some reply this knowledge base can give would be right for the row."""
    if is_off_topic(row):
        return True
    topics = accepted(row, "topic") or list(kb.topics)
    aspects = accepted(row, "aspect")
    routines = accepted(row, "routine")
    keys = accepted(row, "smalltalk")
    for kind in accepted(row, "kind"):
        if kind == "answer":
            ok = any(
                t == topic and (not aspects or a in aspects)
                for topic in topics
                for t, a in kb.answers
            )
        elif kind == "stretch":
            ok = any(kb.stretches_for(t) for t in topics)
        elif kind == "routine":
            ok = not routines or any(rid.startswith(r) for r in routines for rid in kb.routines)
        elif kind == "smalltalk":
            ok = not keys or any(k in kb.smalltalk for k in keys)
        else:
            ok = kind in KINDS or kind == LANGUAGE_LABEL
        if ok:
            return True
    return False


def describe_label(row: dict[str, Any]) -> str:
    """A row's labels in one line: "answer|stretch topic calves aspect why_tight"."""
    parts = ["|".join(accepted(row, "kind"))]
    for key in ("topic", "aspect", "routine", "smalltalk"):
        values = accepted(row, key)
        if values:
            parts.append(f"{key} {'|'.join(values)}")
    return " ".join(parts)


def describe_reply(reply: Reply) -> str:
    """A reply in one line: "answer calves.why_tight", "stretch calves.stretch", "fallback"."""
    if reply.intent == reply.kind or reply.intent.startswith(f"{reply.kind}."):
        text = reply.intent
    else:
        text = f"{reply.kind} {reply.intent}"
    if reply.kind == "stretch" and reply.topic and not reply.intent.startswith(f"{reply.topic}."):
        text += f" (topic {reply.topic})"
    return text


class _UnderstandingScorer:
    """Adds one message (or turn) and its reply to an `UnderstandingReport`."""

    def __init__(self, kb: KnowledgeBase, report: UnderstandingReport) -> None:
        self.kb = kb
        self.report = report

    def add(self, row: dict[str, Any], reply: Reply, where: str = "") -> bool:
        report = self.report
        ok = reply_matches(row, reply)
        report.messages.add(ok)
        kinds = accepted(row, "kind")
        first = kinds[0] if kinds else "?"
        if is_off_topic(row):
            report.off_topic.add(ok)
        else:
            report.in_domain.add(ok)
            report.by_kind.setdefault(first, Score()).add(ok)
        if is_red_flag_message(row):
            report.red_flags.add(reply.kind == "red_flag")
        elif "red_flag" not in kinds:
            report.false_red_flags.add(reply.kind == "red_flag")
        unknown = unknown_labels(row, self.kb)
        report.unknown.update(unknown)
        if not reachable(row, self.kb):
            report.unreachable += 1
        if not ok:
            expected = describe_label(row)
            if unknown:
                expected += f" [unknown to the bot: {', '.join(unknown)}]"
            report.misses.append(Miss(where, str(row["text"]), expected, describe_reply(reply)))
        return ok


def score_messages(brain: Brain, rows: list[dict[str, Any]]) -> UnderstandingReport:
    """Single messages with list labels (blind singles, real-world sets), each a fresh chat."""
    report = UnderstandingReport()
    scorer = _UnderstandingScorer(brain.kb, report)
    for row in rows:
        scorer.add(row, brain.reply(str(row["text"])))
    return report


def score_conversations(brain: Brain, conversations: list[dict[str, Any]]) -> ConversationReport:
    """Play each conversation's turns in order, each with the context the last reply gave."""
    report = ConversationReport()
    scorer = _UnderstandingScorer(brain.kb, report.turns)
    all_right = True
    for i, turn, reply, where in play(brain, conversations):
        if i == 0:
            if report.conversations:
                report.whole.add(all_right)
            report.conversations += 1
            all_right = True
        ok = scorer.add(turn, reply, where=where)
        all_right = all_right and ok
        if i == 0:
            report.first.add(ok)
        else:
            report.follow_ups.add(ok)
            move = str(turn.get("move") or "(none)")
            report.by_move.setdefault(move, Score()).add(ok)
    if report.conversations:
        report.whole.add(all_right)
    return report


def play(
    brain: Brain, conversations: list[dict[str, Any]]
) -> Iterator[tuple[int, dict[str, Any], Reply, str]]:
    """Each turn of each conversation with its reply, the context carried from turn to turn:
    (turn index from 0, the turn's row, the reply, "c001 turn 2")."""
    for conversation in conversations:
        context: Context | None = None
        for i, turn in enumerate(conversation["turns"]):
            reply = brain.reply(str(turn["text"]), context)
            context = reply.context
            yield i, turn, reply, f"{conversation.get('id', '?')} turn {i + 1}"


def reply_level(reply: Reply, kb: KnowledgeBase) -> str:
    """A red-flag reply's level in the knowledge base (emergency, urgent, see_professional);
    `condition` for a reply shaped by a condition; else `none`."""
    if reply.kind != "red_flag":
        return "condition" if reply.conditions else "none"
    flag = kb.red_flags.get(reply.intent.split(".", 1)[-1])
    return flag.level if flag is not None else "red_flag"


def reply_text(reply: Reply) -> str:
    """Everything the reply says, without the disclaimer, in lower case."""
    parts: list[str] = []
    for block in reply.blocks:
        parts.append(block.text)
        parts.extend(block.items)
    return " ".join(parts).lower()


def names_condition(reply: Reply, condition: str) -> bool:
    """Whether the reply's own text names the condition (see CONDITION_TERMS)."""
    terms = CONDITION_TERMS.get(condition, (condition.replace("_", " "),))
    text = reply_text(reply)
    return any(re.search(r"\b" + re.escape(term), text) for term in terms)


class _SafetyScorer:
    """Adds one message (or turn) with a safety level and its reply to a `SafetyReport`."""

    def __init__(self, kb: KnowledgeBase, report: SafetyReport) -> None:
        self.kb = kb
        self.report = report

    def add(self, row: dict[str, Any], reply: Reply, where: str = "") -> None:
        report = self.report
        report.messages += 1
        level = str(row.get("level") or "none")
        accept = accepted(row, "accept") or [level]
        got = reply_level(reply, self.kb)
        if level == "none":
            report.false_red_flags.add(reply.kind == "red_flag")
            wrong = reply.kind == "red_flag"
        else:
            right = got in accept
            report.level_right.add(right)
            report.level_by_level.setdefault(level, Score()).add(right)
            wrong = not right
        if level in FLAG_LEVELS:
            caught = reply.kind == "red_flag"
            report.recall.add(caught)
            report.recall_by_level.setdefault(level, Score()).add(caught)
        condition = row.get("condition")
        named = bool(condition) and names_condition(reply, str(condition))
        if condition:
            report.conditions.add(named)
        if wrong:
            expected = f"level {level} (accept {'|'.join(accept)})"
            if row.get("concept"):
                expected += f" concept {row['concept']}"
            got_text = f"level {got}: {describe_reply(reply)}"
            if named:
                got_text += f" (names {condition})"
            report.misses.append(Miss(where, str(row["text"]), expected, got_text))


def score_safety(brain: Brain, rows: list[dict[str, Any]]) -> SafetyReport:
    """Single red-flag and condition messages, each a fresh chat."""
    report = SafetyReport()
    scorer = _SafetyScorer(brain.kb, report)
    for row in rows:
        scorer.add(row, brain.reply(str(row["text"])))
    return report


def score_safety_conversations(brain: Brain, conversations: list[dict[str, Any]]) -> SafetyReport:
    """Red flags in conversations: every turn scored, with the context of the turns before."""
    report = SafetyReport()
    scorer = _SafetyScorer(brain.kb, report)
    for i, turn, reply, where in play(brain, conversations):
        report.conversations += i == 0
        scorer.add(turn, reply, where=where)
    return report


def score_nearmiss(brain: Brain, rows: list[dict[str, Any]]) -> NearMissReport:
    """Near-misses: no red flag, and a reply of an `expect`ed kind."""
    report = NearMissReport()
    for row in rows:
        reply = brain.reply(str(row["text"]))
        flagged = reply.kind == "red_flag"
        expect = accepted(row, "expect")
        fits = reply.kind in expect
        report.false_red_flags.add(flagged)
        report.expected_kind.add(fits)
        if flagged or not fits:
            report.misses.append(
                Miss("", str(row["text"]), f"kind {'|'.join(expect)}", describe_reply(reply))
            )
    return report


def missing_blind_files(directory: Path | str) -> list[Path]:
    """The blind set files absent from `directory`."""
    return [
        Path(directory) / n for n in BLIND_FILES.values() if not (Path(directory) / n).is_file()
    ]


def evaluate_blind(brain: Brain, directory: Path | str) -> BlindReport:
    """Score all five blind sets of `directory` (see BLIND_FILES)."""
    directory = Path(directory)

    def rows(name: str) -> list[dict[str, Any]]:
        return load_rows(directory / BLIND_FILES[name])

    def conversations(name: str) -> list[dict[str, Any]]:
        return load_conversations(directory / BLIND_FILES[name])

    return BlindReport(
        directory=directory,
        singles=score_messages(brain, rows("singles")),
        conversations=score_conversations(brain, conversations("conversations")),
        redflags=score_safety(brain, rows("redflags")),
        safety_conversations=score_safety_conversations(
            brain, conversations("safety_conversations")
        ),
        nearmiss=score_nearmiss(brain, rows("nearmiss")),
    )


#: width of a figure's label in the blind tables, and of a wrapped line
_LABEL_WIDTH = 54
_WIDTH = 100


def score_row(label: str, score: Score) -> str:
    """One line of a figures table: the label, hits / total and the share."""
    return f"  {label:<{_LABEL_WIDTH}} {score.hits:>4} / {score.total:<4} {_pct(score.hits, score.total):>6}"


def _understanding_lines(report: UnderstandingReport, what: str) -> list[str]:
    lines = [
        score_row(f"{what}: right", report.messages),
        score_row("in-domain: right", report.in_domain),
    ]
    for kind, score in sorted(report.by_kind.items(), key=lambda kv: (-kv[1].total, kv[0])):
        lines.append(score_row(f"  first kind {kind}", score))
    lines += [
        score_row("off-topic ([fallback]): declined", report.off_topic),
        score_row("red-flag messages (first kind red_flag): red flag", report.red_flags),
        score_row("red flags on messages not accepting one (false)", report.false_red_flags),
    ]
    if report.unknown:
        lines.append(
            f"  {'labels the bot cannot give (counted as misses):':<{_LABEL_WIDTH}} "
            f"{report.unreachable:>4} {'message' if report.unreachable == 1 else 'messages'}"
        )
        values = sorted(report.unknown.items(), key=lambda kv: (-kv[1], kv[0]))
        lines += _wrap_items([f"{v} ({n})" for v, n in values], "    label values the bot lacks: ")
    return lines


def _wrap_items(items: list[str], lead: str, indent: str = "      ") -> list[str]:
    """Comma-separated items on lines of at most _WIDTH characters, never split inside one."""
    lines: list[str] = []
    line = lead
    for i, item in enumerate(items):
        piece = item + ("," if i < len(items) - 1 else "")
        if line not in (lead, indent) and len(line) + 1 + len(piece) > _WIDTH:
            lines.append(line)
            line = indent
        line += piece if line in (lead, indent) else " " + piece
    lines.append(line)
    return lines


def _safety_lines(report: SafetyReport, what: str) -> list[str]:
    lines = [score_row("red-flag recall (emergency, urgent, see_professional)", report.recall)]
    for level in FLAG_LEVELS:
        if level in report.recall_by_level:
            lines.append(score_row(f"  {level}", report.recall_by_level[level]))
    lines.append(score_row(f"level right on {what} (reply's level in accept)", report.level_right))
    for level in (*FLAG_LEVELS, "condition"):
        if level in report.level_by_level:
            lines.append(score_row(f"  {level}", report.level_by_level[level]))
    lines.append(score_row("condition messages: reply names the condition", report.conditions))
    return lines


def format_understanding(report: UnderstandingReport, title: str, *, verbose: bool = False) -> str:
    """The table for one set of single messages (`--realworld`, or a section of `--blind`)."""
    header = f"  {'':<{_LABEL_WIDTH}} {'hits':>4} / {'n':<4} {'%':>6}"
    lines = [title, header, *_understanding_lines(report, "messages")]
    if verbose:
        lines += _miss_lines("Misses", report.misses)
    return "\n".join(lines)


def format_blind(report: BlindReport, *, verbose: bool = False) -> str:
    """One table of every blind figure; with `verbose`, every miss after it."""
    convs = report.conversations
    sconvs = report.safety_conversations
    lines = [
        f"Blind sets: {report.directory}",
        f"  {'':<{_LABEL_WIDTH}} {'hits':>4} / {'n':<4} {'%':>6}",
        f"Understanding, single messages ({BLIND_FILES['singles']})",
        *_understanding_lines(report.singles, "messages"),
        f"Understanding, conversations ({convs.conversations}, {BLIND_FILES['conversations']})",
        *_understanding_lines(convs.turns, "turns"),
        score_row("first turns: right", convs.first),
        score_row("follow-up turns (after the first): right", convs.follow_ups),
    ]
    for move, score in sorted(convs.by_move.items(), key=lambda kv: (-kv[1].total, kv[0])):
        lines.append(score_row(f"  move {move}", score))
    lines += [
        score_row("conversations with every turn right", convs.whole),
        f"Safety, single messages ({BLIND_FILES['redflags']})",
        *_safety_lines(report.redflags, "messages"),
        f"Safety, conversations ({sconvs.conversations}, {BLIND_FILES['safety_conversations']})",
        *_safety_lines(sconvs, "turns"),
        score_row("red flags on level-none turns (false)", sconvs.false_red_flags),
        f"Safety, near-misses ({BLIND_FILES['nearmiss']})",
        score_row("red flags (false)", report.nearmiss.false_red_flags),
        score_row("reply kind in expect", report.nearmiss.expected_kind),
    ]
    if verbose:
        lines += _miss_lines("Misses, understanding singles", report.singles.misses)
        lines += _miss_lines("Misses, understanding conversations", convs.turns.misses)
        lines += _miss_lines("Misses, safety singles", report.redflags.misses)
        lines += _miss_lines("Misses, safety conversations", sconvs.misses)
        lines += _miss_lines("Misses, near-misses", report.nearmiss.misses)
    return "\n".join(lines)


def _miss_lines(title: str, misses: list[Miss]) -> list[str]:
    lines = [f"{title} ({len(misses)}):"]
    for miss in misses:
        where = f"{miss.where}: " if miss.where else ""
        lines.append(f"  {where}{miss.text!r}: expected {miss.expected}, got {miss.got}")
    return lines
