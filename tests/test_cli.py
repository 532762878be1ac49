"""The command line: ask, ask --json -, chat, check; the same brain as every other face."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.console import chat


def test_ask_prints_the_reply_with_the_disclaimer(capsys):
    assert main(["ask", "why", "is", "my", "psoas", "tight"]) == 0
    out = capsys.readouterr().out
    assert "psoas" in out.lower() and "not medical advice" in out.lower()


def test_ask_json_is_one_object_with_the_contract(capsys):
    assert main(["ask", "--json", "how do i stretch my calves"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["kind"], data["topic"]) == ("stretch", "calves")


def test_ask_json_stdin_answers_every_line_in_order():
    lines = ["why is my psoas tight", "", "stretch my budget", "🙂", "cooldown after running"] * 40
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", "-"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == len(lines)
    assert [r["kind"] for r in rows[:5]] == [
        "answer",
        "fallback",
        "fallback",
        "fallback",
        "routine",
    ]
    assert all(r["disclaimer"] is True and "not medical advice" in r["text"] for r in rows)


def test_chat_keeps_context_and_ends_cleanly_on_ctrl_d(brain):
    inputs = iter(["why is my psoas tight", "how do I stretch it"])

    def read(prompt: str) -> str:
        try:
            return next(inputs)
        except StopIteration:
            raise EOFError from None

    out = io.StringIO()
    assert chat(brain, read=read, out=out, history=False) == 0
    text = out.getvalue()
    assert "Half-kneeling hip flexor stretch" in text
    assert text.rstrip().endswith("Bye! Stretch gently.")


def test_the_terminal_chat_says_where_a_cards_picture_is(brain, tmp_path):
    from bot.pictures import Pictures

    inputs = iter(["how do I stretch my calves", "why are they tight"])

    def read(prompt: str) -> str:
        try:
            return next(inputs)
        except StopIteration:
            raise EOFError from None

    out = io.StringIO()
    assert chat(brain, read=read, out=out, history=False, pictures=Pictures(tmp_path)) == 0
    shown = re.findall(r"picture: (\S+\.png)", out.getvalue())
    assert len(shown) == 1, "the card has a picture, the answer none"
    assert Path(shown[0]).is_file() and Path(shown[0]).parent == tmp_path


def test_run_without_token_opens_the_terminal_chat(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        input="hello\n",
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": _root()},
    )
    assert result.returncode == 0, result.stderr
    assert "starting the terminal chat" in result.stdout
    assert "Bye!" in result.stdout


def test_run_refuses_an_invalid_knowledge_base(tmp_path):
    (tmp_path / "broken.yaml").write_text("tips: [\n")
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run", "--knowledge", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": _root()},
    )
    assert result.returncode == 1
    assert "broken.yaml:" in result.stderr and "not starting" in result.stderr


def _root() -> str:
    from pathlib import Path

    return str(Path(__file__).resolve().parent.parent)


def test_eval_outside_a_checkout_says_what_is_missing(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["eval"]) == 2
    assert "no file tests/data/utterances.yaml" in capsys.readouterr().err


def test_a_name_clash_found_while_indexing_is_one_clear_report(monkeypatch, capsys):
    import bot.brain
    from bot.kb import KBError

    def clash(kb):
        raise KBError(["topics: the name 'calf' is used by both 'calves' and 'shins'"])

    monkeypatch.setattr(bot.brain, "Brain", clash)
    assert main(["ask", "hello"]) == 1
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert err.count("is used by both") == 2 and "Traceback" not in err


def _run_cli(args: list[str], stdin: bytes, tmp_path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "STRETCHBOT_HISTORY": str(tmp_path / "history")}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, env=env, timeout=60
    )


def test_chat_json_carries_context_and_an_empty_line_starts_afresh(tmp_path):
    lines = b"why are my calves tight\nhow do i stretch them\n\nhow do i stretch them\n"
    result = _run_cli(["chat", "--json"], lines, tmp_path)
    assert result.returncode == 0, result.stderr
    replies = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r["intent"] for r in replies[:2]] == ["calves.why_tight", "calves.stretch"]
    assert len(replies) == 3  # the empty line printed nothing
    assert replies[2]["topic"] is None  # ... and the conversation started afresh
    assert all(r["disclaimer"] is True for r in replies)
    plain = _run_cli(["chat"], b"why are my calves tight\n", tmp_path)
    assert plain.returncode == 0 and b"calves" in plain.stdout.lower()
    assert not (tmp_path / "history").exists()  # piped input writes no history file


def test_a_byte_that_is_not_utf8_costs_one_line_not_the_run(tmp_path):
    for args in (["ask", "--json", "-"], ["chat", "--json"]):
        result = _run_cli(args, b"hello\n\xff\xfe broken\nwhy is my psoas tight\n", tmp_path)
        assert result.returncode == 0, result.stderr
        intents = [json.loads(line)["intent"] for line in result.stdout.decode().splitlines()]
        assert len(intents) == 3 and intents[2] == "psoas.why_tight"
        assert b"Traceback" not in result.stderr


def test_run_with_a_database_it_cannot_use_exits_3_with_one_line(tmp_path):
    """Checked before any request: the Bot API address is unreachable on purpose."""
    (tmp_path / "bot.db").write_text("not a database\n" * 100)
    result = _run_offline(tmp_path)
    assert result.returncode == 3, result.stderr
    assert result.stderr.strip().splitlines()[-1] == (
        f"stretchbot: cannot use the database '{tmp_path / 'bot.db'}': file is not a database"
    )
    assert "Traceback" not in result.stderr and "ABCdefGHI" not in result.stderr


_TOKEN = "123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345678"
_DB_PASSWORD = "db-Pa55word-hunter2"


def _prepare_knowledge(tmp_path):
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "tips.yaml").write_text("tips:\n  - id: t\n    hold: 1:30\n")


@pytest.mark.parametrize(
    ("case", "env", "prepare", "code", "line"),
    [
        ("broken knowledge base", {}, _prepare_knowledge, 1, "not starting"),
        ("rate below 1/s", {"RATE_LIMIT_PER_SECOND": "0.5"}, None, 2, "RATE_LIMIT_PER_SECOND"),
        ("tick overflow", {"DAILY_TICK_SECONDS": "1e300"}, None, 2, "DAILY_TICK_SECONDS"),
        ("retry time", {"TELEGRAM_RETRY_SECONDS": "-1"}, None, 2, "TELEGRAM_RETRY_SECONDS"),
        ("bad port", {"WEBHOOK_PORT": "0"}, None, 2, "WEBHOOK_PORT"),
        ("database is a folder", {"STRETCHBOT_DB": "{tmp}"}, None, 3, "the database"),
        ("database path impossible", {"STRETCHBOT_DB": "/proc/nope/x.db"}, None, 3, "database"),
    ],
    ids=lambda value: value.replace(" ", "-") if isinstance(value, str) and " " in value else "",
)
def test_each_bad_start_is_one_line_and_a_documented_exit_code(
    tmp_path, case, env, prepare, code, line
):
    """The README's exit codes: 1 knowledge base, 2 settings / Telegram, 3 database. Every
    case ends with one line on stderr, no traceback, no token; the Bot API address is
    unreachable on purpose, so each is found before any request."""
    if prepare is not None:
        prepare(tmp_path)
    args = ["--knowledge", str(tmp_path / "kb")] if (tmp_path / "kb").is_dir() else []
    extra = {key: value.replace("{tmp}", str(tmp_path)) for key, value in env.items()}
    result = _run_offline(tmp_path, *args, **extra)
    assert result.returncode == code, (case, result.stderr)
    assert line in result.stderr.strip().splitlines()[-1], case
    assert "Traceback" not in result.stderr and "ABCdefGHI" not in result.stderr


def _run_with_database(tmp_path, database: str) -> subprocess.CompletedProcess:
    return _run_offline(tmp_path, STRETCHBOT_DB=database)


def _run_offline(tmp_path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """`python -m bot run ARGS` with a token and a Bot API address nothing answers, so that
    whatever it refuses is refused before any request; `env` adds or replaces settings."""
    return subprocess.run(
        [sys.executable, "-m", "bot", "run", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
            "PYTHONPATH": _root(),
            "TELEGRAM_BOT_TOKEN": _TOKEN,
            "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot",
            "STRETCHBOT_DB": str(tmp_path / "bot.db"),
            **env,
        },
    )


def _newer_schema(postgres):
    import psycopg

    from bot.store import open_store
    from bot.store_postgres import VERSION_TABLE

    url = postgres.new_database()
    open_store(url).close()
    with psycopg.connect(url, autocommit=True) as db:
        db.execute(f"UPDATE {VERSION_TABLE} SET version = 99")
    return url, "schema version 99"


def _missing_database(postgres):
    return postgres.url("no_such_database"), 'database "no_such_database" does not exist'


def _no_server(postgres):
    return "postgresql://postgres@/postgres?host=/nonexistent", "No such file or directory"


@pytest.mark.postgres
@pytest.mark.parametrize(
    "make", [_newer_schema, _missing_database, _no_server], ids=lambda f: f.__name__[1:]
)
def test_run_with_a_postgres_database_it_cannot_use_exits_3_without_the_password(
    tmp_path, postgres, make
):
    url, reason = make(postgres)
    url = url.replace("postgres@", f"postgres:{_DB_PASSWORD}@")
    result = _run_with_database(tmp_path, url)
    assert result.returncode == 3, result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("stretchbot: cannot ") and reason in last
    assert "postgres:[REDACTED]@" in last
    assert _DB_PASSWORD not in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("database", "line"),
    [
        (f"mysql://bot:{_DB_PASSWORD}@db/stretch", "must be a SQLite file path or a postgresql://"),
        (f"postgresql://bot:{_DB_PASSWORD}%zz@db/stretch", "not a PostgreSQL URL libpq can read"),
    ],
    ids=["other-scheme", "unreadable-url"],
)
def test_a_malformed_database_url_is_a_setting_error_without_the_password(tmp_path, database, line):
    result = _run_with_database(tmp_path, database)
    assert result.returncode == 2, result.stderr
    assert line in result.stderr.strip().splitlines()[-1]
    assert _DB_PASSWORD not in result.stderr + result.stdout
