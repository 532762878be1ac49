"""Which routine a message asks for: by its name, an activity or setting, a time of day,
the areas it names, a condition, or what the conversation was about.

Split from `bot.brain` (which decides what a message is answered with): these readers only
name a routine id (or a timing answer's key), and build no reply. Pure, like the brain.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot import lexicon
from bot.kb import GENERAL, KnowledgeBase, Routine
from bot.replies import COOLDOWN
from bot.reply import MAX_MINUTES, MIN_MINUTES, Context, Plan
from bot.understanding import STOPWORDS, Analysis, Match, Matcher
from bot.understanding.cues import CueReader, PhraseIndex
from bot.understanding.sizes import SizeAsk

#: words that ask about doing a routine: "can i do it every hour?"
_DOING = frozenset({"do", "doing", "does", "did"})
#: doing a stretch pointed back at: "should i do it every morning", "can i do these at night"
_DO_IT = frozenset(("do", w) for w in lexicon.POINTING_WORDS - {"they", "mine"})


class RoutinePicker:
    """Reads the routine a message asks for, over one knowledge base."""

    def __init__(self, kb: KnowledgeBase, matcher: Matcher, cues: CueReader) -> None:
        self.kb = kb
        self.matcher = matcher
        self.cues = cues
        #: activity and setting words (and their plurals) -> routine ids
        self.activities = PhraseIndex(
            (form, routine.id)
            for routine in kb.routines.values()
            for keyword in routine.keywords
            for form in lexicon.with_plural(keyword)
        )
        #: routine titles of two words or more, said as a name ("desk break", "bedtime wind
        #: down") -> routine ids; a title with a comma ("Stretches for tight, tired legs")
        #: reads as a name only whole
        self.titles = PhraseIndex(
            (routine.title, routine.id)
            for routine in kb.routines.values()
            if len(routine.title.split()) >= lexicon.TITLE_MIN_WORDS
        )
        #: body regions no one topic covers ("legs", "lower body") -> routine ids
        self.regions = PhraseIndex(
            (region, routine.id) for routine in kb.routines.values() for region in routine.regions
        )
        #: the words of each routine's phrases and keywords, worked out on first use
        self._words: dict[str, frozenset[str]] = {}

    def words_of(self, routine: Routine) -> frozenset[str]:
        """The words of a routine's phrases and keywords."""
        words = self._words.get(routine.id)
        if words is None:
            words = self._words[routine.id] = frozenset(
                w for phrase in (*routine.phrases, *routine.keywords) for w in phrase.split()
            )
        return words

    def for_region(self, analysis: Analysis) -> str | None:
        """For a message the intent layer is unsure of that names a part of the body no one
        topic covers (a routine's `regions`: "legs", "lower body") with a complaint or a
        request, and names no area: that routine ("legs feel heavy and tight after standing
        all day at the checkout"); told with an activity just over, that activity's cool-down
        ("just back from a 4 hour sportive, legs feel like concrete"); told with a time of
        day's routine alone, that one ("cant sleep, my legs feel all tight"). None for a
        thing's legs ("the table legs are wobbly") and anything else."""
        words = analysis.corrected
        if any(t != GENERAL for t in analysis.topics):
            return None  # "legs ache, mostly my calves": the calves' question
        found = self._region_named(words)
        if found is None:
            return None
        if not (self.region_asked_alone(words) or self.cues.read(words) & lexicon.REGION_CUES):
            return None
        if self.a_thing_complains(words) or self.matcher.look_alike_pairs(analysis.words):
            return None
        told = self.activities_in(words, of_the_body=True)
        if told and lexicon.tells_it_is_over(words):
            # "just back from a 4 hour sportive, legs feel like concrete": its cool-down
            return self.cool_down_of(told)
        # "cant sleep, my legs feel all tight and fidgety": the time's routine, for the legs
        timed = [rid for rid in told if rid in lexicon.TIME_ROUTINES.values()]
        return timed[0] if len(timed) == 1 and len(told) == 1 else found

    def region_asked_alone(self, words: Sequence[str]) -> str | None:
        """The routine of the region a message asks for with nothing else said ("what about
        just legs", "legs please"), or None."""
        found = self._region_named(words)
        if found is None or not set(words) - lexicon.REGION_WORDS <= lexicon.REGION_ASK_FILLERS:
            return None
        return found

    def _region_named(self, words: Sequence[str]) -> str | None:
        """The routine of the first region the writer names as their own, or None."""
        return next(
            (
                rid
                for start, rid in self.regions_outside_activities(words)
                # "pulling your leg": another's; "stop pulling my leg", "shake a leg": sayings
                if lexicon.NOT_THE_WRITERS.isdisjoint(words[max(0, start - 1) : start])
                and lexicon.REGION_SAYINGS.isdisjoint(words[max(0, start - 2) : start])
            ),
            None,
        )

    def regions_outside_activities(self, words: Sequence[str]) -> list[tuple[int, str]]:
        """(start, routine id) of each part of the body no one topic covers that the words
        name ("legs", "lower body"), outside an activity's name ("leg day" is no legs)."""
        taken = {i for s, e, _rid in self.activities.matches(words) for i in range(s, e)}
        return [
            (start, rid) for start, _e, rid in self.regions.matches(words) if start not in taken
        ]

    def warm_up_instead(self, analysis: Analysis, context: Context) -> str | None:
        """After an answer about stretching before exercise (`lexicon.BEFORE_EXERCISE_ANSWERS`), a
        short question of what to do instead or before ("what should they do instead then",
        "so what should i actually do before a match"): the general warm-up; of what to do
        after: the general cool-down. None otherwise."""
        if context.kind != "answer" or context.intent not in lexicon.BEFORE_EXERCISE_ANSWERS:
            return None
        words = analysis.corrected
        if analysis.topics or len(words) > lexicon.MOVE_MAX_WORDS:
            return None
        if not (lexicon.WH_WORDS.intersection(words) or "request" in self.cues.read(words)):
            return None
        # "what should they do instead", "so what should i actually do before a match"
        wanted = (
            lexicon.WARM_UP_ROUTINE
            # "so like which dynamic ones": the moving stretches the answer told of
            if "instead" in words or "before" in words or "dynamic" in words
            else lexicon.COOL_DOWN_ROUTINE
            if "after" in words and "do" in words
            # "ok so what should i do": what the answer said to do first, the warm-up
            else lexicon.WARM_UP_ROUTINE
            if lexicon.asks_what_to_do(words) and "after" not in words
            else None
        )
        if wanted is not None:
            # of the activity this message names ("what should i do after leg day then"), else
            # the one the conversation named, if it has that end: the running warm-up
            for activities in (self.activities_in(words, context), context.activities):
                own = self.own_end(activities, wanted)
                if own is not None:
                    return own
        return wanted if wanted in self.kb.routines else None

    def for_answer(self, context: Context) -> str | None:
        """The routine made for the subject of the general answer on screen: the one it names
        (`routine`: the desk break after posture), else the one whose id has the same words
        ("splits"; "toe_touch" for "touch_toes"), the activity's own warm-up or cool-down
        when one was named. None after anything else."""
        key = context.general_answer
        found = None if key is None else self.for_general(key)
        if found in (COOLDOWN, lexicon.WARM_UP_ROUTINE):
            # "fine give me one then" after whether a cool-down is needed, running told: the
            # run's own cool-down
            own = self.own_end(context.activities, found, only=True)
            if own is not None:
                return own
        return found

    @staticmethod
    def own_end(activities: Sequence[str], end: str, *, only: bool = False) -> str | None:
        """Of the routines of activities told (`Context.activities`: warmup_running,
        cooldown_golf), the first of `end` (`warmup` or `cooldown`); with `only`, the one, when
        just one is of that end. None when none is."""
        own = [rid for rid in activities if rid.startswith(f"{end}_")]
        return own[0] if own and not (only and len(own) > 1) else None

    def for_general(self, key: str) -> str | None:
        """The routine made for the subject of the general answer `key` (see `for_answer`)."""
        answer = self.kb.answers.get((GENERAL, key))
        if answer is not None and answer.routine is not None:
            return answer.routine
        return self.of_general(key)

    def of_general(self, key: str) -> str | None:
        """The routine whose id has the same words as the general answer `key` ("splits";
        "toe_touch" for "touch_toes"), or None."""
        canon = self.matcher.words.canon
        words = {canon(w) for w in key.split("_")}
        return next(
            (rid for rid in self.kb.routines if {canon(w) for w in rid.split("_")} == words), None
        )

    def timing(
        self, words: Sequence[str], pointing: bool, context: Context
    ) -> tuple[str, str] | None:
        """After a routine or a stretch, a short question of when, how often or how long to do
        it: (topic, aspect) of the answer on it. After a routine, "can i do it every hour?",
        "should i do it straight after or wait" (the general answers); after a stretch, "can i
        hold it longer or is that bad" (how long to hold) and "is it ok if i do it at night
        too or only mornings" (when to stretch that area), which an area's answer asks too
        ("would doing it every morning help" after why it gets tight). None for anything
        else."""
        if not pointing or len(words) > lexicon.TIMING_ASK_WORDS:
            return None
        # after why an area gets tight, "would doing it every morning help" asks about doing
        # its stretch, as after the card
        doing_after_an_answer = (
            context.kind == "answer"
            and context.topic not in (None, GENERAL)
            # "does it get worse every morning", "do they get worse" tell of the complaint,
            # not of doing anything
            and ("doing" in words or lexicon.has_pair(words, _DO_IT))
            and "hold" not in words
        )
        if context.kind == "stretch" or doing_after_an_answer:
            if self.cues.complains(words) or not lexicon.SENSED_WORDS.isdisjoint(words):
                # "it hurts at night" tells, not asks when; "my leg shakes when i hold it"
                return None
            area = context.topic
            # not "nothing to hold onto", "i dont have anything to hold on to": a support
            if "hold" in words and not lexicon.holds_onto(words):
                found = (GENERAL, "how_long")
            elif (
                context.kind == "stretch"
                and lexicon.has_pair(words, lexicon.EVERY_DAY_PAIRS)
                and lexicon.asks_whether(words)
            ):
                # "can i do it every morning" after a card: whether daily is fine, at the time
                # named (not "is it ok at night too or only mornings", when to do it)
                found = (GENERAL, lexicon.EVERY_DAY_ANSWER)
            elif area and area != GENERAL and not lexicon.TIMES_OF_DAY.isdisjoint(words):
                found = (area, "when")
            else:
                return None
            return found if found in self.kb.answers else None
        if context.kind != "routine" or not lexicon.PAIN_ASK_WORDS.isdisjoint(words):
            return None  # "should it hurt when i stretch after or just feel tight": the pain
        if self.cues.complains(words) and _DOING.isdisjoint(words):
            # "is being that stiff every morning normal": the stiffness, told, no doing of it
            # asked about ("is it ok to do this every day even if im sore" is)
            return None
        if lexicon.every_day(words):
            key = "every_day"
        elif lexicon.has_pair(words, lexicon.HOW_OFTEN_PAIRS):
            key = "how_often"
        elif lexicon.has_pair(words, lexicon.RIGHT_AFTER_PAIRS):
            key = lexicon.BEFORE_AFTER
        else:
            return None
        return (GENERAL, key) if (GENERAL, key) in self.kb.answers else None

    def named_beside_size(
        self, ask: SizeAsk, context: Context, words: Sequence[str] = ()
    ) -> Plan | None:
        """The routine the rest of the message names, read without the words about length and
        limits (which the matcher's examples never hold); None when it names none. A setting
        the limit words name (`words`, the whole message) that has a routine of its own wins:
        "5 min routine i can do at my desk without getting up" is the desk break."""
        # "morning routine 10 mins max": "max" qualifies the length, it names nothing
        named = [w for w in ask.rest if w not in lexicon.LENGTH_QUALIFIERS] or ask.rest
        rest = self.matcher.match(self.matcher.analyse(" ".join(named)), context.topic)
        routine = rest.kind == "routine" and rest.confidence >= self.matcher.threshold
        if words and (routine or not lexicon.ROUTINE_WORDS.isdisjoint(ask.rest)):
            setting = self.activities_in(words)
            # ... and so does one the rest names, over another routine the rest matches best:
            # "flying to sydney tomorrow, what stretches can i do in my seat" is the flight's
            if len(setting) == 1 and (
                not self.activities_in(ask.rest) or (routine and rest.key != setting[0])
            ):
                return Plan(setting[0])
        if not routine:
            # "what if i only have 2 mins between lectures": the setting the rest names, for
            # a routine's length (not "on my feet 7 hours a day", "a 2 hour stretch of road")
            if ask.minutes is None or not MIN_MINUTES <= ask.minutes <= MAX_MINUTES:
                return None
            # ... or the one it names as a routine or a thing to do ("a head to toe routine,
            # 15 mins, nothing fancy", "want a full body thing, 10 min")
            asked = not lexicon.ROUTINE_NAMING_WORDS.isdisjoint(ask.rest)
            told = [
                r
                for r in self.activities_in(ask.rest)
                if r in lexicon.SETTING_ROUTINES or asked or self.named_as_a_thing(r, ask.rest)
            ]
            return Plan(told[0]) if len(told) == 1 else None
        return Plan(rest.key)

    def twin(self, analysis: Analysis, context: Context) -> str | None:
        """After a warm-up, a message that opens by asking about after ("and for after the
        match?", "what about after the round, my back's always tight"): its cool-down; after
        a cool-down, "and before?": its warm-up. The activity's own, else the general one."""
        routine = context.routine or ""
        if context.kind != "routine" or not routine.startswith(("warmup", "cooldown")):
            return None
        words = analysis.corrected
        if (
            "?" not in analysis.text
            and words[0] not in lexicon.TWIN_OPENERS
            and not lexicon.FINISHED_WORDS.intersection(words[:2])
        ):
            return None  # "after that my back hurts" asks nothing
        opening = words[: lexicon.TWIN_REACH]
        pairs = set(zip(words, words[1:], strict=False))
        finished = not lexicon.FINISHED_WORDS.isdisjoint(words) and not pairs.isdisjoint(
            lexicon.WHAT_NOW
        )
        if (
            routine.startswith("warmup")
            and (
                not lexicon.TWIN_AFTER.isdisjoint(opening)  # "and afterwards"
                or finished
                # "and when im done", not "when im done i stretch my calves, is that ok"
                or (not analysis.topics and lexicon.once_its_over(words[: lexicon.TWIN_REACH + 2]))
            )
        ):
            # "ok done, won 6-3, what now" after the tennis warm-up: the match is over
            other = "cooldown"
        elif routine.startswith("cooldown") and not lexicon.TWIN_BEFORE.isdisjoint(opening):
            other = "warmup"
        else:
            return None
        # the activity the message names ("and before a run instead"), else the routine's own;
        # a time of day named is its own routine's ("and before bed?")
        found = self.activities_in(words, context)
        if not set(found).isdisjoint(lexicon.TIME_ROUTINES.values()):
            return None
        named = [rid for rid in found if rid.startswith(other)]
        return named[0] if named else self.other_end(routine, other)

    def other_end(self, routine: str, end: str) -> str | None:
        """The routine at the `end` ("warmup" or "cooldown") of the same activity as a warm-up
        or cool-down `routine` (the golf cool-down for the golf warm-up), when the knowledge
        base has it, else the general one of that end; None when it has neither."""
        activity = routine.partition("_")[2]
        own = f"{end}_{activity}" if activity else end
        return own if own in self.kb.routines else end if end in self.kb.routines else None

    def swapped(self, analysis: Analysis, context: Context) -> str | None:
        """After a warm-up or a cool-down, a short message that names another activity and
        nothing else to do with it ("what about cycling", "golf?" after the running cool-down):
        the same kind of routine for that activity, else the general one of that kind. None
        otherwise (an area, before, after or a warm-up named: other moves read those)."""
        routine = context.routine or ""
        if context.kind != "routine" or not routine.startswith(("warmup", "cooldown")):
            return None
        words = analysis.corrected
        if len(words) > lexicon.MOVE_MAX_WORDS or analysis.topics:
            return None
        if lexicon.warm_ups_named(words) or not lexicon.TIMING_WORDS.isdisjoint(words):
            return None
        kind = "warmup" if routine.startswith("warmup") else "cooldown"
        own = routine[len(kind) :]
        others = [
            rid.partition("_")[2]
            for rid in self.activities_in(words, context)
            if rid.startswith(lexicon.GAME_ENDS) and rid.partition("_")[2] != own[1:]
        ]
        if not others:
            return None
        same = f"{kind}_{others[0]}"
        return same if same in self.kb.routines else kind if kind in self.kb.routines else None

    def end_of_told_activity(self, analysis: Analysis, context: Context) -> str | None:
        """Later in a conversation about an activity (its warm-up, then a question about the
        back), a short message that opens by asking about before or after and names nothing
        else ("and for after the round?", "and after the game"): that end of the activity
        named last, else the general routine of that end. None otherwise."""
        if not context.activities or analysis.topics:
            return None
        words = analysis.corrected
        if len(words) > lexicon.MOVE_MAX_WORDS or self.activities_in(words, context):
            return None
        if (
            "?" not in analysis.text
            and words[0] not in lexicon.TWIN_OPENERS
            and not lexicon.names_an_end_one(words)
        ):
            return None
        if lexicon.TIMING_WORDS.isdisjoint(words[: lexicon.TWIN_REACH]):
            return None
        if tuple(words[:2]) in lexicon.DURATION_OPENERS:
            return None
        wanted = lexicon.wanted_end(words)
        own = self.own_end(context.activities, wanted)
        return own or (wanted if wanted in self.kb.routines else None)

    def warm_up_before(self, words: Sequence[str]) -> str | None:
        """The warm-up of an activity named after "what should i do before" ("what should i
        do before i tee off": golf's), or None."""
        at = lexicon.what_to_do_before(words)
        if at is None:
            return None
        return next(
            (
                key
                for key in self.activities_in(words[at:])
                if key.startswith(lexicon.WARM_UP_ROUTINE)
            ),
            None,
        )

    def names_a_game(self, words: Sequence[str]) -> bool:
        """Whether the words name an activity with a warm-up or a cool-down of its own ("before
        teeing off", "after my swim"), not a time of day or a setting."""
        return any(rid.startswith(lexicon.GAME_ENDS) for rid in self.activities_in(words))

    def ends_named_only(self, words: Sequence[str]) -> bool:
        """Whether the words name a warm-up or a cool-down and, besides little words, nothing
        else a routine is about: "should i warm up first", "do i need to cool down after"."""
        if lexicon.WARM_UP_NAMES.isdisjoint(words):
            return False
        rest = set(words) - STOPWORDS - lexicon.WARM_UP_NAMES - lexicon.BARE_ASK_FILLER
        return rest <= lexicon.ONLY_AN_END_WORDS

    def named(self, match: Match, analysis: Analysis, context: Context) -> str:
        """The routine the intent layer found, or, when the message names the activity or
        setting of another (a runner-up, or the only one named) and not its own, that one:
        "stuck at a desk all day, need a quick stretch break" is the desk break, not the
        road trip's stretch breaks."""
        named = self.activities_in(analysis.corrected, context)
        family, _, activity = match.key.partition("_")
        bare = not (
            set(analysis.corrected) - STOPWORDS - lexicon.WARM_UP_NAMES - lexicon.BARE_ASK_FILLER
        )
        if bare and family in ("warmup", "cooldown"):
            # "warm up" alone: the general warm-up, not the climbing one; after the running
            # warm-up, "ok give me a warm up then" stays with running
            before = context.plan.base if context.kind == "routine" and context.plan else ""
            activity_before = before.partition("_")[2]
            own = f"{family}_{activity_before}"
            if activity_before and own in self.kb.routines:
                return own
            if activity and family in self.kb.routines:
                return family
        if match.key in lexicon.TIME_ROUTINES.values():
            asked = self.time_asked_last(analysis)
            if asked is not None:
                return asked[0]  # "i run in the mornings, what should i do before bed"
            ends = [key for key in named if key not in lexicon.TIME_ROUTINES.values()]
            if ends and self._asks_last_with_no_time(analysis):
                # "i go running in the mornings, what should i stretch after": the morning
                # says when the run is, the question asks for its end
                return lexicon.pick_warm_or_cool(ends, analysis.corrected)
        if not named:
            region = self.region_asked_alone(analysis.corrected)
            if region is not None:
                return region  # "legs please" is the legs' routine, not leg day's cool-down
            # "what should i do before i go to bed": the time of day named, when the intent
            # layer has its routine next (the running warm-up matched "what should i do before")
            timed = [
                key
                for key in self.activities_in(analysis.corrected, of_the_body=True)
                if key in lexicon.TIME_ROUTINES.values()
            ]
            runners = {key for kind, key, _t in match.alternatives if kind == "routine"}
            if timed and timed[0] in runners and match.key not in lexicon.TIME_ROUTINES.values():
                return timed[0]
            if (
                family in ("warmup", "cooldown")
                and activity
                and family in self.kb.routines
                and self.ends_named_only(analysis.corrected)
            ):
                # "should i warm up first": an activity's warm-up matched, though the message
                # names only a warm-up, no activity: the general one
                return family
            return match.key
        warm_up = self.warm_up_before(analysis.corrected)
        if match.key in lexicon.TIME_ROUTINES.values() and warm_up is not None:
            # "stiff as a board first thing in the morning. what should i do before i tee
            # off": the activity's warm-up asked for, not the time of day's routine
            return warm_up
        if match.key in named:  # "pre ride routine": not the cycling cool-down it matched
            own_cool = f"{COOLDOWN}_{match.key.partition('_')[2]}"
            if own_cool not in self.kb.routines and lexicon.cool_down_instead(
                match.key, analysis.corrected
            ):
                # "stretches after football": football has a warm-up only
                return COOLDOWN if COOLDOWN in self.kb.routines else match.key
            # the same activity's other end may be the one the words say ("pickup basketball
            # after work, what should i do before")
            return lexicon.which_end(match.key, named, analysis.corrected)
        runner_up = next(
            (key for kind, key, _t in match.alternatives if kind == "routine" and key in named),
            None,
        )
        owns = [key for key in named if key.partition("_")[0] == match.key]
        if runner_up is None and len(owns) == 1:
            # the general warm-up matched, an activity named with one of its own: "roll out of
            # bed and go for my parkrun, what warm up should i do" is the running warm-up
            return owns[0]
        only = runner_up or (named[0] if len(named) == 1 else None)
        if only is not None and lexicon.cool_down_instead(only, analysis.corrected):
            # "cool down after a football match": football has a warm-up only
            return COOLDOWN if COOLDOWN in self.kb.routines else only
        if runner_up is None and len(named) == 1:
            # the activity named, at the end asked: "warm up before my ride" is the general
            # warm-up (cycling has a cool-down only), not the running one the words matched
            return lexicon.pick_warm_or_cool(named, analysis.corrected)
        matched = self.kb.routines.get(match.key)
        if runner_up is None and matched is not None and not matched.keywords:
            # a routine of no activity matched for one named: "stretches for skiers" is the
            # skiers' end (the general cool-down), not the tired legs' routine
            return lexicon.pick_warm_or_cool(named, analysis.corrected)
        return runner_up or match.key

    def time_asked_last(self, analysis: Analysis) -> tuple[str, int] | None:
        """The routine of the one time of day (bedtime, morning) that the last piece of a
        message of several asks what to do at, naming no area, with where that piece starts;
        or None. The time asked outweighs one told before it: "i run in the mornings, what
        should i do before bed" asks for the bedtime routine."""
        pieces = analysis.pieces()
        if len(pieces) < 2:
            return None
        start, end = pieces[-1]
        piece = self.asked_apart(analysis, start, end)
        if piece is None:
            return None
        timed = [
            key
            for key in self.activities_in(piece, of_the_body=True)
            if key in lexicon.TIME_ROUTINES.values()
        ]
        return (timed[0], start) if len(timed) == 1 else None

    def _asks_last_with_no_time(self, analysis: Analysis) -> bool:
        """Whether the last piece of a message of several asks for something to do, naming
        no time of day and no area."""
        pieces = analysis.pieces()
        if len(pieces) < 2:
            return False
        start, end = pieces[-1]
        last = analysis.corrected[start:end]
        return (
            lexicon.TIME_ROUTINES.keys().isdisjoint(last)
            and not any(start <= s < end for s, _e, _t in analysis.spans)
            and (
                lexicon.asks_what_to_do(last)
                or bool(self.cues.read(last) & {"request", "asks_stretch"})
            )
        )

    @staticmethod
    def asked_apart(analysis: Analysis, start: int, end: int) -> Sequence[str] | None:
        """The words of the piece from `start` to `end` when it asks what to do and names no
        area (the areas stand in the rest of the message), else None."""
        piece = analysis.corrected[start:end]
        if not lexicon.asks_what_to_do(piece) or any(
            start <= s < end for s, _e, _t in analysis.spans
        ):
            return None
        return piece

    def setting_asked_last(self, analysis: Analysis) -> str | None:
        """The routine of the one setting (a drive, a flight, a desk) that a message's last
        piece, a question, asks what to do in, naming no area: "... what do i do at gas
        stops?", "... what can i do in my seat"; or of the one activity it asks what to do
        before or after ("my forearms get pumped ... what should i do before climbing"): its
        warm-up or cool-down. None for anything else."""
        start = analysis.pieces()[-1][0]
        last = analysis.corrected[start:]
        # "give me something quick for the rest stops so my back and legs dont seize up":
        # the areas of the reason after the ask are what it is for, not what it asks
        last = tuple(lexicon.before_its_reason(last) or last)
        asked_end = start + len(last)
        if (
            not start
            or not (
                lexicon.question_mark_at_end(analysis.text)
                or last[0] in lexicon.QUESTION_STARTS
                or last[0] in lexicon.ASKING_OPENERS  # "give me something quick for ..."
            )
            or any(start <= s < asked_end for s, _e, _topic in analysis.spans)  # an area asked
        ):
            return None
        cues = self.cues.read(last)
        if lexicon.asks_what_others_do(last):  # "what do golfers do after a round"
            cues |= {"request"}
        if not cues & {"request", "asks_stretch"}:
            return None
        found = self.activities_in(last)
        if found and set(found) <= {lexicon.WARM_UP_ROUTINE, COOLDOWN}:
            # "club tennis player ... what should i do before a match": the story's sport
            found = [
                rid
                for rid in self.activities_in(analysis.corrected)
                if rid not in (lexicon.WARM_UP_ROUTINE, COOLDOWN)
            ] or found
        settings = [rid for rid in found if rid in lexicon.SETTING_ROUTINES]
        if not settings and not lexicon.SETTING_PLACES.isdisjoint(last):
            # "... always get off the plane stiff. what can i do in a cramped seat": a place
            # of the one setting the story named
            settings = [
                rid
                for rid in self.activities_in(analysis.corrected)
                if rid in lexicon.SETTING_ROUTINES
            ]
        if not settings and not analysis.spans:
            # "I'm at a desk 8 hours a day, what should I be doing": the one setting the story
            # told, when no area is named anywhere
            told = [
                rid
                for rid in self.activities_in(analysis.corrected[:start])
                if rid in lexicon.SETTING_ROUTINES
            ]
            if len(told) == 1:
                return told[0]
        if settings:
            # asked with a question mark: "..., what can i do at my desk without looking weird"
            # asks for the aching area's stretch
            if "?" not in analysis.text and last[0] not in lexicon.ASKING_OPENERS:
                return None
            return settings[0] if len(settings) == 1 else None
        # what to do before or after an activity, not which stretch ("what stretch should i do
        # after my run" asks for the area's stretch the story named) nor whether something
        # helps ("do compression socks help after runs?")
        if lexicon.just_done(analysis.corrected) and not lexicon.warm_ups_named(last):
            # "just done parkrun, what should i do now before i get in the car": before what
            # comes next, the session being over
            last = (*(w for w in last if w != "before"), "after")
        warm = not lexicon.WARM_WORDS.isdisjoint(last)
        cool = not lexicon.COOL_WORDS.isdisjoint(last)
        if not found and (warm or cool):
            # "done with 18 holes, back is stiff. post round stretches?": the story's activity
            found = self.activities_in(analysis.corrected)
        ends = [rid for rid in found if rid.partition("_")[0] in ("warmup", "cooldown")]
        # "post round stretches?" asks for the round's cool-down as "what should i do after"
        # does; "what stretch should i do after my run" for one stretch, the story's area's
        stretch_words = lexicon.STRETCHING_WORDS.intersection(last) - {"stretches"}
        if (
            not cues & {"request", "asks_stretch"}
            or lexicon.asks_whether(last)
            or stretch_words
            or len({rid.partition("_")[2] for rid in ends}) != 1
            or not (warm or cool)
        ):
            return None
        end = lexicon.pick_warm_or_cool(ends, last)
        if warm != cool and end.startswith("warmup") != warm:
            return None  # "what should i do after football": no football cool-down
        return end

    def asked_first(self, analysis: Analysis, context: Context) -> str | None:
        """The routine a message opens by asking for by name: its first piece holds an
        activity, setting or time of day right before "routine", and a request or a please
        ("morning routine pls, i groan getting out of bed"); or opens by asking "something"
        for one time of day with a please ("something calming before bed pls, been so
        stressed with exams"). None for anything else: someone else's routine or one for
        something else ("my kids bedtime routine is chaos", "a morning routine for
        studying")."""
        first = analysis.corrected[: analysis.pieces()[0][1]]
        if analysis.topics:
            return None
        if lexicon.NAMED_ROUTINE_WORDS.isdisjoint(first):
            return self._something_for_a_time_asked(first) or self._one_for_an_occasion(first)
        asked = [w for w in first if w not in lexicon.NAMED_ROUTINE_WORDS | lexicon.STRETCH_FORMS]
        if lexicon.PLEASE_WORDS.isdisjoint(first) and "request" not in self.cues.read(asked):
            return None
        named = [
            (start, stop, rid)
            for start, stop, rid in self.activities.matches(first)
            if stop < len(first) and first[stop] in lexicon.NAMED_ROUTINE_WORDS
        ]
        if len({rid for _s, _e, rid in named}) != 1:
            return None
        start, stop, rid = named[0]
        if start and first[start - 1] in lexicon.SOMEONE_ELSES:
            return None  # "my kids bedtime routine", "my morning routine"
        if stop + 1 < len(first) and first[stop + 1] in lexicon.ROUTINE_FOR_ELSE:
            return None  # "a morning routine for studying", "bedtime routine is chaos"
        return rid

    def setting_named_and_asked(self, match: Match, analysis: Analysis) -> str | None:
        """For a setting's routine (a desk, a flight, a drive) the intent layer is unsure of,
        in a message that names that setting, no area, and asks for something ("this deadline
        is killing me lol, need a 2 min stretch at my desk"): that routine; None otherwise."""
        # the routine matched, or the runner-up of a general answer ("... at my desk to calm
        # down" reads a little like the answer on stress)
        key = (
            match.key
            if match.kind == "routine"
            else next((k for kind, k, _t in match.alternatives[:1] if kind == "routine"), None)
        )
        if key not in lexicon.SETTING_ROUTINES:
            return None
        if match.confidence < lexicon.ROUTINE_NEAR or analysis.topics:
            return None
        words = analysis.corrected
        if key not in self.activities_in(words):
            return None
        if lexicon.STRETCHING_WORDS.isdisjoint(words) and lexicon.ROUTINE_NAMES.isdisjoint(words):
            return None  # "my desk is a mess, need a new one"
        asks = "request" in self.cues.read(words) or self.asks(analysis)
        return key if asks else None

    def _something_for_a_time_asked(self, first: Sequence[str]) -> str | None:
        """The routine of the one time of day a message's first piece asks "something" for
        with a please ("something calming before bed pls, been so stressed with exams"), or
        None."""
        if not first or first[0] not in lexicon.SOMETHING_WORDS:
            return None
        if lexicon.PLEASE_WORDS.isdisjoint(first):
            return None
        timed = {
            rid
            for _s, _e, rid in self.activities.matches(first)
            if rid in lexicon.TIME_ROUTINES.values()
        }
        return timed.pop() if len(timed) == 1 else None

    def _one_for_an_occasion(self, first: Sequence[str]) -> str | None:
        """The routine of the one occasion that a short request for one names and nothing else
        ("give me one for after the gym", "got any for the morning?", "something quick
        before my morning run"): a time of day's routine, or the warm-up or cool-down of an activity or a
        gym session by the before or after said. None for anything longer or vaguer ("give
        me one for my neck" names an area, "something for after work" no exercise)."""
        opened = lexicon.one_asked_for(first)
        if opened is None:
            return None
        occasion = [w for w in first[opened:] if w not in lexicon.OCCASION_FILLERS]
        if not occasion or len(occasion) > lexicon.OCCASION_MAX_WORDS:
            return None
        if len(occasion) == 1 and occasion[0] in lexicon.TIME_ROUTINES:
            return lexicon.TIME_ROUTINES[occasion[0]]  # "got one for the morning?"
        end = lexicon.wanted_end(first)
        if len(occasion) == 1 and occasion[0] in lexicon.GYM_ENDS:
            # "give me one for after the gym": a session at the gym is not an activity with
            # routines of its own, but has a warm-up and a cool-down
            warm, cool = lexicon.GYM_ENDS[occasion[0]]
            return warm if end == "warmup" else cool
        # "before my morning run": the run, whenever it is
        tail = first[opened - 1 :]  # with its "before": "anything before the match"
        plain = lexicon.without_told_times(tail) or tail
        found = [
            rid for _s, _e, rid in (*self.activities.matches(tail), *self.activities.matches(plain))
        ]
        ends = [rid for rid in found if rid.partition("_")[0] in ("warmup", "cooldown")]
        if not ends or len({rid.partition("_")[2] for rid in ends}) != 1:
            return None
        if lexicon.WARM_WORDS.isdisjoint(first) and lexicon.COOL_WORDS.isdisjoint(first):
            return None  # "something for football": which end is not said
        picked = lexicon.pick_warm_or_cool(ends, first)
        # "something for after football": no football cool-down, and its warm-up is no answer
        return picked if picked.startswith(end) else None

    def for_told_activity(self, analysis: Analysis, context: Context) -> str | None:
        """The warm-up or cool-down of the activity the conversation named last, for a message
        that asks for one by that word or asks what to do before or after, naming no activity
        and no area of its own ("anything i should do before getting in" after swimming).
        None otherwise."""
        words = analysis.corrected
        if analysis.topics or not context.activities or self.activities_in(words):
            return None
        if "why" in words:
            return None  # "why do you even warm up tho, i never did and im fine"
        kinds = lexicon.warm_ups_named(words) or lexicon.done_before_or_after(words)
        if len(kinds) != 1:
            return None
        wanted = next(iter(kinds))
        return self.own_end(context.activities, wanted)

    def in_conversation(self, match: Match, analysis: Analysis, context: Context) -> str | None:
        """For a routine the intent layer found, not quite sure, in a conversation about
        stretching, with no area named: that routine when it narrows the last routine to one
        of its variants ("only legs today" after the strength cooldown) or, surer, when the
        message asks for something ("anything to do on the first tee" after golf). The
        conversation says what the words alone do not: it is about stretching. None
        otherwise."""
        if match.kind != "routine" or match.confidence < lexicon.ROUTINE_NEAR or analysis.topics:
            return None
        if context.kind not in lexicon.STRETCHING_KINDS:
            return None
        words = analysis.corrected
        if "not_a_body" in self.cues.read(words) or self.a_thing_complains(words):
            return None
        if context.routine and match.key.startswith(f"{context.routine}_"):
            return match.key
        if match.confidence < lexicon.ROUTINE_IN_CONVERSATION:
            return None
        if context.topic not in (None, GENERAL) and match.key not in self.activities_in(
            words, context
        ):
            # "anything i can do on my lunch" after the knees: something for them, not the
            # routine of a setting the words only look like (a long flight)
            return None
        if match.key in lexicon.TIME_ROUTINES.values() and lexicon.ROUTINE_TIMES.isdisjoint(words):
            return None  # "is there something i can do before them" names no time of day
        if words[0] in lexicon.YES_NO_STARTS and not lexicon.STRETCHING_WORDS.isdisjoint(words):
            return None  # "does stretching after stop it": a question about stretching
        # a request in its own words: "both sides?" asks for no routine
        return match.key if self.asks(analysis, marked=False) else None

    def asks(self, analysis: Analysis, *, marked: bool = True) -> bool:
        """Whether a message asks for something: a question (with `marked`, a question mark
        will do), a request, "how about ..." or "what about ..." ("how about a full body
        one"); "stretch" alone does not ask ("stretch for the last mile of the marathon")."""
        words = analysis.corrected
        if marked and "?" in analysis.text:
            return True
        if "asks_stretch" in self.cues.read(words) and not lexicon.WH_WORDS.isdisjoint(words):
            return True  # "what should i stretch now before i seize up"
        if any(
            (first, second) in lexicon.ASKS_ABOUT and after in lexicon.ASKS_ABOUT_NEXT
            for first, second, after in zip(words, words[1:], words[2:], strict=False)
        ):
            return True  # "how about a full body one", not "how about the football tonight"
        return bool(
            self.cues.read([w for w in words if w not in lexicon.STRETCH_FORMS])
            & lexicon.ROUTINE_ASKS
        )

    def near(self, match: Match, analysis: Analysis, context: Context) -> str | None:
        """For a routine the intent layer found, not quite sure, in a message that names the
        routine's activity or setting (its `keywords`: parkrun, at my desk, out of bed) and
        asks for something, with no area named: that routine ("what should I do before
        parkrun"). The routine may be a runner-up: "give me something for my desk" is nearest
        the full-body routine, but names the desk. None when there is no such routine."""
        in_conversation = context.kind in lexicon.STRETCHING_KINDS
        bar = lexicon.ROUTINE_NEAR_IN_CONVERSATION if in_conversation else lexicon.ROUTINE_NEAR
        words = analysis.corrected
        if match.kind == "routine" and self.named_as_a_thing(match.key, words):
            bar = lexicon.ROUTINE_NAMED_AS_A_THING  # "want a head to toe thing, 15 mins"
        if match.kind != "routine" or match.confidence < bar or analysis.topics:
            return None
        named = set(self.activities_in(words, context))
        found = next(
            (
                key
                for kind, key, _topic in ((match.kind, match.key, None), *match.alternatives)
                if kind == "routine" and key in named
            ),
            None,
        )
        if found is None or not lexicon.ABOUT_THE_ACTIVITY.isdisjoint(words):
            return None  # "a list of the top 10 tennis players": the sport, not doing it
        if "thing_trouble" in self.cues.read(words):
            return None  # "back tyre keeps going flat after long rides, whats the fix"
        found = lexicon.which_end(found, named, words)
        if lexicon.cool_down_instead(found, words) and COOLDOWN in self.kb.routines:
            found = COOLDOWN  # "routine for after football": football has a warm-up only
        if lexicon.ROUTINE_WORDS.intersection(words) or self.named_as_a_thing(found, words):
            return found
        if context.kind == "routine" and tuple(words[:2]) == ("and", "for"):
            return found  # "and for upper body days" after the leg-day cool-down
        if self.cues.opens_with(words, "why"):
            return None  # "why am i more sore 2 days after leg day": no routine asked for
        return found if self.asks(analysis) else None

    def named_as_a_thing(self, key: str, words: Sequence[str]) -> bool:
        """Whether routine `key`'s activity or setting is named as a thing to do: "a head to
        toe thing", "a full body one", "a desk one"."""
        return any(
            rid == key and end < len(words) and words[end] in lexicon.THING_AFTER_A_NAME
            for _start, end, rid in self.activities.matches(words)
        )

    def warm_up_asked(
        self, analysis: Analysis, match: Match | None = None, *, conversing: bool = False
    ) -> str | None:
        """The warm-up or cool-down routine of an activity, for a message that names both
        ("the forearm on my racquet side gets tight, warm up ideas before tennis?"), or that
        asks for a routine by that word around an activity or setting ("stiff neck from my
        desk, give me a quick routine"), an area named or not: the general one of that kind
        when the activity has none; None when the activity has two and the message does not
        say which. `conversing`: the conversation is about stretching, so a warm-up asked for
        ("what about a warm up in the locker room" after a stretch) is ours, whatever the
        intent layer matched."""
        words = analysis.corrected
        kinds = lexicon.warm_ups_named(words)
        how = lexicon.warm_up_asked_how(words) if analysis.topics else None
        if not kinds and how is not None and "not_a_body" not in self.cues.read(words):
            kinds = {how}  # "how do i warm up my hamstrings", not "... my chest of drawers"
        found = self.activities_in(words)
        if not kinds and found and not analysis.topics:
            # "should i do anything before i get in the pool": what to do before the activity
            # named after it (not "... moving boxes. what should i do before bed")
            kinds = lexicon.done_before_or_after(words)
            at = next((i for i, w in enumerate(words) if w in ("before", "after")), None)
            # "... for my 6am run. should i be doing something first?" names it before
            if kinds and at is not None and not self.activities_in(words[at:]):
                kinds = set()
            if set(found) <= lexicon.SETTING_ROUTINES:
                kinds = set()  # "what to do on my flight ... after a flight": no warm-up
        if len(kinds) == 1:
            wanted = kinds.pop()
            own = self.own_end(found, wanted)
            if own is not None or wanted not in self.kb.routines:
                return own
            cues = self.cues.read(words)
            asks = "request" in cues or self.asks(analysis)
            if found:
                # "i need something to cool down with after football": no football cool-down,
                # the general one, when asked for ("warm up 30 min on the bike first" is not);
                # a short ask names its activity with the general one's own words ("warm up
                # for dancers")
                asks = asks or (wanted in found and len(words) <= lexicon.SHORT_ASK_WORDS)
                return wanted if asks and not lexicon.warm_up_of_a_thing(words) else None
            if how == wanted:
                return wanted  # "how do i warm up my hamstrings": the general warm-up
            if not conversing and (match is None or match.kind != "routine"):
                return None  # "a good warm up game for my team meeting" is no routine of ours
            # no activity named: the general one, when asked for ("quick general warm up",
            # "can you give me a cooldown for after erg sessions"), not "do i need to warm up"
            if lexicon.asks_whether(words):
                return None
            # a short ask in words the knowledge base knows ("quick general warm up"), not
            # "return window cooldown on amazon"
            short = len(words) <= lexicon.SHORT_ASK_WORDS and all(
                w in STOPWORDS or w in self.matcher.vocab for w in words
            )
            asks = (
                asks or short or tuple(words[:2]) in lexicon.ASKING_FOR_STARTS
            )  # "is there a ..."
            if not asks or analysis.topics:
                return None
            if not conversing and self.matcher.look_alike_pairs(analysis.words):
                return None  # "warm up the car"
            if "not_a_body" in cues:
                return None  # "do you spend time each morning warming up your car"
            # not a warm-up of something else: "a warm up game for my team meeting"
            return None if lexicon.warm_up_of_a_thing(words) else wanted
        if kinds or not found or lexicon.ROUTINE_NAMES.isdisjoint(words):
            return None
        # "a routine before a round", "give me a quick routine" with the desk named
        warm, cool = (
            not lexicon.WARM_WORDS.isdisjoint(words),
            not lexicon.COOL_WORDS.isdisjoint(words),
        )
        if warm != cool:
            wanted = "warmup" if warm else "cooldown"
            return next((rid for rid in found if rid.startswith(f"{wanted}_")), None)
        return found[0] if len(found) == 1 else None

    def for_areas(self, analysis: Analysis, context: Context) -> str | None:
        """The routine of an activity or setting, for a message that names two areas or more
        and asks, in one clause, for something to do there: "everything from my neck to my
        hips is stiff ... something quick i could do at my desk", "post leg day stretches,
        quads and glutes are fried". One area's stretch would leave the rest out; the routine
        made for the setting covers them. The warm-up or the cool-down as the message says
        (`lexicon.pick_warm_or_cool`); a time of day is no setting here ("stiff every morning").
        None when nothing fits."""
        words = analysis.corrected
        if len({t for t in analysis.topics if t != GENERAL}) < 2:
            return None
        if self.a_thing_complains(words) or self.matcher.look_alike_pairs(analysis.words):
            return None
        time_routines = set(lexicon.TIME_ROUTINES.values())
        for clause in reversed(analysis.clauses or (words,)):  # the question comes last
            if not (
                lexicon.ROUTINE_WORDS.intersection(clause) or "request" in self.cues.read(clause)
            ):
                continue
            where = words if lexicon.points_elsewhere(clause) else clause  # "... do there"
            named = [rid for rid in self.activities_in(where, context) if rid in self.kb.routines]
            if set(named) & time_routines:
                return None  # "routine for before bed?": the bedtime routine's question
            if not named:
                continue
            found = lexicon.pick_warm_or_cool(named, words)
            if found.startswith(("warmup", "cooldown")) and not (
                lexicon.WARM_WORDS.intersection(words) or lexicon.COOL_WORDS.intersection(words)
            ):
                return None  # "what stretches or yoga moves can i do": yoga, not before or after
            return found
        return None

    def for_activity(self, analysis: Analysis, *, asked: bool = False) -> str | None:
        """For a message the intent layer is unsure of that asks for a routine (lexicon.ROUTINE_WORDS,
        or `asked`) around an activity a routine names in its keywords (golf, bouldering, leg
        day): that routine, the warm-up or the cooldown as the message says (lexicon.WARM_WORDS,
        lexicon.COOL_WORDS), else the cooldown."""
        words = analysis.corrected
        if analysis.topics:
            return None  # an area named ("shins ache after basketball") is the area's question
        # "about to play tennis, 10 min till my match", "bouldering tonight": a short message
        # that says the activity is still to come asks for its warm-up, and one that says it
        # is done ("leg day done and i can barely get down the stairs") for its cool-down,
        # unless it is watched
        told = lexicon.SPECTATING.isdisjoint(words) and self._asks_nothing_else(words)
        ahead = told and (lexicon.still_ahead(words) or not lexicon.LATER_TODAY.isdisjoint(words))
        over = told and not ahead and not lexicon.SESSION_DONE_WORDS.isdisjoint(words)
        if not (
            asked
            or ahead
            or over
            or lexicon.ROUTINE_WORDS.intersection(words)
            or lexicon.asks_what_to_do(words)  # "anything we can do at the service stops?"
        ):
            return None
        found = self.activities_in(words)
        if not found:
            return None
        if ahead:
            words = (*words, "before")  # "... later": the warm-up, not the cool-down
        picked = lexicon.pick_warm_or_cool(found, words)
        if over and picked.startswith("warmup"):
            return self.cool_down_of(found)  # "footy done": no warm-up, the cool-down
        return picked

    def _asked_last_without_an_area(self, analysis: Analysis) -> bool:
        """Whether the message's last piece asks for stretches and names no area, after a
        story that does: "my mum can hardly lift her foot to put her socks on. any gentle
        stretches for older people?" asks for the older adult's routine."""
        pieces = analysis.pieces()
        if len(pieces) < 2:
            return False
        start, end = pieces[-1]
        last = analysis.corrected[start:end]
        words = analysis.corrected
        return (
            not any(start <= s < end for s, _e, _t in analysis.spans)
            # "my wife's pregnant ... my back is wrecked. stretches for me?", "my grandma had
            # a hip replacement, im 23 and my hips are tight": the writer's own area
            and lexicon.FOR_MYSELF.isdisjoint(last)
            # "... getting calf cramps at night, any stretch for that": the area told before
            and lexicon.POINTING_WORDS.isdisjoint(last)
            and not any(lexicon.owned(words, s, e) for s, e, _t in analysis.spans)
            and not lexicon.STRETCH_NOUNS.isdisjoint(last)
            and bool(self.cues.read(last) & {"request", "asks_stretch"})
        )

    def _asks_nothing_else(self, words: Sequence[str]) -> bool:
        """Whether a message about an activity to come asks for something to do, or asks
        nothing and is short: "got a tennis match in 20 min", "flying tmrw, how do i not be a
        pretzel when i land", not "golf tomorrow, what should i wear"."""
        asks = self.cues.read(words) & {"request", "asks_stretch"}
        if asks:
            return len(words) <= lexicon.AHEAD_MAX_WORDS * 2
        questions = lexicon.QUESTION_STARTS | lexicon.WH_WORDS
        return len(words) <= lexicon.AHEAD_MAX_WORDS and questions.isdisjoint(words)

    def cool_down_of(self, found: Sequence[str]) -> str | None:
        """The cool-down among the routines of the activities `found`, else the routine of a
        setting among them (a journey just over: "the 3 hr drive home"), else the general one
        (None when nothing was found, or the base has no general cool-down)."""
        if not found:
            return None
        cool = next((k for k in found if k.startswith(f"{COOLDOWN}_")), None)
        cool = cool or next((k for k in found if k in lexicon.SETTING_ROUTINES), None)
        return cool or (COOLDOWN if COOLDOWN in self.kb.routines else None)

    def activities_in(
        self, words: Sequence[str], context: Context | None = None, *, of_the_body: bool = False
    ) -> list[str]:
        """The routines whose activity or setting (`keywords`) the words name, in order. A
        time of day counts only in a message about the body ("stiff in the morning", "stretch
        before bed") or in a conversation about stretching ("what about before bed"): a
        morning routine for productivity or a baby's bedtime is none of ours. `of_the_body`:
        the rest of the message speaks of the body ("something chill to do before bed? my
        shoulders are up by my ears")."""
        found = list(
            dict.fromkeys(
                rid
                for _s, e, rid in self.activities.matches(words)
                # not "my driving test next week", "climbing over people"
                if e == len(words) or (words[e - 1], words[e]) not in lexicon.NOT_THE_ACTIVITY
            )
        )
        plain = lexicon.without_told_times(words)
        if plain is not None:  # "my 6am run", "the sunday long ride"
            found += [rid for _s, _e, rid in self.activities.matches(plain) if rid not in found]
            found = [rid for rid in found if rid not in self._times_of_an_activity(words)]
        if (
            set(found) & set(lexicon.TIME_ROUTINES.values())
            and not (context is not None and context.kind in lexicon.STRETCHING_KINDS)
            and not of_the_body
            and not self.about_the_body(words)
        ):
            # in bed, naming no one else there ("... with my girlfriend", "my cat sleeps in bed")
            in_bed = (
                lexicon.has_pair(words, lexicon.BED_PLACES)
                and lexicon.SOMEONE_ELSE.isdisjoint(words)
                and "not_a_body" not in self.cues.read(words)
            )
            found = [
                rid
                for rid in found
                if rid not in lexicon.TIME_ROUTINES.values() or (in_bed and rid == "bedtime")
            ]
        return found

    def _times_of_an_activity(self, words: Sequence[str]) -> set[str]:
        """The time-of-day routines whose time only says when an activity is: "before my
        morning run", "after my evening swim" (not "stretches for the morning after the
        hike")."""
        times = set(lexicon.TIME_ROUTINES.values())
        return {
            rid
            for start, end, rid in self.activities.matches(words)
            if rid in times
            and start > 0
            and end < len(words)
            and any(
                other not in times
                for _s, _e, other in self.activities.matches((words[start - 1], words[end]))
            )
        }

    def titled(self, words: Sequence[str]) -> str | None:
        """The routine the words name by its title ("desk break ideas pls"), if one."""
        return next((rid for _s, _e, rid in self.titles.matches(words)), None)

    def a_thing_complains(self, words: Sequence[str]) -> bool:
        """Whether a complaint follows a thing closely: "my car's steering is stiff"."""
        return self.cues.follows(words, "not_a_body", "complaint", lexicon.THING_FAR)

    def about_the_body(self, words: Sequence[str]) -> bool:
        """Whether the words speak of stretching or a complaint of the body, not of a thing
        ("my car's steering is stiff in the mornings")."""
        if self.a_thing_complains(words):
            return False
        return (
            not lexicon.PLAIN_STRETCH_WORDS.isdisjoint(words)
            or "body" in words  # "got something to wake my body up before work?"
            or not lexicon.RELAXING_WORDS.isdisjoint(words)  # "anything to help me relax"
            or "complaint" in self.cues.read(words)
            # "give me a morning routine, my lower back greets me every morning"
            or any(t != GENERAL for t in self.matcher.words.find_topics(list(words))[1])
        )

    def for_time(self, words: Sequence[str]) -> str | None:
        """The routine made for a time of day the words name ("and one for bedtime?")."""
        return next(
            (
                lexicon.TIME_ROUTINES[w]
                for w in words
                if lexicon.TIME_ROUTINES.get(w) in self.kb.routines
            ),
            None,
        )

    def one_time_named(
        self, words: Sequence[str], times: Mapping[str, str] = lexicon.TIME_ROUTINES
    ) -> str | None:
        """The routine of the one time of day the words name (`times`: its words and their
        routines), when the knowledge base has it: "give me an evening routine" -> bedtime.
        None when they name none, or two ("morning and night")."""
        named = {times[w] for w in words if w in times}
        if len(named) != 1:
            return None
        routine = named.pop()
        return routine if routine in self.kb.routines else None

    def for_condition(
        self, named: Sequence[str], analysis: Analysis, *, told_before: bool = False
    ) -> str | None:
        """The routine made for a condition the message names (pregnancy, older age), when
        the message asks for stretches or a routine and names no area: "pregnant, safe
        stretches?". Asking whether ("can i stretch when pregnant") gets the advice. With
        `told_before`, the condition was told earlier in the conversation, and a short
        request for something to do asks for its routine ("give me something gentle to start
        with" after "im 71, is it too late")."""
        found = next((c for c in named if c in self.kb.routines), None)
        words = analysis.corrected
        if found is None:
            return None
        if told_before:
            # "give me something gentle to start with"; "show me some", "which ones can i do",
            # "can she do them sitting down" after the condition's answer
            short_ask = len(words) <= lexicon.SHORT_ASK_WORDS + 4 and (
                "request" in self.cues.read(words) or lexicon.asks_for_some(words)
            )
            if analysis.topics or not short_ask:
                return None
        if (
            any(t != GENERAL for t in analysis.topics)
            and lexicon.ROUTINE_NAMES.isdisjoint(words)
            and not self._asked_last_without_an_area(analysis)
        ):
            return None  # "pregnant, can i stretch my hips": the hips, with the condition
        if not words or (
            lexicon.asks_whether(words) and not (told_before and lexicon.asks_for_some(words))
        ):
            # asks whether ("can i stretch when pregnant"); "can you give me", "is there a
            # routine that's safe" ask for one
            return None
        if self.matcher.look_alike_pairs(analysis.words):
            return None  # "stretch marks after pregnancy"
        if self.names_a_game(words):
            # "im 72, what should i do before teeing off": the game's own warm-up or cooldown,
            # which gets the condition's note (not "pelvis hurts when i turn over in bed")
            return None
        asks = (
            lexicon.ROUTINE_WORDS.intersection(words)
            or "asks_stretch" in self.cues.read(words)
            # "my dad is 78 and wants to keep moving, something easy for him?"
            or lexicon.asks_for_something_gentle(words)
        )
        return found if asks or told_before else None
