"""The PostgreSQL store's own behaviour, on the server the tests start: its schema version
table and migrations, refusals at open (one line, password masked), the due index, claims
that skip locked rows and belong to a session, reconnection, and /forget's VACUUM. What both
stores share is tested in test_store.py on both."""

from __future__ import annotations

import threading
import time as _time
from datetime import UTC, date, datetime, time, timedelta

import psycopg
import pytest

from bot import store as sqlite_store
from bot.store import StoreError, open_store
from bot.store_ops import OPS_TABLES
from bot.store_postgres import (
    MIGRATIONS,
    SCHEMA_VERSION,
    VERSION_TABLE,
    PostgresStore,
)

pytestmark = pytest.mark.postgres

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
PASSWORD = "hunter2-Pa55word"


@pytest.fixture
def url(postgres):
    """A fresh database's URL, with a password in it (trust authentication ignores it)."""
    return postgres.new_database().replace("postgres@", f"postgres:{PASSWORD}@")


@pytest.fixture
def store(url):
    opened = open_store(url)
    yield opened
    opened.close()


def connect(url: str) -> psycopg.Connection:
    return psycopg.connect(url, autocommit=True)


def add(store, chat_id: int, next_send: datetime | None) -> None:
    store.save(chat_id, local_time=time(8, 0), zone=None, next_send=next_send, now=NOW)


def one_line_without_password(error: StoreError) -> str:
    message = str(error)
    assert "\n" not in message
    assert PASSWORD not in message
    return message


def test_a_new_database_gets_the_latest_schema_and_records_its_version(store, url):
    assert SCHEMA_VERSION == len(MIGRATIONS) == sqlite_store.SCHEMA_VERSION
    assert store.schema_version == SCHEMA_VERSION
    with connect(url) as db:
        assert db.execute(f"SELECT version FROM {VERSION_TABLE}").fetchall() == [(SCHEMA_VERSION,)]
        tables = {
            r[0] for r in db.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        }
    assert tables == {VERSION_TABLE, "subscriptions", "conversations", *OPS_TABLES}


def test_a_version_1_database_is_migrated_and_keeps_its_rows(url):
    with connect(url) as db:
        for statement in MIGRATIONS[0]:
            db.execute(statement)
        db.execute(f"CREATE TABLE {VERSION_TABLE} (version INTEGER NOT NULL)")
        db.execute(f"INSERT INTO {VERSION_TABLE} VALUES (1)")
        db.execute(
            "INSERT INTO subscriptions VALUES "
            "(-1001234567890, '07:30', 'Europe/Berlin', %s, '2025-02-28', 7, 1, 2)",
            (int(NOW.timestamp()),),
        )
    store = open_store(url)
    assert store.schema_version == SCHEMA_VERSION
    sub = store.get(-1001234567890)
    assert (sub.local_time, sub.zone, sub.next_send) == (time(7, 30), "Europe/Berlin", NOW)
    assert (sub.last_sent, sub.tip_cursor, sub.failures, sub.attempt_at) == (
        date(2025, 2, 28),
        7,
        0,
        None,
    )
    assert store.due(NOW) == [sub]
    store.close()


def test_a_database_newer_than_the_code_is_refused_in_one_line(url):
    open_store(url).close()
    with connect(url) as db:
        db.execute(f"UPDATE {VERSION_TABLE} SET version = %s", (SCHEMA_VERSION + 1,))
    with pytest.raises(StoreError) as raised:
        open_store(url)
    message = one_line_without_password(raised.value)
    assert f"schema version {SCHEMA_VERSION + 1}" in message
    assert "[REDACTED]" in message and "upgrade the bot" in message


def test_processes_starting_together_migrate_once(url):
    opened, errors = [], []

    def start() -> None:
        try:
            opened.append(open_store(url))
        except Exception as exc:  # pragma: no cover - the failure is reported below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert {s.schema_version for s in opened} == {SCHEMA_VERSION}
    for s in opened:
        s.close()


def _read_only(postgres, url):
    name = url.split("@/", 1)[1].split("?")[0]
    open_store(url).close()
    with postgres.admin() as db:
        db.execute(f"ALTER DATABASE {name} SET default_transaction_read_only = on")
    return url, "read-only transaction"


def _no_rights(postgres, url):
    name = url.split("@/", 1)[1].split("?")[0]
    open_store(url).close()
    role = f"reader_{name}"
    with postgres.admin() as db:
        db.execute(f"CREATE ROLE {role} LOGIN")
    with connect(url) as db:
        db.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
    return url.replace(f"postgres:{PASSWORD}@", f"{role}:{PASSWORD}@"), "permission denied"


def _no_such_database(postgres, url):
    return url.replace("/test_", "/missing_"), "does not exist"


def _no_server(postgres, url):
    return url.split("?")[0] + "?host=/nonexistent/folder", "No such file or directory"


def _bad_port(postgres, url):
    return url.replace("@/", "@localhost:notaport/"), "invalid integer value"


