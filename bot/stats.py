"""Usage statistics without keeping who: counters per day, and people counted by a weekly salt.

What `/stats` shows comes from two kinds of rows in the store (`bot.store_ops`):

- counters: (UTC day, name, label) -> n, e.g. ("2025-06-02", "reply", "answer") -> 41. Names
  are `COUNTER_NAMES`; labels are reply kinds, red-flag levels and the like, never a chat id,
  a user id or a word a person wrote. Kept `COUNTER_DAYS` days.
- people: to count distinct chats in a week without storing their ids, each chat id is hashed
  with a random salt that belongs to the ISO week (HMAC-SHA-256, cut to 20 hex digits) and
  only the hash is stored. Within the week the same chat gives the same hash, so it is counted
  once; a new week has a new salt, so its hashes cannot be linked to the last week's. The salt
  of a week is deleted once the week is over; from then on nobody, the operator included, can
  tell whose a hash was. Rows are kept until the end of the following week (for "last week").
  While the week lasts, someone holding the database could test whether a given chat id wrote
  this week (by hashing it with the salt); /forget deletes the chat's hash of this week.

A `Tally` collects counts in memory between flushes (a job every `FLUSH_SECONDS`, /stats, and
shutdown), so a message costs no database write of its own; a crash loses at most that much.
"""

from __future__ import annotations

import hashlib
import hmac
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

#: what a counter counts (its label says which one)
COUNTER_NAMES = ("update", "reply", "fallback", "red_flag", "vote", "daily", "announcement")
#: how long the daily counters are kept
COUNTER_DAYS = 56
#: how often the in-memory tally is written to the store
FLUSH_SECONDS = 15.0
#: how long a hash in the people rows is
PERSON_HASH_HEX = 20


def day_of(moment: datetime) -> str:
    """The UTC day of `moment` (timezone-aware), as stored: "2025-06-02"."""
    return moment.astimezone(UTC).date().isoformat()


def week_of(day: date) -> str:
    """The ISO week of `day`, sortable as text: "2025-W23"."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_start(day: date) -> date:
    """The Monday of the ISO week of `day`."""
    return day - timedelta(days=day.isoweekday() - 1)


def person_hash(salt: str, chat_id: int) -> str:
    """The chat's hash under a week's salt: the same all week, unlinkable once the salt is gone."""
    digest = hmac.new(salt.encode(), str(chat_id).encode(), hashlib.sha256).hexdigest()
    return digest[:PERSON_HASH_HEX]


@dataclass
class Tally:
    """Counts waiting to be written: counters by (day, name, label), and chats seen by week.

    The chat ids are held in memory only until the next flush, which stores their hashes.
    """

    counts: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    #: week -> chat id -> the last day it was seen
    people: dict[str, dict[int, str]] = field(default_factory=dict)

    def count(self, moment: datetime, name: str, label: str, n: int = 1) -> None:
        """Add `n` to the counter `name`/`label` of the day of `moment`."""
        self.counts[(day_of(moment), name, label)] += n

    def saw(self, moment: datetime, chat_id: int) -> None:
        """A message from `chat_id` at `moment`."""
        day = day_of(moment)
        self.people.setdefault(week_of(date.fromisoformat(day)), {})[chat_id] = day

    def forget(self, chat_id: int) -> None:
        """Drop a chat that asked to be forgotten before its hash is ever written."""
        for seen in self.people.values():
            seen.pop(chat_id, None)

    def take(self) -> Tally:
        """Everything collected so far, leaving this tally empty."""
        taken = Tally(self.counts, self.people)
        self.counts, self.people = Counter(), {}
        return taken

    def merge(self, other: Tally) -> None:
        """Put back what a failed flush took."""
        self.counts.update(other.counts)
        for week, seen in other.people.items():
            mine = self.people.setdefault(week, {})
            for chat_id, day in seen.items():
                mine[chat_id] = max(day, mine.get(chat_id, day))

    def __bool__(self) -> bool:
        return bool(self.counts) or any(self.people.values())


@dataclass(frozen=True, slots=True)
class Summary:
    """What /stats shows for one period, from the stored counters."""

    replies: dict[str, int]
    fallbacks: dict[str, int]
    red_flags: dict[str, int]
    votes: dict[str, int]
    daily: dict[str, int]

    @property
    def answered_messages(self) -> int:
        return sum(self.replies.values())

    @property
    def fallback_rate(self) -> float:
        """Share of replies that were "not understood" fallbacks (0 with no replies)."""
        total = sum(self.replies.values())
        return self.replies.get("fallback", 0) / total if total else 0.0


def summarise(rows: Iterable[tuple[str, str, str, int]], since: str) -> Summary:
    """Sum stored (day, name, label, n) rows from day `since` on into a `Summary`."""
    sums: dict[str, Counter[str]] = {name: Counter() for name in COUNTER_NAMES}
    for day, name, label, n in rows:
        if day >= since and name in sums:
            sums[name][label] += n
    return Summary(
        replies=dict(sums["reply"]),
        fallbacks=dict(sums["fallback"]),
        red_flags=dict(sums["red_flag"]),
        votes=dict(sums["vote"]),
        daily=dict(sums["daily"]),
    )
