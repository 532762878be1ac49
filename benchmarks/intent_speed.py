"""How fast is the intent layer, and how does it grow with the knowledge base? (issue 6)

Prints figures; it is not a test and `make test` does not run it.

    .venv/bin/python benchmarks/intent_speed.py              # full run, about a minute
    .venv/bin/python benchmarks/intent_speed.py --quick      # fewer repetitions
    .venv/bin/python benchmarks/intent_speed.py --sizes 1,10 --profile 10

1. The shipped knowledge base: time per message of the whole brain (`Brain.reply`: normalise,
   red flags, match, build the reply; no rendering) over the labelled messages of
   tests/data/utterances.yaml, cold (a fresh Brain and empty caches: every message is seen for
   the first time) and warm (the matcher's word cache filled; the normalisation caches are
   cleared before every pass); start-up (load, validate, index) in a fresh process; peak memory and wall
   time of `python -m bot ask --json -` on 10,000 messages and on the 5,500 CLINC150 test queries.
2. Synthetic knowledge bases 10x and 100x the shipped one, generated from it by
   benchmarks/synthetic_kb.py in a temporary folder and loaded with `load_kb` and `Brain` like
   production.
3. A naive matcher at each size: rapidfuzz `process.extractOne(..., scorer=fuzz.WRatio)` over
   every example phrase, and the ratio naive / ours.
4. The floor (issue 12): normalising a message and one dictionary look-up per word, the least
   any matcher must do; a whole reply's time over it.
5. The sentence-embedding baseline of issue 12 (benchmarks/embedding_baseline.py) when torch
   and the packaged model are installed: its accuracy and time per message beside ours.
6. A summary with the goals of issues 6 and 12, PASS or MISS.

Per-message figures: every message is timed in each of R passes; a message's time is its median
over the passes (this filters out other processes on the machine), and median, p99 and max are
taken over the messages. msg/s is messages / summed time. Subprocesses run with a bytecode cache
(in a temporary PYTHONPYCACHEPREFIX, warmed by a discarded first run) as a deployed bot would.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import math
import os
import pstats
import random
import statistics
import string
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import embedding_baseline  # noqa: E402
import yaml  # noqa: E402
from machine_info import machine  # noqa: E402
from rapidfuzz import fuzz, process  # noqa: E402
from synthetic_kb import Synthesizer, load_synthetic, phrase_lists  # noqa: E402

from bot import evaluate  # noqa: E402
from bot.brain import Brain  # noqa: E402
from bot.kb import KBError, KnowledgeBase, load_kb  # noqa: E402
from bot.memory import settle  # noqa: E402
from bot.understanding.text import normalize, normalize_message  # noqa: E402

UTTERANCES = ROOT / "tests" / "data" / "utterances.yaml"
CLINC_TEST = ROOT.parent / "shared" / "datasets" / "clinc150" / "test.jsonl"
CLINC_VAL = CLINC_TEST.with_name("val.jsonl")
REALWORLD_DEV = ROOT.parent / "shared" / "datasets" / "realworld-dev.yaml"
SEED = 20240606

GOALS = {
    "median_1x": 0.1,  # ms
    "p99_1x": 0.5,  # ms
    "p99_100x": 2.0,  # ms
    "speedup_100x": 20.0,  # naive / ours
    "startup": 0.5,  # s, load + validate + index
    "memory": 100.0,  # MB, ask --json - on 10,000 messages
    "clinc_wall": 3.0,  # s, ask --json - on the 5,500 CLINC150 test queries
    # issue 12: ratios, which hold from one machine to another where absolute times do not
    "over_floor": 10.0,  # ours / floor, median
    "naive_1x": 20.0,  # naive / ours at 1x
    "naive_100x": 300.0,  # naive / ours at 100x
}
#: how each goal is shown in the summary
_TARGETS = {
    "median_1x": "<= 0.1 ms",
    "p99_1x": "<= 0.5 ms",
    "p99_100x": "<= 2 ms",
    "speedup_100x": ">= 20x",
    "startup": "<= 0.5 s",
    "memory": "<= 100 MB",
    "clinc_wall": "< 3 s",
    "over_floor": "<= 10x",
    "naive_1x": ">= 20x",
    "naive_100x": ">= 300x",
}


# --------------------------------------------------------------------------- helpers


def ms(ns: float) -> float:
    """Nanoseconds in milliseconds."""
    return ns / 1e6


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile of an already sorted sequence."""
    if not sorted_values:
        return float("nan")
    rank = max(1, math.ceil(q / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


@dataclass
class Timing:
    """Per-message times (ns) of several passes over the same messages, on two clocks.

    `cpu` is the thread's CPU time (what the bot's own work costs, even when other processes
    share the machine), `wall` is elapsed time (adds any time the scheduler gave to others).
    """

    wall: list[list[int]]
    cpu: list[list[int]]

    def per_message(self, clock: str = "cpu", subset: Sequence[int] | None = None) -> list[float]:
        """Each message's median time over the passes (of `subset` if given)."""
        passes = self.cpu if clock == "cpu" else self.wall
        idx = range(len(passes[0])) if subset is None else subset
        return [statistics.median(p[i] for p in passes) for i in idx]

    def stats(self, clock: str = "cpu", subset: Sequence[int] | None = None) -> dict[str, float]:
        """Median, p99, max and mean over the messages (ms), messages per second, and the
        slowest single sample of any pass (ms)."""
        values = sorted(self.per_message(clock, subset))
        total = sum(values)
        passes = self.cpu if clock == "cpu" else self.wall
        return {
            "median": ms(statistics.median(values)),
            "p99": ms(percentile(values, 99)),
            "max": ms(values[-1]),
            "mean": ms(total / len(values)),
            "per_s": len(values) / (total / 1e9) if total else float("inf"),
            "raw_max": ms(max(max(p) for p in passes)),
        }

    def add(self, other: Timing) -> None:
        """Append the passes of `other`, timed over the same messages."""
        self.wall.extend(other.wall)
        self.cpu.extend(other.cpu)


def _cpu_overhead() -> int:
    """CPU time an empty measurement bracket reads (ns), subtracted from every sample."""
    cpu, wall = time.thread_time_ns, time.perf_counter_ns
    samples = []
    for _ in range(2000):
        c0 = cpu()
        w0 = wall()
        w1 = wall()
        c1 = cpu()
        samples.append(c1 - c0 - (w1 - w0))
    return max(0, int(statistics.median(samples)))


_CPU_OVERHEAD = 0


def clear_text_caches() -> None:
    """Empty the normalisation caches, so every message is normalised afresh."""
    normalize.cache_clear()
    normalize_message.cache_clear()


def time_pass(func: Callable[[str], object], messages: Sequence[str]) -> Timing:
    """Time `func` once on every message; the normalisation caches are emptied first."""
    clear_text_caches()
    gc.collect()
    cpu, wall = time.thread_time_ns, time.perf_counter_ns
    overhead = _CPU_OVERHEAD
    walls: list[int] = []
    cpus: list[int] = []
    for message in messages:
        c0 = cpu()
        w0 = wall()
        func(message)
        w1 = wall()
        c1 = cpu()
        walls.append(w1 - w0)
        cpus.append(max(0, c1 - c0 - overhead))
    return Timing([walls], [cpus])


def repeat(func: Callable[[str], object], messages: Sequence[str], passes: int) -> Timing:
    """`time_pass` `passes` times."""
    timing = time_pass(func, messages)
    for _ in range(passes - 1):
        timing.add(time_pass(func, messages))
    return timing


LABEL_WIDTH = 28


def header() -> str:
    """The column titles of `fmt_row`."""
    return (
        f"  {'ms per message':<{LABEL_WIDTH}} {'cpu median':>10} {'p99':>7} {'max':>7}   "
        f"{'wall median':>11} {'p99':>7} {'max':>7}   {'msg/cpu-s':>9}"
    )


def fmt_row(label: str, t: Timing, subset: Sequence[int] | None = None) -> str:
    """One row of per-message figures, cpu then wall."""
    c, w = t.stats("cpu", subset), t.stats("wall", subset)
    return (
        f"  {label:<{LABEL_WIDTH}} {c['median']:>10.3f} {c['p99']:>7.3f} {c['max']:>7.3f}   "
        f"{w['median']:>11.3f} {w['p99']:>7.3f} {w['max']:>7.3f}   {c['per_s']:>9,.0f}"
    )


def plural(n: int, word: str) -> str:
    """The count and the word, plural unless the count is 1 ("2 passes")."""
    return f"{n} {word}" if n == 1 else f"{n} {word}{'es' if word.endswith('s') else 's'}"


def section(title: str) -> None:
    """Print a section title, underlined."""
    print()
    print(title)
    print("-" * len(title))


def load_messages() -> list[str]:
    """The labelled messages of tests/data/utterances.yaml, whitespace collapsed."""
    data = yaml.safe_load(UTTERANCES.read_text(encoding="utf-8"))
    return [" ".join(str(u["text"]).split()) for u in data["utterances"]]


def load_clinc(path: Path) -> list[str]:
    """The queries of a CLINC150 JSON-lines file, or none when it is absent."""
    if not path.is_file():
        return []
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.append(" ".join(json.loads(line)["text"].split()))
    return out


def reply_key(brain: Brain, text: str) -> tuple[str | None, ...]:
    """What a reply is, for "same reply as 1x": kind, intent, topic and routine."""
    r = brain.reply(text)
    return (r.kind, r.intent, r.topic, r.routine)


# --------------------------------------------------------------------------- subprocesses

_STARTUP_CODE = """
import json, sys, time
t0 = time.perf_counter()
from bot.kb import load_kb
from bot.brain import Brain
t1 = time.perf_counter()
kb = load_kb(sys.argv[1] if len(sys.argv) > 1 else None)
t2 = time.perf_counter()
Brain(kb)
t3 = time.perf_counter()
print(json.dumps({"imports": t1 - t0, "load": t2 - t1, "index": t3 - t2,
                  "cpu": time.process_time()}))
"""


def child_env(pycache: str) -> dict[str, str]:
    """The environment of a subprocess: bytecode cached in `pycache`, a fixed hash seed."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = pycache
    env["PYTHONHASHSEED"] = "0"
    return env


def measure_startup(env: dict[str, str], runs: int, kb_dir: Path | None = None) -> dict[str, float]:
    """Fresh-process start-up: interpreter, imports, load + validate, index (Brain)."""
    cmd = [sys.executable, "-c", _STARTUP_CODE] + ([str(kb_dir)] if kb_dir else [])
    rows = []
    for i in range(runs + 1):  # the first run fills the bytecode cache and is discarded
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - start
        if done.returncode != 0:
            raise RuntimeError(f"start-up subprocess failed:\n{done.stderr}")
        if i == 0:
            continue
        row = json.loads(done.stdout.strip().splitlines()[-1])
        row["wall"] = wall
        rows.append(row)
    return {k: statistics.median(r[k] for r in rows) for k in rows[0]}


#: runs a command and reports its peak RSS (KB) and CPU seconds on stderr's last line. A child
#: started straight from this benchmark would report the benchmark's own RSS as its peak (the
#: child shares the parent's pages until it runs the new program, and Linux counts them), so
#: the bot is started from this small process instead
_MEASURED = (
    "import os, subprocess, sys\n"
    "p = subprocess.Popen(sys.argv[1:])\n"
    "_pid, status, u = os.wait4(p.pid, 0)\n"
    "sys.stderr.write(f'\\n{u.ru_maxrss} {u.ru_utime + u.ru_stime}\\n')\n"
    "sys.exit(os.waitstatus_to_exitcode(status))\n"
)


def run_ask(
    lines: Sequence[str], env: dict[str, str], extra: Sequence[str] = ()
) -> dict[str, float]:
    """`python -m bot ask --json -` fed `lines`: wall time, peak RSS (MB), lines written."""
    bot = [sys.executable, "-m", "bot", "ask", "--json", *extra, "-"]
    cmd = [sys.executable, "-c", _MEASURED, *bot]
    with (
        tempfile.TemporaryFile() as fin,
        tempfile.TemporaryFile() as fout,
        tempfile.TemporaryFile() as ferr,
    ):
        fin.write(("\n".join(lines) + "\n").encode("utf-8"))
        fin.flush()
        fin.seek(0)
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdin=fin, stdout=fout, stderr=ferr)
        _pid, status, _usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            ferr.seek(0)
            raise RuntimeError(f"{' '.join(cmd)} failed:\n{ferr.read().decode(errors='replace')}")
        fout.seek(0)
        count = 0
        first = None
        for raw in fout:
            if first is None:
                first = raw
            count += 1
        if first is not None:
            json.loads(first)  # the output is the JSON contract
        ferr.seek(0)
        peak_kb, cpu = ferr.read().decode(errors="replace").split()[-2:]
    return {"wall": wall, "cpu": float(cpu), "peak_mb": int(peak_kb) / 1024, "lines": count}


# --------------------------------------------------------------------------- naive matcher


def all_phrases(kb: KnowledgeBase, rng: random.Random) -> list[str]:
    """Every example phrase of the knowledge base, {topic} filled with some topic's name."""
    names = [n for t in kb.topics.values() for n in t.names]
    return [
        p.replace("{topic}", rng.choice(names)) if "{topic}" in p else p
        for phrases in phrase_lists(kb)
        for p in phrases
    ]


class Naive:
    """rapidfuzz extractOne with WRatio over every (normalised) example phrase."""

    def __init__(self, phrases: Sequence[str]) -> None:
        """Normalise the phrases once, as a naive bot would at start-up."""
        self.choices = [normalize(p) for p in phrases]
        normalize.cache_clear()

    def match(self, text: str) -> tuple[str, float, int] | None:
        """The most similar phrase, its score and its index."""
        return process.extractOne(normalize(text), self.choices, scorer=fuzz.WRatio)


# --------------------------------------------------------------------------- benchmark


def bench_brain(
    make_brain: Callable[[], Brain],
    messages: Sequence[str],
    cold: int,
    warm: int,
    first: Brain | None = None,
) -> tuple[Timing, Timing, Brain]:
    """`cold` passes, each on a fresh Brain (`first` for the first), then `warm` on the last."""
    brain = first or make_brain()
    cold_t = time_pass(brain.reply, messages)
    for _ in range(cold - 1):
        brain = make_brain()
        cold_t.add(time_pass(brain.reply, messages))
    return cold_t, repeat(brain.reply, messages, warm), brain


def profile_brain(brain: Brain, messages: Sequence[str], label: str) -> str:
    """cProfile of one cold pass of Brain.reply, by own time and by cumulative time."""
    clear_text_caches()
    prof = cProfile.Profile()
    prof.enable()
    for m in messages:
        brain.reply(m)
    prof.disable()
    lines = []
    for key in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(prof, stream=out).strip_dirs().sort_stats(key).print_stats(16)
        text = out.getvalue()
        lines.append(f"  cProfile of Brain.reply over the labelled messages, {label}, by {key}:")
        lines.extend("  " + line for line in text[text.find("   ncalls") :].rstrip().splitlines())
        lines.append("")
    return "\n".join(lines)


def fingerprint() -> str:
    """The git commit, and a hash of the code and knowledge the figures come from."""
    import hashlib

    digest = hashlib.sha1()
    for path in sorted([*ROOT.glob("bot/**/*.py"), *ROOT.glob("knowledge/*.yaml")]):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "bot", "knowledge"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        head, dirty = "", ""
    state = f"git {head or '?'}{' + uncommitted changes' if dirty else ''}"
    return f"{state}; bot/ + knowledge/ content hash {digest.hexdigest()[:10]}"


def kb_counts(kb: KnowledgeBase, brain: Brain) -> dict[str, int]:
    """Topics, names and synonyms, example phrases and vocabulary of a knowledge base."""
    return {
        "topics": len(kb.topics),
        "names": sum(len(t.names) + len(t.synonyms) for t in kb.topics.values()),
        "phrases": len(all_phrases(kb, random.Random(0))),
        "vocab": len(brain.matcher.vocab),
    }


@dataclass
class Shipped:
    """What section 1 measured beyond the per-size results: the process-level figures."""

    startup: float  # s, load + validate + index in a fresh process
    memory: float  # MB, peak RSS of ask --json - on 10,000 messages
    clinc_wall: float  # s, ask --json - on the CLINC150 test queries (nan when absent)
    baseline: list[tuple[str | None, ...]]  # reply_key of every labelled message


def bench_shipped(
    kb: KnowledgeBase, messages: list[str], clinc: list[str], args: argparse.Namespace
) -> tuple[dict[str, Any], Shipped, Brain]:
    """Section 1: per-message times, start-up, memory and CLINC150 wall time at 1x."""
    section("1. Shipped knowledge base")
    print(
        f"  {len(messages)} labelled messages ({UTTERANCES.relative_to(ROOT)}); Brain.reply = "
        "normalise, red flags, match, build the reply"
    )
    quick = args.quick
    cold_n, warm_n = (2, 2) if quick else (5, 5)
    cold, warm, brain = bench_brain(lambda: Brain(kb), messages, cold_n, warm_n)
    print(header())
    print(fmt_row(f"cold ({plural(cold_n, 'fresh Brain')})", cold))
    print(fmt_row(f"warm ({plural(warm_n, 'pass')})", warm))
    print(
        f"  slowest single sample of any pass: cold {cold.stats('cpu')['raw_max']:.2f} ms cpu, "
        f"{cold.stats('wall')['raw_max']:.2f} ms wall; warm {warm.stats('cpu')['raw_max']:.2f} "
        f"ms cpu, {warm.stats('wall')['raw_max']:.2f} ms wall"
    )
    settle()  # as `stretchbot run` does once the brain is built
    report_worst(brain, args.seed)
    baseline = [reply_key(brain, m) for m in messages]
    inproc = []
    for _ in range(2 if quick else 5):
        t0 = time.perf_counter()
        k = load_kb()
        t1 = time.perf_counter()
        Brain(k)
        inproc.append((t1 - t0, time.perf_counter() - t1))
    in_load = statistics.median(x[0] for x in inproc)
    in_index = statistics.median(x[1] for x in inproc)
    with tempfile.TemporaryDirectory(prefix="stretchbot-bench-") as tmp:
        env = child_env(str(Path(tmp) / "pycache"))
        startup = report_startup(env, quick, in_load, in_index)
        memory = report_memory(messages, clinc, env, args.seed)
        clinc_wall = report_clinc(clinc, env, quick)
    result = {
        "kb": kb,
        "cold": cold,
        "warm": warm,
        "load_index": in_load + in_index,
        "agree": 1.0,
        "yaml_mb": sum(p.stat().st_size for p in kb.directory.glob("*.yaml")) / 1e6,
        "cold_n": cold_n,
        "warm_n": warm_n,
        **kb_counts(kb, brain),
    }
    return result, Shipped(startup, memory, clinc_wall, baseline), brain


def worst_messages(rng: random.Random) -> dict[str, Callable[[], str]]:
    """Makers of hostile messages of Telegram's full 4,096 characters, fresh on every call
    (so the word cache cannot help)."""
    words = (ROOT / "bot" / "data" / "english_words.txt").read_text().split()
    body = "my back hurts hip tight neck stretch pain knee and numb chest calf how do i ?".split()

    def made_up() -> str:
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 9)))

    return {
        "English words": lambda: " ".join(rng.choice(words) for _ in range(800))[:4096],
        "made-up words": lambda: " ".join(made_up() for _ in range(700))[:4096],
        "made-up, commas": lambda: ", ".join(made_up() for _ in range(700))[:4096],
        "body words": lambda: " ".join(rng.choice(body) for _ in range(1000))[:4096],
        "one long word": lambda: "".join(rng.choice(string.ascii_lowercase) for _ in range(4096)),
        "emoji": lambda: "\U0001f642" * 4096,
    }


