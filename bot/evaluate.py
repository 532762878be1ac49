"""`stretchbot eval`: how well the brain understands labelled messages, and how often it
wrongly accepts off-topic ones (CLINC150).

Labels follow the JSON contract: `kind`, plus `topic` and `aspect` for answers, `topic` for
stretches, `routine` for routines and `intent` (daily.on / daily.off) for daily requests.
"""

from __future__ import annotations

import json
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.brain import Brain
from bot.render import render_json
from bot.reply import Reply

#: kinds that mean "I answered with stretch or health content"
ACCEPTING_KINDS = frozenset({"answer", "stretch", "routine", "tip", "daily", "red_flag"})


def label_of(kind: str, topic=None, aspect=None, routine=None, intent=None) -> str:
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
    by_kind: Counter = field(default_factory=Counter)
    by_kind_correct: Counter = field(default_factory=Counter)
    confusions: Counter = field(default_factory=Counter)
    true_pos: Counter = field(default_factory=Counter)
    predicted: Counter = field(default_factory=Counter)
    expected: Counter = field(default_factory=Counter)
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


def load_utterances(path: Path | str, split: str = "all") -> list[dict]:
    """The labelled messages of one split ("train", "test" or "all")."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    rows = data["utterances"]
    return [r for r in rows if split == "all" or r.get("split") == split]


def evaluate(brain: Brain, rows: list[dict]) -> Report:
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
    by_kind: Counter = field(default_factory=Counter)
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
