"""Words: from what a person typed to the form the knowledge base uses.

Built once per knowledge base, in `Canonicaliser.__init__`:

- a vocabulary of every word the knowledge base uses, each folded to a simple lemma
  ("stretches" -> "stretch", "calves" -> "calf");
- a typo index (symmetric deletes, as in SymSpell) so "psaos", "hamstirng" and "coldown" find
  their word in a couple of dictionary look-ups; each unknown word is corrected once and cached;
- a topic lexicon (names and synonyms, longest match first) that turns "the front of my hip"
  into one placeholder token, `TOPIC_TOKEN`, so one example phrase serves every topic.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from rapidfuzz.distance import OSA

from bot.kb import KBError, KnowledgeBase
from bot.understanding.text import english_ranks, normalize

#: what a topic's name becomes in a message and in the example phrases ("{topic}")
TOPIC_TOKEN = "xtopicx"

#: words that carry no meaning for matching; they still take part in whole-phrase similarity.
STOPWORDS = frozenset(
    """a an the my me mine i is are am was were be been being to of for and or so do does did
    it its this that these those in on at with your you yours please just really very some any
    can could would will shall should may might must have has had get got getting about up out
    too also then than there here im ive id ill from by as if but not no yes ok okay oh well
    like kind sort bit little lot lots much many all every one ones thing things stuff way
    right now today still again always ever even quite pretty super
    he she they them their we us our him her his hers
    lol lmao haha hahaha omg tbh ngl btw asap af xd smh imo jk ugh hmm um uh yeah yep yea yup
    nah nope naw
    honestly literally actually basically seriously totally kinda sorta lowkey genuinely truly
    definitely mostly mainly especially particularly primarily largely""".split()
)

#: how much an unknown word counts against a match: a word of our own texts, a number, one
#: of the `_COMMON_RANK` commonest English words, anything else ("budget", "jeans", "freezer")
_UNKNOWN_BODY = 0.4
_UNKNOWN_DIGITS = 0.3
_UNKNOWN_COMMON = 0.6
_UNKNOWN_RARE = 1.2
_COMMON_RANK = 1000
#: shorter words are not put in the typo index: one edit from them reaches too many words
_MIN_INDEXED = 4
#: shorter words are never corrected; words of this length only to a topic word ("bak")
_MIN_CORRECTED = 3
#: words this long may be two edits from their vocabulary word ("hamstirng" is one, a swap)
_TWO_EDITS_FROM = 7
#: how much a word of a topic's names outranks other words at the same edit distance
_TOPIC_NAME_PRIORITY = 10
#: typos are corrected in this many first words of a message (see `canonical`)
_CORRECTED_WORDS = 100
#: and at most this many typo searches are made for one message: a real message needs a few
#: (most words are known), a made-up one would need one per word, at up to 50 us each
_SEARCHES_PER_MESSAGE = 32
#: the word cache stops growing here, so a flood of made-up words cannot take the memory
_WORD_CACHE_MAX = 100_000


def _lemma_candidates(word: str, plural: bool = True) -> tuple[str, ...]:
    """Simple inflection stripping, tried in order; the first known candidate wins."""
    out = []
    if len(word) > 4 and word.endswith("ies"):
        out.append(word[:-3] + "y")
    if len(word) > 4 and word.endswith("ves"):
        out.append(word[:-3] + "f")
    # "-es" is the plural after s, x, z, ch and sh ("stretches", "boxes"); elsewhere the "e"
    # belongs to the word ("toes" is "toe", not "to"), so "-s" is tried first
    es_plural = word.endswith(_ES_AFTER)
    if len(word) > 3 and word.endswith("es") and es_plural:
        out.append(word[:-2])
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        out.append(word[:-1])
    if len(word) > 3 and word.endswith("es") and not es_plural:
        out.append(word[:-2])
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


#: the shortest word read as one with its final g dropped ("warmin") is one letter longer
_DROPPED_G_FROM = 4


def _digits(word: str) -> str:
    """The digits of a word, in order ("45yo" -> "45")."""
    return "".join(c for c in word if c.isdigit())


def _deletes(word: str) -> set[str]:
    """The word with each one of its letters left out."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


