"""Every question family of issue 15 gets a relevant, sourced reply (`stretchbot eval --coverage`).

The messages are the frozen blind set `tests/data/blind_coverage/families.yaml`, written
before the new areas, conditions, goals, poses and routines, by a session that never saw the
knowledge base. The floors below are regression guards a little under the figures measured
when the content landed (see the README of that folder); they are never reached by editing
the knowledge base after reading the set's misses.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from bot import coverage
from bot.kb import load_kb
from bot.render import render_json

FAMILIES = Path(__file__).resolve().parent / "data" / "blind_coverage" / "families.yaml"
FROZEN_SHA256 = "e43d6b2673cd9abfd548933d9083c426b4a60602800ddc2d0b5617743b5f6221"

#: share of relevant replies each group must keep (measured when the content landed)
FLOORS = {
    "areas": 0.55,
    "conditions": 0.75,
    "goals": 0.55,
    "named stretches": 0.80,
    "sports": 0.45,
    "safety": 0.85,
    "sized routines": 0.30,
}


def test_the_frozen_set_is_unchanged():
    assert hashlib.sha256(FAMILIES.read_bytes()).hexdigest() == FROZEN_SHA256


@pytest.fixture(scope="module")
def report(brain):
    rows = yaml.safe_load(FAMILIES.read_text(encoding="utf-8"))
    replies = [render_json(brain.reply(row["text"])) for row in rows]
    return coverage.score_coverage(rows, replies, brain.kb)


@pytest.mark.parametrize("group", sorted(FLOORS))
def test_each_group_of_families_keeps_its_floor(report, group):
    hits, total = report.share(coverage.GROUPS[group])
    assert total > 0
    assert hits / total >= FLOORS[group], f"{group}: {hits}/{total}"


def test_every_family_gets_some_relevant_replies(report):
    """No family is left entirely to the fallback: each has an entry that people reach."""
    empty = [f for f, n in report.totals.items() if n and report.hits[f] == 0]
    assert empty == []


def test_every_named_pose_has_a_card():
    kb = load_kb()
    rules = coverage._Rules(kb)
    assert {pose for pose, ids in rules.pose_ids.items() if not ids} == set()


# ------------------------------------------------------------------------- the scorer itself


def _reply(kind, intent="x", topic=None, routine=None, stretches=(), text=""):
    return {
        "kind": kind,
        "intent": intent,
        "topic": topic,
        "routine": routine,
        "stretches": list(stretches),
        "text": text,
    }


def test_the_scorer_reads_each_kind_of_family():
    kb = load_kb()
    pigeon = next(iter(coverage._Rules(kb).pose_ids["pigeon"]))
    kneeling = next(s.id for s in kb.stretches.values() if "kneeling" in s.caution_tags)
    rows_replies = [
        ({"family": "knees"}, _reply("answer", topic="knees"), True),
        ({"family": "knees"}, _reply("answer", topic="quadriceps"), False),
        ({"family": "sciatica"}, _reply("answer", intent="condition.sciatica"), True),
        ({"family": "slipped_disc"}, _reply("answer", intent="condition.herniated_disc"), True),
        ({"family": "splits"}, _reply("answer", intent="general.splits"), True),
        ({"family": "splits"}, _reply("answer", intent="general.how_long"), False),
        (
            {"family": "named_stretch", "name": "pigeon"},
            _reply("stretch", stretches=[pigeon]),
            True,
        ),
        ({"family": "sports", "sport": "golf"}, _reply("routine", routine="warmup_golf"), True),
        ({"family": "sports", "sport": "golf"}, _reply("routine", routine="warmup"), False),
        (
            {"family": "sized_routines", "constraint": "10_minutes"},
            _reply("routine", text="5 stretches · about 9 min in all"),
            True,
        ),
        (
            {"family": "sized_routines", "constraint": "10_minutes"},
            _reply("routine", text="3 stretches · about 4 min in all"),
            False,
        ),
        (
            {"family": "sized_routines", "constraint": "no_kneeling"},
            _reply("routine", stretches=[kneeling]),
            False,
        ),
        ({"family": "safety", "level": "urgent"}, _reply("red_flag", intent="red_flag.dvt"), True),
        ({"family": "safety", "level": "urgent"}, _reply("stretch"), False),
    ]
    rows = [{"text": "m", **row} for row, _, _ in rows_replies]
    report = coverage.score_coverage(rows, [reply for _, reply, _ in rows_replies], kb)
    expected_hits = sum(1 for _, _, hit in rows_replies if hit)
    assert sum(report.hits.values()) == expected_hits
    assert len(report.misses) == len(rows_replies) - expected_hits
    assert report.level_right == 1  # dvt is urgent


def test_eval_coverage_prints_each_group_and_the_misses(tmp_path, capsys):
    import re

    from bot.cli import main

    rows = [
        {"text": "how do i do pigeon pose", "family": "named_stretch", "name": "pigeon"},
        {"text": "my calf is swollen and hot after a long flight", "family": "safety"},
        {"text": "what is the capital of peru", "family": "splits"},
    ]
    rows[1]["level"] = "urgent"
    path = tmp_path / "families.yaml"
    path.write_text(yaml.safe_dump(rows), encoding="utf-8")
    assert main(["eval", "--coverage", str(path), "-v"]) == 0
    out = capsys.readouterr().out

    def row(label: str) -> tuple[int, int]:
        found = re.search(rf"^  {re.escape(label)}\s+(\d+) / (\d+)", out, re.MULTILINE)
        assert found, label
        return int(found[1]), int(found[2])

    assert row("all messages: relevant reply") == (2, 3)
    assert row("named stretches") == (1, 1)
    assert row("safety: level right") == (1, 1)
    assert row("  splits") == (0, 1)
    assert "[splits] 'what is the capital of peru'" in out
