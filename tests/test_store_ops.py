"""The operations tables (schema 4) on SQLite and PostgreSQL: statistics, votes, unanswered
messages, tips that follow a person, announcements, and what /forget removes of them."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from local_postgres import BACKENDS

from bot.stats import person_hash
from bot.store import SCHEMA_VERSION, open_store

NOW = datetime(2025, 6, 4, 12, 0, tzinfo=UTC)


@pytest.fixture(params=BACKENDS)
def backend(request):
    return request.param


@pytest.fixture
def store(database):
    opened = open_store(database)
    yield opened
    opened.close()


def test_schema_5_has_the_operations_tables(store):
    assert SCHEMA_VERSION == 5
    assert store.schema_version == 5
    store.ping()


def test_counters_add_up_and_people_are_counted_once_a_week(store):
    salt = store.week_salt("2025-W23")
    assert store.week_salt("2025-W23") == salt, "one salt per week"
    assert store.week_salt("2025-W24") != salt
    counts = {("2025-06-04", "reply", "answer"): 2, ("2025-06-04", "red_flag", "urgent"): 1}
    people = {"2025-W23": {person_hash(salt, 1): "2025-06-03", person_hash(salt, 2): "2025-06-04"}}
    store.add_stats(counts, people)
    store.add_stats(
        {("2025-06-04", "reply", "answer"): 3},
        {"2025-W23": {person_hash(salt, 1): "2025-06-04"}},
    )
    assert store.stats_counts("2025-06-01") == [
        ("2025-06-04", "red_flag", "urgent", 1),
        ("2025-06-04", "reply", "answer", 5),
    ]
    assert store.stats_counts("2025-06-05") == []
    assert store.people_count("2025-W23") == 2
    assert store.people_count("2025-W23", "2025-06-04") == 2
    assert store.people_count("2025-W23", "2025-06-03") == 0


def test_purging_statistics_drops_old_days_weeks_and_salts(store):
    old, new = store.week_salt("2025-W20"), store.week_salt("2025-W23")
    store.add_stats(
        {("2025-05-01", "reply", "answer"): 1, ("2025-06-04", "reply", "answer"): 1},
        {"2025-W20": {person_hash(old, 1): "2025-05-14"}, "2025-W23": {person_hash(new, 1): "x"}},
    )
    store.purge_stats(before_day="2025-06-01", before_week="2025-W22", salts_before="2025-W23")
    assert [row[0] for row in store.stats_counts("2000-01-01")] == ["2025-06-04"]
    assert store.people_count("2025-W20") == 0
    assert store.people_count("2025-W23") == 1
    assert store.week_salt("2025-W23") == new


def test_one_vote_per_nonce(store):
    assert store.record_vote("abc123", "psoas.why_tight", "answer", 1, "2025-06-04")
    assert not store.record_vote("abc123", "psoas.why_tight", "answer", -1, "2025-06-04")
    assert store.record_vote("def456", "psoas.why_tight", "answer", -1, "2025-06-04")
    assert sorted(store.votes("2025-06-01")) == [
        ("psoas.why_tight", "answer", -1, 1),
        ("psoas.why_tight", "answer", 1, 1),
    ]
    assert store.purge_votes("2025-06-05") == 2


def test_unanswered_texts_are_kept_then_purged(store):
    store.add_unanswered("my jeans are tight", NOW - timedelta(days=40))
    store.add_unanswered("what about my pinky toe", NOW)
    assert [t for t, _ in store.unanswered(NOW - timedelta(days=30))] == ["what about my pinky toe"]
    assert store.purge_unanswered(NOW - timedelta(days=30)) == 1
    assert len(store.unanswered(NOW - timedelta(days=100))) == 1


def test_topics_are_counted_only_for_a_chat_that_follows(store):
    assert not store.bump_topic(7, "calves", NOW)
    assert store.topic_counts(7) == {}
    store.set_following(7, True, NOW)
    store.set_following(7, True, NOW)  # twice is harmless
    assert store.following(7) and not store.following(8)
    assert store.bump_topic(7, "calves", NOW)
    assert store.bump_topic(7, "calves", NOW)
    assert store.bump_topic(7, "neck", NOW)
    assert store.topic_counts(7) == {"calves": 2, "neck": 1}
    assert store.count_following() == 1
    assert store.reset_topics(7) == 2
    assert store.topic_counts(7) == {} and store.following(7)
    store.bump_topic(7, "hips", NOW)
    store.set_following(7, False, NOW)
    assert not store.following(7) and store.topic_counts(7) == {}


def test_forget_removes_follow_rows_and_this_weeks_hash(store):
    salt = store.week_salt("2025-W23")
    store.add_stats(
        {}, {"2025-W23": {person_hash(salt, 7): "2025-06-04", person_hash(salt, 8): "x"}}
    )
    store.set_following(7, True, NOW)
    store.bump_topic(7, "calves", NOW)
    assert store.delete(7, scrub=True)
    assert not store.following(7) and store.topic_counts(7) == {}
    assert store.people_count("2025-W23") == 1, "only the other chat's hash is left"


def test_backlog_and_subscriber_pages(store):
    for chat_id in (5, 3, 9):
        store.save(chat_id, local_time=time(8), zone=None, next_send=NOW, now=NOW)
    store.save(4, local_time=time(8), zone=None, next_send=None, now=NOW)
    assert store.count_due(NOW) == 3
    assert store.count_due(NOW - timedelta(seconds=1)) == 0
    store.claim(3, NOW, NOW)
    assert store.count_due(NOW) == 2
    assert store.subscribers_after(None, 2) == [3, 5]
    assert store.subscribers_after(5, 2) == [9]


def test_only_one_announcement_is_sent_at_a_time(store):
    first = store.create_announcement("Hello", 3, NOW)
    second = store.create_announcement("Again", 3, NOW)
    assert store.announcement(first).state == "draft"
    assert store.start_announcement(first, NOW)
    assert not store.start_announcement(first, NOW), "not a draft any more"
    assert not store.start_announcement(second, NOW), "another one is being sent"
    assert store.sending_announcement().id == first
    store.announcement_progress(first, cursor=9, sent=2, failed=0, blocked=1, now=NOW)
    store.finish_announcement(first, "done", NOW)
    done = store.announcement(first)
    assert (done.state, done.sent, done.blocked, done.cursor) == ("done", 2, 1, 9)
    assert store.start_announcement(second, NOW)
    assert store.interrupt_stale_announcements(NOW + timedelta(seconds=1)) == 1
    assert store.announcement(second).state == "interrupted"
    assert store.latest_announcement().id == second
    third = store.create_announcement("No", 3, NOW)
    assert store.cancel_announcement(third, NOW)
    assert store.announcement(third).state == "cancelled"


def test_the_unique_index_stops_a_second_sending_announcement(store):
    """Two processes racing past the NOT EXISTS check: the index makes one of them lose."""
    first = store.create_announcement("Hello", 1, NOW)
    second = store.create_announcement("Again", 1, NOW)
    store.start_announcement(first, NOW)
    with pytest.raises(Exception):  # noqa: B017 - the driver's own IntegrityError
        store._ops("UPDATE announcements SET state = 'sending' WHERE id = ?", (second,)).rowcount  # noqa: B018


# -- guided routines running now -------------------------------------------------------------


def test_a_routine_is_kept_by_its_owner_until_another_process_takes_it(store):
    store.take_guide(1, 0, "a", '{"step": 0}', NOW)
    assert store.guide_owner(1, 0) == "a"
    assert store.keep_guide(1, 0, "a", '{"step": 1}', NOW)
    store.take_guide(1, 0, "b", '{"step": 1}', NOW)  # the next press went to process b
    assert store.guide_owner(1, 0) == "b"
    assert not store.keep_guide(1, 0, "a", '{"step": 2}', NOW), "a lost it"
    assert not store.end_guide(1, 0, "a"), "a cannot end b's routine"
    assert store.end_guide(1, 0, "b")
    assert store.guide_owner(1, 0) is None
    assert not store.keep_guide(1, 0, "b", "{}", NOW), "an ended routine is not brought back"


def test_heartbeats_say_which_routines_a_process_still_runs(store):
    store.take_guide(1, 0, "a", "{}", NOW)
    store.take_guide(2, 7, "a", "{}", NOW)
    store.take_guide(3, 0, "b", "{}", NOW)
    assert store.beat_guides("a", NOW + timedelta(seconds=30)) == {(1, 0), (2, 7)}
    store.end_guide(2, 7)  # ended by the other process (the person wrote to it)
    assert store.beat_guides("a", NOW + timedelta(seconds=60)) == {(1, 0)}
    assert store.beat_guides("c", NOW) == set()


def test_a_silent_process_s_routines_are_claimed_once_by_another(store):
    store.take_guide(1, 0, "a", "one", NOW)
    store.take_guide(2, 0, "b", "two", NOW + timedelta(seconds=50))
    stale = NOW + timedelta(seconds=45)
    assert store.claim_guides("b", stale) == [(1, 0, "one", NOW)]
    assert store.claim_guides("c", stale) == [], "claimed once"
    assert store.claim_guides("b", NOW + timedelta(hours=1)) == [], "never its own"
    assert store.guide_owner(2, 0) == "b"


def test_a_process_that_stops_releases_its_routines_at_once(store):
    store.take_guide(1, 0, "a", "one", NOW)
    store.take_guide(2, 0, "b", "two", NOW)
    assert store.release_guides("a") == 1
    claimed = store.claim_guides("new", NOW - timedelta(hours=1))
    assert claimed == [(1, 0, "one", NOW)], "at once, and with the time it last beat"


def test_forget_removes_a_running_routine(store):
    store.take_guide(5, 0, "a", "{}", NOW)
    store.take_guide(5, 9, "a", "{}", NOW)
    store.take_guide(6, 0, "a", "{}", NOW)
    assert store.delete(5)
    assert store.guide_owner(5, 0) is None and store.guide_owner(5, 9) is None
    assert store.guide_owner(6, 0) == "a"
