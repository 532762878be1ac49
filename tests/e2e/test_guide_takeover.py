"""A guided routine outlives the process that ran it: after a restart or a crash, the person is
told where it stopped and can resume; another process that takes a routine over, or ends it,
stops the old one's timer. On SQLite and on PostgreSQL.

A crash is an Application stopped without its shutdown hook (so nothing is handed over and
its routines keep their last heartbeat); a second process is a second `GuideBook` on the same
database.
"""

from __future__ import annotations

import contextlib
import json
from datetime import UTC, datetime, timedelta

import pytest
from local_postgres import BACKENDS

from bot import actions as act
from bot.store import open_store
from bot.telegram.guide_book import GuideBook
from bot.telegram.services import services_of
from bot.timer import Timing

from .conftest import stop
from .test_timers import SHORT_DESK, jobs_of, start_guided

#: holds and rests at half their length (the short desk break takes about a minute), and a
#: heartbeat every half second: a crashed process's routines are taken over after 1.5 s
SLOW = Timing(tick=1.0, rest=10.0, min_gap=1.0, scale=0.5, heartbeat=0.5)
NOW = datetime(2025, 6, 2, 9, 0, tzinfo=UTC)


@pytest.fixture(params=BACKENDS)
def backend(request):
    return request.param


async def crash(application) -> None:
    """Stop the bot the way a killed process does: no shutdown hook, nothing handed over."""
    await application.updater.stop()
    await application.stop()
    await application.shutdown()


async def interrupted(chat):
    """The new message that says the routine was interrupted."""
    notice = await chat.next_message(timeout=20)
    assert "Your routine was interrupted" in notice.text
    return notice


async def test_after_a_restart_the_person_is_told_where_the_routine_stopped_and_resumes(
    api, start_bot
):
    first = await start_bot(guide_timing=SLOW)
    chat = api.chat(5101)
    guide = await start_guided(chat)
    await chat.wait_for(lambda: "step 2 of 4" in guide.text, timeout=30)
    await stop(first)

    second = await start_bot(guide_timing=SLOW)
    notice = await interrupted(chat)
    assert "step 2 of 4" in notice.text
    assert notice.labels == ["Resume ▶", "Routines"]
    assert "Routine stopped" in guide.text, "the old message no longer shows a frozen countdown"
    assert "not medical advice" in notice.text.lower()

    chat.press("Resume", message=notice)
    await chat.wait_for(lambda: "step 2 of 4" in notice.text and "⏸ Pause" in notice.labels)
    await chat.wait_for(lambda: jobs_of(second, chat.id), timeout=5)
    await chat.wait_for(lambda: "step 3 of 4" in notice.text, timeout=40)


async def test_after_a_crash_another_start_takes_the_routine_over(api, start_bot, backend):
    first = await start_bot(guide_timing=SLOW)
    chat = api.chat(5102)
    guide = await start_guided(chat)
    await chat.wait_for(lambda: "Hold" in guide.text, timeout=30)
    await crash(first)

    await start_bot(guide_timing=SLOW)  # SQLite: at once; PostgreSQL: after three heartbeats
    notice = await interrupted(chat)
    assert "step 1 of 4" in notice.text
    assert "Routine stopped" in guide.text
    chat.send("thanks")
    await chat.next_message()
    assert not [m for m in chat.messages if "interrupted" in m.text and m is not notice], "once"


async def test_a_paused_routine_needs_no_notice_its_buttons_still_work(api, start_bot):
    first = await start_bot(guide_timing=SLOW)
    chat = api.chat(5103)
    guide = await start_guided(chat)
    chat.press("⏸ Pause", message=guide)
    await chat.wait_for(lambda: "⏸ Paused" in guide.text)
    await stop(first)

    second = await start_bot(guide_timing=SLOW)
    store = services_of(second).store
    await chat.wait_for(lambda: store.guide_owner(chat.id, 0) is None, timeout=10)
    assert all("interrupted" not in m.text for m in chat.messages)
    chat.press("Resume", message=guide)
    await chat.wait_for(lambda: jobs_of(second, chat.id), timeout=10)


@contextlib.asynccontextmanager
async def routine_and_another_process(api, start_bot, database, chat_id: int):
    """A bot running a routine in chat `chat_id`, and a second `GuideBook` on its database,
    as another bot process would have: (application, chat, guide message, that book)."""
    application = await start_bot(guide_timing=SLOW)
    chat = api.chat(chat_id)
    guide = await start_guided(chat)
    guides = services_of(application).guides
    await chat.wait_for(lambda: len(guides) == 1, timeout=5)
    other = open_store(database)
    try:
        yield application, chat, guide, GuideBook(other, owner="other-process")
    finally:
        other.close()


async def test_a_routine_taken_over_by_another_process_stops_here_quietly(api, start_bot, database):
    async with routine_and_another_process(api, start_bot, database, 5104) as running:
        application, chat, guide, book = running
        guides = services_of(application).guides
        [state] = guides.snapshot()
        book.take((chat.id, None), {**state, "step": 1})
        await chat.wait_for(lambda: not jobs_of(application, chat.id), timeout=10)
        assert len(guides) == 0
        assert "Routine stopped" not in guide.text, "the other process edits the message now"
        assert book.store.guide_owner(chat.id, 0) == "other-process"


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
@pytest.mark.postgres
async def test_a_message_to_another_process_ends_the_routine_here_too(api, start_bot, database):
    async with routine_and_another_process(api, start_bot, database, 5105) as running:
        application, chat, guide, book = running
        assert book.store.shared
        book.end_anywhere((chat.id, None))  # a new message
        await chat.wait_for(lambda: "Routine stopped" in guide.text, timeout=10)
        assert guide.has_button("Resume ▶")
        assert not jobs_of(application, chat.id)


def test_a_state_the_table_cannot_read_is_dropped_not_announced(database):
    store = open_store(database)
    try:
        store.take_guide(9, 0, "gone", "not json", NOW)
        store.take_guide(10, 0, "gone", json.dumps({"plan": "nonsense"}), NOW)
        book = GuideBook(store, clock=lambda: NOW, owner="me")
        assert book.claim(15.0, everything=True) == []
        assert store.guide_owner(9, 0) is None and store.guide_owner(10, 0) is None
    finally:
        store.close()


def test_a_routine_left_long_ago_is_dropped_without_a_word(database):
    store = open_store(database)
    try:
        plan = act.encode(act.ShowRoutine(SHORT_DESK))
        timer = {
            "holds": [[30, False]],
            "step": 0,
            "phase": "hold",
            "elapsed": 1.0,
            "auto": True,
            "rest": 10,
            "paused": False,
            "shown": True,
        }
        state = json.dumps({"message_id": 3, "plan": plan, "manual": False, "timer": timer})
        store.take_guide(11, 0, "gone", state, NOW - timedelta(hours=2))
        store.take_guide(12, 0, "gone", state, NOW)
        book = GuideBook(store, clock=lambda: NOW, owner="me")
        [orphan] = book.claim(15.0, everything=True)
        assert (orphan.chat_id, orphan.step, orphan.counting) == (12, 0, True)
        assert orphan.plan == SHORT_DESK
    finally:
        store.close()
