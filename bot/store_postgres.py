"""The store on PostgreSQL (psycopg 3): what several bot processes share.

`PostgresStore` implements `bot.store.BotStore` with the same rows, the same methods and the
same compare-and-sets as the SQLite `Store`; only the SQL dialect differs. Open it with
`bot.store.open_store("postgresql://user:password@host/db")`.

Migrations
    `MIGRATIONS` mirror the SQLite ones step for step, so a version number means the same
    schema in both. The version is one row in `stretchbot_schema`. Each migration runs in its
    own transaction under an advisory lock, so bot processes starting together migrate once;
    a database newer than the code is refused.

Many processes, each tip once
    A claim is one statement (`claim`): it locks the row with `FOR UPDATE SKIP LOCKED`, so a
    process never waits behind another's claim, and sets `attempt_at` only if the row is still
    due at the expected instant and unclaimed. Of any number of processes racing for a row,
    exactly one sees True and sends. The claim also records its owner: the database session
    (backend pid and start time) that made it. `in_flight`, which `bot.daily.recover` treats
    as sends cut off by a crash, leaves out claims whose session is still open in another
    process: a process starting next to a busy one does not take over its sends, while the
    claims of a process that died (its session ended with it) are recovered at once.

Connections
    One connection per process, autocommit, each method one statement or one short
    transaction. Calls block the event loop for a round trip, like the SQLite store's disk
    writes; a lost connection fails the call under way and the next call reconnects. Connect
    directly or through a session-pooling proxy: claims are tied to the server session.

/forget
    `delete` removes the rows in one transaction; once committed, no query can read them.
    PostgreSQL keeps the old row versions in the table file until VACUUM marks their space
    free, so `delete(..., scrub=True)` runs a `VACUUM` of both tables right away; see the
    README for what that does and does not guarantee.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, time
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from bot.config import redact
from bot.errors import in_a_few_words
from bot.store import (
    StoreError,
    Subscription,
    _row,
    _ts,
    masked_url,
    url_secrets,
)
from bot.store_ops import (
    OPS_TABLES,
    PERSON_TABLES,
    POSTGRES_GUIDES_MIGRATION,
    POSTGRES_MIGRATION,
    OpsQueries,
)

log = logging.getLogger(__name__)

#: Each migration moves the schema from version i to i + 1 (the same steps as SQLite's).
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: the subscription table and the index the tick pages through, in (next send, chat) order.
    (
        """
        CREATE TABLE subscriptions (
            chat_id        BIGINT  PRIMARY KEY,
            local_time     TEXT    NOT NULL,
            zone           TEXT,
            next_send_utc  BIGINT,
            last_sent_date TEXT,
            tip_cursor     INTEGER NOT NULL DEFAULT 0,
            created_at     BIGINT  NOT NULL,
            updated_at     BIGINT  NOT NULL
        )
        """,
        "CREATE INDEX subscriptions_next_send ON subscriptions (next_send_utc, chat_id)",
    ),
    # 2: bookkeeping for bounded retries and for sends under way (and whose they are).
    (
        "ALTER TABLE subscriptions ADD COLUMN failures INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE subscriptions ADD COLUMN attempt_at BIGINT",
        "ALTER TABLE subscriptions ADD COLUMN claim_owner TEXT",
        "CREATE INDEX subscriptions_in_flight ON subscriptions (attempt_at) "
        "WHERE attempt_at IS NOT NULL",
    ),
    # 3: conversations, per chat (user_id 0) or per person in a group, until they expire.
    (
        """
        CREATE TABLE conversations (
            chat_id    BIGINT NOT NULL,
            user_id    BIGINT NOT NULL,
            state      TEXT   NOT NULL,
            expires_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            PRIMARY KEY (chat_id, user_id)
        )
        """,
        "CREATE INDEX conversations_expiry ON conversations (expires_at)",
    ),
    # 4: statistics, feedback, unanswered messages, tips that follow a person, announcements
    # (see bot.store_ops)
    POSTGRES_MIGRATION,
    # 5: guided routines running now (see bot.store_ops)
    POSTGRES_GUIDES_MIGRATION,
)
SCHEMA_VERSION = len(MIGRATIONS)
#: The table holding the schema version (one row).
VERSION_TABLE = "stretchbot_schema"
#: The advisory lock migrations hold: "StretchB" in ASCII.
MIGRATION_LOCK = 0x5374726574636842
#: How long one statement may take once the store is open (a stuck lock must not hang the bot).
STATEMENT_TIMEOUT = "30s"
#: The tables whose rows `delete` removes by chat id.
TABLES = ("subscriptions", "conversations")
#: The tables VACUUMed after /forget: every one a deletion may have taken a person's row from.
PERSONAL_TABLES = (*TABLES, *PERSON_TABLES, "stats_people")

_COLUMNS = (
    "chat_id, local_time, zone, next_send_utc, last_sent_date, tip_cursor, "
    "failures, attempt_at, created_at, updated_at"
)
#: "pid/backend start" of the session `a` (a row of pg_stat_activity), the same text whichever
#: session computes it: what a claim records as its owner.
_SESSION = "a.pid::text || '/' || extract(epoch FROM a.backend_start)::text"

Connection = psycopg.Connection[tuple[Any, ...]]


class PostgresStore(OpsQueries):
    """`BotStore` on PostgreSQL. Open with `PostgresStore.open(url)` (or `open_store`)."""

    shared = True

    def __init__(self, connection: Connection, url: str) -> None:
        self._db = connection
        self._url = url
        self._closed = False
        self.shown = masked_url(url)
        self._secrets = url_secrets(url)
        self.owner = _session_of(connection)

    def __repr__(self) -> str:
        return f"PostgresStore({self.shown!r})"

    @classmethod
    def open(cls, url: str) -> PostgresStore:
        """Connect to `url` and bring its schema up to date.

        Anything that would make the store unusable later (no server, a refused login, no
        such database, a newer schema, no right to write, a read-only server) is a
        `StoreError` now: one line with the URL, its password masked.
        """
        shown, secrets = masked_url(url), url_secrets(url)
        try:
            db = _connect(url)
        except psycopg.Error as exc:
            raise StoreError(
                f"cannot open the database {shown!r}: {_one_line(exc, secrets)}"
            ) from None
        try:
            migrate(db)
            _check_writable(db)
            db.execute(f"SET statement_timeout = '{STATEMENT_TIMEOUT}'")
            return cls(db, url)
        except (psycopg.Error, StoreError) as exc:
            db.close()
            raise StoreError(
                f"cannot use the database {shown!r}: {_one_line(exc, secrets)}"
            ) from None
        except BaseException:
            db.close()
            raise

    def _conn(self) -> Connection:
        """The connection, opened again if it was lost (the call that lost it has failed)."""
        if self._closed:
            raise psycopg.OperationalError("the store is closed")
        if self._db.closed or self._db.broken:
            self._db.close()
            log.warning("Reconnecting to the database %s", self.shown)
            self._db = _connect(self._url)
            self._db.execute(f"SET statement_timeout = '{STATEMENT_TIMEOUT}'")
            self.owner = _session_of(self._db)
        return self._db

    @property
    def schema_version(self) -> int:
        """The version recorded in `stretchbot_schema`."""
        return _version(self._conn())

    def _one(self, sql: str, params: Sequence[Any] | dict[str, Any]) -> Subscription | None:
        found = self._conn().execute(sql, params).fetchone()
        return _row(found) if found else None

    def _all(self, sql: str, params: Sequence[Any] | dict[str, Any]) -> list[Subscription]:
        return [_row(r) for r in self._conn().execute(sql, params).fetchall()]

    def _changed(self, sql: str, params: Sequence[Any] | dict[str, Any]) -> int:
        return self._conn().execute(sql, params).rowcount

    def get(self, chat_id: int) -> Subscription | None:
        """The subscription of `chat_id`, or None."""
        return self._one(f"SELECT {_COLUMNS} FROM subscriptions WHERE chat_id = %s", (chat_id,))

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
        saved = self._one(
            f"""
            INSERT INTO subscriptions
                (chat_id, local_time, zone, next_send_utc, failures, created_at, updated_at)
            VALUES (%s, %s, %s, %s, 0, %s, %s)
            ON CONFLICT (chat_id) DO UPDATE SET
                local_time = EXCLUDED.local_time,
                zone = EXCLUDED.zone,
                next_send_utc = EXCLUDED.next_send_utc,
                failures = 0,
                updated_at = EXCLUDED.updated_at
            RETURNING {_COLUMNS}
            """,
            (
                chat_id,
                local_time.strftime("%H:%M"),
                zone,
                None if next_send is None else _ts(next_send),
                stamp,
                stamp,
            ),
        )
        assert saved is not None
        return saved

    def delete(self, chat_id: int, *, scrub: bool = False) -> bool:
        """Remove everything stored about `chat_id` (its subscription and its conversations);
        True if there was anything.

        With `scrub` (what /forget asks for), VACUUM both tables afterwards, so the deleted row
        versions leave the tables now rather than when autovacuum comes (see the README for
        what that does and does not guarantee). Not on every delete: a VACUUM reads the table.
        """
        db = self._conn()
        with db.transaction():
            deleted = sum(
                db.execute(f"DELETE FROM {table} WHERE chat_id = %s", (chat_id,)).rowcount
                for table in TABLES
            )
            deleted += self._forget_ops(
                lambda sql, params: db.execute(sql.replace("?", "%s"), params), chat_id
            )
        if deleted and scrub:
            self.vacuum()
        return deleted > 0

    def vacuum(self) -> None:
        """VACUUM the tables with personal data, skipping any another VACUUM holds."""
        try:
            self._conn().execute(f"VACUUM (SKIP_LOCKED) {', '.join(PERSONAL_TABLES)}")
        except psycopg.Error as exc:  # the rows are deleted; autovacuum will come
            log.warning("VACUUM after a deletion failed: %s", _one_line(exc, self._secrets))

    def due(
        self, until: datetime, *, after: tuple[datetime, int] | None = None, limit: int = 500
    ) -> list[Subscription]:
        """Rows due at `until` with no send under way, in (next_send, chat_id) order.

        `after` is the (next_send, chat_id) of the last row of the previous page.
        """
        after_ts, after_id = (-1, -1) if after is None else (_ts(after[0]), after[1])
        return self._all(
            f"""
            SELECT {_COLUMNS} FROM subscriptions
            WHERE next_send_utc <= %s AND (next_send_utc, chat_id) > (%s, %s)
              AND attempt_at IS NULL
            ORDER BY next_send_utc, chat_id
            LIMIT %s
            """,
            (_ts(until), after_ts, after_id, limit),
        )

    def overdue(self, before: datetime, *, limit: int = 500) -> list[Subscription]:
        """Rows whose next send is earlier than `before`, with no send under way."""
        return self._all(
            f"""
            SELECT {_COLUMNS} FROM subscriptions
            WHERE next_send_utc < %s AND attempt_at IS NULL
            ORDER BY next_send_utc, chat_id
            LIMIT %s
            """,
            (_ts(before), limit),
        )

    def in_flight(self, started_before: datetime) -> list[Subscription]:
        """Rows with a send marked as started before `started_before`, unless the claim
        belongs to another database session that is still open (a live bot process)."""
        self._conn()  # a reconnect changes `owner`
        return self._all(
            f"""
            SELECT {_COLUMNS} FROM subscriptions s
            WHERE attempt_at < %(before)s
              AND (s.claim_owner IS NULL OR s.claim_owner = %(me)s OR NOT EXISTS (
                  SELECT 1 FROM pg_stat_activity a WHERE {_SESSION} = s.claim_owner))
            ORDER BY chat_id
            """,
            {"before": _ts(started_before), "me": self.owner},
        )

    def claim(self, chat_id: int, expected_next: datetime, now: datetime) -> bool:
        """Mark a send as under way (and ours) if the row is still due at `expected_next` and
        unclaimed. One statement; a row another process is claiming right now is skipped, not
        waited for: of any number of processes racing for a row, exactly one sees True."""
        db = self._conn()
        return (
            db.execute(
                """
                UPDATE subscriptions SET attempt_at = %(now)s, claim_owner = %(me)s
                WHERE chat_id = (
                    SELECT chat_id FROM subscriptions
                    WHERE chat_id = %(chat)s AND next_send_utc = %(expected)s
                      AND attempt_at IS NULL
                    FOR UPDATE SKIP LOCKED
                ) AND attempt_at IS NULL
                """,
                {
                    "now": _ts(now),
                    "me": self.owner,
                    "chat": chat_id,
                    "expected": _ts(expected_next),
                },
            ).rowcount
            == 1
        )

    def release(self, chat_id: int, claimed_at: datetime, now: datetime) -> bool:
        """Clear our claim: the send certainly did not happen (e.g. flood control)."""
        return (
            self._changed(
                """
                UPDATE subscriptions SET attempt_at = NULL, claim_owner = NULL, updated_at = %s
                WHERE chat_id = %s AND attempt_at = %s
                """,
                (_ts(now), chat_id, _ts(claimed_at)),
            )
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

        One statement. A person who turned daily tips off while their tip was under way stays
        off. False if someone else settled the claim first.
        """
        return (
            self._changed(
                """
                UPDATE subscriptions SET
                    last_sent_date = %s,
                    next_send_utc = CASE WHEN next_send_utc IS NULL THEN NULL ELSE %s::bigint END,
                    tip_cursor = tip_cursor + 1,
                    failures = 0,
                    attempt_at = NULL,
                    claim_owner = NULL,
                    updated_at = %s
                WHERE chat_id = %s AND attempt_at = %s
                """,
                (
                    sent_on.isoformat(),
                    None if next_send is None else _ts(next_send),
                    _ts(now),
                    chat_id,
                    _ts(claimed_at),
                ),
            )
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
            self._changed(
                """
                UPDATE subscriptions SET
                    failures = %s,
                    next_send_utc = CASE WHEN next_send_utc IS NULL THEN NULL ELSE %s::bigint END,
                    attempt_at = NULL,
                    claim_owner = NULL,
                    updated_at = %s
                WHERE chat_id = %s AND attempt_at = %s
                """,
                (
                    failures,
                    None if next_send is None else _ts(next_send),
                    _ts(now),
                    chat_id,
                    _ts(claimed_at),
                ),
            )
            == 1
        )

    def reschedule(self, moves: Sequence[tuple[int, datetime, datetime]], now: datetime) -> int:
        """Apply (chat_id, expected_next, next_send) moves to rows still at `expected_next` and
        not under way, in one transaction; return how many moved."""
        stamp = _ts(now)
        moved = 0
        db = self._conn()
        with db.transaction():
            for chat_id, expected_next, next_send in moves:
                moved += db.execute(
                    """
                    UPDATE subscriptions SET next_send_utc = %s, failures = 0, updated_at = %s
                    WHERE chat_id = %s AND next_send_utc = %s AND attempt_at IS NULL
                    """,
                    (_ts(next_send), stamp, chat_id, _ts(expected_next)),
                ).rowcount
        return moved

    def count(self) -> int:
        """How many people are subscribed right now."""
        found = (
            self._conn()
            .execute("SELECT count(*) FROM subscriptions WHERE next_send_utc IS NOT NULL")
            .fetchone()
        )
        return int(found[0]) if found else 0

    def load_conversation(self, chat_id: int, user_id: int, now: datetime) -> str | None:
        """The state saved for this conversation, unless there is none or it expired."""
        with self._conversation_errors():
            found = (
                self._conn()
                .execute(
                    "SELECT state FROM conversations "
                    "WHERE chat_id = %s AND user_id = %s AND expires_at > %s",
                    (chat_id, user_id, _ts(now)),
                )
                .fetchone()
            )
        return None if found is None else str(found[0])

    def save_conversation(
        self, chat_id: int, user_id: int, state: str | None, *, now: datetime, expires: datetime
    ) -> None:
        """Remember `state` until `expires` (replacing what was there); None forgets it."""
        with self._conversation_errors():
            if state is None:
                self._conn().execute(
                    "DELETE FROM conversations WHERE chat_id = %s AND user_id = %s",
                    (chat_id, user_id),
                )
                return
            self._conn().execute(
                """
                INSERT INTO conversations (chat_id, user_id, state, expires_at, updated_at)
                VALUES (%s, %s, %s, %s, %s)
                ON CONFLICT (chat_id, user_id) DO UPDATE SET
                    state = EXCLUDED.state,
                    expires_at = EXCLUDED.expires_at,
                    updated_at = EXCLUDED.updated_at
                """,
                (chat_id, user_id, state, _ts(expires), _ts(now)),
            )

    def purge_conversations(self, now: datetime) -> int:
        """Delete every conversation that expired at or before `now`; return how many."""
        with self._conversation_errors():
            return self._changed("DELETE FROM conversations WHERE expires_at <= %s", (_ts(now),))

    @contextmanager
    def _conversation_errors(self) -> Iterator[None]:
        try:
            yield
        except psycopg.Error as exc:
            raise StoreError(
                f"the database {self.shown!r} failed: {_one_line(exc, self._secrets)}"
            ) from None

    def _ops(self, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor[tuple[Any, ...]]:
        with self._conversation_errors():
            return self._conn().execute(sql.replace("?", "%s"), params)

    @contextmanager
    def _ops_transaction(self) -> Iterator[Any]:
        with self._conversation_errors():
            db = self._conn()
            with db.transaction():
                yield lambda sql, params: db.execute(sql.replace("?", "%s"), params)

    def close(self) -> None:
        """Close the connection (closing twice is harmless)."""
        self._closed = True
        self._db.close()


def _connect(url: str) -> Connection:
    """An autocommit connection; a connect timeout and an application name unless the URL
    sets its own."""
    options = conninfo_to_dict(url)
    defaults = {"connect_timeout": "10", "application_name": "stretchbot"}
    extra = {key: value for key, value in defaults.items() if key not in options}
    return psycopg.connect(make_conninfo(url, **extra), autocommit=True)


def _session_of(db: Connection) -> str:
    """This connection's session, as claims record their owner."""
    found = db.execute(
        f"SELECT {_SESSION} FROM pg_stat_activity a WHERE a.pid = pg_backend_pid()"
    ).fetchone()
    if found is None:  # pragma: no cover - a session always sees itself
        raise StoreError("cannot find our own session in pg_stat_activity")
    return str(found[0])


def _one_line(exc: BaseException, secrets: Sequence[str]) -> str:
    """A database error in one line, its password (if libpq quoted the URL) scrubbed."""
    return redact(" ".join(in_a_few_words(exc).split()), None, *secrets)


def _version(db: Connection) -> int:
    """The schema version: 0 for a database without our version table."""
    found = db.execute("SELECT to_regclass(%s)", (VERSION_TABLE,)).fetchone()
    if found is None or found[0] is None:
        return 0
    rows = db.execute(f"SELECT version FROM {VERSION_TABLE}").fetchall()
    if len(rows) != 1:
        raise StoreError(f"the table {VERSION_TABLE} should hold one row, it holds {len(rows)}")
    return int(rows[0][0])


def _refuse_newer(version: int) -> None:
    if version > len(MIGRATIONS):
        raise StoreError(
            f"the database has schema version {version}, but this bot knows versions up to "
            f"{len(MIGRATIONS)}; upgrade the bot or use another STRETCHBOT_DB"
        )


def migrate(db: Connection, target: int = SCHEMA_VERSION) -> int:
    """Run the migrations the database lacks, each in its own transaction; return the version.

    The advisory lock makes bot processes that start together take turns; each re-reads the
    version under it. A database newer than this code is refused rather than guessed at.
    """
    version = _version(db)
    _refuse_newer(version)
    while version < target:
        with db.transaction():
            db.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            db.execute(f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (version INTEGER NOT NULL)")
            if db.execute(f"SELECT count(*) FROM {VERSION_TABLE}").fetchone() == (0,):
                db.execute(f"INSERT INTO {VERSION_TABLE} (version) VALUES (0)")
            version = _version(db)
            _refuse_newer(version)
            if version < target:
                for statement in MIGRATIONS[version]:
                    db.execute(statement)
                version += 1
                db.execute(f"UPDATE {VERSION_TABLE} SET version = %s", (version,))
    return version


def _check_writable(db: Connection) -> None:
    """Insert, update and delete nothing in every table, in a transaction rolled back: a
    read-only server or a role without those rights is found at start-up, not at the first
    /daily or tick."""
    with db.transaction(force_rollback=True):
        for table in (VERSION_TABLE, *TABLES, *OPS_TABLES):
            db.execute(f"INSERT INTO {table} SELECT * FROM {table} WHERE false")
            db.execute(f"DELETE FROM {table} WHERE false")
        db.execute(f"UPDATE {VERSION_TABLE} SET version = version WHERE false")
        db.execute("UPDATE subscriptions SET attempt_at = attempt_at WHERE false")
        db.execute("UPDATE conversations SET state = state WHERE false")