def _not_ours(postgres, url):
    with connect(url) as db:
        db.execute("CREATE TABLE subscriptions (id int)")
    return url, 'relation "subscriptions" already exists'


@pytest.mark.parametrize(
    "make",
    [_read_only, _no_rights, _no_such_database, _no_server, _bad_port, _not_ours],
    ids=lambda f: f.__name__[1:],
)
def test_a_database_that_cannot_be_used_is_one_store_error_at_open(postgres, url, make):
    target, reason = make(postgres, url)
    with pytest.raises(StoreError) as raised:
        open_store(target)
    message = one_line_without_password(raised.value)
    assert reason in message and "[REDACTED]" in message


def test_a_password_libpq_quotes_back_is_masked(postgres):
    bad = f"postgresql://postgres:{PASSWORD}%zz@/postgres?host={postgres.data}"
    with pytest.raises(StoreError) as raised:
        open_store(bad)
    message = one_line_without_password(raised.value)
    assert "percent-encoded" in message


def test_due_reads_the_index_in_order_without_sorting(store):
    db = store._db
    with db.transaction(force_rollback=True):
        db.execute("SET LOCAL enable_seqscan = off")  # an empty table is read whole otherwise
        db.execute("SET LOCAL enable_bitmapscan = off")
        plan = "\n".join(
            r[0]
            for r in db.execute(
                "EXPLAIN SELECT chat_id FROM subscriptions WHERE next_send_utc <= 0 "
                "AND (next_send_utc, chat_id) > (-1, -1) AND attempt_at IS NULL "
                "ORDER BY next_send_utc, chat_id LIMIT 5"
            )
        )
    assert "subscriptions_next_send" in plan
    assert "Sort" not in plan


def test_a_claim_skips_a_row_another_transaction_holds_instead_of_waiting(store, url):
    add(store, 1, NOW)
    with connect(url) as other, other.transaction():
        other.execute("SELECT 1 FROM subscriptions WHERE chat_id = 1 FOR UPDATE")
        started = _time.monotonic()
        assert not store.claim(1, NOW, NOW)
        assert _time.monotonic() - started < 1.0
    assert store.claim(1, NOW, NOW)
    assert not store.claim(1, NOW, NOW)


def test_claims_in_many_threads_each_win_a_row_once(url):
    stores = [open_store(url) for _ in range(4)]
    for chat_id in range(200):
        add(stores[0], chat_id, NOW)
    wins: list[int] = []

    def claim_all(s) -> None:
        for chat_id in range(200):
            if s.claim(chat_id, NOW, NOW):
                wins.append(chat_id)

    threads = [threading.Thread(target=claim_all, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(wins) == list(range(200))
    for s in stores:
        s.close()


def _wait_until(predicate, timeout: float = 10.0):
    deadline = _time.monotonic() + timeout
    while not (result := predicate()):
        assert _time.monotonic() < deadline, "timed out"
        _time.sleep(0.02)
    return result


def test_in_flight_leaves_out_claims_of_live_sessions_and_takes_dead_ones(url):
    first, second = open_store(url), open_store(url)
    add(first, 1, NOW)
    add(first, 2, NOW)
    assert first.claim(1, NOW, NOW)
    assert second.claim(2, NOW, NOW)
    later = NOW + timedelta(days=1)
    assert [s.chat_id for s in second.in_flight(later)] == [2]  # its own, not the live other's
    assert [s.chat_id for s in first.in_flight(later)] == [1]
    first.close()  # the process died: its session ends
    _wait_until(lambda: [s.chat_id for s in second.in_flight(later)] == [1, 2])
    second.close()


def test_a_lost_connection_fails_one_call_and_the_next_reconnects(store, postgres):
    add(store, 1, NOW)
    pid = store._db.info.backend_pid
    with postgres.admin() as db:
        db.execute("SELECT pg_terminate_backend(%s)", (pid,))
    with pytest.raises(StoreError):
        store.load_conversation(1, 0, NOW)
    assert store.get(1) is not None
    assert store._db.info.backend_pid != pid
    assert store.claim(1, NOW, NOW)
    assert [s.chat_id for s in store.in_flight(NOW + timedelta(days=1))] == [1]


def test_forget_vacuums_away_the_deleted_row_versions(store, url):
    add(store, 1, NOW)
    add(store, 2, NOW)
    store.save_conversation(1, 0, "secret", now=NOW, expires=NOW + timedelta(hours=1))

    def vacuums() -> int:
        with connect(url) as db:
            return sum(
                r[0]
                for r in db.execute(
                    "SELECT vacuum_count FROM pg_stat_user_tables "
                    "WHERE relname IN ('subscriptions', 'conversations')"
                )
            )

    before = vacuums()
    assert store.delete(1, scrub=True)
    assert vacuums() == before + 2
    assert store.delete(2)  # a blocked chat: no VACUUM
    assert not store.delete(3, scrub=True)  # nothing deleted: no VACUUM
    assert vacuums() == before + 2


def test_repr_masks_the_password(store):
    assert PASSWORD not in repr(store) and "[REDACTED]" in repr(store)
    assert isinstance(store, PostgresStore)
