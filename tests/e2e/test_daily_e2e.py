"""Daily tips end to end: the real bot polls the fake Bot API; only the wall clock is fake.

The tick runs on the job queue every 0.2 s here; tests move the injected clock past a send
time and wait for the tip to arrive. Where a test must show that nothing is sent, it runs a
tick itself (`run_tick`) and then looks, instead of waiting and hoping. Every test runs on
SQLite and on PostgreSQL.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, time, timedelta

import pytest
from local_postgres import BACKENDS

from bot.store import Store, open_store
from bot.telegram import daily as tg_daily
from bot.telegram.services import services_of

from .conftest import stop
from .fakebotapi import PARSE_ERROR, FakeBotAPI

DISCLAIMER = "not medical advice"


class WallClock:
    """The bot's idea of now (aware UTC), moved by the test."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(params=BACKENDS)
def backend(request):
    return request.param


@pytest.fixture
def wall() -> WallClock:
    return WallClock(datetime(2025, 6, 2, 6, 0, tzinfo=UTC))


@pytest.fixture
async def daily_bot(start_bot, wall):
    """The bot, ticking every 0.2 s on the fake wall clock."""

    async def start(**env: str):
        return await start_bot(DAILY_TICK_SECONDS="0.2", daily_clock=wall, **env)

    return start


