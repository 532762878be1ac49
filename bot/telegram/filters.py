"""Which updates are for us: the filters the handlers are registered with (in `app`).

In a private chat everything is for the bot; in a group only its commands (`/cmd@ThisBot`),
@mentions of it and replies to its messages are. Channel posts never are.
"""

from __future__ import annotations

from telegram import Message, MessageEntity
from telegram.constants import ChatType
from telegram.ext import filters


class _AddressedToBot(filters.MessageFilter):
    """Everything in a private chat; in groups only our commands, @mentions and replies to us."""

    def filter(self, message: Message) -> bool:
        if message.chat.type == ChatType.PRIVATE:
            return True
        bot = message.get_bot()
        replied = message.reply_to_message
        if replied and replied.from_user and replied.from_user.id == bot.id:
            return True
        words = (message.text or "").split(maxsplit=1)
        if words and words[0].startswith("/"):
            _, at, target = words[0].partition("@")
            return not at or target.lower() == (bot.username or "").lower()
        return _mentions_bot(message, bot.username)


def _mentions_bot(message: Message, username: str | None) -> bool:
    if not username:
        return False
    handle = f"@{username}".lower()
    mentions = {
        **message.parse_entities([MessageEntity.MENTION]),
        **message.parse_caption_entities([MessageEntity.MENTION]),
    }
    return any(value.lower() == handle for value in mentions.values())


class _CommandForUs(filters.MessageFilter):
    """A command meant for this bot: `/cmd@ThisBot`, or a bare `/cmd` in a private chat.

    In a group a bare `/cmd` may belong to another bot, so only the addressed form counts.
    """

    def filter(self, message: Message) -> bool:
        words = (message.text or "").split(maxsplit=1)
        _, at, target = (words[0] if words else "").partition("@")
        if at:
            return target.lower() == (message.get_bot().username or "").lower()
        return message.chat.type == ChatType.PRIVATE


ADDRESSED = _AddressedToBot(name="addressed_to_bot")
COMMAND_FOR_US = _CommandForUs(name="command_for_us")
#: New and edited messages in chats with people (not channel posts).
PERSON_MESSAGES = filters.UpdateType.MESSAGE | filters.UpdateType.EDITED_MESSAGE
#: A person's message that is for us (see `ADDRESSED`).
FOR_US = PERSON_MESSAGES & ADDRESSED
#: A command addressed to us that no command handler took.
UNKNOWN_COMMAND = FOR_US & filters.COMMAND & COMMAND_FOR_US
#: Text for us that is not a command.
TEXT = FOR_US & filters.TEXT & ~filters.COMMAND
#: Media: "I read text" in private chats; a caption addressed to us is read like text.
MEDIA = FOR_US & (
    (filters.ChatType.PRIVATE & ~filters.TEXT & ~filters.StatusUpdate.ALL) | filters.CAPTION
)
