"""Where daily-tip subscriptions live: SQLite behind a small interface.

Stored per person (per chat): the chat id, the local send time, the time zone they chose (or
nothing, meaning "the default zone"), the next send time in UTC, the last local date a tip was
sent, the tip cursor, and when the row was created and last updated. Two operational columns
serve the sender only: `failures` (failed tries for the pending send, so retries stay bounded)
and `attempt_at` (set right before a tip goes out, cleared when the outcome is recorded; see
`bot.daily` for why). Nothing else about a person is kept, and `delete` removes all of it.

`SubscriptionStore` is the interface the rest of the bot uses; `Store` implements it on
SQLite (WAL, busy timeout, foreign keys, `PRAGMA user_version` migrations run at open). A
PostgreSQL implementation would keep the same methods: `claim` is a compare-and-set on one row
(`UPDATE ... WHERE ... RETURNING`), and `due` could hand each replica its own rows with
`SELECT ... FOR UPDATE SKIP LOCKED`. With several replicas, `in_flight` must then only report
claims of replicas known to be dead (a claim would carry its owner and a lease), because
`bot.daily.recover` treats every claim it is given as a send cut off by a crash.

Times cross this border as timezone-aware UTC `datetime`s; they are stored as whole Unix
seconds so the index on the next send time compares integers.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any, Protocol

from bot.errors import in_a_few_words

#: Each migration is the list of statements that moves the schema from version i to i + 1.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: the subscription table and the index the tick selects due rows through.
    (
        """
        CREATE TABLE subscriptions (
            chat_id        INTEGER PRIMARY KEY,
            local_time     TEXT    NOT NULL,
            zone           TEXT,
            next_send_utc  INTEGER,
            last_sent_date TEXT,
            tip_cursor     INTEGER NOT NULL DEFAULT 0,
            created_at     INTEGER NOT NULL,
            updated_at     INTEGER NOT NULL
        )
        """,
        "CREATE INDEX subscriptions_next_send ON subscriptions (next_send_utc)",
    ),
    # 2: bookkeeping for bounded retries and for sends that were under way during a crash.
    (
        "ALTER TABLE subscriptions ADD COLUMN failures INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE subscriptions ADD COLUMN attempt_at INTEGER",
        # Tiny (only sends under way), and spares every tick a scan of the whole table.
        "CREATE INDEX subscriptions_in_flight ON subscriptions (attempt_at) "
        "WHERE attempt_at IS NOT NULL",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

_COLUMNS = (
    "chat_id, local_time, zone, next_send_utc, last_sent_date, tip_cursor, "
    "failures, attempt_at, created_at, updated_at"
)


class StoreError(Exception):
    """The database cannot be used as it is (for example, a newer schema than this code knows)."""


@dataclass(frozen=True, slots=True)
class Subscription:
    """One person's daily-tip settings. `next_send` is None while daily tips are off."""

    chat_id: int
    local_time: time
    zone: str | None
    next_send: datetime | None
    last_sent: date | None
    tip_cursor: int
    failures: int
    attempt_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @property
    def active(self) -> bool:
        """True while daily tips are on."""
        return self.next_send is not None