def report_worst(brain: Brain, seed: int, samples: int = 15) -> None:
    """Print the slowest reply to 4,096-character hostile messages (the goal is <= 5 ms)."""
    print(
        "  worst case, 4,096 characters, fresh message each time (max / median of "
        f"{samples}, ms wall):"
    )
    for label, make in worst_messages(random.Random(seed)).items():
        times = []
        for _ in range(samples):
            message = make()
            t0 = time.perf_counter()
            brain.reply(message)
            times.append((time.perf_counter() - t0) * 1000)
        print(f"    {label:<16} {max(times):6.2f} / {statistics.median(times):5.2f}")


def report_startup(env: dict[str, str], quick: bool, in_load: float, in_index: float) -> float:
    """Print fresh-process start-up; return load + validate + index in seconds."""
    runs = 2 if quick else 5
    startup = measure_startup(env, runs)
    total = startup["load"] + startup["index"]
    print(
        f"  start-up, fresh process, median of {runs} (bytecode cached): "
        f"load + validate {startup['load']:.3f} s + index (Brain) {startup['index']:.3f} s "
        f"= {total:.3f} s"
    )
    print(
        f"    + imports {startup['imports']:.3f} s = {total + startup['imports']:.3f} s;"
        f" whole process incl. interpreter {startup['wall']:.3f} s; in this process "
        f"(imports done) {in_load:.3f} + {in_index:.3f} s"
    )
    return float(total)


