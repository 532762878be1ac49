"""Hold timers on the fake Bot API: whole routines counted down by editing one message.

Routines run in seconds: the bot gets a `Timing` whose `scale` shrinks every hold and rest
(the rates Telegram cares about, one edit a second per chat and the shared edit budget, stay
real). The schedule itself is unit-tested in tests/test_timer.py.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections import defaultdict

from bot import actions as act
from bot.reply import Plan
from bot.telegram.services import services_of
from bot.timer import Timer, Timing

from .fakebotapi import peak_per_second

STEP = re.compile(r"step (\d+) of (\d+)")
DISCLAIMER = re.compile(r"not medical advice", re.IGNORECASE)
#: the short desk break: 30 s, 30 s, 30 s, then a one-sided 60 s; rests of 10 s
SHORT_DESK = Plan("desk_break", length="short")
#: everything a tenth of its length: the routine takes about 13 s
FAST = Timing(tick=1.0, rest=10.0, min_gap=1.0, scale=0.1)
#: Telegram's pace: at most one edit a second per chat (network jitter allowed for)
MIN_SPACING = 0.9


def steps_shown(message) -> list[int]:
    """The step numbers a message showed, edit by edit, the current text last."""
    texts = [*message.history, message.text]
    return [int(m[1]) for text in texts if (m := STEP.search(text))]


def edits_of(api, chat_id: int) -> list[float]:
    """When each edit of a chat's messages reached the server."""
    return [
        call.at
        for call in api.calls_to("editMessageText")
        if int(call.params.get("chat_id", 0)) == chat_id
    ]


async def start_guided(chat, *, manual: bool = False, plan: Plan = SHORT_DESK):
    """An overview of `plan`, then its "Start guided" (or "Step by step"); the guide message."""
    chat.send("/routine desk break")
    overview = await chat.next_message()
    chat.press(data=act.encode(act.GuideStep(plan, 0, manual)), message=overview)
    return await chat.next_message()


def jobs_of(application, chat_id: int) -> list:
    return [j for j in application.job_queue.jobs() if j.name == f"guide:{chat_id}"]


async def test_a_whole_routine_runs_by_itself_within_one_edit_a_second(api, start_bot, brain):
    application = await start_bot(guide_timing=FAST)
    chat = api.chat(3001)
    guide = await start_guided(chat)
    assert "step 1 of 4" in guide.text and "Get ready" in guide.text
    assert guide.labels == ["⏸ Pause", "Stop"], "auto mode: no Next"
    await chat.wait_for(lambda: "well done" in guide.text.lower(), timeout=40)

    assert steps_shown(guide) == sorted(steps_shown(guide)), "never back to a step"
    assert set(steps_shown(guide)) == {1, 2, 3, 4}, "no step lost"
    texts = [*guide.history, guide.text]
    assert any("Rest" in t for t in texts), "a rest between steps"
    assert any("Switch sides now" in t for t in texts), "the one-sided last step says so"
    assert any(re.search(r"⏱ Hold: \d+ s left", t) for t in texts), "a countdown"
    assert all(DISCLAIMER.search(t) for t in texts), "the disclaimer on every edit"
    assert guide.labels == ["Again ↺", "Another routine", "Daily tips"]

    moments = edits_of(api, chat.id)
    assert len(moments) >= 8
    gaps = [b - a for a, b in zip(moments, moments[1:], strict=False)]
    assert min(gaps) >= MIN_SPACING, f"two edits {min(gaps):.2f} s apart"
    await chat.wait_for(lambda: not len(services_of(application).guides), timeout=5)
    assert not jobs_of(application, chat.id), "the timer's job is gone with it"


async def test_manual_mode_waits_for_next_and_pause_holds_the_count(api, start_bot):
    await start_bot(guide_timing=FAST)
    chat = api.chat(3002)
    guide = await start_guided(chat, manual=True)
    assert guide.labels == ["⏸ Pause", "Next ▶", "Stop"]
    await chat.wait_for(lambda: "Time's up" in guide.text, timeout=20)
    assert "step 1 of 4" in guide.text and guide.labels[0] == "Next ▶"
    settled = len(edits_of(api, chat.id))
    await asyncio.sleep(1.5)
    assert len(edits_of(api, chat.id)) == settled, "nothing moves until Next"

    chat.press("Next", message=guide)
    await chat.wait_for(lambda: "step 2 of 4" in guide.text)
    chat.press("Pause", message=guide)
    await chat.wait_for(lambda: "⏸ Paused" in guide.text)
    assert guide.labels == ["▶ Resume", "◀ Back", "Next ▶", "Stop"]
    paused = guide.text
    await asyncio.sleep(2.5)  # longer than the whole hold at this scale
    assert guide.text == paused, "a paused count stays where it was"
    chat.press("Resume", message=guide)
    await chat.wait_for(lambda: "Time's up" in guide.text and "step 2 of 4" in guide.text)
    chat.press("Back", message=guide)
    await chat.wait_for(lambda: "step 1 of 4" in guide.text and "⏱" in guide.text)


