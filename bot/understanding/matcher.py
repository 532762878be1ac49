"""From an `Analysis` of a message to a `Match`: what the person wants, about which topic.

Per message: add up the index weights of the intents that share the message's words, keep the
best few, and score each with a fuzzy similarity to its examples, weighed by how much of the
message the knowledge base knows. A long message is also read clause by clause.

Out-of-domain messages are a first-class answer. "Stretch my budget" shares a word with us,
but "budget" is a word the knowledge base never uses: unknown words count against the match,
and requests about the body need an anchor (a topic or a domain word).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from operator import itemgetter
from typing import Literal, NamedTuple

from bot.kb import KnowledgeBase
from bot.understanding.analysis import CLAUSE_MIN_WORDS, Analysis, analyse
from bot.understanding.index import Intent, IntentIndex, IntentKind, collect_intents
from bot.understanding.text import normalize
from bot.understanding.words import STOPWORDS, TOPIC_TOKEN, Canonicaliser

MatchKind = Literal[IntentKind, "none"]

#: a match at or above this confidence is an answer; below it, a fallback with suggestions
DEFAULT_THRESHOLD = 0.64
#: intents scored in full per message
_TOP_INTENTS = 5
#: intents whose keyword sum is under this share of the best one's are not worth scoring
_CANDIDATE_FLOOR = 0.3
#: a score is mostly how alike the message is to an example, partly how much of the message's
#: keyword weight the intent takes; that share counts in full from 1 / `_PRECISION_GAIN` up
_FUZZY_WEIGHT = 0.75
_PRECISION_WEIGHT = 0.25
_PRECISION_GAIN = 1.6
#: a message word no example uses weighs this much in the message's keyword weight
_UNSEEN_IDF = 1.0
#: a known word weighs its specificity, at least `_KNOWN_MIN_WEIGHT`; a word of our texts that
#: no example uses weighs `_UNTAUGHT_WEIGHT`
_UNTAUGHT_WEIGHT = 0.5
_KNOWN_MIN_WEIGHT = 0.3
#: a known word the best intent's examples never use counts this much against it (up to 1
#: each), in messages of fewer than `_OTHER_MAX_WORDS` words; longer ones are mostly context
_OTHER_KNOWN = 0.2
_OTHER_MAX_WORDS = 16
#: at most this many unknown words of a message are weighed one by one (the rest are taken to
#: weigh the same on average): each costs an inflection check, 5 µs
_UNKNOWN_SAMPLE = 120
#: a long message is read clause by clause up to this many clauses (its first and last
#: halves): each clause costs a match, and 600 comma-separated words would cost 12 ms
_MAX_CLAUSES = 24
#: runners-up kept for "did you mean"
_ALTERNATIVES = 3
#: confidences are rounded, so a reply does not hang on the last bits of a float
_CONFIDENCE_DIGITS = 3


def _singular(word: str) -> str:
    """`word` without a plural's "s" ("marks" -> "mark"; not "glass" nor "bus")."""
    if len(word) > _SHORTEST_PLURAL and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _singular_pair(pair: tuple[str, str]) -> tuple[str, str]:
    return _singular(pair[0]), _singular(pair[1])


