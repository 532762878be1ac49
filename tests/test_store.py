"""The stores: schema versions and migrations, the due index, the compare-and-sets, and
conversations. Tests taking `store` or `database` run on SQLite and on PostgreSQL; the
SQLite-only ones (its files, pragmas and errors) take `tmp_path`; PostgreSQL's own are in
test_store_postgres.py."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, time, timedelta

import pytest
from local_postgres import BACKENDS

from bot.store import MIGRATIONS, SCHEMA_VERSION, Store, StoreError, open_store

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(params=BACKENDS)
def backend(request):
    return request.param


@pytest.fixture
def store(database):
    opened = open_store(database)
    yield opened
    opened.close()


def add(store: Store, chat_id: int, next_send: datetime | None, **kwargs) -> None:
    store.save(
        chat_id,
        local_time=kwargs.get("local_time", time(8, 0)),
        zone=kwargs.get("zone"),
        next_send=next_send,
        now=kwargs.get("now", NOW),
    )


def test_new_database_gets_the_latest_schema_and_the_pragmas(tmp_path):
    store = Store.open(tmp_path / "fresh.db")
    db = store._db
    assert store.schema_version == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    store.close()


def test_opening_twice_runs_no_migration_again(database):
    open_store(database).close()
    store = open_store(database)
    assert store.schema_version == SCHEMA_VERSION
    store.close()


def test_a_version_1_database_is_migrated_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    for statement in MIGRATIONS[0]:
        db.execute(statement)
    db.execute(
        "INSERT INTO subscriptions VALUES (42, '07:30', 'Europe/Berlin', ?, '2025-02-28', 7, ?, ?)",
        (int(NOW.timestamp()), 1, 2),
    )
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()

    store = Store.open(path)
    assert store.schema_version == SCHEMA_VERSION
    sub = store.get(42)
    assert sub is not None
    assert (sub.local_time, sub.zone, sub.next_send) == (time(7, 30), "Europe/Berlin", NOW)
    assert (sub.last_sent, sub.tip_cursor) == (date(2025, 2, 28), 7)
    assert (sub.failures, sub.attempt_at) == (0, None)
    assert store.due(NOW) == [sub]
    store.close()


def test_a_database_newer_than_the_code_is_refused(tmp_path):
    path = tmp_path / "future.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="schema version"):
        Store.open(path)


def test_save_creates_then_updates_keeping_cursor_and_last_sent(store):
    add(store, 1, NOW)
    store.claim(1, NOW, NOW)
    store.record_sent(1, NOW, sent_on=date(2025, 3, 1), next_send=NOW + timedelta(days=1), now=NOW)
    later = NOW + timedelta(hours=1)
    saved = store.save(1, local_time=time(9, 15), zone="Asia/Tokyo", next_send=None, now=later)
    assert (saved.local_time, saved.zone, saved.next_send) == (time(9, 15), "Asia/Tokyo", None)
    assert (saved.tip_cursor, saved.last_sent) == (1, date(2025, 3, 1))
    assert (saved.created_at, saved.updated_at) == (NOW, later)
    assert not saved.active


def test_delete_removes_everything_about_a_person(store):
    add(store, 1, NOW)
    add(store, 2, NOW)
    later = NOW + timedelta(days=1)
    store.save_conversation(1, 0, '{"topic": "psoas"}', now=NOW, expires=later)
    store.save_conversation(1, 77, '{"topic": "calves"}', now=NOW, expires=later)
    store.save_conversation(2, 0, '{"topic": "neck"}', now=NOW, expires=later)
    assert store.delete(1, scrub=True)
    assert store.get(1) is None
    assert store.load_conversation(1, 0, NOW) is None
    assert store.load_conversation(1, 77, NOW) is None
    assert not store.delete(1)
    assert store._db.execute("SELECT count(*) FROM subscriptions").fetchone()[0] == 1
    assert store._db.execute("SELECT count(*) FROM conversations").fetchone()[0] == 1
    assert store.get(2) is not None and store.load_conversation(2, 0, NOW) is not None


def test_delete_finds_a_conversation_without_a_subscription(store):
    store.save_conversation(5, 0, "{}", now=NOW, expires=NOW + timedelta(hours=1))
    assert store.delete(5)
    assert not store.delete(5)


def test_delete_leaves_nothing_readable_in_the_database_or_its_wal(tmp_path):
    path = tmp_path / "bot.db"
    store = Store.open(path)
    assert store._db.execute("PRAGMA secure_delete").fetchone()[0] == 1
    add(store, 1, NOW, zone="Pacific/Chatham")
    add(store, 2, NOW, zone="Europe/Lisbon")
    files = [path, tmp_path / "bot.db-wal"]
    assert any(b"Pacific/Chatham" in f.read_bytes() for f in files if f.exists())
    assert store.delete(1)
    for f in files:
        if f.exists():
            assert b"Pacific/Chatham" not in f.read_bytes(), f.name
    assert store.get(2) is not None  # the others are untouched
    store.close()
    assert b"Pacific/Chatham" not in path.read_bytes()


def test_count_counts_only_active_subscriptions(store):
    add(store, 1, NOW)
    add(store, 2, None)
    assert store.count() == 1


def test_due_goes_through_the_index(tmp_path):
    store = Store.open(tmp_path / "bot.db")
    plan = store._db.execute(
        "EXPLAIN QUERY PLAN SELECT chat_id FROM subscriptions INDEXED BY subscriptions_next_send "
        "WHERE next_send_utc <= 0 AND (next_send_utc, chat_id) > (-1, -1) AND attempt_at IS NULL "
        "ORDER BY next_send_utc, chat_id LIMIT 5"
    ).fetchall()
    detail = " ".join(row[-1] for row in plan)
    assert "USING INDEX subscriptions_next_send" in detail
    assert "TEMP B-TREE" not in detail  # no sort: the index already gives the order
    store.close()


def test_due_pages_in_order_and_skips_off_future_and_claimed_rows(store):
    for chat_id in (5, 3, 4, 1):
        add(store, chat_id, NOW - timedelta(minutes=chat_id))
    add(store, 6, NOW + timedelta(seconds=1))
    add(store, 7, None)
    add(store, 8, NOW)
    assert store.claim(8, NOW, NOW)
    first = store.due(NOW, limit=2)
    assert [s.chat_id for s in first] == [5, 4]
    rest = store.due(NOW, after=(first[-1].next_send, first[-1].chat_id), limit=10)
    assert [s.chat_id for s in rest] == [3, 1]


def test_claim_is_a_compare_and_set(store):
    add(store, 1, NOW)
    assert not store.claim(1, NOW + timedelta(seconds=1), NOW)  # someone moved it
    assert store.claim(1, NOW, NOW)
    assert not store.claim(1, NOW, NOW)  # already under way
    store.release(1, NOW, NOW)
    assert store.claim(1, NOW, NOW)


def test_two_connections_never_both_claim_a_row(database):
    first, second = open_store(database), open_store(database)
    for chat_id in range(50):
        add(first, chat_id, NOW)
    wins = [first.claim(c, NOW, NOW) + second.claim(c, NOW, NOW) for c in range(50)]
    assert wins == [1] * 50
    first.close()
    second.close()


def test_record_sent_moves_everything_in_one_statement(store):
    add(store, 1, NOW)
    store.claim(1, NOW, NOW)
    assert store.in_flight(NOW + timedelta(seconds=1))[0].chat_id == 1
    tomorrow = NOW + timedelta(days=1)
    store.record_sent(1, NOW, sent_on=date(2025, 3, 1), next_send=tomorrow, now=NOW)
    sub = store.get(1)
    assert (sub.next_send, sub.last_sent, sub.tip_cursor) == (tomorrow, date(2025, 3, 1), 1)
    assert (sub.attempt_at, sub.failures) == (None, 0)
    assert store.in_flight(NOW + timedelta(days=9)) == []


def test_record_sent_does_not_resubscribe_someone_who_turned_off_meanwhile(store):
    add(store, 1, NOW)
    store.claim(1, NOW, NOW)
    add(store, 1, None)
    store.record_sent(1, NOW, sent_on=date(2025, 3, 1), next_send=NOW + timedelta(days=1), now=NOW)
    sub = store.get(1)
    assert not sub.active
    assert sub.tip_cursor == 1


def test_record_failure_keeps_the_row_due_and_counts(store):
    add(store, 1, NOW)
    store.claim(1, NOW, NOW)
    store.record_failure(1, NOW, failures=1, next_send=NOW, now=NOW)
    sub = store.get(1)
    assert (sub.failures, sub.attempt_at, sub.next_send) == (1, None, NOW)
    assert store.due(NOW) == [sub]


def test_reschedule_is_a_compare_and_set_per_row(store):
    add(store, 1, NOW)
    add(store, 2, NOW)
    later = NOW + timedelta(hours=3)
    stale = (1, NOW - timedelta(seconds=1), later)
    assert store.reschedule([stale, (2, NOW, later)], NOW) == 1
    assert (store.get(1).next_send, store.get(2).next_send) == (NOW, later)
    store.claim(1, NOW, NOW)
    assert store.reschedule([(1, NOW, later)], NOW) == 0  # under way: left alone


def test_in_flight_goes_through_its_partial_index(tmp_path):
    store = Store.open(tmp_path / "bot.db")
    plan = store._db.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM subscriptions INDEXED BY subscriptions_in_flight "
        "WHERE attempt_at < 0"
    ).fetchall()
    assert "USING INDEX subscriptions_in_flight" in " ".join(row[-1] for row in plan)
    store.close()


def test_overdue_lists_only_rows_before_the_bound(store):
    add(store, 1, NOW - timedelta(hours=7))
    add(store, 2, NOW - timedelta(hours=1))
    assert [s.chat_id for s in store.overdue(NOW - timedelta(hours=6))] == [1]


def test_rows_survive_closing_and_reopening(database):
    store = open_store(database)
    add(store, 1, NOW, zone="+02:00")
    store.save_conversation(1, 0, "kept", now=NOW, expires=NOW + timedelta(days=1))
    store.close()
    again = open_store(database)
    assert again.get(1).zone == "+02:00"
    assert again.load_conversation(1, 0, NOW + timedelta(hours=23)) == "kept"
    again.close()


def test_naive_datetimes_are_refused(store):
    with pytest.raises(ValueError, match="naive"):
        add(store, 1, datetime(2025, 3, 1, 8, 0))


def test_a_claim_is_settled_once_and_only_by_its_owner(store):
    add(store, 1, NOW)
    assert store.claim(1, NOW, NOW)
    other = NOW + timedelta(seconds=5)
    sent = {"sent_on": date(2025, 3, 1), "next_send": NOW + timedelta(days=1), "now": NOW}
    assert not store.record_sent(1, other, **sent)
    assert not store.release(1, other, NOW)
    assert store.record_sent(1, NOW, **sent)
    assert not store.record_sent(1, NOW, **sent)
    assert not store.record_failure(1, NOW, failures=1, next_send=NOW, now=NOW)
    assert store.get(1).tip_cursor == 1


def test_in_flight_reports_every_claim_before_the_bound(store):
    """One process (or a crash and a restart): every claim of ours it finds was cut off."""
    add(store, 1, NOW)
    add(store, 2, NOW)
    assert store.claim(1, NOW, NOW)
    assert store.claim(2, NOW, NOW + timedelta(minutes=5))
    assert [s.chat_id for s in store.in_flight(NOW + timedelta(minutes=1))] == [1]
    assert [s.chat_id for s in store.in_flight(NOW + timedelta(days=1))] == [1, 2]


# --- conversations --------------------------------------------------------------------------


def test_a_conversation_is_kept_until_it_expires(store):
    expires = NOW + timedelta(hours=24)
    assert store.load_conversation(1, 0, NOW) is None
    store.save_conversation(1, 0, '{"topic": "psoas"}', now=NOW, expires=expires)
    assert store.load_conversation(1, 0, NOW) == '{"topic": "psoas"}'
    assert store.load_conversation(1, 0, expires - timedelta(seconds=1)) == '{"topic": "psoas"}'
    assert store.load_conversation(1, 0, expires) is None


def test_saving_replaces_the_state_and_moves_the_expiry(store):
    store.save_conversation(1, 0, "first", now=NOW, expires=NOW + timedelta(hours=1))
    later = NOW + timedelta(minutes=50)
    store.save_conversation(1, 0, "second", now=later, expires=later + timedelta(hours=1))
    assert store.load_conversation(1, 0, NOW + timedelta(hours=1, minutes=30)) == "second"
    assert store._db.execute("SELECT count(*) FROM conversations").fetchone()[0] == 1


def test_saving_none_forgets_the_conversation(store):
    store.save_conversation(1, 0, "state", now=NOW, expires=NOW + timedelta(hours=1))
    store.save_conversation(1, 0, None, now=NOW, expires=NOW + timedelta(hours=1))
    assert store.load_conversation(1, 0, NOW) is None
    assert store._db.execute("SELECT count(*) FROM conversations").fetchone()[0] == 0


def test_each_person_in_a_group_has_their_own_conversation(store):
    group = -1001234567890  # group ids are negative and need 64 bits
    expires = NOW + timedelta(hours=1)
    store.save_conversation(group, 11, "alice", now=NOW, expires=expires)
    store.save_conversation(group, 22, "bob", now=NOW, expires=expires)
    store.save_conversation(group, 0, "the chat", now=NOW, expires=expires)
    assert store.load_conversation(group, 11, NOW) == "alice"
    assert store.load_conversation(group, 22, NOW) == "bob"
    assert store.load_conversation(group, 0, NOW) == "the chat"
    assert store.load_conversation(group, 33, NOW) is None


def test_purge_deletes_only_expired_conversations(store):
    store.save_conversation(1, 0, "old", now=NOW, expires=NOW + timedelta(hours=1))
    store.save_conversation(2, 0, "new", now=NOW, expires=NOW + timedelta(hours=3))
    assert store.purge_conversations(NOW + timedelta(hours=2)) == 1
    assert store._db.execute("SELECT chat_id FROM conversations").fetchall() == [(2,)]
    assert store.purge_conversations(NOW + timedelta(hours=2)) == 0


def test_conversation_failures_are_one_store_error(store):
    store.close()
    with pytest.raises(StoreError) as raised:
        store.load_conversation(1, 0, NOW)
    assert "\n" not in str(raised.value)
    with pytest.raises(StoreError):
        store.save_conversation(1, 0, "x", now=NOW, expires=NOW + timedelta(hours=1))


def test_a_sqlite_database_of_version_2_gains_the_conversations(tmp_path):
    path = tmp_path / "v2.db"
    db = sqlite3.connect(path, isolation_level=None)
    for statement in (*MIGRATIONS[0], *MIGRATIONS[1]):
        db.execute(statement)
    db.execute("PRAGMA user_version = 2")
    db.close()
    store = Store.open(path)
    assert store.schema_version == SCHEMA_VERSION == 5
    store.save_conversation(1, 0, "x", now=NOW, expires=NOW + timedelta(hours=1))
    assert store.load_conversation(1, 0, NOW) == "x"
    store.close()


# --- choosing the backend -------------------------------------------------------------------


def test_a_path_opens_sqlite_and_a_postgres_url_postgres(tmp_path, postgres):
    from bot.store_postgres import PostgresStore

    sqlite_store = open_store(tmp_path / "x.db")
    assert isinstance(sqlite_store, Store) and not sqlite_store.shared
    sqlite_store.close()
    for scheme in ("postgresql", "postgres"):
        url = postgres.new_database().replace("postgresql://", f"{scheme}://")
        pg_store = open_store(url)
        assert isinstance(pg_store, PostgresStore) and pg_store.shared
        pg_store.close()


def test_another_kind_of_url_is_refused_without_its_password():
    with pytest.raises(StoreError) as raised:
        open_store("mysql://bot:hunter2@db.example.org/stretch")
    message = str(raised.value)
    assert "only postgresql:// URLs and SQLite file paths" in message
    assert "hunter2" not in message and "[REDACTED]" in message


def _not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("shopping list: milk, eggs\n" * 200)
    return path


def _truncated(tmp_path):
    path = tmp_path / "cut.db"
    whole = Store.open(path)
    add(whole, 1, NOW)
    whole.close()
    path.write_bytes(path.read_bytes()[:100])
    return path


def _future_schema(tmp_path):
    path = tmp_path / "future.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.close()
    return path


def _folder(tmp_path):
    (tmp_path / "a-folder.db").mkdir()
    return tmp_path / "a-folder.db"


def _under_a_file(tmp_path):
    (tmp_path / "plain-file").write_text("x")
    return tmp_path / "plain-file" / "bot.db"


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (_not_a_database, "file is not a database"),
        (_truncated, "malformed"),
        (_future_schema, "schema version"),
        (_folder, "unable to open database file"),
        (_under_a_file, "is a file, not a folder"),
    ],
    ids=lambda v: getattr(v, "__name__", "")[1:],
)
def test_a_database_that_cannot_be_used_is_one_store_error_at_open(tmp_path, make, reason):
    path = make(tmp_path)
    with pytest.raises(StoreError) as raised:
        Store.open(path)
    message = str(raised.value)
    assert str(path) in message and reason in message and "\n" not in message


def test_a_database_that_cannot_be_written_is_found_at_open(tmp_path):
    """A read-only file (root ignores file modes, so the connection is made read-only): the
    write check fails at start-up, not at the first /daily or tick."""
    from bot.store import _check_writable

    path = tmp_path / "ro.db"
    Store.open(path).close()
    read_only = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        _check_writable(read_only)
    read_only.close()
    writable = sqlite3.connect(path, isolation_level=None)
    _check_writable(writable)  # and leaves nothing behind
    assert "_write_check" not in {r[0] for r in writable.execute("SELECT name FROM sqlite_master")}
    writable.close()