async def test_no_step_is_lost_or_doubled_across_a_429_and_dropped_connections(api, start_bot):
    application = await start_bot(guide_timing=FAST)
    chat = api.chat(3003)
    guide = await start_guided(chat)
    too_many = api.fault("editMessageText", status=429, retry_after=1, chat_id=chat.id)
    dropped = api.fault("editMessageText", drop=True, chat_id=chat.id)
    await chat.wait_for(lambda: too_many.hits and dropped.hits, timeout=20)
    lost = api.fault("editMessageText", drop=True, chat_id=chat.id, times=2)
    answered_lost = api.fault("editMessageText", drop_after=True, chat_id=chat.id)
    await chat.wait_for(lambda: "well done" in guide.text.lower(), timeout=60)
    assert (too_many.hits, dropped.hits, lost.hits, answered_lost.hits) == (1, 1, 2, 1)
    shown = steps_shown(guide)
    assert shown == sorted(shown) and set(shown) == {1, 2, 3, 4}
    finishes = [t for t in [*guide.history, guide.text] if "well done" in t.lower()]
    assert len(finishes) == 1, "finished once"
    assert not jobs_of(application, chat.id)


async def test_stop_cancels_the_job_and_offers_to_resume(api, start_bot):
    application = await start_bot(guide_timing=FAST)
    chat = api.chat(3004)
    guide = await start_guided(chat)
    await chat.wait_for(lambda: "⏱" in guide.text, timeout=10)
    await chat.wait_for(lambda: jobs_of(application, chat.id), timeout=5)
    chat.press("Stop", message=guide)
    await chat.wait_for(lambda: "Routine stopped" in guide.text)
    assert "step 1 of 4" in guide.text and guide.labels == ["Resume ▶", "Routines"]
    assert not jobs_of(application, chat.id)
    settled = len(edits_of(api, chat.id))
    await asyncio.sleep(2.0)
    assert len(edits_of(api, chat.id)) == settled, "no tick after Stop"

    chat.press("Resume", message=guide)
    await chat.wait_for(lambda: "step 1 of 4" in guide.text and "Routine stopped" not in guide.text)
    await chat.wait_for(lambda: jobs_of(application, chat.id), timeout=5)  # its timer again
    await chat.wait_for(lambda: "step 2 of 4" in guide.text, timeout=20)


async def test_a_running_routine_can_be_written_down_as_json(api, start_bot):
    """The seam for persistence: every running routine as JSON values, its timer included."""
    application = await start_bot(guide_timing=FAST)
    chat = api.chat(3008)
    guide = await start_guided(chat, manual=True)
    guides = services_of(application).guides
    await chat.wait_for(lambda: len(guides) == 1, timeout=5)
    [snapshot] = json.loads(json.dumps(guides.snapshot()))
    assert snapshot["chat_id"] == chat.id and snapshot["message_id"] == guide.message_id
    assert act.parse(snapshot["plan"]) == act.ShowRoutine(SHORT_DESK)
    assert snapshot["manual"] is True
    timer = Timer.from_dict(snapshot["timer"], now=0.0)
    assert (timer.step, timer.phase, timer.auto) == (0, "hold", False)


async def test_a_new_message_cancels_the_timer_and_is_answered(api, start_bot):
    application = await start_bot(guide_timing=FAST)
    chat = api.chat(3005)
    guide = await start_guided(chat)
    chat.send("why is my psoas tight?")
    answer = await chat.next_message()
    assert "psoas" in answer.text.lower()
    await chat.wait_for(lambda: "Routine stopped" in guide.text)
    assert guide.has_button("Resume")
    assert not jobs_of(application, chat.id)
    settled = len(edits_of(api, chat.id))
    await asyncio.sleep(2.0)
    assert len(edits_of(api, chat.id)) == settled


