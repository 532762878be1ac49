"""The `stretchbot` command: run | chat | ask | check | figures | eval | review.

Every command is a few lines over functions that tests call directly; the terminal chat, the
`ask` command and the Telegram bot all answer through the same `Brain`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bot.kb import KBError, KnowledgeBase, load_kb

if TYPE_CHECKING:
    from bot.brain import Brain

#: the labelled messages `stretchbot eval` scores by default: a checkout's file, not the package's
DEFAULT_EVAL_FILE = Path("tests") / "data" / "utterances.yaml"
#: the frozen set of question families `stretchbot eval --coverage` scores by default
DEFAULT_COVERAGE_FILE = Path("tests") / "data" / "blind_coverage" / "families.yaml"
#: the frozen blind sets `stretchbot eval --blind` scores by default (see its README.md)
DEFAULT_BLIND_DIR = Path("tests") / "data" / "blind"


def _load(directory: str | None) -> KnowledgeBase | None:
    """Load the knowledge base or print every mistake and return None."""
    try:
        return load_kb(Path(directory) if directory else None)
    except KBError as exc:
        _report(exc)
        return None


def _report(exc: KBError) -> None:
    print(f"The knowledge base has {len(exc.errors)} mistake(s):", file=sys.stderr)
    for line in exc.errors:
        print(f"  {line}", file=sys.stderr)


def _brain_of(kb: KnowledgeBase) -> Brain | None:
    """The brain over `kb`, or None after printing what its indexes refused (a name clash)."""
    from bot.brain import Brain
    from bot.memory import settle

    try:
        brain = Brain(kb)
    except KBError as exc:
        _report(exc)
        return None
    settle()
    return brain


def _brain(args: argparse.Namespace) -> Brain | None:
    kb = _load(getattr(args, "knowledge", None))
    return _brain_of(kb) if kb is not None else None


def cmd_check(args: argparse.Namespace) -> int:
    """Validate the knowledge base, and build the brain's indexes over it; exit 1 on any mistake.

    The loader checks every pose it is given (joints, props, the figure in its frame and on
    its support); `check` also wants one for every stretch, so every stretch has a picture."""
    kb = _load(args.directory)
    if kb is None:
        return 1
    missing = [s for s in kb.stretches.values() if s.pose is None]
    if missing:
        _report(
            KBError(
                [
                    f"{s.where}: stretch '{s.id}': no pose, so no picture (add a 'pose:' block; "
                    "see knowledge/README.md, section pose)"
                    for s in missing
                ]
            )
        )
        return 1
    if _brain_of(kb) is None:
        return 1
    print(
        f"OK: {len(kb.topics)} topics, {len(kb.answers)} answers, {len(kb.stretches)} stretches, "
        f"{len(kb.routines)} routines, {len(kb.tips)} tips, {len(kb.smalltalk)} small-talk "
        f"entries, {len(kb.red_flags)} red-flag groups over {len(kb.symptoms)} symptoms, "
        f"{len(kb.conditions)} conditions, a pose for every stretch."
    )
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    """Answer one message, or one per stdin line with `-`."""
    from bot.render import render_json, render_text

    brain = _brain(args)
    if brain is None:
        return 1
    text = " ".join(args.text)
    if text == "-":
        from bot.console import stdin_lines

        out = sys.stdout
        write = out.write
        for line in stdin_lines():
            reply = brain.reply(line.rstrip("\r\n"))
            if args.json:
                write(json.dumps(render_json(reply), ensure_ascii=False) + "\n")
            else:
                write(render_text(reply) + "\n\n")
        out.flush()
        return 0
    reply = brain.reply(text)
    if args.json:
        print(json.dumps(render_json(reply), ensure_ascii=False))
    else:
        print(render_text(reply))
    return 0


def _picture_folder() -> str:
    """Where pictures are drawn: STRETCHBOT_PICTURES (environment or .env), else the default."""
    from bot.config import ConfigError, Settings, load_settings

    try:
        return load_settings().picture_folder
    except ConfigError:  # a setting the terminal chat does not use is malformed
        return Settings().picture_folder


def cmd_chat(args: argparse.Namespace) -> int:
    """The terminal chat, or with --json one JSON object per input line."""
    from bot.console import chat, chat_json, stdin_lines
    from bot.pictures import Pictures

    brain = _brain(args)
    if brain is None:
        return 1
    if args.json:
        return chat_json(brain, stdin_lines())
    return chat(brain, history=sys.stdin.isatty(), pictures=Pictures(_picture_folder()))


def cmd_figures(args: argparse.Namespace) -> int:
    """Draw every stretch's picture into the cache, or with --sheet all of them on one sheet."""
    import time

    from bot.pictures import Pictures, contact_sheet

    kb = _load(getattr(args, "knowledge", None))
    if kb is None:
        return 1
    posed = [(s.id, s.pose) for s in kb.stretches.values() if s.pose is not None]
    missing = len(kb.stretches) - len(posed)
    if args.sheet:
        started = time.perf_counter()
        contact_sheet(posed).save(args.sheet)
        took = time.perf_counter() - started
        print(f"Contact sheet of {len(posed)} stretches: {args.sheet} ({took:.1f} s)")
    else:
        pictures = Pictures(args.cache or _picture_folder())
        fresh = sum(not pictures.path(pose).is_file() for _, pose in posed)
        started = time.perf_counter()
        paths = [pictures.ensure(pose) for _, pose in posed]
        took = time.perf_counter() - started
        size = sum(path.stat().st_size for path in set(paths))
        print(
            f"{len(posed)} pictures in {pictures.folder} ({fresh} drawn now in {took:.1f} s, "
            f"the others already there), {size / 1024:.0f} KB in all"
        )
    if missing:
        print(f"{missing} stretch(es) have no pose: run stretchbot check", file=sys.stderr)
        return 1
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    """Telegram when a token is set (environment or .env), else the terminal chat."""
    from bot.config import ConfigError, load_settings

    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"stretchbot: {exc}", file=sys.stderr)
        return 2
    kb = _load(getattr(args, "knowledge", None))
    if kb is None:
        print("stretchbot: not starting until the knowledge base is fixed.", file=sys.stderr)
        return 1
    if not settings.token:
        from bot.console import chat
        from bot.pictures import Pictures

        brain = _brain_of(kb)
        if brain is None:
            return 1
        print("No TELEGRAM_BOT_TOKEN set (environment or .env): starting the terminal chat.")
        return chat(brain, history=sys.stdin.isatty(), pictures=Pictures(settings.picture_folder))
    from bot.store import StoreError
    from bot.telegram.app import run_bot

    try:
        run_bot(settings, kb)
    except ConfigError as exc:  # e.g. Telegram rejected the token; the message never holds it
        print(f"stretchbot: {exc}", file=sys.stderr)
        return 2
    except StoreError as exc:  # the database cannot be opened, read or written
        print(f"stretchbot: {exc}", file=sys.stderr)
        return 3
    return 0


