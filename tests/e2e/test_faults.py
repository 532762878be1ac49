"""Telegram misbehaves; the bot survives, logs it, and delivers every reply it can once it clears.

Faults are injected by the fake server: 429 with retry_after, 500, 502 with an HTML body, a
slow answer, a dropped connection, 403 for a blocked user, and malformed updates.
"""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.telegram.services import services_of

from .fakebotapi import PARSE_ERROR


async def _only_reply(chat, command: str = "/tip"):
    """Send `command`, return the reply, and prove it was sent once (a later reply follows it)."""
    chat.send(command)
    reply = await chat.next_message()
    chat.send("/help")
    after = await chat.next_message()
    assert "what i can do" in after.text.lower(), "the reply was delivered more than once"
    return reply


@pytest.mark.parametrize(
    "fault",
    [
        {"status": 429, "retry_after": 1},
        {"status": 500, "times": 2},
        {"status": 502, "times": 2},
        {"drop": True, "times": 2},
        {"delay": 1.5},
    ],
    ids=["429-retry-after", "500", "502-html", "dropped-connection", "slow"],
)
async def test_send_faults_clear_and_the_reply_arrives_once(api, bot, caplog, fault):
    caplog.set_level(logging.INFO)
    chat = api.chat(2001)
    planned = api.fault("sendMessage", chat_id=chat.id, **fault)
    reply = await _only_reply(chat)
    assert "stretch tip" in reply.text.lower()
    assert planned.hits == planned.times
    if "status" in fault or fault.get("drop"):
        assert any(r.levelno >= logging.INFO and "etry" in r.getMessage() for r in caplog.records)


async def test_html_telegram_cannot_parse_goes_out_as_plain_text(api, bot, caplog):
    chat = api.chat(2014)
    refused = api.fault(
        "sendMessage", chat_id=chat.id, parse_mode="HTML", status=400, description=PARSE_ERROR
    )
    reply = await _only_reply(chat)
    assert refused.hits == 1
    assert reply.html is None, "the second try is plain text"
    assert "stretch tip" in reply.text.lower()
    assert "<" not in reply.text and "&amp;" not in reply.text
    assert any("sending the reply as plain text" in r.getMessage() for r in caplog.records)


async def test_a_slow_answer_for_one_chat_does_not_hold_up_the_others(api, bot):
    slow, quick = api.chat(2002), api.chat(2003)
    gate = asyncio.Event()
    planned = api.fault("sendMessage", chat_id=slow.id, gate=gate)
    slow.send("/tip")
    await api.wait_for(lambda: planned.hits == 1)
    quick.send("/tip")
    assert "stretch tip" in (await quick.next_message()).text.lower()
    assert slow.messages == []
    gate.set()
    assert "stretch tip" in (await slow.next_message()).text.lower()


async def test_a_long_429_storm_is_waited_out_in_order(api, bot):
    chat = api.chat(2004)
    api.fault("sendMessage", status=429, retry_after=1, times=3)
    chat.send("/tip")
    chat.send("/help")
    first, second = await chat.next_messages(2, timeout=30)
    assert "stretch tip" in first.text.lower()
    assert "what i can do" in second.text.lower()


@pytest.mark.parametrize(
    "fault",
    [
        {"status": 500, "times": 15},
        {"drop": True, "times": 15},
        {"status": 429, "retry_after": 1, "times": 7},
    ],
    ids=["15-500s", "15-dropped-connections", "7-429s-in-a-row"],
)
async def test_a_long_outage_costs_no_reply(api, bot, caplog, fault):
    """More failures in a row than any fixed retry count allowed (the limiter alone gives up
    after five 429s): the reply waits and arrives once."""
    chat = api.chat(2010)
    planned = api.fault("sendMessage", chat_id=chat.id, **fault)
    reply = await _only_reply(chat)
    assert "stretch tip" in reply.text.lower()
    assert planned.hits == planned.times
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize(
    "fault", [{"status": 500}, {"status": 429, "retry_after": 30}], ids=["500s", "429-too-long"]
)
async def test_an_outage_longer_than_the_retry_time_is_given_up_with_an_error_naming_the_chat(
    api, start_bot, caplog, fault
):
    await start_bot(TELEGRAM_RETRY_SECONDS="1")
    chat = api.chat(2011)
    api.fault("sendMessage", chat_id=chat.id, times=1000, **fault)
    chat.send("/tip")
    await api.wait_for(
        lambda: any("giving up" in r.getMessage() for r in caplog.records), timeout=30
    )
    (error,) = [r for r in caplog.records if "giving up" in r.getMessage()]
    assert error.levelno == logging.ERROR and "sendMessage for chat 2011" in error.getMessage()
    api.faults.clear()
    chat.send("/help")  # Telegram is back: the next message is answered
    (after,) = await chat.next_messages(1, timeout=30)
    assert "what i can do" in after.text.lower()


@pytest.mark.parametrize(
    "fault",
    [{"status": 500}, {"status": 502}, {"drop": True}, {"status": 429, "retry_after": 1}],
    ids=["500", "502-html", "dropped-connection", "429"],
)
async def test_polling_survives_get_updates_faults(api, bot, fault):
    chat = api.chat(2005)
    planned = api.fault("getUpdates", **fault)
    chat.send("/tip")  # the waiting long poll returns it; the next poll meets the fault
    await chat.next_message()
    await api.wait_for(lambda: planned.hits == 1)
    chat.send("/help")
    assert "what i can do" in (await chat.next_message()).text.lower()


