"""Daily tips without Telegram: commands, zones and DST, catch-up, failures, concurrency, crashes.

Time never passes by itself here: a `FakeClock` is moved by the test and handed to every
function that needs "now". Every test that touches a store runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from local_postgres import BACKENDS

from bot import daily
from bot.daily import (
    Blocked,
    DailyCommand,
    Defaults,
    MaybeDelivered,
    Pacer,
    RetryLater,
    SendFailed,
    Unavailable,
    UsageError,
    load_zone,
    local_instant,
    next_send,
    parse_args,
    parse_zone,
    time_in_text,
    turn_off,
    turn_on,
)
from bot.store import open_store

DEFAULTS = Defaults(at=time(8, 0), zone="UTC")


class FakeClock:
    """A wall clock the test moves by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


class FakeMonotonic:
    """A monotonic clock and a sleep that advances it instantly, for the pacer."""

    def __init__(self) -> None:
        self.value = 1000.0
        self.slept = 0.0

    def __call__(self) -> float:
        return self.value

    async def sleep(self, seconds: float) -> None:
        self.value += seconds
        self.slept += seconds
        await asyncio.sleep(0)


class Outbox:
    """A `send` that records (chat id, tip cursor, when) and can be told to fail."""

    def __init__(self, clock: FakeClock, fail: dict[int, list[Exception]] | None = None) -> None:
        self.clock = clock
        self.sent: list[tuple[int, int, datetime]] = []
        self.scheduled: list[datetime] = []
        self.calls = Counter()
        self.fail = fail or {}

    async def __call__(self, sub) -> None:
        self.calls[sub.chat_id] += 1
        await asyncio.sleep(0)
        errors = self.fail.get(sub.chat_id)
        # Each call takes the next error; the last one repeats. None means "deliver".
        error = (errors.pop(0) if len(errors) > 1 else errors[0]) if errors else None
        if error is not None:
            raise error
        self.sent.append((sub.chat_id, sub.tip_cursor, self.clock()))
        self.scheduled.append(sub.next_send)

    def chats(self) -> Counter:
        return Counter(chat for chat, _, _ in self.sent)


def fast_pacer() -> Pacer:
    mono = FakeMonotonic()
    return Pacer(1000, clock=mono, sleep=mono.sleep)


@pytest.fixture(params=BACKENDS)
def backend(request):
    return request.param


@pytest.fixture
def store(database):
    opened = open_store(database)
    yield opened
    opened.close()


async def run_tick(store, outbox, clock, **kwargs):
    kwargs.setdefault("pacer", fast_pacer())
    return await daily.tick(store, outbox, clock, **kwargs)


# --- commands -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ([], DailyCommand("status")),
        (["status"], DailyCommand("status")),
        (["on"], DailyCommand("on")),
        (["ON"], DailyCommand("on")),
        (["on", "07:30"], DailyCommand("on", at=time(7, 30))),
        (["on", "7:05"], DailyCommand("on", at=time(7, 5))),
        (["on", "07:30", "Europe/Berlin"], DailyCommand("on", time(7, 30), "Europe/Berlin")),
        (["on", "07:30", "europe/berlin"], DailyCommand("on", time(7, 30), "Europe/Berlin")),
        (["on", "07:30", "+02:00"], DailyCommand("on", time(7, 30), "+02:00")),
        (["on", "21:00", "-3"], DailyCommand("on", time(21, 0), "-03:00")),
        (["on", "Asia/Kolkata"], DailyCommand("on", zone="Asia/Kolkata")),
        (["off"], DailyCommand("off")),
        (["zone", "America/New_York"], DailyCommand("zone", zone="America/New_York")),
        (["zone", "utc"], DailyCommand("zone", zone="UTC")),
    ],
)
def test_daily_arguments_are_read(words, expected):
    assert parse_args(words) == expected


