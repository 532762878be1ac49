"""Sending and editing: how every `Reply` reaches Telegram, for the chat handlers and daily tips.

Every message is rendered by `bot.render.render_html` (escaped, disclaimer included), split
into chunks Telegram accepts and sent as HTML with the buttons under the last chunk. Should
Telegram refuse to parse a chunk (a render bug), the same words go out as plain text rather
than not at all. A stretch card goes out as its picture with the card as caption
(`bot.telegram.photos`).
"""

from __future__ import annotations

import html
import logging
import re
from typing import Literal

from telegram import (
    Bot,
    CallbackQuery,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import ExtBot

from bot.render import CAPTION_LIMIT, render_html
from bot.reply import Action, Block, Kind, Reply
from bot.telegram.keyboards import reply_keyboard
from bot.telegram.ops import observe_reply
from bot.telegram.services import BotContext

_log = logging.getLogger(__name__)

_NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
_TAG = re.compile(r"<[^>]+>")


def note(
    context: BotContext,
    kind: Kind,
    intent: str,
    *paragraphs: str,
    actions: tuple[Action, ...] = (),
) -> Reply:
    """A reply of our own (not from the brain), rendered like any other, disclaimer included."""
    return Reply(
        kind=kind,
        intent=intent,
        blocks=tuple(Block("para", text) for text in paragraphs),
        actions=actions,
        disclaimer=context.services.disclaimer,
    )


def _quote_for(update: Update) -> ReplyParameters | None:
    """Quote the person's message in groups (who is answered?) and for edits (which one?)."""
    message = update.effective_message
    chat = update.effective_chat
    if message is None or chat is None or update.callback_query is not None:
        return None
    if chat.type != ChatType.PRIVATE or update.edited_message is not None:
        return ReplyParameters(message_id=message.message_id, allow_sending_without_reply=True)
    return None


async def _send_html(
    bot: Bot,
    chat_id: int,
    chunk: str,
    markup: InlineKeyboardMarkup | None,
    quote: ReplyParameters | None,
) -> Message:
    """Send one HTML chunk; if Telegram cannot parse it (a render bug), send it as plain text."""
    try:
        return await bot.send_message(
            chat_id,
            chunk,
            parse_mode=ParseMode.HTML,
            reply_markup=markup,
            reply_parameters=quote,
            link_preview_options=_NO_PREVIEW,
        )
    except BadRequest as exc:
        if "parse entities" not in str(exc).lower():
            raise
        _log.error("Telegram refused our HTML (%s); sending the reply as plain text", exc)
        return await bot.send_message(
            chat_id,
            html.unescape(_TAG.sub("", chunk)),
            reply_markup=markup,
            reply_parameters=quote,
            link_preview_options=_NO_PREVIEW,
        )


async def send_chunks(
    bot: Bot,
    chat_id: int,
    chunks: list[str],
    markup: InlineKeyboardMarkup | None,
    quote: ReplyParameters | None = None,
) -> Message | None:
    """Send rendered chunks in order: `quote` on the first, `markup` under the last."""
    sent = None
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        sent = await _send_html(
            bot, chat_id, chunk, markup if last else None, quote if index == 0 else None
        )
    return sent


async def send_reply(update: Update, context: BotContext, reply: Reply) -> Message | None:
    """Send a reply to the update's chat: HTML chunks, the buttons under the last one; a reply
    with a picture goes out as a photo with the reply as its caption (see `photos`)."""
    chat = update.effective_chat
    if chat is None:
        return None
    reply = observe_reply(update, context, reply)  # metrics, usage counts, 👍 / 👎
    quote = _quote_for(update)
    if reply.picture is not None:
        sent = await _send_with_picture(context, chat.id, reply, quote)
        if sent is not None:
            return sent
    return await send_chunks(context.bot, chat.id, render_html(reply), reply_keyboard(reply), quote)


async def _send_with_picture(
    context: BotContext, chat_id: int, reply: Reply, quote: ReplyParameters | None
) -> Message | None:
    """The picture with the reply as its caption when it fits (1,024 units), else with the
    stretch's name and the disclaimer, then the reply as text; None when there is no picture
    to send (the caller sends the text alone)."""
    services = context.services
    stretch = services.brain.kb.stretches.get(reply.picture or "")
    if stretch is None or stretch.pose is None:
        return None
    markup = reply_keyboard(reply)
    captions = render_html(reply, limit=CAPTION_LIMIT)
    if len(captions) == 1:
        return await services.photos.send(
            context.bot, chat_id, stretch.pose, captions[0], markup, quote
        )
    name = Reply(
        reply.kind, reply.intent, (Block("title", stretch.name),), disclaimer=reply.disclaimer
    )
    photo = await services.photos.send(
        context.bot, chat_id, stretch.pose, render_html(name)[0], None, quote
    )
    if photo is None:
        return None
    return await send_chunks(context.bot, chat_id, render_html(reply), markup)


async def edit_reply(query: CallbackQuery, context: BotContext, reply: Reply) -> None:
    """Show `reply` in place of the pressed message; send it anew when that is impossible."""
    reply = observe_reply(None, context, reply, edit=True)
    chunks = render_html(reply)
    if len(chunks) == 1 and isinstance(query.message, Message):
        try:
            await query.edit_message_text(
                chunks[0],
                parse_mode=ParseMode.HTML,
                reply_markup=reply_keyboard(reply),
                link_preview_options=_NO_PREVIEW,
            )
            return
        except BadRequest as exc:
            if "not modified" in str(exc).lower():
                return  # a double tap: the message already shows this step
            _log.info("Could not edit message (%s); sending the step as a new message", exc)
    if query.message is not None:
        await send_chunks(context.bot, query.message.chat.id, chunks, reply_keyboard(reply))


#: how an edit went: shown, impossible for good (the message or the chat is gone), or failed
#: for now (Telegram busy or unreachable; the caller may try again)
Edited = Literal["ok", "gone", "failed"]


async def edit_message(
    bot: ExtBot[int],
    chat_id: int,
    message_id: int,
    reply: Reply,
    *,
    retry_seconds: int | None = None,
) -> Edited:
    """Show `reply` in place of message `message_id`, for a message that changes by itself
    (a guided step's timer). Never raises for Telegram's answers: a refused or lost edit is a
    result, and "message is not modified" (a double edit, or one whose answer was lost and
    that was sent again) counts as shown. `retry_seconds` bounds the retries through 429s and
    lost connections (see `ResilientRateLimiter`)."""
    chunks = render_html(reply)
    if len(chunks) != 1:
        _log.error("A guided step of %d parts cannot be edited in place", len(chunks))
        return "gone"
    markup = reply_keyboard(reply)
    text: str = chunks[0]
    mode: str | None = ParseMode.HTML
    for _ in range(2):
        try:
            await bot.edit_message_text(
                text,
                chat_id=chat_id,
                message_id=message_id,
                parse_mode=mode,
                reply_markup=markup,
                link_preview_options=_NO_PREVIEW,
                rate_limit_args=retry_seconds,
            )
            return "ok"
        except BadRequest as exc:
            reason = str(exc).lower()
            if "not modified" in reason:
                return "ok"
            if "parse entities" in reason and mode is not None:
                _log.error("Telegram refused our HTML (%s); editing as plain text", exc)
                text, mode = html.unescape(_TAG.sub("", text)), None
                continue
            _log.info("Cannot edit message %s in chat %s: %s", message_id, chat_id, exc)
            return "gone"
        except Forbidden as exc:
            _log.info("Cannot reach chat %s to edit: %s", chat_id, exc)
            return "gone"
        except TelegramError as exc:
            _log.warning("Editing message %s in chat %s failed: %s", message_id, chat_id, exc)
            return "failed"
    return "failed"


async def answer(query: CallbackQuery, text: str | None = None) -> None:
    """Stop the button's spinner; a failure here must not cost the reply itself."""
    try:
        await query.answer(text)
    except TelegramError as exc:
        _log.warning("Could not answer callback query: %s", exc)