class SubscriptionStore(Protocol):
    """What the daily-tip logic needs from storage; SQLite today, PostgreSQL tomorrow."""

    def get(self, chat_id: int) -> Subscription | None:
        """The subscription of `chat_id`, or None."""
        ...

    def save(
        self,
        chat_id: int,
        *,
        local_time: time,
        zone: str | None,
        next_send: datetime | None,
        now: datetime,
    ) -> Subscription:
        """Create or update a person's settings (cursor and last sent date are kept)."""
        ...

    def delete(self, chat_id: int) -> bool:
        """Remove everything stored about `chat_id`; True if there was anything."""
        ...

    def due(
        self, until: datetime, *, after: tuple[datetime, int] | None = None, limit: int = 500
    ) -> list[Subscription]:
        """Rows due at `until` with no send under way, in (next_send, chat_id) order."""
        ...

    def overdue(self, before: datetime, *, limit: int = 500) -> list[Subscription]:
        """Rows whose next send is earlier than `before`, with no send under way."""
        ...

    def in_flight(self, started_before: datetime) -> list[Subscription]:
        """Rows with a send marked as started before `started_before`."""
        ...

    def claim(self, chat_id: int, expected_next: datetime, now: datetime) -> bool:
        """Mark a send as under way if the row is still due at `expected_next` and unclaimed."""
        ...

    def release(self, chat_id: int, claimed_at: datetime, now: datetime) -> bool:
        """Clear our claim: the send certainly did not happen (e.g. flood control)."""
        ...

    def record_sent(
        self,
        chat_id: int,
        claimed_at: datetime,
        *,
        sent_on: date,
        next_send: datetime | None,
        now: datetime,
    ) -> bool:
        """If the claim is still ours: the local date sent, the next send, the cursor moved on."""
        ...

    def record_failure(
        self,
        chat_id: int,
        claimed_at: datetime,
        *,
        failures: int,
        next_send: datetime | None,
        now: datetime,
    ) -> bool:
        """If the claim is still ours: clear it, store the failure count and the next send."""
        ...

    def reschedule(self, moves: Sequence[tuple[int, datetime, datetime]], now: datetime) -> int:
        """Apply (chat_id, expected_next, next_send) moves to rows still at `expected_next` and
        not under way, in one transaction; return how many moved."""
        ...

    def count(self) -> int:
        """How many people are subscribed right now."""
        ...

    def close(self) -> None:
        """Release the database."""
        ...


def _ts(moment: datetime) -> int:
    if moment.tzinfo is None:
        raise ValueError(f"expected a timezone-aware datetime, found naive {moment!r}")
    return int(moment.timestamp())


def _dt(seconds: int | None) -> datetime | None:
    return None if seconds is None else datetime.fromtimestamp(seconds, UTC)


def _row(values: Sequence[Any]) -> Subscription:
    chat_id, local_time, zone, nxt, last, cursor, failures, attempt, created, updated = values
    return Subscription(
        chat_id=chat_id,
        local_time=time.fromisoformat(local_time),
        zone=zone,
        next_send=_dt(nxt),
        last_sent=date.fromisoformat(last) if last else None,
        tip_cursor=cursor,
        failures=failures,
        attempt_at=_dt(attempt),
        created_at=datetime.fromtimestamp(created, UTC),
        updated_at=datetime.fromtimestamp(updated, UTC),
    )


