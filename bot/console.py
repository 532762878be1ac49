"""The terminal chat: the same brain as Telegram, one line at a time.

Line editing and history come from `readline` when the platform has it (history is kept in
~/.stretchbot_history). Ctrl-D or Ctrl-C ends the chat cleanly.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TextIO

from bot.brain import Brain
from bot.render import render_text
from bot.reply import Context

HISTORY = Path(os.environ.get("STRETCHBOT_HISTORY", Path.home() / ".stretchbot_history"))


def _indent(text: str) -> str:
    lines = text.splitlines()
    return "\n".join(("bot> " if i == 0 else "     ") + line for i, line in enumerate(lines))


def chat(
    brain: Brain,
    read: Callable[[str], str] = input,
    out: TextIO = sys.stdout,
    history: bool = True,
) -> int:
    """Run the chat until end of input; return the exit code (0)."""
    readline = _setup_readline() if history else None
    out.write(
        "StretchBot terminal chat. Ask about a muscle, a stretch or a routine; Ctrl-D quits.\n"
    )
    context = Context()
    try:
        while True:
            try:
                line = read("you> ")
            except EOFError:
                out.write("\n")
                break
            if not line.strip():
                continue
            if line.strip().lower() in ("/quit", "/exit", "quit", "exit"):
                break
            reply = brain.reply(line, context)
            context = reply.context
            out.write(_indent(render_text(reply)) + "\n\n")
            out.flush()
    except KeyboardInterrupt:
        out.write("\n")
    finally:
        if readline is not None:
            with contextlib.suppress(OSError):
                readline.write_history_file(HISTORY)
    out.write("Bye! Stretch gently.\n")
    return 0


def _setup_readline() -> ModuleType | None:
    try:
        import readline
    except ImportError:  # pragma: no cover - Windows without pyreadline
        return None
    with contextlib.suppress(OSError):
        readline.read_history_file(HISTORY)
    readline.set_history_length(1000)
    return readline
