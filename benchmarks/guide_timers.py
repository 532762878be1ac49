"""Hold-timer figures: many people in guided routines at once. A script that prints numbers.

    .venv/bin/python benchmarks/guide_timers.py                    # 100 routines, real time
    .venv/bin/python benchmarks/guide_timers.py --routines 200 --scale 0.5

N people (default 100) each open the short desk break (4 stretches, 3 min 10 s with its rests)
and press "Start guided" within a few seconds of each other. The production application
(`build_application`: the same rate limiter, job queue and guide timers, settings at their
defaults unless given) counts every routine down against the fake Bot API server of the
end-to-end tests until all of them have finished. Prints the edits per second (mean, and the
peak within any one second, against the countdowns' budget and the bot's rate limit), the
most edits of one chat within one second, how much longer routines took than their nominal
time (edits wait for the budget when it is full, and a step is never cut short), and checks
that every routine showed every step once, in order, and finished.

`--scale` shrinks holds and rests (not the rates): 0.5 halves the run.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import re
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot import actions as act  # noqa: E402
from bot.reply import Plan  # noqa: E402

PLAN = Plan("desk_break", length="short")
STEP = re.compile(r"step (\d+) of (\d+)")


async def run(routines: int, scale: float, env: dict[str, str]) -> int:
    from telegram.ext import Application

    from bot.brain import Brain
    from bot.config import load_settings
    from bot.kb import load_kb
    from bot.telegram.app import build_application, polling_options, timing_of
    from bot.telegram.services import services_of
    from bot.timer import refresh_interval
    from tests.e2e.fakebotapi import FakeBotAPI, peak_per_second

    api = FakeBotAPI()
    await api.start()
    folder = Path(tempfile.mkdtemp(prefix="guide-timers-"))
    settings = load_settings(
        {
            "TELEGRAM_BOT_TOKEN": api.token,
            "TELEGRAM_API_BASE_URL": api.base_url,
            "STRETCHBOT_DB": str(folder / "bot.db"),
            **env,
        },
        env_file=None,
    )
    timing = replace(timing_of(settings), scale=scale)
    brain = Brain(load_kb())
    holds = brain.guide_holds(PLAN)
    nominal = (sum(h.seconds for h in holds) + timing.rest * len(holds)) * scale
    application: Application = build_application(settings, brain, guide_timing=timing)
    guides = services_of(application).guides
    print(
        f"{routines} people in the short desk break at once ({len(holds)} stretches, "
        f"{nominal:.0f} s with rests at scale {scale:g}); refresh every {timing.tick:g} s "
        f"(every {refresh_interval(timing.tick, routines, timing.edit_rate):g} s with "
        f"{routines} running), edit budget {timing.edit_rate:g}/s "
        f"({guides.in_flight} on their way at most), rate limit "
        f"{settings.rate_limit_per_second:g}/s ..."
    )
    await application.initialize()
    await application.updater.start_polling(poll_interval=0.0, timeout=5, **polling_options())
    await application.start()
    failed = False
    try:
        chats = [api.chat(10_000 + i) for i in range(routines)]
        for chat in chats:
            chat.send("/routine desk break")
        overviews = [await chat.next_message(timeout=120) for chat in chats]
        began = time.monotonic()
        for chat, overview in zip(chats, overviews, strict=True):
            chat.press(data=act.encode(act.GuideStep(PLAN, 0)), message=overview)
        messages = [await chat.next_message(timeout=120) for chat in chats]
        all_started = time.monotonic()
        await api.wait_for(
            lambda: all("well done" in m.text.lower() for m in messages),
            timeout=nominal * 4 + 120,
            what="every routine's finish",
        )
        wall = time.monotonic() - began
    finally:
        await application.updater.stop()
        await application.stop()
        await application.shutdown()
        await api.stop()

    edits = [c for c in api.calls_to("editMessageText") if c.status == 200]
    moments = [c.at for c in edits]
    per_chat: dict[int, list[float]] = defaultdict(list)
    for call in edits:
        per_chat[int(call.params["chat_id"])].append(call.at)
    chat_peak = max(peak_per_second(m) for m in per_chat.values())
    gaps = [
        b - a for m in per_chat.values() for a, b in zip(sorted(m), sorted(m)[1:], strict=False)
    ]
    after = [c.at for c in api.calls if "chat_id" in c.params and c.at > all_started]
    sent_at = {m.chat_id: c.at for m, c in zip(messages, _sends(api, messages), strict=True)}
    durations = [max(per_chat[chat]) - sent_at[chat] for chat in per_chat]
    in_order = all(_steps_ok(m, len(holds)) for m in messages)
    span = max(moments) - min(moments)

    print(f"  wall time, first press to last finish:    {wall:8.1f} s")
    print(f"  edits in all:                             {len(edits):8d}")
    print(f"  edits per second, mean over the run:      {len(edits) / span:8.1f}")
    print(
        f"  edits within any one second, peak:        {peak_per_second(moments):8d}"
        f"   (budget {timing.edit_rate:g})"
    )
    print(
        f"  messages and edits in any second, peak:   {peak_per_second(after):8d}"
        f"   (rate limit {settings.rate_limit_per_second:g}; once all had started)"
    )
    print(f"  edits of one chat within one second, max: {chat_peak:8d}")
    print(f"  shortest gap between two edits of a chat: {min(gaps):8.2f} s")
    print(
        f"  routine time, median / max:               {statistics.median(durations):8.1f} / "
        f"{max(durations):.1f} s   (nominal {nominal:.0f} s)"
    )
    print(
        f"  every step shown once, in order, finished: {'yes' if in_order else 'NO':>7}"
        f"   ({len(per_chat)} routines)"
    )
    print(timeline(moments, start=began_at(api), budget=timing.edit_rate))
    if chat_peak > 1 or peak_per_second(moments) > timing.edit_rate or not in_order:
        failed = True
    if failed:
        print("FAILED: a rate was exceeded or a step went missing or twice")
    return 1 if failed else 0


def began_at(api) -> float:
    """When the first guide message was asked for (the first press)."""
    return min(c.at for c in api.calls_to("answerCallbackQuery"))


def timeline(moments: list[float], *, start: float, budget: float, width: int = 10) -> str:
    """Edits per second in `width`-second bins from `start`, as a text bar chart."""
    bins: dict[int, int] = defaultdict(int)
    for moment in moments:
        bins[int((moment - start) // width)] += 1
    lines = [f"  edits per second, {width} s at a time (█ = 1/s; budget {budget:g}/s):"]
    for index in range(max(bins) + 1):
        rate = bins.get(index, 0) / width
        bar = "█" * int(rate) + ("▌" if rate - int(rate) >= 0.5 else "")
        lines.append(f"  {index * width:4d}-{(index + 1) * width:<4d} s {rate:5.1f} {bar}")
    return "\n".join(lines)


def _sends(api, messages):
    """The sendMessage call that created each guide message (the last send to its chat
    before the guide appeared)."""
    out = []
    for message in messages:
        calls = [
            c
            for c in api.calls_to("sendMessage")
            if int(c.params.get("chat_id", 0)) == message.chat_id and c.status == 200
        ]
        out.append(calls[-1])
    return out


def _steps_ok(message, count: int) -> bool:
    shown = [int(m[1]) for t in [*message.history, message.text] if (m := STEP.search(t))]
    finished = [t for t in [*message.history, message.text] if "well done" in t.lower()]
    return shown == sorted(shown) and set(shown) == set(range(1, count + 1)) and len(finished) == 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--routines", type=int, default=100)
    parser.add_argument("--scale", type=float, default=1.0, help="hold and rest lengths times")
    parser.add_argument("--rate", help="RATE_LIMIT_PER_SECOND")
    parser.add_argument("--tick", help="GUIDE_TICK_SECONDS")
    parser.add_argument("--edits", help="GUIDE_EDITS_PER_SECOND")
    args = parser.parse_args()
    env = {
        name: value
        for name, value in (
            ("RATE_LIMIT_PER_SECOND", args.rate),
            ("GUIDE_TICK_SECONDS", args.tick),
            ("GUIDE_EDITS_PER_SECOND", args.edits),
        )
        if value
    }
    logging.basicConfig(level=logging.ERROR)
    raise SystemExit(asyncio.run(run(args.routines, args.scale, env)))


if __name__ == "__main__":
    main()
