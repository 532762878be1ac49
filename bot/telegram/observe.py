"""What the people running the bot can see: Prometheus metrics, health, and the usage tally.

One `Ops` per application (in `Services.ops`) holds:

- `metrics`: the Prometheus metrics, in a registry of their own (`Metrics.exposition` is the
  body of `/metrics`). Labels are fixed, small sets (reply kinds, red-flag levels, HTTP
  status codes, Bot API method names): never a chat id, a user id, a token or a person's words.
- `health`: when Telegram last answered a request successfully (`/healthz` turns 503 once that
  is older than `HEALTH_MAX_AGE_SECONDS`); `CountingRequest` updates it, and counts every
  Telegram error by its code, for every request the bot makes (replies, tips, polling).
- `tally`: usage counts waiting to be written to the store for `/stats` (`bot.stats`).

Every metric:

| metric | type | labels |
|---|---|---|
| `stretchbot_updates_total` | counter | `kind`: message, command, edited_message, callback_query, other |
| `stretchbot_replies_total` | counter | `kind`: the reply's kind (answer, stretch, routine, tip, daily, red_flag, smalltalk, help, fallback) |
| `stretchbot_fallbacks_total` | counter | `reason`: not_understood, other_language, empty, not_text, stale, error, other |
| `stretchbot_red_flags_total` | counter | `level`: emergency, urgent, see_professional |
| `stretchbot_reply_seconds` | histogram | none: from an update's arrival to the end of its handling, reply sent |
| `stretchbot_telegram_requests_total` | counter | `method`: the Bot API method |
| `stretchbot_telegram_errors_total` | counter | `code`: the HTTP status (400, 403, 429, 500...), or timeout, network |
| `stretchbot_telegram_last_success_timestamp_seconds` | gauge | none (Unix time) |
| `stretchbot_daily_sends_total` | counter | `outcome`: sent, failed, blocked |
| `stretchbot_daily_backlog` | gauge | none: tips due and not yet sent, after the last tick |
| `stretchbot_daily_subscribers` | gauge | none |
| `stretchbot_announcement_sends_total` | counter | `outcome`: sent, failed, blocked |
| `stretchbot_feedback_votes_total` | counter | `vote`: up, down |

plus the process's own (`process_cpu_seconds_total`, `process_resident_memory_bytes`...).
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    ProcessCollector,
    generate_latest,
)
from telegram.error import NetworkError, TimedOut
from telegram.request import HTTPXRequest

from bot.kb import TRIAGE_LEVELS
from bot.reply import KINDS
from bot.stats import Tally

UPDATE_KINDS = ("message", "command", "edited_message", "callback_query", "other")
FALLBACK_REASONS = (
    "not_understood",
    "other_language",
    "empty",
    "not_text",
    "stale",
    "error",
    "other",
)
#: a fallback reply's intent -> the reason label
_FALLBACK_REASON = {
    "fallback": "not_understood",
    "fallback.language": "other_language",
    "fallback.empty": "empty",
    "fallback.not_text": "not_text",
    "stale": "stale",
    "error": "error",
}
SEND_OUTCOMES = ("sent", "failed", "blocked")
_LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
#: a Bot API method name (the last part of the request URL; the token is in the part before)
_METHOD = re.compile(r"[A-Za-z]{1,40}")


def fallback_reason(intent: str) -> str:
    """The `reason` label of a fallback reply with this intent."""
    return _FALLBACK_REASON.get(intent, "other")


class Metrics:
    """The bot's Prometheus metrics, in their own registry (so that several applications in one
    test process never share a series)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        ProcessCollector(registry=r)
        self.updates = Counter(
            "stretchbot_updates", "Updates received, by kind", ["kind"], registry=r
        )
        self.replies = Counter(
            "stretchbot_replies", "Replies sent to people, by kind", ["kind"], registry=r
        )
        self.fallbacks = Counter(
            "stretchbot_fallbacks", "Fallback replies, by reason", ["reason"], registry=r
        )
        self.red_flags = Counter(
            "stretchbot_red_flags", "Red-flag replies, by triage level", ["level"], registry=r
        )
        self.reply_seconds = Histogram(
            "stretchbot_reply_seconds",
            "From an update's arrival to the end of its handling (the reply sent)",
            buckets=_LATENCY_BUCKETS,
            registry=r,
        )
        self.telegram_requests = Counter(
            "stretchbot_telegram_requests",
            "Requests to the Telegram Bot API, by method",
            ["method"],
            registry=r,
        )
        self.telegram_errors = Counter(
            "stretchbot_telegram_errors",
            "Failed Telegram requests, by HTTP status or timeout/network",
            ["code"],
            registry=r,
        )
        self.telegram_last_success = Gauge(
            "stretchbot_telegram_last_success_timestamp_seconds",
            "When Telegram last answered a request successfully (Unix time)",
            registry=r,
        )
        self.daily_sends = Counter(
            "stretchbot_daily_sends", "Daily tips, by outcome", ["outcome"], registry=r
        )
        self.daily_backlog = Gauge(
            "stretchbot_daily_backlog", "Daily tips due and not yet sent", registry=r
        )
        self.daily_subscribers = Gauge(
            "stretchbot_daily_subscribers", "People with daily tips on", registry=r
        )
        self.announcement_sends = Counter(
            "stretchbot_announcement_sends",
            "Announcement messages, by outcome",
            ["outcome"],
            registry=r,
        )
        self.votes = Counter(
            "stretchbot_feedback_votes", "Feedback votes recorded", ["vote"], registry=r
        )
        # every label value from the start, so a rate() sees the first event
        for kind in UPDATE_KINDS:
            self.updates.labels(kind)
        for reply_kind in KINDS:
            self.replies.labels(reply_kind)
        for reason in FALLBACK_REASONS:
            self.fallbacks.labels(reason)
        for level in TRIAGE_LEVELS:
            self.red_flags.labels(level)
        for outcome in SEND_OUTCOMES:
            self.daily_sends.labels(outcome)
            self.announcement_sends.labels(outcome)
        for vote in ("up", "down"):
            self.votes.labels(vote)

    def exposition(self) -> tuple[bytes, str]:
        """The body of /metrics and its content type."""
        return generate_latest(self.registry), CONTENT_TYPE_LATEST


