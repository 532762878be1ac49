"""Cues: what a person wants (a complaint, a request, why, when, what), from their own words.

The cue lists live in knowledge/cues.yaml. The brain reads them when the intent layer is not
sure of a message that names an area: "during my long runs my calves tighten up so bad" names
the calves and complains, so it is about stretching whatever else it says.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence

from bot.kb import KnowledgeBase
from bot.understanding.text import NEGATORS, normalize

#: how many words after an area word a complaint may follow and still make it the body's
#: ("neck is so stiff", "back feels tight")
_COMPLAINT_REACH = 3
#: cues that ask nothing of their own inside a request for a stretch
_INSIDE_A_REQUEST = frozenset({"what", "asks_when"})
#: how often something happens, which asks nothing of timing beside a question why
_TOLD_OFTEN = frozenset({("every", "day"), ("everyday",), ("daily",)})
#: ... nor inside a longer term that asks for something or why ("what is going on")
_CONTAINERS = frozenset({"asks_stretch", "why", "request"})
#: a form of be before "what" that makes it tell, not ask ("that is what hurts")
_BE_BEFORE_WHAT = frozenset({"is", "are", "was", "were", "thats", "its"})
#: "neck and shoulder strain": words joining two areas a complaint follows
_JOINED = frozenset({"and", "or", "n"})
#: "neck stretches": an area word before one of these is the body's
_STRETCHED = frozenset({"stretch", "stretches", "stretching"})
#: ... and, after a length, the words that ask for a routine: "5 min back thing", "a 10
#: minute neck routine"
_SIZED_ASKS = _STRETCHED | frozenset(
    {"routine", "routines", "session", "sessions", "thing", "things", "one", "sequence", "flow"}
)
#: words after an area that say a complaint told before goes for it too
_TOO = frozenset({"too", "aswell", "also"})
#: what is asked "for" an area word, which makes it the body's: "stretches for neck"
_ASKED_FOR = _SIZED_ASKS | frozenset({"exercises", "exercise", "something", "anything"})
#: how many word sequences' phrases a `PhraseIndex` keeps before it starts afresh
_KEPT_READINGS = 256
#: words that soften or stress a phrase without changing it: "what should i actually do",
#: "i cant really kneel" hold the cue terms "what should i do" and "cannot kneel"
SOFTENERS = frozenset({"actually", "really", "even", "honestly", "literally", "exactly"})


def within(
    found: Iterable[tuple[int, int]], spans: Sequence[tuple[int, int, str]], reach: int
) -> bool:
    """Whether one of `found` (start, end) stands within `reach` words of one of `spans`
    (start, end, topic)."""
    return any(
        start - s_end <= reach and s_start - end <= reach
        for start, end in found
        for s_start, s_end, *_ in spans
    )


def broken_between(breaks: Collection[int], end: int, start: int) -> bool:
    """Whether a sentence starts (one of `breaks`) between the word ending at `end` and the
    one starting at `start`: "... to tie my shoes. feels tight"."""
    return any(end <= b <= start for b in breaks)


def _longest(entry: tuple[tuple[str, ...], str]) -> int:
    """Sort key: the longest phrase first."""
    return -len(entry[0])


class PhraseIndex:
    """Phrases (normalised word sequences) with a value each, found as whole words in order,
    the longest phrase first where several start at one word."""

    def __init__(
        self, phrases: Iterable[tuple[str, str]], skipping: frozenset[str] = frozenset()
    ) -> None:
        """Index (phrase, value) pairs by the phrase's first word, and the longer phrases by
        their first two ("what" starts a hundred cue terms, "what is" a few). A phrase is also
        found with words of `skipping` inside it (`SOFTENERS`: "what should i actually do")."""
        self._skipping = skipping
        entries: list[tuple[tuple[str, ...], str]] = []
        for phrase, value in phrases:
            words = tuple(normalize(phrase).split())
            if words:
                entries.append((words, value))
        entries.sort(key=_longest)  # stable: phrases of one length keep their order
        singles: dict[str, list[str]] = defaultdict(list)
        longer: dict[tuple[str, str], list[tuple[int, tuple[str, ...], str]]] = defaultdict(list)
        for words, value in entries:
            if len(words) == 1:
                singles[words[0]].append(value)
            else:
                longer[words[0], words[1]].append((len(words), words, value))
        #: every word that starts a phrase
        self._firsts = frozenset(singles) | {first for first, _second in longer}
        #: one-word phrase -> its values
        self._singles = {word: tuple(values) for word, values in singles.items()}
        #: first two words -> (length, phrase, value) of the longer phrases, longest first
        self._longer = {pair: tuple(found) for pair, found in longer.items()}
        self._found: dict[tuple[str, ...], tuple[tuple[int, int, str], ...]] = {}

    def matches(self, words: Sequence[str]) -> tuple[tuple[int, int, str], ...]:
        """(start, end, value) of every phrase in `words`, in order of start.

        A reply asks this of the same words many times (a complaint near an area, a
        question inside a request, ...): the answer for the latest messages is kept."""
        key = tuple(words)
        found = self._found.get(key)
        if found is None:
            if len(self._found) >= _KEPT_READINGS:
                self._found.clear()
            found = self._found[key] = self._with_skipped(key, self._scan(key))
        return found

    def _with_skipped(
        self, words: tuple[str, ...], found: tuple[tuple[int, int, str], ...]
    ) -> tuple[tuple[int, int, str], ...]:
        """`found`, with the phrases found over the `skipping` words among `words`, their
        (start, end) in `words` spanning the skipped word."""
        if self._skipping.isdisjoint(words):
            return found
        kept = [i for i, w in enumerate(words) if w not in self._skipping]
        if not kept:
            return found
        more = [
            (kept[start], kept[end - 1] + 1, value)
            for start, end, value in self._scan(tuple(words[i] for i in kept))
            if kept[end - 1] + 1 - kept[start] != end - start  # a skipped word inside it
        ]
        if not more:
            return found
        return tuple(sorted({*found, *more}, key=lambda m: (m[0], -m[1])))

    def _scan(self, words: tuple[str, ...]) -> tuple[tuple[int, int, str], ...]:
        """Every phrase in `words`: at each word, the longest phrase first."""
        firsts, singles, longer = self._firsts, self._singles, self._longer
        found: list[tuple[int, int, str]] = []
        last = len(words) - 1
        # most words start no phrase: find the few that do in one pass
        for i in [i for i, word in enumerate(words) if word in firsts]:
            if i < last:
                for size, seq, value in longer.get((words[i], words[i + 1]), ()):
                    end = i + size
                    if size == 2 or words[i:end] == seq:
                        found.append((i, end, value))
            for value in singles.get(words[i], ()):
                found.append((i, i + 1, value))
        return tuple(found)


class CueReader:
    """The cues of one knowledge base, as whole words and word sequences."""

    def __init__(
        self,
        kb: KnowledgeBase,
        back_as_adverb: Callable[[Sequence[str], int], bool] | None = None,
    ) -> None:
        """Index every cue term. `back_as_adverb` tells "back" meaning again ("back to the
        gym") from the body (`Canonicaliser.back_as_adverb`)."""
        self._back_as_adverb = back_as_adverb
        self._ambiguous = frozenset(kb.cues.get("ambiguous_area", ()))
        self._owners = frozenset(kb.cues.get("owner", ()))
        self._index = PhraseIndex(
            ((term, cue) for cue, terms in kb.cues.items() for term in terms), SOFTENERS
        )

    def matches(self, words: Sequence[str]) -> tuple[tuple[int, int, str], ...]:
        """(start, end, cue id) of every cue term in the words, in order of start; a term
        with a softener inside it ("what should i actually do") counts, over the softener."""
        return self._index.matches(words)

    def read(self, words: Sequence[str]) -> frozenset[str]:
        """The cue ids whose terms the words hold."""
        return frozenset(cue for _start, _end, cue in self._index.matches(words))

    def read_asked(self, words: Sequence[str]) -> frozenset[str]:
        """`read`, without a "what" or a question of timing that is part of a request for a
        stretch or of a longer question why: "what do i do about it" asks for something to do,
        not what the muscle is, "what should i stretch" which stretch, not when, and "whats
        going on" why."""
        found = self._index.matches(words)
        asks = [(start, end, cue) for start, end, cue in found if cue in _CONTAINERS]
        if any(cue == "why" for _s, _e, cue in found) or (
            any(cue == "complaint" for _s, _e, cue in found) and _STRETCHED.isdisjoint(words)
        ):
            # "why does it keep coming back? it's there every day", "neck aches on the
            # commute every day. fix?": how often it happens, told beside a question why or
            # in a complaint that says nothing of stretching, asks nothing of timing
            found = tuple(
                (start, end, cue)
                for start, end, cue in found
                if cue != "asks_when" or words[start:end] not in _TOLD_OFTEN
            )
        # "hamstrings are what's stopping me": "what" after a form of be tells, asks nothing
        found = tuple(
            (start, end, cue)
            for start, end, cue in found
            if not (cue == "what" and start and words[start - 1] in _BE_BEFORE_WHAT)
        )
        return frozenset(
            cue
            for start, end, cue in found
            if cue not in _INSIDE_A_REQUEST
            or not any(
                s <= start and end <= e and (container == "asks_stretch" or (s, e) != (start, end))
                for s, e, container in asks
            )
        )

    def near(
        self, words: Sequence[str], cue: str, spans: Sequence[tuple[int, int, str]], reach: int
    ) -> bool:
        """Whether a term of `cue` stands within `reach` words of one of the `spans` (start,
        end, ...) of `words`: "my dog's back", "chest of drawers", "guitar neck"."""
        return within(self.where(words, cue), spans, reach)

    def complains(self, words: Sequence[str], besides: Collection[str] = ()) -> bool:
        """Whether the words hold a complaint that is not denied: "it does not hurt", "no
        pain" deny theirs. A complaint made only of the words `besides` does not count ("calf
        cramps at night" complains of nothing besides the cramp)."""
        own = frozenset(besides)
        return any(
            not (start and words[start - 1] in NEGATORS)
            and not (own and own.issuperset(words[start:end]))
            for start, end in self.where(words, "complaint")
        )

    def opens_with(self, words: Sequence[str], cue: str) -> bool:
        """Whether a term of `cue` starts the words: "why is my heel so much worse"."""
        return any(start == 0 for start, _end in self.where(words, cue))

    def where(self, words: Sequence[str], cue: str) -> list[tuple[int, int]]:
        """(start, end) of every term of `cue` in the words."""
        return [(start, end) for start, end, found in self._index.matches(words) if found == cue]

    def follows(
        self,
        words: Sequence[str],
        first: str,
        then: str,
        reach: int,
        breaks: Collection[int] = (),
    ) -> bool:
        """Whether a term of cue `then` starts within `reach` words after a term of cue
        `first` ends, with none of `breaks` (where sentences start) between them: "my shirt
        is tight" (a thing, then a complaint), not "... to tie my shoes. feels tight"."""
        found = self._index.matches(words)
        ends = [end for _s, end, cue in found if cue == first]
        return any(
            0 <= start - end <= reach and not broken_between(breaks, end, start)
            for start, _e, cue in found
            if cue == then
            for end in ends
        )

    def names_areas_plainly(
        self,
        words: Sequence[str],
        spans: Sequence[tuple[int, int, str]] = (),
        breaks: Collection[int] = (),
        *,
        sized: bool = False,
    ) -> bool:
        """False when a word that may name an area ("back", "chest") stands without an owner
        before it ("my", "lower", "sore"), a stretch or a complaint just after it ("neck
        stretches", "neck is stiff from my phone", "back killing me"; with `sized`, in a
        message that asks for a length, a routine too: "3 min neck thing"), or, opening a sentence
        (`breaks`: where sentences start), a complaint later in that sentence ("... with my
        head tilted. neck and the top of my shoulders are permanently tight"): "shrinking
        back", "a chest of drawers"."""
        owners = self._owners
        asked = _SIZED_ASKS if sized else _STRETCHED
        starts = sorted({0, *breaks, len(words)})

        def complained_in_sentence(i: int) -> bool:
            if i not in starts:
                return False
            end = next(start for start in starts if start > i)
            return "complaint" in self.read(words[i + 1 : end])

        # a word inside a longer name is that name's ("back muscles", "chest of drawers" is
        # no name of ours)
        named = {i for start, end, _t in spans if end - start > 1 for i in range(start, end)}
        return all(
            (i > 0 and words[i - 1] in owners)
            or (i + 1 < len(words) and words[i + 1] in asked)  # "what neck stretches"
            # "stretches for neck and shoulders", "a routine for neck": asked for it
            or (i > 1 and words[i - 1] == "for" and words[i - 2] in _ASKED_FOR)
            or (
                i > 3
                and words[i - 1] in _JOINED
                and words[i - 3] == "for"
                and words[i - 4] in _ASKED_FOR
            )
            or "complaint" in self.read(words[i + 1 : i + 1 + _COMPLAINT_REACH])
            # "neck and shoulder strain": a complaint after the area named with it
            or (
                i + 1 < len(words)
                and words[i + 1] in _JOINED
                and "complaint" in self.read(words[i + 2 : i + 3 + _COMPLAINT_REACH])
            )
            or (self._back_as_adverb is not None and self._back_as_adverb(words, i))
            or complained_in_sentence(i)
            # "brain is fried from revision, neck and shoulders too": the complaint before,
            # said of the area too
            or (not _TOO.isdisjoint(words[i + 1 : i + 4]) and "complaint" in self.read(words[:i]))
            for i, word in enumerate(words)
            if word in self._ambiguous and i not in named
        )


#: words before a one-word stretch name that make it a thing done ("can i do pigeon")
_DOING = frozenset({"do", "doing", "try", "hold"})
#: ... in a message that opens asking whether or how
_MAY_I = frozenset({"can", "could", "should", "may", "is", "am", "would", "will", "how"})
#: words that may stand beside a stretch's name in a message that is only the name: "pigeon
#: pls", "cobra?", "the frog one"
_WITH_A_NAME_ALONE = frozenset({"pls", "plz", "please", "the", "a", "my", "how", "one", "now"})


#: the last words of a stretch's name that take a plural ("tennis elbow stretches")
_PLURAL_ENDS = {"stretch": "stretches", "pose": "poses"}


def _with_plural_name(name: str) -> tuple[str, ...]:
    """A stretch's name, and its plural when it has two words or more and ends in "stretch" or
    "pose" ("tennis elbow stretch", "tennis elbow stretches")."""
    *first, last = name.lower().split()
    if not first or last not in _PLURAL_ENDS:
        return (name,)
    return name, " ".join([*first, _PLURAL_ENDS[last]])


def _problem_stem(name: str, complaints: frozenset[tuple[str, ...]]) -> tuple[str, ...]:
    """The words before "stretch" in a stretch's name when they name a problem, a term of the
    `complaint` cue, given as its normalised words ("tennis elbow" of "tennis elbow stretch");
    else ()."""
    *first, last = normalize(name).split()
    if last != "stretch" or not first:
        return ()
    stem = tuple(first)
    pieces = (stem[i:j] for i in range(len(stem)) for j in range(i + 1, len(stem) + 1))
    return stem if any(piece in complaints for piece in pieces) else ()


class StretchNames:
    """Every stretch's name and the other names people call it ("figure four", "down dog"),
    found as whole word sequences. A one-word name ("pigeon", "butterfly") counts only in a
    message that also asks for a stretch, or whether to do it ("can i do pigeon", "that
    butterfly one"), so a pigeon on the roof is not pigeon pose."""

    def __init__(self, kb: KnowledgeBase, cues: CueReader) -> None:
        """Index every stretch's name and aliases. Names that are everyday phrases as well
        (cue `everyday_name`: "happy baby") count like one-word names."""
        self._cues = cues
        self._everyday = frozenset(
            tuple(normalize(term).split()) for term in kb.cues.get("everyday_name", ())
        )
        self._index = PhraseIndex(
            (form, stretch.id)
            for stretch in kb.stretches.values()
            for name in (stretch.name, *stretch.aliases)
            for form in _with_plural_name(name)
        )
        # a problem a stretch is named after ("tennis elbow stretch", "plantar fasciitis
        # stretch"): the problem named in a message asking for a stretch names that stretch
        # (the cue's terms normalised once here, not once for every name)
        complaints = frozenset(
            tuple(normalize(term).split()) for term in kb.cues.get("complaint", ())
        )
        self._problems = PhraseIndex(
            (" ".join(stem), stretch.id)
            for stretch in kb.stretches.values()
            for name in (stretch.name, *stretch.aliases)
            if (stem := _problem_stem(name, complaints))
        )

    def find(self, words: Sequence[str], breaks: Collection[int] = ()) -> str | None:
        """The id of the first stretch the words name, or None; also None when the piece that
        names it is about an animal or a thing ("my dog does downward dog"). A name does not
        run across `breaks` (where a piece after punctuation starts): "5 a side, stretch for
        my groin" names no side stretch."""
        asks = None
        for start, end, stretch_id in self._index.matches(words):
            if any(start < b < end for b in breaks):
                continue
            if end - start == 1 or tuple(words[start:end]) in self._everyday:
                if asks is None:
                    asks = "request" in self._cues.read(words) or "pose" in words
                # the message is the name: "pigeon", "cobra pls", "happy baby?"
                alone = all(w in _WITH_A_NAME_ALONE for w in (*words[:start], *words[end:]))
                # "can i do pigeon?", "that butterfly one": a stretch someone may do ("did
                # camel today" tells of one)
                done = (
                    bool(words)
                    and words[0] in _MAY_I
                    and not _DOING.isdisjoint(words[max(0, start - 2) : start])
                ) or tuple(words[end : end + 1]) in (("one",), ("ones",))
                if not (asks or done or alone):
                    continue
            # a thing in the same piece as the name does it ("my dog does downward dog"); one
            # further off is the story ("long day in the car ... pigeon pose or better?")
            piece_start = max((b for b in breaks if b <= start), default=0)
            piece_end = min((b for b in breaks if b >= end), default=len(words))
            things = self._cues.where(words, "not_a_body")
            near = any(
                piece_start <= t_start and t_end <= piece_end and not start <= t_start < end
                for t_start, t_end in things
            )
            return None if near else stretch_id
        for start, end, stretch_id in self._problems.matches(words):
            # "stretches for tennis elbow", "tennis elbow?", not "why do i get tennis elbow"
            rest = (*words[:start], *words[end:])
            if all(w in _WITH_A_NAME_ALONE for w in rest) or "request" in self._cues.read(words):
                return stretch_id
        return None
