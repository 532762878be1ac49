"""What a message says about a routine's size and limits: "I have 10 minutes", "quarter of an
hour", "no kneeling", "chair only", "longer", "easier".

The reader finds these words and takes them out; what is left says what the routine is for (an
area, a routine's name, or nothing at all). The brain decides what to do with them: a follow-up
to a routine changes that routine, a message that says nothing else gets a routine of that
size, and a message whose rest names a routine ("a 10 minute cooldown after my run") gets that
one. Durations are grammar, so they live here; the limits' wordings live in knowledge/cues.yaml.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from bot.kb import KnowledgeBase
from bot.reply import Limit
from bot.understanding.analysis import Analysis
from bot.understanding.cues import SOFTENERS, PhraseIndex
from bot.understanding.text import NEGATORS
from bot.understanding.words import TOPIC_TOKEN

Resize = Literal["longer", "shorter"]

#: the cues that name a limit plainly, wherever they stand
LIMIT_CUES: dict[str, Limit] = {
    "no_kneeling": "no_kneeling",
    "no_floor": "no_floor",
    "no_balance": "no_balance",
    "chair_only": "chair",
    "standing_only": "standing",
}
#: the cues that name a posture with a bare word ("sitting", "standing"): a limit only in a
#: follow-up to a routine or in a message that says nothing else
POSTURE_CUES: dict[str, Limit] = {"seated": "chair", "standing": "standing"}
#: ... and the other one, asked for when the message denies one ("no standing ones")
_OTHER_POSTURE = {"seated": "standing", "standing": "seated"}
RESIZE_CUES: dict[str, Resize] = {"longer": "longer", "shorter": "shorter"}
EASIER_CUE = "easier"

#: numbers people write as words
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "couple": 2,
    "few": 5,
}
#: tens that take a unit after them ("twenty five")
TENS = frozenset({"twenty", "thirty", "forty", "fourty", "fifty"})
#: minutes in one of each unit
UNITS = {
    "minute": 1,
    "minutes": 1,
    "min": 1,
    "mins": 1,
    "minuets": 1,
    "mns": 1,
    "hour": 60,
    "hours": 60,
    "hr": 60,
    "hrs": 60,
}
#: durations said in words, longest first
PHRASES: tuple[tuple[tuple[str, ...], int], ...] = tuple(
    sorted(
        (
            (tuple(phrase.split()), minutes)
            for phrase, minutes in (
                ("an hour and a half", 90),
                ("hour and a half", 90),
                ("three quarters of an hour", 45),
                ("quarter of an hour", 15),
                ("a quarter hour", 15),
                ("quarter hour", 15),
                ("half an hour", 30),
                ("half hour", 30),
            )
        ),
        key=lambda entry: -len(entry[0]),
    )
)
#: the phrases by their first word: most messages hold none of these words
_PHRASES_BY_START: dict[str, tuple[tuple[tuple[str, ...], int], ...]] = {
    start: tuple(entry for entry in PHRASES if entry[0][0] == start)
    for start in {phrase[0] for phrase, _minutes in PHRASES}
}
#: a message holds a length only with one of these words: most hold none, and a set look-up
#: tells so at a fraction of the cost of reading word by word ("10min", "2hrs" glued to their
#: number arrive apart: `bot.understanding.text` splits them)
_LENGTH_WORDS = frozenset(UNITS) | {phrase[0] for phrase, _minutes in PHRASES} - {"a", "an"}
#: words that may stand with "minute" in front of a number: "a 10 minute one"
_SMALL_WORDS = frozenset({"of", "a", "an"})

#: words that ask for something a routine of that length answers: "I have / got 10 minutes",
#: "a 5 minute routine", "a 5 minute one"
ANCHOR_WORDS = frozenset(
    """have got spare free left routine routines stretch stretches stretching session sessions
    one version sequence programme program do something anything stuff body""".split()
)
#: words that may stand around a length alone ("10 min please", "how about 10 minutes")
SOFT_WORDS = frozenset(
    """please pls thanks thank ok so just only about around roughly approx approximately maybe
    max maximum total tops a an the for of now today really how what if day per each daily
    spare free got""".split()
)
#: words that may stand around them without changing what is asked
FILLER_WORDS = SOFT_WORDS | frozenset(
    """i me my mine im am is it and or to in on at with tonight you can could would will does
    should which some quick quickly short good nice want need like make let lets us we give
    full whole body general gentle easy that this there here all thing things bit nothing
    fancy no equipment kit props basic while actually""".split()
    # how well the body manages: "cant get on my knees easily", "... anymore"
    + "easily properly anymore comfortably nowadays these days".split()
)


@dataclass(frozen=True, slots=True)
class SizeAsk:
    """What one message says about a routine's size and limits."""

    #: the length it says, in minutes (whatever the number: the brain checks the range)
    minutes: int | None = None
    #: limits it names plainly ("no kneeling", "chair only")
    limits: frozenset[Limit] = frozenset()
    #: limits only a bare word names ("sitting", "standing")
    postures: frozenset[Limit] = frozenset()
    #: it asks for the easier versions
    easier: bool = False
    #: it asks for a longer or a shorter one
    resize: Resize | None = None
    #: the topics the rest of the message names, in order
    topics: tuple[str, ...] = ()
    #: the rest is only areas and filler words: the message is about a routine's size alone
    plain: bool = False
    #: ... and it asks for something: "I have", "routine", an area, a plain limit
    anchored: bool = False
    #: ... or it is the length or limit alone ("10 min", "quarter of an hour", "no kneeling")
    bare: bool = False
    #: the words of the message that are not about size or limits, normalised
    rest: tuple[str, ...] = ()

    @property
    def says_size_or_limit(self) -> bool:
        """True when the message names a length or a limit plainly."""
        return self.minutes is not None or bool(self.limits)


