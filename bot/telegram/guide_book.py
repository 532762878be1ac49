"""Guided routines that outlive their process: kept in the store, taken over when it is gone.

A guided routine's timer runs in the process that started it (`bot.telegram.guide`). So that a
crash, a restart or a second bot process never leaves a person looking at a countdown frozen
half-way, every process writes down the routines it runs (`GuideBook`, the `guides` table of
`bot.store_ops`):

- **Take, keep, end.** A routine that starts is *taken* (whoever ran one in that conversation
  before loses it); a new step, a pause or a resume is *kept* (only by its owner: a `False`
  means another process took it over, or ended it); a routine that ends is deleted. On a store
  several processes share (PostgreSQL), a person's new message ends their routine there too,
  whichever process runs it (`end_anywhere`).
- **Before each tick** on a shared store, a process checks that it still runs the routine (one
  look-up by key): a press that another process served took it over, and this process's timer
  stops at once instead of editing the message back to its own step; a routine ended there
  (the person wrote) shows "Routine stopped" here. A button pressed on a message whose
  routine this process runs, but another process took over, starts afresh here.
- **Heartbeat.** Every `Timing.heartbeat` seconds (15) each process stamps its routines
  (`heartbeat`, a repeating job). A routine it runs that is no longer its own is dropped here:
  silently when another process took it over (that one edits the message now), with "Routine
  stopped" and Resume when it was ended elsewhere.
- **Taking over.** The same job claims the routines of any process that has not stamped them
  for `STALE_BEATS` heartbeats (a crash), and at start-up those a stopped process released
  (`Guides.close` at shutdown releases its routines at once). On SQLite, one process per file,
  a starting process claims every routine left there. Each claimed routine that was counting
  (not paused, not waiting for Next) gets a new message that says where it stopped, with
  Resume, and its old message is edited to stop showing the frozen countdown. One that was
  paused or waiting needs nothing: its buttons carry the plan and the step and still work. A
  routine whose process fell silent more than `NOTICE_WITHIN` ago is dropped unannounced.
  A person in a group is told in the group (the routine's message is there).

A failing store never stops a routine: the failure is logged and the routine goes on in this
process (it just cannot be taken over if the process dies).
"""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot import actions as act
from bot import context_codec
from bot.daily import utc_now
from bot.render import render_html
from bot.reply import Context, Plan
from bot.store import BotStore, StoreError
from bot.telegram.keyboards import reply_keyboard
from bot.telegram.send import edit_message, send_chunks
from bot.telegram.services import BotContext
from bot.timer import Timer

if TYPE_CHECKING:
    from bot.telegram.guide import Key, Session

_log = logging.getLogger(__name__)

HEARTBEAT_JOB = "guide-heartbeat"
#: a process that missed this many heartbeats in a row is gone: its routines are taken over
STALE_BEATS = 3
#: a routine whose process fell silent longer ago than this is dropped without a word
NOTICE_WITHIN = timedelta(hours=1)
#: the user id the store keeps for a routine in a private chat
_WHOLE_CHAT = 0


@dataclass(frozen=True, slots=True)
class Orphan:
    """A routine another process ran and left: where it was, and how to speak of it."""

    chat_id: int
    user_id: int | None
    message_id: int
    plan: Plan
    step: int
    manual: bool
    context: Context
    #: True when its countdown was running (a person is looking at frozen numbers)
    counting: bool
    since: datetime


def _row_key(key: Key) -> tuple[int, int]:
    chat, user = key
    return chat, _WHOLE_CHAT if user is None else user


def _key(chat: int, user: int) -> Key:
    return (chat, None if user == _WHOLE_CHAT else user)


