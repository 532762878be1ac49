"""Safety: red flags and conditions, read from a message and the conversation it belongs to.

Checked before anything else; a red flag wins over every other reading of a message.

The knowledge base describes symptoms as concepts (`symptoms`: the everyday ways people say
"numb" or "swollen"), and red flags as patterns over them (see knowledge/README.md). At load,
every term is compiled into dictionaries from a word, a word prefix or a word sequence to the
keys it stands for: the term itself, and each symptom or condition that lists it. Checking a
message costs a few look-ups per word, then a test of the few patterns those keys touch.

Three things make it read a message as a person means it:

- negation: a term right after "no", "not", "without" or "never" (up to `NEGATION_REACH`
  words, and not past "but" or "just") does not count: "no numbness, just tight";
- areas from topics: a message about the calves names the calf area, and so does a follow-up
  in a conversation about them ("the right one is puffy") when the message names no area;
- `unless` terms: "for a second", "after bench press" keep a red flag quiet;
- history: a message with the symptom `past` ("years ago", "fully recovered") and without
  `present` ("now", "since then") is about something over, and raises no red flag.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

from bot.kb import CONDITION_SYMPTOM, TRIAGE_LEVELS, Condition, KnowledgeBase, RedFlag
from bot.understanding.analysis import Analysis
from bot.understanding.text import NEGATORS, normalize

#: words that soften a "cannot" and change nothing of what it says: "can't actually put
#: weight on it", "can't really feel my toes"
SOFTENERS = frozenset({"actually", "really", "even", "quite", "exactly", "totally", "just"})
#: how many words may stand between a symptom's `not_after` words and its term ("like i got
#: hit by a truck")
NOT_AFTER_REACH = 3
#: how many words after a negator it reaches
NEGATION_REACH = 3
#: words that end a negation early: "no pain but my calf is swollen"
NEGATION_ENDS = frozenset(
    "but and just only though although however except yet still now then so also plus".split()
)
#: words that start the object of a negated verb, which the negation does not reach: "not
#: dislocate the new hip", "didn't hurt my back" ("not have a fever" still negates the fever)
NEGATION_OBJECTS = frozenset({"the", "my"})
#: words that say where a negated symptom is, so the negation reaches the place they name
#: ("no pain down the leg", "no tingling into my feet"): the place is part of what is denied
NEGATION_PLACES = frozenset({"down", "into", "through", "along"})
#: words that carry a negation on through a list: "no swelling, redness or warmth"
NEGATION_LISTS = frozenset({"or", "nor"})
#: words after which a negator negates nothing: "not sure if it's swollen", and "no joke",
#: "not kidding", which vouch for what follows ("no joke i think i broke my ankle")
#: "not just", "not only": what follows is part of it, not all of it
_NOT_ONLY = frozenset({"just", "only", "simply", "merely"})
NEGATION_FALSE_STARTS = frozenset(
    {"sure", "certain", "only", "just", "even", "joke", "joking", "kidding"}
)

_CONDITION = "condition:"
_SYMPTOM = "$"
#: the symptoms that tell of an injury event, whatever thing they name
_INJURY_EVENTS = frozenset(_SYMPTOM + s for s in ("serious_accident", "blow_injury", "fall"))
#: symptoms that say how or when, not what: after a red flag, a message with only these
#: ("it's fine now actually", "what about a hamstring stretch instead") tells nothing more
_MODIFIERS = frozenset(
    _SYMPTOM + k
    for k in (
        "resolved past present self_now hypothetical hypothetical_question stretch_done "
        "after_stretch exercise conversation_area still_there lasting_days now_and_then"
    ).split()
)
#: parts of the body with no area of their own: naming one after a red flag ("why are my
#: calves tight", "my forearms get pumped") tells no more of the same concern
_PLACES = frozenset(_SYMPTOM + k for k in ("body", "arm", "hand", "head"))
#: areas so wide they say nothing of which part of the body a message is about: a stretch
#: asked for the legs after a red flag about the left arm (both "limbs") is another area
_WIDE_AREAS = frozenset(_SYMPTOM + k for k in ("limb", "joint", "conversation_area"))
#: the symptoms that mark a message as history ("years ago, all fine now") and as now
_PAST = "$past"
#: ... and as over ("fine now", "gone down overnight")
_RESOLVED = "$resolved"
#: a message saying the person will get care: after a red flag it is read on its own, unless
#: it tells a symptom more than the care it names ("I'll ring my oncology nurse" names cancer
#: care; "I'll ring my GP, it's more swollen now" tells more)
SEEKING_CARE = _SYMPTOM + "seeking_care"
_CARE_NAMES = frozenset(_SYMPTOM + k for k in ("cancer", "steroids_immune"))
_PRESENT = "$present"
#: set when neither the message nor the conversation names a body area (`kb.BUILTIN_SYMPTOMS`)
_NO_AREA = "$no_area"
#: set when the message tells of something lasting two weeks or more, or six (`kb.BUILTIN_SYMPTOMS`)
_LASTED_WEEKS, _LASTED_MONTHS = "$lasted_weeks", "$lasted_months"
#: the age group of a stated age at or over `_OVER_AGE` ("72, back pain started last month")
_OVER_50, _OVER_AGE = "$over_50", 50
#: set when the message tells of a time of effort with words between the preposition and the
#: activity, which the listed terms miss: "on faster runs", "midway through my long run"
_WHILE_EXERCISING, _DURING_EXERCISE = "$while_exercising", "$during_exercise"
_DURING = frozenset({"on", "during", "in", "mid", "through", "throughout", "midway"})
_EFFORTS = frozenset(
    "run runs jog jogs workout workouts hike hikes swim swims sprint sprints race races".split()
)
_EFFORT_REACH = 3
#: set when the message tells a feeling going once the person moves, which the listed terms
#: of the symptom `numbness_passed` miss: "goes straight away when i let go", "comes back when
#: i move", "went about 10 mins after i got off the bike" (NHS: Pins and needles, the kind
#: that passes on moving is the usual harmless one)
_NUMBNESS_PASSED = "$numbness_passed"
#: a feeling going, stopping or easing ...
_GOING = frozenset("goes go went gone stops stopped eases eased fades faded clears cleared".split())
#: ... told so by the word after it: "goes away", "goes straight away", "goes when i let go"
#: (not "goes numb", "goes down my leg", which tell it coming or spreading)
_GOING_ON = frozenset("away off straight right when once as after about in within soon".split())
#: a feeling coming back: "feeling comes back when i move"
_COMING = frozenset({"comes", "came", "come"})
#: what the person does that it goes on: let go, move, get off, stand up, walk about, put the
#: phone down
#: (not stopping an effort: an arm that tingles on the rower and comes back when the person
#: stops may be the heart's, which rest eases too)
_MOVING = frozenset(
    """let move moved moving get got getting stand stood standing shift shifted change changed
    shake shook uncross uncrossed come came sit sat walk walked walking put putting release
    released""".split()
)
_PASSING_REACH = 7
#: set when the message names a stretch or pose of the knowledge base (`kb.BUILTIN_SYMPTOMS`)
_NAMED_STRETCH = "$named_stretch"
#: one-word names of stretches that are everyday words too ("butterflies in my stomach")
_STRETCH_NAMES_IN_OTHER_SENSES = frozenset(
    {"butterfly", "butterflies", "camel", "frog", "straddle"}
)
_ABOUT_STRETCHING = "$about_stretching"
#: set when the message opens with stretches asked for by their area alone ("lower back
#: stretches? its been aching for days"): stretches asked for, not done (`kb.BUILTIN_SYMPTOMS`)
_STRETCHES_ASKED = "$stretches_asked"
_STRETCH_NOUNS = frozenset({"stretch", "stretches", "stretching"})
_STRETCH_DONE = "$stretch_done"
#: the words of stretching a piece that asks for one may hold
_STRETCH_DONE_WORDS = _STRETCH_NOUNS | {"routine", "pose", "poses"}
#: words a question may open with after a lead-in ("anyway whats a good foot stretch")
_ASK_OPENERS = frozenset(
    """what whats which any anything can could should is are how give suggest recommend need
    best good got would do does""".split()
)
_ASK_LEAD_INS = frozenset("anyway so ok okay but and then well also".split())
#: words that tell a stretch done in the piece that asks ("can i stretch after i stretched")
_DONE_WORDS = frozenset(
    "stretched did doing done during while after was were been since when".split()
)
#: words that may stand with the area in such an opening ("any good lower back stretches")
_ASKED_WITH = frozenset(
    "lower upper mid middle low any good best some easy gentle quick my the for pls please".split()
)
#: words before a place in the body that make it part of a stretch's name asked for: "a calf
#: stretch", "any good hamstring stretches"
_STRETCH_NAME_LEADS = frozenset("a an any good best some easy gentle quick decent".split())
#: a condition the message or the conversation named, as patterns read it
_HAS_CONDITION = _SYMPTOM + CONDITION_SYMPTOM
#: conditions that are news by nature: a message about the past ("sprained my ankle years
#: ago, it still clicks") does not name them
_RECENT_CONDITIONS = frozenset(
    _CONDITION + c for c in ("recent_injury", "recent_surgery", "cancer_treatment")
)
#: "i can't feel it" right after a stretch card (knowledge/red_flags.yaml): the stretch not felt
_FEEL_IT_VAGUE = "$feel_it_vague"
_STRETCH_FELT = "$stretch_felt"
#: an injury to the feet not felt (knowledge/red_flags.yaml): never the stretch not felt
_FEET_NOT_FEELING = "$feet_not_feeling"
#: what "i can't feel it" after a stretch tells: the stretch not felt, in words that could be
#: numbness
_STRETCH_NOT_FELT = frozenset({_FEEL_IT_VAGUE, _STRETCH_FELT, "$numbness"})


@dataclass(frozen=True, slots=True)
class SafetyCheck:
    """What the safety rules found in one message."""

    #: the most urgent red flag the message raises, or None
    flag: RedFlag | None = None
    #: the conditions the message names (pregnancy, a hip replacement), in knowledge-base order
    conditions: tuple[Condition, ...] = ()
    #: what the message describes (symptom ids as "$id", and literal terms), for reading the
    #: next message with it
    symptoms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Pattern:
    flag: int  # index into SafetyRules._flags
    groups: tuple[frozenset[str], ...]


class SafetyRules:
    """All red flags and conditions of a knowledge base, compiled for fast checks."""

    def __init__(self, kb: KnowledgeBase, canon: Callable[[str], str] | None = None) -> None:
        """Compile every term, symptom, pattern and condition of `kb`. With `canon` (the
        matcher's lemma form, `Words.lemma_form`), each term is also found in its canonical
        form, so "steroids" matches a message's "steriods" corrected to "steroid"; a term is
        never registered as a typo's correction of it ("hrt" as "hurt")."""
        # most urgent first, then file order: a message that fits two gets the more urgent
        self._flags = sorted(kb.red_flags.values(), key=lambda f: TRIAGE_LEVELS.index(f.level))
        self._conditions = tuple(kb.conditions.values())
        keys_of: dict[str, set[str]] = defaultdict(set)  # term -> the keys it stands for
        #: symptom -> the symptoms that include it (a term "$id" in their list), transitively
        self._implied = _included_by(kb)
        for symptom in kb.symptoms.values():
            for term in symptom.terms:
                if not term.startswith(_SYMPTOM):
                    keys_of[term].add(_SYMPTOM + symptom.id)
        for stretch in kb.stretches.values():
            for name in (stretch.name, *stretch.aliases):
                term = " ".join(normalize(name).split())
                if term and (" " in term or term not in _STRETCH_NAMES_IN_OTHER_SENSES):
                    keys_of[term].add(_NAMED_STRETCH)
        #: patterns that name a condition, as (condition key, groups)
        self._condition_patterns: list[tuple[str, tuple[frozenset[str], ...]]] = []
        for condition in self._conditions:
            for term in condition.terms:
                keys_of[term].add(_CONDITION + condition.id)
            for pattern in condition.patterns:
                groups = tuple(frozenset(_register(group, keys_of)) for group in pattern)
                self._condition_patterns.append((_CONDITION + condition.id, groups))
        #: a key every condition pattern needs one of (its first group's): most messages have
        #: none, and no pattern need be tried
        self._condition_openers = frozenset(
            key for _key, groups in self._condition_patterns for key in groups[0]
        )
        self._patterns: list[_Pattern] = []
        self._unless: list[frozenset[str]] = []
        for f_index, flag in enumerate(self._flags):
            for pattern in flag.patterns:
                groups = tuple(frozenset(_register(group, keys_of)) for group in pattern)
                self._patterns.append(_Pattern(f_index, groups))
            self._unless.append(frozenset(_register(flag.unless, keys_of)))
        #: keys only an `unless` list uses: "no pain at all" keeps a flag quiet, and its "no"
        #: still negates what follows it ("no pain or swelling"), unlike a symptom's own "no"
        #: ("no feeling")
        in_patterns = {k for compiled in self._patterns for group in compiled.groups for k in group}
        self._unless_only = frozenset(
            key
            for key in frozenset().union(*self._unless) - in_patterns
            if not key.startswith((_SYMPTOM, _CONDITION))
        )
        # each pattern is filed under the keys of one of its groups, the one whose keys the
        # fewest patterns share: a pattern needs every group, so that one is enough to find it
        uses: dict[str, int] = defaultdict(int)
        for compiled in self._patterns:
            for key in frozenset().union(*compiled.groups):
                uses[key] += 1
        #: key -> the patterns filed under it
        self._by_key: dict[str, list[int]] = defaultdict(list)
        for p_index, compiled in enumerate(self._patterns):
            anchor = min(compiled.groups, key=lambda group: sum(uses[k] for k in group))
            for key in anchor:
                self._by_key[key].append(p_index)
        #: topic -> the area symptoms that topic stands for
        self._areas_of: dict[str, frozenset[str]] = {
            topic: frozenset(_SYMPTOM + s.id for s in kb.symptoms.values() if topic in s.topics)
            for topic in kb.topics
        }
        self._area_keys = frozenset(_SYMPTOM + s.id for s in kb.symptoms.values() if s.topics)
        #: the one-word names of body areas: a length of time told beside one is how long
        #: something there has lasted ("tennis elbow for 4 months")
        self._body_words = frozenset(
            t
            for s in kb.symptoms.values()
            if s.topics
            for t in s.terms
            if " " not in t and not t.startswith(_SYMPTOM) and not t.endswith("*")
        )
        #: symptoms a pattern asks for (not only an `unless`): what a message can tell more of
        self._told_keys = (
            frozenset(
                key
                for compiled in self._patterns
                for group in compiled.groups
                for key in group
                if key.startswith(_SYMPTOM)
            )
            - self._area_keys
            - _MODIFIERS
            - _PLACES
        )
        #: conditions an age names ("i'm 72": older adults), as (condition key, (from, to))
        self._age_conditions = tuple(
            (_CONDITION + c.id, c.ages) for c in self._conditions if c.ages is not None
        )
        self._condition_of = tuple((_CONDITION + c.id, c) for c in self._conditions)
        self._condition_keys = frozenset(key for key, _c in self._condition_of)
        not_before, not_after = (
            {
                _SYMPTOM + s.id: tuple(tuple(normalize(w).split()) for w in words)
                for s in kb.symptoms.values()
                if (words := getattr(s, field))
            }
            for field in ("not_before", "not_after")
        )
        self._terms = _TermIndex(
            keys_of,
            canon,
            self._unless_only,
            not_before,
            not_after,
            self._area_keys | _PLACES,
            excuses=frozenset().union(*self._unless) - in_patterns,
        )

    def _areas_in(self, keys: Iterable[str]) -> frozenset[str]:
        """The area symptoms among `keys`, without those too wide to tell one part of the
        body from another (a limb, a joint, the conversation's area)."""
        return frozenset(self._area_keys.intersection(keys)) - _WIDE_AREAS

    def names_a_flagged_area(self, topics: Iterable[str], before: Iterable[str]) -> bool:
        """Whether one of `topics` is an area the symptoms told before (`before`, a red
        flag's) were about: "any stretch for my calf though?" after a swollen calf."""
        told = self._areas_in(before)
        return any(not told.isdisjoint(self._areas_of.get(t, ())) for t in topics)

    def names_another_area(self, symptoms: Iterable[str], before: Iterable[str]) -> bool:
        """Whether the symptoms of a message (`symptoms`) name a part of the body that those
        told before (`before`, a red flag's) do not: "what stretches for my legs" after a
        chest pain. Symptoms that named no part of the body are no other area."""
        own = self._areas_in(symptoms)
        # an accident or a fever told before names no area: the area now is where it hurts
        # ("car's a write off" then "neck is sore today, what's a good stretch")
        told = self._areas_in(before)
        return bool(own) and bool(told) and own.isdisjoint(told)

    def tells_an_injury(self, analysis: Analysis) -> bool:
        """Whether the message tells of an accident, a fall or a blow ("i was in a crash on
        the motorway last night"): about the body, though it names a car."""
        found = self._terms.keys_in(analysis.normalised, analysis.breaks)
        return not found.isdisjoint(_INJURY_EVENTS)

    def check(
        self,
        analysis: Analysis,
        topic: str | None = None,
        before: Iterable[str] = (),
        *,
        about_stretching: bool = False,
        continuing: bool = False,
        on_a_card: bool = False,
        named_before: Iterable[str] = (),
        asking: bool = False,
    ) -> SafetyCheck:
        """Red flag and conditions of a message. `topic` is what the conversation is about;
        `before` the symptoms of the message before, which count together with this one's
        ("my calf is sore" then "and it's swollen and hot now"); `about_stretching`, whether
        the conversation so far is about stretching, which a condition told in passing needs
        ("had my baby three weeks ago" after a stretch); `continuing`, whether the reply
        before was a red flag: then a message that tells more of it ("it started after my
        back went last week") raises a flag the symptoms so far complete, though its own words
        complete no pattern. `on_a_card`, whether the reply before was a stretch or a routine:
        then "i can't feel it", naming no body part of its own, is the stretch not felt.
        `named_before`, the conditions the conversation named before: a pattern reads each,
        and each this message names, as `$condition_<id>` ("now i've got cramping and a bit
        of spotting" after "i'm 20 weeks pregnant"). `asking`, whether the message asks for a
        stretch or another one: then, telling no symptom of its own, it does not go on with
        the message before ("is there a different one for inner thighs" after pins and needles
        in the butterfly stretch names an area to stretch, not where the numbness spread)."""
        written = analysis.normalised
        found = self._keys_of(analysis)
        known_before = frozenset(before)
        areas = self._area_keys & found
        if not areas and on_a_card and _FEEL_IT_VAGUE in found and _FEET_NOT_FEELING not in found:
            # "i can't feel it" after a calf stretch: the stretch (not "i didn't feel anything
            # when i stepped on the glass", which says what was not felt)
            found.add(_STRETCH_FELT)
        own = set(found)  # what this message says itself, without the conversation's area
        care_only = SEEKING_CARE in own and not (self._told_keys & own) - _CARE_NAMES
        # "can't feel anything, harder?" after a stretch tells of the stretch and nothing else
        felt_only = _STRETCH_FELT in found and not (self._told_keys & own) - _STRETCH_NOT_FELT
        if felt_only:
            known_before = frozenset()
        if not areas and not care_only and not felt_only:
            # "the left one is hot": the area the conversation is about (not for "I'll ring my
            # nurse", which is read on its own, nor for the stretch not felt: "can't feel
            # anything, harder?" after an inner-thigh stretch is no numb groin)
            areas = self._area_keys & known_before
            if topic is not None:
                areas |= self._areas_of.get(topic, frozenset())
            found |= areas
        symptoms = tuple(sorted(found - self._condition_keys)) if found else ()
        if _STRETCH_DONE in found and stretching_only_asked(analysis):
            # "nearly passed out from the pain. anyway whats a good foot stretch", "fainted
            # last week, can i still stretch": a stretch asked for is no stretch done (the
            # conversation keeps it: "i did it last week and it's hurt every day since")
            found.discard(_STRETCH_DONE)
            own.discard(_STRETCH_DONE)
        if not areas:
            found.add(_NO_AREA)
        if about_stretching:
            found.add(_ABOUT_STRETCHING)
        self._name_conditions(found, written, analysis.breaks)
        self._drop_age_similes(found, written, analysis.breaks)
        self._drop_someone_elses(found, analysis)
        # "had a DVT years ago, all fine now": history, not a red flag, unless something is
        # happening now ("... and now my calf is swollen")
        history = _PAST in found and _PRESENT not in found
        if _PAST in found:  # "sprained it years ago, it still clicks"
            found -= _RECENT_CONDITIONS
        conditions = (
            tuple(c for key, c in self._condition_of if key in found)
            if not self._condition_keys.isdisjoint(found)
            else ()
        )
        condition_ids = {c.id for c in conditions}
        # a condition this message or the conversation named, as patterns read it
        found.update(_HAS_CONDITION + c for c in condition_ids.union(named_before))
        # "wondering if its arthritis": a guess explains no warning sign away
        # (and one the conversation named before: "can i do them lying on my back still"
        # after "24 weeks pregnant and my hips ache when i lie on my side")
        explaining = {c.id for c in conditions if not _suspected(c.terms, written)}
        explaining.update(named_before)
        # after a red flag, a message telling a symptom of its own (not only an area) counts
        # as part of every pattern: it goes on with the same concern; one that tells none
        # ("why are my calves tight", "thanks! how often should i do these") starts afresh,
        # as the red flag has been given
        tells_own = not self._told_keys.isdisjoint(own)
        if (continuing or asking) and (
            not tells_own
            # "I'll ring my oncology nurse": what it names is care sought, not a symptom more
            or care_only
            # "will do. any tips for a stiff neck?" after a swollen calf: a stretch asked for
            # another area starts afresh, though it tells how that area feels
            or (asking and self.names_another_area(own, known_before))
        ):
            known_before = frozenset()
        tells = continuing and tells_own
        known = found | known_before if known_before else found
        told_over = _PAST in known_before or _RESOLVED in known_before
        if told_over and _PRESENT not in known_before and _PRESENT not in found:
            # the message before told of the past ("was in a car crash in 2019, all healed"),
            # or of something over ("got tackled at rugby on saturday, fine now"), and this
            # one does not bring it up to now ("my neck is stiff, stretch?"): this
            # message is weighed on its own, and with what came before only as history (a
            # cancer years ago, then back pain that wakes you at night)
            flag = self._flag(own, found, history, explaining) or self._flag(
                own, known, True, explaining
            )
            return SafetyCheck(flag, conditions, symptoms)
        flag = self._flag(known if tells else own, known, history, explaining)
        return SafetyCheck(flag, conditions, symptoms)

    def told_in(self, analysis: Analysis) -> frozenset[str]:
        """The symptoms a pattern asks for that the message tells by itself, without the
        conversation: "its warm too now" tells a warmth, "daily tips please" a frequency."""
        return self._told_keys & self._keys_of(analysis)

    def _keys_of(self, analysis: Analysis) -> set[str]:
        """The keys of every term the message holds that no negation reaches, in its written,
        corrected and softened forms, with the keys they imply."""
        written, canonical = analysis.normalised, analysis.canonical
        found = self._terms.keys_in(written, analysis.breaks)
        # the corrected words add something only where a typo was corrected ("numbnes"); a
        # word cut to its stem ("swelling" -> "swell") matches no term the written one missed
        if any(c != w and not w.startswith(c) for w, c in zip(written, canonical, strict=True)):
            found |= self._terms.keys_in(canonical, analysis.breaks)
        elif analysis.corrected != written:  # a typo that is a stem's: "passd out"
            found |= self._terms.keys_in(analysis.corrected, analysis.breaks)
        softened = _without_softeners(written, analysis.breaks)
        if softened is not None:  # "can't actually put weight on it"
            found |= self._terms.keys_in(*softened)
        if _over_age(written, analysis.breaks):  # "72, back pain started last month"
            found.add(_OVER_50)
        lasted = stated_lasting(written, analysis.breaks, self._body_words)
        if lasted is not None and lasted >= LASTED_WEEKS:
            found.add(_LASTED_MONTHS if lasted >= LASTED_MONTHS else _LASTED_WEEKS)
        if told_during_effort(written, analysis.breaks):
            found |= {_WHILE_EXERCISING, _DURING_EXERCISE}
        if told_passing_on_moving(written, analysis.breaks):
            found.add(_NUMBNESS_PASSED)
        if stretches_asked_first(analysis):
            found.add(_STRETCHES_ASKED)
        if self._implied:
            for key in [k for k in found if k in self._implied]:
                found |= self._implied[key]
        return found

    def _name_conditions(
        self, found: set[str], words: Sequence[str], breaks: Collection[int]
    ) -> None:
        """Add to `found` (the keys of the terms in `words`) the conditions their patterns
        complete and those the age the person states names ("75, never exercised in my
        life", "retired at 72")."""
        if not self._condition_openers.isdisjoint(found):
            for key, groups in self._condition_patterns:
                if key not in found and all(not group.isdisjoint(found) for group in groups):
                    found.add(key)
        if self._age_conditions:
            age = stated_age(words, breaks)
            if age is not None:
                found.update(key for key, (low, high) in self._age_conditions if low <= age <= high)

    def _drop_age_similes(
        self, found: set[str], written: Sequence[str], breaks: Collection[int]
    ) -> None:
        """Leave out of `found` a life stage that only an age in a simile names: "wake up
        feeling 90 years old", "i move like an 80 year old" say how stiff, not how old."""
        ages = [key for key, _ages in self._age_conditions if key in found]
        span = _age_simile(written) if ages else None
        if span is None:
            return
        start, end = span
        cut = (*written[:start], *written[end:])
        moved = frozenset(
            b - (end - start) if b >= end else b for b in breaks if not start < b < end
        )
        still = self._terms.keys_in(cut, moved)
        self._name_conditions(still, cut, moved)
        found.difference_update(key for key in ages if key not in still)

    def _drop_someone_elses(self, found: set[str], analysis: Analysis) -> None:
        """Leave out of `found` a condition told of someone else in a message that turns to
        the writer's own body: "my nan had a new hip put in last year ... anyway my own hips
        are tight" is no hip replacement of the writer's. Told of someone else alone ("my mum
        had a new hip, what can she do"), it stays: the stretches are for her."""
        written, breaks = analysis.normalised, analysis.breaks
        if self._condition_keys.isdisjoint(found) or not _turns_to_the_writer(written):
            return
        cuts = [
            (start, end)
            for start, end in analysis.pieces()
            if _opens_with_someone(written[start:end])
        ]
        if not cuts:
            return
        kept = [i for i in range(len(written)) if not any(s <= i < e for s, e in cuts)]
        cut = tuple(written[i] for i in kept)
        moved = frozenset(kept.index(b) for b in breaks if b in kept)
        still = self._terms.keys_in(cut, moved)
        self._name_conditions(still, cut, moved)
        found.difference_update(key for key in self._condition_keys & found if key not in still)

    def _flag(
        self, found: set[str], known: set[str], history: bool, named: set[str] | None = None
    ) -> RedFlag | None:
        """The most urgent red flag whose pattern the known keys complete, with at least one
        key of this message (`found`): what was said before never fires on its own. In a
        message about the past (`history`), only red flags `about_history` count; in one that
        names conditions (`named`), none `explained_by` one of them.

        Patterns are numbered most urgent first, so the first one complete is the answer."""
        by_key = self._by_key
        candidates = sorted({p for key in known for p in by_key.get(key, ())})
        # a message that tells no symptom of its own ("other leg" after a calf stretch) keeps
        # what kept a red flag quiet in the conversation ("always rock hard the day after a
        # run")
        only_areas = known is not found and self._told_keys.isdisjoint(found)
        for p_index in candidates:
            pattern = self._patterns[p_index]
            flag = self._flags[pattern.flag]
            if history and not flag.about_history:
                continue
            if named and not named.isdisjoint(flag.explained_by):
                continue
            if (
                all(not group.isdisjoint(known) for group in pattern.groups)
                and (known is found or any(not g.isdisjoint(found) for g in pattern.groups))
                and self._unless[pattern.flag].isdisjoint(known if only_areas else found)
            ):
                return flag
        return None


def stretching_only_asked(analysis: Analysis) -> bool:
    """Whether every word of stretching in the message stands in a piece that asks for one
    ("anyway whats a good foot stretch", "can i still stretch") and tells nothing done."""
    words = analysis.normalised
    at = [i for i, w in enumerate(words) if w in _STRETCH_DONE_WORDS]
    if not at:
        return False
    pieces = analysis.pieces()
    for i in at:
        start, end = next(((s, e) for s, e in pieces if s <= i < e), (0, len(words)))
        piece = words[start:end]
        opening = next((w for w in piece if w not in _ASK_LEAD_INS), "")
        if opening not in _ASK_OPENERS or not _DONE_WORDS.isdisjoint(piece):
            return False
    return True


def stretches_asked_first(analysis: Analysis) -> bool:
    """Whether the message opens with a piece that only asks for stretches by their area:
    "lower back stretches? its been aching for days", "any good hamstring stretches. sore for a
    week" (not "did some stretches. its been aching for days")."""
    words = analysis.corrected
    end = min((b for b in analysis.breaks if 0 < b < len(words)), default=len(words))
    area_words = {
        i for start, stop, _t in analysis.spans if stop <= end for i in range(start, stop)
    }
    return (
        end < len(words)
        and bool(area_words)
        and words[end - 1] in _STRETCH_NOUNS
        and all(i in area_words or words[i] in _ASKED_WITH for i in range(end - 1))
    )


def told_passing_on_moving(words: Sequence[str], breaks: Collection[int] = ()) -> bool:
    """Whether the words tell a feeling going, in one sentence, once the person does
    something (`_MOVING`): "fingers tingle if i hang from the bar, goes straight away when i
    let go", "comes back when i move", "it went about 10 mins after i got off the bike"."""
    for i, word in enumerate(words[:-1]):
        going = word in _GOING and words[i + 1] in _GOING_ON
        if not (going or (word in _COMING and words[i + 1] == "back")):
            continue
        for j in range(i + 1, min(len(words) - 1, i + _PASSING_REACH)):
            if j in breaks or j + 1 in breaks:
                break
            if words[j] == "i" and words[j + 1] in _MOVING:
                return True
    return False


def told_during_effort(words: Sequence[str], breaks: Collection[int] = ()) -> bool:
    """Whether the words tell of something during an effort, with up to two words between
    the preposition and the activity, in one sentence: "on faster runs", "during my long
    runs", "midway through a race"."""
    for i, word in enumerate(words):
        if word in _DURING:
            for j in range(i + 1, min(len(words), i + 1 + _EFFORT_REACH)):
                if j in breaks:
                    break
                if words[j] in _EFFORTS:
                    return True
    return False


def _included_by(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Symptom key -> the keys of every symptom that includes it, directly or through
    another: a symptom lists one it includes as a term "$id"."""
    direct: dict[str, set[str]] = defaultdict(set)
    for symptom in kb.symptoms.values():
        for term in symptom.terms:
            if term.startswith(_SYMPTOM):
                direct[term].add(_SYMPTOM + symptom.id)
    closed: dict[str, frozenset[str]] = {}
    for key in direct:
        seen: set[str] = set()
        todo = [key]
        while todo:
            for outer in direct.get(todo.pop(), ()):
                if outer not in seen:
                    seen.add(outer)
                    todo.append(outer)
        closed[key] = frozenset(seen)
    return closed


def _without_softeners(
    words: Sequence[str], breaks: Collection[int]
) -> tuple[tuple[str, ...], frozenset[int]] | None:
    """The words without a softening word right after "cannot" or "not" ("can't actually put
    weight on it", "can't really feel my toes"), with the breaks moved to match; None when
    there is none. Terms are written without them."""
    drop = {
        i
        for i in range(1, len(words))
        if words[i] in SOFTENERS and words[i - 1] in ("cannot", "not")
    }
    if not drop:
        return None
    kept = tuple(w for i, w in enumerate(words) if i not in drop)
    moved = frozenset(b - sum(1 for d in drop if d < b) for b in breaks)
    return kept, moved


def _register(terms: Iterable[str], keys_of: dict[str, set[str]]) -> set[str]:
    """The keys a group of terms stands for; a literal term becomes a key of its own."""
    keys: set[str] = set()
    for term in terms:
        if term.startswith(_SYMPTOM):
            keys.add(term)
        else:
            keys_of[term].add(term)
            keys.add(term)
    return keys


#: what a number before one of these words measures is no age nor count of a symptom's: "80
#: miles a week", "55 minutes"
MEASURES = frozenset(
    """miles mile km k kms kilometres kilometers metres meters m mins minutes min minute
    seconds secs sec hours hrs hour kg kilos lbs pounds reps sets laps percent degrees
    calories steps""".split()
)


class _TermIndex:
    """Every term as whole words, word sequences or word prefixes ("swell*"), with its keys."""

    def __init__(
        self,
        keys_of: dict[str, set[str]],
        canon: Callable[[str], str] | None,
        unless_only: frozenset[str] = frozenset(),
        not_before: dict[str, tuple[tuple[str, ...], ...]] | None = None,
        not_after: dict[str, tuple[tuple[str, ...], ...]] | None = None,
        places: frozenset[str] = frozenset(),
        excuses: frozenset[str] = frozenset(),
    ) -> None:
        #: keys of terms whose negator still negates what follows (see `SafetyRules`)
        self._unless_only = unless_only
        #: keys only `unless` lists use, symptoms too: what explains a sign away
        self._excuses = excuses
        #: the symptom keys of places in the body: a term with no others, in a stretch's name
        #: asked for ("can you give me a calf stretch?"), tells no place of a symptom
        self._places = places
        #: symptom key -> the words that, right after a term, keep it from counting
        self._not_before = not_before or {}
        #: symptom key -> the words that, shortly before a term, keep it from counting
        self._not_after = not_after or {}
        #: the keys that have either
        self._context_keys = frozenset(self._not_before) | frozenset(self._not_after)
        single: dict[str, set[str]] = defaultdict(set)
        multi: dict[tuple[str, ...], dict[tuple[str, ...], set[str]]] = defaultdict(dict)
        prefix: dict[str, set[str]] = defaultdict(set)
        for term, keys in keys_of.items():
            if term.endswith("*"):
                stem = normalize(term[:-1])
                if stem:
                    prefix[stem] |= keys
                continue
            written = tuple(normalize(term).split())
            forms = {written, tuple(_corrected(w, canon) for w in written)} if canon else {written}
            for words in forms:
                if len(words) == 1:
                    single[words[0]] |= keys
                elif words:
                    multi[words[:2]].setdefault(words[2:], set()).update(keys)
        self._single = {w: frozenset(k) for w, k in single.items()}
        #: per first two words, the rest of each sequence that starts with them
        self._multi = {
            pair: [(rest, frozenset(k)) for rest, k in seqs.items()] for pair, seqs in multi.items()
        }
        self._prefix = {p: frozenset(k) for p, k in prefix.items()}
        self._prefix_lengths = sorted({len(p) for p in self._prefix})
        self._stem = min(self._prefix_lengths, default=1)
        self._prefix_starts = {p[: self._stem] for p in self._prefix}

    def keys_in(self, words: Sequence[str], breaks: Collection[int] = ()) -> set[str]:
        """The keys of every term in `words` that no negation reaches; a negation stops at
        `breaks` (where a piece after punctuation starts)."""
        matches = [m for m in self._matches(words) if not self._in_a_stretch_asked(words, m)]
        if breaks:
            # a time long past, or a word that explains a sign away, is told in one piece:
            # "on steroids for years, back pain" holds no "years back", "having a stroke, my
            # face is drooping" no "stroke my" (a list, "red, hot and swollen", runs on across
            # its commas)
            unless_only = self._unless_only
            matches = [
                (start, end, keys)
                for start, end, keys in matches
                if not (_PAST in keys or keys <= unless_only)
                or not any(start < b < end for b in breaks)
            ]
        if self._not_before or self._not_after:
            matches = self._without_context(words, matches)
        if not any(w in NEGATORS for w in words):
            return {key for _start, _end, keys in matches for key in keys}
        # "numb, not just after riding, all the time": an excuse told as only part of it
        # explains nothing away
        excuses = self._excuses
        matches = [
            (start, end, keys)
            for start, end, keys in matches
            if not (
                keys <= excuses
                and start >= 2
                and words[start - 1] in _NOT_ONLY
                and words[start - 2] in NEGATORS
            )
        ]
        # a term that opens with its own negator ("not trying" of unexplained weight loss)
        # holds the words after it: the "trying to lose" inside it explains nothing away
        denied = {
            i
            for start, end, keys in matches
            if end - start > 1 and words[start] in NEGATORS and not keys <= self._unless_only
            for i in range(start + 1, end)
        }
        # ... and the term it negates is not told: "not injured, just stiff" holds no "injured"
        negated_whole = {
            (start + 1, end)
            for start, end, keys in matches
            if end - start > 1 and words[start] in NEGATORS and not keys <= self._unless_only
        }
        if denied:
            matches = [
                m
                for m in matches
                if not (m[2] <= self._unless_only and m[0] in denied)
                and (m[0], m[1]) not in negated_whole
            ]
        negated = _negated(words, [m for m in matches if not m[2] <= self._unless_only], breaks)
        return {key for start, _end, keys in matches if start not in negated for key in keys}

    def _in_a_stretch_asked(
        self, words: Sequence[str], match: tuple[int, int, frozenset[str]]
    ) -> bool:
        """Whether a match names only a place in the body, as part of a stretch asked for by
        its name: "a calf stretch", "any good hamstring stretches" (not "my calf")."""
        start, end, keys = match
        return (
            end < len(words)
            and words[end] in _STRETCH_NOUNS
            and start > 0
            and words[start - 1] in _STRETCH_NAME_LEADS
            and all(k in self._places for k in keys if k.startswith(_SYMPTOM))
        )

    def _without_context(
        self, words: Sequence[str], matches: list[tuple[int, int, frozenset[str]]]
    ) -> list[tuple[int, int, frozenset[str]]]:
        """The matches without the keys whose `not_before` words follow them ("worse when i
        cough" is no `$worse`) or whose `not_after` words come shortly before them ("feel like
        i got hit by a truck" is no accident)."""
        ruled = self._context_keys
        if all(ruled.isdisjoint(keys) for _s, _e, keys in matches):
            return matches
        out = []
        for start, end, keys in matches:
            if ruled.isdisjoint(keys):
                out.append((start, end, keys))
                continue
            dropped = [
                key
                for key in keys
                if any(tuple(words[end : end + len(w)]) == w for w in self._not_before.get(key, ()))
                or any(
                    tuple(words[at - len(w) : at]) == w
                    for w in self._not_after.get(key, ())
                    for at in range(max(len(w), start - NOT_AFTER_REACH), start + 1)
                )
            ]
            if dropped:
                keys = keys.difference(dropped)
                if not keys:
                    continue
            out.append((start, end, keys))
        return out

    def _matches(self, words: Sequence[str]) -> list[tuple[int, int, frozenset[str]]]:
        """(start, end, keys) of every term occurrence, in order of start: at one word, the
        word's own term, then the longer terms it starts, then its prefixes."""
        single, multi, prefix = self._single, self._multi, self._prefix
        starts, lengths = self._prefix_starts, self._prefix_lengths
        last = len(words) - 1
        # most words start no term: find the few that do, one kind at a time, in one pass each
        out = [
            (i, i + 1, keys)
            for i, word in enumerate(words)
            if (keys := single.get(word))
            # "80" may be an age, "80 miles a week" is not
            and not (word.isdigit() and i < last and words[i + 1] in MEASURES)
        ]
        longer = [
            (i, i + 2 + len(rest), seq_keys)
            for i, pair in enumerate(zip(words, words[1:], strict=False))
            if pair in multi
            for rest, seq_keys in multi[pair]
            if not rest or tuple(words[i + 2 : i + 2 + len(rest)]) == rest
        ]
        stems = [
            (i, i + 1, keys)
            for i, word in enumerate(words)
            if word[: self._stem] in starts
            for length in lengths
            if length <= len(word) and (keys := prefix.get(word[:length]))
        ]
        if longer or stems:
            out = sorted([*out, *longer, *stems], key=_start)  # stable: kinds keep their order
        return out


def _start(match: tuple[int, int, frozenset[str]]) -> int:
    """Sort key: where a term occurrence starts."""
    return match[0]


def _corrected(word: str, canon: Callable[[str], str]) -> str:
    """A term's word as the canonicaliser corrects it, but never cut to its stem: "both legs"
    must not match "my leg", nor "crushing" "my crush". Where the stem means the same, the
    term list names it too ("steroid", "steroids")."""
    form = canon(word)
    return word if word.startswith(form) else form


def _negated(
    words: Sequence[str],
    matches: list[tuple[int, int, frozenset[str]]],
    breaks: Collection[int] = (),
) -> set[int]:
    """Word positions a negator reaches, up to the next of `breaks`. A negator inside a
    matched term ("no feeling", "not able to pee") is part of that term and negates nothing."""
    inside = {i for start, end, _keys in matches for i in range(start, end) if end - start > 1}
    reached: set[int] = set()
    for i, word in enumerate(words):
        if word not in NEGATORS or i in inside:
            continue
        if i + 1 < len(words) and words[i + 1] in NEGATION_FALSE_STARTS:
            continue
        reach, j = NEGATION_REACH, i + 1
        while reach > 0 and j < len(words) and words[j] not in NEGATION_ENDS and j not in breaks:
            if j > i + 1 and words[j] in NEGATION_OBJECTS:
                if words[j - 1] not in NEGATION_PLACES:
                    break  # "so i would not dislocate the new hip": the verb is negated
                reached.add(j)  # "no pain down the leg": the leg is where the pain is not
                j += 1
                continue
            reached.add(j)
            # "not red or swollen or warm": a list joined by "or" stays under the negation,
            # and so does the place a negated symptom is not ("no pain going down into my leg")
            reach += 1 if words[j] in NEGATION_LISTS else 0 if words[j] in NEGATION_PLACES else -1
            j += 1
    return reached


#: words after a number that make it something other than an age: "30 seconds", "16 weeks"
_NOT_AN_AGE = frozenset(
    """seconds second secs sec minutes minute mins min hours hour hrs hr reps rep times days
    day weeks week wks wk months month degrees degree kg kgs lbs lb pounds stone st km k miles
    mile percent sets set am pm foot feet ft cm inches inch o clock oclock""".split()
)
#: words after a number that opens a message and make it the person's age: "72 and stiff",
#: "75, never exercised" (a comma does too)
_AGE_AFTER = frozenset(
    """and yo years year yrs yr now here but with never just retired male female so""".split()
)
#: words before a number that make it the person's age: "i am 72", "retired at 70", "aged 80"
_AGE_BEFORE = frozenset({("i", "am"), ("retired", "at"), ("age", "of")})
#: ... or the age of the one the message is for: "my mum is 78", "he is 81"
_SOMEONE = frozenset(
    """mum mom mam mother dad father nan nana gran granny grandma grandmother grandad granddad
    grandpa grandfather husband wife partner aunt uncle she he client patient""".split()
)
_AGE_BEFORE |= {(someone, "is") for someone in _SOMEONE}
_AGE_WORDS = frozenset({"aged", "age"})
#: ... and, for the age group only (not a life stage's advice), after one of these words:
#: "back pain at 63", "turned 70 and ..." ("battery at 80" names no condition)
_AGE_AT = frozenset({"at", "turned", "turning"})
#: the most digits an age has
_AGE_DIGITS = 3
#: an age in a simile follows one of these ("feeling 90 years old", "move like an 80 year
#: old", "feel like i am 85"), with only `_SIMILE_FILLER` words between
_SIMILE_OPENERS = frozenset({"feel", "feels", "feeling", "felt", "like"})
_SIMILE_FILLER = frozenset({"like", "a", "an", "i", "am", "about", "almost", "nearly", "over"})
_YEAR_WORDS = frozenset({"year", "years", "yr", "yrs", "yo"})


#: words by which a message turns to the writer's own body after telling of someone else
_WRITER_OWN = frozenset({("my", "own"), ("for", "me"), ("me", "personally"), ("as", "for", "me")})
#: how many words in a piece may come before the someone it opens with ("anyway my nan ...")
_SOMEONE_REACH = 3


def _turns_to_the_writer(words: Sequence[str]) -> bool:
    """Whether the words say "my own", "for me" or "me personally"."""
    return "myself" in words or any(
        tuple(words[i : i + len(pair)]) == pair for pair in _WRITER_OWN for i in range(len(words))
    )


def _opens_with_someone(piece: Sequence[str]) -> bool:
    """Whether a piece of a message opens with someone else as its subject: "my nan had a
    new hip put in", "anyway my dad has arthritis"."""
    return any(
        piece[i] in _SOMEONE and (i == 0 or piece[i - 1] in ("my", "our"))
        for i in range(min(len(piece), _SOMEONE_REACH))
    ) and not any(w in ("i", "me", "myself") for w in piece[:_SOMEONE_REACH])


def _age_simile(words: Sequence[str]) -> tuple[int, int] | None:
    """(start, end) of the first age in a simile, from its opener to "old"; or None."""
    for i, word in enumerate(words):
        if not word.isdigit() or len(word) > _AGE_DIGITS:
            continue
        k = i - 1
        opener = False
        while k >= 0 and i - k <= _AGE_DIGITS + 2 and words[k] in _SIMILE_FILLER:
            opener = opener or words[k] == "like"
            k -= 1
        if k >= 0 and words[k] in _SIMILE_OPENERS:
            opener, k = True, k - 1
        if not opener:
            continue
        end = i + 1
        if end < len(words) and words[end] in _YEAR_WORDS:
            end += 1
            if end < len(words) and words[end] == "old":
                end += 1
        return k + 1, end
    return None


#: words that make an age rough without making it another number: "nearly 80", "just 70"
_AGE_ROUGHLY = frozenset({"nearly", "almost", "about", "around", "over", "turning", "just"})


def _over_age(words: Sequence[str], breaks: Collection[int]) -> bool:
    """Whether the words state an age of `_OVER_AGE` or more: one `stated_age` reads, or a
    number after `_AGE_AT` ("first time ever back pain at 63"), not a count ("did 80 squats")."""
    age = stated_age(words, breaks)
    if age is not None:
        return age >= _OVER_AGE
    return any(
        w.isdigit()
        and len(w) <= _AGE_DIGITS
        and int(w) >= _OVER_AGE
        and i
        and words[i - 1] in _AGE_AT
        and (i + 1 == len(words) or words[i + 1] not in _NOT_AN_AGE)
        for i, w in enumerate(words)
    )


def stated_age(words: Sequence[str], breaks: Collection[int] = ()) -> int | None:
    """The age a message states of the person writing (or of the one it is for: "my mum is
    78"), or None: "i am 72", "75, never exercised in my life", "72 and stiff", "retired at
    70", "aged 80"; not "i am 30 weeks",
    "30 seconds or 60", "at 7", "i'm 6'1"."""
    for i, word in enumerate(words):
        if not word.isdigit() or len(word) > _AGE_DIGITS:
            continue
        after = words[i + 1] if i + 1 < len(words) else None
        if after in _NOT_AN_AGE or (i and after is not None and after.isdigit()):
            continue  # "i'm 6'1" (6 1) is a height
        if i == 0 and (after is None or i + 1 in breaks or after in _AGE_AFTER):
            if not any(w.isdigit() for w in words[i + 1 : i + 3]):  # not "10, 20 or 30?"
                return int(word)
            continue
        at = i - 1 if i and words[i - 1] in _AGE_ROUGHLY else i  # "my mum is nearly 80"
        if tuple(words[max(0, at - 2) : at]) in _AGE_BEFORE or (at and words[at - 1] in _AGE_WORDS):
            return int(word)

        if at > 1 and words[at - 1] in _SOMEONE and words[at - 2] in ("my", "our"):
            return int(word)  # "my dad's 74" (the "'s" is gone by now)
    return None


#: how many weeks one of each unit is
_UNIT_WEEKS = {
    **dict.fromkeys(("week", "weeks", "wk", "wks", "wkd"), 1.0),
    **dict.fromkeys(("month", "months", "mth", "mths", "mnth", "mnths", "mo", "mos"), 4.3),
    **dict.fromkeys(("year", "years", "yr", "yrs"), 52.0),
}
#: how many a number word is; "a few", "couple of", "several" say about how many
_COUNT_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "eighteen": 18, "few": 3, "couple": 2, "several": 4, "many": 6, "some": 3,
}  # fmt: skip
#: a plural unit on its own after one of these tells a length of time: "been weeks", "for
#: months", "the past few months" (read as a few)
_BARE_UNIT_BEFORE = frozenset({"for", "been", "past", "last", "over", "in", "weeks", "months"})
#: after "<weeks> with", what is carried: "28 weeks with twins"
_CARRIED = frozenset("twins triplets twin baby number".split())
#: after "<weeks> with my", which child is carried: "30 weeks with my second"
_CARRIED_NTH = frozenset("first second third fourth 1st 2nd 3rd 4th".split())


def _carried(after_with: Sequence[str]) -> bool:
    """Whether the words after "<weeks> with" tell a pregnancy ("twins", "my second")."""
    if not after_with:
        return False
    if after_with[0] in _CARRIED:
        return True
    return len(after_with) > 1 and after_with[0] == "my" and after_with[1] in _CARRIED_NTH


#: after the length, words that make it something else than how long a thing has lasted: an
#: age ("6 weeks old", "20 weeks pregnant"), a period ahead or a rate ("2 weeks to go")
_NOT_A_LASTING = frozenset(
    """old pregnant along postpartum pp postnatal post pregnancy gestation to till until
    left away time into""".split()
)
#: after "<length> in", the words that keep it a length ("3 weeks in a row"); any other
#: reads as time into something ("6 months in and there's this ache", "3 weeks in my knee
#: has..." is rare)
_IN_A_LASTING = frozenset({("a",), ("total",), ("all",)})
#: before the length, words that make it something else: "in 2 weeks", "every 3 months",
#: "next week", "twice a week", "once a month", "a day a week"
_NOT_A_LASTING_BEFORE = frozenset(
    """in every each per next within twice once times day days session sessions run runs
    hours minutes mins only""".split()
)
#: words that make a length of time rough: "in about 10 years", "every few weeks"
_LENGTH_ROUGHLY = frozenset({"about", "around", "roughly", "nearly", "almost", "over", "like"})
#: who a length of time right after "is" is the age of: "she's 7 weeks", "my son is 3 months"
_AGED = frozenset("she he baby son daughter bub boy girl kid child twins".split())
#: before "a week", "a month" or "a year", words that make it a length, not a rate ("3 times
#: a week"): "for a year", "been a month", "over a year", "more than a year"
_A_LASTING_BEFORE = frozenset({"for", "been", "over", "about", "nearly", "almost", "than"})
#: words just before a condition's name that make it a guess, not a diagnosis: "wondering if
#: its arthritis", "could this be sciatica", "worried i have osteoporosis"
_SUSPECTING = (
    "wondering if",
    "wonder if",
    "could it be",
    "could this be",
    "could that be",
    "is it",
    "is this",
    "is that",
    "maybe",
    "might be",
    "may be",
    "worried",
    "scared",
    "afraid",
    "do i have",
    "could i have",
    "might have",
    "may have",
    "possibly",
    "suspect",
    "rule out",
    "tested for",
    "signs of",
)
#: how many words before a condition's name a guess may start
_SUSPECT_REACH = 5


def _suspected(terms: Sequence[str], words: Sequence[str]) -> bool:
    """Whether the first of `terms` (a condition's names) the words hold comes as a guess:
    one of `_SUSPECTING` within `_SUSPECT_REACH` words before it."""
    text = " " + " ".join(words) + " "
    at = min((i for t in terms if (i := text.find(f" {t} ")) >= 0), default=-1)
    if at < 0:
        return False
    before = " " + " ".join(text[:at].split()[-_SUSPECT_REACH:]) + " "
    return any(f" {lead} " in before for lead in _SUSPECTING)


#: the shortest length of time the builtin symptoms `lasted_weeks` and `lasted_months` stand for
LASTED_WEEKS, LASTED_MONTHS = 2.0, 6.0


#: words between "for" and the length: "for about 2 years", "for the past few months"
_LENGTH_LEADS = frozenset(
    "about around nearly almost over like the past last just only roughly maybe a good".split()
)
#: -ing words that tell how something feels, not what the person does: "been hurting for
#: months", "playing up for weeks", "aching for a year"
_FEELING_ING = frozenset(
    """hurting aching throbbing burning tingling niggling bothering killing grabbing
    nagging stinging pulsing tightening clicking popping locking catching swelling bleeding
    limping ongoing lingering""".split()
)
#: ... and pairs of words: "playing up for months", "been going on 4 months now"
_FEELING_PAIRS = frozenset({("playing", "up"), ("acting", "up"), ("going", "on")})
#: words that tell of taking something up: "started running 3 months ago", "took up yoga"
_TAKEN_UP = frozenset(
    """started start began begun took taken joined new since job jobs work worked career desk
    office gym yoga pilates sport sports football soccer rugby tennis golf marathon marathons
    shifts lifted played trained ran rode swam danced""".split()
)


#: words that tell of a pain or what it comes from, in the clause of a length of time: then
#: the length is the pain's ("been a runner for years and my knee has hurt for months")
_PAIN_WORDS = frozenset(
    """hurt hurts pain pains painful ache aches achy achey sore soreness tender agony niggle
    stiffness numb numbness swollen swelling injury injured strain strained pulled tore torn
    sprain sprained fell fall worse worsening""".split()
)
#: words that end the clause a length of time belongs to
_CLAUSE_ENDS = frozenset({"and", "but", "so", "because", "cause", "cos", "while", "though"})
#: words before a role: "been a nurse for 15 years", "as a chef", "i am a hairdresser"
_ROLE_LEADS = frozenset({"been", "am", "as", "im", "was", "work"})


def _of_an_activity(
    words: Sequence[str],
    start: int,
    following: Sequence[str],
    breaks: Collection[int] = (),
    body: Collection[str] = (),
) -> bool:
    """Whether the length of time at `start` is how long the person has done something, not
    how long a thing has hurt: "been running for 2 years", "doing yoga for 3 months", "a desk
    job for 5 years", "been a nurse for 15 years", "9 years behind the chair", "started
    lifting 6 weeks ago". Read in the length's clause, which must not tell of a pain ("my knee
    has been hurting for 3 months"); `following` are the (up to two) words after the length."""
    if _with_a_pain(words, start, breaks, body):
        return False
    if _a_role_after(following):
        return True
    after = following[0] if following else ""
    first, _last = _clause_of(words, start, breaks)
    lead = words[first:start]
    if after == "ago":
        return any(w in _TAKEN_UP for w in lead)
    role = any(
        w in ("a", "an") and 0 < j < len(lead) - 1 and lead[j - 1] in _ROLE_LEADS
        for j, w in enumerate(lead)
    )
    return (
        role
        or _a_job_told(lead)
        or any((w.endswith("ing") and len(w) > 4) or w in _TAKEN_UP for w in lead)
    )


#: names of jobs and roles without a job's ending: "nurse 15 years", "chef for 20 years"
_ROLE_NOUNS = frozenset(
    """nurse chef cook medic carer barber mum mom dad parent vet doctor surgeon dentist mechanic
    tradie sparky chippy postie""".split()
)
#: words with a job's ending that are none: "after 3 months", "longer than 6 weeks"
_NOT_ROLES = frozenset("after over under longer later ever never however whatever".split())


def _a_job_told(lead: Sequence[str]) -> bool:
    """Whether the words before a length of time, in its clause, are a job's name alone
    ("hairdresser 20 yrs", "plumber for 30 years", "nurse 15 years"): how long the person has
    done it."""
    named = [w for w in lead if w not in ("for", "a", "an")]
    if len(named) != 1:
        return False
    word = named[0]
    return word in _ROLE_NOUNS or (
        word not in _NOT_ROLES and len(word) > 4 and word.endswith(("er", "or", "ist", "ian"))
    )


#: what follows a length of time spent at a job: "9 years behind the chair", "20 years as a
#: nurse", "30 years on the tools"
_ROLE_AFTER = frozenset({"behind", "as"})
_ROLE_AFTER_PAIRS = frozenset({("on", "the"), ("at", "the"), ("at", "my")})


def _a_role_after(after: Sequence[str]) -> bool:
    """Whether the words after a length of time tell of a job or a place of work."""
    return bool(after) and (after[0] in _ROLE_AFTER or tuple(after) in _ROLE_AFTER_PAIRS)


def _clause_of(words: Sequence[str], start: int, breaks: Collection[int]) -> tuple[int, int]:
    """The first and last index of the clause around the word at `start`: up to a sentence
    break or a word that ends a clause ("and", "but")."""
    first = start
    while first > 0 and first not in breaks and words[first - 1] not in _CLAUSE_ENDS:
        first -= 1
    last = start
    while last + 1 < len(words) and last + 1 not in breaks and words[last + 1] not in _CLAUSE_ENDS:
        last += 1
    return first, last


def _with_a_pain(
    words: Sequence[str], start: int, breaks: Collection[int], body: Collection[str]
) -> bool:
    """Whether the clause of the length of time at `start` tells of a pain (a pain word, a
    feeling, a `body` word or an "-itis")."""
    first, last = _clause_of(words, start, breaks)
    clause = words[first : last + 1]
    return any(
        w in _PAIN_WORDS or w in _FEELING_ING or w in body or w.endswith("itis") for w in clause
    ) or any(pair in _FEELING_PAIRS for pair in zip(clause, clause[1:], strict=False))


def _in_a_while(words: Sequence[str], start: int, after: str) -> bool:
    """Whether "in" before the length at `start` tells how long something has gone on, not a
    time ahead: "hasn't budged in 2 months", "in 3 months of stretching" (not "a race in 8
    weeks")."""
    if words[start - 1] != "in":
        return False
    return after == "of" or any(w in NEGATORS for w in words[max(0, start - 6) : start])


def stated_lasting(
    words: Sequence[str], breaks: Collection[int] = (), body: Collection[str] = ()
) -> float | None:
    """The longest length of time, in weeks, a message tells something has lasted, or None:
    "for 3 months", "been weeks", "2 months after i fell", "a year and a half", "6wks"; not
    "20 weeks pregnant", "my baby is 6 weeks old", "in 2 weeks", "3 times a week", nor how
    long the person has done something ("been running for 2 years"), unless its clause names
    a pain or one of the `body` words ("tennis elbow for 4 months")."""
    if _UNIT_WEEKS.keys().isdisjoint(words) and not any(w[:1].isdigit() for w in words):
        return None  # no unit, and no "6wks"
    longest: float | None = None
    n = len(words)
    for i, word in enumerate(words):
        unit = _UNIT_WEEKS.get(word)
        count: float | None = None
        if unit is None:  # "6wks", "3mths"
            digits = word.rstrip("abcdefghijklmnopqrstuvwxyz")
            if digits.isdigit() and word[len(digits) :] in _UNIT_WEEKS and len(digits) <= 2:
                unit, count = _UNIT_WEEKS[word[len(digits) :]], float(digits)
            else:
                continue
        start = i
        if count is None:
            before = words[i - 1] if i else ""
            if before.isdigit() and len(before) <= 2:
                count, start = float(before), i - 1
            elif before in _COUNT_WORDS:
                count, start = float(_COUNT_WORDS[before]), i - 1
            elif before == "of" and i > 1 and words[i - 2] in _COUNT_WORDS:  # "couple of months"
                count, start = float(_COUNT_WORDS[words[i - 2]]), i - 2
            elif word.endswith("s") and (
                before in _BARE_UNIT_BEFORE or tuple(words[i + 1 : i + 2]) == ("now",)
            ):
                count = 3.0  # "been weeks", "for months"
            else:
                continue
        after = words[i + 1] if i + 1 < n else ""
        if after in _NOT_A_LASTING and not (
            after == "along" and tuple(words[i + 2 : i + 3]) == ("with",)
        ):
            continue  # "20 weeks along"; not "for weeks along with a stiff neck"
        if after == "in" and tuple(words[i + 2 : i + 3]) not in _IN_A_LASTING:
            continue  # "6 months in" (into a new job), not "3 weeks in a row"
        # a rough length reads by the word before its roughness: "first run in about 10
        # years" is a time since, not a length
        lead = start
        while lead > 0 and words[lead - 1] in _LENGTH_ROUGHLY:
            lead -= 1
        if (
            lead > 0
            and words[lead - 1] in _NOT_A_LASTING_BEFORE
            and not _in_a_while(words, lead, after)
        ):
            continue
        if _of_an_activity(words, start, words[i + 1 : i + 3], breaks, body):
            continue
        if start > 1 and words[start - 1] in ("is", "s") and words[start - 2] in _AGED:
            continue  # "she's 7 weeks": a baby's age
        if unit == 1.0 and after == "with" and _carried(words[i + 2 : i + 4]):
            continue  # "28 weeks with twins", "30 weeks with my second": a pregnancy's
        # "3 times a week", "once a month": a rate; "for a year", "been a month": a length
        if (
            count == 1
            and words[start] == "a"
            and (start == 0 or words[start - 1] not in _A_LASTING_BEFORE)
        ):
            continue
        weeks = count * unit
        if i + 3 < n and words[i + 1] == "and" and words[i + 2] == "a" and words[i + 3] == "half":
            weeks += unit / 2  # "a year and a half"
        if longest is None or weeks > longest:
            longest = weeks
    return longest
