"""Settings from the environment and `.env`, validated once at start.

`load_settings()` reads the process environment first, then fills what it lacks from a `.env`
file (simple `KEY=VALUE` lines; see `.env.example` for every setting). A missing or malformed
setting raises `ConfigError` with one line that says what is wrong and what was expected; the
bot token never appears in that line.

The token is a password: `redact()` and `RedactingFilter` keep it (and the webhook secret, and
the password of a PostgreSQL `STRETCHBOT_DB`) out of every log line, including tracebacks of
exceptions whose message contains it.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from urllib.parse import quote

DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
REDACTED = "[REDACTED]"
DAY_SECONDS = 86_400

_TOKEN_RE = re.compile(r"\d{1,20}:[A-Za-z0-9_-]{1,100}")
_SECRET_RE = re.compile(r"[A-Za-z0-9_-]{1,256}")
_ENV_KEY_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

_Getter = Callable[[str], "str | None"]


class ConfigError(Exception):
    """A setting is missing or malformed; the message is one line meant for the person starting."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the bot reads from its environment."""

    token: str | None = None
    api_base_url: str = DEFAULT_API_BASE_URL
    #: a SQLite file path, or a postgresql:// URL (which may hold a password: never shown)
    db_path: str = "stretchbot.db"
    webhook_url: str | None = None
    webhook_secret: str | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    log_level: str = "INFO"
    admin_ids: frozenset[int] = frozenset()
    flood_limit: int = 20
    flood_window: float = 10.0
    flood_mute: float = 30.0
    daily_default_time: time = time(8, 0)
    daily_default_tz: str = "UTC"
    daily_catchup_hours: float = 6.0
    daily_tick_seconds: float = 30.0
    rate_limit_per_second: float = 30.0
    #: how long a request to Telegram is retried through 429s, 5xx answers and lost
    #: connections before it is given up (and logged as an ERROR naming the chat)
    retry_seconds: float = 300.0
    #: how long a conversation is remembered after its last message
    conversation_hours: float = 24.0
    #: the folder the stretch pictures are drawn into, once each (see `bot.pictures`)
    picture_folder: str = ".cache/pictures"
    #: a port for /healthz and /metrics of their own (also in polling mode); None: none
    metrics_port: int | None = None
    metrics_listen: str = "127.0.0.1"
    #: /healthz answers 503 once the last successful Telegram call is older than this
    health_max_age: float = 300.0
    #: keep the text of messages the bot could not answer (opt-in), for `stretchbot review`
    keep_unanswered: bool = False
    #: how long those texts are kept, in days
    unanswered_days: int = 30
    #: guided routines: seconds between two refreshes of a countdown (slower when many run)
    guide_tick_seconds: float = 5.0
    #: guided routines: seconds of rest before each stretch when the timer moves on by itself
    guide_rest_seconds: float = 10.0
    #: guided routines: edits a second all countdowns together may send; None: half of
    #: `rate_limit_per_second`, leaving the rest for replies
    guide_edits_per_second: float | None = None
    #: guided routines: seconds between two stamps of a process's running routines in the
    #: store; another process takes over those of a process silent for three of them
    guide_heartbeat_seconds: float = 15.0

    @property
    def guide_edit_rate(self) -> float:
        """The countdowns' share of the rate limit, in edits a second."""
        if self.guide_edits_per_second is not None:
            return self.guide_edits_per_second
        return self.rate_limit_per_second / 2

    def __repr__(self) -> str:
        # Settings end up in debug output and tracebacks; the token must not.
        shown = "set" if self.token else "unset"
        return f"Settings(token=<{shown}>, api_base_url={self.api_base_url!r}, ...)"

    @property
    def secrets(self) -> tuple[str, ...]:
        """The values that must never be logged."""
        from bot.store import url_secrets

        found = (self.token, self.webhook_secret, *url_secrets(self.db_path))
        return tuple(value for value in found if value)


