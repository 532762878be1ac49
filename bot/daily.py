"""Daily stretch tips, without Telegram: commands, schedules across time zones, and the tick.

A person subscribes with `/daily on [HH:MM] [ZONE]`; we store their local time and zone and the
next send time in UTC. One repeating `tick` asks the store which rows are due (through the
index on the next send time), sends each tip through an injected `send` coroutine, and records
the send together with the next send time in one transaction. Every function takes the clock
as an argument, so tests move time instead of waiting for it.

Schedules
    The next send is computed in the person's zone with `zoneinfo`, one local date at a time.
    A local time that does not exist on spring-forward day (02:30 in Berlin) is sent at the
    first valid instant after it (03:00); an ambiguous one on fall-back day is sent once, at
    its first occurrence. A send is only ever scheduled for a local date later than the last
    one sent, so no date gets two tips whatever the clocks do.

Catch-up
    A bot that was down at someone's send time sends that day's tip once when it is back, if
    that is within the catch-up window (default 6 hours) of the scheduled time; later than
    that, the day is skipped. Only the most recent day is ever considered: never a backlog.

Failures
    Flood control (Telegram's 429 "retry after") pauses every send for the time asked and
    tries again. A person who blocked the bot is removed from the store. Telegram down (the
    network, a 5xx, after the bot's own retries) leaves the row due and untried, and ends the
    tick's sending: the next tick tries again, and the tip goes out once Telegram is back, if
    that is within the catch-up window of its scheduled time; an outage is never counted
    against the person. Any other error (a request Telegram refuses) leaves the row due, to be
    tried again on a later tick; after `max_tries` such failures that day's tip is given up
    and the next day is scheduled.

Ticks
    A tick hands rows one at a time to a small pool of senders, so one slow answer holds up one
    sender, not the broadcast. It takes on rows for at most `budget` seconds (the Telegram layer
    passes the tick interval, so shutting down never waits for a whole broadcast) and calls
    `on_fed` once only sends already under way remain, so the next tick may start beside it.
    Once `stopping()` is true it takes on no more rows, and the sends under way end as usual:
    a stopping bot waits for them (`bot.telegram.daily.DailyTick.finish`) before it closes the
    store, so a stop leaves no claim behind.

Exactly once, and the window that remains
    Telegram offers no idempotency key, so no design can be exactly-once in every possible
    crash; the question is where the unavoidable window sits and how small it is.

    1. A sender first waits for the shared `Pacer` (sends evenly spaced, at most `rate` a
       second), so that once it commits to a send nothing else should hold the request back.
       PTB's `AIORateLimiter` still guards every request of the bot; since our sends are
       already spaced below its rate, it has no reason to queue them.
    2. Then it *claims* the row: a compare-and-set that writes `attempt_at` (committed, with
       `synchronous=FULL`) only if the row is still due and unclaimed. Of two ticks racing for
       the same row, in one process or two, exactly one wins; the loser sends nothing.
    3. Then it sends. On success one statement records the local date sent, the next send
       time and the moved cursor, and clears the claim (only if the claim is still its own).
    4. A claim found at start-up (the process died between 2 and 3) is counted as delivered:
       the request left microseconds after the claim was committed, so a crash in between is
       far less likely than one while we waited for the answer, when Telegram had the message.
       The crash test (tests/e2e/test_daily_crash.py) kills the bot at exactly that moment.

    What remains, honestly:
    - A process killed between committing the claim and the request reaching Telegram loses
      that person's tip for the day. Normally that is microseconds; it grows if the request
      waits inside PTB's rate limiter, which happens only when other traffic pushed the bot
      past the limit, or while the limiter itself waits out a flood-control pause and retries.
    - A request whose answer never comes back (read timeout) is counted as delivered, like a
      crash, for the same reason; if Telegram in fact never got it, that tip is lost.
    - The bot's rate limiter retries a request whose connection dropped. If Telegram had
      processed it before the connection died, that person sees the tip twice.
    We chose the side of the window on purpose: recording only after the answer would resend
    whenever the process died while the answer was on its way back, a round trip wide, and a
    repeat is the worse outcome. Power loss is covered by `synchronous=FULL` (SQLite) or the
    server's own durability (PostgreSQL).

Several processes
    On PostgreSQL any number of bot processes tick on one database. Every one of them pages
    through the same due rows; the claim (one statement, `FOR UPDATE SKIP LOCKED`) lets exactly
    one process have each row, and the others count a lost race and move on. Step 4 needs
    care: a claim found at start-up may belong to a process that is alive and sending, so the
    PostgreSQL store's `in_flight` only returns claims whose database session has ended (the
    process died) or that are its own. Each process paces its own sends: with N processes,
    give each `RATE_LIMIT_PER_SECOND` a share of Telegram's limit. SQLite serves one process.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import math
import re
import time as _time
import zoneinfo
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo

from bot.store import Subscription, SubscriptionStore

log = logging.getLogger(__name__)

USAGE = (
    "Usage: /daily on [HH:MM] [ZONE] · /daily off · /daily zone ZONE · /daily "
    "(e.g. /daily on 07:30 Europe/Berlin, or /daily on 07:30 +02:00)"
)

Clock = Callable[[], datetime]
Send = Callable[[Subscription], Awaitable[None]]

_TIME_RE = re.compile(r"([01]?\d|2[0-3])[:.]([0-5]\d)")
_OFFSET_RE = re.compile(r"(?:utc|gmt)?\s*([+-])(\d{1,2})(?::?(\d{2}))?", re.IGNORECASE)
_FREE_TIME_RE = re.compile(
    r"\b(?:([01]?\d|2[0-3])[:.]([0-5]\d)\s*(am|pm)?|(1[0-2]|0?[1-9])\s*(am|pm))\b",
    re.IGNORECASE,
)


def utc_now() -> datetime:
    """The real clock: now, timezone-aware, in UTC."""
    return datetime.now(UTC)


class UsageError(ValueError):
    """A `/daily` command we cannot read. Nothing was changed; show `problem` and `usage`."""

    def __init__(self, problem: str, usage: str = USAGE) -> None:
        super().__init__(f"{problem}\n{usage}")
        self.problem = problem
        self.usage = usage


@dataclass(frozen=True, slots=True)
class DailyCommand:
    """A parsed `/daily` command: action is "status", "on", "off" or "zone"."""

    action: str
    at: time | None = None
    zone: str | None = None


@dataclass(frozen=True, slots=True)
class Defaults:
    """What a person gets before they choose: the send time and the time zone."""

    at: time = time(8, 0)
    zone: str = "UTC"


# --- reading what people type -------------------------------------------------------------


def parse_time(text: str) -> time:
    """ "7:30" or "07:30" (24-hour) -> time(7, 30); anything else raises UsageError."""
    match = _TIME_RE.fullmatch(text.strip())
    if not match:
        raise UsageError(f"“{text}” is not a time I can read: use HH:MM, 24-hour, like 07:30.")
    return time(int(match[1]), int(match[2]))


@functools.cache
def _zone_names() -> dict[str, str]:
    """Every IANA zone name tzdata knows, keyed by its lower-case form."""
    return {name.lower(): name for name in zoneinfo.available_timezones()}


def parse_zone(text: str) -> str:
    """An IANA zone ("europe/berlin" -> "Europe/Berlin"), "UTC", or an offset ("+2" -> "+02:00").

    Raises UsageError for anything else, saying what was expected.
    """
    raw = text.strip()
    if raw.upper() in ("UTC", "GMT", "Z"):
        return "UTC"
    offset = _OFFSET_RE.fullmatch(raw)
    if offset:
        sign, hours, minutes = offset[1], int(offset[2]), int(offset[3] or 0)
        if hours > 14 or minutes >= 60 or (hours == 14 and minutes):
            raise UsageError(f"“{text}” is not a UTC offset: use one from -12:00 to +14:00.")
        return f"{sign}{hours:02d}:{minutes:02d}"
    name = _zone_names().get(raw.lower())
    if name is None:
        raise UsageError(
            f"I don't know the time zone “{text}”: use a name like Europe/Berlin or "
            "America/New_York, or an offset like +02:00."
        )
    return name


def load_zone(name: str) -> tzinfo:
    """The tzinfo for a name `parse_zone` returned."""
    offset = _OFFSET_RE.fullmatch(name)
    if offset and name[:1] in "+-":
        sign = -1 if offset[1] == "-" else 1
        delta = timedelta(hours=int(offset[2]), minutes=int(offset[3] or 0))
        return timezone(sign * delta, f"UTC{name}")
    return zoneinfo.ZoneInfo(name)


def zone_label(name: str) -> str:
    """How a zone is shown to people: "Europe/Berlin", "UTC+02:00"."""
    return f"UTC{name}" if name[:1] in "+-" else name


def parse_args(args: Sequence[str]) -> DailyCommand:
    """The words after `/daily`. Raises UsageError (carrying the usage line) on bad input."""
    words = [word for word in args if word.strip()]
    if not words or (len(words) == 1 and words[0].lower() == "status"):
        return DailyCommand("status")
    action, rest = words[0].lower(), words[1:]
    if action == "off":
        if rest:
            raise UsageError("/daily off takes nothing after it.")
        return DailyCommand("off")
    if action == "zone":
        if len(rest) != 1:
            raise UsageError("Tell me one time zone, like /daily zone Europe/Berlin.")
        return DailyCommand("zone", zone=parse_zone(rest[0]))
    if action != "on":
        raise UsageError(f"I don't know “/daily {words[0]}”.")
    at: time | None = None
    zone: str | None = None
    for word in rest:
        if at is None and _looks_like_time(word):
            at = parse_time(word)
        elif zone is None and not _looks_like_time(word):
            zone = parse_zone(word)
        else:
            raise UsageError(f"I don't know what to do with “{word}”.")
    return DailyCommand("on", at=at, zone=zone)


def _looks_like_time(word: str) -> bool:
    # "25:99" must be read as a bad time, not as an unknown zone.
    return bool(re.fullmatch(r"\d{1,2}[:.]\d{1,2}", word.strip()))


def time_in_text(text: str) -> time | None:
    """A send time mentioned in free text ("every day at 7:30", "at 7am"), if exactly one."""
    found: list[time] = []
    for match in _FREE_TIME_RE.finditer(text):
        if match[4]:
            hour, minute, meridiem = int(match[4]), 0, match[5]
        else:
            hour, minute, meridiem = int(match[1]), int(match[2]), match[3]
        if meridiem:
            if hour > 12:
                continue
            hour = hour % 12 + (12 if meridiem.lower() == "pm" else 0)
        found.append(time(hour, minute))
    return found[0] if len(set(found)) == 1 else None


# --- schedules ----------------------------------------------------------------------------


def local_instant(day: date, at: time, tz: tzinfo) -> datetime:
    """The UTC instant of wall time `at` on `day` in `tz`.

    Ambiguous (fall back): the first occurrence. Non-existent (spring forward): the first valid
    instant after it, i.e. the moment the clocks jump.
    """
    wall = datetime.combine(day, at)
    first = wall.replace(tzinfo=tz, fold=0).astimezone(UTC)
    if first.astimezone(tz).replace(tzinfo=None) == wall:
        return first
    # In a gap, fold=0 and fold=1 read the wall time with the offsets before and after the
    # jump; the jump lies between the two readings. Find the first second at or past `wall`.
    second = wall.replace(tzinfo=tz, fold=1).astimezone(UTC)
    low, high = sorted((int(first.timestamp()), int(second.timestamp())))
    while low < high:
        middle = (low + high) // 2
        shown = datetime.fromtimestamp(middle, tz).replace(tzinfo=None)
        if shown >= wall:
            high = middle
        else:
            low = middle + 1
    return datetime.fromtimestamp(low, UTC)


def _occurrence(day: date, at: time, tz: tzinfo) -> datetime | None:
    """The send instant for local date `day`, or None if that date has no such time at all."""
    instant = local_instant(day, at, tz)
    return instant if instant.astimezone(tz).date() == day else None


def next_send(at: time, tz: tzinfo, after: datetime, last_sent: date | None) -> datetime:
    """The first send instant later than `after` on a local date later than `last_sent`."""
    start = after.astimezone(tz).date() - timedelta(days=1)
    for offset in range(8):
        day = start + timedelta(days=offset)
        if last_sent is not None and day <= last_sent:
            continue
        instant = _occurrence(day, at, tz)
        if instant is not None and instant > after:
            return instant
    raise ValueError(f"no send time found for {at} in {tz} after {after}")  # pragma: no cover


def latest_send(at: time, tz: tzinfo, now: datetime, last_sent: date | None) -> datetime | None:
    """The most recent send instant at or before `now` on a date later than `last_sent`."""
    today = now.astimezone(tz).date()
    for offset in range(3):
        day = today - timedelta(days=offset)
        if last_sent is not None and day <= last_sent:
            return None
        instant = _occurrence(day, at, tz)
        if instant is not None and instant <= now:
            return instant
    return None


def catch_up_target(
    sub: Subscription, now: datetime, window: timedelta, default_zone: str
) -> datetime:
    """Where an overdue row goes: today's send if still within the window, else the next one."""
    tz = load_zone(sub.zone or default_zone)
    recent = latest_send(sub.local_time, tz, now, sub.last_sent)
    if recent is not None and now - recent <= window:
        return recent
    return next_send(sub.local_time, tz, now, sub.last_sent)