def _eval_coverage(brain: Brain, path: Path, *, verbose: bool) -> int:
    """`eval --coverage`: a relevant reply for every question family (see bot.coverage)."""
    from bot import coverage, evaluate
    from bot.render import render_json

    if not path.is_file():
        print(f"stretchbot eval: no file {path}", file=sys.stderr)
        return 2
    try:
        rows = evaluate.load_rows(path)
    except evaluate.EvalDataError as exc:
        print(f"stretchbot eval: {exc}", file=sys.stderr)
        return 2
    replies = [render_json(brain.reply(row["text"])) for row in rows]
    report = coverage.score_coverage(rows, replies, brain.kb)
    print(coverage.format_coverage(report, verbose=verbose))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    """Accuracy on the labelled messages, false acceptance on CLINC150, or the blind and
    real-world sets' figures (list labels)."""
    from bot import evaluate

    if (args.blind is not None or args.realworld or args.coverage) and (args.file or args.split):
        print(
            "stretchbot eval: --blind, --realworld and --coverage take no FILE or --split",
            file=sys.stderr,
        )
        return 2
    brain = _brain(args)
    if brain is None:
        return 1
    if args.clinc:
        report = evaluate.evaluate_clinc(brain, args.clinc)
        print(evaluate.format_clinc(report))
        return 0
    if args.blind is not None:
        missing = evaluate.missing_blind_files(args.blind)
        if missing:
            names = ", ".join(str(p) for p in missing)
            print(f"stretchbot eval: no blind set file {names}", file=sys.stderr)
            return 2
        try:
            blind = evaluate.evaluate_blind(brain, args.blind)
        except evaluate.EvalDataError as exc:
            print(f"stretchbot eval: {exc}", file=sys.stderr)
            return 2
        print(evaluate.format_blind(blind, verbose=args.verbose))
        return 0
    if args.coverage:
        return _eval_coverage(brain, Path(args.coverage), verbose=args.verbose)
    if args.realworld:
        if not Path(args.realworld).is_file():
            print(f"stretchbot eval: no file {args.realworld}", file=sys.stderr)
            return 2
        try:
            rows = evaluate.load_rows(args.realworld)
        except evaluate.EvalDataError as exc:
            print(f"stretchbot eval: {exc}", file=sys.stderr)
            return 2
        real = evaluate.score_messages(brain, rows)
        title = f"Real-world messages: {args.realworld}"
        print(evaluate.format_understanding(real, title, verbose=args.verbose))
        return 0
    split = args.split or ("all" if args.file else "test")
    path = Path(args.file) if args.file else DEFAULT_EVAL_FILE
    if not path.is_file():
        print(
            f"stretchbot eval: no file {path} (run it from a checkout, or name a file)",
            file=sys.stderr,
        )
        return 2
    rows = evaluate.load_utterances(path, split)
    scores = evaluate.evaluate(brain, rows)
    print(f"Split: {split}")
    print(evaluate.format_report(scores))
    if args.verbose:
        print("Errors:")
        for text, expected, got in scores.errors:
            print(f"  {text!r}: expected {expected}, got {got}")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    """Unanswered messages kept in STRETCHBOT_DB (opt-in), grouped for editors."""
    from datetime import UTC, datetime, timedelta

    from bot.config import ConfigError, load_settings
    from bot.review import group, report
    from bot.store import StoreError, open_store

    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"stretchbot: {exc}", file=sys.stderr)
        return 2
    brain = _brain(args)
    if brain is None:
        return 1
    days = args.days or settings.unanswered_days
    try:
        store = open_store(settings.db_path)
        try:
            texts = [t for t, _ in store.unanswered(datetime.now(UTC) - timedelta(days=days))]
        finally:
            store.close()
    except StoreError as exc:
        print(f"stretchbot: {exc}", file=sys.stderr)
        return 3
    if not settings.keep_unanswered and not texts:
        print("STRETCHBOT_KEEP_UNANSWERED is off, so no unanswered messages are kept.")
        return 0
    print(report(group(brain, texts), limit=args.limit))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="stretchbot", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    def add(
        name: str, func: Callable[[argparse.Namespace], int], help_text: str
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        if name != "check":
            p.add_argument("--knowledge", metavar="DIR", help="knowledge folder (default: shipped)")
        return p

    add("run", cmd_run, "start the bot: Telegram if a token is set, else the terminal chat")
    chat = add("chat", cmd_chat, "chat in the terminal")
    chat.add_argument(
        "--json",
        action="store_true",
        help="one JSON object per input line, context carried; an empty line starts afresh",
    )
    ask = add("ask", cmd_ask, "answer one message (or one per stdin line with -)")
    ask.add_argument("--json", action="store_true", help="print one JSON object per message")
    ask.add_argument("text", nargs="+", help="the message, or - to read one message per line")
    check = add("check", cmd_check, "validate the knowledge base")
    check.add_argument("directory", nargs="?", help="knowledge folder (default: the shipped one)")
    figures = add(
        "figures",
        cmd_figures,
        "draw every stretch's picture into the cache, or all of them on one sheet (--sheet)",
    )
    figures.add_argument("--sheet", metavar="FILE.png", help="draw a contact sheet for review")
    figures.add_argument(
        "--cache", metavar="DIR", help="the picture folder (default: STRETCHBOT_PICTURES)"
    )
    ev = add(
        "eval",
        cmd_eval,
        "accuracy figures on labelled messages, CLINC150 (--clinc), the blind sets (--blind)"
        " or a real-world set (--realworld)",
    )
    ev.add_argument(
        "file",
        nargs="?",
        help=f"labelled messages (default: {DEFAULT_EVAL_FILE} of the checkout you are in)",
    )
    ev.add_argument(
        "--split",
        choices=("train", "test", "all"),
        help="which messages (default: test for the shipped file, all for another file)",
    )
    which = ev.add_mutually_exclusive_group()
    which.add_argument(
        "--clinc", metavar="JSONL", help="report false acceptance on a CLINC150 file"
    )
    which.add_argument(
        "--blind",
        nargs="?",
        const=str(DEFAULT_BLIND_DIR),
        metavar="DIR",
        help=f"score the frozen blind sets (default: {DEFAULT_BLIND_DIR})",
    )
    which.add_argument(
        "--coverage",
        nargs="?",
        const=str(DEFAULT_COVERAGE_FILE),
        metavar="FILE",
        help=f"relevant replies by question family (default: {DEFAULT_COVERAGE_FILE})",
    )
    which.add_argument(
        "--realworld",
        metavar="FILE",
        help="score a real-world set with list labels (kind, topic, routine)",
    )
    ev.add_argument("-v", "--verbose", action="store_true", help="list every wrong answer")
    rv = add(
        "review",
        cmd_review,
        "unanswered messages kept in STRETCHBOT_DB (STRETCHBOT_KEEP_UNANSWERED=1), grouped by "
        "text and by nearest topic",
    )
    rv.add_argument("--days", type=int, help="how far back (default: STRETCHBOT_UNANSWERED_DAYS)")
    rv.add_argument("--limit", type=int, default=30, help="groups shown per list (default: 30)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command: Callable[[argparse.Namespace], int] = args.func
    try:
        return command(args)
    except BrokenPipeError:  # `stretchbot ask --json - | head`
        return 0
