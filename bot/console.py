"""The terminal chat: the same brain as Telegram, one line at a time.

Line editing and history come from `readline` when the platform has it and the input is a
terminal (history is kept in ~/.stretchbot_history, never written for piped input). Ctrl-D
or Ctrl-C ends the chat cleanly. `chat_json` is the same conversation for tools and tests:
one JSON object per line in, the `ask --json` contract out.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, TextIO

from bot.brain import Brain
from bot.render import render_json, render_text
from bot.reply import Context, Reply

if TYPE_CHECKING:
    from bot.pictures import Pictures

HISTORY = Path(os.environ.get("STRETCHBOT_HISTORY", Path.home() / ".stretchbot_history"))


def _indent(text: str) -> str:
    lines = text.splitlines()
    return "\n".join(("bot> " if i == 0 else "     ") + line for i, line in enumerate(lines))


def chat(
    brain: Brain,
    read: Callable[[str], str] = input,
    out: TextIO = sys.stdout,
    history: bool = True,
    pictures: Pictures | None = None,
) -> int:
    """Run the chat until end of input; return the exit code (0).

    With `pictures`, a reply that has a picture (a stretch card) starts with the path of its
    PNG, drawn into that cache the first time it is shown."""
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
            text = render_text(reply)
            if pictures is not None:  # above the card, as Telegram shows the photo
                text = _picture_line(brain, reply, pictures) + text
            out.write(_indent(text) + "\n\n")
            out.flush()
    except KeyboardInterrupt:
        out.write("\n")
    finally:
        if readline is not None:
            with contextlib.suppress(OSError):
                readline.write_history_file(HISTORY)
    out.write("Bye! Stretch gently.\n")
    return 0


def _picture_line(brain: Brain, reply: Reply, pictures: Pictures) -> str:
    """ "picture: <path>" for a reply with a picture (drawn now if need be), else nothing."""
    stretch = brain.kb.stretches.get(reply.picture or "")
    if stretch is None or stretch.pose is None:
        return ""
    try:
        path = pictures.ensure(stretch.pose)
    except OSError as exc:  # a read-only folder, a full disk: the words still count
        return f"(picture not drawn: {exc})\n"
    return f"picture: {path}\n"


def _setup_readline() -> ModuleType | None:
    try:
        import readline
    except ImportError:  # pragma: no cover - Windows without pyreadline
        return None
    with contextlib.suppress(OSError):
        readline.read_history_file(HISTORY)
    readline.set_history_length(1000)
    return readline


def chat_json(brain: Brain, lines: Iterable[str], out: TextIO = sys.stdout) -> int:
    """A conversation as JSON lines: one reply object per input line, the context carried from
    line to line. An empty line prints nothing and starts a new conversation."""
    context = Context()
    for line in lines:
        text = line.rstrip("\r\n")
        if not text.strip():
            context = Context()
            continue
        reply = brain.reply(text, context)
        context = reply.context
        out.write(json.dumps(render_json(reply), ensure_ascii=False) + "\n")
        out.flush()
    return 0


def stdin_lines() -> Iterable[str]:
    """Standard input, line by line, decoded as UTF-8: a byte that is not UTF-8 becomes "\ufffd"
    and costs that line nothing else, never the run."""
    for raw in sys.stdin.buffer:
        yield raw.decode("utf-8", errors="replace")