def report_memory(messages: list[str], clinc: list[str], env: dict[str, str], seed: int) -> float:
    """Print `ask --json -` on 10,000 mixed messages; return its peak RSS in MB."""
    pool = messages + clinc + load_clinc(CLINC_VAL)
    mix = [pool[i % len(pool)] for i in range(10_000)]
    random.Random(seed).shuffle(mix)
    mem = run_ask(mix, env)
    print(
        f"  ask --json - on 10,000 messages (labelled + CLINC150, shuffled): peak RSS "
        f"{mem['peak_mb']:.1f} MB, wall {mem['wall']:.2f} s, cpu {mem['cpu']:.2f} s, "
        f"{mem['lines']:,} lines out"
    )
    return float(mem["peak_mb"])


def report_clinc(clinc: list[str], env: dict[str, str], quick: bool) -> float:
    """Print `ask --json -` on the CLINC150 test queries; return its wall time (nan if absent)."""
    if not clinc:
        print(f"  CLINC150 test set not found at {CLINC_TEST}: skipped")
        return float("nan")
    runs = [run_ask(clinc, env) for _ in range(1 if quick else 3)]
    wall = statistics.median(r["wall"] for r in runs)
    print(
        f"  ask --json - on CLINC150 test ({len(clinc):,} queries, start-up included): "
        f"wall {wall:.2f} s (median of {len(runs)}), cpu "
        f"{statistics.median(r['cpu'] for r in runs):.2f} s, peak RSS "
        f"{runs[0]['peak_mb']:.1f} MB, {runs[0]['lines']:,} lines out"
    )
    return float(wall)