class SizeReader:
    """Reads sizes and limits with one knowledge base's cue wordings."""

    def __init__(
        self,
        kb: KnowledgeBase,
        analyse: Callable[[str], Analysis],
        canon: Callable[[str], str],
    ) -> None:
        """Index the limit, resize and easier cues; `analyse` reads what is left of a message
        and `canon` gives a word's vocabulary form (filler words are compared in that form)."""
        wanted = {**LIMIT_CUES, **POSTURE_CUES, **RESIZE_CUES, EASIER_CUE: EASIER_CUE}
        self._index = PhraseIndex(
            ((term, cue) for cue, terms in kb.cues.items() if cue in wanted for term in terms),
            SOFTENERS,
        )
        self._analyse = analyse
        words = ANCHOR_WORDS | FILLER_WORDS
        self._anchors = ANCHOR_WORDS | {canon(w) for w in ANCHOR_WORDS} | {TOPIC_TOKEN}
        self._allowed = words | {canon(w) for w in words} | {TOPIC_TOKEN}

    def read(self, analysis: Analysis) -> SizeAsk | None:
        """What the message says about size and limits; None when it says nothing of either."""
        words = analysis.normalised
        used: set[int] = set()
        minutes = None
        if not _LENGTH_WORDS.isdisjoint(words):
            minutes = _minutes(words, used)
        cues: set[str] = set()
        found = list(self._index.matches(words))
        easier = any(cue == EASIER_CUE for _s, _e, cue in found)
        for start, end, cue in found:
            if easier and cue in LIMIT_CUES and _told_as_a_difficulty(words, start):
                continue  # "cant reach my foot standing up, easier?": no limit asked
            if _on_my_feet_told(words, start, end):
                continue  # "after a long day on my feet": a day told, no limit asked
            if cue == _SEAT_CUE and _seat_told(words, start, end):
                continue  # "hamstrings like cables from the office chair": a cause told
            if cue in POSTURE_CUES and _posture_told(words, start, end):
                continue  # "from standing all day", "like i am standing on a nail"
            if cue in POSTURE_CUES and start and words[start - 1] in NEGATORS:
                cue = _OTHER_POSTURE[cue]  # "no standing ones": done sitting
            if used.isdisjoint(range(start, end)):
                cues.add(cue)
                used.update(range(start, end))
        if minutes is None and not cues:
            return None
        rest = tuple(w for i, w in enumerate(words) if i not in used)
        rest_analysis = self._analyse(" ".join(rest)) if rest else None
        rest_words = rest_analysis.words if rest_analysis is not None else ()
        plain = all(w in self._allowed for w in rest_words)
        limits = frozenset(LIMIT_CUES[c] for c in cues if c in LIMIT_CUES)
        anchored = plain and (bool(limits) or any(w in self._anchors for w in rest_words))
        bare = plain and all(w in SOFT_WORDS for w in rest)
        resize = next((RESIZE_CUES[c] for c in sorted(cues) if c in RESIZE_CUES), None)
        return SizeAsk(
            minutes=minutes,
            limits=limits,
            postures=frozenset(POSTURE_CUES[c] for c in cues if c in POSTURE_CUES),
            easier=EASIER_CUE in cues,
            resize=resize,
            topics=rest_analysis.topics if rest_analysis is not None else (),
            plain=plain,
            anchored=anchored,
            bare=bare,
            rest=rest,
        )


