"""Operations on Telegram: what every update and reply adds to the metrics and the usage tally,
the jobs that write the tally and delete what is past its time, and `/healthz` and `/metrics`.

- `begin_update` (before the flood guard) and `end_update` (after every handler) count updates
  by kind, remember that the chat wrote this week (as a hash, see `bot.stats`) and time the
  handling for `stretchbot_reply_seconds`.
- `observe_reply` runs for every reply sent or edited in (`bot.telegram.send`): replies by kind,
  fallbacks by reason, red flags by level; the 👍 / 👎 buttons under answers and stretches;
  the topic count of a chat whose tips follow it; and, when the operator opted in, the
  cleaned text of a message that was not understood.
- Jobs: `flush` writes the tally every `bot.stats.FLUSH_SECONDS`; `housekeeping` (hourly)
  deletes old counters, salts, votes, unanswered texts and announcements and marks an
  announcement cut off by a crash; `probe` asks Telegram `getMe` when nothing else has
  succeeded for a minute, so that an idle webhook bot stays healthy.
- `HealthHandler` and `MetricsHandler` are served by the webhook server and, with
  `METRICS_PORT`, by a server of their own (`serve_metrics`), in polling mode too.
"""

from __future__ import annotations

import json
import logging
import socket
import time
from datetime import timedelta
from http import HTTPStatus

import tornado.web
from telegram import Update
from telegram.error import TelegramError
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets

from bot import daily, feedback, review, stats
from bot.config import ConfigError, Settings
from bot.kb import GENERAL
from bot.reply import Reply
from bot.store import StoreError
from bot.store_ops import ANNOUNCEMENT_DAYS, ANNOUNCEMENT_STALE_SECONDS, FEEDBACK_DAYS
from bot.telegram.observe import Ops, fallback_reason
from bot.telegram.services import BotApplication, BotContext, Services, services_of

_log = logging.getLogger(__name__)

FLUSH_JOB = "ops-flush"
HOUSEKEEPING_JOB = "ops-housekeeping"
PROBE_JOB = "telegram-probe"
HOUSEKEEPING_SECONDS = 3600.0
PROBE_SECONDS = 60.0
#: timings of updates whose handling never reached `end_update` are dropped past this many
MAX_STARTED = 10_000


# -- updates ---------------------------------------------------------------------------------


def update_kind(update: Update) -> str:
    """The `kind` label of an update."""
    if update.callback_query is not None:
        return "callback_query"
    if update.edited_message is not None:
        return "edited_message"
    if update.message is not None:
        text = update.message.text or ""
        return "command" if text.startswith("/") else "message"
    return "other"


async def begin_update(update: Update, context: BotContext) -> None:
    """Runs first for every update: count it, note the chat for this week, start its clock."""
    services = context.services
    ops = services.ops
    ops.metrics.updates.labels(update_kind(update)).inc()
    now = services.clock()
    ops.tally.count(now, "update", update_kind(update))
    chat = update.effective_chat
    if chat is not None and (update.effective_message is not None or update.callback_query):
        ops.tally.saw(now, chat.id)
    if len(ops.started) >= MAX_STARTED:  # updates the flood guard stopped never reach the end
        ops.started.clear()
    ops.started[update.update_id] = time.monotonic()


async def end_update(update: Update, context: BotContext) -> None:
    """Runs last for every update that was handled: observe how long it took."""
    ops = context.services.ops
    started = ops.started.pop(update.update_id, None)
    if started is not None:
        ops.metrics.reply_seconds.observe(time.monotonic() - started)


# -- replies ---------------------------------------------------------------------------------


def observe_reply(
    update: Update | None, context: BotContext, reply: Reply, *, edit: bool = False
) -> Reply:
    """Count a reply on its way out; return it as it should be sent (with 👍 / 👎 under an
    answer or a stretch that is sent anew)."""
    services = context.services
    ops = services.ops
    now = services.clock()
    kind = reply.kind
    ops.metrics.replies.labels(kind).inc()
    ops.tally.count(now, "reply", kind)
    if kind == "fallback":
        reason = fallback_reason(reply.intent)
        ops.metrics.fallbacks.labels(reason).inc()
        ops.tally.count(now, "fallback", reason)
        if reason == "not_understood" and update is not None and not edit:
            _keep_unanswered(update, context)
    elif kind == "red_flag":
        level = _level(services, reply.intent)
        ops.metrics.red_flags.labels(level).inc()
        ops.tally.count(now, "red_flag", level)
    elif kind in ("answer", "stretch"):
        chat = update.effective_chat if update is not None else None
        topic = reply.topic
        if chat is not None and topic and topic != GENERAL and topic in services.brain.kb.topics:
            try:
                services.store.bump_topic(chat.id, topic, now)
            except StoreError as exc:
                _log.warning("Could not count a topic for chat %s: %s", chat.id, exc)
        if not edit:
            return feedback.with_buttons(reply, now.date())
    return reply


