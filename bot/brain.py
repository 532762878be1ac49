"""The one brain: a message and a small context in, a `Reply` out.

Pure: no Telegram, no I/O, no clock, no randomness (choices that vary, such as which tip or
small-talk line, are derived from the message and the context), so every face answers the
same thing for the same conversation and tests run in microseconds.

Order of decisions: red flags first (they win over everything), then the intent layer; below
the confidence threshold the person gets a fallback with "did you mean" suggestions.

This module decides what a message or a button press is answered with; `bot.replies` builds
the reply (wording, buttons, the next context), `bot.actions` owns the buttons' data and
`bot.routine_pick` and `bot.wants` read which routine or aspect a message asks for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from bot import actions as act
from bot import lexicon
from bot.kb import GENERAL, KnowledgeBase, Routine, Stretch
from bot.replies import (
    ASKED_ABOUT_AREA,
    ASPECT_ORDER,
    COOLDOWN,
    GENERAL_MORE_TOPIC,
    NOT_SURE_STRETCHING_LEAD,
    Replies,
    card_topic,
)
from bot.reply import (
    MAX_AREAS,
    MAX_MINUTES,
    MIN_MINUTES,
    Block,
    Context,
    Length,
    Limit,
    Plan,
    Reply,
    area_plan,
    with_lead,
)
from bot.routine_pick import RoutinePicker
from bot.safety import SEEKING_CARE, SafetyRules, stated_age
from bot.sizing import LIMIT_TAGS, POSTURES, done_lying_down, merged_limits
from bot.timer import Hold, View
from bot.understanding import STOPWORDS, TOPIC_TOKEN, Analysis, Match, Matcher
from bot.understanding.analysis import CLAUSE_MIN_WORDS
from bot.understanding.cues import SOFTENERS, CueReader, StretchNames
from bot.understanding.language import language_of, social_word
from bot.understanding.sizes import TILL_WORDS, SizeAsk, SizeReader
from bot.understanding.text import NEGATORS, normalize
from bot.understanding.words import with_topic_tokens
from bot.wants import WantReader

#: the context of a first message (a Context cannot change, so one serves every reply)
_FIRST = Context()
#: the general answers a warm-up or cool-down named leads to, which a warm-up done to a thing
#: ("warm up the car") does not ask for
_WARM_UP_ANSWERS = frozenset({(GENERAL, "warmup_vs_stretch"), (GENERAL, "cooldown_needed")})
#: what a stretch asked for at work keeps to ("anything i can do at work", "between
#: clients", "without my coworkers noticing"): off the floor
_AT_WORK: frozenset[Limit] = frozenset({"no_floor"})


#: "why can't i do these at my desk": a way asked for, though the question is a why
_CAN = frozenset({"can", "cannot", "could", "couldnt"})


class Brain:
    """Answers messages from one knowledge base."""

    def __init__(self, kb: KnowledgeBase, *, threshold: float | None = None) -> None:
        self.kb = kb
        self.matcher = Matcher(kb) if threshold is None else Matcher(kb, threshold=threshold)
        #: the matches worked out for the message being answered, by its reading and last
        #: topic: the rules that rescue a miss ask again about the message just matched
        self._matches: dict[tuple[Analysis, str | None], Match] = {}
        self.rules = SafetyRules(kb, self.matcher.words.lemma_form)
        #: the symptoms the safety terms read in the words of "daily" themselves ("every
        #: day" may tell how often a symptom comes): a daily-tips request told with no other
        #: tells nothing more of a concern
        self._daily_told = self.rules.told_in(
            self.matcher.analyse(" ".join(["daily", *(" ".join(p) for p in lexicon.EVERY_DAY)]))
        )
        self.cues = CueReader(kb, self.matcher.words.back_as_adverb)
        self.pick = RoutinePicker(kb, self.matcher, self.cues)
        self.replies = Replies(
            kb,
            general_routines={
                aspect: found
                for topic, aspect in kb.answers
                if topic == GENERAL and (found := self.pick.for_general(aspect)) is not None
            },
        )
        self.wants = WantReader(kb, self.matcher, self.cues, self.pick)
        self.stretch_names = StretchNames(kb, self.cues)
        #: the first words of every stretch's names: what "hold a ..." may hold
        self._held_names = lexicon.HELD_STRETCH_WORDS | frozenset(
            normalize(name).split()[0]
            for stretch in kb.stretches.values()
            for name in (stretch.name, *stretch.aliases)
            if normalize(name)
        )
        #: the words of each stretch's names, for "bent knee version?" after a calf stretch
        self.name_words = {
            stretch.id: frozenset(
                w
                for name in (stretch.name, *stretch.aliases)
                for w in self.matcher.analyse(name).corrected
            )
            for stretch in kb.stretches.values()
        }
        self.sizes = SizeReader(kb, self.matcher.analyse, self.matcher.words.canon)
        #: the activities each tip tells of ("after a run", "before swimming"), by the tip's
        #: place in the knowledge base, read when a tip is first asked for an activity
        self._tip_activities: tuple[frozenset[str], ...] | None = None
        self._area_word_cache: dict[str, frozenset[str]] = {}
        self._cause_word_cache: dict[str, frozenset[str]] = {}
        self._on_button = self._button_table()
        self._reply("why is my psoas tight", Context())  # warm caches before the first person

    # ------------------------------------------------------------------ public API
    # Each public method stamps the disclaimer on its reply; render adds it to the text.

    def reply(self, text: object, context: Context | None = None) -> Reply:
        """Answer one message. Never raises, whatever `text` is (None for a sticker)."""
        return self._stamp(self._reply(text, context))

    def resolve(self, intent: str, context: Context | None = None) -> Reply:
        """Answer a button press (an `Action.intent`). Unknown or stale data gets a polite reply."""
        context = context or _FIRST
        return self._stamp(self._with_conditions(self._resolve(intent, context), (), context))

    def guide(
        self, action: act.GuideAction, context: Context | None = None, clock: View | None = None
    ) -> Reply:
        """A guided routine's step, pause, stop or finish, as a press of its button gets it,
        with the step's timer as it stands (`clock`, from `bot.timer`; None where nothing
        counts). `resolve` of the same button is this without a clock."""
        context = context or _FIRST
        return self._stamp(self._guide(action, context, clock) or self.replies.stale(context))

    def guide_interrupted(self, at: act.GuideStop, context: Context | None = None) -> Reply:
        """A guided routine the bot stopped (it restarted, or the process running it is gone),
        with Resume at the step it stood at."""
        context = context or _FIRST
        return self._stamp(self.replies.guide_stop(context, at, interrupted=True))

    def guide_holds(self, plan: Plan, context: Context | None = None) -> tuple[Hold, ...]:
        """The timed part of each step of a guided routine (empty when it has none)."""
        if not self.replies.sizer.can_build(plan):
            return ()
        return self.replies.guide_holds(plan, context or _FIRST)

    def welcome(self) -> Reply:
        """The /start message."""
        return self._stamp(self.replies.welcome())

    def help(self, context: Context | None = None) -> Reply:
        """What the bot can do, with examples."""
        return self._stamp(self.replies.help(context or _FIRST))

    def about(self) -> Reply:
        """What the bot is, where its knowledge comes from, and the full disclaimer."""
        return self._stamp(self.replies.about())

    def tip(self, index: int, context: Context | None = None) -> Reply:
        """Tip number `index` (wrapping), as sent by the daily tips."""
        return self._stamp(self.replies.tip_at(index, context or _FIRST))

    def _match(self, analysis: Analysis, last_topic: str | None = None) -> Match:
        """The matcher's match of `analysis`, worked out once per message answered."""
        key = (analysis, last_topic)
        match = self._matches.get(key)
        if match is None:
            match = self._matches[key] = self.matcher.match(analysis, last_topic)
        return match

    def _stamp(self, reply: Reply) -> Reply:
        """The knowledge base's disclaimer under the reply, unless it carries its own (a red
        flag's footer, from its triage level)."""
        if reply.disclaimer:
            return reply
        # the reply was built a moment ago and nobody else holds it: set the field in place
        # (dataclasses.replace costs more than the rest of building a reply)
        object.__setattr__(reply, "disclaimer", self.kb.disclaimer.short)
        return reply

    @property
    def tip_count(self) -> int:
        return len(self.kb.tips)

    def topics(self) -> list[tuple[str, str]]:
        """(id, display name) of every muscle topic, for keyboards and /topics."""
        return self.kb.muscle_topics()

    def routines(self) -> list[tuple[str, str]]:
        """(id, title) of every routine."""
        return self.kb.routine_titles()

    def _reply(self, text: object, context: Context | None = None) -> Reply:
        """Answer one message. Never raises on any string."""
        context = context or _FIRST
        if not isinstance(text, str):
            return self.replies.not_text(context)
        text = text[: lexicon.MAX_CHARS]
        self._matches.clear()
        analysis = self._complained_of_first(
            self._without_things(
                self._without_illness_names(self._without_idioms(self.matcher.analyse(text)))
            )
        )
        analysis = self._muscle_before_its_region(
            self._standing_all_day(analysis, context), context
        )
        reply = self._relief_for_a_complaint(
            self._answer(text, analysis, context), analysis, context
        )
        reply = self._relief_when_told_again(reply, analysis, context)
        reply = self._relief_for_another_area(reply, analysis, context)
        if reply.kind == "fallback":
            reply = (
                self._summed_up(analysis, context)
                or self._stretch_asked_after_a_goals_routine(analysis, context)
                or self._told_of_oneself(analysis, context)
                or self._own_part_of_the_story(analysis, context)
                or self._past_its_fillers(text, analysis, context)
                or self._stretches_for_someone(analysis, context)
                or self._tips_for_an_activity(analysis, context)
                or self._time_routine_requested(analysis, context)
                or self._another_time_of_day(analysis, context)
                or self._routine_asked_at_one_end(analysis, context)
                or self._warm_up_for_what_is_ahead(analysis, context)
                or self._routine_asked_last(analysis, context)
                or self._worn_out_all_over(analysis, context)
                or self._one_end_understood(analysis, context)
                or self._trip_ahead(analysis, context)
                or self._named_near_match(analysis, context)
                or self._routine_named_by_title(analysis, context)
                or self._area_turned_to_with_its_cause(analysis, context)
                or self._headache_after_a_tense_area(analysis, context)
                or self._a_piece_understood(analysis, context)
                or reply
            )
        elif reply.topic not in (None, GENERAL):
            # "my mate snapped his achilles ... how do i keep my calves loose", "my friend said
            # his heart attack felt like an elephant on his chest. i want to start stretching":
            # an area only in someone else's story is not the writer's
            own = self._own_part_of_the_story(analysis, context, besides=reply.topic)
            if own is not None:
                reply = own
        reply = self._stretch_asked_last(reply, analysis, context)
        reply = self._own_routine_asked_last(reply, analysis, context)
        reply = self._routine_for_a_goal_told(
            self._why_the_area_over_its_goal(reply, analysis), analysis, context
        )
        reply = self._tip_on_its_subject(reply, analysis, context)
        reply = self._bedtime_for_a_sleepless_night(reply, analysis, context)
        reply = self._cool_down_for_the_soreness(reply, analysis, context)
        reply = self._fit_for_work(
            self._muscle_named_first(reply, analysis, context), analysis, context
        )
        reply = self._cool_down_for_the_areas(reply, analysis, context)
        reply = self._the_stretch_asked_first(reply, analysis, context)
        reply = self._cool_down_after_its_warm_up(reply, analysis, context)
        reply = self._warm_up_for_the_game(reply, analysis, context)
        reply = self._the_talked_of_warm_up(reply, analysis, context)
        reply = self._whether_it_helps_there(reply, analysis, context)
        if reply.kind in ("fallback", "answer", "stretch") or (
            # "thanks! and what about before the run?" after the running cool-down, read whole
            # as that cool-down again
            reply.kind == "routine" and reply.routine == context.routine
        ):
            rest = lexicon.after_thanks(analysis.corrected, self.cues, least=1)
            if rest and rest[0] in lexicon.JOINING_WORDS:
                rest = rest[1:]  # "thanks, and how long do i hold it?"
            if rest and (reply.kind == "fallback" or rest[0] in lexicon.QUESTION_STARTS):
                # "thanks! do i do this before or after running?": the question, as if asked
                # alone; a miss read whole is read again without its thanks
                reply = self._question_after_thanks(text, rest, context) or reply
        part = lexicon.part_of_the_region(analysis.corrected, context.topic)
        if part is not None and reply.kind != "red_flag" and not analysis.topics:
            # "front" after tight hips: the front of the hip, asked as the talk asked
            asked = ["and", "the", part[0], "of", "my", part[1]]
            reply = self._question_after_thanks(text, asked, context) or reply
        relieved = lexicon.after_a_relief(analysis) if context.kind is not None else []
        if relieved:
            # "ok back feels better, what about my hamstrings", "neck feels loads better, now
            # my calves": the area told better is done with; the rest is what is asked
            reply = self._question_after_thanks(text, relieved, context) or reply
        if reply.kind == "fallback":
            reply = (
                self._answer_clarified(analysis, context)
                or self._one_more_somewhere(analysis, context)
                or self._when_to_do_them(analysis, context)
                or reply
            )
        if reply.kind in ("answer", "stretch", "routine"):
            reply = self._with_the_other_question(reply, analysis, context)
        # the activity the person last named stays for the next message: "so what should i do
        # instead then" after whether to stretch before running is the running warm-up
        activities = tuple(self.pick.activities_in(analysis.corrected)) or context.activities
        if activities != reply.context.activities:
            reply = replace(reply, context=replace(reply.context, activities=activities))
        # the areas named together stay for "both?" next; one area named alone ends them
        named = tuple(dict.fromkeys(t for t in analysis.topics if t != GENERAL))
        areas = named if len(named) > 1 else () if named else context.areas
        topic = context.topic if context.topic != GENERAL else None
        if len(named) == 1 and lexicon.adds_an_area(analysis.corrected):
            # "and my chest?" after the neck: both, for "can you combine them" next
            before = context.areas or ((topic,) if topic in self.kb.topics else ())
            areas = tuple(dict.fromkeys((*before, *named)))[-MAX_AREAS:]
            areas = areas if len(areas) > 1 else ()
        elif (
            len(named) == 1
            and context.kind in ("stretch", "answer")
            and topic in self.kb.topics
            and topic != named[0]
        ):
            # "ok now something for my lower back" after a neck stretch: the two last asked
            # about, for "a routine with both" next
            areas = (topic, named[0])
        if reply.kind == "red_flag":
            areas = ()
        if areas != reply.context.areas:
            reply = replace(reply, context=replace(reply.context, areas=areas))
        if len(named) > 1 and reply.kind in ("stretch", "answer"):
            reply = self._with_areas_routine_button(reply, named)
        return reply

    def _stretch_asked_last(self, reply: Reply, analysis: Analysis, context: Context) -> Reply:
        """For the posture answer to a message that names an area and closes with a bare ask
        for a stretch ("neck and upper back tight from my phone. text neck apparently lol.
        stretch?"): the posture told is why, the stretch for the first area named is what is
        asked. The reply unchanged otherwise (a question of its own, "foam rolling my calves,
        good or bad?", is answered)."""
        if reply.kind != "answer" or reply.intent != f"{GENERAL}.{lexicon.POSTURE}":
            return reply
        areas = [t for _s, _e, t in analysis.spans if t != GENERAL and t in self.kb.topics]
        pieces = analysis.pieces()
        if not areas or len(pieces) < 2:
            return reply
        start, end = pieces[-1]
        if not lexicon.bare_stretch_ask(analysis.corrected[start:end]) or any(
            start <= s
            for s, _e, _t in analysis.spans  # "stretch for my neck?"
        ):
            return reply
        return self.replies.stretch_for_topic(areas[0], context)

    def _own_routine_asked_last(self, reply: Reply, analysis: Analysis, context: Context) -> Reply:
        """For a general answer with a routine of its own, to a message whose last piece only
        asks for a routine ("how do i finally touch my toes, give me a routine", "am i too old
        to stretch at 70? give me a routine"): that routine, which is what is asked. The reply
        unchanged otherwise."""
        if reply.kind != "answer" or reply.topic != GENERAL:
            return reply
        routine = self.replies.general_routine(reply.intent.partition(".")[2])
        pieces = analysis.pieces()
        if routine is None or len(pieces) < 2:
            return reply
        start, end = pieces[-1]
        if not lexicon.bare_routine_ask(analysis.corrected[start:end]) or any(
            start <= s for s, _e, _t in analysis.spans
        ):
            return reply
        return self.replies.routine(self.kb.routines[routine], context)

    def _one_more_somewhere(self, analysis: Analysis, context: Context) -> Reply | None:
        """After a stretch, a message not understood that asks for one to do somewhere the
        bot has no word for ("is there one I can do in the classroom without looking weird"),
        naming no area: another stretch for the same area; else None."""
        if context.kind != "stretch" or not context.topic or not context.stretch:
            return None
        if analysis.topics:
            return None
        if lexicon.asks_if_it_fits(analysis.corrected):
            # "can i do these between songs without putting the guitar down": the one that
            # keeps to what the message rules out, else the same area's again
            return self._stretch_within_limits(context.topic, analysis, context)
        if not lexicon.asks_for_one_to_do(analysis.corrected):
            return None
        return self._followup("another", context.topic, context, lexicon.CUE_CONFIDENCE)

    def _cause_asked(self, analysis: Analysis, context: Context) -> Reply | None:
        """After a stretch or an answer about an area other than why it gets tight, a question
        whether something is the cause ("is it from my pillow?", "i work at a desk, is that
        why", "could it be because i sit all day"), or whether another area has a part in it
        ("do glutes affect it"): why the area gets tight, which names the usual causes. None
        otherwise."""
        area = context.topic
        if context.kind not in ("stretch", "answer") or area in (None, GENERAL):
            return None
        if context.intent == f"{area}.why_tight" or (area, "why_tight") not in self.kb.answers:
            return None
        if set(analysis.topics) - {area, GENERAL}:
            # "do glutes affect it" after the low back's stretch: whether another area has a
            # part in it, which why it gets tight weighs
            if not lexicon.asks_if_linked(analysis.corrected):
                return None
        elif not lexicon.asks_about_a_cause(analysis.corrected):
            return None
        return self.replies.answer(area, "why_tight", context, confidence=lexicon.CUE_CONFIDENCE)

    def _when_to_do_them(self, analysis: Analysis, context: Context) -> Reply | None:
        """After a stretch for an area, a message not understood that asks when to do what
        is on screen ("do I do these before clients come in or at the end of the day?"),
        naming no area: when to stretch that area; else None."""
        if context.kind != "stretch" or not context.topic or analysis.topics:
            return None
        words = analysis.corrected
        if lexicon.AREA_PRONOUNS.isdisjoint(words) or "when" not in self.cues.read(words):
            return None
        if (context.topic, "when") not in self.kb.answers:
            return None
        return self.replies.answer(
            context.topic, "when", context, confidence=lexicon.CUE_CONFIDENCE
        )

    def _whether_it_helps_there(self, reply: Reply, analysis: Analysis, context: Context) -> Reply:
        """After a stretch card, a question whether it helps another area too ("does that help
        my achilles too", "is it good for my back as well"), answered with a stretch for that
        area: led by the answer, yes when the card works that area as well (the card again),
        else what the card works most, and one of the area's own. The reply unchanged
        otherwise."""
        card = self.kb.stretches.get(context.stretch or "")
        if card is None or context.kind != "stretch" or reply.kind != "stretch" or not reply.topic:
            return reply
        words = analysis.corrected
        if len(words) > lexicon.HELPS_THERE_MAX_WORDS or not lexicon.asks_whether_it_helps(words):
            return reply
        area = reply.topic
        if area not in self.kb.topics or len(set(analysis.topics)) != 1:
            return reply
        name, there = card.name.lower(), self.kb.spoken_name(area)
        if area in card.topics:
            again = self.replies.stretch(card, area, context)
            return with_lead(again, f"Yes: the {name} works your {there} too.")
        works = self.replies.spoken_areas(card.topics)
        return with_lead(
            reply,
            f"The {name} works your {works} most. For your {there}, here is one of their own.",
        )

    def _answer_clarified(self, analysis: Analysis, context: Context) -> Reply | None:
        """After an answer, a clarification not understood that names no area ("i mean like
        a burning feeling, not sharp" after whether stretching should hurt): more of what was
        asked, which the same answer covers; else None."""
        if context.kind != "answer" or not context.intent or analysis.topics:
            return None
        if not lexicon.clarifies(analysis.corrected):
            return None
        topic, _, aspect = context.intent.rpartition(".")
        if (topic, aspect) not in self.kb.answers:
            return None
        return self.replies.answer(topic, aspect, context, confidence=lexicon.BARE_TOPIC_CONFIDENCE)

    def _with_areas_routine_button(self, reply: Reply, areas: Sequence[str]) -> Reply:
        """A reply about one of several areas named together ("my neck and shoulders are
        tight" gets the neck's stretch), with a button for one routine for them all."""
        plan = self._areas_plan(areas)  # buildable whenever it has two areas or more
        if len(plan.areas) < 2:
            return reply
        count = len(plan.areas)
        label = "Routine for " + (self.replies.areas_named(plan) if count == 2 else f"all {count}")
        action = act.button(label, act.ShowRoutine(plan))
        return replace(reply, actions=(*reply.actions, action))

    def _question_after_thanks(
        self, text: str, rest: Sequence[str], context: Context
    ) -> Reply | None:
        """The reply to the question after a thank-you (`rest`, "thanks a lot. do i do it
        every day?"), when it is no miss; None otherwise. The thanks words count against the
        match of a short question."""
        # in a conversation, chat hedges go: "ok so how do i actually stretch it" asks the
        # stretch, not how to stick to it
        plain = lexicon.plainer(rest) if context.kind is not None else None
        question = " ".join(plain or rest) + ("?" if text.rstrip().endswith("?") else "")
        asked = self._complained_of_first(self.matcher.analyse(question))
        reply = self._answer(question, asked, context)
        return None if reply.kind == "fallback" else reply

    def _without_someone_elses_story(self, analysis: Analysis) -> Analysis:
        """The message without the pieces that tell of someone else, when another piece turns
        to the writer's own body or stretching ("my son fainted at school last week, he's fine
        now. i need a stretch for my shoulders"): safety reads what the writer tells of
        themselves. Unchanged when no piece does ("my husband collapsed, what do i do"), or
        when the writer's piece points back at the other person ("can i stretch him")."""
        words = analysis.corrected
        if lexicon.SOMEONE_ELSE.isdisjoint(words):
            return analysis
        pieces = lexicon.story_pieces(words, analysis.pieces())
        if len(pieces) < 2:
            return analysis
        theirs: list[bool] = []
        for s, e in pieces:
            piece = words[s:e]
            theirs.append(
                lexicon.tells_of_someone_else(piece)
                # "..., said it sounded like a gunshot": still their story
                or (bool(theirs) and theirs[-1] and lexicon.goes_on_with_the_story(piece))
            )
        if not any(theirs) or all(theirs):
            return analysis
        kept = [(s, e) for (s, e), other in zip(pieces, theirs, strict=True) if not other]
        own = [words[s:e] for s, e in kept]
        # the writer's own area ("anyway my neck is stiff"), or stretching asked for
        owned_area = any(
            s <= start < e and lexicon.owned(words, start, end)
            for s, e in kept
            for start, end, _topic in analysis.spans
        )
        if not owned_area and not any(lexicon.asks_for_themselves(piece) for piece in own):
            return analysis
        if any(lexicon.points_at_someone(piece) for piece in own):
            return analysis
        return self.matcher.analyse(". ".join(" ".join(piece) for piece in own))

    def _cool_down_for_the_areas(self, reply: Reply, analysis: Analysis, context: Context) -> Reply:
        """For one area's stretch or answer to a message that tells a session just over with
        several areas feeling it and asks what to do, or nothing ("just got back from a 90k
        ride, quads and lower back are cooked. what should i do now", "80k on the bike, quads
        and lower back are toast"): the session's cool-down, which covers them all. The reply
        unchanged otherwise, and for a question why or what."""
        words = analysis.corrected
        if (
            reply.kind not in ("stretch", "answer")
            or len({t for t in analysis.topics if t != GENERAL}) < 2
            or not (lexicon.tells_it_is_over(words) or lexicon.tells_spent(words))
        ):
            return reply
        cues = self.cues.read(words)
        if cues & {"why", "what"}:
            return reply
        # "80k on the bike, quads and lower back are toast" asks nothing: what the areas
        # told spent after it need
        asked = bool(cues & {"request", "asks_stretch"})
        if not asked and cues & lexicon.QUESTION_CUES:
            return reply
        cool = self.pick.cool_down_of(self.pick.activities_in(words))
        if cool is None or (not asked and cool in lexicon.SETTING_ROUTINES):
            # "flew home ... now my hips and back are locked up": a journey over is no session
            # with a cool-down, and its routine is for the seat
            return reply
        return self.replies.routine(
            self.kb.routines[cool], context, confidence=lexicon.CUE_CONFIDENCE
        )

    def _cool_down_after_its_warm_up(
        self, reply: Reply, analysis: Analysis, context: Context
    ) -> Reply:
        """After an activity's warm-up, a message that tells the session over ("done, we won.
        legs are dead", "game over, my legs are gone") and asks nothing of why or what: that
        activity's cool-down (the general one when it has none). The reply unchanged
        otherwise."""
        warm = context.routine or ""
        if (
            context.kind != "routine"
            or not warm.startswith(f"{lexicon.WARM_UP_ROUTINE}_")
            or reply.kind not in ("routine", "stretch", "answer")
        ):
            return reply
        words = analysis.corrected
        if not lexicon.tells_session_over(words) or self.cues.read(words) & {"why", "what"}:
            return reply
        cool = self.pick.other_end(warm, lexicon.COOL_DOWN_ROUTINE)
        if cool is None or reply.routine == cool:
            return reply
        return self.replies.routine(
            self.kb.routines[cool], context, confidence=lexicon.CUE_CONFIDENCE
        )

    def _warm_up_for_the_game(self, reply: Reply, analysis: Analysis, context: Context) -> Reply:
        """For one area's stretch or answer to a message that tells of a game still to come
        and the area giving out during play ("golf tomorrow and my back always seizes up by
        the 4th hole") or feared for ("golf tmrw, dont want to wreck my back"): the game's
        warm-up, which readies the area before play. So too for a
        trip still to come ("flying tomorrow and i have a bad back"): the trip's routine,
        unless the area's stretch is asked for. The reply unchanged otherwise, and for a
        question why."""
        words = analysis.corrected
        # the area giving out during play, or feared for before it ("golf tmrw ... dont want to
        # wreck my back in front of him")
        during = (
            not lexicon.DURING_PLAY_WORDS.isdisjoint(words)
            or lexicon.tells_start_of_play(words)  # "tight for the first 10 lengths"
            or (lexicon.fears_harm(words) and lexicon.still_ahead(words))
            # tight already, with the game still to come ("climbing tonight ... my forearms
            # feel tight already")
            or ("already" in words and lexicon.still_ahead(words))
            # the area readied for play ("how should i get my shoulders ready for swimming")
            or lexicon.readies(words)
            # ... or asked for before it ("swim meet tomorrow, want something for my shoulders
            # before the 200 free")
            or (
                lexicon.still_ahead(words)
                and lexicon.asks_before(words)
                and lexicon.STRETCH_NOUNS.isdisjoint(words)  # not "what stretch for my calves"
            )
        )
        # a trip ahead; "long flight tomorrow, any stretch for my calves" asks for the area's
        # stretch (checked before the costlier readings below, as most replies are neither)
        trip = not during and lexicon.STRETCH_NOUNS.isdisjoint(words) and lexicon.still_ahead(words)
        if (
            not (during or trip)
            # a miss that names an area ("tennis tomorrow, dont want to pull my calf again")
            or not (
                (reply.kind in ("stretch", "answer") and reply.topic not in (None, GENERAL))
                or (reply.kind == "fallback" and analysis.topics)
            )
            or self.cues.read(words) & {"why", "what"}
        ):
            return reply
        found = self.pick.activities_in(words)
        trips = [rid for rid in found if rid in lexicon.TRIP_ROUTINES]
        if not during and len(trips) != 1:
            return reply
        ahead = lexicon.wanted_end(words) == "warmup"  # the game still to come
        # or the complaint coming back each time it is played, not told of one game just over
        recurring = not (
            lexicon.RECURRING_WORDS.isdisjoint(words)
            or lexicon.tells_it_is_over(words)
            or lexicon.tells_session_over(words)  # "18 holes done, my back feels every swing"
            or not lexicon.COOL_WORDS.isdisjoint(words)  # "tight after fly sets"
        )
        if not (ahead or recurring):
            # "18 holes done, my back is feeling every swing", missed: the round over, its
            # cool-down (an area's stretch found for it stays)
            over = lexicon.tells_session_over(words) or lexicon.tells_it_is_over(words)
            missed = reply.kind != "stretch"
            cool = self.pick.cool_down_of(found) if during and over and missed else None
            if cool is None or not cool.startswith(f"{lexicon.COOL_DOWN_ROUTINE}_"):
                return reply
            return self.replies.routine(
                self.kb.routines[cool], context, confidence=lexicon.CUE_CONFIDENCE
            )
        # a trip with no warm-up of its own: its routine ("driving 6 hrs tomorrow ... so my back
        # doesnt seize")
        warm = (self.pick.own_end(found, lexicon.WARM_UP_ROUTINE) if during else None) or (
            trips[0] if len(trips) == 1 else None
        )
        if warm is None or warm == lexicon.WARM_UP_ROUTINE or warm not in self.kb.routines:
            return reply
        return self.replies.routine(
            self.kb.routines[warm], context, confidence=lexicon.CUE_CONFIDENCE
        )

    def _the_talked_of_warm_up(self, reply: Reply, analysis: Analysis, context: Context) -> Reply:
        """For the general warm-up given to a short message that names no activity, in a
        conversation about one that has its own ("should i stretch before football" ... "so
        what should i do before a match"): that activity's warm-up. The reply unchanged
        otherwise."""
        words = analysis.corrected
        if (
            reply.kind != "routine"
            or reply.routine != lexicon.WARM_UP_ROUTINE
            or analysis.topics
            or len(words) > lexicon.MOVE_MAX_WORDS
            or set(self.pick.activities_in(words)) - {lexicon.WARM_UP_ROUTINE}
        ):
            return reply
        own = self.pick.own_end(context.activities, lexicon.WARM_UP_ROUTINE)
        if own is None or own not in self.kb.routines:
            return reply
        return self.replies.routine(self.kb.routines[own], context, confidence=reply.confidence)

    def _past_its_fillers(self, text: str, analysis: Analysis, context: Context) -> Reply | None:
        """For a message missed whole that opens with fillers ("hang on, how is that different
        from hip flexors?"): the reply to the rest, when it is understood. None otherwise."""
        rest = lexicon.without_fillers(analysis.corrected)
        if len(rest) == len(analysis.corrected) or not rest or len(rest) > lexicon.FILLED_MAX_WORDS:
            return None  # a longer message was read whole already
        reply = self._question_after_thanks(text, rest, context)
        if (
            reply is not None
            and reply.kind == "smalltalk"
            and lexicon.clarifies(analysis.corrected)
        ):
            return None  # "no i meant evening, sorry" after a morning routine: no greeting
        return reply

    def _headache_after_a_tense_area(self, analysis: Analysis, context: Context) -> Reply | None:
        """After a reply about the neck or shoulders, a message missed whole that tells of
        headaches in plain words and names no area ("get headaches with it too"): the
        tension headache's answer. None otherwise, and for a figure of speech."""
        words = analysis.corrected
        if (
            context.topic not in lexicon.TENSION_AREAS
            or analysis.topics
            or lexicon.HEADACHE_WORDS.isdisjoint(words)
            or not lexicon.HEADACHE_IDIOM_WORDS.isdisjoint(words)
            or not NEGATORS.isdisjoint(words)
            or (GENERAL, lexicon.TENSION_HEADACHE) not in self.kb.answers
        ):
            return None
        return self.replies.answer(
            GENERAL, lexicon.TENSION_HEADACHE, context, confidence=lexicon.CUE_CONFIDENCE
        )

    def _area_turned_to_with_its_cause(self, analysis: Analysis, context: Context) -> Reply | None:
        """In a conversation, for a message missed whole that turns to an area and goes on to
        tell where its complaint comes from ("what about my knees from kneeling on the
        joists", "what about my right shoulder from the bowing"): the reply to the turn alone
        ("what about my knees"). None otherwise."""
        words = analysis.corrected
        if context.kind is None or tuple(words[:2]) not in lexicon.ASKS_ABOUT:
            return None
        end = next((e for s, e, _t in analysis.spans if s >= 2), None)
        if end is None or end >= len(words) or words[end] not in lexicon.TOLD_CAUSES:
            return None
        turn = self._reply(" ".join(words[:end]), context)
        return turn if turn.kind != "fallback" else None

    def _named_near_match(self, analysis: Analysis, context: Context) -> Reply | None:
        """For a message missed whole whose near match (`lexicon.GENERAL_NEAR` or more) is a
        general answer the writer names of themselves by its keyword, naming no area ("i
        slouch at my desk all day"; "our company security posture" is none of theirs): that
        answer. None otherwise."""
        words = analysis.corrected
        if (
            analysis.topics
            or lexicon.FOR_MYSELF.isdisjoint(words)
            or not lexicon.SOMEONE_ELSE.isdisjoint(words)
            or self.cues.where(words, "not_a_body")  # "my dog is stiff in the mornings"
        ):
            return None
        match = self._match(analysis, self._last_area(analysis, context))
        if (
            match.kind != GENERAL
            or match.confidence < lexicon.GENERAL_NEAR
            or not self.wants.names_subject(match.key, words)
        ):
            return None
        return self.replies.answer(GENERAL, match.key, context, confidence=match.confidence)

    def _routine_named_by_title(self, analysis: Analysis, context: Context) -> Reply | None:
        """For a message missed whole that names a routine by its title and no area ("desk
        break ideas pls, wall to wall teams calls today"): that routine. None otherwise."""
        words = analysis.corrected
        key = None if analysis.topics else self.pick.titled(words)
        if key is None or (
            self.kb.routines[key].keywords and key not in self.pick.activities_in(words, context)
        ):
            return None  # "bedtime wind down for a toddler": a time of day of no body
        return self.replies.routine(
            self.kb.routines[key], context, confidence=lexicon.CUE_CONFIDENCE
        )

    def _trip_ahead(self, analysis: Analysis, context: Context) -> Reply | None:
        """For a message missed whole that tells of one journey still to come or setting off
        (`lexicon.sets_off`), asks nothing and names no area ("driving to the south of france
        tomorrow with the kids in the back, its a long one", "flying to perth, 17 hours"), or
        names areas only as a worry for it ("... dreading my knees and back in economy"):
        the journey's routine. None otherwise."""
        words = analysis.corrected
        if analysis.topics and lexicon.DREAD_WORDS.isdisjoint(words):
            return None
        if not (lexicon.planned(words) or lexicon.sets_off(words)):
            return None
        trips = [r for r in self.pick.activities_in(words) if r in lexicon.TRIP_ROUTINES]
        if len(trips) != 1:
            return None
        if lexicon.asks_wh(words) or lexicon.asks_whether(words) or "?" in analysis.text:
            return None  # "when is my flight going to land": a question of its own
        return self.replies.routine(
            self.kb.routines[trips[0]], context, confidence=lexicon.CUE_CONFIDENCE
        )

    def _time_routine_requested(self, analysis: Analysis, context: Context) -> Reply | None:
        """For a message missed whole that asks for something gentle or quick (the `request`
        cue: "anything gentle", "something easy") at one time of day, for the writer, naming
        no area or other activity ("anything gentle before bed?"): that time's routine; at no
        time, and saying nothing more, to start a conversation ("give me something gentle"):
        the short all-over routine. None otherwise."""
        words = analysis.corrected
        if (
            analysis.topics
            or lexicon.GENTLE_ASK_WORDS.isdisjoint(words)  # not "morning routine for productivity"
            or lexicon.of_someone_else(words)  # not a child's or a baby's bedtime
            or "request" not in self.cues.read(words)
        ):
            return None
        found = self.pick.activities_in(words, of_the_body=True)
        if (
            not found
            and context.kind is None
            and lexicon.asks_only_something_gentle(words)
            and lexicon.PLAIN_ASK_ROUTINE in self.kb.routines
        ):
            # "give me something gentle" to start a conversation: the short all-over routine
            return self._all_over_routine(context, lexicon.PLAIN_ROUTINE_LEAD, "short")
        if len(found) != 1 or found[0] not in lexicon.TIME_ROUTINES.values():
            return None
        return self.replies.routine(
            self.kb.routines[found[0]], context, confidence=lexicon.CUE_CONFIDENCE
        )

    def _another_time_of_day(self, analysis: Analysis, context: Context) -> Reply | None:
        """For a short message missed whole after a routine, a stretch or an answer that ends
        by naming one other time of day, and names nothing else to stretch for ("thanks, and
        for tomorrow morning?" after the bedtime routine, "and for tonight?" after the morning
        one, "and tomorrow?" after a back stretch or the morning routine): that time's routine.
        None otherwise."""
        words = analysis.corrected
        if (
            context.kind not in ("routine", "stretch", "answer")
            or analysis.topics
            or len(words) > lexicon.TIME_FOLLOW_UP_MOST_WORDS
            or lexicon.of_someone_else(words)
        ):
            return None
        # the time closes the message: not "what about before tomorrow morning's run"; nor
        # does it ask of something else then ("whats the weather tomorrow")
        if not lexicon.only_a_time(words):
            return None
        routine = self.pick.one_time_named(words, lexicon.TIME_FOLLOW_UPS)
        if (
            routine is None
            # "and tomorrow?" after the morning routine: the same again, tomorrow
            or (routine == context.routine and "tomorrow" not in words)
            or words[-1] not in lexicon.TIME_FOLLOW_UPS
            or set(self.pick.activities_in(words, of_the_body=True)) - {routine}
        ):
            return None
        reply = self.replies.routine(
            self.kb.routines[routine], context, confidence=lexicon.CUE_CONFIDENCE
        )
        if routine == context.routine:
            return with_lead(reply, lexicon.SAME_AGAIN_TOMORROW_LEAD)
        return reply

    def _a_piece_understood(self, analysis: Analysis, context: Context) -> Reply | None:
        """For a follow-up missed whole whose pieces tell more than one thing ("my hip flexors
        especially, i'm on the bike 3 hrs" after the cycling cool-down, "i can't cross my leg
        like that, my knee doesn't like it" after a glute stretch): the reply to its first
        piece understood alone, in the same conversation, red flags read on the whole first.
        None outside a conversation about stretching, for one piece, or when no piece is
        understood (small talk alone is not)."""
        if context.kind not in ("stretch", "routine", "answer"):
            return None
        pieces = analysis.pieces()
        if len(pieces) < 2:
            return None
        words = analysis.corrected
        for k, (start, end) in enumerate(pieces):
            if k + 1 < len(pieces) and lexicon.only_a_time(words[start:end]):
                continue  # "what about tomorrow, i have a soccer game at 9": when the rest is
            reply = self._reply(" ".join(words[start:end]), context)
            if reply.kind not in ("fallback", "red_flag", "smalltalk"):
                return reply
        return None

    def _warm_up_for_what_is_ahead(self, analysis: Analysis, context: Context) -> Reply | None:
        """For a message missed whole that tells an activity of the body still to come and
        asks what to do before it, or names a warm-up ("about to dig over the veg patch,
        anything i should do first", "skiing next week, what should i stretch beforehand",
        "match at 3, our coach never does a proper warm up"), naming no area: the activity's
        own warm-up, else the general one. None otherwise, and for a setting of its own (a
        flight), a question why or what, or someone else's activity."""
        words = analysis.corrected
        cues = self.cues.read(words)
        found = self.pick.activities_in(words, of_the_body=True)
        if (
            analysis.topics
            or cues & {"why", "what"}
            or lexicon.of_someone_else(words)
            or not lexicon.tells_a_start_ahead(words)
            or not (cues & {"request", "asks_stretch"} or lexicon.names_an_end(words))
            # an activity of the body named: a warm-up alone may be a voice's or a sales call's
            or not (found or "exercise" in cues)
            # a setting or a time of day with a routine of its own is not warmed up for
            or any(not rid.startswith(("warmup", "cooldown")) for rid in found)
        ):
            return None
        rid = self.pick.own_end(found, lexicon.WARM_UP_ROUTINE) or lexicon.WARM_UP_ROUTINE
        if rid not in self.kb.routines:
            return None
        return self.replies.routine(
            self.kb.routines[rid], context, confidence=lexicon.CUE_CONFIDENCE
        )

    def _routine_asked_at_one_end(self, analysis: Analysis, context: Context) -> Reply | None:
        """For a message missed whole that opens or closes with a piece asking for a routine
        by its activity or time (`lexicon.asks_plainly` and the routine's keyword: "something
        for bed pls, wound up after work"), the rest only telling a story (no question, no other
        activity, no area): that routine. None otherwise."""
        pieces = analysis.pieces()
        words = analysis.corrected
        head = lexicon.routine_named_head(words) if len(pieces) < 2 else 0
        if head and self._match(analysis).kind == "routine":
            # "morning routine 10 mins max before the school run": the name heads the story
            # (not "morning routine for productivity", read whole as another kind of routine)
            pieces = ((0, head), (head, len(words)))
        else:
            head = 0
        if (
            len(pieces) < 2
            or analysis.topics
            or "?" in analysis.text
            or lexicon.of_someone_else(words)  # not a child's or a baby's bedtime
            or self.cues.where(words, "not_a_body")
        ):
            return None
        for (start, end), rest in _ends_with_the_rest(pieces):
            piece = words[start:end]
            if not (head and start == 0) and not lexicon.asks_plainly(piece):
                continue  # checked first: reading the piece alone is the costly part
            match = self._match(self.matcher.analyse(" ".join(piece)))
            named = self.pick.activities_in(piece, of_the_body=True)
            # the routine read, or on a plain ask its runner-up, when the piece names its time
            # or activity ("need a morning thing" reads like morning stiffness first)
            key = next(
                (
                    k
                    for kind, k, _t in ((match.kind, match.key, None), *match.alternatives[:1])
                    if kind == "routine" and k in named
                ),
                None,
            )
            if key is None or match.confidence < lexicon.ROUTINE_PIECE_NEAR:
                continue
            if any(lexicon.opens_a_question(words[s:e]) for s, e in rest):
                return None
            told = {r for s, e in rest for r in self.pick.activities_in(words[s:e])}
            if told - {key}:
                return None  # "bedtime stretches, golf in the morning": two things
            ask = self.sizes.read(analysis)
            if (
                ask is not None
                and ask.minutes is not None
                and MIN_MINUTES <= ask.minutes <= MAX_MINUTES
            ):
                # "morning routine 10 mins max before the school run": in the minutes told
                return self._resized(Plan(key), ask, context, postures=False)
            return self.replies.routine(
                self.kb.routines[key], context, confidence=lexicon.CUE_CONFIDENCE
            )
        return None

    def _cool_down_for_the_soreness(
        self, reply: Reply, analysis: Analysis, context: Context
    ) -> Reply:
        """For the soreness answer to a message that names no area, tells of an activity with
        a cool-down and asks what to stretch ("so sore after my first 10k, what stretches",
        "crippled after my first parkrun but in a good way, what to stretch"): that cool-down.
        Whether stretching helps ("does stretching stop the soreness after a 10k?") keeps the
        answer, as does any other reply."""
        if reply.intent != f"{GENERAL}.{lexicon.SORENESS}" or analysis.topics:
            return reply
        words = analysis.corrected
        cues = self.cues.read(words)
        activities = self.pick.activities_in(words)
        # a stretch named: "what to stretch", not "what helps"
        asks = "asks_stretch" in cues and not lexicon.STRETCHING_WORDS.isdisjoint(words)
        # ... or nothing asked at all of a session just had ("i'm dying after that spin class
        # lol", "crippled after my first pilates class"): what to do for it, its cool-down
        told = (
            "?" not in analysis.text
            and not cues & lexicon.QUESTION_CUES
            and not lexicon.asks_yes_or_no(analysis)
            and ("exercise" in cues or bool(activities))
            and not lexicon.planned(words)  # "about to dig over the veg patch"
            # soreness a day or two on ("DOMS is brutal, 2 days after crossfit"): the answer,
            # which says what it is; a cool-down is for a session just done
            and lexicon.DELAYED_SORENESS_WORDS.isdisjoint(words)
        )
        if (
            not (asks or told)
            or "why" in cues
            or any(lexicon.asks_whether(words[s:e]) for s, e in analysis.pieces())
        ):
            return reply
        cool = self.pick.cool_down_of(activities)
        if cool is None and told:
            cool = lexicon.COOL_DOWN_ROUTINE  # no cool-down of its own: the general one
        if (
            cool is None
            or not cool.startswith(lexicon.COOL_DOWN_ROUTINE)
            or cool not in self.kb.routines
        ):
            return reply
        return self.replies.routine(self.kb.routines[cool], context, confidence=reply.confidence)

    def _worn_out_all_over(self, analysis: Analysis, context: Context) -> Reply | None:
        """For a message missed whole that complains of the whole body, naming no area, after
        exercise or a hard physical day ("i feel broken after moving house all weekend", "feel
        like a 90 year old after a day of gardening lol", "im dying. did 100 burpees for a
        charity challenge. stretch me"): the cool-down of an activity it names, else the
        routine of a time of day it names with stiffness all over ("so stiff this morning i
        walked like a 90 yr old"), else the full-body routine. The red-flag rules have read it
        first. None otherwise."""
        words = analysis.corrected
        if (
            analysis.topics
            or lexicon.of_someone_else(words)
            or context.kind == "red_flag"
            or language_of(analysis.normalised) is not None
        ):
            return None
        cues = self.cues.read(words)
        if (
            cues & {"why", "what"}
            # a question of its own ("is that normal or am i just falling apart", "how
            # tight should it be"): not this
            or "?" in analysis.text
            or any(lexicon.opens_a_question(words[s:e]) for s, e in analysis.pieces())
            or any(lexicon.asks_whether(words[s:e]) for s, e in analysis.pieces())
        ):
            return None
        if (
            not lexicon.worn_out(words)
            or self.wants.an_animals_story(analysis)
            or self.wants.a_things_complaint(analysis)
        ):
            return None
        activities = [
            a for a in self.pick.activities_in(words) if a not in lexicon.SETTING_ROUTINES
        ]
        times = [a for a in activities if a in lexicon.TIME_ROUTINES.values()]
        exerted = (
            len(times) < len(activities)
            or "exercise" in cues
            or lexicon.tells_a_physical_day(words)
        )
        # stiff all over with nothing done, told of the whole body or likened to old age: "so
        # stiff i feel like im 90" (not "new jeans r so stiff", "i feel so stiff in this suit")
        stiff = lexicon.stiff_all_over(words)
        writer_stiff = stiff and ("like" in words or not lexicon.WHOLE_BODY_WORDS.isdisjoint(words))
        if not (exerted or (times and stiff) or writer_stiff):
            return None
        # an activity's cool-down, else the routine of a time named ("so stiff this morning":
        # the morning's), else the whole body's
        key = next((k for k in activities if k.startswith(f"{lexicon.COOL_DOWN_ROUTINE}_")), None)
        key = key or next(iter(times), lexicon.WHOLE_BODY_ROUTINE)
        if key not in self.kb.routines:
            return None
        return self.replies.routine(
            self.kb.routines[key], context, confidence=lexicon.CUE_CONFIDENCE
        )

    def _routine_asked_last(self, analysis: Analysis, context: Context) -> Reply | None:
        """For a message missed whole whose last piece plainly asks for a routine, sure of one
        read alone ("dog's dead tired after our run and so am i, cooldown for me pls", "phone
        battery is dead so ill do my stretches without the app, whats a good 5 min one"), the
        pieces before it only telling (no question, no area, nobody else's story): that
        routine, or the own one of an activity the story names (the run's cool-down). The
        story's things ("my phone is dead") are its own; the ask is the writer's. None
        otherwise."""
        pieces = analysis.pieces()
        words = analysis.corrected
        if len(pieces) < 2 or analysis.topics or lexicon.of_someone_else(words):
            return None
        start, end = pieces[-1]
        piece = words[start:end]
        if (
            len(piece) > lexicon.MOVE_MAX_WORDS
            # it asks for something ("cooldown for me pls", "can you give me a home routine",
            # "whats a good 5 min one"), not whether ("can i do gentle yoga today")
            or not (
                lexicon.asks_plainly(piece)
                or lexicon.has_pair(piece, lexicon.ASKING_PAIRS)
                or "asks_stretch" in self.cues.read(piece)
            )
            or lexicon.asks_whether(piece)
            or self.cues.where(piece, "not_a_body")
            or any(lexicon.opens_a_question(words[s:e]) for s, e in pieces[:-1])
            # "my dog is stiff in the mornings, any stretches": the ask is for the animal
            or self.wants.an_animals_story(analysis)
            or self.wants.a_things_complaint(analysis)
        ):
            return None
        story = words[:start]
        if not (
            # the story is of exercise, stretching or the body ("... after our run", "...
            # without the app"), not "my landlord is useless, give me a break"
            self.pick.activities_in(story)
            or not lexicon.STRETCHING_LIKE.isdisjoint(story)
            or self.cues.read(story) & {"exercise", "complaint"}
        ):
            return None
        reply = self._question_after_thanks(analysis.text, piece, context)
        if reply is None or reply.kind != "routine" or reply.routine is None:
            return None
        base = self.kb.routines.get(reply.routine)
        if base is not None and not base.keywords:
            # a cool-down or warm-up of no activity: the own one of an activity the story
            # names ("... after our run, cooldown for me pls")
            told = self.pick.activities_in(words)
            picked = lexicon.pick_warm_or_cool(told, words) if told else None
            if picked and picked in self.kb.routines and picked.startswith(reply.routine):
                return self.replies.routine(self.kb.routines[picked], context)
        return reply

    def _one_end_understood(self, analysis: Analysis, context: Context) -> Reply | None:
        """For a message missed whole in two or three pieces whose first or last piece, read
        alone, is sure of an answer (a general one or an area's) and whose other pieces only
        tell (no question, no area, nothing else sure read alone): "hunched over my phone all
        day, my mum keeps telling me to sit up straight like im 12". That piece's reply; None
        otherwise."""
        pieces = analysis.pieces()
        words = analysis.corrected
        if (
            not 2 <= len(pieces) <= lexicon.STORY_PIECES_MAX
            or "?" in analysis.text
            or self.cues.where(words, "not_a_body")  # not "... for her hamstring" of a dog
        ):
            return None
        threshold = self.matcher.threshold
        for (start, end), rest in _ends_with_the_rest(pieces):
            alone = self.matcher.analyse(" ".join(words[start:end]))
            match = self._match(alone)
            if (
                match.kind not in (GENERAL, "aspect")
                or match.confidence < threshold
                or lexicon.of_someone_else(alone.corrected)
                # its own words name the subject or an area ("how long does it take to get a
                # new one" names neither)
                or not (
                    alone.topics
                    if match.kind == "aspect"
                    else self.wants.names_subject(match.key, alone.corrected)
                )
            ):
                continue
            for s, e in rest:
                other = self._match(self.matcher.analyse(" ".join(words[s:e])))
                if (
                    lexicon.opens_a_question(words[s:e])
                    or any(s <= a < e for a, _b, _t in analysis.spans)
                    # "stomach too, after ab workouts" after a card: an area added, asked for
                    or (context.kind is not None and lexicon.adds_an_area(words[s:e]))
                    # sure of something else read alone: two things told
                    or (
                        other.confidence >= threshold
                        and other.kind != "none"
                        and (other.kind, other.key) != (match.kind, match.key)
                    )
                ):
                    return None
            reply = self._answer(alone.text, alone, context)
            return None if reply.kind == "fallback" else reply
        return None

    def _tips_telling_of(self, words: Sequence[str]) -> list[int]:
        """The places of the tips that tell of an activity the words name ("after a run" for
        "tips for runners")."""
        told = set(self.pick.activities_in(words))
        if not told:
            return []
        if self._tip_activities is None:  # read once, not at start-up
            self._tip_activities = tuple(
                frozenset(self.pick.activities_in(self.matcher.analyse(tip.text).corrected))
                - lexicon.NOT_TIP_ACTIVITIES
                for tip in self.kb.tips
            )
        return [i for i, acts in enumerate(self._tip_activities) if acts & told]

    def _tips_for_an_activity(self, analysis: Analysis, context: Context) -> Reply | None:
        """For a message missed whole that asks only for tips for an activity ("tips for
        runners?"): one of the tips that tell of it. None otherwise, or when none does."""
        words = analysis.corrected
        if lexicon.TIP_WORDS.isdisjoint(words):
            return None
        spans = self.pick.activities.matches(words)
        inside = {i for start, end, _r in spans for i in range(start, end)}
        rest = {w for i, w in enumerate(words) if i not in inside}
        among = self._tips_telling_of(words)
        if not spans or not among or not rest <= lexicon.BARE_TIP_ASK | lexicon.TIP_ASK_FILLER:
            return None
        return self.replies.tip(" ".join(words), context, among=among)

    def _stretches_for_someone(self, analysis: Analysis, context: Context) -> Reply | None:
        """For a message missed whole that asks for stretches for people or a pastime we have
        nothing made for ("stretches for drummers", "stretching for dancers"): the short
        all-over routine, as a plain ask gets. None otherwise, and for a look-alike."""
        words = analysis.corrected
        at = words.index("for") if "for" in words[1:] else 0
        head = {w for w in words[:at] if w not in STOPWORDS}
        if (
            not at
            or len(words) - at > lexicon.FOR_SOMEONE_MAX_WORDS
            # "show me a stretch for it": for something said before, not for anyone
            or not lexicon.POINTING_WORDS.isdisjoint(words[at:])
            or analysis.topics
            or context.topic not in (None, GENERAL)
            or lexicon.PLAIN_STRETCH_WORDS.isdisjoint(head)
            or not head <= lexicon.PLAIN_ASK_ANY
            or self.matcher.look_alike_pairs(analysis.words)
            or lexicon.THING_CUE in self.cues.read(words)  # "stretch for my budget"
            or lexicon.uncovered_part(words) is not None  # "stretch for my face": said plainly
        ):
            return None
        return self._all_over_routine(context, lexicon.PLAIN_ASK_LEAD, "short")

    def _own_part_of_the_story(
        self, analysis: Analysis, context: Context, besides: str | None = None
    ) -> Reply | None:
        """For a message that tells someone else's story in passing and then asks for the
        writer ("my mate snapped his achilles playing squash, said it sounded like a gunshot.
        how do i keep my calves loose"): the reply to the writer's own pieces, when they are
        understood. None otherwise, and when the area `besides` (the one the whole message
        was read about) stands in the writer's own pieces too."""
        own = self._without_someone_elses_story(analysis)
        if own is analysis or (besides is not None and besides in own.topics):
            return None
        reply = self._answer(own.text, own, context)
        return None if reply.kind == "fallback" else reply

    def _with_the_other_question(self, reply: Reply, analysis: Analysis, context: Context) -> Reply:
        """For a message of two questions ("why are my hamstrings tight and how do i stretch
        them"), each read alone: the reply, with a button for the answer, stretch or routine
        of the question it does not answer, and a line that says so. The reply unchanged for
        one question, when both read alone get the reply or something else, or when the
        other is a button already."""
        words = analysis.corrected
        starts = {start for start, _end in analysis.pieces()[1:]}
        ends = lexicon.second_question(words, starts)
        if ends is None:
            return reply
        end, at = ends
        parts = [
            self.matcher.analyse(" ".join(words[:end])),
            self.matcher.analyse(" ".join(words[at:])),
        ]
        read = [self._answer(part.text, part, context) for part in parts]
        others = [
            r
            for r in read
            if r.kind in ("answer", "stretch", "routine") and r.intent != reply.intent
        ]
        if len(others) != 1:
            return reply  # both answered by the reply, or neither understood alone
        action = self.replies.action_for(others[0])
        if action is None or action.intent in {a.intent for a in reply.actions}:
            return reply
        line = lexicon.OTHER_QUESTION_LINE.format(label=action.label)
        return replace(
            reply,
            blocks=(*reply.blocks, Block("meta", line)),
            actions=(action, *reply.actions),
        )

    def _activity_asked_past_a_beginner(self, subject: str, analysis: Analysis) -> str | None:
        """For the answer on starting out (`subject`), in a message whose last piece asks for
        a stretch for an activity ("complete beginner, what should i stretch after leg day"):
        that activity's warm-up or cool-down, as the beginner is told only in passing. None
        otherwise."""
        if subject not in lexicon.STARTING_SUBJECTS:
            return None
        pieces = analysis.pieces()
        if len(pieces) < 2 or analysis.topics:
            return None
        last = analysis.corrected[pieces[-1][0] :]
        if "asks_stretch" not in self.cues.read(last) or self.wants.subjects_named(last):
            return None
        found = self.pick.activities_in(last)
        return lexicon.pick_warm_or_cool(found, last) if found else None

    def _standing_spell_asked(self, analysis: Analysis) -> bool:
        """Whether the only area a message names is the feet of a spell of standing ("3 night
        shifts on my feet", "on my feet all day"), not complained of, and it asks for
        stretches, not why."""
        words = analysis.corrected
        if not analysis.spans or lexicon.STANDING_ROUTINE not in self.kb.routines:
            return False
        if not all(lexicon.on_feet_for_long(words, start) for start, _e, _t in analysis.spans):
            return False
        if lexicon.has_pair(words, lexicon.ONE_STRETCH_PAIRS):
            return False  # "whats a good stretch after a long day on my feet": one, for them
        cues = self.cues.read(words)
        return bool(cues & {"request", "asks_stretch"}) and not cues & {"why", "complaint"}

    def _area_asked_what_last(self, analysis: Analysis) -> bool:
        """Whether a story that names one area ends by asking what it is or does, pointing
        back at it, in a piece that names no area and asks for nothing else: "... release it
        every class. is that an actual muscle? what does it do"."""
        pieces = analysis.pieces()
        if len(pieces) < 2 or len(set(analysis.topics) - {GENERAL}) != 1:
            return False
        start = pieces[-1][0]
        last = analysis.corrected[start:]
        return (
            not any(s >= start for s, _e, _t in analysis.spans)
            and not lexicon.POINTING_WORDS.isdisjoint(last)
            # "is that the same thing as pnf?", "giving me text neck? what even is it"
            and not self.wants.subjects_named(analysis.corrected)
            and self.cues.read(last) & {"what", "why", "request", "asks_stretch", "complaint"}
            == {"what"}
        )

    def _area_by_place(self, analysis: Analysis, context: Context) -> Reply | None:
        """After a message that named two or more areas, a short one that points at one of them
        by its place ("and the second", "ok the first one", "stretch the latter"): that area,
        as a stretch when one was shown or asked for, else the same answer for it. None after
        a routine, whose steps go by place, and for anything else."""
        words = analysis.corrected
        if (
            len(context.areas) < 2
            or context.kind == "routine"
            or analysis.topics
            or len(words) > lexicon.MOVE_MAX_WORDS
        ):
            return None
        at = lexicon.area_place(words)
        if at is None or at >= len(context.areas):
            return None
        area = context.areas[at]
        if area not in self.kb.topics:
            return None
        aspect = (context.intent or "").partition(".")[2]
        asks_stretch = bool(self.cues.read(words) & lexicon.ASKS_A_STRETCH_CUES)
        if (
            context.kind == "answer"
            and not asks_stretch
            and lexicon.STRETCH_NOUNS.isdisjoint(words)
            and (area, aspect) in self.kb.answers
        ):
            return self.replies.answer(area, aspect, context)
        return self.replies.stretch_for_topic(area, context)

    def _age_told_after_a_goal(self, analysis: Analysis, context: Context) -> Reply | None:
        """After an answer about getting more flexible (how long it takes, the splits,
        touching the toes, starting out), a short message that tells the person's age and
        names nothing else ("im 40 btw", "i'm 67 if that matters"): whether age stops it, the
        answer on being too old. None otherwise."""
        key = context.general_answer if context.kind == "answer" else self._goal_of(context)
        words = analysis.corrected
        if (
            key not in lexicon.AGE_MATTERS_TO
            or analysis.topics
            or len(words) > lexicon.MOVE_MAX_WORDS
            or (GENERAL, lexicon.TOO_OLD) not in self.kb.answers
            or stated_age(words, analysis.breaks) is None
            or self.wants.subjects_named(words)
        ):
            return None
        return self.replies.answer(GENERAL, lexicon.TOO_OLD, context)

    def _why_asked_again(self, analysis: Analysis, context: Context) -> Reply | None:
        """After a general answer, a short "why" that names nothing new ("why tho im 28",
        "but why, im only 30" after morning stiffness): the same answer, which gives the
        reasons, with a line that says so. None otherwise."""
        key = context.general_answer
        if context.kind != "answer" or key is None or analysis.topics:
            return None
        words = lexicon.without_leading(analysis.corrected, lexicon.WHY_AGAIN_OPENERS)
        if not words or words[0] != "why" or len(words) > lexicon.MOVE_MAX_WORDS:
            return None
        if any(
            w not in STOPWORDS and w not in lexicon.WHY_AGAIN_FILLER and not w.isdigit()
            for w in words[1:]
        ):
            return None  # "why is the sky blue" asks something of its own
        reply = self.replies.answer(GENERAL, key, context, confidence=lexicon.CUE_CONFIDENCE)
        return with_lead(reply, lexicon.WHY_AGAIN_LEAD)

    def _told_of_oneself(self, analysis: Analysis, context: Context) -> Reply | None:
        """After a routine, a message that tells something of the person and asks whether it
        changes anything ("im in goal if that changes anything" after the soccer warm-up),
        naming no area and no complaint: the routine again, which suits it as it is. None
        otherwise."""
        words = analysis.corrected
        if (
            context.kind != "routine"
            or context.plan is None
            or not lexicon.has_pair(words, lexicon.CHANGES_ANYTHING)
            or analysis.topics
            or self.cues.complains(words)
            or not self.replies.sizer.can_build(context.plan)
        ):
            return None
        reply = self.replies.sized_routine(context.plan, context)
        return with_lead(reply, "Nothing in this one needs to change for that; here it is again.")

    def _summed_up(self, analysis: Analysis, context: Context) -> Reply | None:
        """After an answer, a short question that sums it up in the person's words and names
        nothing new ("so basically just get up slower?" after a head rush, "so just hold it
        longer then?"): the same answer again, to check it against. None otherwise."""
        words = analysis.corrected
        if (
            context.kind != "answer"
            or not context.intent
            or not words
            or words[0] not in lexicon.SUMMING_UP
            or "?" not in analysis.text
            or len(words) > lexicon.MOVE_MAX_WORDS
            or any(t != context.topic for t in analysis.topics)
            # "so what is the capital of peru?" asks something of its own
            or not lexicon.WH_WORDS.isdisjoint(words)
            or self._match(analysis).kind == "out_of_scope"
        ):
            return None
        topic, _, aspect = context.intent.partition(".")
        if (topic, aspect) not in self.kb.answers:
            return None
        reply = self.replies.answer(topic, aspect, context)
        return with_lead(reply, "To check that against, here is the answer again:")

    def _relief_when_told_again(self, reply: Reply, analysis: Analysis, context: Context) -> Reply:
        """Why an area gets tight, just given, would come again for a message that tells more
        of the complaint and asks nothing ("its mostly turning my head to the left thats stiff"
        after why the neck gets stiff): the area's stretch instead, what is left to offer. Any
        other reply is kept."""
        topic = reply.topic
        if (
            reply.kind != "answer"
            or topic in (None, GENERAL)
            or reply.intent != f"{topic}.why_tight"
            or context.intent != reply.intent
            or reply.context.conditions
            or not lexicon.WARNING_SIGNS.isdisjoint(reply.context.symptoms)
            or "?" in analysis.text
        ):
            return reply
        cues = self.cues.read(analysis.corrected)
        if "complaint" not in cues or cues & lexicon.QUESTION_CUES:
            return reply
        return self.replies.stretch_for_topic(topic, reply.context, confidence=reply.confidence)

    def _relief_for_another_area(self, reply: Reply, analysis: Analysis, context: Context) -> Reply:
        """Why an area gets tight, for a complaint about another area that asks nothing, in a
        talk about relief (a stretch or a routine shown, or an answer asked aside after a
        stretch: "my lower back is the real problem" after neck stretches, "i think my ankles
        are the problem" after the squat routine, "and my neck is tight too, probably related"
        after a jaw stretch and why): that area's stretch, what the talk is for. Any other
        reply is kept."""
        relief_talk = context.kind in ("stretch", "routine") or (
            context.kind == "answer" and context.stretch is not None
        )
        if (
            not relief_talk
            or reply.topic == context.topic
            or "?" in analysis.text
            or not self._a_plain_complaint_why(reply, analysis)
        ):
            return reply
        return self._relief(reply)

    def _relief_for_a_complaint(self, reply: Reply, analysis: Analysis, context: Context) -> Reply:
        """A complaint about an area that asks nothing ("calves screaming after my first trail
        run", "quads so sore i waddle like a penguin", "woke up with a crick in my neck") gets
        the area's stretch: told, not asked, the person wants relief. Why it happens stays one
        tap away. Any other reply is kept (a question, "is it normal that one hamstring is
        tighter?", keeps why), and so is the answer right after the area's stretch, which the
        story goes on from ("slept on it wrong, cant turn right" after the neck's)."""
        if (
            (context.kind == "stretch" and context.topic == reply.topic)
            # "and my forearms? they're wrecked from gripping the boxes" asks only which area
            or ("?" in analysis.text and not lexicon.only_an_area_asked_first(analysis.text))
            or not self._a_plain_complaint_why(reply, analysis)
            or analysis.corrected[0] in lexicon.QUESTION_STARTS
        ):
            return reply
        return self._relief(reply)

    def _a_plain_complaint_why(self, reply: Reply, analysis: Analysis) -> bool:
        """Whether `reply` is why an area gets tight, given to a complaint that asks nothing
        (no question cue, no yes-or-no clause: "... so tight, can i still do forward folds"),
        with no warning sign told beside it (a swelling, a numbness) that raised no flag: the
        answer says when to get that checked, a stretch card would not."""
        topic = reply.topic
        if (
            reply.kind != "answer"
            or topic in (None, GENERAL)
            or reply.intent != f"{topic}.why_tight"
            or not lexicon.WARNING_SIGNS.isdisjoint(reply.context.symptoms)
            or lexicon.asks_yes_or_no(analysis)
        ):
            return False
        cues = self.cues.read(analysis.corrected)
        return "complaint" in cues and not cues & lexicon.QUESTION_CUES

    def _relief(self, reply: Reply) -> Reply:
        """The stretch of the area `reply` answered about, why it gets tight one tap away; a
        condition told ("had my baby 4 months ago ...") keeps it to the condition, under its
        note, or its advice where stretches for the area wait for a professional."""
        relief = self.replies.relief(reply.topic or GENERAL, reply.context)
        return self._with_conditions(relief, (), reply.context)

    def _answer(self, text: str, analysis: Analysis, context: Context) -> Reply:
        """The reply to a message read as `analysis`, before what it remembers is added."""
        about_a_thing = self._about_a_thing(analysis, context)
        # "ok. can you send me daily stretch tips?" after a red flag: a request of its own,
        # read afresh ("daily tips please, and it's warm too now" still tells more)
        daily_after_flag = (
            context.kind == "red_flag"
            and lexicon.daily_switch(analysis) is not None
            and self.rules.told_in(analysis) <= self._daily_told
        )
        safety = self.rules.check(
            self._without_someone_elses_story(analysis),
            None if about_a_thing else context.topic,
            () if about_a_thing or daily_after_flag else context.symptoms,
            about_stretching=context.kind in lexicon.STRETCHING_KINDS,
            continuing=context.kind == "red_flag" and not daily_after_flag,
            on_a_card=context.kind in ("stretch", "routine"),
            named_before=context.conditions,
            # a stretch asked for, or another area asked about ("what about my chest" after
            # tight shoulders): it does not go on with the symptoms told before
            asking=bool(self.cues.read(analysis.corrected) & lexicon.ASKS_A_STRETCH_CUES)
            or lexicon.asks_about(analysis.corrected[:3]),
        )
        # "my dog needs a hip replacement, how much at the vet": the animal's, not the writer's
        animals = self.wants.an_animals_story(analysis) and lexicon.SELF_WORDS.isdisjoint(
            analysis.corrected
        )
        named = () if animals else tuple(c.id for c in safety.conditions)
        # what the red flag before told, if this is the first reading of the message (a
        # question read again behind a thank-you comes with this message's own symptoms)
        told_before = context.symptoms if context.symptoms != safety.symptoms else ()
        if (
            context.kind == "red_flag"
            and (safety.flag is None or context.intent == f"red_flag.{safety.flag.id}")
            and lexicon.tells_getting_care(analysis)
        ):
            # "calling now", "ok going to a&e", "on my way to the hospital": backed, not
            # warned again
            thanked = not lexicon.THANKS_OPENERS.isdisjoint(analysis.corrected)
            return self.replies.getting_care(context, thanked=thanked)
        if safety.flag is not None:
            conditions = tuple(dict.fromkeys(context.conditions + named))
            symptoms = safety.symptoms
            if context.kind == "red_flag" or told_before:
                # a concern told over several messages ("the right calf is swollen", "flew
                # back on monday", "bit short of breath on the stairs too"): what each said
                # counts together while the replies are red flags, from the message before
                # the first ("my son fell off the trampoline", then "his arm hurts")
                symptoms = tuple(sorted(set(context.symptoms) | set(symptoms)))
            # "should i just keep doing the stretch you gave me?" after it: not yet
            repeated = context.intent == f"red_flag.{safety.flag.id}"
            repeated = repeated and self._asks_to_stretch_on(analysis)
            return self.replies.red_flag(safety.flag.id, conditions, symptoms, again=repeated)
        # a condition told for the first time: "thanks so much 🤰" after a stretch already
        # picked for the pregnancy tells nothing new
        newly_named = tuple(c for c in named if c not in context.conditions)
        # what this message described is remembered for the next one only; a condition, and
        # what was told of the person (an age over 50), for the rest of the conversation
        lasting = lexicon.LASTING_SYMPTOMS.intersection(context.symptoms)
        remembered = tuple(sorted(lasting.union(safety.symptoms)))
        if named or remembered != context.symptoms:
            context = replace(
                context,
                conditions=tuple(dict.fromkeys(context.conditions + named)),
                symptoms=remembered,
            )
        cleared = lexicon.CLEARED_SYMPTOM in safety.symptoms  # "saw the gp, it was fine"
        if (
            context.kind == "red_flag"
            and not cleared
            and not daily_after_flag
            # read again behind a thank-you, the message was weighed whole already
            and bool(told_before)
            and (
                (
                    self._asks_to_stretch_on(analysis)
                    # "what stretches for my legs after" a chest pain: another part of the body
                    and not self.rules.names_another_area(safety.symptoms, told_before)
                )
                or (
                    not lexicon.STRETCH_FORMS.isdisjoint(analysis.corrected)
                    and self.rules.names_a_flagged_area(analysis.topics, told_before)
                )
            )
        ):
            # "should I just keep doing the stretch you gave me?", "any stretch for my calf
            # though?" after a red flag about the calf: not yet
            flag_id = (context.intent or "").partition(".")[2]
            if flag_id in self.kb.red_flags:
                # what the flag's message told is kept with this one's while the replies are
                # red flags ("he slipped on the ice", "he wants stretches", then "the leg
                # looks shorter" is a leg after that fall)
                symptoms = tuple(sorted(set(told_before) | set(context.symptoms)))
                return self.replies.red_flag(flag_id, context.conditions, symptoms, again=True)
        if not analysis.words:
            emoji = lexicon.bare_emoji(text)
            if emoji <= lexicon.THANKS_EMOJI and emoji and "thanks" in self.kb.smalltalk:
                return self.replies.smalltalk("thanks", text, context)  # a bare "🙏"
            if emoji and emoji <= lexicon.GROAN_EMOJI and context.kind not in (None, "red_flag"):
                return self.replies.groan(context)  # "😩" after a routine
            if emoji == lexicon.WAVE_EMOJI:  # "👋": hello first, goodbye in a conversation
                key = "greeting" if context.kind is None else "goodbye"
                if key in self.kb.smalltalk:
                    return self.replies.smalltalk(key, text, context)
            if (
                emoji
                and emoji <= lexicon.SLEEPY_EMOJI
                and context.kind is not None
                and "goodbye" in self.kb.smalltalk
            ):
                return self.replies.smalltalk("goodbye", text, context)  # "😴" after a routine
            if sum(ch.isalpha() for ch in text) >= lexicon.OTHER_SCRIPT_LETTERS:
                # letters the normaliser keeps none of: Cyrillic, Greek, Chinese, Arabic...
                return self.replies.other_language(None, context)
            if "?" in text:
                again = self._said_again(context)
                if again is not None:  # "??" after a stretch: it again, step by step
                    return again
            return self.replies.empty(text, context)
        if set(analysis.normalised) <= lexicon.LAUGHTER and "acknowledge" in self.kb.smalltalk:
            return self.replies.smalltalk("acknowledge", text, context)  # a bare "lol"
        if lexicon.praise_then_thanks(analysis.corrected) and "thanks" in self.kb.smalltalk:
            return self.replies.smalltalk("thanks", text, context)  # "really helpful thanks"
        praise = lexicon.bare_praise(analysis.normalised)
        if praise is not None:
            said = self._match(analysis)
            if (
                said.kind == "smalltalk"
                and said.confidence >= self.matcher.threshold
                # "lol ok good" after a routine is no answer to how one is
                and said.key not in lexicon.PRAISE_NOT_READ_AS
            ):
                praise = said.key  # "amazing", "that was great": the compliment it reads as
        if (
            praise is not None
            and praise in self.kb.smalltalk
            and (context.kind is not None or analysis.normalised != ("sick",))  # ill, maybe
        ):
            return self.replies.smalltalk(praise, text, context)  # "sick, worked"
        social = social_word(analysis.normalised)
        if social is not None:
            # "gracias", "merci beaucoup": within a conversation in English, the thanks (or
            # hello, or goodbye) it is; to open one, the language the person writes in
            code, key = social
            if context.kind is not None and key in self.kb.smalltalk:
                return self.replies.smalltalk(key, text, context)
            return self.replies.other_language(code, context)
        if len(context.areas) > 1 and lexicon.asks_for_both(analysis.corrected):
            # "stretch for both?" after "my neck and shoulders are tight": one routine for them
            plan = self._areas_plan(context.areas)
            if len(plan.areas) > 1:
                return self._resized(plan, SizeAsk(), context, postures=False)
        asked_area = self._area_asked_to_see_someone(analysis, context)
        if asked_area is not None:
            # "should i see someone about it" after why the neck gets stiff, "is it serious":
            # when to get it checked, the area's own warning signs first
            return self._with_conditions(self._see_someone(asked_area, context), named, context)
        if lexicon.NEW_QUESTION_CUE in self.cues.read(
            analysis.corrected[: lexicon.NEW_QUESTION_REACH]
        ):
            # "unrelated, but is it ok to stretch every day": not about the area before
            context = replace(
                context, topic=None, kind=None, intent=None, stretch=None, routine=None, plan=None
            )
        checked = self._stretch_checked_for(newly_named, analysis, context)
        if checked is not None:  # "btw im pregnant, is that one still ok?" after a stretch
            return checked
        about = self._condition_asked_about(analysis, context, named)
        if about is not None:  # "so what should she avoid?" after her osteoporosis was told
            ordered = (about, *(c for c in context.conditions if c != about))
            return self.replies.condition(ordered, context)
        chosen = lexicon.choice_after_a_comparison(analysis.corrected, context.intent)
        if (
            chosen is not None
            and not analysis.topics
            and (GENERAL, chosen) in self.kb.answers
            and self.wants.subjects_named(analysis.corrected) <= {chosen}
        ):
            # "so which before running" after static against dynamic stretching: a choice
            # between the two things compared, not a warm-up asked instead; "better than
            # stretching though?" after foam rolling: foam rolling again
            return self._cue_answer((GENERAL, chosen), named, context)
        if lexicon.asks_to_be_sent_daily(analysis):
            # "can u remind me to do this every day?" after a routine: the daily reminders,
            # not how often to do it
            return self._with_conditions(self.replies.daily("on", context), named, context)
        switch = lexicon.daily_switch(analysis, after_a_tip=context.kind == "tip")
        if switch is not None and context.kind not in (None, "daily", "tip"):
            # "daily tips please" after a stretch: the daily tips, not how often to stretch it
            return self._with_conditions(self.replies.daily(switch, context), named, context)
        after_it = self._step_after(analysis, context)
        if after_it is not None:  # "whats next after the cat cow one" during a routine
            return after_it
        if lexicon.says_confused(analysis.corrected):
            again = self._said_again(context)
            if again is not None:  # "huh", "i dont get it" after a stretch card
                return again
        if (
            lexicon.asks_for_sources(analysis.corrected)
            and not analysis.topics
            and not self.wants.subjects_named(analysis.corrected)
            and not self.pick.activities_in(analysis.corrected)
        ):
            sourced = self._with_its_sources(context)
            if sourced is not None:  # "source?", "says who" after an answer
                return sourced
        asked_when = self._routine_asked_when(analysis, context)
        if asked_when is not None:
            # "when should i do it" after the football warm-up: its timing, not a fallback
            return self.replies.plan_when(asked_when, context)
        if self._asks_why_the_routine_helps(analysis, context):
            # "why does that help" after the desk break: what stretching does for you
            return self.replies.answer(GENERAL, lexicon.BENEFITS, context)
        form = self._told_while_doing_it(analysis, context)
        if form is not None:  # "my back arches when i do it" after the low lunge
            return form
        if (
            # in a routine (after one stretch's card, its easier version answers instead)
            context.kind == "routine"
            and (GENERAL, lexicon.PAIN_GENERAL) in self.kb.answers
            and lexicon.asks_whether_to_go_on(analysis.corrected, analysis.text)
        ):
            # "my hamstring twinged a bit on the last one, should i keep going?" during the
            # splits session: whether a stretch should hurt (the red flags were read first)
            return self.replies.answer(GENERAL, lexicon.PAIN_GENERAL, context)
        if (
            context.kind == "answer"
            and (context.intent or "").endswith(".why_tight")
            and set(analysis.topics) <= {context.topic}
            and context.topic in self.kb.topics
            and lexicon.checks_a_cause(analysis.corrected, analysis.text)
        ):
            # "i sit like 10 hrs a day, is it that?" after why the psoas gets tight: the
            # causes again, to check it against
            reply = self.replies.answer(str(context.topic), "why_tight", context)
            return with_lead(reply, lexicon.CAUSE_CHECK_LEAD)
        kept = self._kept_to_after_an_answer(text, analysis, context)
        if kept is not None:  # "can i do any of these between clients" after why it aches
            return kept
        worse = self._one_side_worse_after_an_answer(analysis, context)
        if worse is not None:  # "my left side is worse" after why the hamstrings get tight
            return worse
        moved = self._move(text, analysis, context)
        if moved is not None:  # "now the other leg?", "too hard", "again", "thanks! and ..."
            return self._with_conditions(moved, newly_named, context)
        if switch is None and context.kind == "daily":
            switch = lexicon.daily_follow_up(analysis)  # "what time do they come"
        if switch is not None:  # "please stop the daily tips", "sign me up for the daily tip"
            return self._with_conditions(self.replies.daily(switch, context), named, context)
        tip_area = self._tip_for_an_area(analysis, context)
        if tip_area is not None:  # "neck tip?", "a tip for my neck"
            reply = self.replies.tip(" ".join(analysis.words), context, topic=tip_area)
            return self._with_conditions(reply, named, context)
        named_stretch = self.stretch_names.find(analysis.corrected, analysis.breaks)
        if named_stretch is not None:  # "pigeon pose how to", "figure 4 stretch"
            # "head rush coming up from child's pose": the sensation; "should stretching hurt?
            # i'm practically crying in pigeon pose": the question the message opens with
            felt = self.wants.sensation_named(analysis.corrected)
            first = analysis.corrected[: analysis.pieces()[0][1]]
            if felt is None and self.stretch_names.find(first, frozenset()) is None:
                felt = self.wants.subject_asked_first(analysis)
            methods = self.wants.subjects_named(analysis.corrected) & lexicon.METHODS_OVER_NAMES
            if (
                felt is None
                and len(methods) == 1
                and "asks_stretch" not in self.cues.read(analysis.corrected)
            ):
                # "coach says no more holding stretches, only leg swings ... is that right? we
                # always did static stretches": a question about the way of stretching
                felt = methods.pop()
            if felt is None:
                felt = self._general_asked_after_a_name(analysis)
            apart = self._area_stretch_asked_apart(analysis)
            if felt is not None:
                reply = self.replies.answer(
                    GENERAL, felt, context, confidence=lexicon.CUE_CONFIDENCE
                )
            elif apart is not None:
                # "leg day with loads of walking lunges ... is there a quad stretch that
                # doesn't need me to balance?": the stretch asked for, not the one told of
                reply = self._stretch_within_limits(apart, analysis, context)
            else:
                card = self.kb.stretches[named_stretch]
                reply = self._named_stretch(card, context)
                if lexicon.asks_for_another(analysis.corrected):
                    # "pigeon pose hurts my knee, what can i do instead": read as said on its
                    # card, a stretch for the same area that keeps to what was told
                    other = self._move(text, analysis, reply.context)
                    if (
                        other is not None
                        and other.kind == "stretch"
                        and other.topic in card.topics  # not "knees dont like pigeon pose"
                        and other.context.stretch not in (named_stretch, reply.context.stretch)
                    ):
                        reply = other
            return self._with_conditions(reply, named, context)
        sized = self._sizing(analysis, context)
        if sized is not None:  # "i have 10 minutes", "no kneeling", "a longer one"
            return self._with_conditions(sized, named, context)
        earlier = tuple(c for c in context.conditions if c not in named)
        routine = self.pick.for_condition(named, analysis) or self.pick.for_condition(
            earlier, analysis, told_before=True
        )
        if routine is not None:  # "pregnant, safe stretches?", "stretches for my 80 yr old mum"
            reply = self.replies.routine(self.kb.routines[routine], context)
            return self._with_conditions(reply, named, context)
        area_routine = self._area_routine(analysis, context)
        if area_routine is not None:  # "glute routine", "can you make that a routine"
            return self._with_conditions(area_routine, named, context)
        at_work = self._work_break_asked(analysis, context)
        if at_work is not None:  # "something i can do without my coworkers noticing"
            return self._with_conditions(at_work, named, context)
        timed = self._time_routine_asked(analysis)
        if timed is not None:  # "give me a routine for the evening": the bedtime one
            reply = self.replies.routine(self.kb.routines[timed], context)
            return self._with_conditions(reply, named, context)
        session = self._session_end_asked(analysis, context)
        if session is not None:  # "i want to stretch after my workout": its cool-down
            reply = self.replies.routine(self.kb.routines[session], context)
            return self._with_conditions(reply, named, context)
        if self._plain_stretch_ask(analysis, context, named):  # "i want to stretch", "any stretch?"
            before = lexicon.before_its_occasion(analysis.corrected)
            if lexicon.ONE_STRETCH_WORDS.intersection(before):
                # "give me a stretch for today", not "good stretch after a long day"
                reply = self._one_stretch(context)
            else:
                reply = self._all_over_routine(context, lexicon.PLAIN_ASK_LEAD, "short")
            return self._with_conditions(reply, named, context)
        if self._plain_routine_ask(analysis, context, named):  # "routine?", "give me a routine"
            reply = self._all_over_routine(context, lexicon.PLAIN_ROUTINE_LEAD)
            return self._with_conditions(reply, named, context)
        if (
            lexicon.area_thanks(analysis.words)
            and len(set(analysis.topics)) == 1
            and lexicon.COMPLIMENT in self.kb.smalltalk
            and not self.cues.read(analysis.corrected) & lexicon.AREA_ASKED_CUES
        ):  # "my back thanks you": a compliment in the back's voice
            reply = self.replies.smalltalk(lexicon.COMPLIMENT, text, context)
            return self._with_conditions(reply, named, context)
        if (
            not analysis.topics
            and lexicon.asks_what_a_muscle_is(analysis.corrected)
            and (GENERAL, lexicon.WHAT_A_MUSCLE_IS) in self.kb.answers
        ):  # "dumb question but what actually is a muscle"
            reply = self.replies.answer(GENERAL, lexicon.WHAT_A_MUSCLE_IS, context)
            return self._with_conditions(reply, named, context)
        cued = next(
            (k for k in self._answers_read_from_cues(analysis) if k in self.kb.answers), None
        )
        if cued is not None:  # "psoas vs hip flexors", "stretching makes my back worse"
            return self._cue_answer(cued, named, context)
        match = self._to_the_complaint(
            self._match(analysis, self._last_area(analysis, context)), analysis
        )
        asked_first = None if named else self._question_first(analysis, context, match)
        if asked_first is not None:  # "where exactly is the psoas? my PT mate says ..."
            return asked_first
        if (
            named
            and match.kind == "routine"
            and match.key in self.kb.conditions
            and match.key not in named
        ):
            # "im pregnant, can i stretch" reads like "im 70, can i stretch" (the older adults'
            # routine): the condition the message names is what it asks about
            return self._with_conditions(self.replies.condition(named, context), named, context)
        if match.kind != GENERAL:
            closing = self._closing_question(analysis, context)
            if closing is not None:
                # "... today I can barely lift my arms. Will stretching help with the soreness?"
                return self._with_conditions(closing, named, context)
        if match.kind == "out_of_scope" or match.confidence < self.matcher.threshold:
            language = language_of(analysis.normalised)  # only a message we did not understand
            if language is not None:
                return self.replies.other_language(language, context)
        part = (
            None
            # "a stretch mark cream for my belly": a look-alike's other sense
            if analysis.topics or self.matcher.look_alike_pairs(analysis.words)
            else lexicon.part_asked_to_stretch(analysis.corrected, lexicon.PARTS_OF_AREAS)
            # "stomach feels all tight after 200 crunches": the muscles the exercise works
            or (
                lexicon.part_worked_by_an_exercise(analysis.corrected, lexicon.PARTS_OF_AREAS)
                if "complaint" in self.cues.read(analysis.corrected)
                else None
            )
        )
        if part is not None and not named and lexicon.PARTS_OF_AREAS[part] in self.kb.topics:
            # "stretch for my stomach": the stomach muscles, asked to be stretched, keeping to
            # a condition told before; one told with it ("had a c-section, stretches for my
            # stomach?") gets the condition's own answer below
            reply = self.replies.stretch_for_topic(
                lexicon.PARTS_OF_AREAS[part], context, confidence=lexicon.CUE_CONFIDENCE
            )
            return self._with_conditions(reply, named, context, analysis.corrected)
        uncovered = None if analysis.topics else lexicon.uncovered_part(analysis.corrected)
        if uncovered is not None:
            # "stretch for my face", "eye stretches": a part of the body with no stretches
            # here, said plainly (it read like "stretch for my legs")
            lead = lexicon.UNCOVERED_LEAD.format(part=uncovered)
            return self.replies.fallback(replace(match, kind="none"), context, lead=lead)
        reply = self._from_match(match, analysis, context)
        reply = self._keep_the_area(reply, analysis, context)
        if (
            (
                reply.kind in ("tip", "routine", "stretch")
                or (reply.kind == "answer" and reply.topic == GENERAL)
            )
            and not analysis.topics
            and self.cues.where(analysis.corrected, "body_mod")
        ):
            # "ear stretching tips", "what gauge next": stretching that modifies the body, not
            # a muscle's
            return self.replies.fallback(replace(match, kind="none"), context)
        if reply.kind == "fallback" and self.matcher.look_alike_pairs(analysis.words):
            return reply  # "stretch marks cream after pregnancy": another sense, not advice
        if (
            reply.kind == "fallback"
            and not analysis.topics
            # "my kitten's stretch" is the kitten's; "puppy pose" is a pose
            and not (
                "not_a_body" in self.cues.read(analysis.corrected)
                and lexicon.PERSONAL_OWNERS.intersection(analysis.corrected)
            )
        ):
            name = lexicon.unknown_stretch_name(analysis.normalised, self.matcher.vocab)
            if name is not None:
                # "scorpion stretch": a stretch we have no card for, said plainly, not "I
                # can't help with that"
                lead = lexicon.UNKNOWN_STRETCH_LEAD.format(name=name)
                return self.replies.fallback(replace(match, kind="none"), context, lead=lead)
        if (
            reply.intent == "fallback"
            and match.kind == "out_of_scope"
            and match.topics
            and "not_a_body" not in self.cues.read(analysis.corrected)
            and any(
                end - start > 1 or lexicon.owned(analysis.corrected, start, end)
                for start, end, _topic in analysis.spans
            )
        ):
            # a look-alike matched, with none of its word pairs and no thing named, and an
            # area that is the writer's or has a name of its own ("hip flexors and my new
            # job"; not "neck and neck"): the area named is what to ask about
            reply = self.replies.fallback(replace(match, kind="none"), context)
        if (
            reply.kind == "routine"
            and lexicon.ROUTINE_WORDS.isdisjoint(analysis.corrected)
            and not lexicon.warm_ups_named(analysis.corrected)
        ):
            # "i drive all day for work btw" after why the piriformis gets tight: what the
            # writer does, told of the area, asks for no routine for the activity
            story = self._story_for(analysis, context)
            if story is not None:
                return self._with_conditions(story, named, context)
        if reply.kind == "fallback":
            bare = self._without_social_edges(analysis.corrected)
            if bare is not None:  # "brill thanks x", "how are you anyway", "well thank you dear"
                again = self._reply(" ".join(bare), context)
                if again.kind != "fallback":
                    return again
            # in a conversation, a follow-up missed for its chat words: "can you even stretch
            # it tho", "to hard", "quads esp" (a first message keeps the strict reading)
            plain = lexicon.plainer(analysis.corrected) if context.kind is not None else None
            if plain is not None:
                again = self._reply(" ".join(plain), context)
                if again.kind != "fallback":
                    return again
            story = self._story_for(analysis, context)
            if story is not None:  # "i work on a laptop all day if that matters" after the neck
                return self._with_conditions(story, named, context)
            morning = (GENERAL, lexicon.MORNING_STIFFNESS)
            if morning in self.kb.answers and self._stiff_in_the_morning(analysis):
                # "like the tin man every morning"
                reply = self._morning_stiffness_reply(analysis, context)
                return self._with_conditions(reply, named, context)
            rest = self._after_greeting(analysis)
            if rest:  # "hi, what can you do": what follows the greeting
                after = self._reply(" ".join(rest), context)
                if after.kind != "fallback":
                    return after
            asked = self._asked_of_the_bot(text, context)
            if asked is not None:  # "my grandson set this up for me, who made you?"
                return asked
            last = self._last_question_alone(text, context)
            if last is not None:  # "found my old yoga mat. where do i start"
                return self._with_conditions(last, named, context)
            topic_first = self._topic_first(text, context)
            if topic_first is not None:  # "and calves? heard they're linked"
                return topic_first
            inside = self._ask_inside_a_miss(text, analysis, context)
            if inside is not None:  # "rowed a 2k today. hamstrings?", "give me one then"
                return self._with_conditions(inside, named, context)
            # the last sentence's ask, when the reason closes it: "my heart is broken lol,
            # need a stretch to distract me" asks for a stretch, whatever came before
            last_start = analysis.pieces()[-1][0]
            head = (
                lexicon.before_its_reason(analysis.corrected[last_start:]) if last_start else None
            )
            if head is None:
                head = lexicon.before_its_reason(analysis.corrected)
            # in a talk about stretching, or naming it: "remind me every day to call my mum so
            # i don't forget" is no ask of ours
            if head is not None and (
                context.kind in lexicon.STRETCHING_KINDS
                or not lexicon.PLAIN_STRETCH_WORDS.isdisjoint(head)
            ):
                # "can u remind me every day so i dont slack": the ask, without the reason
                # that outweighs it
                again = self._reply(" ".join(head), context)
                if again.kind in lexicon.STRETCHING_KINDS:
                    return again
            told = lexicon.thanks_then_told(analysis) or (
                context.kind in ("stretch", "routine", "answer", "tip")
                and lexicon.praise_then_told(analysis)
            )
            if told and "thanks" in self.kb.smalltalk:
                # "cheers, off on my round now", "thank you, she'll love this"; "lovely,
                # sending it to my mum" after a routine
                return self.replies.smalltalk("thanks", " ".join(analysis.words), context)
            if SEEKING_CARE in safety.symptoms and "acknowledge" in self.kb.smalltalk:
                # "I'll ring my oncology nurse", "ok i'll get it looked at": support, not "I
                # only know about stretching"
                reply = self.replies.smalltalk("acknowledge", " ".join(analysis.words), context)
                return with_lead(reply, lexicon.GETTING_CARE_LEAD)
            if rest is not None and self._greets(analysis, rest):
                reply = self.replies.smalltalk("greeting", " ".join(analysis.words), context)
            elif self._says_goodbye(analysis):
                reply = self.replies.smalltalk("goodbye", " ".join(analysis.words), context)
            elif (
                reply.kind == "fallback"
                and reply.suggestions == self.replies.menus
                and not lexicon.STRETCHING_AS_A_PRACTICE.isdisjoint(analysis.corrected)
                and "not_a_body" not in self.cues.read(analysis.corrected)
            ):
                # "is stretching a scam": nothing to guess, but a question about stretching is
                # no question the bot "can't help with" (the verb stretches many things: "how
                # to stretch a tarp" stays declined)
                reply = self.replies.fallback(match, context, lead=NOT_SURE_STRETCHING_LEAD)
        if (
            reply.intent == f"{GENERAL}.{lexicon.JOINT_NOISES}"
            and not analysis.topics
            and lexicon.noise_of_a_thing(analysis.corrected)
        ):
            # "car makes a clicking noise when i turn left", "my bike makes a clicking noise":
            # a machine's noise, not a joint's
            reply = self.replies.fallback(replace(match, kind="out_of_scope"), context)
        if reply.kind == "smalltalk":
            named = newly_named  # "thanks 🤰" after the pregnancy was told: thanks
        return self._with_conditions(reply, named, context, analysis.corrected)

    def _question_first(self, analysis: Analysis, context: Context, match: Match) -> Reply | None:
        """The reply to the question a message opens with, when the rest only tells: "where
        exactly is the psoas? my PT mate says my back pain comes from my hips", "morning
        stretch routine? i wake up feeling like the tin man", "why am i so out of breath
        after 2 mins of jogging, i stretch every day". The telling is context; read whole, it
        can outweigh what was asked. Only a question that names another area than the whole
        message's reading (`match`), or a routine, or names a general subject with no area
        told after it, counts. None otherwise."""
        pieces = analysis.pieces()
        if len(pieces) < 2:
            return None
        words = analysis.corrected
        end = pieces[0][1]
        head, tail = words[:end], words[end:]
        text = analysis.text
        mark = next((i for i, ch in enumerate(text) if ch in lexicon.PIECE_MARKS), None)
        # "ok what actually IS the psoas. ...": the question after an acknowledgement
        first = head[1] if len(head) > 1 and head[0] in lexicon.ACK_LEADS else head[0]
        opens_asking = first in lexicon.WH_WORDS or first in lexicon.YES_NO_STARTS
        if len(head) < lexicon.ASKED_FIRST_MIN_WORDS or mark is None:
            return None
        if not (opens_asking or text[mark] == "?") or "?" in text[mark + 1 :]:
            return None
        if any(
            tail[start] in lexicon.WH_WORDS or tail[start] in lexicon.YES_NO_STARTS
            for start, _end in ((s - end, e - end) for s, e in pieces[1:])
        ):
            return None  # "... , is that normal": a second question
        areas = {topic for start, _end, topic in analysis.spans if start < end}
        activities = self.pick.activities_in(head, of_the_body=self.pick.about_the_body(tail))
        others = self.wants.subjects.matches(head) or activities
        if not (areas or others):
            return None  # nothing the question names could be answered on its own
        # a whole message read as a look-alike that names the area does not answer it
        look_alike = match.kind == "out_of_scope"
        if not others and areas == {match.topic} and not look_alike:
            return None  # the whole message is read about the area the question names
        # the question keeps its mark: "stretch before a run or after?" asks, where
        # "stretch before a run or after" may ask for a routine
        reply = self._reply(" ".join(head) + ("?" if text[mark] == "?" else ""), context)
        topic = reply.context.topic
        if (
            reply.kind == "fallback"
            and len(activities) == 1
            and activities[0] in lexicon.TIME_ROUTINES.values()
            and "?" in text[: mark + 1]
        ):
            # "anything calming before bed? my mind races and my shoulders are hunched up":
            # the time of day is the body's, which only the telling after it shows
            return self.replies.routine(
                self.kb.routines[activities[0]], context, confidence=lexicon.CUE_CONFIDENCE
            )
        if reply.kind == "routine":
            # one the question names by its activity, setting or time ("before golf",
            # "morning stretch routine"), not one read from a typo ("stretch for my sides")
            return reply if activities else None
        if reply.kind not in ("answer", "stretch") or not reply.intent.startswith(f"{topic}."):
            return None  # a condition's advice, small talk, a fallback
        if topic != GENERAL:
            # the same area read whole keeps the whole message's cues ("good chest stretch?
            # hunched over a laptop all day")
            return reply if topic != match.topic or look_alike else None
        told_areas = any(start >= end for start, _end, _topic in analysis.spans)
        key = reply.intent.partition(".")[2]
        return reply if self.wants.names_subject(key, head) and not told_areas else None

    def _answers_read_from_cues(self, analysis: Analysis) -> Iterator[tuple[str, str]]:
        """The answers (topic, aspect) a message's own words ask for before the intent layer
        is asked, in order; the caller takes the first the knowledge base has: a disputed
        before-or-after, stretching told to make a pain worse, a sensation felt while
        stretching asked why, two areas compared, soreness in several areas after a session
        asked whether normal."""
        words = analysis.corrected
        if not analysis.topics and (
            lexicon.disputes_timing(words) or lexicon.asks_plainly_when(words)
        ):
            # "always stretched before, now they say after"; "when am i supposed to stretch"
            yield GENERAL, "before_after"
        if lexicon.stretching_made_worse(words):
            if self.wants.sore_after_exercise(analysis, areas=True):
                # "first leg day in a year, stairs are my nemesis. should i stretch or will
                # that make it worse": soreness after a session, and what helps it
                yield GENERAL, lexicon.SORENESS
            yield GENERAL, lexicon.PAIN_ANSWER  # "the stretches make my back worse"
        if (
            (
                lexicon.TENSION_HEADACHE in self.wants.subjects_named(words)
                or self._headache_with_a_tight_neck(analysis)
            )
            and set(analysis.topics) <= lexicon.TENSION_AREAS
            and (
                # "..., stretch?" asks the stretch; "will neck stretches do anything" whether
                # they help, which the answer tells
                (
                    "asks_stretch" not in self.cues.read(words)
                    and lexicon.STRETCH_NOUNS.isdisjoint(words)
                )
                or any(lexicon.asks_whether(words[s:e]) for s, e in analysis.pieces())
            )
            # "... something for the neck please" asks for the area
            and not ("request" in self.cues.read(words) and lexicon.aimed(analysis.words))
        ):
            # "shoulders up by my ears and a headache most afternoons": the headache the tight
            # neck and shoulders bring, which their answer does not speak of
            yield GENERAL, lexicon.TENSION_HEADACHE
        felt = self._sensation_in_a_stretch_asked(analysis)
        if felt is not None:  # "when i stretch my calves i get a cramp in my foot, why"
            yield GENERAL, felt
        compared = self._areas_compared(analysis)
        if compared is not None:  # "is the piriformis part of the glutes"
            yield compared, "what"
        if (
            len({t for t in analysis.topics if t != GENERAL}) > 1
            and not lexicon.SORE_WORDS.isdisjoint(words)
            and "exercise" in self.cues.read(words)
            # "legs felt like jelly after my first spin class ... thats normal right?"
            or self.wants.sore_after_exercise(analysis)
        ) and not lexicon.NORMAL_WORDS.isdisjoint(words):
            # "first vinyasa class yesterday and today my shoulders and hamstrings are SORE.
            # is that normal?": soreness after a session, felt in more than one place
            yield GENERAL, lexicon.SORENESS

    def _the_stretch_asked_first(self, reply: Reply, analysis: Analysis, context: Context) -> Reply:
        """For a general answer or a routine given to a message whose first piece asks for an
        area's stretch by name and nothing more ("hamstring stretch pls, i cant touch my
        toes"), and whose other pieces ask no question of why or what: that area's stretch.
        The reply unchanged otherwise."""
        pieces = analysis.pieces()
        if (
            reply.kind not in ("answer", "routine")
            or (reply.kind == "answer" and reply.topic not in (None, GENERAL))
            or len(pieces) < 2
        ):
            return reply
        start, end = pieces[0]
        areas = {t for s, _e, t in analysis.spans if start <= s < end and t != GENERAL}
        if len(areas) != 1 or not lexicon.asks_an_areas_stretch(analysis.words[start:end]):
            return reply
        if self.cues.read(analysis.corrected[end:]) & {"why", "what"}:
            return reply
        return self.replies.stretch_for_topic(areas.pop(), context)

    def _muscle_named_first(self, reply: Reply, analysis: Analysis, context: Context) -> Reply:
        """An area's first stretch, for a message that names one muscle of the area that
        another of its stretches is named for: that one ("my triceps are tight" gets the
        triceps stretch, not the arms' first, the biceps one). The reply unchanged otherwise,
        and when it carries more than the card (a condition's note, a lead)."""
        topic = reply.topic or ""
        if reply.kind != "stretch" or topic not in self.kb.topics or topic == GENERAL:
            return reply
        canon = self.matcher.words.canon
        area = self.kb.topics[topic]
        whole = {canon(w) for w in re.findall(r"[a-z]+", area.name.lower())}
        muscles = {n for n in area.names if " " not in n and canon(n) not in whole}
        named = {canon(w) for w in muscles.intersection(analysis.corrected)}
        if not named:
            return reply

        def named_for(stretch: Stretch) -> bool:
            return not named.isdisjoint(
                canon(w) for w in re.findall(r"[a-z]+", stretch.name.lower())
            )

        shown = self._plain_first_card(reply, context)
        if shown is None or named_for(shown):
            return reply
        avoided = self.replies.avoided(context)
        seen = context.seen if context.topic == topic else ()
        better = next(
            (
                s
                for s in self.kb.stretches_for(topic)
                if named_for(s) and s.id not in seen and avoided.isdisjoint(s.caution_tags)
            ),
            None,
        )
        if better is None:
            return reply
        return self.replies.stretch(better, topic, context, confidence=reply.confidence, seen=seen)

    def _fit_for_work(self, reply: Reply, analysis: Analysis, context: Context) -> Reply:
        """An area's first stretch, done on the floor, for a message that asks for something
        to do at work ("my lower back is killing me, anything I can do at work?", "between
        clients"): the area's first one off the floor, and the rest of the conversation keeps
        off it. The reply unchanged otherwise, and when it carries more than the card."""
        if reply.kind != "stretch" or (
            lexicon.first_span(analysis.corrected, lexicon.AT_WORK_SPANS) is None
        ):
            return reply
        shown = self._plain_first_card(reply, context)
        if shown is None or LIMIT_TAGS["no_floor"].isdisjoint(shown.caution_tags):
            return reply
        off_the_floor = replace(context, limits=_AT_WORK)
        again = self.replies.stretch_for_topic(
            reply.topic or "", off_the_floor, confidence=reply.confidence
        )
        return again if again.kind == "stretch" else reply

    def _kept_to_after_an_answer(
        self, text: str, analysis: Analysis, context: Context
    ) -> Reply | None:
        """After an answer about an area, a last sentence asking for its stretches at work
        ("can i do any of these between clients") or within a limit ("anything i can do on
        a chair", "can i do these standing up"): the area's first stretch that keeps to it
        (at work: off the floor), and the conversation keeps to it after. None otherwise."""
        words = analysis.corrected
        topic = context.topic or ""
        if (
            context.kind != "answer"
            or topic in ("", GENERAL)
            or topic not in self.kb.topics
            or analysis.topics
            or not words
        ):
            return None
        asked = words[analysis.pieces()[-1][0] :]
        at_work = lexicon.first_span(asked, lexicon.AT_WORK_SPANS)
        # "something i can do in my chair between games?": the occasion is no extra ask
        told = len(asked) - (at_work[1] - at_work[0] if at_work is not None else 0)
        if at_work is not None and not lexicon.ROUTINE_NAMING_WORDS.isdisjoint(asked):
            return None  # "any quick routine for it i can do at my desk": the desk break
        if told > lexicon.MOVE_MAX_WORDS or not (
            "?" in text
            or asked[0] in lexicon.QUESTION_STARTS
            or asked[0] in lexicon.ASKING_OPENERS
            or asked[0] in lexicon.ANY_OPENERS
        ):
            return None
        limits: frozenset[Limit] = frozenset()
        ask = self.sizes.read(analysis)
        if ask is not None and ask.minutes is None and ask.resize is None:
            limits = ask.limits | ask.postures  # "in my chair between games": the chair
        if not limits and at_work is not None:
            limits = _AT_WORK
        if not limits:
            return None
        return self._fitting_stretch(SizeAsk(limits=limits), context, topic)

    def _plain_first_card(self, reply: Reply, context: Context) -> Stretch | None:
        """The stretch of a reply that is an area's first stretch card and nothing more: no
        condition's note, no lead, no limits the conversation keeps to. Another card may take
        its place (`_muscle_named_first`, `_fit_for_work`); None for any other reply."""
        topic = reply.topic or ""
        if (
            reply.kind != "stretch"
            or topic in ("", GENERAL)
            or reply.intent != f"{topic}.stretch"
            or not reply.stretches
            or reply.conditions
            or context.limits
        ):
            return None
        shown = self.kb.stretches[reply.stretches[0]]
        seen = context.seen if context.topic == topic else ()
        plain = self.replies.stretch(shown, topic, context, confidence=reply.confidence, seen=seen)
        return shown if plain.blocks == reply.blocks else None

    def _routine_purpose_asked(self, match: Match, analysis: Analysis) -> str | None:
        """The general answer that speaks for a routine the intent layer found, when the
        message asks why one does it and asks for nothing: "why stretch before bed anyway?"
        (stretching to calm down), "why cool down after a run" (whether one is needed). None
        when no one answer speaks for that routine."""
        words = analysis.corrected
        if match.kind != "routine" or not words or words[0] != "why" or analysis.topics:
            return None
        if any(
            cue in ("request", "asks_stretch") and not lexicon.STRETCH_FORMS.issuperset(words[s:e])
            for s, e, cue in self.cues.matches(words)
        ):
            return None  # "why not give me a bedtime one" (not "why stretch ...": no ask)
        speaking = [
            key
            for (topic, key), answer in self.kb.answers.items()
            if topic == GENERAL
            and answer.routine is not None
            and (match.key == answer.routine or match.key.startswith(answer.routine + "_"))
        ]
        return speaking[0] if len(speaking) == 1 else None

    @staticmethod
    def _headache_with_a_tight_neck(analysis: Analysis) -> bool:
        """Whether a message names a headache in plain words together with the neck or the
        shoulders ("band-like headache and my neck and shoulders feel like concrete"), not as
        a figure of speech ("this deadline is giving me a headache")."""
        words = analysis.corrected
        told = [
            i
            for i, w in enumerate(words)
            if w in lexicon.HEADACHE_WORDS and NEGATORS.isdisjoint(words[max(0, i - 2) : i])
        ]  # "no headache, just tight traps" tells none
        return (
            bool(told)
            and any(t != GENERAL for t in analysis.topics)
            and lexicon.HEADACHE_IDIOM_WORDS.isdisjoint(words)
        )

    def _cue_answer(self, key: tuple[str, str], named: Sequence[str], context: Context) -> Reply:
        """The answer `key` (topic, aspect), read from the message's cues, with its conditions."""
        topic, aspect = key
        reply = self.replies.answer(topic, aspect, context, confidence=lexicon.CUE_CONFIDENCE)
        return self._with_conditions(reply, named, context)

    def _routine_named_past_the_match(self, match: Match, analysis: Analysis) -> str | None:
        """The routine runner-up of a look-alike match, for a message that names stretching
        and that routine's activity or time ("give me a 5 minute morning stretch thing to do
        before coffee") and has none of the look-alike's word pairs; or of a general answer
        whose subject the message does not name, when it asks for a stretch ("whats the best
        stretch for someone who sits all day"). None otherwise."""
        words = analysis.corrected
        if analysis.topics or match.kind not in ("out_of_scope", GENERAL):
            return None
        if match.kind == GENERAL and (
            # "whats a good stretch if you sit all day": a general answer it does not name,
            # the routine of the setting it names
            self.wants.subjects_named(words) or "asks_stretch" not in self.cues.read(words)
        ):
            return None
        if lexicon.PLAIN_STRETCH_WORDS.isdisjoint(words) or (
            match.kind == "out_of_scope" and self.wants.other_sense(match, analysis)
        ):
            return None
        named = self.pick.activities_in(words)
        found = next(
            (key for kind, key, _t in match.alternatives if kind == "routine" and key in named),
            None,
        )
        if found is None and match.kind == GENERAL and len(named) == 1:
            return named[0]  # a runner-up further down: the one setting the message names
        return found

    def _stiff_in_the_morning(self, analysis: Analysis) -> bool:
        """Whether a message nothing else understood complains, naming no area, of how it
        feels in the morning or on getting up: "im like the tin man every morning", "feel like
        a rusty gate when i get up", "i walk like an old man in the mornings"."""
        words = analysis.corrected
        return (
            not analysis.topics
            and lexicon.tells_morning(words)
            and (
                not lexicon.STIFF_WORDS.isdisjoint(words)
                # a stiff likeness: "i walk like an old man in the mornings" (not "every
                # morning i feel like garbage")
                or any(
                    not lexicon.STIFF_LIKENESS.isdisjoint(words[s:e])
                    for s, e in self.cues.where(words, "complaint")
                )
            )
            and lexicon.owns_only_the_body(words)
            and not self.cues.read(words) & {"not_a_body", "device"}
        )

    def _sensation_in_a_stretch_asked(self, analysis: Analysis) -> str | None:
        """The sensation a message asks why it feels while stretching: "when i stretch my
        calves i get a cramp in my foot, why", "why do my legs shake when i hold a stretch".
        None when it asks for a stretch, names no sensation or no stretching, or names one
        area, whose own answer says why it cramps or shakes."""
        words = analysis.corrected
        if lexicon.STRETCH_FORMS.isdisjoint(words) or len(set(analysis.topics)) == 1:
            return None  # one area named: it is the one that cramps ("why do my hamstrings ...")
        cues = self.cues.read(words)
        if "why" not in cues or cues & lexicon.ASKS_A_STRETCH_CUES:
            return None
        return self.wants.sensation_named(words)

    def _areas_compared(self, analysis: Analysis) -> str | None:
        """The first of two areas a message compares, asking what they are: "adductors vs hip
        flexors, whats the difference?", "is the psoas the same as the hip flexor". Their
        `what` answers say where each sits and what it does. None when it names fewer than
        two areas, compares nothing, or asks for a stretch or tells a complaint."""
        # the piece that compares first ("whats the difference between the psoas and hip
        # flexors? my pilates teacher keeps telling us to ..." asks nothing of the story),
        # then the whole message ("psoas and hip flexors, whats the difference")
        pieces = analysis.pieces()
        if len(pieces) > 1:
            pieces = (*pieces, (0, len(analysis.corrected)))
        for start, end in pieces:
            named = list(dict.fromkeys(t for s, _e, t in analysis.spans if start <= s < end))
            piece = analysis.corrected[start:end]
            if len(named) < 2 or not lexicon.compares(piece):
                continue
            cues = self.cues.read(piece)
            if cues & (lexicon.ASKS_A_STRETCH_CUES | {"request", "complaint", "why"}):
                return None
            return named[0]
        return None

    def _stretch_checked_for(
        self, named: Sequence[str], analysis: Analysis, context: Context
    ) -> Reply | None:
        """After a stretch card, a message that tells a condition ("btw im pregnant, 24 weeks,
        is that one still ok?", "i should mention my hip was replaced in march"): that stretch
        checked against it, shown again when it suits, else one for the same area that does.
        None when no new condition is told, no stretch is on screen, or the message asks about
        another area or a routine."""
        shown = self.kb.stretches.get(context.stretch or "")
        if not named or shown is None or context.kind != "stretch":
            return None
        words = analysis.corrected
        if (
            any(t != GENERAL for t in analysis.topics)
            or not lexicon.ROUTINE_NAMES.isdisjoint(words)
            # "is that the same as sciatica?": asks what the complaint is, tells no condition
            or lexicon.compares(words)
        ):
            return None
        kept = replace(context, conditions=tuple(dict.fromkeys(context.conditions + tuple(named))))
        conditions = [self.kb.conditions[c] for c in named]
        avoided = self.replies.avoided(kept)
        topic = context.topic or shown.topics[0]
        told = " and ".join(c.name for c in conditions)
        if avoided.intersection(shown.caution_tags):
            reply = with_lead(
                self.replies.stretch_for_topic(topic, kept),
                f"Skip the {shown.name.lower()} {told}. Here is one that suits instead.",
            )
        else:
            reply = with_lead(
                self.replies.stretch(shown, topic, kept),
                f"The {shown.name.lower()} is fine {told}: keep it gentle.",
            )
        return self._with_conditions(reply, named, kept)

    def _condition_asked_about(
        self, analysis: Analysis, context: Context, named: Sequence[str]
    ) -> str | None:
        """The condition told last before this message (not among those it `named`), for a
        short question that names no area nor any general subject and asks what is safe with
        it: "so what should she avoid?" after her osteoporosis, "so should i just push
        further into them?" after "i'm hypermobile". None otherwise ("is it safe to do it
        every day" asks about every day)."""
        words = analysis.corrected
        told = [c for c in context.conditions if c not in named]
        # "can i lie on my back": a position, not the back
        areas = [s for s in analysis.spans if not lexicon.position_span(words, s[0])]
        if not told or areas or len(words) > lexicon.CONDITION_ASK_MAX_WORDS:
            return None
        asks = "?" in analysis.text or (bool(words) and words[0] in lexicon.QUESTION_STARTS)
        position = words[0] in lexicon.YES_NO_STARTS and not lexicon.POSITION_ASK_WORDS.isdisjoint(
            words
        )
        if not asks or (lexicon.CONDITION_ASK_WORDS.isdisjoint(words) and not position):
            return None
        if self.wants.subjects.matches(words) or lexicon.every_day(words):
            return None  # "is it safe to do it every day": the general question
        if (
            context.topic not in (None, GENERAL)
            and not lexicon.POINTING_WORDS.isdisjoint(words)
            and not lexicon.STRETCH_FORMS.isdisjoint(words)
        ):
            return None  # "how do i stretch it safely" after the neck: the neck's stretch
        # a condition told by an age ("my mum is 81") says less of what to avoid than one
        # named ("and has osteoporosis"): the named one, the last told
        return sorted(told, key=lambda c: self.kb.conditions[c].ages is None)[-1]

    def _asks_to_stretch_on(self, analysis: Analysis) -> bool:
        """Whether a message asks whether to stretch or exercise, naming no area: "should I
        just keep doing the stretch you gave me?", "can i still do my yoga"; not a new
        question ("unrelated, how long should i hold a stretch normally?")."""
        words = analysis.corrected
        if analysis.topics or lexicon.STRETCH_ON_WORDS.isdisjoint(words):
            return False
        if lexicon.asks_in_general(words) or lexicon.NEW_QUESTION_CUE in self.cues.read(words):
            return False
        return (
            "?" in analysis.text
            or words[0] in lexicon.QUESTION_STARTS
            or "request" in self.cues.read(words)
        )

    def _last_area(self, analysis: Analysis, context: Context) -> str | None:
        """The topic a message's "it" points at: the conversation's, or after a general
        answer about the stretch on screen ("hold how long" then "when shud i do it"), that
        stretch's area."""
        if context.topic == GENERAL and not lexicon.POINTING_WORDS.isdisjoint(analysis.corrected):
            return self._stretch_area(context) or context.topic
        return context.topic

    def _stretch_area(self, context: Context) -> str | None:
        """The first area of the stretch the conversation last showed, if any."""
        stretch = self.kb.stretches.get(context.stretch or "")
        return next((t for t in stretch.topics if t != GENERAL), None) if stretch else None

    def _topic_first(self, text: str, context: Context) -> Reply | None:
        """In a conversation, for a message not understood that opens with an area alone and
        goes on about something else ("and calves? heard they're linked"): the reply to the
        area alone. None otherwise."""
        sentences = lexicon.sentences(text)
        if context.kind is None or len(sentences) < 2:
            return None
        first = self.matcher.analyse(sentences[0])
        if not first.topics or not self.wants.bare_topic(first.words):
            return None
        again = self._reply(sentences[0], context)
        return again if again.kind != "fallback" else None

    def _asked_of_the_bot(self, text: str, context: Context) -> Reply | None:
        """For a message not understood whose last sentence (in a conversation) or first
        sentence (in a first message) asks something of the bot itself ("my grandson set this
        up for me, who made you?"): the reply to that sentence. None otherwise."""
        sentences = lexicon.sentences(text)
        if len(sentences) < 2:
            return None
        # a first message that closes so is as often asked of any assistant; one that opens
        # so asks the bot, and says why after ("are you a real person or a bot? asking
        # because you replied at 3am")
        asked = sentences[-1] if context.kind is not None else sentences[0]
        if lexicon.BOT_WORDS.isdisjoint(normalize(asked).split()):
            return None  # "..., are ab stretches ok", "..., who's right": not asked of the bot
        last = self.matcher.analyse(asked)
        match = self._match(last)
        if match.kind != "smalltalk" or match.key not in lexicon.QUESTIONS_TO_THE_BOT:
            return None
        if match.confidence < self.matcher.threshold:
            return None
        return self.replies.smalltalk(match.key, " ".join(last.words), context)

    def _area_asked_to_see_someone(self, analysis: Analysis, context: Context) -> str | None:
        """The area a message asks whether to get checked ("should i see a physio for my
        tight hamstrings", "is it serious" after the neck's answer): the one it names, else the
        conversation's; None for a message that asks no such thing or has no area (a doctor
        asked about a cough is none of ours)."""
        if (GENERAL, lexicon.SEE_SOMEONE) not in self.kb.answers:
            return None
        words = analysis.corrected
        # the question may close the message: "that makes sense. how long till it gets better?"
        if not any(lexicon.asks_to_see_someone(words[s:e]) for s, e in analysis.pieces()):
            return None
        if self.wants.subjects_named(analysis.corrected):
            return None  # "is it serious if my knees crack": the cracking's own answer
        named = [t for t in analysis.topics if t != GENERAL]
        if named:
            return named[0]
        if context.kind in ("answer", "stretch") and context.topic not in (None, GENERAL):
            return context.topic
        if context.kind == "answer" and context.general_answer in lexicon.BODY_FELT_GENERAL:
            return GENERAL  # "is something wrong with me?" after why mornings are stiff
        return None

    def _see_someone(self, area: str, context: Context) -> Reply:
        """When to get an area checked: the general answer, the paragraph of the area's own
        answer that names its warning signs first, when it has one."""
        reply = self.replies.answer(
            GENERAL, lexicon.SEE_SOMEONE, context, confidence=lexicon.CUE_CONFIDENCE
        )
        # the reply is about the area: "how do i stretch it" next is its stretch
        reply = replace(reply, topic=area, context=replace(reply.context, topic=area))
        own = self.kb.answers.get((area, "why_tight"))
        signs = [p for p in own.paragraphs if lexicon.names_care(p)] if own else []
        if not signs or not reply.blocks:
            return reply
        title, *rest = reply.blocks
        return replace(reply, blocks=(title, Block("para", signs[-1]), *rest))

    def _ask_inside_a_miss(self, text: str, analysis: Analysis, context: Context) -> Reply | None:
        """For a message missed whole, an ask it holds that the story around it hid: a bare
        area asked last ("rowed a 2k today. hamstrings?"), what is wanted after "so" ("... so
        i want to warm up properly"), what a muscle knot is, a stretching tip asked by name
        ("what's your number one stretching tip for people who stand all day"), a bare "give me
        one" in a conversation, a routine asked for to do ("any quick routine to do before
        work"). None when it holds none of these."""
        area_last = self._bare_area_asked_last(text, context)
        if area_last is not None:
            return area_last
        asked_so = self._asked_after_so(analysis, context)
        if asked_so is not None:
            return asked_so
        words = analysis.corrected
        if (
            not analysis.topics
            and (GENERAL, lexicon.KNOTS) in self.kb.answers
            and lexicon.asks_about_knots(words, context.kind in lexicon.STRETCHING_KINDS)
        ):
            return self.replies.answer(GENERAL, lexicon.KNOTS, context)
        if (
            lexicon.asks_a_stretching_tip(words)
            and not self.cues.where(words, "body_mod")
            and not self.cues.where(words, "not_a_body")  # "stretching tips for my cat"
        ):
            # who it is for is told in words of no tip of ours
            return self.replies.tip(" ".join(analysis.words), context)
        if lexicon.asks_for_one(words):
            return self._one_asked(context)
        return self._routine_asked_to_do(analysis, context)

    def _asked_after_so(self, analysis: Analysis, context: Context) -> Reply | None:
        """For a message missed whole that tells a reason, then "so" and what the writer wants
        ("my mate snapped his achilles playing padel last year so i want to warm up
        properly"): the routine or stretch that part alone gets. None otherwise."""
        words = analysis.corrected
        at = max((i for i, w in enumerate(words) if w == "so"), default=0)
        rest = words[at + 1 :]
        if not at or len(rest) < lexicon.ASKED_AFTER_SO_MIN_WORDS:
            return None
        if rest[0] not in lexicon.ASK_AFTER_SO_STARTS:
            return None  # "so tight", "so much": "so" as "very"
        again = self._reply(" ".join(rest), context)
        return again if again.kind in ("routine", "stretch") else None

    def _bare_area_asked_last(self, text: str, context: Context) -> Reply | None:
        """For a message not understood whose last sentence is a bare area, asked ("gonna die
        if i have to row another 2k lol. hamstrings?", "long day at work. neck?"): the reply
        to that area alone, its stretch as "hamstrings?" gets. None otherwise."""
        said = lexicon.sentences(text)
        if len(said) < 2 or not text.rstrip().endswith("?"):
            return None
        last = self.matcher.analyse(said[-1])
        if (
            not last.topics
            or len(last.corrected) > lexicon.BARE_AREA_ASK_WORDS
            or not lexicon.TIP_WORDS.isdisjoint(last.corrected)  # "calf flexibility tips?"
        ):
            return None
        again = self._reply(said[-1], context)
        if again.kind in ("stretch", "answer") and again.topic in last.topics:
            return again
        return None

    def _last_question_alone(self, text: str, context: Context) -> Reply | None:
        """For a message not understood that tells something about stretching or the body
        first and closes with a short question: the reply to that question alone, when it
        is a general answer or a routine ("what a stroke of luck, found my old yoga mat.
        where do i start", "i'm 55 and a bit stiffer than i used to be, nothing hurts. where
        do i start"). A story about anything else ("moving house next week. where do i
        start?") is left alone. None otherwise."""
        said = lexicon.sentences(text)
        if len(said) < 2:
            return None
        question = normalize(said[-1]).split()
        if not question or len(question) > lexicon.LAST_QUESTION_MAX_WORDS:
            return None
        if question[0] not in lexicon.QUESTION_STARTS | lexicon.WH_WORDS and "?" not in text[-2:]:
            return None
        if not lexicon.POINTING_WORDS.isdisjoint(question):
            return None  # "..., is that true": about the story, not a question of its own
        # "hi! my physio mentioned you. what can you help me with?": what the bot does,
        # whatever the story before (not "my horse has a tight calf?? what do i do", nor "i
        # cannot locate my phone, can you help me")
        about_the_bot = question[0] in lexicon.WH_WORDS and not lexicon.BOT_WORDS.isdisjoint(
            question
        )
        story = normalize(" ".join(said[:-1])).split()
        # ... or exercise: "ripped my jeans doing a deep squat lol, how do i get better at
        # squatting"
        story_cues = self.cues.read(story)
        about_stretching = (
            not lexicon.ABOUT_STRETCHING_WORDS.isdisjoint(story) or "exercise" in story_cues
        ) and "thing_trouble" not in story_cues  # not "back tyre keeps going flat after rides"
        if not (about_the_bot or about_stretching):
            return None
        asked = self.matcher.analyse(said[-1])
        if asked.topics:
            return None
        match = self._match(asked)
        if match.confidence < self.matcher.threshold:
            return None
        if about_the_bot and (match.kind, match.key) == ("smalltalk", lexicon.WHAT_CAN_YOU_DO):
            reply = self._answer(said[-1], asked, context)
            return reply if reply.kind == "help" else None
        if match.kind not in (GENERAL, "routine") or not about_stretching:
            return None
        reply = self._answer(said[-1], asked, context)
        return reply if reply.kind in ("answer", "routine") else None

    def _subject_asked_what(self, words: Sequence[str], analysis: Analysis) -> str | None:
        """The general subject a short "what is ..." question names by one of its keywords,
        naming no area: "and whats PNF", "what's a foam roller even for". The area of the
        conversation before is not what it asks about."""
        if analysis.topics or "what" not in words[:3]:
            return None
        if lexicon.warm_ups_named(words) and self.pick.activities_in(words):
            return None  # "whats a cooldown for after a bike ride" asks for the ride's
        return self.wants.one_subject_named(words)

    def _yes_or_no_answer(self, words: Sequence[str], text: str, context: Context) -> Reply | None:
        """A bare "yes" or "no" read against the last reply; None for anything else. After
        "Is this about your calves?": yes is why they get tight (the stretch one tap away), no
        asks again. After an area's answer ("Want the stretch?"): yes is the stretch; after a
        general answer with a routine of its own (touching the toes): that routine; after a
        stretch card, the area's next stretch; after how to get the daily tips, the daily tips.
        No ("no thats it", "nope im good") says goodbye."""
        said = lexicon.yes_or_no(words)
        # "sign me up for those" after a tip: the daily tips
        signs_up = context.kind == "tip" and "sign" in words
        if (
            said is None
            and (context.kind == "answer" or context.intent == "daily.on" or signs_up)
            and lexicon.goes_ahead(words)
        ):
            # "ok lets do it" after how to touch the toes: its routine; "yeah go on sign me
            # up" after how to get the daily tips: them
            said = "yes"
        if said is None:
            return None
        say, kb, topic = self.replies, self.kb, context.topic
        if context.intent == ASKED_ABOUT_AREA:
            if topic is None:
                return None
            if said == "no":
                return say.not_that_area(context)
            return (
                say.answer(topic, "why_tight", context)
                if (topic, "why_tight") in kb.answers
                else None
            )
        if said == "no" and context.kind in ("answer", "stretch", "routine"):
            # "no thats it", "nope im good": nothing more wanted
            return say.smalltalk("goodbye", text, context) if "goodbye" in kb.smalltalk else None
        if said == "yes" and context.kind == "stretch" and topic not in (None, GENERAL):
            # "yes pls" after a stretch card, which asks nothing: more, the area's next stretch
            return self._followup("another", topic, context, lexicon.CUE_CONFIDENCE)
        if said == "yes" and (context.intent == "daily.on" or signs_up):
            # "yeah" after how to get the daily tips; "sign me up for those" after a tip
            return say.daily("on", context)
        if context.kind != "answer" or said == "no":
            return None
        if topic not in (None, GENERAL):
            return say.stretch_for_topic(topic, context, confidence=lexicon.CUE_CONFIDENCE)
        routine = self.pick.for_answer(context)
        return say.routine(kb.routines[routine], context) if routine is not None else None

    def _what_to_do_about_the_answer(
        self, question: Sequence[str], analysis: Analysis, context: Context
    ) -> Reply | None:
        """After a general answer with a routine of its own, a short question what to do about
        it, naming nothing else ("so what do i do about it" after why mornings are stiff):
        that routine. None otherwise."""
        if (
            context.general_answer is None
            or analysis.topics
            or len(question) > lexicon.MOVE_MAX_WORDS
            or not (
                lexicon.asks_what_to_do(question) or lexicon.has_pair(question, lexicon.WHAT_TO_DO)
            )
            or self.wants.subjects_named(question)
            or self.sizes.read(analysis) is not None  # "something i can do sitting in a chair"
        ):
            return None
        routine = self.pick.for_answer(context)
        return self.replies.routine(self.kb.routines[routine], context) if routine else None

    def _move(self, text: str, analysis: Analysis, context: Context) -> Reply | None:
        """A short follow-up read against what came before: the other side, easier, harder,
        again, longer; "stretch?" after a topic; a question behind a thank-you. None when
        the message is none of these."""
        words = analysis.corrected
        if not words:
            return None
        thanks = "thanks_lead" in self.cues.read(words[:2])
        # a thank-you in front does not make the question longer ("great thanks, how long
        # should i hold each one")
        # ("thanks. now my wrists": an area is enough of a question)
        least = 1 if analysis.topics else 2
        thanked = lexicon.after_thanks(words, self.cues, least) if thanks else []
        if thanks and not thanked and context.kind is not None and lexicon.acknowledged(words):
            # "ok stretch it", "ok other side": the rest asks, however short (read whole, "ok
            # stretch it" is "is it ok to stretch every day")
            after = self._asked_after(words[1:], analysis, context)
            if after.kind != "fallback":
                return after
        question = thanked or words
        if (
            # "i can't exactly kneel ...": a softener makes a follow-up no longer
            sum(w not in SOFTENERS for w in question) > lexicon.SIZE_MOVE_MAX_WORDS
            and not self._opens_with_variant(words)
            and not self._closes_with_variant(analysis)
        ):
            return None
        if context.kind is None and not thanks:
            return None  # a first message is no follow-up
        if (
            context.kind == "stretch"
            and context.stretch in self.kb.stretches
            and not analysis.topics
            and len(words) <= lexicon.MOVE_MAX_WORDS
            and lexicon.asks_form_check(words)
            and not self.cues.complains(words)
        ):
            # "where should i feel it", "am i doing it right", "how do i know if its working"
            # after a card: how it should feel and what to watch for
            return self.replies.stretch_details(self.kb.stretches[context.stretch], context)
        if (
            context.kind == "routine"
            and context.plan is not None
            and not analysis.topics
            and len(words) <= lexicon.MOVE_MAX_WORDS
            and lexicon.has_pair(words, lexicon.ORDER_PAIRS)
        ):
            # "do i do them in order", "does the order matter" after a routine
            return with_lead(self.replies.sized_routine(context.plan, context), lexicon.ORDER_LEAD)
        aged = self._age_told_after_a_goal(analysis, context)
        if aged is not None:  # "im 40 btw" after how long the splits take
            return aged
        why = self._why_asked_again(analysis, context)
        if why is not None:  # "why tho im 28" after morning stiffness
            return why
        placed = self._area_by_place(analysis, context)
        if placed is not None:  # "and the second" after "piriformis vs glutes"
            return placed
        say, kb = self.replies, self.kb
        answered = self._yes_or_no_answer(words, text, context)
        if answered is not None:  # "yes" to "Is this about your calves?" or "Want the stretch?"
            return answered
        if self._says_goodbye(analysis):  # "ok that's enough, bye" after a card
            return say.smalltalk("goodbye", " ".join(analysis.words), context)
        in_bed = self._in_bed(analysis, context)
        if in_bed is not None:  # "can i do it in bed?" after a stretch or a routine
            return in_bed
        cause = self._cause_asked(analysis, context)
        if cause is not None:  # "is it from my pillow?", "i work at a desk, is that why"
            return cause
        if (
            context.kind == "answer"
            and context.topic in kb.topics
            and context.topic != GENERAL
            and not analysis.topics
            and len(words) <= lexicon.MOVE_MAX_WORDS
            and lexicon.has_pair(words, lexicon.NEED_TO_DO_PAIRS)
            and "asks_stretch" in self.cues.read(words)
        ):
            # "so what do i need to do" after why the psoas gets tight: the area's stretch,
            # not the help text its "what do i do" reads like
            return say.stretch_for_topic(context.topic, context)
        if (
            context.kind in lexicon.STRETCHING_KINDS
            and context.topic not in (None, GENERAL)
            and not analysis.topics
            and lexicon.asks_beyond_stretching(words)
        ):
            # "what else can i do apart from stretching" after a wrist stretch: a tip about the
            # area, which gives habits and changes beyond the stretch
            return say.tip(None, context, topic=context.topic)
        if (
            context.intent == "daily.on"
            and (not lexicon.TIMES_OF_DAY.isdisjoint(words) or lexicon.names_a_clock_time(words))
            and len(words) <= lexicon.SHORT_ASK_WORDS
            and lexicon.ROUTINE_WORDS.isdisjoint(words)
            and lexicon.STRETCH_FORMS.isdisjoint(words)
            and not lexicon.asks_wh(words)
        ):
            return say.daily("on", context)  # "actually make it evenings": how to pick the time
        if (
            context.kind == "routine"
            and context.routine in lexicon.TRIP_ROUTINES
            and not analysis.topics
            and lexicon.asks_about_arriving(words)
            # "and when i land? legs will be dead": the legs' routine (below)
            and not self.pick.regions_outside_activities(words)
            and lexicon.AFTER_A_JOURNEY in kb.routines
        ):
            # "and when i land?" after the long-flight routine: loosen the whole body
            reply = say.routine(kb.routines[lexicon.AFTER_A_JOURNEY], context)
            return with_lead(reply, lexicon.AFTER_A_JOURNEY_LEAD)
        whole = (
            self.pick.for_region(analysis)
            if context.kind in lexicon.STRETCHING_KINDS
            and not lexicon.WHOLE_WORDS.isdisjoint(words)
            and self.pick.regions_outside_activities(words)
            else None
        )
        if whole is not None and say.sizer.can_build(Plan(whole)):
            # "got something for 5 minutes? for the whole lower body" after the glutes: the
            # region's routine, in the minutes asked, not the area's before
            return self._resized(
                Plan(whole), self.sizes.read(analysis) or SizeAsk(), context, postures=False
            )
        placed_back = (
            lexicon.back_place_told(words, analysis.spans)
            if context.kind in ("stretch", "answer") and context.topic in lexicon.BACK_AREAS
            else None
        )
        if placed_back is not None:
            # "lower, near my belt" after a back stretch: that part of the back, the same kind
            # of reply
            if context.kind == "stretch":
                return say.stretch_for_topic(placed_back, context)
            told_aspect = context.last_aspect
            if (placed_back, told_aspect) in kb.answers:
                return say.answer(placed_back, told_aspect, context)
        if (
            context.kind in ("stretch", "routine", "answer")
            and not analysis.topics
            and "?" not in text
            and (
                lexicon.tells_a_plan(words)
                # "ok i'll go easier next time" (with a thank-you, it is thanked)
                or (lexicon.tells_going_easier(words) and lexicon.THANKS_OPENERS.isdisjoint(words))
            )
            and "acknowledge" in kb.smalltalk
        ):
            # "ill do that one tonight before bed": noted, nothing asked
            return say.smalltalk("acknowledge", " ".join(analysis.words), context)
        asked_bare = self._general_asked_bare(words, question, analysis, context)
        if asked_bare is not None:  # "every night?", "do i need to buy anything"
            return say.answer(GENERAL, asked_bare, context)
        if (
            context.kind in lexicon.STRETCHING_KINDS
            and not analysis.topics
            and lexicon.asks_a_bare_reminder(words)
        ):
            # "i always forget tho" then "can you remind me": the daily tips are its reminder
            return say.daily("on", context)
        if (
            context.intent == "daily.on"
            and lexicon.says_daily_off(words)
            and not analysis.topics
            and lexicon.ROUTINE_WORDS.isdisjoint(words)
        ):
            # "actually no, cancel that, i get enough notifications" just after turning them on
            return say.daily("off", context)
        if (
            "longer" in words
            and context.kind in ("stretch", "answer")
            and lexicon.HOLD_WORDS.isdisjoint(words)
            and not analysis.topics
        ):
            # "got a longer session for this? like 15 min": a routine for the area before,
            # in the minutes asked
            area = context.topic
            routine_words = lexicon.ROUTINE_NAMES | lexicon.SESSION_NAMES
            # ... or "got a longer routine?" with nothing else asked
            only_asked = all(
                w in lexicon.LONGER_ONE_WORDS or w in routine_words or w in STOPWORDS for w in words
            )
            if (
                area not in (None, GENERAL)
                and (only_asked or not lexicon.POINTING_AT_ONE.isdisjoint(words))
                and not routine_words.isdisjoint(words)
            ):
                plan = Plan(area or "", area=True, length="long")
                if say.sizer.can_build(plan):
                    minutes = self.sizes.read(analysis) or SizeAsk()
                    return self._resized(plan, minutes, context, postures=False)
            # "got a longer one for the whole legs after work?", "got a longer one i can do
            # after the gym?": a routine, for the region or the setting it names
            routine = self.pick.for_region(analysis) or self._routine_besides_longer(words)
            if routine is not None:
                return say.routine(kb.routines[routine], context)
        size = self._size_asked_first(words)
        if size is not None and context.kind in ("stretch", "routine"):
            # "shorter version? I'm knackered", "longer one? i have time tonight": the ask
            # leads, the rest says why
            if context.plan is not None and say.sizer.can_build(context.plan):
                return say.resize(context.plan, longer=size == "longer", context=context)
            area_plan = Plan(context.topic or "", area=True, length="long")
            areas_named = self._areas_named(analysis)
            if areas_named:
                # "longer, something for neck and shoulders together": the areas named
                area_plan = replace(self._areas_plan(areas_named), length="long")
            if context.kind == "stretch" and size == "longer" and say.sizer.can_build(area_plan):
                # "can you make it longer", "longer one? i have time tonight" after a card: a
                # card has no longer form; a longer session for its area
                return say.sized_routine(area_plan, context)
            if context.kind == "stretch":
                return self._followup(size, context.topic, context, lexicon.CUE_CONFIDENCE)
        if size is not None and context.kind == "answer" and context.topic not in (None, GENERAL):
            # "can you give me a longer version, i've got time" after why the quads get
            # tight: a routine for the area, in the size asked
            plan = Plan(
                context.topic or "", area=True, length="long" if size == "longer" else "short"
            )
            if say.sizer.can_build(plan):
                return say.sized_routine(plan, context)
        todo = self._what_to_do_about_the_answer(question, analysis, context)
        if todo is not None:  # "so what do i do about it" after why mornings are stiff
            return todo
        cues = self.cues.read_asked(words)
        named = self._subject_asked_what(question, analysis)
        if named is not None:  # "and whats PNF, my teacher mentioned it" after a hip stretch
            return say.answer(GENERAL, named, context)
        if (
            context.kind == "answer"
            and context.general_answer in lexicon.SAYS_IF_HARMFUL
            and not analysis.topics
            and lexicon.asks_if_normal(question)
            and len(question) <= lexicon.MOVE_MAX_WORDS
        ):
            # "is that normal though?" after a head rush: the answer says when it is not
            reply = say.answer(GENERAL, context.general_answer, context)
            return with_lead(reply, lexicon.USUALLY_NORMAL_LEAD)
        if (
            context.general_answer in lexicon.SENSATION_ANSWERS - lexicon.SAYS_IF_HARMFUL
            and not analysis.topics
            and lexicon.asks_if_normal(question)
            and (GENERAL, lexicon.PAIN_GENERAL) in kb.answers
        ):
            # "is that bad tho, should i stop when it happens?" after why a leg shakes in a
            # stretch: what a stretch should and shouldn't feel like
            return say.answer(GENERAL, lexicon.PAIN_GENERAL, context)
        if context.kind == "routine" and context.plan is not None and not analysis.topics:
            if lexicon.asks_how_long_it_takes(question):
                goal = next(
                    (
                        key
                        for key in lexicon.MILESTONE_SUBJECTS
                        if self.pick.of_general(key) == context.plan.base
                        and (GENERAL, key) in kb.answers
                    ),
                    None,
                )
                if goal is not None and lexicon.SESSION_POINTERS.isdisjoint(question):
                    # "how long will it take" after the splits session: until the splits,
                    # not the session's length ("how long is this one" still is)
                    return say.answer(GENERAL, goal, context)
                # "how long does it take" after a routine: its length, which the card leads with
                return say.routine_length(context.plan, context)
            if lexicon.asks_what_it_needs(question):
                # "do i need a mat" after a routine: what its steps need
                return say.routine_needs(context.plan, context)
            if (
                (context.routine or "").startswith("cooldown")
                and lexicon.has_pair(question, lexicon.NEED_IT_PAIRS)
                and (GENERAL, lexicon.COOLDOWN_NEEDED) in kb.answers
            ):
                # "do i need it after short commutes too or just the long rides" after a
                # cool-down: whether one is needed
                return say.answer(GENERAL, lexicon.COOLDOWN_NEEDED, context)
        area = context.topic
        if (
            context.kind in ("answer", "stretch")
            and area not in (None, GENERAL)
            and (area, "why_tight") in kb.answers
            and not analysis.topics
            and lexicon.asks_only_if_normal(question)
            # "is it supposed to hurt when i stretch": whether stretching should hurt
            and (
                lexicon.HURT_WORDS.isdisjoint(question)
                or lexicon.STRETCH_FORMS.isdisjoint(question)
            )
        ):
            # "is that normal?" after the knee's stretch or answer: what is common for the
            # area, and when to get it checked
            return say.answer(area, "why_tight", context)
        # "done. now what", naming no area nor activity (read whole, "done" is a finished run
        # and its cool-down)
        what_now = (
            context.kind in ("stretch", "routine")
            and not analysis.topics
            and len(question) <= lexicon.MOVE_MAX_WORDS
            and lexicon.has_pair(question, lexicon.WHAT_NOW)
            and not self.pick.activities_in(question, context)
        )
        if what_now and context.kind == "stretch" and context.topic not in (None, GENERAL):
            # after a stretch card: the area's next stretch
            return self._followup("another", context.topic, context, lexicon.CUE_CONFIDENCE)
        if (
            what_now
            and context.kind == "routine"
            and context.plan is not None
            and not (context.routine or "").startswith("warmup")  # a warm-up's: its cool-down
            and not lexicon.FINISHED_WORDS.isdisjoint(question)
        ):
            if (context.intent or "").startswith(lexicon.GUIDE_PREFIX):
                done = self._typed_step(("done",), context)  # during the steps: the next one
            else:
                done = say.routine_done(context.plan, context)
            if done is not None:  # "done. what now" after the desk break: well done, and next
                return done
        if (
            context.kind == "routine"
            and "another" in cues
            # only with "done": without it, "another" is read as before (below)
            and not lexicon.FINISHED_WORDS.isdisjoint(question)
            and not analysis.topics
            and len(question) <= lexicon.MOVE_MAX_WORDS
            and not lexicon.asks_wh(question)
            and not self.pick.activities_in(question, context)
        ):
            # "done all those, got another?", "finished, another routine pls": a routine that
            # was done asks for a different one, not the cool-down its "done" would read as
            return self._followup("another", context.topic, context, lexicon.CUE_CONFIDENCE)
        # "before or after?" asks when, not for the other end's routine; "they click when i
        # squat, bad?" names a subject of its own
        choice = {"before", "after"} <= set(words)
        twin = (
            None
            if choice or self.wants.subjects_named(words)
            else (
                self.pick.twin(analysis, context)
                or self.pick.swapped(analysis, context)
                or self.pick.end_of_told_activity(analysis, context)
            )
        )
        if twin is not None:  # "and for after the match?" after the football warm-up
            twin_of = context.plan
            if context.kind == "routine" and twin_of is not None and not twin_of.area:
                # the size and limits asked of the one on screen hold ("5 min max" before it)
                return say.sized_routine(replace(twin_of, base=twin), context)
            return say.routine(kb.routines[twin], context)  # "what about cycling" after a run's
        if context.kind == "routine" and words[0] in lexicon.AREA_TOO_OPENERS | {"then"}:
            # "and when i land i've got a 3 hour drive to the hotel" after the flight's: the
            # next setting told, with a routine of its own
            settings = [r for r in self.pick.activities_in(words, context) if r != context.routine]
            if len(settings) == 1 and not analysis.topics:
                return say.routine(kb.routines[settings[0]], context)
        step = (
            self._typed_step(words, context)
            or self._step_skipped(analysis, context)
            or self._step_named(words, analysis, context)
        )
        if step is not None:  # "next" after a routine: its steps one by one
            return step
        goal = self._goal_timeline_asked(analysis, context)
        if goal is not None:  # "realistically how long" after the splits routine
            return say.answer(GENERAL, goal, context)
        setting = self._setting_talked_of(analysis, context)
        if setting is not None:  # "what can i do in the car at red lights" after the drive
            return say.routine(kb.routines[setting], context)
        remembered = self._remembered_warm_up(analysis, context)
        if remembered is not None:  # "then whats a pregame warmup" after talk of soccer
            return say.routine(kb.routines[remembered], context)
        if (
            context.kind in ("answer", "stretch")
            and context.topic not in (None, GENERAL)
            and set(words) <= lexicon.CARRY_ON_WORDS
        ):
            # "and?", "so?" after why an area gets tight: what to do about it; after a
            # stretch: the next one
            return say.stretch_for_topic(context.topic, context)
        if (
            context.kind == "stretch"
            and context.topic not in (None, GENERAL)
            and lexicon.done_then_next(words)
        ):
            # "did that too, next", "finished that, next?": the next stretch for the area
            return say.stretch_for_topic(context.topic, context)
        if (
            context.kind == "answer"
            and context.topic not in (None, GENERAL)
            and not analysis.topics
            and len(words) <= lexicon.MOVE_MAX_WORDS
            and not self.wants.subjects_named(words)
            and lexicon.TIP_WORDS.isdisjoint(words)  # "tip to stop them getting so tight?"
            and (
                lexicon.has_pair(words, lexicon.WHAT_NOW)  # "ok what now"
                # "ok give me something to do tonight", "anything i can do"
                or (
                    lexicon.asks_what_to_do(words)
                    and lexicon.ROUTINE_NAMES.isdisjoint(words)
                    and not self.pick.activities_in(words)
                    # "anything i should do before getting in": the activity's warm-up
                    and not lexicon.done_before_or_after(words)
                )
                # "how do i stop it happening", "how do i prevent that"
                or (
                    not (lexicon.PRONOUNS_BACK | lexicon.POINTING_WORDS).isdisjoint(words)
                    and lexicon.has_pair(words, lexicon.STOP_IT_PAIRS)
                )
            )
        ):
            # after why an area gets tight: what to do about it, its stretch
            return say.stretch_for_topic(context.topic, context)
        # the area of the conversation, and whether the message points back at it ("that",
        # "it", "mine")
        # ("hold how lng" then "n when shud i do it": the area of the stretch on screen)
        last = self._last_area(analysis, context)
        area = last if last and last != GENERAL else None
        pointing = bool(lexicon.POINTING_WORDS.intersection(words))
        # "calf one too?" after the ankles: the calves' own, not the ankle card named "calf"
        # ... and "now one for the hip flexors" after a quad stretch: theirs, not the quad card
        # whose name says "hip flexor"
        adds_an_area = (
            bool(set(analysis.topics) - {area})
            and (
                not _ALSO.isdisjoint(words)
                or lexicon.area_asked_for(words, analysis.spans, besides=area)
            )
            and {"version", "variation", "variant"}.isdisjoint(words)  # "a bent knee version too?"
        )
        version = None if adds_an_area else self._version_named(words, context, area)
        if version is not None:  # "bent knee version?", "the seated one" after a calf stretch
            return say.stretch(kb.stretches[version], area or version, context)
        if (
            area
            and pointing
            and context.kind in ("answer", "stretch")
            and not analysis.topics
            and (words[0] == "how" or words[0] in lexicon.YES_NO_STARTS)
            and not lexicon.STRETCH_FORMS.isdisjoint(words)
            and not lexicon.SAFE_ASK_WORDS.isdisjoint(words)
            and not (self.wants.subjects.matches(words) or lexicon.every_day(words))
            and "asks_when" not in cues  # "is it safe to stretch it before bed?"
            and kb.stretches_for(area)
        ):
            # "can i stretch them safely?", "how do i stretch it safely" after why an area gets
            # tight: its stretch, under what any condition told changes; with its stretch on
            # screen, whether stretching is safe
            if context.kind == "answer":
                return say.stretch_for_topic(area, context)
            if (GENERAL, lexicon.HARMFUL_GENERAL) in kb.answers:
                return say.answer(GENERAL, lexicon.HARMFUL_GENERAL, context)
        if (
            area is not None
            and context.kind == "stretch"
            and [t for t in analysis.topics if t != GENERAL] == [area]
            and tuple(words[:3]) in lexicon.IS_IT_THE
            and (area, "what") in kb.answers
            and "why" not in cues
        ):
            # "is that the adductors or something else" after their stretch: what the muscle
            # is and where it lies
            return say.answer(area, "what", context)
        another = self._another_for(analysis, cues, context, area)
        if another is not None:
            # "no doorway at my gym, another option?", "quads are screaming, one more for them"
            if context.kind in ("answer", "smalltalk") and context.topic == GENERAL:
                # the stretch shown before a general answer ("hold time?") is not shown again
                shown = (context.stretch,) if context.stretch else context.seen
                return say.stretch_for_topic(another, replace(context, topic=another, seen=shown))
            return say.stretch_for_topic(another, context)
        focus = self._focus_asked(analysis, cues, context)
        if focus is not None:  # "mostly for my lower back" after the road-trip routine
            return self._stretch_within_limits(focus, analysis, self._off_the_floor(context))
        # the stretch on screen, or the one a question about stretching was asked about
        # ("how long do i hold it?" then "other side?"); a reason may come with the ask
        # ("thats too hard, i cant get anywhere near, easier one?")
        on_stretch = (
            context.kind == "stretch"
            or context.general_answer is not None
            # "useless bot" then "fine, something easier then": the stretch still on screen
            or (context.kind == "smalltalk" and context.stretch is not None)
            # "this one is too hard, easier?" on a routine's step: that step's stretch
            or (
                context.kind == "routine"
                and (context.intent or "").startswith(lexicon.GUIDE_PREFIX)
                and context.stretch is not None
            )
        )
        stretch = kb.stretches.get(context.stretch or "") if on_stretch else None
        varies = bool(cues & lexicon.VARIANT_CUES) or lexicon.asks_both_sides(words)
        if stretch is None and context.kind == "answer" and area and varies:
            # "harder version please", "now the other hand" after why an area gets tight: its
            # first stretch's
            stretch = next(iter(kb.stretches_for(area)), None)
        # an area named is the reason ("my knee hurts in it, easier one?", "easier one, my
        # neck is sensitive"), unless it is another area of its own ("harder one for my calves")
        reason = (
            pointing
            or set(analysis.topics) <= {area, *(stretch.topics if stretch else ())}
            or self._area_is_the_reason(analysis, cues)
            or self._area_is_the_side(analysis)
        )
        if stretch is not None and (reason or lexicon.KNEELING_WORDS.intersection(words)):
            limited = self._limited_instead(analysis, cues, stretch, context)
            if limited is not None:  # "easier? kneeling hurts my knee" after a kneeling stretch
                return limited
        if (
            stretch is not None
            and context.kind == "stretch"
            and pointing
            and words[0] in lexicon.YES_NO_STARTS
            and "before" in words
            and "exercise" in cues
            and not analysis.topics
            and (GENERAL, "before_after") in kb.answers
        ):
            # "is that one ok before a run?": whether to hold stretches before exercise
            return say.answer(GENERAL, "before_after", context)
        if (
            stretch is not None
            and context.kind == "stretch"
            and pointing
            and words[0] in lexicon.YES_NO_STARTS
            and not analysis.topics
            and not lexicon.AT_WORK.isdisjoint(words)
            and (lexicon.ROUTINE_NAMES | lexicon.COMBINING_WORDS).isdisjoint(words)
        ):
            prop = self._prop_it_uses(words, stretch)
            if prop is not None:
                # "can i do it in a doorway at work" after the doorway chest stretch: yes
                reply = say.stretch(stretch, context.topic or stretch.topics[0], context)
                return with_lead(reply, lexicon.PROP_IT_USES_LEAD.format(prop=prop))
            # "can i do this at work without looking weird", "can i do it in meetings": one
            # done sitting, or this one when it already is (not "put that all together into
            # one break i can do at my desk")
            return self._keeping_to({"chair"}, stretch, context)
        if stretch is not None and context.kind == "stretch":
            if lexicon.asks_what_it_needs(words) and not analysis.topics:
                # "do i need a mat for this" after a stretch card: what it needs
                return say.stretch_needs(stretch, context)
            hurts = self._stretch_hurts(analysis, cues, stretch, pointing, context)
            if hurts is not None:  # "it hurts my knee", "my wrist hurts doing that"
                return hurts
            if (
                lexicon.compares_sides(words)
                and (words[0] in lexicon.QUESTION_STARTS or "?" in analysis.text or "why" in words)
                and not analysis.topics
                and context.topic in self.kb.topics
                and (context.topic, "why_tight") in self.kb.answers
            ):
                # "is that normal tho only one side being tight": often so, and why the area
                # gets tight
                reply = self._aspect_reply(context.topic, "why_tight", context)
                return with_lead(reply, lexicon.ONE_SIDE_WORSE_LEAD)
            if self._asks_about_form(analysis, cues):
                # "do i keep my elbow straight for this one?", "is my back meant to arch like
                # that?": how it should feel and what to watch for, from the card
                return with_lead(say.stretch_details(stretch, context), lexicon.FORM_LEAD)
            # not "hold it on the other side too?"
            if not varies and self._asks_hold_of_it(analysis, stretch, context):
                held = self._held_version(analysis, stretch, context)
                if held is not None:  # "got a version with a longer hold" after side bends
                    return held
                # "can i hold it longer than that", "how long do i stay in it": how long holds
                # go, led by what this card says
                return say.hold_asked(stretch, context)
        named_step = self._routine_stretch_named(words, context)
        if named_step is not None:  # "the lunge one hurt my knee" after the legs routine
            hurts = self._stretch_hurts(analysis, cues, named_step, True, context)
            if hurts is not None:
                return hurts
            if self._asks_about_form(analysis, cues):
                # "in the calf one should i feel it up high or down by my heel": how that
                # step should feel, from its card
                return with_lead(say.stretch_details(named_step, context), lexicon.FORM_LEAD)
        if (
            context.kind == "answer"
            and context.topic in kb.topics
            and not analysis.topics
            and self._hurt_told_first(analysis)
            # "doing that", not "doing stairs"
            and lexicon.has_pair(words, lexicon.DOING_IT_PAIRS)
            and lexicon.TIMES_OF_DAY.isdisjoint(words)  # "it hurts doing that at night"
            and not cues & {"why", "what", "asks_when", "new_question"}
            and (GENERAL, lexicon.PAIN_GENERAL) in kb.answers
        ):
            # "it hurt a bit doing that, kind of sharp right in the same spot" after why the
            # glutes get tight: a stretch of theirs hurt, done from the answer's button; how a
            # stretch should feel, and when pain means stop. The area stays the conversation's
            # ("gentler version?" next)
            reply = say.answer(GENERAL, lexicon.PAIN_GENERAL, context)
            return replace(reply, context=replace(reply.context, topic=context.topic))
        if (
            stretch is not None
            and context.kind == "stretch"
            and len(words) <= lexicon.SHORT_ASK_WORDS + 2
            and lexicon.names_seconds(words)
            and lexicon.HOLD_WORDS.isdisjoint(words)  # "hold 30 seconds each side?": how long
            and not analysis.topics
            and not lexicon.asks_wh(words)
        ):
            if lexicon.confirms_it(words):
                # "so 30 sec each leg yeah?": how long holds go, led by what this card says
                return say.hold_asked(stretch, context)
            # "got a 30 second version?", "only have 20 secs": one round is its quick form
            lead = lexicon.seconds_lead(
                stretch.type == "static", "each" in stretch.repetitions, stretch.hold_seconds
            )
            return with_lead(say.stretch_details(stretch, context), lead)
        side_lead = None
        if stretch is not None and context.kind == "stretch":
            if len(words) <= lexicon.SHORT_ASK_WORDS and lexicon.asks_which_side_first(words):
                # "left or right first?", "which leg first": either, the same on both
                side_lead = lexicon.EITHER_SIDE_LEAD
            elif len(words) <= lexicon.SIZE_MOVE_MAX_WORDS and lexicon.asks_whether_both(words):
                # "only my left one is tight, do i still do both": yes, the tighter one more
                side_lead = lexicon.BOTH_SIDES_LEAD
            elif lexicon.tells_one_side_worse(words):
                # "my left side is worse": both all the same, the tighter one more
                side_lead = lexicon.ONE_SIDE_WORSE_LEAD
        if stretch is not None and side_lead is not None:
            return with_lead(say.stretch_details(stretch, context), side_lead)
        if stretch is not None and reason:
            if "one_side" in cues and len(words) <= lexicon.SHORT_ASK_WORDS:
                # "left side only btw": the card for that side
                side = next((w for w in words if w in ("left", "right")), None)
                return say.one_side(stretch, side, context)
            if "other_side" in cues or lexicon.asks_both_sides(
                words, bare=context.kind == "stretch"
            ):
                return say.other_side(stretch, context)
            for which in ("easier", "harder"):
                # not "any routine to get deeper squats": a routine asked for; nor "should i
                # bounce to go deeper": whether to bounce
                if (
                    which in cues
                    and lexicon.ROUTINE_NAMES.isdisjoint(words)
                    and lexicon.BOUNCE_WORDS.isdisjoint(words)
                    # "ok ill go gentler, thanks" tells a plan, and asks for nothing
                    and not ("?" not in text and lexicon.tells_going_easier(words))
                ):
                    return say.variant(stretch, which, context)
            if (
                context.kind == "stretch"
                and "longer" in words
                and lexicon.ROUTINE_NAMES.isdisjoint(words)
                and lexicon.HOLD_WORDS.isdisjoint(words)  # "can i hold it longer": how long
                and (
                    not lexicon.VERSION_WORDS.isdisjoint(words)
                    or len(words) <= lexicon.BARE_LONGER_WORDS
                )
                and not analysis.topics
            ):
                # "can i do a longer version", "longer, i wanna really sink into it": a card has
                # no longer form, so its harder one (longer holds, deeper)
                return say.variant(stretch, "harder", context)
        asks_a_plan = (
            bool(lexicon.ROUTINE_NAMES & set(words) or lexicon.PLAN_WORDS & set(words))
            or lexicon.has_pair(words, lexicon.PLAN_PAIRS)
            # "ok send me the session": a session asked for, not "how long is a session"
            or bool(lexicon.SESSION_NAMES & set(words) and "request" in cues)
        )
        # "can you give me something i can do before i get out of bed"
        asks_something = (
            "request" in cues
            and not lexicon.ANY_OPENERS.isdisjoint(words)
            # "something i can do sitting in a chair" after a condition: the condition's
            and not context.conditions
        )
        # "ok what stretches", "which stretches then" after a general answer: its routine
        asks_its_stretches = (
            not asks_a_plan
            and context.kind == "answer"
            and context.topic == GENERAL
            and not analysis.topics
            # "is there a stretch that helps with it": longer, when it points back
            and (
                len(words) <= lexicon.SHORT_ASK_WORDS
                # "ok give me one for after the gym": one asked for, with what it is for (an
                # activity of its own named, "... after my run", is that activity's)
                or (
                    "one" in words
                    and "request" in cues
                    and len(words) <= lexicon.MOVE_MAX_WORDS
                    and not self.pick.activities_in(words)
                )
                # "... when it kicks in": when is no more of the question
                or (
                    (pointing or asks_something)
                    and len(lexicon.before_when(words)) <= lexicon.MOVE_MAX_WORDS
                )
            )
            and (
                not lexicon.STRETCH_FORMS.isdisjoint(words)
                # "ok give me one", "go on then, show me one": one of them
                or ("one" in words and bool(cues & {"request", "asks_stretch"}))
                or asks_something
                # "how do i stop it happening" after the cramp answer: what helps with it
                or (pointing and not lexicon.STOP_IT_WORDS.isdisjoint(words))
            )
            and bool(cues & {"request", "asks_stretch"} or lexicon.WH_WORDS & set(words))
            # "is there any research on static stretching": a subject of its own
            and not self.wants.subjects_named(words)
        )
        # "too hard lol my legs dont go anywhere near that" after how to work towards the
        # splits: the answer's routine, which starts from where the person is
        asks_a_way_in = (
            bool(cues & {"easier", "harder"})  # "meh too easy" after how to touch the toes
            and context.kind == "answer"
            and context.topic == GENERAL
            and not analysis.topics
        )
        # "how do i get there then" after how to work towards touching the toes: the way
        asks_the_way = (
            context.kind == "answer"
            and context.general_answer is not None
            and not analysis.topics
            and lexicon.asks_the_way_there(words)
        )
        routine = (
            self.pick.for_answer(context)
            if asks_a_plan or asks_its_stretches or asks_a_way_in or asks_the_way
            else None
        )
        if routine is None and asks_its_stretches:
            routine = self._warm_up_told_of(context)  # "ok what stretches" after before/after
        # "give me the after one then" after whether to stretch before or after lifting: the
        # other end than the one the answer tells of, as a whole routine
        end_asked = None if routine is None else self._the_end_asked_of(routine, words, context)
        switched = end_asked != routine
        routine = end_asked
        if (
            routine is None
            and asks_a_plan
            and context.activities
            and not (context.topic not in (None, GENERAL) and pointing)
            and not self.pick.activities_in(words)
            and self.pick.one_time_named(words) is None
        ):
            # "ok give me the routine" after talk of the splits or a sport that went astray:
            # the routine of the activity named last, unless the message names its own (or a
            # time of day: "ok give me an evening routine then" after "morning or night?") or
            # the talk is of an area ("can you make that a routine" after a glute stretch)
            routine = lexicon.pick_warm_or_cool(context.activities, words)
        if (
            routine is not None
            and asks_its_stretches
            and "one" in words
            and not analysis.topics
            and not switched
        ):
            first = self._first_stretch_of_the_goal(context)
            if first is not None:  # "show me one" after the splits: its first held stretch
                return first
        if routine is not None and not analysis.topics and not self._resizes(analysis, context):
            # "go on then give me the routine" after "can i learn the splits at 35"; "ok give
            # me a plan", "start me off" after "can i ever touch my toes"
            return say.routine(kb.routines[routine], context)
        general_answer = kb.answers.get((GENERAL, context.general_answer or ""))
        if (
            asks_its_stretches
            and routine is None
            and general_answer is not None
            and general_answer.area
        ):
            # "is there a stretch that helps with it" after a side stitch: the stretch of the
            # area the answer names for it, the one its text names first if any ("slow knee
            # rolls" after period pain)
            area_context = replace(context, topic=general_answer.area)
            its_own = self._stretch_named_in(general_answer.text, general_answer.area, context)
            if its_own is not None:
                return say.stretch(its_own, general_answer.area, area_context)
            return say.stretch_for_topic(general_answer.area, area_context)
        if (
            context.kind == "routine"
            and context.plan is not None
            and lexicon.asks_if_all_needed(words)
            and not analysis.topics
            and self.replies.sizer.can_build(context.plan)
        ):
            # "do i have to do all of them": no, and a shorter version of it
            return with_lead(
                say.resize(context.plan, longer=False, context=context), lexicon.NOT_ALL_LEAD
            )
        if (
            context.kind == "routine"
            and context.plan is not None
            and words[0] in lexicon.YES_NO_STARTS
            and "do" in words
            and not (lexicon.POINTING_WORDS | lexicon.ALL_OF_THEM).isdisjoint(words)
            and not analysis.topics
            and not cues & {"complaint", "why", "another", "asks_when", "when"}
            and lexicon.TIMES_OF_DAY.isdisjoint(words)  # "can i do these before bed"
            and lexicon.FREQUENCY_WORDS.isdisjoint(words)  # "can i do them every hour"
            and lexicon.AGAIN_WHEN.isdisjoint(words)  # "can i do it again tomorrow"
            and lexicon.HOLD_WORDS.isdisjoint(words)  # "do i hold them or move through them"
            and self.replies.sizer.can_build(context.plan)
            # "do i actually need to cool down tho or is that a boomer thing" asks the subject
            # of a general answer
            and not self.wants.subjects_named(words)
        ):
            # "can i do any of them in the car while parked", "can i do all of these in my
            # seat or do i need to stand in the aisle": the routine, kept to a limit the
            # question names, is the answer
            ask = self.sizes.read(analysis)
            plan = context.plan
            if ask is not None and len(ask.limits) == 1:
                plan = replace(plan, limits=merged_limits(plan.limits, ask.limits))
            return say.sized_routine(plan, context)
        if (
            context.kind == "routine"
            and context.plan is not None
            and "harder" in cues
            and not analysis.topics
            and self.replies.sizer.can_build(context.plan)
        ):
            # "harder one, im a dancer so im pretty close already" after the splits routine:
            # a routine has no harder card, so its longer version (longer holds, more rounds)
            return say.resize(context.plan, longer=True, context=context)
        one = self._just_one_step(analysis, context)
        if one is not None:  # "if i only do one which one" after a routine
            return one
        warm_up = self.pick.warm_up_instead(analysis, context)
        if warm_up is not None:  # "what should they do instead then" after "no static stretching"
            return say.routine(kb.routines[warm_up], context)
        if (
            "again" in words
            and not lexicon.AGAIN_WHEN.isdisjoint(words)
            and lexicon.SENT_AGAIN.isdisjoint(words)  # "send it again tomorrow"
            and len(words) <= lexicon.MOVE_MAX_WORDS
            and context.kind in ("stretch", "routine")
            and not analysis.topics
            and (GENERAL, lexicon.EVERY_DAY_ANSWER) in kb.answers
        ):
            # "again tomorrow?", "can i do it again tonight": whether it can be done daily
            return say.answer(GENERAL, lexicon.EVERY_DAY_ANSWER, context)
        if (
            "again" in cues
            # "can u repeat the steps, i lost track after the kneeling bit": its steps
            and (pointing or not lexicon.STEP_WORDS.isdisjoint(words))
            and "complaint" not in cues
            # "what is that muscle again" asks what it is (below)
            and not ("what" in cues and not lexicon.BODY_WORDS.isdisjoint(words))
            # "could you show me the first one again please, my eyes aren't what they were":
            # the reason in a piece of its own may run on
            and len(words[: analysis.pieces()[0][1]])
            <= lexicon.MOVE_MAX_WORDS + lexicon.AGAIN_REASON_WORDS
            # "any warm up for footy so it doesnt happen again": a new ask, its reason after
            and not lexicon.warm_ups_named(words)
            and not lexicon.has_pair(words, lexicon.HAPPEN_AGAIN)
        ):
            # "can you show me that again, i lost it": a reason may follow the ask, and an
            # area it names is in the steps ("say that again, which arm goes where")
            first_end = analysis.pieces()[0][1]
            in_the_ask = [t for s, _e, t in analysis.spans if s < first_end]
            again = self._again(context, words, in_the_ask)
            if again is not None:
                return again
        if (
            context.kind in ("tip", "daily")
            and not analysis.topics
            and lexicon.ONE_NOW.intersection(words)
            and (
                len(words) <= lexicon.SHORT_ASK_WORDS + 2
                # "can i have today's one now instead of waiting": one, now, said at length
                or ({"one", "now"} <= set(words) and len(words) <= lexicon.MOVE_MAX_WORDS + 4)
            )
            # "so whats todays then" asks what, for today's tip
            and (not cues & {"why", "what", "complaint"} or set(words) <= lexicon.TODAYS_ASK)
            and not lexicon.every_day(words)  # "can you send me one every day": the daily tips
            and not self.pick.activities_in(words)  # "give me an easy full body one": the routine
            and words[-1] not in lexicon.TRAILING_THANKS  # "nice one thanks": thanks
            and not lexicon.praises_one(words)  # "nice one": thanks
        ):
            # "daily tips please" then "can i get one now"; after a tip about an area, "another
            # one" stays on it
            asked = (context.intent or "").partition(".")[2] if context.kind == "tip" else ""
            return say.tip(None, context, topic=asked or None)
        # the words after a thank-you in front ("cheers, can i do it every hour?")
        timing = self.pick.timing(thanked or words, pointing, context)
        if timing is not None:  # "can i do it every hour?" after the desk break
            return say.answer(*timing, context)
        if len(question) > lexicon.MOVE_MAX_WORDS and not thanked:
            # a longer question about the area before must point at it ("why does mine get
            # tight, i drive all day"; "stretch for it i can do at a service station"), or
            # ask for one ("one i can do while holding her would be ideal")
            if not (area and (pointing or lexicon.asks_for_one_to_do(words))):
                return None
            if self.pick.names_a_game(words):
                # "anything i can do on the course before teeing off" after the lower back's
                # card: the game's warm-up, read afresh
                return None
            if self._asks_a_stretch_for(analysis, cues):
                # "stretch for it i can do next to the car": one that keeps to the limit
                return self._stretch_within_limits(area, analysis, context)
            if "another" in cues and self._opens_with_variant(words):
                # "got a different one? that didnt do much": another, its reason after
                return self._followup("another", area, context, lexicon.CUE_CONFIDENCE)
            general = self._general_answer_after_area(area, analysis, context)
            if general is not None:
                return general
            aspect = self.wants.aspect_follow_up(cues, area, analysis)
            return self._aspect_reply(area, aspect, context, analysis) if aspect else None
        if (
            context.kind == "daily"
            and lexicon.STOP_WORDS & set(words)
            and set(words) <= lexicon.STOP_MESSAGE
        ):
            return say.daily("off", context)  # "daily tips please" then "stop"
        if (
            context.kind == "tip"
            and not analysis.topics
            and len(words) <= lexicon.MOVE_MAX_WORDS
            and not cues & {"why", "what", "asks_stretch"}
            and not lexicon.ROUTINE_WORDS.intersection(words)
            and ("another" in cues or "one" in words or not lexicon.TIP_WORDS.isdisjoint(words))
        ):
            among = self._tips_telling_of(words)
            if among:  # "another one but about running" after a tip: one that tells of it
                return say.tip(" ".join(words), context, among=among)
        if (
            context.kind == "tip"
            and analysis.topics
            and not cues & {"request", "why", "what"}
            # "nice. my hamstrings are always tight from cycling tho": a complaint, not a tip
            # asked ("a tip for tight hamstrings" still is one)
            and not ("complaint" in cues and lexicon.TIP_NAMES.isdisjoint(words))
        ):
            named = analysis.topics[0]  # "one for my wrists?" after a tip: a tip about them
            if named != GENERAL:
                return say.tip(None, context, topic=named)
        end = self._sport_event_end(words, context)
        event = end is not None and end == (context.routine or "").partition("_")[0]
        if (
            context.kind == "routine"
            and context.plan is not None
            and (event or context.routine in self.pick.activities_in(words))
            and not analysis.topics
            # "can i do it before training too" asks whether it does for that end: it does
            and not (cues - ({"asks_when"} if event else set())) & lexicon.ACTIVITY_ASKING_CUES
            and len(words) <= lexicon.MOVE_MAX_WORDS
        ):
            # "just laps at the pool, not racing" after the swimming warm-up: more of the same
            # activity told, which the routine on screen is for
            return with_lead(say.sized_routine(context.plan, context), lexicon.SAME_ACTIVITY_LEAD)
        counterpart = self._other_end(words, context, end)
        if counterpart is not None:  # "and after?" after a run warm-up: its cooldown
            return say.sized_routine(counterpart, context)
        # "what about before a run instead", after a routine or a question about stretching
        about_routines = context.kind == "routine" or (
            context.kind == "answer" and context.topic == GENERAL
        )
        if (
            about_routines
            and (
                (lexicon.WARM_WORDS | lexicon.COOL_WORDS).intersection(words)
                or (
                    "one" in words and len(words) <= lexicon.MOVE_MAX_WORDS
                )  # "and one for bedtime?"
                # "can i do this at night" after the morning routine
                or (
                    context.kind == "routine"
                    and not lexicon.POINTING_WORDS.isdisjoint(words)
                    and not set(lexicon.TIME_ROUTINES).isdisjoint(words)
                )
            )
            # "is static stretching before a run bad?" asks a subject of its own
            and not self.wants.subjects_named(words)
        ):
            activity = self.pick.for_activity(analysis, asked=True) or self.pick.for_time(words)
            if (
                activity is not None
                and context.plan is not None
                and activity == context.plan.base
                and not lexicon.FREQUENCY_WORDS.isdisjoint(words)
                and not lexicon.POINTING_WORDS.isdisjoint(words)
                and (GENERAL, lexicon.EVERY_DAY_ANSWER) in self.kb.answers
            ):
                # "can i do that after every run" after the running cool-down: how often, not
                # the routine again
                return say.answer(GENERAL, lexicon.EVERY_DAY_ANSWER, context)
            if activity is not None:
                return say.routine(self.kb.routines[activity], context)
        asks_what = (
            area
            and "what" in cues
            and "asks_when" not in cues  # "whats the best time to stretch them"
            and "asks_stretch" not in cues  # "whats the stretch for it"
            and "next" not in words  # "done that, whats next"
            and not analysis.topics
            and ((area, "what") in kb.answers)
        )
        muscle_asked = not lexicon.BODY_WORDS.isdisjoint(words) or "called" in words
        if "again" in cues and not (asks_what and muscle_asked):
            # "again" is a repeat, not "what is that muscle again"
            again = self._again(context, words, analysis.topics)
            if again is not None:
                return again
        if area and asks_what and (pointing or muscle_asked):
            # "wait, which muscle is that?", "what's the muscle even called"
            return say.answer(area, "what", context)
        if (
            area
            and set(words) <= lexicon.ASK_FOR_A_STRETCH
            # "stretch them how"; "them" alone asks nothing
            and (
                lexicon.POINTING_WORDS.isdisjoint(words)
                or not lexicon.STRETCH_FORMS.isdisjoint(words)
            )
        ):
            return say.stretch_for_topic(area, context)  # "stretch?" after a topic
        if area and not analysis.topics and lexicon.bare_stretch_ask(words):
            return say.stretch_for_topic(area, context)  # "is there a stretch i can do"
        # "so can you even stretch it": a joining word in front asks the same
        joined = words[1:] if len(words) > 1 and words[0] in lexicon.JOINING_WORDS else words
        if (
            area
            and pointing
            and set(joined) <= lexicon.STRETCHABLE_ASK
            and not {"stretch", "stretched"}.isdisjoint(joined)
            and joined[0] in lexicon.YES_NO_STARTS
        ):
            return say.stretch_for_topic(area, context)  # "can you even stretch it?"
        bare = lexicon.bare_ask(words) if area else None
        if area and bare == "stretch":
            return say.stretch_for_topic(area, context)  # "and how" after when to stretch it
        if area and bare and (area, bare) in kb.answers:
            return say.answer(area, bare, context)  # "when though?" after what it is
        if (
            area
            and self._asks_a_stretch_for(analysis, cues)
            and (
                pointing
                or "one" in words
                or len(words) <= lexicon.SHORT_ASK_WORDS
                or words[0] in lexicon.ANY_OPENERS  # "anything i can do on my lunch"
            )
            # "ok and something for before i get in the pool": the activity's warm-up
            and not (
                not pointing
                and (
                    lexicon.done_before_or_after(words)
                    or lexicon.has_pair(words, lexicon.FOR_AN_END_PAIRS)
                )
                and self.pick.activities_in(words)
            )
        ):
            # "what should i do for it?", "show me one", "one i can do standing?"
            return self._stretch_within_limits(area, analysis, context)
        if (
            area
            and context.kind == "answer"
            and not analysis.topics
            and lexicon.asks_if_stretching_helps(words)
        ):
            # "so stretching them will help?" after why the calves get tight: yes, with one
            return with_lead(say.stretch_for_topic(area, context), lexicon.IT_HELPS_LEAD)
        general = self._general_answer_after_area(area, analysis, context)
        if general is not None:
            return general
        aspect = self.wants.aspect_follow_up(cues, area, analysis) if area else None
        if area and aspect:  # "why does that happen", "at night too?", "how often?"
            return self._aspect_reply(area, aspect, context, analysis)
        if (
            area
            and context.kind == "answer"
            and not analysis.topics
            and "complaint" in cues
            and not cues & {"why", "what", "when", "asks_when"}
            and len(words) <= lexicon.SHORT_ASK_WORDS
            and not self.wants.subjects_named(words)  # "should stretching hurt?": that subject
        ):
            # "still tight though", "mine are always stiff" after an answer about an area: the
            # complaint goes on, and its stretch helps
            return say.stretch_for_topic(area, context)
        if (
            area
            and context.kind == "stretch"
            and not analysis.topics
            and self.cues.complains(words)
            and not cues & {"why", "what", "when", "asks_when", "request", "asks_stretch"}
            # "shorter version? I'm knackered": the ask, with the reason for it
            and not cues & (lexicon.VARIANT_CUES | lexicon.SIZE_CUES)
            and words[0] not in lexicon.QUESTION_STARTS  # "is it meant to hurt"
            and lexicon.HURT_WORDS.isdisjoint(words)  # the stretch hurting is another matter
            and (area, "why_tight") in kb.answers
        ):
            # "woke up like this, cant turn left" after a neck stretch: the story goes on, and
            # why it happens is what the card did not say
            return self._aspect_reply(area, "why_tight", context)
        if (
            "thanks" in kb.smalltalk
            and (words[-1] in lexicon.TRAILING_THANKS or tuple(words[-2:]) == ("thank", "you"))
            and not analysis.topics
            and "?" not in analysis.text
            and lexicon.WH_WORDS.isdisjoint(words)
            and (words[0] not in lexicon.QUESTION_STARTS or words[:2] == ("will", "do"))
        ):
            # "ok i'll call my doctor, thanks", "will do, cheers": a thank-you at the end
            return say.smalltalk("thanks", " ".join(words), context)
        if thanks and lexicon.asks_for_one(words):
            # "ok give me one then": an ask behind the "ok", which a first message leaves
            # unclear
            return self._one_asked(context) or say.fallback(self._match(analysis), context)
        if thanks and len(words) > lexicon.THANKS_LEAD_MIN_WORDS:
            if thanked:
                after = self._asked_after(thanked, analysis, context)
                told = lexicon.thanks_then_told(analysis) or (
                    context.kind is not None and lexicon.praise_then_told(analysis)
                )
                if after.intent == "smalltalk.compliment":
                    # "thx that actually helped a ton, hips feel less rusty": praise after a
                    # thank-you is the thanks said twice
                    return say.smalltalk("thanks", " ".join(words), context)
                if after.kind != "fallback" or not told:
                    return after  # "thanks, whats the capital of peru" is declined
                # "cheers, off on my round now": the thanks is what the message says
                return say.smalltalk("thanks", " ".join(words), context)
            if (
                "thanks" in kb.smalltalk
                and "?" not in analysis.text
                and lexicon.QUESTION_STARTS.isdisjoint(words[1:])
            ):
                # "thanks ur a star", "cheers that helped loads": the thanks is the message
                return say.smalltalk("thanks", " ".join(words), context)
        return None

    def _plain_stretch_ask(
        self, analysis: Analysis, context: Context, conditions: Sequence[str] = ()
    ) -> bool:
        """True for a request for a stretch that says nothing more ("i want to stretch", "any
        stretch?"; `lexicon.PLAIN_ASK_WORDS`); "stretch for it?", "stretch then" ask for
        something said before."""
        if self._plain_ask(
            analysis,
            context,
            lexicon.PLAIN_STRETCH_WORDS,
            lexicon.PLAIN_ASK_ANY,
            lexicon.PLAIN_ASK_NOT,
            conditions,
        ):
            return True
        # "anything quick i can do", "give me something easy to do": what to do, of a kind
        # the short all-over routine is
        return lexicon.asks_what_to_do(analysis.corrected) and self._plain_ask(
            analysis,
            context,
            lexicon.PLAIN_DO_WORDS,
            lexicon.PLAIN_ASK_ANY,
            lexicon.PLAIN_ASK_NOT,
            conditions,
        )

    def _session_end_asked(self, analysis: Analysis, context: Context) -> str | None:
        """For a plain ask for a stretch told to be for before or after a gym session or a
        workout and nothing more ("i want to stretch after my workout", "stretches after
        weights"): that session's warm-up or cool-down. None otherwise."""
        words = analysis.corrected
        if analysis.topics or context.topic not in (None, GENERAL):
            return None
        said = lexicon.before_its_occasion(words)
        occasion = words[len(said) :]
        if not occasion or occasion[0] not in ("before", "after", "post"):
            return None
        told = [w for w in occasion[1:] if w not in lexicon.OCCASION_FILLERS]
        if len(told) != 1 or told[0] not in lexicon.GYM_ENDS:
            return None
        asked = {w for w in said if w not in STOPWORDS}
        if not (asked & lexicon.PLAIN_STRETCH_WORDS) or not asked <= lexicon.PLAIN_ASK_ANY:
            return None
        warm, cool = lexicon.GYM_ENDS[told[0]]
        return warm if occasion[0] == "before" else cool

    def _plain_routine_ask(
        self, analysis: Analysis, context: Context, conditions: Sequence[str] = ()
    ) -> bool:
        """True for a request for a routine that says nothing more ("routine?", "give me a
        routine", "any good stretch routines"); "ok gentle routine then" is one too: "then"
        points at nothing a routine could be for."""
        return self._plain_ask(
            analysis,
            context,
            lexicon.PLAIN_ROUTINE_WORDS,
            lexicon.PLAIN_ROUTINE_ANY,
            lexicon.PLAIN_ROUTINE_NOT,
            conditions,
        )

    def _routine_asked_to_do(self, analysis: Analysis, context: Context) -> Reply | None:
        """For a message missed whole, a routine asked for to do, told with when or why in
        words that name no routine, area or activity of the knowledge base ("any quick routine
        to do before work", "chef here, any quick routine to do before service so im not
        hobbling by 10pm", "a gentle 5 minute routine to get moving again?"): the all-over
        routine, in the length or within the limits the message tells. None for anything
        else, and in a talk about an area."""
        words = analysis.corrected
        if (
            analysis.topics
            or context.topic not in (None, GENERAL)
            or lexicon.PLAIN_ASK_ROUTINE not in self.kb.routines
            or self.pick.activities_in(words)
            or not any(lexicon.asks_a_routine_to_do(words[s:e]) for s, e in analysis.pieces())
        ):
            return None
        plan = Plan(lexicon.PLAIN_ASK_ROUTINE)
        ask = self.sizes.read(analysis)
        if ask is not None and (ask.minutes is not None or ask.limits or ask.easier):
            return self._resized(
                plan, ask, context, postures=True, leads=(lexicon.PLAIN_ROUTINE_LEAD,)
            )
        return self._all_over_routine(context, lexicon.PLAIN_ROUTINE_LEAD)

    def _plain_ask(
        self,
        analysis: Analysis,
        context: Context,
        asked: frozenset[str],
        allowed: frozenset[str],
        excluded: frozenset[str],
        conditions: Sequence[str] = (),
    ) -> bool:
        """Whether a message asks for one of `asked` and says nothing more (its words besides
        stopwords all `allowed`, a clause telling when aside, unless it names an activity of
        a routine): no area named, none in the
        conversation to read it against, no word of `excluded` (a question, a pointer back)
        and no yes/no question ("should i stretch" asks whether); and the all-over routine it
        gets is there. A message naming `conditions` keeps its clause ("stretch while
        pregnant" is about the pregnancy)."""
        words = analysis.corrected
        if analysis.topics or not words or lexicon.asks_whether(words):
            return False
        if not excluded.isdisjoint(words) or context.topic not in (None, GENERAL):
            return False
        if lexicon.PLAIN_ASK_ROUTINE not in self.kb.routines:
            return False
        # "i want to stretch while watching tv": the clause says when, not what
        said = words if conditions else lexicon.before_its_occasion(words)
        if len(said) < len(words) and self.pick.activities_in(words[len(said) :]):
            said = words  # "a stretch after my run": the run's, not any
        if len(said) < len(words) and self.wants.subjects_named(words[len(said) :]):
            return False  # "if i stretch after the gym will i be less sore tomorrow?": soreness
        rest = {w for w in said if w not in STOPWORDS}
        if bool(rest & asked) and rest <= allowed:
            return True
        # "bored, give me a stretch to do", "phone's dead so i'm doing stretches instead of
        # scrolling, give me one": a plain ask last, after a story that names no activity nor
        # subject of ours (the stretch it asks for may be named in the story)
        start = analysis.pieces()[-1][0]
        last = {w for w in words[start:] if w not in STOPWORDS} - {"do"}
        # "... any stretches for me lol": asked for the writer, after a story of someone else
        for_me = words[start] == "any" and lexicon.has_pair(words[start:], lexicon.FOR_ME_PAIRS)
        return (
            start > 0
            and bool(last)
            and last <= allowed
            and (not last.isdisjoint(lexicon.PLAIN_ASKING) or for_me)
            and not {w for w in words if w not in STOPWORDS}.isdisjoint(asked)
            and not self.pick.activities_in(words)
            and not self.wants.subjects_named(words)
        )

    def _all_over_routine(self, context: Context, lead: str, length: Length = "standard") -> Reply:
        """The all-over routine a plain ask gets ("routine?", "any stretch?", "give me something
        gentle"), under `lead`, at `length`."""
        plan = Plan(lexicon.PLAIN_ASK_ROUTINE, length=length)
        return self.replies.sized_routine(plan, context, leads=(lead,))

    def _one_asked(self, context: Context) -> Reply | None:
        """A bare "give me one" in a conversation: the stretch of the area talked about, else
        one for anyone. None for a first message, where "one" points at nothing."""
        if context.kind is None:
            return None
        if context.topic not in (None, GENERAL) and context.topic in self.kb.topics:
            return self.replies.stretch_for_topic(context.topic, context)
        return self._one_stretch(context)

    def _one_stretch(self, context: Context) -> Reply:
        """One stretch for anyone, for a request for "a stretch" with nothing more: the first
        of the all-over routine's stretches not shown in this conversation (they cover the
        body from the neck down), with areas one tap away."""
        steps = [
            step.stretch
            for step in self.kb.routines[lexicon.PLAIN_ASK_ROUTINE].steps
            if step.stretch in self.kb.stretches
            and self.kb.stretches[step.stretch].type == "static"
        ]
        shown = {*context.seen, context.stretch}
        fresh = [s for s in steps if s not in shown] or steps
        stretch = self.kb.stretches[fresh[0]]
        reply = self.replies.stretch(stretch, stretch.topics[0], context)
        return with_lead(reply, lexicon.ONE_STRETCH_LEAD)

    def _after_greeting(self, analysis: Analysis) -> Sequence[str] | None:
        """The words after a greeting that opens the message ("good morning everyone" ->
        "everyone"); None when it opens with none."""
        words = analysis.corrected
        ends = [end for start, end in self.cues.where(words[:2], "greeting_lead") if start == 0]
        if not ends:
            return None
        rest = words[max(ends) :]  # "good morning everyone" -> "everyone"
        if (
            max(ends) == 1
            and 1 not in analysis.breaks  # "morning! stretch tip?" says hello
            and rest
            and rest[0] in lexicon.ROUTINE_WORDS | lexicon.STRETCH_FORMS
        ):
            return None  # "morning routine 10 mins max": the time of the routine, no hello
        return rest

    def _about_a_thing(self, analysis: Analysis, context: Context) -> bool:
        """Whether a message in a conversation about an area is about a thing instead, and
        does not point back at the area: "my phone is broken" after the neck is not a broken
        neck; "my dog bit it and now its swollen" after the calf still is the calf."""
        words = analysis.corrected
        return (
            context.topic is not None
            and not analysis.topics
            and lexicon.POINTING_WORDS.isdisjoint(words)
            and "one" not in words
            and bool(self.cues.read(words) & {"not_a_body", "device"})
            # "i was in a crash on the motorway last night, car was written off"
            and not self.rules.tells_an_injury(analysis)
        )

    def _to_the_complaint(self, match: Match, analysis: Analysis) -> Match:
        """An answer about the area a message first names, turned to the area complained of
        when `_complained_of_first` put that one first: a clause ("on my feet all day") can
        match the first area's question, though the message complains of another."""
        spans = analysis.spans
        pointed = self._area_pointed_at_last(match, analysis)
        if pointed is not None:
            return replace(match, topic=pointed)
        if (
            match.kind == "aspect"
            and spans
            and analysis.topics
            and match.topic == spans[0][2]
            and analysis.topics[0] != spans[0][2]
        ):
            return replace(match, topic=analysis.topics[0])
        return match

    def _area_stretch_asked_apart(self, analysis: Analysis) -> str | None:
        """The one area a piece of the message asks a stretch for ("is there a quad stretch
        that doesn't need me to balance?"), in a piece that names no stretch of its own, or
        None."""
        words = analysis.corrected
        asked = set()
        for start, end in analysis.pieces():
            piece = words[start:end]
            if lexicon.STRETCH_NOUNS.isdisjoint(piece) or self.stretch_names.find(piece, ()):
                continue
            asked |= {t for s, _e, t in analysis.spans if start <= s < end and t != GENERAL}
        return asked.pop() if len(asked) == 1 else None

    def _area_pointed_at_last(self, match: Match, analysis: Analysis) -> str | None:
        """The area named last, when a message closes by asking what "that" is and names no
        area in that question: "... someone at running club said it's my IT band. What
        actually is that thing?" asks about the IT band, whatever the story named first."""
        if match.kind != "aspect" or match.key != "what" or not analysis.spans:
            return None
        start, end = analysis.pieces()[-1]
        closing = analysis.corrected[start:end]
        if (
            start == 0
            or "what" not in self.cues.read_asked(closing)
            or lexicon.POINTING_WORDS.isdisjoint(closing)
            or any(s >= start for s, _e, _t in analysis.spans)
        ):
            return None
        last = analysis.spans[-1][2]
        return last if last != GENERAL and (last, "what") in self.kb.answers else None

    def _without_idioms(
        self,
        analysis: Analysis,
        is_idiom: Callable[[Sequence[str], int], bool] = lexicon.idiom_span,
    ) -> Analysis:
        """The message without the area words of a saying that tells no area: "not steady
        on my feet", "back on my feet" are about balance and getting well, not the feet."""
        words = analysis.corrected
        spans = analysis.spans
        idioms = [span for span in spans if is_idiom(words, span[0])]
        if not idioms:
            return analysis
        kept = tuple(span for span in spans if span not in idioms)
        # the clauses are read again from the canonical words: the saying's area word goes
        canonical = list(analysis.canonical)
        for start, end, _topic in idioms:
            canonical[start:end] = [lexicon.IDIOM_WORD] * (end - start)
        clauses = tuple(
            tuple(lexicon.IDIOM_WORD if is_idiom(clause, i) else w for i, w in enumerate(clause))
            for clause in analysis.canonical_clauses
        )
        read, topics = with_topic_tokens(canonical, kept)
        return replace(
            analysis,
            canonical=tuple(canonical),
            canonical_clauses=clauses,
            words=tuple(read),
            topics=tuple(topics),
            spans=kept,
        )

    def _without_illness_names(self, analysis: Analysis) -> Analysis:
        """The message without the area words inside the name of an illness: "got a chest
        infection, ok to do my stretches" asks about stretching when ill, not the chest."""
        spans = analysis.spans
        if not spans:
            return analysis
        named = [
            (start, end)
            for start, end, key in self.wants.subjects.matches(analysis.corrected)
            if key in lexicon.ILLNESS_SUBJECTS
        ]
        kept = tuple(
            span for span in spans if not any(s <= span[0] and span[1] <= e for s, e in named)
        )
        return analysis if len(kept) == len(spans) else _with_spans(analysis, kept)

    def _without_things(self, analysis: Analysis) -> Analysis:
        """The message without the area words that name a thing ("a chest of drawers"), when
        it names another area: "chest of drawers is so heavy and my arms ache" is about the
        arms. A thing alone is left to the look-alikes the intent layer knows."""
        spans = analysis.spans
        if len({topic for _s, _e, topic in spans}) < 2:
            return analysis
        things = [
            start
            for start, _end, cue in self.cues.matches(analysis.corrected)
            if cue == lexicon.THING_CUE
        ]
        kept = tuple(
            span
            for span in spans
            if not any(span[1] <= at <= span[1] + lexicon.THING_NAME_REACH for at in things)
        )
        if len(kept) == len(spans) or not kept:
            return analysis
        return _with_spans(analysis, kept)

    def _complained_of_first(self, analysis: Analysis) -> Analysis:
        """The message's areas with the one a complaint follows first, when nothing around
        the first it names says anything of it: "on my feet all day ... the backs of my legs
        are so tight" is about the hamstrings, "baby on one hip ... between my shoulder blades
        feels knotted" the upper back, "the laptop on my knees. My neck and shoulders ache"
        the neck. An area asked about ("what is the piriformis and why
        does my butt ache"), asked for ("my hip flexor stretches") or named with the next
        ("calf and achilles are tight") keeps its place."""
        spans = analysis.spans
        if len({topic for _s, _e, topic in spans}) < 2:
            return analysis
        words = analysis.corrected
        found = [
            (start, cue)
            for start, _end, cue in self.cues.matches(words)
            if cue in lexicon.SAYS_OF_AN_AREA
        ]
        first_start, first_end, _first = spans[0]
        second = spans[1][0]
        # an area that is only where a thing sits ("the laptop on my knees") is said of only
        # by a complaint after it and before the next area
        before = words[max(0, first_start - 2) : first_start]
        placed = (
            not lexicon.THING_PLACES.isdisjoint(before)
            or (
                "behind" in before  # "i cant reach behind my back": where the hand goes
                and not lexicon.REACH_WORDS.isdisjoint(words[max(0, first_start - 4) : first_start])
            )
        )
        # "the outside of my thigh from the hip down to the knee feels like a tight cable":
        # the areas that bound the first one's extent are said of with it
        reach_end = lexicon.extent_end(words, spans, first_end)
        if any(
            first_start - lexicon.COMPLAINT_AFTER <= start <= reach_end + lexicon.COMPLAINT_AFTER
            and (not placed or (cue == "complaint" and first_end <= start < second))
            for start, cue in found
        ):
            return analysis
        if second - first_end <= 1 and not any(first_end <= b <= second for b in analysis.breaks):
            return analysis  # "calf and achilles", not "... on my knees. My neck"
        complaints = [start for start, cue in found if cue == "complaint"]
        first = next(
            (
                topic
                for _s, end, topic in spans[1:]
                if any(0 <= start - end <= lexicon.COMPLAINT_AFTER for start in complaints)
            ),
            None,
        )
        if first is None and placed:  # "reach behind my back ... my right shoulder"
            first = spans[1][2]
        if first is None or first == GENERAL:
            return analysis
        topics = (first, *(t for t in analysis.topics if t != first))
        return replace(analysis, topics=topics)

    def _standing_all_day(self, analysis: Analysis, context: Context) -> Analysis:
        """In a conversation about another area, "on my feet most of the day" pointing back
        at it ("why would it be tight though, I'm on my feet most of the day" after the psoas)
        tells the writer's day, not a complaint of the feet."""
        before = context.topic
        # "legs feel like lead after a 12h shift on my feet": the legs, in one message
        legs = not lexicon.LEG_WORDS.isdisjoint(analysis.corrected)
        if (
            (before in (None, GENERAL, lexicon.FEET_TOPIC) and not legs)
            # "they", "them" may be the feet themselves ("on my feet all day and they ache")
            or (lexicon.POINTING_AT_ONE.isdisjoint(analysis.corrected) and not legs)
            or any(t != lexicon.FEET_TOPIC for t in analysis.topics)
            or not analysis.spans
        ):
            return analysis
        words = analysis.corrected
        if not all(lexicon.on_feet_for_long(words, start) for start, _e, _t in analysis.spans):
            return analysis
        return self._without_idioms(analysis, lexicon.on_feet_for_long)

    @staticmethod
    def _muscle_before_its_region(analysis: Analysis, context: Context) -> Analysis:
        """A muscle named with the region it lies in ("physio says the pain in my bum is my
        piriformis") is what the message is about; the region named while pointing at that
        muscle ("where is it exactly, like in the bum?" after the piriformis) is where it is."""
        topics = analysis.topics
        for muscle, region in lexicon.MUSCLE_REGIONS.items():
            if muscle in topics and region in topics:
                if topics.index(region) < topics.index(muscle):
                    return replace(analysis, topics=(muscle, *(t for t in topics if t != muscle)))
                return analysis
        before = context.topic
        if (
            before in lexicon.MUSCLE_REGIONS
            and topics == (lexicon.MUSCLE_REGIONS[before],)
            and not lexicon.POINTING_WORDS.isdisjoint(analysis.corrected)
        ):
            spans = tuple((s, e, before) for s, e, _t in analysis.spans)
            return replace(analysis, topics=(before,), spans=spans)
        return analysis

    def _own_cool_down_of_a_sore_session(self, analysis: Analysis) -> str | None:
        """For soreness told after an activity that has a cool-down of its own, with nothing
        asked ("legs are dead after my ride"): that cool-down. None when the message asks
        anything ("... is that normal") or the activity has none of its own."""
        words = analysis.corrected
        if "?" in analysis.text or any(
            lexicon.opens_a_question(words[start:end]) for start, end in analysis.pieces()
        ):
            return None
        # the body the cool-down stretches, told sore: "legs", "lower body", "everything",
        # "destroyed me"; not "just stiff from the run" or "face goes red on runs"
        if (
            not self.pick.regions_outside_activities(words)
            and lexicon.WHOLE_BODY_WORDS.isdisjoint(words)
            and "me" not in words
        ):
            return None
        found = self.pick.activities_in(words)
        if not found:
            return None
        picked = lexicon.pick_warm_or_cool(found, words)
        return picked if picked.startswith(f"{lexicon.COOL_DOWN_ROUTINE}_") else None

    @staticmethod
    def _without_social_edges(words: Sequence[str]) -> Sequence[str] | None:
        """The words without chat noise at either end ("well", "haha" first; "x", "anyway",
        "dear" last), when there is some and something is left; else None. The last word is
        always left ("lol ok" is an "ok")."""
        start, end = 0, len(words)
        while start < end - 1 and words[start] in lexicon.SOCIAL_LEADS:
            start += 1
        while end > start and (
            words[end - 1] in lexicon.SOCIAL_TAILS
            # "cool down anyway please": a please after chat noise goes with it, though a
            # please alone stays ("repeat please" asks for no repetitions)
            or (
                end - start > 2
                and words[end - 1] == "please"
                and words[end - 2] in lexicon.SOCIAL_TAILS
            )
        ):
            end -= 1
        if (start, end) == (0, len(words)) or start == end:
            return None
        return words[start:end]

    def _keep_the_area(self, reply: Reply, analysis: Analysis, context: Context) -> Reply:
        """A general answer to a message about one area ("my neck clicks when i turn my head,
        is that bad"), or naming none in a talk about one ("should i foam roll it" after the
        IT band; "how do i tell if im injured or just tight" after a hamstring stretch that
        hurts), keeps that area as the conversation's, so that "how do i stretch it" or "easier
        version then" next is about it. A routine for a message about one area ("cant squat
        below parallel without my heels lifting") keeps it too, so that "why does that happen"
        next asks of the area; not a warm-up or a cool-down, which belongs to its activity
        ("warmup before basketball, my knees ache at the start" then "and after the game")."""
        if (
            reply.kind == "routine"
            and reply.context.topic is None
            and len(analysis.topics) == 1
            and reply.routine is not None
            and reply.routine.partition("_")[0] not in ("warmup", "cooldown")
        ):
            area = analysis.topics[0]
            if area != GENERAL and area in self.kb.topics:
                return replace(reply, context=replace(reply.context, topic=area))
            return reply
        if reply.kind != "answer" or reply.context.topic != GENERAL:
            return reply
        areas = set(self._areas_named(analysis))
        before = context.topic if context.topic not in (None, GENERAL) else None
        if not areas and before:
            areas = {before}
        if len(areas) != 1:
            return reply
        return replace(reply, context=replace(reply.context, topic=areas.pop()))

    def _story_for(self, analysis: Analysis, context: Context) -> Reply | None:
        """After an answer or a stretch about an area, a statement about the writer's life
        that the area's why-it-gets-tight answer speaks of ("i work on a laptop at the kitchen
        table all day" after the neck; "i think i grind my teeth" after the jaw) or that tells
        an activity ("i run a lot"): that answer, or, when it is on screen already, the area's
        stretch. None for anything else."""
        area = context.topic
        if context.kind not in ("answer", "stretch") or area in (None, GENERAL):
            return None
        words = analysis.corrected
        if (
            len(words) > lexicon.STORY_MAX_WORDS
            or "?" in analysis.text
            or lexicon.asks_wh(words)  # "what about before i get in the pool"
            or set(analysis.topics) - {area}
        ):
            return None
        if "i" not in words and lexicon.FIRST_PERSON.isdisjoint(words):
            return None
        if (area, "why_tight") not in self.kb.answers or self.cues.read(
            words
        ) & lexicon.STORY_NOT_CUES:
            return None
        told = {w for w in words if len(w) >= lexicon.STORY_MIN_CHARS and w not in STOPWORDS}
        fits = bool(told & self._cause_words(area)) or (
            # after the answer, what the writer does: "i run a lot", "i drive all day for
            # work btw" (with a stretch on screen, "i have a run tomorrow" tells a plan)
            context.kind == "answer"
            and (
                "exercise" in self.cues.read(words) or bool(self.pick.activities_in(words, context))
            )
        )
        # ... or a habit of the writer's life: "i carry my kid a lot", "on my feet all day"
        habit = (
            context.kind == "answer" and lexicon.first_span(words, lexicon.HABIT_SPANS) is not None
        )
        if not (fits or habit):
            return None
        if context.intent == f"{area}.why_tight":
            reply = self.replies.stretch_for_topic(area, context, confidence=lexicon.CUE_CONFIDENCE)
            return with_lead(reply, lexicon.STORY_LEAD if fits else lexicon.HABIT_LEAD)
        return self.replies.answer(area, "why_tight", context, confidence=lexicon.CUE_CONFIDENCE)

    def _cause_words(self, area: str) -> frozenset[str]:
        """The words of `area`'s why-it-gets-tight answer, as `_story_for` compares them."""
        found = self._cause_word_cache.get(area)
        if found is None:
            text = self.kb.answers[(area, "why_tight")].text
            found = frozenset(
                w
                for w in self.matcher.analyse(text[: lexicon.MAX_CHARS]).corrected
                if len(w) >= lexicon.STORY_MIN_CHARS
                and w not in STOPWORDS
                and w not in lexicon.STORY_GENERIC
            )
            self._cause_word_cache[area] = found
        return found

    def _says_goodbye(self, analysis: Analysis) -> bool:
        """True for a short message that opens or closes with a goodbye and asks nothing
        ("nice one, bye", "night night, off to bed"); "tell me later to call bill" is none."""
        words, written = analysis.corrected, analysis.normalised
        # a question word asks before a person or thing ("ok, can you...", "is it ok"), not
        # in "that's enough, bye"
        asks = any(
            w in lexicon.QUESTION_STARTS and nxt in lexicon.ASKED_OF
            for w, nxt in zip(words, words[1:], strict=False)
        )
        if (
            len(words) > lexicon.GOODBYE_MAX_WORDS
            or analysis.topics
            or "?" in analysis.text
            or not (lexicon.GREETING_NOT_AFTER - lexicon.QUESTION_STARTS).isdisjoint(words)
            or not lexicon.WH_WORDS.isdisjoint(words)
            or asks
            or "goodbye" not in self.kb.smalltalk
        ):
            return False
        if tuple(written) in lexicon.GOODBYE_ALONE:
            return True  # "night!" after the daily tips: good night, not a time for them
        start, end = analysis.pieces()[-1]
        if start and tuple(written[start:end]) in lexicon.GOODBYE_ALONE:
            return True  # "will try it tomorrow, night": the last piece on its own
        # as written: "lakers" is no "laters"
        spans = self.cues.where(written, "goodbye")
        last = len(written)
        while last and written[last - 1] in lexicon.GOODBYE_TAIL:
            last -= 1
        return any(start == 0 or end >= last for start, end in spans)

    def _greets(self, analysis: Analysis, rest: Sequence[str]) -> bool:
        """True for a greeting whose `rest` asks nothing and names no area ("hi there, new
        here", "morning!"); "hey, whats the weather" asks something else."""
        if analysis.topics or "?" in analysis.text:
            return False
        return len(
            rest
        ) <= lexicon.GREETING_REST_MAX_WORDS and lexicon.GREETING_NOT_AFTER.isdisjoint(rest)

    def _version_named(
        self, words: Sequence[str], context: Context, area: str | None
    ) -> str | None:
        """After a stretch or an answer about `area`, the id of another of the area's stretches
        a short message names by some of its words and a word such as "version" or "one"
        ("bent knee version?", "the seated one", "step variation pls"). None otherwise."""
        if (
            area is None
            or context.kind not in ("stretch", "answer")
            or len(words) > lexicon.VERSION_MAX
        ):
            return None
        if lexicon.VERSION_WORDS.isdisjoint(words) and (
            # "in a doorway?", "can i do it against a wall" after a chest stretch: the one
            # done there
            lexicon.PROP_WORDS.isdisjoint(words) or lexicon.PROP_PREPOSITIONS.isdisjoint(words)
        ):
            return None
        named = {w for w in words if w not in STOPWORDS and w not in lexicon.VERSION_FILLER}
        named -= {w for w in named if self.matcher.words.canon(w) in self._area_words(area)}
        if not named:
            return None
        fits = [s.id for s in self.kb.stretches_for(area) if named <= self.name_words[s.id]]
        # another than the one on screen if there is one ("the wall one" after the wall stretch
        # shows it again)
        return next((s for s in fits if s != context.stretch), fits[0] if fits else None)

    def _area_words(self, area: str) -> frozenset[str]:
        """The words that name `area` ("calf", "calves"), as `_version_named` drops them."""
        found = self._area_word_cache.get(area)
        if found is None:
            topic = self.kb.topics[area]
            found = frozenset(
                self.matcher.words.canon(w)
                for name in (topic.name, *topic.names, *topic.synonyms)
                for w in self.matcher.analyse(name).corrected
            )
            self._area_word_cache[area] = found
        return found

    @staticmethod
    def _asks_a_stretch_for(analysis: Analysis, cues: frozenset[str]) -> bool:
        """Whether a follow-up that names no area asks for a stretch, not why, nor anything
        else (`lexicon.OTHER_ASKS`): "what should i do for it?", "stretch for it i can do at work"."""
        return (
            not analysis.topics
            and "asks_stretch" in cues
            and "why" not in cues
            and not lexicon.OTHER_ASKS.intersection(analysis.corrected)
            and lexicon.ROUTINE_NAMES.isdisjoint(analysis.corrected)  # "any quick routine for it"
        )

    def _off_the_floor(self, context: Context) -> Context:
        """`context`, with the limit "no_floor" when the routine on screen keeps off the floor
        (a road trip's, a desk break): a stretch picked for its setting keeps off it too."""
        routine = self.kb.routines.get(context.routine or "") if context.kind == "routine" else None
        if routine is None:
            return context
        floor = LIMIT_TAGS["no_floor"]
        stretches = self.kb.stretches
        if any(
            not floor.isdisjoint(stretches[s.stretch].caution_tags)
            for s in routine.steps
            if s.stretch in stretches
        ):
            return context
        return replace(context, limits=context.limits | {"no_floor"})

    @staticmethod
    def _focus_asked(analysis: Analysis, cues: frozenset[str], context: Context) -> str | None:
        """After a routine (not during its steps), a short message that aims it at one area
        ("mostly for my lower back", "for my knees especially, they get sore"); after a routine
        or a stretch card, one that asks to work an area more ("can you focus on my hips",
        "i want it to hit my lats more"): that area. None otherwise."""
        if context.kind not in ("routine", "stretch") or (context.intent or "").startswith(
            lexicon.GUIDE_PREFIX
        ):
            return None
        words = analysis.corrected
        named = {t for t in analysis.topics if t != GENERAL}
        if len(named) != 1 or len(words) > lexicon.MOVE_MAX_WORDS or cues & lexicon.OWN_ASK_CUES:
            return None
        focused = not lexicon.FOCUS_WORDS.isdisjoint(words)
        if not (
            focused
            or (
                context.kind == "routine"
                # "lower back is usually the worst bit" after the golf cool-down
                and (lexicon.aimed(analysis.words) or lexicon.tells_the_worst_area(words))
            )
        ):
            return None
        return named.pop()

    def _another_for(
        self, analysis: Analysis, cues: frozenset[str], context: Context, area: str | None
    ) -> str | None:
        """After a stretch card, the area a request for another stretch is for: the area it
        names after "for" ("one more for my quads", "quads are screaming, one more for them"),
        else `area`, the card's ("that one hurts my knees, different one?"). After a routine,
        only an area the request names and aims at. None when the message is no such
        request."""
        if "another" not in cues or analysis.corrected[:1] == ("why",):
            # "why does it get tight tho, im not even doing anything" asks why
            return None
        if context.kind in ("answer", "smalltalk"):
            # "hold time?" then "another one": the stretch shown before the general answer;
            # "you suck" then "fine give me another one": the area talked about before
            shown = None
            if context.kind == "smalltalk" or context.topic == GENERAL:
                shown = self._stretch_area(context)
            if shown is None and context.kind == "smalltalk" and context.topic != GENERAL:
                shown = context.topic
            if shown is None or analysis.topics:
                return None
            return shown
        if context.kind not in ("stretch", "routine"):
            return None
        words = analysis.words
        if lexicon.OTHER_ASKS.intersection(analysis.corrected):
            return None
        named = [t for t in analysis.topics if t != GENERAL]
        if named and tuple(analysis.corrected[:3]) in lexicon.IS_IT_THE:
            return None  # "is that the adductors or something else": which muscle it is
        if context.kind == "routine":
            # after a routine, one more for an area it named ("my hamstrings need extra, one
            # more just for them"): that area's stretch
            # or still tight after it ("done, quads still feel tight tho")
            aimed = (
                lexicon.aimed(words)
                or bool(lexicon.POINTING_WORDS.intersection(words))
                or lexicon.STILL in words
            )
            return named[0] if named and aimed else None
        if named and lexicon.aimed(words):
            return named[0]
        if named and named[0] != area and not lexicon.POINTING_WORDS.intersection(words):
            return None  # "another one ... my calves": a question of its own
        return area  # "done, quads still feel tight" after the quad stretch: another for them

    def _aspect_reply(
        self, area: str, aspect: str, context: Context, analysis: Analysis | None = None
    ) -> Reply:
        """The answer `WantReader.aspect_follow_up` found: the area's, or how often, how long or
        whether every day to stretch; how often asked of the area ("how often?" after its
        stretch) is its when answer."""
        if (
            aspect == lexicon.HOW_OFTEN
            and analysis is not None
            and self._asks_how_often_of_it(area, analysis, context)
        ):
            return self.replies.answer(area, "when", context)
        if aspect in (lexicon.HOW_OFTEN, lexicon.HOW_LONG, lexicon.EVERY_DAY_ANSWER):
            return self.replies.answer(GENERAL, aspect, context)
        return self.replies.answer(area, aspect, context)

    def _limited_instead(
        self, analysis: Analysis, cues: frozenset[str], stretch: Stretch, context: Context
    ) -> Reply | None:
        """After a stretch done kneeling or on the floor, a message that names that limit
        ("easier please, kneeling hurts my knees", "something easier? i can't get down on the
        floor", "can't lie on the floor at work, standing version?", "kneeling on my feet
        hurts my ankles") gets another stretch for the area without it, and the limit is kept
        for the rest of the conversation. None when the stretch already keeps to the limit."""
        ask = self.sizes.read(analysis)
        words = analysis.corrected
        if not (lexicon.ROUTINE_NAMES | lexicon.COMBINING_WORDS).isdisjoint(words):
            # "any quick routine for it i can do at my desk", "can you put that all together
            # into one break I can do at my desk": a routine
            return None
        if lexicon.asks_about(words) and set(analysis.topics) - set(stretch.topics):
            return None  # "what about my knees, they ache from kneeling": the knees asked about
        if lexicon.told_fine_then_asked(words, analysis.pieces()):
            # "standing version works. how long": the version is told as fine, and the
            # question closing the message asks something else
            return None
        limits: set[Limit] = set(ask.limits) if ask is not None else set()
        if "why" in cues and lexicon.VERSION_WORDS.isdisjoint(words) and _CAN.isdisjoint(words):
            # "why does my neck get so tight on my commute" after a seated stretch: a reason
            # asked, the setting told as its cause, no other version of the stretch (not "why
            # can't i do these at my desk", which asks for one)
            limits.clear()
        if ask is not None and lexicon.VERSION_WORDS.intersection(words):
            limits |= ask.postures  # "standing version?"
        if lexicon.KNEELING_WORDS.intersection(words) and "complaint" in cues:
            limits.add("no_kneeling")  # "kneeling on my feet hurts my ankles"
        if not limits:
            return None
        return self._keeping_to(limits, stretch, context)

    def _general_asked_bare(
        self, words: Sequence[str], question: Sequence[str], analysis: Analysis, context: Context
    ) -> str | None:
        """The general answer a short follow-up in a conversation about stretching asks for
        in words that name neither stretching nor an area (`question`: the words past any
        thank-you); None for any other message. Each reader names the kinds of reply it may
        follow, what it reads, and the answer it gives."""
        if analysis.topics:
            return None
        readers: tuple[tuple[frozenset[str], Callable[[], bool], str], ...] = (
            # "every night?" after stretching before bed: whether daily stretching is fine
            (
                lexicon.STRETCHING_KINDS,
                lambda: lexicon.asks_every_time_bare(words),
                lexicon.EVERY_DAY_ANSWER,
            ),
            # "thanks again. is it ok to do these when ive got a cold": stretching when ill
            (
                lexicon.STRETCHING_KINDS,
                lambda: (
                    len(question) <= lexicon.SIZE_MOVE_MAX_WORDS
                    and lexicon.asks_whether(question)
                    and self.wants.illness_pointed_at(question)
                ),
                lexicon.WHEN_ILL,
            ),
            # "do i need to buy anything" after where to start: what stretching needs
            (frozenset({"answer"}), lambda: lexicon.asks_for_kit(words), lexicon.EQUIPMENT_GENERAL),
        )
        for kinds, reads, key in readers:
            if context.kind in kinds and (GENERAL, key) in self.kb.answers and reads():
                return key
        return None

    def _same_asked_of_another_area(
        self, match: Match, analysis: Analysis, context: Context
    ) -> str | None:
        """After an area's answer, the aspect it answered, for a message that opens with
        "same" and names one other area ("same story with my lower back" after why the neck
        gets tight), when that area has it; else None."""
        if (
            match.kind != "aspect"
            or match.confidence < lexicon.ASPECT_NEAR
            or len(match.topics) != 1
            or match.topics[0] == context.topic
            # "same with my calves, why does that happen": its own question
            or self.cues.read_asked(analysis.corrected)
            & {"why", "what", "asks_when", "asks_stretch"}
        ):
            return None
        return self._same_aspect_of(match.topics[0], analysis, context)

    def _same_aspect_of(self, topic: str, analysis: Analysis, context: Context) -> str | None:
        """After an area's answer, the aspect it answered, for a message that opens with "same"
        ("same for my hamstrings?", "same story with my lower back"), when `topic` has it;
        else None."""
        if (
            context.kind != "answer"
            or not context.intent
            or analysis.corrected[:1] != (lexicon.SAME,)
        ):
            return None
        aspect = context.last_aspect
        return aspect if (topic, aspect) in self.kb.answers else None

    def _in_bed(self, analysis: Analysis, context: Context) -> Reply | None:
        """After a stretch or a routine, a question whether it can be done in bed ("can i do
        it in bed? im not a morning person") or lying down ("is there a version i can do lying
        down"): a stretch done lying down, again, with a yes; else one for its area done lying
        down, if there is one; a routine again, led by which of its stretches are done lying
        down. After an area's answer, the area's first stretch done lying down. None for any
        other message."""
        if analysis.topics:
            return None
        words = analysis.corrected
        # "before i get out of bed" after a card asks when to do it; after an answer, in bed
        if (
            lexicon.asks_if_done_in_bed(words)
            or (context.kind == "answer" and lexicon.asks_if_done_before_getting_up(words))
            # "something i can do lying in bed before i get up?" about an area
            or (
                context.kind in ("answer", "stretch")
                and context.topic not in (None, GENERAL)
                and lexicon.asks_something_in_bed(words)
            )
        ):
            yes, other, none = lexicon.IN_BED_YES, lexicon.IN_BED_OTHER, lexicon.IN_BED_NONE
            some, none_in_routine = lexicon.IN_BED_SOME, lexicon.IN_BED_NONE_IN_ROUTINE
        elif lexicon.asks_for_lying_down(analysis.corrected):
            yes, other, none = lexicon.LYING_YES, lexicon.LYING_OTHER, lexicon.LYING_NONE
            some, none_in_routine = lexicon.LYING_SOME, lexicon.LYING_NONE_IN_ROUTINE
        else:
            return None
        say = self.replies
        if context.kind == "stretch" and context.stretch in self.kb.stretches:
            stretch = self.kb.stretches[context.stretch]
            topic = context.topic or stretch.topics[0]
            if done_lying_down(stretch):
                reply = say.stretch(stretch, topic, context)
                return with_lead(reply, yes)
            lying = [s for s in self.kb.stretches_for(topic) if done_lying_down(s)]
            if not lying:
                return with_lead(say.stretch(stretch, topic, context), none)
            reply = say.stretch(lying[0], topic, context)
            return with_lead(reply, other.format(name=stretch.name.lower()))
        if context.kind == "answer" and context.topic not in (None, GENERAL):
            # "can i do it before i get out of bed" after why the lower back gets stiff: the
            # area's first stretch done lying down
            topic = context.topic or ""
            lying = [s for s in self.kb.stretches_for(topic) if done_lying_down(s)]
            if lying:
                return with_lead(say.stretch(lying[0], topic, context), lexicon.IN_BED_AREA)
        if context.kind == "routine" and context.routine in self.kb.routines:
            routine = self.kb.routines[context.routine]
            names = list(
                dict.fromkeys(
                    self.kb.stretches[step.stretch].name
                    for step in routine.steps
                    if step.stretch in self.kb.stretches
                    and done_lying_down(self.kb.stretches[step.stretch])
                )
            )
            lead = some.format(names=", ".join(names)) if names else none_in_routine
            return with_lead(say.routine(routine, context), lead)
        return None

    def _area_asked_last(self, match: Match, analysis: Analysis) -> str | None:
        """For a general answer or a routine matched in a story, the area a last piece of its
        own names in a yes-or-no question about stretching it ("..., does stretching the jaw
        help at all"), when that piece names no general subject; None otherwise."""
        if match.kind not in (GENERAL, "routine"):
            return None
        pieces = analysis.pieces()
        if len(pieces) < 2:
            return None
        start, end = pieces[-1]
        piece = analysis.corrected[start:end]
        stretching_it = any(
            word == "stretching" or (word == "stretch" and after in lexicon.STRETCHED_OWNERS)
            for word, after in zip(piece, (*piece[1:], ""), strict=True)
        )
        if (
            not lexicon.asks_whether(piece)
            or not stretching_it  # not "can i do the piriformis stretch"
            or lexicon.STRETCHING_OF_USE.isdisjoint(piece)
            or self.wants.subjects_named(piece)
            # "... should i stretch my hips after?": when
            or "asks_when" in self.cues.read(piece)
            # "... can stretching my shoulders actually fix that?": the story's subject
            or not lexicon.POINTING_WORDS.isdisjoint(piece)
        ):
            return None
        areas = {t for s, _e, t in analysis.spans if start <= s < end and t != GENERAL}
        if len(areas) != 1:
            return None
        area = areas.pop()
        return area if (area, "why_tight") in self.kb.answers else None

    @staticmethod
    def _prop_it_uses(words: Sequence[str], stretch: Stretch) -> str | None:
        """The thing the words name to do `stretch` against that its own steps use ("in a
        doorway", "against the wall"), or None."""
        own = set(normalize(" ".join((stretch.name, *stretch.steps))).split())
        return next((w for w in words if w in lexicon.STRETCH_PROPS and w in own), None)

    def _keeping_to(self, limits: set[Limit], stretch: Stretch, context: Context) -> Reply:
        """After `stretch`, another for its area that keeps to `limits`, or the same one when
        it already does (said so); the limits stay for the rest of the conversation."""
        kept = replace(context, limits=merged_limits(context.limits, frozenset(limits)))
        topic = context.topic or stretch.topics[0]
        tags = frozenset(stretch.caution_tags)
        if not any(LIMIT_TAGS[limit] & tags for limit in limits):
            # the stretch on screen already keeps to it: show it again, and say so
            return self.replies.stretch_that_fits(stretch, topic, kept)
        return self.replies.limited_stretch(topic, kept)

    def _routine_besides_longer(self, words: Sequence[str]) -> str | None:
        """The routine the rest of a "longer one" ask names, read on its own ("got a longer one
        i can do after the gym?" -> "after the gym": the cool-down after lifting), when the
        intent layer is sure of it; None otherwise."""
        rest = [w for w in words if w not in lexicon.LONGER_ONE_WORDS]
        if all(w in lexicon.ROUTINE_NAMES | lexicon.SESSION_NAMES or w in STOPWORDS for w in rest):
            return None  # "got a longer routine?" names nothing the routine is for
        match = self._match(self.matcher.analyse(" ".join(rest)))
        if match.kind != "routine" or match.confidence < self.matcher.threshold:
            return None
        return match.key

    def _stretch_hurts(
        self,
        analysis: Analysis,
        cues: frozenset[str],
        stretch: Stretch,
        pointing: bool,
        context: Context,
    ) -> Reply | None:
        """After a stretch card, a message saying that it hurts ("it hurts my knee", "my wrist
        hurts doing that", "ouch that hurts"): a stretch should never hurt, so ease off and
        try a gentler way: one without kneeling when a kneeling stretch hurts the knee, else
        its easier version. None for any other message, and for a question about it ("why
        does it hurt my knee")."""
        words = analysis.corrected
        still = lexicon.STILL in words
        # "that one hurt so good": the stretch's good hurt, told, not a pain
        told = lexicon.without_lessened(words)
        hurts = (
            # "it hurts my knee", "this makes it worse", "feels worse after that one"
            lexicon.tells_it_hurts(told)
            or (still and not lexicon.PULL_WORDS.isdisjoint(told))
            # "my lower back gets achy doing that one": an ache the doing brings on
            or (
                not lexicon.ACHE_WORDS.isdisjoint(told)
                and lexicon.has_pair(told, lexicon.DOING_IT_PAIRS)
            )
            # "my knee doesn't like it", "my back hates that one"
            # (an easier version asked for is that: "easier, my knees dont like it")
            or (
                bool(analysis.topics)
                and lexicon.has_pair(words, lexicon.STRETCH_DISLIKED)
                and not cues & lexicon.VARIANT_CUES
            )
        )
        if (
            not hurts
            or not (
                pointing
                or still
                or lexicon.DOING_WORDS.intersection(words)
                or lexicon.points_at_one(words)  # "the doorway one pinches my shoulder"
                or words[0] in lexicon.HURT_WORDS  # "hurts my knee" right after the card
                # "my back knee hurts" after a kneeling stretch: the knee it kneels on
                or ("kneeling" in stretch.caution_tags and set(analysis.topics) == {lexicon.KNEES})
            )
            or cues & {"why", "what", "asks_when", "new_question"}
            or self._asks_after_any_thanks(words)  # "is it meant to hurt?", "thx! is it ..."
            or not lexicon.TIMES_OF_DAY.isdisjoint(words)  # "it hurts at night": no stretch's
            # a longer message: the hurt told first, and no easier version asked for after it
            # ("my knee hurts in it, is there an easier one" asks for that)
            or (
                len(words) > lexicon.MOVE_MAX_WORDS
                and (not self._hurt_told_first(analysis) or cues & lexicon.VARIANT_CUES)
            )
        ):
            return None
        asks_if_normal = any(
            lexicon.asks_whether(words[start:end]) for start, end in analysis.pieces()[1:]
        )
        if (still or asks_if_normal) and (GENERAL, lexicon.PAIN_GENERAL) in self.kb.answers:
            # "still hurts tbh" after the easier version, "it hurt a bit doing that, is that
            # normal": stop, whether a stretch should hurt, and when to get it checked
            return self.replies.answer(GENERAL, lexicon.PAIN_GENERAL, context)
        return self._gentler(stretch, words, context)

    @staticmethod
    def _hurt_told_first(analysis: Analysis) -> bool:
        """Whether a short first piece tells that it hurt ("it hurt a bit doing that, kind of
        sharp right in the same spot"): what it felt like may follow in pieces of its own."""
        words = analysis.corrected
        first = words[: analysis.pieces()[0][1]]
        if len(first) <= lexicon.MOVE_MAX_WORDS and lexicon.tells_it_hurts(first):
            return True
        # ... or the message opens with it: "that hurt a bit behind my knee when i did it"
        return words[0] in lexicon.POINTING_WORDS and lexicon.tells_it_hurts(words[1:3])

    def _gentler(self, stretch: Stretch, words: Sequence[str], context: Context) -> Reply:
        """A stretch that hurts, gentler: one without kneeling when a kneeling stretch hurts the
        knee, else its easier version, led by a reminder that a stretch should never hurt."""
        lead = "Stretching should feel like a gentle pull, never pain, so ease off or stop."
        if "kneeling" in stretch.caution_tags and lexicon.KNEE_WORDS.intersection(words):
            return with_lead(self._keeping_to({"no_kneeling"}, stretch, context), lead)
        return with_lead(self.replies.variant(stretch, "easier", context), lead)

    def _told_while_doing_it(self, analysis: Analysis, context: Context) -> Reply | None:
        """After a stretch card, a short message telling what a body part does during it, with
        no pain ("my back arches when i do it", "my heel lifts when i do this"): how it should
        feel and what to watch for, from the card. None otherwise."""
        words = analysis.corrected
        stretch = self.kb.stretches.get(context.stretch or "")
        if (
            context.kind != "stretch"
            or stretch is None
            or len(words) > lexicon.IN_BED_MAX_WORDS
            or not lexicon.tells_while_doing_it(words)
            or not lexicon.HURT_WORDS.isdisjoint(words)
            or not lexicon.SENSED_WORDS.isdisjoint(words)
            or self.wants.subjects_named(words)  # "my knee clicks when i do it": clicking
        ):
            return None
        return with_lead(self.replies.stretch_details(stretch, context), lexicon.FORM_LEAD)

    def _asks_about_form(self, analysis: Analysis, cues: frozenset[str]) -> bool:
        """Whether a message after a stretch card asks how to hold it or what to feel: a
        question with a word of form or feeling ("should i feel it in my neck?", "am i doing
        it wrong?"), not one of where, timing, why, pain, a sensation with an answer of its
        own ("is it normal to shake in the stretch"), or another stretch."""
        words = analysis.corrected
        # "wait do u mean palm up or palm down": a question behind a filler
        after = lexicon.without_fillers(words)
        asks = (
            "?" in analysis.text
            or words[0] in lexicon.QUESTION_STARTS
            or (len(after) < len(words) and bool(after) and after[0] in lexicon.YES_NO_STARTS)
            # "i feel it in my knee not my bum": where it is felt, told
            or lexicon.tells_where_it_is_felt(words)
        )
        return (
            asks
            # "and my hip flexors? they feel just as bad", "what about my hips they feel
            # locked": another area, not where it is felt
            and not (
                (words[0] in lexicon.AREA_TOO_OPENERS or lexicon.asks_about(words[:3]))
                and analysis.topics
            )
            and "where" not in words  # "where am i supposed to feel it": where the area is
            and (
                not lexicon.FORM_WORDS.isdisjoint(words)
                or lexicon.has_pair(words, lexicon.FORM_PAIRS)
                or lexicon.holds_onto(words)  # "do i hold onto a chair"
            )
            and not cues & lexicon.ASKS_A_STRETCH_CUES
            # "how do i know im doing it right" reads as a why, but asks about form
            and not (
                "why" in cues
                and ("why" in words or not lexicon.has_pair(words, lexicon.FORM_PAIRS))
            )
            # "and the left leg, same thing but the other way round?": the other side
            and not ("other_side" in cues and not lexicon.SIDE_NAMES.isdisjoint(words))
            and lexicon.FORM_TIMING_WORDS.isdisjoint(words)  # "how long should i feel it for"
            and lexicon.HURT_WORDS.isdisjoint(words)  # "is it meant to hurt": whether it should
            and lexicon.SENSED_WORDS.isdisjoint(words)
            and not lexicon.ROUTINE_WORDS.intersection(words)
            and not self.wants.subjects_named(words)
        )

    def _held_version(self, analysis: Analysis, stretch: Stretch, context: Context) -> Reply | None:
        """After a stretch card, a message asking for another version of it to hold ("got a
        version with a longer hold", "another one i can hold"): the area's next stretch held
        still. None for a message that asks no other version ("can i hold it longer")."""
        words = analysis.corrected
        if lexicon.OTHER_VERSION_WORDS.isdisjoint(words) or lexicon.told_fine_then_asked(
            words, analysis.pieces()
        ):
            return None  # not "standing version works. how long", which asks of this one
        topic = context.topic or stretch.topics[0]
        moving = [s.id for s in self.kb.stretches_for(topic) if s.type != "static"]
        seen = tuple(dict.fromkeys((*context.seen, stretch.id, *moving)))
        reply = self.replies.stretch_for_topic(topic, replace(context, topic=topic, seen=seen))
        held = reply.stretches and self.kb.stretches[reply.stretches[0]].type == "static"
        if not held:
            return None
        if stretch.type == "static":
            return reply
        return with_lead(reply, f"This one is held still, unlike the {stretch.name.lower()}.")

    def _asks_hold_of_it(self, analysis: Analysis, stretch: Stretch, context: Context) -> bool:
        """Whether a message after a stretch card asks how long to hold that one: a word of
        holding ("can i hold it longer than that", "longer hold?") or "how long" pointing at it
        ("how long do i stay in it"), naming no other area, routine or subject, and not about
        stretches in general ("how long do i hold each")."""
        words = analysis.corrected
        holds = (
            not lexicon.HOLD_WORDS.isdisjoint(words)
            or (
                lexicon.has_pair(words, lexicon.HOW_LONG_PAIRS)
                # "how long do i stay in it", or a bare "how long for?" right under the card
                and (
                    not lexicon.POINTING_WORDS.isdisjoint(words)
                    or len(words) <= lexicon.BARE_HOW_LONG_WORDS
                    or lexicon.per_side(words)  # "how long each leg?"
                    # "standing version works. how long"
                    or lexicon.told_fine_then_asked(words, analysis.pieces())
                )
            )
            # "how many reps", "how many sets of it": the card says
            or (
                lexicon.has_pair(words, lexicon.HOW_MANY)
                and not lexicon.REP_WORDS.isdisjoint(words)
                and lexicon.RATE_WORDS.isdisjoint(words)  # "how many times a day": how often
            )
        )
        return (
            holds
            and len(words) <= lexicon.SIZE_MOVE_MAX_WORDS
            and not lexicon.holds_of_many(words)
            and set(analysis.topics) <= {*stretch.topics, context.topic}
            and lexicon.ROUTINE_WORDS.isdisjoint(words)
            and lexicon.HURT_WORDS.isdisjoint(words)
            and not self.wants.subjects_named(words) - {lexicon.HOW_LONG}
            # "one i can do while holding her": another stretch asked for
            and not lexicon.asks_for_one_to_do(words)
            and lexicon.BOUNCE_WORDS.isdisjoint(words)  # "do i bounce or hold still"
            # "do i hold onto a chair": something to hold for balance, not how long
            and not lexicon.holds_onto(words)
            and lexicon.SENSED_WORDS.isdisjoint(words)  # "my leg shakes when i hold it"
        )

    def _routine_stretch_named(self, words: Sequence[str], context: Context) -> Stretch | None:
        """After a routine, the one of its stretches a message points at by some of its name
        ("the lunge one", "the cat cow one"): the one whose name shares most words with it,
        if one does more than the others. None otherwise."""
        routine = self.kb.routines.get(context.routine or "") if context.kind == "routine" else None
        if routine is None or not lexicon.points_at_one(words):
            return None
        # the words of "the ... one" first ("for the hamstring one do i keep my knee
        # straight": not the knee's), then all the message's
        for said in (lexicon.words_pointing_at_one(words), words):
            told = {w for w in said if w not in STOPWORDS and w not in lexicon.VERSION_FILLER}
            scored = sorted(
                ((len(told & self.name_words[s.stretch]), s.stretch) for s in routine.steps),
                reverse=True,
            )
            if scored and scored[0][0] and (len(scored) == 1 or scored[1][0] < scored[0][0]):
                return self.kb.stretches[scored[0][1]]
        return None

    def _asks_after_any_thanks(self, words: Sequence[str]) -> bool:
        """Whether the words, past a thank-you that opens them, open with a question word:
        "is it meant to hurt?", "thx! is it supposed to hurt a bit?"."""
        asked = lexicon.after_thanks(words, self.cues) or (
            words[1:] if len(words) > 1 and "thanks_lead" in self.cues.read(words[:1]) else words
        )
        return asked[0] in lexicon.QUESTION_STARTS

    @staticmethod
    def _one_area_stretch_asked(analysis: Analysis) -> str | None:
        """The one area a message asks a stretch for in its last piece, by the words "stretch"
        or "stretches" and no routine's ("is there a stretch I can do at my desk?", "shoulder
        stretch for office people?"): the area named in that piece, else the only area the
        message names. None for a routine or a break asked for, or two areas or more."""
        words = analysis.corrected
        if not lexicon.ROUTINE_NAMES.isdisjoint(words) or not lexicon.BREAK_WORDS.isdisjoint(words):
            return None
        start = analysis.pieces()[-1][0]
        if lexicon.STRETCH_NOUNS.isdisjoint(words[start:]):
            return None
        named = [t for s, _e, t in analysis.spans if t != GENERAL]
        areas = Brain._areas_in_last_piece(analysis) or set(named)
        return areas.pop() if len(areas) == 1 else None

    def _last_piece_asks_not(self, subject: str, analysis: Analysis) -> bool:
        """Whether a story's last piece asks for a stretch and names no general subject, so
        that `subject`, which the whole message matched, is only the story's."""
        pieces = analysis.pieces()
        if len(pieces) < 2:
            return False
        start, end = pieces[-1]
        last = analysis.corrected[start:end]
        return "asks_stretch" in self.cues.read(last) and subject not in self.wants.subjects_named(
            last
        )

    def _names_a_region_besides(self, analysis: Analysis) -> bool:
        """Whether the message names a part of the body no one topic covers ("legs", "lower
        body") besides its areas, outside an activity's name ("leg day")."""
        areas = {i for s, e, _t in analysis.spans for i in range(s, e)}
        return any(
            start not in areas
            for start, _rid in self.pick.regions_outside_activities(analysis.corrected)
        )

    @staticmethod
    def _areas_in_last_piece(analysis: Analysis) -> set[str]:
        """The areas the last piece of a message names ("..., any hamstring stretches for
        after?")."""
        start = analysis.pieces()[-1][0]
        return {t for s, _e, t in analysis.spans if s >= start and t != GENERAL}

    def _stretch_within_limits(
        self, area: str, analysis: Analysis, context: Context, *, confidence: float = 1.0
    ) -> Reply:
        """The area's next stretch, keeping to any limit the message names ("standing",
        "next to the car", "no floor"); the limit stays for the rest of the conversation.
        `confidence` is the plain stretch's, given when no limit is named; at work ("between
        clients") is off the floor."""
        ask = self.sizes.read(analysis)
        limits = ask.limits if ask is not None else frozenset()
        if lexicon.first_span(analysis.corrected, lexicon.AT_WORK_SPANS) is not None:
            limits = limits | _AT_WORK
        if not limits:
            return self.replies.stretch_for_topic(area, context, confidence=confidence)
        kept = replace(context, limits=merged_limits(context.limits, limits))
        return self.replies.limited_stretch(area, kept)

    def _opens_with_variant(self, words: Sequence[str]) -> bool:
        """Whether a message opens with an easier, harder, other-side, shorter, longer or
        another ask and goes on to say why: "something easier? my balance isn't great and i
        can't get down on the floor", "shorter version? I'm knackered", "got a different one?
        that didnt do much"."""
        return any(
            cue in lexicon.VARIANT_CUES | lexicon.SIZE_CUES | {"another"}
            and start < lexicon.VARIANT_LEAD
            for start, _end, cue in self.cues.matches(words)
        )

    def _closes_with_variant(self, analysis: Analysis) -> bool:
        """Whether a message closes with a short easier or harder ask of its own, after saying
        why: "i cant really pull my leg up that far, my knee doesnt like it. easier way?"."""
        start, end = analysis.pieces()[-1]
        last = analysis.corrected[start:end]
        return 0 < len(last) <= lexicon.VARIANT_LEAD and not self.cues.read(last).isdisjoint(
            {"easier", "harder"}
        )

    def _holds_a_thing(self, analysis: Analysis) -> bool:
        """Whether the message holds "a" or "the" something that is no stretch, pose nor
        area: "hold a note", "hold the button", "hold a stock"; not "hold a stretch", "hold
        the pigeon", "hold a deep lunge", "hold my hamstring stretch"."""
        words = analysis.corrected
        area_starts = {start for start, _end, _topic in analysis.spans}
        for i, word in enumerate(words[:-2]):
            if word not in lexicon.HOLD_WORDS or words[i + 1] not in lexicon.HELD_DETERMINERS:
                continue
            j = i + 2
            while j < len(words) - 1 and words[j] in lexicon.HELD_ADJECTIVES:
                j += 1
            if words[j] not in self._held_names and j not in area_starts:
                return True
        return False

    def _size_asked_first(self, words: Sequence[str]) -> str | None:
        """ "shorter" or "longer" when the message opens with that ask ("shorter version? I'm
        knackered"), else None; a hold asked about ("longer hold?") is not a size."""
        if not lexicon.HOLD_WORDS.isdisjoint(words):
            return None
        for start, _end, cue in self.cues.matches(words):
            if (
                cue in lexicon.SIZE_CUES
                and (
                    start < lexicon.VARIANT_LEAD
                    # "can you make that quicker? i only get 2 mins"
                    or set(words[:start]) <= lexicon.SIZE_ASK_LEAD_WORDS
                )
            ):
                return cue
        return None

    def _area_is_the_side(self, analysis: Analysis) -> bool:
        """Whether every area the message names is inside its ask for the other side: "other
        arm" after the chest stretch asks for its other side, not an arm stretch."""
        sides = self.cues.where(analysis.corrected, "other_side")
        return bool(sides) and all(
            any(s <= start and end <= e for s, e in sides) for start, end, _t in analysis.spans
        )

    def _area_is_the_reason(self, analysis: Analysis, cues: frozenset[str]) -> bool:
        """Whether the areas a variant ask names are why it is asked, not what it is for:
        "easier please, kneeling hurts my knees", "too hard, i cant get near my feet" (a
        complaint or a limit), "too intense on my knee, easier?" (too much for it); not
        "harder one for my calves"."""
        words = analysis.words
        dislikes = (
            lexicon.has_pair(analysis.corrected, lexicon.DISLIKE_PAIRS)
            or "hate" in analysis.corrected
        )
        if not cues & lexicon.VARIANT_CUES:
            return False
        first_area = words.index(TOPIC_TOKEN) if TOPIC_TOKEN in words else len(words)
        if "too" in words[:first_area]:
            return True  # "too intense on my knee, easier?": too much for the area
        # "my hips don't open much", "my knee won't bend that far": what the area does not do
        area_will_not = any(
            word == TOPIC_TOKEN and "not" in words[i + 1 : i + 1 + lexicon.AREA_NOT_REACH]
            for i, word in enumerate(words)
        )
        if not (
            cues & lexicon.REASON_CUES
            or lexicon.CANNOT_WORDS & set(words)
            or dislikes
            or area_will_not
        ):
            return False
        return not any(
            word == TOPIC_TOKEN
            and lexicon.FOR_WORDS.intersection(words[max(0, i - lexicon.FOR_REACH) : i])
            for i, word in enumerate(words)
        )

    def _sport_event_end(self, words: Sequence[str], context: Context) -> str | None:
        """After a sport's warm-up or cool-down, the end ("warmup", "cooldown") at which the
        words tell an event of any sport, naming no activity: "can i do these before every
        game" after the football warm-up is that sport's game. None for anything else."""
        family, _, activity = (context.routine or "").partition("_")
        if (
            context.kind != "routine"
            or not activity
            or family not in ("warmup", "cooldown")
            or lexicon.SPORT_EVENTS.isdisjoint(words)
            or {"before", "after"}.isdisjoint(words)
            or self.pick.activities_in(words)
        ):
            return None
        return lexicon.wanted_end(words)

    def _other_end(
        self, words: Sequence[str], context: Context, event_end: str | None = None
    ) -> Plan | None:
        """After a warm-up, "and after?" asks for the same activity's cooldown; after a
        cooldown, "what about before?" for its warm-up. `event_end`: the end at which the
        words tell a sport's event (`_sport_event_end`): "can i do these after the game" after
        the football warm-up asks for the other end too, the general one when the sport has
        none of its own. None for anything else."""
        plan = context.plan
        if context.kind != "routine" or plan is None or plan.area:
            return None
        rest = {w for w in words if w not in STOPWORDS} - lexicon.OTHER_END_FILLER
        side: str | None = event_end
        if side is None and 1 <= len(rest) <= 2:  # not "and a cool down for after?" (twice)
            # "and after?", "and the cool down" / "what about before?", "and the warm up"
            side = (
                "cooldown"
                if rest <= lexicon.COOL_WORDS
                else "warmup"
                if rest <= lexicon.WARM_WORDS
                else None
            )
        family, _, activity = plan.base.partition("_")
        if side is None or family == side or family not in ("warmup", "cooldown"):
            return None
        other = f"{side}_{activity}" if activity else side
        if other not in self.kb.routines and event_end is not None:
            other = side
        return replace(plan, base=other) if other in self.kb.routines else None

    def _asked_after(self, rest: Sequence[str], analysis: Analysis, context: Context) -> Reply:
        """The reply to the words after a thank-you or an acknowledgement, read as if asked
        alone; the question mark stays with the question ("thanks! is that ok before a run?")."""
        mark = "?" if analysis.text.rstrip().endswith("?") else ""
        # the pieces stay pieces ("ok what actually is the psoas. my instructor says it ..."):
        # a question asked first is still first
        skipped = len(analysis.corrected) - len(rest)
        starts = {start - skipped for start, _end in analysis.pieces()[1:] if start > skipped}
        said = [f", {w}" if i in starts else f" {w}" for i, w in enumerate(rest)]
        return self._reply("".join(said).strip() + mark, context)

    def _goal_of(self, context: Context) -> str | None:
        """The goal (the splits, touching the toes) whose routine was the reply before, with
        an answer of its own; None after anything else."""
        if context.kind != "routine" or not context.routine:
            return None
        return next(
            (
                g
                for g in sorted(lexicon.TIMELINE_GOALS)
                if self.pick.for_general(g) == context.routine and (GENERAL, g) in self.kb.answers
            ),
            None,
        )

    def _goal_timeline_asked(self, analysis: Analysis, context: Context) -> str | None:
        """After the routine for a goal (the splits, touching the toes), a short question how
        long it takes ("realistically how long", "how long will it take"): the goal's answer,
        which gives the timeline; after that answer, the answer on how long flexibility takes.
        None otherwise."""
        words = analysis.corrected
        if (
            not lexicon.has_pair(words, lexicon.HOW_LONG_PAIRS)
            or not lexicon.HOLD_WORDS.isdisjoint(words)
            or analysis.topics
            # "how long till i stop looking like a question mark": what is waited for may take
            # more words
            or len(words)
            > (
                lexicon.MOVE_MAX_WORDS * 2
                if words[:2] == ("how", "long") and words[2:3] and words[2] in TILL_WORDS
                else lexicon.MOVE_MAX_WORDS
            )
        ):
            return None
        goal = self._goal_of(context)
        if goal is not None:
            return goal
        timeline = (GENERAL, lexicon.FLEXIBILITY_TIMELINE)
        if context.kind == "answer" and context.general_answer in lexicon.TIMELINE_GOALS:
            return lexicon.FLEXIBILITY_TIMELINE if timeline in self.kb.answers else None
        if (
            context.kind in ("stretch", "answer", "routine")
            and lexicon.asks_how_long_until(words)
            and timeline in self.kb.answers
        ):
            # "realistically how long before i can touch them" after a hamstring stretch or
            # an evening routine for it
            return lexicon.FLEXIBILITY_TIMELINE
        return None

    def _setting_talked_of(self, analysis: Analysis, context: Context) -> str | None:
        """The routine of the one setting the conversation named (a drive, a flight, a desk),
        for a question what to do at a place in it that names no area: "what can i do in the
        car at red lights lol" after "driving 7 hours tomorrow ... my back always kills".
        None otherwise."""
        settings = [r for r in context.activities if r in lexicon.SETTING_ROUTINES]
        words = analysis.corrected
        if len(settings) != 1 or analysis.topics or lexicon.SETTING_PLACES.isdisjoint(words):
            return None
        if not lexicon.PRONOUNS_BACK.isdisjoint(words):
            return None  # "one for it i can do by the car": the area's stretch
        cues = self.cues.read(words)
        if not cues & {"request", "asks_stretch"}:
            return None
        if context.kind == "stretch" and "another" in cues:
            return None  # "a different one for the next stop?" after a stretch: another stretch
        return settings[0]

    def _remembered_warm_up(self, analysis: Analysis, context: Context) -> str | None:
        """A warm-up or cool-down asked for with no activity named, in a conversation about
        one ("tight adductors from soccer" ... "then whats a pregame warmup"): that activity's
        own. None otherwise, and when the activity has none of that kind."""
        words = analysis.corrected
        if not context.activities or analysis.topics or self.pick.activities_in(words):
            return None
        kinds = lexicon.warm_ups_named(words)
        if (
            len(kinds) != 1
            or lexicon.asks_whether(words)
            or self.wants.subjects_named(words)
            or "why" in words
        ):
            # "do i need to warm up" asks whether; "tbh why do i even need to cool down" names
            # the subject of a general answer; "why do you even warm up tho" asks why
            return None
        kind = kinds.pop()
        return self.pick.own_end(context.activities, kind)

    def _typed_step(self, words: Sequence[str], context: Context) -> Reply | None:
        """After a routine, "start" or "next" walks through its steps in the chat as the Step
        by step button does; during those steps "next" (or "done") goes on and "back" goes
        back. None for anything else."""
        plan = context.plan
        # a question answered in between ("is it ok that i got lightheaded?") keeps the
        # routine on screen: "ok next one" starts it
        shown = context.kind == "routine" or (
            context.kind == "answer" and plan is not None and context.routine == plan.base
        )
        if not shown or plan is None or not self.replies.sizer.can_build(plan):
            return None
        said = lexicon.one_step_move(" ".join(w for w in words if w not in lexicon.STEP_FILLER))
        move = lexicon.STEP_MOVES.get(said)  # None for a stop word
        if move is None and said not in lexicon.STEP_STOP:
            return None
        at = None
        if (context.intent or "").startswith(lexicon.GUIDE_PREFIX):
            at = self.replies.step_shown(plan, context)
        if at is None:  # the overview: "next", "start" begin at the first step
            if said in lexicon.STEP_DONE:  # "done" after it: the routine is done
                return self.replies.routine_done(plan, context)
            if move is None or move < 0 or said in lexicon.STEP_SKIP:
                return None  # nothing is running to stop, skip or go back in
            return self.replies.guide_step(plan, 0, context, manual=True)
        if move is None:  # "stop" during the steps: where it stopped, with Resume
            return self.replies.guide_stop(context, act.GuideStop(plan, at, manual=True))
        return self.replies.guide_step(plan, max(0, at + move), context, manual=True)

    def _step_after(self, analysis: Analysis, context: Context) -> Reply | None:
        """After a routine, the step that follows the one a message names by its stretch and
        asks what comes after ("whats next after the cat cow one", "what comes after the
        pigeon"), walked through as the Step by step button does. None for anything else."""
        words = analysis.corrected
        plan = context.plan
        if (
            context.kind != "routine"
            or plan is None
            or "after" not in words
            or lexicon.NEXT_WORDS.isdisjoint(words)
        ):
            return None  # checked first: the name search below is the costly part
        stretch = self.stretch_names.find(words, analysis.breaks)
        steps = [step.stretch for step in self.replies.steps_of(plan, context)]
        if stretch not in steps or steps.index(stretch) + 1 >= len(steps):
            return None
        return self.replies.guide_step(plan, steps.index(stretch) + 1, context, manual=True)

    def _subject_turned_to(self, key: str, words: Sequence[str]) -> bool:
        """Whether a follow-up turns to the general answer `key` ("and", "what about") by one
        of its keywords, or by a word of them first ("and bouncing? my dad swears by it")."""
        opener = lexicon.turning_to(words)
        head = words[opener : opener + lexicon.TURNED_TO_WORDS]
        if not opener or not head or (GENERAL, key) not in self.kb.answers:
            return False
        if self.wants.subjects_named(head) == {key}:
            return True
        keywords = self.kb.answers[(GENERAL, key)].keywords
        # a question word is no subject's word: "also whats the best harness for roofing" is
        # not "what time" to stretch
        first = head[0]
        if first in STOPWORDS or first in lexicon.WH_WORDS or first in lexicon.YES_NO_STARTS:
            return False
        return any(first in k.split() for k in keywords)

    def _just_one_step(self, analysis: Analysis, context: Context) -> Reply | None:
        """After a routine, a message asking which step to do if only one ("if i only do one
        which one"): the card of its longest held stretch (the first of those), with a line
        that says so. None otherwise."""
        plan = context.plan
        if context.kind != "routine" or plan is None or analysis.topics:
            return None
        if not lexicon.asks_for_just_one(analysis.corrected):
            return None
        held = [
            (step, self.kb.stretches[step.stretch])
            for step in self.replies.steps_of(plan, context)
            if step.stretch in self.kb.stretches
            and self.kb.stretches[step.stretch].type == "static"
        ]
        if not held:
            return None
        longest = max(step.seconds for step, _s in held)
        stretch = next(s for step, s in held if step.seconds == longest)
        card = self.replies.stretch(stretch, stretch.topics[0], context)
        return with_lead(card, lexicon.JUST_ONE_LEAD)

    def _routine_asked_when(self, analysis: Analysis, context: Context) -> Plan | None:
        """The routine on screen, when a message after it asks when to do it ("when should i
        do it", "how long before we start should i do it"), naming no area, routine or
        general subject of its own ("when should i stretch my hamstrings" asks of them);
        else None."""
        words = analysis.corrected
        plan = context.plan
        asked = (
            context.kind == "routine"
            and plan is not None
            and not analysis.topics
            and lexicon.asks_when_to_do_it(words)
            and lexicon.ROUTINE_NAMING_WORDS.isdisjoint(words)
            and not self.pick.activities_in(words)
            and not self.wants.subjects_named(words)
            and not self.wants.illness_pointed_at(words)  # "is it ok to do these with a cold"
        )
        return plan if asked else None

    def _one_side_worse_after_an_answer(self, analysis: Analysis, context: Context) -> Reply | None:
        """After an area's answer, a short message telling that one side is worse ("my left
        side is worse"): the area's stretch, led by doing both sides and the tighter one
        more. None otherwise (after a card, `_move` leads the card itself the same way)."""
        topic = context.topic or ""
        if (
            context.kind != "answer"
            or topic == GENERAL
            or topic not in self.kb.topics
            or analysis.topics
            or not lexicon.tells_one_side_worse(analysis.corrected)
        ):
            return None
        stretch = self._stretch_within_limits(topic, analysis, context)
        return with_lead(stretch, lexicon.ONE_SIDE_WORSE_LEAD)

    def _asks_why_the_routine_helps(self, analysis: Analysis, context: Context) -> bool:
        """Whether a short message after a routine asks why or how it helps ("why does that
        help", "how does this help", "what does it do for me"), naming no area of its own."""
        words = analysis.corrected
        return (
            context.kind == "routine"
            and (GENERAL, lexicon.BENEFITS) in self.kb.answers
            and not analysis.topics
            and len(words) <= lexicon.MOVE_MAX_WORDS
            and lexicon.asks_why_it_helps(words)
            # "how long before it works?": when, not why
            and not lexicon.has_pair(words, lexicon.HOW_LONG_PAIRS)
        )

    def _step_skipped(self, analysis: Analysis, context: Context) -> Reply | None:
        """After a routine, a short message asking to leave one of its steps out, named by
        its place or its name ("skip the leg swings, they make me feel like a flamingo",
        "drop the second one"): the routine again without it, replaced where a stretch of the
        same kind for the same area fits; routines after it leave it out too. One left out
        and named again to be put back ("put the leg swings back") is. None for anything else,
        and for a limit ("without kneeling"), which `_sizing` reads."""
        plan, words = context.plan, analysis.corrected
        if len(words) > lexicon.SKIP_MAX_WORDS:
            # "can i skip the leg swings, i look like an idiot doing them in the park": the ask
            # opens the message, its reason runs on
            words = words[: analysis.pieces()[0][1]]
        if context.kind != "routine" or plan is None or len(words) > lexicon.SKIP_MAX_WORDS:
            return None
        restores = bool(context.skipped) and lexicon.asks_to_restore(words)
        if not restores and not lexicon.asks_to_skip(words):
            return None
        ask = self.sizes.read(analysis)
        if ask is not None and (ask.limits or ask.postures):
            return None
        if restores:
            # "put the leg swings back": one left out before, named
            chosen = self._stretch_named_among(context.skipped, words)
            if chosen is None:
                return None
            skipped = tuple(s for s in context.skipped if s != chosen)
            lead = lexicon.RESTORED_LEAD
        else:
            steps = [step.stretch for step in self.replies.steps_of(plan, context)]
            at = lexicon.step_place(words)
            if at is not None:
                chosen = steps[at] if -len(steps) <= at < len(steps) else None
            else:
                chosen = self._stretch_named_among(steps, words)
            if chosen is None:
                return None
            skipped, lead = (*context.skipped, chosen), lexicon.SKIPPED_LEAD
        name = self.kb.stretches[chosen].name
        lead = lead.format(name=name[:1].lower() + name[1:])
        return self.replies.sized_routine(plan, replace(context, skipped=skipped), leads=(lead,))

    def _stretch_named_among(self, stretches: Sequence[str], words: Sequence[str]) -> str | None:
        """The one of `stretches` whose name the words share the most words with ("the leg
        swings"), or None when none or several do."""
        said = set(words) - lexicon.STEP_NAME_FILLER
        overlaps = {s: len(self.name_words[s] & said) for s in stretches}
        best = max(overlaps.values(), default=0)
        named = [s for s, n in overlaps.items() if n == best]
        return named[0] if best and len(named) == 1 else None

    def _step_named(
        self, words: Sequence[str], analysis: Analysis, context: Context
    ) -> Reply | None:
        """After a routine, the card of the stretch a short message names by its place: "the
        second one, how do i do that properly", "number 3?", "the last stretch"; one that
        hurts ("my wrists hurt doing the second one"), gentler. None for anything else, and
        for another complaint about it ("the first one is weird")."""
        plan = context.plan
        hurts = not lexicon.HURT_WORDS.isdisjoint(words)
        if (
            context.kind != "routine"
            or plan is None
            or (analysis.topics and not hurts)  # the area it hurts is told with it
            or len(words) > lexicon.STEP_NAMED_MAX_WORDS
        ):
            return None
        cues = self.cues.read(words)
        if (
            "another" in cues
            # ... but "whats the first one again, how do i do it" asks what the step is
            or ("again" in cues and lexicon.WH_WORDS.isdisjoint(words))
            or ("complaint" in cues and not hurts)
            or not lexicon.OTHER_THAN.isdisjoint(words)
        ):
            # "second one is weird, another?", "again pls, i forgot the 2nd one" (the routine
            # once more)
            return None
        at = lexicon.step_place(words)
        if at is None:
            return None
        steps = self.replies.steps_of(plan, context)
        if not steps or at >= len(steps):
            return None
        index = at if at >= 0 else len(steps) + at
        stretch = self.kb.stretches[steps[index].stretch]
        if (
            not hurts
            and not lexicon.DONE_WORDS.isdisjoint(words)
            and index + 1 < len(steps)
            and not cues & (lexicon.VARIANT_CUES | {"why", "what"})
        ):
            # "im back, did the first one": the step after it, walked through
            return self.replies.guide_step(plan, index + 1, context, manual=True)
        if hurts:
            return self._gentler(stretch, words, context)
        for which in ("easier", "harder"):
            if which in cues:  # "easier version of the 3rd one?"
                return self.replies.variant(stretch, which, context)
        return self.replies.stretch(stretch, stretch.topics[0], context)

    def _with_its_sources(self, context: Context) -> Reply | None:
        """The last answer, stretch or routine with the sources it was written from, for
        "source?", "says who", "any evidence for that"; None after anything else."""
        kb, say = self.kb, self.replies
        if context.kind == "stretch" and context.stretch in kb.stretches:
            return say.stretch_details(kb.stretches[context.stretch], context)
        again = self._again(context)
        if again is None:
            return None
        if context.kind == "answer":
            topic, _, aspect = (context.intent or "").partition(".")
            answer = kb.answers.get((topic, aspect))
            return say.sources_of(again, answer.sources if answer is not None else ())
        if context.kind == "routine" and context.plan is not None:
            routine = kb.routines.get(context.plan.base)
            return say.sources_of(again, routine.sources if routine is not None else ())
        return None

    def _said_again(self, context: Context) -> Reply | None:
        """For someone who did not follow the last stretch, routine or answer ("huh", "i dont
        get it", "??"): it once more, led by how to go on. None after anything else."""
        lead = lexicon.CONFUSED_LEADS.get(context.kind or "")
        if lead is None:
            return None
        again = self._again(context)
        return None if again is None else with_lead(again, lead)

    def _again(
        self, context: Context, words: Sequence[str] = (), topics: Sequence[str] = ()
    ) -> Reply | None:
        """The last stretch, routine or answer once more; "show me the stretch again" after an
        answer, the stretch shown last (or the area's); "which one was for my lower back
        again" after the upper back's, the stretch for the area it names (`topics`)."""
        kb, say = self.kb, self.replies
        # after a routine kept for an area ("squat lower without my heels lifting"), "the
        # ankle one again" names a stretch of it, not the routine
        named = {
            t for t in topics if t != GENERAL and (t != context.topic or context.kind == "routine")
        }
        if len(named) == 1 and (area := named.pop()) in kb.topics:
            return say.stretch_for_topic(area, context)
        # "show it me again" after how long to hold the card: a card is what is shown
        shown_again = "show" in words and context.general_answer is not None
        if context.kind != "stretch" and (
            shown_again or not lexicon.STRETCH_NOUNS.isdisjoint(words)
        ):
            if context.stretch in kb.stretches:
                shown = kb.stretches[context.stretch]
                return say.stretch(shown, card_topic(shown, context), context)
            if context.topic not in (None, GENERAL) and context.topic in kb.topics:
                return say.stretch_for_topic(context.topic, context)
        if context.kind == "stretch" and context.stretch in kb.stretches:
            stretch = kb.stretches[context.stretch]
            return say.stretch(stretch, context.topic or stretch.topics[0], context)
        plan = context.plan
        if context.kind == "routine" and plan is not None and say.sizer.can_build(plan):
            return say.sized_routine(plan, context)
        if context.kind == "answer" and context.intent and "." in context.intent:
            topic, aspect = context.intent.split(".", 1)
            if (topic, aspect) in kb.answers:
                return say.answer(topic, aspect, context)
        return None

    # ------------------------------------------------------------------ sizes and limits

    def _resizes(self, analysis: Analysis, context: Context) -> bool:
        """Whether a message after a routine asks for it in another length ("got a longer
        routine?" after the desk break): `_sizing` reads it, not a routine picked afresh."""
        if context.kind != "routine":
            return False
        ask = self.sizes.read(analysis)
        return ask is not None and (ask.resize is not None or ask.minutes is not None)

    def _sizing(self, analysis: Analysis, context: Context) -> Reply | None:
        """A message about a routine's length or limits, read against the conversation; None
        when the message is not one.

        After a routine, a short message changes it ("longer", "easier", "no kneeling", "make
        it 10 minutes"). Elsewhere a length or a plain limit counts in a message that says
        nothing else ("i have 10 minutes", "got 5 mins for my neck", "chair only routine"),
        built for the area it names, the routine or area of the conversation, or a general
        base; or in a message whose rest names a routine ("a 10 minute cooldown after my
        run"). Bare words ("standing", "longer") count only after a routine or with words
        that ask for one."""
        ask = self.sizes.read(analysis)
        if ask is None:
            return None  # nothing about size
        if (
            analysis.topics
            and not ask.topics
            and ask.minutes is None
            and ask.resize is None
            and context.kind != "routine"
            and lexicon.ROUTINE_NAMES.isdisjoint(analysis.corrected)
            and lexicon.asks_what_to_do(analysis.corrected)
        ):
            return None  # "bad knees, what can i do": the limit's words name the area asked of
        if ask.topics and not self.cues.names_areas_plainly(ask.rest, sized=True):
            if ask.minutes is not None or ask.resize is None:
                return None  # "back in a minute"
            # "shorter one pls, back to back meetings": no back, a shorter one
            ask = replace(ask, topics=())
        area = self._area_of(ask)
        plan = context.plan if context.kind == "routine" else None
        if (
            plan is None
            and (ask.resize is not None or ask.minutes is not None)
            and context.kind == "answer"
            and context.topic == GENERAL
            and not ask.topics
        ):
            # "thats a lot lol, shorter one for weekdays?" after how to work towards the
            # splits, "i only have 5 minutes" after why mornings are stiff: the answer's own
            # routine, in that length
            own = self.pick.for_answer(context)
            plan = Plan(own) if own is not None else None
        if plan is not None and not self.replies.sizer.can_build(plan):
            plan = None
        # "I am 80 and not steady, could they be done sitting in a chair?": a limit asked of
        # the routine it points at, however long the message
        follows = plan is not None and (
            len(analysis.corrected) <= lexicon.SIZE_MOVE_MAX_WORDS
            or (bool(ask.limits) and lexicon.asks_it_done_so(analysis.corrected))
        )
        # "way too hard, my back knee is nowhere near the floor": on a routine built for an
        # activity or a goal, an area told with "easier" is where it is too hard
        area_is_why = ask.easier and ask.minutes is None and plan is not None and not plan.area
        if plan is not None and follows and (area is None or area in plan.areas or area_is_why):
            other = None if ask.plain else self.pick.named_beside_size(ask, context)
            setting = self.pick.activities_in(analysis.corrected)
            if (
                other is None
                and ask.plain
                and plan.base == lexicon.PLAIN_ASK_ROUTINE
                and len(setting) == 1
            ):
                # "at my desk" after the general routine: the setting's own routine ("nothing
                # on the floor, i'm in the office" keeps the routine, without the floor)
                other = Plan(setting[0], length=plan.length)
            return self._resized(other or plan, ask, context, postures=True)
        strong = ask.says_size_or_limit
        # the area a limit may ask a fitting stretch of: the one named, or the conversation's
        about = area or (context.topic if context.kind in ("answer", "stretch") else None)
        if ask.plain and (
            (strong and (ask.anchored or ask.bare)) or (ask.postures and ask.anchored)
        ):
            if ask.minutes is None and about and not lexicon.ROUTINE_WORDS.intersection(ask.rest):
                # "how do i stretch my quads standing up", "no kneeling" after a stretch
                return self._fitting_stretch(ask, context, about)
            names = (
                set(ask.rest)
                - STOPWORDS
                - lexicon.ROUTINE_WORDS
                - lexicon.PLAIN_STRETCH_WORDS
                - lexicon.GENERIC_FILLER
            )
            named = (
                self.pick.named_beside_size(ask, context, analysis.corrected)
                if area is None and names
                else None
            )
            if named is not None:  # "10 min full body stretch routine pls"
                return self._resized(named, ask, context, postures=True)
            base, leads = self._base(area, ask, context)
            return self._resized(base, ask, context, postures=True, leads=leads)
        if (
            about
            and not ask.plain
            and (ask.limits or ask.postures)
            and ask.minutes is None
            and not lexicon.POINTING_WORDS.isdisjoint(analysis.corrected)
            and analysis.corrected[0] in lexicon.YES_NO_STARTS  # "can i do it standing?"
            and lexicon.ROUTINE_WORDS.isdisjoint(ask.rest)
            and lexicon.COMBINING_WORDS.isdisjoint(ask.rest)  # "put that all together"
        ):
            # "can i do it standing? cant really get on the floor with the baby about": the
            # area's stretch that fits, whatever reason comes with it
            return self._fitting_stretch(ask, context, about)
        if (
            area
            and {t for t in analysis.topics if t != GENERAL} == {area}
            and not ask.plain
            and ask.limits
            and ask.minutes is None
            and not lexicon.STRETCH_NOUNS.isdisjoint(ask.rest)
            and lexicon.ROUTINE_NAMING_WORDS.isdisjoint(ask.rest)
            # "my hips ache. what stretches can i do on the plane?": the setting's routine
            and not self.pick.activities_in(analysis.corrected)
        ):
            # "quad stretch that doesn't need me to balance on one leg": the area's stretch
            # that fits the limit told with it
            return self._fitting_stretch(ask, context, area)
        if (
            about
            and area is None
            and ask.minutes is not None
            and ask.minutes <= lexicon.ONE_STRETCH_MINUTES
            and (
                "request" in self.cues.read(ask.rest)
                # "between clients i only have like 2 min": the time there is, told
                or (
                    len(analysis.corrected) <= lexicon.MOVE_MAX_WORDS
                    and not lexicon.TIME_HAD.isdisjoint(analysis.corrected)
                )
            )
        ):
            # "something i can do on a 2 min break?" after the calves: a minute or two is one
            # of their stretches
            return self.replies.stretch_for_topic(about, context, confidence=lexicon.CUE_CONFIDENCE)
        if (
            about not in (None, GENERAL)
            and context.kind in ("stretch", "answer")
            and area is None
            and ask.minutes is not None
            and MIN_MINUTES <= ask.minutes <= MAX_MINUTES
            and len(analysis.corrected) <= lexicon.TIME_HAD_MAX_WORDS
            and not lexicon.TIME_HAD.isdisjoint(analysis.corrected)
        ):
            # "only got 10 min before my session starts" after the forearm stretch, "i only
            # get 5 minutes at lunch" after why the upper back gets tight: the time there is,
            # told, for that area
            plan = Plan(about, area=True)
            if self.replies.sizer.can_build(plan):
                return self._resized(plan, ask, context, postures=True)
        # an area with a limit told in passing ("my wrists ache ... at my desk") is the area's
        # question, unless a routine is asked for
        asks_routine = area is None or not lexicon.ROUTINE_WORDS.isdisjoint(ask.rest)
        # ... in a message about stretching or the body, not "my laptop wifi keeps dropping
        # every 20 minutes"
        bodily = (
            context.kind in lexicon.STRETCHING_KINDS
            or not lexicon.ROUTINE_WORDS.isdisjoint(analysis.corrected)
            or bool(lexicon.warm_ups_named(analysis.corrected))
            or self.pick.about_the_body(analysis.corrected)
            or lexicon.tells_time_to_spare(analysis.corrected)  # "i have 2 minutes between ..."
            # a routine named by its words alone beside the length ("head to toe, 15 min, go")
            or (
                len(ask.rest) <= lexicon.SHORT_ASK_WORDS and bool(self.pick.activities_in(ask.rest))
            )
            # ... or named as a thing to do ("want a head to toe thing, 15 mins, nothing fancy")
            or any(
                self.pick.named_as_a_thing(key, ask.rest)
                for key in self.pick.activities_in(ask.rest)
            )
        )
        named = (
            self.pick.named_beside_size(ask, context, analysis.corrected)
            if strong and not ask.plain and asks_routine and bodily
            else None
        )
        if named is not None:  # "a 10 minute cooldown after my run"
            return self._resized(named, ask, context, postures=False)
        if (
            ask.minutes is not None
            and MIN_MINUTES <= ask.minutes <= MAX_MINUTES  # not "on my feet 10 hours a day"
            and area is None
            and ask.limits
            and self._asks_for_something(ask.rest)
            and not self.pick.activities_in(analysis.corrected)
        ):
            # "working from the kitchen table all day, quick 5 min stretch routine i can do
            # without getting up?": what they told is why they asked; the ask is plain
            base, leads = self._base(area, ask, context)
            return self._resized(base, ask, context, postures=True, leads=leads)
        return None

    def _asks_for_something(self, words: Sequence[str]) -> bool:
        """Whether the words ask for a routine or for something to do ("quick stretch routine
        i can do", "anything i can do")."""
        cues = self.cues.read(words)
        if "asks_stretch" in cues:
            return True
        at = [i for i, w in enumerate(words) if w in lexicon.ROUTINE_WORDS]
        # "my 5 min routine is chaos" tells of one's own
        theirs = any(i and words[i - 1] in lexicon.SOMEONE_ELSES for i in at)
        return bool(at) and "request" in cues and not theirs

    def _areas_plan(self, areas: Sequence[str]) -> Plan:
        """A routine for the areas, in their order: as many of the first ones as one routine
        and its buttons hold (`MAX_AREAS`, `MAX_BASE_LENGTH`); the first alone otherwise."""
        areas = list(dict.fromkeys(areas))
        for n in range(min(len(areas), MAX_AREAS), 1, -1):
            plan = area_plan(areas[:n])
            if self.replies.sizer.can_build(plan):
                return plan
        return Plan(areas[0], area=True)

    def _area_of(self, ask: SizeAsk) -> str | None:
        """The first area the rest of the message names that has stretches of its own."""
        for topic in ask.topics:
            if topic != GENERAL and self.replies.sizer.can_build(Plan(topic, area=True)):
                return topic
        return None

    def _base(
        self, area: str | None, ask: SizeAsk, context: Context
    ) -> tuple[Plan, tuple[str, ...]]:
        """What a length or limit applies to: the area the message names; else the routine
        of the conversation; else the area it was about; else the routine earlier in it; else
        a general base, said so."""
        can_build = self.replies.sizer.can_build
        if area is not None:
            # "10 minutes for my neck and shoulders": every area named, the first one's first
            areas = [t for t in ask.topics if t != GENERAL and can_build(Plan(t, area=True))]
            return self._areas_plan([area, *areas]), ()
        if context.kind == "routine" and context.plan is not None and can_build(context.plan):
            return context.plan, ()
        topic = context.topic
        about_an_area = context.kind in ("answer", "stretch") and topic and topic != GENERAL
        if about_an_area and can_build(Plan(topic or "", area=True)):
            return Plan(topic or "", area=True), ()
        if context.plan is not None and can_build(context.plan):
            return context.plan, ()
        for condition in context.conditions:  # "im 72..." then "something i can do sitting"
            if condition in self.kb.routines and can_build(Plan(condition)):
                return Plan(condition), ()
        # off the floor ("at my desk", "no floor"), seated or standing: the routine made to
        # need no floor
        off_the_floor = (ask.limits | ask.postures | context.limits) & (POSTURES | {"no_floor"})
        base, lead = (
            (lexicon.POSTURE_BASE, lexicon.POSTURE_BASE_LEAD)
            if off_the_floor
            else (lexicon.GENERAL_BASE, lexicon.GENERAL_BASE_LEAD)
        )
        return Plan(base), (lead.format(title=self.kb.routines[base].title),)

    def _resized(
        self,
        plan: Plan,
        ask: SizeAsk,
        context: Context,
        *,
        postures: bool,
        leads: Sequence[str] = (),
    ) -> Reply:
        """`plan` with what the message asked: its limits added to the conversation's, then
        its length (minutes within range, else the nearest, said so) or one size longer or
        shorter."""
        asked: frozenset[Limit] = ask.limits | (ask.postures if postures else frozenset())
        if ask.easier:
            asked |= {"easier"}
        limits = merged_limits(merged_limits(context.limits, plan.limits), asked)
        plan = replace(plan, limits=limits)
        if ask.minutes is not None:
            minutes = max(MIN_MINUTES, min(MAX_MINUTES, ask.minutes))
            if minutes != ask.minutes:
                lead = lexicon.RANGE_LEAD.format(low=MIN_MINUTES, high=MAX_MINUTES, minutes=minutes)
                leads = (*leads, lead)
            plan = replace(plan, length=minutes)
        elif ask.resize is not None:
            return self.replies.resize(plan, longer=ask.resize == "longer", context=context)
        return self.replies.sized_routine(plan, context, leads=leads)

    def _fitting_stretch(self, ask: SizeAsk, context: Context, topic: str) -> Reply:
        """A stretch for `topic` within a limit ("no kneeling" after its card, "how do i
        stretch my quads standing up"): the card shown last if it fits, else the next stretch
        for the area that does. The limit is kept for what follows."""
        limits = merged_limits(context.limits, ask.limits | ask.postures)
        context = replace(context, limits=limits)
        shown = self.kb.stretches.get(context.stretch or "") if context.kind == "stretch" else None
        ruled_out = frozenset().union(*(LIMIT_TAGS[limit] for limit in limits))
        fits = shown is not None and not ruled_out.intersection(shown.caution_tags)
        if shown is not None and fits and topic in shown.topics:
            reply = self.replies.stretch(shown, topic, context)
            lead = "This one already fits what you asked for."
            return with_lead(reply, lead)
        if topic == GENERAL or topic not in self.kb.topics:
            base, leads = self._base(None, ask, context)
            return self._resized(base, ask, context, postures=True, leads=leads)
        return self.replies.stretch_for_topic(topic, context)

    def _general_asked_after_a_name(self, analysis: Analysis) -> str | None:
        """For a message that names a stretch in a piece that asks nothing and closes with a
        question of its own that names none ("ok the knee hug one is fine. how often should i
        do it"): the general answer that question gets read alone. None otherwise."""
        pieces = analysis.pieces()
        if len(pieces) < 2:
            return None
        words = analysis.corrected
        start, end = pieces[-1]
        last, told = words[start:end], words[:start]
        if not lexicon.opens_a_question(last) or self.cues.read(told) & {"request", "asks_stretch"}:
            return None
        if self.stretch_names.find(last, frozenset()) is not None:
            return None
        match = self._match(self.matcher.analyse(" ".join(last)))
        if (
            match.kind != GENERAL
            or match.confidence < self.matcher.threshold
            # it names its subject ("every day", "how often"): not "what is it actually
            # stretching"
            or not (
                self.wants.names_subject(match.key, last)
                or (
                    match.key == lexicon.HOW_OFTEN
                    and lexicon.has_pair(last, lexicon.HOW_OFTEN_PAIRS)
                )
            )
        ):
            return None
        return match.key

    def _named_stretch(self, stretch: Stretch, context: Context) -> Reply:
        """The card of a stretch the message named, unless a condition of the conversation
        rules it out: then that condition's advice."""
        ruled_out = [
            c
            for c in context.conditions
            if set(self.kb.conditions[c].avoid) & set(stretch.caution_tags)
        ]
        if ruled_out:
            return self.replies.condition(ruled_out, context)
        return self.replies.stretch(
            stretch, stretch.topics[0], context, confidence=1.0, intent=f"stretch.{stretch.id}"
        )

    def _with_conditions(
        self, reply: Reply, named: Sequence[str], context: Context, words: Sequence[str] = ()
    ) -> Reply:
        """A reply that keeps to the conversation's conditions (pregnancy, a new hip).

        Stretches and routines were already chosen without what the conditions rule out; here
        they get each condition's note. A stretch for an area a condition sends to a
        professional, or a message that named a condition but asked nothing we answer, gets
        the condition's advice instead."""
        if not context.conditions or reply.conditions or reply.kind == "red_flag":
            return reply
        say = self.replies
        if reply.kind == "stretch":
            referred = say.refers(reply.topic, context)
            if referred is not None:
                return say.condition((referred,), context)
        if (
            named
            and words
            and reply.kind == "routine"
            and reply.routine in self.kb.routines
            and self.kb.routines[reply.routine].keywords
            and all(
                rid != reply.routine
                # "growing pains at night": the time of the pains, not the bedtime routine
                # (unless a routine is asked for: "stiff every morning, what routine")
                or (
                    self.cues.complains(words)
                    and lexicon.places_in_time(words, start, end)
                    and lexicon.ROUTINE_NAMES.isdisjoint(words)
                )
                for start, end, rid in self.pick.activities.matches(words)
            )
        ):
            # "i have osteoporosis, what stretches can i do now": what changes with it, not a
            # routine for an activity or setting the message never named (a long flight)
            return say.condition(named, context)
        if reply.kind in ("stretch", "routine"):
            return say.with_conditions(reply, context.conditions)
        if not named:
            if reply.kind == "answer" and not lexicon.SAFE_ASK_WORDS.isdisjoint(words):
                # "are toe touches ok for her then" after her osteoporosis: the answer, under
                # what the condition changes
                return say.with_conditions(reply, context.conditions)
            return reply
        if (
            reply.kind == "answer"
            and reply.topic not in (None, GENERAL)
            and (reply.intent or "").endswith(".why_tight")
            and not lexicon.CAUSE_CONDITIONS.isdisjoint(named)
            and "why" not in self.cues.read_asked(words)
        ):
            # "got told i have frozen shoulder, cant get my arm above shoulder height": the
            # condition is why; its advice, not why the area gets tight
            return say.condition([c for c in named if c in lexicon.CAUSE_CONDITIONS], context)
        if reply.kind == "answer" and (reply.intent or "").endswith(".what") and "safe" in words:
            # "had a hip replacement, what's safe to do": what is safe with the condition, not
            # what the muscles near it are
            return say.condition(named, context)
        if reply.kind == "answer" and reply.topic not in (None, GENERAL):
            return say.with_conditions(reply, named)
        if reply.kind == "answer" and self.wants.names_subject(
            (reply.intent or "").partition(".")[2], words
        ):
            # "im 63, is it too late to start stretching": that question, with the
            # condition's note; "pregnant, can i stretch?" gets the condition's advice
            return say.with_conditions(reply, named)
        routine = self.kb.routines.get(named[0])
        if reply.kind == "fallback" and routine is not None and lexicon.asks_what_to_do(words):
            # "my mum is 80 ... is there anything she can do sitting down": the condition's
            # own routine, with its note
            return say.with_conditions(say.routine(routine, context), named)
        return say.condition(named, context)

    # ------------------------------------------------------------------ buttons

    def _resolve(self, data: str, context: Context) -> Reply:
        action = act.parse_brain(data)
        handler = self._on_button.get(type(action)) if action is not None else None
        reply = handler(action, context) if handler is not None else None
        return reply if reply is not None else self.replies.stale(context)

    def _button_table(self) -> dict[type, Callable[[Any, Context], Reply | None]]:
        """What each kind of button does; None from a handler means the ids are stale."""
        kb, say = self.kb, self.replies

        def answer(a: act.ShowAnswer, c: Context) -> Reply | None:
            known = (a.topic, a.aspect) in kb.answers and a.topic in kb.topics
            return say.answer(a.topic, a.aspect, c) if known else None

        def topic_stretch(a: act.TopicStretch, c: Context) -> Reply | None:
            if a.topic not in kb.topics or a.topic == GENERAL:
                return None
            return say.stretch_for_topic(a.topic, c, intent=f"{a.topic}.stretch")

        def stretch(a: act.ShowStretch, c: Context) -> Reply | None:
            found = kb.stretches.get(a.stretch)
            intent = f"stretch.{a.stretch}"
            return say.stretch(found, found.topics[0], c, intent=intent) if found else None

        def more(a: act.StretchMore, c: Context) -> Reply | None:
            found = kb.stretches.get(a.stretch)
            return say.stretch_details(found, c) if found else None

        def another(a: act.AnotherStretch, c: Context) -> Reply | None:
            known = a.topic in kb.topics and a.topic != GENERAL
            return say.another_stretch(a.topic, a.after, c) if known else None

        def routine(a: act.ShowRoutine, c: Context) -> Reply | None:
            if not say.sizer.can_build(a.plan):
                return None
            # a new overview keeps to the limits the person set since the button was made
            plan = replace(a.plan, limits=merged_limits(c.limits, a.plan.limits))
            return say.sized_routine(plan, c)

        return {
            act.ShowAnswer: answer,
            act.TopicStretch: topic_stretch,
            act.ShowStretch: stretch,
            act.StretchMore: more,
            act.AnotherStretch: another,
            act.ShowRoutine: routine,
            act.GuideStep: self._guide,
            act.GuidePause: self._guide,
            act.GuideStop: self._guide,
            act.Menu: lambda a, c: say.menu(a.what, c),
            act.NextTip: lambda a, c: say.tip(None, c),
            act.TipAt: lambda a, c: say.tip_at(a.index, c),
            act.DailyInfo: lambda a, c: say.daily(a.what, c),
            act.Help: lambda a, c: say.help(c),
            act.SmallTalk: lambda a, c: (
                say.smalltalk(a.key, "", c) if a.key in kb.smalltalk else None
            ),
        }

    def _guide(
        self, action: act.GuideAction, context: Context, clock: View | None = None
    ) -> Reply | None:
        say = self.replies
        if isinstance(action, act.GuideStop):
            return say.guide_stop(context, action)
        if context.kind == "red_flag":  # a red flag typed during the routine ended it
            return say.guide_stopped(context)
        if not say.sizer.can_build(action.plan):
            return None
        # exactly the plan of the overview the person saw: its steps, its times
        paused = isinstance(action, act.GuidePause)
        return say.guide_step(
            action.plan, action.step, context, manual=action.manual, clock=clock, paused=paused
        )

    # ------------------------------------------------------------------ dispatch

    def _morning_stiffness_reply(self, analysis: Analysis, context: Context) -> Reply:
        """For stiffness told of the morning: the answer on morning stiffness, or its own
        routine when one is named or something to do is asked for ("wake up routine for stiff
        old bones", "stiff as a board every morning, anything short i can do first thing?")."""
        words = analysis.corrected
        own = self.pick.for_general(lexicon.MORNING_STIFFNESS)
        asks = not lexicon.ROUTINE_NAMES.isdisjoint(words) or self.cues.read(words) & {
            "request",
            "asks_stretch",
        }
        if own is not None and asks:
            return self.replies.routine(self.kb.routines[own], context)
        return self.replies.answer(
            GENERAL, lexicon.MORNING_STIFFNESS, context, confidence=lexicon.CUE_CONFIDENCE
        )

    def _from_match(self, match: Match, analysis: Analysis, context: Context) -> Reply:
        words = analysis.words
        threshold = self.matcher.threshold
        topic = match.topic
        accepted = match.kind != "none" and match.confidence >= threshold
        if (
            match.kind == "aspect"
            and self.wants.limb_gone_to_sleep(analysis)
            # ... and complains of nothing else ("numb bum and stiff back", "... but my actual
            # problem is tight hip flexors")
            and not self.cues.complains(
                analysis.corrected,
                besides=self.wants.subject_words(lexicon.LIMB_ASLEEP, analysis.corrected),
            )
        ):
            # "slept on my arm and it went completely dead, back to normal after a minute",
            # however sure the intent layer is of the arm's stretch
            return self.replies.answer(
                GENERAL, lexicon.LIMB_ASLEEP, context, confidence=lexicon.CUE_CONFIDENCE
            )
        if (
            not analysis.topics
            and lexicon.wants_to_warm_up(analysis.corrected)
            and lexicon.WARM_UP_ROUTINE in self.kb.routines
        ):
            # "i want to warm up properly": a warm-up, not whether to warm up or stretch
            return self.replies.routine(
                self.kb.routines[lexicon.WARM_UP_ROUTINE],
                context,
                confidence=lexicon.CUE_CONFIDENCE,
            )
        own = self.wants.subject_of_the_area(analysis)
        if own is not None:
            # "got period pain and my lower back kills", "time of the month and my back is
            # cramping": the subject named whose answer is that area's, not the area's own
            # answer nor the cramp's
            return self.replies.answer(GENERAL, own, context, confidence=lexicon.CUE_CONFIDENCE)
        if (
            match.kind == GENERAL
            and match.key != lexicon.SORENESS
            and not self.wants.names_subject(match.key, analysis.corrected)
            and self.wants.sore_after_exercise(analysis)
        ):
            # "did squats and lunges ... can barely sit on the toilet, my legs are so sore. Will
            # stretching help?", "2 days after leg day and i walk like a cowboy. do i stretch
            # through it": a sensation the message never names; it tells soreness
            match = replace(match, key=lexicon.SORENESS)
        if (
            not analysis.topics
            and context.topic in (None, GENERAL)
            and lexicon.only_a_bare_complaint(analysis.corrected)
        ):
            # "tight", "so stiff": which area?
            return self.replies.which_area(match, context)
        if len(set(analysis.topics)) == 1 and lexicon.does_an_area(
            analysis.corrected, analysis.spans
        ):
            # "ok do my lower back then", "now do my neck": its stretch, as asked
            return self.replies.stretch_for_topic(analysis.topics[0], context)
        if (
            analysis.topics
            and (GENERAL, lexicon.PAIN_GENERAL) in self.kb.answers
            and lexicon.asks_if_felt_is_normal(analysis.corrected)
            and not lexicon.STRETCH_FORMS.isdisjoint(analysis.corrected)
            and not self.wants.sensation_named(analysis.corrected)
        ):
            # "i feel a pull in my hamstring when i stretch it, is that the right feeling":
            # how a stretch should feel, not another stretch ("my legs start shaking in a
            # hamstring stretch, is that normal" names its sensation: that answer)
            return self.replies.answer(
                GENERAL, lexicon.PAIN_GENERAL, context, confidence=lexicon.CUE_CONFIDENCE
            )
        suspected = lexicon.suspected_area(analysis.corrected, analysis.spans)
        if (
            suspected is not None
            and (suspected, "why_tight") in self.kb.answers
            and not self.cues.read(analysis.corrected) & {"request", "asks_stretch", "what"}
            # "is it my hamstrings or my back stopping me touching my toes": the goal's answer
            and not self.wants.subjects_named(analysis.corrected)
        ):
            # "when i stand up after work my back is bent forward, is that my hip flexors":
            # the area suspected as the cause, and why it gets tight (its stretch one tap away)
            return self.replies.answer(
                suspected, "why_tight", context, confidence=lexicon.CUE_CONFIDENCE
            )
        timed = self._time_routine_asked_apart(analysis) if match.kind == "aspect" else None
        if timed is not None:
            # "... shoulders tense. Is there something gentle I can do in bed to wind down?":
            # the area stands in the story, the question asks for the time's routine
            return self.replies.routine(
                self.kb.routines[timed], context, confidence=lexicon.CUE_CONFIDENCE
            )
        if self.wants.milestone_told(analysis):
            # "finally got my splits!!", "just held my first full split for 10 seconds": how
            # to keep what was gained
            reply = self.replies.answer(
                GENERAL, lexicon.KEEP_FLEXIBILITY, context, confidence=lexicon.CUE_CONFIDENCE
            )
            return with_lead(reply, lexicon.MILESTONE_LEAD)
        if analysis.topics and self.wants.morning_stiffness_told(analysis):
            # "my back is so stiff in the mornings, takes an hour to loosen up": how long it
            # lasts is what the answer on morning stiffness weighs, more than the area
            return self.replies.answer(
                GENERAL, lexicon.MORNING_STIFFNESS, context, confidence=lexicon.CUE_CONFIDENCE
            )
        if (
            not accepted
            and match.kind == "request"
            and match.key == "tip"
            and (context.kind in lexicon.STRETCHING_KINDS or context.topic is not None)
            and not lexicon.TIP_WORDS.isdisjoint(analysis.corrected[: lexicon.TIP_ASK_LEAD])
        ):
            # "got a tip for gardening days so it doesn't happen again?" in a talk about
            # stretching: a tip, however the message goes on
            accepted = True
        if (
            not accepted
            and match.kind == GENERAL
            and match.alternatives
            and match.alternatives[0][:2] == ("request", "tip")
            and self.wants.subjects_named(analysis.corrected) == {match.key}
        ):
            # "u got a tip so i actually remember to do this": a tip asked about a subject
            # named, as "any beginner tips?" is: that answer's advice
            accepted = True
        if (
            not accepted
            and match.kind == "request"
            and match.key in ("daily_on", "daily_off", "tip")
            and lexicon.one_tip_now(analysis.corrected)
            and "request" in self.cues.read(analysis.corrected)
            and not lexicon.says_daily_off(analysis.corrected)
        ):
            # "send me that tip thing now": one tip, now, whatever the daily tips' phrases
            # made the intent layer unsure of
            match, accepted = replace(match, key="daily_on"), True
        if (
            not accepted
            and match.kind == GENERAL
            and match.confidence >= lexicon.NAMED_TWICE_FLOOR
            and not analysis.topics
            and self.wants.subjects_named(analysis.corrected) == {match.key}
            and (
                match.confidence >= lexicon.NAMED_SUBJECT_FLOOR
                or self.wants.times_named(analysis.corrected, match.key) > 1
            )
            and not self.matcher.look_alike_pairs(analysis.words)
        ):
            # "legs went shaky holding a wall sit": the one subject the message names by its
            # keywords, which the intent layer leaned to as well
            accepted = True
        if (
            not accepted
            and match.kind == GENERAL
            and context.kind in lexicon.STRETCHING_KINDS
            and not analysis.topics
            and self._subject_turned_to(match.key, analysis.corrected)
        ):
            # "and bouncing? my dad swears by it" after how often to stretch: the subject the
            # follow-up turns to by its keyword
            accepted = True
        if accepted and match.kind == GENERAL and match.key in lexicon.COMPARED_SUBJECTS:
            leaving = (
                frozenset() if match.key in lexicon.PRACTICE_SUBJECTS else lexicon.PRACTICE_SUBJECTS
            )
            subject = self.wants.one_subject_named(analysis.corrected, leaving=leaving)
            if subject is not None and subject != match.key:
                # "got a foam roller for xmas ... is it better than stretching", "does
                # stretching count as my exercise for the day or do i still need to go for a
                # walk": the one subject the message names by its keywords, not the comparison
                # it only reads like
                match = replace(match, key=subject)
        named_routine = self._routine_named_past_the_match(match, analysis)
        if named_routine is not None:
            # "morning stretch to do before coffee" read like "morning coffee", "whats a good
            # stretch if you sit all day" like the benefits: the routine the message names
            match, accepted = replace(match, kind="routine", key=named_routine), True
        if (
            accepted
            and match.kind == GENERAL
            and match.key in lexicon.PRACTICE_NAMED_GENERAL
            and lexicon.PRACTICE_NAMED_GENERAL[match.key].isdisjoint(analysis.corrected)
            and context.kind not in lexicon.STRETCHING_KINDS
        ):
            # "is morning or night better for studying", "how many calories does a 5k run
            # burn": no question about stretching
            accepted = False
        if accepted and match.kind == "request" and lexicon.DAILY_REQUESTS.get(match.key) == "on":
            match = self._routine_asked_daily(match, analysis)
        if accepted and match.kind == GENERAL:
            # a routine found this way is the activity's own: the checks below have nothing
            # to change in it
            match = self._activity_asked_instead(match, analysis)
        elif accepted and match.kind == "routine":
            match = self._to_the_activity_named(match, analysis)
            match = self._without_an_untold_condition(match, context)
        if accepted and match.kind == "general":
            # "is there any point stretching" names the benefits, not a cool-down
            match = replace(match, key=self.wants.subject_named_instead(match.key, match, analysis))
        if accepted and match.kind == "general" and match.key in lexicon.NAMED_METHOD_GENERAL:
            # a way of stretching or a choice of time needs its name, else a runner-up
            match = self._named_method_or_runner(match, analysis, context)
        if accepted and match.kind == "general" and match.key in lexicon.NAMED_ONLY_GENERAL:
            # an answer about one sensation needs it named ("i grind my teeth at night" is
            # no cramp, though cramps come at night too)
            accepted = self.wants.names_subject(match.key, analysis.corrected)
            runner = match.alternatives[0] if match.alternatives else None
            if (
                not accepted
                and runner
                and runner[0] == "routine"
                and lexicon.warm_ups_named(analysis.corrected)
            ):
                # "cooldown" alone asks for one, not whether one is needed
                match = replace(match, kind="routine", key=runner[1])
                accepted = True
        if (
            accepted
            and match.kind == GENERAL
            and match.key in lexicon.ASKED_OF_SORENESS | {lexicon.HOW_OFTEN}
            and lexicon.asks_how_long_until(analysis.corrected)
            and (GENERAL, lexicon.FLEXIBILITY_TIMELINE) in self.kb.answers
        ):
            # "if I stretch every day, how long realistically until I get them back?": how
            # long it takes, the goal's own answer when one is named
            goals = self.wants.subjects_named(analysis.corrected) & lexicon.TIMELINE_GOALS
            match = replace(
                match, key=goals.pop() if len(goals) == 1 else lexicon.FLEXIBILITY_TIMELINE
            )
        if (
            accepted
            and match.kind == "aspect"
            and match.key == "what"
            and "where" in analysis.corrected[1:]
            and "?" not in analysis.text
            and "what" not in self.cues.read(analysis.corrected)
        ):
            # "not there, lower down where my neck meets my shoulders": a place told, not a
            # question what the area is; after a card, that area's stretch
            match = replace(match, key="stretch" if context.kind == "stretch" else "why_tight")
        if (
            accepted
            and match.kind == "aspect"
            and (
                self.wants.thing_tight_where_it_sits(analysis)
                or self.wants.stretches_a_thing(analysis)
            )
        ):
            # "new jeans are so tight round the thighs, how do i stretch them out": the jeans;
            # "my jeans shrank in the wash, how do i stretch them out at the waist" too
            return self.replies.fallback(replace(match, topic=None, topics=()), context)
        if accepted and match.kind == GENERAL and match.key == lexicon.HOW_LONG:
            # "how long should i hold a note when singing": a thing held, not a stretch
            accepted = not self._holds_a_thing(analysis)
        if (
            (
                match.kind == GENERAL
                and match.key not in lexicon.EXERCISE_TIMING_GENERAL
                and not self.wants.names_subject(match.key, analysis.corrected)
            )
            or (
                match.kind == "routine"
                and not lexicon.warm_ups_named(analysis.corrected)
                and lexicon.WH_WORDS.isdisjoint(analysis.corrected)  # "what else should i do"
            )
        ) and self.wants.stretch_before_exercise(analysis):
            # "i jump out of bed and go run, should i be stretching first?": not a beginner's
            # question, whatever else it says; "new runner here, do i stretch before my run or
            # after??" asks whether, not for the runner's cool-down
            match = replace(match, kind="general", key=lexicon.BEFORE_AFTER)
        if (GENERAL, lexicon.TIME_OF_DAY) in self.kb.answers and lexicon.compares_times_of_day(
            analysis.corrected
        ):
            # "morning or night, which is better?", "morning vs night stretching": when in
            # the day to stretch, not the morning's routine
            match = replace(match, kind="general", key=lexicon.TIME_OF_DAY)
            accepted = True
        if (
            not analysis.topics
            and (GENERAL, lexicon.BENEFITS) in self.kb.answers
            and lexicon.asks_if_athletes_stretch(analysis.corrected)
        ):
            # "should runners stretch?", "do cyclists really need to stretch": whether it is
            # worth it, not how often nor the sport's routine
            return self.replies.answer(
                GENERAL, lexicon.BENEFITS, context, confidence=lexicon.CUE_CONFIDENCE
            )
        area_asked = self._area_asked_last(match, analysis) if accepted else None
        if area_asked is not None:
            # "i clench my teeth when im stressed and my jaw is tight ..., does stretching the
            # jaw help at all": the area the question names, not the subject of the story
            return self.replies.answer(
                area_asked, "why_tight", context, confidence=lexicon.CUE_CONFIDENCE
            )
        if (
            accepted
            and match.kind == GENERAL
            and lexicon.asks_if_stretching_works(analysis.corrected)
            and self.wants.subjects_named(analysis.corrected) == {match.key}
        ):
            # "his posture is awful, shoulders rounded. can stretching actually fix that or is
            # it a myth?": whether it works for the subject named, not the area's stretch
            return self.replies.answer(GENERAL, match.key, context, confidence=match.confidence)
        if (
            "side_body" in analysis.topics
            and match.kind in ("aspect", GENERAL)
            and lexicon.tells_a_stitch(analysis.corrected)
        ):
            # "sharp pain in my side only when i run fast after eating, gone as soon as i stop":
            # a stitch told by what it comes with, not by name
            return self.replies.answer(
                GENERAL, "side_stitch", context, confidence=lexicon.CUE_CONFIDENCE
            )
        if (accepted or analysis.topics) and (
            match.kind == "aspect"
            or (
                match.kind == GENERAL
                and match.topics
                and not self.wants.names_subject(match.key, analysis.corrected)
            )
        ):
            # "sharp pain under my ribs halfway through my 5k, a stitch?": the stitch, not why
            # the side gets tight; what the message names is no muscle's tightness
            named = self.wants.subjects_named(analysis.corrected) & lexicon.NOT_AN_AREAS_SUBJECTS
            if lexicon.tells_only_tightness(analysis.corrected):
                named -= {"side_stitch"}  # "... feels tight, from under my ribs down to my hip"
            if len(named) == 1:
                return self.replies.answer(
                    GENERAL, named.pop(), context, confidence=lexicon.CUE_CONFIDENCE
                )
            felt = self._sensation_asked_instead(match, analysis)
            if felt is not None:  # "calf cramped up in the middle of a stretch, why?"
                return self.replies.answer(
                    GENERAL, felt, context, confidence=lexicon.CUE_CONFIDENCE
                )
        if (
            not accepted
            and analysis.topics
            and match.kind == GENERAL
            and match.key in lexicon.SENSATION_GENERAL | {lexicon.PAIN_GENERAL}
            and match.confidence >= lexicon.GENERAL_NEAR
            and self.wants.names_subject(match.key, analysis.corrected)
            and "asks_stretch" not in self.cues.read(analysis.corrected)
        ):
            # "calf twitching after my long run, like a little worm under the skin", "felt a
            # burn in my hamstring while stretching, eased off when i backed off": the
            # sensation told, near enough and named, not the area's stretch
            return self.replies.answer(GENERAL, match.key, context, confidence=match.confidence)
        if (
            match.kind == "aspect"
            and match.key == "stretch"
            and self.wants.names_subject(lexicon.PAIN_GENERAL, analysis.corrected)
            and "asks_stretch" not in self.cues.read(analysis.corrected)
            # not "give me a hamstring stretch, i want to feel a strong pull"
            and not lexicon.has_pair(analysis.corrected, lexicon.ASKING_PAIRS)
            and not lexicon.asks_plainly(analysis.corrected)
            and (GENERAL, lexicon.PAIN_GENERAL) in self.kb.answers
        ):
            # "hamstring stretch gives a strong pull behind my knee, is that what im supposed
            # to feel": how a stretch should feel, told of one, not that stretch again
            return self.replies.answer(
                GENERAL, lexicon.PAIN_GENERAL, context, confidence=lexicon.CUE_CONFIDENCE
            )
        if self._standing_spell_asked(analysis):
            # "nurse here, 3 night shifts on my feet, what stretches": the feet of standing for
            # hours, no complaint of them, and stretches asked: the routine for tired legs
            return self.replies.routine(
                self.kb.routines[lexicon.STANDING_ROUTINE],
                context,
                confidence=lexicon.CUE_CONFIDENCE,
            )
        if lexicon.tells_contract_relax(analysis.corrected) and self.wants.subjects_named(
            analysis.corrected
        ) <= {lexicon.PNF}:
            # "whats that thing my climbing mate does where she pushes against my hand then goes
            # further into the stretch": contract-relax, told by what is done
            return self.replies.answer(
                GENERAL, lexicon.PNF, context, confidence=lexicon.CUE_CONFIDENCE
            )
        if analysis.topics and (
            match.kind in ("aspect", "none", GENERAL)
            or (match.kind == "out_of_scope" and not self.wants.other_sense(match, analysis))
        ):
            if self._area_asked_what_last(analysis):
                # "my yoga teacher keeps saying we store trauma in the psoas ... is that an
                # actual muscle? what does it do": what the one area of the story is
                return self._area_reply(analysis.topics[0], "what", analysis, context)
            opening = self.wants.subject_asked_first(analysis)
            if opening is not None and not any(
                s < analysis.pieces()[0][1] for s, _e, _t in analysis.spans
            ):
                # "should it hurt? i get a pulling in my calf when i do the wall one": the
                # question the message opens with, which names no area, past the area of the
                # story after it
                return self.replies.answer(
                    GENERAL, opening, context, confidence=lexicon.CUE_CONFIDENCE
                )
            practice = self.wants.practice_asked(analysis)
            if practice is not None and (
                match.kind != GENERAL
                or not accepted
                or match.key == practice
                or practice == lexicon.POSTURE
            ):
                # "is foam rolling my IT band actually doing anything??", "how to fix tech
                # neck": the subject, though an area is named
                return self.replies.answer(
                    GENERAL, practice, context, confidence=lexicon.CUE_CONFIDENCE
                )
        if (
            accepted
            and match.kind == GENERAL
            and match.key == lexicon.PAIN_GENERAL
            and match.topics
            and match.topics[0] != GENERAL
            and not self.wants.hurts_when_stretching(analysis)
        ):
            # "my jaw clicks and it hurts when i yawn, is there a stretch for that": the area,
            # as the pain does not come from stretching
            wanted = self.wants.wanted(match, analysis)
            if wanted is not None:
                return self._area_reply(match.topics[0], wanted, analysis, context)
        if (
            not lexicon.DOMS_WORDS.isdisjoint(words)
            and lexicon.ROUTINE_WORDS.isdisjoint(words)
            and "asks_stretch" not in self.cues.read(analysis.corrected)
            and self.wants.sore_after_exercise(analysis)
        ):
            # "legs feel like lead two days after leg day ... that's DOMS right?": it names
            # the soreness it asks about, sure or not of the rest
            return self.replies.answer(
                GENERAL, lexicon.SORENESS, context, confidence=lexicon.CUE_CONFIDENCE
            )
        if (
            (accepted or match.kind == "routine")
            and (
                (accepted and match.kind == GENERAL and match.key in lexicon.ASKED_OF_SORENESS)
                or (
                    # asked whether to stretch ("should i stretch or rest"), not for stretches;
                    # a session's cool-down the intent layer is unsure of too
                    match.kind == "routine"
                    and lexicon.ROUTINE_WORDS.isdisjoint(words)
                    and not lexicon.warm_ups_named(analysis.corrected)
                    and (
                        "asks_when" in self.cues.read(analysis.corrected)
                        # "will stretching make it go away quicker or is that a myth"
                        or self.wants.asks_if_stretching_helps_it(
                            analysis.corrected[analysis.pieces()[-1][0] :]
                        )
                    )
                    and "asks_stretch" not in self.cues.read(analysis.corrected)
                )
            )
            and self.wants.sore_after_exercise(analysis)
        ):
            # "first week at the gym and im walking like a baby giraffe. stretch or rest?":
            # whether to stretch sore muscles, not whether to stretch every day, nor the
            # session's cool-down ("3 days after my first spin class ...")
            return self.replies.answer(
                GENERAL, lexicon.SORENESS, context, confidence=lexicon.CUE_CONFIDENCE
            )
        closing = self.wants.subject_asked_last(analysis)
        if closing is not None and lexicon.warm_up_requested(words[analysis.pieces()[-1][0] :]):
            closing = None  # "killer workout today, need a cooldown" asks for one, not if it helps
        if closing is not None and (
            not accepted
            # the story may name the subject matched too ("haven't touched my toes in a
            # decade. how long would it take me to get the splits")
            or (match.kind == GENERAL and match.key != closing)
            # "leg day ... does stretching help that": not its cool-down (but "morning
            # routine pls, i wake up stiff as a board" asks for the routine by name)
            or (match.kind == "routine" and lexicon.ROUTINE_NAMES.isdisjoint(words))
        ):
            # "... never stretched once in my life. convince me, what does it actually DO for
            # you": the question at the end names its subject; the story matched another
            return self.replies.answer(GENERAL, closing, context, confidence=lexicon.CUE_CONFIDENCE)
        opening = self.wants.subject_asked_first(analysis)
        if (
            match.kind == GENERAL
            and match.confidence >= lexicon.NAMED_SUBJECT_FLOOR
            and opening == match.key
            and not any(s < analysis.pieces()[0][1] for s, _e, _t in analysis.spans)
        ):
            # "how do you tell if you're just sore or actually injured? calf's been achy for 4
            # days": the question the message opens with, past the area its story names
            return self.replies.answer(GENERAL, opening, context, confidence=match.confidence)
        setting = self.pick.setting_asked_last(analysis)
        area = self._one_area_stretch_asked(analysis)
        if (
            setting is not None
            and setting not in lexicon.SETTING_ROUTINES
            and not self._areas_in_last_piece(analysis)
        ) or (
            area is not None
            and not self._areas_in_last_piece(analysis)
            and self._names_a_region_besides(analysis)
        ):
            # ... and "my legs felt like lead and my ankles went puffy ... stretches in a
            # plane seat": a region besides the one area, the question naming neither
            # "done with 18 holes, back is stiff. post round stretches?": the round's
            # cool-down, as the question names no area
            area = None
        if area is not None and (
            (accepted and match.kind == "routine" and match.key in lexicon.SETTING_ROUTINES)
            or setting is not None
        ):
            # "forearms tight by the evening ... is there a stretch I can do at my desk?",
            # "shoulder stretch for office people?": the area's stretch, kept to the setting's
            # limit, not the desk break that covers every area
            return self._stretch_within_limits(area, analysis, context)
        if (
            area is not None
            and match.topics
            and match.topics[0] != area
            and self._areas_in_last_piece(analysis) == {area}
            and not self.wants.other_sense(match, analysis)
        ):
            # "right-handed on the mouse all day ... knots between my shoulder blade and spine.
            # Which stretches actually help the upper back?": the area the closing question
            # asks a stretch for, not the first the story names
            return self._stretch_within_limits(area, analysis, context)
        if (
            area is not None
            and match.kind == GENERAL
            and match.topics
            and self._last_piece_asks_not(match.key, analysis)
        ):
            # "the front of my shins ache, even after the walking warm up. is there a stretch
            # for that": the closing question asks the area's stretch; the warm-up is story
            return self._stretch_within_limits(area, analysis, context)
        if setting is not None and not (
            accepted
            and match.kind == "routine"
            and (match.key != setting or setting in lexicon.SETTING_ROUTINES)
        ):
            # "10 hour drive tomorrow, my lower back locked up last time. what do i do at gas
            # stops?": the question asks what to do in a setting, the area is the story
            return self.replies.routine(
                self.kb.routines[setting], context, confidence=lexicon.CUE_CONFIDENCE
            )
        opening = (
            self.pick.asked_first(analysis, context)
            if match.kind != "routine" or not accepted
            else None
        )
        if opening is not None:
            # "morning routine pls, i groan getting out of bed every day like an old man": the
            # routine asked for first, whatever the story after it matched
            return self.replies.routine(
                self.kb.routines[opening], context, confidence=lexicon.CUE_CONFIDENCE
            )
        if match.kind == "routine" and lexicon.one_stretch_for_an_area(match, analysis):
            # "my biceps feel shortened after climbing, is there a stretch for that": the
            # area's stretch, though the activity has a routine
            return self.replies.stretch_for_topic(
                match.topics[0], context, confidence=lexicon.CUE_CONFIDENCE
            )
        if (
            match.kind == "routine"
            and context.topic
            and lexicon.one_stretch_for_the_area_before(analysis, context)
        ):
            # "stretch before i get out of bed?" after why the feet hurt first thing: one of
            # theirs, not the morning routine
            return self.replies.stretch_for_topic(
                context.topic, context, confidence=lexicon.CUE_CONFIDENCE
            )
        # a conversation about an area, even past a message not understood
        follows = (
            context.kind in ("answer", "stretch", "fallback") and context.topic is not None
        ) or (context.kind == "routine")
        say = self.replies
        # a name alone to start with ("hammies", "lats", "calves pls"), or after no more than
        # a greeting or the help ("hi" then "hamstrings"), asks for something to do with it,
        # not what it is (the intent layer reads a bare name as "what")
        opening_name = context.kind in lexicon.OPENING_KINDS and lexicon.WH_WORDS.isdisjoint(words)
        clarified = follows and lexicon.clarifies(analysis.corrected)
        if (
            match.topics
            and (self.wants.bare_topic(words) or clarified)
            and (follows or not accepted or opening_name)
        ):
            # "and my calves?", "hamstrings": the topic alone, with the last kind of answer;
            # "sorry i mean more the front, where the shoulder goes into the chest": the area
            # the clarification adds
            topic = match.topics[0]
            if clarified:
                topic = next((t for t in match.topics if t != context.topic), topic)
            if "asks_stretch" in self.cues.read(analysis.corrected):
                # "ok so what's a good one for the shins" after how long to hold: a stretch
                return say.stretch_for_topic(
                    topic, context, confidence=lexicon.BARE_TOPIC_CONFIDENCE
                )
            if (
                "what" in self.cues.read_asked(analysis.corrected)
                and (topic, "what") in self.kb.answers
            ):
                # "what r the neck muscles called", "what even is the IT band" after why it
                # gets tight: what it is, not a stretch nor the last kind of answer
                return say.answer(topic, "what", context, confidence=lexicon.BARE_TOPIC_CONFIDENCE)
            general_before = (context.intent or "").startswith(f"{GENERAL}.")
            if general_before and context.stretch and "complaint" in self.cues.read(words):
                # "and neck? that gets tight too" after how long to hold the jaw stretch: the
                # neck's stretch, as the conversation was about stretches
                return say.stretch_for_topic(
                    topic, context, confidence=lexicon.BARE_TOPIC_CONFIDENCE
                )
            told = self.cues.read(analysis.corrected)
            if (
                context.kind == "answer"
                and context.topic not in (None, GENERAL)
                and "complaint" in told
                and "why" not in told
            ):
                # "what about between my shoulder blades, that's sore too" after why the neck
                # gets stiff: another area told as aching, whose stretch is the relief, as it
                # is for an area told so first
                return say.stretch_for_topic(
                    topic, context, confidence=lexicon.BARE_TOPIC_CONFIDENCE
                )
            same = (
                self._same_aspect_of(topic, analysis, context)
                if context.topic not in (None, GENERAL)
                else None
            )
            if same is not None:
                # "same for my hamstrings?" after when to stretch the calves: the same
                # question of them
                return say.answer(topic, same, context, confidence=lexicon.BARE_TOPIC_CONFIDENCE)
            if (
                context.kind == "answer"
                and context.intent
                and not lexicon.ONE_FOR_WORDS.isdisjoint(analysis.corrected)
            ):
                # "and for my shoulders?", "calf one too?" after an answer: something to do
                # for them, a stretch
                return say.stretch_for_topic(
                    topic, context, confidence=lexicon.BARE_TOPIC_CONFIDENCE
                )
            if context.kind == "answer" and context.intent:
                # "and my calves?" after why the hamstrings get tight: why the calves do;
                # "biceps specifically" after why the arms do: their stretch, not the same
                # answer; "glutes?" after how long to hold a stretch: when to stretch them
                aspect = context.last_aspect
                aspect = lexicon.TIMING_ASPECTS.get(aspect, aspect)
                # ... but after why, asked aside in a talk that began with a stretch
                # ("hamstrings tight after my run", "why do they get so tight", "and my
                # calves?"): what the talk is for, their stretch
                aside = aspect == "why_tight" and context.stretch is not None
                if (
                    not aside
                    and (topic, aspect) in self.kb.answers
                    and context.intent != f"{topic}.{aspect}"
                ):
                    return say.answer(
                        topic, aspect, context, confidence=lexicon.BARE_TOPIC_CONFIDENCE
                    )
            return say.stretch_for_topic(topic, context, confidence=lexicon.BARE_TOPIC_CONFIDENCE)
        # a look-alike the matcher is unsure of does not decline a message that has none of
        # its word pairs: "crick in my neck, so hard to turn my head driving"
        unsure = not accepted and (
            match.kind != "out_of_scope" or not self.wants.other_sense(match, analysis)
        )
        # an area question, nothing, or a routine the intent layer is unsure of: a routine
        # asked for by its cues may be what the message wants
        routine_maybe = match.kind in ("aspect", "none") or (
            match.kind == "routine" and not accepted
        )
        warm_up = (
            self.pick.warm_up_asked(
                analysis, match, conversing=context.kind in lexicon.STRETCHING_KINDS
            )
            if routine_maybe
            # "whats a good warm up for the pool then", near a question about warming up
            or (
                match.kind == "general"
                and not accepted
                and "why" not in analysis.corrected  # "why do you even warm up tho"
                and (
                    lexicon.warm_ups_named(analysis.corrected)
                    # "head out the door for my 6am run. should i be doing something first?"
                    or lexicon.done_before_or_after(analysis.corrected)
                )
            )
            # "60k on the bike this morning, cool down pls": a look-alike the intent layer is
            # unsure of, with none of its word pairs, in a message that names a warm-up or a
            # cool-down and an activity of ours
            or (
                match.kind == "out_of_scope"
                and not accepted
                and bool(lexicon.warm_ups_named(analysis.corrected))
                and bool(self.pick.activities_in(analysis.corrected))
                and not self.wants.other_sense(match, analysis)
            )
            # "how do i warm up my hamstrings": a look-alike of warming up a thing, but the
            # thing is an area of the body
            or (
                match.kind == "out_of_scope"
                and bool(analysis.topics)
                and lexicon.warm_up_asked_how(analysis.corrected) is not None
                and not self.wants.other_sense(match, analysis)
            )
            else None
        )
        if warm_up is None and routine_maybe:
            warm_up = self.pick.for_areas(analysis, context)
        if warm_up is None and not accepted:
            # "anything i should do before getting in" after swimming: that activity's
            warm_up = self.pick.for_told_activity(analysis, context)
        if warm_up is not None:
            # "the forearm on my racquet side gets tight, warm up ideas before i play?"
            return say.routine(
                self.kb.routines[warm_up], context, confidence=lexicon.CUE_CONFIDENCE
            )
        done = self._cool_down_of_a_session_told(analysis) if unsure else None
        if done is not None:  # "just ran my first 10k!!": well done, and its cool-down
            reply = say.routine(self.kb.routines[done], context, confidence=lexicon.CUE_CONFIDENCE)
            if done in lexicon.SETTING_ROUTINES:
                return reply  # a journey over is no feat to praise
            return with_lead(reply, lexicon.WELL_DONE_LEAD)
        if (
            unsure
            and lexicon.tells_it_failed(analysis.corrected)
            and "insult" in self.kb.smalltalk
            and not self.cues.complains(analysis.corrected)
        ):
            # "your last stretch was useless": a verdict on what was given, met as an insult is
            return say.smalltalk(
                "insult", " ".join(words), context, confidence=lexicon.CUE_CONFIDENCE
            )
        if (
            unsure
            and "?" not in analysis.text
            and lexicon.tells_it_helped(analysis.corrected)
            and not self.cues.complains(lexicon.without_lessened(analysis.corrected))
            # "hot yoga made me feel amazing, any stretches to do at home": stretches asked for
            and "asks_stretch" not in self.cues.read(analysis.corrected)
            # "felt a pop in my back when i twisted, felt great after": the pop is told
            and not self.wants.sensation_named(analysis.corrected)
            # "... felt amazing tbh. is that ok to do daily": a question after the praise
            and not any(
                lexicon.opens_a_question(analysis.corrected[start:end])
                for start, end in analysis.pieces()[1:]
            )
        ):
            # "you're honestly the best, my back feels amazing": praise, not a question
            # a thank-you is thanked for, and so is a body told to feel better ("doing it
            # now, feels good"); praise of the bot or of what it gave ("that was great") is a
            # compliment
            praised = not (lexicon.BOT_WORDS | {"your", "youre", "ur"}).isdisjoint(
                analysis.corrected
            )
            thanked = not lexicon.THANKS_OPENERS.isdisjoint(analysis.corrected)
            better = lexicon.tells_it_feels_better(analysis.corrected)
            key = "thanks" if thanked or (better and not praised) else "compliment"
            if key in self.kb.smalltalk:
                return say.smalltalk(
                    key, " ".join(words), context, confidence=lexicon.CUE_CONFIDENCE
                )
        if unsure:
            general = (
                self.wants.asks_whether_stretching(match, analysis)
                if match.kind == "routine"
                else None
            )
            if general is not None:  # "is it important to stretch after each ride?"
                return say.answer(GENERAL, general, context, confidence=lexicon.CUE_CONFIDENCE)
            told_routine = self._told_routine(match, analysis)
            if told_routine is not None:
                # "heels lift off the floor every time i squat": the problem its keywords tell
                return say.routine(
                    self.kb.routines[told_routine], context, confidence=lexicon.CUE_CONFIDENCE
                )
            near = self.pick.near(match, analysis, context) or self.pick.in_conversation(
                match, analysis, context
            )
            if near is not None:  # "5 min thing to do at my desk", "and one for the first tee?"
                return say.routine(
                    self.kb.routines[near], context, confidence=lexicon.CUE_CONFIDENCE
                )
            if self.wants.general_near(match, analysis, context):  # "is bouncing bad or fine?"
                key = self.wants.subject_named_instead(match.key, match, analysis)
                words = analysis.corrected
                if (
                    key == lexicon.COOLDOWN_NEEDED
                    and lexicon.warm_ups_named(words) == {"cooldown"}
                    and not any(
                        lexicon.asks_whether(words[start:end]) for start, end in analysis.pieces()
                    )
                ):
                    # "broke my PB today, not my leg haha, good cool down?": one asked for, not
                    # whether to do one
                    cool = self.pick.own_end(self.pick.activities_in(words), COOLDOWN)
                    return say.routine(
                        self.kb.routines[cool or COOLDOWN], context, confidence=match.confidence
                    )
                # unsure, and the subject named is another: "ok to stretch while still
                # panting after intervals" is about being out of breath, not bouncing
                key = self.wants.one_subject_named(analysis.corrected) or key
                return say.answer(GENERAL, key, context, confidence=lexicon.CUE_CONFIDENCE)
            # tips asked for around an activity or a setting, naming no subject of ours ("any
            # tips for someone who sits at a desk all day?"; not "tips for better posture")
            tips = (
                match.kind == "request"
                and match.key == "tip"
                # the routine the runner-up, no look-alike near ("running a small business,
                # any tips", "sitting my driving test")
                and bool(match.alternatives)
                and match.alternatives[0][0] == "routine"
                # a look-alike among the runners-up counts only with its word pairs ("desk
                # workers" is no "running a business")
                and not self.wants.other_sense(match, analysis)
                and not self.wants.subjects_named(analysis.corrected)
                and not lexicon.names_a_posture(analysis.corrected)
            )
            activity = self.pick.for_activity(analysis, asked=tips)
            if activity is not None:  # "after 18 holes my back is tight, a post round routine?"
                routine = self.kb.routines[activity]
                return say.routine(routine, context, confidence=lexicon.CUE_CONFIDENCE)
            if (
                match.kind == GENERAL
                and self.wants.names_subject(match.key, analysis.corrected)
                and (
                    match.key in lexicon.NOT_AN_AREAS_SUBJECTS
                    or (
                        match.key in lexicon.SENSATION_ANSWERS
                        and self._asks_of_a_sensation(analysis)
                    )
                )
            ):
                # "went all lightheaded popping up from child's pose, gone in a sec"; "my
                # hamstring cramped up halfway through yoga, why does that happen"
                return say.answer(GENERAL, match.key, context, confidence=lexicon.CUE_CONFIDENCE)
            if self.wants.limb_gone_to_sleep(analysis):
                # "bum went a bit numb on the bike saddle, back to normal once i got off"
                return say.answer(
                    GENERAL, lexicon.LIMB_ASLEEP, context, confidence=lexicon.CUE_CONFIDENCE
                )
            if (
                match.kind == GENERAL
                and match.key in lexicon.TOLD_SENSATIONS
                and self.wants.names_subject(match.key, analysis.corrected)
                and not self.cues.complains(
                    analysis.corrected,
                    besides=self.wants.subject_words(match.key, analysis.corrected)
                    | lexicon.SENSATION_WORDS.get(match.key, frozenset()),
                )
            ):
                # "my knees crack every time i squat but it doesnt hurt": the noise, not the knee;
                # "woke up with a calf cramp again": the cramp, which is all it complains of
                # ("calf cramp woke me up, absolute agony": its pain too)
                return say.answer(GENERAL, match.key, context, confidence=lexicon.CUE_CONFIDENCE)
            if (
                match.kind == GENERAL
                and match.key == lexicon.PAIN_GENERAL
                and self.wants.names_subject(match.key, analysis.corrected)
                and any(
                    lexicon.asks_whether(analysis.corrected[start:end])
                    for start, end in analysis.pieces()
                )
            ):
                # "mild pain in my hamstring when i stretch too far, should i back off": how
                # far a stretch should go, not another stretch
                return say.answer(GENERAL, match.key, context, confidence=lexicon.CUE_CONFIDENCE)
            felt = self._sensation_asked_instead(match, analysis)
            if felt is not None:  # "my leg started trembling like a leaf. ok to keep going?"
                return say.answer(GENERAL, felt, context, confidence=lexicon.CUE_CONFIDENCE)
            wanted = self.wants.wanted(match, analysis)
            if wanted is not None:  # "my calves tighten up so bad on long runs"
                if self.wants.one_more_area(wanted, match.topics[0], analysis, context):
                    wanted = "stretch"  # "and my shoulders, they ache" after a desk break
                return self._area_reply(match.topics[0], wanted, analysis, context)
            if self.wants.aspect_agrees(match, analysis):  # "what does glute med actually do"
                return say.answer(
                    match.topics[0], match.key, context, confidence=lexicon.CUE_CONFIDENCE
                )
            subject = self.wants.subject(analysis)
            if subject is not None:  # "31 and miles off the splits now, can i get that back?"
                return say.answer(GENERAL, subject, context, confidence=lexicon.CUE_CONFIDENCE)
            posture = (GENERAL, lexicon.POSTURE)
            if lexicon.names_a_posture(analysis.corrected) and posture in self.kb.answers:
                # "my shoulders round forward so much i look like a shrimp": the posture told
                return say.answer(*posture, context, confidence=lexicon.CUE_CONFIDENCE)
            if self.wants.sore_after_exercise(
                analysis
            ):  # "sore all over after my first yoga class"
                if lexicon.COOL_DOWN_ROUTINE in self.kb.routines and (
                    (
                        self.cues.read(analysis.corrected) & {"asks_stretch", "request"}
                        and not lexicon.STRETCH_NOUNS.isdisjoint(analysis.corrected)
                    )
                    # "killer workout today, I'm dead. cooldown pls": one asked for by name
                    or "cooldown" in lexicon.warm_ups_named(analysis.corrected)
                ):
                    # "literally dying after that hiit class, send help (stretches)": the
                    # stretches asked for, as a cool-down
                    routine = self.kb.routines[lexicon.COOL_DOWN_ROUTINE]
                    return say.routine(routine, context, confidence=lexicon.CUE_CONFIDENCE)
                own = self._own_cool_down_of_a_sore_session(analysis)
                if own is not None:
                    # "legs are dead after leg day lol", "my legs are toast after my ride":
                    # told, not asked: that activity's own cool-down, said to soothe rather
                    # than to cure the ache
                    reply = say.routine(
                        self.kb.routines[own], context, confidence=lexicon.CUE_CONFIDENCE
                    )
                    return with_lead(reply, lexicon.SORE_SESSION_LEAD)
                return say.answer(
                    GENERAL, lexicon.SORENESS, context, confidence=lexicon.CUE_CONFIDENCE
                )
            # "stiff as a board after a long car ride", "desk 10 hours a day and everything
            # feels stiff by 4pm": the setting's routine, else "everything is stiff": the
            # whole body's
            setting = self.wants.stiff_from_a_setting(analysis)
            if setting is not None:
                return say.routine(
                    self.kb.routines[setting], context, confidence=lexicon.CUE_CONFIDENCE
                )
            if self.wants.stiff_all_over(analysis):  # "14 hours of gaming. everything is stiff"
                if (GENERAL, lexicon.MORNING_STIFFNESS) in self.kb.answers and (
                    lexicon.tells_morning(analysis.corrected)
                ):  # "stiff as a board every morning"
                    return self._morning_stiffness_reply(analysis, context)
                routine = self.kb.routines[lexicon.WHOLE_BODY_ROUTINE]
                return say.routine(routine, context, confidence=lexicon.CUE_CONFIDENCE)
            region = self.pick.for_region(analysis)
            if region is not None:  # "legs feel heavy after standing at a gig all night"
                return say.routine(
                    self.kb.routines[region], context, confidence=lexicon.CUE_CONFIDENCE
                )
        # a routine the message never asks for as one ("glutes tight after squats")
        # "stretches" asks for the area's when an area is complained of ("right wrist gets sore
        # after long sessions at my desk. stretches?"), a routine's otherwise ("desk stretches")
        complained = (
            match.kind == "routine"
            and any(t != GENERAL for t in analysis.topics)
            and self.cues.complains(analysis.corrected)
        )
        routine_words = lexicon.ROUTINE_NAMING_WORDS if complained else lexicon.ROUTINE_WORDS
        routine_unasked = (
            match.kind == "routine"
            and routine_words.isdisjoint(words)
            and lexicon.PLAN_WORDS.isdisjoint(words)  # "give me a plan for the splits"
            and not lexicon.warm_ups_named(analysis.corrected)
            and self.pick.warm_up_before(analysis.corrected) is None  # "... before i tee off"
            # "post leg day stretches, quads and glutes are fried": asked, for both areas
            and self._areas_routine_differs(match, analysis, context)
            and not self._routine_asked_apart(match, analysis)
        )
        gives_way = (
            match.kind == "out_of_scope"
            or (
                match.kind == "general"
                and match.key in lexicon.AREA_FIRST_GENERAL
                and (
                    (
                        match.key not in lexicon.SENSATION_GENERAL
                        and match.key not in lexicon.SENSATION_WORDS
                    )
                    # "my knees crack when i squat but it doesnt hurt": the noise's answer; a
                    # cramp is its own complaint ("calf cramps at night, how do i stop them")
                    or self.cues.complains(
                        analysis.corrected, besides=lexicon.SENSATION_WORDS.get(match.key, ())
                    )
                    # "hands cramp up when i game, forearm stretch?": the area's stretch asked
                    # (not "my calf cramps in the calf stretch, is that normal": the cramp)
                    or (
                        match.key in lexicon.SENSATION_WORDS
                        and not lexicon.STRETCH_NOUNS.isdisjoint(analysis.corrected)
                        and not self._asks_of_a_sensation(analysis)
                    )
                )
            )
            or routine_unasked
        )
        if accepted and routine_unasked:
            # a question about a subject told around an activity ("everyone says static
            # stretching before a run is bad, which is it"): the subject, not the routine; an
            # area named with a stretch asked for is the area's ("jaw feels tight when i wake
            # up, anything i can stretch for that")
            asks_for_area = bool(analysis.topics) and "asks_stretch" in self.cues.read(
                analysis.corrected
            )
            subject = None if asks_for_area else self.wants.subject(analysis)
            if subject is not None and (
                (
                    self.kb.answers[(GENERAL, subject)].routine == match.key
                    and "request" in self.cues.read(analysis.corrected)
                )
                # "something calming before bed pls, been so stressed with exams": the routine
                # asked for first, the subject its reason
                or self.pick.asked_first(analysis, context) == match.key
                # "complete beginner, what should i stretch after leg day": the beginner told
                # in passing, the activity's stretches asked last
                or self._activity_asked_past_a_beginner(subject, analysis) == match.key
            ):
                subject = None  # "something to do right after i get out of bed": its routine
            if subject is not None:
                return say.answer(GENERAL, subject, context, confidence=lexicon.CUE_CONFIDENCE)
            general = self.wants.asks_whether_stretching(match, analysis)
            if general is not None:  # "is stretching before running harmful?"
                return say.answer(GENERAL, general, context, confidence=lexicon.CUE_CONFIDENCE)
            if not analysis.topics and self.pick.a_thing_complains(analysis.corrected):
                return say.fallback(match, context)  # "my car's steering is stiff mornings"
        if accepted and gives_way:
            # a look-alike without its word pairs, a routine not asked for as one, a general
            # answer about a kind of complaint: each gives way to an area named with its
            # complaint ("neck is stiff from looking down at my phone", "glutes tight after
            # squats", "heel pain first thing in the morning")
            wanted = self.wants.wanted(match, analysis)
            if wanted is not None:
                return self._area_reply(match.topics[0], wanted, analysis, context)
        if (
            accepted
            and match.kind == "out_of_scope"
            and not self.wants.other_sense(match, analysis)
        ):
            # a look-alike with none of its word pairs, in a message that names a subject of
            # ours: "... so does hold time even matter or just the total?"
            subject = self.wants.subject(analysis)
            if subject is not None:
                return say.answer(GENERAL, subject, context, confidence=lexicon.CUE_CONFIDENCE)
        setting = None if accepted else self.pick.setting_named_and_asked(match, analysis)
        if setting is not None:
            # "this deadline is killing me lol, need a 2 min stretch at my desk": the routine
            # of the setting the message names and asks something for
            return say.routine(
                self.kb.routines[setting], context, confidence=lexicon.CUE_CONFIDENCE
            )
        if (
            not accepted
            and match.kind == "aspect"
            and match.confidence >= lexicon.ASPECT_NEAR
            and len(match.topics) == 1
            and self.wants.one_more_area("what", match.topics[0], analysis, context)
        ):
            # "stomach too, after ab workouts" after a card: one more area, to stretch too
            return say.stretch_for_topic(match.topics[0], context, confidence=match.confidence)
        if (
            not accepted
            and match.kind == GENERAL
            and match.key == lexicon.EQUIPMENT_GENERAL
            and lexicon.names_kit(analysis.corrected) >= 2
            and not analysis.topics
            and self.pick.asks(analysis)  # not "my dog chewed my yoga mat and strap"
        ):
            # "what do i need to start, mat? strap? those foam block things?": the kit named,
            # more than one kind of it
            return say.answer(GENERAL, match.key, context, confidence=lexicon.CUE_CONFIDENCE)
        same_asked = self._same_asked_of_another_area(match, analysis, context)
        if same_asked is not None:
            # "same story with my lower back" after why the neck gets tight: why it does
            return say.answer(match.topics[0], same_asked, context, confidence=match.confidence)
        if not accepted or match.kind == "out_of_scope":
            return say.fallback(match, context)
        if match.kind in ("aspect", "general", "routine") and (
            self.wants.a_things_complaint(analysis)
            or self.wants.an_animals_story(analysis)
            or self.wants.stretches_a_things_part(analysis)
        ):
            # "my horse has a tight calf", "my dog is stiff", "my dog does a huge stretch
            # every morning, why do dogs do that", "my leggings shrank, how can i stretch the
            # waist again"
            return say.fallback(match, context)
        if (
            (match.kind == "routine" or (match.kind, match.key) in _WARM_UP_ANSWERS)
            and not analysis.topics
            and lexicon.warms_a_thing(words)
        ):
            return say.fallback(match, context)  # "how do i warm up my car", "... the car"
        kind, key = match.kind, match.key
        if kind == "aspect":
            if topic is None or topic == GENERAL:
                first = (
                    self._first_stretch_of_the_goal(context)
                    if key == "stretch" and not analysis.topics
                    else None
                )
                if first is not None:  # "show me one" after how to work towards the splits
                    return first
                # "help tight it" after a general answer: no area to ask which
                return say.which_area(match, context)
            key = self.wants.aspect_asked(key, topic, analysis, context)
            timing = self.wants.general_timing(key, analysis)
            if timing is not None:
                # "is it ok every day", "before squats or after" in a conversation about an
                # area that the message does not name or point at: the general answer
                return say.answer(GENERAL, timing, context, confidence=lexicon.CUE_CONFIDENCE)
            if key == "stretch":
                return say.stretch_for_topic(topic, context, confidence=match.confidence)
            if (topic, key) in self.kb.answers:
                return say.answer(topic, key, context, confidence=match.confidence)
            return say.fallback(match, context)
        if kind == "general":
            if self.wants.lone_word(analysis, key):
                return say.fallback(match, context)  # "stop": not "does stretching stop..."
            asks_plan = (lexicon.PLAN_WORDS | lexicon.ROUTINE_NAMES) & set(words)
            planned = self.pick.of_general(key) if asks_plan else None
            if planned is not None:
                # "i want a plan to get me touching my toes", "the splits by summer, is there
                # a routine"
                return say.routine(
                    self.kb.routines[planned], context, confidence=lexicon.CUE_CONFIDENCE
                )
            key = self.wants.subject_named_instead(key, match, analysis)
            return say.answer("general", key, context, confidence=match.confidence)
        if kind == "routine":
            area = next((t for t in analysis.topics if t != GENERAL), None) or (
                context.topic if context.topic != GENERAL else None
            )
            if area and analysis.corrected[0] == "when" and (area, "when") in self.kb.answers:
                # "when's best to do the stretch, morning or before bed?": a question of when
                return say.answer(area, "when", context, confidence=lexicon.CUE_CONFIDENCE)
            if (
                lexicon.asks_whether(analysis.corrected)
                and match.key.startswith("cooldown")
                and self.wants.names_subject(lexicon.COOLDOWN_NEEDED, analysis.corrected)
            ) or (
                match.key == COOLDOWN
                and lexicon.asks_if_needed(analysis.corrected, analysis.pieces())
            ):
                # "do i really need a cooldown after lifting or can i just go home": whether;
                # "what is a cooldown and do i even need one": that answer says what it is too
                return say.answer(
                    GENERAL, lexicon.COOLDOWN_NEEDED, context, confidence=lexicon.CUE_CONFIDENCE
                )
            if (
                lexicon.asks_whether(analysis.corrected)
                and match.key.startswith("warmup")
                and context.kind in lexicon.STRETCHING_KINDS
                and self.pick.ends_named_only(analysis.corrected)
                and (GENERAL, lexicon.WARMUP_VS_STRETCH) in self.kb.answers
            ):
                # "should i warm up first" after a card or a routine: whether to warm up before
                # stretching, not a warm-up for some sport
                return say.answer(
                    GENERAL, lexicon.WARMUP_VS_STRETCH, context, confidence=lexicon.CUE_CONFIDENCE
                )
            purpose = self._routine_purpose_asked(match, analysis)
            if purpose is not None:  # "why stretch before bed anyway? does it do anything"
                return say.answer(GENERAL, purpose, context, confidence=lexicon.CUE_CONFIDENCE)
            key = self.pick.named(match, analysis, context)
            return say.routine(self.kb.routines[key], context, confidence=match.confidence)
        if kind == "smalltalk":
            entry = self.kb.smalltalk[key]
            if (
                key in lexicon.QUESTIONS_TO_THE_BOT
                and (match.confidence < lexicon.BOT_QUESTION_SURE or "my" in words)
                and lexicon.BOT_POINTERS.isdisjoint(words)
            ):
                # "who invented custard": not the bot's maker; "what is my name": not its name
                return say.fallback(match, context)
            if entry.kind == "help":
                return say.help(context)
            return say.smalltalk(key, " ".join(words), context, confidence=match.confidence)
        if kind == "request":
            if key == "tip":  # "a tip for my knees": one about them
                asked = next((t for t in match.topics if t != GENERAL), None)
                if asked is None and self.matcher.look_alike_pairs(analysis.words):
                    # "got my driving test next week, any tips": tips on something else
                    return say.fallback(replace(match, kind="out_of_scope"), context)
                subjects = self.wants.subjects_named(analysis.corrected)
                if asked is None and len(subjects) == 1:
                    # "any beginner tips?", "tips for touching my toes": that answer's advice
                    return say.answer(
                        GENERAL, subjects.pop(), context, confidence=lexicon.CUE_CONFIDENCE
                    )
                # "any tips for runners": one of the tips that tell of running, if any does
                among = () if asked else self._tips_telling_of(analysis.corrected)
                return say.tip(
                    " ".join(words), context, confidence=match.confidence, topic=asked, among=among
                )
            if (
                key in ("daily_on", "daily_off")
                and lexicon.one_tip_now(words)
                and not lexicon.says_daily_off(words)
            ):
                # "send me a tip", "can you send me a stretching tip": one, now, on the area
                # the conversation is about, as "any tips?" after its card is
                area = context.topic if context.topic in self.kb.topics else None
                return say.tip(
                    " ".join(words),
                    context,
                    confidence=match.confidence,
                    topic=None if area == GENERAL else area,
                )
            if key == "daily_on" and lexicon.daily_switch(analysis) is None:
                subjects = self.wants.subjects_named(analysis.corrected)
                if len(subjects) == 1 and lexicon.has_pair(words, lexicon.TIP_FOR_PAIRS):
                    # "any tip for actually remembering to do this every day": advice on the
                    # subject named, not the daily tips
                    return say.answer(
                        GENERAL, subjects.pop(), context, confidence=lexicon.CUE_CONFIDENCE
                    )
                general_runner = next(
                    (k for kind, k, _t in match.alternatives if kind == GENERAL), None
                )
                if general_runner is not None and lexicon.stretches_daily_oneself(
                    analysis.corrected
                ):
                    # "i want to start stretching every day, where should i begin": the writer
                    # stretching each day, nothing asked to be sent
                    return say.answer(
                        GENERAL, general_runner, context, confidence=lexicon.CUE_CONFIDENCE
                    )
            if key in lexicon.DAILY_REQUESTS:
                return say.daily(lexicon.DAILY_REQUESTS[key], context, confidence=match.confidence)
            return say.help(context)
        if kind == "followup":
            return self._followup(key, topic or context.topic, context, match.confidence)
        return say.fallback(match, context)

    def _the_end_asked_of(self, routine: str, words: Sequence[str], context: Context) -> str:
        """In place of a warm-up or cool-down `routine`, the other end when the words ask for
        it: "give me the after one then" after whether to stretch before or after lifting is
        the cool-down, not the warm-up that answer tells of. The activity's own when the
        knowledge base has one; `routine` when the words name no end."""
        end = routine.partition("_")[0]
        if end not in (lexicon.WARM_UP_ROUTINE, lexicon.COOL_DOWN_ROUTINE):
            return routine
        told = set(words)
        if "after" in told and "before" not in told:
            wanted: str = lexicon.COOL_DOWN_ROUTINE
        elif "before" in told and "after" not in told:
            wanted = lexicon.WARM_UP_ROUTINE
        elif lexicon.names_an_end(words):
            wanted = lexicon.wanted_end(words)
        else:
            return routine
        if wanted == end:
            return routine
        own = self.pick.own_end(context.activities, wanted)
        if own is not None and own in self.kb.routines:
            return own
        return self.pick.other_end(routine, wanted) or routine

    def _warm_up_told_of(self, context: Context) -> str | None:
        """After an answer on stretching before exercise, the warm-up it tells of: the
        activity's own when the conversation named one, else the general one. None after
        anything else."""
        if context.kind != "answer" or context.intent not in lexicon.BEFORE_EXERCISE_ANSWERS:
            return None
        warm = self.pick.own_end(context.activities, lexicon.WARM_UP_ROUTINE)
        warm = warm or lexicon.WARM_UP_ROUTINE
        return warm if warm in self.kb.routines else None

    def _stretch_named_in(self, text: str, area: str, context: Context) -> Stretch | None:
        """The stretch of `area` whose name or alias `text` names first, of those that suit
        the conversation's conditions; None when the text names none."""
        written = f" {' '.join(normalize(text).split())} "
        avoided = self.replies.avoided(context)
        found = [
            (written.find(f" {name} "), stretch)
            for stretch in self.kb.stretches.values()
            if area in stretch.topics and avoided.isdisjoint(stretch.caution_tags)
            for name in (stretch.name, *stretch.aliases)
            if f" {' '.join(normalize(name).split())} " in written
        ]
        return min(found, key=lambda pair: pair[0])[1] if found else None

    def _bedtime_for_a_sleepless_night(
        self, reply: Reply, analysis: Analysis, context: Context
    ) -> Reply:
        """For the answer on stress or the all-over routine, given to a message that tells of
        a night it cannot sleep and names no area ("cant sleep before exams, whole body
        tense", "stressed and cant sleep, body feels tight"): the bedtime routine, made to
        settle the body for sleep. The reply unchanged otherwise, and for a question why."""
        if (
            reply.intent not in (f"{GENERAL}.{lexicon.STRESS_GENERAL}", "routine.full_body")
            or any(t != GENERAL for t in analysis.topics)
            or lexicon.BEDTIME not in self.kb.routines
            or lexicon.BEDTIME not in self.pick.activities_in(analysis.corrected)
            or not lexicon.tells_of_sleep(analysis.corrected)
            # "why stretch before bed anyway?": the answer on what it does
            or self.cues.read(analysis.corrected) & {"why", "what"}
        ):
            return reply
        bedtime = self.replies.routine(self.kb.routines[lexicon.BEDTIME], context)
        return self._with_conditions(bedtime, (), reply.context)

    def _tip_on_its_subject(self, reply: Reply, analysis: Analysis, context: Context) -> Reply:
        """For the answer to a general question asked as a tip ("give me a tip for posture at
        the desk", "any tip to remember to stretch, i always forget"): one of the tips that
        give advice on it, the answer one tap away. The reply unchanged otherwise, when a
        condition told shapes the answer, or when no tip speaks to the question."""
        words = analysis.corrected
        if reply.conditions or not lexicon.asks_for_a_tip(words):
            return reply
        topic, _, key = (reply.intent or "").partition(".")
        if reply.kind == "tip" and all(t == GENERAL for t in analysis.topics):
            # any tip, for a message that names a subject ("got a tip for my posture at
            # work?"): the subject's, when it names one
            named = self.wants.subjects_named(words)
            key, topic = (next(iter(named)), GENERAL) if len(named) == 1 else ("", "")
        if reply.kind not in ("answer", "tip") or topic != GENERAL:
            return reply
        tip = self.replies.tip_on_subject(key, " ".join(analysis.words), context)
        return tip if tip is not None else reply

    def _why_the_area_over_its_goal(self, reply: Reply, analysis: Analysis) -> Reply:
        """For the answer about a goal (touching the toes, the splits) to a message that
        complains of one area by name and asks why, or whether it is normal ("why are my
        hamstrings so tight, never been able to touch my toes", "my 10 yo's hamstrings are
        really tight, he cant touch his toes. is that normal?"): why that area gets tight,
        which the goal's answer only touches on. The reply unchanged otherwise ("do i even
        need to bother stretching?" asks of the goal)."""
        topic, _, aspect = (reply.intent or "").partition(".")
        if reply.kind != "answer" or topic != GENERAL or aspect not in lexicon.TIMELINE_GOALS:
            return reply
        # the area complained of comes first ("... and his back rounds" names another), with
        # its complaint right at it ("hamstrings so tight", not "a hamstring stretch")
        area = next((t for t in analysis.topics if t != GENERAL), "")
        words = analysis.corrected
        spans = [span for span in analysis.spans if span[2] == area]
        cues = self.cues.read(words)
        if (
            (area, "why_tight") not in self.kb.answers
            or not lexicon.area_complained_in_place(words, spans, breaks=analysis.breaks)
            or not ("why" in cues or lexicon.asks_if_normal(words))
        ):
            return reply
        answer = self.replies.answer(area, "why_tight", reply.context, confidence=reply.confidence)
        # under the notes of the conditions told ("my 12 yo's hamstrings"), as the goal's was
        return (
            self.replies.with_conditions(answer, reply.conditions) if reply.conditions else answer
        )

    def _routine_for_a_goal_told(self, reply: Reply, analysis: Analysis, context: Context) -> Reply:
        """For the answer about a goal with a routine of its own (touching the toes, the
        splits) to a message that tells the goal as wanted and asks nothing of why or what
        ("i want to touch my toes by summer", "goal for this year: the splits"): the goal's
        routine, the work towards it; its answer (how long, how it works) stays one ask away.
        So does the way to it asked ("how do i touch my toes", "how to get front splits").
        Another question ("why cant i", "how long do the splits take", "doable?") keeps the
        answer, as does one with a condition told, which the answer speaks to."""
        topic, _, aspect = (reply.intent or "").partition(".")
        if (
            reply.kind != "answer"
            or topic != GENERAL
            or aspect not in lexicon.TIMELINE_GOALS
            or reply.context.conditions
        ):
            return reply
        rid = self.replies.general_routine(aspect)
        words = analysis.corrected
        asks_of_it = self.cues.read(words) & {"why", "what", "asks_when"}
        if rid is None or rid not in self.kb.routines or asks_of_it:
            return reply
        # "goal is touching my toes by summer. doable?": whether it can be done, unless a
        # routine is what it asks for ("i want the splits, any routine?")
        asked = lexicon.asks_without_a_mark(analysis) and lexicon.ROUTINE_WORDS.isdisjoint(words)
        # the way to it asked ("how do i touch my toes"; how to get there "safely" asks what
        # the answer tells), a goal told as wanted, or help asked towards it ("cant touch my
        # toes, help me get there")
        way = lexicon.asks_the_way(words) and lexicon.SAFE_ASK_WORDS.isdisjoint(words)
        if not way and (
            asked or not (lexicon.tells_a_goal(words) or lexicon.asks_help_towards(words))
        ):
            return reply
        return self.replies.routine(self.kb.routines[rid], context, confidence=reply.confidence)

    def _stretch_asked_after_a_goals_routine(
        self, analysis: Analysis, context: Context
    ) -> Reply | None:
        """After the routine of a goal (the splits, touching the toes), a message missed whole
        that asks for a stretch and names no area ("is there a stretch that helps with that"):
        the routine's first held stretch. None otherwise."""
        words = analysis.corrected
        if (
            context.kind != "routine"
            or analysis.topics
            or lexicon.STRETCH_NOUNS.isdisjoint(words)
            or not self.cues.read(words) & {"request", "asks_stretch"}
        ):
            return None
        return self._first_stretch_of_the_goal(context)

    def _first_stretch_of_the_goal(self, context: Context) -> Reply | None:
        """After a general answer about a goal with a routine of its own (the splits, touching
        the toes), what a request for a stretch that names no area gets ("show me one", "give
        me a stretch for it"), and what it gets after that routine itself: the routine's first
        held stretch; after one on stretching before exercise, the warm-up. None after anything
        else."""
        topic, _, aspect = (context.intent or "").partition(".")
        if context.kind == "routine":
            goals = {self.pick.of_general(goal) for goal in lexicon.TIMELINE_GOALS}
            goal = context.routine if context.routine in goals else None
        elif context.kind == "answer":
            goal = self.pick.of_general(aspect) if topic == GENERAL else None
        else:
            return None
        warm = self._warm_up_told_of(context)
        if warm is not None:
            # "can you show me one" after whether to stretch before running: the warm-up it
            # tells of, done as a whole
            return self.replies.routine(self.kb.routines[warm], context)
        routine = self.kb.routines.get(goal or "")
        if routine is None or not routine.steps:
            return None
        # its first held stretch, not the warm-up swings it opens with
        steps = [self.kb.stretches[step.stretch] for step in routine.steps]
        stretch = next((s for s in steps if s.type == "static"), steps[0])
        return self.replies.stretch(stretch, stretch.topics[0], context)

    def _time_routine_asked_apart(self, analysis: Analysis) -> str | None:
        """The routine of a time of day (bedtime, morning) that the last piece of a message
        asks what to do to settle or wake up, naming no area, the areas standing in the pieces
        before it ("... shoulders tense. Is there something gentle I can do in bed to wind
        down?"); or None."""
        timed = self.pick.time_asked_last(analysis)
        if timed is None or lexicon.SETTLING_WORDS.isdisjoint(analysis.corrected[timed[1] :]):
            return None  # "what can i do before bed" may ask for the area told before
        return timed[0]

    def _routine_asked_apart(self, match: Match, analysis: Analysis) -> bool:
        """Whether a piece of the message asks what to do for the matched routine's activity
        or time and names no area, the areas standing in the story around it: "... my
        shoulders up round my ears. Is there something gentle I could do before bed to help
        me wind down?" asks for the bedtime routine."""
        for start, end in analysis.pieces():
            piece = self.pick.asked_apart(analysis, start, end)
            if piece is not None and match.key in self.pick.activities_in(piece, of_the_body=True):
                return True
        # "... legs and back are toast. post ride stretches pls": a last piece that names the
        # routine's activity and its stretches, and no area
        pieces = analysis.pieces()
        start, end = pieces[-1]
        last = analysis.corrected[start:end]
        return (
            len(pieces) > 1
            and match.key not in lexicon.TIME_ROUTINES.values()  # "... stretch before bed?"
            and not any(start <= s < end for s, _e, _t in analysis.spans)
            and not lexicon.ROUTINE_WORDS.isdisjoint(last)
            and not lexicon.asks_whether(last)  # "can i do deep squats to stretch"
            and match.key in self.pick.activities_in(last, of_the_body=True)
        )

    def _areas_routine_differs(self, match: Match, analysis: Analysis, context: Context) -> bool:
        """Whether the routine asked for around the areas a message names is not the one
        matched (nor the one its activity names: "after leg day stretches please, hamstrings
        and quads are toast" is leg day's, not the legs' routine the words matched)."""
        found = self.pick.for_areas(analysis, context)
        if found == match.key:
            return False
        return found is None or found != self.pick.named(match, analysis, context)

    def _sensation_asked_instead(self, match: Match, analysis: Analysis) -> str | None:
        """For an area's question (why, what, when, a stretch) the intent layer found, sure or
        not, the sensation the message names and asks about instead, or None: "calf cramped up
        in the middle of a stretch, why does that happen", "pins and needles in my feet in a
        forward fold, whats that about", "my leg started trembling like a leaf, ok to keep
        going?" ask about the sensation, not the area. So do general questions whose subject
        the message does not name ("is it normal for my arms to shake during a stretch" is
        not about pain)."""
        if match.kind == GENERAL:
            if self.wants.names_subject(match.key, analysis.corrected):
                return None
        elif match.kind != "aspect" or match.key not in lexicon.ASKS_OF_A_SENSATION:
            return None
        felt = self.wants.sensation_named(analysis.corrected)
        return felt if felt is not None and self._asks_of_a_sensation(analysis) else None

    def _asks_of_a_sensation(self, analysis: Analysis) -> bool:
        """Whether a message that names a sensation asks why, what it is, whether it is all
        right ("... trembling like a leaf, is that bad") or how to stop it, and not for a
        stretch."""
        words = analysis.corrected
        # "... a little flicker in my calf after a long week, would stretching help": whether
        # stretching helps the sensation, asked in a last piece that names no area
        start = analysis.pieces()[-1][0]
        last = words[start:]
        helps = (
            lexicon.asks_whether(last)
            and not lexicon.STRETCHING_WORDS.isdisjoint(last)
            and not lexicon.HELPS_WORDS.isdisjoint(last)
            and not any(s >= start for s, _e, _t in analysis.spans)
        )
        return helps or (
            bool(
                self.cues.read_asked(words) & {"why", "what"}
                or lexicon.asks_if_normal(words)
                # "calf cramp woke me up at 3am, how do i stop that": how to stop the sensation
                or not lexicon.STOP_IT_WORDS.isdisjoint(words)
            )
            and "asks_stretch" not in self.cues.read(words)
        )

    def _areas_named(self, analysis: Analysis) -> list[str]:
        """The areas of the knowledge base the message names, in its order (not "general")."""
        return [t for t in analysis.topics if t != GENERAL and t in self.kb.topics]

    def _area_reply(self, area: str, wanted: str, analysis: Analysis, context: Context) -> Reply:
        """The stretch or the answer (`wanted`, from `WantReader.wanted`) for an area read from
        cues; the stretch keeps to a limit the message names ("anything i can do without
        lying on the floor")."""
        if wanted == "stretch":
            areas = self._areas_named(analysis)
            if len(set(areas)) > 1 and not lexicon.TOGETHER_WORDS.isdisjoint(analysis.corrected):
                # "stretches for neck and shoulders together": one routine for them all
                plan = self._areas_plan(areas)
                if plan.areas and len(plan.areas) > 1:
                    return self.replies.sized_routine(plan, context)
            return self._stretch_within_limits(
                area, analysis, context, confidence=lexicon.CUE_CONFIDENCE
            )
        return self.replies.answer(area, wanted, context, confidence=lexicon.CUE_CONFIDENCE)

    def _routine_asked_daily(self, match: Match, analysis: Analysis) -> Match:
        """The daily tips matched for a message that asks for a routine to do every day, and
        for nothing to be sent ("i want a daily stretch routine for the morning"): the routine
        it names, else the full-body one."""
        words = analysis.corrected
        if (
            lexicon.ROUTINE_WORDS.isdisjoint(words)
            or not lexicon.DAILY_SWITCH_THINGS.isdisjoint(words)
            or lexicon.has_pair(words, lexicon.SENDING_PAIRS)
        ):
            return match
        named = {rid for _s, _e, rid in self.pick.activities.matches(words)}
        # the routine found next, when the message names it by its keywords ("for the
        # morning"), else the full-body one
        runner = next(
            (key for kind, key, _topic in match.alternatives if kind == "routine" and key in named),
            lexicon.WHOLE_BODY_ROUTINE,
        )
        return replace(match, kind="routine", key=runner)

    def _without_an_untold_condition(self, match: Match, context: Context) -> Match:
        """A routine made for a condition (pregnancy) matched for a message that names it
        nowhere, nor did the conversation ("daily stretch routine" read like "daily stretch
        routine while pregnant"): the full-body routine, the general one closest to it. A life
        stage of an age (older adults) keeps its routine: "gentle stretches for my dad" says
        it in other words than an age."""
        condition = self.kb.conditions.get(match.key)
        if condition is None or condition.ages is not None or match.key in context.conditions:
            return match
        return replace(match, key=lexicon.WHOLE_BODY_ROUTINE)

    def _named_method_or_runner(self, match: Match, analysis: Analysis, context: Context) -> Match:
        """`match`, an answer about one way of stretching or one choice of time, when the
        message names it; else its first runner-up that is a general answer that needs no
        name or, for a choice of time, a routine ("should i stretch at night": the bedtime
        one), or the match itself when there is none. In a talk about stretching, the
        stretching goes without saying ("morning or night better" after how often)."""
        words = analysis.corrected
        talked = (*words, "stretching") if context.kind in lexicon.STRETCHING_KINDS else words
        if self.wants.names_subject(match.key, talked):
            return match
        for kind, key, _topic in match.alternatives:
            if kind == "routine":
                if match.key in lexicon.TIME_CHOICE_GENERAL:
                    return replace(match, kind=kind, key=key)
                continue  # "pregnant, can i stretch?" asks no routine
            if kind == GENERAL and not self.wants.lacks_its_name(key, words):
                return replace(match, key=key)
        return match

    def _told_routine(self, match: Match, analysis: Analysis) -> str | None:
        """The routine for a problem its keywords tell ("heels lift off the floor every time i
        squat"), the intent layer's guess or, behind a guess at chat or a command, its runner-up
        when the message asks something ("my squat is rubbish, heels come up and i tip forward,
        what do i need to work on" nears the daily tip); None when there is none."""
        # "a pinch in my hip at the bottom of a deep squat" complains of an area; "cant get
        # into a deep squat, my heels keep lifting off the floor" only names one
        if analysis.topics and "complaint" in self.cues.read(analysis.corrected):
            return None
        if match.kind == "routine":
            found = match.key
        elif match.kind in lexicon.CHAT_KINDS and self.pick.asks(analysis):
            found = next((k for kind, k, _t in match.alternatives[:1] if kind == "routine"), "")
        else:
            return None
        if (
            found in lexicon.TOLD_ROUTINES
            and found in self.pick.activities_in(analysis.corrected)
            and "not_a_body" not in self.cues.read(analysis.corrected)  # "ripped my leggings"
        ):
            return found
        return None

    def _cool_down_of_a_session_told(self, analysis: Analysis) -> str | None:
        """The cool-down of an activity a message tells as just over and says nothing else
        of: no area, no complaint, no question ("just ran my first 10k!!", "finished my first
        half marathon today"). Its own cool-down, else the general one; None otherwise."""
        words = analysis.corrected
        if (
            analysis.topics
            or not lexicon.tells_it_is_over(words)
            or "?" in analysis.text
            or self.cues.read(words) & {"complaint", "why", "what", "not_a_body"}
            or not lexicon.WH_WORDS.isdisjoint(words)
        ):
            return None
        return self.pick.cool_down_of(self.pick.activities_in(words))

    def _activity_asked_instead(self, match: Match, analysis: Analysis) -> Match:
        """A general answer matched for a request for stretches around an activity that names
        none of the answer's subject ("stretches for skiers" read like "stretches for
        beginners"): the activity's routine, at the end the message asks for."""
        words = analysis.corrected
        if (
            not analysis.topics
            and not self.wants.names_subject(match.key, words)
            and (lexicon.tells_it_is_over(words) or lexicon.tells_spent(words))
            and not lexicon.STRETCH_FORMS.isdisjoint(words)
        ):
            # "just finished 60k on the bike, what should I stretch", "after bouldering my
            # whole upper body is fried, what should I stretch": its cool-down, asked
            cool = self.pick.cool_down_of(self.pick.activities_in(words))
            if cool is not None:
                return replace(match, kind="routine", key=cool)
        routine_named = not lexicon.ROUTINE_NAMING_WORDS.isdisjoint(words)
        if (
            analysis.topics
            or self.wants.names_subject(match.key, words)
            or (
                # "whats a good desk routine" asks for one, though it reads like a question
                not routine_named
                and (
                    (lexicon.STRETCH_NOUNS.isdisjoint(words) and not lexicon.warm_ups_named(words))
                    or "?" in analysis.text
                    # "... says dont. is it bad to stretch before running"
                    or any(words[s] in lexicon.QUESTION_STARTS for s, _e in analysis.pieces())
                    or not lexicon.WH_WORDS.isdisjoint(words)
                )
            )
        ):
            return match
        found = self.pick.activities_in(words)
        if not found:
            return match
        return replace(match, kind="routine", key=lexicon.pick_warm_or_cool(found, words))

    def _to_the_activity_named(self, match: Match, analysis: Analysis) -> Match:
        """A routine of one activity matched for a message that names another activity
        ("warm up for hiking" read like the swimming warm-up, "stretches after rugby" like
        golf's): the routine of the activity named, its warm-up or cool-down as the message
        says. The match as it is when it names none, names the matched one's, or the one
        named has no routine for that end."""
        routine = self.kb.routines.get(match.key)
        if routine is None or not routine.keywords:
            return match
        words = analysis.corrected
        found = self.pick.activities_in(words)
        if not found and match.key not in lexicon.TIME_ROUTINES.values():
            # "give me an evening routine" read like the full-body one, whose words it does
            # not use: the one time of day it names (a routine asked for is one of stretches)
            timed = self.pick.one_time_named(words)
            if timed is not None:
                return replace(match, key=timed)
            end = lexicon.wanted_end(words)
            if (
                match.key.startswith(f"{end}_")
                and end in self.kb.routines
                and lexicon.names_an_end(words)
                and self._told_apart_from(routine, words)
            ):
                # "what about a cool down after the shift" read like the strength cool-down
                # ("cooldown after the gym") on its small words: the plain cool-down
                return replace(match, key=end)
            return match
        if match.key in lexicon.TIME_ROUTINES.values() and lexicon.tells_it_is_over(words):
            # "did a 10k this morning, what stretches now" read like the morning routine: the
            # session told as over, its cool-down
            others = [r for r in found if r not in lexicon.TIME_ROUTINES.values()]
            cool = None if analysis.topics else self.pick.cool_down_of(others)
            return match if cool is None else replace(match, key=cool)
        if match.key == lexicon.WARM_UP_ROUTINE:
            # "what should i do before a match", with tennis named: tennis's own warm-up
            found = [r for r in found if r != match.key]
        if not found:
            return match
        if match.key in found:
            # "tee off in 10" read like golf's cool-down, "18 holes done" like its warm-up:
            # the end the words tell, when they tell one
            if not lexicon.tells_an_end(words):
                return match
            return replace(match, key=lexicon.which_end(match.key, found, words))
        picked = lexicon.pick_warm_or_cool(found, words)
        if not picked.startswith(lexicon.wanted_end(words)):
            return match  # "cool down after a football match": football has a warm-up only
        return replace(match, key=picked)

    def _told_apart_from(self, routine: Routine, words: Sequence[str]) -> bool:
        """Whether the words tell something (a word that is no small word, no name of a warm-up
        or cool-down, no before or after) and none of it is a word of the routine's phrases or
        keywords: "what about a cool down after the shift" of the strength cool-down."""
        told = [w for w in words if w not in lexicon.ROUTINE_SMALL_WORDS and w not in STOPWORDS]
        if not told:
            return False
        return self.pick.words_of(routine).isdisjoint(told)

    def _closing_question(self, analysis: Analysis, context: Context) -> Reply | None:
        """For a story of several sentences that ends by asking yes or no about stretching
        itself ("... and sitting down is an event. Will stretching help with the soreness or
        should I just leave it?"): the reply to that question alone, when it is a general
        answer. The question says what the story wants; None otherwise."""
        if len(analysis.words) < CLAUSE_MIN_WORDS:
            return None
        sentences = lexicon.sentences_asked(analysis.text)
        if len(sentences) < 2:
            return None
        asked = [part for part, is_question in sentences if is_question]
        text = (asked or [part for part, _q in sentences])[-1]
        words = self.matcher.analyse(text).corrected
        if (
            not words
            or words[0] not in lexicon.YES_NO_STARTS
            or lexicon.STRETCHING_WORDS.isdisjoint(words)
            or lexicon.AREA_PRONOUNS.intersection(words)  # "should i stretch them": the area's
        ):
            return None
        reply = self._reply(text, context)
        family, _, key = (reply.intent or "").partition(".")
        # the question names its subject ("the soreness", "posture"): "is there a stretch for
        # that" or "will stretching help?" after a story about an area is the area's
        return reply if family == GENERAL and self.wants.names_subject(key, words) else None

    def _tip_for_an_area(self, analysis: Analysis, context: Context) -> str | None:
        """The area a short request for a tip names ("neck tip?", "a tip for my neck"), or
        points back to after a reply about one ("any tip for keeping it loose during the day"
        after a neck stretch), or None. "tips" is left to the other readings: "any tips" after
        a complaint asks for something to do, unless it asks nothing more ("any tips for that"
        after a stretch card or an answer: its area's)."""
        words = analysis.corrected
        bare = set(words) <= lexicon.BARE_TIP_ASK  # "tips?", "any tips for that"
        if "tip" not in words and not ("tips" in words and bare):
            return None
        cues = self.cues.read(words)
        named = [t for t in analysis.topics if t != GENERAL]
        if not named:
            if (
                not cues & {"why", "what"}  # "tip to stop them getting so tight" complains
                and context.kind in ("answer", "stretch")
                and context.topic not in (None, GENERAL)
                and len(words) <= lexicon.TIP_BACK_MAX_WORDS
                and (
                    not lexicon.PRONOUNS_BACK.isdisjoint(words)
                    or bare  # after a stretch card or an answer: its area's
                )
            ):
                return context.topic
            return None
        if (
            len(set(named)) != 1
            or len(words) > lexicon.TIP_ASK_MAX_WORDS
            or cues & {"why", "what", "complaint"}
        ):
            return None
        return named[0]

    def _work_break_asked(self, analysis: Analysis, context: Context) -> Reply | None:
        """For a message that asks for something to do at work and names no area, activity
        or session ("something i can do without my coworkers noticing", "just one quick
        thing i can do between drops"): the stretch off the floor for the area the talk is
        about, kept to after; with no area in the talk, the desk break. None otherwise."""
        words = analysis.corrected
        if (
            analysis.topics
            or lexicon.DESK_BREAK not in self.kb.routines
            or not lexicon.asks_something_at_work(words)
            or any(self.pick.activities.matches(words))
            or self.matcher.look_alike_pairs(analysis.words)
        ):
            return None
        topic = context.topic or ""
        if topic in self.kb.topics and context.kind in ("stretch", "answer"):
            return self._fitting_stretch(SizeAsk(limits=_AT_WORK), context, topic)
        if topic not in ("", GENERAL):
            return None
        return self.replies.routine(self.kb.routines[lexicon.DESK_BREAK], context)

    def _time_routine_asked(self, analysis: Analysis) -> str | None:
        """The routine of the one time of day a message names when it asks for a routine by
        that word and names no area, activity or other session: "so give me an evening
        routine", "can i get a routine for the evening" (however its other words score). None
        otherwise."""
        words = analysis.corrected
        if (
            lexicon.ROUTINE_NAMES.isdisjoint(words)
            or analysis.topics
            or any(
                r not in lexicon.TIME_ROUTINES.values()
                for _start, _end, r in self.pick.activities.matches(words)
            )
            or lexicon.warm_ups_named(words)
            or self.matcher.look_alike_pairs(analysis.words)
        ):
            return None
        # nothing more said: "comedy routine ideas for an open mic night" is no stretch routine
        rest = {w for w in words if w not in STOPWORDS} - lexicon.TIME_FOLLOW_UPS.keys()
        if not rest <= lexicon.PLAIN_ROUTINE_ANY | SOFTENERS:
            return None
        return self.pick.one_time_named(words)

    def _area_routine(self, analysis: Analysis, context: Context) -> Reply | None:
        """A routine built for one area, for a message that asks for a routine by that word
        and names the area ("glute routine") or, short, follows a reply about one ("can you
        make that a routine"), and names no activity or setting of a routine of its own. None
        otherwise."""
        words = analysis.corrected
        if lexicon.ROUTINE_NAMES.isdisjoint(words) or any(self.pick.activities.matches(words)):
            return None
        if not lexicon.ROUTINE_TIMES.isdisjoint(words) or lexicon.warm_ups_named(words):
            return None  # "bedtime routine for tight hips": the bedtime routine
        # "routine for my neck and shoulders": one routine for them all
        areas = list(dict.fromkeys(t for t in analysis.topics if t != GENERAL))
        if len(areas) > MAX_AREAS or (GENERAL in analysis.topics and not areas):
            return None
        if not areas and self.pick.for_region(analysis) is not None:
            return None  # "a routine for the whole legs?" after a calf stretch: the legs'
        if (
            not areas
            # "could you put a little routine together for them?" points back, however long
            and (
                len(words) <= lexicon.MOVE_MAX_WORDS or not lexicon.PRONOUNS_BACK.isdisjoint(words)
            )
            and context.kind in ("answer", "stretch", "fallback")
            and context.topic not in (None, GENERAL)
        ):
            areas = [context.topic or ""]
            if not (lexicon.COMBINING_WORDS | {"all", "both"}).isdisjoint(words):
                # "can you put it all together into a little routine" after the neck, then
                # the shoulders: every area talked of
                talked = [a for a in context.areas if a != GENERAL]
                areas = talked[-MAX_AREAS:] if len(talked) > 1 else areas
        if not areas or self.matcher.look_alike_pairs(analysis.words):
            return None
        plan = self._areas_plan(areas)
        if not self.replies.sizer.can_build(plan):
            return None
        # "5 minute routine for my neck and shoulders": the minutes it names, and its limits
        told = self.sizes.read(analysis)
        ask = SizeAsk(minutes=told.minutes, limits=told.limits) if told else SizeAsk()
        return self._resized(plan, ask, context, postures=False)

    def _general_answer_after_area(
        self, area: str | None, analysis: Analysis, context: Context
    ) -> Reply | None:
        """After an area's answer or stretch, the answer to the general subject a question
        names with no area of its own, keeping the area when it points back: "is it supposed
        to hurt when i stretch" after why the glutes get tight is whether stretching should
        hurt, not the area's answer again."""
        if (
            not area
            or context.kind not in ("answer", "stretch")
            # not "stretch then" after a general answer that kept the area
            or (context.kind == "answer" and not (context.intent or "").startswith(f"{area}."))
            or analysis.topics
            # "a stretch before i get out of bed?": a stretch asked for, told when
            or self._asks_a_stretch_for(analysis, self.cues.read(analysis.corrected))
            or lexicon.asks_a_stretch_by_article(analysis.corrected)
        ):
            return None
        subject = self.wants.subject(analysis)
        if subject is None:
            return None
        if subject == lexicon.HOW_OFTEN and self._asks_how_often_of_it(area, analysis, context):
            # "how often should i do it" after the calf stretch: when and how often to stretch
            # the calves, which the general answer does not speak of
            return self.replies.answer(area, "when", context)
        reply = self.replies.answer(GENERAL, subject, context)
        return self._keep_the_area(reply, analysis, context)

    def _asks_how_often_of_it(self, area: str, analysis: Analysis, context: Context) -> bool:
        """Whether a how-often question after an area's answer or stretch is asked of that
        area ("how often should i do it", a bare "how often?", "how many times a day should i
        stretch them"), not of stretching as a whole ("how often should i stretch",
        "how often do people usually stretch"), and its when answer is not the one on screen."""
        words = analysis.corrected
        return (
            (area, "when") in self.kb.answers
            and context.intent != f"{area}.when"
            and not lexicon.asks_in_general(words)
            and (
                lexicon.STRETCHING_WORDS.isdisjoint(words)
                or not lexicon.POINTING_WORDS.isdisjoint(words)
            )
        )

    def _followup(self, key: str, topic: str | None, context: Context, conf: float) -> Reply:
        """ "Shorter", "another", "more", "how do I stretch it?": read against the context."""
        kb, say = self.kb, self.replies
        plan = (
            context.plan if context.plan is not None and say.sizer.can_build(context.plan) else None
        )
        if key == "shorter" and plan is not None:
            return say.resize(plan, longer=False, context=context)
        if key == "another" and context.kind == "routine" and plan is not None and not plan.area:
            return say.another_routine(plan, context)
        if key in ("another", "more") and context.kind in ("tip", "daily"):
            # "tip.knees": tips about knees (after "daily.on", any tip)
            asked = (context.intent or "").partition(".")[2] if context.kind == "tip" else ""
            return say.tip(None, context, topic=asked or None)
        if key == "more" and context.kind == "answer" and topic:
            current = context.last_aspect
            if topic == GENERAL:
                return say.stretch_for_topic(GENERAL_MORE_TOPIC, context)
            order = [a for a in ASPECT_ORDER if a != current]
            for aspect in order:
                if (topic, aspect) in kb.answers:
                    return say.answer(topic, aspect, context, confidence=conf)
        if key == "more" and context.kind == "stretch" and context.stretch in kb.stretches:
            return say.stretch_details(kb.stretches[context.stretch], context)
        if topic and topic in kb.topics and topic != GENERAL:
            return say.stretch_for_topic(topic, context, confidence=conf)
        area = self._stretch_area(context) if key == "another" else None
        if area is not None:  # "kk next" after how long to hold the stretch on screen
            return say.stretch_for_topic(area, context, confidence=conf)
        first = self._first_stretch_of_the_goal(context)
        if first is not None:  # "give me a stretch for it" after touching the toes
            return first
        return say.which_area(Match("none", key, None, 0.0), context)


#: words that add to what was asked before ("calf one too?", "hips as well")
_ALSO = frozenset({"too", "also", "as", "aswell"})


def _ends_with_the_rest(
    pieces: Sequence[tuple[int, int]],
) -> Iterator[tuple[tuple[int, int], list[tuple[int, int]]]]:
    """The first and the last of a message's pieces, each with the others: for the readings
    of a message whose one end asks and whose rest only tells."""
    for at in (0, len(pieces) - 1):
        yield pieces[at], [p for i, p in enumerate(pieces) if i != at]


def _with_spans(analysis: Analysis, kept: tuple[tuple[int, int, str], ...]) -> Analysis:
    """`analysis` read with only the area spans `kept` (the others' words read as words)."""
    words, topics = with_topic_tokens(analysis.canonical, kept)
    return replace(analysis, words=tuple(words), topics=tuple(topics), spans=kept)
