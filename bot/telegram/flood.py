"""The flood guard: a chat that sends too much at once is muted for a while.

`FloodGuard.hit(chat_id)` counts one message and answers with a `Verdict`; the handler that
runs before every other (`handlers.guard_flood`) acts on it.
"""

from __future__ import annotations

import enum
import time
from collections import deque
from collections.abc import Callable


class Verdict(enum.Enum):
    """What the flood guard says about one more message from a chat."""

    OK = "ok"
    NOTIFY = "notify"  # just went over the limit: send one "slow down" notice
    DROP = "drop"  # muted: ignore silently


class FloodGuard:
    """Per chat: more than `limit` messages within `window` s mutes the chat for `mute` s."""

    def __init__(
        self,
        limit: int,
        window: float,
        mute: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit, self.window, self.mute, self.clock = limit, window, mute, clock
        self._hits: dict[int, deque[float]] = {}
        self._muted: dict[int, float] = {}
        #: messages ignored so far (the notice included), for logs and tests
        self.dropped = 0

    def hit(self, chat_id: int) -> Verdict:
        """Count one message from `chat_id` and say what to do with it."""
        now = self.clock()
        muted_until = self._muted.get(chat_id)
        if muted_until is not None:
            if now < muted_until:
                self.dropped += 1
                return Verdict.DROP
            del self._muted[chat_id]
        hits = self._hits.setdefault(chat_id, deque())
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        hits.append(now)
        if len(hits) > self.limit:
            hits.clear()
            self._muted[chat_id] = now + self.mute
            self.dropped += 1
            return Verdict.NOTIFY
        if len(self._hits) > 10_000:
            self._forget_idle(now)
        return Verdict.OK

    def _forget_idle(self, now: float) -> None:
        """Keep memory flat: drop chats with no message inside the window."""
        for chat_id in [c for c, h in self._hits.items() if not h or h[-1] <= now - self.window]:
            del self._hits[chat_id]
