"""Five minutes of a fault storm: 100 chats talking and 1,000 daily subscribers due.

For `SOAK_SECONDS` (300; `STRETCHBOT_SOAK_SECONDS` shortens it for a quick local run) the fake
Bot API hits 30% of sendMessage, getUpdates and answerCallbackQuery requests with a random
fault: a 429 with a `retry_after` of up to 20 s, a 500, a 502 with an HTML body, a connection
dropped before the request is carried out, or one dropped after it (Telegram sent the message
but the bot never heard back). Meanwhile 100 chats each send a message every 10 to 40 s, and
1,000 daily tips fall due. When the storm clears, every message must have had its reply and
every subscriber its tip, each exactly once. The one documented exception: a request carried
out whose answer was dropped may be sent again, so a chat may get one extra message per such
drop, and never more; the test counts them.
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
from collections import Counter
from datetime import UTC, datetime

import pytest

from bot import daily
from bot.telegram.services import services_of

from .fakebotapi import Storm

SOAK_SECONDS = float(os.environ.get("STRETCHBOT_SOAK_SECONDS", "300"))
TALKERS = range(2001, 2101)
SUBSCRIBERS = range(10_001, 11_001)
MESSAGES = ["/tip", "/help", "why is my psoas tight", "stretch for my calves", "cooldown routine"]


class WallClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


@pytest.mark.soak
async def test_a_five_minute_fault_storm_loses_and_doubles_nothing(api, start_bot, caplog):
    caplog.set_level(logging.INFO)
    wall = WallClock(datetime(2025, 6, 2, 7, 59, tzinfo=UTC))
    application = await start_bot(
        daily_clock=wall,
        DAILY_TICK_SECONDS="0.5",
        RATE_LIMIT_PER_SECOND="100",
        TELEGRAM_RETRY_SECONDS="900",  # longer than the storm: nothing may be given up
    )
    services = services_of(application)

    # How many messages each kind of message gets in reply, measured before the storm.
    probe = api.chat(1999)
    replies_to: dict[str, int] = {}
    for text in MESSAGES:
        before = len(probe.messages)
        probe.send(text)
        await probe.next_message()
        await asyncio.sleep(1)  # a reply in several messages sends them back to back
        replies_to[text] = len(probe.messages) - before

    for chat_id in SUBSCRIBERS:
        daily.turn_on(services.store, chat_id, wall(), services.defaults)  # due at 08:00
    loop = asyncio.get_running_loop()
    storm = api.storm(Storm(until=loop.time() + SOAK_SECONDS, share=0.3, max_retry_after=20))
    wall.now = datetime(2025, 6, 2, 8, 0, 30, tzinfo=UTC)

    expected: Counter[int] = Counter()
    rng = random.Random(7)

    async def talk(chat_id: int) -> None:
        chat = api.chat(chat_id)
        await asyncio.sleep(rng.uniform(0, 10))
        while loop.time() < storm.until:
            text = rng.choice(MESSAGES)
            chat.send(text)
            expected[chat_id] += replies_to[text]
            await asyncio.sleep(rng.uniform(10, 40))

    await asyncio.gather(*(talk(chat_id) for chat_id in TALKERS))
    assert sum(storm.injected.values()) > 100, f"a real storm: {storm.injected}"

    def received() -> Counter[int]:
        return Counter(message.chat_id for message in api.sent)

    def all_arrived() -> bool:
        got = received()
        return all(got[c] >= expected[c] for c in TALKERS) and all(got[c] >= 1 for c in SUBSCRIBERS)

    await api.wait_for(all_arrived, timeout=300, what="every reply and tip after the storm")
    await asyncio.sleep(5)  # anything doubled would arrive now
    got = received()
    drops = Counter(chat for method, chat in api.processed_drops if method == "sendMessage")
    for chat_id in TALKERS:
        extra = got[chat_id] - expected[chat_id]
        assert 0 <= extra <= drops[chat_id], (chat_id, got[chat_id], expected[chat_id])
    for chat_id in SUBSCRIBERS:
        assert 1 <= got[chat_id] <= 1 + drops[chat_id], (chat_id, got[chat_id])
        assert services.store.get(chat_id).last_sent == wall().date()
    doubled = sum(got[c] - expected[c] for c in TALKERS) + sum(got[c] - 1 for c in SUBSCRIBERS)
    print(
        f"storm {SOAK_SECONDS:.0f} s: faults {dict(storm.injected)}; "
        f"{sum(expected.values())} replies and {len(SUBSCRIBERS)} tips delivered; "
        f"{doubled} sent twice after {sum(drops.values())} answers dropped after sending"
    )
    assert not [r for r in caplog.records if "giving up" in r.getMessage()]
