"""Shared fixtures: the shipped knowledge base and brain, a tiny valid knowledge base on disk,
and databases on either store.

`database` is a fresh, empty database for one test (a `STRETCHBOT_DB` value): a SQLite file,
unless the test or its module parametrizes `backend` with `local_postgres.BACKENDS`, which
runs it on PostgreSQL too, on one server the session starts on first use (`postgres`).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from local_postgres import LocalPostgres

from bot.kb import REQUIRED_ROUTINES, REQUIRED_TOPICS, TRIAGE_LEVELS, KnowledgeBase, load_kb

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"


@pytest.fixture(scope="session")
def postgres() -> Iterator[LocalPostgres]:
    """The session's PostgreSQL server: started by the first test that needs it, stopped and
    deleted at the end."""
    server = LocalPostgres()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def new_database(
    postgres: LocalPostgres, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[str], str]:
    """`new_database("sqlite" | "postgres")`: a fresh, empty database, as a STRETCHBOT_DB value.

    Session-scoped, so hypothesis tests can make one per example.
    """
    folder = tmp_path_factory.mktemp("sqlite")
    numbers = itertools.count(1)

    def new(backend: str) -> str:
        if backend == "postgres":
            return postgres.new_database()
        if backend == "sqlite":
            return str(folder / f"bot{next(numbers)}.db")
        raise ValueError(f"unknown backend {backend!r}")

    return new


@pytest.fixture
def backend() -> str:
    """The store a test runs on: SQLite, unless the test or its module parametrizes it."""
    return "sqlite"


@pytest.fixture
def database(backend: str, new_database: Callable[[str], str]) -> str:
    """A fresh, empty database for this test, on `backend`: a STRETCHBOT_DB value."""
    return new_database(backend)


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The shipped knowledge base, loaded once per test session."""
    return load_kb(KNOWLEDGE)


@pytest.fixture(scope="session")
def brain(kb):
    from bot.brain import Brain

    return Brain(kb)


def converse(brain, *messages: str, context=None) -> list:
    """The replies to `messages`, each read with the reply before (from `context`, else a
    fresh conversation)."""
    from bot.reply import Context

    context, replies = context or Context(), []
    for message in messages:
        reply = brain.reply(message, context)
        replies.append(reply)
        context = reply.context
    return replies


def mini_kb_files() -> dict[str, dict]:
    """The smallest knowledge base the loader accepts, as {file name: document}."""
    src = ["Test source"]
    muscles = [t for t in REQUIRED_TOPICS if t != "general"]
    topics = [
        {
            "id": t,
            "name": t.replace("_", " ").title(),
            "names": [t.replace("_", " ")],
            "phrases": [f"why is my {t.replace('_', ' ')} tight"],
            "sources": src,
        }
        for t in muscles
    ]
    topics.append(
        {
            "id": "general",
            "name": "Stretching",
            "names": [],
            "phrases": ["how long"],
            "sources": src,
        }
    )
    answers = [
        {
            "topic": t,
            "aspect": a,
            "title": f"{t} {a}",
            "text": "Para one.\n\nPara two.",
            "sources": src,
        }
        for t in muscles
        for a in ("what", "why_tight", "when")
    ]
    answers.append(
        {
            "topic": "general",
            "aspect": "how_long",
            "title": "How long",
            "text": "About 30 seconds.",
            "phrases": ["how long should i hold a stretch"],
            "sources": src,
        }
    )
    stretches = [
        {
            "id": f"{t}_stretch{suffix}",
            "name": f"{t} stretch{suffix.replace('_', ' ')}",
            "topics": [t],
            "type": "static",
            "steps": ["Stand tall.", "Lean gently.", "Breathe and hold."],
            "hold_seconds": 30,
            "repetitions": "2 times",
            "feel": "A gentle pull.",
            "cautions": ["Stop if it hurts."],
            "caution_tags": [],
            "sources": src,
            "pose": {"view": "side", "highlight": "right_thigh.back"},
        }
        for t in muscles
        for suffix in ("", "_2", "_3")
    ]
    intents = {
        "aspects": [
            {"id": a, "phrases": [f"{a} {{topic}}"]}
            for a in ("what", "why_tight", "when", "stretch")
        ],
        "requests": [
            {"id": r, "phrases": [r.replace("_", " ")]}
            for r in ("tip", "daily_on", "daily_off", "help")
        ],
        "followups": [
            {"id": f, "phrases": [f.replace("_", " ")]}
            for f in ("stretch_it", "another", "shorter", "more")
        ],
    }
    routines = [
        {
            "id": r,
            "title": r.title(),
            "when": "Any time.",
            "phrases": [f"{r} routine"],
            "steps": [{"stretch": "psoas_stretch", "seconds": 60}],
            "sources": src,
        }
        for r in REQUIRED_ROUTINES
    ]
    return {
        "topics.yaml": {"topics": topics},
        "answers.yaml": {"answers": answers},
        "stretches.yaml": {"stretches": stretches},
        "intents.yaml": {"intents": intents},
        "routines.yaml": {"routines": routines},
        "tips.yaml": {
            "tips": [{"id": "t1", "text": "Move often.", "topics": ["general"], "sources": src}]
        },
        "smalltalk.yaml": {
            "smalltalk": [
                {"id": "greeting", "kind": "smalltalk", "phrases": ["hi"], "replies": ["Hi!"]}
            ]
        },
        "red_flags.yaml": {
            "symptoms": [{"id": "pain", "terms": ["pain", "hurts"]}],
            "triage_levels": [
                {"id": level, "lead": f"{level} lead.", "footer": f"{level}: not medical advice."}
                for level in TRIAGE_LEVELS
            ],
            "red_flags": [
                {
                    "id": "chest_pain",
                    "level": "emergency",
                    "title": "Chest pain",
                    "message": "Chest pain can be your heart.",
                    "patterns": [[["chest"], ["$pain"]]],
                    "sources": src,
                }
            ],
        },
        "disclaimer.yaml": {
            "disclaimer": {"short": "Not medical advice.", "full": "Not medical advice at all."}
        },
    }


@pytest.fixture
def mini_kb_dir(tmp_path: Path) -> Path:
    """A valid minimal knowledge base written to a temporary folder."""
    for name, doc in mini_kb_files().items():
        (tmp_path / name).write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))
    return tmp_path