def sending_date(sub: Subscription, default_zone: str) -> date:
    """The local date the pending send of `sub` is for."""
    assert sub.next_send is not None
    return sub.next_send.astimezone(load_zone(sub.zone or default_zone)).date()


# --- subscribing --------------------------------------------------------------------------


def turn_on(
    store: SubscriptionStore,
    chat_id: int,
    now: datetime,
    defaults: Defaults,
    *,
    at: time | None = None,
    zone: str | None = None,
) -> Subscription:
    """Start (or re-time) daily tips. Unset values keep what the person chose before."""
    current = store.get(chat_id)
    at = at or (current.local_time if current else defaults.at)
    zone = zone or (current.zone if current else None)
    tz = load_zone(zone or defaults.zone)
    nxt = next_send(at, tz, now, current.last_sent if current else None)
    return store.save(chat_id, local_time=at, zone=zone, next_send=nxt, now=now)


def turn_off(store: SubscriptionStore, chat_id: int, now: datetime) -> Subscription | None:
    """Stop daily tips; the chosen time, zone and cursor are kept for a later `turn_on`."""
    current = store.get(chat_id)
    if current is None:
        return None
    return store.save(
        chat_id, local_time=current.local_time, zone=current.zone, next_send=None, now=now
    )


def choose_zone(
    store: SubscriptionStore, chat_id: int, now: datetime, defaults: Defaults, zone: str
) -> Subscription:
    """Set the person's zone, keeping tips on or off as they were (rescheduled if on)."""
    current = store.get(chat_id)
    if current is not None and current.active:
        return turn_on(store, chat_id, now, defaults, zone=zone)
    at = current.local_time if current else defaults.at
    return store.save(chat_id, local_time=at, zone=zone, next_send=None, now=now)


