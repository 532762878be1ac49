"""Operations end to end on the fake Bot API: /stats and /announce (admins, and everyone else),
👍 / 👎, unanswered messages (opt-in), tips that follow a person, and /healthz and /metrics
served by a polling bot on METRICS_PORT and by the real process in webhook mode."""

from __future__ import annotations

import asyncio
import json
import re
from datetime import UTC, datetime

import aiohttp
import pytest
from local_postgres import BACKENDS

from bot import feedback
from bot.stats import PERSON_HASH_HEX, week_of
from bot.store import StoreError
from bot.telegram import ops
from bot.telegram.services import services_of

from .conftest import stop
from .test_daily_e2e import WallClock, run_tick, tips_to
from .test_process import SECRET, assert_no_secrets, free_port, until_listening, webhook_bot

ADMIN = 4242
PERSON = 1313


@pytest.fixture(params=BACKENDS)
def backend(request):
    return request.param


@pytest.fixture
def wall() -> WallClock:
    return WallClock(datetime(2025, 6, 4, 6, 0, tzinfo=UTC))  # a Wednesday


@pytest.fixture
async def ops_bot(start_bot, wall):
    async def start(**env: str):
        return await start_bot(daily_clock=wall, ADMIN_IDS=str(ADMIN), **env)

    return start


def button_answer(chat, query_id) -> str:
    return (chat.answer(query_id) or {}).get("text") or ""


# -- /stats ----------------------------------------------------------------------------------


async def test_stats_is_for_admins_and_everyone_else_gets_the_unknown_command_answer(api, ops_bot):
    await ops_bot()
    person, admin = api.chat(PERSON), api.chat(ADMIN)
    person.send("/stats")
    refused = await person.next_message()
    assert "I don't know /stats" in refused.text
    person.send("/frobnicate")
    assert (await person.next_message()).text == refused.text.replace("/stats", "/frobnicate")

    person.send("why is my psoas tight?")
    await person.next_message()
    person.send("xyzzy plugh frobble")
    await person.next_message()
    person.send("I have numbness in my groin and can't control my bladder")
    flag = await person.next_message()
    assert "emergency" in flag.text.lower() or "999" in flag.text
    other = api.chat(PERSON + 1)
    other.send("how do I stretch my calves?")
    await other.next_message()

    admin.send("/stats")
    stats = await admin.next_message()
    text = stats.text
    assert "This week (since Monday 2025-06-02, UTC)" in text
    assert "People: 3 this week, 3 today (last week: 0)" in text, text
    assert "answer 1" in text and "stretch 1" in text and "red_flag 1" in text
    assert "Not understood: 1 of" in text
    assert "Red flags: emergency 1" in text
    assert "Daily tips: 0 subscribers" in text
    assert "Unanswered messages are not kept" in text
    assert str(PERSON) not in text


async def test_a_second_message_the_same_week_is_the_same_person(api, ops_bot, wall):
    application = await ops_bot()
    person = api.chat(PERSON)
    for _ in range(3):
        person.send("why are my calves tight?")
        await person.next_message()
    services = services_of(application)
    ops.flush_tally(services)
    week = week_of(wall.now.date())
    assert services.store.people_count(week) == 1
    rows = services.store._ops("SELECT person FROM stats_people").fetchall()
    assert all(len(row[0]) == PERSON_HASH_HEX and row[0] != str(PERSON) for row in rows), "a hash"


# -- /announce -------------------------------------------------------------------------------