#: endings before which a plural takes "-es"
_ES_AFTER = ("ses", "xes", "zes", "ches", "shes")
#: words between "back of" and the area it is part of ("the back of my calf")
_PART_OWNERS = frozenset(
    {"my", "the", "your", "his", "her", "their", "our", "both", "each", "left", "right"}
)
#: words after "back" that make it "again" or "returning" ("back to the gym", "back the next
#: day", "back into running"), when no owner comes before it
_AFTER_BACK_AGAIN = frozenset(
    "to into onto again home then from next the after up out off down in on at with for when "
    "since now together here there yet".split()
)
#: verbs that take "back" as a direction, not the body: "lean back", "come back", "sit back"
_BEFORE_BACK_DIRECTION = frozenset(
    """lean leaning leans leaned leant lie lying lay laying sit sitting sat step stepping
    stepped come coming came go going went get getting got bounce bouncing bounced fall
    falling fell rock rocking rocked head heading push pushing pushed pushes pull pulling
    pulled pulls cut cutting cuts look looking looked fight fighting fought""".split()
)
#: "he is back", "we are back": someone returned
_BE_FORMS = frozenset({"is", "am", "are", "was", "were", "been"})
_SUBJECTS_BACK = frozenset({"he", "she", "i", "we", "they", "you", "it"})
#: pronouns after which "back" is where something returns: "get it back", "want them back"
_PRONOUNS_BACK = frozenset({"it", "them", "that", "this", "those", "these"})
#: directions that "back" joins as one more: "up and back", "forwards or back"
_DIRECTIONS = frozenset("up down forward forwards front in out over".split())
#: places a trip goes to and comes back from: "cycled to work and back", "there and back"
_TRIP_ENDS = frozenset(
    "there work school town shops office gym home station beach park uni college".split()
)
#: words after such a trip's "back" that go on telling the trip ("to work and back every day")
_TRIP_AFTER = frozenset("every each daily today yesterday twice total again".split())
#: limbs that "back" describes as the one behind ("my back knee on the floor", "back leg")
_LIMBS_BEHIND = frozenset(
    "knee knees leg legs foot feet heel heels toe toes hand hands arm arms".split()
)
#: things and places whose back "the back of" may name: "the back of a kitchen chair", "the
#: back of the bus"
_THINGS_WITH_A_BACK = frozenset(
    """chair chairs sofa couch settee seat seats car bus van taxi cab truck lorry train plane
    boat class classroom room hall queue line door cupboard wardrobe fridge drawer book card
    envelope photo picture phone tv net court shop church cinema theatre theater house garden
    bench bed stage""".split()
)
#: who or what rides "in the back" of a car: "with the kids in the back"
_RIDERS_BEHIND = frozenset(
    """kids kid children child baby babies toddler toddlers twins dog dogs passengers bags
    luggage shopping gear bikes""".split()
)
#: an area's word after these words is a figure of speech, not the body: "my heart was
#: pounding out of my chest", "need to get something off my chest"
_FIGURES_BEFORE: dict[str, frozenset[tuple[str, ...]]] = {
    "chest": frozenset({("out", "of", "my"), ("off", "my"), ("get", "it", "off")}),
    "thumb": frozenset({("rule", "of")}),
}


#: an area's word before these words is a figure of speech: "thumbs up", "thumbs down"
_FIGURES_AFTER: dict[str, frozenset[str]] = {
    "thumb": frozenset({"up", "down"}),
    "thumbs": frozenset({"up", "down"}),
}


#: area words that are verbs too: "hamstring the other team's striker", "shoulder the blame"
_AREA_VERBS = frozenset(
    "hamstring hamstrings hamstrung hamstringing shoulder shouldering shouldered".split()
)
#: ... read as a verb after one of these ("to hamstring", "will shoulder", "i hamstring") ...
_BEFORE_A_VERB = frozenset(
    "to will would could can might may must i we they you he she really totally just".split()
)
#: ... with an object right after it ("... the opposition", "... the cost")
_OBJECT_OPENERS = frozenset(
    "the a an his her their them him our your its every any some this that these those".split()
)


