"""The chat handlers: each turns one kind of update into a brain call and the reply into API calls.

The brain is `context.services.brain` (see `services`); the little it remembers between two
messages (`Context`) lives in the store (see `conversations`). Every message the bot sends is a `Reply`
sent through `send`, so every one is escaped and carries the disclaimer. Daily-tip requests the
brain recognises are handed to `daily.on_daily_reply`; `app` wires everything.
"""

from __future__ import annotations

import logging
import re

from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ApplicationHandlerStop

from bot import actions as act
from bot.reply import with_lead
from bot.telegram import daily as tg_daily
from bot.telegram import guide as tg_guide
from bot.telegram.conversations import load_context, store_context
from bot.telegram.filters import ADDRESSED
from bot.telegram.flood import Verdict
from bot.telegram.send import answer, note, send_reply
from bot.telegram.services import BotContext

_log = logging.getLogger(__name__)

#: "guide.<routine>.<step>" (or "guide.<base>.<spec>.<step>" for a sized routine, see
#: `bot.actions`), steps counted from 0; "Start guided" sends step 0.

# -- helpers ---------------------------------------------------------------------------------


def _normal(text: str) -> str:
    return re.sub(r"[\s_-]+", " ", text).strip().lower()


def _pick(choices: list[tuple[str, str]], wanted: str) -> str | None:
    """The id among (id, name) choices whose id or name is `wanted`, ignoring case and _ -."""
    target = _normal(wanted)
    for choice_id, name in choices:
        if target in (_normal(choice_id), _normal(name)):
            return choice_id
    return None


# -- commands --------------------------------------------------------------------------------


async def start(update: Update, context: BotContext) -> None:
    """Welcome, what the bot can do, the disclaimer, buttons for the common asks."""
    await send_reply(update, context, context.services.brain.welcome())


async def help_command(update: Update, context: BotContext) -> None:
    """What the bot can do."""
    await send_reply(update, context, context.services.brain.help())


async def about(update: Update, context: BotContext) -> None:
    """What the bot is, its sources and the full disclaimer."""
    await send_reply(update, context, context.services.brain.about())


async def tip(update: Update, context: BotContext) -> None:
    """One stretching tip."""
    reply = context.services.brain.resolve("tip", load_context(update, context))
    store_context(update, context, reply)
    await send_reply(update, context, reply)


async def topics(update: Update, context: BotContext) -> None:
    """The muscles and areas the bot knows, as buttons."""
    await send_reply(update, context, context.services.brain.resolve("topics"))


async def stretch(update: Update, context: BotContext) -> None:
    """`/stretch [topic]`: a stretch for the topic, or a keyboard of topics."""
    brain = context.services.brain
    wanted = " ".join(context.args or ()).strip()
    if not wanted:
        menu = brain.resolve("topics")
        await send_reply(update, context, with_lead(menu, "Usage: /stretch calves"))
        return
    topic = _pick(brain.topics(), wanted)
    previous = load_context(update, context)
    if topic is not None:
        reply = brain.resolve(f"{topic}.stretch", previous)
    else:
        reply = brain.reply(f"stretch for my {wanted}", previous)
        if reply.kind == "fallback":
            reply = with_lead(brain.resolve("topics"), f"I don't know a stretch for “{wanted}”.")
    store_context(update, context, reply)
    await send_reply(update, context, reply)


async def routine(update: Update, context: BotContext) -> None:
    """`/routine [name]`: a routine, or a keyboard of routines."""
    brain = context.services.brain
    wanted = " ".join(context.args or ()).strip()
    if not wanted:
        menu = brain.resolve("routines")
        await send_reply(update, context, with_lead(menu, "Usage: /routine cooldown"))
        return
    found = _pick(brain.routines(), wanted)
    previous = load_context(update, context)
    if found is not None:
        reply = brain.resolve(f"routine.{found}", previous)
    else:
        reply = brain.reply(f"{wanted} routine", previous)
        if reply.kind not in ("routine", "red_flag"):
            menu = brain.resolve("routines")
            reply = with_lead(menu, f"I don't have a routine called “{wanted}”.")
    store_context(update, context, reply)
    await send_reply(update, context, reply)


async def unknown_command(update: Update, context: BotContext) -> None:
    """A command we do not have."""
    message = update.effective_message
    name = (message.text or "").split()[0] if message else "that command"
    reply = note(
        context, "help", "unknown_command", f"I don't know {name}. /help lists what I can do."
    )
    await send_reply(update, context, reply)