def bench_synthetic(
    kb: KnowledgeBase,
    f: int,
    messages: list[str],
    baseline: list[tuple[str | None, ...]],
    args: argparse.Namespace,
    profiles: list[str],
) -> dict[str, Any]:
    """Section 2 for one size: generate, load, time, and compare replies with 1x."""
    with tempfile.TemporaryDirectory(prefix=f"stretchbot-kb{f}x-") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        data = Synthesizer(kb, f, args.seed).build()
        gen_s = time.perf_counter() - t0
        kb_f, brain_f, size, load_s, removed = load_synthetic(data, folder)
        del data
        c_n, w_n = (1, 1) if args.quick else (2, 3)
        cold_f, warm_f, brain_f = bench_brain(
            lambda: Brain(load_kb(folder)), messages, c_n, w_n, brain_f
        )
        agree = sum(
            reply_key(brain_f, m) == b for m, b in zip(messages, baseline, strict=True)
        ) / len(messages)
        if f in args.profile:
            profiles.append(profile_brain(Brain(kb_f), messages, f"{f}x, cold"))
        return {
            "kb": kb_f,
            "cold": cold_f,
            "warm": warm_f,
            "load_index": load_s,
            "agree": agree,
            "yaml_mb": size / 1e6,
            "gen_s": gen_s,
            "removed": removed,
            "cold_n": c_n,
            "warm_n": w_n,
            **kb_counts(kb_f, brain_f),
        }