@pytest.mark.parametrize(
    "words",
    [
        ["on", "25:99"],
        ["on", "24:00"],
        ["on", "7:5"],
        ["on", "Mars/Olympus"],
        ["on", "07:30", "Europe/Berlin", "please"],
        ["on", "07:30", "08:30"],
        ["on", "+15:00"],
        ["off", "now"],
        ["zone"],
        ["zone", "Nowhere"],
        ["sometimes"],
    ],
)
def test_bad_daily_arguments_raise_usage_error_with_the_usage_line(words):
    with pytest.raises(UsageError) as caught:
        parse_args(words)
    assert caught.value.usage.startswith("Usage: /daily")
    assert caught.value.problem
    assert "Usage: /daily" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("send me a tip every day", None),
        ("daily tips at 7:30 please", time(7, 30)),
        ("every morning at 7am", time(7, 0)),
        ("at 6 pm", time(18, 0)),
        ("at 12am", time(0, 0)),
        ("at 18.45", time(18, 45)),
        ("at 7:30 or 8:30", None),
    ],
)
def test_a_time_is_found_in_free_text(text, expected):
    assert time_in_text(text) == expected


def test_offsets_become_fixed_zones():
    tz = load_zone(parse_zone("+05:30"))
    instant = local_instant(date(2025, 6, 1), time(8, 0), tz)
    assert instant == datetime(2025, 6, 1, 2, 30, tzinfo=UTC)
    assert daily.zone_label("+05:30") == "UTC+05:30"


# --- schedules across zones and DST ---------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "day", "at", "expected_utc"),
    [
        # spring forward: 02:30 does not exist; the clocks jump at 01:00 UTC (02:00 -> 03:00)
        ("Europe/Berlin", date(2025, 3, 30), time(2, 30), datetime(2025, 3, 30, 1, 0)),
        ("America/New_York", date(2025, 3, 9), time(2, 15), datetime(2025, 3, 9, 7, 0)),
        ("Australia/Sydney", date(2025, 10, 5), time(2, 45), datetime(2025, 10, 4, 16, 0)),
        # fall back: 02:30 happens twice; the first occurrence (still on summer time)
        ("Europe/Berlin", date(2025, 10, 26), time(2, 30), datetime(2025, 10, 26, 0, 30)),
        ("America/New_York", date(2025, 11, 2), time(1, 30), datetime(2025, 11, 2, 5, 30)),
        ("Australia/Sydney", date(2025, 4, 6), time(2, 30), datetime(2025, 4, 5, 15, 30)),
        # ordinary days, and a half-hour zone
        ("Europe/Berlin", date(2025, 7, 1), time(7, 30), datetime(2025, 7, 1, 5, 30)),
        ("Asia/Kolkata", date(2025, 7, 1), time(7, 30), datetime(2025, 7, 1, 2, 0)),
    ],
)
def test_local_instant_handles_gaps_and_overlaps(zone, day, at, expected_utc):
    assert local_instant(day, at, load_zone(zone)) == expected_utc.replace(tzinfo=UTC)


def test_a_skipped_calendar_day_gets_no_tip_and_the_next_day_one():
    tz = load_zone("Pacific/Apia")  # 30 December 2011 did not happen in Samoa
    after = datetime(2011, 12, 29, 18, 0, tzinfo=UTC)
    instant = next_send(time(7, 30), tz, after, date(2011, 12, 29))
    assert instant.astimezone(tz).date() == date(2011, 12, 31)


async def simulate(store, zone, at, start, days, step_minutes=10, **tick_kwargs):
    """Subscribe, tick every `step_minutes` for `days`; return (scheduled, sent) instants."""
    clock = FakeClock(start)
    outbox = Outbox(clock)
    turn_on(store, 1, clock(), DEFAULTS, at=at, zone=zone)
    end = start + timedelta(days=days)
    while clock() < end:
        clock.advance(minutes=step_minutes)
        await run_tick(store, outbox, clock, **tick_kwargs)
    return list(zip(outbox.scheduled, [when for _, _, when in outbox.sent], strict=True))


