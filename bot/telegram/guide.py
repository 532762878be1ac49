"""Guided routines on Telegram: each step's hold timer, counted down in the step's own message.

The schedule is `bot.timer` (pure) and what a step says is `Brain.guide`; this module runs them.
`Guides` holds the routines running now, one per conversation (a private chat, or one person
in a group). Each has a `Session`: the message it edits, its plan and mode, its `Timer`, and a
lock that puts its edits in order. One PTB job per session, named ``guide:<chat>`` (or
``guide:<chat>:<user>`` in a group), wakes when `bot.timer.next_wake` says, moves the timer on
and edits the message; then it schedules itself again. So:

- **Rates.** A chat's message is edited at most once within `Timing.min_gap` (1 s). Countdowns
  refresh every `Timing.tick` seconds (5), in groups every `Timing.group_tick` (15: Telegram
  allows 20 messages a minute there), and slower when many routines run: all of them together
  plan for at most `REFRESH_SHARE` of `Timing.edit_rate` (half the bot's rate limit). Every
  edit takes a turn (`Guides.turn`): at most `in_flight` edits on their way at once, and
  starts spaced by one shared `EditBudget` at the rest of the rate, so at most `edit_rate`
  edits reach Telegram in any second, and a reply never queues behind more than `in_flight`
  of them in the rate limiter.
- **Lost edits.** An edit is retried through 429s and lost connections for at most
  `Timing.edit_retry` seconds; a failed edit never raises here, the job tries again after the
  minimum gap, and the timer does not leave a phase before it was shown (`bot.timer`). Edits
  of one session never overtake each other (the lock), so a step is never shown twice.
- **Cancelling.** Stop, any new message or button of the person's (`interrupt`, before every
  handler), a press on another routine's buttons, a message deleted or a chat that blocked
  the bot end the session: its job is removed and its message says where it stopped, with
  Resume. At shutdown `Guides.close` ends them all; a job in flight sees it and stops.
- **Buttons.** Every guide button carries the plan, the step and the mode (`bot.actions`), so
  it works without this module's memory too: pressed on a message whose routine is not
  running (after a restart), it starts that step afresh.

- **Restarts and other processes.** With a `GuideBook` (`bot.telegram.guide_book`), every
  routine that starts, moves to another step, pauses or resumes is written to the store, and
  one that ends is deleted there; when its process is gone, another one (or the restarted
  one) tells the person where it stopped and offers Resume. `Guides.snapshot()` gives each
  running routine as JSON values (chat, user, message, the plan's button spec, mode, the
  conversation's conditions and limits, and `Timer.to_dict`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any, TypeGuard, cast

from telegram import Message, Update
from telegram.constants import ChatType
from telegram.ext import Job, JobQueue

from bot import actions as act
from bot.render import render_html
from bot.reply import Context, Plan, Reply
from bot.telegram.filters import ADDRESSED
from bot.telegram.guide_book import GuideBook, lost, state_of
from bot.telegram.keyboards import reply_keyboard
from bot.telegram.send import edit_message, edit_reply, send_chunks, send_reply
from bot.telegram.services import BotContext
from bot.timer import (
    EditBudget,
    Hold,
    Timer,
    Timing,
    View,
    advance,
    mark_shown,
    next_wake,
    pause,
    refresh_interval,
    resume,
    start,
    view,
)

_log = logging.getLogger(__name__)

#: (chat id, user id in a group or None): one conversation, as `handlers` keys its context
Key = tuple[int, int | None]
#: a countdown refresh that cannot get an edit slot within this many seconds is skipped
REFRESH_WAIT = 0.5
#: one edit may be on its way at once for every this many edits a second of the budget
IN_FLIGHT_SHARE = 5
#: after an unexpected error in a tick, the next one comes this much later at least; after
#: this many in a row the routine ends (a bug, not Telegram: lost edits are no errors here)
ERROR_PAUSE = 2.0
MAX_ERRORS = 3
#: guide messages remembered per conversation (to edit them in place), most recent kept
LAST_MESSAGES = 10_000


def conversation_key(update: Update) -> Key | None:
    """The conversation an update belongs to: the chat, and the person inside a group."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None:
        return None
    if chat.type == ChatType.PRIVATE or user is None:
        return (chat.id, None)
    return (chat.id, user.id)