def report_synthetic(results: dict[int, dict[str, Any]], big: list[int]) -> None:
    """Section 2's tables: the sizes, and the per-message times at each size."""
    print(
        f"  {'size':>5} {'topics':>7} {'names+syn':>10} {'phrases':>8} {'vocab':>7} "
        f"{'YAML MB':>8} {'generate s':>11} {'load+index s':>13} {'same reply as 1x':>17}"
    )
    for f in sorted(results):
        r = results[f]
        gen = f"{r['gen_s']:.2f}" if "gen_s" in r else "-"
        print(
            f"  {f:>4}x {r['topics']:>7,} {r['names']:>10,} {r['phrases']:>8,} "
            f"{r['vocab']:>7,} {r['yaml_mb']:>8.2f} {gen:>11} {r['load_index']:>13.2f} "
            f"{r['agree']:>16.0%}"
        )
    print(
        "  phrases: every example phrase (intents, general answers, routines, small talk,\n"
        "  topics); vocab: the matcher's vocabulary; load+index in this process; same reply:\n"
        "  labelled messages answered with the same kind, intent and topic as at 1x"
    )
    dropped = sum(results[f]["removed"] for f in big)
    if dropped:
        print(f"  ({dropped} generated names dropped: the matcher found them on two topics)")
    print(header())
    for f in sorted(results):
        r = results[f]
        print(fmt_row(f"{f}x cold ({plural(r['cold_n'], 'fresh Brain')})", r["cold"]))
        print(fmt_row(f"{f}x warm ({plural(r['warm_n'], 'pass')})", r["warm"]))