@pytest.mark.parametrize(
    ("zone", "at", "start"),
    [
        ("Europe/Berlin", time(2, 30), datetime(2025, 3, 27, tzinfo=UTC)),
        ("Europe/Berlin", time(2, 30), datetime(2025, 10, 23, tzinfo=UTC)),
        ("Europe/London", time(1, 30), datetime(2025, 3, 27, tzinfo=UTC)),
        ("America/New_York", time(1, 30), datetime(2025, 10, 30, tzinfo=UTC)),
        ("America/New_York", time(2, 30), datetime(2025, 3, 6, tzinfo=UTC)),
        ("Australia/Sydney", time(2, 30), datetime(2025, 4, 3, tzinfo=UTC)),
        ("Australia/Sydney", time(2, 30), datetime(2025, 10, 2, tzinfo=UTC)),
        ("Europe/Berlin", time(8, 0), datetime(2025, 3, 27, tzinfo=UTC)),
    ],
)
async def test_dst_changes_neither_skip_nor_double_a_tip(store, zone, at, start):
    tz = load_zone(zone)
    sends = await simulate(store, zone, at, start, days=7)
    dates = [scheduled.astimezone(tz).date() for scheduled, _ in sends]
    first = dates[0]
    assert dates == [first + timedelta(days=i) for i in range(len(dates))]
    assert len(dates) >= 6
    for (scheduled, sent), day in zip(sends, dates, strict=True):
        assert scheduled == local_instant(day, at, tz)
        assert timedelta(0) <= sent - scheduled <= timedelta(minutes=10)


ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata"]


