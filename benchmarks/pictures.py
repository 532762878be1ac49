"""Stretch-picture figures: a script that prints numbers, not a test.

    .venv/bin/python benchmarks/pictures.py            # about 20 s on the 2-core box
    .venv/bin/python benchmarks/pictures.py --rounds 1

What it measures, on the shipped knowledge base:

1. Drawing every picture into an empty cache folder (`Pictures.ensure`: layout, Pillow drawing
   at three times the size, scaling down, PNG encoding, the atomic write), as the bot does the
   first time each picture is needed. Each round uses a fresh temporary folder; the figures
   are the best round's total (the least disturbed by other processes) and the median and
   slowest picture of that round.
2. The cached path: every picture asked for again once it is on disk (what every later card
   costs the bot before Telegram's file_id takes over).
3. The total size of the PNGs, and the smallest, median and largest.
4. The contact sheet (`stretchbot figures --sheet`), and checking every pose at load (the
   loader's share of the start-up time).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.kb import load_kb  # noqa: E402
from bot.pictures import Pictures, contact_sheet  # noqa: E402
from bot.pose import layout  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="cold rounds (default 3)")
    args = parser.parse_args()
    kb = load_kb()
    poses = [(s.id, s.pose) for s in kb.stretches.values() if s.pose is not None]
    print(
        f"{len(poses)} stretches with a pose; {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )

    best: tuple[float, list[float], list[int]] | None = None
    for _ in range(args.rounds):
        with tempfile.TemporaryDirectory() as folder:
            pictures = Pictures(folder)
            times = []
            started = time.perf_counter()
            for _sid, pose in poses:
                t0 = time.perf_counter()
                pictures.ensure(pose)
                times.append(time.perf_counter() - t0)
            total = time.perf_counter() - started
            sizes = [pictures.path(pose).stat().st_size for _sid, pose in poses]
            t0 = time.perf_counter()
            for _sid, pose in poses:
                pictures.ensure(pose)
            cached = time.perf_counter() - t0
            if best is None or total < best[0]:
                best = (total, times, sizes)
    assert best is not None
    total, times, sizes = best
    print()
    print("| measure | value |")
    print("|---|---|")
    print(f"| draw all {len(poses)} pictures, cold (best of {args.rounds}) | {total:.2f} s |")
    print(
        f"| one picture: median, slowest | {statistics.median(times) * 1000:.0f} ms, "
        f"{max(times) * 1000:.0f} ms |"
    )
    print(f"| all {len(poses)} again from the cache | {cached * 1000:.1f} ms |")
    print(f"| total size of the PNGs | {sum(sizes) / 1024:.0f} KB |")
    print(
        f"| one PNG: smallest, median, largest | {min(sizes) / 1024:.1f}, "
        f"{statistics.median(sizes) / 1024:.1f}, {max(sizes) / 1024:.1f} KB |"
    )
    t0 = time.perf_counter()
    for _sid, pose in poses:
        layout(pose)
    checks = time.perf_counter() - t0
    print(f"| checking every pose (the loader's share of start-up) | {checks * 1000:.0f} ms |")
    with tempfile.TemporaryDirectory() as folder:
        t0 = time.perf_counter()
        contact_sheet(poses).save(Path(folder) / "sheet.png")
        sheet = time.perf_counter() - t0
    print(f"| contact sheet of every stretch | {sheet:.2f} s |")


if __name__ == "__main__":
    main()