def _level(services: Services, intent: str) -> str:
    flag = services.brain.kb.red_flags.get(intent.partition(".")[2])
    return flag.level if flag is not None else "other"


def _keep_unanswered(update: Update, context: BotContext) -> None:
    """With STRETCHBOT_KEEP_UNANSWERED: the cleaned text of a message not understood."""
    services = context.services
    settings = services.settings
    message = update.effective_message
    if not settings.keep_unanswered or message is None:
        return
    text = message.text if message.text is not None else message.caption
    if not text or text.startswith("/"):
        return
    kept = review.clean(text, settings.secrets, context.bot.username)
    if not kept:
        return
    try:
        services.store.add_unanswered(kept, services.clock())
    except StoreError as exc:
        _log.warning("Could not keep an unanswered message: %s", exc)


# -- jobs ------------------------------------------------------------------------------------


def flush_tally(services: Services) -> None:
    """Write the tally to the store: counters, and this week's chats as hashes. On failure it
    is kept for the next try."""
    taken = services.ops.tally.take()
    if not taken:
        return
    store = services.store
    try:
        people: dict[str, dict[str, str]] = {}
        for week, seen in taken.people.items():
            salt = store.week_salt(week)
            people[week] = {stats.person_hash(salt, chat_id): day for chat_id, day in seen.items()}
        store.add_stats(dict(taken.counts), people)
    except StoreError as exc:
        services.ops.tally.merge(taken)
        _log.warning("Could not write the usage counts (kept for the next try): %s", exc)


async def flush(context: BotContext) -> None:
    """The repeating job: write the tally."""
    flush_tally(context.services)


def housekeep(services: Services) -> None:
    """Delete what is past its time; mark announcements cut off by a crash."""
    store, now, settings = services.store, services.clock(), services.settings
    today = now.date()
    try:
        store.purge_stats(
            before_day=(today - timedelta(days=stats.COUNTER_DAYS)).isoformat(),
            before_week=stats.week_of(today - timedelta(days=7)),
            salts_before=stats.week_of(today),
        )
        store.purge_votes((today - timedelta(days=FEEDBACK_DAYS)).isoformat())
        store.purge_unanswered(now - timedelta(days=settings.unanswered_days))
        store.purge_announcements(now - timedelta(days=ANNOUNCEMENT_DAYS))
        if services.ops.announcing is None or store.shared:
            store.interrupt_stale_announcements(now - timedelta(seconds=ANNOUNCEMENT_STALE_SECONDS))
    except StoreError as exc:
        _log.warning("Housekeeping of the usage tables failed: %s", exc)


async def housekeeping(context: BotContext) -> None:
    """The repeating job: `housekeep`."""
    housekeep(context.services)


async def probe(context: BotContext) -> None:
    """The repeating job: ask Telegram something cheap when nothing succeeded for a while."""
    age = context.services.ops.health.age()
    if age is not None and age < PROBE_SECONDS:
        return
    try:
        await context.bot.get_me()
    except TelegramError as exc:
        _log.warning("Telegram did not answer the health probe: %s", exc)


def recover_announcements(services: Services) -> None:
    """At start-up: an announcement left "sending" by a process that died is interrupted (on
    SQLite every one is; on PostgreSQL those without progress for a while)."""
    store, now = services.store, services.clock()
    stale = ANNOUNCEMENT_STALE_SECONDS if store.shared else -1
    try:
        if store.interrupt_stale_announcements(now - timedelta(seconds=stale)):
            _log.warning("An announcement was cut off by a restart; marked as interrupted.")
    except StoreError as exc:
        _log.warning("Could not check for interrupted announcements: %s", exc)


