"""Daily stretch tips on Telegram: /daily, /forget, their buttons, and the repeating tick.

    /daily                         status, with buttons (time, time zone, start or stop)
    /daily on [HH:MM] [ZONE]       start; e.g. /daily on 07:30 Europe/Berlin, /daily on 07:30 +02:00
    /daily off                     stop (time, zone and place in the tips are kept)
    /daily zone ZONE               set the time zone
    /forget                        delete everything stored about the chat, after a confirmation

Free text ("send me a tip every day at 7am", "stop the daily tips") arrives through the brain as
a reply of kind "daily" and is carried out by `on_daily_reply`. Telegram does not tell us a
person's time zone, so the first `on` asks for it with buttons (and says which zone is used
until then). Its buttons are the daily-tip family of `bot.actions` ("daily:...", "tz:...",
"forget:...").

The logic (schedules, DST, catch-up, exactly-once) lives in `bot.daily`; this module only
turns updates into calls to it and tips into messages. `DailyTick.run` is the repeating job
and `run_tick` one tick of it; `app.build_application` wires the handlers and schedules the
job. The store, the clock (aware UTC; tests pass a fake one), the defaults and the pacer come
from `context.services`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, time, timedelta
from typing import Any

from telegram import Bot, Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut

from bot import actions as act
from bot import daily, follow
from bot.actions import button
from bot.brain import Brain
from bot.render import render_html
from bot.reply import Action, Reply
from bot.store import BotStore, StoreError, Subscription
from bot.telegram import follow as tg_follow
from bot.telegram.keyboards import keyboard
from bot.telegram.ops import observe_tick
from bot.telegram.resilience import retry_after_seconds
from bot.telegram.send import answer, edit_reply, note, send_chunks, send_reply
from bot.telegram.services import BotContext, Services

log = logging.getLogger(__name__)

JOB_NAME = "daily-tick"
#: how long a stop waits for the tips under way (a send stuck in retries is cut off then)
STOP_WAIT_SECONDS = 5.0

#: (button label, zone) for the zones most people will find their own in.
COMMON_ZONES = (
    ("London · Lisbon", "Europe/London"),
    ("Berlin · Paris", "Europe/Berlin"),
    ("Athens · Kyiv", "Europe/Kyiv"),
    ("Moscow · Istanbul", "Europe/Moscow"),
    ("New York", "America/New_York"),
    ("Chicago", "America/Chicago"),
    ("Denver", "America/Denver"),
    ("Los Angeles", "America/Los_Angeles"),
    ("São Paulo", "America/Sao_Paulo"),
    ("India", "Asia/Kolkata"),
    ("China · Singapore", "Asia/Shanghai"),
    ("Tokyo", "Asia/Tokyo"),
    ("Sydney", "Australia/Sydney"),
    ("UTC", "UTC"),
)
TIME_CHOICES = ("06:30", "07:00", "07:30", "08:00", "09:00", "12:30", "18:00", "21:00")


# --- start-up and the tick ------------------------------------------------------------------


def recover_interrupted(services: Services) -> None:
    """At start-up: tips still marked as under way belong to a process that died mid-send."""
    recovered = daily.recover(
        services.store, services.clock, default_zone=services.settings.daily_default_tz
    )
    if recovered:
        log.warning("Counted %d interrupted daily tip(s) as delivered.", recovered)


class DailyTick:
    """The repeating job (`run` is scheduled every `settings.daily_tick_seconds`).

    Each run sends what is due, unless the previous one is still handing out rows. A tick hands
    out rows for about one interval; once it has, only sends under way remain (a slow answer
    can take a while) and the next tick may start beside it: the claim on each row keeps two
    ticks from sending the same tip.

    Once the application is stopping a run takes on no more rows (and a new one does not
    start), so the job queue's stop, which waits for the runs under way, waits only for the
    sends under way. A run it cancels all the same (one that started while it waited) goes on
    behind python-telegram-bot's shield: `finish`, at shutdown, lets its sends end before the
    bot's connections and the store close. Without that the tick went on sending after the
    store was closed, and the claims of its sends were left behind (counted as delivered at
    the next start, whether or not they went out).
    """

    def __init__(self) -> None:
        self._running: object | None = None
        self._runs: set[asyncio.Task[Any]] = set()
        self.stopping = False

    async def run(self, context: BotContext) -> None:
        """One run of the job: a tick, unless the previous one is still handing out rows or
        the application is stopping."""
        application = context.application
        if self._running is not None or self.stopping or not application.running:
            return
        token = object()
        self._running = token
        task = asyncio.current_task()
        if task is not None:
            self._runs.add(task)

        def fed() -> None:
            if self._running is token:
                self._running = None

        try:
            await run_tick(
                context.bot,
                context.services,
                on_fed=fed,
                # from the moment the stop begins: the job queue's stop waits for this run
                stopping=lambda: self.stopping or not application.running,
            )
        finally:
            fed()
            if task is not None:
                self._runs.discard(task)

    async def finish(self, timeout: float = STOP_WAIT_SECONDS) -> None:
        """Take on no more rows, and wait (at most `timeout` seconds) for the sends under way.
        A send still going then is cancelled: its claim stays, and the next start counts it
        as delivered, as after a crash."""
        self.stopping = True
        runs = [task for task in self._runs if not task.done()]
        if not runs:
            return
        _, pending = await asyncio.wait(runs, timeout=timeout)
        if pending:
            log.warning(
                "Daily tips were still being sent %g s after the stop began; cancelling them "
                "(the next start counts the ones under way as delivered).",
                timeout,
            )
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)


async def run_tick(
    bot: Bot,
    services: Services,
    *,
    on_fed: Callable[[], None] | None = None,
    stopping: Callable[[], bool] | None = None,
) -> daily.TickReport:
    """One tick: every tip due now goes out once (for at most about one tick interval)."""
    settings = services.settings
    report = await daily.tick(
        services.store,
        make_sender(bot, services.brain, services.store),
        services.clock,
        catchup=timedelta(hours=settings.daily_catchup_hours),
        pacer=services.pacer,
        default_zone=settings.daily_default_tz,
        budget=_budget(settings.daily_tick_seconds),
        on_fed=on_fed,
        stopping=stopping,
    )
    if report:
        log.info(
            "Daily tips: %d sent, %d to retry, %d given up, %d blocked, %d rescheduled, "
            "%d recovered, %d waiting for Telegram.",
            report.sent,
            report.failed,
            report.gave_up,
            report.blocked,
            report.rescheduled,
            report.recovered,
            report.unavailable,
        )
    observe_tick(services, report)
    return report


def _budget(interval: float) -> float:
    """How long a tick takes on rows: a little under the interval, so the next run can go."""
    return interval - min(1.0, interval / 10)


def tip_reply(brain: Brain, cursor: int) -> Reply:
    """The brain's tip number `cursor`, titled as the daily tip, with a stop button."""
    reply = brain.tip(cursor)
    blocks = tuple(
        replace(block, text="💡 Your daily stretch tip") if block.style == "title" else block
        for block in reply.blocks
    )
    return replace(
        reply,
        blocks=blocks,
        actions=(*reply.actions, button("Stop daily tips", act.DailyButton("stop"))),
    )