# --- sending ------------------------------------------------------------------------------


class SendError(Exception):
    """Raised by a `send` coroutine to tell the tick what happened to a tip."""


class RetryLater(SendError):
    """Flood control: not delivered; every send must wait `seconds` before trying again."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"flood control: retry in {seconds:g} s")
        self.seconds = seconds


class Blocked(SendError):
    """The person blocked the bot (or the chat is gone): unsubscribe them."""


class SendFailed(SendError):
    """Not delivered, and Telegram refused it (a bad request): try again on a later tick, up to
    `max_tries` times a day."""


class Unavailable(SendError):
    """Not delivered because Telegram could not be reached or failed on its side (network
    down, 5xx) after the bot's own retries: the tip stays due, untried, until Telegram is back
    (or the catch-up window of its scheduled time closes)."""


class MaybeDelivered(SendError):
    """We never heard back (read timeout): count it as delivered rather than risk a repeat."""


class Pacer:
    """Spaces sends evenly so that at most `rate` arrive within any one second.

    Starts are `(1 + margin) / rate` seconds apart: the margin absorbs up to `margin` seconds
    of delay on the way, which could otherwise bunch requests into one second at the far end.
    `pause` holds every sender back after flood control. Clock and sleep are injectable.
    """

    def __init__(
        self,
        rate: float,
        *,
        margin: float = 0.05,
        clock: Callable[[], float] = _time.monotonic,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        if rate <= 0:
            raise ValueError(f"rate must be above 0, found {rate!r}")
        self.rate = rate
        self.interval = (1 + margin) / rate
        self._clock = clock
        self._sleep = sleep
        self._next = -math.inf
        self._resume = -math.inf

    async def acquire(self) -> None:
        """Wait for this sender's turn."""
        while True:
            now = self._clock()
            start = max(self._next, self._resume)
            if now >= start:
                self._next = now + self.interval
                return
            await self._sleep(start - now)

    def pause(self, seconds: float) -> None:
        """Nobody sends for `seconds` from now."""
        self._resume = max(self._resume, self._clock() + seconds)