#: how far back a "cannot" may tell that the limit after it is where something fails
_DIFFICULTY_REACH = 5


#: "on my feet" told of a day or a job, not asked of a stretch ("a long day on my feet",
#: "on my feet all day", "on my feet 10 hours")
_FEET_TOLD = frozenset("day days shift shifts hours hrs all long week job work".split())


def _on_my_feet_told(words: Sequence[str], start: int, end: int) -> bool:
    """Whether the words at `start:end` are "on my feet" told of a day or a job."""
    if tuple(words[start:end])[-2:] != ("my", "feet"):
        return False
    near = (*words[max(0, start - 3) : start], *words[end : end + 3])
    return not _FEET_TOLD.isdisjoint(near)


#: words before a bare posture word that make it what the person does or did ("from
#: standing all day", "like i am standing on a nail"), and words after it ("standing on",
#: "sitting all day"): no limit asked
_POSTURE_TOLD_BEFORE = frozenset("from after been am was were like".split())
_POSTURE_TOLD_AFTER = frozenset({"on", "all"})


def _posture_told(words: Sequence[str], start: int, end: int) -> bool:
    """Whether the bare posture word at `start:end` tells what the person does, not how a
    stretch is to be done."""
    return (start > 0 and words[start - 1] in _POSTURE_TOLD_BEFORE) or (
        end < len(words) and words[end] in _POSTURE_TOLD_AFTER
    )


#: the cue of a seat as the only place to stretch in
_SEAT_CUE = "chair_only"
#: words before a seat that make it where the trouble came from ("from the office chair",
#: "after my office chair"), unless a stretch is done from it ("ones i can do from my chair")
_SEAT_TOLD_BEFORE = frozenset({"from", "after"})
_SEAT_DONE_FROM = frozenset("do done it them one ones these those stretch stretches".split())
_SEAT_OWNERS = frozenset({"the", "my", "a", "an", "this", "that"})
#: words after a seat that tell time spent in it ("in my office chair all day")
_SEAT_TOLD_AFTER = frozenset({"all", "for", "too", "every", "each", "since"})


def _seat_told(words: Sequence[str], start: int, end: int) -> bool:
    """Whether the seat at `start:end` is told as where the trouble came from or the day was
    spent, not asked as the only place to stretch in."""
    if end < len(words) and words[end] in _SEAT_TOLD_AFTER:
        return True
    at = start - 1
    if at >= 0 and words[at] in _SEAT_OWNERS:
        at -= 1
    if at < 0 or words[at] not in _SEAT_TOLD_BEFORE:
        return False
    return at == 0 or words[at - 1] not in _SEAT_DONE_FROM


