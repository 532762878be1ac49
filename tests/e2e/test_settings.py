"""Settings, token redaction, the flood guard and callback data: the small parts the bot stands on.

(Unit tests, kept next to the end-to-end suite that relies on them.)
"""

from __future__ import annotations

import dataclasses
import inspect
import logging
import re
from datetime import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bot.config as config
from bot.actions import is_valid_data
from bot.config import ConfigError, RedactingFilter, Settings, load_settings, parse_env_file, redact
from bot.reply import Action, Reply
from bot.telegram.flood import FloodGuard, Verdict
from bot.telegram.keyboards import reply_keyboard
from bot.telegram.services import services_of

from .conftest import FakeClock

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "123456789:AAH-fake_Token_for-tests_0123456789abc"


def test_defaults_without_any_setting():
    settings = load_settings({}, env_file=None)
    assert settings == Settings()
    assert settings.token is None
    assert settings.api_base_url == "https://api.telegram.org/bot"
    assert (settings.flood_limit, settings.flood_window, settings.flood_mute) == (20, 10.0, 30.0)
    assert (settings.daily_default_time, settings.daily_default_tz) == (time(8, 0), "UTC")


def test_every_setting_is_read(tmp_path):
    environ = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081/bot",
        "STRETCHBOT_DB": str(tmp_path / "s.db"),
        "WEBHOOK_URL": "https://bot.example.org/hook",
        "WEBHOOK_SECRET": "abc_DEF-123",
        "WEBHOOK_LISTEN": "0.0.0.0",
        "WEBHOOK_PORT": "8080",
        "LOG_LEVEL": "debug",
        "ADMIN_IDS": " 12, 34 ,",
        "FLOOD_LIMIT": "5",
        "FLOOD_WINDOW": "2.5",
        "FLOOD_MUTE": "60",
        "DAILY_DEFAULT_TIME": "7:30",
        "DAILY_DEFAULT_TZ": "Europe/Berlin",
        "DAILY_CATCHUP_HOURS": "0",
        "DAILY_TICK_SECONDS": "0.5",
        "RATE_LIMIT_PER_SECOND": "10",
    }
    settings = load_settings(environ, env_file=None)
    assert settings.token == TOKEN
    assert settings.webhook_port == 8080
    assert settings.log_level == "DEBUG"
    assert settings.admin_ids == frozenset({12, 34})
    assert settings.flood_window == 2.5
    assert settings.daily_default_time == time(7, 30)
    assert settings.daily_catchup_hours == 0
    assert settings.daily_tick_seconds == 0.5
    assert settings.rate_limit_per_second == 10


def test_the_environment_wins_over_the_env_file(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text(
        "# a comment\n"
        "\n"
        f"export TELEGRAM_BOT_TOKEN='{TOKEN}'\n"
        'LOG_LEVEL="WARNING"  # inline comment after quotes\n'
        "FLOOD_LIMIT=7 # inline comment\n"
        "STRETCHBOT_DB=\n"
        "ADMIN_IDS = 1,2\n"
    )
    settings = load_settings({"LOG_LEVEL": "ERROR", "FLOOD_LIMIT": ""}, env_file=env_file)
    assert settings.token == TOKEN
    assert settings.log_level == "ERROR"
    assert settings.flood_limit == 7, "an empty environment value does not hide the file's"
    assert settings.db_path == "stretchbot.db"
    assert settings.admin_ids == frozenset({1, 2})


def test_a_missing_env_file_is_fine(tmp_path):
    assert load_settings({}, env_file=tmp_path / "absent.env") == Settings()


def test_a_malformed_env_file_line_names_file_and_line_but_not_the_value(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text(f"LOG_LEVEL=INFO\n{TOKEN}\n")
    with pytest.raises(ConfigError) as caught:
        parse_env_file(env_file)
    assert f"{env_file}:2" in str(caught.value)
    assert TOKEN not in str(caught.value)


def test_an_unbalanced_quote_is_an_error(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text('TELEGRAM_BOT_TOKEN="123:abc\n')
    with pytest.raises(ConfigError, match="unbalanced"):
        parse_env_file(env_file)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"TELEGRAM_BOT_TOKEN": "123456:has spaces in it"}, "TELEGRAM_BOT_TOKEN"),
        ({"TELEGRAM_BOT_TOKEN": "AAH-no-digits_first_0123456789"}, "TELEGRAM_BOT_TOKEN"),
        ({"TELEGRAM_API_BASE_URL": "api.telegram.org/bot"}, "TELEGRAM_API_BASE_URL"),
        ({"WEBHOOK_URL": "https://bot.example.org/hook"}, "WEBHOOK_SECRET is required"),
        ({"WEBHOOK_URL": "http://bot.example.org/hook", "WEBHOOK_SECRET": "x"}, "https://"),
        ({"WEBHOOK_SECRET": "has spaces"}, "WEBHOOK_SECRET"),
        ({"WEBHOOK_SECRET": "x" * 257}, "WEBHOOK_SECRET"),
        ({"WEBHOOK_PORT": "70000"}, "WEBHOOK_PORT"),
        ({"WEBHOOK_PORT": "http"}, "WEBHOOK_PORT"),
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
        ({"ADMIN_IDS": "12,alice"}, "ADMIN_IDS"),
        ({"FLOOD_LIMIT": "0"}, "FLOOD_LIMIT"),
        ({"FLOOD_WINDOW": "-1"}, "FLOOD_WINDOW"),
        ({"FLOOD_MUTE": "nan"}, "FLOOD_MUTE"),
        ({"DAILY_DEFAULT_TIME": "25:00"}, "DAILY_DEFAULT_TIME"),
        ({"DAILY_DEFAULT_TZ": "Mars/Olympus"}, "DAILY_DEFAULT_TZ"),
        ({"DAILY_CATCHUP_HOURS": "-2"}, "DAILY_CATCHUP_HOURS"),
        ({"DAILY_TICK_SECONDS": "inf"}, "DAILY_TICK_SECONDS"),
        ({"RATE_LIMIT_PER_SECOND": "fast"}, "RATE_LIMIT_PER_SECOND"),
    ],
)
def test_a_bad_setting_stops_the_start_with_one_clear_line(environ, expected):
    with pytest.raises(ConfigError) as caught:
        load_settings(environ, env_file=None)
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message
    assert TOKEN not in message


