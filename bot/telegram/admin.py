"""Commands for the people who run the bot (`ADMIN_IDS`): /stats and /announce.

To anyone else these commands do not exist: they get the answer any unknown command gets.

/stats
    This week (since Monday, UTC): how many people wrote (distinct chats, counted by a weekly
    salted hash, see `bot.stats`), today and last week; replies by kind; the share of "not
    understood" fallbacks; red flags by level; 👍 / 👎 and the answers with the most 👎;
    daily subscribers (and how many have tips that follow them) and this week's sends; and,
    when unanswered messages are kept (`STRETCHBOT_KEEP_UNANSWERED`), their most frequent
    topics.

/announce TEXT
    Shows the announcement as subscribers will see it, how many will get it and about how long
    it takes, with "Send" and "Cancel" buttons. Send goes to every subscriber with daily tips
    on, through the daily tips' pacer and the bot's rate limiter (so tips and the announcement
    together stay under `RATE_LIMIT_PER_SECOND`), in the background; the admin gets a summary
    at the end. One announcement at a time, whichever process sends it (the store refuses a
    second one while one is being sent). A person who blocked the bot is removed, as the daily
    tips do. `/announce` alone shows the last announcement's state. An announcement cut off by
    a restart is marked interrupted, with how far it got; it is not resumed.
"""

from __future__ import annotations

import asyncio
import logging
import re
from datetime import date, timedelta

from telegram import Bot, InlineKeyboardMarkup, Update
from telegram.error import Forbidden, RetryAfter, TelegramError

from bot import actions as act
from bot import review, stats
from bot.actions import button
from bot.render import render_html
from bot.reply import Action, Block, Reply
from bot.store import StoreError
from bot.store_ops import Announcement
from bot.telegram import handlers
from bot.telegram.keyboards import keyboard
from bot.telegram.ops import flush_tally
from bot.telegram.resilience import retry_after_seconds
from bot.telegram.send import answer, edit_reply, note, send_chunks, send_reply
from bot.telegram.services import BotContext, Services

_log = logging.getLogger(__name__)

#: longest announcement, in characters (it is split into messages Telegram accepts anyway)
MAX_ANNOUNCEMENT = 3500
#: how many subscribers are read from the store at a time, and how often progress is saved
PAGE = 200
PROGRESS_EVERY = 20
#: tries of one message through flood control before it counts as failed
MAX_FLOOD_WAITS = 5
#: unanswered messages grouped for /stats at most
STATS_UNANSWERED = 1000
ANNOUNCE_HEAD = "announce"
_COMMAND = re.compile(r"^/\S+[ \t]*\n?(.*)$", re.DOTALL)
_KIND_ORDER = ("answer", "stretch", "routine", "tip", "daily", "red_flag", "smalltalk", "help")
_LEVEL_NAMES = {
    "emergency": "emergency",
    "urgent": "urgent",
    "see_professional": "see a professional",
}


def is_admin(update: Update, services: Services) -> bool:
    """True when the person who sent the update is in ADMIN_IDS."""
    user = update.effective_user
    return user is not None and user.id in services.settings.admin_ids


def is_announce_data(data: object) -> bool:
    """Data of the announcement buttons ("announce:go:12", "announce:no:12")."""
    return isinstance(data, str) and data.startswith(ANNOUNCE_HEAD + ":")


# -- /stats ----------------------------------------------------------------------------------


async def stats_command(update: Update, context: BotContext) -> None:
    """/stats: this week's figures, for admins."""
    services = context.services
    if not is_admin(update, services):
        await handlers.unknown_command(update, context)
        return
    flush_tally(services)
    try:
        blocks = stats_blocks(services)
    except StoreError as exc:
        _log.warning("/stats: the database failed: %s", exc)
        blocks = (Block("para", "Sorry, the database did not answer. Try again in a moment."),)
    reply = Reply("help", "admin.stats", blocks, disclaimer=services.disclaimer)
    await send_reply(update, context, reply)