async def test_a_blocked_user_is_logged_and_the_others_are_served(api, bot, caplog):
    caplog.set_level(logging.WARNING)
    blocked, other = api.chat(2006), api.chat(2007)
    api.block(blocked.id)
    blocked.send("/tip")
    await api.wait_for(
        lambda: any(c.status == 403 for c in api.calls_to("sendMessage")), what="a 403"
    )
    other.send("/tip")
    assert "stretch tip" in (await other.next_message()).text.lower()
    await api.wait_for(
        lambda: any("Cannot reach" in r.getMessage() for r in caplog.records), what="the log"
    )
    refused = [c for c in api.calls_to("sendMessage") if c.params["chat_id"] == blocked.id]
    assert len(refused) == 1, "a 403 is final: no retries, no apology"

    api.unblock(blocked.id)
    blocked.send("/help")
    assert "what i can do" in (await blocked.next_message()).text.lower()


async def test_malformed_updates_are_skipped_and_logged(api, bot, caplog):
    caplog.set_level(logging.WARNING)
    chat = api.chat(2008)
    for payload in (
        {"message": {"text": "no chat, no date, no id"}},
        {"message": "not even an object"},
        {"callback_query": {"id": "1"}},
        {"message": {"message_id": "x", "date": "y", "chat": {}}},
        {"message": {"message_id": 1, "date": 1, "chat": {"id": 2008, "type": "private"}}},
        {
            "message": {
                "message_id": 2,
                "date": 1,
                "chat": {"id": 2008, "type": "private"},
                "text": 5,
            }
        },
        {"update_from_the_future": {"x": 1}},
    ):
        api.inject_raw(payload)
    api.inject_raw({"no_update_id": True, "update_id": "seven"})
    chat.send("/tip")
    await chat.wait_for(lambda: any("stretch tip" in m.text.lower() for m in chat.messages))
    skipped = [r for r in caplog.records if "malformed update" in r.getMessage()]
    assert len(skipped) >= 4
    await api.wait_for(lambda: api.pending <= 1, what="all well-formed ids confirmed")


async def test_a_failing_callback_answer_does_not_cost_the_reply(api, bot):
    chat = api.chat(2009)
    chat.send("/start")
    welcome = await chat.next_message()
    api.fault("answerCallbackQuery", status=400, description="Bad Request: query is too old")
    chat.press("Cooldown routine", message=welcome)
    routine = await chat.next_message()
    assert "cooldown" in routine.text.lower()


class ExplodingBrain:
    """The real brain, except that it raises on the word "explode"."""

    def __init__(self, brain):
        self._brain = brain

    def __getattr__(self, name):
        return getattr(self._brain, name)

    def reply(self, text, context=None):
        if "explode" in text:
            raise RuntimeError("the brain had a bad day")
        return self._brain.reply(text, context)


async def test_a_handler_error_is_logged_with_context_and_answered_politely(
    api, start_bot, brain, caplog
):
    caplog.set_level(logging.ERROR)
    await start_bot(brain=ExplodingBrain(brain))
    chat = api.chat(2010)
    chat.send("please explode")
    apology = await chat.next_message()
    assert "something went wrong" in apology.text.lower()
    errors = [r for r in caplog.records if r.getMessage().startswith("Error while handling")]
    assert errors and errors[0].exc_info
    assert "chat 2010" in errors[0].getMessage()
    assert "the brain had a bad day" in str(errors[0].exc_info[1])
    chat.send("why is my psoas tight?")
    assert "psoas" in (await chat.next_message()).text.lower()


async def test_a_flooding_chat_gets_one_notice_then_is_ignored_for_a_while(api, start_bot, clock):
    application = await start_bot(FLOOD_LIMIT="5", FLOOD_WINDOW="10", FLOOD_MUTE="30")
    guard = services_of(application).flood
    flooder, other = api.chat(2011), api.chat(2012)
    for _ in range(12):
        flooder.send("/tip")
    other.send("/tip")
    assert "stretch tip" in (await other.next_message()).text.lower()
    await api.wait_for(lambda: guard.dropped == 7, what="the flood to be handled")
    texts = [m.text.lower() for m in flooder.messages]
    assert len(texts) == 6
    assert sum("lot of messages" in t for t in texts) == 1
    assert "lot of messages" in texts[-1]

    clock.advance(31)
    flooder.send("/help")
    assert "what i can do" in (await flooder.next_messages(7))[-1].text.lower()


async def test_a_flooding_chat_also_cannot_press_buttons_while_muted(api, start_bot, clock):
    application = await start_bot(FLOOD_LIMIT="2", FLOOD_WINDOW="10", FLOOD_MUTE="30")
    guard = services_of(application).flood
    chat = api.chat(2013)
    chat.send("/start")
    welcome = await chat.next_message()
    chat.press("Cooldown routine", message=welcome)
    await chat.next_message()
    chat.press("Desk break", message=welcome)
    assert "lot of messages" in (await chat.next_message()).text.lower()
    chat.press("Desk break", message=welcome)
    await api.wait_for(lambda: guard.dropped == 2)
    assert len(chat.messages) == 3
