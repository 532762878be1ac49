"""The keyword index of intents and their example phrases.

An inverted index from a word to the intents whose examples use it, with a weight (how
specific the word is, times how often the intent uses it), and, per intent, from a word to the
example phrases that hold it. Per message the cost then depends on the message's words, not on
the number of example phrases: add up the weights of the intents the index returns, and score
only a bounded set of example phrases of the best intents with rapidfuzz (`similarity`).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process

from bot.kb import KnowledgeBase
from bot.understanding.text import normalize
from bot.understanding.words import TOPIC_TOKEN, Canonicaliser

IntentKind = Literal[
    "aspect", "general", "routine", "request", "followup", "smalltalk", "out_of_scope"
]

_GROUP_KINDS: dict[str, IntentKind] = {
    "aspects": "aspect",
    "requests": "request",
    "followups": "followup",
    "out_of_scope": "out_of_scope",
}
#: only the first this many examples holding a word are ever scored, so the cost of a message
#: does not grow with the number of example phrases
_MAX_EXAMPLES = 24
#: added to a word's intent count in its idf, so a word every intent uses still weighs a little
_DF_SMOOTHING = 0.5
#: a word's weight for an intent grows with the square root of the share of its examples that
#: use it: an intent that uses a word once in many examples still gets some of its weight
_SHARE_EXPONENT = 0.5
#: rapidfuzz ratios (0-100) below this are not a resemblance; it also lets rapidfuzz skip work
_RATIO_CUTOFF = 30
#: the word-set score tolerates extra words in a long message, so it counts this much of a ratio
_WORD_SET_DISCOUNT = 0.85
#: the word-set score tops out at 0.5 (shared against shared plus the rest): 200 makes it a
#: percentage like rapidfuzz's ratio before the discount
_WORD_SET_SCALE = 200 * _WORD_SET_DISCOUNT


@dataclass(frozen=True, slots=True)
class Intent:
    """One thing a person can want, with the example phrases that teach it."""

    kind: IntentKind
    key: str  # aspect id, general aspect, routine id, request id, followup id, smalltalk id
    examples: tuple[str, ...]

    @property
    def needs_topic(self) -> bool:
        """True for questions about a topic ("why is {topic} tight"): no topic, no answer."""
        return self.kind == "aspect"


def collect_intents(kb: KnowledgeBase) -> list[Intent]:
    """Every intent of the knowledge base, with "{topic}" as `TOPIC_TOKEN` in its examples."""
    intents = []
    for intent in kb.intents.values():
        examples = tuple(p.replace("{topic}", TOPIC_TOKEN) for p in intent.phrases)
        intents.append(Intent(_GROUP_KINDS[intent.group], intent.id, examples))
    for (topic, aspect), answer in kb.answers.items():
        if topic == "general" and answer.phrases:
            intents.append(Intent("general", aspect, answer.phrases))
    for routine in kb.routines.values():
        intents.append(Intent("routine", routine.id, routine.phrases))
    for entry in kb.smalltalk.values():
        intents.append(Intent("smalltalk", entry.id, entry.phrases))
    return intents


class IntentIndex:
    """Intents by word, and each intent's examples by word, built once per knowledge base."""

    def __init__(self, intents: list[Intent], words: Canonicaliser) -> None:
        """Index the intents' examples, read as canonical words like a message."""
        self.intents = intents
        n = len(intents)
        intent_words: list[list[set[str]]] = []
        df: dict[str, int] = defaultdict(int)
        #: per intent, its examples as canonical words joined by spaces (whole-phrase score)
        self._examples: list[list[str]] = []
        #: per intent, per example: the characters of its distinct words (word-set score)
        self._example_sizes: list[list[int]] = []
        for intent in intents:
            per_example = []
            texts = []
            for example in intent.examples:
                canonical = words.canonical(normalize(example).split())
                # an aspect's examples keep "{topic}" but no other topic name
                if intent.kind != "aspect":
                    canonical = words.find_topics(canonical)[0]
                per_example.append(set(canonical))
                texts.append(" ".join(canonical))
            intent_words.append(per_example)
            self._examples.append(texts)
            self._example_sizes.append([sum(len(w) + 1 for w in ws) for ws in per_example])
            for w in set().union(*per_example) if per_example else ():
                df[w] += 1
        #: how specific a word is: rarer across intents, higher
        self.idf = {w: math.log((n + 1) / (c + _DF_SMOOTHING)) for w, c in df.items()}
        self.postings, self.example_postings = self._build_postings(intent_words)
        #: intents scored for every message that names a topic, whatever its other words
        self.always = [i for i, it in enumerate(intents) if it.kind in ("aspect", "out_of_scope")]
        self.aspects = frozenset(i for i in self.always if intents[i].kind == "aspect")
        #: out-of-scope intents: our words in another sense ("chest of drawers")
        self.look_alikes = frozenset(self.always) - self.aspects

    def _build_postings(
        self, intent_words: list[list[set[str]]]
    ) -> tuple[dict[str, list[tuple[int, float]]], list[dict[str, list[int]]]]:
        """Word -> [(intent index, weight)], and per intent word -> example indices."""
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        example_postings: list[dict[str, list[int]]] = []
        for i, per_example in enumerate(intent_words):
            counts: dict[str, int] = defaultdict(int)
            ex_post: dict[str, list[int]] = defaultdict(list)
            for j, words in enumerate(per_example):
                for w in words:
                    counts[w] += 1
                    ex_post[w].append(j)
            total = max(len(per_example), 1)
            for w, c in counts.items():
                postings[w].append((i, self.idf[w] * (c / total) ** _SHARE_EXPONENT))
            example_postings.append({w: js[:_MAX_EXAMPLES] for w, js in ex_post.items()})
        return dict(postings), example_postings

    def examples_of(self, intent_index: int) -> list[str]:
        """The intent's examples in canonical words (topics as `TOPIC_TOKEN`)."""
        return self._examples[intent_index]

    def similarity(
        self, intent_index: int, qtext: str, by_rarity: Sequence[str], whole: bool = False
    ) -> float:
        """Best similarity (0-1) to the intent's examples that share a word with the query.

        Only examples found through the query's words in the intent's own index are scored
        (at most `_MAX_EXAMPLES` per word), so the cost does not grow with the number of
        example phrases. Two scores: rapidfuzz's whole-phrase ratio, and a word-set score (the
        characters of shared words against the rest of the shorter side, as rapidfuzz's
        token_set_ratio measures it) accumulated while walking the index. With `whole`, only
        the whole-phrase ratio counts.
        """
        postings = self.example_postings[intent_index]
        shared: dict[int, int] = {}
        get = shared.get
        q_total = 0
        for w in by_rarity:
            size = len(w) + 1
            q_total += size
            hits = postings.get(w)
            if hits:
                for j in hits:
                    shared[j] = get(j, 0) + size
        choices = list(map(self._examples[intent_index].__getitem__, shared))
        if whole:  # short social phrases: the whole message must be alike, not just a word
            best = process.extractOne(qtext, choices, scorer=fuzz.ratio, score_cutoff=_RATIO_CUTOFF)
            return (best[1] if best else 0.0) / 100
        totals = self._example_sizes[intent_index]
        token_set = 0.0
        for j, common in shared.items():
            total = totals[j]
            # shared characters against the rest of the shorter side
            score = common / (common + (q_total if q_total < total else total))
            if score > token_set:
                token_set = score
        token_set *= _WORD_SET_SCALE
        # the word-set score first: a phrase ratio below it changes nothing, so rapidfuzz may
        # skip the phrases that cannot reach it (by their lengths, in C)
        best = process.extractOne(
            qtext, choices, scorer=fuzz.ratio, score_cutoff=max(_RATIO_CUTOFF, token_set)
        )
        ratio = best[1] if best else 0.0
        return max(ratio, token_set) / 100
