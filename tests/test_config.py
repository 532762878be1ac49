"""Settings carry parsed values, validated once, the way /daily reads what people type."""

from __future__ import annotations

from datetime import time

import pytest

from bot.config import ConfigError, load_settings


@pytest.mark.parametrize(
    ("raw_time", "raw_zone", "at", "zone"),
    [
        ("7:30", "europe/berlin", time(7, 30), "Europe/Berlin"),
        ("07.30", "UTC", time(7, 30), "UTC"),
        ("23:59", "+02:00", time(23, 59), "+02:00"),
        (None, None, time(8, 0), "UTC"),
    ],
)
def test_daily_defaults_are_parsed_once(raw_time, raw_zone, at, zone):
    env = {"DAILY_DEFAULT_TIME": raw_time, "DAILY_DEFAULT_TZ": raw_zone}
    settings = load_settings({k: v for k, v in env.items() if v}, env_file=None)
    assert (settings.daily_default_time, settings.daily_default_tz) == (at, zone)


@pytest.mark.parametrize(
    ("env", "says"),
    [
        ({"DAILY_DEFAULT_TIME": "7am"}, "DAILY_DEFAULT_TIME must be HH:MM"),
        ({"DAILY_DEFAULT_TZ": "Mars/Olympus"}, "DAILY_DEFAULT_TZ must be an IANA time zone"),
        ({"DAILY_DEFAULT_TZ": "+15:00"}, "DAILY_DEFAULT_TZ must be an IANA time zone"),
    ],
)
def test_bad_daily_defaults_are_one_clear_line(env, says):
    with pytest.raises(ConfigError, match=says) as error:
        load_settings(env, env_file=None)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("DAILY_TICK_SECONDS", "1e300"),
        ("DAILY_TICK_SECONDS", "0"),
        ("RATE_LIMIT_PER_SECOND", "0.5"),
        ("RATE_LIMIT_PER_SECOND", "inf"),
        ("FLOOD_WINDOW", "-1"),
        ("DAILY_CATCHUP_HOURS", "nan"),
        ("GUIDE_TICK_SECONDS", "0.5"),
        ("GUIDE_REST_SECONDS", "-1"),
        ("GUIDE_EDITS_PER_SECOND", "31"),  # above the rate limit: replies would starve
        ("GUIDE_EDITS_PER_SECOND", "0"),
        ("GUIDE_HEARTBEAT_SECONDS", "0"),
    ],
)
def test_settings_are_checked_for_the_range_they_are_used_in(name, raw):
    with pytest.raises(ConfigError, match=f"{name} must be a number from") as error:
        load_settings({name: raw}, env_file=None)
    assert "\n" not in str(error.value)


def test_countdowns_take_half_the_rate_limit_unless_told():
    settings = load_settings({}, env_file=None)
    assert (settings.guide_tick_seconds, settings.guide_rest_seconds) == (5.0, 10.0)
    assert settings.guide_edit_rate == 15.0
    assert load_settings({"RATE_LIMIT_PER_SECOND": "20"}, env_file=None).guide_edit_rate == 10
    told = load_settings({"GUIDE_EDITS_PER_SECOND": "8", "GUIDE_TICK_SECONDS": "2"}, env_file=None)
    assert (told.guide_edit_rate, told.guide_tick_seconds) == (8.0, 2.0)