def test_a_malformed_token_is_not_repeated_in_the_error():
    bad = "123456:secret part with spaces"
    with pytest.raises(ConfigError) as caught:
        load_settings({"TELEGRAM_BOT_TOKEN": bad}, env_file=None)
    assert "secret part" not in str(caught.value)


def test_the_example_env_file_documents_every_setting():
    documented = parse_env_file(ROOT / ".env.example")
    read = set(re.findall(r'get(?:, )?\(?"([A-Z_]+)"', inspect.getsource(config)))
    assert read == set(documented)
    assert len(read) == len(dataclasses.fields(Settings))
    assert load_settings(documented, env_file=None) == Settings()


def test_settings_repr_hides_the_token():
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN}, env_file=None)
    assert TOKEN not in repr(settings)
    assert TOKEN not in str(settings)


async def test_the_services_object_does_not_show_the_token(api, bot):
    shown = repr(services_of(bot))
    assert api.token not in shown and api.token.split(":")[1] not in shown
    assert list(bot.bot_data) == ["services"], "bot_data holds the services and nothing else"


def test_redact_covers_the_token_its_url_form_and_its_secret_half():
    text = f"url /bot{TOKEN}/getMe, quoted 123456789%3A{TOKEN.split(':')[1]}, half {TOKEN[10:]}"
    cleaned = redact(text, TOKEN)
    assert TOKEN.split(":")[1] not in cleaned
    assert cleaned.count("[REDACTED]") == 3
    assert redact("nothing here", None) == "nothing here"


def test_the_log_filter_scrubs_messages_arguments_and_tracebacks():
    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record):
            records.append(self.format(record))

    handler = Collect()
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler.addFilter(RedactingFilter([TOKEN, "webhook-secret"]))
    log = logging.getLogger("test.redaction")
    log.addHandler(handler)
    log.propagate = False
    try:
        log.warning("calling %s/getMe", f"https://api.telegram.org/bot{TOKEN}")
        log.warning("secret %s", "webhook-secret")
        try:
            raise ValueError(f"The token `{TOKEN}` was rejected by the server.")
        except ValueError:
            log.exception("start failed")
        log.warning("with stack", stack_info=True)
    finally:
        log.removeHandler(handler)
    text = "\n".join(records)
    assert TOKEN not in text and TOKEN.split(":")[1] not in text
    assert "webhook-secret" not in text
    assert text.count("[REDACTED]") >= 3
    assert "ValueError" in text, "the traceback is kept, only the secret is gone"


def test_flood_guard_allows_the_limit_then_notifies_once_then_drops():
    clock = FakeClock()
    guard = FloodGuard(limit=3, window=10, mute=30, clock=clock)
    verdicts = [guard.hit(1) for _ in range(6)]
    assert verdicts == [Verdict.OK] * 3 + [Verdict.NOTIFY] + [Verdict.DROP] * 2
    assert guard.hit(2) is Verdict.OK, "other chats are not affected"
    clock.advance(29)
    assert guard.hit(1) is Verdict.DROP
    clock.advance(2)
    assert guard.hit(1) is Verdict.OK
    assert guard.dropped == 4


def test_flood_guard_window_slides():
    clock = FakeClock()
    guard = FloodGuard(limit=3, window=10, mute=30, clock=clock)
    for _ in range(10):
        assert guard.hit(1) is Verdict.OK
        clock.advance(4)


@given(st.text(max_size=80))
def test_callback_data_validation_matches_telegram_limits(data):
    if is_valid_data(data):
        assert 1 <= len(data.encode()) <= 64
        assert re.fullmatch(r"[A-Za-z0-9_.:+-]+", data)


def test_buttons_with_unusable_data_are_left_out():
    reply = Reply(
        "answer",
        "x",
        (),
        suggestions=(Action("Did you mean the calves?", "calves.stretch"),),
        actions=(
            Action("Too long", "x" * 65),
            Action("Fine", "tip"),
            Action("Duplicate", "tip"),
            Action("  ", "help"),
        ),
    )
    markup = reply_keyboard(reply)
    assert [[b.text for b in row] for row in markup.inline_keyboard] == [
        ["Did you mean the calves?"],
        ["Fine"],
    ]
    assert reply_keyboard(Reply("answer", "x", ())) is None