def make_sender(bot: Bot, brain: Brain, store: BotStore | None = None) -> daily.Send:
    """`send` for `bot.daily.tick`: a tip message, with Telegram's errors told apart.

    HTML Telegram cannot parse goes out again at once as plain text (see `send`), so a tip
    with a render bug still arrives, once. With `store`, a subscriber whose tips follow them
    gets one about the areas they asked about (`bot.follow`).
    """

    async def send(sub: Subscription) -> None:
        index = sub.tip_cursor
        if store is not None:
            try:
                counts = store.topic_counts(sub.chat_id)
            except StoreError as exc:
                log.warning("Sending chat %s the usual tip: %s", sub.chat_id, exc)
                counts = {}
            index = follow.tip_index(brain.kb.tips, sub.tip_cursor, counts)
        reply = tip_reply(brain, index)
        try:
            await send_chunks(bot, sub.chat_id, render_html(reply), keyboard(reply.actions))
        except RetryAfter as exc:
            raise daily.RetryLater(retry_after_seconds(exc)) from exc
        except Forbidden as exc:
            raise daily.Blocked(str(exc)) from exc
        except TimedOut as exc:
            # Only a request that never left is safe to send again.
            if type(exc.__cause__).__name__ in ("ConnectTimeout", "PoolTimeout"):
                raise daily.Unavailable(str(exc)) from exc
            raise daily.MaybeDelivered(str(exc)) from exc
        except BadRequest as exc:
            raise daily.SendFailed(str(exc)) from exc
        except NetworkError as exc:  # the network or a 5xx, after the limiter's retries
            raise daily.Unavailable(str(exc)) from exc
        except TelegramError as exc:
            raise daily.SendFailed(str(exc)) from exc

    return send


