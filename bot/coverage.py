"""`stretchbot eval --coverage`: does every question family of the knowledge base get a
relevant reply? Scored on the frozen blind set `tests/data/blind_coverage/families.yaml`.

Each message has a `family` (an area, a condition, a goal, a named pose, a sport, a routine
size, or a safety concern) and a `want`. A reply is *relevant* when it is about what the
family asks, by these rules (the mapping from the writers' family names to the knowledge
base's ids is fixed below and never follows the misses):

- an area: an answer or a stretch for that topic;
- a condition or life stage: its advice, or any reply shaped by it (the condition's note);
- a goal or method: the general answer on it;
- a named pose or drill: a stretch card whose name or aliases carry the pose's name;
- a sport: one of its routines;
- a routine size or limit: a routine that keeps to it (about N minutes, within a third; no
  stretch with the tags the limit excludes; the pregnancy or older-adult routine, or one
  shaped by that condition);
- a safety concern (`want: care`): a red flag; its level is reported beside.

Replies are scored as `render_json` dicts, so a saved `ask --json -` run can be scored too
(the figure before a change).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bot.evaluate import Score, score_row
from bot.kb import KnowledgeBase

AREAS = ("wrists_forearms", "feet_ankles", "knees", "shins", "arms", "side_body", "jaw")
#: the writers' condition names that differ from the knowledge base's ids
CONDITION_IDS = {"slipped_disc": "herniated_disc"}
CONDITIONS = (
    "pregnancy",
    "after_birth",
    "older_adults",
    "children_teens",
    "arthritis",
    "osteoporosis",
    "hypermobility",
    "hip_replacement",
    "knee_replacement",
    "sciatica",
    "slipped_disc",
)
GOALS = (
    "flexibility_timeline",
    "touch_toes",
    "splits",
    "foam_rolling",
    "static_vs_dynamic",
    "pnf",
    "yoga_vs_stretching",
    "posture",
    "morning_stiffness",
)
#: a pose's name as people write it, to find in the stretches' names and aliases
POSE_NAMES = {
    "butterfly": "butterfly",
    "figure_four": "figure four",
    "pigeon": "pigeon",
    "childs_pose": "childs pose",
    "cobra": "cobra",
    "downward_dog": "downward dog",
    "cat_cow": "cat cow",
    "happy_baby": "happy baby",
    "frog": "frog",
    "lizard": "lizard",
    "worlds_greatest_stretch": "worlds greatest",
    "couch_stretch": "couch stretch",
    "doorway_stretch": "doorway",
    "frankenstein_walk": "frankenstein",
    "leg_swings": "leg swing",
    "walking_lunges": "walking lunge",
}
#: a sport's routines: ids that start with these
SPORT_ROUTINES = {
    "golf": ("warmup_golf", "cooldown_golf"),
    "swimming": ("warmup_swimming", "cooldown_swimming"),
    "climbing": ("warmup_climbing", "cooldown_climbing"),
    "basketball": ("warmup_basketball", "cooldown_basketball"),
    "tennis": ("warmup_tennis", "cooldown_tennis"),
    "football": ("warmup_soccer", "cooldown_soccer", "warmup_football", "cooldown_football"),
    "yoga": ("warmup_yoga", "cooldown_yoga"),
    "leg_day": ("cooldown_strength_legs",),
}
#: caution tags a routine limit leaves out
LIMIT_TAGS = {
    "no_kneeling": frozenset({"kneeling"}),
    "chair_only": frozenset({"kneeling", "floor", "lying_on_back", "lying_on_front"}),
    "standing_only": frozenset({"kneeling", "floor", "lying_on_back", "lying_on_front"}),
}
MINUTES = {"5_minutes": 5, "10_minutes": 10}
GROUPS = {
    "areas": AREAS,
    "conditions": CONDITIONS,
    "goals": GOALS,
    "named stretches": ("named_stretch", "dynamic_drills"),
    "sports": ("sports",),
    "sized routines": ("sized_routines",),
    "safety": ("safety",),
}


@dataclass
class CoverageReport:
    """Relevant replies by family, and red-flag levels for the safety family."""

    hits: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    totals: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    level_right: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)

    def share(self, families: Iterable[str]) -> tuple[int, int]:
        chosen = list(families)
        return sum(self.hits[f] for f in chosen), sum(self.totals[f] for f in chosen)


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower().replace("'", "").replace("’", "")).strip()


class _Rules:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.pose_ids: dict[str, set[str]] = {}
        for pose, name in POSE_NAMES.items():
            self.pose_ids[pose] = {
                s.id
                for s in kb.stretches.values()
                if any(name in _norm(n) for n in (s.name, *s.aliases))
            }

    def relevant(self, row: dict[str, Any], reply: dict[str, Any]) -> bool:
        family, kind = row["family"], reply["kind"]
        routine = str(reply.get("routine") or "")
        if family in AREAS:
            # an answer, a stretch or a routine built for the area ("a calf routine")
            return kind in ("answer", "stretch", "routine") and reply.get("topic") == family
        if family in CONDITIONS:
            return self._shaped_by(CONDITION_IDS.get(family, family), reply)
        if family in GOALS:
            return reply.get("intent") == f"general.{family}"
        if family in ("named_stretch", "dynamic_drills"):
            ids = self.pose_ids.get(row.get("name", ""), set())
            return (
                kind == "stretch" and bool(reply.get("stretches")) and reply["stretches"][0] in ids
            )
        if family == "sports":
            wanted = SPORT_ROUTINES.get(row.get("sport", ""), ())
            return kind == "routine" and routine.startswith(wanted) if wanted else False
        if family == "sized_routines":
            return kind == "routine" and self._keeps_to(row.get("constraint", ""), reply)
        if family == "safety":
            return bool(kind == "red_flag")
        return False

    def _shaped_by(self, condition: str, reply: dict[str, Any]) -> bool:
        entry = self.kb.conditions.get(condition)
        if entry is None:
            return False
        if reply.get("intent") == f"condition.{condition}":
            return True
        return _norm(entry.note)[:60] in _norm(reply.get("text", ""))

    def _keeps_to(self, constraint: str, reply: dict[str, Any]) -> bool:
        if constraint in MINUTES:
            found = re.search(r"about (\d+) min", reply.get("text", ""))
            return found is not None and abs(int(found.group(1)) - MINUTES[constraint]) <= (
                MINUTES[constraint] / 3
            )
        if constraint in LIMIT_TAGS:
            tags = LIMIT_TAGS[constraint]
            return all(
                not tags.intersection(self.kb.stretches[s].caution_tags)
                for s in reply.get("stretches", ())
                if s in self.kb.stretches
            )
        if constraint in ("pregnancy", "older_adults"):
            return reply.get("routine") == constraint or self._shaped_by(constraint, reply)
        return True  # "longer", "shorter" with no routine before: any routine

    def level(self, reply: dict[str, Any]) -> str:
        if reply["kind"] != "red_flag":
            return "none"
        flag = self.kb.red_flags.get(str(reply.get("intent", "")).split(".", 1)[-1])
        return flag.level if flag is not None else "red_flag"


def score_coverage(
    rows: list[dict[str, Any]], replies: list[dict[str, Any]], kb: KnowledgeBase
) -> CoverageReport:
    """Score `replies` (`render_json` dicts, one per row, in order) against `rows`."""
    if len(rows) != len(replies):
        raise ValueError(f"{len(rows)} messages but {len(replies)} replies")
    rules = _Rules(kb)
    report = CoverageReport()
    for row, reply in zip(rows, replies, strict=True):
        family = row["family"]
        report.totals[family] += 1
        if rules.relevant(row, reply):
            report.hits[family] += 1
        else:
            report.misses.append((family, row["text"], str(reply.get("intent"))))
        if family == "safety" and rules.level(reply) == row.get("level"):
            report.level_right += 1
    return report


def format_coverage(report: CoverageReport, *, verbose: bool = False) -> str:
    """The table of relevant replies: all messages, each group, each family, safety levels."""
    lines = ["Question families (blind coverage set)", f"{'':57}hits / n         %"]
    lines.append(score_row("all messages: relevant reply", Score(*report.share(report.totals))))
    for group, families in GROUPS.items():
        lines.append(score_row(group, Score(*report.share(families))))
        for family in families:
            if report.totals[family]:
                lines.append(score_row(f"  {family}", Score(*report.share([family]))))
    lines.append(
        score_row("safety: level right", Score(report.level_right, report.totals["safety"]))
    )
    if verbose:
        lines.append("Misses:")
        lines += [f"  [{f}] {text!r} -> {intent}" for f, text, intent in report.misses]
    return "\n".join(lines)
