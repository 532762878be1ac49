"""The real `python -m bot run` in a subprocess: the token never shows, webhook mode is guarded.

Everything the process prints (all logs at DEBUG, tracebacks, the final error line) is
captured and searched for the token, its secret half, the webhook secret and the database
password.
"""

from __future__ import annotations

import asyncio
import socket

import aiohttp
import pytest

from .fakebotapi import TOKEN

BAD_TOKEN = "987654321:AAF-rejected_Token_0123456789abcdef"
SECRET = "webhook-Secret_0123456789"


def assert_no_secrets(output: str, *secrets: str) -> None:
    for secret in secrets:
        _, _, tail = secret.partition(":")  # a token's secret half is as bad as the whole
        for form in {secret, tail} - {""}:
            assert form not in output


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_a_rejected_token_stops_the_start_with_one_clear_line_and_no_token(api, spawn_bot):
    process = await spawn_bot(
        TELEGRAM_BOT_TOKEN=BAD_TOKEN, TELEGRAM_API_BASE_URL=api.base_url, LOG_LEVEL="DEBUG"
    )
    code = await process.wait(timeout=60)
    assert code != 0
    assert "rejected TELEGRAM_BOT_TOKEN" in process.output
    assert "Traceback" not in process.output, "one clear line, not PTB's traceback"
    assert api.calls_to("getMe")[0].status == 401, "the bot really tried, and was refused"
    assert_no_secrets(process.output, BAD_TOKEN)


async def test_a_malformed_token_is_refused_before_any_request(api, spawn_bot):
    process = await spawn_bot(
        TELEGRAM_BOT_TOKEN="not a token " + BAD_TOKEN, TELEGRAM_API_BASE_URL=api.base_url
    )
    assert await process.wait(timeout=60) != 0
    assert "TELEGRAM_BOT_TOKEN does not look like a bot token" in process.output
    assert api.calls == []
    assert_no_secrets(process.output, BAD_TOKEN)


async def test_a_whole_session_at_debug_level_never_logs_the_token(api, spawn_bot):
    process = await spawn_bot(
        TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=api.base_url, LOG_LEVEL="DEBUG"
    )
    await api.wait_for(lambda: api.commands, timeout=60, what="the bot to start")
    chat, blocked = api.chat(3001), api.chat(3002)
    chat.send("/start")
    welcome = await chat.next_message()
    api.fault("sendMessage", status=500)
    chat.send("why is my psoas tight?")
    await chat.next_message()
    api.fault("sendMessage", status=429, retry_after=1)
    chat.press("Cooldown", message=welcome)
    await chat.next_message()
    api.inject_raw({"message": "malformed"})
    api.block(blocked.id)
    blocked.send("/tip")
    chat.send("please explode with the token " + TOKEN)
    await chat.next_message()
    await api.wait_for(lambda: any(c.status == 403 for c in api.calls_to("sendMessage")))

    assert await process.stop() == 0
    assert "StretchBot is online as @StretchTestBot" in process.output
    assert "Skipped malformed update" in process.output
    assert "[REDACTED]" in process.output, "PTB does log the token at DEBUG; it was scrubbed"
    assert_no_secrets(process.output, TOKEN)


@pytest.mark.postgres
async def test_a_session_on_postgres_at_debug_level_never_logs_the_database_password(
    api, spawn_bot, postgres
):
    password = "db-Pa55word-hunter2"
    url = postgres.new_database().replace("postgres@", f"postgres:{password}@")
    process = await spawn_bot(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=api.base_url,
        LOG_LEVEL="DEBUG",
        STRETCHBOT_DB=url,
    )
    await api.wait_for(lambda: api.commands, timeout=60, what="the bot to start")
    chat = api.chat(3101)
    chat.send("why is my psoas tight?")
    await chat.next_message()
    with postgres.admin() as db:  # the server drops the bot's connection
        db.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE application_name = 'stretchbot'"
        )
    chat.send("how do I stretch it?")  # answered, with or without its context
    await chat.next_message()
    chat.send("/daily on 08:00")
    assert "Daily tips are on" in (await chat.next_message()).text

    assert await process.stop() == 0
    assert "Reconnecting to the database postgresql://postgres:[REDACTED]@" in process.output
    assert password not in process.output


async def webhook_bot(api, spawn_bot, path: str, **env: str):
    """`python -m bot run` in webhook mode; returns it and its local URL once registered."""
    port = free_port()
    process = await spawn_bot(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=api.base_url,
        WEBHOOK_URL=f"https://stretchbot.example.org/{path}",
        WEBHOOK_SECRET=SECRET,
        WEBHOOK_PORT=str(port),
        **env,
    )
    await api.wait_for(lambda: api.webhook.get("url"), timeout=60, what="setWebhook")
    return process, f"http://127.0.0.1:{port}/{path}"


async def until_listening(session, url: str, headers: dict | None = None) -> None:
    """The server starts listening just after setWebhook."""
    for _ in range(100):
        try:
            async with session.post(url, json={"update_id": 1}, headers=headers or {}):
                return
        except aiohttp.ClientConnectionError:
            await asyncio.sleep(0.2)


