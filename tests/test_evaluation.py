"""The accuracy figures of the intent layer, on the held-out split and on CLINC150 val.

`tests/data/utterances.yaml` was written before any tuning; phrases and thresholds were tuned
on its `train` split, on CLINC150 val, and on the `tuning_*.yaml` sets (written later, blind
to the held-out split, to tune the look-alike and long-message handling). The `test` split of
`utterances.yaml` is the figure we report.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bot.evaluate import evaluate, evaluate_clinc, load_utterances

DATA = Path(__file__).resolve().parent / "data"
UTTERANCES = DATA / "utterances.yaml"
CLINC_VAL = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "clinc150" / "val.jsonl"


@pytest.fixture(scope="module")
def held_out(brain):
    return evaluate(brain, load_utterances(UTTERANCES, split="test"))


def test_labelled_messages_cover_what_the_issue_asks():
    rows = load_utterances(UTTERANCES, split="all")
    kinds = Counter(r["kind"] for r in rows)
    assert len(rows) >= 500
    assert kinds["red_flag"] >= 60 and kinds["fallback"] >= 100
    for split in ("train", "test"):
        assert {r["kind"] for r in rows if r["split"] == split} == set(kinds)
    topics = {r.get("topic") for r in rows if r["kind"] in ("answer", "stretch")}
    assert len(topics - {None}) == 15


def test_in_domain_accuracy(held_out):
    assert held_out.in_domain_accuracy >= 0.95


def test_every_red_flag_is_caught(held_out):
    assert held_out.red_flag_recall == 1.0


def test_no_false_red_flags(held_out):
    assert held_out.false_red_flags == 0


def test_out_of_domain_rejection(held_out):
    assert held_out.ood_rejection >= 0.98


def test_out_of_domain_rejection_on_the_train_split(brain):
    assert evaluate(brain, load_utterances(UTTERANCES, split="train")).ood_rejection >= 0.98


# Guards on the tuning sets, so a change that helps one figure cannot quietly cost another.
# Long rambling messages ("I'm a nurse on 12-hour shifts ..., how do I stretch my calves")
# are the hardest in-domain messages we have, hence the lower bar.
@pytest.mark.parametrize(
    ("name", "in_domain", "ood"),
    [
        ("tuning_in.yaml", 0.96, None),
        ("tuning_in_long.yaml", 0.90, None),
        ("tuning_ood.yaml", None, 0.99),
        ("tuning_ood_hard.yaml", None, 0.99),
    ],
)
def test_tuning_sets(brain, name, in_domain, ood):
    report = evaluate(brain, load_utterances(DATA / name))
    if in_domain is not None:
        assert report.in_domain_accuracy >= in_domain
    if ood is not None:
        assert report.ood_rejection >= ood


def test_disclaimer_on_every_reply(held_out):
    assert held_out.disclaimer_coverage == 1.0


@pytest.mark.skipif(not CLINC_VAL.exists(), reason="the shared CLINC150 data is not present")
def test_clinc_val_false_acceptance(brain):
    report = evaluate_clinc(brain, CLINC_VAL)
    assert report.total == 3100
    assert report.false_acceptance <= 0.01


def test_the_safety_tuning_sets_stay_where_they_were_tuned(brain):
    """A regression guard, not a held-out figure: the rules were tuned on these sets."""
    from bot.evaluate import evaluate_blind

    report = evaluate_blind(brain, DATA / "safety_tuning")
    assert report.redflags.recall.rate >= 0.96
    assert report.redflags.level_right.rate >= 0.95
    assert report.safety_conversations.recall.rate >= 0.93
    assert report.nearmiss.false_red_flags.hits <= 6


def test_the_frozen_blind_safety_figures_do_not_slide_back(brain):
    """Floors at the measured figures (tests/data/blind/RESULTS.md), never tuned on."""
    from bot.evaluate import evaluate_blind

    report = evaluate_blind(brain, DATA / "blind")
    assert report.redflags.recall.hits >= 242
    assert report.redflags.level_right.hits >= 287
    assert report.safety_conversations.recall.hits >= 50
    assert report.safety_conversations.false_red_flags.hits == 0
    assert report.nearmiss.false_red_flags.hits <= 2


def test_the_frozen_blind_understanding_figures_do_not_slide_back(brain):
    """Floors at the measured figures (tests/data/blind/RESULTS.md), never tuned on."""
    from bot.evaluate import evaluate_blind

    report = evaluate_blind(brain, DATA / "blind")
    assert report.singles.in_domain.hits >= 262
    assert report.singles.off_topic.hits >= 110
    assert report.singles.false_red_flags.hits <= 1
    assert report.conversations.turns.messages.hits >= 219
    assert report.conversations.follow_ups.hits >= 143
