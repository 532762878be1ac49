"""Webhook throughput: how many updates a second one or two bot processes answer, and how fast.

    .venv/bin/python benchmarks/webhook_throughput.py            # every setup, about 6 minutes
    .venv/bin/python benchmarks/webhook_throughput.py --quick    # fewer updates, about 3 minutes
    .venv/bin/python benchmarks/webhook_throughput.py --setups 2pg --senders 8 --updates 3000

Each setup starts the real `python -m bot run` in webhook mode (1 process on SQLite, 1 on
PostgreSQL, 2 on one PostgreSQL database; `--setups 1sqlite,1pg,2pg`) against the fake Bot API
server of the end-to-end tests, and plays Telegram: it POSTs updates to the webhook with the
secret header and times each one from the start of its POST to the moment the fake server
receives the reply (`sendMessage`, or `sendPhoto` for a stretch card). Every update comes from
a new private chat, so no flood guard or per-chat order holds one back, and the messages cycle
through answers ("why is my psoas tight"), stretch cards ("how do i stretch my calves") and
`/tip`, each answered with one message. With two processes the senders alternate between
them, as a round-robin load balancer would (without the balancer's own hop).

Two ways of sending, each with K concurrent senders (`--senders`, default 1, 8, 32):

- **acked**: a sender POSTs its next update as soon as the previous one is acknowledged, the
  way Telegram delivers them over K connections (its `max_connections`). The bot acknowledges
  an update when it is queued, before it is answered, so this is a burst: the queue grows
  while the updates come faster than they are answered. updates/s is the rate they were
  answered (all of them, from the first POST to the last reply); the latency includes the
  time spent in the queue, so it grows with `--updates`.
- **answered**: a sender waits for the reply before sending again, like K people each waiting
  for an answer: the latency without a backlog, at that concurrency.

Runs use raised limits (`RATE_LIMIT_PER_SECOND=1000`, the most it accepts, and a flood guard
no sender reaches) so that the figures show what the processes can do, then production
settings (`--settings raised,production`): the defaults, with Telegram's limit of about 30
messages a second per bot shared between the processes (`RATE_LIMIT_PER_SECOND` 30 for one,
15 each for two), which caps them; the output says which. It prints
one table, the git commit and the machine. The bot processes' CPU time per update is read from
/proc. Everything runs on the same machine: the senders and the fake server take CPU from the
bots (their share is printed too).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from machine_info import one_line  # noqa: E402

from tests.e2e.fakebotapi import FakeBotAPI  # noqa: E402
from tests.local_postgres import LocalPostgres  # noqa: E402

SECRET = "benchmark-Secret_0123456789"
HOOK = "hook"
AREAS = ("psoas", "calves", "hamstrings", "neck", "shoulders", "lower back")
MESSAGES = (
    *(f"why is my {area} tight" for area in AREAS),
    *(f"how do i stretch my {area}" for area in AREAS),
    "/tip",
)
RAISED = {"RATE_LIMIT_PER_SECOND": "1000", "FLOOD_LIMIT": "1000000"}
#: Telegram's limit of about 30 messages a second is per bot: N processes get 30/N each
TELEGRAM_RATE = 30.0
SETUPS = {
    "1sqlite": (1, "sqlite", "1 process, SQLite"),
    "1pg": (1, "postgres", "1 process, PostgreSQL"),
    "2pg": (2, "postgres", "2 processes, PostgreSQL"),
}


class TimedAPI(FakeBotAPI):
    """The fake Bot API, noting when each chat's first reply arrives."""

    def __init__(self) -> None:
        super().__init__()
        self.replied: dict[int, float] = {}
        self.waiting: dict[int, asyncio.Future[float]] = {}

    def _reply(self, chat_id: int) -> None:
        moment = time.monotonic()
        self.replied.setdefault(chat_id, moment)
        future = self.waiting.pop(chat_id, None)
        if future is not None and not future.done():
            future.set_result(moment)

    async def _m_sendmessage(self, params: dict[str, Any]) -> dict[str, Any]:
        result = await super()._m_sendmessage(params)
        self._reply(result["chat"]["id"])
        return result

    async def _m_sendphoto(self, params: dict[str, Any]) -> dict[str, Any]:
        result = await super()._m_sendphoto(params)
        self._reply(result["chat"]["id"])
        return result


