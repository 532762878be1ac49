"""The `stretchbot` command: run | chat | ask | check | eval.

Every command is a few lines over functions that tests call directly; the terminal chat, the
`ask` command and the Telegram bot all answer through the same `Brain`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.kb import KBError, KnowledgeBase, load_kb


def _load(directory: str | None) -> KnowledgeBase | None:
    """Load the knowledge base or print every mistake and return None."""
    try:
        return load_kb(Path(directory) if directory else None)
    except KBError as exc:
        print(f"The knowledge base has {len(exc.errors)} mistake(s):", file=sys.stderr)
        for line in exc.errors:
            print(f"  {line}", file=sys.stderr)
        return None


def cmd_check(args: argparse.Namespace) -> int:
    """Validate the knowledge base; exit 1 on any mistake."""
    kb = _load(args.directory)
    if kb is None:
        return 1
    print(
        f"OK: {len(kb.topics)} topics, {len(kb.answers)} answers, {len(kb.stretches)} stretches, "
        f"{len(kb.routines)} routines, {len(kb.tips)} tips, {len(kb.smalltalk)} small-talk "
        f"entries, {len(kb.red_flags)} red-flag groups."
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="stretchbot", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate the knowledge base")
    check.add_argument("directory", nargs="?", help="knowledge folder (default: the shipped one)")
    check.set_defaults(func=cmd_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)
