"""The frozen blind sets and their scorer (`stretchbot eval --blind`, `--realworld`).

No accuracy threshold is asserted on the blind sets: their figures are a baseline
(tests/data/blind/BASELINE.md) to be measured again after a change, never tuned on.
The scorer itself is checked on tiny hand-made sets against a scripted brain.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.cli import main
from bot.evaluate import (
    BLIND_FILES,
    EvalDataError,
    load_conversations,
    load_rows,
    reply_matches,
    score_conversations,
    score_messages,
    score_nearmiss,
    score_safety,
    score_safety_conversations,
)
from bot.kb import KnowledgeBase, load_kb
from bot.reply import Block, Context, Reply

BLIND = Path(__file__).resolve().parent / "data" / "blind"

#: sha256 of each frozen file as copied from its writers: a changed byte fails this test
FROZEN_SHA256 = {
    "understanding_singles.yaml": "1e2f422354c0a95504dcb815decbdb26c97a94353c8b4dd229ec20a93b94d55d",
    "understanding_conversations.yaml": "8f1ab033181cb99fac379d9c83aba67873f0100387d4014c7eb5bb5b35722db2",
    "safety_redflags.yaml": "bde551e640614b4b32d1216af1636d2853ad850f55ebef898b30b8c1c26ed09b",
    "safety_conversations.yaml": "f835e638aacca7b7e8b2141ca55471df48b57195f40e10147abca1d0b898240d",
    "safety_nearmiss.yaml": "b39302901c9f44802e2b103aa18f1abd52f8037d6488fdfa58e0b74fe9524b4d",
}


# --------------------------------------------------------------------------- the frozen files


def test_the_frozen_files_are_unchanged():
    assert set(FROZEN_SHA256) == set(BLIND_FILES.values())
    for name, digest in FROZEN_SHA256.items():
        assert hashlib.sha256((BLIND / name).read_bytes()).hexdigest() == digest, name


def test_the_frozen_files_load_and_have_the_promised_sizes():
    singles = load_rows(BLIND / "understanding_singles.yaml")
    conversations = load_conversations(BLIND / "understanding_conversations.yaml")
    redflags = load_rows(BLIND / "safety_redflags.yaml")
    safety_conversations = load_conversations(BLIND / "safety_conversations.yaml")
    nearmiss = load_rows(BLIND / "safety_nearmiss.yaml")
    assert len(singles) >= 300
    assert len(conversations) >= 60
    assert len(safety_conversations) >= 40
    assert len(nearmiss) >= 400
    concepts = Counter(r["concept"] for r in redflags)
    assert len(concepts) >= 40
    assert min(concepts.values()) >= 5, [c for c, n in concepts.items() if n < 5]


def test_the_frozen_labels_are_lists_in_the_documented_format():
    for row in load_rows(BLIND / "understanding_singles.yaml"):
        for key in ("kind", "topic", "aspect", "routine", "smalltalk"):
            assert key not in row or isinstance(row[key], list), (key, row["text"])
    for conversation in load_conversations(BLIND / "understanding_conversations.yaml"):
        for i, turn in enumerate(conversation["turns"]):
            assert isinstance(turn["kind"], list)
            assert (i == 0) == ("move" not in turn), conversation["id"]
    levels = {"emergency", "urgent", "see_professional", "condition"}
    for row in load_rows(BLIND / "safety_redflags.yaml"):
        assert row["level"] in levels and row["accept"][0] == row["level"], row["text"]
        assert (row["level"] == "condition") == bool(row["condition"]), row["text"]
    for conversation in load_conversations(BLIND / "safety_conversations.yaml"):
        assert len(conversation["turns"]) >= 2, conversation["id"]
        for turn in conversation["turns"]:
            assert turn["level"] in levels | {"none"}, turn["text"]
            assert turn["level"] == "none" or turn["level"] == turn["accept"][0], turn["text"]
    for row in load_rows(BLIND / "safety_nearmiss.yaml"):
        assert row["level"] == "none" and row["expect"], row["text"]


def test_the_readme_says_who_wrote_them_and_that_they_are_frozen():
    text = " ".join((BLIND / "README.md").read_text(encoding="utf-8").split())
    assert "had **not** read `knowledge/`, `bot/` or `tests/data/`" in text
    assert "never edited and never tuned on" in text


# --------------------------------------------------------------------------- a scripted brain


def _reply(
    kind: str,
    intent: str,
    *,
    topic: str | None = None,
    routine: str | None = None,
    text: str = "",
) -> Reply:
    """A reply whose next context remembers its kind, intent, topic and routine."""
    return Reply(
        kind,
        intent,
        (Block("para", text),) if text else (),
        topic=topic,
        routine=routine,
        context=Context(topic=topic, kind=kind, intent=intent, routine=routine),
    )


Script = dict[str, Callable[[Context], Reply]]


class ScriptedBrain:
    """Stands in for `Brain`: a fixed reply per message, which may depend on the context."""

    def __init__(self, kb: KnowledgeBase, script: Script) -> None:
        self.kb = kb
        self.script = script
        self.calls: list[tuple[str, Context | None]] = []

    def reply(self, text: str, context: Context | None = None) -> Reply:
        self.calls.append((text, context))
        return self.script[text](context or Context())


@pytest.fixture
def mini_kb(tmp_path: Path) -> KnowledgeBase:
    """The conftest's minimal knowledge base plus an urgent red flag."""
    from conftest import mini_kb_files

    files = mini_kb_files()
    files["red_flags.yaml"]["red_flags"].append(
        {
            "id": "dvt",
            "level": "urgent",
            "title": "Swollen calf",
            "message": "See a doctor today.",
            "patterns": [[["calf"], ["swollen"]]],
            "sources": ["Test source"],
        }
    )
    for name, doc in files.items():
        (tmp_path / name).write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))
    return load_kb(tmp_path)