def _counts(
    counts: dict[str, int], order: tuple[str, ...] = (), names: dict[str, str] | None = None
) -> str:
    keys = [k for k in order if counts.get(k)] + sorted(
        k for k in counts if k not in order and counts[k]
    )
    if not keys:
        return "none"
    return ", ".join(f"{(names or {}).get(k, k)} {counts[k]}" for k in keys)


def stats_blocks(services: Services) -> tuple[Block, ...]:
    """What /stats shows."""
    store, settings, brain = services.store, services.settings, services.brain
    now = services.clock()
    today = now.date()
    monday = stats.week_start(today)
    week, last_week = stats.week_of(today), stats.week_of(today - timedelta(days=7))
    summary = stats.summarise(store.stats_counts(monday.isoformat()), monday.isoformat())
    replies = summary.replies
    total = sum(replies.values())
    not_understood = summary.fallbacks.get("not_understood", 0)
    rate = f"{100 * not_understood / total:.1f}%" if total else "n/a"
    lines = [
        f"People: {store.people_count(week)} this week, "
        f"{store.people_count(week, today.isoformat())} today "
        f"(last week: {store.people_count(last_week)})",
        f"Replies: {total} ({_counts(replies, (*_KIND_ORDER, 'fallback'))})",
        f"Not understood: {not_understood} of {total} replies ({rate}); all fallbacks: "
        f"{_counts(summary.fallbacks)}",
        "Red flags: "
        + _counts(
            {level: summary.red_flags.get(level, 0) for level in _LEVEL_NAMES} | summary.red_flags,
            tuple(_LEVEL_NAMES),
            _LEVEL_NAMES,
        ),
        _votes_line(services, monday),
        f"Daily tips: {store.count()} subscribers ({store.count_following()} with tips that "
        f"follow them); this week {_counts(summary.daily, ('sent', 'failed', 'blocked'))}",
    ]
    blocks = [
        Block("title", f"📊 This week (since Monday {monday.isoformat()}, UTC)"),
        Block("bullets", items=tuple(lines)),
    ]
    if settings.keep_unanswered:
        since = now - timedelta(days=settings.unanswered_days)
        texts = [text for text, _ in store.unanswered(since, STATS_UNANSWERED)]
        top = review.top_topics(review.group(brain, texts)) if texts else []
        shown = ", ".join(f"{topic} ({n})" for topic, n in top) or "none"
        blocks.append(
            Block(
                "para",
                f"Most frequent unanswered topics (last {settings.unanswered_days} days, "
                f"{len(texts)} messages): {shown}. Run stretchbot review for the messages.",
            )
        )
    else:
        blocks.append(
            Block(
                "para",
                "Unanswered messages are not kept (STRETCHBOT_KEEP_UNANSWERED is off), so "
                "there are no unanswered topics to show.",
            )
        )
    return tuple(blocks)


def _votes_line(services: Services, monday: date) -> str:
    votes = services.store.votes(monday.isoformat())
    up = sum(n for _i, _k, vote, n in votes if vote > 0)
    down = sum(n for _i, _k, vote, n in votes if vote < 0)
    worst = [(intent, n) for intent, _k, vote, n in votes if vote < 0][:3]
    line = f"Feedback: 👍 {up} · 👎 {down}"
    if worst:
        line += "; most 👎: " + ", ".join(f"{intent} ({n})" for intent, n in worst)
    return line


# -- /announce -------------------------------------------------------------------------------


def announcement_reply(services: Services, text: str) -> Reply:
    """The message subscribers get."""
    return Reply(
        "daily",
        "announcement",
        (Block("title", "📣 News from StretchBot"), *(Block("para", p) for p in _paragraphs(text))),
        actions=(button("Stop daily tips", act.DailyButton("stop")),),
        disclaimer=services.disclaimer,
    )


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def _state_line(found: Announcement) -> str:
    states = {
        "sending": "being sent",
        "done": "sent",
        "interrupted": "interrupted (the bot stopped while sending it)",
        "cancelled": "cancelled",
    }
    return (
        f"The last announcement ({found.created_at:%Y-%m-%d %H:%M} UTC) was "
        f"{states.get(found.state, found.state)}: {found.sent} delivered, {found.failed} failed, "
        f"{found.blocked} blocked, of {found.total} subscribers."
    )