def observe_tick(services: Services, report: daily.TickReport) -> None:
    """After a daily tick: its sends, the backlog left and the subscribers."""
    ops, now = services.ops, services.clock()
    outcomes = {
        "sent": report.sent,
        "failed": report.failed + report.gave_up,
        "blocked": report.blocked,
    }
    for outcome, n in outcomes.items():
        if n:
            ops.metrics.daily_sends.labels(outcome).inc(n)
            ops.tally.count(now, "daily", outcome, n)
    try:
        ops.metrics.daily_backlog.set(services.store.count_due(now))
        ops.metrics.daily_subscribers.set(services.store.count())
    except StoreError as exc:
        _log.warning("Could not measure the daily backlog: %s", exc)


# -- /healthz and /metrics -------------------------------------------------------------------


def health(services: Services) -> tuple[HTTPStatus, dict[str, object]]:
    """The store answers a trivial query and Telegram answered recently: 200, else 503."""
    try:
        services.store.ping()
        store_ok = True
    except StoreError as exc:
        _log.warning("Health check: the database failed: %s", exc)
        store_ok = False
    age = services.ops.health.age()
    max_age = services.settings.health_max_age
    telegram_ok = age is not None and age <= max_age
    ok = store_ok and telegram_ok
    body: dict[str, object] = {
        "status": "ok" if ok else "unavailable",
        "store": "ok" if store_ok else "failing",
        "telegram": {
            "ok": telegram_ok,
            "last_success_seconds_ago": None if age is None else round(age, 1),
            "max_age_seconds": max_age,
        },
    }
    return (HTTPStatus.OK if ok else HTTPStatus.SERVICE_UNAVAILABLE), body


class HealthHandler(tornado.web.RequestHandler):
    """GET /healthz: 200 or 503 with a small JSON body (no ids, no secrets)."""

    SUPPORTED_METHODS = ("GET", "HEAD")

    def initialize(self, bot_app: BotApplication) -> None:
        self.bot_app = bot_app

    def get(self) -> None:
        status, body = health(services_of(self.bot_app))
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps(body))

    def head(self) -> None:
        status, _ = health(services_of(self.bot_app))
        self.set_status(status)
        self.finish()


class MetricsHandler(tornado.web.RequestHandler):
    """GET /metrics: the Prometheus text format."""

    SUPPORTED_METHODS = ("GET",)

    def initialize(self, bot_app: BotApplication) -> None:
        self.bot_app = bot_app

    def get(self) -> None:
        body, content_type = services_of(self.bot_app).ops.metrics.exposition()
        self.set_header("Content-Type", content_type)
        self.finish(body)


def routes(application: BotApplication) -> list[tuple[str, type, dict[str, object]]]:
    """The tornado routes of /healthz and /metrics."""
    args: dict[str, object] = {"bot_app": application}
    return [(r"/healthz", HealthHandler, args), (r"/metrics", MetricsHandler, args)]


def bind(address: str, port: int, setting: str, what: str) -> list[socket.socket]:
    """Sockets listening on `address:port`, or a `ConfigError` in one line that names the
    settings (`setting`_LISTEN / `setting`_PORT): an address this machine does not have, or a
    port another program holds. `what` says what the port is for ("listen", "serve /metrics")."""
    try:
        return bind_sockets(port, address=address)
    except socket.gaierror as exc:
        raise ConfigError(
            f"{setting}_LISTEN: {address!r} is not an address of this machine "
            f"({exc.strerror}); use an address such as 127.0.0.1 or 0.0.0.0"
        ) from None
    except OSError as exc:
        raise ConfigError(
            f"cannot {what} on {address}:{port} ({exc.strerror or exc}): is another program "
            f"using the port? Set {setting}_LISTEN / {setting}_PORT"
        ) from None


def listen_metrics(settings: Settings) -> list[socket.socket]:
    """The sockets of METRICS_PORT, or a `ConfigError` that says why there are none."""
    assert settings.metrics_port is not None
    return bind(settings.metrics_listen, settings.metrics_port, "METRICS", "serve /metrics")


def serve_metrics(application: BotApplication, sockets: list[socket.socket]) -> None:
    """Serve /healthz and /metrics on `sockets` (called with the event loop running)."""
    app = tornado.web.Application(routes(application), log_function=lambda handler: None)
    server = HTTPServer(app)
    server.add_sockets(sockets)
    services_of(application).ops.server = server
    _log.info("Serving /healthz and /metrics on port %s", sockets[0].getsockname()[1])


async def stop_metrics(ops: Ops) -> None:
    """Stop the METRICS_PORT server, if there is one."""
    server = ops.server
    if isinstance(server, HTTPServer):
        server.stop()
        await server.close_all_connections()
        ops.server = None
