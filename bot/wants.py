"""What a message wants: the aspect it asks about (why, what, when, a stretch...), the
general subject it names, and the stories that change the reading (soreness after exercise,
stiff all over, stiff from a setting).

Split from `bot.brain` (which decides what a message is answered with): these readers
return an aspect, a subject's key or a yes/no, and build no reply. Pure, like the brain.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence

from bot import lexicon
from bot.kb import GENERAL, KnowledgeBase
from bot.reply import Context
from bot.routine_pick import RoutinePicker
from bot.understanding import STOPWORDS, TOPIC_TOKEN, Analysis, Match, Matcher
from bot.understanding.cues import CueReader, PhraseIndex, broken_between, within
from bot.understanding.text import NEGATORS, normalize

#: the writer named beside an animal: "my dog and i", "the dogs and me"
_WITH_THE_WRITER = frozenset({("and", "i"), ("and", "me"), ("and", "myself")})
#: the writer as the subject of a later clause ("and now im on the floor", "so am i")
_WRITER_SUBJECTS = frozenset({"i", "im", "me", "myself"})
#: ... unless the animal takes the complaint back ("... when i wake up, is she sore")
_ANIMAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hes", "shes"})
#: the writer sharing what a thing or an animal was said to feel ("... and so am i")
_WRITER_TOO = frozenset(
    {("so", "am", "i"), ("me", "too"), ("same", "here"), ("so", "do", "i"), ("as", "am", "i")}
)


class SubjectIndex(PhraseIndex):
    """The keywords of the general answers, found as written or, for phrases, in their
    canonical form: "why does my back crack so much" names the subject of "back cracks", "my
    knees are clicking" that of "knees click"."""

    def __init__(self, kb: KnowledgeBase, canon: Callable[[Sequence[str]], list[str]]) -> None:
        self._canon = canon
        pairs = [(word, key[1]) for key, answer in kb.answers.items() for word in answer.keywords]
        # only phrases: a word alone cut to its stem says too little ("shakes" is no shaking)
        pairs += [
            (" ".join(canon(split)), key)
            for word, key in pairs
            if len(split := normalize(word).split()) > 1
        ]
        super().__init__(pairs)

    def _scan(self, words: tuple[str, ...]) -> tuple[tuple[int, int, str], ...]:
        """The keywords as written, and those only the canonical form finds, in order."""
        found = super()._scan(words)
        canonical = tuple(self._canon(words))
        more = super()._scan(canonical) if canonical != words else ()
        # a joint told with its noise in words no keyword lists ("popping my joints"), a
        # muscle told as rolled out ("i roll my IT band after every run")
        more += tuple(
            (start, end, key)
            for spans, key in (
                (lexicon.joint_noise_spans(words), lexicon.JOINT_NOISES),
                (lexicon.rolled_area_spans(words), lexicon.FOAM_ROLLING),
            )
            for start, end in spans
            if not any(s <= start < e for s, e, _key in found)
        )
        return tuple(sorted(set(found) | set(more))) if more else found