def bench_naive(
    messages: list[str], results: dict[int, dict[str, Any]], args: argparse.Namespace
) -> None:
    """Section 3: the naive matcher at every size, on a sample that fits the time budget."""
    section("3. Naive matcher: process.extractOne(normalize(msg), all phrases, scorer=WRatio)")
    budget = 0.6 if args.quick else 2.0
    order = list(range(len(messages)))
    random.Random(args.seed).shuffle(order)
    print(
        f"  {'size':>5} {'phrases':>8} {'msgs':>5}   {'naive cpu median':>16} {'p99':>7}   "
        f"{'ours cold median':>16} {'p99':>7}   {'naive/ours median':>17} {'mean':>6}"
    )
    for f in sorted(results):
        r = results[f]
        naive = Naive(all_phrases(r["kb"], random.Random(args.seed)))
        probe = time_pass(naive.match, [messages[i] for i in order[:5]])
        per_msg = max(statistics.mean(probe.cpu[0]), 1)
        count = max(30, min(len(messages), int(budget / (per_msg / 1e9))))
        subset = sorted(order[:count])
        nt = time_pass(naive.match, [messages[i] for i in subset])
        n_s, o_s = nt.stats("cpu"), r["cold"].stats("cpu", subset)
        r["naive"] = n_s
        r["ratio_median"] = n_s["median"] / o_s["median"]
        r["ratio_mean"] = n_s["mean"] / o_s["mean"]
        print(
            f"  {f:>4}x {len(naive.choices):>8,} {count:>5}   {n_s['median']:>13.3f} ms "
            f"{n_s['p99']:>7.2f}   {o_s['median']:>13.3f} ms {o_s['p99']:>7.3f}   "
            f"{r['ratio_median']:>16.0f}x {r['ratio_mean']:>5.0f}x"
        )
    print(
        "  naive timed once per message on a fixed random sample (all messages when it fits the\n"
        "  time budget); ours: the cold figures on the same messages; all cpu time"
    )


def bench_floor(brain: Brain, messages: list[str], results: dict[int, dict[str, Any]]) -> None:
    """Section 4: the floor, normalise and look every word up once, and ours over it."""
    section("4. Floor: normalise the message and one dictionary look-up per word")
    table = brain.matcher.index.idf

    def floor(text: str) -> int:
        return sum(1 for w in normalize(text).split() if table.get(w) is not None)

    timing = repeat(floor, messages, 5)
    f_s, o_s = timing.stats("cpu"), results[1]["cold"].stats("cpu")
    results[1]["floor"] = f_s
    results[1]["over_floor"] = o_s["median"] / f_s["median"]
    print(header())
    print(fmt_row("floor (5 passes)", timing))
    print(
        f"  a whole reply (cold median {o_s['median']:.3f} ms) costs "
        f"{results[1]['over_floor']:.0f}x the floor's median ({f_s['median']:.4f} ms)"
    )


