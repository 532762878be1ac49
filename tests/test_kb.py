"""The loader: a valid knowledge base loads; every kind of mistake is reported with file, line, value."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.cli import main
from bot.kb import KBError, load_kb


def errors_for(directory: Path) -> list[str]:
    with pytest.raises(KBError) as info:
        load_kb(directory)
    return info.value.errors


def test_minimal_knowledge_base_loads(mini_kb_dir):
    kb = load_kb(mini_kb_dir)
    assert "psoas" in kb.topics
    assert kb.routines["cooldown"].total_seconds == 60
    assert kb.answers[("psoas", "why_tight")].paragraphs == ("Para one.", "Para two.")


def test_yaml_syntax_error_names_file_and_line(mini_kb_dir):
    (mini_kb_dir / "tips.yaml").write_text("tips:\n  - id: a\n    text: [unclosed\n")
    errors = errors_for(mini_kb_dir)
    assert any(e.startswith("tips.yaml:") or "/tips.yaml:" in e for e in errors)
    assert any("YAML syntax error" in e for e in errors)


def test_all_mistakes_reported_at_once_with_line_and_value(mini_kb_dir):
    path = mini_kb_dir / "stretches.yaml"
    text = path.read_text()
    text = text.replace("hold_seconds: 30", "hold_seconds: thirty", 1)
    text = text.replace("  type: static", "  type: stretchy", 1)
    text = text.replace("  feel:", "  feal:", 1)
    text = text.replace("- psoas\n", "- psoaz\n", 1)
    path.write_text(text)
    errors = errors_for(mini_kb_dir)
    joined = "\n".join(errors)
    assert "expected a whole number, found 'thirty'" in joined
    assert "unknown key 'feal'" in joined
    assert "missing required key 'feel'" in joined
    assert "unknown topic 'psoaz'" in joined
    assert all(":" in e.split(" ", 1)[0] for e in errors), errors
    line_of_thirty = next(i for i, line in enumerate(text.splitlines(), 1) if "thirty" in line)
    assert any(f"stretches.yaml:{line_of_thirty}:" in e for e in errors)


def test_a_tips_subjects_are_general_questions_the_knowledge_answers(mini_kb_dir):
    path = mini_kb_dir / "tips.yaml"
    doc = yaml.safe_load(path.read_text())
    doc["tips"][0]["subjects"] = ["how_long"]
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    assert load_kb(mini_kb_dir).tips[0].subjects == ("how_long",)
    doc["tips"][0]["subjects"] = ["how_lnog"]
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    joined = "\n".join(errors_for(mini_kb_dir))
    assert "tips.yaml:" in joined and "unknown general answer 'how_lnog'" in joined


def test_duplicate_ids_and_unknown_references(mini_kb_dir):
    path = mini_kb_dir / "routines.yaml"
    path.write_text(
        path.read_text()
        .replace("id: warmup", "id: cooldown")
        .replace("psoas_stretch", "no_such", 1)
    )
    joined = "\n".join(errors_for(mini_kb_dir))
    assert "duplicate routine id 'cooldown' (first defined at" in joined
    assert "unknown stretch 'no_such'" in joined


def test_empty_phrase_list_and_missing_disclaimer_words(mini_kb_dir):
    (mini_kb_dir / "smalltalk.yaml").write_text(
        "smalltalk:\n  - id: greeting\n    kind: smalltalk\n    phrases: []\n    replies: [Hi]\n"
    )
    (mini_kb_dir / "disclaimer.yaml").write_text(
        "disclaimer:\n  short: Be careful.\n  full: Careful.\n"
    )
    joined = "\n".join(errors_for(mini_kb_dir))
    assert "smalltalk.yaml:4: smalltalk 'greeting' phrases: the list is empty" in joined
    assert "must contain the words 'not medical advice'" in joined


def test_missing_required_topic_and_answer(mini_kb_dir):
    path = mini_kb_dir / "answers.yaml"
    path.write_text(path.read_text().replace("aspect: why_tight", "aspect: why_tite", 1))
    joined = "\n".join(errors_for(mini_kb_dir))
    assert "unknown aspect 'why_tite'" in joined
    assert "no answer with aspect 'why_tight'" in joined


def test_wrong_shapes_do_not_crash_the_loader(mini_kb_dir):
    (mini_kb_dir / "tips.yaml").write_text("tips: just a string\n")
    (mini_kb_dir / "extra.yaml").write_text("[1, 2]\n")
    (mini_kb_dir / "more.yaml").write_text("recipes: []\n")
    joined = "\n".join(errors_for(mini_kb_dir))
    assert "expected a list of entries, found 'just a string'" in joined
    assert "the file must be a mapping of sections" in joined
    assert "unknown section 'recipes'" in joined


def test_check_command_exit_codes(mini_kb_dir, capsys):
    assert main(["check", str(mini_kb_dir)]) == 0
    assert "OK:" in capsys.readouterr().out
    (mini_kb_dir / "tips.yaml").write_text("tips:\n  - id: Bad Id\n    text: x\n    sources: [s]\n")
    assert main(["check", str(mini_kb_dir)]) == 1
    assert "not a snake_case id" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("1:30", "hold_seconds: expected a whole number, found '1:30'"),
        ("030", "hold_seconds: expected a whole number, found '030'"),
        (".inf", "hold_seconds: expected a whole number, found '.inf'"),
        (".NaN", "hold_seconds: expected a whole number, found '.NaN'"),
        ("9" * 5000, "hold_seconds: expected a whole number"),
    ],
)
def test_yaml_numbers_python_cannot_read_are_one_clear_line(mini_kb_dir, capsys, value, says):
    path = mini_kb_dir / "stretches.yaml"
    text = path.read_text().replace("hold_seconds: 30", f"hold_seconds: {value}")
    assert text != path.read_text()
    path.write_text(text)
    assert main(["check", str(mini_kb_dir)]) == 1
    err = capsys.readouterr().err
    assert says in err and "stretches.yaml:" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (
            lambda p: p.write_bytes(b"tips:\n  - id: t\x00\n"),
            "holds a character YAML does not allow",
        ),
        (lambda p: p.write_bytes("tips: []\n".encode("utf-16-le")), "YAML does not allow"),
        (lambda p: p.mkdir(), "cannot be read (Is a directory)"),
        (lambda p: p.symlink_to(p), "cannot be read"),
    ],
)
def test_files_that_cannot_be_read_as_yaml_are_one_clear_line(mini_kb_dir, capsys, make, says):
    make(mini_kb_dir / "broken.yaml")
    assert main(["check", str(mini_kb_dir)]) == 1
    err = capsys.readouterr().err
    assert says in err and "broken.yaml" in err and "Traceback" not in err


def test_an_emptied_tips_file_says_where_tips_belong(mini_kb_dir, capsys):
    (mini_kb_dir / "tips.yaml").write_text("")
    assert main(["check", str(mini_kb_dir)]) == 1
    assert "no tips in any file: add a 'tips:' section (tips.yaml)" in capsys.readouterr().err


def test_an_answer_given_in_conversation_has_no_phrases(tmp_path):
    import shutil

    shutil.copytree(Path(__file__).resolve().parent.parent / "knowledge", tmp_path / "k")
    path = tmp_path / "k" / "answers_general_more.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "    in_conversation: true\n",
            "    in_conversation: true\n    phrases: [is it serious]\n",
        ),
        encoding="utf-8",
    )
    with pytest.raises(KBError, match="in_conversation is for a general answer"):
        load_kb(tmp_path / "k")
