"""Daily-tip broadcast figures: a script that prints numbers, not a test.

    .venv/bin/python benchmarks/broadcast.py                 # both parts, the defaults below
    .venv/bin/python benchmarks/broadcast.py --part send --subscribers 2000 --rate 100

Part "send": N subscribers (default 10,000) all due at once. The production application
(`build_application`, the same rate limiter and job queue, `DAILY_TICK_SECONDS` ticks) sends
their tips to the fake Bot API server from the end-to-end tests. Prints the wall time until the
last tip arrived, the peak number of tips the server received within any one second (it must
never exceed `--rate`), and checks that every subscriber got exactly one tip.

Part "db": the database cost of a tick at 100,000 subscribers (`--rows`), with sends that cost
nothing, so only SQLite is measured: a tick with nothing due, a typical tick (send times spread
over the day), a full tick when everyone is due at once, and the catch-up pass after an outage.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot import daily  # noqa: E402
from bot.store import Store  # noqa: E402


def populate(store: Store, count: int, due: datetime, spread: timedelta = timedelta(0)) -> None:
    """`count` subscribers due at `due` (or spread evenly over the `spread` before it)."""
    rows = []
    stamp = int(due.timestamp())
    for index in range(count):
        at = due - spread * (index / count)
        rows.append((index + 1, at.strftime("%H:%M"), "UTC", int(at.timestamp()), 0, stamp, stamp))
    store._db.execute("BEGIN")
    store._db.executemany(
        "INSERT INTO subscriptions (chat_id, local_time, zone, next_send_utc, tip_cursor, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    store._db.execute("COMMIT")


# --- part 1: a broadcast against the fake Bot API ------------------------------------------


async def send_part(subscribers: int, rate: float, tick_seconds: float) -> None:
    from telegram.ext import Application

    from bot.brain import Brain
    from bot.config import load_settings
    from bot.kb import load_kb
    from bot.telegram.app import build_application
    from tests.e2e.fakebotapi import FakeBotAPI, peak_per_second

    api = FakeBotAPI()
    await api.start()
    folder = Path(tempfile.mkdtemp(prefix="broadcast-"))
    db_path = folder / "bot.db"
    due = datetime.now(UTC).replace(microsecond=0) - timedelta(seconds=30)
    store = Store.open(db_path)
    populate(store, subscribers, due)
    store.close()
    settings = load_settings(
        {
            "TELEGRAM_BOT_TOKEN": api.token,
            "TELEGRAM_API_BASE_URL": api.base_url,
            "STRETCHBOT_DB": str(db_path),
            "RATE_LIMIT_PER_SECOND": str(rate),
            "DAILY_TICK_SECONDS": str(tick_seconds),
        },
        env_file=None,
    )
    application: Application = build_application(settings, Brain(load_kb()))
    print(
        f"send: {subscribers:,} subscribers due at once, limit {rate:g}/s, "
        f"tick every {tick_seconds:g} s ..."
    )
    started = time.monotonic()
    await application.initialize()
    await application.start()
    try:
        await api.wait_for(
            lambda: len(api.sent) >= subscribers,
            timeout=subscribers / rate * 3 + 60,
            what="every tip",
        )
        wall = time.monotonic() - started
    finally:
        await application.stop()
        await application.shutdown()
        await api.stop()
    sends = [c for c in api.calls_to("sendMessage") if c.status == 200]
    per_chat = Counter(m.chat_id for m in api.sent)
    exactly_once = len(per_chat) == subscribers and set(per_chat.values()) == {1}
    peak = peak_per_second([c.at for c in sends])
    print(f"  wall time until the last tip:  {wall:8.1f} s")
    print(f"  average send rate:            {len(sends) / wall:8.1f} /s")
    print(f"  peak sends within one second: {peak:8d}   (limit {rate:g})")
    print(f"  every subscriber exactly once: {'yes' if exactly_once else 'NO'}")
    if peak > rate or not exactly_once:
        raise SystemExit("FAILED: the limit was exceeded or a tip went missing or twice")


# --- part 2: database time per tick at 100,000 subscribers ---------------------------------


class TimedStore:
    """A store proxy that adds up the time spent in every store call."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.seconds = 0.0
        self.calls = 0

    def __getattr__(self, name: str):
        method = getattr(self._store, name)

        def timed(*args, **kwargs):
            begin = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - begin
                self.calls += 1

        return timed


async def _nothing(_sub) -> None:
    return None


async def measure_tick(
    store: Store, now: datetime, max_sends: int | None
) -> tuple[float, int, int]:
    timed = TimedStore(store)
    pacer = daily.Pacer(1e9, margin=0)
    report = await daily.tick(timed, _nothing, lambda: now, pacer=pacer, max_sends=max_sends)
    return timed.seconds, report.sent + report.rescheduled, timed.calls


async def db_part(rows: int, rate: float, tick_seconds: float) -> None:
    per_tick = int(tick_seconds / daily.Pacer(rate).interval)  # what one tick can send
    print(
        f"db: {rows:,} subscribers in SQLite (WAL, synchronous=FULL), on disk in {tempfile.gettempdir()}"
    )
    now = datetime(2025, 6, 2, 12, 0, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "spread.db")
        populate(store, rows, now + timedelta(days=1), spread=timedelta(days=1))
        idle_at = now - timedelta(seconds=1)
        seconds, handled, calls = await measure_tick(store, idle_at, per_tick)
        print(
            f"  idle tick (nothing due):                 {seconds * 1000:8.2f} ms, {calls} queries"
        )
        seconds, handled, _ = await measure_tick(store, now + timedelta(seconds=tick_seconds), None)
        print(
            f"  typical tick (send times spread over 24 h, {handled} due): "
            f"{seconds * 1000:8.2f} ms ({seconds / max(handled, 1) * 1e6:.0f} µs per tip)"
        )
        store.close()

        store = Store.open(Path(folder) / "all.db")
        populate(store, rows, now)
        seconds, handled, _ = await measure_tick(store, now, per_tick)
        print(
            f"  busiest tick, everyone due ({handled} sends = one {tick_seconds:g} s tick at "
            f"{rate:g}/s): {seconds * 1000:8.1f} ms ({seconds / handled * 1e6:.0f} µs per tip)"
        )
        store.close()

        store = Store.open(Path(folder) / "outage.db")
        populate(store, rows, now - timedelta(hours=7))
        seconds, handled, _ = await measure_tick(store, now, 0)
        print(
            f"  catch-up pass after a 7 h outage ({handled:,} rows rescheduled): {seconds:8.2f} s"
        )
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("send", "db", "both"), default="both")
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rate", type=float, default=30.0, help="RATE_LIMIT_PER_SECOND")
    parser.add_argument("--tick", type=float, default=30.0, help="DAILY_TICK_SECONDS")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if args.part in ("db", "both"):
        asyncio.run(db_part(args.rows, args.rate, args.tick))
    if args.part in ("send", "both"):
        asyncio.run(send_part(args.subscribers, args.rate, args.tick))


if __name__ == "__main__":
    main()