_SHORTEST_PLURAL = 3
#: words that only place a thing in time: never part of a look-alike's other sense
_TIMING_WORDS = frozenset(
    {"before", "after", "during", "last", "yesterday", "today", "tonight", "since", "ago"}
    # spans of time ("six months" of a look-alike's plan is no other sense of an area)
    | {"minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months"}
    | {"year", "years"}
)
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
    # "sign me up", "opt me in": the daily tips are the one thing to sign up for
    "sign",
    "signup",
    "opt",
}
#: what makes a question one of age: "is there any point stretching" asks what stretching
#: does, "is there any point at 70" whether age stops it (a number counts too)
_AGE_WORDS = frozenset(
    """old older oldie age ages aged elderly senior seniors retired retirement pensioner
    grandma grandpa grandad granny grandparent late young younger year years yrs yo decade
    decades 30s 40s 50s 60s 70s 80s 90s thirties forties fifties sixties seventies eighties
    nineties birthday""".split()
)
#: what to stretch with: the props answer needs one named ("what do i need to do" is not it)
_KIT_WORDS = frozenset(
    """equipment kit gear prop props mat mats strap straps band bands block blocks towel towels
    belt belts cushion cushions""".split()
)
#: what the period-pain answer needs named: a period ("how do i tell good stretch pain from
#: bad pain" shares its words, not its subject)
_PERIOD_WORDS = frozenset(
    "period periods menstrual menstruation dysmenorrhea dysmenorrhoea".split()
)
#: where the heat is: the answer on stretching in it needs one named ("heat or ice" is not it)
_HEAT_PLACES = frozenset("sauna saunas steam tub jacuzzi bath bikram hot heated".split())
#: what the answer on feeling tighter after stretching needs: a word of more tightness ("why
#: does stretching help" shares its words, not its subject)
_TIGHTER_WORDS = frozenset("tighter stiffer tenser tightened stiffened".split())
#: what the answer on the urge to stretch needs: a yawn or waking, or the urge itself ("why do
#: we stretch" alone asks what stretching does)
_URGE_WORDS = frozenset(
    """yawn yawns yawning yawned pandiculation pandiculate pandiculating urge wake waking woke
    instinct instinctively automatically involuntarily""".split()
)
#: what the answer on breathing in a stretch needs: a breath named ("when do i stretch" shares
#: its small words, not its subject)
_BREATH_WORDS = frozenset(
    "breath breathe breathing breaths inhale inhaling exhale exhaling exhalation".split()
)
#: what the answer on sleep needs: sleep named ("does stretching help" alone is its benefits)
_SLEEP_WORDS = frozenset("sleep sleeping asleep insomnia sleepless".split())
#: what the answer on balance needs: balance or falls named ("what stretches help" alone is
#: not it)
_BALANCE_WORDS = frozenset("balance steady steadier wobbly unsteady fall falls falling".split())
_ANCHORED = {
    "balance": _BALANCE_WORDS,
    "tip": _TIP_WORDS,
    "sleep": _SLEEP_WORDS,
    "urge_to_stretch": _URGE_WORDS,
    "tighter_after": _TIGHTER_WORDS,
    "stretching_in_heat": _HEAT_PLACES,
    "period_pain": _PERIOD_WORDS,
    "daily_on": _DAILY_WORDS,
    "daily_off": _DAILY_WORDS,
    "too_old": _AGE_WORDS,
    "equipment": _KIT_WORDS,
    "breathing": _BREATH_WORDS,
}
#: intents an anchor word or any number ("im 63") keeps
_NUMBER_ANCHORS = frozenset({"too_old"})
#: intents that need a second anchor besides: the answer on sleep needs stretching named too
#: ("how do i sleep better" is no stretching question)
_ANCHORED_TOO = {
    "sleep": frozenset("stretch stretching stretches yoga".split()),
    # ... and the answer on breathing one of stretching ("hold my breath when swimming" is not)
    "breathing": frozenset("stretch stretching stretches stretched pose poses yoga".split()),
    # ... and the answer on balance one of the body or of practising it ("check my balance"
    # is the bank's)
    "balance": frozenset(
        """stretch stretching stretches exercise exercises improve improving better worse fall
        falls fell falling training yoga tai chi leg legs wobbly steady unsteady steadier
        poor bad terrible rubbish awful work age old older""".split()
    ),
}
#: words that rule an intent out: "stop daily tips" never turns them on
_EXCLUDED = {
    # "check my checking balance", "work life balance": money and life, not the body's
    "balance": frozenset(
        """bank banking checking account accounts transfer credit card money owe payment
        budget checkbook sheet life savings statement""".split()
    ),
    # "stretch for a long period", "prolonged periods of sitting": a while, not a period
    "period_pain": frozenset("long longer short shorter extended prolonged time".split()),
    # "short of breath when i stretch": breathlessness, not how to breathe in a hold; "pins
    # and needles in a pose, should i breathe through it": the pins and needles
    "breathing": frozenset(
        "short shortness breathless winded gasping panting wheezing pins needles tingling numb "
        "numbness".split()
    ),
    "daily_on": frozenset(
        "stop cancel off unsubscribe disable pause end quit mute not no anymore enough".split()
    ),
}
#: intents whose examples are short social phrases ("thanks", "another one"; also "help")
_WHOLE_PHRASE_KINDS = frozenset({"smalltalk", "followup"})
#: words said around a social phrase that change nothing of it ("ur honestly useless", "wait
#: am i talking to a real person"): left out of the whole-phrase ratio
_SOCIAL_FILLERS = frozenset(
    "honestly honest literally actually basically seriously genuinely truly wait hmm hm um umm "
    "erm lol lmao haha tbh tbf ngl omg fr srsly".split()
)
#: ... and sayings of the same kind ("be honest", "to be fair", "for real")
_SOCIAL_FILLER_PHRASES = (
    ("to", "be", "honest"),
    ("be", "honest"),
    ("to", "be", "fair"),
    ("for", "real"),
)