class Health:
    """When Telegram last answered a request successfully, on the monotonic clock."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self.last_success: float | None = None

    def succeeded(self) -> None:
        self.last_success = self._clock()

    def age(self) -> float | None:
        """Seconds since the last successful Telegram request; None if there was none."""
        return None if self.last_success is None else self._clock() - self.last_success


@dataclass
class Ops:
    """Metrics, health and the usage tally of one application (`Services.ops`)."""

    metrics: Metrics = field(default_factory=Metrics)
    health: Health = field(default_factory=Health)
    tally: Tally = field(default_factory=Tally)
    #: the announcement being sent by this process, if any
    announcing: asyncio.Task[None] | None = None
    #: update id -> when its handling started (monotonic), until it ends
    started: dict[int, float] = field(default_factory=dict)
    #: the sockets of METRICS_PORT (bound when the application is built) and their HTTP server
    #: (started with the application, stopped at shutdown)
    sockets: list[Any] = field(default_factory=list)
    server: Any = None


class CountingRequest(HTTPXRequest):
    """`HTTPXRequest` that counts every Bot API request and error and records successes.

    The method name is taken from the end of the URL (the token sits before it and is never
    looked at); an error is counted by its HTTP status, or as a timeout or a network failure.
    """

    def __init__(self, ops: Ops, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._ops = ops

    async def do_request(
        self, url: str, method: str, *args: Any, **kwargs: Any
    ) -> tuple[int, bytes]:
        metrics = self._ops.metrics
        name = url.rsplit("/", 1)[-1]
        metrics.telegram_requests.labels(name if _METHOD.fullmatch(name) else "other").inc()
        try:
            code, payload = await super().do_request(url, method, *args, **kwargs)
        except TimedOut:
            metrics.telegram_errors.labels("timeout").inc()
            raise
        except NetworkError:
            metrics.telegram_errors.labels("network").inc()
            raise
        if 200 <= code < 300:
            self._ops.health.succeeded()
            metrics.telegram_last_success.set_to_current_time()
        else:
            metrics.telegram_errors.labels(str(code) if 100 <= code < 600 else "other").inc()
        return code, payload