# --- what people see ------------------------------------------------------------------------


def _when(moment: datetime, zone: str, now: datetime) -> str:
    """ "today at 07:30", "tomorrow at 07:30", "on Tuesday 3 June at 07:30" (local)."""
    tz = daily.load_zone(zone)
    local, today = moment.astimezone(tz), now.astimezone(tz).date()
    clock = local.strftime("%H:%M")
    if local.date() == today:
        return f"today at {clock}"
    if local.date() == today + timedelta(days=1):
        return f"tomorrow at {clock}"
    return f"on {local.strftime('%A')} {local.day} {local.strftime('%B')} at {clock}"


def _zone_of(sub: Subscription | None, defaults: daily.Defaults) -> str:
    return (sub.zone if sub else None) or defaults.zone


def _zone_note(sub: Subscription | None, defaults: daily.Defaults) -> str | None:
    if sub is not None and sub.zone:
        return None
    return (
        f"I'm using {daily.zone_label(defaults.zone)} time, because Telegram doesn't tell me "
        "your time zone. Which one is yours? Tap it below, or send /daily zone followed by "
        "yours (like /daily zone America/Toronto or /daily zone +05:30)."
    )


def _zone_actions() -> tuple[Action, ...]:
    zones = tuple(button(label, act.ZoneButton(zone)) for label, zone in COMMON_ZONES)
    return (*zones, button("Another zone…", act.ZoneButton(None)))


def status_reply(context: BotContext, sub: Subscription | None, lead: str | None = None) -> Reply:
    """What /daily shows: on or off, when, in which zone, and buttons to change it."""
    defaults: daily.Defaults = context.services.defaults
    now = context.services.clock()
    zone = _zone_of(sub, defaults)
    paragraphs = [lead] if lead else []
    if sub is not None and sub.next_send is not None:
        at = sub.local_time.strftime("%H:%M")
        paragraphs.append(
            f"Daily tips are on: one short stretch tip every day at {at} "
            f"({daily.zone_label(zone)} time). The next one comes "
            f"{_when(sub.next_send, zone, now)}."
        )
        actions: tuple[Action, ...] = (
            button("Change time", act.DailyButton("times")),
            button("Time zone", act.DailyButton("zones")),
            button("Stop daily tips", act.DailyButton("off")),
        )
        zone_note = _zone_note(sub, defaults)
        if zone_note:
            paragraphs.append(zone_note)
            actions = (
                *_zone_actions(),
                button("Change time", act.DailyButton("times")),
                button("Stop daily tips", act.DailyButton("off")),
            )
    else:
        at = (sub.local_time if sub else defaults.at).strftime("%H:%M")
        paragraphs.append(
            "Daily tips are off. I can send you one short stretch tip a day, at a time you "
            f"choose: tap Start for {at} ({daily.zone_label(zone)} time), or send "
            "/daily on 07:30 Europe/Berlin with your own time and zone."
        )
        actions = (
            button(f"Start at {at}", act.DailyButton("on")),
            button("Other time", act.DailyButton("times")),
            button("Time zone", act.DailyButton("zones")),
        )
    follow_lines, follow_actions = tg_follow.status(context, sub)
    return note(
        context,
        "daily",
        "daily.status",
        *paragraphs,
        *follow_lines,
        actions=(*actions, *follow_actions),
    )