async def test_webhook_mode_rejects_requests_without_the_secret(api, spawn_bot):
    process, url = await webhook_bot(api, spawn_bot, "telegram/hook", LOG_LEVEL="DEBUG")
    assert api.webhook["url"] == "https://stretchbot.example.org/telegram/hook"
    assert api.webhook["secret_token"] == SECRET
    assert set(api.webhook["allowed_updates"]) == {"message", "edited_message", "callback_query"}

    chat = api.chat(3003)
    forged = {
        "update_id": 999,
        "message": {
            "message_id": 1,
            "from": chat.user,
            "chat": chat.chat,
            "date": 1700000000,
            "text": "/start",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        },
    }
    async with aiohttp.ClientSession() as session:
        await until_listening(session, url)
        for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong-secret"}):
            async with session.post(url, json=forged, headers=headers) as response:
                assert response.status == 403

    api.forward_webhook_to(url)
    chat.send("/tip")
    tip = await chat.next_message()
    assert "stretch tip" in tip.text.lower()
    assert chat.messages == [tip], "the forged /start was never answered"
    assert all(status == 200 for _, status in api.webhook_deliveries)

    assert await process.stop() == 0
    assert_no_secrets(process.output, TOKEN, SECRET)


async def test_webhook_acknowledges_a_malformed_update_and_refuses_bad_json(api, spawn_bot):
    """A malformed update is answered 200 and logged once without its content, so Telegram does
    not deliver it again and the updates behind it are not held up; bad JSON gets 400."""
    process, url = await webhook_bot(api, spawn_bot, "hook")
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"}
    async with aiohttp.ClientSession() as session:
        await until_listening(session, url, headers)
        bad_bodies = [b"{not json", b'{"update_id": 5, "mess', b"", b"[" * 100_000, b"[1, 2]"]
        bad_bodies += [b"\xff\xfe{}", b'"just a string"']
        for body in bad_bodies:
            async with session.post(url, data=body, headers=headers) as response:
                assert response.status == 400, body[:20]

    api.forward_webhook_to(url)
    chat = api.chat(3004)
    broken = api.inject_raw({"message": {"text": "secret words nobody should log"}})
    chat.send("/help")
    reply = await chat.next_message()
    assert "stretch" in reply.text.lower()
    deliveries = [status for update_id, status in api.webhook_deliveries if update_id == broken]
    assert deliveries == [200], "acknowledged once, never delivered again"

    assert await process.stop() == 0
    assert process.output.count(f"Skipped malformed update {broken}") == 1
    assert "secret words" not in process.output
    assert "CRITICAL" not in process.output and "Traceback" not in process.output
    assert_no_secrets(process.output, TOKEN, SECRET)


async def test_a_webhook_port_in_use_ends_the_start_with_one_line_before_any_request(
    api, spawn_bot
):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        process = await spawn_bot(
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_API_BASE_URL=api.base_url,
            WEBHOOK_URL="https://stretchbot.example.org/hook",
            WEBHOOK_SECRET=SECRET,
            WEBHOOK_PORT=str(taken.getsockname()[1]),
        )
        assert await process.wait(timeout=60) == 2
    assert "cannot listen on 127.0.0.1:" in process.output
    assert "Traceback" not in process.output
    assert api.calls_to("setWebhook") == [], "no webhook left registered for a bot that is not up"


async def test_a_webhook_listen_address_that_does_not_exist_is_one_line(api, spawn_bot):
    process = await spawn_bot(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=api.base_url,
        WEBHOOK_URL="https://stretchbot.example.org/hook",
        WEBHOOK_SECRET=SECRET,
        WEBHOOK_LISTEN="no-such-host.invalid",
        WEBHOOK_PORT=str(free_port()),
    )
    assert await process.wait(timeout=60) == 2
    assert "WEBHOOK_LISTEN: 'no-such-host.invalid' is not an address" in process.output
    assert "Traceback" not in process.output
    assert api.calls_to("setWebhook") == []


async def test_a_token_revoked_while_running_ends_the_process_with_an_error(api, spawn_bot):
    """One 401 on getUpdates ends python-telegram-bot's polling loop; the process must not stay
    up answering nothing (and exit 0 on Ctrl+C), or no supervisor would ever restart it."""
    process = await spawn_bot(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=api.base_url)
    await api.wait_for(lambda: api.commands, timeout=60, what="the bot to start")
    api.fault("getUpdates", status=401, description="Unauthorized")
    try:
        code = await process.wait(timeout=20)
    except TimeoutError:
        raise AssertionError(process.output[-3000:]) from None
    assert code == 2
    assert "stretchbot: Telegram rejected TELEGRAM_BOT_TOKEN" in process.output
    assert "Traceback" not in process.output, process.output
    assert any(call.status == 401 for call in api.calls_to("getUpdates"))
    assert_no_secrets(process.output, TOKEN)


async def test_an_unreachable_bot_api_ends_the_start_with_one_line(spawn_bot):
    """Nothing listens on the port; with no retry time of ours PTB's own start-up retries
    (about 20 s) are all that is waited."""
    process = await spawn_bot(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{free_port()}/bot",
        TELEGRAM_RETRY_SECONDS="0",
    )
    assert await process.wait(timeout=120) == 2
    last = process.output.strip().splitlines()[-1]
    assert last.startswith("stretchbot: could not reach Telegram at TELEGRAM_API_BASE_URL")
    assert "Traceback" not in process.output, process.output
    assert_no_secrets(process.output, TOKEN)