def _without_social_fillers(words: Sequence[str]) -> str:
    """The words without `_SOCIAL_FILLERS` and `_SOCIAL_FILLER_PHRASES`: "are u a real
    person or a bot be honest" -> "are u a real person or a bot"."""
    kept: list[str] = []
    for word in words:
        kept.append(word)
        for phrase in _SOCIAL_FILLER_PHRASES:
            if tuple(kept[-len(phrase) :]) == phrase:
                del kept[-len(phrase) :]
                break
    return " ".join(w for w in kept if w not in _SOCIAL_FILLERS)


#: a message of only these (and stopwords) asks nothing we can answer on its own
_BARE_WORDS = frozenset("what how why when where which who whats".split())
#: pronouns that point back to the previous topic ("how do I stretch it?").
PRONOUNS = frozenset({"it", "them", "they", "that", "this", "those", "these", "one", "mine"})
#: A long message is also read clause by clause (`Analysis.clauses`). A clause counts only
#: when it names a topic, stretching itself or a routine's time of day ("something gentle
#: before bed? ..."), and its score is discounted. A question clause that matches says what the
#: person wants; otherwise the best clause stands in for a whole message that missed.
_CLAUSE_ANCHORS = frozenset(
    {"stretch", "cooldown", "warmup", "flexible", "flexibility", "routine", "bed", "bedtime"}
)
#: ... and, in a clause that asks for something, the legs, which have a routine of their own
#: and no topic ("..., quick something for my legs")
_ASKED_ANCHORS = frozenset({"leg", "legs"})
_ASKING_FOR = frozenset({"something", "anything", "any", "give", "show", "recommend"})
_CLAUSE_KINDS = frozenset({"aspect", "general", "routine", "request"})
#: a clause of fewer words that are not stopwords is too little to stand for the message
_CLAUSE_MIN_CONTENT = 2
_CLAUSE_DISCOUNT = 0.95
#: words that open a question or a request ("..., something to loosen them")
_QUESTION_WORDS = frozenset(
    """how what why where when which can could should do does any give show tell recommend
    something anything""".split()
)
#: pronouns a clause uses for the topic its message named ("..., how do I stretch them")
_CLAUSE_PRONOUNS = frozenset({"it", "them", "they"})
#: where a question's core ends: its topic ("how do I stretch my calves | during my shift")
_CORE_ENDS = _CLAUSE_PRONOUNS | {TOPIC_TOKEN}


@dataclass(frozen=True, slots=True)
class Match:
    """What the matcher understood."""

    kind: MatchKind
    key: str
    topic: str | None
    confidence: float
    #: every topic the message names, in order
    topics: tuple[str, ...] = ()
    #: (kind, key, topic) of the runners-up, for "did you mean"
    alternatives: tuple[tuple[MatchKind, str, str | None], ...] = ()


class _Query(NamedTuple):
    """The message-wide figures every candidate intent is scored against."""

    #: the message's distinct words
    words: set[str]
    #: its distinct words that are not stopwords
    content: list[str]
    #: the message's words as one string, for the whole-phrase ratio
    text: str
    #: ... and without `_SOCIAL_FILLERS`, for the ratio to short social phrases
    social_text: str
    #: its words, the most specific first, for the word-set score
    by_rarity: list[str]
    #: the idf of all its words: the keyword weight an intent could take
    mass: float
    #: known (weighted) and known plus unknown weight of its content words, and their ratio
    known_mass: float
    total_mass: float
    coverage: float
    #: (word, weight) of the known words that teach some intent
    teaching: list[tuple[str, float]]


