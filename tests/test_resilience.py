"""The limiter's retry budget: replies ride out minutes of outage, start-up and polling do not."""

from __future__ import annotations

import pytest
from telegram.error import BadRequest, NetworkError

from bot.telegram.resilience import ResilientRateLimiter


async def _attempts(limiter: ResilientRateLimiter, endpoint: str, error: Exception) -> int:
    calls = 0

    async def failing(*_args, **_kwargs):
        nonlocal calls
        calls += 1
        raise error

    with pytest.raises(type(error)):
        await limiter.process_request(failing, (), {}, endpoint, {"chat_id": 7}, None)
    return calls


@pytest.mark.parametrize(
    ("endpoint", "low", "high"),
    [("sendMessage", 8, 40), ("getMe", 1, 4), ("getUpdates", 1, 4)],
)
async def test_replies_get_the_whole_budget_and_control_requests_a_short_one(endpoint, low, high):
    limiter = ResilientRateLimiter(
        overall_max_rate=30, retry_seconds=1.0, control_seconds=0.1, backoff=0.02, max_backoff=0.05
    )
    attempts = await _attempts(limiter, endpoint, NetworkError("Bad Gateway"))
    assert low <= attempts <= high


async def test_a_refusal_is_never_retried(caplog):
    limiter = ResilientRateLimiter(overall_max_rate=30, retry_seconds=5, backoff=0.01)
    assert await _attempts(limiter, "sendMessage", BadRequest("chat not found")) == 1
    assert not caplog.records


async def test_giving_up_is_an_error_naming_the_method_and_the_chat(caplog):
    limiter = ResilientRateLimiter(overall_max_rate=30, retry_seconds=0.1, backoff=0.02)
    await _attempts(limiter, "sendMessage", NetworkError("Bad Gateway"))
    (error,) = [r for r in caplog.records if r.levelname == "ERROR"]
    assert "sendMessage for chat 7" in error.getMessage() and "giving up" in error.getMessage()