def _in_a_figure_of_speech(words: Sequence[str], at: int) -> bool:
    """Whether the area word at `at` is part of a figure of speech (`_FIGURES_BEFORE`,
    `_FIGURES_AFTER`), or a verb with its object ("how to hamstring the opposition")."""
    word = words[at]
    if (
        word in _AREA_VERBS
        and 0 < at < len(words) - 1
        and words[at - 1] in _BEFORE_A_VERB
        and words[at + 1] in _OBJECT_OPENERS
    ):
        return True
    if at + 1 < len(words) and words[at + 1] in _FIGURES_AFTER.get(word, ()):
        return True
    figures = _FIGURES_BEFORE.get(word)
    return figures is not None and any(
        at >= len(before) and tuple(words[at - len(before) : at]) == before for before in figures
    )


#: places and things that "back" names the rear one of: "my back garden", "the back seat"
_THINGS_BEHIND = frozenset(
    """garden gardens yard yards backyard door doors seat seats pocket pockets porch room
    rooms bedroom office wheel wheels tyre tyres tire tires burner gate lawn patio deck page
    pages cover alley lane road roads street row rows stage kitchen""".split()
)


#: owners of a back that is lain on ("on my back", "on her back")
_LYING_OWNERS = frozenset({"my", "your", "his", "her", "their", "our"})
#: words just before "on my back" that make it how the person lies ("lying on my back",
#: "under cars on my back"), not where something is ("an itch on my back")
_LYING_WORDS = frozenset(
    "lying lie lay laying lies laid sleep sleeping slept sleeps flat under".split()
)
#: how far before "on" those words may stand
_LYING_REACH = 3


def _lying_on_the_back(words: Sequence[str], span: tuple[int, int, str]) -> bool:
    """Whether a topic span is a plain "back" lain on: "on my back"."""
    start, end, _topic = span
    return (
        end - start == 1
        and words[start] == "back"
        and start >= 2
        and words[start - 1] in _LYING_OWNERS
        and words[start - 2] == "on"
        and not _LYING_WORDS.isdisjoint(words[max(0, start - 2 - _LYING_REACH) : start - 2])
    )