@dataclass(eq=False)
class Session:
    """One guided routine running in one conversation."""

    key: Key
    message_id: int
    plan: Plan
    manual: bool
    #: the conversation when the routine was started (its conditions shape the steps)
    context: Context
    timer: Timer
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    #: what the message shows now (HTML and buttons), and the timer's view key then
    shown: tuple[object, ...] | None = None
    shown_key: tuple[object, ...] | None = None
    last_edit: float = -math.inf
    alive: bool = True
    job: Job[BotContext] | None = None
    #: ticks in a row that failed unexpectedly
    errors: int = 0
    #: what the store was last told of it (step, phase, paused), see `keep`
    kept: tuple[object, ...] | None = None

    @property
    def chat_id(self) -> int:
        return self.key[0]

    @property
    def job_name(self) -> str:
        chat, user = self.key
        return f"guide:{chat}" if user is None else f"guide:{chat}:{user}"

    def step_action(self, step: int) -> act.GuideStep:
        return act.GuideStep(self.plan, step, self.manual)

    def snapshot(self, now: float) -> dict[str, Any]:
        """JSON values that describe this session (the persistence seam)."""
        return {
            "chat_id": self.key[0],
            "user_id": self.key[1],
            "message_id": self.message_id,
            "plan": act.encode(act.ShowRoutine(self.plan)),
            "manual": self.manual,
            "conditions": list(self.context.conditions),
            "limits": sorted(self.context.limits),
            "timer": self.timer.to_dict(now),
        }