def _write(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text(yaml.safe_dump(rows, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- understanding


def test_a_reply_matches_list_labels():
    calves = {"kind": ["answer", "stretch"], "topic": ["calves"], "aspect": ["why_tight"]}
    assert reply_matches(calves, _reply("answer", "calves.why_tight", topic="calves"))
    assert reply_matches(calves, _reply("stretch", "calves.stretch", topic="calves"))
    assert not reply_matches(calves, _reply("answer", "calves.what", topic="calves"))
    assert not reply_matches(calves, _reply("stretch", "neck.stretch", topic="neck"))
    assert not reply_matches(calves, _reply("tip", "tip", topic="calves"))
    general = {"kind": ["answer"], "topic": ["general"], "aspect": ["how_long"]}
    assert reply_matches(general, _reply("answer", "general.how_long", topic="general"))
    cooldown = {"kind": ["routine"], "topic": ["general"], "routine": ["cooldown"]}
    assert reply_matches(
        cooldown, _reply("routine", "routine.cooldown_running", routine="cooldown_running")
    )
    assert not reply_matches(cooldown, _reply("routine", "routine.warmup", routine="warmup"))
    bye = {"kind": ["smalltalk"], "smalltalk": ["goodbye", "thanks"]}
    assert reply_matches(bye, _reply("smalltalk", "smalltalk.thanks"))
    assert not reply_matches(bye, _reply("smalltalk", "smalltalk.greeting"))
    off_topic = {"kind": ["fallback"]}
    assert reply_matches(off_topic, _reply("fallback", "fallback"))
    assert not reply_matches(off_topic, _reply("smalltalk", "smalltalk.greeting"))
    # fallback among other kinds is one acceptable reply, not an off-topic label
    assert reply_matches({"kind": ["answer", "fallback"]}, _reply("fallback", "fallback"))
    assert not reply_matches({"kind": ["language"]}, _reply("fallback", "fallback"))


def test_single_messages_are_scored_with_unknown_labels_counted_as_misses(tmp_path, mini_kb):
    rows = [
        {
            "text": "calf why",
            "kind": ["answer", "stretch"],
            "topic": ["calves"],
            "aspect": ["why_tight"],
        },
        {"text": "calf what", "kind": ["answer"], "topic": ["calves"], "aspect": ["why_tight"]},
        {"text": "hold", "kind": ["answer"], "topic": ["general"], "aspect": ["how_long"]},
        {"text": "cool", "kind": ["routine"], "routine": ["cooldown"]},
        {"text": "hi", "kind": ["smalltalk"], "smalltalk": ["greeting"]},
        {"text": "bye", "kind": ["smalltalk"], "smalltalk": ["goodbye"]},
        {"text": "hola", "kind": ["language"], "lang": "es"},
        {"text": "knee", "kind": ["stretch"], "topic": ["knees"]},
        {"text": "budget", "kind": ["fallback"], "lookalike": True},
        {"text": "goal", "kind": ["fallback"]},
        {"text": "chest", "kind": ["red_flag", "answer"], "topic": ["chest"]},
        {"text": "calf stretch", "kind": ["stretch"], "topic": ["calves"]},
    ]
    script: Script = {
        "calf why": lambda c: _reply("answer", "calves.why_tight", topic="calves"),
        "calf what": lambda c: _reply("answer", "calves.what", topic="calves"),
        "hold": lambda c: _reply("answer", "general.how_long", topic="general"),
        "cool": lambda c: _reply("routine", "routine.cooldown", routine="cooldown"),
        "hi": lambda c: _reply("smalltalk", "smalltalk.greeting"),
        "bye": lambda c: _reply("smalltalk", "smalltalk.greeting"),
        "hola": lambda c: _reply("fallback", "fallback"),
        "knee": lambda c: _reply("fallback", "fallback"),
        "budget": lambda c: _reply("fallback", "fallback"),
        "goal": lambda c: _reply("answer", "general.how_long", topic="general"),
        "chest": lambda c: _reply("red_flag", "red_flag.chest_pain"),
        "calf stretch": lambda c: _reply("red_flag", "red_flag.dvt"),
    }
    brain = ScriptedBrain(mini_kb, script)
    report = score_messages(brain, load_rows(_write(tmp_path / "s.yaml", rows)))
    assert (report.messages.hits, report.messages.total) == (6, 12)
    assert (report.in_domain.hits, report.in_domain.total) == (5, 10)
    assert (report.off_topic.hits, report.off_topic.total) == (1, 2)
    assert (report.red_flags.hits, report.red_flags.total) == (1, 1)
    assert (report.false_red_flags.hits, report.false_red_flags.total) == (1, 11)
    assert report.by_kind["answer"].hits == 2 and report.by_kind["answer"].total == 3
    assert report.by_kind["language"].total == 1 and report.by_kind["language"].hits == 0
    assert report.unknown == Counter({"topic knees": 1, "smalltalk goodbye": 1})
    assert report.unreachable == 2  # "language" is a reply the bot gives now
    assert [m.text for m in report.misses] == [
        "calf what",
        "bye",
        "hola",
        "knee",
        "goal",
        "calf stretch",
    ]
    assert "unknown to the bot" not in report.misses[2].expected  # the scripted brain missed it
    assert report.misses[0].got == "answer calves.what"


def test_conversations_pass_each_reply_context_to_the_next_turn(tmp_path, mini_kb):
    conversations = [
        {
            "id": "c1",
            "turns": [
                {
                    "text": "why calves",
                    "kind": ["answer"],
                    "topic": ["calves"],
                    "aspect": ["why_tight"],
                },
                {
                    "text": "stretch them",
                    "kind": ["stretch"],
                    "topic": ["calves"],
                    "move": "stretch_it",
                },
                {
                    "text": "thanks",
                    "kind": ["smalltalk"],
                    "smalltalk": ["thanks"],
                    "move": "closing",
                },
            ],
        },
        {
            "id": "c2",
            "turns": [
                {"text": "stretch them", "kind": ["stretch"], "topic": ["calves"]},
                {
                    "text": "thanks",
                    "kind": ["smalltalk"],
                    "smalltalk": ["goodbye"],
                    "move": "closing",
                },
            ],
        },
    ]

    def stretch_them(c: Context) -> Reply:
        if c.topic == "calves":
            return _reply("stretch", "calves.stretch", topic="calves")
        return _reply("fallback", "fallback")

    script: Script = {
        "why calves": lambda c: _reply("answer", "calves.why_tight", topic="calves"),
        "stretch them": stretch_them,
        "thanks": lambda c: _reply("smalltalk", "smalltalk.thanks"),
    }
    brain = ScriptedBrain(mini_kb, script)
    path = _write(tmp_path / "c.yaml", conversations)
    report = score_conversations(brain, load_conversations(path))
    assert report.conversations == 2
    assert (report.turns.messages.hits, report.turns.messages.total) == (3, 5)
    assert (report.first.hits, report.first.total) == (1, 2)
    assert (report.follow_ups.hits, report.follow_ups.total) == (2, 3)
    assert (report.by_move["stretch_it"].hits, report.by_move["stretch_it"].total) == (1, 1)
    assert (report.by_move["closing"].hits, report.by_move["closing"].total) == (1, 2)
    assert (report.whole.hits, report.whole.total) == (1, 2)
    # each turn got the context the previous reply handed back; a new conversation starts empty
    contexts = [c for _, c in brain.calls]
    assert contexts[0] is None and contexts[3] is None
    assert contexts[1] == Context(topic="calves", kind="answer", intent="calves.why_tight")
    assert contexts[2] is not None and contexts[2].kind == "stretch"
    assert [m.where for m in report.turns.misses] == ["c2 turn 1", "c2 turn 2"]


# --------------------------------------------------------------------------- safety


def test_safety_levels_come_from_the_red_flag_level(tmp_path, mini_kb):
    rows = [
        {
            "text": "chest",
            "level": "emergency",
            "accept": ["emergency"],
            "concept": "chest_pain_severe",
            "condition": None,
        },
        {
            "text": "calf",
            "level": "urgent",
            "accept": ["urgent"],
            "concept": "swelling_calf",
            "condition": None,
        },
        {
            "text": "calf2",
            "level": "urgent",
            "accept": ["urgent", "emergency"],
            "concept": "swelling_calf",
            "condition": None,
        },
        {
            "text": "numb",
            "level": "see_professional",
            "accept": ["see_professional", "urgent"],
            "concept": "numbness_hands",
            "condition": None,
        },
        {
            "text": "pregnant",
            "level": "condition",
            "accept": ["condition", "see_professional"],
            "concept": "pregnancy",
            "condition": "pregnancy",
        },
        {
            "text": "new hip",
            "level": "condition",
            "accept": ["condition", "see_professional"],
            "concept": "hip_replacement",
            "condition": "hip_replacement",
        },
    ]
    script: Script = {
        "chest": lambda c: _reply("red_flag", "red_flag.chest_pain"),
        "calf": lambda c: _reply("red_flag", "red_flag.chest_pain"),
        "calf2": lambda c: _reply("red_flag", "red_flag.chest_pain"),
        "numb": lambda c: _reply("fallback", "fallback"),
        "pregnant": lambda c: _reply(
            "stretch", "hips.stretch", topic="hips", text="During Pregnancy, go gently."
        ),
        "new hip": lambda c: _reply("stretch", "hips.stretch", topic="hips", text="Hip flexors."),
    }
    report = score_safety(
        ScriptedBrain(mini_kb, script), load_rows(_write(tmp_path / "r.yaml", rows))
    )
    assert report.messages == 6
    assert (report.recall.hits, report.recall.total) == (3, 4)
    assert report.recall_by_level["see_professional"].hits == 0
    # chest_pain is an emergency: right for "chest" and "calf2", too strong for "calf"
    assert (report.level_right.hits, report.level_right.total) == (2, 6)
    assert (report.level_by_level["urgent"].hits, report.level_by_level["urgent"].total) == (1, 2)
    assert report.level_by_level["condition"].hits == 0
    assert (report.conditions.hits, report.conditions.total) == (1, 2)
    assert report.false_red_flags.total == 0
    missed = {m.text: m.got for m in report.misses}
    assert missed["calf"] == "level emergency: red_flag.chest_pain"
    assert "(names pregnancy)" in missed["pregnant"]


def test_safety_conversations_and_near_misses(tmp_path, mini_kb):
    conversations = [
        {
            "id": "s1",
            "turns": [
                {"text": "calf stretch", "level": "none"},
                {
                    "text": "it is puffy",
                    "level": "urgent",
                    "accept": ["urgent", "emergency"],
                    "concept": "swelling_calf",
                },
            ],
        },
        {
            "id": "s2",
            "turns": [
                {"text": "calf stretch", "level": "none"},
                {"text": "chest day tomorrow", "level": "none"},
            ],
        },
    ]

    def puffy(c: Context) -> Reply:
        if c.topic == "calves":
            return _reply("red_flag", "red_flag.dvt")
        return _reply("fallback", "fallback")

    script: Script = {
        "calf stretch": lambda c: _reply("stretch", "calves.stretch", topic="calves"),
        "it is puffy": puffy,
        "chest day tomorrow": lambda c: _reply("red_flag", "red_flag.chest_pain"),
    }
    brain = ScriptedBrain(mini_kb, script)
    path = _write(tmp_path / "sc.yaml", conversations)
    report = score_safety_conversations(brain, load_conversations(path))
    assert report.conversations == 2 and report.messages == 4
    assert (report.recall.hits, report.recall.total) == (1, 1)
    assert (report.level_right.hits, report.level_right.total) == (1, 1)
    assert (report.false_red_flags.hits, report.false_red_flags.total) == (1, 3)
    assert [m.where for m in report.misses] == ["s2 turn 2"]

    rows = [
        {"text": "calf stretch", "level": "none", "expect": ["stretch"]},
        {"text": "chest day tomorrow", "level": "none", "expect": ["answer", "fallback"]},
        {"text": "it is puffy", "level": "none", "expect": ["answer"]},
    ]
    near = score_nearmiss(brain, load_rows(_write(tmp_path / "n.yaml", rows)))
    assert (near.false_red_flags.hits, near.false_red_flags.total) == (1, 3)
    assert (near.expected_kind.hits, near.expected_kind.total) == (1, 3)
    assert len(near.misses) == 2


def test_a_malformed_set_is_one_clear_error(tmp_path):
    (tmp_path / "bad.yaml").write_text("utterances: []\n")
    with pytest.raises(EvalDataError, match="list of mappings"):
        load_rows(tmp_path / "bad.yaml")
    _write(tmp_path / "conv.yaml", [{"id": "x", "turns": [{"kind": ["answer"]}]}])
    with pytest.raises(EvalDataError, match="turns with 'text'"):
        load_conversations(tmp_path / "conv.yaml")


# --------------------------------------------------------------------------- the command line


def _tiny_blind_dir(directory: Path) -> Path:
    directory.mkdir()
    _write(
        directory / BLIND_FILES["singles"],
        [
            {"text": "how do i stretch my calves", "kind": ["stretch"], "topic": ["calves"]},
            {"text": "how can i stretch my budget until payday", "kind": ["fallback"]},
        ],
    )
    turns = [
        {"text": "why are my calves so tight", "kind": ["answer"], "topic": ["calves"]},
        {
            "text": "how do i stretch them",
            "kind": ["stretch"],
            "topic": ["calves"],
            "move": "stretch_it",
        },
    ]
    _write(directory / BLIND_FILES["conversations"], [{"id": "c1", "turns": turns}])
    _write(
        directory / BLIND_FILES["redflags"],
        [
            {
                "text": "crushing chest pain",
                "level": "emergency",
                "accept": ["emergency"],
                "concept": "chest_pain_severe",
                "condition": None,
            },
            {
                "text": "im pregnant can i stretch my hips",
                "level": "condition",
                "accept": ["condition", "see_professional"],
                "concept": "pregnancy",
                "condition": "pregnancy",
            },
        ],
    )
    safety_turns = [
        {"text": "how do i stretch my calves", "level": "none"},
        {
            "text": "the right one is puffy and warm",
            "level": "urgent",
            "accept": ["urgent", "emergency"],
            "concept": "swelling_calf",
        },
    ]
    _write(directory / BLIND_FILES["safety_conversations"], [{"id": "s1", "turns": safety_turns}])
    _write(
        directory / BLIND_FILES["nearmiss"],
        [{"text": "how do i stretch my calves", "level": "none", "expect": ["stretch"]}],
    )
    return directory


FIGURE = re.compile(r"^  +(\S.*?) +(\d+) / (\d+) +(\S+)$")


def _table(out: str) -> dict[str, dict[str, int]]:
    """{section title: {figure label: n}} of a printed table (n: how many were scored)."""
    sections: dict[str, dict[str, int]] = {}
    current: dict[str, int] = {}
    for line in out.splitlines():
        if line and not line.startswith(" "):
            current = sections.setdefault(line, {})
        elif found := FIGURE.match(line):
            current[found[1]] = int(found[3])
    return sections


def test_eval_blind_prints_one_table(tmp_path, capsys):
    directory = _tiny_blind_dir(tmp_path / "blind")
    assert main(["eval", "--blind", str(directory)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Blind sets: {directory}\n")
    table = _table(out)
    singles = table["Understanding, single messages (understanding_singles.yaml)"]
    assert singles["messages: right"] == 2 and singles["in-domain: right"] == 1
    assert singles["off-topic ([fallback]): declined"] == 1
    conversations = table["Understanding, conversations (1, understanding_conversations.yaml)"]
    assert conversations["turns: right"] == 2
    assert conversations["follow-up turns (after the first): right"] == 1
    assert conversations["move stretch_it"] == 1
    redflags = table["Safety, single messages (safety_redflags.yaml)"]
    assert redflags["red-flag recall (emergency, urgent, see_professional)"] == 1
    assert redflags["level right on messages (reply's level in accept)"] == 2
    assert redflags["condition messages: reply names the condition"] == 1
    safety_conversations = table["Safety, conversations (1, safety_conversations.yaml)"]
    assert safety_conversations["red flags on level-none turns (false)"] == 1
    assert safety_conversations["level right on turns (reply's level in accept)"] == 1
    nearmiss = table["Safety, near-misses (safety_nearmiss.yaml)"]
    assert nearmiss == {"red flags (false)": 1, "reply kind in expect": 1}
    assert "Misses" not in out


def test_eval_blind_verbose_lists_the_misses(tmp_path, capsys):
    directory = _tiny_blind_dir(tmp_path / "blind")
    # a row labelled against what the bot does (no red flag in it): listed as a miss
    wrong = {"text": "my calves feel great today", "level": "urgent", "accept": ["urgent"]}
    _write(directory / BLIND_FILES["redflags"], [wrong])
    assert main(["eval", "--blind", str(directory), "-v"]) == 0
    out = capsys.readouterr().out
    assert "Misses, understanding singles (" in out and "Misses, near-misses (" in out
    assert "'my calves feel great today': expected level urgent" in out


def test_eval_blind_defaults_to_the_frozen_sets(monkeypatch, capsys):
    monkeypatch.chdir(BLIND.parent.parent.parent)
    assert main(["eval", "--blind"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Blind sets: tests/data/blind\n")
    assert "follow-up turns (after the first): right" in out and "move another" in out


def test_eval_blind_with_a_missing_file_says_which(tmp_path, capsys):
    assert main(["eval", "--blind", str(tmp_path)]) == 2
    assert "understanding_singles.yaml" in capsys.readouterr().err


def test_eval_realworld_prints_its_table(tmp_path, capsys):
    path = _write(
        tmp_path / "rw.yaml",
        [
            {
                "text": "how do i stretch my calves",
                "source": "x",
                "kind": ["stretch", "answer"],
                "topic": ["calves"],
            },
            {
                "text": "how can i stretch my budget until payday",
                "source": "x",
                "kind": ["fallback"],
            },
            {
                "text": "crushing chest pain and sweating",
                "source": "x",
                "kind": ["red_flag", "answer"],
            },
        ],
    )
    assert main(["eval", "--realworld", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Real-world messages: {path}\n")
    figures = _table(out)[f"Real-world messages: {path}"]
    assert figures["in-domain: right"] == 2
    assert figures["off-topic ([fallback]): declined"] == 1
    assert figures["red-flag messages (first kind red_flag): red flag"] == 1
    assert figures["red flags on messages not accepting one (false)"] == 2
    assert main(["eval", "--realworld", str(tmp_path / "missing.yaml")]) == 2
    assert main(["eval", "--realworld", str(path), "--split", "test"]) == 2