class Store:
    """`SubscriptionStore` on one SQLite file. Open with `Store.open(path)`.

    Every method is one short statement or one short transaction and never awaits, so the
    asyncio code calling it cannot interleave inside a transaction.
    """

    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        self._db = connection
        self.path = path

    @classmethod
    def open(cls, path: str | Path, *, busy_timeout_ms: int = 5000) -> Store:
        """Open (creating if needed) the database at `path` and bring its schema up to date.

        Anything that would make the store unusable later (not a database, a folder, a path
        that cannot be created, a read-only file, a newer schema) is a `StoreError` now, with
        the path and the reason in one line.
        """
        path = str(path)
        try:
            if path != ":memory:":
                parent = Path(path).parent
                if parent.exists() and not parent.is_dir():
                    raise StoreError(
                        f"cannot open the database {path!r}: {str(parent)!r} is a file, not a folder"
                    )
                parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the database {path!r}: {in_a_few_words(exc)}") from None
        try:
            db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            db.execute("PRAGMA journal_mode = WAL")
            # FULL: a commit is on disk before the HTTP request it guards goes out.
            db.execute("PRAGMA synchronous = FULL")
            db.execute("PRAGMA foreign_keys = ON")
            # Deleted rows are overwritten with zeros, so /forget leaves nothing readable.
            db.execute("PRAGMA secure_delete = ON")
            migrate(db)
            _check_writable(db)
        except (sqlite3.Error, StoreError) as exc:
            db.close()
            raise StoreError(f"cannot use the database {path!r}: {in_a_few_words(exc)}") from None
        except BaseException:
            db.close()
            raise
        return cls(db, path)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        """The `PRAGMA user_version` of the open database."""
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def get(self, chat_id: int) -> Subscription | None:
        """The subscription of `chat_id`, or None."""
        found = self._db.execute(
            f"SELECT {_COLUMNS} FROM subscriptions WHERE chat_id = ?", (chat_id,)
        ).fetchone()
        return _row(found) if found else None

    def save(
        self,
        chat_id: int,
        *,
        local_time: time,
        zone: str | None,
        next_send: datetime | None,
        now: datetime,
    ) -> Subscription:
        """Create or update a person's settings (cursor and last sent date are kept)."""
        stamp = _ts(now)
        nxt = None if next_send is None else _ts(next_send)
        with self._transaction() as db:
            db.execute(
                """
                INSERT INTO subscriptions
                    (chat_id, local_time, zone, next_send_utc, failures, created_at, updated_at)
                VALUES (?, ?, ?, ?, 0, ?, ?)
                ON CONFLICT (chat_id) DO UPDATE SET
                    local_time = excluded.local_time,
                    zone = excluded.zone,
                    next_send_utc = excluded.next_send_utc,
                    failures = 0,
                    updated_at = excluded.updated_at
                """,
                (chat_id, local_time.strftime("%H:%M"), zone, nxt, stamp, stamp),
            )
            found = db.execute(
                f"SELECT {_COLUMNS} FROM subscriptions WHERE chat_id = ?", (chat_id,)
            ).fetchone()
        return _row(found)

    def delete(self, chat_id: int) -> bool:
        """Remove everything stored about `chat_id`; True if there was anything.

        With `secure_delete` the freed pages are zeroed; the checkpoint then copies them over
        the database file and empties the WAL, which still held the old row.
        """
        deleted = (
            self._db.execute("DELETE FROM subscriptions WHERE chat_id = ?", (chat_id,)).rowcount > 0
        )
        if deleted:
            # a reader holding an old snapshot can make this partial; the next one completes it
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return deleted

    def due(
        self, until: datetime, *, after: tuple[datetime, int] | None = None, limit: int = 500
    ) -> list[Subscription]:
        """Rows due at `until` with no send under way, in (next_send, chat_id) order.

        `after` is the (next_send, chat_id) of the last row of the previous page: a tick pages
        through the index instead of re-reading rows it already handled.
        """
        after_ts, after_id = (-1, -1) if after is None else (_ts(after[0]), after[1])
        rows = self._db.execute(
            f"""
            SELECT {_COLUMNS} FROM subscriptions INDEXED BY subscriptions_next_send
            WHERE next_send_utc <= ? AND (next_send_utc, chat_id) > (?, ?)
              AND attempt_at IS NULL
            ORDER BY next_send_utc, chat_id
            LIMIT ?
            """,
            (_ts(until), after_ts, after_id, limit),
        ).fetchall()
        return [_row(r) for r in rows]

    def overdue(self, before: datetime, *, limit: int = 500) -> list[Subscription]:
        """Rows whose next send is earlier than `before`, with no send under way."""
        rows = self._db.execute(
            f"""
            SELECT {_COLUMNS} FROM subscriptions INDEXED BY subscriptions_next_send
            WHERE next_send_utc < ? AND attempt_at IS NULL
            ORDER BY next_send_utc, chat_id
            LIMIT ?
            """,
            (_ts(before), limit),
        ).fetchall()
        return [_row(r) for r in rows]

    def in_flight(self, started_before: datetime) -> list[Subscription]:
        """Rows with a send marked as started before `started_before`."""
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM subscriptions INDEXED BY subscriptions_in_flight "
            "WHERE attempt_at < ? ORDER BY chat_id",
            (_ts(started_before),),
        ).fetchall()
        return [_row(r) for r in rows]

    def claim(self, chat_id: int, expected_next: datetime, now: datetime) -> bool:
        """Mark a send as under way if the row is still due at `expected_next` and unclaimed.

        A compare-and-set: of two ticks racing for one row, exactly one sees True.
        """
        return (
            self._db.execute(
                """
                UPDATE subscriptions SET attempt_at = ?
                WHERE chat_id = ? AND next_send_utc = ? AND attempt_at IS NULL
                """,
                (_ts(now), chat_id, _ts(expected_next)),
            ).rowcount
            == 1
        )

    def release(self, chat_id: int, claimed_at: datetime, now: datetime) -> bool:
        """Clear our claim: the send certainly did not happen (e.g. flood control)."""
        return (
            self._db.execute(
                """
                UPDATE subscriptions SET attempt_at = NULL, updated_at = ?
                WHERE chat_id = ? AND attempt_at = ?
                """,
                (_ts(now), chat_id, _ts(claimed_at)),
            ).rowcount
            == 1
        )

    def record_sent(
        self,
        chat_id: int,
        claimed_at: datetime,
        *,
        sent_on: date,
        next_send: datetime | None,
        now: datetime,
    ) -> bool:
        """If the claim is still ours: the local date sent, the next send, the cursor moved on.

        One statement, so one transaction. A person who turned daily tips off while their tip
        was under way stays off. False if someone else settled the claim first.
        """
        return (
            self._db.execute(
                """
            UPDATE subscriptions SET
                last_sent_date = ?,
                next_send_utc = CASE WHEN next_send_utc IS NULL THEN NULL ELSE ? END,
                tip_cursor = tip_cursor + 1,
                failures = 0,
                attempt_at = NULL,
                updated_at = ?
            WHERE chat_id = ? AND attempt_at = ?
            """,
                (
                    sent_on.isoformat(),
                    None if next_send is None else _ts(next_send),
                    _ts(now),
                    chat_id,
                    _ts(claimed_at),
                ),
            ).rowcount
            == 1
        )

    def record_failure(
        self,
        chat_id: int,
        claimed_at: datetime,
        *,
        failures: int,
        next_send: datetime | None,
        now: datetime,
    ) -> bool:
        """If the claim is still ours: clear it, store the failure count and the next send."""
        return (
            self._db.execute(
                """
            UPDATE subscriptions SET
                failures = ?,
                next_send_utc = CASE WHEN next_send_utc IS NULL THEN NULL ELSE ? END,
                attempt_at = NULL,
                updated_at = ?
            WHERE chat_id = ? AND attempt_at = ?
            """,
                (
                    failures,
                    None if next_send is None else _ts(next_send),
                    _ts(now),
                    chat_id,
                    _ts(claimed_at),
                ),
            ).rowcount
            == 1
        )

    def reschedule(self, moves: Sequence[tuple[int, datetime, datetime]], now: datetime) -> int:
        """Apply (chat_id, expected_next, next_send) moves to rows still at `expected_next` and
        not under way, in one transaction; return how many moved."""
        stamp = _ts(now)
        moved = 0
        with self._transaction() as db:
            for chat_id, expected_next, next_send in moves:
                moved += db.execute(
                    """
                    UPDATE subscriptions SET next_send_utc = ?, failures = 0, updated_at = ?
                    WHERE chat_id = ? AND next_send_utc = ? AND attempt_at IS NULL
                    """,
                    (_ts(next_send), stamp, chat_id, _ts(expected_next)),
                ).rowcount
        return moved

    def count(self) -> int:
        """How many people are subscribed right now."""
        return int(
            self._db.execute(
                "SELECT count(*) FROM subscriptions WHERE next_send_utc IS NOT NULL"
            ).fetchone()[0]
        )

    def close(self) -> None:
        """Release the database (checkpointing the WAL)."""
        self._db.close()


def _check_writable(db: sqlite3.Connection) -> None:
    """Write once, in a transaction rolled back: a read-only file or folder is found at start-up,
    not at the first /daily or tick."""
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute("CREATE TABLE _write_check (x)")
    finally:
        db.execute("ROLLBACK")


def migrate(db: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Run the migrations the database lacks, each in its own transaction; return the version.

    A database newer than this code is refused rather than guessed at.
    """
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version > len(MIGRATIONS):
        raise StoreError(
            f"the database has schema version {version}, but this bot knows versions up to "
            f"{len(MIGRATIONS)}; upgrade the bot or use another STRETCHBOT_DB"
        )
    while version < target:
        db.execute("BEGIN IMMEDIATE")
        try:
            # Re-read inside the write lock: another process may have migrated meanwhile.
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            if version < target:
                for statement in MIGRATIONS[version]:
                    db.execute(statement)
                version += 1
                db.execute(f"PRAGMA user_version = {version}")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
    return version