class Matcher:
    """Turns messages into `Match`es for one knowledge base."""

    def __init__(self, kb: KnowledgeBase, *, threshold: float = DEFAULT_THRESHOLD) -> None:
        """Build everything the matcher needs from `kb`, once; `threshold` is the confidence
        a match needs to be an answer."""
        self.threshold = threshold
        self.words = Canonicaliser(kb)
        #: every word the knowledge base uses, as a lemma
        self.vocab = self.words.vocab
        self.index = IntentIndex(collect_intents(kb), self.words)
        self.intents: list[Intent] = self.index.intents
        # a look-alike's word pairs that no in-domain example has, without a word that only
        # places things in time: "stretch marks", "tight deadline", not "{topic} after"
        # ("stretch my calves after a run") or "tight before" ("glutes tight before bed")
        # (each word without a plural's "s": "stretch mark cream" has the pair of "stretch
        # marks")
        ours = {
            _singular_pair(pair)
            for i in range(len(self.intents))
            if i not in self.index.look_alikes
            for example in self.index.examples_of(i)
            for pair in _content_pairs(example.split())
        }
        self._look_alike_pairs = frozenset(
            single
            for i in self.index.look_alikes
            for example in self.index.examples_of(i)
            for pair in _content_pairs(example.split())
            if not _TIMING_WORDS.intersection(pair) and (single := _singular_pair(pair)) not in ours
        )
        #: the words look-alike examples use, topic names as written ("quad" of "where is the
        #: quad on campus", "arm" of "the arm of a record player")
        self.look_alike_words = frozenset(
            word
            for intent in kb.intents.values()
            if intent.group == "out_of_scope"
            for phrase in intent.phrases
            for word in self.words.canonical(normalize(phrase).split())
        )

    def analyse(self, text: str) -> Analysis:
        """Read a message once, for the red-flag rules and for `match`."""
        return analyse(text, self.words)

    def match(self, analysis: Analysis, last_topic: str | None = None) -> Match:
        """Match a message. A long one is also read clause by clause: its question ("..., how
        do I stretch them") says what the person wants, and the rest is often context."""
        words, topics = _without_counts(analysis.words), analysis.topics
        whole = self._match_words(words, topics, last_topic)
        if len(words) < CLAUSE_MIN_WORDS:
            return whole
        accepted = whole.confidence >= self.threshold
        if (accepted and whole.kind != "aspect") or whole.kind == "out_of_scope":
            return whole  # a look-alike as a whole ("an old chest of drawers ...") stays one
        clauses = analysis.canonical_clauses
        if len(clauses) > _MAX_CLAUSES:
            # people open with the story and close with the question: keep both ends
            half = _MAX_CLAUSES // 2
            clauses = clauses[:half] + clauses[-half:]
        if accepted and len(clauses) < 2:
            return whole
        # "... my quads are killing me, how do I stretch them": "them" is the message's topic
        topic = topics[0] if topics else last_topic
        best, question = self._read_clauses(clauses, topic, whole, accepted)
        result = whole if accepted else best
        if question is not None and (
            not accepted
            or (
                whole.kind == "aspect"
                and (
                    question.topic == whole.topic
                    # "i have a bad knee, what can i do for tight hamstrings": the question
                    # names its own area, the story another
                    or (
                        question.kind == "aspect"
                        and question.topic in topics
                        and question.confidence > whole.confidence
                        and not self._asked_in_a_question(clauses, whole.topic)
                    )
                )
            )
        ):
            result = question
        if result is whole:
            return whole
        return replace(result, topics=topics or result.topics)

    # ------------------------------------------------------------------ a whole message

    def _match_words(
        self, words: Sequence[str], topics: Sequence[str], last_topic: str | None
    ) -> Match:
        """The best intent for canonical words (topics as `TOPIC_TOKEN`), or a "none" match."""
        if not words:
            return Match("none", "empty", None, 0.0)
        query, scores = self._query(words)
        uniq, content = query.words, query.content
        pronoun = bool(uniq & PRONOUNS)
        # "ok", "what": nothing to answer, unless a social phrase is exactly that
        bare = all(w in _BARE_WORDS for w in content)
        similarity = self.index.similarity
        example_postings = self.index.example_postings
        text, by_rarity, teaching = query.text, query.by_rarity, query.teaching
        social_text = query.social_text
        intents = self.intents
        # every candidate with its best possible score (a perfect phrase similarity)
        bounded: list[tuple[float, int, int, Intent, bool, float, float]] = []
        for order, (i, agg) in enumerate(self._candidates(scores, content, bool(topics))):
            intent = intents[i]
            whole = intent.kind in _WHOLE_PHRASE_KINDS or intent.key == "help"
            if bare and not whole:
                continue
            if intent.needs_topic and not topics and not (pronoun and last_topic):
                continue
            if (
                intent.key in _ANCHORED
                and not uniq & _ANCHORED[intent.key]
                and not (intent.key in _NUMBER_ANCHORS and any(_an_age(w) for w in uniq))
            ):
                continue
            if (
                intent.key in _ANCHORED_TOO
                and not uniq & _ANCHORED_TOO[intent.key]
                # "how do i breathe in this one" after a stretch: the stretch pointed at
                and not (pronoun and last_topic)
            ):
                continue
            if intent.key in _EXCLUDED and uniq & _EXCLUDED[intent.key]:
                continue
            # how alike the message is to an example, and its share of the keyword weight,
            # times how much of the message the knowledge base (and the intent) knows
            precision = agg / query.mass
            own = example_postings[i]
            other = [k for w, k in teaching if w not in own]
            coverage = _narrowed(query, other) if other else query.coverage
            keyword_part = _PRECISION_WEIGHT * min(1.0, precision * _PRECISION_GAIN)
            bound = (_FUZZY_WEIGHT + keyword_part) * coverage
            bounded.append((bound, order, i, intent, whole, keyword_part, coverage))
        # the best `kept` scores so far: the candidates are scored highest bound first, and
        # once a bound cannot reach them, neither can any after it (the similarity is most of
        # a message's cost). Ties keep the candidates' order, so the result does not depend
        # on how many were scored.
        bounded.sort(key=_first_descending)
        kept = 1 + _ALTERNATIVES
        best_scores: list[float] = []
        results: list[tuple[float, int, Intent]] = []
        for bound, order, i, intent, whole, keyword_part, coverage in bounded:
            if len(best_scores) >= kept and bound < best_scores[0]:
                break
            fuzzy = similarity(i, social_text if whole else text, by_rarity, whole)
            score = (_FUZZY_WEIGHT * fuzzy + keyword_part) * coverage
            results.append((score, order, intent))
            if len(best_scores) < kept:
                heapq.heappush(best_scores, score)
            elif score > best_scores[0]:
                heapq.heapreplace(best_scores, score)
        results.sort(key=_score_then_order)
        if not results:
            return Match("none", "nothing", topics[0] if topics else None, 0.0, tuple(topics))
        score, _order, best = results[0]
        topic = topics[0] if topics else None
        if topic is None and (best.needs_topic or best.kind == "followup") and last_topic:
            topic = last_topic
        alternatives = tuple(
            (intent.kind, intent.key, topic)
            for _s, _o, intent in results[1 : 1 + _ALTERNATIVES]
            if intent is not best
        )
        confidence = round(min(1.0, score), _CONFIDENCE_DIGITS)
        return Match(best.kind, best.key, topic, confidence, tuple(topics), alternatives)

    def look_alike_pairs(self, words: Sequence[str]) -> set[tuple[str, str]]:
        """The pairs of neighbouring words (neither a stopword; an owner may stand between)
        of `words` that a look-alike example also has: "stretch marks", "tight deadline",
        "chest freezer", "stretch my budget" (the topic as `TOPIC_TOKEN`). A look-alike's
        words side by side are its other sense."""
        pairs = self._look_alike_pairs
        return {pair for pair in _pairs_past_owners(words) if _singular_pair(pair) in pairs}

    def _query(self, words: Sequence[str]) -> tuple[_Query, dict[int, float]]:
        """The message's figures, and each intent's keyword sum (the index weights of the
        message's words it uses)."""
        uniq = set(words)
        content = [w for w in uniq if w not in STOPWORDS]
        scores: dict[int, float] = {}
        get = scores.get
        idf = self.index.idf
        postings = self.index.postings
        for w in uniq:
            posting = postings.get(w)
            if posting:
                for i, weight in posting:
                    scores[i] = get(i, 0.0) + weight
        mass = sum(idf.get(w, _UNSEEN_IDF) for w in uniq) or 1.0
        vocab = self.vocab
        unknown_weight = self.words.unknown_weight
        unknown = [w for w in content if w not in vocab]
        if len(unknown) > _UNKNOWN_SAMPLE:  # a long message: weigh a fixed sample, scaled up
            sample = sorted(unknown)[:_UNKNOWN_SAMPLE]  # sorted: a set's order varies by run
            scale = len(unknown) / _UNKNOWN_SAMPLE
            unknown_mass = sum(unknown_weight(w) for w in sample) * scale
        else:
            unknown_mass = sum(unknown_weight(w) for w in unknown)
        known = [
            (w, max(idf.get(w, _UNTAUGHT_WEIGHT), _KNOWN_MIN_WEIGHT)) for w in content if w in vocab
        ]
        known_mass = sum(k for _w, k in known)
        # words that teach some intent: one the best intent does not use may count against it
        teaching = [(w, k) for w, k in known if w in idf] if len(words) < _OTHER_MAX_WORDS else []
        total_mass = known_mass + unknown_mass
        query = _Query(
            uniq,
            content,
            " ".join(words),
            _without_social_fillers(words) or " ".join(words),
            sorted(uniq, key=lambda w: -idf.get(w, 0.0)),
            mass,
            known_mass,
            total_mass,
            known_mass / total_mass if total_mass else 1.0,
            teaching,
        )
        return query, scores

    def _candidates(
        self, scores: dict[int, float], content: list[str], has_topic: bool
    ) -> list[tuple[int, float]]:
        """The intents worth a full score, with their keyword sums: the best few, and for a
        message naming a body part every question about it and every look-alike that uses
        one of its words in another sense ("chest of drawers")."""
        ranked = heapq.nlargest(_TOP_INTENTS, scores.items(), key=itemgetter(1))
        floor = _CANDIDATE_FLOOR * ranked[0][1] if ranked else 0.0
        ranked = [(i, agg) for i, agg in ranked if agg >= floor]
        if has_topic:
            index = self.index
            chosen = {i for i, _agg in ranked}
            look_alikes = {
                i for w in content for i, _ in index.postings.get(w, ()) if i in index.look_alikes
            }
            ranked += [
                (i, scores.get(i, 0.0))
                for i in index.always
                if i not in chosen and (i in index.aspects or i in look_alikes)
            ]
        return ranked

    # ------------------------------------------------------------------ a long message

    def _read_clauses(
        self,
        clauses: Sequence[Sequence[str]],  # in their vocabulary form
        topic: str | None,
        whole: Match,
        accepted: bool,
    ) -> tuple[Match, Match | None]:
        """(the best match of the whole message and its clauses, the last question clause
        that matches, if any). Once the whole message is `accepted`, only questions count."""
        question = None
        best = whole
        carried: Sequence[str] = ()
        for clause in clauses:
            if carried:
                # "my calves | and achilles are always tight": areas named together, split
                # at their "and", are one clause, the first area first
                clause = (*carried, "and", *clause)
                carried = ()
            c_words, c_topics = self.words.find_topics(clause)
            if (
                len(c_topics) == 1
                and c_words[-1:] == [TOPIC_TOKEN]
                and sum(w not in STOPWORDS for w in c_words) < _CLAUSE_MIN_CONTENT
                and _QUESTION_WORDS.isdisjoint(c_words)
            ):
                carried = clause  # an area alone: it may be the first of two named together
                continue
            start = next((i for i, w in enumerate(c_words) if w in _QUESTION_WORDS), None)
            if accepted and start is None:
                continue  # only a question can overrule an answer already found
            found = None
            if len(clauses) > 1:
                found = self._match_clause(c_words, c_topics, topic)
            if start is not None and (found is None or found.confidence < self.threshold):
                trimmed = self._match_core(c_words, c_topics, start, topic)
                if trimmed is not None and (found is None or trimmed.confidence > found.confidence):
                    found = trimmed
            if found is None:
                continue
            if start is not None and found.confidence >= self.threshold:
                question = found  # the last question wins
            if found.confidence > best.confidence:
                best = found
        return best, question

    def _asked_in_a_question(self, clauses: Sequence[Sequence[str]], topic: str | None) -> bool:
        """Whether `topic` is named in a clause that asks a question: "what is the piriformis
        and why does my butt ache" asks of both areas, the first first."""
        for clause in clauses:
            c_words, c_topics = self.words.find_topics(clause)
            if topic in c_topics and not _QUESTION_WORDS.isdisjoint(c_words):
                return True
        return False

    def _match_core(
        self, words: list[str], topics: list[str], start: int, topic: str | None
    ) -> Match | None:
        """A question clause matched without what follows its core, or None."""
        core = _question_core(words, start)
        if core is None:
            return None
        before = words[:start].count(TOPIC_TOKEN)
        return self._match_clause(core, topics[before : before + 1], topic)

    def _match_clause(
        self, words: Sequence[str], topics: Sequence[str], topic: str | None
    ) -> Match | None:
        """A clause's match, discounted; None when the clause cannot stand for the message."""
        if sum(w not in STOPWORDS for w in words) < _CLAUSE_MIN_CONTENT:
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
        if not (
            TOPIC_TOKEN in words
            or _CLAUSE_ANCHORS.intersection(words)
            or (_ASKED_ANCHORS.intersection(words) and _ASKING_FOR.intersection(words))
        ):
            return None
        found = self._match_words(words, topics, topic)
        if found.kind not in _CLAUSE_KINDS:
            return None
        confidence = round(found.confidence * _CLAUSE_DISCOUNT, _CONFIDENCE_DIGITS)
        return replace(found, confidence=confidence)


