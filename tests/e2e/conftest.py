"""Fixtures for the end-to-end tests: a fake Bot API server and the real bot polling it.

    async def test_something(api, bot):          # bot: the running Application
        chat = api.chat(1001)
        chat.send("/start")
        welcome = await chat.next_message()

`start_bot(brain=..., **ENV)` starts another bot with settings overrides given as environment
variables (e.g. `FLOOD_LIMIT="3"`), `daily_clock=` for the daily tips' wall clock and
`guide_timing=` for guided routines (a `bot.timer.Timing`, e.g. with a small `scale` to run a
routine in seconds); `clock` is the fake monotonic clock of the flood guard.
The bot is built by `bot.telegram.app.build_application`, the code production runs, with
short retry delays so that injected faults clear quickly.

`spawn_bot(**ENV)` runs the real `python -m bot run` in a subprocess (its own working folder,
so no developer `.env` leaks in) and collects everything it prints in `.output`.

Both keep their data in the test's `database` (SQLite unless the test or its module
parametrizes `backend` with `local_postgres.BACKENDS`); every bot a test starts shares it, so a
bot started after another one stopped finds what the first one stored.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application

from bot.config import Settings, load_settings
from bot.daily import utc_now
from bot.telegram.app import build_application, polling_options
from bot.timer import Timing

from .fakebotapi import FakeBotAPI

ROOT = Path(__file__).resolve().parents[2]
#: Settings a developer's environment might hold; a spawned bot gets only what a test gives.
SETTING_NAMES = (
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_API_BASE_URL",
    "STRETCHBOT_DB",
    "STRETCHBOT_PICTURES",
    "WEBHOOK_URL",
    "WEBHOOK_SECRET",
    "WEBHOOK_LISTEN",
    "WEBHOOK_PORT",
    "LOG_LEVEL",
    "ADMIN_IDS",
    "METRICS_PORT",
    "METRICS_LISTEN",
    "HEALTH_MAX_AGE_SECONDS",
    "STRETCHBOT_KEEP_UNANSWERED",
    "STRETCHBOT_UNANSWERED_DAYS",
    "GUIDE_HEARTBEAT_SECONDS",
)


class FakeClock:
    """A monotonic clock that only moves when told to."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    """The fake Telegram Bot API server, on 127.0.0.1 and a free port."""
    server = FakeBotAPI()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_settings(api: FakeBotAPI, database: str, tmp_path: Path) -> Callable[..., Settings]:
    """Settings for a bot talking to `api`; keyword arguments are extra environment variables."""

    def make(**env: str) -> Settings:
        environ = {
            "TELEGRAM_BOT_TOKEN": api.token,
            "TELEGRAM_API_BASE_URL": api.base_url,
            "STRETCHBOT_DB": database,
            "STRETCHBOT_PICTURES": str(tmp_path / "pictures"),
            **env,
        }
        return load_settings(environ, env_file=None)

    return make


async def start_polling(application: Application) -> None:
    """What `Application.run_polling` does, minus the event loop and signal handling."""
    await application.initialize()
    if application.post_init:
        await application.post_init(application)
    await application.updater.start_polling(poll_interval=0.0, timeout=5, **polling_options())
    await application.start()


async def stop(application: Application) -> None:
    """What `run_polling` does on Ctrl+C: stop polling, stop, `post_stop` (the daily tips under
    way finish), shut down, then `post_shutdown` (which closes the store). Stopping twice is
    harmless."""
    if application.updater.running:
        await application.updater.stop()
    if application.running:
        await application.stop()
        if application.post_stop:
            await application.post_stop(application)
    await application.shutdown()
    if application.post_shutdown:
        await application.post_shutdown(application)


@pytest.fixture
async def start_bot(
    make_settings: Callable[..., Settings], brain: Any, clock: FakeClock
) -> AsyncIterator[Callable[..., Awaitable[Application]]]:
    """Start a polling bot: `await start_bot(brain=..., FLOOD_LIMIT="3")`; stopped at the end.

    `daily_clock` is the daily tips' clock (aware UTC); `clock` the flood guard's.
    """
    started: list[Application] = []

    async def start(
        *,
        brain: Any = brain,
        daily_clock: Callable[[], datetime] = utc_now,
        guide_timing: Timing | None = None,
        **env: str,
    ) -> Application:
        application = build_application(
            make_settings(**env),
            brain,
            clock=clock,
            daily_clock=daily_clock,
            retry_backoff=0.05,
            max_backoff=0.2,
            request_timeout=5.0,
            guide_timing=guide_timing,
        )
        await start_polling(application)
        started.append(application)
        return application

    yield start
    for application in reversed(started):
        await stop(application)


@pytest.fixture
async def bot(start_bot: Callable[..., Awaitable[Application]]) -> Application:
    """The bot with default settings, polling `api`."""
    return await start_bot()


class BotProcess:
    """`python -m bot run` in a subprocess; `output` holds its stdout and stderr so far."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.output = ""
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self.process.stdout is not None
        while chunk := await self.process.stdout.read(4096):
            self.output += chunk.decode("utf-8", "replace")

    async def wait(self, timeout: float = 30.0) -> int:
        """Wait for the process to exit on its own; its exit code."""
        code = await asyncio.wait_for(self.process.wait(), timeout)
        await self._reader
        return code

    async def stop(self, timeout: float = 30.0) -> int:
        """Ask it to stop like Ctrl+C does; kill it if it will not."""
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGINT)
            try:
                await asyncio.wait_for(self.process.wait(), timeout)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()
        await self._reader
        return self.process.returncode


@pytest.fixture
async def spawn_bot(
    tmp_path: Path, database: str
) -> AsyncIterator[Callable[..., Awaitable[BotProcess]]]:
    """Start `python -m bot run` with the given environment variables; stopped at the end."""
    spawned: list[BotProcess] = []

    async def spawn(**env: str) -> BotProcess:
        base = {k: v for k, v in os.environ.items() if k not in SETTING_NAMES}
        python_path = os.pathsep.join(p for p in (str(ROOT), base.get("PYTHONPATH")) if p)
        full = {**base, "PYTHONPATH": python_path, "STRETCHBOT_DB": database, **env}
        workdir = tmp_path / f"run{len(spawned)}"
        workdir.mkdir()
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            cwd=workdir,
            env=full,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        spawned.append(BotProcess(process))
        return spawned[-1]

    yield spawn
    for bot_process in spawned:
        with contextlib.suppress(ProcessLookupError):
            await bot_process.stop()