async def test_resume_pressed_right_after_a_new_message_is_not_overwritten(api, start_bot):
    application = await start_bot(guide_timing=FAST)
    chat = api.chat(3009)
    guide = await start_guided(chat)
    await chat.wait_for(lambda: jobs_of(application, chat.id), timeout=5)
    slow = api.fault("editMessageText", delay=1.0, chat_id=chat.id)  # the "stopped" edit
    chat.send("thanks")  # stops the routine: its message will say so, in the background
    chat.press(data=act.encode(act.GuideStep(SHORT_DESK, 0)), message=guide)  # Resume at once
    await chat.next_message()
    await chat.wait_for(lambda: slow.hits and jobs_of(application, chat.id), timeout=5)
    await chat.wait_for(lambda: "⏱" in guide.text, timeout=10)
    texts = [*guide.history, guide.text]
    last_stop = max(i for i, t in enumerate(texts) if "Routine stopped" in t)
    assert "Get ready" in texts[last_stop + 1], "the resumed step came after the stop, whole"


async def test_a_red_flag_typed_during_a_routine_ends_it(api, start_bot):
    application = await start_bot(guide_timing=FAST)
    chat = api.chat(3006)
    guide = await start_guided(chat)
    chat.send("my chest feels crushing and i'm short of breath")
    flag = await chat.next_message()
    assert "emergency" in flag.text.lower() or "999" in flag.text
    await chat.wait_for(lambda: "Routine stopped" in guide.text)
    assert not jobs_of(application, chat.id)
    chat.press("Resume", message=guide)
    await chat.wait_for(lambda: "because of what you told me" in guide.text)
    assert not jobs_of(application, chat.id), "no timer after a red flag"


async def test_another_button_cancels_the_timer(api, start_bot):
    application = await start_bot(guide_timing=FAST)
    chat = api.chat(3007)
    guide = await start_guided(chat)
    chat.send("/tip")
    tip = await chat.next_message()
    await chat.wait_for(lambda: "Routine stopped" in guide.text)
    chat.press(data="tip", message=tip)
    await chat.next_message()
    assert not jobs_of(application, chat.id)


async def test_shutdown_ends_every_timer(api, start_bot):
    from .conftest import stop

    application = await start_bot(guide_timing=FAST)
    chats = [api.chat(3100 + i) for i in range(3)]
    guides = [await start_guided(chat) for chat in chats]
    await asyncio.gather(
        *(
            c.wait_for(lambda g=g: "⏱" in g.text, timeout=20)
            for c, g in zip(chats, guides, strict=True)
        )
    )
    await stop(application)
    await application.post_shutdown(application)  # as run_polling ends
    assert not len(services_of(application).guides)
    stopped_at = len(api.calls_to("editMessageText"))
    await asyncio.sleep(1.5)
    assert len(api.calls_to("editMessageText")) == stopped_at


async def test_a_hundred_people_in_routines_at_once_stay_within_the_rates(api, start_bot):
    """Every countdown wants an edit a second; the budget lets through 15 a second in all
    (half of the rate limit of 30), one a second per chat, and every routine still moves on."""
    timing = Timing(tick=1.0, rest=10.0, min_gap=1.0, edit_rate=15.0, scale=0.3)
    application = await start_bot(guide_timing=timing)
    chats = [api.chat(4000 + i) for i in range(100)]
    for chat in chats:
        chat.send("/routine desk break")
    overviews = [await chat.next_message(timeout=60) for chat in chats]
    began = asyncio.get_running_loop().time()
    for chat, overview in zip(chats, overviews, strict=True):
        chat.press(data=act.encode(act.GuideStep(SHORT_DESK, 0)), message=overview)
    guides = [await chat.next_message(timeout=60) for chat in chats]
    await asyncio.sleep(max(0.0, 25.0 - (asyncio.get_running_loop().time() - began)))
    assert len(services_of(application).guides) == 100

    edits = [call.at for call in api.calls_to("editMessageText")]
    assert len(edits) > 150, "the routines moved on"
    assert peak_per_second(edits) <= 15, "the edit budget: 15 a second"
    # what Telegram counts against the bot, once every routine is under way (before that, the
    # test's own 200 messages at once are PTB's rate limiter's: it lets bursts through)
    started = max(c.at for c in api.calls_to("sendMessage"))
    messages = [c.at for c in api.calls if "chat_id" in c.params and c.at > started]
    assert peak_per_second(messages) <= 15, "the countdowns leave half the rate limit free"
    per_chat = defaultdict(list)
    for call in api.calls_to("editMessageText"):
        per_chat[int(call.params["chat_id"])].append(call.at)
    for moments in per_chat.values():
        gaps = [b - a for a, b in zip(moments, moments[1:], strict=False)]
        assert not gaps or min(gaps) >= MIN_SPACING
    assert all(steps_shown(g) == sorted(steps_shown(g)) for g in guides)
    # the budget slows every routine alike; none is left behind
    assert all(any("⏱" in t for t in [*g.history, g.text]) for g in guides), "every hold counts"
    assert len(per_chat) == 100