class Canonicaliser:
    """The vocabulary of one knowledge base: lemmas, typo correction and topic names."""

    def __init__(self, kb: KnowledgeBase) -> None:
        """Build the vocabulary, typo index and topic lexicon; KBError if two topics share
        a name."""
        self._english = english_ranks()
        #: words of the knowledge base's own texts (answers, steps): known to the domain
        self._body_words = _body_vocab(kb)
        #: words that make the next word a body's ("my back", "lower back")
        self._owners = frozenset(kb.cues.get("owner", ())) | _PART_OWNERS
        safety = _safety_words(kb)
        # a safety word that the answers and steps also use ("numb", "swollen") is ours; the
        # rest ("flying", "crash") are corrected to but teach the matcher nothing
        uses = _word_uses(kb)
        raw_vocab = set(uses) | (safety & self._body_words)
        self._lemma: dict[str, str] = {w: _lemmatize(w, raw_vocab) for w in raw_vocab}
        #: every word the knowledge base uses, as a lemma, and the topic placeholder
        self.vocab: frozenset[str] = frozenset(self._lemma.values()) | {TOPIC_TOKEN}
        #: safety words a typo is corrected to, though they stay out of `vocab`
        self._correctable = frozenset(safety - raw_vocab)
        self._typo_index = self._build_typo_index()
        #: a word more than two letters longer than every indexed word is never two edits from
        #: one; checking it would cost a delete per pair of letters (seconds for 4,000 letters)
        self._max_corrected = max(map(len, self._typo_index), default=0) + 2
        self._typo_priority = _typo_priority(kb, self._lemma)
        #: how often the teaching texts use each word: of two words a typo is as near to,
        #: the one people use with us more ("stetches" is "stretches", not "stitches")
        self._uses = uses
        self._word_cache: dict[str, str] = {}
        self._lexicon, self._name_lengths = self._build_topic_lexicon(kb)
        #: the names of more than one word without their owner words ("back of thigh" for
        #: "back of my thigh"), so "the back of both thighs" and "back of thighs" find them too
        self._loose, self._loose_lengths = _loose_lexicon(self._lexicon)

    # ------------------------------------------------------------------ building

    def _build_typo_index(self) -> dict[str, list[str]]:
        """Symmetric-delete index: every vocabulary word under each of its one-letter deletes."""
        index: dict[str, list[str]] = defaultdict(list)
        # surface forms too ("stretching"), so "streching" is one edit away from a known word
        for word in self.vocab | self._lemma.keys() | self._correctable:
            if len(word) < _MIN_INDEXED or word == TOPIC_TOKEN:
                continue
            index[word].append(word)
            for d in _deletes(word):
                index[d].append(word)
        return dict(index)

    def _build_topic_lexicon(
        self, kb: KnowledgeBase
    ) -> tuple[dict[tuple[str, ...], str], dict[str, list[int]]]:
        """Names and synonyms as lemma tuples, and for each first word the lengths of the
        names that start with it, longest first (so "lower back" wins over "back")."""
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
        return lexicon, {w: sorted(ls, reverse=True) for w, ls in lengths.items()}

    # ------------------------------------------------------------------ words

    def canon(self, word: str) -> str:
        """The vocabulary form of a word: itself, its lemma, or its typo correction (cached)."""
        cached = self._word_cache.get(word)
        if cached is not None:
            return cached
        result = self._without_search(word)
        if result is None:
            result = self._search(word)
        self._remember(word, result)
        return result

    def lemma_form(self, word: str) -> str:
        """`canon` without a typo search: the word's lemma, or the word. A safety term such as
        "hrt" must never be registered as the word a typo search would take it for ("hurt")."""
        return self._without_search(word) or word

    def known_forms(self, words: Sequence[str]) -> list[str]:
        """Each word's vocabulary form as far as it is known without a search: the cache
        (which the message's own `canonical` has filled), the lemma table, or the word."""
        cache, lemma = self._word_cache, self._lemma
        return [cache.get(w) or lemma.get(w) or w for w in words]

    def canonical(self, words: Sequence[str]) -> list[str]:
        """`canon` of each word, with bounded work: typos are looked for in the first
        `_CORRECTED_WORDS` words only, and at most `_SEARCHES_PER_MESSAGE` times; past that a
        word the cache or the lemma table does not know stays as written. A typo costs a
        search, and a long made-up message would otherwise hold the event loop for tens of
        milliseconds."""
        out: list[str] = []
        searches = _SEARCHES_PER_MESSAGE
        cache, lemma = self._word_cache, self._lemma
        for i, word in enumerate(words):
            known = cache.get(word)
            if known is not None:
                out.append(known)
                continue
            if i >= _CORRECTED_WORDS:
                out.append(lemma.get(word) or word)
                continue
            result = self._without_search(word)
            if result is None:
                if searches <= 0:  # not remembered: a shorter message may correct it
                    out.append(word)
                    continue
                searches -= 1
                result = self._search(word)
            self._remember(word, result)
            out.append(result)
        return out

    def _remember(self, word: str, result: str) -> None:
        if len(self._word_cache) < _WORD_CACHE_MAX:
            self._word_cache[word] = result

    def find_topics(self, words: Sequence[str]) -> tuple[list[str], list[str]]:
        """(the canonical words with each topic name replaced by `TOPIC_TOKEN`, the topic ids
        in order). The longest name wins: "lower back" is one topic, not "back"."""
        return with_topic_tokens(words, self.topic_spans(words))

    def topic_spans(self, words: Sequence[str]) -> list[tuple[int, int, str]]:
        """(start, end, topic id) of each topic name in canonical words, in order."""
        spans: list[tuple[int, int, str]] = []
        i = 0
        n = len(words)
        lexicon = self._lexicon
        while i < n:
            loose = self._loose_span(words, i) if words[i] in self._loose_lengths else None
            for length in self._name_lengths.get(words[i], ()):
                if i + length > n:
                    continue  # a slice past the end would find a shorter name at a wrong length
                topic_id = lexicon.get(tuple(words[i : i + length]))
                if topic_id is not None and self._part_of_area(words, i + length):
                    continue  # "the backs of my calves" is about the calves, not the back
                if topic_id is not None and _in_a_figure_of_speech(words, i):
                    continue  # "heart pounding out of my chest", "get it off my chest"
                if topic_id is not None and length == 1 and self.back_as_adverb(words, i):
                    continue  # "got back to the gym", "its back the next day"
                if topic_id is not None and (loose is None or loose[0] <= i + length):
                    spans.append((i, i + length, topic_id))
                    i += length
                    break
            else:
                if loose is not None and not self._part_of_area(words, loose[0]):
                    # "the back of both thighs"
                    spans.append((i, *loose))
                    i = loose[0]
                else:
                    i += 1
        if len(spans) > 1:
            # "lying on my back my neck hurts", "under cars on my back all day, shoulders are
            # shot": lying on the back is how the person lies, not an area, beside one named
            kept = [s for s in spans if not _lying_on_the_back(words, s)]
            spans = kept or spans
        return spans

    def _loose_span(self, words: Sequence[str], at: int) -> tuple[int, str] | None:
        """(end, topic id) of the longest name of more than one word starting at `at` when
        owner words inside it are skipped, or None."""
        kept: list[str] = []
        ends: list[int] = []
        longest = self._loose_lengths[words[at]][0]
        j = at
        while j < len(words) and len(kept) < longest:
            if words[j] not in _PART_OWNERS or j == at:
                kept.append(words[j])
                ends.append(j + 1)
            j += 1
        for length in self._loose_lengths[words[at]]:
            if length <= len(kept):
                topic_id = self._loose.get(tuple(kept[:length]))
                if topic_id is not None:
                    return ends[length - 1], topic_id
        return None

    def back_as_adverb(self, words: Sequence[str], at: int) -> bool:
        """True when "back" at `at` means again or returning, not the body: no owner word
        before it ("my", "lower") and a word after it that "back" as a body part does not take
        ("back to the gym", "back the next day", "back into running"), or one of the limbs it
        describes ("my back knee", "the back leg" in a lunge), or a place or thing it places
        ("my back garden", "the back seat"), or the back of a thing ("holding the back of a
        kitchen chair")."""
        if words[at] != "back":
            return False
        if at + 1 < len(words) and words[at + 1] in _LIMBS_BEHIND | _THINGS_BEHIND:
            return True  # "the back leg" of a lunge, "my back garden"
        if at + 2 < len(words) and words[at + 1] == "of" and words[at + 2] in _PRONOUNS_BACK:
            return True  # "not the front, more the back of it": the rear of what was named
        if at + 2 < len(words) and words[at + 1] == "of":
            # "holding the back of a kitchen chair", "at the back of the bus": a thing's rear
            rest = [w for w in words[at + 2 : at + 5] if w not in _PART_OWNERS | {"a", "an"}]
            if rest[:2] and not _THINGS_WITH_A_BACK.isdisjoint(rest[:2]):
                return True
        if (
            at > 2
            and tuple(words[at - 2 : at]) == ("in", "the")
            and words[at - 3] in _RIDERS_BEHIND
        ):
            return True  # "9 hrs with the kids in the back"
        if at > 0 and words[at - 1] in self._owners:
            return False
        if at > 0 and words[at - 1] in _BEFORE_BACK_DIRECTION:
            return True  # "sit on your calves and lean back", "then come back"
        if at > 1 and words[at - 1] in _PRONOUNS_BACK:
            return True  # "how long to get it back", "want them back"
        if at > 1 and words[at - 1] in _BE_FORMS and words[at - 2] in _SUBJECTS_BACK:
            return True  # "he's back playing now", "i am back at the gym"
        if at > 1 and words[at - 1] in ("and", "or") and words[at - 2] in _DIRECTIONS:
            return True  # "shoulders pulled up and back", "forwards or back"
        if (
            at > 1
            and words[at - 1] == "and"
            and words[at - 2] in _TRIP_ENDS
            and (at + 1 == len(words) or words[at + 1][0].isdigit() or words[at + 1] in _TRIP_AFTER)
        ):
            return True  # "cycled to work and back, 40k", not "sore from the gym and back hurts"
        if tuple(words[at + 1 : at + 3]) == ("and", "forth"):
            return True  # "rocking back and forth"
        if tuple(words[max(0, at - 2) : at]) == ("back", "to"):
            return True  # "three shifts back to back"
        return at + 1 < len(words) and words[at + 1] in _AFTER_BACK_AGAIN

    def _part_of_area(self, words: Sequence[str], at: int) -> bool:
        """True when `words[at:]` reads "of (my, the...) <another area>" ("back | of my
        calves") or "in ..." ("crick | in my lower back"): the word before names a part of
        that area, or what is wrong in it, not an area of its own."""
        if at >= len(words) or words[at] not in ("of", "in"):
            return False
        at += 1
        if at < len(words) and words[at] in _PART_OWNERS:
            at += 1
        if at >= len(words):
            return False
        lengths = self._name_lengths.get(words[at], ())
        return any(tuple(words[at : at + length]) in self._lexicon for length in lengths)

    def is_everyday(self, word: str) -> bool:
        """Whether the word is among the most common English words ("stop", "go", "now")."""
        rank = self._english.get(word)
        return rank is not None and rank < _COMMON_RANK

    def unknown_weight(self, word: str) -> float:
        """How much a word the vocabulary lacks counts against a match."""
        if word in self._body_words or any(c in self._body_words for c in _lemma_candidates(word)):
            return _UNKNOWN_BODY
        if any(c.isdigit() for c in word):  # "10", "7am", "5k", "30s"
            return _UNKNOWN_DIGITS
        rank = self._english.get(word)
        if rank is not None and rank < _COMMON_RANK:
            return _UNKNOWN_COMMON
        return _UNKNOWN_RARE

    def _without_search(self, word: str) -> str | None:
        """`canon` when it needs no typo search (the word, its lemma), else None."""
        if word == TOPIC_TOKEN:
            return word
        lemma = self._lemma.get(word)
        if lemma is not None:
            return lemma
        for candidate in _lemma_candidates(word):
            if candidate in self._lemma:
                return self._lemma[candidate]
        if len(word) > _DROPPED_G_FROM and word.endswith("in") and word not in self._english:
            # a dropped g ("warmin up", "runnin"), not a word of its own ("within", "satin")
            for candidate in _lemma_candidates(word + "g"):
                if candidate in self._lemma:
                    return self._lemma[candidate]
        if (
            not _MIN_CORRECTED <= len(word) <= self._max_corrected
            or word.isdigit()
            or word in self._english
        ):
            return word
        return None

    def _search(self, word: str) -> str:
        """`canon` of a word `_without_search` could not place: its typo correction, if any."""
        corrected = self._correct(word)
        if corrected and _digits(corrected) != _digits(word):
            return word  # a number is no typo: "45yo" is not "15yo", nor "6k" "5k"
        if len(word) == _MIN_CORRECTED and not self._typo_priority.get(corrected or ""):
            return word  # three letters are too few to guess from, but "bak" and "nek" are ours
        return self._lemma.get(corrected, corrected) if corrected else word

    def _correct(self, word: str) -> str | None:
        """The closest vocabulary word within one edit (two for long words), or None."""
        found: set[str] = set(self._typo_index.get(word, ()))
        for d in _deletes(word):
            found.update(self._typo_index.get(d, ()))
        best = self._nearest(word, found, 1)
        if best is None and len(word) >= _TWO_EDITS_FROM:  # "strechs": two from "stretches"
            for d in _deletes(word):
                for dd in _deletes(d):
                    found.update(self._typo_index.get(dd, ()))
            best = self._nearest(word, found, 2)
        return best

    def _nearest(self, word: str, found: set[str], max_distance: int) -> str | None:
        """The candidate nearest `word`, within `max_distance` edits; None if none is."""
        best = None
        best_key = None
        priority, uses = self._typo_priority, self._uses
        for candidate in found:
            distance = OSA.distance(word, candidate)
            if distance > max_distance:
                continue
            # nearest first, then (one edit away) topic words, then the words used more, then
            # alphabetical so the choice is stable. Two edits away, a topic word is no likelier
            # than any: "strechs" is "stretches", not "stress" (of "stress headache")
            first = -priority.get(candidate, 0) if distance == 1 else 0
            key = (distance, first, -uses.get(candidate, 0), candidate)
            if best_key is None or key < best_key:
                best, best_key = candidate, key
        return best