@dataclass
class TickReport:
    """What one tick did, for logs and tests."""

    sent: int = 0
    failed: int = 0
    gave_up: int = 0
    blocked: int = 0
    flood_waits: int = 0
    lost_races: int = 0
    rescheduled: int = 0
    recovered: int = 0
    unavailable: int = 0  # sends that found Telegram down; the tick then stops taking rows

    def __bool__(self) -> bool:
        return any(
            (
                self.sent,
                self.failed,
                self.gave_up,
                self.blocked,
                self.rescheduled,
                self.recovered,
                self.unavailable,
            )
        )


def recover(
    store: SubscriptionStore,
    now: Clock,
    *,
    default_zone: str,
    started_before: datetime | None = None,
) -> int:
    """Count sends left claimed by a crash (or a cancelled tick) as delivered; return how many.

    At start-up call it with no `started_before`: every claim then belongs to a dead process.
    """
    moment = now()
    limit = started_before or moment + timedelta(days=1)
    recovered = 0
    for sub in store.in_flight(limit):
        assert sub.attempt_at is not None
        if sub.next_send is None:  # turned off while it was under way
            store.release(sub.chat_id, sub.attempt_at, moment)
            continue
        day = sending_date(sub, default_zone)
        log.warning(
            "A daily tip for chat %s (%s) was under way when the bot stopped; counting it as "
            "delivered so it is not sent twice.",
            sub.chat_id,
            day,
        )
        claim = _Claim(sub.chat_id, sub.attempt_at, sub.next_send, day)
        recovered += _record_sent(store, claim, moment, default_zone)
    return recovered