def _first_descending(entry: tuple[float, int, int, Intent, bool, float, float]) -> float:
    """Sort key: a candidate's bound, highest first."""
    return -entry[0]


def _score_then_order(result: tuple[float, int, Intent]) -> tuple[float, int]:
    """Sort key: the highest score first, then the candidates' order."""
    return -result[0], result[1]


def _narrowed(query: _Query, other: list[float]) -> float:
    """The coverage of the message for an intent whose examples never use some of its known
    words, of these weights: "job interview any tips", where "job" and "interview" are not
    tip words. They leave the known weight, and count `_OTHER_KNOWN` each (up to 1) against."""
    mass = sum(other)
    return (query.known_mass - mass) / (
        query.total_mass - mass + _OTHER_KNOWN * sum(min(k, 1.0) for k in other)
    )


def _question_core(words: list[str], start: int) -> list[str] | None:
    """The question without what follows it: from its first question word to the end of the
    shortest run holding both a topic (or "it") and a stretch word ("how do I stretch my
    calves | during a quiet moment", "a good glute stretch | I can do on break")."""
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


#: the oldest age a bare number is read as ("400 quid" is no age)
_OLDEST = 110


def _an_age(word: str) -> bool:
    """Whether a word may be an age: a number up to `_OLDEST`, or a number glued to letters
    ("63yo")."""
    return word[:1].isdigit() and (not word.isdigit() or int(word) <= _OLDEST)


