"""What running the bot for many people keeps: statistics, feedback, unanswered messages (opt-in),
tips that follow a person (opt-in) and announcements. Shared by both stores.

`OpsQueries` is a mixin of `bot.store.Store` (SQLite) and `bot.store_postgres.PostgresStore`:
its SQL is written once, with `?` placeholders, in the dialect both databases share (upserts
with `ON CONFLICT`, `RETURNING`), and runs through two small hooks each store provides. Every
method raises `StoreError` when the database fails, so a caller can log it and go on.

The tables (schema version 4; `SQLITE_MIGRATION` and `POSTGRES_MIGRATION` differ only in types):

| table | holds | kept |
|---|---|---|
| `stats_counts` | (UTC day, name, label) -> n: replies by kind, fallbacks, red flags by level... | `bot.stats.COUNTER_DAYS` |
| `stats_salts` | the random salt of the current ISO week | until the week is over |
| `stats_people` | (week, hash of a chat id under that week's salt, last day seen) | to the end of the next week |
| `feedback` | a vote: a random nonce the button carried, the intent and kind voted on, +1/-1, day | `FEEDBACK_DAYS` |
| `unanswered` | the text of a message not understood, truncated and scrubbed, and when | `STRETCHBOT_UNANSWERED_DAYS` |
| `tip_follow` | the chats whose daily tips follow what they ask about, since when | until they stop it, or /forget |
| `topic_counts` | per following chat: topic -> how many answers and stretches about it | as `tip_follow` |
| `announcements` | an announcement's text, state and counts (no recipients) | `ANNOUNCEMENT_DAYS` |
| `guides` | per conversation with a guided routine running: the process running it, the routine's plan, step and timer, and the process's last heartbeat (schema 5) | while it runs; taken over and deleted when its process stops beating |

No chat id is stored except in `tip_follow` and `topic_counts` (a person who opted in) and
`guides` (a routine running now, minutes at most), and `delete` (/forget, or a person who
blocked the bot) removes those rows and this week's hash.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from bot.stats import person_hash

#: how long votes are kept (buttons older than `bot.feedback.VOTE_DAYS` are refused anyway)
FEEDBACK_DAYS = 365
#: how long finished announcements are kept
ANNOUNCEMENT_DAYS = 365
#: an announcement in state "sending" with no progress for this long was cut off (a crash)
ANNOUNCEMENT_STALE_SECONDS = 600
#: the owner of a guided routine whose process stopped and handed it over
RELEASED = ""
#: the tables with rows about one chat, by chat id
PERSON_TABLES = ("tip_follow", "topic_counts", "guides")
#: every table of this module (the PostgreSQL store checks it can write to each at open)
OPS_TABLES = (
    "stats_counts",
    "stats_salts",
    "stats_people",
    "feedback",
    "unanswered",
    "tip_follow",
    "topic_counts",
    "announcements",
    "guides",
)

_COMMON = (
    """
    CREATE TABLE stats_counts (
        day   TEXT    NOT NULL,
        name  TEXT    NOT NULL,
        label TEXT    NOT NULL,
        n     {int}   NOT NULL,
        PRIMARY KEY (day, name, label)
    )
    """,
    "CREATE TABLE stats_salts (week TEXT PRIMARY KEY, salt TEXT NOT NULL)",
    """
    CREATE TABLE stats_people (
        week     TEXT NOT NULL,
        person   TEXT NOT NULL,
        last_day TEXT NOT NULL,
        PRIMARY KEY (week, person)
    )
    """,
    """
    CREATE TABLE feedback (
        nonce  TEXT    PRIMARY KEY,
        intent TEXT    NOT NULL,
        kind   TEXT    NOT NULL,
        vote   INTEGER NOT NULL,
        day    TEXT    NOT NULL
    )
    """,
    "CREATE INDEX feedback_day ON feedback (day)",
    """
    CREATE TABLE unanswered (
        id         {serial},
        text       TEXT  NOT NULL,
        created_at {int} NOT NULL
    )
    """,
    "CREATE INDEX unanswered_created ON unanswered (created_at)",
    "CREATE TABLE tip_follow (chat_id {int} PRIMARY KEY, since {int} NOT NULL)",
    """
    CREATE TABLE topic_counts (
        chat_id    {int}   NOT NULL,
        topic      TEXT    NOT NULL,
        n          INTEGER NOT NULL,
        updated_at {int}   NOT NULL,
        PRIMARY KEY (chat_id, topic)
    )
    """,
    """
    CREATE TABLE announcements (
        id         {serial},
        text       TEXT    NOT NULL,
        state      TEXT    NOT NULL,
        total      INTEGER NOT NULL DEFAULT 0,
        sent       INTEGER NOT NULL DEFAULT 0,
        failed     INTEGER NOT NULL DEFAULT 0,
        blocked    INTEGER NOT NULL DEFAULT 0,
        cursor     {int},
        created_at {int}   NOT NULL,
        updated_at {int}   NOT NULL
    )
    """,
    # at most one announcement is being sent at a time, whichever process sends it
    "CREATE UNIQUE INDEX announcements_one_sending ON announcements (state) "
    "WHERE state = 'sending'",
)

#: migration 4 on SQLite
SQLITE_MIGRATION = tuple(s.format(int="INTEGER", serial="INTEGER PRIMARY KEY") for s in _COMMON)
#: migration 4 on PostgreSQL
POSTGRES_MIGRATION = tuple(
    s.format(int="BIGINT", serial="BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
    for s in _COMMON
)

# 5: guided routines running now, so that another process (or the same one restarted) can
# tell the person where a routine stopped when the process that ran it is gone
_GUIDES = (
    """
    CREATE TABLE guides (
        chat_id {int} NOT NULL,
        user_id {int} NOT NULL,
        owner   TEXT  NOT NULL,
        state   TEXT  NOT NULL,
        beat    {int} NOT NULL,
        PRIMARY KEY (chat_id, user_id)
    )
    """,
    "CREATE INDEX guides_beat ON guides (beat)",
)
#: migration 5 on SQLite
SQLITE_GUIDES_MIGRATION = tuple(s.format(int="INTEGER") for s in _GUIDES)
#: migration 5 on PostgreSQL
POSTGRES_GUIDES_MIGRATION = tuple(s.format(int="BIGINT") for s in _GUIDES)


class _Rows(Protocol):
    """What both drivers' cursors offer."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