# -- messages and buttons --------------------------------------------------------------------


async def on_text(update: Update, context: BotContext) -> None:
    """Free text (or a caption): whatever the brain answers."""
    message = update.effective_message
    if message is None:
        return
    text = message.text if message.text is not None else message.caption
    if not isinstance(text, str):
        return
    username = context.bot.username
    if username:
        text = re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE)
    brain = context.services.brain
    if not text.strip():
        await send_reply(update, context, brain.welcome())
        return
    reply = brain.reply(text, load_context(update, context))
    store_context(update, context, reply)
    if reply.kind == "daily":
        await tg_daily.on_daily_reply(update, context, reply)
        return
    await send_reply(update, context, reply)


async def on_non_text(update: Update, context: BotContext) -> None:
    """Stickers, photos, voice, files, locations: a captioned one is read, else "I read text"."""
    message = update.effective_message
    if message is not None and message.caption:
        await on_text(update, context)
        return
    reply = note(
        context,
        "smalltalk",
        "non_text",
        "I can only read text, so stickers, photos, voice messages and files are lost on me.",
        "Ask me in words, for example: “how do I stretch my calves?”",
        actions=context.services.brain.welcome().actions,
    )
    await send_reply(update, context, reply)


async def on_button(update: Update, context: BotContext) -> None:
    """A button press: its callback data is an intent for the brain."""
    query = update.callback_query
    if query is None:
        return
    data = query.data
    if not act.is_valid_data(data):
        _log.warning(
            "Ignored a button press with invalid callback data (%d chars)", len(data or "")
        )
        await answer(query, "That button doesn't work. Send /start for fresh ones.")
        return
    previous = load_context(update, context)
    reply = context.services.brain.resolve(data, previous)
    stale = reply.intent == "stale"
    await answer(query, "That button has expired." if stale else None)
    store_context(update, context, reply)
    action = act.parse_brain(data)
    if isinstance(action, act.GUIDE_ACTIONS):
        # a guided routine's step, pause or stop: its timer decides what to edit or send
        await tg_guide.on_press(update, context, action, previous, reply)
    elif reply.kind == "daily":
        await tg_daily.on_daily_reply(update, context, reply)
    else:
        await send_reply(update, context, reply)


# -- flood guard and errors ------------------------------------------------------------------


async def guard_flood(update: Update, context: BotContext) -> None:
    """Runs before every handler: a chat over the limit gets one notice, then is ignored."""
    chat = update.effective_chat
    if chat is None:
        return
    addressed = update.effective_message is not None and ADDRESSED.check_update(update)
    if update.callback_query is None and not addressed:
        return
    verdict = context.services.flood.hit(chat.id)
    if verdict is Verdict.OK:
        return
    if verdict is Verdict.NOTIFY:
        _log.warning("Chat %s sent too many messages; ignoring it for a while", chat.id)
        await send_reply(
            update,
            context,
            note(
                context,
                "smalltalk",
                "flood",
                "Whoa, that's a lot of messages at once! I'll take a short breather, "
                "then I'm all yours again.",
            ),
        )
    raise ApplicationHandlerStop


def _describe(update: object) -> str:
    if not isinstance(update, Update):
        return "a background job" if update is None else f"a {type(update).__name__}"
    kind = next(
        (
            name
            for name in ("message", "edited_message", "callback_query", "channel_post")
            if getattr(update, name, None) is not None
        ),
        "update",
    )
    chat = update.effective_chat.id if update.effective_chat else "-"
    user = update.effective_user.id if update.effective_user else "-"
    return f"update {update.update_id} ({kind}, chat {chat}, user {user})"


async def on_error(update: object, context: BotContext) -> None:
    """The one error handler: log with context, and apologise when the person can be reached."""
    error = context.error
    where = _describe(update)
    if isinstance(error, Forbidden):
        _log.warning("Cannot reach the chat of %s: %s", where, error)
        return
    if isinstance(error, (NetworkError, RetryAfter)) and not isinstance(error, BadRequest):
        _log.warning("Telegram was unreachable while handling %s: %s", where, error)
        return
    _log.error("Error while handling %s", where, exc_info=error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    apology = note(
        context,
        "fallback",
        "error",
        "Sorry, something went wrong on my side. Please try again, or send /help.",
    )
    try:
        await send_reply(update, context, apology)
    except TelegramError as exc:
        _log.warning("Could not send the apology for %s: %s", where, exc)