async def announce_command(update: Update, context: BotContext) -> None:
    """/announce TEXT: a preview with Send and Cancel, for admins."""
    services = context.services
    if not is_admin(update, services):
        await handlers.unknown_command(update, context)
        return
    message = update.effective_message
    found = _COMMAND.match((message.text or "") if message else "")
    text = found[1].strip() if found else ""
    store, now = services.store, services.clock()
    if not text:
        latest = store.latest_announcement()
        lines = ["Usage: /announce followed by the text to send to every daily subscriber."]
        if latest is not None:
            lines.append(_state_line(latest))
        await send_reply(update, context, note(context, "help", "admin.announce", *lines))
        return
    if len(text) > MAX_ANNOUNCEMENT:
        await send_reply(
            update,
            context,
            note(
                context,
                "help",
                "admin.announce",
                f"That is {len(text)} characters; an announcement can have {MAX_ANNOUNCEMENT}.",
            ),
        )
        return
    sending = store.sending_announcement()
    if sending is not None:
        await send_reply(
            update,
            context,
            note(
                context,
                "help",
                "admin.announce",
                "An announcement is being sent right now "
                f"({sending.sent + sending.failed + sending.blocked} of {sending.total} done). "
                "Send yours once it has finished (/announce shows its state).",
            ),
        )
        return
    total = store.count()
    announcement_id = store.create_announcement(text, total, now)
    minutes = max(1, round(total / services.settings.rate_limit_per_second / 60))
    preview = announcement_reply(services, text)
    lead = (
        f"This goes to {total} daily subscriber(s), at the daily tips' pace (about {minutes} "
        "minute(s)). Here is what they will see:"
    )
    actions: tuple[Action, ...] = (
        Action(f"Send to {total}", f"{ANNOUNCE_HEAD}:go:{announcement_id}"),
        Action("Cancel", f"{ANNOUNCE_HEAD}:no:{announcement_id}"),
    )
    reply = Reply(
        "help",
        "admin.announce",
        (Block("para", lead), *preview.blocks),
        actions=actions,
        disclaimer=services.disclaimer,
    )
    await send_reply(update, context, reply)


async def on_announce_button(update: Update, context: BotContext) -> None:
    """Send or Cancel under an announcement's preview."""
    query = update.callback_query
    chat = update.effective_chat
    if query is None or chat is None:
        return
    services = context.services
    parts = (query.data or "").split(":")
    if not is_admin(update, services) or len(parts) != 3 or not parts[2].isdigit():
        await answer(query, "That button has expired.")
        return
    await answer(query)
    store, now = services.store, services.clock()
    what, announcement_id = parts[1], int(parts[2])
    found = store.announcement(announcement_id)
    if found is None or found.state != "draft":
        text = _state_line(found) if found is not None else "That announcement is gone."
        await edit_reply(query, context, note(context, "help", "admin.announce", text))
        return
    if what != "go":
        store.cancel_announcement(announcement_id, now)
        await edit_reply(
            query, context, note(context, "help", "admin.announce", "Cancelled: nothing was sent.")
        )
        return
    if services.ops.announcing is not None or not store.start_announcement(announcement_id, now):
        await edit_reply(
            query,
            context,
            note(
                context,
                "help",
                "admin.announce",
                "Another announcement is being sent right now; press Send again once it has "
                "finished.",
                actions=(
                    Action(f"Send to {found.total}", f"{ANNOUNCE_HEAD}:go:{announcement_id}"),
                    Action("Cancel", f"{ANNOUNCE_HEAD}:no:{announcement_id}"),
                ),
            ),
        )
        return
    await edit_reply(
        query,
        context,
        note(
            context,
            "help",
            "admin.announce",
            f"Sending the announcement to {store.count()} subscriber(s). I'll tell you when it "
            "is done.",
        ),
    )
    services.ops.announcing = asyncio.get_running_loop().create_task(
        broadcast(context.bot, services, found, chat.id), name=f"announcement-{found.id}"
    )


