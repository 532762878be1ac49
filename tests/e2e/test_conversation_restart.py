"""Conversations survive a restart: the real bot is stopped and a new Application is started on
the same database, then the conversation goes on as if nothing happened. On SQLite and on
PostgreSQL. Also: conversations expire, /forget deletes them, each person in a group has their
own, and expired ones are purged.

Expected replies are asked of the same brain the bot uses, so a change to the knowledge base
does not break these tests; what they check is that the context came back.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from local_postgres import BACKENDS

from bot.telegram import conversations
from bot.telegram.services import services_of

from .conftest import stop
from .fakebotapi import BOT_USERNAME


@pytest.fixture(params=BACKENDS)
def backend(request):
    return request.param


class WallClock:
    """The bot's idea of now (aware UTC), moved by the test."""

    def __init__(self) -> None:
        self.now = datetime(2025, 6, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def heading(reply) -> str:
    """What tells a reply apart: its title, or its first paragraph if it has none."""
    titles = [block.text for block in reply.blocks if block.style == "title"]
    return titles[0] if titles else reply.blocks[0].text


def is_like(message, reply, unlike) -> bool:
    """`message` is `reply` as sent, and not the `unlike` reply."""
    return heading(reply) in message.text and heading(unlike) not in message.text


async def test_a_follow_up_after_a_restart_is_answered_with_the_context_from_before(
    api, start_bot, brain
):
    question = "why is my psoas tight?"
    follow_up = "how do I stretch it?"
    with_context = brain.reply(follow_up, brain.reply(question).context)
    without_context = brain.reply(follow_up)
    assert heading(with_context) != heading(without_context)

    first = await start_bot()
    chat = api.chat(4001)
    chat.send(question)
    answer = await chat.next_message()
    assert "psoas" in answer.text.lower()
    await stop(first)

    second = await start_bot()
    assert second is not first
    chat.send(follow_up)
    stretch = await chat.next_message()
    assert is_like(stretch, with_context, unlike=without_context)
    assert re.search(r"^1\. ", stretch.text, re.MULTILINE), "the stretch, with its steps"

    stranger = api.chat(4002)  # the same words with no conversation behind them
    stranger.send(follow_up)
    assert is_like(await stranger.next_message(), without_context, unlike=with_context)


async def test_a_guided_routine_continues_after_a_restart_with_the_steps_that_suit(
    api, start_bot, brain
):
    """The step is in the button; which stretch a step holds depends on the conversation (a
    pregnancy swaps the stretches lying on the back for others), so step 6 after the restart
    shows that the context came back."""
    pregnant = brain.reply("I'm pregnant").context
    assert pregnant.conditions
    suited = brain.resolve("guide.cooldown.5", pregnant).stretches
    every = brain.resolve("guide.cooldown.5", None).stretches
    assert suited != every
    suited_name, every_name = (brain.kb.stretches[s[0]].name for s in (suited, every))

    first = await start_bot()
    chat = api.chat(4003)
    chat.send("I'm pregnant")
    await chat.next_message()
    chat.send("/routine cooldown")
    overview = await chat.next_message()
    chat.press("Step by step", message=overview)
    guide = await chat.next_message()
    assert "step 1 of" in guide.text.lower()
    await stop(first)

    await start_bot()
    for step in range(2, 7):
        chat.press("Next", message=guide)
        await chat.wait_for(lambda step=step: f"step {step} of" in guide.text.lower())
    assert suited_name in guide.text, "the pregnancy named before the restart came back"
    assert every_name not in guide.text


async def test_a_conversation_is_forgotten_once_it_expires(api, start_bot, brain):
    follow_up = "how do I stretch it?"
    with_context = brain.reply(follow_up, brain.reply("why is my psoas tight?").context)
    without_context = brain.reply(follow_up)
    wall = WallClock()
    application = await start_bot(daily_clock=wall, CONVERSATION_HOURS="1")
    chat = api.chat(4004)
    chat.send("why is my psoas tight?")
    await chat.next_message()
    wall.now += timedelta(minutes=59)
    chat.send(follow_up)
    assert is_like(await chat.next_message(), with_context, unlike=without_context)

    wall.now += timedelta(minutes=61)  # an hour after the last message
    chat.send(follow_up)
    assert is_like(await chat.next_message(), without_context, unlike=with_context)

    store = services_of(application).store
    chat.send("why is my psoas tight?")
    await chat.next_message()
    assert store.load_conversation(chat.id, 0, wall.now) is not None
    assert application.job_queue.get_jobs_by_name(conversations.PURGE_JOB)
    wall.now += timedelta(hours=2)
    await conversations.purge(SimpleNamespace(services=services_of(application)))
    assert store.purge_conversations(wall.now) == 0, "the job already deleted it"


async def test_forget_deletes_the_conversation_too(api, start_bot, brain):
    application = await start_bot()
    chat = api.chat(4005)
    chat.send("why is my psoas tight?")
    await chat.next_message()
    chat.send("/forget")
    ask = await chat.next_message()
    chat.press("Yes, delete it all")
    await chat.wait_for(lambda: ask.edits >= 1)
    assert "cleared our conversation" in ask.text
    store = services_of(application).store
    assert store.load_conversation(chat.id, 0, datetime.now(UTC)) is None

    chat.send("how do I stretch it?")
    without_context = brain.reply("how do I stretch it?")
    with_context = brain.reply(
        "how do I stretch it?", brain.reply("why is my psoas tight?").context
    )
    assert is_like(await chat.next_message(), without_context, unlike=with_context)


async def test_each_person_in_a_group_keeps_their_own_conversation_across_a_restart(
    api, start_bot, brain
):
    group = api.chat(-2002, type="group", title="Stretchers", user_id=7001)
    other = {"id": 7002, "is_bot": False, "first_name": "Sam", "username": "sam"}
    first = await start_bot()
    group.send(f"@{BOT_USERNAME} why is my psoas tight?")
    await group.next_message()
    group.send(f"@{BOT_USERNAME} why are my calves tight?", user=other)
    await group.next_message()
    await stop(first)

    await start_bot()
    follow_up = "how do I stretch it?"
    group.send(f"@{BOT_USERNAME} {follow_up}", user=other)
    calves = await group.next_message()
    group.send(f"@{BOT_USERNAME} {follow_up}")
    psoas = await group.next_message()
    expected_calves = brain.reply(follow_up, brain.reply("why are my calves tight?").context)
    expected_psoas = brain.reply(follow_up, brain.reply("why is my psoas tight?").context)
    assert is_like(calves, expected_calves, unlike=expected_psoas)
    assert is_like(psoas, expected_psoas, unlike=expected_calves)