class GuideBook:
    """This process's side of the `guides` table: every call logs a store failure and goes on."""

    def __init__(
        self, store: BotStore, *, clock: Callable[[], datetime] = utc_now, owner: str = ""
    ) -> None:
        self.store = store
        self.clock = clock
        #: this process, as the table names it
        self.owner = owner or secrets.token_hex(8)
        #: True once the heartbeat ran (its first run takes over what a stopped process left)
        self.started = False

    def take(self, key: Key, state: dict[str, Any]) -> bool:
        """This process runs the conversation's routine now; False if the store failed."""
        try:
            self.store.take_guide(*_row_key(key), self.owner, json.dumps(state), self.clock())
        except StoreError as exc:
            _log.warning("Could not write down the routine of chat %s: %s", key[0], exc)
            return False
        return True

    def keep(self, key: Key, state: dict[str, Any]) -> bool:
        """False when another process took the routine over or ended it."""
        try:
            return self.store.keep_guide(
                *_row_key(key), self.owner, json.dumps(state), self.clock()
            )
        except StoreError as exc:
            _log.warning("Could not write down the routine of chat %s: %s", key[0], exc)
            return True

    def end(self, key: Key) -> None:
        """The routine this process ran there ended."""
        try:
            self.store.end_guide(*_row_key(key), self.owner)
        except StoreError as exc:
            _log.warning("Could not note the end of the routine of chat %s: %s", key[0], exc)

    def end_anywhere(self, key: Key) -> None:
        """The person wrote: their routine ends, whichever process runs it (shared stores)."""
        if not self.store.shared:
            return
        try:
            self.store.end_guide(*_row_key(key))
        except StoreError as exc:
            _log.warning("Could not note the end of the routine of chat %s: %s", key[0], exc)

    def owner_of(self, key: Key) -> str | None:
        """The process that runs the conversation's routine (None: none does); this process
        when the store cannot say."""
        try:
            return self.store.guide_owner(*_row_key(key))
        except StoreError:
            return self.owner

    def beat(self) -> set[Key] | None:
        """Stamp this process's routines; the conversations it still runs (None: unknown)."""
        try:
            return {_key(*row) for row in self.store.beat_guides(self.owner, self.clock())}
        except StoreError as exc:
            _log.warning("Could not stamp the running routines: %s", exc)
            return None

    def release(self) -> None:
        """This process stops: another may take its routines at once."""
        try:
            self.store.release_guides(self.owner)
        except StoreError as exc:
            _log.warning("Could not hand over the running routines: %s", exc)

    def claim(self, heartbeat: float, *, everything: bool = False) -> list[Orphan]:
        """The routines of processes silent for `STALE_BEATS` heartbeats (`everything`: all
        but this process's own), deleted from the table, as `Orphan`s."""
        now = self.clock()
        stale = (
            now + timedelta(seconds=1)
            if everything
            # the store keeps beats to the second: a beat at 9.9 s reads as 9 s, so a second
            # more keeps a live process that is a little late from being taken for gone
            else now - timedelta(seconds=heartbeat * STALE_BEATS + 1)
        )
        try:
            rows = self.store.claim_guides(self.owner, stale)
        except StoreError as exc:
            _log.warning("Could not look for routines left by a stopped process: %s", exc)
            return []
        found = []
        for chat, user, state, since in rows:
            orphan = _orphan(chat, user, state, since)
            if orphan is None:
                _log.warning("A routine left in chat %s could not be read; dropped", chat)
            elif now - since <= NOTICE_WITHIN:
                found.append(orphan)
        return found


def state_of(session: Session, now: float) -> dict[str, Any]:
    """What the table keeps of a session: its snapshot plus its whole conversation."""
    return {**session.snapshot(now), "context": context_codec.encode(session.context)}


def _orphan(chat: int, user: int, state: str, since: datetime) -> Orphan | None:
    try:
        data = json.loads(state)
        shown = act.parse(data["plan"])
        timer = Timer.from_dict(data["timer"], now=0.0)
        context = context_codec.decode(str(data.get("context", ""))) or Context()
        message_id, manual = int(data["message_id"]), bool(data["manual"])
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(shown, act.ShowRoutine) or timer.finished:
        return None
    return Orphan(
        chat_id=chat,
        user_id=None if user == _WHOLE_CHAT else user,
        message_id=message_id,
        plan=shown.plan,
        step=min(timer.step, len(timer.holds) - 1),
        manual=manual,
        context=context,
        counting=not timer.paused and timer.phase in ("ready", "hold"),
        since=since,
    )


# --------------------------------------------------------------------------- the job


async def heartbeat(context: BotContext) -> None:
    """The repeating job: stamp this process's routines, drop those it lost, and take over
    (and announce) those of a process that is gone."""
    guides = context.services.guides
    book = guides.book
    if book is None or guides.closed:
        return
    mine = book.beat()
    if mine is not None:
        for session in guides.sessions():
            if session.key not in mine and guides.live(session):
                lost(context, session)
    # the first run after start-up on SQLite (one process per file): whatever is left there
    # was the previous run's
    everything = not book.started and not book.store.shared
    book.started = True
    for orphan in book.claim(guides.timing.heartbeat, everything=everything):
        key = (orphan.chat_id, orphan.user_id)
        if guides.get(key) is None and orphan.counting:
            try:
                await announce(context, orphan)
            except Exception as exc:  # one chat that blocked us must not stop the others
                _log.warning("Could not tell chat %s its routine stopped: %s", key[0], exc)


def lost(context: BotContext, session: Session, where: str | None = None) -> None:
    """`session` is no longer this process's to run: taken over elsewhere (drop it quietly) or
    ended there (show where it stopped). `where` is what `Guides.elsewhere` said, when the
    caller asked already."""
    from bot.telegram.guide import stop_elsewhere  # the guide imports this module

    guides, book = context.services.guides, context.services.guides.book
    if where is None and book is not None:  # on any store: the table says who runs it
        owner = book.owner_of(session.key)
        where = "taken" if owner is not None and owner != book.owner else None
    if where == "taken":
        guides.drop(session, ended=False)
    else:
        stop_elsewhere(context, session)


async def announce(context: BotContext, orphan: Orphan) -> None:
    """Tell the person where their routine stopped, with Resume, in a new message; and stop
    its old message showing a countdown that no longer runs."""
    services = context.services
    brain, guides = services.brain, services.guides
    at = act.GuideStop(orphan.plan, orphan.step, orphan.manual)
    async with guides.turn(must=True):
        await edit_message(
            context.bot,
            orphan.chat_id,
            orphan.message_id,
            brain.guide(at, orphan.context),
            retry_seconds=guides.timing.edit_retry,
        )
    notice = brain.guide_interrupted(at, orphan.context)
    sent = await send_chunks(
        context.bot, orphan.chat_id, render_html(notice), reply_keyboard(notice)
    )
    if sent is not None:
        guides.remember((orphan.chat_id, orphan.user_id), sent.message_id)
        _log.info("Told chat %s where its interrupted routine stopped", orphan.chat_id)