async def test_an_announcement_goes_to_subscribers_once_after_the_admin_confirms(api, ops_bot):
    application = await ops_bot()
    subscribers = [api.chat(2000 + i) for i in range(4)]
    for chat in subscribers:
        chat.send("/daily on 08:00 UTC")
        await chat.next_message()
    stopped = api.chat(2100)
    stopped.send("/daily on 08:00 UTC")
    await stopped.next_message()
    stopped.send("/daily off")
    await stopped.next_message()
    api.block(subscribers[3].id)

    person = api.chat(PERSON)
    person.send("/announce Hello <everyone>")
    assert "I don't know /announce" in (await person.next_message()).text

    admin = api.chat(ADMIN)
    admin.send("/announce New stretches for runners are in!\n\nAsk me for a cooldown.")
    preview = await admin.next_message()
    assert "This goes to 4 daily subscriber(s)" in preview.text
    assert "New stretches for runners are in!" in preview.text
    assert preview.labels == ["Send to 4", "Cancel"]
    assert all("announce" not in m.text.lower() for c in subscribers for m in c.messages[1:])

    go = preview.data_for("Send to 4")
    admin.press("Send to 4", message=preview)
    await admin.wait_for(lambda: "Sending the announcement" in preview.text)
    summary = await admin.wait_for(
        lambda: next((m for m in admin.messages if "Announcement sent" in m.text), None)
    )
    assert "3 delivered, 0 failed, 1 blocked" in summary.text
    for chat in subscribers[:3]:
        got = [m for m in chat.messages if "News from StretchBot" in m.text]
        assert len(got) == 1
        assert "Ask me for a cooldown." in got[0].text and "not medical advice" in got[0].text
        assert "Stop daily tips" in got[0].labels
    assert not any("News from" in m.text for m in stopped.messages)
    store = services_of(application).store
    assert store.get(subscribers[3].id) is None, "a person who blocked the bot is removed"

    again = admin.press(message=preview, data=go)  # an old Send pressed again
    await admin.answered(again)
    await admin.wait_for(lambda: "was sent: 3 delivered" in preview.text)
    assert sum("News from" in m.text for c in subscribers for m in c.messages) == 3

    admin.skip_all()
    admin.send("/announce")
    status = await admin.next_message()
    assert "was sent: 3 delivered, 0 failed, 1 blocked, of 4 subscribers" in status.text


async def test_one_announcement_at_a_time_and_cancel_sends_nothing(api, ops_bot):
    await ops_bot()
    subscriber = api.chat(2200)
    subscriber.send("/daily on 08:00 UTC")
    await subscriber.next_message()
    admin = api.chat(ADMIN)

    admin.send("/announce Not this one")
    draft = await admin.next_message()
    admin.press("Cancel", message=draft)
    await admin.wait_for(lambda: "Cancelled: nothing was sent." in draft.text)

    gate = asyncio.Event()
    api.fault("sendMessage", chat_id=subscriber.id, gate=gate)
    admin.send("/announce First")
    first = await admin.next_message()
    admin.send("/announce Second")
    second = await admin.next_message()
    admin.press("Send to 1", message=first)
    await admin.wait_for(lambda: "Sending the announcement" in first.text)
    admin.press("Send to 1", message=second)
    await admin.wait_for(lambda: "Another announcement is being sent" in second.text)
    admin.send("/announce Third")
    third = await admin.next_message()
    assert "An announcement is being sent right now" in third.text
    gate.set()
    await admin.wait_for(lambda: any("Announcement sent" in m.text for m in admin.messages))
    admin.press("Send to 1", message=second)
    await admin.wait_for(lambda: sum("Announcement sent" in m.text for m in admin.messages) == 2)
    news = [m.text for m in subscriber.messages if "News from" in m.text]
    assert len(news) == 2 and "First" in news[0] and "Second" in news[1]
    assert not any("Not this one" in text for text in news)


# -- feedback --------------------------------------------------------------------------------


async def test_one_vote_per_answer_stored_without_the_person(api, ops_bot, wall):
    application = await ops_bot()
    person = api.chat(PERSON)
    person.send("why is my psoas tight?")
    answer = await person.next_message()
    assert answer.labels[-2:] == ["👍", "👎"]
    assert answer.keyboard[-1] == answer.buttons[-2:], "a row of their own"
    data = answer.data_for("👍")

    query = person.press("👍", message=answer)
    await person.answered(query)
    assert button_answer(person, query) == "Thanks! Glad it helped."
    await person.wait_for(lambda: "👍" not in answer.labels, what="the buttons taken off")
    assert answer.labels and "👎" not in answer.labels, "the other buttons stay"

    again = person.press(message=answer, data=data.replace("fb:u", "fb:d"))
    await person.answered(again)
    assert button_answer(person, again) == "You've already rated this one. Thanks!"
    forged = person.press(message=answer, data="fb:ua:zzzzzzzz:psoas.why_tight")
    await person.answered(forged)
    assert "expired" in button_answer(person, forged)

    person.send("show me a calf stretch")
    stretch = await person.next_message()
    vote = person.press("👎", message=stretch)
    await person.answered(vote)
    assert "Thanks for telling me" in button_answer(person, vote)

    store = services_of(application).store
    votes = sorted(store.votes("2025-01-01"))
    second = feedback.parse(stretch.data_for("👎"))
    assert [(intent, kind, v) for intent, kind, v, _n in votes] == sorted(
        [(second.intent, second.kind, -1), ("psoas.why_tight", "answer", 1)]
    )
    rows = store._ops("SELECT * FROM feedback").fetchall()
    # no column is the chat id (a random nonce may contain its digits by chance)
    assert len(rows) == 2 and all(str(PERSON) not in map(str, row) for row in rows)

    person.send("give me a cooldown routine")
    routine = await person.next_message()
    assert "👍" not in routine.labels, "routines carry no rating"


