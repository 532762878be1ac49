"""Operations, without Telegram: counters and the weekly hash, feedback data, cleaning and
grouping unanswered messages, tips that follow a person, metrics, settings and `review`."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot import feedback, follow, review, stats
from bot.cli import main
from bot.config import ConfigError, load_settings
from bot.reply import Action, Block, Reply
from bot.store import open_store
from bot.telegram.keyboards import keyboard
from bot.telegram.observe import Metrics, fallback_reason

TOKEN = "123456789:AAH-fake_Token_for-tests_0123456789abc"
MONDAY = datetime(2025, 6, 2, 9, 0, tzinfo=UTC)


# -- counters and people ---------------------------------------------------------------------


def test_weeks_and_days_are_iso_and_utc():
    assert stats.week_of(date(2025, 6, 2)) == "2025-W23"
    assert stats.week_of(date(2025, 6, 8)) == "2025-W23"
    assert stats.week_of(date(2025, 6, 9)) == "2025-W24"
    assert stats.week_of(date(2021, 1, 3)) == "2020-W53"
    assert stats.week_start(date(2025, 6, 8)) == date(2025, 6, 2)
    late = datetime(2025, 6, 2, 23, 30, tzinfo=UTC).astimezone(ZoneInfo("Asia/Tokyo"))
    assert stats.day_of(late) == "2025-06-02"


def test_a_chat_hashes_alike_within_a_week_and_differently_across_salts():
    assert stats.person_hash("salt-a", 42) == stats.person_hash("salt-a", 42)
    assert stats.person_hash("salt-a", 42) != stats.person_hash("salt-b", 42)
    assert stats.person_hash("salt-a", 42) != stats.person_hash("salt-a", 43)
    assert "42" not in stats.person_hash("salt-a", 42)
    assert len(stats.person_hash("s", 1)) == stats.PERSON_HASH_HEX


def test_the_tally_counts_and_sees_each_chat_once_a_week():
    tally = stats.Tally()
    assert not tally
    tally.count(MONDAY, "reply", "answer")
    tally.count(MONDAY, "reply", "answer")
    tally.count(MONDAY + timedelta(days=1), "reply", "answer")
    for chat_id in (1, 2, 1):
        tally.saw(MONDAY, chat_id)
    tally.saw(MONDAY + timedelta(days=7), 1)  # the next week
    assert tally.counts[("2025-06-02", "reply", "answer")] == 2
    assert tally.people == {
        "2025-W23": {1: "2025-06-02", 2: "2025-06-02"},
        "2025-W24": {1: "2025-06-09"},
    }

    tally.forget(1)
    assert tally.people == {"2025-W23": {2: "2025-06-02"}, "2025-W24": {}}

    taken = tally.take()
    assert not tally and taken
    tally.saw(MONDAY + timedelta(days=2), 2)
    tally.merge(taken)  # a failed flush puts it back
    assert tally.people["2025-W23"] == {2: "2025-06-04"}
    assert tally.counts[("2025-06-03", "reply", "answer")] == 1


def test_a_summary_adds_up_the_days_of_the_period():
    rows = [
        ("2025-06-01", "reply", "answer", 50),  # the week before
        ("2025-06-02", "reply", "answer", 6),
        ("2025-06-03", "reply", "fallback", 2),
        ("2025-06-03", "reply", "answer", 2),
        ("2025-06-03", "red_flag", "urgent", 1),
        ("2025-06-03", "unknown_name", "x", 1),
    ]
    summary = stats.summarise(rows, "2025-06-02")
    assert summary.replies == {"answer": 8, "fallback": 2}
    assert summary.red_flags == {"urgent": 1}
    assert summary.fallback_rate == pytest.approx(0.2)
    assert stats.summarise([], "2025-06-02").fallback_rate == 0.0


# -- feedback --------------------------------------------------------------------------------


def test_feedback_data_round_trips_and_carries_the_day():
    nonce = feedback.make_nonce(date(2025, 6, 2))
    assert len(nonce) == 8 and nonce != feedback.make_nonce(date(2025, 6, 2))
    data = feedback.encode(False, "stretch", nonce, "stretch.wall_calf")
    assert data.startswith("fb:ds:")
    vote = feedback.parse(data)
    assert vote == feedback.Vote(False, "stretch", nonce, "stretch.wall_calf")
    assert vote.day == date(2025, 6, 2)
    for bad in (
        "fb:",
        "fb:xa:abcdefgh:psoas.what",
        "fb:ua:short:psoas.what",
        "fb:ua:ABCDEFGH:psoas.what",
        "fb:ua:abcdefgh:",
        "fb:ua:abcdefgh:a:b",
        "daily:on",
        None,
        "fb:ua:abcdefgh:" + "x" * 60,
    ):
        assert feedback.parse(bad) is None, bad


def test_only_answers_and_stretches_get_the_buttons_and_only_when_they_fit():
    answer = Reply("answer", "psoas.why_tight", (Block("para", "x"),), topic="psoas")
    buttons = feedback.buttons_for(answer, date(2025, 6, 2))
    assert [b.label for b in buttons] == ["👍", "👎"]
    assert feedback.parse(buttons[0].intent).up and not feedback.parse(buttons[1].intent).up
    assert buttons[0].intent.split(":")[2] == buttons[1].intent.split(":")[2], "one nonce"
    assert all(len(b.intent.encode()) <= 64 for b in buttons)
    assert feedback.buttons_for(Reply("routine", "routine.cooldown", ()), date.today()) == ()
    assert feedback.buttons_for(Reply("answer", "a" * 60, ()), date.today()) == ()
    with_buttons = feedback.with_buttons(answer, date(2025, 6, 2))
    assert [a.label for a in with_buttons.actions] == ["👍", "👎"]


def test_the_feedback_buttons_have_a_row_of_their_own():
    actions = [Action("Stretch it", "psoas.stretch"), Action("👍", "fb:ua:abcdefgh:psoas.what")]
    actions.append(Action("👎", "fb:da:abcdefgh:psoas.what"))
    markup = keyboard(actions)
    rows = [[b.text for b in row] for row in markup.inline_keyboard]
    assert rows == [["Stretch it"], ["👍", "👎"]]


# -- unanswered messages ---------------------------------------------------------------------


def test_cleaning_scrubs_secrets_and_personal_looking_runs_and_truncates():
    text = (
        f"hey @StretchTestBot my token is {TOKEN} and another 987654321:AAF-abcdefghijklmnopqrstuvw "
        "mail me at sam.smith@example.org or call +44 20 7946 0958 about my pinky"
    )
    cleaned = review.clean(text, (TOKEN, "hunter2"), "StretchTestBot")
    assert TOKEN not in cleaned and TOKEN.split(":")[1] not in cleaned
    assert "AAF-abcdefghijklmnopqrstuvw" not in cleaned
    assert "sam.smith" not in cleaned and "7946" not in cleaned
    assert "@StretchTestBot" not in cleaned
    assert "[email]" in cleaned and "[number]" in cleaned and "pinky" in cleaned
    long = review.clean("word " * 100)
    assert len(long) == review.MAX_CHARS and long.endswith("…")
    assert review.clean("  lots   of \n space ") == "lots of space"


def test_grouping_by_text_and_by_nearest_topic(brain):
    texts = [
        "my jeans are too tight",
        "My jeans are too tight!!",
        "what's up with my calves and my shoes",
        "xyzzy plugh",
        "xyzzy plugh",
        "xyzzy plugh",
    ]
    grouped = review.group(brain, texts)
    assert grouped.total == 6
    first = grouped.by_text[0]
    assert (first.count, first.examples) == (3, ["xyzzy plugh"])
    jeans = next(g for g in grouped.by_text if "jeans" in g.key)
    assert jeans.count == 2 and len(jeans.examples) == 2
    topics = {g.key: g.count for g in grouped.by_topic}
    assert sum(topics.values()) == 6
    assert topics.get(review.NO_TOPIC, 0) >= 3
    assert review.nearest_topic(brain, "what's up with my calves and my shoes") == "calves"
    top = review.top_topics(grouped)
    assert top[0] == (review.NO_TOPIC, topics[review.NO_TOPIC]), "the biggest unanswered group"
    printed = review.report(grouped)
    assert "6 unanswered message(s)" in printed and "xyzzy plugh" in printed
    assert "STRETCHBOT_KEEP_UNANSWERED" in review.report(review.group(brain, []))


def test_stretchbot_review_prints_the_groups_from_the_database(tmp_path, monkeypatch, capsys):
    db = str(tmp_path / "bot.db")
    store = open_store(db)
    now = datetime.now(UTC)
    for text in ("xyzzy plugh", "xyzzy plugh", "my jeans are too tight"):
        store.add_unanswered(text, now)
    store.add_unanswered("too old to show", now - timedelta(days=40))
    store.close()
    monkeypatch.chdir(tmp_path)
    for name in ("TELEGRAM_BOT_TOKEN", "STRETCHBOT_UNANSWERED_DAYS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("STRETCHBOT_DB", db)
    monkeypatch.setenv("STRETCHBOT_KEEP_UNANSWERED", "1")
    assert main(["review"]) == 0
    out = capsys.readouterr().out
    assert "3 unanswered message(s)" in out
    assert "xyzzy plugh" in out and "too old" not in out
    monkeypatch.setenv("STRETCHBOT_KEEP_UNANSWERED", "0")
    assert main(["review", "--days", "60"]) == 0
    assert "4 unanswered message(s)" in capsys.readouterr().out


# -- tips that follow a person ---------------------------------------------------------------


def test_followed_tips_favour_the_asked_areas_and_leave_room_for_others(kb):
    tips = kb.tips
    counts = {"calves": 4, "neck": 1, "general": 9, "not_a_topic": 3}
    picked = [tips[follow.tip_index(tips, c, counts) % len(tips)] for c in range(300)]
    about = Counter(
        "calves" if "calves" in t.topics else "neck" if "neck" in t.topics else "other"
        for t in picked
    )
    assert about["calves"] > about["neck"] > 0
    assert about["calves"] + about["neck"] >= 2 * 300 // 3
    # one tip in three is everyone's tip at that cursor (whatever area it happens to be about)
    usual = sum(follow.tip_index(tips, c, counts) == c for c in range(300))
    assert usual >= 300 // 3, "one tip in three is the usual one"
    calves_tips = [t.id for t in picked if "calves" in t.topics]
    assert len(set(calves_tips)) > 3, "an area's tips are taken in turn, not the same one"


def test_without_areas_the_tip_is_everyones(kb):
    for cursor in range(10):
        assert follow.tip_index(kb.tips, cursor, {}) == cursor
        assert follow.tip_index(kb.tips, cursor, {"general": 5}) == cursor
    assert follow.top_areas(kb.tips, {"a": 1, "calves": 20, "neck": 2, "hips": 2, "knees": 1})[
        0
    ] == ("calves", follow.MAX_WEIGHT)


# -- metrics and settings --------------------------------------------------------------------


def test_metrics_start_at_zero_for_every_label_and_hold_no_ids():
    metrics = Metrics()
    metrics.replies.labels("answer").inc()
    body, content_type = metrics.exposition()
    text = body.decode()
    assert content_type.startswith("text/plain")
    assert 'stretchbot_replies_total{kind="answer"} 1.0' in text
    assert 'stretchbot_red_flags_total{level="emergency"} 0.0' in text
    assert 'stretchbot_fallbacks_total{reason="not_understood"} 0.0' in text
    assert "stretchbot_reply_seconds_bucket" in text
    assert fallback_reason("fallback") == "not_understood"
    assert fallback_reason("stale") == "stale"
    assert fallback_reason("whatever") == "other"


def test_the_new_settings_are_read_and_checked():
    base = {"TELEGRAM_BOT_TOKEN": TOKEN}
    settings = load_settings(base, env_file=None)
    assert (settings.metrics_port, settings.keep_unanswered, settings.unanswered_days) == (
        None,
        False,
        30,
    )
    settings = load_settings(
        {
            **base,
            "METRICS_PORT": "9100",
            "METRICS_LISTEN": "0.0.0.0",
            "STRETCHBOT_KEEP_UNANSWERED": "yes",
            "STRETCHBOT_UNANSWERED_DAYS": "7",
            "HEALTH_MAX_AGE_SECONDS": "60",
        },
        env_file=None,
    )
    assert settings.metrics_port == 9100 and settings.metrics_listen == "0.0.0.0"
    assert settings.keep_unanswered and settings.unanswered_days == 7
    assert settings.health_max_age == 60
    for name, value in (
        ("METRICS_PORT", "0"),
        ("METRICS_PORT", "http"),
        ("STRETCHBOT_KEEP_UNANSWERED", "maybe"),
        ("STRETCHBOT_UNANSWERED_DAYS", "0"),
        ("HEALTH_MAX_AGE_SECONDS", "1"),
    ):
        with pytest.raises(ConfigError, match=name):
            load_settings({**base, name: value}, env_file=None)