def _loose_lexicon(
    lexicon: dict[tuple[str, ...], str],
) -> tuple[dict[tuple[str, ...], str], dict[str, list[int]]]:
    """The names of more than one word without their owner words, where that leaves more than
    one word and no two topics share the result; with the lengths by first word, longest
    first."""
    loose: dict[tuple[str, ...], str] = {}
    shared: set[tuple[str, ...]] = set()
    for key, topic_id in lexicon.items():
        short = tuple(w for w in key if w not in _PART_OWNERS)
        if len(key) < 2 or len(short) < 2 or key[0] in _PART_OWNERS:
            continue
        if loose.get(short, topic_id) != topic_id:
            shared.add(short)
        loose[short] = topic_id
    for short in shared:
        del loose[short]
    lengths: dict[str, set[int]] = defaultdict(set)
    for short in loose:
        lengths[short[0]].add(len(short))
    return loose, {w: sorted(ls, reverse=True) for w, ls in lengths.items()}


def with_topic_tokens(
    words: Sequence[str], spans: Sequence[tuple[int, int, str]]
) -> tuple[list[str], list[str]]:
    """`Canonicaliser.find_topics` from the `topic_spans` of `words`, already found."""
    out: list[str] = []
    topics: list[str] = []
    last = 0
    for start, end, topic_id in spans:
        out.extend(words[last:start])
        out.append(TOPIC_TOKEN)
        topics.append(topic_id)
        last = end
    out.extend(words[last:])
    return out, topics