async def eventually(predicate, timeout: float = 20.0, what: str = ""):
    """Wait for bot-side state (the store) that the fake server cannot see change."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not (result := predicate()):
        if loop.time() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what or predicate}")
        await asyncio.sleep(0.02)
    return result


def store_of(application):
    return services_of(application).store


async def run_tick(application):
    """One tick, run by the test itself (the job queue runs them too)."""
    return await tg_daily.run_tick(application.bot, services_of(application))


def tips_to(api: FakeBotAPI, chat_id: int) -> list:
    return [m for m in api.sent if m.chat_id == chat_id and "daily stretch tip" in m.text]


async def test_subscribe_by_command_and_get_the_tip_at_the_due_time(api, daily_bot, wall):
    application = await daily_bot()
    chat = api.chat(1001)
    chat.send("/daily on 07:30 Europe/Berlin")
    confirmation = await chat.next_message()
    assert "Daily tips are on" in confirmation.text
    assert "07:30 (Europe/Berlin time)" in confirmation.text
    assert "tomorrow at 07:30" in confirmation.text  # 06:00 UTC is 08:00 in Berlin

    wall.now = datetime(2025, 6, 3, 5, 29, 50, tzinfo=UTC)  # 07:29:50 in Berlin
    await run_tick(application)
    assert tips_to(api, 1001) == []

    wall.now = datetime(2025, 6, 3, 5, 30, 5, tzinfo=UTC)
    tip = await chat.next_message()
    assert "Your daily stretch tip" in tip.text
    assert DISCLAIMER in tip.text
    assert "Stop daily tips" in tip.labels

    sub = await eventually(lambda: (s := store_of(application).get(1001)).tip_cursor and s)
    assert str(sub.last_sent) == "2025-06-03"
    await run_tick(application)
    assert len(tips_to(api, 1001)) == 1

    wall.now = datetime(2025, 6, 4, 5, 30, 5, tzinfo=UTC)
    await api.wait_for(lambda: len(tips_to(api, 1001)) == 2, what="the second day's tip")
    first, second = tips_to(api, 1001)
    assert first.text != second.text  # the cursor moved on


async def test_a_tip_carries_a_button_for_the_stretch_it_mentions(api, daily_bot, wall, brain):
    application = await daily_bot()
    index = next(
        i
        for i in range(brain.tip_count)
        if any(a.intent.startswith("stretch.") for a in brain.tip(i).actions)
    )
    chat = api.chat(1002)
    chat.send("/daily on 08:00 UTC")
    await chat.next_message()
    store = store_of(application)
    placeholder = "?" if isinstance(store, Store) else "%s"  # SQLite or PostgreSQL
    store._db.execute(f"UPDATE subscriptions SET tip_cursor = {placeholder}", (index,))

    wall.now = datetime(2025, 6, 2, 8, 0, 1, tzinfo=UTC)
    tip = await chat.next_message()
    label = next(a.label for a in brain.tip(index).actions if a.intent.startswith("stretch."))
    assert label in tip.labels
    chat.press(label)
    stretch = await chat.next_message()
    assert DISCLAIMER in stretch.text
    assert "daily stretch tip" not in stretch.text


async def test_subscribe_by_free_text_then_pick_a_zone_then_stop_by_free_text(api, daily_bot, wall):
    application = await daily_bot()
    chat = api.chat(1003)
    chat.send("send me a tip every day at 7:30")
    confirmation = await chat.next_message()
    assert "Daily tips are on" in confirmation.text
    assert "07:30 (UTC time)" in confirmation.text
    assert "Telegram doesn't tell me your time zone" in confirmation.text
    assert "Berlin · Paris" in confirmation.labels

    chat.press("Berlin · Paris")
    await chat.wait_for(lambda: confirmation.edits >= 1)
    assert "Time zone set to Europe/Berlin" in confirmation.text
    assert "07:30 (Europe/Berlin time)" in confirmation.text
    assert "Telegram doesn't tell me" not in confirmation.text
    sub = store_of(application).get(1003)
    assert (sub.zone, sub.local_time, sub.active) == ("Europe/Berlin", time(7, 30), True)

    chat.send("stop the daily tips")
    stopped = await chat.next_message()
    assert "Daily tips are off" in stopped.text
    assert not store_of(application).get(1003).active

    wall.now += timedelta(days=2)
    await run_tick(application)
    assert tips_to(api, 1003) == []


@pytest.mark.parametrize(
    "command",
    [
        "/daily on 25:99",
        "/daily on 07:30 Mars/Olympus",
        "/daily on 07:30 Europe/Berlin please",
        "/daily sometimes",
        "/daily off now",
    ],
)
async def test_bad_input_gets_the_usage_line_and_changes_nothing(api, daily_bot, command):
    application = await daily_bot()
    chat = api.chat(1004)
    chat.send("/daily on 06:45 Asia/Tokyo")
    await chat.next_message()
    before = store_of(application).get(1004)

    chat.send(command)
    answer = await chat.next_message()
    assert "Usage: /daily" in answer.text
    assert store_of(application).get(1004) == before


async def test_status_buttons_start_and_retime_the_tips(api, daily_bot):
    application = await daily_bot()
    chat = api.chat(1005)
    chat.send("/daily")
    status = await chat.next_message()
    assert "Daily tips are off" in status.text
    chat.press("Start at 08:00")
    await chat.wait_for(lambda: status.edits >= 1)
    assert "Daily tips are on" in status.text

    chat.send("/daily")
    status = await chat.next_message()
    chat.press("Change time")
    await chat.wait_for(lambda: status.edits >= 1)
    chat.press("07:30")
    await chat.wait_for(lambda: status.edits >= 2)
    assert "every day at 07:30" in status.text
    assert store_of(application).get(1005).local_time == time(7, 30)


async def test_the_welcome_button_shows_the_daily_status(api, daily_bot):
    await daily_bot()
    chat = api.chat(1006)
    chat.send("/start")
    welcome = await chat.next_message()
    chat.press("Daily tips", message=welcome)
    status = await chat.next_message()
    assert "Daily tips are off" in status.text


async def test_the_stop_button_under_a_tip_unsubscribes(api, daily_bot, wall):
    application = await daily_bot()
    chat = api.chat(1007)
    chat.send("/daily on 08:00")
    await chat.next_message()
    wall.now = datetime(2025, 6, 2, 8, 0, 1, tzinfo=UTC)
    tip = await chat.next_message()
    await eventually(lambda: store_of(application).get(1007).tip_cursor == 1)
    chat.press("Stop daily tips", message=tip)
    answer = await chat.next_message()
    assert "Daily tips are off" in answer.text
    assert tip.edits == 0  # the tip itself stays readable
    assert not store_of(application).get(1007).active


async def test_a_person_who_blocked_the_bot_is_unsubscribed(api, daily_bot, wall):
    application = await daily_bot()
    for chat_id in (1008, 1009):
        api.chat(chat_id).send("/daily on 08:00")
    await api.wait_for(lambda: len(api.sent) >= 2)
    api.block(1008)
    wall.now = datetime(2025, 6, 2, 8, 0, 1, tzinfo=UTC)
    await api.wait_for(lambda: tips_to(api, 1009), what="the tip to the other chat")
    await eventually(lambda: store_of(application).get(1008) is None, what="unsubscribed")
    await eventually(lambda: store_of(application).get(1009).tip_cursor == 1, what="recorded")
    api.unblock(1008)
    wall.now += timedelta(days=1)
    await run_tick(application)
    assert tips_to(api, 1008) == []
    assert len(tips_to(api, 1009)) == 2


async def test_a_tip_telegram_cannot_parse_goes_out_once_as_plain_text(api, daily_bot, wall):
    application = await daily_bot()
    chat = api.chat(1012)
    chat.send("/daily on 08:00 UTC")
    await chat.next_message()
    refused = api.fault(
        "sendMessage", chat_id=chat.id, parse_mode="HTML", status=400, description=PARSE_ERROR
    )
    wall.now = datetime(2025, 6, 2, 8, 0, 1, tzinfo=UTC)
    tip = await chat.next_message()
    assert refused.hits == 1
    assert tip.html is None, "sent again at once, as plain text"
    assert "Your daily stretch tip" in tip.text
    assert DISCLAIMER in tip.text
    assert "<" not in tip.text and "&amp;" not in tip.text
    assert "Stop daily tips" in tip.labels
    sub = await eventually(lambda: (s := store_of(application).get(1012)).tip_cursor and s)
    assert (str(sub.last_sent), sub.failures) == ("2025-06-02", 0)
    await run_tick(application)
    assert tips_to(api, 1012) == [tip]


async def test_a_429_storm_delays_but_delivers_each_tip_exactly_once(api, daily_bot, wall):
    application = await daily_bot()
    store = store_of(application)
    chats = range(2001, 2041)
    for chat_id in chats:
        store.save(
            chat_id,
            local_time=time(8, 0),
            zone="UTC",
            next_send=datetime(2025, 6, 2, 8, tzinfo=UTC),
            now=wall.now,
        )
    storm = api.fault("sendMessage", status=429, retry_after=1, times=12)
    wall.now = datetime(2025, 6, 2, 8, 0, 1, tzinfo=UTC)
    await api.wait_for(
        lambda: all(tips_to(api, c) for c in chats), timeout=60, what="every tip after the storm"
    )
    await eventually(lambda: not store.due(wall.now), what="every send recorded")
    await run_tick(application)
    assert storm.hits == 12
    assert all(len(tips_to(api, c)) == 1 for c in chats)


async def test_forget_asks_first_then_deletes_everything(api, daily_bot):
    application = await daily_bot()
    chat = api.chat(1010)
    chat.send("/daily on 08:00")
    await chat.next_message()

    chat.send("/forget")
    ask = await chat.next_message()
    assert "deletes everything I store about you" in ask.text
    chat.press("No, keep it")
    await chat.wait_for(lambda: ask.edits >= 1)
    assert "nothing was deleted" in ask.text
    assert store_of(application).get(1010) is not None

    chat.send("/forget")
    ask = await chat.next_message()
    chat.press("Yes, delete it all")
    await chat.wait_for(lambda: ask.edits >= 1)
    assert "deleted everything" in ask.text
    assert store_of(application).get(1010) is None


async def test_a_subscription_survives_a_restart(api, start_bot, wall):
    first = await start_bot(DAILY_TICK_SECONDS="0.2", daily_clock=wall)
    chat = api.chat(1011)
    chat.send("/daily on 08:00")
    await chat.next_message()
    await stop(first)

    second = await start_bot(DAILY_TICK_SECONDS="0.2", daily_clock=wall)
    assert second.job_queue.get_jobs_by_name(tg_daily.JOB_NAME)
    wall.now = datetime(2025, 6, 2, 8, 0, 1, tzinfo=UTC)
    tip = await chat.next_message()
    assert "Your daily stretch tip" in tip.text


async def test_a_stop_mid_broadcast_lets_the_sends_under_way_finish(api, daily_bot, wall, database):
    """Ctrl+C or SIGTERM while tips go out: no new row is taken on, and every send under way
    ends and is recorded before the store closes. A claim left behind would be counted as
    delivered at the next start, whether or not its tip went out."""
    application = await daily_bot()
    store = store_of(application)
    chats = range(4001, 4201)
    due = datetime(2025, 6, 2, 8, tzinfo=UTC)
    for chat_id in chats:
        store.save(chat_id, local_time=time(8, 0), zone="UTC", next_send=due, now=wall.now)
    api.fault("sendMessage", delay=0.3, times=10_000)  # slow answers: eight sends under way
    wall.now = datetime(2025, 6, 2, 8, 0, 1, tzinfo=UTC)
    await api.wait_for(lambda: len(api.sent) >= 20, what="the broadcast under way")
    await stop(application)

    sent = {m.chat_id for m in api.sent if "daily stretch tip" in m.text}
    assert len(sent) < len(chats), "stopped mid-broadcast"
    reopened = open_store(database)
    try:
        rows = {chat_id: reopened.get(chat_id) for chat_id in chats}
    finally:
        reopened.close()
    assert [c for c, sub in rows.items() if sub.attempt_at is not None] == []
    assert {c for c, sub in rows.items() if sub.last_sent == due.date()} == sent
