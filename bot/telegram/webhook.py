"""Webhook mode: our own small HTTP server in front of the application's update queue.

python-telegram-bot's webhook server answers a malformed update with 400 (so Telegram
delivers it again and again, and every update behind it waits) and logs it at CRITICAL with
its whole content; bad JSON gets 500. Here:

- the port is bound before anything is asked of Telegram, so a bad `WEBHOOK_LISTEN` or a busy
  port ends the start with one line and leaves no webhook registered;
- a request without the right secret gets 403, a body that is not a JSON object 400;
- an update that does not parse is acknowledged (200) and logged once, by id, without its
  content, so that it never blocks the queue;
- `/healthz` and `/metrics` (see `ops`) are served next to the webhook path;
- once a stop begins, an update whose request is still being read is answered 503 and not
  queued: closing the connections could otherwise cut off the 200 of an update that was
  queued (and is answered before the process exits), and Telegram, or the load balancer in
  front of several processes, would deliver it again;
- the application's life cycle (initialize, post_init, start, stop, shutdown, post_shutdown,
  the stop signals, `stop_running`) is the one `Application.run_webhook` follows.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import signal
import socket
from http import HTTPStatus
from typing import NoReturn
from urllib.parse import urlsplit

import tornado.web
from telegram import Update
from tornado.httpserver import HTTPServer

from bot.config import Settings
from bot.telegram import ops
from bot.telegram.resilience import log_malformed
from bot.telegram.services import BotApplication

_log = logging.getLogger(__name__)

#: Telegram's updates are a few kilobytes; anything far bigger is not one of them.
MAX_BODY_BYTES = 1024 * 1024
_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGABRT)


def listen(settings: Settings) -> list[socket.socket]:
    """The webhook's listening sockets, or a `ConfigError` that says why there are none."""
    return ops.bind(settings.webhook_listen, settings.webhook_port, "WEBHOOK", "listen")


class _Gate:
    """Open while updates are taken in; closed when the process begins to stop."""

    def __init__(self) -> None:
        self.open = True


class _UpdateHandler(tornado.web.RequestHandler):
    """POSTs from Telegram: check the secret, parse, queue."""

    SUPPORTED_METHODS = ("POST",)

    def initialize(self, bot_app: BotApplication, secret: str | None, gate: _Gate) -> None:
        self.bot_app = bot_app
        self.secret = secret
        self.gate = gate

    def set_default_headers(self) -> None:
        self.set_header("Content-Type", "application/json; charset=utf-8")

    async def post(self) -> None:
        if self.secret is not None:
            sent = self.request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
            if not hmac.compare_digest(sent.encode(), self.secret.encode()):
                _log.debug(
                    "Webhook request without the right secret from %s", self.request.remote_ip
                )
                self._answer(HTTPStatus.FORBIDDEN)
                return
        try:
            data = json.loads(self.request.body)
        except (ValueError, RecursionError):  # not UTF-8, not JSON, nested beyond reason
            data = None
        if not isinstance(data, dict):
            _log.warning("Webhook request whose body is not a JSON object: answered 400")
            self._answer(HTTPStatus.BAD_REQUEST)
            return
        if not self.gate.open:  # stopping: not queued, so delivering it again is no repeat
            self._answer(HTTPStatus.SERVICE_UNAVAILABLE)
            return
        bot = self.bot_app.bot
        try:
            update = Update.de_json(data, bot)
        except Exception as exc:
            log_malformed(data.get("update_id"), exc)
            self._answer(HTTPStatus.OK)  # acknowledged, so Telegram does not deliver it again
            return
        if update is not None:
            bot.insert_callback_data(update)
            await self.bot_app.update_queue.put(update)
        self._answer(HTTPStatus.OK)

    def _answer(self, status: HTTPStatus) -> None:
        self.set_status(status)
        self.finish(json.dumps({"ok": status == HTTPStatus.OK}))


def _server(application: BotApplication, settings: Settings, gate: _Gate) -> HTTPServer:
    assert settings.webhook_url
    path = "/" + urlsplit(settings.webhook_url).path.strip("/")
    app = tornado.web.Application(
        [
            (
                rf"{path.rstrip('/')}/?",
                _UpdateHandler,
                {"bot_app": application, "secret": settings.webhook_secret, "gate": gate},
            ),
            *ops.routes(application),  # /healthz and /metrics
        ],
        log_function=lambda handler: None,
    )
    return HTTPServer(app, max_body_size=MAX_BODY_BYTES)


def _raise_system_exit() -> NoReturn:
    raise SystemExit


def run_webhook(
    application: BotApplication, settings: Settings, allowed_updates: list[str]
) -> None:
    """Serve the webhook until a stop signal or `application.stop_running()`."""
    sockets = listen(settings)  # first: a port we cannot have must not leave a webhook set
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    for sig in _STOP_SIGNALS:
        loop.add_signal_handler(sig, _raise_system_exit)
    gate = _Gate()
    server = _server(application, settings, gate)
    try:
        loop.run_until_complete(application.initialize())
        if application.post_init:
            loop.run_until_complete(application.post_init(application))
        loop.run_until_complete(
            application.bot.set_webhook(
                url=settings.webhook_url or "",
                allowed_updates=allowed_updates,
                secret_token=settings.webhook_secret,
            )
        )
        loop.run_until_complete(application.start())
        server.add_sockets(sockets)
        _log.info(
            "Webhook server listening on %s:%s", settings.webhook_listen, settings.webhook_port
        )
        loop.run_forever()
    except (KeyboardInterrupt, SystemExit):
        _log.debug("Stop signal received; shutting down")
    finally:
        try:
            gate.open = False
            server.stop()
            loop.run_until_complete(server.close_all_connections())
            if application.running:
                loop.run_until_complete(application.stop())
                if application.post_stop:
                    loop.run_until_complete(application.post_stop(application))
            loop.run_until_complete(application.shutdown())
            if application.post_shutdown:
                loop.run_until_complete(application.post_shutdown(application))
        finally:
            for sock in sockets:
                sock.close()
            loop.close()