def bench_embedding(
    kb: KnowledgeBase, brain: Brain, messages: list[str], results: dict[int, dict[str, Any]]
) -> None:
    """Section 5: the optional embedding baseline's accuracy and speed beside ours."""
    section("5. Sentence-embedding baseline (all-MiniLM-L6-v2, nearest example phrase)")
    missing = embedding_baseline.available()
    if missing is not None:
        print(f"  {missing}")
        return
    data = yaml.safe_load(UTTERANCES.read_text(encoding="utf-8"))["utterances"]
    train = [u for u in data if u.get("split") == "train"]
    test = [u for u in data if u.get("split") == "test"]
    clinc_val, clinc_test = load_clinc(CLINC_VAL), load_clinc(CLINC_TEST)
    t0 = time.perf_counter()
    base = embedding_baseline.Baseline.build(kb)
    built = time.perf_counter() - t0
    threshold = base.tune(train, clinc_val) if clinc_val else base.threshold
    print(
        f"  {len(base.phrases):,} example phrases embedded in {built:.1f} s (model "
        f"{embedding_baseline.model_size_mb():.0f} MB); threshold {threshold:.2f}, tuned on "
        f"the train split and CLINC150 val"
    )
    sets: list[tuple[str, list[dict[str, Any]]]] = [("utterances test split", test)]
    if REALWORLD_DEV.is_file():
        sets.append((REALWORLD_DEV.name, evaluate.load_rows(REALWORLD_DEV)))
    print(f"  {'in-domain right':<32} {'baseline':>9} {'ours':>9}")
    for name, rows in sets:
        theirs = evaluate.score_messages(base, rows)  # type: ignore[arg-type]
        ours = evaluate.score_messages(brain, rows)
        print(
            f"  {name:<32} {theirs.in_domain.hits / max(theirs.in_domain.total, 1):>9.1%} "
            f"{ours.in_domain.hits / max(ours.in_domain.total, 1):>9.1%}"
        )
    if clinc_test:
        accepted = sum(base.reply(q).kind != "fallback" for q in clinc_test)
        ours_accepted = sum(brain.reply(q).kind != "fallback" for q in clinc_test)
        print(
            f"  {'CLINC150 test accepted (wrongly)':<32} {accepted / len(clinc_test):>9.2%} "
            f"{ours_accepted / len(clinc_test):>9.2%}"
        )
    times = sorted(embedding_baseline.time_per_message(base, messages))
    median, p99 = statistics.median(times), percentile(times, 0.99)
    ours = results[1]["cold"].stats("cpu")
    print(
        f"  ms per message (cpu)             {median:>9.3f} {ours['median']:>9.3f}   median "
        f"({median / ours['median']:.0f}x ours)\n"
        f"  {'':<32} {p99:>9.3f} {ours['p99']:>9.3f}   p99"
    )


def report_summary(results: dict[int, dict[str, Any]], shipped: Shipped) -> None:
    """Section 4: every size in one table, then the goals of issue 6, PASS or MISS."""
    section("6. Summary")
    print(
        f"  {'size':>5} {'topics':>7} {'phrases':>8} {'vocab':>7} {'load+index':>10}   "
        f"{'cold median':>11} {'p99':>6} {'max':>6}   {'warm median':>11} {'p99':>6}   "
        f"{'naive median':>12} {'naive/ours':>10}"
    )
    for f in sorted(results):
        r = results[f]
        c, w = r["cold"].stats(), r["warm"].stats()
        naive_med = f"{r['naive']['median']:.2f}" if "naive" in r else "-"
        ratio = f"{r['ratio_median']:.0f}x" if "ratio_median" in r else "-"
        print(
            f"  {f:>4}x {r['topics']:>7,} {r['phrases']:>8,} {r['vocab']:>7,} "
            f"{r['load_index']:>9.2f}s   {c['median']:>11.3f} {c['p99']:>6.3f} {c['max']:>6.2f}   "
            f"{w['median']:>11.3f} {w['p99']:>6.3f}   {naive_med:>12} {ratio:>10}"
        )
    print("  (ms per message, cpu; load+index in seconds, in-process)")
    print()
    rows = goal_rows(results, shipped)
    width = max(len(r[0]) for r in rows)
    shown_w = max(len(r[1]) for r in rows)
    print(f"  {'goal (issues 6, 12)':<{width}}  {'measured':<{shown_w}}  {'target':<10}")
    for name, shown, target, ok in rows:
        status = "n/a" if ok is None else ("PASS" if ok else "MISS")
        print(f"  {name:<{width}}  {shown:<{shown_w}}  {target:<10}  {status}")