@pytest.mark.parametrize("kind", BACKENDS)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    zone=st.sampled_from(ZONES),
    minute_of_day=st.integers(0, 24 * 60 - 1),
    start=st.datetimes(datetime(2025, 1, 1), datetime(2026, 12, 31)),
    step=st.sampled_from([7, 30, 55]),
)
async def test_any_zone_and_time_gets_exactly_one_tip_per_local_day(
    new_database, kind, zone, minute_of_day, start, step
):
    store = open_store(":memory:" if kind == "sqlite" else new_database(kind))
    at = time(minute_of_day // 60, minute_of_day % 60)
    tz = load_zone(zone)
    sends = await simulate(store, zone, at, start.replace(tzinfo=UTC), days=4, step_minutes=step)
    dates = [scheduled.astimezone(tz).date() for scheduled, _ in sends]
    assert all(timedelta(0) <= sent - sched <= timedelta(minutes=step) for sched, sent in sends)
    assert len(dates) == len(set(dates))
    assert dates == sorted(dates)
    assert all(b - a == timedelta(days=1) for a, b in zip(dates, dates[1:], strict=False))
    assert len(dates) >= 3
    store.close()


# --- subscribing ----------------------------------------------------------------------------


def test_turning_on_before_the_time_sends_today_after_it_tomorrow(store):
    morning = datetime(2025, 6, 1, 7, 0, tzinfo=UTC)
    assert turn_on(store, 1, morning, DEFAULTS).next_send == morning.replace(hour=8)
    noon = morning.replace(hour=12)
    assert turn_on(store, 2, noon, DEFAULTS).next_send == datetime(2025, 6, 2, 8, tzinfo=UTC)


async def test_turning_on_again_the_same_day_does_not_send_a_second_tip(store):
    clock = FakeClock(datetime(2025, 6, 1, 7, 0, tzinfo=UTC))
    outbox = Outbox(clock)
    turn_on(store, 1, clock(), DEFAULTS)
    clock.advance(hours=1, seconds=5)
    await run_tick(store, outbox, clock)
    turn_off(store, 1, clock())
    sub = turn_on(store, 1, clock(), DEFAULTS, at=time(20, 0))
    assert sub.next_send == datetime(2025, 6, 2, 20, tzinfo=UTC)
    clock.advance(hours=12)
    await run_tick(store, outbox, clock)
    assert outbox.chats() == {1: 1}


def test_settings_are_kept_across_off_and_on(store):
    now = datetime(2025, 6, 1, 7, 0, tzinfo=UTC)
    turn_on(store, 1, now, DEFAULTS, at=time(6, 45), zone="Asia/Tokyo")
    off = turn_off(store, 1, now)
    assert not off.active
    again = turn_on(store, 1, now, DEFAULTS)
    assert (again.local_time, again.zone) == (time(6, 45), "Asia/Tokyo")
    assert turn_off(store, 99, now) is None


def test_choosing_a_zone_reschedules_only_when_on(store):
    now = datetime(2025, 6, 1, 3, 0, tzinfo=UTC)
    on = turn_on(store, 1, now, DEFAULTS)
    moved = daily.choose_zone(store, 1, now, DEFAULTS, "Europe/Berlin")
    assert moved.next_send == datetime(2025, 6, 1, 6, tzinfo=UTC) != on.next_send
    stays_off = daily.choose_zone(store, 2, now, DEFAULTS, "Asia/Tokyo")
    assert (stays_off.zone, stays_off.active) == ("Asia/Tokyo", False)


def test_no_zone_chosen_means_the_default_zone(store):
    now = datetime(2025, 6, 1, 3, 0, tzinfo=UTC)
    defaults = Defaults(time(7, 0), "America/New_York")
    sub = turn_on(store, 1, now, defaults)
    assert sub.zone is None
    assert sub.next_send == datetime(2025, 6, 1, 11, tzinfo=UTC)


# --- the tick -------------------------------------------------------------------------------


async def test_rotation_moves_each_person_through_the_tips_in_order(store):
    clock = FakeClock(datetime(2025, 6, 1, 7, 0, tzinfo=UTC))
    outbox = Outbox(clock)
    turn_on(store, 1, clock(), DEFAULTS)
    clock.advance(hours=1, minutes=1)
    for _ in range(5):
        await run_tick(store, outbox, clock)
        clock.advance(days=1)
    assert [cursor for _, cursor, _ in outbox.sent] == [0, 1, 2, 3, 4]
    assert store.get(1).tip_cursor == 5


@pytest.mark.parametrize(
    ("down_until", "sent_today"),
    [
        (timedelta(hours=2), True),
        (timedelta(hours=5, minutes=59), True),
        (timedelta(hours=7), False),
    ],
)
async def test_catch_up_sends_the_days_tip_once_within_the_window(store, down_until, sent_today):
    day = datetime(2025, 6, 1, tzinfo=UTC)
    clock = FakeClock(day.replace(hour=6))
    outbox = Outbox(clock)
    turn_on(store, 1, clock(), DEFAULTS)  # 08:00; the bot is down from 06:00
    clock.now = day.replace(hour=8) + down_until
    await run_tick(store, outbox, clock)
    await run_tick(store, outbox, clock)
    assert len(outbox.sent) == (1 if sent_today else 0)
    assert store.get(1).next_send == datetime(2025, 6, 2, 8, tzinfo=UTC)


async def test_a_long_outage_sends_one_tip_not_a_backlog(store):
    clock = FakeClock(datetime(2025, 6, 1, 6, tzinfo=UTC))
    outbox = Outbox(clock)
    turn_on(store, 1, clock(), DEFAULTS)
    clock.now = datetime(2025, 6, 5, 9, 0, tzinfo=UTC)  # four days later, an hour after 08:00
    for _ in range(3):
        await run_tick(store, outbox, clock)
        clock.advance(minutes=1)
    assert len(outbox.sent) == 1
    assert store.get(1).last_sent == date(2025, 6, 5)


async def test_a_long_outage_ending_outside_the_window_waits_for_tomorrow(store):
    clock = FakeClock(datetime(2025, 6, 1, 6, tzinfo=UTC))
    outbox = Outbox(clock)
    turn_on(store, 1, clock(), DEFAULTS)
    clock.now = datetime(2025, 6, 5, 20, 0, tzinfo=UTC)
    report = await run_tick(store, outbox, clock)
    assert (report.rescheduled, outbox.sent) == (1, [])
    clock.now = datetime(2025, 6, 6, 8, 0, 30, tzinfo=UTC)
    await run_tick(store, outbox, clock)
    assert outbox.chats() == {1: 1}


async def test_the_catch_up_window_is_configurable(store):
    clock = FakeClock(datetime(2025, 6, 1, 6, tzinfo=UTC))
    outbox = Outbox(clock)
    turn_on(store, 1, clock(), DEFAULTS)
    clock.now = datetime(2025, 6, 1, 9, 30, tzinfo=UTC)
    await run_tick(store, outbox, clock, catchup=timedelta(hours=1))
    assert outbox.sent == []


async def populate(store, clock, count):
    for chat_id in range(1, count + 1):
        turn_on(store, chat_id, clock(), DEFAULTS)


async def test_concurrent_ticks_on_one_store_never_double_send(store):
    clock = FakeClock(datetime(2025, 6, 1, 7, tzinfo=UTC))
    outbox = Outbox(clock)
    await populate(store, clock, 200)
    clock.advance(hours=1)
    reports = await asyncio.gather(
        *(run_tick(store, outbox, clock, concurrency=4, page=16) for _ in range(3))
    )
    assert outbox.chats() == {chat: 1 for chat in range(1, 201)}
    assert sum(r.sent for r in reports) == 200
    assert sum(r.lost_races for r in reports) > 0


async def test_ticks_in_two_processes_sharing_the_file_never_double_send(database):
    clock = FakeClock(datetime(2025, 6, 1, 7, tzinfo=UTC))
    first, second = open_store(database), open_store(database)
    outbox = Outbox(clock)
    await populate(first, clock, 100)
    clock.advance(hours=1)
    await asyncio.gather(
        run_tick(first, outbox, clock, page=10), run_tick(second, outbox, clock, page=10)
    )
    assert outbox.chats() == {chat: 1 for chat in range(1, 101)}
    first.close()
    second.close()


def test_ticks_in_threads_on_their_own_connections_never_double_send(database):
    """Ticks truly at the same time, each with its own connection and event loop, as in
    separate processes: the claim alone keeps each tip to one send."""
    clock = FakeClock(datetime(2025, 6, 1, 7, tzinfo=UTC))
    setup = open_store(database)
    asyncio.run(populate(setup, clock, 150))
    setup.close()
    clock.advance(hours=1)
    outbox = Outbox(clock)
    reports, errors = [], []

    def run() -> None:
        store = open_store(database)
        try:
            reports.append(asyncio.run(run_tick(store, outbox, clock, page=8, concurrency=4)))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            store.close()

    threads = [threading.Thread(target=run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert outbox.chats() == {chat: 1 for chat in range(1, 151)}
    assert sum(r.sent for r in reports) == 150


async def test_one_hanging_send_does_not_hold_up_the_others(store):
    clock = FakeClock(datetime(2025, 6, 1, 7, tzinfo=UTC))
    await populate(store, clock, 20)
    clock.advance(hours=1)
    release = asyncio.Event()
    outbox = Outbox(clock)

    async def send(sub):
        if sub.chat_id == 1:
            await release.wait()
        await outbox(sub)

    task = asyncio.create_task(run_tick(store, send, clock, concurrency=3, page=4))
    for _ in range(200):
        if len(outbox.sent) == 19:
            break
        await asyncio.sleep(0)
    assert 1 not in outbox.chats() and len(outbox.sent) == 19
    release.set()
    report = await task
    assert report.sent == 20


async def test_a_blocked_person_is_removed_and_the_others_still_get_theirs(store):
    clock = FakeClock(datetime(2025, 6, 1, 7, tzinfo=UTC))
    outbox = Outbox(clock, fail={2: [Blocked("Forbidden: bot was blocked by the user")]})
    await populate(store, clock, 3)
    clock.advance(hours=1)
    report = await run_tick(store, outbox, clock)
    assert (report.sent, report.blocked) == (2, 1)
    assert store.get(2) is None
    assert outbox.chats() == {1: 1, 3: 1}


async def test_a_failed_send_is_retried_on_a_later_tick_and_sent_once(store):
    clock = FakeClock(datetime(2025, 6, 1, 7, tzinfo=UTC))
    outbox = Outbox(clock, fail={1: [SendFailed("Bad Request: message is too long")]})
    await populate(store, clock, 1)
    clock.advance(hours=1)
    first = await run_tick(store, outbox, clock)
    assert (first.sent, first.failed) == (0, 1)
    assert store.get(1).failures == 1
    outbox.fail[1] = []
    clock.advance(seconds=30)
    second = await run_tick(store, outbox, clock)
    clock.advance(seconds=30)
    await run_tick(store, outbox, clock)
    assert second.sent == 1
    assert outbox.chats() == {1: 1}
    assert store.get(1).failures == 0


async def test_retries_are_bounded_then_the_day_is_given_up(store):
    clock = FakeClock(datetime(2025, 6, 1, 7, tzinfo=UTC))
    outbox = Outbox(clock, fail={1: [SendFailed("Bad Request: chat not found")]})
    await populate(store, clock, 1)
    clock.advance(hours=1)
    for _ in range(10):
        await run_tick(store, outbox, clock, max_tries=3)
        clock.advance(seconds=30)
    assert outbox.calls[1] == 3
    sub = store.get(1)
    assert (sub.next_send, sub.failures) == (datetime(2025, 6, 2, 8, tzinfo=UTC), 0)
    outbox.fail.clear()
    clock.now = datetime(2025, 6, 2, 8, 0, 30, tzinfo=UTC)
    await run_tick(store, outbox, clock, max_tries=3)
    assert outbox.chats() == {1: 1}


@pytest.mark.parametrize("outage", [timedelta(minutes=20), timedelta(hours=5, minutes=50)])
async def test_tips_wait_out_an_outage_and_go_out_once_when_telegram_is_back(store, outage):
    """Telegram down for longer than any retry budget: no tip is dropped, none doubled, no
    try is counted against anyone, and the tick stops knocking once it finds Telegram down."""
    clock = FakeClock(datetime(2025, 6, 1, 7, tzinfo=UTC))
    down = Unavailable("Bad Gateway (502)")
    outbox = Outbox(clock, fail={chat: [down] for chat in range(1, 51)})
    await populate(store, clock, 50)
    clock.advance(hours=1)
    ticks = 0
    while clock.now < datetime(2025, 6, 1, 8, tzinfo=UTC) + outage:
        report = await run_tick(store, outbox, clock, max_tries=3)
        assert report.sent == 0 and report.failed == 0 and report.gave_up == 0
        assert 1 <= report.unavailable <= 9, "one sender finds it down; the rest are not tried"
        ticks += 1
        clock.advance(minutes=1)
    assert ticks > 3 * 3, "far more ticks than max_tries"
    assert all(store.get(chat).failures == 0 for chat in range(1, 51))
    outbox.fail.clear()
    for _ in range(3):
        await run_tick(store, outbox, clock, max_tries=3)
        clock.advance(seconds=30)
    assert outbox.chats() == {chat: 1 for chat in range(1, 51)}
    assert {store.get(chat).last_sent for chat in range(1, 51)} == {date(2025, 6, 1)}


async def test_an_outage_past_the_catch_up_window_moves_the_tip_to_the_next_day(store):
    clock = FakeClock(datetime(2025, 6, 1, 7, tzinfo=UTC))
    outbox = Outbox(clock, fail={1: [Unavailable("network down")]})
    await populate(store, clock, 1)
    clock.advance(hours=1)
    while clock.now < datetime(2025, 6, 1, 15, tzinfo=UTC):  # down 7 hours, window 6
        await run_tick(store, outbox, clock)
        clock.advance(minutes=10)
    assert store.get(1).next_send == datetime(2025, 6, 2, 8, tzinfo=UTC)
    outbox.fail.clear()
    clock.now = datetime(2025, 6, 2, 8, 0, 30, tzinfo=UTC)
    await run_tick(store, outbox, clock)
    assert [sent.date() for _, _, sent in outbox.sent] == [date(2025, 6, 2)]


async def test_flood_control_pauses_everyone_then_delivers_each_tip_once(store):
    clock = FakeClock(datetime(2025, 6, 1, 7, tzinfo=UTC))
    outbox = Outbox(clock, fail={3: [RetryLater(7), None]})
    await populate(store, clock, 5)
    clock.advance(hours=1)
    mono = FakeMonotonic()
    pacer = Pacer(1000, clock=mono, sleep=mono.sleep)
    report = await daily.tick(store, outbox, clock, pacer=pacer)
    assert outbox.chats() == {chat: 1 for chat in range(1, 6)}
    assert report.flood_waits == 1
    assert mono.slept >= 7


async def test_endless_flood_control_counts_as_a_failed_try(store):
    clock = FakeClock(datetime(2025, 6, 1, 7, tzinfo=UTC))
    outbox = Outbox(clock, fail={1: [RetryLater(1)]})
    await populate(store, clock, 1)
    clock.advance(hours=1)
    mono = FakeMonotonic()
    pacer = Pacer(1000, clock=mono, sleep=mono.sleep)
    report = await daily.tick(store, outbox, clock, pacer=pacer, max_flood_waits=2)
    assert (report.flood_waits, report.failed, outbox.calls[1]) == (3, 1, 3)
    assert store.get(1).attempt_at is None


async def test_no_answer_counts_as_delivered_and_is_not_resent(store):
    clock = FakeClock(datetime(2025, 6, 1, 7, tzinfo=UTC))
    outbox = Outbox(clock, fail={1: [MaybeDelivered("read timeout")]})
    await populate(store, clock, 1)
    clock.advance(hours=1)
    report = await run_tick(store, outbox, clock)
    outbox.fail.clear()
    clock.advance(minutes=5)
    await run_tick(store, outbox, clock)
    assert report.sent == 1
    assert outbox.calls[1] == 1
    assert store.get(1).last_sent == date(2025, 6, 1)


async def test_a_bug_while_preparing_a_tip_is_logged_and_retried(store, caplog):
    clock = FakeClock(datetime(2025, 6, 1, 7, tzinfo=UTC))
    outbox = Outbox(clock, fail={1: [KeyError("tip")]})
    await populate(store, clock, 1)
    clock.advance(hours=1)
    with caplog.at_level(logging.ERROR, logger="bot.daily"):
        report = await run_tick(store, outbox, clock)
    assert report.failed == 1
    assert "Daily tip to chat 1 failed" in caplog.text


async def test_a_send_cut_off_by_a_crash_is_counted_as_delivered_at_start(store):
    clock = FakeClock(datetime(2025, 6, 1, 7, tzinfo=UTC))
    await populate(store, clock, 2)
    clock.advance(hours=1)
    started, never = asyncio.Event(), asyncio.Event()

    async def hangs(sub):
        started.set()
        await never.wait()

    task = asyncio.create_task(run_tick(store, hangs, clock, concurrency=1))
    await started.wait()
    task.cancel()  # as good as a SIGKILL for the database: the claim stays behind
    with pytest.raises(asyncio.CancelledError):
        await task
    assert len(store.in_flight(clock() + timedelta(seconds=1))) == 1

    assert daily.recover(store, clock, default_zone="UTC") == 1
    outbox = Outbox(clock)
    await run_tick(store, outbox, clock)
    assert outbox.chats() == {2: 1}  # chat 1 had its tip under way: not sent again
    assert {s.last_sent for s in (store.get(1), store.get(2))} == {date(2025, 6, 1)}


@pytest.mark.postgres
async def test_on_postgres_a_process_starting_mid_send_leaves_the_send_to_its_owner(
    new_database,
):
    """Several processes share PostgreSQL: one that starts while another is sending must not
    count that send as cut off by a crash; once the sender's process is gone, it may."""
    database = new_database("postgres")
    busy, starting = open_store(database), open_store(database)
    clock = FakeClock(datetime(2025, 6, 1, 7, tzinfo=UTC))
    await populate(busy, clock, 1)
    clock.advance(hours=1)
    started, release = asyncio.Event(), asyncio.Event()
    outbox = Outbox(clock)

    async def slow(sub):
        started.set()
        await release.wait()
        await outbox(sub)

    task = asyncio.create_task(run_tick(busy, slow, clock))
    await started.wait()
    assert daily.recover(starting, clock, default_zone="UTC") == 0
    release.set()
    assert (await task).sent == 1
    assert outbox.chats() == {1: 1}
    assert busy.get(1).last_sent == date(2025, 6, 1)

    clock.advance(days=1)
    started.clear()
    release.clear()
    task = asyncio.create_task(run_tick(busy, slow, clock))
    await started.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    busy.close()  # the sender's process died: its database session ends with it
    for _ in range(200):
        if recovered := daily.recover(starting, clock, default_zone="UTC"):
            break
        await asyncio.sleep(0.02)
    assert recovered == 1
    assert starting.get(1).last_sent == date(2025, 6, 2)
    starting.close()


async def test_a_restart_a_day_after_a_crash_still_sends_that_days_tip(store):
    clock = FakeClock(datetime(2025, 6, 1, 7, tzinfo=UTC))
    await populate(store, clock, 1)
    clock.advance(hours=1)
    assert store.claim(1, store.get(1).next_send, clock())  # then the process died
    clock.now = datetime(2025, 6, 2, 9, 0, tzinfo=UTC)  # back up an hour after the next send
    assert daily.recover(store, clock, default_zone="UTC") == 1
    outbox = Outbox(clock)
    await run_tick(store, outbox, clock)
    assert outbox.chats() == {1: 1}
    assert store.get(1).last_sent == date(2025, 6, 2)


async def test_a_stale_claim_is_recovered_by_a_later_tick(store):
    clock = FakeClock(datetime(2025, 6, 1, 7, tzinfo=UTC))
    await populate(store, clock, 1)
    clock.advance(hours=1)
    assert store.claim(1, store.get(1).next_send, clock())
    clock.advance(minutes=11)
    report = await run_tick(store, Outbox(clock), clock)
    assert report.recovered == 1
    assert store.get(1).next_send == datetime(2025, 6, 2, 8, tzinfo=UTC)


async def test_max_sends_bounds_a_tick_and_the_next_tick_continues(store):
    clock = FakeClock(datetime(2025, 6, 1, 7, tzinfo=UTC))
    outbox = Outbox(clock)
    await populate(store, clock, 10)
    clock.advance(hours=1)
    first = await run_tick(store, outbox, clock, max_sends=4)
    second = await run_tick(store, outbox, clock, max_sends=100)
    assert (first.sent, second.sent) == (4, 6)
    assert outbox.chats() == {chat: 1 for chat in range(1, 11)}


async def test_a_time_budget_bounds_a_tick_and_the_next_tick_continues(store):
    clock = FakeClock(datetime(2025, 6, 1, 7, tzinfo=UTC))
    outbox = Outbox(clock)
    await populate(store, clock, 50)
    clock.advance(hours=1)
    mono = FakeMonotonic()
    pacer = Pacer(10, margin=0, clock=mono, sleep=mono.sleep)
    first = await daily.tick(store, outbox, clock, pacer=pacer, budget=2.0, monotonic=mono)
    assert 15 <= first.sent <= 25  # about two seconds' worth at 10 a second
    second = await daily.tick(store, outbox, clock, pacer=pacer, budget=60, monotonic=mono)
    assert first.sent + second.sent == 50
    assert outbox.chats() == {chat: 1 for chat in range(1, 51)}


async def test_on_fed_comes_when_only_sends_under_way_remain(store):
    clock = FakeClock(datetime(2025, 6, 1, 7, tzinfo=UTC))
    await populate(store, clock, 10)
    clock.advance(hours=1)
    release, fed = asyncio.Event(), asyncio.Event()
    outbox = Outbox(clock)

    async def send(sub):
        if sub.chat_id == 10:
            await release.wait()
        await outbox(sub)

    task = asyncio.create_task(
        daily.tick(store, send, clock, pacer=fast_pacer(), concurrency=2, on_fed=fed.set)
    )
    await asyncio.wait_for(fed.wait(), 5)
    assert not task.done()
    # A tick started now finds nothing to do: chat 10's tip is claimed and under way.
    assert (await run_tick(store, outbox, clock)).sent == 0
    release.set()
    assert (await task).sent == 10
    assert outbox.chats() == {chat: 1 for chat in range(1, 11)}


async def test_turning_off_while_a_tip_is_under_way_stays_off(store):
    clock = FakeClock(datetime(2025, 6, 1, 7, tzinfo=UTC))
    await populate(store, clock, 1)
    clock.advance(hours=1)

    async def send(sub):
        turn_off(store, sub.chat_id, clock())

    await run_tick(store, send, clock)
    sub = store.get(1)
    assert (sub.active, sub.last_sent, sub.tip_cursor) == (False, date(2025, 6, 1), 1)


async def test_forgetting_while_a_tip_is_under_way_leaves_nothing(store):
    clock = FakeClock(datetime(2025, 6, 1, 7, tzinfo=UTC))
    await populate(store, clock, 1)
    clock.advance(hours=1)

    async def send(sub):
        store.delete(sub.chat_id)

    report = await run_tick(store, send, clock)
    assert report.sent == 1
    assert store.get(1) is None


# --- the pacer ------------------------------------------------------------------------------


async def test_the_pacer_never_lets_more_than_the_rate_start_within_a_second():
    mono = FakeMonotonic()
    pacer = Pacer(30, clock=mono, sleep=mono.sleep)
    starts = []

    async def sender():
        for _ in range(40):
            await pacer.acquire()
            starts.append(mono())

    await asyncio.gather(*(sender() for _ in range(5)))
    starts.sort()
    assert len(starts) == 200
    assert all(b - a >= 1 / 30 for a, b in zip(starts, starts[1:], strict=False))
    assert max(sum(1 for t in starts if s <= t < s + 1) for s in starts) <= 30


async def test_the_pacer_holds_everyone_during_a_pause():
    mono = FakeMonotonic()
    pacer = Pacer(10, clock=mono, sleep=mono.sleep)
    await pacer.acquire()
    pacer.pause(5)
    before = mono()
    await pacer.acquire()
    assert mono() - before >= 5


def test_the_pacer_refuses_a_zero_rate():
    with pytest.raises(ValueError, match="rate"):
        Pacer(0)