def _usage_reply(context: BotContext, error: daily.UsageError) -> Reply:
    return note(context, "daily", "daily.usage", error.problem, error.usage)


def _turned_on(context: BotContext, sub: Subscription) -> Reply:
    return status_reply(context, sub, lead="Done! Daily stretch tips are on.")


def _turned_off(context: BotContext, sub: Subscription | None) -> Reply:
    if sub is None:
        lead = "Daily tips weren't on, so there was nothing to stop."
    else:
        lead = "Daily tips are off. You won't get any more until you turn them back on."
    return status_reply(context, sub, lead=lead)


# --- handlers -------------------------------------------------------------------------------


def _state(context: BotContext) -> tuple[BotStore, datetime, daily.Defaults]:
    """The store, now (aware UTC) and the defaults: what every daily handler starts from."""
    services = context.services
    return services.store, services.clock(), services.defaults


async def daily_command(update: Update, context: BotContext) -> None:
    """/daily [on [HH:MM] [ZONE] | off | zone ZONE]: show or change daily tips."""
    chat = update.effective_chat
    if chat is None:
        return
    following = tg_follow.command_of(context.args or [])
    if following is not None:  # /daily follow [off], /daily reset
        lead = tg_follow.apply(context, chat.id, following)
        store = context.services.store
        await send_reply(update, context, status_reply(context, store.get(chat.id), lead=lead))
        return
    try:
        command = daily.parse_args(context.args or [])
    except daily.UsageError as error:
        await send_reply(update, context, _usage_reply(context, error))
        return
    store, now, defaults = _state(context)
    if command.action == "on":
        sub = daily.turn_on(store, chat.id, now, defaults, at=command.at, zone=command.zone)
        reply = _turned_on(context, sub)
    elif command.action == "off":
        reply = _turned_off(context, daily.turn_off(store, chat.id, now))
    elif command.action == "zone":
        sub = daily.choose_zone(store, chat.id, now, defaults, command.zone or "UTC")
        reply = status_reply(context, sub, lead=_zone_set(sub))
    else:
        reply = status_reply(context, store.get(chat.id))
    await send_reply(update, context, reply)


async def on_follow_button(update: Update, context: BotContext) -> None:
    """The buttons of tips that follow the person: "follow:on", "follow:off", "follow:reset"."""
    query = update.callback_query
    chat = update.effective_chat
    if query is None or chat is None:
        return
    what = (query.data or "").partition(":")[2]
    if what not in tg_follow.WHATS:
        await answer(query, "That button has expired. Send /daily for fresh ones.")
        return
    await answer(query)
    lead = tg_follow.apply(context, chat.id, what)
    await edit_reply(
        query, context, status_reply(context, context.services.store.get(chat.id), lead=lead)
    )


def _zone_set(sub: Subscription) -> str:
    return f"Time zone set to {daily.zone_label(sub.zone or 'UTC')}."


async def on_daily_reply(update: Update, context: BotContext, reply: Reply) -> None:
    """Carry out a daily-tips request the brain recognised (free text or its button)."""
    chat = update.effective_chat
    if chat is None:
        return
    store, now, defaults = _state(context)
    message = update.message or update.edited_message
    text = (message.text or message.caption or "") if message is not None else ""
    if reply.intent == "daily.on":
        sub = daily.turn_on(store, chat.id, now, defaults, at=daily.time_in_text(text))
        outcome = _turned_on(context, sub)
    elif reply.intent == "daily.off":
        outcome = _turned_off(context, daily.turn_off(store, chat.id, now))
    else:
        outcome = status_reply(context, store.get(chat.id))
    await send_reply(update, context, outcome)