class WantReader:
    """Reads what a message wants, over one knowledge base."""

    def __init__(
        self, kb: KnowledgeBase, matcher: Matcher, cues: CueReader, pick: RoutinePicker
    ) -> None:
        self.kb = kb
        self.matcher = matcher
        self.cues = cues
        self.pick = pick
        #: the words of the general answers' subjects -> the answer's key, as written and as
        #: the canonicaliser reads them ("back crack" for "back cracks")
        self.subjects = SubjectIndex(kb, matcher.words.known_forms)

    def sore_after_exercise(self, analysis: Analysis, *, areas: bool = False) -> bool:
        """True for a complaint after a session of exercise that names no area the bot covers
        (unless `areas`: "quads are destroyed" in a message asking whether stretching makes
        it worse) and no thing: "aching all over after my first day back at the gym", "legs
        feel like jelly after leg day"."""
        words = analysis.corrected
        if (
            len(words) > lexicon.SORE_MAX_WORDS
            or (GENERAL, lexicon.SORENESS) not in self.kb.answers
        ):
            return False
        if not areas and any(t != GENERAL for t in analysis.topics):
            return False
        cues = self.cues.read(words)
        if not {"complaint", "exercise"} <= cues or "not_a_body" in cues:
            return False
        if not lexicon.AFTER_WORDS.isdisjoint(words):
            return True
        # "leg day destroyed me": the session told first, then what it did to the writer (not
        # "how many calories does a 5k run burn")
        if lexicon.WRITER_WORDS.isdisjoint(words) or words[0] in lexicon.WH_WORDS - {"why"}:
            return False
        first_exercise = min(start for start, _end in self.cues.where(words, "exercise"))
        return any(start > first_exercise for start, _end in self.cues.where(words, "complaint"))

    def stiff_all_over(self, analysis: Analysis) -> bool:
        """True for a complaint about the whole body, with no area and no thing named:
        "everything is stiff", "whole body feels tight from sitting", "stiff as a board"."""
        words = analysis.corrected
        if (
            any(t != GENERAL for t in analysis.topics)
            or lexicon.WHOLE_BODY_ROUTINE not in self.kb.routines
            # a part of the body no topic covers: "my lower body is stiff", "everything
            # below the waist is wrecked"
            or self.pick.regions_outside_activities(words)
        ):
            return False
        at = [i for i, w in enumerate(words) if w in lexicon.WHOLE_BODY_WORDS] + [
            i
            for i, pair in enumerate(zip(words, words[1:], strict=False))
            if pair in lexicon.WHOLE_BODY_PAIRS
        ]
        # the writer told as stiff: "im so stiff, anything help", "getting old has made me so
        # stiff"
        writer = any(
            pair in lexicon.WRITER_PAIRS
            and not lexicon.WRITER_STIFF_WORDS.isdisjoint(
                words[i + 2 : i + 2 + lexicon.WHOLE_BODY_REACH]
            )
            for i, pair in enumerate(zip(words, words[1:], strict=False))
        ) or lexicon.opens_with_stiffness(words)
        if (
            not (at or writer)
            or "not_a_body" in self.cues.read(words)
            or lexicon.short_of_something(words)  # "i'm really tight on time"
        ):
            return False
        if writer:
            return True
        # the complaint is the whole body's: "everything is stiff", "stiff all over"; not
        # "my schedule is so tight, how do i fit everything in"
        return any(
            abs(start - i) <= lexicon.WHOLE_BODY_REACH
            for start, _end in self.cues.where(words, "complaint")
            for i in at
        )

    def stiff_from_a_setting(self, analysis: Analysis) -> str | None:
        """The routine of the one setting (a long drive, a flight, a desk) a complaint with no
        area and no thing comes from: "stiff as a board after a long car ride". None for
        anything else, and for exercise (sore after a session is the soreness answer)."""
        words = analysis.corrected
        if any(t != GENERAL for t in analysis.topics):
            return None
        if "complaint" not in self.cues.read(words) or self.a_things_complaint(analysis):
            return None  # "my car ride was stiff and bumpy"
        if any(
            self.cues.follows(words, thing, "complaint", lexicon.THING_COMPLAINT, analysis.breaks)
            for thing in ("device", "not_a_body")
        ):
            return None  # "my laptop seized up again", "laptop hinge feels so stiff"
        found = [r for r in self.pick.activities_in(words) if r in lexicon.SETTING_ROUTINES]
        return found[0] if len(found) == 1 else None

    def aspect_follow_up(self, cues: frozenset[str], area: str, analysis: Analysis) -> str | None:
        """After `area`, a short question about it that names no area: why it happens ("why
        does that happen", "why do they get tight anyway") or when to stretch it ("at night
        too?"); `HOW_OFTEN` or `HOW_LONG` for how often or how long to hold ("how often should
        i do it": the brain gives the area's when answer when it is asked of the area, else the
        general one). None for anything else, and for
        a question about timing that points at nothing and the general answers cover ("is it
        ok every day")."""
        if analysis.topics:
            return None
        if "why" in cues and "asks_stretch" not in cues:
            aspect = "why_tight"
        elif "asks_when" in cues and "asks_stretch" not in cues:
            aspect = "when"
            if self.general_timing(aspect, analysis) is not None:
                return None  # "is it ok every day": the general answer's question
            words = analysis.corrected
            if self.subjects_named(words) - lexicon.TIMING_ASPECTS.keys() - {"time_of_day"}:
                return None  # "any tip for actually remembering to do this every day": habit
            general = None
            if lexicon.has_pair(words, lexicon.HOW_OFTEN_PAIRS):
                general = lexicon.HOW_OFTEN
            elif lexicon.has_pair(words, lexicon.HOW_LONG_PAIRS) and lexicon.HOLD_WORDS & set(
                words
            ):
                general = lexicon.HOW_LONG
            elif lexicon.has_pair(words, lexicon.EVERY_DAY_PAIRS):
                general = lexicon.EVERY_DAY_ANSWER  # "is it ok to do these every day?"
            if general is not None and (GENERAL, general) in self.kb.answers:
                # "how often should i do these", "how long should i be holding each side", "do
                # i do them every day": the timing asked, which the brain answers
                return general
        else:
            return None
        return aspect if (area, aspect) in self.kb.answers else None

    def subject_named_instead(self, key: str, match: Match, analysis: Analysis) -> str:
        """The general answer `key`, or, for an answer about stretching as a whole
        (`lexicon.UMBRELLA_GENERAL`), the runner-up whose subject the message names by a keyword:
        "does stretching actually do anything for the soreness" is about soreness, not the
        benefits of stretching. An answer taken only when its subject is named, matched
        without it, gives way to the one subject the message names: "is there any point
        stretching" is about the benefits, not whether a cool-down is needed."""
        named = self.subjects_named(analysis.corrected)  # one scan serves every test below
        felt = named & lexicon.SENSATION_ANSWERS
        if (
            key in named
            and key in lexicon.PRACTICE_SUBJECTS | lexicon.MILESTONE_SUBJECTS
            and len(felt) == 1
        ):
            # "a head rush every time i come up from touching my toes, normal?": the
            # sensation felt is asked about, not the practice or goal it came with
            return next(iter(felt))
        if (ill := self._illness_over_soreness(key, named)) != key:
            return ill
        timed = named & lexicon.TIMED_AGAINST
        if key == lexicon.BEFORE_AFTER and len(timed) == 1:
            # "do i stretch before or after a sauna": the sauna's answer says when, not the
            # one about exercise
            return next(iter(timed))
        goals = named & (lexicon.MILESTONE_SUBJECTS | lexicon.KEEPING_UP_SUBJECTS)
        if key in lexicon.STARTING_SUBJECTS and len(goals) == 1:
            # "never flexible. started working on front splits ... how do i get past this":
            # the goal worked on is asked about, not how to start; so is keeping it up
            return next(iter(goals))
        others = named - {key}
        if (
            key == lexicon.PAIN_GENERAL
            and len(others) == 1
            and not lexicon.HURT_WORDS.isdisjoint(analysis.corrected)
            and not self.cues.complains(analysis.corrected)
        ):
            # "knees crack like bubble wrap when i squat. doesnt hurt one bit": the pain is
            # denied, the noise is asked about
            return next(iter(others))
        if key in named or len(named) != 1:
            return key
        if key in lexicon.NAMED_SUBJECT_GENERAL:  # it lacks its name: the one named instead
            return next(iter(named))
        if key not in lexicon.UMBRELLA_GENERAL:
            return key
        runners = [k for kind, k, _t in match.alternatives if kind == GENERAL and k in named]
        return runners[0] if runners else key

    def lacks_its_name(self, key: str, words: Sequence[str]) -> bool:
        """Whether general answer `key` is one taken only when its subject is named
        (`lexicon.NAMED_SUBJECT_GENERAL`: a sensation, a way of stretching, a choice of time)
        and the words do not name it."""
        return key in lexicon.NAMED_SUBJECT_GENERAL and not self.names_subject(key, words)

    def names_subject(self, key: str, words: Sequence[str]) -> bool:
        """Whether the words name the subject of general answer `key` by one of its keywords
        ("too late to start", "every day", "charley horse")."""
        return key in self.subjects_named(words)

    def subject_words(self, key: str, words: Sequence[str]) -> frozenset[str]:
        """The words of the keywords that name general answer `key`'s subject in the words:
        {"cramp"} in "woke up with a calf cramp again"."""
        return frozenset(
            w
            for start, end, found in self._subjects_told(words)
            if found == key
            for w in words[start:end]
        )

    def limb_gone_to_sleep(self, analysis: Analysis) -> bool:
        """Whether the message tells of a limb or a seat gone numb or tingly (a keyword of the
        answer about it, with a body part named): "toes went numb in my ski boots, fine
        after", not "on pins and needles waiting for the results". The red-flag rules have
        read it first."""
        words = analysis.corrected
        if self.sensation_named(words) != lexicon.LIMB_ASLEEP:
            return False
        if any(t != GENERAL for t in analysis.topics):
            # "my bum goes numb in meetings, any sneaky seated stretches": the area's stretch
            return not self.cues.read(words) & {"request", "asks_stretch"}
        return not lexicon.LIMB_WORDS.isdisjoint(words)

    def sensation_named(self, words: Sequence[str]) -> str | None:
        """The first sensation (`lexicon.SENSATION_ANSWERS`) the words name by a keyword, or
        None: "pins and needles in my hand during the doorway stretch"."""
        return next(
            (key for _s, _e, key in self._subjects_told(words) if key in lexicon.SENSATION_ANSWERS),
            None,
        )

    def subjects_named(self, words: Sequence[str], *, pointed: bool = False) -> set[str]:
        """The general answers whose subject the words name by one of its keywords, not
        denied ("wrist sore from typing, no numbness or tingling" names neither). `pointed`:
        the words point back at stretches just given ("is it ok to do these when i've got a
        cold"), so a subject of stretching needs no word of stretching."""
        return {found for _s, _e, found in self._subjects_told(words, of_an_area=pointed)}

    def subject_of_the_area(self, analysis: Analysis) -> str | None:
        """The one general answer made for an area (its `area`) whose subject the words name
        by a keyword, in a message that names that area and no other: "got period pain and my
        lower back kills" is the period pain's answer. None otherwise."""
        topics = set(analysis.topics) - {GENERAL}
        words = analysis.corrected
        if len(topics) != 1:
            return None
        area = topics.pop()
        owned = {
            key
            for _s, _e, key in self._subjects_told(words, of_an_area=True)
            # a sensation of the area (a cramp) is read where it is told
            if key not in lexicon.TOLD_SENSATIONS
            and (answer := self.kb.answers.get((GENERAL, key))) is not None
            and answer.area == area
        }
        return owned.pop() if len(owned) == 1 else None

    def one_subject_named(
        self, words: Sequence[str], *, leaving: frozenset[str] = frozenset()
    ) -> str | None:
        """The general answer whose subject the words alone name (`subjects_named`, those in
        `leaving` not counted), else None: "and whats PNF" names PNF only."""
        named = self.subjects_named(words) - leaving
        return named.pop() if len(named) == 1 else None

    def illness_pointed_at(self, words: Sequence[str]) -> bool:
        """Whether words that point back at the stretches given name an illness: "is it ok to
        do these when i've got a cold", "can i still do them with the flu"."""
        if (lexicon.REFERS_BACK | {"these"}).isdisjoint(words):
            return False
        return not lexicon.ILLNESS_SUBJECTS.isdisjoint(self.subjects_named(words, pointed=True))

    def times_named(self, words: Sequence[str], subject: str) -> int:
        """How many of the general answer `subject`'s keywords the words name apart, none
        inside another ("total beginner" is one), and not denied."""
        times, end_before = 0, 0
        for start, end, found in sorted(self._subjects_told(words)):
            if found == subject and start >= end_before:
                times, end_before = times + 1, end
        return times

    def _subjects_told(
        self, words: Sequence[str], *, of_an_area: bool = False
    ) -> Iterator[tuple[int, int, str]]:
        """(start, end, general answer) of each subject keyword in the words that no negator
        denies: "no numbness or tingling" denies both. `of_an_area`: the message names an area
        of ours, so a subject of stretching needs no word of stretching ("morning or night for
        the jaw ones?")."""
        denied_until = -1  # the end of the last keyword a negator denied
        unstretched = not of_an_area and lexicon.STRETCHING_WORDS.isdisjoint(words)
        for start, end, found in self.subjects.matches(words):
            if unstretched and found in lexicon.STRETCHING_NAMED_GENERAL:
                continue  # "is morning or night better for studying"
            if (
                not of_an_area
                and found in lexicon.ILLNESS_SUBJECTS
                and lexicon.STRETCHING_LIKE.isdisjoint(words)
            ):
                continue  # "i have a sore throat": an illness told, no stretching asked about
            if lexicon.fed_up_at(words, end):
                continue  # "i am sick of tight hamstrings": fed up, not ill
            before = words[start - 1] if start else None
            if before in NEGATORS and lexicon.asks_how_not(words, start - 1):
                before = None  # "how do i not lose it all again": the subject asked
            if before in NEGATORS or (before in lexicon.LIST_JOINERS and start - 1 == denied_until):
                denied_until = end
                continue
            yield start, end, found

    def a_things_complaint(self, analysis: Analysis) -> bool:
        """Whether the complaint of the message is a thing's or an animal's: a thing followed
        closely by the complaint, and no area of the writer's own ("my horse has a tight
        calf", "my dog is stiff in the mornings"; not "walked the dog and my calf is tight")."""
        words = analysis.corrected
        things = [
            end
            for start, end in self.cues.where(words, "not_a_body")
            if start and words[start - 1] in lexicon.THING_OWNERS  # "my horse", "the dog"
        ]
        if lexicon.first_span(words, _WRITER_TOO) is not None:
            return False  # "my dog is dead tired after our hike and so am i"
        complaints = [start for start, _end in self.cues.where(words, "complaint")]
        # in one sentence: "... to tie my shoes. feels tight" is the writer's back
        if not any(
            0 <= c - t <= lexicon.THING_COMPLAINT and not broken_between(analysis.breaks, t, c)
            for t in things
            for c in complaints
        ):
            return False
        return not any(lexicon.owned(words, start, end) for start, end, _topic in analysis.spans)

    def an_animals_story(self, analysis: Analysis) -> bool:
        """Whether the message is about an animal, not its writer: it opens with one owned ("my
        cat does this massive stretch ... bum in the air, is that normal for cats") and names
        no area as the writer's ("my dog woke me at 5 and my neck is stiff" is the neck), nor
        turns to the writer before a complaint ("my dog had puppies and now im on the floor
        all day, back is stiff")."""
        words = analysis.corrected
        first = 1 if words and words[0] in lexicon.SOCIAL_LEADS else 0  # "lol my cat ..."
        opens = (
            len(words) > first + 1
            and words[first] in lexicon.PERSONAL_OWNERS
            # "my cat", "my old dog"
            and not lexicon.ANIMALS.isdisjoint(
                words[first + 1 : first + lexicon.ANIMAL_SUBJECT_REACH]
            )
        )
        # "my dog and i go running": the writer is in it too
        together = any(
            words[i] in lexicon.ANIMALS and tuple(words[i + 1 : i + 3]) in _WITH_THE_WRITER
            for i in range(len(words))
        )
        if together or not opens or lexicon.first_span(words, _WRITER_TOO) is not None:
            return False
        writer = [i for i, word in enumerate(words) if i > first + 1 and word in _WRITER_SUBJECTS]
        complaints = [start for start, _end in self.cues.where(words, "complaint")]
        if writer and any(
            c > writer[0] and _ANIMAL_PRONOUNS.isdisjoint(words[writer[0] : c]) for c in complaints
        ):
            return False
        return not any(lexicon.owned(words, start, end) for start, end, _topic in analysis.spans)

    def thing_beside_an_area(self, analysis: Analysis) -> bool:
        """Whether a thing (a cat, a guitar) stands in the same sentence as an area the
        message names: "sorry cat on keyboard. hamstring stretch?" has it in another."""
        breaks = sorted(analysis.breaks)

        def piece(at: int) -> int:
            return sum(1 for b in breaks if b <= at)

        areas = {piece(start) for start, _end, _topic in analysis.spans}
        things = self.cues.where(analysis.corrected, "not_a_body")
        return any(piece(start) in areas for start, _end in things)

    def wanted(self, match: Match, analysis: Analysis) -> str | None:
        """For a message the intent layer is unsure of that names an area with a complaint or a
        request: the aspect its cues ask for (a request: the stretch; else why, when, what; a
        complaint with no question: why it happens, which the brain turns into the stretch
        when nothing is asked). None when there is no such reading."""
        if not match.topics or match.topics[0] == GENERAL or match.topics[0] not in self.kb.topics:
            return None
        topic = match.topics[0]
        if self.an_animals_story(analysis):
            return None  # "my cat does this massive stretch, bum in the air"
        if lexicon.every_area_told_fine(
            analysis.corrected, analysis.spans
        ) and lexicon.STRETCH_NOUNS.isdisjoint(analysis.corrected):
            return None  # "my back is fine but my wifi keeps dropping, any fix?"
        cues = self.cues.read(analysis.corrected)
        if help_asked_last(analysis):
            cues = cues | {"request"}  # "lower back gets stiff on long drives. ideas?"
        # a body, not a horse's calf or a chest of drawers: with a thing in the message, the
        # area must be the writer's ("my forearms are sore from guitar practice") and the
        # thing not right next to it ("my guitar neck"). "my" is not needed otherwise: people
        # write
        # "forearms pumped after bouldering, anything that helps?" (a word such as "back" that
        # names other things still needs an owner, below)
        opens_why = self._opens_why(analysis)
        # "why is my heel so much worse first thing" asks why, as a complaint does
        if not cues & {"complaint", "request", "asks_stretch"} and not opens_why:
            event = _area_after_an_event(analysis)
            if event is None:
                return None
            # "my calves after the marathon", "code red: my hip flexors after an 8 hour shift":
            # what they feel like goes without saying; "and my hips for high steps?" wants
            # something to do for it
            cues = cues | {"request" if event in _PURPOSE_WORDS else "complaint"}
        if self.stretches_a_things_part(analysis):
            return None
        if (
            "not_a_body" in cues
            and self.thing_beside_an_area(analysis)
            # "reversing the car, neck is stuck": the area has a complaint of its own, whatever
            # thing stands beside it
            and not lexicon.area_complained_in_place(
                analysis.corrected,
                analysis.spans,
                self.cues.where(analysis.corrected, "not_a_body"),
                analysis.breaks,
            )
        ):
            spans = analysis.spans
            words = analysis.corrected
            # a thing told as the cause owns no area: "sore bum from the car", "forearms sore
            # from guitar practice", "calves tight after switching to flat shoes"; nor one an
            # area is likened to ("tight like a rope")
            owners = [
                (start, end)
                for start, end in self.cues.where(words, "not_a_body")
                if lexicon.CAUSE_WORDS.isdisjoint(
                    words[max(0, start - lexicon.CAUSE_REACH) : start]
                )
                and not self._told_as_cause(words, spans, start, analysis.breaks)
                # "since i started horse riding lessons": an activity, not whose the area is
                and (end >= len(words) or words[end] not in lexicon.ACTIVITY_AFTER_A_THING)
            ]
            if not owners:
                return self.aspect_of_cues(topic, analysis, cues, match)

            # the writer's own area, or a thing far from it in a message about the writer
            # ("inner thighs sore after my first horse riding lesson")
            owned = any(lexicon.owned(words, start, end) for start, end, _topic in spans) or (
                not lexicon.WRITER_WORDS.isdisjoint(words)
                and not within(owners, spans, lexicon.THING_FAR)
                # "my shirt is tight around the shoulders": the thing is what is tight
                and not self.cues.follows(
                    words, "not_a_body", "complaint", lexicon.THING_COMPLAINT, analysis.breaks
                )
            )
            # an area whose name holds its owner ("tie my shoes the backs of my thighs") is
            # not the thing's, however close the thing stands
            named_bare = [s for s in spans if lexicon.FIRST_PERSON.isdisjoint(words[s[0] : s[1]])]
            if within(owners, named_bare, lexicon.NOT_A_BODY_REACH) or not owned:
                return None
            if self.thing_tight_where_it_sits(analysis):
                return None
        return self.aspect_of_cues(topic, analysis, cues, match)

    def stretches_a_things_part(self, analysis: Analysis) -> bool:
        """Whether a message about a thing asks to stretch "the" area, the thing's part:
        "jeans shrank in the wash, how do i stretch the waist back out"."""
        words = analysis.corrected
        return "not_a_body" in self.cues.read(words) and any(
            start >= 2 and words[start - 1] == "the" and words[start - 2] in lexicon.STRETCH_VERBS
            for start, _end, _topic in analysis.spans
        )

    def thing_tight_where_it_sits(self, analysis: Analysis) -> bool:
        """Whether a thing is what is tight, on or round the area it sits on: "my watch strap
        is too tight on my wrist", "new jeans are so tight round the thighs"."""
        words = analysis.corrected
        if "not_a_body" not in self.cues.read(words):
            return False
        sits = any(
            not lexicon.THING_PLACES.isdisjoint(words[max(0, start - 2) : start])
            for start, _end, _topic in analysis.spans
        )
        return sits and self.cues.follows(
            words, "not_a_body", "complaint", lexicon.THING_COMPLAINT, analysis.breaks
        )

    def _opens_why(self, analysis: Analysis) -> bool:
        """Whether the message, or its last sentence, opens asking why: "why is my heel so
        much worse first thing", "... my chest kind of caving in. desk job, two monitors. why
        does this happen"."""
        words = analysis.corrected
        start = analysis.pieces()[-1][0]
        return self.cues.opens_with(words, "why") or (
            start > 0 and self.cues.opens_with(words[start:], "why")
        )

    @staticmethod
    def _told_as_cause(
        words: Sequence[str],
        spans: Sequence[tuple[int, int, str]],
        at: int,
        breaks: Collection[int],
    ) -> bool:
        """Whether a cause word ("after", "from") stands between an area named before the
        thing at `at` and the thing, in one sentence: "calves tight after switching to flat
        shoes"."""
        return any(
            end <= at
            and not broken_between(breaks, end, at)
            and not lexicon.CAUSE_WORDS.isdisjoint(words[end:at])
            for _start, end, _topic in spans
        )

    def aspect_of_cues(
        self, topic: str, analysis: Analysis, cues: frozenset[str], match: Match
    ) -> str | None:
        """`wanted`'s aspect for an area named plainly, from the message's cues; None for a
        look-alike of `match` or an area word that names something else."""
        if self.other_sense(match, analysis):
            return None  # "stretch marks on my hips"
        if not self.cues.names_areas_plainly(analysis.corrected, analysis.spans, analysis.breaks):
            return None
        opens_why = self._opens_why(analysis)
        if opens_why and "asks_stretch" not in cues and (topic, "why_tight") in self.kb.answers:
            return "why_tight"  # "why do my hamstrings cramp when i stretch them"
        if "asks_when" in cues and ("why" in cues or "complaint" in cues):
            # "why does it keep coming back? it's there every day", "neck aches from my phone
            # every day": how often, told, asks nothing of timing
            cues = cues - ({"asks_when"} - self.cues.read_asked(analysis.corrected))
        for cue, aspect in lexicon.CUE_ASPECTS:
            if cue in cues and (aspect == "stretch" or (topic, aspect) in self.kb.answers):
                return aspect
        return None

    def aspect_agrees(self, match: Match, analysis: Analysis) -> bool:
        """True when the intent layer's unsure guess is a question about an area the message
        names plainly, and the message's own words ask the same (lexicon.ASPECT_CUES): "what does glute
        med actually do" is what the glutes are, at `lexicon.ASPECT_NEAR` or more."""
        if match.kind != "aspect" or match.confidence < lexicon.ASPECT_NEAR or not match.topics:
            return False
        topic = match.topics[0]
        cue = lexicon.ASPECT_CUES.get(match.key)
        if cue is None or topic == GENERAL or (topic, match.key) not in self.kb.answers:
            return False
        words = analysis.corrected
        asked = self.cues.read_asked(words)
        if match.key == "what" and self.last_asks_why_not_what(analysis):
            return False
        if not (
            cue in asked
            and self.cues.names_areas_plainly(words)
            and not self.other_sense(match, analysis)
        ):
            return False
        if match.key != "what" or lexicon.BODY_WORDS.intersection(words):
            return True
        # "what is" asks about look-alikes as often ("what is a hammy actor", "where is the
        # quad on campus"): only a name no look-alike example uses is surely the body's
        return not any(
            self.matcher.look_alike_words.intersection(analysis.canonical[start:end])
            for start, end, _topic in analysis.spans
        )

    def last_asks_why_not_what(self, analysis: Analysis) -> bool:
        """Whether a story's closing piece asks why and not what: "... it's mostly the inner
        part of the calf, right leg worse. What is going on with them?" ("part of the" told
        before is no question of what the calf is)."""
        pieces = analysis.pieces()
        if len(pieces) < 2:
            return False
        start, end = pieces[-1]
        piece = analysis.corrected[start:end]
        if not (lexicon.asks_wh(piece) or lexicon.asks_whether(piece)):
            return False  # "... my massage lady said its the reason my bum hurts" tells
        asked = self.cues.read_asked(piece)
        return "why" in asked and "what" not in asked

    def aspect_asked(self, aspect: str, topic: str, analysis: Analysis, context: Context) -> str:
        """The aspect the matcher found, checked against the message's own cues: "when to
        stretch" needs a question about timing, else a complaint is "why it gets tight" ("groin
        always tight after 5 a side"); a stretch asked for only to ask about timing is "when"
        ("piriformis tight from running, stretch before or after"); "what about my wrists"
        turns the conversation to the wrists, and asks nothing about what they are."""
        cues = self.cues.read_asked(analysis.corrected)
        if self.one_more_area(aspect, topic, analysis, context):
            return "stretch"
        if (
            aspect == "what"
            and self.last_asks_why_not_what(analysis)
            and (topic, "why_tight") in self.kb.answers
        ):
            return "why_tight"
        if aspect == "what" and "what" not in cues:
            # "what about my neck, it gets stiff from checking mirrors": a turn to another
            # area keeps the kind of reply, whatever the complaint that comes with it
            turns = context.kind is not None and lexicon.asks_about(analysis.corrected[:4])
            complains = "complaint" in cues and "request" not in cues and not turns
            if ("why" in cues or complains) and (topic, "why_tight") in self.kb.answers:
                return "why_tight"  # "neck hurts after the computer, why does this happen"
            if "asks_stretch" in cues or "request" in cues:
                # "what do i do about it", "what is the best way to avoid it"
                return "stretch"
            if lexicon.asks_about(analysis.corrected):
                # "what about just my wrists, i type all day" after a desk routine: the last
                # kind of reply, for the wrists
                last = context.last_aspect if context.kind == "answer" else None
                if last and (topic, last) in self.kb.answers:
                    return last
                return "stretch"
        if aspect == "when" and "asks_when" not in cues:
            if "asks_stretch" in cues or (
                # "good hip flexor stretch that doesnt need kneeling? my knees hate hard floors":
                # a stretch asked for, no timing nor why asked, nor whether it may be done
                "stretch" in analysis.corrected
                and "?" in analysis.text
                and "why" not in cues
                and lexicon.TWIN_AFTER.union(lexicon.TWIN_BEFORE).isdisjoint(analysis.corrected)
                and not lexicon.asks_yes_or_no(analysis)
            ):
                return "stretch"  # "calves tight after shifts, what should i stretch when home"
            if "complaint" in cues:
                return "why_tight" if (topic, "why_tight") in self.kb.answers else aspect
            if "request" in cues and (
                analysis.corrected[:1] == ("how",)  # "how u strech the psoas"
                or lexicon.says_it_wants_to_stretch(analysis.corrected)
            ):
                return "stretch"
        words = analysis.corrected
        polite = words[-1] in lexicon.PLEASE_WORDS
        last = words[-2] if polite and len(words) > 1 else words[-1]
        asks_stretch = "asks_stretch" in cues or (
            # "my hamstrings are tight after running, stretches?", "... quick stretch pls"
            last in lexicon.STRETCH_FORMS and (polite or analysis.text.rstrip().endswith("?"))
        )
        asks_stretch = asks_stretch or help_asked_last(analysis)
        if aspect == "why_tight" and asks_stretch and not cues & {"why", "asks_when"}:
            return "stretch"  # "jaw is tight from clenching, anything for that"
        if aspect == "stretch" and "why" in cues and not cues & {"asks_stretch", "asks_when"}:
            # "my hamstrings stay tight no matter how much i stretch them": why, as stretching
            # has not helped
            return "why_tight" if (topic, "why_tight") in self.kb.answers else aspect
        if aspect == "stretch" and "asks_when" in cues and "asks_stretch" not in cues:
            return "when" if (topic, "when") in self.kb.answers else aspect
        return aspect

    def asks_whether_stretching(self, match: Match, analysis: Analysis) -> str | None:
        """For a routine found for a yes-or-no question about stretching that names no area
        ("is stretching before running harmful?", "should i stretch before my 5k"): the first
        general answer among the runners-up, as the question is about stretching, not a
        request for a routine. None otherwise."""
        words = analysis.corrected
        if analysis.topics or not lexicon.asks_whether(words):
            return None  # "can you give me a warm up" asks for one
        if lexicon.STRETCHING_WORDS.isdisjoint(words):
            return None
        if self.matcher.look_alike_pairs(analysis.words):
            return None  # "are stretch marks from bulking permanent?": stretch in another sense
        if self.stretch_before_exercise(analysis):
            return lexicon.BEFORE_AFTER  # "do i really need to stretch before running?"
        if (
            match.kind == "routine"
            and match.key in lexicon.TIME_ROUTINES.values()
            and self.pick.activities_in(words) == [match.key]
            and "exercise" not in self.cues.read(words)
        ):
            # "is it good to stretch before bed": yes, and here is how (not "... in the morning
            # or at night", a question of which)
            return None
        # an answer about one sensation needs it named: "should i stretch at night" is no cramp
        return next(
            (
                key
                for kind, key, _t in match.alternatives
                if kind == GENERAL and not self.lacks_its_name(key, words)
            ),
            None,
        )

    def practice_asked(self, analysis: Analysis) -> str | None:
        """The one way of stretching or goal (`lexicon.PRACTICE_SUBJECTS`) a message names and
        asks about, with no stretch asked for: "ive been foam rolling my IT band for weeks and
        nothing changes, should i keep going?". None otherwise."""
        words = analysis.corrected
        named = self.subjects_named(words) & lexicon.PRACTICE_SUBJECTS
        if lexicon.names_a_posture(words):
            named.add(lexicon.POSTURE)  # "how to fix tech neck"
        if len(named) != 1 or "asks_stretch" in self.cues.read(words):
            return None
        subject = named.pop()
        pairs = set(zip(words, words[1:], strict=False))
        if not pairs.isdisjoint(lexicon.ASKS_WHAT_WRONG):
            return subject  # "... still nowhere near my toes. what am i doing wrong"
        if subject in lexicon.PRACTICES_TOLD_AS_CAUSES and any(
            start and words[start - 1] in lexicon.TOLD_CAUSES
            for start, _e, found in self._subjects_told(words)
            if found == subject
        ):
            # "got a huge bruise on my thigh from foam rolling too hard, oops": what it did,
            # told for its answer on how hard and where to roll
            return subject
        # a piece that asks, and names the subject or no area: "are my hamstrings actually
        # tight? i can almost touch the floor" asks about the hamstrings
        for start, end in analysis.pieces():
            piece = words[start:end]
            if not lexicon.opens_a_question(piece):
                continue
            told = subject in self.subjects_named(piece) or (
                subject == lexicon.POSTURE and lexicon.names_a_posture(piece)
            )
            if told or not any(start <= s < end for s, _e, _t in analysis.spans):
                return subject
        return None

    def subject_asked_first(self, analysis: Analysis) -> str | None:
        """The one general subject that a question opening a message of more than one piece
        names ("should stretching hurt? i'm practically crying in pigeon pose"), else None."""
        pieces = analysis.pieces()
        if len(pieces) < 2:
            return None
        start, end = pieces[0]
        piece = analysis.corrected[start:end]
        if not lexicon.opens_a_question(piece):
            return None
        return self.one_subject_named(piece)

    def subject_asked_last(self, analysis: Analysis) -> str | None:
        """The one general subject (its keywords) that a story's last piece names, when that
        piece asks: "... i have another class thursday. will stretching fix the soreness or
        make it worse?". None for a message of one piece, or any other."""
        words = analysis.corrected
        pieces = analysis.pieces()
        if len(pieces) < 2:
            return None
        # the last piece that asks (a closing remark may follow it)
        for start, end in reversed(pieces):
            piece = words[start:end]
            if not (
                lexicon.asks_whether(piece)
                or lexicon.asks_wh(piece)
                or self.cues.read(piece) & {"request", "why"}
            ):
                continue
            named = self.subjects_named(piece)
            if not start and not self.subjects_named(words[end:]) - named:
                # a question first answers by itself, unless the story after it names
                # another subject ("is it bad to stretch before running?? our PE teacher
                # always made us do toe touches ...")
                return None
            if not named and start and lexicon.only_points_back(piece):
                # "... toe touches before every run but ... you shouldn't stretch before
                # running?? which is it": the subject told last, nearest the question
                told = [key for _s, _e, key in self._subjects_told(words[:start])]
                # a way of doing it is judged before a goal it was done for ("made us bounce
                # when we touched our toes, is that actually bad or fine")
                # and a sensation felt before how it was done ("my legs shake when i hold a
                # stretch a long time, is that bad")
                felt = [key for key in told if key in lexicon.SENSATION_ANSWERS]
                ways = [key for key in told if key not in lexicon.MILESTONE_SUBJECTS]
                named = set((felt or ways or told)[-1:])
            elif not named and self.asks_if_stretching_helps_it(piece):
                # "legs are sore a day or two after every session. does stretching actually
                # help that or is it a myth": "that" is the subject the story named
                named = self.subjects_named(words[:start])
            if len(named) != 1:
                return None
            found = self._illness_over_soreness(named.pop(), self.subjects_named(words))
            # "if I stretch every day how long would it take": how long, not every day
            return None if self._asks_how_long_not_how_often(found, words) else found
        return None

    @staticmethod
    def _illness_over_soreness(key: str, named: Collection[str]) -> str:
        """The one illness subject `named`, when `key` is soreness: "got a stinking cold,
        should i still do my stretches or just rest" asks about stretching while ill, the
        rest coming up for the illness, not for sore muscles. `key` otherwise."""
        ill = [k for k in named if k in lexicon.ILLNESS_SUBJECTS]
        return ill[0] if key == lexicon.SORENESS and len(ill) == 1 else key

    @staticmethod
    def _asks_how_long_not_how_often(subject: str, words: Sequence[str]) -> bool:
        """Whether `subject` is how often or every day, named in a message that asks how long
        something takes to reach, which is what it asks."""
        return subject in lexicon.EVERY_DAY_ANSWERS and lexicon.asks_how_long_until(words)

    @staticmethod
    def asks_if_stretching_helps_it(piece: Sequence[str]) -> bool:
        """Whether a yes-or-no question asks whether stretching helps something said before
        ("does stretching actually help that", "will stretching fix it")."""
        at = next((i for i, w in enumerate(piece) if w in lexicon.STRETCHING_WORDS), None)
        if at is None or not lexicon.asks_whether(piece):
            return False
        # "it" before the stretching is no thing told ("is it bad to stretch before running")
        back = set(piece[at + 1 :]) | (set(piece[:at]) - {"it"})
        return not lexicon.REFERS_BACK.isdisjoint(back)

    def hurts_when_stretching(self, analysis: Analysis) -> bool:
        """Whether a message speaks of stretching other than to ask for a stretch: "it hurts
        when i stretch my calves" does; "it hurts when i yawn, is there a stretch for that"
        does not."""
        words = analysis.corrected
        asked = self.cues.where(words, "asks_stretch")
        return any(
            w in lexicon.STRETCH_FORMS and not any(s <= i < e for s, e in asked)
            for i, w in enumerate(words)
        )

    def milestone_told(self, analysis: Analysis) -> bool:
        """Whether a message tells of a flexibility goal just reached, and asks nothing:
        "finally got my splits!!", "just held my first full split for 10 seconds", "i can
        touch my toes now". Not "still can't touch my toes", nor a question about the goal."""
        words = analysis.corrected
        if (
            (GENERAL, lexicon.KEEP_FLEXIBILITY) not in self.kb.answers
            or "?" in analysis.text
            or not lexicon.WH_WORDS.isdisjoint(words)
            or lexicon.asks_whether(words)
            or not NEGATORS.isdisjoint(words)
            or "cannot" in words
            or not lexicon.reached_words(words)
        ):
            return False
        goals = self.subjects_named(words) & lexicon.MILESTONE_SUBJECTS
        return bool(goals) and not self.cues.read(words) & {"complaint", "request"}

    def morning_stiffness_told(self, analysis: Analysis) -> bool:
        """Whether a message tells of stiffness in the morning that takes a long while to
        ease ("takes an hour to loosen up", "stiff for hours after i get up"), or asks whether
        it is normal of several areas: the answer on morning stiffness says when that needs a
        GP. Not when a stretch or a routine is asked for."""
        words = analysis.corrected
        if (
            (GENERAL, lexicon.MORNING_STIFFNESS) not in self.kb.answers
            or "asks_stretch" in self.cues.read(words)
            or not lexicon.ROUTINE_WORDS.isdisjoint(words)
        ):
            return False
        if lexicon.tells_a_long_while(words):
            return self.names_subject(lexicon.MORNING_STIFFNESS, words)
        # "every morning my neck and back are stiff for a bit, then it eases off. is that
        # just getting older?": the morning told beside a complaint, of several areas
        return (
            len({t for t in analysis.topics if t != GENERAL}) > 1
            and lexicon.asks_without_a_mark(analysis)
            and (
                self.names_subject(lexicon.MORNING_STIFFNESS, words)
                or (lexicon.tells_morning(words) and "complaint" in self.cues.read(words))
            )
        )

    def stretch_before_exercise(self, analysis: Analysis) -> bool:
        """Whether a message asks whether to stretch before exercise, and neither whether it
        harms nor about a complaint: "do i really need to stretch before running?", "i jump
        out of bed and go run, should i be stretching first?", or checks a claim about it
        ("read that you shouldnt stretch before a run. myth?")."""
        words = analysis.corrected
        # "someone told me stretching before running is bad now. true?": a claim about it
        # to check, whatever word it uses for the harm
        claim = lexicon.checks_a_claim(words, analysis.text)
        return (
            not analysis.topics
            and (
                lexicon.asks_whether(words)
                or lexicon.asks_whether_later(words)
                or claim
                or lexicon.asks_before_or_after(words)  # "stretch BEFORE a run or AFTER"
            )
            and not lexicon.STRETCH_FORMS.isdisjoint(words)
            and not lexicon.BEFORE_WORDS.isdisjoint(words)
            and (claim or lexicon.HARM_WORDS.isdisjoint(words))
            and not self.cues.complains(words)
            and "exercise" in self.cues.read(words)
            and (GENERAL, lexicon.BEFORE_AFTER) in self.kb.answers
        )

    def one_more_area(self, aspect: str, topic: str, analysis: Analysis, context: Context) -> bool:
        """Whether a message that adds an area after a stretch or a routine ("what about my
        wrists, they ache from the mouse", "and my forearms, they feel tight near the elbow")
        asks for one more thing to do, for it: its stretch, not why it gets tight. A question
        of why, what or when keeps its aspect."""
        words = analysis.corrected
        pieces = analysis.pieces()
        asked = words
        if (
            len(pieces) > 1
            and (words[0] in lexicon.AREA_TOO_OPENERS or lexicon.asks_about(words))
            and not any(lexicon.opens_a_question(words[s:e]) for s, e in pieces[1:])
        ):
            # "and my calves? someone said tight calves cause it": what the rest tells is why
            # the area is added, not a question of why
            asked = words[: pieces[0][1]]
        return (
            context.kind in ("stretch", "routine")
            and topic != context.topic
            and aspect in ("what", "why_tight", "when")
            and not self.cues.read_asked(asked) & {"why", "what", "asks_when"}
            and (
                words[0] in lexicon.AREA_TOO_OPENERS
                # "same story between my shoulder blades tbh", "same thing with my calves"
                or words[0] == lexicon.SAME
                or lexicon.asks_about(words)
                # "better. triceps feel tight too", "my hips are stiff as well", "fingers and
                # wrists too? they always feel stiff"
                or any(
                    words[end - 1] == "too"
                    or tuple(words[max(start, end - 2) : end]) == ("as", "well")
                    for start, end in analysis.pieces()
                )
            )
            and bool(self.kb.stretches_for(topic))
        )

    def general_timing(self, aspect: str, analysis: Analysis) -> str | None:
        """For a question of when to stretch an area that the message neither names nor
        points at, the general answer its timing words ask for (`lexicon.GENERAL_TIMING`: every day,
        how many times, before or after); None otherwise."""
        words = analysis.corrected
        if aspect != "when":
            return None
        if analysis.topics:
            # "should i stretch before or after running? my calves keep knotting up": a
            # question that opens the message naming no area, before a story that does (a
            # question closing a story asks about the story's area)
            end = analysis.pieces()[0][1]
            if any(s < end for s, _e, _t in analysis.spans) or not lexicon.asks_whether(
                words[:end]
            ):
                return None
            words = words[:end]
        pairs = set(zip(words, words[1:], strict=False))
        # "is it ok every day": an "it" that stands for nothing
        pointing = {w for i, w in enumerate(words) if i == 0 or (words[i - 1], w) != ("is", "it")}
        if not lexicon.POINTING_WORDS.isdisjoint(pointing):
            return None
        found = next((key for cue, key in lexicon.GENERAL_TIMING if cue in pairs), None)
        return found if found is not None and (GENERAL, found) in self.kb.answers else None

    def other_sense(self, match: Match, analysis: Analysis) -> bool:
        """True when a look-alike is the match or a runner-up and the message has one of its
        word pairs ("stretch marks", "tight deadline"): the area word means something else."""
        near = match.kind == "out_of_scope" or any(
            kind == "out_of_scope" for kind, _key, _topic in match.alternatives
        )
        if not near:
            return False
        if self.stretches_a_thing(analysis):
            return True
        if not lexicon.PLAIN_STRETCH_WORDS.isdisjoint(analysis.words) and self.subjects_named(
            analysis.corrected
        ):
            return False  # "does stretching build muscle": stretching's own question
        # "stiff neck" is ours, whatever a look-alike example says: a complaint about an area,
        # read on past the pair ("lower back acting up", though "hammy acting" is a film's)
        words = analysis.words
        pairs = self.matcher.look_alike_pairs(words)
        if not pairs:
            return False
        # an area complained of plainly ("the bottom of my back is wrecked") is ours, whatever
        # pair of a look-alike the story holds away from it ("night shifts on a busy ward")
        complained = any(
            w == TOPIC_TOKEN and "complaint" in self.cues.read(words[i + 1 : i + 3])
            for i, w in enumerate(words)
        )
        return any(
            pair in pairs
            and not (complained and TOPIC_TOKEN not in pair)
            and not (
                TOPIC_TOKEN in pair
                and "complaint"
                in self.cues.read(words[i + 1 : i + 3] if pair[0] == TOPIC_TOKEN else pair[:1])
            )
            for i, pair in enumerate(zip(words, words[1:], strict=False))
        )

    def stretches_a_thing(self, analysis: Analysis) -> bool:
        """Whether the thing a message asks to stretch or loosen is no body part: "how do i
        stretch out a pair of jeans that are too tight round the thighs" (the thighs are where
        the jeans are tight); not "stretch my calves in my new shoes"."""
        words = analysis.corrected
        things = [
            start for start, _end, cue in self.cues.matches(words) if cue == lexicon.THING_CUE
        ]
        if not things:
            return False
        return any(
            (
                0 < thing - at <= lexicon.THING_OBJECT_REACH
                and all(start > thing for start, _end, _topic in analysis.spans)
            )
            # "my jeans shrank in the wash, how do i stretch them out at the waist": the thing
            # told first, then stretched as "them", with no area before the verb
            or (
                thing < at
                and words[at + 1 : at + 2] in (("them",), ("it",))
                and all(start > at for start, _end, _topic in analysis.spans)
            )
            for at, word in enumerate(words)
            if word in lexicon.STRETCH_VERBS
            for thing in things
        )

    def general_near(self, match: Match, analysis: Analysis, context: Context) -> bool:
        """True for a question about stretching itself the intent layer found, not quite sure:
        at `lexicon.GENERAL_NEAR` or more, in a message that names stretching (or flexibility, a
        warm-up), or in a conversation about it, and asks, with no area named: "does
        stretching prevent injuries or is that a myth"."""
        if match.kind != "general" or match.confidence < lexicon.GENERAL_NEAR or analysis.topics:
            return False
        words = analysis.corrected
        if match.key in lexicon.TIME_CHOICE_GENERAL and lexicon.TIMES_OF_DAY.isdisjoint(words):
            return False  # "is it serious" after the lower back: no choice of time
        # stretching named, or the conversation is about it ("how many minutes a day is
        # enough" after a stretch)
        # ... not in a look-alike's words ("a stretch mark cream")
        other = {w for pair in self.matcher.look_alike_pairs(analysis.words) for w in pair}
        if (
            not (
                lexicon.STRETCHING_WORDS | lexicon.STRETCHING_NAMED_FOR.get(match.key, frozenset())
            ).intersection(words)
            - other
            and context.kind not in lexicon.STRETCHING_KINDS
            # "is being that stiff every morning normal at 35": its subject named by a keyword,
            # of a body that complains (not "our company security posture")
            and not (self.subjects_named(words) == {match.key} and self.cues.complains(words))
        ):
            return False
        cues = self.cues.read(words)
        if "not_a_body" in cues:  # "my cat stretches on the scratching post, why"
            return False
        felt = self.subjects_named(words) & lexicon.FELT_SUBJECTS
        if felt and match.key not in felt:
            return False  # "is it normal that it clicks": the clicking, not what was found
        if match.key in lexicon.HELD_TO_ITS_NAME and self.lacks_its_name(match.key, words):
            return False  # "this heat is killing me, stretches indoors?": no heat pack asked of
        # "..., is that still a thing or is it bad" asks in a clause of its own
        asks = words[0] in lexicon.QUESTION_STARTS or lexicon.asks_without_a_mark(analysis)
        return asks or bool(cues & (lexicon.ROUTINE_ASKS | {"why", "what"}))

    def lone_word(self, analysis: Analysis, key: str) -> bool:
        """True for a message of one everyday word (and stopwords) that a general answer's
        examples use but that does not name its subject ("stop", "start"): too little to
        answer. "doms" or "bouncing" alone still names a subject."""
        words = analysis.corrected
        content = [w for w in words if w not in STOPWORDS]
        if len(words) > lexicon.LONE_WORD_MAX or len(content) != 1 or "?" in analysis.text:
            return False  # "is every day ok" asks something
        if not self.matcher.words.is_everyday(content[0]):
            return False
        return not self.names_subject(key, content)

    def subject(self, analysis: Analysis) -> str | None:
        """For a message the intent layer is unsure of that asks about a subject a general
        answer names by its keywords (the splits, foam rolling, posture): that answer. The
        message must ask (a question mark, or a request or question cue), and be about a body,
        not a thing; the first subject its last asking piece names wins, else the first it
        names ("haven't touched my toes in a decade. how long to get the splits": the splits)."""
        words = analysis.corrected
        # "if I stretch every day how long would it take to get my splits back": how long
        named = tuple(
            m
            for m in self._subjects_told(words, of_an_area=bool(analysis.topics))
            if not self._asks_how_long_not_how_often(m[2], words)
        )
        if not named:
            return None
        # "34F total beginner, goal is front splits by 35. realistic??": the goal, not who the
        # writer is, unless a piece asks of that
        found = next((m for m in named if m[2] not in lexicon.WRITER_SUBJECTS), named[0])
        if len({key for _s, _e, key in named}) > 1:
            for p_start, p_end in reversed(analysis.pieces()):
                piece = words[p_start:p_end]
                inside = [m for m in named if p_start <= m[0] < p_end]
                if inside and (
                    lexicon.asks_whether(piece) or not lexicon.WH_WORDS.isdisjoint(piece)
                ):
                    found = inside[0]
                    break
        cues = self.cues.read(words)
        # a sensation told is asked about ("knee cracks going up stairs")
        asks = (
            lexicon.asks_without_a_mark(analysis)
            or bool(cues & {"request", "why", "when", "what", "complaint"})
            or found[2] in lexicon.TOLD_SENSATIONS
            or (found[2] == lexicon.HEAT_ANSWER and not lexicon.HEAT_FEELINGS.isdisjoint(words))
            or (
                found[2] == lexicon.HEART_RATE_ANSWER
                and (
                    not lexicon.HEART_RATE_WORDS.isdisjoint(words)
                    or ("heart", "rate") in zip(words, words[1:], strict=False)
                )
            )
        )
        # a thing near the subject is what it is about ("my car's steering is stiff in the
        # mornings"); one further off is story ("walk the dog daily")
        start, end, _key = found
        thing = "not_a_body" in cues and any(
            start - t_end <= lexicon.THING_FAR and t_start - end <= lexicon.THING_FAR
            for t_start, t_end in self.cues.where(words, "not_a_body")
            if not start <= t_start < end  # the horse of "charley horse" is the subject's own
        )
        if found[2] == lexicon.LIMB_ASLEEP and not self.limb_gone_to_sleep(analysis):
            return None  # "my lips tingle after spicy food": no limb gone to sleep
        return found[2] if asks and not thing else None

    def bare_topic(self, words: Sequence[str]) -> bool:
        """True when the message is little more than a topic ("and my calves?")."""
        said = [w for w in words if w != TOPIC_TOKEN]
        # "how do i stretch my chest", "something for my hamstrings as well" ask something
        if self.cues.read(said) & lexicon.ASKING_CUES:
            return False
        if lexicon.THING_CUE in self.cues.read(said):
            return False  # "my horse has a tight calf": the horse's, no area asked about
        if self.subjects_named(said):
            return False  # "is it ok to do the calf one daily": how often, not the calves
        rest = [w for w in said if w not in STOPWORDS and w not in lexicon.BARE_TOPIC_WORDS]
        return len(rest) <= 1 and all(w in self.matcher.vocab for w in rest)