def _told_as_a_difficulty(words: Sequence[str], start: int) -> bool:
    """Whether a limit's words at `start` tell where something fails, after a "cannot" in
    the same clause ("cant reach my foot standing up"), and are not that "cannot" themselves
    ("cannot stand up" is the limit). Read only beside a request for an easier version: "i
    cant get down, on the floor is hard" asks for no floor."""
    if words[start] in _DIFFICULTY_WORDS:
        return False
    for i in range(start - 1, max(-1, start - 1 - _DIFFICULTY_REACH), -1):
        if words[i] in _CLAUSE_BREAKS:
            return False
        if words[i] in _DIFFICULTY_WORDS:
            return True
    return False


_DIFFICULTY_WORDS = frozenset({"cannot", "struggle", "struggling"})
_CLAUSE_BREAKS = frozenset({"but", "so", "and", "or", "because", "cause"})


def _minutes(words: Sequence[str], used: set[int]) -> int | None:
    """The first length the words say, in minutes, with the positions it took added to
    `used`; None when they say none."""
    for i, word in enumerate(words):
        # a length that tells of something else ("12 hr shifts", "a 9 hour flight", "45 min
        # hiit classes") is no routine's length
        story = _tells_of_something_else(words[i + 1 : i + 1 + _TOLD_OF_REACH], word)
        for phrase, minutes in _PHRASES_BY_START.get(word, ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                after = i + len(phrase)
                if after < len(words) and words[after] in _TOLD_OF:
                    break
                if _time_until(words, i, after):
                    break
                used.update(range(i, i + len(phrase)))
                return minutes
        if word in UNITS and i > 0 and not story:
            found = _number_before(words, i)
            if found is not None and not _time_until(words, found[1], i + 1):
                number, start = found
                used.update(range(start, i + 1))
                return number * UNITS[words[i]]
    return None


#: "till", as people write it ("10 min till my match", "til kickoff")
TILL_WORDS = frozenset({"till", "til", "until"})
#: words a little before a length that make it how long something lasts or takes ("it takes
#: a good 10 mins to loosen up", "lasts about 5 minutes"), not a routine's length
_TAKES = frozenset({"takes", "took", "taking", "lasts", "lasted", "lasting"})
_TAKES_REACH = 5
#: ... said of the body or the stiffness ("it takes", "they last"), or of the person ("takes me")
_TAKES_SUBJECTS = frozenset({"it", "this", "they", "stiffness", "pain"})
_TAKES_WHO = frozenset({"me", "us", "him", "her", "them"})
#: words of a complaint before "for" and a length: how long it lasts
_LASTS = frozenset(
    """hurts hurt hurting aches ache aching sore agony stiff limp limping hobble hobbling
    lasts burns burning throbs throbbing""".split()
)
#: words after a length that make it the time until something ("10 min till my match")
_UNTIL = TILL_WORDS | {"away"}


def _time_until(words: Sequence[str], start: int, end: int) -> bool:
    """Whether the length at `start:end` is how long until something happens, or how long
    something takes or lasts, not a routine's length: "10 min till my match", "match in 20
    minutes" (an event, then "in"), "it takes a good 10 mins to loosen up"."""
    if end < len(words) and words[end] in _UNTIL:
        return True
    if start >= 1 and words[start - 1] == "after":
        return True  # "eases off after a few mins", "stiff after 20 minutes of sitting"
    if (
        start >= 1
        and words[start - 1] == "for"
        and not _LASTS.isdisjoint(words[max(0, start - 5) : start])
    ):
        return True  # "my heel hurts for a few minutes every morning"
    for i in range(max(1, start - _TAKES_REACH), start):
        if words[i] in _TAKES and (
            words[i - 1] in _TAKES_SUBJECTS or (i + 1 < start and words[i + 1] in _TAKES_WHO)
        ):
            # "it takes a good 10-15 mins of shuffling around", "takes me 10 mins to loosen
            # up": how long it lasts (not "a routine that takes 10 minutes")
            return True
    # "match in 20 minutes", "on the first tee in 20 mins"; "back to normal in a couple of
    # minutes": how long it took to pass
    return start >= 2 and words[start - 1] == "in" and words[start - 2] in _BEFORE_IN


#: how a thing is once it has passed, before "in <length>": "gone in 5 minutes"
_PASSED = frozenset("normal fine gone better okay ok settled away".split())
#: where or how something starts, before "in <length>": "on the first tee in 20 mins", "kick
#: off in 15", "leaving in 10 minutes", "tee time in 20 min"
_STARTING_IN = frozenset("tee off start starts starting leaving leave out race gun time".split())


#: what a length right before it tells of, not a routine's length: "12 hr shifts", "a 9 hour
#: flight", "a 3 hour drive"
_TOLD_OF = frozenset(
    """shift shifts day days drive drives flight flights ride rides journey journeys trip
    trips hike hikes walk walks run runs match matches game games shoot shoots meeting meetings
    lecture lectures class classes exam exams commute commutes session sessions workout
    workouts lesson lessons practice""".split()
)
#: ... and what someone spent it doing ("5 hours driving"), unless minutes with a stretch
#: after them ("a 10 minute standing routine")
_TOLD_OF_DOING = frozenset(
    """driving flying sitting standing walking working cycling hiking travelling traveling
    studying gaming typing gardening""".split()
)
#: sports and classes named right before "in <length>": when they start ("tennis in half an
#: hour", "spin in 20 min")
_PLAYED_IN = frozenset(
    """tennis golf football soccer basketball hoops rugby hockey netball squash badminton
    padel pickleball cricket baseball softball volleyball climbing bouldering yoga pilates
    spin karate judo boxing kickboxing bjj jiujitsu taekwondo fencing dance ballet parkrun
    swim swimming run running ride cycling skiing surfing rowing crossfit hiit gym
    training""".split()
)
#: ... all that, before "in <length>", makes it no routine's length ("match in 20 minutes")
_BEFORE_IN = _TOLD_OF | _PASSED | _STARTING_IN | _PLAYED_IN
#: ... up to this many words after the length ("45 min hiit classes"), unless a stretch comes
#: first ("a 15 min stretch session")
_TOLD_OF_REACH = 2
_STRETCH_FIRST = frozenset(
    "stretch stretches stretching routine cooldown cool warmup warm mobility".split()
)


def _tells_of_something_else(after: Sequence[str], unit: str = "") -> bool:
    """Whether the words after a length (its `unit`) name what it is the length of, before any
    stretch ("12 hr shifts", "10 hrs a day" on the feet); not minutes "a day" or "per day" ("5
    min a day": how long each day)."""
    minutes = UNITS.get(unit) == 1
    for i, word in enumerate(after):
        if word in _STRETCH_FIRST or word == "between":
            return False  # "2 mins between lectures": the gap they leave
        if word in _TOLD_OF:
            return not (minutes and word == "day" and i > 0 and after[i - 1] in _EACH)
        if word in _TOLD_OF_DOING:
            # hours spent doing it are the story; minutes may be a routine's ("10 minute
            # standing routine")
            return not minutes or _STRETCH_FIRST.isdisjoint(after[i + 1 : i + 1 + _TOLD_OF_REACH])
    return False


#: "5 min a day", "10 mins per day": the length each day
_EACH = frozenset({"a", "per", "each", "every"})


def _number_before(words: Sequence[str], unit: int) -> tuple[int, int] | None:
    """The number before the unit at `unit` and where it starts: "10", "ten", "twenty five",
    "a couple of", "a few"; None when there is none."""
    i = unit - 1
    if words[i] == "of" and i > 0 and words[i - 1] == "couple":  # "a couple of minutes"
        i -= 1
    word = words[i]
    if word.isdigit() and len(word) <= 3:
        return int(word), i
    if word not in NUMBER_WORDS:
        return None
    number = NUMBER_WORDS[word]
    if i > 0 and words[i - 1] in TENS and number < 10:  # "twenty five"
        return NUMBER_WORDS[words[i - 1]] + number, i - 1
    if word in ("couple", "few") and i > 0 and words[i - 1] in _SMALL_WORDS:
        return number, i - 1
    return number, i