class Guides:
    """The guided routines running now, by conversation, and the edit budget they share."""

    def __init__(
        self,
        timing: Timing,
        *,
        clock: Callable[[], float] = time.monotonic,
        book: GuideBook | None = None,
    ) -> None:
        self.timing = timing
        self.clock = clock
        #: where running routines are written down (None: nowhere, as in unit tests)
        self.book = book
        rate = timing.edit_rate
        #: edits on their way at once; the starts take the rest of the rate, so that edits
        #: that started and edits still on their way add up to at most `rate` a second
        self.in_flight = max(1, int(rate // IN_FLIGHT_SHARE))
        self.budget = EditBudget(max(rate - self.in_flight, rate / 2), clock=clock)
        self._turns = asyncio.Semaphore(self.in_flight)
        self._sessions: dict[Key, Session] = {}
        self._last_message: OrderedDict[Key, int] = OrderedDict()
        #: "stopped" edits on their way, by conversation (see `settled`)
        self._stopping: dict[Key, asyncio.Task[None]] = {}
        self.closed = False

    def __len__(self) -> int:
        return len(self._sessions)

    def get(self, key: Key | None) -> Session | None:
        return self._sessions.get(key) if key is not None else None

    def sessions(self) -> list[Session]:
        return list(self._sessions.values())

    def live(self, session: Session) -> bool:
        """True while `session` is its conversation's running routine."""
        return session.alive and not self.closed and self._sessions.get(session.key) is session

    def add(self, session: Session) -> None:
        old = self._sessions.get(session.key)
        if old is not None and old is not session:
            self.drop(old, ended=False)  # `take` below replaces it in the store
        self._sessions[session.key] = session
        self.remember(session.key, session.message_id)
        if self.book is not None and self.book.take(session.key, state_of(session, self.clock())):
            session.kept = _kept(session)

    def keep(self, session: Session) -> bool:
        """Tell the store where `session` stands if that changed; False when it is no longer
        this process's routine (see `guide_book.lost`)."""
        if self.book is None or not self.live(session) or session.kept == _kept(session):
            return True
        session.kept = _kept(session)
        return self.book.keep(session.key, state_of(session, self.clock()))

    def elsewhere(self, session: Session) -> str | None:
        """On a store shared by several processes: "taken" when another process runs
        `session`'s routine now, "ended" when it was ended there; None while it is this
        process's (or nothing is shared)."""
        book = self.book
        if book is None or not book.store.shared:
            return None
        owner = book.owner_of(session.key)
        if owner is None:
            return "ended" if session.kept is not None else None
        return None if owner == book.owner else "taken"

    def drop(self, session: Session, *, ended: bool = True) -> None:
        """End a session: it schedules nothing more, and a job in flight stops. `ended`: the
        routine is over (not handed to another process), so the store forgets it too."""
        if ended and session.alive and self.book is not None and not self.closed:
            self.book.end(session.key)
        session.alive = False
        if session.job is not None:
            with contextlib.suppress(Exception):  # already run or removed
                session.job.schedule_removal()
            session.job = None
        if self._sessions.get(session.key) is session:
            del self._sessions[session.key]

    def stopping(self, key: Key, task: asyncio.Task[None]) -> None:
        """`task` shows that the conversation's routine stopped; `settled` waits for it."""
        self._stopping[key] = task

        def done(finished: asyncio.Task[None]) -> None:
            if self._stopping.get(key) is finished:
                del self._stopping[key]

        task.add_done_callback(done)

    async def settled(self, key: Key | None) -> None:
        """Wait until the conversation's last "stopped" edit is out, so that a press of Resume
        right after it is not overwritten by it."""
        task = self._stopping.get(key) if key is not None else None
        if task is not None:
            await asyncio.wait({task})

    def remember(self, key: Key, message_id: int) -> None:
        """The conversation's latest guide message (buttons pressed there edit it)."""
        self._last_message[key] = message_id
        self._last_message.move_to_end(key)
        while len(self._last_message) > LAST_MESSAGES:
            self._last_message.popitem(last=False)

    def last_message(self, key: Key | None) -> int | None:
        return self._last_message.get(key) if key is not None else None

    def counting(self) -> int:
        """Routines whose clock runs now (not paused, not waiting for Next)."""
        return sum(
            1
            for s in self._sessions.values()
            if not s.timer.paused and s.timer.phase in ("ready", "hold")
        )

    def interval(self, session: Session) -> float:
        """Seconds between two refreshes of `session`'s countdown."""
        timing = self.timing
        tick = timing.tick if session.key[1] is None else max(timing.tick, timing.group_tick)
        return refresh_interval(tick, self.counting(), timing.edit_rate)

    @contextlib.asynccontextmanager
    async def turn(self, *, must: bool) -> AsyncIterator[bool]:
        """A turn to edit: True once the edit may go, after waiting for it if `must`; False
        at once for a refresh that would have to wait (the next one shows newer numbers)."""
        if not must and self._turns.locked():
            yield False
            return
        async with self._turns:
            now = self.clock()
            slot = self.budget.reserve(None if must else now + REFRESH_WAIT)
            if slot is None:
                yield False
                return
            if slot > now:
                await asyncio.sleep(slot - now)
            yield True

    def snapshot(self) -> list[dict[str, Any]]:
        """Every running routine as JSON values (see the module docstring)."""
        now = self.clock()
        return [session.snapshot(now) for session in self._sessions.values()]

    def close(self) -> None:
        """The bot is stopping: end every session (their jobs go with the job queue), and hand
        them to whichever process starts next (see `guide_book`). Closing twice is harmless."""
        if self.closed:
            return
        self.closed = True
        for session in list(self._sessions.values()):
            self.drop(session, ended=False)
        if self.book is not None:
            self.book.release()


def _kept(session: Session) -> tuple[object, ...]:
    timer = session.timer
    return (timer.step, timer.phase, timer.paused)


# --------------------------------------------------------------------------- button presses


async def on_press(
    update: Update,
    context: BotContext,
    action: act.GuideAction,
    previous: Context | None,
    reply: Reply,
) -> None:
    """A guide button (step, pause, stop) was pressed; `reply` is the brain's answer to it
    without a timer (already stored as the conversation's context)."""
    query = update.callback_query
    if query is None:
        return
    guides = context.services.guides
    key = conversation_key(update)
    await guides.settled(key)  # a "stopped" edit still on its way to this chat goes first
    live = guides.get(key)
    if live is not None and guides.elsewhere(live) is not None:
        guides.drop(live, ended=False)  # another process runs (or ended) it: start afresh
        live = None
    timed = action if _timed(action, reply) else None
    if timed is None and live is None and key is not None and guides.book is not None:
        guides.book.end_anywhere(key)  # Stop or Finish here, the timer in another process
    message = query.message
    if not isinstance(message, Message):  # too old to edit: carry on in a new message
        if live is not None:
            stop_elsewhere(context, live)
        if timed is not None:
            await _start(context, update, timed, previous, None)
        else:
            await send_reply(update, context, reply)
        return
    if live is not None and live.message_id == message.message_id:
        if (
            timed is not None
            and (timed.plan, timed.step, timed.manual) == (live.plan, live.timer.step, live.manual)
            and live.timer.phase in ("ready", "hold")
        ):
            await _control(context, live, pausing=isinstance(timed, act.GuidePause))
            return
        guides.drop(live)  # another step, Stop, Finish: this timer ends here
        async with live.lock:  # after any edit of the old timer still on its way
            if timed is not None:
                await _start(context, update, timed, previous, message.message_id)
            else:
                await edit_reply(query, context, reply)
        return
    if live is not None:
        stop_elsewhere(context, live)  # a press on another message starts something else
    in_place = _in_place(action, message, guides.last_message(key))
    if timed is not None:
        await _start(context, update, timed, previous, message.message_id if in_place else None)
    elif in_place:
        await edit_reply(query, context, reply)
    else:
        await send_reply(update, context, reply)
    if key is not None and in_place:
        guides.remember(key, message.message_id)


def _timed(action: act.GuideAction, reply: Reply) -> TypeGuard[act.GuideStep | act.GuidePause]:
    """True when the press shows a step of a routine (not its finish, stop, a stale plan or
    the stop after a red flag): the one replies a timer runs on."""
    if isinstance(action, act.GuideStop):
        return False
    return reply.intent == f"guide.{action.plan.base}.{action.step}"


def _in_place(action: act.GuideAction, message: Message, last: int | None) -> bool:
    """Whether a press edits its message: on a guide message (a step's, with its Stop, or the
    conversation's latest stop or finish), for a later step, a pause or a stop; "Start guided"
    on an overview or a stretch card sends a new message."""
    if message.message_id == last or not isinstance(action, act.GuideStep) or action.step > 0:
        return True
    markup = message.reply_markup
    buttons = [b for row in markup.inline_keyboard for b in row] if markup is not None else []
    return any(isinstance(act.parse(b.callback_data), act.GuideStop) for b in buttons)


async def _control(context: BotContext, session: Session, *, pausing: bool) -> None:
    """Pause or resume the step the routine stands at; a second tap changes nothing."""
    guides = context.services.guides
    async with session.lock:
        if not guides.live(session) or pausing == session.timer.paused:
            return
        now = guides.clock()
        session.timer = pause(session.timer, now) if pausing else resume(session.timer, now)
        await _show(context, session, must=True)
        _reschedule(context, session)
    _keep(context, session)


async def _start(
    context: BotContext,
    update: Update,
    action: act.GuideStep | act.GuidePause,
    previous: Context | None,
    message_id: int | None,
) -> None:
    """A new session at `action`'s step: on message `message_id`, or in a new message."""
    services = context.services
    guides, timing = services.guides, services.guides.timing
    key = conversation_key(update)
    holds = services.brain.guide_holds(action.plan, previous)
    if key is None or not holds:
        return
    now = guides.clock()
    scaled = tuple(Hold(h.seconds * timing.scale, h.sides) for h in holds)
    timer = start(scaled, action.step, now, auto=not action.manual, rest=timing.rest * timing.scale)
    if isinstance(action, act.GuidePause):
        timer = pause(timer, now)
    session = Session(
        key=key,
        message_id=message_id or 0,
        plan=action.plan,
        manual=action.manual,
        context=previous or Context(),
        timer=timer,
    )
    async with session.lock:
        if message_id is None:
            reply = _render(context, session, now)
            sent = await send_chunks(
                context.bot, session.chat_id, render_html(reply), reply_keyboard(reply)
            )
            if sent is None:
                return
            session.message_id = sent.message_id
            _shown(guides, session, reply, guides.clock())
            guides.add(session)
        else:
            guides.add(session)
            await _show(context, session, must=True)
        _reschedule(context, session)
    _log.debug("Guided routine %s started at step %d", session.job_name, action.step + 1)


# --------------------------------------------------------------------------- the job


async def tick(context: BotContext) -> None:
    """The job: move one routine's timer on and show it; schedule the next tick."""
    job = context.job
    session = job.data if job is not None else None
    if not isinstance(session, Session):
        return
    guides = context.services.guides
    if not guides.live(session):
        return
    where = guides.elsewhere(session)
    if where is not None:  # the other process moved it on, or the person wrote to it
        lost(context, session, where)
        return
    try:
        async with session.lock:
            if not guides.live(session) or not context.application.running:
                return
            session.timer = advance(session.timer, guides.clock())
            await _show(context, session)
            _reschedule(context, session)
            session.errors = 0
        _keep(context, session)
    except Exception:
        session.errors += 1
        if session.errors >= MAX_ERRORS:
            _log.exception("A guided routine's tick failed again (%s); ending it", session.job_name)
            guides.drop(session)
            return
        _log.exception("A guided routine's tick failed (%s); trying again", session.job_name)
        if guides.live(session) and context.application.running:
            _reschedule(context, session, at_least=ERROR_PAUSE)


async def _expire(context: BotContext) -> None:
    """A routine paused (or waiting for Next) for `Timing.idle` seconds is forgotten; its
    message keeps its buttons, which start the step afresh."""
    job = context.job
    session = job.data if job is not None else None
    if isinstance(session, Session) and context.services.guides.live(session):
        _log.debug("Guided routine %s idle; forgotten", session.job_name)
        context.services.guides.drop(session)


def _reschedule(context: BotContext, session: Session, *, at_least: float = 0.0) -> None:
    """Schedule `session`'s next tick (replacing any), or its expiry when only the person can
    move it on."""
    guides = context.services.guides
    # PTB types a context's job queue by a type variable it leaves unbound
    job_queue = cast("JobQueue[BotContext] | None", context.job_queue)
    if not guides.live(session) or job_queue is None:
        return
    timing, timer = guides.timing, session.timer
    now = guides.clock()
    if session.job is not None:
        with contextlib.suppress(Exception):
            session.job.schedule_removal()
    earliest = max(now, session.last_edit + timing.min_gap)
    if not timer.shown and timer.phase in ("over", "done"):
        wake = earliest  # time's up, or the finish, is still to be shown
    else:
        wake = next_wake(
            timer,
            now,
            tick=guides.interval(session),
            last_edit=session.last_edit,
            min_gap=timing.min_gap,
        )
    callback = tick
    if math.isinf(wake):
        wake, callback = now + timing.idle, _expire
    wake = max(wake, now + at_least)
    session.job = job_queue.run_once(
        callback,
        when=max(0.0, wake - now),
        data=session,
        name=session.job_name,
        # a tick that runs late (a busy loop) still runs: the timer catches up by itself
        job_kwargs={"misfire_grace_time": None},
    )


def _keep(context: BotContext, session: Session) -> None:
    """Write down where `session` stands; a routine another process took over or ended is
    this one's no longer."""
    guides = context.services.guides
    if not guides.keep(session):
        lost(context, session)


# --------------------------------------------------------------------------- showing


def _render(context: BotContext, session: Session, now: float) -> Reply:
    """The message as the timer stands at `now`: the step with its clock, or the finish."""
    brain, timer = context.services.brain, session.timer
    if timer.finished:
        return brain.guide(session.step_action(timer.step), session.context)
    clock: View = view(timer, now)
    return brain.guide(session.step_action(timer.step), session.context, clock)


def _face(reply: Reply) -> tuple[object, ...]:
    """What the person sees of a reply: its HTML and its buttons."""
    markup = reply_keyboard(reply)
    return (*render_html(reply), markup.to_json() if markup is not None else None)


def _shown(guides: Guides, session: Session, reply: Reply, at: float) -> None:
    """`reply` reached the screen at `at`."""
    session.timer = mark_shown(session.timer, at, grace=guides.timing.grace)
    session.shown = _face(reply)
    session.shown_key = view(session.timer, at).key if not session.timer.finished else None
    session.last_edit = at


async def _show(context: BotContext, session: Session, *, must: bool = False) -> None:
    """Edit the session's message to show the timer as it stands (under the session's lock).

    An edit that changes what the message says beyond its numbers (a new step, the rest, the
    switch cue, paused, the finish) always goes out, after its slot of the shared budget; a
    refresh of the numbers alone is skipped when no slot is free soon. A finished routine's
    session ends once the finish is shown."""
    guides = context.services.guides
    timer = session.timer
    key = None if timer.finished else view(timer, guides.clock()).key
    must = must or not timer.shown or key != session.shown_key
    async with guides.turn(must=must) as go:
        if not go:
            return
        now = guides.clock()
        reply = _render(context, session, now)
        if _face(reply) == session.shown:
            session.timer = mark_shown(timer, now, grace=guides.timing.grace)
            result = "ok"
        else:
            result = await edit_message(
                context.bot,
                session.chat_id,
                session.message_id,
                reply,
                retry_seconds=guides.timing.edit_retry,
            )
    if result == "gone":  # deleted, or the chat blocked us: nobody to coach
        guides.drop(session)
        return
    if result == "failed":
        session.last_edit = guides.clock()  # try again after the minimum gap
        return
    if session.shown != _face(reply):
        _shown(guides, session, reply, guides.clock())
    if session.timer.finished:
        _log.debug("Guided routine %s finished", session.job_name)
        guides.drop(session)


# --------------------------------------------------------------------------- cancelling


async def interrupt(update: Update, context: BotContext) -> None:
    """Before every handler: a new message or button of the person's, other than a guide
    button (`on_press` decides those), ends their running routine."""
    query = update.callback_query
    if query is not None:
        if isinstance(act.parse(query.data), act.GUIDE_ACTIONS):
            return
    elif update.effective_message is None or not ADDRESSED.check_update(update):
        return  # not for us (people talking in a group)
    guides, key = context.services.guides, conversation_key(update)
    live = guides.get(key)
    if live is not None:
        stop_elsewhere(context, live)
    elif guides.book is not None and key is not None:
        guides.book.end_anywhere(key)  # a routine another process runs ends too


def stop_elsewhere(context: BotContext, session: Session) -> None:
    """End `session` now, and show where it stopped (with Resume) in its message in the
    background, so the person's new message is answered without waiting for that edit."""
    guides = context.services.guides
    if not guides.live(session):
        return
    guides.drop(session)
    task = context.application.create_task(_show_stopped(context, session), name="guide-stopped")
    guides.stopping(session.key, task)


async def _show_stopped(context: BotContext, session: Session) -> None:
    guides, brain = context.services.guides, context.services.brain
    async with session.lock:  # after an edit of the timer still on its way
        steps = len(session.timer.holds)
        at = act.GuideStop(session.plan, min(session.timer.step, steps - 1), session.manual)
        reply = brain.guide(at, session.context)
        async with guides.turn(must=True):
            await edit_message(
                context.bot,
                session.chat_id,
                session.message_id,
                reply,
                retry_seconds=guides.timing.edit_retry,
            )
    guides.remember(session.key, session.message_id)