#: words by which an area is told with the event it comes out of ("my calves after the
#: marathon", "hamstrings post leg day", "and my forearms from the wrenches") or the one it is
#: wanted for ("and my hips for high steps?")
_EVENT_WORDS = frozenset({"after", "post", "since", "from", "for"})
#: the event words that tell what the area is wanted for
_PURPOSE_WORDS = frozenset({"for"})
#: a question mark may end a message this short that is only an area and its event
_AREA_EVENT_ASKED_MAX_WORDS = 8
#: words that may stand before the area at the start of its sentence
_AREA_OPENERS = frozenset({"my", "the", "both", "and"})
#: areas whose unsaid complaint may be no muscle's ("my chest after the run")
_UNSAID_NOT_MUSCLE = frozenset({"chest"})
#: longer than this, a message tells more than an area and its event
_AREA_EVENT_MAX_WORDS = 14


def _area_after_an_event(analysis: Analysis) -> str | None:
    """The word that joins them when the message is an area at the start of its sentence
    followed at once by the event it comes out of or is wanted for, and no question past a
    short one: "my calves after the marathon", "code red: my hip flexors after an 8 hour
    shift at a desk", "and my hips for high steps?". None otherwise."""
    words = analysis.corrected
    if len(words) > _AREA_EVENT_MAX_WORDS or len(analysis.spans) != 1:
        return None
    if "?" in analysis.text and len(words) > _AREA_EVENT_ASKED_MAX_WORDS:
        return None
    start, end, topic = analysis.spans[0]
    if topic in _UNSAID_NOT_MUSCLE:
        return None
    opening = start
    while opening > 0 and words[opening - 1] in _AREA_OPENERS:
        opening -= 1
    sentence_start = opening == 0 or opening in analysis.breaks
    if sentence_start and end < len(words) and words[end] in _EVENT_WORDS:
        return words[end]
    return None


def help_asked_last(analysis: Analysis) -> bool:
    """Whether the message ends asking for help in a piece of its own, a word or two ("... by
    friday. tips?", "ideas?", "any advice?"), as a stretch's name asked last does."""
    words = analysis.corrected
    pieces = analysis.pieces()
    return (
        bool(words)
        and len(pieces) > 1
        and words[-1] in lexicon.HELP_ASKED_LAST
        and analysis.text.rstrip().endswith("?")
        and len(words) - pieces[-1][0] <= 2
    )