def parse_env_file(path: Path | str) -> dict[str, str]:
    """Read `KEY=VALUE` lines: `#` comments, blank lines, `export `, single or double quotes.

    A missing file is an empty mapping. A malformed line raises `ConfigError` naming the file
    and line, never the value (it might be the token).
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read it ({exc.__class__.__name__})") from None
    values: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("export "):
            line = line[len("export ") :].lstrip()
        key, sep, value = line.partition("=")
        key = key.strip()
        if not sep or not _ENV_KEY_RE.fullmatch(key):
            raise ConfigError(f"{path}:{number}: expected KEY=VALUE, found a line without one")
        values[key] = _unquote(value.strip(), path, number)
    return values


def _unquote(value: str, path: Path, number: int) -> str:
    """Strip matching quotes, or an inline ` #comment` from an unquoted value."""
    if value[:1] in ("'", '"'):
        quote_char = value[0]
        end = value.find(quote_char, 1)
        rest = value[end + 1 :].strip() if end > 0 else ""
        if end < 0 or (rest and not rest.startswith("#")):
            raise ConfigError(f"{path}:{number}: unbalanced {quote_char} quote in the value")
        inner = value[1:end]
        return inner.replace("\\n", "\n") if quote_char == '"' else inner
    comment = re.search(r"\s#", value)
    return value[: comment.start()].rstrip() if comment else value


def load_settings(
    environ: Mapping[str, str] | None = None, env_file: Path | str | None = ".env"
) -> Settings:
    """Build `Settings` from `environ` (default: the process environment), then `env_file`."""
    env = os.environ if environ is None else environ
    file_values = parse_env_file(env_file) if env_file is not None else {}

    def get(name: str) -> str | None:
        value = env.get(name)
        if value is None or value.strip() == "":
            value = file_values.get(name)
        if value is None or value.strip() == "":
            return None
        return value.strip()

    token = _token(get)
    api_base_url = _api_base_url(get)
    webhook_url, webhook_secret = _webhook(get)
    log_level = (get("LOG_LEVEL") or "INFO").upper()
    if log_level not in LOG_LEVELS:
        raise ConfigError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, found {log_level!r}")
    daily_time, daily_tz = _daily_defaults(get)
    # PTB's limiter needs at least one request a second; Telegram allows about 30
    rate = _number(get, "RATE_LIMIT_PER_SECOND", 30.0, low=1, high=1000)
    edits = get("GUIDE_EDITS_PER_SECOND")
    # the countdowns stay below the rate limit, so that replies always get through
    edit_rate = _number(get, "GUIDE_EDITS_PER_SECOND", 0, low=0.1, high=rate) if edits else None

    return Settings(
        token=token,
        api_base_url=api_base_url,
        db_path=_database(get),
        webhook_url=webhook_url,
        webhook_secret=webhook_secret,
        webhook_listen=get("WEBHOOK_LISTEN") or "127.0.0.1",
        webhook_port=_integer(get, "WEBHOOK_PORT", 8443, low=1, high=65535),
        log_level=log_level,
        admin_ids=_admin_ids(get("ADMIN_IDS")),
        flood_limit=_integer(get, "FLOOD_LIMIT", 20, low=1),
        flood_window=_number(get, "FLOOD_WINDOW", 10.0, low=0.1, high=DAY_SECONDS),
        flood_mute=_number(get, "FLOOD_MUTE", 30.0, low=0.1, high=DAY_SECONDS),
        daily_default_time=daily_time,
        daily_default_tz=daily_tz,
        daily_catchup_hours=_number(get, "DAILY_CATCHUP_HOURS", 6.0, low=0, high=48),
        daily_tick_seconds=_number(get, "DAILY_TICK_SECONDS", 30.0, low=0.1, high=3600),
        rate_limit_per_second=rate,
        retry_seconds=_number(get, "TELEGRAM_RETRY_SECONDS", 300.0, low=0, high=DAY_SECONDS),
        conversation_hours=_number(get, "CONVERSATION_HOURS", 24.0, low=0.01, high=720),
        picture_folder=get("STRETCHBOT_PICTURES") or ".cache/pictures",
        metrics_port=_optional_port(get, "METRICS_PORT"),
        metrics_listen=get("METRICS_LISTEN") or "127.0.0.1",
        health_max_age=_number(get, "HEALTH_MAX_AGE_SECONDS", 300.0, low=10, high=DAY_SECONDS),
        keep_unanswered=_flag(get, "STRETCHBOT_KEEP_UNANSWERED"),
        unanswered_days=_integer(get, "STRETCHBOT_UNANSWERED_DAYS", 30, low=1, high=365),
        guide_tick_seconds=_number(get, "GUIDE_TICK_SECONDS", 5.0, low=1, high=60),
        guide_rest_seconds=_number(get, "GUIDE_REST_SECONDS", 10.0, low=0, high=120),
        guide_edits_per_second=edit_rate,
        guide_heartbeat_seconds=_number(get, "GUIDE_HEARTBEAT_SECONDS", 15.0, low=1, high=300),
    )


_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")


def _flag(get: _Getter, name: str) -> bool:
    """An opt-in switch: 1, true, yes or on; 0, false, no or off (or unset) is off."""
    raw = get(name)
    if raw is None or raw.lower() in _FALSE:
        return False
    if raw.lower() in _TRUE:
        return True
    raise ConfigError(f"{name} must be 1 or 0 (or true/false, yes/no, on/off), found {raw!r}")


def _optional_port(get: _Getter, name: str) -> int | None:
    """A TCP port from 1 to 65535, or None when unset."""
    if get(name) is None:
        return None
    return _integer(get, name, 0, low=1, high=65535)


def _database(get: _Getter) -> str:
    """STRETCHBOT_DB: a SQLite file path, or a PostgreSQL URL libpq can read. The message of a
    malformed URL shows it with its password masked."""
    from bot.store import is_postgres_url, is_url, masked_url, url_secrets

    target = get("STRETCHBOT_DB") or "stretchbot.db"
    if not is_url(target):
        return target
    if not is_postgres_url(target):
        raise ConfigError(
            "STRETCHBOT_DB must be a SQLite file path or a postgresql:// URL, found "
            f"{masked_url(target)!r}"
        )
    try:
        from psycopg import Error
        from psycopg.conninfo import conninfo_to_dict
    except ImportError:  # no libpq to load: the store says so, with exit 3
        return target
    try:
        conninfo_to_dict(target)
    except Error as exc:
        problem = redact(" ".join(str(exc).split()), None, *url_secrets(target))
        raise ConfigError(
            f"STRETCHBOT_DB is not a PostgreSQL URL libpq can read ({problem}): "
            f"{masked_url(target)!r}"
        ) from None
    return target


def _token(get: _Getter) -> str | None:
    token = get("TELEGRAM_BOT_TOKEN")
    if token is not None and not _TOKEN_RE.fullmatch(token):
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN does not look like a bot token: expected digits, a colon, then "
            "letters, digits, _ or - (as BotFather gives it)"
        )
    return token


def _api_base_url(get: _Getter) -> str:
    api_base_url = get("TELEGRAM_API_BASE_URL") or DEFAULT_API_BASE_URL
    if not re.match(r"https?://[^/\s]+", api_base_url) or re.search(r"\s", api_base_url):
        raise ConfigError(
            "TELEGRAM_API_BASE_URL must be an http(s) URL such as "
            f"{DEFAULT_API_BASE_URL}, found {api_base_url!r}"
        )
    return api_base_url


def _webhook(get: _Getter) -> tuple[str | None, str | None]:
    """WEBHOOK_URL and WEBHOOK_SECRET: both or neither, each well formed."""
    webhook_url = get("WEBHOOK_URL")
    webhook_secret = get("WEBHOOK_SECRET")
    if webhook_url is not None:
        if not re.fullmatch(r"https://[^/\s]+(/\S*)?", webhook_url):
            raise ConfigError(
                f"WEBHOOK_URL must be a public https:// URL (Telegram requires HTTPS), "
                f"found {webhook_url!r}"
            )
        if webhook_secret is None:
            raise ConfigError(
                "WEBHOOK_SECRET is required when WEBHOOK_URL is set: 1 to 256 characters "
                "from A-Z, a-z, 0-9, _ and -"
            )
    if webhook_secret is not None and not _SECRET_RE.fullmatch(webhook_secret):
        raise ConfigError("WEBHOOK_SECRET must be 1 to 256 characters from A-Z, a-z, 0-9, _ and -")
    return webhook_url, webhook_secret


def _daily_defaults(get: _Getter) -> tuple[time, str]:
    """DAILY_DEFAULT_TIME and DAILY_DEFAULT_TZ, read as /daily reads what people type."""
    from bot.daily import UsageError, parse_time, parse_zone

    raw_time = get("DAILY_DEFAULT_TIME") or "08:00"
    raw_zone = get("DAILY_DEFAULT_TZ") or "UTC"
    try:
        at = parse_time(raw_time)
    except UsageError:
        raise ConfigError(
            f"DAILY_DEFAULT_TIME must be HH:MM (24-hour), found {raw_time!r}"
        ) from None
    try:
        return at, parse_zone(raw_zone)
    except UsageError:
        raise ConfigError(
            "DAILY_DEFAULT_TZ must be an IANA time zone such as Europe/Berlin (or an offset such "
            f"as +02:00), found {raw_zone!r}"
        ) from None


def _integer(get: _Getter, name: str, default: int, *, low: int, high: int | None = None) -> int:
    raw = get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or value < low or (high is not None and value > high):
        bounds = f"from {low} to {high}" if high is not None else f"of at least {low}"
        raise ConfigError(f"{name} must be a whole number {bounds}, found {raw!r}")
    return value


def _number(get: _Getter, name: str, default: float, *, low: float, high: float) -> float:
    """A number from `low` to `high`: the range it is used in (a rate below 1 a second, or a
    tick of 1e300 seconds, would pass as a number and fail later)."""
    raw = get(name)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if not low <= value <= high:
        raise ConfigError(f"{name} must be a number from {low:g} to {high:g}, found {raw!r}")
    return value


def _admin_ids(raw: str | None) -> frozenset[int]:
    if raw is None:
        return frozenset()
    ids = set()
    for part in raw.split(","):
        part = part.strip()
        if not part:
            continue
        if not re.fullmatch(r"-?\d{1,20}", part):
            raise ConfigError(
                f"ADMIN_IDS must be comma-separated Telegram user ids (numbers), found {part!r}"
            )
        ids.add(int(part))
    return frozenset(ids)


def redact(text: str, token: str | None, *more: str | None) -> str:
    """Replace the token (also URL-quoted, and its secret half) and any `more` secrets."""
    for secret in (token, *more):
        if not secret:
            continue
        forms = {secret, quote(secret, safe="")}
        _, colon, tail = secret.partition(":")
        if colon and len(tail) >= 8:
            forms.add(tail)
        for form in sorted(forms, key=len, reverse=True):
            text = text.replace(form, REDACTED)
    return text


class RedactingFilter(logging.Filter):
    """Scrubs secrets from a record's message, arguments, traceback and stack before output.

    Put it on handlers (not loggers): a handler's filters see the records of every logger
    that propagates to it.
    """

    def __init__(self, secrets: Iterable[str | None]) -> None:
        super().__init__()
        self.secrets = tuple(secret for secret in secrets if secret)

    def _clean(self, text: str) -> str:
        return redact(text, None, *self.secrets)

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: keep what we can show safely
            message = f"{record.msg!r} % {record.args!r}"
        cleaned = self._clean(message)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._clean(record.exc_text)
        if record.stack_info:
            record.stack_info = self._clean(record.stack_info)
        return True


def install_redacting_filter(*secrets: str | None) -> RedactingFilter:
    """Attach one `RedactingFilter` for `secrets` to every handler of the root logger."""
    redacting = RedactingFilter(secrets)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redacting)
    return redacting