@dataclass(frozen=True, slots=True)
class _Claim:
    """A send we own: whose, since when, and the scheduled instant and local date it is for."""

    chat_id: int
    claimed_at: datetime
    scheduled: datetime
    day: date


def _record_sent(store: SubscriptionStore, claim: _Claim, now: datetime, default_zone: str) -> bool:
    # Read the row as it is now: the person may have changed time or zone while we sent.
    current = store.get(claim.chat_id)
    if current is None:
        return False
    nxt = None
    if current.active:
        # The next date's send, counted from the one just made (not from now): after a long
        # stall it may already be due, and the catch-up rules then decide, as for any row.
        tz = load_zone(current.zone or default_zone)
        last = max(filter(None, (current.last_sent, claim.day)))
        nxt = next_send(current.local_time, tz, claim.scheduled, last)
    return store.record_sent(
        claim.chat_id, claim.claimed_at, sent_on=claim.day, next_send=nxt, now=now
    )


async def tick(
    store: SubscriptionStore,
    send: Send,
    now: Clock,
    *,
    catchup: timedelta = timedelta(hours=6),
    max_tries: int = 5,
    pacer: Pacer | None = None,
    default_zone: str = "UTC",
    max_sends: int | None = None,
    concurrency: int = 8,
    page: int = 256,
    max_flood_waits: int = 5,
    stale_claim: timedelta = timedelta(minutes=10),
    budget: float | None = None,
    monotonic: Callable[[], float] = _time.monotonic,
    on_fed: Callable[[], None] | None = None,
    stopping: Callable[[], bool] | None = None,
) -> TickReport:
    """Send every tip due now, once. Safe to run concurrently with itself.

    `now` is the clock. `pacer` spaces the sends (shared between ticks so two of them cannot
    double the rate). `max_sends` and `budget` (seconds on `monotonic`) bound how much one tick
    takes on; what is left waits for the next tick. `on_fed` is called once every row this
    tick took on has a sender, i.e. only sends already under way remain: a good moment to let
    the next tick start. Once `stopping()` is true (the bot is shutting down) no more rows are
    taken on; the sends under way end as usual. See the module docstring for the guarantees.

    One function of about 80 lines on purpose: the feeder and the senders share the queue,
    the report and the deadline as closures; split apart, they would pass six values around.
    """
    start = now()
    report = TickReport()
    report.recovered = recover(
        store, now, default_zone=default_zone, started_before=start - stale_claim
    )
    report.rescheduled = await _catch_up(store, start, catchup, default_zone, page)
    pacer = pacer or Pacer(30.0)
    # A pool of senders fed one row at a time, as each becomes free: one slow request holds
    # up one sender, not the others, and a row is only taken on when a sender can start it.
    queue: asyncio.Queue[Subscription | None] = asyncio.Queue(maxsize=1)
    workers = max(1, concurrency)

    deadline = None if budget is None else monotonic() + budget

    async def sender() -> None:
        while True:
            sub = await queue.get()
            queue.task_done()
            if sub is None:
                return
            await _deliver(
                store, send, now, sub, pacer, report, default_zone, max_tries, max_flood_waits
            )

    def out_of_time() -> bool:
        # Telegram down: the rows left stay due for the next tick instead of failing here.
        if report.unavailable or (stopping is not None and stopping()):
            return True
        return deadline is not None and monotonic() >= deadline

    async def feed() -> None:
        after: tuple[datetime, int] | None = None
        handled = 0
        while not out_of_time() and (max_sends is None or handled < max_sends):
            limit = page if max_sends is None else min(page, max_sends - handled)
            rows = store.due(start, after=after, limit=limit)
            if not rows:
                break
            last = rows[-1]
            assert last.next_send is not None
            after = (last.next_send, last.chat_id)
            handled += len(rows)
            for sub in rows:
                if out_of_time():
                    break  # rows not handed out stay unclaimed, for the next tick
                await queue.put(sub)
        await queue.join()  # every row taken: only sends under way remain
        if on_fed is not None:
            on_fed()
        for _ in range(workers):
            await queue.put(None)

    async with asyncio.TaskGroup() as group:
        for _ in range(workers):
            group.create_task(sender())
        group.create_task(feed())
    return report