async def forget_command(update: Update, context: BotContext) -> None:
    """/forget: ask before deleting everything stored about this chat."""
    reply = note(
        context,
        "daily",
        "forget.ask",
        "This deletes everything I store about you: your daily tip settings (time, time zone, "
        "where you are in the tips), the areas your tips follow, and what I remember of our "
        "conversation. Delete it all?",
        actions=(
            button("Yes, delete it all", act.ForgetButton(True)),
            button("No, keep it", act.ForgetButton(False)),
        ),
    )
    await send_reply(update, context, reply)


async def on_button(update: Update, context: BotContext) -> None:
    """Buttons of the daily-tip family: "daily:...", "tz:..." and "forget:..." (bot.actions)."""
    query = update.callback_query
    chat = update.effective_chat
    if query is None or chat is None:
        return
    await answer(query)
    action = act.parse_daily(query.data)
    if isinstance(action, act.ForgetButton):
        await _forget(update, context, action.confirmed)
        return
    if isinstance(action, act.ZoneButton):
        await edit_reply(query, context, _zone_button(context, chat.id, action.zone))
        return
    reply = _daily_button(context, chat.id, action)
    if action == act.DailyButton("stop"):  # pressed under a tip: keep it, answer below
        await send_reply(update, context, reply)
        return
    await edit_reply(query, context, reply)


def _at(label: str) -> act.DailyAt:
    """The button for a time offered as "07:30"."""
    hour, minute = label.split(":")
    return act.DailyAt(int(hour), int(minute))


def _zone_button(context: BotContext, chat_id: int, zone: str | None) -> Reply:
    """What a zone button does: set the zone it names, or say how to type another one."""
    if zone is None:
        return note(
            context,
            "daily",
            "daily.zone",
            "Send /daily zone followed by your time zone, for example "
            "/daily zone America/Toronto, /daily zone Asia/Dubai or /daily zone +05:30.",
        )
    try:
        zone = daily.parse_zone(zone)
    except daily.UsageError as error:
        return _usage_reply(context, error)
    store, now, defaults = _state(context)
    sub = daily.choose_zone(store, chat_id, now, defaults, zone)
    return status_reply(context, sub, lead=_zone_set(sub))


def _daily_button(context: BotContext, chat_id: int, action: act.DailyAction | None) -> Reply:
    """What a "daily:..." button does: start, stop, offer times or zones, or set a time."""
    store, now, defaults = _state(context)
    if isinstance(action, act.DailyAt):
        at = time(action.hour, action.minute)
        return _turned_on(context, daily.turn_on(store, chat_id, now, defaults, at=at))
    what = action.what if isinstance(action, act.DailyButton) else None
    if what == "on":
        return _turned_on(context, daily.turn_on(store, chat_id, now, defaults))
    if what in ("off", "stop"):
        return _turned_off(context, daily.turn_off(store, chat_id, now))
    if what == "times":
        return note(
            context,
            "daily",
            "daily.times",
            "When would you like your daily tip? Or send /daily on HH:MM for any other time.",
            actions=tuple(button(t, _at(t)) for t in TIME_CHOICES),
        )
    if what == "zones":
        zone = daily.zone_label(_zone_of(store.get(chat_id), defaults))
        return note(
            context,
            "daily",
            "daily.zones",
            f"Your time zone is {zone} now. Which one is yours?",
            actions=_zone_actions(),
        )
    return note(
        context, "fallback", "stale", "That button has expired. Send /daily for fresh ones."
    )


async def _forget(update: Update, context: BotContext, confirmed: bool) -> None:
    query = update.callback_query
    chat = update.effective_chat
    assert query is not None and chat is not None
    if confirmed:
        store = context.services.store
        context.services.ops.tally.forget(chat.id)  # not even this week's visit is written
        had_tips = store.get(chat.id) is not None
        # the subscription and every conversation of the chat (each person's, in a group)
        store.delete(chat.id, scrub=True)
        text = (
            "Done: I've deleted everything I stored about you. Daily tips are off."
            if had_tips
            else "Done: I've cleared our conversation. I had no daily tip settings of yours."
        )
    else:
        text = "Okay, nothing was deleted."
    await edit_reply(query, context, note(context, "daily", "forget.done", text))