#: words that only look inflected: their stripped form is another word ("evening" is no
#: "even", nor "bedding" a "bed")
_NOT_INFLECTED = frozenset(
    "evening morning earring bedding padding wedding ceiling pudding during".split()
)


def _lemmatize(word: str, known: set[str]) -> str:
    """The word's first inflection-stripped form that the knowledge base also uses."""
    if word in _NOT_INFLECTED:
        return word
    for candidate in _lemma_candidates(word, plural=False):
        if candidate in known:
            return candidate
    return word


def _typo_priority(kb: KnowledgeBase, lemma: dict[str, str]) -> dict[str, int]:
    """Words of the topics' names, which a typo reaches before other words as far away."""
    weight: dict[str, int] = defaultdict(int)
    for topic in kb.topics.values():
        for name in (*topic.names, *topic.synonyms):
            for w in normalize(name).split():
                weight[w] += _TOPIC_NAME_PRIORITY
                weight[lemma.get(w, w)] += _TOPIC_NAME_PRIORITY
    return dict(weight)


def _word_uses(kb: KnowledgeBase) -> Counter[str]:
    """Every normalised word of the phrases, names and patterns that teach the matcher, with
    how many times they use it."""
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
        texts.extend(answer.keywords)  # read as written: "bendier" is no typo of "bender"
    for routine in kb.routines.values():
        texts.extend(routine.phrases)
        texts.extend(routine.keywords)
        texts.append(routine.title)
    for entry in kb.smalltalk.values():
        texts.extend(entry.phrases)
    for stretch in kb.stretches.values():
        texts.append(stretch.name)
    words: Counter[str] = Counter()
    for text in texts:
        words.update(normalize(text).split())
    return words


def _safety_words(kb: KnowledgeBase) -> set[str]:
    """The words of symptoms and conditions: a misspelling is corrected to them ("numbnes",
    "swolen", "pregant"); only those the knowledge base's texts also use count as known to
    the matcher, so "a flying routine" is no closer to a routine for "flying" being a word of
    the safety rules."""
    terms = [t for s in kb.symptoms.values() for t in s.terms]
    terms += [t for c in kb.conditions.values() for t in c.terms]
    for flag in kb.red_flags.values():
        terms += [t for pattern in flag.patterns for group in pattern for t in group]
        terms += list(flag.unless)
    terms = [t for t in terms if not t.startswith("$")]
    words: set[str] = set()
    for term in terms:
        words.update(normalize(term.rstrip("*")).split())
    return words


def _body_vocab(kb: KnowledgeBase) -> frozenset[str]:
    """Every word of the answers, steps and tips, and their stems: known, but teaching nothing."""
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