def _content_pairs(words: Sequence[str]) -> Iterator[tuple[str, str]]:
    """Neighbouring words of which neither is a stopword, and such words with an owner between
    them ("stretch my budget": stretch, budget)."""
    for pair in _pairs_past_owners(words):
        if pair[0] not in STOPWORDS and pair[1] not in STOPWORDS:
            yield pair


#: the words that may stand between the two of a pair: "stretch my budget", "stretch the truth"
_OWNERS = frozenset({"my", "the", "our", "your", "his", "her", "their"})


def _pairs_past_owners(words: Sequence[str]) -> Iterator[tuple[str, str]]:
    """Neighbouring words, and the words either side of an owner ("my", "the")."""
    yield from zip(words, words[1:], strict=False)
    for i in range(1, len(words) - 1):
        if words[i] in _OWNERS:
            yield words[i - 1], words[i + 1]


#: how many of something, told before the stretches asked for ("2 or 3 stretches", "a couple
#: of moves"): the count says nothing of which
_COUNT_WORDS = frozenset("two three four five six couple few handful".split())
_COUNT_JOINS = frozenset({"or", "to", "of", "a"})
_COUNTED = frozenset({"stretch", "exercise", "move", "pose", "drill"})


def _without_counts(words: Sequence[str]) -> Sequence[str]:
    """`words` without the counts in front of a stretch noun: "suggest 2 or 3 stretches for
    chest" reads as "suggest stretches for chest"."""
    counted = [
        i
        for i, word in enumerate(words)
        if (word.isdigit() or word in _COUNT_WORDS) and _counts_a_stretch(words, i)
    ]
    if not counted:
        return words
    drop = set(counted)
    return tuple(
        w for i, w in enumerate(words) if i not in drop and not _joins_counts(words, i, drop)
    )


def _counts_a_stretch(words: Sequence[str], at: int) -> bool:
    """Whether the count at `at` is followed, through joining words and counts, by a stretch
    noun."""
    for word in words[at + 1 : at + 5]:
        if word in _COUNTED:
            return True
        if not (word.isdigit() or word in _COUNT_WORDS or word in _COUNT_JOINS):
            return False
    return False


def _joins_counts(words: Sequence[str], at: int, counts: set[int]) -> bool:
    """Whether the word at `at` joins two counts or a count to its noun ("or" of "2 or 3")."""
    return words[at] in _COUNT_JOINS and (at - 1 in counts or at + 1 in counts)