def goal_rows(
    results: dict[int, dict[str, Any]], shipped: Shipped
) -> list[tuple[str, str, str, bool | None]]:
    """(goal, measured, target, met or None when not measured) for every goal of issue 6."""
    rows: list[tuple[str, str, str, bool | None]] = []

    def goal(name: str, shown: str, value: float, key: str, higher: bool = False) -> None:
        limit = GOALS[key]
        ok = None if math.isnan(value) else (value >= limit if higher else value <= limit)
        rows.append((name, shown, _TARGETS[key], ok))

    def per_message(size: int, figure: str, key: str) -> None:
        c, w = results[size]["cold"].stats("cpu"), results[size]["cold"].stats("wall")
        shown = f"{c[figure]:.3f} ms (wall {w[figure]:.3f})"
        goal(f"{size}x {figure} per message (cold)", shown, c[figure], key)

    per_message(1, "median", "median_1x")
    per_message(1, "p99", "p99_1x")
    if 100 in results:
        per_message(100, "p99", "p99_100x")
        speedup = min(results[100]["ratio_median"], results[100]["ratio_mean"])
        goal(
            "100x naive / ours (lower of median, mean)",
            f"{speedup:.0f}x",
            speedup,
            "speedup_100x",
            higher=True,
        )
        ratio = min(results[100]["ratio_median"], results[100]["ratio_mean"])
        goal("100x naive / ours (issue 12)", f"{ratio:.0f}x", ratio, "naive_100x", higher=True)
    else:
        rows.append(("100x goals (add 100 to --sizes)", "not run", "-", None))
    if "ratio_median" in results[1]:
        ratio = min(results[1]["ratio_median"], results[1]["ratio_mean"])
        goal("1x naive / ours (lower of median, mean)", f"{ratio:.0f}x", ratio, "naive_1x", True)
    if "over_floor" in results[1]:
        over = results[1]["over_floor"]
        goal("1x whole reply / floor (median)", f"{over:.0f}x", over, "over_floor")
    goal(
        "start-up: load + validate + index", f"{shipped.startup:.3f} s", shipped.startup, "startup"
    )
    goal(
        "peak RSS, ask --json - on 10,000 msgs",
        f"{shipped.memory:.1f} MB",
        shipped.memory,
        "memory",
    )
    goal(
        "ask --json - on 5,500 CLINC150, wall",
        f"{shipped.clinc_wall:.2f} s",
        shipped.clinc_wall,
        "clinc_wall",
    )
    return rows


def parse_args(argv: list[str] | None) -> tuple[argparse.Namespace, list[int]]:
    """The command line, and the sizes it asks for, sorted."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--sizes", default="1,10,100", help="knowledge-base sizes (default 1,10,100)"
    )
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--seed", type=int, default=SEED, help="seed of every random choice")
    parser.add_argument(
        "--profile",
        type=int,
        action="append",
        default=[],
        metavar="SIZE",
        help="also print a cProfile of Brain.reply (one cold pass) at this size; repeatable",
    )
    args = parser.parse_args(argv)
    try:
        sizes = sorted({int(x) for x in args.sizes.split(",") if x.strip()})
    except ValueError:
        sizes = []
    if not sizes or min(sizes) < 1:
        parser.error("--sizes takes positive whole numbers, e.g. 1,10,100")
    return args, sizes


def main(argv: list[str] | None = None) -> int:
    """Run every section and print the figures; 1 if the knowledge base does not load."""
    global _CPU_OVERHEAD
    args, sizes = parse_args(argv)
    began = time.perf_counter()
    _CPU_OVERHEAD = _cpu_overhead()
    info = machine()
    print("StretchBot intent-layer benchmark (benchmarks/intent_speed.py, issue 6)")
    print(
        f"machine: {info['cpu']}, {info['cores']} cores, Python {info['python']}, "
        f"{info['platform']}; load average at start {info['load']}"
    )
    print(f"code: {fingerprint()}")
    print(f"options: sizes={','.join(map(str, sizes))} quick={args.quick} seed={args.seed}")
    print(
        "clocks: 'cpu' is the thread's CPU time (the bot's own work), 'wall' adds time the "
        "scheduler gave\n        to other processes; per-message goals are judged on cpu."
    )
    messages = load_messages()
    clinc = load_clinc(CLINC_TEST)
    try:
        kb = load_kb()
    except KBError as exc:
        print(exc, file=sys.stderr)
        return 1
    profiles: list[str] = []
    results: dict[int, dict[str, Any]] = {}
    results[1], shipped, brain1 = bench_shipped(kb, messages, clinc, args)
    if 1 in args.profile:
        profiles.append(profile_brain(Brain(kb), messages, "1x, cold"))
    big = [x for x in sizes if x > 1]
    if big:
        section("2. Synthetic knowledge bases (generated from the shipped one)")
        for f in big:
            results[f] = bench_synthetic(kb, f, messages, shipped.baseline, args, profiles)
        report_synthetic(results, big)
    bench_naive(messages, results, args)
    bench_floor(brain1, messages, results)
    bench_embedding(kb, brain1, messages, results)
    del brain1
    if profiles:
        section("Profiles")
        print("\n".join(profiles))
    report_summary(results, shipped)
    print()
    now = machine()
    print(
        f"  machine: {info['cpu']}, {info['cores']} cores, Python {info['python']}; load "
        f"average {info['load']} at start, {now['load']} at end"
    )
    print(f"  total benchmark time {time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
