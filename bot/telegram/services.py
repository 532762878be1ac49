"""The typed seam between PTB and the bot: `Services`, reached as `context.services`.

`bot.telegram.app.build_application` builds one `Services` and stores it in
`application.bot_data` under `SERVICES_KEY`, the only entry there. It also registers
`BotContext` through `CONTEXT_TYPES` (the pattern of PTB's `contexttypesbot` example), so
every handler, the error handler and the daily job get a `BotContext`, whose `services`
property is typed:

    async def tip(update: Update, context: BotContext) -> None:
        reply = context.services.brain.resolve("tip")

What a chat remembers between two messages (a `bot.reply.Context` per conversation) is kept in
the store, not in PTB's `chat_data` (see `conversations`), so that it survives restarts and is
shared by every bot process on one PostgreSQL database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeAlias

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot, JobQueue

from bot import daily
from bot.brain import Brain
from bot.config import Settings
from bot.store import BotStore
from bot.telegram.flood import FloodGuard
from bot.telegram.observe import Ops
from bot.telegram.photos import PhotoBook

if TYPE_CHECKING:  # these modules reach their services through `BotContext`
    from bot.telegram.daily import DailyTick
    from bot.telegram.guide import Guides

#: The one key in `bot_data`.
SERVICES_KEY = "services"


@dataclass(frozen=True, slots=True)
class Services:
    """Everything the handlers and the daily job use besides the update itself."""

    settings: Settings
    brain: Brain
    #: daily-tip subscriptions and conversations (SQLite or PostgreSQL), closed at shutdown
    store: BotStore
    flood: FloodGuard
    #: now, as an aware UTC datetime: the daily tips' clock (tests pass a fake one)
    clock: daily.Clock
    #: the daily tips' time and zone until a person picks their own
    defaults: daily.Defaults
    #: spaces the daily tips out under Telegram's rate limit
    pacer: daily.Pacer
    #: the short disclaimer every reply of our own carries
    disclaimer: str
    #: the stretch pictures and the file_id Telegram gave each (see `photos`)
    photos: PhotoBook
    #: the guided routines running now, with their hold timers
    guides: Guides
    #: the daily tips' repeating job, which a stop lets finish the sends under way
    daily_tick: DailyTick
    #: metrics, health and the usage tally (`bot.telegram.observe`)
    ops: Ops = field(default_factory=Ops)


#: Per chat: nothing is stored (conversations live in the store).
ChatData: TypeAlias = dict[str, object]
#: Per user: nothing is stored.
UserData: TypeAlias = dict[str, object]
#: Exactly one entry: `SERVICES_KEY`.
BotData: TypeAlias = dict[str, Services]


class BotContext(CallbackContext[ExtBot[int], UserData, ChatData, BotData]):
    """The `context` of every callback: PTB's `CallbackContext` plus typed `services`."""

    __slots__ = ()

    @property
    def services(self) -> Services:
        """The application's one `Services`."""
        return self.bot_data[SERVICES_KEY]


#: The application as `app.build_application` builds it.
BotApplication: TypeAlias = Application[
    ExtBot[int], BotContext, UserData, ChatData, BotData, JobQueue[BotContext]
]

CONTEXT_TYPES: ContextTypes[BotContext, UserData, ChatData, BotData] = ContextTypes(
    context=BotContext
)


def services_of(application: BotApplication) -> Services:
    """The services of a built application (for wiring and tests; handlers use `context`)."""
    return application.bot_data[SERVICES_KEY]