async def _catch_up(
    store: SubscriptionStore, start: datetime, window: timedelta, default_zone: str, page: int
) -> int:
    """Move rows overdue beyond the window to today's send (if still in it) or the next one."""
    moved = 0
    while rows := store.overdue(start - window, limit=page):
        moves = []
        for sub in rows:
            assert sub.next_send is not None
            moves.append(
                (sub.chat_id, sub.next_send, catch_up_target(sub, start, window, default_zone))
            )
        progress = store.reschedule(moves, start)
        moved += progress
        if not progress:
            break
        await asyncio.sleep(0)  # after a long outage this is many pages: let the bot answer
    return moved


async def _deliver(
    store: SubscriptionStore,
    send: Send,
    now: Clock,
    sub: Subscription,
    pacer: Pacer,
    report: TickReport,
    default_zone: str,
    max_tries: int,
    max_flood_waits: int,
) -> None:
    """Claim, send and record one tip; see the module docstring for the order and why."""
    assert sub.next_send is not None
    day = sending_date(sub, default_zone)
    flood_waits = 0
    while True:
        await pacer.acquire()
        claim = _Claim(sub.chat_id, now(), sub.next_send, day)
        if not store.claim(sub.chat_id, sub.next_send, claim.claimed_at):
            report.lost_races += 1
            return
        try:
            await send(sub)
        except RetryLater as exc:
            store.release(sub.chat_id, claim.claimed_at, now())
            report.flood_waits += 1
            flood_waits += 1
            if flood_waits > max_flood_waits:
                _record_failure(store, claim, now(), report, default_zone, max_tries)
                return
            log.info("Flood control: pausing daily tips for %.1f s", exc.seconds)
            pacer.pause(exc.seconds)
            continue
        except Unavailable as exc:
            store.release(sub.chat_id, claim.claimed_at, now())
            report.unavailable += 1
            if report.unavailable == 1:
                log.warning("Telegram is unavailable (%s); due daily tips wait for it.", exc)
            return
        except Blocked:
            log.info("Chat %s blocked the bot; removing its daily tips.", sub.chat_id)
            store.delete(sub.chat_id)
            report.blocked += 1
            return
        except MaybeDelivered as exc:
            log.warning(
                "No answer for the daily tip to chat %s (%s); counting it as sent.",
                sub.chat_id,
                exc,
            )
        except Exception as exc:  # SendFailed, or a bug before the request left: not delivered
            level = logging.WARNING if isinstance(exc, SendFailed) else logging.ERROR
            log.log(
                level,
                "Daily tip to chat %s failed: %s",
                sub.chat_id,
                exc,
                exc_info=not isinstance(exc, SendFailed),
            )
            _record_failure(store, claim, now(), report, default_zone, max_tries)
            return
        _record_sent(store, claim, now(), default_zone)
        report.sent += 1
        return


def _record_failure(
    store: SubscriptionStore,
    claim: _Claim,
    now: datetime,
    report: TickReport,
    default_zone: str,
    max_tries: int,
) -> None:
    current = store.get(claim.chat_id)
    if current is None:
        return
    failures = current.failures + 1
    nxt = current.next_send
    if failures >= max_tries:
        # Give up on this day's tip; tomorrow is a new day with a fresh budget of tries.
        tz = load_zone(current.zone or default_zone)
        skip = max(filter(None, (current.last_sent, claim.day)))
        nxt = next_send(current.local_time, tz, now, skip) if current.active else None
        failures = 0
        report.gave_up += 1
        log.warning(
            "Giving up today's daily tip for chat %s after %d tries.", claim.chat_id, max_tries
        )
    else:
        report.failed += 1
    store.record_failure(claim.chat_id, claim.claimed_at, failures=failures, next_send=nxt, now=now)
