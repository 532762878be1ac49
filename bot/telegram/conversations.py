"""Conversations in the store: what the brain remembers between two messages.

Each conversation (a private chat, or one person inside a group, as before) keeps the last
reply's `Context` in the store (`bot.store.ConversationStore`) rather than in PTB's in-memory
`chat_data`, so a restarted bot, or another bot process on the same PostgreSQL database,
answers a follow-up ("how do I stretch it?") or the next button of a guided routine with the
same context. The guided routine's step travels in the button itself; the context adds what
shapes the steps (the routine, the conditions named earlier, a red flag that ended it).

A conversation expires `CONVERSATION_HOURS` after its last message: it is not read after that,
and `purge` (a repeating job) deletes it. A reply without anything to remember deletes the
row at once; /forget deletes every conversation of the chat. If the store fails, the person
is still answered, without the context, and the failure is logged.

The flood guard's counters are not here: they stay in each process's memory (a restart
forgets them; with several processes each counts what it sees).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram import Update
from telegram.constants import ChatType

from bot import context_codec
from bot.reply import Context, Reply
from bot.store import StoreError
from bot.telegram.services import BotContext

log = logging.getLogger(__name__)

PURGE_JOB = "conversation-purge"
#: the user id of a conversation that is the whole chat (a private chat)
WHOLE_CHAT = 0


def conversation_key(update: Update) -> tuple[int, int] | None:
    """(chat id, user id) of the conversation: one per private chat (user id 0), one per
    person inside a group; None for an update without a chat."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None:
        return None
    if chat.type == ChatType.PRIVATE or user is None:
        return chat.id, WHOLE_CHAT
    return chat.id, user.id


def load_context(update: Update, context: BotContext) -> Context | None:
    """What the brain needs to remember of this conversation, if anything (and not expired)."""
    key = conversation_key(update)
    if key is None:
        return None
    services = context.services
    try:
        state = services.store.load_conversation(*key, services.clock())
    except StoreError as exc:
        log.warning("Answering chat %s without its conversation: %s", key[0], exc)
        return None
    found = None if state is None else context_codec.decode(state)
    return None if found is None else context_codec.fit_to(found, services.brain.kb)


def store_context(update: Update, context: BotContext, reply: Reply) -> None:
    """Remember the reply's context for the next message, for `CONVERSATION_HOURS`."""
    key = conversation_key(update)
    if key is None:
        return
    services = context.services
    now = services.clock()
    state = None if reply.context == Context() else context_codec.encode(reply.context)
    expires = now + timedelta(hours=services.settings.conversation_hours)
    try:
        services.store.save_conversation(*key, state, now=now, expires=expires)
    except StoreError as exc:
        log.warning("Could not save the conversation of chat %s: %s", key[0], exc)


def purge_interval(hours: float) -> float:
    """How often expired conversations are deleted: a quarter of their life, 1 min to 1 h."""
    return max(60.0, min(3600.0, hours * 3600 / 4))


async def purge(context: BotContext) -> None:
    """The repeating job: delete the conversations that expired."""
    services = context.services
    try:
        purged = services.store.purge_conversations(services.clock())
    except StoreError as exc:
        log.warning("Could not delete expired conversations: %s", exc)
        return
    if purged:
        log.info("Deleted %d expired conversation(s).", purged)
