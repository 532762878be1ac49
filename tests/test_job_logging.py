"""The job queue's log at shutdown: a job the stop cancels is no error (the two-instance test
failed once in CI on such a traceback)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator

import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.telegram import app


@pytest.fixture
def executor_log() -> Iterator[logging.Logger]:
    logger = logging.getLogger(app._JOB_EXECUTOR_LOGGER)
    logger.addFilter(app._job_cancelled_at_shutdown)
    try:
        yield logger
    finally:
        logger.removeFilter(app._job_cancelled_at_shutdown)


def _executor_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == app._JOB_EXECUTOR_LOGGER]


async def test_a_job_the_stop_cancels_logs_one_line_without_a_traceback(
    executor_log: logging.Logger, caplog: pytest.LogCaptureFixture
) -> None:
    started = asyncio.Event()

    async def slow() -> None:
        started.set()
        await asyncio.sleep(60)

    scheduler = AsyncIOScheduler()
    scheduler.start()
    scheduler.add_job(slow)
    await asyncio.wait_for(started.wait(), 5)
    with caplog.at_level(logging.INFO, logger="apscheduler"):
        scheduler.shutdown(wait=False)  # what the job queue does when the bot stops
        await asyncio.sleep(0.05)  # the cancelled task's done callback logs
    records = _executor_records(caplog)
    assert records
    assert all(r.levelno == logging.INFO and not r.exc_info and not r.exc_text for r in records)
    assert "cancelled as the bot stopped" in records[0].getMessage()


async def test_a_job_that_fails_keeps_its_error_and_traceback(
    executor_log: logging.Logger, caplog: pytest.LogCaptureFixture
) -> None:
    done = asyncio.Event()

    async def broken() -> None:
        done.set()
        raise ValueError("boom")

    scheduler = AsyncIOScheduler()
    scheduler.start()
    with caplog.at_level(logging.INFO, logger="apscheduler"):
        scheduler.add_job(broken)
        await asyncio.wait_for(done.wait(), 5)
        await asyncio.sleep(0.05)
    scheduler.shutdown(wait=False)
    errors = [r for r in caplog.records if r.name.startswith("apscheduler") and r.exc_info]
    assert errors and errors[0].levelno == logging.ERROR
    assert isinstance(errors[0].exc_info[1], ValueError)
