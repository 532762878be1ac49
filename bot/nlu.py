"""The intent layer: from a message to a `Match` (what the person wants, about which topic).

Everything expensive happens once, at load, in `Matcher.__init__`:

- a vocabulary of every word the knowledge base uses, each folded to a simple lemma
  ("stretches" -> "stretch", "calves" -> "calf");
- a typo index (symmetric deletes, as in SymSpell) so "psaos", "hamstirng" and "coldown" find
  their word in a couple of dictionary look-ups; each unknown word is corrected once and cached;
- a topic lexicon (names and synonyms, longest match first) that turns "the front of my hip"
  into one placeholder token, so one example phrase serves every topic;
- an inverted index from a word to the intents whose examples use it, with a weight
  (how specific the word is, times how often the intent uses it), and, per intent, from a word
  to the example phrases that hold it.

Per message the cost depends on the message's words, not on the number of example phrases:
normalise once, look words up, add up the weights of the intents the index returns, and
score only a bounded set of example phrases of the best intents with rapidfuzz.

Out-of-domain messages are a first-class answer. "Stretch my budget" shares a word with us,
but "budget" is a word the knowledge base never uses: unknown words count against the match,
and requests about the body need an anchor (a topic or a domain word).
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.kb import KBError, KnowledgeBase
from bot.text import english_ranks, normalize

TOPIC_TOKEN = "xtopicx"
#: intents scored in full per message, and example phrases scored per intent
_TOP_INTENTS = 5
#: requests that need one of these words: a bare "stop" or "cancel" is not "stop daily tips"
_TIP_WORDS = frozenset({"tip", "tips", "hint", "advice", "fact", "trick", "useful", "teach"})
_DAILY_WORDS = _TIP_WORDS | {
    "daily",
    "day",
    "every",
    "each",
    "morning",
    "evening",
    "night",
    "subscribe",
    "unsubscribe",
    "subscription",
    "remind",
    "reminder",
    "reminders",
    "notification",
    "notifications",
}
_ANCHORED = {"tip": _TIP_WORDS, "daily_on": _DAILY_WORDS, "daily_off": _DAILY_WORDS}
#: words that rule an intent out: "stop daily tips" never turns them on
_EXCLUDED = {
    "daily_on": frozenset(
        "stop cancel off unsubscribe disable pause end quit mute not no anymore enough".split()
    )
}
#: how much an unknown word counts against a match: a word of our own texts, a number, one
#: of the 1,000 commonest English words, anything else ("budget", "jeans", "freezer")
_UNKNOWN_BODY = 0.4
_UNKNOWN_DIGITS = 0.3
_UNKNOWN_COMMON = 0.6
_UNKNOWN_RARE = 1.2
#: a known word the best intent's examples never use counts this much against it (up to 1
#: each), in messages of fewer than `_OTHER_MAX_WORDS` words; longer ones are mostly context
_OTHER_KNOWN = 0.2
_OTHER_MAX_WORDS = 16
#: intents whose examples are short social phrases ("thanks", "another one"; also "help")
_WHOLE_PHRASE_KINDS = frozenset({"smalltalk", "followup"})
_MAX_EXAMPLES = 24
#: a message of only these (and stopwords) asks nothing we can answer on its own
_BARE_WORDS = frozenset("what how why when where which who whats".split())
#: A long message (`_CLAUSE_MIN_WORDS` or more) is also read clause by clause: "I paint houses
#: for a living and my shoulders are always tight, how do I stretch them". Clauses end at
#: punctuation and at joining words, and a new one starts at a question word. A clause counts
#: only when it names a topic or stretching itself, and its score is discounted. A question
#: clause that matches says what the person wants; otherwise the best clause stands in for a
#: whole message that missed.
_CLAUSE_MIN_WORDS = 8
_CLAUSE_MARKS = re.compile(r"[,.;:!?()\n\u2026]+|\s[-\u2013\u2014]+\s")
_CLAUSE_WORDS = frozenset(
    "and but because though although while then also anyway plus lol lmao tbh ngl btw".split()
)
_CLAUSE_STARTS = frozenset("how what why where which".split())
_CLAUSE_ANCHORS = frozenset({"stretch", "cooldown", "warmup", "flexible", "flexibility"})
_CLAUSE_KINDS = frozenset({"aspect", "general", "routine", "request"})
_CLAUSE_DISCOUNT = 0.95
_QUESTION_WORDS = frozenset(
    "how what why where when which can could should do does any give show tell recommend".split()
)
#: pronouns a clause uses for the topic its message named ("..., how do I stretch them")
_CLAUSE_PRONOUNS = frozenset({"it", "them", "they"})
#: where a question's core ends: its topic ("how do I stretch my calves | during my shift")
_CORE_ENDS = _CLAUSE_PRONOUNS | {TOPIC_TOKEN}

#: words that carry no meaning for matching; they still take part in whole-phrase similarity.
STOPWORDS = frozenset(
    """a an the my me mine i is are am was were be been being to of for and or so do does did
    it its this that these those in on at with your you yours please just really very some any
    can could would will shall should may might must have has had get got getting about up out
    too also then than there here im ive id ill from by as if but not no yes ok okay oh well
    like kind sort bit little lot lots much many all every one ones thing things stuff way
    right now today still again always ever even quite pretty super
    he she they them their we us our him her his hers
    lol lmao haha hahaha omg tbh ngl btw asap af xd smh imo jk ugh hmm um uh yeah yep
    honestly literally actually basically seriously totally kinda sorta lowkey""".split()
)
#: pronouns that point back to the previous topic ("how do I stretch it?").
PRONOUNS = frozenset({"it", "them", "they", "that", "this", "those", "these", "one"})
#: intents that need a topic in the message (or a pronoun pointing at the last topic).
TOPIC_ASPECTS_KIND = "aspect"


@dataclass(frozen=True, slots=True)
class Intent:
    """One thing a person can want, with the example phrases that teach it."""

    kind: str  # aspect | general | routine | request | followup | smalltalk | out_of_scope
    key: str  # aspect id, general aspect, routine id, request id, followup id, smalltalk id
    examples: tuple[str, ...]

    @property
    def needs_topic(self) -> bool:
        return self.kind == "aspect"


@dataclass(frozen=True, slots=True)
class Match:
    """What the matcher understood."""

    kind: str  # aspect | general | routine | request | followup | smalltalk | none
    key: str
    topic: str | None
    confidence: float
    #: every topic the message names, in order
    topics: tuple[str, ...] = ()
    #: (kind, key, topic) of the runners-up, for "did you mean"
    alternatives: tuple[tuple[str, str, str | None], ...] = ()
    #: True when the topic came from the previous turn (a pronoun or a follow-up)
    topic_from_context: bool = False
    #: the message's words after normalisation and typo correction
    words: tuple[str, ...] = ()


def _lemma_candidates(word: str, plural: bool = True) -> tuple[str, ...]:
    """Simple inflection stripping, tried in order; the first known candidate wins."""
    out = []
    if len(word) > 4 and word.endswith("ies"):
        out.append(word[:-3] + "y")
    if len(word) > 4 and word.endswith("ves"):
        out.append(word[:-3] + "f")
    if len(word) > 3 and word.endswith("es"):
        out.append(word[:-2])
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        out.append(word[:-1])
    if len(word) > 5 and word.endswith("ing"):
        out.extend((word[:-3], word[:-3] + "e"))
        if len(word) > 6 and word[-4] == word[-5]:
            out.append(word[:-4])
    if len(word) > 4 and word.endswith("ed"):
        out.extend((word[:-2], word[:-1]))
    if len(word) > 5 and word.endswith("ness"):
        out.append(word[:-4])
    if plural and len(word) > 3:
        out.append(word + "s")
    return tuple(out)


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class Matcher:
    """Turns messages into `Match`es for one knowledge base."""

    def __init__(self, kb: KnowledgeBase, *, threshold: float = 0.64) -> None:
        self.kb = kb
        self.threshold = threshold
        self._english = english_ranks()
        self.intents: list[Intent] = self._collect_intents(kb)
        raw_vocab = self._raw_vocab(kb)
        #: words of the knowledge base's own texts (answers, steps): known to the domain
        self._body_words = self._body_vocab(kb)
        self._lemma: dict[str, str] = {}
        for word in raw_vocab:
            self._lemma[word] = self._lemmatize(word, raw_vocab)
        self.vocab: frozenset[str] = frozenset(self._lemma.values()) | {TOPIC_TOKEN}
        self._build_typo_index()
        self._word_cache: dict[str, str] = {}
        self._build_topic_lexicon(kb)
        self._build_intent_index()

    # ------------------------------------------------------------------ building

    @staticmethod
    def _collect_intents(kb: KnowledgeBase) -> list[Intent]:
        intents = []
        for intent in kb.intents.values():
            kind = {
                "aspects": "aspect",
                "requests": "request",
                "followups": "followup",
                "out_of_scope": "out_of_scope",
            }[intent.group]
            examples = tuple(p.replace("{topic}", TOPIC_TOKEN) for p in intent.phrases)
            intents.append(Intent(kind, intent.id, examples))
        for (topic, aspect), answer in kb.answers.items():
            if topic == "general" and answer.phrases:
                intents.append(Intent("general", aspect, answer.phrases))
        for routine in kb.routines.values():
            intents.append(Intent("routine", routine.id, routine.phrases))
        for entry in kb.smalltalk.values():
            intents.append(Intent("smalltalk", entry.id, entry.phrases))
        return intents

    @staticmethod
    def _raw_vocab(kb: KnowledgeBase) -> set[str]:
        texts: list[str] = []
        for intent in kb.intents.values():
            if intent.group == "out_of_scope":
                continue  # "freezer" in "chest freezer" must stay a word we do not know
            texts.extend(p.replace("{topic}", " ") for p in intent.phrases)
        for topic in kb.topics.values():
            texts.extend(topic.names)
            texts.extend(topic.synonyms)
            texts.extend(topic.phrases)
        for answer in kb.answers.values():
            texts.extend(answer.phrases)
        for routine in kb.routines.values():
            texts.extend(routine.phrases)
            texts.append(routine.title)
        for entry in kb.smalltalk.values():
            texts.extend(entry.phrases)
        for stretch in kb.stretches.values():
            texts.append(stretch.name)
        for flag in kb.red_flags.values():
            for pattern in flag.patterns:
                for group in pattern:
                    texts.extend(t.rstrip("*") for t in group)
        words: set[str] = set()
        for text in texts:
            words.update(normalize(text).split())
        return words

    @staticmethod
    def _body_vocab(kb: KnowledgeBase) -> frozenset[str]:
        words: set[str] = set()
        texts: list[str] = []
        for answer in kb.answers.values():
            texts.append(answer.text)
        for stretch in kb.stretches.values():
            texts.extend((*stretch.steps, stretch.feel, *stretch.cautions))
        for tip in kb.tips:
            texts.append(tip.text)
        for text in texts:
            words.update(normalize(text).split())
        stems = {c for w in words for c in _lemma_candidates(w, plural=False)}
        return frozenset(words | stems)

    def _unknown_weight(self, word: str) -> float:
        """How much a word the matcher's vocabulary lacks counts against a match."""
        if word in self._body_words or any(c in self._body_words for c in _lemma_candidates(word)):
            return _UNKNOWN_BODY
        if any(c.isdigit() for c in word):  # "10", "7am", "5k", "30s"
            return _UNKNOWN_DIGITS
        rank = self._english.get(word)
        if rank is not None and rank < 1000:
            return _UNKNOWN_COMMON
        return _UNKNOWN_RARE

    @staticmethod
    def _lemmatize(word: str, known: set[str] | frozenset[str]) -> str:
        for candidate in _lemma_candidates(word, plural=False):
            if candidate in known:
                return candidate
        return word

    def _build_typo_index(self) -> None:
        """Symmetric-delete index: every vocabulary word under each of its one-letter deletes."""
        index: dict[str, list[str]] = defaultdict(list)
        # surface forms too ("stretching"), so "streching" is one edit away from a known word
        for word in self.vocab | self._lemma.keys():
            if len(word) < 4 or word == TOPIC_TOKEN:
                continue
            index[word].append(word)
            for d in _deletes(word):
                index[d].append(word)
        self._typo_index = dict(index)
        weight: dict[str, int] = defaultdict(int)
        for topic in self.kb.topics.values():
            for name in (*topic.names, *topic.synonyms):
                for w in normalize(name).split():
                    weight[w] += 10
                    weight[self._lemma.get(w, w)] += 10
        self._typo_priority = weight

    def _build_topic_lexicon(self, kb: KnowledgeBase) -> None:
        """Names and synonyms as lemma tuples, grouped by first word, longest first."""
        lexicon: dict[tuple[str, ...], str] = {}
        errors = []
        for topic in kb.topics.values():
            for name in (*topic.names, *topic.synonyms):
                key = tuple(self.canon(w) for w in normalize(name).split())
                if not key:
                    continue
                if key in lexicon and lexicon[key] != topic.id:
                    errors.append(
                        f"topics: the name {name!r} is used by both '{lexicon[key]}' and "
                        f"'{topic.id}'; give it to one of them"
                    )
                    continue
                lexicon[key] = topic.id
        if errors:
            raise KBError(errors)
        lengths: dict[str, set[int]] = defaultdict(set)
        for key in lexicon:
            lengths[key[0]].add(len(key))
        self._lexicon = lexicon
        #: for each first word, the lengths of the names that start with it, longest first
        self._name_lengths = {w: sorted(ls, reverse=True) for w, ls in lengths.items()}

    def _build_intent_index(self) -> None:
        """Word -> [(intent index, weight)], and per intent word -> example indices."""
        n = len(self.intents)
        intent_words: list[list[set[str]]] = []
        df: dict[str, int] = defaultdict(int)
        self._examples: list[list[str]] = []
        #: per intent, per example: the characters of its distinct words (word-set score)
        self._example_sizes: list[list[int]] = []
        for intent in self.intents:
            per_example = []
            texts = []
            for example in intent.examples:
                words = self.analyse(example, use_lexicon=intent.kind != "aspect")[0]
                per_example.append(set(words))
                texts.append(" ".join(words))
            intent_words.append(per_example)
            self._examples.append(texts)
            self._example_sizes.append([sum(len(w) + 1 for w in ws) for ws in per_example])
            for w in set().union(*per_example) if per_example else ():
                df[w] += 1
        self._idf = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        self._example_postings: list[dict[str, list[int]]] = []
        self._mass: list[float] = []
        for i, per_example in enumerate(intent_words):
            counts: dict[str, int] = defaultdict(int)
            ex_post: dict[str, list[int]] = defaultdict(list)
            for j, words in enumerate(per_example):
                for w in words:
                    counts[w] += 1
                    ex_post[w].append(j)
            total = max(len(per_example), 1)
            for w, c in counts.items():
                postings[w].append((i, self._idf[w] * (c / total) ** 0.5))
            # only the first `_MAX_EXAMPLES` examples of a word are ever scored
            self._example_postings.append({w: js[:_MAX_EXAMPLES] for w, js in ex_post.items()})
        self._postings = dict(postings)
        self._always = [
            i for i, it in enumerate(self.intents) if it.kind in ("aspect", "out_of_scope")
        ]
        self._aspects = frozenset(i for i in self._always if self.intents[i].kind == "aspect")
        self._look_alikes = frozenset(self._always) - self._aspects

    # ------------------------------------------------------------------ words

    def canon(self, word: str) -> str:
        """The vocabulary form of a word: itself, its lemma, or its typo correction (cached)."""
        cached = self._word_cache.get(word)
        if cached is not None:
            return cached
        result = self._canon(word)
        if len(self._word_cache) < 100_000:
            self._word_cache[word] = result
        return result

    def _canon(self, word: str) -> str:
        if word == TOPIC_TOKEN:
            return word
        lemma = self._lemma.get(word)
        if lemma is not None:
            return lemma
        for candidate in _lemma_candidates(word):
            if candidate in self._lemma:
                return self._lemma[candidate]
        if len(word) < 3 or word.isdigit() or word in self._english:
            return word
        corrected = self._correct(word)
        if len(word) == 3 and not self._typo_priority.get(corrected or ""):
            return word  # three letters are too few to guess from, but "bak" and "nek" are ours
        return self._lemma.get(corrected, corrected) if corrected else word

    def _correct(self, word: str) -> str | None:
        """The closest vocabulary word within one edit (two for long words), or None."""
        found: set[str] = set(self._typo_index.get(word, ()))
        for d in _deletes(word):
            found.update(self._typo_index.get(d, ()))
        max_distance = 1
        if not found and len(word) >= 7:
            max_distance = 2
            for d in _deletes(word):
                for dd in _deletes(d):
                    found.update(self._typo_index.get(dd, ()))
        best = None
        best_key = None
        for candidate in found:
            distance = OSA.distance(word, candidate)
            if distance > max_distance:
                continue
            key = (distance, -self._typo_priority.get(candidate, 0), candidate)
            if best_key is None or key < best_key:
                best, best_key = candidate, key
        return best

    def analyse(
        self, text: str, *, use_lexicon: bool = True
    ) -> tuple[list[str], list[str], list[str]]:
        """(words with topics replaced by a placeholder, topic ids found, corrected words)."""
        return self._analyse_words(normalize(text).split(), use_lexicon=use_lexicon)

    def _analyse_words(
        self, raw: list[str], *, use_lexicon: bool = True
    ) -> tuple[list[str], list[str], list[str]]:
        """`analyse` for words already normalised."""
        words = [self.canon(w) for w in raw]
        if not use_lexicon:
            return words, [], words
        out: list[str] = []
        topics: list[str] = []
        i = 0
        n = len(words)
        lexicon = self._lexicon
        while i < n:
            for length in self._name_lengths.get(words[i], ()):
                topic_id = lexicon.get(tuple(words[i : i + length]))
                if topic_id is not None:
                    out.append(TOPIC_TOKEN)
                    topics.append(topic_id)
                    i += length
                    break
            else:
                out.append(words[i])
                i += 1
        return out, topics, words

    # ------------------------------------------------------------------ matching

    def match_words(
        self,
        words: list[str],
        topics: list[str],
        corrected: list[str],
        last_topic: str | None = None,
    ) -> Match:
        if not words:
            return Match("none", "empty", None, 0.0)
        uniq = set(words)
        content = [w for w in uniq if w not in STOPWORDS]
        scores: dict[int, float] = defaultdict(float)
        idf = self._idf
        for w in uniq:
            for i, weight in self._postings.get(w, ()):
                scores[i] += weight
        query_mass = sum(idf.get(w, 1.0) for w in uniq) or 1.0
        unknown = [w for w in content if w not in self.vocab]
        unknown_mass = sum(self._unknown_weight(w) for w in unknown)
        # a known word weighs its specificity; one our texts use but no example does, 0.5
        known = [(w, max(idf.get(w, 0.5), 0.3)) for w in content if w in self.vocab]
        known_mass = sum(k for _w, k in known)
        #: words that teach some intent: one the best intent does not use may count against it
        teaching = [(w, k) for w, k in known if w in idf] if len(words) < _OTHER_MAX_WORDS else []
        total_mass = known_mass + unknown_mass
        coverage = known_mass / total_mass if total_mass else 1.0
        ranked = heapq.nlargest(_TOP_INTENTS, scores.items(), key=lambda kv: kv[1])
        has_topic = bool(topics)
        pronoun = bool(uniq & PRONOUNS)
        qtext = " ".join(words)
        by_rarity = sorted(uniq, key=lambda w: -idf.get(w, 0.0))
        results: list[tuple[float, Intent]] = []
        floor = 0.3 * ranked[0][1] if ranked else 0.0
        ranked = [(i, agg) for i, agg in ranked if agg >= floor]
        if topics:  # a message naming a body part: every question about it is a candidate,
            # and so is every look-alike that uses the word in another sense ("chest of drawers")
            chosen = {i for i, _agg in ranked}
            look_alikes = {
                i for w in content for i, _ in self._postings.get(w, ()) if i in self._look_alikes
            }
            ranked += [
                (i, scores.get(i, 0.0))
                for i in self._always
                if i not in chosen and (i in self._aspects or i in look_alikes)
            ]
        # "ok", "what": nothing to answer, unless a social phrase is exactly that
        bare = all(w in _BARE_WORDS for w in content)
        for i, agg in ranked:
            intent = self.intents[i]
            whole = intent.kind in _WHOLE_PHRASE_KINDS or intent.key == "help"
            if bare and not whole:
                continue
            if intent.needs_topic and not has_topic and not (pronoun and last_topic):
                continue
            if intent.key in _ANCHORED and not uniq & _ANCHORED[intent.key]:
                continue
            if intent.key in _EXCLUDED and uniq & _EXCLUDED[intent.key]:
                continue
            fuzzy = self._fuzzy(i, qtext, by_rarity, whole)
            precision = agg / query_mass
            cov = coverage
            own = self._example_postings[i]
            other = [k for w, k in teaching if w not in own]
            if other:  # "job interview any tips": "job" and "interview" are not tip words
                mass = sum(other)
                cov = (known_mass - mass) / (
                    total_mass - mass + _OTHER_KNOWN * sum(min(k, 1.0) for k in other)
                )
            score = (0.75 * fuzzy + 0.25 * min(1.0, precision * 1.6)) * cov
            results.append((score, intent))
        results.sort(key=lambda r: -r[0])
        if not results:
            return Match("none", "nothing", topics[0] if topics else None, 0.0, tuple(topics))
        score, best = results[0]
        topic = topics[0] if topics else None
        from_context = False
        if topic is None and (best.needs_topic or best.kind == "followup") and last_topic:
            topic, from_context = last_topic, True
        alternatives = tuple(
            (intent.kind, intent.key, topic) for _s, intent in results[1:4] if intent is not best
        )
        return Match(
            best.kind,
            best.key,
            topic,
            round(min(1.0, score), 3),
            tuple(topics),
            alternatives,
            from_context,
            tuple(corrected),
        )

    def match(
        self,
        text: str,
        analysed: tuple[list[str], list[str], list[str]] | None = None,
        last_topic: str | None = None,
    ) -> Match:
        """Match a message. A long one is also read clause by clause: its question ("..., how
        do I stretch them") says what the person wants, and the rest is often context."""
        words, topics, corrected = analysed or self.analyse(text)
        whole = self.match_words(words, topics, corrected, last_topic)
        if len(words) < _CLAUSE_MIN_WORDS:
            return whole
        accepted = whole.confidence >= self.threshold
        if (accepted and whole.kind != "aspect") or whole.kind == "out_of_scope":
            return whole  # a look-alike as a whole ("an old chest of drawers ...") stays one
        clauses = self._clauses(text)
        if accepted and len(clauses) < 2:
            return whole
        # "... my quads are killing me, how do I stretch them": "them" is the message's topic
        topic = topics[0] if topics else last_topic
        question = None
        best = whole
        for clause in clauses:
            c_words, c_topics, c_corrected = self._analyse_words(clause)
            start = next((i for i, w in enumerate(c_words) if w in _QUESTION_WORDS), None)
            if accepted and start is None:
                continue  # only a question can overrule an answer already found
            found = None
            if len(clauses) > 1:
                found = self._match_clause(c_words, c_topics, c_corrected, topic)
            if start is not None and (found is None or found.confidence < self.threshold):
                # still no answer: the question without what follows it
                core = self._question_core(c_words, start)
                if core is not None:
                    before = c_words[:start].count(TOPIC_TOKEN)
                    trimmed = self._match_clause(
                        core, c_topics[before : before + 1], c_corrected, topic
                    )
                    if trimmed is not None and (
                        found is None or trimmed.confidence > found.confidence
                    ):
                        found = trimmed
            if found is None:
                continue
            if start is not None and found.confidence >= self.threshold:
                question = found  # the last question wins
            if found.confidence > best.confidence:
                best = found
        result = whole if accepted else best
        if question is not None and (
            not accepted or (whole.kind == "aspect" and question.topic == whole.topic)
        ):
            result = question
        if result is whole:
            return whole
        return replace(
            result,
            topics=tuple(topics) or result.topics,
            topic_from_context=result.topic_from_context and not topics,
            words=tuple(corrected),
        )

    @staticmethod
    def _question_core(words: list[str], start: int) -> list[str] | None:
        """The question without what follows it: from its first question word to the end of
        the shortest run holding both a topic (or "it") and a stretch word ("how do I stretch
        my calves | during a quiet moment", "a good glute stretch | I can do on break")."""
        topic_at = stretch_at = None
        for i in range(start, len(words)):
            if topic_at is None and words[i] in _CORE_ENDS:
                topic_at = i
            if stretch_at is None and words[i] in _CLAUSE_ANCHORS:
                stretch_at = i
            if topic_at is not None and stretch_at is not None:
                end = max(topic_at, stretch_at) + 1
                return words[start:end] if end < len(words) else None
        return None

    def _match_clause(
        self, words: list[str], topics: list[str], corrected: list[str], topic: str | None
    ) -> Match | None:
        """A clause's match, discounted; None when the clause cannot stand for the message."""
        if sum(w not in STOPWORDS for w in words) < 2:
            return None
        if TOPIC_TOKEN not in words and topic:
            # "..., why do they get so tight": "they" is the topic the message named
            at = next((i for i, w in enumerate(words) if w in _CLAUSE_PRONOUNS), None)
            if at is not None:
                words = [*words[:at], TOPIC_TOKEN, *words[at + 1 :]]
                topics = [topic]
            elif _CLAUSE_ANCHORS.intersection(words):  # "..., what stretch can I do"
                words = [*words, TOPIC_TOKEN]
                topics = [topic]
        if not (TOPIC_TOKEN in words or _CLAUSE_ANCHORS.intersection(words)):
            return None
        found = self.match_words(words, topics, corrected, topic)
        if found.kind not in _CLAUSE_KINDS:
            return None
        return replace(found, confidence=round(found.confidence * _CLAUSE_DISCOUNT, 3))

    @staticmethod
    def _clauses(text: str) -> list[list[str]]:
        """The message's normalised words cut at punctuation and at words that join clauses
        ("and", "but")."""
        clauses = []
        for part in _CLAUSE_MARKS.split(text):
            current: list[str] = []
            for word in normalize(part).split():
                if word in _CLAUSE_WORDS:
                    if current:
                        clauses.append(current)
                    current = []
                elif word in _CLAUSE_STARTS and len(current) >= 2:
                    clauses.append(current)  # "... are always tight | how do I ..."
                    current = [word]
                else:
                    current.append(word)
            if current:
                clauses.append(current)
        return clauses

    def _fuzzy(
        self, intent_index: int, qtext: str, by_rarity: list[str], whole: bool = False
    ) -> float:
        """Best similarity to the intent's examples that share a word with the query.

        Only examples found through the query's words in the intent's own index are scored
        (at most `_MAX_EXAMPLES` per word), so the cost does not grow with the number of
        example phrases. Two scores: rapidfuzz's whole-phrase ratio, and a word-set score (the
        characters of shared words against the rest of the shorter side, as rapidfuzz's
        token_set_ratio measures it) accumulated while walking the index.
        """
        postings = self._example_postings[intent_index]
        shared: dict[int, int] = {}
        q_total = 0
        for w in by_rarity:
            size = len(w) + 1
            q_total += size
            hits = postings.get(w)
            if hits:
                get = shared.get
                for j in hits:
                    shared[j] = get(j, 0) + size
        if not shared:
            return 0.8
        examples = self._examples[intent_index]
        best = process.extractOne(
            qtext, [examples[j] for j in shared], scorer=fuzz.ratio, score_cutoff=30
        )
        ratio = best[1] if best else 0.0
        if whole:  # short social phrases: the whole message must be alike, not just a word
            return ratio / 100
        totals = self._example_sizes[intent_index]
        token_set = 0.0
        for j, common in shared.items():
            total = totals[j]
            # shared characters against the rest of the shorter side
            score = common / (common + (q_total if q_total < total else total))
            if score > token_set:
                token_set = score
        # the word-set score tolerates extra words in a long message, so it is discounted
        token_set *= 200 * 0.85
        return max(ratio, token_set) / 100
