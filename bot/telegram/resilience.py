"""Resilience: three small classes `app.build_application` puts between PTB and Telegram.

`ResilientRateLimiter` (Telegram's rate limits plus retries of transient network errors and
5xx answers), `TolerantBot` (a malformed update is logged and skipped instead of stalling the
polling loop) and `PerChatUpdateProcessor` (updates run concurrently across chats, in order
within one chat).
"""

from __future__ import annotations

import asyncio
import contextvars
import copy
import datetime as dt
import logging
import time
import warnings
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from telegram import Update
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut
from telegram.ext import AIORateLimiter, BaseUpdateProcessor, ExtBot
from telegram.warnings import PTBDeprecationWarning

_log = logging.getLogger(__name__)


class ResilientRateLimiter(AIORateLimiter):
    """Telegram's rate limits (429 answers are waited out) plus retries of transient failures.

    A 429 is honoured however many times it comes, and a 5xx answer, a dropped connection or
    a connection that could not be made is retried with exponential backoff, for up to
    `retry_seconds` in all (`control_seconds` for the requests in `_CONTROL`) (minutes: an outage of Telegram's is usually that short). Then the
    request fails with an ERROR that names the method and the chat. A read timeout is not
    retried: Telegram may already have delivered that message, and a duplicate is worse than
    a logged failure. Likewise a connection dropped after Telegram processed a request may,
    rarely, show the person a message twice; that is the price of not losing replies.

    A request sent with `rate_limit_args=N` (an int, as PTB's methods take it) is retried for
    `N` seconds instead, and given up with a WARNING: a guided step's countdown edit, which the
    next tick replaces anyway, is not worth minutes of retries.
    """

    def __init__(
        self,
        *,
        overall_max_rate: float,
        retry_seconds: float = 300.0,
        control_seconds: float = 15.0,
        backoff: float = 0.5,
        max_backoff: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        # PTB's own 429 loop (which also pauses every other request) is kept; its count is
        # never reached, and `_run_request` ends it when the deadline would pass
        super().__init__(overall_max_rate=overall_max_rate, max_retries=1_000_000)
        self.retry_seconds = retry_seconds
        self.control_seconds = min(control_seconds, retry_seconds)
        self.backoff = backoff
        self.max_backoff = max_backoff
        self._clock = clock

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        attempt = 0
        budget = self.control_seconds if endpoint in _CONTROL else self.retry_seconds
        short = rate_limit_args is not None
        if short:
            budget = min(float(rate_limit_args or 0), budget)
        deadline = self._clock() + budget
        token = _DEADLINE.set(deadline)
        try:
            while True:
                try:
                    return await super().process_request(
                        callback, args, kwargs, endpoint, data, None
                    )
                except _OutOfTime as exc:
                    self._give_up(endpoint, data, exc.error, budget, short=short)
                    raise exc.error from None
                except NetworkError as exc:
                    delay = min(self.max_backoff, self.backoff * 2**attempt)
                    if not _transient(exc):
                        raise
                    if self._clock() + delay > deadline:
                        self._give_up(endpoint, data, exc, budget, short=short)
                        raise
                    attempt += 1
                    _log.warning(
                        "%s failed (%s); retry %d in %.1f s", endpoint, exc, attempt, delay
                    )
                    await asyncio.sleep(delay)
        finally:
            _DEADLINE.reset(token)

    async def _run_request(self, *args: Any, **kwargs: Any) -> Any:
        """One attempt; a 429 whose wait would end past the request's deadline stops PTB's
        retry loop."""
        try:
            return await super()._run_request(*args, **kwargs)
        except RetryAfter as exc:
            deadline = _DEADLINE.get()
            if deadline is not None and self._clock() + retry_after_seconds(exc) > deadline:
                raise _OutOfTime(exc) from None
            raise

    def _give_up(
        self,
        endpoint: str,
        data: dict[str, Any],
        exc: Exception,
        budget: float,
        *,
        short: bool = False,
    ) -> None:
        """A reply or tip lost is an ERROR naming the chat; a control request's failure is
        PTB's to report (it retries or stops), and a short-lived request's the caller's (a
        countdown edit is replaced by the next), so a WARNING."""
        chat = data.get("chat_id")
        what = f"{endpoint} for chat {chat}" if chat is not None else endpoint
        level = logging.WARNING if endpoint in _CONTROL or short else logging.ERROR
        _log.log(level, "%s failed for %.0f s (%s); giving up", what, budget, exc)


#: requests that start, poll or stop the bot: retried briefly, since PTB retries them itself
#: and a start-up against an unreachable API, or a Ctrl+C during an outage, must not wait
#: minutes (replies and tips get the whole `retry_seconds`)
_CONTROL = frozenset(
    {
        "getMe",
        "getUpdates",
        "setWebhook",
        "deleteWebhook",
        "getWebhookInfo",
        "setMyCommands",
        "close",
        "logOut",
    }
)

#: the deadline of the request being processed (each request runs in its own task)
_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("deadline", default=None)


class _OutOfTime(Exception):
    """A 429 that would be waited out past the deadline (not a `RetryAfter`, so PTB's loop
    does not catch it)."""

    def __init__(self, error: RetryAfter) -> None:
        super().__init__(str(error))
        self.error = error


def retry_after_seconds(exc: RetryAfter) -> float:
    """A 429's wait in seconds (PTB warns that the attribute will become a timedelta)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


def _transient(exc: NetworkError) -> bool:
    """Worth retrying: not a refusal (400) and not a read timeout (it may have been sent)."""
    if isinstance(exc, BadRequest):
        return False
    if isinstance(exc, TimedOut):
        cause = exc.__cause__
        # Only when the request provably never left: no connection, or no free pool slot.
        return type(cause).__name__ in ("ConnectTimeout", "PoolTimeout")
    return True


class TolerantBot(ExtBot[int]):
    """An `ExtBot` that skips malformed updates instead of stalling the polling loop.

    Stock PTB raises while parsing a batch with one broken update and, since the offset is
    never advanced, fetches the same batch forever. Here a broken update is logged and
    replaced by an empty one with the same id, so it is confirmed and forgotten.
    """

    async def _post(
        self, endpoint: str, data: dict[str, Any] | None = None, *args: Any, **kwargs: Any
    ) -> Any:
        result = await super()._post(endpoint, data, *args, **kwargs)
        if endpoint == "getUpdates" and isinstance(result, list):
            result = [update for raw in result if (update := self._checked(raw)) is not None]
        return result

    def _checked(self, raw: object) -> dict[str, Any] | None:
        """`raw` if it parses as an update, `{"update_id": ...}` if not, None without an id."""
        update_id = raw.get("update_id") if isinstance(raw, dict) else None
        if not isinstance(raw, dict) or not isinstance(update_id, int):
            _log.warning("Dropped an update without a numeric update_id")
            return None
        try:
            Update.de_json(copy.deepcopy(raw), self)
        except Exception as exc:
            log_malformed(update_id, exc)
            return {"update_id": update_id}
        return raw


def log_malformed(update_id: object, exc: Exception) -> None:
    """One WARNING for an update that does not parse: its id and the error's kind, never its
    content (which holds what a person wrote)."""
    shown = update_id if isinstance(update_id, int) else "without an id"
    _log.warning("Skipped malformed update %s (%s)", shown, type(exc).__name__)


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Concurrent across chats, sequential within a chat.

    A slow request for one person never holds up the others, and one person's messages are
    still answered in the order they were sent (their context depends on it).
    """

    def __init__(self, max_concurrent_updates: int = 256) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: dict[int, int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:
            await coroutine
            return
        lock = self._locks.setdefault(chat.id, asyncio.Lock())
        self._users[chat.id] = self._users.get(chat.id, 0) + 1
        try:
            async with lock:
                await coroutine
        finally:
            self._users[chat.id] -= 1
            if not self._users[chat.id]:
                del self._users[chat.id], self._locks[chat.id]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""