# -- unanswered messages (opt-in) ------------------------------------------------------------


async def test_unanswered_messages_are_kept_only_when_the_operator_opts_in(api, ops_bot, wall):
    off = await ops_bot()
    person = api.chat(PERSON)
    person.send("xyzzy plugh frobble")
    await person.next_message()
    assert services_of(off).store.unanswered(datetime(2000, 1, 1, tzinfo=UTC)) == []
    await stop(off)

    on = await ops_bot(STRETCHBOT_KEEP_UNANSWERED="1")  # the same database
    other = api.chat(PERSON + 7)
    other.send("my email is sam@example.org and xyzzy plugh frobble")
    await other.next_message()
    other.send("how do I stretch my calves?")
    await other.next_message()
    kept = services_of(on).store.unanswered(datetime(2000, 1, 1, tzinfo=UTC))
    assert [text for text, _ in kept] == ["my email is [email] and xyzzy plugh frobble"]


# -- tips that follow a person ---------------------------------------------------------------


async def test_tips_follow_the_areas_asked_about_once_the_person_opts_in(api, ops_bot, wall, brain):
    application = await ops_bot(DAILY_TICK_SECONDS="0.2")
    store = services_of(application).store
    chat = api.chat(PERSON)
    chat.send("/daily on 08:00 UTC")
    status = await chat.next_message()
    assert "Tips for my areas" in status.labels

    chat.send("why are my calves tight?")  # before opting in: not counted
    await chat.next_message()
    assert store.topic_counts(chat.id) == {}

    chat.press("Tips for my areas", message=status)
    await chat.wait_for(lambda: "your daily tips will follow" in status.text)
    for question in ("why are my calves tight?", "how do I stretch my calves?"):
        chat.send(question)
        await chat.next_message()
    chat.send("what is the psoas?")
    await chat.next_message()
    assert store.topic_counts(chat.id) == {"calves": 2, "psoas": 1}

    chat.send("/daily")
    shown = await chat.next_message()
    assert "Your tips follow what you ask me about: calves (2), psoas (1)" in shown.text
    assert {"Reset my areas", "Tips for everyone"} <= set(shown.labels)

    calves_tips = {" ".join(t.text.split()) for t in brain.kb.tips if "calves" in t.topics}
    psoas_tips = {" ".join(t.text.split()) for t in brain.kb.tips if "psoas" in t.topics}
    for day in (4, 5):
        wall.now = datetime(2025, 6, day, 8, 0, 5, tzinfo=UTC)
        await api.wait_for(lambda d=day: len(tips_to(api, chat.id)) == d - 3, what="a tip")
    first, second = tips_to(api, chat.id)
    assert any(text in first.text for text in calves_tips | psoas_tips), first.text
    assert any(text in second.text for text in calves_tips | psoas_tips), second.text

    chat.skip_all()
    chat.press("Reset my areas", message=shown)
    await chat.wait_for(lambda: "forgotten the areas" in shown.text)
    assert store.topic_counts(chat.id) == {} and store.following(chat.id)

    chat.send("why are my hamstrings tight?")
    await chat.next_message()
    chat.send("/forget")
    ask = await chat.next_message()
    assert "the areas your tips follow" in ask.text
    chat.press("Yes, delete it all", message=ask)
    await chat.wait_for(lambda: "deleted everything" in ask.text)
    assert not store.following(chat.id) and store.topic_counts(chat.id) == {}
    await run_tick(application)


