"""Where the bot keeps what it must remember: daily-tip subscriptions and conversations.

Two backends behind one interface (`BotStore`: `SubscriptionStore` and `ConversationStore`),
chosen by `STRETCHBOT_DB` through `open_store`: a file path is SQLite (`Store`, the embedded
default: one bot process per file), a `postgresql://` (or `postgres://`) URL is PostgreSQL
(`bot.store_postgres.PostgresStore`: any number of bot processes share it). Both run numbered
migrations at open, each in its own transaction, record the schema version (SQLite in
`PRAGMA user_version`, PostgreSQL in a `stretchbot_schema` table), refuse a database newer
than the code, and check at open that they can write; anything unusable is one `StoreError`
line, which `stretchbot run` turns into exit 3.

Stored per person (per chat) for daily tips: the chat id, the local send time, the time zone
they chose (or nothing, meaning "the default zone"), the next send time in UTC, the last local
date a tip was sent, the tip cursor, and when the row was created and last updated. Two
operational columns serve the sender only: `failures` (failed tries for the pending send, so
retries stay bounded) and `attempt_at` (set right before a tip goes out, cleared when the
outcome is recorded; see `bot.daily` for why).

Stored per conversation (a private chat, or one person in a group): the `bot.reply.Context`
the brain needs for the next message, as text (`bot.context_codec`), with the moment it
expires; an expired conversation is never read again and `purge_conversations` deletes it.
Nothing else about a person is kept, and `delete` removes all of it.

Times cross this border as timezone-aware UTC `datetime`s; they are stored as whole Unix
seconds so the index on the next send time compares integers.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote, unquote

from bot.errors import in_a_few_words
from bot.store_ops import SQLITE_GUIDES_MIGRATION, SQLITE_MIGRATION, OpsQueries

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
    # 3: conversations, per chat (user_id 0) or per person in a group, until they expire.
    (
        """
        CREATE TABLE conversations (
            chat_id    INTEGER NOT NULL,
            user_id    INTEGER NOT NULL,
            state      TEXT    NOT NULL,
            expires_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (chat_id, user_id)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX conversations_expiry ON conversations (expires_at)",
    ),
    # 4: statistics, feedback, unanswered messages, tips that follow a person, announcements
    # (see bot.store_ops)
    SQLITE_MIGRATION,
    # 5: guided routines running now (see bot.store_ops)
    SQLITE_GUIDES_MIGRATION,
)
SCHEMA_VERSION = len(MIGRATIONS)

_COLUMNS = (
    "chat_id, local_time, zone, next_send_utc, last_sent_date, tip_cursor, "
    "failures, attempt_at, created_at, updated_at"
)


class StoreError(Exception):
    """The database cannot be used as it is (for example, a newer schema than this code knows),
    or, from the conversation methods, a read or write failed. The message is one line and
    never holds a password."""


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
    """What the daily-tip logic needs from storage (SQLite or PostgreSQL)."""

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

    def delete(self, chat_id: int, *, scrub: bool = False) -> bool:
        """Remove everything stored about `chat_id` (its subscription and its conversations);
        True if there was anything. `scrub` (for /forget) also clears what the database lets
        us clear of the deleted rows' traces, even if that costs more."""
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
        """Rows with a send marked as started before `started_before` that no live bot
        process is working on any more: each is a send cut off by a crash or a cancelled tick.

        SQLite serves one process, so that is every such row; PostgreSQL leaves out the claims
        of other bot processes whose database session is still open.
        """
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
        """Release the database (closing twice is harmless)."""
        ...


class ConversationStore(Protocol):
    """Where conversations are remembered between messages, restarts and bot processes.

    A conversation is a chat (`user_id` 0) or one person in a group chat (their user id). Its
    state is opaque text (`bot.context_codec` writes and reads it). These methods raise
    `StoreError` when the database fails, so that a person can still be answered without it.
    """

    def load_conversation(self, chat_id: int, user_id: int, now: datetime) -> str | None:
        """The state saved for this conversation, unless there is none or it expired."""
        ...

    def save_conversation(
        self, chat_id: int, user_id: int, state: str | None, *, now: datetime, expires: datetime
    ) -> None:
        """Remember `state` until `expires` (replacing what was there); None forgets it."""
        ...

    def purge_conversations(self, now: datetime) -> int:
        """Delete every conversation that expired at or before `now`; return how many."""
        ...


class BotStore(SubscriptionStore, ConversationStore, OpsQueries, Protocol):
    """Everything the bot keeps: what `open_store` returns."""

    #: False for SQLite (one process per file), True where several processes may share it
    shared: bool


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


