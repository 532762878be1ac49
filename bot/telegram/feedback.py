"""The 👍 / 👎 buttons under answers and stretches: a press stores one vote for that message.

What is stored: the intent voted on, its kind, up or down, the day, and the random nonce the
button carried (`bot.feedback`); never who voted. The first press on a message counts; a second
one (the other thumb, a double tap, another process) is thanked and not counted, and the
buttons are taken off the message once a vote is in. A button older than `VOTE_DAYS` days,
or data that is not ours, is answered politely and not counted.
"""

from __future__ import annotations

import contextlib
import logging
from datetime import timedelta

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.error import TelegramError

from bot import feedback
from bot.stats import day_of
from bot.store import StoreError
from bot.telegram.send import answer
from bot.telegram.services import BotContext

_log = logging.getLogger(__name__)

THANKS_UP = "Thanks! Glad it helped."
THANKS_DOWN = "Thanks for telling me. This helps make the answer better."
ALREADY = "You've already rated this one. Thanks!"
STALE = "That rating button has expired, but thanks all the same!"
FAILED = "Sorry, I couldn't save that just now. Please try again later."


async def on_vote(update: Update, context: BotContext) -> None:
    """A press on 👍 or 👎."""
    query = update.callback_query
    if query is None:
        return
    services = context.services
    now = services.clock()
    vote = feedback.parse(query.data)
    if vote is None or not timedelta(0) <= now.date() - vote.day <= timedelta(feedback.VOTE_DAYS):
        await answer(query, STALE)
        return
    try:
        recorded = services.store.record_vote(
            vote.nonce, vote.intent, vote.kind, 1 if vote.up else -1, day_of(now)
        )
    except StoreError as exc:
        _log.warning("Could not store a vote: %s", exc)
        await answer(query, FAILED)
        return
    if recorded:
        label = "up" if vote.up else "down"
        services.ops.metrics.votes.labels(label).inc()
        services.ops.tally.count(now, "vote", label)
    await answer(query, (THANKS_UP if vote.up else THANKS_DOWN) if recorded else ALREADY)
    await _drop_buttons(query.message)


async def _drop_buttons(message: object) -> None:
    """Take 👍 / 👎 off the message, keeping its other buttons."""
    if not isinstance(message, Message) or message.reply_markup is None:
        return
    rows = [
        [b for b in row if not feedback.is_vote_data(b.callback_data)]
        for row in message.reply_markup.inline_keyboard
    ]
    rows = [row for row in rows if row]
    markup = InlineKeyboardMarkup(rows) if rows else None
    with contextlib.suppress(TelegramError):  # already gone, or too old to edit: no matter
        await message.edit_reply_markup(markup)
