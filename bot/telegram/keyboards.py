"""Inline keyboards: a `Reply`'s actions become buttons whose callback data is the intent.

Telegram gives a button at most 64 bytes of callback data and sends it back untouched, so a
press is untrusted input: `is_valid_callback_data` checks it before the brain sees it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import TypeGuard

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.reply import Action, Reply

CALLBACK_DATA_MAX_BYTES = 64
#: Labels up to this many characters share a row with a neighbour.
SHORT_LABEL = 20

_CALLBACK_DATA_RE = re.compile(r"[A-Za-z0-9_.:+-]+")

_log = logging.getLogger(__name__)


def is_valid_callback_data(data: object) -> TypeGuard[str]:
    """True for a non-empty str of at most 64 bytes from A-Z a-z 0-9 _ . : + -."""
    return (
        isinstance(data, str)
        and len(data.encode("utf-8")) <= CALLBACK_DATA_MAX_BYTES
        and _CALLBACK_DATA_RE.fullmatch(data) is not None
    )


def keyboard(actions: Iterable[Action]) -> InlineKeyboardMarkup | None:
    """Buttons for `actions`, two short labels to a row, a long label alone; None if empty.

    An action whose intent Telegram would refuse is left out (and logged), so one bad button
    never costs the whole reply.
    """
    rows: list[list[InlineKeyboardButton]] = []
    seen: set[str] = set()
    for action in actions:
        if action.intent in seen:
            continue
        if not is_valid_callback_data(action.intent) or not action.label.strip():
            _log.warning("Left out a button with unusable callback data %r", action.intent)
            continue
        seen.add(action.intent)
        button = InlineKeyboardButton(action.label, callback_data=action.intent)
        short = len(action.label) <= SHORT_LABEL
        if short and rows and len(rows[-1]) == 1 and len(rows[-1][0].text) <= SHORT_LABEL:
            rows[-1].append(button)
        else:
            rows.append([button])
    return InlineKeyboardMarkup(rows) if rows else None


def reply_keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    """The buttons that fit a reply: "did you mean" suggestions first, then its actions."""
    return keyboard([*reply.suggestions, *reply.actions])