class Store(OpsQueries):
    """`BotStore` on one SQLite file. Open with `Store.open(path)` (or `open_store`).

    Every method is one short statement or one short transaction and never awaits, so the
    asyncio code calling it cannot interleave inside a transaction. One bot process per file:
    `in_flight` takes every claim it finds for a crashed send.
    """

    shared = False

    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        self._db = connection
        self.path = path

    def __repr__(self) -> str:
        return f"Store({self.path!r})"

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

    def delete(self, chat_id: int, *, scrub: bool = False) -> bool:
        """Remove everything stored about `chat_id` (its subscription and its conversations);
        True if there was anything.

        Always scrubbed (`scrub` changes nothing here, it is cheap): with `secure_delete` the
        freed pages are zeroed; the checkpoint then copies them over the database file and
        empties the WAL, which still held the old rows.
        """
        with self._transaction() as db:
            deleted = db.execute("DELETE FROM subscriptions WHERE chat_id = ?", (chat_id,)).rowcount
            deleted += db.execute(
                "DELETE FROM conversations WHERE chat_id = ?", (chat_id,)
            ).rowcount
            deleted += self._forget_ops(db.execute, chat_id)
        if deleted:
            # a reader holding an old snapshot can make this partial; the next one completes it
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return deleted > 0

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

    def load_conversation(self, chat_id: int, user_id: int, now: datetime) -> str | None:
        """The state saved for this conversation, unless there is none or it expired."""
        with _conversation_errors(self.path):
            found = self._db.execute(
                "SELECT state FROM conversations "
                "WHERE chat_id = ? AND user_id = ? AND expires_at > ?",
                (chat_id, user_id, _ts(now)),
            ).fetchone()
        return None if found is None else str(found[0])

    def save_conversation(
        self, chat_id: int, user_id: int, state: str | None, *, now: datetime, expires: datetime
    ) -> None:
        """Remember `state` until `expires` (replacing what was there); None forgets it."""
        with _conversation_errors(self.path):
            if state is None:
                self._db.execute(
                    "DELETE FROM conversations WHERE chat_id = ? AND user_id = ?",
                    (chat_id, user_id),
                )
                return
            self._db.execute(
                """
                INSERT INTO conversations (chat_id, user_id, state, expires_at, updated_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (chat_id, user_id) DO UPDATE SET
                    state = excluded.state,
                    expires_at = excluded.expires_at,
                    updated_at = excluded.updated_at
                """,
                (chat_id, user_id, state, _ts(expires), _ts(now)),
            )

    def purge_conversations(self, now: datetime) -> int:
        """Delete every conversation that expired at or before `now`; return how many."""
        with _conversation_errors(self.path):
            return int(
                self._db.execute(
                    "DELETE FROM conversations WHERE expires_at <= ?", (_ts(now),)
                ).rowcount
            )

    def _ops(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        with _conversation_errors(self.path):
            return self._db.execute(sql, params)

    @contextmanager
    def _ops_transaction(self) -> Iterator[Any]:
        with _conversation_errors(self.path), self._transaction() as db:
            yield db.execute

    def close(self) -> None:
        """Release the database (checkpointing the WAL)."""
        self._db.close()


@contextmanager
def _conversation_errors(where: str) -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as exc:
        raise StoreError(f"the database {where!r} failed: {in_a_few_words(exc)}") from exc


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


# --- choosing the backend -------------------------------------------------------------------

_URL_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
POSTGRES_SCHEMES = ("postgresql", "postgres")


def is_url(target: str) -> bool:
    """True if `target` looks like a URL (`scheme://...`) rather than a file path."""
    return bool(_URL_RE.match(target))


def is_postgres_url(target: str) -> bool:
    """True for a `postgresql://` or `postgres://` URL."""
    return is_url(target) and target.split("://", 1)[0].lower() in POSTGRES_SCHEMES


def _split_user_info(url: str) -> tuple[str, str, str]:
    """(scheme://, user info, the rest from "@" on); user info is "" when there is none."""
    scheme, sep, rest = url.partition("://")
    head = rest.split("?", 1)[0]
    at = head.rfind("@")
    if not sep or at < 0:
        return url, "", ""
    return scheme + sep, rest[:at], rest[at:]


_QUERY_PASSWORD_RE = re.compile(r"([?&]password=)([^&#]*)", re.IGNORECASE)


def url_secrets(url: str) -> tuple[str, ...]:
    """The password of a database URL (in its user info or a `?password=`), in every form it
    may be shown in (as written, decoded, encoded): what logs and errors must never show."""
    _, user_info, _ = _split_user_info(url)
    found = [user_info.split(":", 1)[1]] if ":" in user_info else []
    found += [match[2] for match in _QUERY_PASSWORD_RE.finditer(url)]
    forms = {form for value in found for form in (value, unquote(value), quote(value, safe=""))}
    return tuple(sorted((form for form in forms if form), key=len, reverse=True))


def masked_url(url: str) -> str:
    """`url` with its password replaced by [REDACTED]: safe to show and to log."""
    from bot.config import REDACTED

    start, user_info, rest = _split_user_info(url)
    if ":" in user_info:
        url = f"{start}{user_info.split(':', 1)[0]}:{REDACTED}{rest}"
    return _QUERY_PASSWORD_RE.sub(lambda m: m[1] + REDACTED, url)


def open_store(target: str | Path) -> BotStore:
    """The store `STRETCHBOT_DB` names: PostgreSQL for a `postgresql://` URL, else SQLite.

    Raises `StoreError` (one line, no password) when the database cannot be used.
    """
    target = str(target)
    if is_postgres_url(target):
        try:
            from bot.store_postgres import PostgresStore
        except ImportError as exc:  # psycopg without a libpq to load
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise StoreError(
                f"cannot open the database {masked_url(target)!r}: psycopg cannot load libpq "
                f"({reason}); install libpq, or pip install 'psycopg[binary]'"
            ) from None
        return PostgresStore.open(target)
    if is_url(target):
        raise StoreError(
            f"cannot open the database {masked_url(target)!r}: only postgresql:// URLs and "
            "SQLite file paths are supported"
        )
    return Store.open(target)
