"""Inline keyboards: a `Reply`'s actions become buttons whose callback data is the intent.

Telegram gives a button at most 64 bytes of callback data; `bot.actions` owns that grammar and
its limit, and a button whose data it would not accept is left out here.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.actions import is_valid_data
from bot.feedback import PREFIX as FEEDBACK_PREFIX
from bot.reply import Action, Reply

#: Labels up to this many characters share a row with a neighbour.
SHORT_LABEL = 20

_log = logging.getLogger(__name__)


def keyboard(actions: Iterable[Action]) -> InlineKeyboardMarkup | None:
    """Buttons for `actions`, two short labels to a row, a long label alone; None if empty.

    An action whose intent Telegram would refuse is left out (and logged), so one bad button
    never costs the whole reply. The 👍 / 👎 feedback buttons (`bot.feedback`) share the
    last row.
    """
    rows: list[list[InlineKeyboardButton]] = []
    feedback: list[InlineKeyboardButton] = []
    seen: set[str] = set()
    for action in actions:
        if action.intent in seen:
            continue
        if not is_valid_data(action.intent) or not action.label.strip():
            _log.warning("Left out a button with unusable callback data %r", action.intent)
            continue
        seen.add(action.intent)
        button = InlineKeyboardButton(action.label, callback_data=action.intent)
        if action.intent.startswith(FEEDBACK_PREFIX):
            feedback.append(button)
            continue
        short = len(action.label) <= SHORT_LABEL
        if short and rows and len(rows[-1]) == 1 and len(rows[-1][0].text) <= SHORT_LABEL:
            rows[-1].append(button)
        else:
            rows.append([button])
    if feedback:
        rows.append(feedback)
    return InlineKeyboardMarkup(rows) if rows else None


def reply_keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    """The buttons that fit a reply: "did you mean" suggestions first, then its actions."""
    return keyboard([*reply.suggestions, *reply.actions])