async def broadcast(bot: Bot, services: Services, found: Announcement, admin_chat: int) -> None:
    """Send an announcement to every subscriber, paced like the daily tips; then tell the
    admin. Progress is saved as it goes; a cancelled run (shutdown) is marked interrupted."""
    store, ops = services.store, services.ops
    reply = announcement_reply(services, found.text)
    chunks, markup = render_html(reply), keyboard(reply.actions)
    counts = {"sent": 0, "failed": 0, "blocked": 0}
    cursor: int | None = None
    state = "interrupted"

    def save(state: str = "sending") -> None:
        try:
            store.announcement_progress(
                found.id,
                cursor=cursor or 0,
                sent=counts["sent"],
                failed=counts["failed"],
                blocked=counts["blocked"],
                now=services.clock(),
                state=state,
            )
        except StoreError as exc:
            _log.warning("Could not save the announcement's progress: %s", exc)

    try:
        while page := store.subscribers_after(cursor, PAGE):
            for chat_id in page:
                outcome = await _send_one(bot, services, chat_id, chunks, markup)
                counts[outcome] += 1
                ops.metrics.announcement_sends.labels(outcome).inc()
                ops.tally.count(services.clock(), "announcement", outcome)
                cursor = chat_id
                if sum(counts.values()) % PROGRESS_EVERY == 0:
                    save()
        state = "done"
    except asyncio.CancelledError:
        _log.warning("Announcement %s interrupted after %s sends", found.id, sum(counts.values()))
        raise
    except Exception:
        _log.exception("Announcement %s failed", found.id)
    finally:
        save(state)
        ops.announcing = None
    summary = (
        f"Announcement {'sent' if state == 'done' else 'stopped'}: {counts['sent']} delivered, "
        f"{counts['failed']} failed, {counts['blocked']} blocked (their daily tips removed)."
    )
    _log.info(summary)
    try:
        await send_chunks(bot, admin_chat, render_html(_admin_note(services, summary)), None)
    except TelegramError as exc:
        _log.warning("Could not tell the admin the announcement is done: %s", exc)


def _admin_note(services: Services, text: str) -> Reply:
    return Reply("help", "admin.announce", (Block("para", text),), disclaimer=services.disclaimer)


async def _send_one(
    bot: Bot,
    services: Services,
    chat_id: int,
    chunks: list[str],
    markup: InlineKeyboardMarkup | None,
) -> str:
    """One subscriber's copy, through the daily pacer: sent, failed or blocked."""
    for _ in range(MAX_FLOOD_WAITS + 1):
        await services.pacer.acquire()
        try:
            await send_chunks(bot, chat_id, chunks, markup)
            return "sent"
        except RetryAfter as exc:
            services.pacer.pause(retry_after_seconds(exc))
        except Forbidden:
            _log.info("Chat %s blocked the bot; removing its daily tips.", chat_id)
            try:
                services.store.delete(chat_id)
            except StoreError as exc:
                _log.warning("Could not remove chat %s: %s", chat_id, exc)
            return "blocked"
        except TelegramError as exc:
            _log.warning("Announcement to chat %s failed: %s", chat_id, exc)
            return "failed"
    return "failed"


async def stop_announcing(services: Services) -> None:
    """At shutdown: cancel this process's announcement (its progress is saved)."""
    task = services.ops.announcing
    if task is None or task.done():
        return
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        pass
    except Exception as exc:  # pragma: no cover - broadcast logs its own failures
        _log.warning("The announcement ended with %s", type(exc).__name__)