@dataclass
class Bot:
    """One `python -m bot run` in webhook mode."""

    port: int
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{HOOK}"

    def cpu_seconds(self) -> float:
        """utime + stime of the process so far."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Run:
    """One measurement: what was sent how, and what came of it."""

    setup: str
    settings: str
    mode: str
    senders: int
    updates: int
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    bot_cpu: float = 0.0
    own_cpu: float = 0.0

    @property
    def per_second(self) -> float:
        return self.updates / self.seconds

    def quantile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_bots(
    count: int, api: FakeBotAPI, database: str, folder: Path, env: dict[str, str]
) -> list[Bot]:
    bots = []
    for number in range(count):
        port = free_port()
        workdir = folder / f"bot{number}-{port}"
        workdir.mkdir()
        log = workdir / "output.log"
        environment = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("PG", "STRETCHBOT"))},
            "PYTHONPATH": str(ROOT),
            "TELEGRAM_BOT_TOKEN": api.token,
            "TELEGRAM_API_BASE_URL": api.base_url,
            "STRETCHBOT_DB": database,
            "STRETCHBOT_PICTURES": str(folder / "pictures"),
            "WEBHOOK_URL": f"https://stretchbot.example.org/{HOOK}",
            "WEBHOOK_SECRET": SECRET,
            "WEBHOOK_PORT": str(port),
            "LOG_LEVEL": "WARNING",
            **env,
        }
        with log.open("wb") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "bot", "run"],
                cwd=workdir,
                env=environment,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        bots.append(Bot(port, process, log))
    return bots


def stop_bots(bots: list[Bot]) -> None:
    for bot in bots:
        bot.process.send_signal(signal.SIGINT)
    for bot in bots:
        try:
            bot.process.wait(30)
        except subprocess.TimeoutExpired:
            bot.process.kill()
            bot.process.wait()


async def until_healthy(session: aiohttp.ClientSession, bots: list[Bot]) -> None:
    deadline = time.monotonic() + 90
    for bot in bots:
        while True:
            if bot.process.poll() is not None:
                raise SystemExit(f"a bot process ended: {bot.log.read_text()[-2000:]}")
            try:
                async with session.get(f"http://127.0.0.1:{bot.port}/healthz") as response:
                    if response.status == 200:
                        break
            except aiohttp.ClientError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("a bot process never became healthy")
            await asyncio.sleep(0.1)


class Telegram:
    """Sends updates from new private chats, to the bots in turn."""

    def __init__(self, api: TimedAPI, bots: list[Bot], session: aiohttp.ClientSession) -> None:
        self.api = api
        self.bots = bots
        self.session = session
        self._chats = itertools.count(1_000_001)
        self._updates = itertools.count(1)
        self._targets = itertools.cycle(range(len(bots)))
        self._texts = itertools.cycle(MESSAGES)
        self.headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}

    async def post(self, bot: Bot | None = None) -> tuple[int, float]:
        """POST one update (to `bot`, else the next in turn) until it is acknowledged; its
        chat and the moment the POST began."""
        chat_id = next(self._chats)
        text = next(self._texts)
        message: dict[str, Any] = {
            "message_id": 1,
            "from": {"id": chat_id, "is_bot": False, "first_name": "Sam"},
            "chat": {"id": chat_id, "type": "private", "first_name": "Sam"},
            "date": int(time.time()),
            "text": text,
        }
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text)}]
        update = {"update_id": next(self._updates), "message": message}
        target = bot or self.bots[next(self._targets)]
        started = time.monotonic()
        while True:
            async with self.session.post(target.url, json=update, headers=self.headers) as r:
                if r.status == 200:
                    return chat_id, started
            await asyncio.sleep(0.05)

    def expect(self, chat_id: int) -> asyncio.Future[float]:
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        if chat_id in self.api.replied:
            future.set_result(self.api.replied[chat_id])
        else:
            self.api.waiting[chat_id] = future
        return future


async def warm_up(telegram: Telegram) -> None:
    """Every kind of message once per process, answered: pictures drawn and uploaded, caches
    and the database connection warm."""
    for bot in telegram.bots:
        for _ in MESSAGES:
            chat_id, _ = await telegram.post(bot)
            await asyncio.wait_for(telegram.expect(chat_id), 60)


async def measure(telegram: Telegram, run: Run) -> Run:
    """Send `run.updates` updates with `run.senders` senders; wait for every reply."""
    bots = telegram.bots
    cpu_before = sum(bot.cpu_seconds() for bot in bots)
    own_before = resource.getrusage(resource.RUSAGE_SELF)
    sent: list[tuple[int, float]] = []
    left = itertools.count(run.updates, -1)

    async def sender() -> None:
        while next(left) > 0:
            chat_id, started = await telegram.post()
            sent.append((chat_id, started))
            if run.mode == "answered":
                await asyncio.wait_for(telegram.expect(chat_id), 120)

    began = time.monotonic()
    await asyncio.gather(*(sender() for _ in range(run.senders)))
    replies = await asyncio.wait_for(
        asyncio.gather(*(telegram.expect(chat_id) for chat_id, _ in sent)), 600
    )
    run.seconds = max(replies) - began
    run.latencies = [reply - started for (_, started), reply in zip(sent, replies, strict=True)]
    run.bot_cpu = sum(bot.cpu_seconds() for bot in bots) - cpu_before
    own_after = resource.getrusage(resource.RUSAGE_SELF)
    run.own_cpu = (own_after.ru_utime + own_after.ru_stime) - (
        own_before.ru_utime + own_before.ru_stime
    )
    return run


def print_row(run: Run) -> None:
    print(
        f"| {run.setup} | {run.settings} | {run.mode} | {run.senders} | {run.updates:,} | "
        f"{run.per_second:.0f} | {run.quantile(0.5) * 1000:.0f} | "
        f"{run.quantile(0.99) * 1000:.0f} | {run.bot_cpu / run.updates * 1000:.1f} | "
        f"{run.own_cpu / run.updates * 1000:.1f} |",
        flush=True,
    )


async def bench_setup(
    key: str, args: argparse.Namespace, postgres: LocalPostgres | None, folder: Path
) -> list[Run]:
    count, backend, label = SETUPS[key]
    runs = []
    production = {"RATE_LIMIT_PER_SECOND": f"{TELEGRAM_RATE / count:g}"}
    plans = [("raised", RAISED, args.updates, args.senders)]
    plans.append(("production", production, args.production_updates, [8]))
    for settings, env, updates, levels in plans:
        if settings not in args.settings:
            continue
        if backend == "postgres":
            assert postgres is not None
            database = postgres.new_database()
        else:
            database = str(folder / f"{key}-{settings}.db")
        api = TimedAPI()
        await api.start()
        bots = start_bots(count, api, database, folder, env)
        try:
            timeout = aiohttp.ClientTimeout(total=60)
            connector = aiohttp.TCPConnector(limit=0)
            async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
                await until_healthy(session, bots)
                telegram = Telegram(api, bots, session)
                await warm_up(telegram)
                for mode in ("acked", "answered"):
                    for senders in levels:
                        run = Run(label, settings, mode, senders, updates)
                        runs.append(await measure(telegram, run))
                        print_row(runs[-1])
        finally:
            stop_bots(bots)
            await api.stop()
    return runs


def commit() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "bot"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        return "unknown"
    return f"{head or '?'}{' + uncommitted changes in bot/' if dirty else ''}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--setups", default="1sqlite,1pg,2pg", help="of 1sqlite, 1pg, 2pg")
    parser.add_argument("--senders", default="1,8,32", help="concurrent senders, K")
    parser.add_argument("--updates", type=int, default=2000, help="updates per run")
    parser.add_argument(
        "--production-updates",
        type=int,
        default=600,
        help="updates per run with production settings (30 a second in all)",
    )
    parser.add_argument("--settings", default="raised,production", help="raised, production")
    parser.add_argument("--quick", action="store_true", help="1,000 and 300 updates a run")
    args = parser.parse_args()
    args.senders = [int(k) for k in args.senders.split(",")]
    args.settings = [name.strip() for name in args.settings.split(",")]
    if args.quick:
        args.updates, args.production_updates = 1000, 300
    keys = [key.strip() for key in args.setups.split(",")]
    unknown = [key for key in keys if key not in SETUPS]
    if unknown:
        parser.error(f"unknown setups {unknown}: choose from {', '.join(SETUPS)}")

    print(f"webhook throughput, git {commit()}")
    print(f"machine: {one_line()}")
    print(
        "raised: RATE_LIMIT_PER_SECOND=1000, FLOOD_LIMIT=1000000 (neither caps the runs); "
        "production: the defaults, with Telegram's 30 messages a second shared between the "
        "processes (RATE_LIMIT_PER_SECOND=30 for one, 15 each for two; FLOOD_LIMIT=20 in 10 s)"
    )
    print(
        "acked: each sender sends again once its update is acknowledged (a burst: latency "
        "includes the queue); answered: once its reply arrived"
    )
    print()
    print(
        "| setup | settings | sending | K | updates | answered/s | p50 ms | p99 ms "
        "| bot CPU ms/update | harness CPU ms/update |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    postgres = LocalPostgres() if any(SETUPS[k][1] == "postgres" for k in keys) else None
    with tempfile.TemporaryDirectory(prefix="webhook-bench-") as name:
        try:
            for key in keys:
                asyncio.run(bench_setup(key, args, postgres, Path(name)))
        finally:
            if postgres is not None:
                postgres.stop()
    print()
    print(
        "Telegram's limits: about 30 messages a second per bot for broadcasts, about 1 a "
        "second in one chat, 20 a minute in a group."
    )


if __name__ == "__main__":
    main()