@dataclass(frozen=True, slots=True)
class Announcement:
    """One announcement: its text, where it is (draft, sending, done, cancelled, interrupted)
    and its counts; `cursor` is the last chat id it was sent to."""

    id: int
    text: str
    state: str
    total: int
    sent: int
    failed: int
    blocked: int
    cursor: int | None
    created_at: datetime
    updated_at: datetime


_ANNOUNCEMENT = "id, text, state, total, sent, failed, blocked, cursor, created_at, updated_at"


def _announcement(row: Sequence[Any] | None) -> Announcement | None:
    if row is None:
        return None
    values = list(row)
    values[8] = datetime.fromtimestamp(values[8], UTC)
    values[9] = datetime.fromtimestamp(values[9], UTC)
    return Announcement(*values)


def _ts(moment: datetime) -> int:
    if moment.tzinfo is None:
        raise ValueError(f"expected a timezone-aware datetime, found naive {moment!r}")
    return int(moment.timestamp())


class OpsQueries(Protocol):
    """The statistics, feedback, unanswered, follow and announcement queries of both stores.

    A store provides `_ops` (run one statement, `?` placeholders) and `_ops_transaction`
    (statements in one transaction, yielding a function that runs one), each turning a
    database failure into `StoreError`. A protocol with the queries as its default methods:
    both stores inherit them, and `bot.store.BotStore` includes them.
    """

    def _ops(self, sql: str, params: Sequence[Any] = ()) -> _Rows:
        raise NotImplementedError

    def _ops_transaction(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    # -- health ----------------------------------------------------------------------------

    def ping(self) -> None:
        """One trivial query: raises `StoreError` if the database cannot answer."""
        self._ops("SELECT 1").fetchone()

    # -- statistics ------------------------------------------------------------------------

    def week_salt(self, week: str) -> str:
        """The salt of `week` ("2025-W23"), made the first time it is asked for."""
        self._ops(
            "INSERT INTO stats_salts (week, salt) VALUES (?, ?) ON CONFLICT (week) DO NOTHING",
            (week, secrets.token_hex(16)),
        )
        return str(self._ops("SELECT salt FROM stats_salts WHERE week = ?", (week,)).fetchone()[0])

    def add_stats(
        self,
        counts: Mapping[tuple[str, str, str], int],
        people: Mapping[str, Mapping[str, str]],
    ) -> None:
        """Add counters ((day, name, label) -> n) and people (week -> hash -> last day seen),
        in one transaction."""
        with self._ops_transaction() as run:
            for (day, name, label), n in counts.items():
                run(
                    "INSERT INTO stats_counts (day, name, label, n) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (day, name, label) DO UPDATE SET n = stats_counts.n + excluded.n",
                    (day, name, label, n),
                )
            for week, seen in people.items():
                for person, day in seen.items():
                    run(
                        "INSERT INTO stats_people (week, person, last_day) VALUES (?, ?, ?) "
                        "ON CONFLICT (week, person) DO UPDATE SET last_day = excluded.last_day",
                        (week, person, day),
                    )

    def stats_counts(self, since_day: str) -> list[tuple[str, str, str, int]]:
        """Every counter row from day `since_day` on: (day, name, label, n)."""
        rows = self._ops(
            "SELECT day, name, label, n FROM stats_counts WHERE day >= ? ORDER BY day, name, label",
            (since_day,),
        ).fetchall()
        return [(str(d), str(name), str(label), int(n)) for d, name, label, n in rows]

    def people_count(self, week: str, day: str | None = None) -> int:
        """How many distinct chats wrote in `week` (or, with `day`, on that day of it)."""
        if day is None:
            row = self._ops("SELECT count(*) FROM stats_people WHERE week = ?", (week,))
        else:
            row = self._ops(
                "SELECT count(*) FROM stats_people WHERE week = ? AND last_day = ?", (week, day)
            )
        return int(row.fetchone()[0])

    def purge_stats(self, *, before_day: str, before_week: str, salts_before: str) -> None:
        """Delete counters before `before_day`, people rows of weeks before `before_week`, and
        the salts of weeks before `salts_before` (the current week: a past week's hashes then
        belong to nobody anyone can name)."""
        with self._ops_transaction() as run:
            run("DELETE FROM stats_counts WHERE day < ?", (before_day,))
            run("DELETE FROM stats_people WHERE week < ?", (before_week,))
            run("DELETE FROM stats_salts WHERE week < ?", (salts_before,))

    # -- feedback --------------------------------------------------------------------------

    def record_vote(self, nonce: str, intent: str, kind: str, vote: int, day: str) -> bool:
        """Store a vote; False if this message (its nonce) was voted on already."""
        return (
            self._ops(
                "INSERT INTO feedback (nonce, intent, kind, vote, day) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (nonce) DO NOTHING",
                (nonce, intent, kind, vote, day),
            ).rowcount
            == 1
        )

    def votes(self, since_day: str) -> list[tuple[str, str, int, int]]:
        """Votes from day `since_day` on, grouped: (intent, kind, vote, how many)."""
        rows = self._ops(
            "SELECT intent, kind, vote, count(*) FROM feedback WHERE day >= ? "
            "GROUP BY intent, kind, vote ORDER BY count(*) DESC, intent, vote",
            (since_day,),
        ).fetchall()
        return [(str(i), str(k), int(v), int(n)) for i, k, v, n in rows]

    def purge_votes(self, before_day: str) -> int:
        """Delete votes of days before `before_day`."""
        return self._ops("DELETE FROM feedback WHERE day < ?", (before_day,)).rowcount

    # -- unanswered messages (opt-in) ------------------------------------------------------

    def add_unanswered(self, text: str, now: datetime) -> None:
        """Keep the (already truncated and scrubbed) text of a message not understood."""
        self._ops("INSERT INTO unanswered (text, created_at) VALUES (?, ?)", (text, _ts(now)))

    def unanswered(self, since: datetime, limit: int = 10_000) -> list[tuple[str, datetime]]:
        """The newest kept texts since `since`: (text, when), newest first."""
        rows = self._ops(
            "SELECT text, created_at FROM unanswered WHERE created_at >= ? "
            "ORDER BY created_at DESC, id DESC LIMIT ?",
            (_ts(since), limit),
        ).fetchall()
        return [(str(text), datetime.fromtimestamp(at, UTC)) for text, at in rows]

    def purge_unanswered(self, before: datetime) -> int:
        """Delete kept texts older than `before`; how many."""
        return self._ops("DELETE FROM unanswered WHERE created_at < ?", (_ts(before),)).rowcount

    # -- tips that follow a person (opt-in) ------------------------------------------------

    def set_following(self, chat_id: int, on: bool, now: datetime) -> None:
        """Start (keeping counts) or stop (deleting them) tips that follow what a chat asks."""
        if on:
            self._ops(
                "INSERT INTO tip_follow (chat_id, since) VALUES (?, ?) "
                "ON CONFLICT (chat_id) DO NOTHING",
                (chat_id, _ts(now)),
            )
            return
        with self._ops_transaction() as run:
            for table in PERSON_TABLES:
                run(f"DELETE FROM {table} WHERE chat_id = ?", (chat_id,))

    def following(self, chat_id: int) -> bool:
        """True if the chat's tips follow what it asks about."""
        found = self._ops("SELECT 1 FROM tip_follow WHERE chat_id = ?", (chat_id,)).fetchone()
        return found is not None

    def count_following(self) -> int:
        """How many chats have tips that follow them."""
        return int(self._ops("SELECT count(*) FROM tip_follow").fetchone()[0])

    def bump_topic(self, chat_id: int, topic: str, now: datetime) -> bool:
        """Count one answer or stretch about `topic`, if the chat follows; True if counted.
        One statement, which writes nothing for a chat that does not follow."""
        return (
            self._ops(
                "INSERT INTO topic_counts (chat_id, topic, n, updated_at) "
                "SELECT ?, ?, 1, ? WHERE EXISTS (SELECT 1 FROM tip_follow WHERE chat_id = ?) "
                "ON CONFLICT (chat_id, topic) DO UPDATE SET "
                "n = topic_counts.n + 1, updated_at = excluded.updated_at",
                (chat_id, topic, _ts(now), chat_id),
            ).rowcount
            == 1
        )

    def topic_counts(self, chat_id: int) -> dict[str, int]:
        """Topic -> count for a chat, most asked first."""
        rows = self._ops(
            "SELECT topic, n FROM topic_counts WHERE chat_id = ? ORDER BY n DESC, topic",
            (chat_id,),
        ).fetchall()
        return {str(topic): int(n) for topic, n in rows}

    def reset_topics(self, chat_id: int) -> int:
        """Forget a chat's topic counts (it keeps following); how many topics there were."""
        return self._ops("DELETE FROM topic_counts WHERE chat_id = ?", (chat_id,)).rowcount

    # -- daily tips, as operations sees them ----------------------------------------------

    def count_due(self, now: datetime) -> int:
        """Tips due at `now` and not under way: the backlog."""
        found = self._ops(
            "SELECT count(*) FROM subscriptions WHERE next_send_utc <= ? AND attempt_at IS NULL",
            (_ts(now),),
        ).fetchone()
        return int(found[0])

    def subscribers_after(self, chat_id: int | None, limit: int = 200) -> list[int]:
        """Chat ids with daily tips on, after `chat_id`, in order: a page of recipients."""
        rows = self._ops(
            "SELECT chat_id FROM subscriptions WHERE next_send_utc IS NOT NULL AND chat_id > ? "
            "ORDER BY chat_id LIMIT ?",
            (-(2**62) if chat_id is None else chat_id, limit),
        ).fetchall()
        return [int(row[0]) for row in rows]

    # -- announcements ---------------------------------------------------------------------

    def create_announcement(self, text: str, total: int, now: datetime) -> int:
        """A draft announcement; its id."""
        row = self._ops(
            "INSERT INTO announcements (text, state, total, created_at, updated_at) "
            "VALUES (?, 'draft', ?, ?, ?) RETURNING id",
            (text, total, _ts(now), _ts(now)),
        ).fetchone()
        return int(row[0])

    def announcement(self, announcement_id: int) -> Announcement | None:
        """One announcement by id."""
        return _announcement(
            self._ops(
                f"SELECT {_ANNOUNCEMENT} FROM announcements WHERE id = ?", (announcement_id,)
            ).fetchone()
        )

    def latest_announcement(self) -> Announcement | None:
        """The most recent announcement that was not a mere draft."""
        return _announcement(
            self._ops(
                f"SELECT {_ANNOUNCEMENT} FROM announcements WHERE state <> 'draft' "
                "ORDER BY id DESC LIMIT 1"
            ).fetchone()
        )

    def sending_announcement(self) -> Announcement | None:
        """The announcement being sent, if one is."""
        return _announcement(
            self._ops(
                f"SELECT {_ANNOUNCEMENT} FROM announcements WHERE state = 'sending'"
            ).fetchone()
        )

    def start_announcement(self, announcement_id: int, now: datetime) -> bool:
        """Draft -> sending, unless another announcement is being sent (or this one is not a
        draft any more): a compare-and-set, which the unique index makes hold across
        processes."""
        from bot.store import StoreError

        try:
            return (
                self._ops(
                    "UPDATE announcements SET state = 'sending', updated_at = ? "
                    "WHERE id = ? AND state = 'draft' "
                    "AND NOT EXISTS (SELECT 1 FROM announcements WHERE state = 'sending')",
                    (_ts(now), announcement_id),
                ).rowcount
                == 1
            )
        except StoreError:
            if self.sending_announcement() is not None:
                return False  # another process started one at the same moment
            raise

    def cancel_announcement(self, announcement_id: int, now: datetime) -> bool:
        """Draft -> cancelled."""
        return (
            self._ops(
                "UPDATE announcements SET state = 'cancelled', updated_at = ? "
                "WHERE id = ? AND state = 'draft'",
                (_ts(now), announcement_id),
            ).rowcount
            == 1
        )

    def announcement_progress(
        self,
        announcement_id: int,
        *,
        cursor: int,
        sent: int,
        failed: int,
        blocked: int,
        now: datetime,
        state: str = "sending",
    ) -> None:
        """Record how far a sending announcement got (and, with `state`, that it ended)."""
        self._ops(
            "UPDATE announcements SET cursor = ?, sent = ?, failed = ?, blocked = ?, state = ?, "
            "updated_at = ? WHERE id = ? AND state = 'sending'",
            (cursor, sent, failed, blocked, state, _ts(now), announcement_id),
        )

    def finish_announcement(self, announcement_id: int, state: str, now: datetime) -> None:
        """Sending -> `state` (done, interrupted), keeping the counts."""
        self._ops(
            "UPDATE announcements SET state = ?, updated_at = ? WHERE id = ? AND state = 'sending'",
            (state, _ts(now), announcement_id),
        )

    def interrupt_stale_announcements(self, before: datetime) -> int:
        """Sending announcements with no progress since `before` were cut off: interrupted."""
        return self._ops(
            "UPDATE announcements SET state = 'interrupted' "
            "WHERE state = 'sending' AND updated_at < ?",
            (_ts(before),),
        ).rowcount

    def purge_announcements(self, before: datetime) -> int:
        """Delete announcements (not being sent) last changed before `before`."""
        return self._ops(
            "DELETE FROM announcements WHERE state <> 'sending' AND updated_at < ?",
            (_ts(before),),
        ).rowcount

    # -- guided routines running now (see bot.telegram.guide_book) --------------------------

    def take_guide(self, chat_id: int, user_id: int, owner: str, state: str, now: datetime) -> None:
        """`owner` runs the conversation's routine now (replacing whoever ran one there)."""
        self._ops(
            "INSERT INTO guides (chat_id, user_id, owner, state, beat) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (chat_id, user_id) DO UPDATE SET owner = excluded.owner, "
            "state = excluded.state, beat = excluded.beat",
            (chat_id, user_id, owner, state, _ts(now)),
        )

    def keep_guide(self, chat_id: int, user_id: int, owner: str, state: str, now: datetime) -> bool:
        """Update the routine's state if `owner` still runs it; False if it ended or another
        process took it over."""
        return (
            self._ops(
                "UPDATE guides SET state = ?, beat = ? "
                "WHERE chat_id = ? AND user_id = ? AND owner = ?",
                (state, _ts(now), chat_id, user_id, owner),
            ).rowcount
            > 0
        )

    def end_guide(self, chat_id: int, user_id: int, owner: str | None = None) -> bool:
        """The conversation's routine ended (only if `owner` runs it, when given); True if
        there was one."""
        if owner is None:
            found = self._ops(
                "DELETE FROM guides WHERE chat_id = ? AND user_id = ?", (chat_id, user_id)
            )
        else:
            found = self._ops(
                "DELETE FROM guides WHERE chat_id = ? AND user_id = ? AND owner = ?",
                (chat_id, user_id, owner),
            )
        return found.rowcount > 0

    def guide_owner(self, chat_id: int, user_id: int) -> str | None:
        """Who runs the conversation's routine, if anyone."""
        found = self._ops(
            "SELECT owner FROM guides WHERE chat_id = ? AND user_id = ?", (chat_id, user_id)
        ).fetchone()
        return None if found is None else str(found[0])

    def beat_guides(self, owner: str, now: datetime) -> set[tuple[int, int]]:
        """`owner` is alive: stamp its routines; the conversations it still runs."""
        rows = self._ops(
            "UPDATE guides SET beat = ? WHERE owner = ? RETURNING chat_id, user_id",
            (_ts(now), owner),
        ).fetchall()
        return {(int(chat), int(user)) for chat, user in rows}

    def release_guides(self, owner: str) -> int:
        """`owner` is stopping: its routines are for any other process to take at once (they
        keep their last beat)."""
        return self._ops("UPDATE guides SET owner = ? WHERE owner = ?", (RELEASED, owner)).rowcount

    def claim_guides(
        self, owner: str, stale_before: datetime
    ) -> list[tuple[int, int, str, datetime]]:
        """Take (and delete) the routines of other processes that last beat before
        `stale_before`, and those released: (chat id, user id, state, last beat). Each goes to
        one taker only."""
        rows = self._ops(
            "DELETE FROM guides WHERE (beat < ? OR owner = ?) AND owner <> ? "
            "RETURNING chat_id, user_id, state, beat",
            (_ts(stale_before), RELEASED, owner),
        ).fetchall()
        return [
            (int(chat), int(user), str(state), datetime.fromtimestamp(int(beat), UTC))
            for chat, user, state, beat in rows
        ]

    # -- /forget ---------------------------------------------------------------------------

    def _forget_ops(self, run: Any, chat_id: int) -> int:
        """Inside the store's delete transaction: the chat's follow rows and this week's hash
        (the only week with a salt left). Returns how many rows went."""
        deleted = 0
        for table in PERSON_TABLES:
            deleted += run(f"DELETE FROM {table} WHERE chat_id = ?", (chat_id,)).rowcount
        for week, salt in run("SELECT week, salt FROM stats_salts", ()).fetchall():
            deleted += run(
                "DELETE FROM stats_people WHERE week = ? AND person = ?",
                (week, person_hash(str(salt), chat_id)),
            ).rowcount
        return deleted
