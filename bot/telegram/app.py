"""StretchBot on Telegram: the python-telegram-bot `Application`, wired in one place.

`build_application(settings, brain)` builds the bot exactly as production runs it; the
end-to-end tests build it with the same function and point `TELEGRAM_API_BASE_URL` at a fake
Bot API server. `run_bot(settings, kb)` sets up logging (the token is scrubbed from every
record) and runs long polling, or a webhook server when `WEBHOOK_URL` is set:

    TELEGRAM_BOT_TOKEN=123:abc stretchbot run

Handlers get everything they need as `context.services` (see `services`); the module layout
is in the package docstring (`bot.telegram`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import traceback
from collections.abc import Callable
from typing import Any

from telegram import BotCommand, Update
from telegram.error import InvalidToken, NetworkError
from telegram.ext import (
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ExtBot,
    JobQueue,
    MessageHandler,
    TypeHandler,
)

from bot import actions as act
from bot import daily
from bot.brain import Brain
from bot.config import ConfigError, Settings, install_redacting_filter
from bot.feedback import is_vote_data
from bot.kb import KnowledgeBase
from bot.memory import settle
from bot.pictures import Pictures
from bot.stats import FLUSH_SECONDS
from bot.store import open_store
from bot.telegram import admin, conversations, filters, guide, guide_book, handlers, ops, webhook
from bot.telegram import daily as tg_daily
from bot.telegram import feedback as tg_feedback
from bot.telegram import follow as tg_follow
from bot.telegram.filters import PERSON_MESSAGES
from bot.telegram.flood import FloodGuard
from bot.telegram.guide import Guides
from bot.telegram.guide_book import GuideBook
from bot.telegram.observe import CountingRequest, Ops
from bot.telegram.photos import PhotoBook
from bot.telegram.resilience import PerChatUpdateProcessor, ResilientRateLimiter, TolerantBot
from bot.telegram.services import (
    CONTEXT_TYPES,
    SERVICES_KEY,
    BotApplication,
    BotContext,
    Services,
    services_of,
)
from bot.timer import Timing

_log = logging.getLogger(__name__)

#: The update types the bot handles; Telegram does not even send the others.
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
#: Callback data the daily-tips module handles itself.

COMMANDS = [
    ("start", "Welcome and quick buttons"),
    ("stretch", "A stretch for a muscle, e.g. /stretch calves"),
    ("routine", "A routine, e.g. /routine cooldown"),
    ("tip", "A stretching tip"),
    ("topics", "The muscles and areas I know"),
    ("daily", "One stretch tip a day"),
    ("help", "What I can do"),
    ("about", "About StretchBot, its sources and disclaimer"),
    ("forget", "Delete everything I store about you"),
]


async def _post_init(application: BotApplication) -> None:
    """Publish the command menu and say who we are; a failure here is logged, not fatal."""
    try:
        await application.bot.set_my_commands([BotCommand(name, text) for name, text in COMMANDS])
    except Exception as exc:
        _log.warning("Could not set the command menu: %s", exc)
    _log.info("StretchBot is online as @%s", application.bot.username)
    services = services_of(application)
    if services.ops.sockets:  # METRICS_PORT: /healthz and /metrics on a port of their own
        ops.serve_metrics(application, services.ops.sockets)


async def _post_stop(application: BotApplication) -> None:
    """Once no update or job is taken on any more, and before the bot's connections close:
    let the daily tips under way finish (see `tg_daily.DailyTick.finish`)."""
    await services_of(application).daily_tick.finish()


async def _post_shutdown(application: BotApplication) -> None:
    """End the guided routines still running, stop what runs beside the bot, write the usage
    counts, close the store."""
    services = services_of(application)
    services.guides.close()
    await admin.stop_announcing(services)
    await ops.stop_metrics(services.ops)
    for sock in services.ops.sockets:
        sock.close()
    ops.flush_tally(services)
    services.store.close()


def build_application(
    settings: Settings,
    brain: Brain,
    *,
    clock: Callable[[], float] = time.monotonic,
    daily_clock: daily.Clock = daily.utc_now,
    retry_backoff: float = 0.5,
    max_backoff: float = 30.0,
    request_timeout: float = 10.0,
    guide_timing: Timing | None = None,
) -> BotApplication:
    """The bot, wired: the same function builds it for production and for tests.

    `clock` (monotonic seconds) drives the flood guard and `daily_clock` (aware UTC) the daily
    tips; the other options tune retries and timeouts (tests use short ones so that faults
    clear quickly). `guide_timing` times guided routines (default: from the settings; tests
    pass one with a small `scale` to run a routine in seconds).
    """
    if not settings.token:
        raise ConfigError("TELEGRAM_BOT_TOKEN is not set: get one from @BotFather")
    observed = Ops()
    if settings.metrics_port is not None:  # bound now: a port we cannot have stops the start
        observed.sockets = ops.listen_metrics(settings)
    job_queue: JobQueue[BotContext] = JobQueue()
    application = (
        ApplicationBuilder()
        .bot(
            _make_bot(
                settings, settings.token, retry_backoff, max_backoff, request_timeout, observed
            )
        )
        .context_types(CONTEXT_TYPES)
        .job_queue(job_queue)
        .concurrent_updates(PerChatUpdateProcessor())
        .post_init(_post_init)
        .post_stop(_post_stop)
        .post_shutdown(_post_shutdown)
        .build()
    )
    store = open_store(settings.db_path)
    services = Services(
        settings=settings,
        brain=brain,
        store=store,
        flood=FloodGuard(settings.flood_limit, settings.flood_window, settings.flood_mute, clock),
        clock=daily_clock,
        defaults=daily.Defaults(settings.daily_default_time, settings.daily_default_tz),
        pacer=daily.Pacer(settings.rate_limit_per_second),
        disclaimer=brain.welcome().disclaimer,
        photos=PhotoBook(Pictures(settings.picture_folder)),
        ops=observed,
        guides=Guides(
            guide_timing or timing_of(settings), book=GuideBook(store, clock=daily_clock)
        ),
        daily_tick=tg_daily.DailyTick(),
    )
    application.bot_data[SERVICES_KEY] = services
    tg_daily.recover_interrupted(services)
    ops.recover_announcements(services)
    _add_handlers(application)
    job_queue.run_repeating(
        services.daily_tick.run,
        interval=settings.daily_tick_seconds,
        first=min(1.0, settings.daily_tick_seconds),
        name=tg_daily.JOB_NAME,
        # Ticks may overlap while one waits for slow answers; `DailyTick` decides which run.
        job_kwargs={"max_instances": 3, "coalesce": True, "misfire_grace_time": None},
    )
    purge_every = conversations.purge_interval(settings.conversation_hours)
    job_queue.run_repeating(
        conversations.purge, interval=purge_every, first=purge_every, name=conversations.PURGE_JOB
    )
    heartbeat = services.guides.timing.heartbeat
    job_queue.run_repeating(
        guide_book.heartbeat, interval=heartbeat, first=0.0, name=guide_book.HEARTBEAT_JOB
    )
    job_queue.run_repeating(
        ops.flush,
        interval=FLUSH_SECONDS,
        first=FLUSH_SECONDS,
        name=ops.FLUSH_JOB,
    )
    job_queue.run_repeating(
        ops.housekeeping, interval=ops.HOUSEKEEPING_SECONDS, first=5.0, name=ops.HOUSEKEEPING_JOB
    )
    job_queue.run_repeating(
        ops.probe, interval=ops.PROBE_SECONDS, first=ops.PROBE_SECONDS, name=ops.PROBE_JOB
    )
    return application


def timing_of(settings: Settings) -> Timing:
    """How guided routines are timed, from the settings."""
    return Timing(
        tick=settings.guide_tick_seconds,
        rest=settings.guide_rest_seconds,
        edit_rate=settings.guide_edit_rate,
        heartbeat=settings.guide_heartbeat_seconds,
    )


def _make_bot(
    settings: Settings,
    token: str,
    retry_backoff: float,
    max_backoff: float,
    request_timeout: float,
    observed: Ops,
) -> ExtBot[int]:
    """The bot object: `TolerantBot` behind `ResilientRateLimiter`, with the given timeouts;
    its requests counted and timed for the metrics and /healthz (`CountingRequest`)."""
    rate_limiter = ResilientRateLimiter(
        overall_max_rate=settings.rate_limit_per_second,
        retry_seconds=settings.retry_seconds,
        backoff=retry_backoff,
        max_backoff=max_backoff,
    )
    return TolerantBot(
        token=token,
        base_url=settings.api_base_url,
        request=CountingRequest(
            observed, read_timeout=request_timeout, write_timeout=request_timeout, pool_timeout=5.0
        ),
        get_updates_request=CountingRequest(
            observed,
            connection_pool_size=2,
            read_timeout=request_timeout,
            write_timeout=request_timeout,
        ),
        rate_limiter=rate_limiter,
    )


def _add_handlers(application: BotApplication) -> None:
    """Every handler, in one place: the flood guard first, then the guide's interruption (a
    new message ends a running routine), then commands, text and buttons."""
    commands = PERSON_MESSAGES
    # metrics and usage counts: before everything, and after every handler
    application.add_handler(TypeHandler(Update, ops.begin_update), group=-3)
    application.add_handler(TypeHandler(Update, ops.end_update), group=100)
    application.add_handler(TypeHandler(Update, handlers.guard_flood), group=-2)
    # a new message or button ends a running guided routine's timer
    application.add_handler(TypeHandler(Update, guide.interrupt), group=-1)
    # admin commands (to anyone else: the unknown-command answer), feedback and follow buttons
    application.add_handler(CommandHandler("stats", admin.stats_command, filters=commands))
    application.add_handler(CommandHandler("announce", admin.announce_command, filters=commands))
    application.add_handler(
        CallbackQueryHandler(admin.on_announce_button, pattern=admin.is_announce_data)
    )
    application.add_handler(CallbackQueryHandler(tg_feedback.on_vote, pattern=is_vote_data))
    application.add_handler(
        CallbackQueryHandler(tg_daily.on_follow_button, pattern=tg_follow.is_follow_data)
    )
    application.add_handler(CommandHandler("daily", tg_daily.daily_command, filters=commands))
    application.add_handler(CommandHandler("forget", tg_daily.forget_command, filters=commands))
    application.add_handler(CallbackQueryHandler(tg_daily.on_button, pattern=act.is_daily_family))
    application.add_handler(CommandHandler("start", handlers.start, filters=commands))
    application.add_handler(CommandHandler("help", handlers.help_command, filters=commands))
    application.add_handler(CommandHandler("about", handlers.about, filters=commands))
    application.add_handler(CommandHandler("tip", handlers.tip, filters=commands))
    application.add_handler(CommandHandler("topics", handlers.topics, filters=commands))
    application.add_handler(CommandHandler("stretch", handlers.stretch, filters=commands))
    application.add_handler(CommandHandler("routine", handlers.routine, filters=commands))
    application.add_handler(MessageHandler(filters.UNKNOWN_COMMAND, handlers.unknown_command))
    application.add_handler(MessageHandler(filters.TEXT, handlers.on_text))
    application.add_handler(MessageHandler(filters.MEDIA, handlers.on_non_text))
    # every other button, well formed or not, is the brain's (it answers stale data politely)
    application.add_handler(CallbackQueryHandler(handlers.on_button, pattern=_not_daily))
    application.add_error_handler(handlers.on_error)


def _not_daily(data: object) -> bool:
    return not act.is_daily_family(data)


def polling_options() -> dict[str, Any]:
    """`run_polling` / `Updater.start_polling` arguments."""
    return {"allowed_updates": ALLOWED_UPDATES, "bootstrap_retries": 5}


def configure_logging(settings: Settings) -> None:
    """Log to stderr at LOG_LEVEL with the token and webhook secret scrubbed from every record."""
    logging.basicConfig(
        format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=settings.log_level
    )
    logging.getLogger().setLevel(settings.log_level)
    logging.captureWarnings(True)
    # httpx logs every request URL at INFO, and a Bot API URL contains the token.
    for noisy in ("httpx", "httpcore", "apscheduler"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    install_redacting_filter(*settings.secrets)
    logging.getLogger("telegram.ext").addFilter(_no_token_traceback)
    logging.getLogger(_JOB_EXECUTOR_LOGGER).addFilter(_job_cancelled_at_shutdown)


#: the logger of the job queue's executor (APScheduler's default executor)
_JOB_EXECUTOR_LOGGER = "apscheduler.executors.default"


def _job_cancelled_at_shutdown(record: logging.LogRecord) -> bool:
    """A job still running when the bot stops is cancelled by the job queue, which logs it as
    an error with a traceback ("Error running job ..."). That is the stop doing its work, not
    a fault: one INFO line, no traceback. Any other job error keeps its traceback."""
    error = record.exc_info[1] if record.exc_info else None
    if isinstance(error, asyncio.CancelledError):
        record.msg = f"{record.getMessage()}: cancelled as the bot stopped"
        record.args = ()
        record.levelno, record.levelname = logging.INFO, logging.getLevelName(logging.INFO)
        record.exc_info = None
        record.exc_text = None
    return True


def _no_token_traceback(record: logging.LogRecord) -> bool:
    """Keep PTB's line for a refused token or an unreachable API, with the error's text, but
    not its 50-line traceback: `run_bot` ends with one clear line of its own, and the
    traceback of a refusal or a lost connection says nothing more."""
    error = record.exc_info[1] if record.exc_info else None
    if isinstance(error, (InvalidToken, NetworkError)):
        record.msg = f"{record.getMessage()} ({type(error).__name__}: {error})"
        record.args = ()
        record.exc_info = None
        record.exc_text = None
    return True


#: the name python-telegram-bot gives its polling task
_POLLING_TASK = "Updater:start_polling:polling_task"


def _watch_polling(application: BotApplication, failures: list[BaseException]) -> None:
    """Stop the bot when its polling loop ends on its own.

    On a 401 (a token revoked while running) python-telegram-bot ends the loop and keeps the
    process up, answering nothing, and Ctrl+C then exits 0, so no supervisor restarts it. The
    failure is kept so that `run_bot` can end with an error instead.
    """
    original = application.post_init
    watchers: list[asyncio.Task[None]] = []  # a task nobody holds may be collected

    async def post_init(app: BotApplication) -> None:
        if original is not None:
            await original(app)
        watchers.append(asyncio.get_running_loop().create_task(_attach(app)))

    async def _attach(app: BotApplication) -> None:
        for _ in range(1200):  # the task starts right after post_init
            task = _polling_task(app)
            if task is not None:
                task.add_done_callback(lambda t: _ended(app, t))  # runs at once if it is done
                return
            await asyncio.sleep(0.05)
        _log.warning("Could not watch the polling loop: a lost token will not stop the bot")

    def _ended(app: BotApplication, task: asyncio.Task[Any]) -> None:
        if task.cancelled() or task.exception() is None or not app.running:
            return
        failures.append(task.exception())  # type: ignore[arg-type]
        _log.error("Telegram stopped answering our polling; shutting down so it can restart")
        watchers.append(asyncio.get_running_loop().create_task(_shut_down(app)))

    async def _shut_down(app: BotApplication) -> None:
        # stopping the updater re-raises the polling task's error; stopped here, the rest of
        # the shutdown (the application, the store) runs as after Ctrl+C
        if app.updater is not None and app.updater.running:
            with contextlib.suppress(Exception):
                await app.updater.stop()
        app.stop_running()

    application.post_init = post_init


def _polling_task(app: BotApplication) -> asyncio.Task[Any] | None:
    """python-telegram-bot's polling task: it has no public handle, so the private attribute
    (kept until stop, even once the task has ended), else a running task by its name."""
    task = getattr(app.updater, "_Updater__polling_task", None)
    if isinstance(task, asyncio.Task):
        return task
    return next((t for t in asyncio.all_tasks() if t.get_name() == _POLLING_TASK), None)


def run_bot(settings: Settings, kb: KnowledgeBase) -> None:
    """Run StretchBot on Telegram until interrupted: long polling, or a webhook if configured."""
    configure_logging(settings)
    application = build_application(settings, Brain(kb))
    settle()  # the knowledge base stays out of the garbage collector's way
    failures: list[BaseException] = []
    if not settings.webhook_url:
        _watch_polling(application, failures)
    mode = f"webhook on {settings.webhook_listen}:{settings.webhook_port}"
    _log.info("Starting StretchBot (%s)", mode if settings.webhook_url else "long polling")
    try:
        if settings.webhook_url:
            webhook.run_webhook(application, settings, ALLOWED_UPDATES)
        else:
            application.run_polling(**polling_options())
        if failures:
            raise failures[0]
    except InvalidToken:
        raise ConfigError(
            "Telegram rejected TELEGRAM_BOT_TOKEN: copy the token from @BotFather again "
            "(and check TELEGRAM_API_BASE_URL)"
        ) from None
    except NetworkError as exc:  # only start-up lets one through: later, loops retry
        detail = str(exc)
        if any(secret in detail for secret in settings.secrets):
            detail = type(exc).__name__
        raise ConfigError(
            f"could not reach Telegram at TELEGRAM_API_BASE_URL ({detail}); check the address "
            "and the network"
        ) from None
    except Exception as exc:
        details = "".join(traceback.format_exception(exc))
        if not any(secret in details for secret in settings.secrets):
            raise
        _log.critical("StretchBot stopped", exc_info=exc)  # scrubbed by the filter
        raise RuntimeError(f"StretchBot stopped: {type(exc).__name__} (details logged)") from None