async def test_daily_follow_by_command(api, ops_bot):
    application = await ops_bot()
    chat = api.chat(PERSON)
    chat.send("/daily follow")
    assert "will follow" in (await chat.next_message()).text
    assert services_of(application).store.following(chat.id)
    chat.send("/daily follow off")
    assert "same as everyone's" in (await chat.next_message()).text
    assert not services_of(application).store.following(chat.id)


# -- /healthz and /metrics -------------------------------------------------------------------


async def get(session, url):
    async with session.get(url) as response:
        return response.status, await response.text(), response.headers.get("Content-Type", "")


async def test_polling_bot_serves_health_and_metrics_on_metrics_port(api, ops_bot, monkeypatch):
    port = free_port()
    application = await ops_bot(METRICS_PORT=str(port))
    base = f"http://127.0.0.1:{port}"
    chat = api.chat(PERSON)
    chat.send("why is my psoas tight?")
    await chat.next_message()
    async with aiohttp.ClientSession() as session:
        status, body, kind = await get(session, f"{base}/healthz")
        assert status == 200 and kind.startswith("application/json")
        health = json.loads(body)
        assert health["status"] == "ok" and health["store"] == "ok"
        assert health["telegram"]["ok"] and health["telegram"]["last_success_seconds_ago"] < 60

        status, metrics, kind = await get(session, f"{base}/metrics")
        assert status == 200 and kind.startswith("text/plain")
        assert 'stretchbot_replies_total{kind="answer"} 1.0' in metrics
        assert 'stretchbot_updates_total{kind="message"} 1.0' in metrics
        assert 'stretchbot_telegram_requests_total{method="sendMessage"}' in metrics
        assert "stretchbot_reply_seconds_count 1.0" in metrics
        # the chat id as a number of its own (not four digits inside a timestamp's float)
        assert not re.search(rf"(?<![\d.]){PERSON}(?![\d.e])", metrics), "no chat id"
        assert api.token.split(":")[1] not in metrics

        services = services_of(application)
        services.ops.health.last_success -= 10_000  # Telegram silent for hours
        api.fault("*", status=500, times=1000)
        status, body, _ = await get(session, f"{base}/healthz")
        assert status == 503
        assert json.loads(body)["telegram"]["ok"] is False
        api.faults.clear()
        await api.wait_for(lambda: (services.ops.health.age() or 1e9) < 60, what="a success")

        def broken() -> None:
            raise StoreError("the database 'x' failed: gone")

        monkeypatch.setattr(services.store, "ping", broken)
        status, body, _ = await get(session, f"{base}/healthz")
        assert (status, json.loads(body)["store"]) == (503, "failing")


async def test_webhook_process_serves_healthz_and_metrics(api, spawn_bot):
    process, url = await webhook_bot(api, spawn_bot, "hook")
    base = url.rsplit("/", 1)[0]
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    async with aiohttp.ClientSession() as session:
        await until_listening(session, url, headers)
        api.forward_webhook_to(url)
        chat = api.chat(3301)
        chat.send("xyzzy plugh frobble")
        await chat.next_message()
        chat.send("I have chest pain spreading to my left arm")
        await chat.next_message()

        status, body, _ = await get(session, f"{base}/healthz")
        assert status == 200, body
        assert json.loads(body)["status"] == "ok"
        status, metrics, _ = await get(session, f"{base}/metrics")
        assert status == 200
        assert 'stretchbot_red_flags_total{level="emergency"} 1.0' in metrics
        assert 'stretchbot_fallbacks_total{reason="not_understood"} 1.0' in metrics
        assert 'stretchbot_replies_total{kind="red_flag"} 1.0' in metrics
        assert "process_resident_memory_bytes" in metrics
        # no chat id in any label or value; a timestamp's digits may hold "3301" by chance
        assert re.search(r"(?<![0-9.])3301(?![0-9])", metrics) is None
        async with session.post(f"{base}/metrics") as response:
            assert response.status == 405
    assert await process.stop() == 0
    assert_no_secrets(process.output, api.token, SECRET)
