"""Reply building: the wording and buttons of every kind of reply, from knowledge-base records.

`Replies` turns a decision of the brain ("the calves stretch", "step 3 of the cooldown") into
a `Reply`: its blocks, its buttons and the context the next message starts from. It decides
nothing about what a message means; `bot.brain` does that and calls one method here.

Contexts are updated with `dataclasses.replace`, so a field added to `Context` is carried over
by every reply without touching this module.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace

from bot import actions as act
from bot.actions import button
from bot.kb import GENERAL, KnowledgeBase, Routine, RoutineStep, Stretch, paragraphs
from bot.reply import LIMITS, Action, Block, Context, Limit, Plan, Reply, with_lead
from bot.sizing import (
    LIMIT_TAGS,
    MAX_STEP_SECONDS,
    MIN_STEP_SECONDS,
    Sized,
    Sizer,
    resized,
    skip_tag,
)
from bot.timer import Hold, View, one_sided
from bot.understanding import Match

#: the kinds of reply a talk about stretching is in: small talk in the middle keeps them
_TALK_KINDS = frozenset({"answer", "stretch", "routine", "tip"})
#: small talk that closes on a red flag ("ok thanks"): no offer of tips or a cool-down, only a
#: word to get it checked
_AFTER_A_FLAG = frozenset({"thanks", "goodbye", "acknowledge"})
AFTER_A_FLAG_LINE = "Take care, and please do get it checked as I said. I'm here when you're ready."
#: a groan in emoji alone ("😩") in a conversation
GROAN_LINE = (
    "That bad? Ask me for an easier one, a shorter routine, or tell me where it's tight and "
    "I'll find something for it."
)
#: after a red flag, a message that says care is on its way ("calling now", "ok going to a&e")
GETTING_CARE_LINE = (
    "Good, that's the right call. Tell them what you told me and when it started. If it gets "
    "worse while you wait, call your local emergency number. I'm here when you're ready."
)

ASPECT_ORDER = ("what", "why_tight", "when")
ASPECT_LABELS = {
    "what": "What is it?",
    "why_tight": "Why does it get tight?",
    "when": "When should I stretch it?",
}

# Content the code points at by id. The loader requires each of them (`REQUIRED_ROUTINES`,
# `REQUIRED_TOPICS` with their answers), so an edit that removes one fails `stretchbot check`.

#: the routine behind every "Cooldown routine" button, and the one a lone stretch is guided in
COOLDOWN = "cooldown"
#: the /start buttons: a routine for after exercise, one for the desk, and the question the
#: bot is best known for
WELCOME_ROUTINE = "desk_break"
WELCOME_QUESTION = ("psoas", "why_tight")
#: "more" after a general answer (how long to hold, how often) shows a stretch to try it on
GENERAL_MORE_TOPIC = "hamstrings"
#: the not-sure replies: about an area the message named, with guesses, or with nothing to go on
NOT_SURE_TOPIC_LEAD = "I'm not sure what you'd like to know. Is this about your {name}?"
NOT_SURE_LEAD = "Sorry, I'm not sure what you mean. Did you mean one of these?"
#: below this confidence a message's candidates are no guess worth offering
GUESS_MIN_CONFIDENCE = 0.35
#: what a look-alike's candidates may offer
GUESS_KINDS_FOR_LOOK_ALIKES = frozenset({"routine", "aspect"})
#: the lead of a red flag told again, to someone who asked to stretch on after it
STRETCH_AFTER_A_RED_FLAG = (
    "Not yet, please: hold off stretching until this has been checked. What I said still stands:"
)


def tell_care_line(told: Sequence[str]) -> str:
    """The line under a red flag that asks the person to tell care what they told the bot:
    "When you get help, tell them you are pregnant and you have had a hip replacement: it
    changes what they look for." """
    said = told[0] if len(told) == 1 else ", ".join(told[:-1]) + " and " + told[-1]
    return f"When you get help, tell them {said}: it changes what they look for."


#: everyday things a stretch's steps may use, named when someone asks what a routine needs
ROUTINE_PROPS = ("towel", "strap", "belt", "chair", "wall", "table", "cushion", "doorway")
#: routines for the same kind of need, in the order "another one" goes through them after
#: one that has no family of its own (no other bedtime routine: the next everyday one)
RELATED_ROUTINES = (
    ("full_body", "morning", "desk_break", "bedtime", "legs"),
    ("road_trip", "long_flight"),
    ("splits", "toe_touch"),
)
#: ... said first, so the person knows why the routine changed, or why it did not
ONLY_ONE_LEAD = "“{title}” is the only one of its kind I have. Here is another you could try."
NO_OTHER_LEAD = (
    "“{title}” is the only routine I have for that. Ask for “shorter” or “longer”, or name "
    "an area for a routine built around it."
)
#: ... for a message about stretching that gives nothing to guess from
NOT_SURE_STRETCHING_LEAD = (
    "Sorry, I'm not sure what you're asking about stretching. I can say why a muscle feels "
    "tight, show a stretch step by step, give a routine, or answer questions such as how long "
    "to hold a stretch or whether to stretch before exercise."
)
CANNOT_HELP_LEAD = (
    "Sorry, I can't help with that. I know about stretching: why a muscle feels tight, "
    "stretches with steps, routines and daily tips."
)
NOT_THAT_AREA_LEAD = (
    "OK. Tell me in a few words which muscle or area, or what you'd like: a stretch, a routine "
    "or a tip. Or pick one below."
)
#: the intent a conversation remembers after "Is this about your calves?"
ASKED_ABOUT_AREA = "fallback.area"


def after_a_miss(context: Context, topic: str | None = None) -> Context:
    """What a conversation remembers after a message not understood: what it remembered
    before, so that "other side?" after a miss is still the stretch on screen's other side;
    with an area asked about ("Is this about your calves?"), that area, so that "yes",
    "stretch pls" or "why" next is about it."""
    kind = context.kind or "fallback"
    if topic is not None:
        return replace(context, kind=kind, intent=ASKED_ABOUT_AREA, topic=topic)
    if context.kind is None:
        return replace(context, kind=kind, intent="fallback")
    return context


WHICH_AREA_LEAD = (
    "Which muscle or area do you mean? Tell me, for example “my hamstrings”, or pick one below."
)
#: "I understand English only", in the person's language, with where to turn in an emergency
OTHER_LANGUAGES = {
    "es": "Lo siento, por ahora solo entiendo inglés. ¿Me lo escribes en inglés? Por ejemplo: "
    "“why are my hamstrings tight?”. Si es una urgencia médica, llama al número de "
    "emergencias de tu país (112 en Europa).",
    "de": "Entschuldige, ich verstehe bisher nur Englisch. Schreibst du mir auf Englisch? Zum "
    "Beispiel: „why are my hamstrings tight?“. Bei einem medizinischen Notfall ruf die "
    "Notrufnummer deines Landes an (112 in Europa).",
    "fr": "Désolé, pour l’instant je ne comprends que l’anglais. Tu peux me l’écrire en "
    "anglais ? Par exemple : « why are my hamstrings tight? ». En cas d’urgence médicale, "
    "appelle le numéro d’urgence de ton pays (112 en Europe).",
    "it": "Mi dispiace, per ora capisco solo l’inglese. Me lo scrivi in inglese? Per esempio: "
    "“why are my hamstrings tight?”. In caso di emergenza medica, chiama il numero di "
    "emergenza del tuo paese (112 in Europa).",
    "nl": "Sorry, ik begrijp voorlopig alleen Engels. Kun je het in het Engels schrijven? "
    "Bijvoorbeeld: “why are my hamstrings tight?”. Bij een medisch noodgeval bel je het "
    "alarmnummer van je land (112 in Europa).",
    "pl": "Przepraszam, na razie rozumiem tylko angielski. Czy możesz napisać po angielsku? "
    "Na przykład: „why are my hamstrings tight?”. W nagłym wypadku medycznym zadzwoń pod "
    "numer alarmowy w swoim kraju (112 w Europie).",
    "pt": "Desculpe, por enquanto só entendo inglês. Pode escrever em inglês? Por exemplo: "
    "“why are my hamstrings tight?”. Numa emergência médica, ligue para o número de "
    "emergência do seu país (112 na Europa, 192 no Brasil).",
}
#: the stretch card's button to what a phone screen leaves out
MORE_LABEL = "More: cautions, feel, variations"
#: a caution that sends someone to care the same day stays on a phone card
URGENT_CAUTION = re.compile(r"\b(?:same day|emergency|straight away)\b", re.IGNORECASE)
#: a sized routine's title after the routine's own
SIZE_TITLES = {"short": " (short version)", "standard": "", "long": " (long version)"}
#: when a routine for one area is best done
AREA_WHEN = (
    "Best when you are warm, after a few minutes of walking or at the end of a workout. "
    "Moving stretches come first, then held ones; standing or seated before the floor."
)
#: each limit as the person would say it
LIMIT_NAMES: dict[Limit, str] = {
    "chair": "chair only",
    "easier": "easier",
    "no_floor": "no floor",
    "no_kneeling": "no kneeling",
    "no_balance": "no balancing",
    "standing": "standing only",
}
#: what each limit leaves out, worded by exactly the caution tags `bot.sizing.LIMIT_TAGS` gives
#: it, so the overview promises no more than the tags hold
LEAVES_OUT: dict[Limit, str] = {
    "chair": "everything done standing, on the floor, kneeling, or lying on your back or front",
    "no_floor": "everything done on the floor or lying on your back or front",
    "no_kneeling": "everything with your weight on a knee",
    "no_balance": "everything done on one leg or in an unsteady position",
    "standing": "everything done on the floor, kneeling, or lying on your back or front",
}
#: what each limit means, said in the overview
LIMIT_WORDS: dict[Limit, str] = {
    **{
        limit: f"{LIMIT_NAMES[limit].capitalize()}: I've left out {leaves_out}."
        for limit, leaves_out in LEAVES_OUT.items()
    },
    "easier": "Easier: each stretch shows its easier version where it has one.",
}
LIMIT_WORDS["standing"] = LIMIT_WORDS["standing"][:-1] + " (a few stretches use a chair)."
#: how step times changed, in the overview
HOLDS_WORDS = {
    "longer": f"Holds are longer, up to {MAX_STEP_SECONDS['static'] // 60} minutes a stretch.",
    "shorter": f"Holds are shorter, at least {MIN_STEP_SECONDS} s a stretch.",
}
ROUNDS_WORDS = {2: "twice", 3: "three times"}
#: routines offered when nothing fits a plan: the desk break fits most limits, then the cooldown
FITTING_ROUTINES = (WELCOME_ROUTINE, COOLDOWN)
DAILY_TEXTS = {
    "on": "Happy to send you one stretch tip a day. On Telegram, send /daily on (or /daily on "
    "07:30 Europe/London to pick the time and zone).",
    "off": "To stop the daily tips, send /daily off on Telegram. You can start them again any "
    "time.",
    "status": "Daily tips: one short stretch tip a day, at a time you choose. On Telegram, send "
    "/daily to see or change yours.",
}


#: the longest label of a button made from a reply's title
BUTTON_LABEL_MAX = 40


class Replies:
    """Builds every reply from one knowledge base."""

    def __init__(
        self, kb: KnowledgeBase, general_routines: Mapping[str, str] | None = None
    ) -> None:
        """`general_routines`: the routine made for each general answer that has one (the
        toe-touch routine for touching the toes), offered under that answer."""
        self.kb = kb
        self._general_routines = {
            aspect: rid for aspect, rid in (general_routines or {}).items() if rid in kb.routines
        }
        self.sizer = Sizer(kb)
        self._condition_patterns: dict[str, re.Pattern[str]] = {}
        self.cooldown_button = button("Cooldown routine", act.ShowRoutine(Plan(COOLDOWN)))
        self.tip_button = button("A tip", act.NextTip())
        #: the way in when a message gave nothing to go on
        self.menus = (
            button("Show topics", act.Menu("topics")),
            button("Routines", act.Menu("routines")),
        )

    # ------------------------------------------------------------------ help and menus

    def welcome(self) -> Reply:
        """The /start message."""
        blocks = (
            Block("title", "Hi, I'm StretchBot 🧘"),
            Block(
                "para",
                "Ask me why a muscle feels tight, how to stretch it, or for a routine: a "
                "cooldown after a run, a warm-up, a desk break. I can also send you one "
                "stretch tip a day.",
            ),
            Block(
                "para", "Anything that sounds like an injury or an emergency, I send to real care."
            ),
        )
        actions = (
            self.cooldown_button,
            button("Desk break", act.ShowRoutine(Plan(WELCOME_ROUTINE))),
            button("Why is my psoas tight?", act.ShowAnswer(*WELCOME_QUESTION)),
            button("Daily tips", act.DailyInfo("status")),
        )
        return Reply("help", "help.start", blocks, confidence=1.0, actions=actions)

    def help(self, context: Context) -> Reply:
        """What the bot can do, with examples."""
        names = ", ".join(name.lower() for _id, name in self.kb.muscle_topics())
        blocks = (
            Block("title", "What I can do"),
            Block(
                "bullets",
                items=(
                    "Explain a muscle: “why is my psoas tight?”, “what are the hamstrings?”",
                    "Show a stretch with steps: “how do I stretch my calves?”",
                    "Give a routine: “cooldown after running”, “desk break”, “bedtime stretches”",
                    "Fit a routine to your time and space: “I have 10 minutes”, “5 minutes for "
                    "my neck”, “no kneeling”, “chair only”",
                    "Answer stretching questions: “how long should I hold a stretch?”",
                    "Share a tip now, or one a day if you sign up for daily tips",
                ),
            ),
            Block("para", f"Areas I know: {names}."),
            Block(
                "para",
                "Follow-ups work too: “how do I stretch it?”, “another one”, and after a "
                "routine “shorter”, “longer” or “easier”.",
            ),
        )
        return Reply(
            "help",
            "help",
            blocks,
            actions=(
                button("Show topics", act.Menu("topics")),
                self.cooldown_button,
                self.tip_button,
            ),
            context=replace(context, kind="help", intent="help"),
        )

    def about(self) -> Reply:
        """What the bot is, where its knowledge comes from, and the full disclaimer."""
        sources = sorted(
            {s.split(":", 1)[0].strip() for entry in self.kb.sourced() for s in entry.sources}
        )
        blocks = (
            Block("title", "About StretchBot"),
            Block(
                "para",
                "A stretch assistant built by the StretchBot team. Its knowledge base is written "
                "in our own words from reputable health sources, and every entry names its "
                "sources.",
            ),
            Block("para", "Sources include: " + ", ".join(sources[:25]) + "."),
            Block("warning", self.kb.disclaimer.full),
        )
        return Reply("help", "about", blocks)

    def menu(self, what: act.MenuName, context: Context) -> Reply:
        """A list of topics or routines, each a button."""
        if what == "topics":
            title, lead = "Areas I know", "Pick an area for a stretch, or ask me about it."
            buttons = tuple(
                button(name, act.TopicStretch(tid)) for tid, name in self.kb.muscle_topics()
            )
        else:
            title, lead = "Routines", "Pick a routine; each one can be followed step by step."
            buttons = tuple(
                button(t, act.ShowRoutine(Plan(rid))) for rid, t in self.kb.routine_titles()
            )
        blocks = (
            Block("title", title),
            Block("bullets", items=tuple(a.label for a in buttons)),
            Block("para", lead),
        )
        return Reply("help", what, blocks, actions=buttons, context=context)

    # ------------------------------------------------------------------ safety

    def red_flag(
        self,
        flag_id: str,
        conditions: tuple[str, ...] = (),
        symptoms: tuple[str, ...] = (),
        *,
        again: bool = False,
    ) -> Reply:
        """Stop, and where to get care, worded for the red flag's level (or its own lead);
        the footer under it is the level's own. The conversation starts afresh after it,
        keeping its conditions and what the message described. `again`: the person asked to stretch on after it
        ("should I just keep doing the stretch?"), and hears first that it has to wait."""
        flag = self.kb.red_flags[flag_id]
        level = self.kb.triage_levels[flag.level]
        # a condition told ("gave birth 10 days ago"): say it when getting care, it changes
        # what they look for
        told = [
            self.kb.conditions[c].tell_care
            for c in conditions
            if c in self.kb.conditions and self.kb.conditions[c].tell_care
        ]
        blocks = (
            Block("title", f"⚠️ {flag.title}"),
            *((Block("para", STRETCH_AFTER_A_RED_FLAG),) if again else ()),
            Block("warning", flag.lead or level.lead),
            *(Block("para", p) for p in paragraphs(flag.message)),
            *((Block("para", tell_care_line(told)),) if told else ()),
        )
        return Reply(
            "red_flag",
            f"red_flag.{flag.id}",
            blocks,
            context=Context(
                kind="red_flag",
                intent=f"red_flag.{flag.id}",
                conditions=conditions,
                symptoms=symptoms,  # a worse sign next ("and now I'm breathless") escalates
            ),
            disclaimer=level.footer,
        )

    def guide_stopped(self, context: Context) -> Reply:
        """A guided routine's button pressed after a red flag: the routine stays stopped."""
        blocks = (
            Block("title", "Routine stopped"),
            Block(
                "para",
                "I stopped the routine because of what you told me. Please get that checked "
                "first; the routine will still be here afterwards.",
            ),
        )
        return Reply("routine", "guide.stopped", blocks, context=context)

    # ------------------------------------------------------------------ conditions

    def condition(self, ids: Sequence[str], context: Context) -> Reply:
        """What changes with a condition (the first named), and its note for any others."""
        first, *others = (self.kb.conditions[c] for c in ids)
        blocks = [
            Block("title", first.title),
            *(Block("para", p) for p in paragraphs(first.advice)),
            *(Block("warning", other.note) for other in others),
            Block("para", "Sources: " + "; ".join(first.sources)),
        ]
        return Reply(
            "answer",
            f"condition.{first.id}",
            tuple(blocks),
            topic=None,
            actions=(self.cooldown_button, self.tip_button),
            context=replace(context, kind="answer", intent=f"condition.{first.id}"),
            conditions=tuple(ids),
        )

    def with_conditions(self, reply: Reply, ids: Sequence[str]) -> Reply:
        """`reply` with each condition's note on top: what was left out, and why."""
        notes = tuple(Block("warning", self.kb.conditions[c].note) for c in ids)
        return replace(reply, blocks=notes + reply.blocks, conditions=tuple(ids))

    def action_for(self, reply: Reply) -> Action | None:
        """A button that shows `reply` again: an answer, a stretch card or a routine, labelled
        with its title; None for any other kind."""
        title = next((b.text for b in reply.blocks if b.style == "title"), "")
        label = title if len(title) <= BUTTON_LABEL_MAX else title[: BUTTON_LABEL_MAX - 1] + "…"
        topic, _, aspect = reply.intent.partition(".")
        if reply.kind == "answer" and (topic, aspect) in self.kb.answers:
            return button(label, act.ShowAnswer(topic, aspect))
        if reply.kind == "stretch" and reply.context.stretch in self.kb.stretches:
            return button(label, act.ShowStretch(reply.context.stretch))
        if reply.kind == "routine" and reply.context.plan is not None:
            return button(label, act.ShowRoutine(reply.context.plan))
        return None

    def avoided(self, context: Context) -> frozenset[str]:
        """The caution tags the conversation's conditions rule out, and the tags of the
        stretches the person asked to leave out (`skip_tag`)."""
        return frozenset(
            tag for c in context.conditions for tag in self.kb.conditions[c].avoid
        ) | frozenset(skip_tag(s) for s in context.skipped)

    def refers(self, topic: str | None, context: Context) -> str | None:
        """A condition of the conversation that sends stretches of `topic` to a professional."""
        for c in context.conditions:
            if topic in self.kb.conditions[c].refer_topics:
                return c
        return None

    # ------------------------------------------------------------------ answers and stretches

    def general_routine(self, aspect: str) -> str | None:
        """The routine made for the general answer `aspect` (offered under it), or None."""
        return self._general_routines.get(aspect)

    def answer(
        self, topic: str, aspect: str, context: Context, *, confidence: float = 1.0
    ) -> Reply:
        """An answer about a topic (what, why tight, when) or a general question."""
        answer = self.kb.answers[(topic, aspect)]
        blocks = [Block("title", answer.title), *(Block("para", p) for p in answer.paragraphs)]
        buttons: list[Action] = []
        if topic != GENERAL:
            blocks.append(Block("meta", "Want the stretch? Ask “how do I stretch it?”"))
            buttons.append(button("Show me the stretch", act.TopicStretch(topic)))
            for other in ASPECT_ORDER:
                if other != aspect and (topic, other) in self.kb.answers and len(buttons) < 3:
                    buttons.append(button(ASPECT_LABELS[other], act.ShowAnswer(topic, other)))
        elif (rid := self.general_routine(aspect)) is not None:
            # its own routine ("Working towards touching your toes"), not a cool-down
            buttons.append(button(self.kb.routines[rid].title, act.ShowRoutine(Plan(rid))))
        else:
            buttons.append(self.cooldown_button)
        intent = f"{topic}.{aspect}"
        return Reply(
            "answer",
            intent,
            tuple(blocks),
            topic=topic,
            confidence=confidence,
            actions=tuple(buttons),
            context=replace(context, topic=topic, kind="answer", intent=intent, seen=()),
        )

    def sources_of(self, reply: Reply, sources: Sequence[str]) -> Reply:
        """`reply` again (an answer or a routine), led by where it comes from and closed by
        its sources, for "source?" or "says who?" after it."""
        if not sources:
            return reply
        blocks = (
            Block("meta", "Where this comes from: the sources are listed at the end."),
            *reply.blocks,
            Block("para", "Sources: " + "; ".join(sources)),
        )
        return replace(reply, blocks=blocks)

    def relief(self, topic: str, context: Context) -> Reply:
        """The area's stretch for a complaint that asks nothing, with why the area gets tight
        one tap away (the answer a question about it gets)."""
        reply = self.stretch_for_topic(topic, context)
        if reply.kind != "stretch" or (topic, "why_tight") not in self.kb.answers:
            return reply
        why = button(ASPECT_LABELS["why_tight"], act.ShowAnswer(topic, "why_tight"))
        return replace(reply, actions=(*reply.actions, why))

    def stretch_for_topic(
        self, topic: str, context: Context, *, confidence: float = 1.0, intent: str | None = None
    ) -> Reply:
        """The first stretch for `topic` not yet shown in this conversation, of those that suit
        its conditions and, where any does, its limits ("no kneeling")."""
        avoided = self.avoided(context)
        options = tuple(
            s for s in self.kb.stretches_for(topic) if not avoided.intersection(s.caution_tags)
        )
        if not options:
            # every stretch left out by a condition: what changes with it; none at all (the
            # general topic): which area
            if context.conditions:
                return self.condition(context.conditions, context)
            return self.which_area(Match("none", "nothing", None, 0.0), context)
        limited = frozenset().union(*(LIMIT_TAGS[limit] for limit in context.limits))
        fitting = tuple(s for s in options if not limited.intersection(s.caution_tags))
        seen = context.seen if context.topic == topic else ()
        fresh = [s for s in fitting or options if s.id not in seen]
        if not fresh:  # every stretch shown: start again from the first
            fresh, seen = list(fitting or options), ()
        reply = self.stretch(
            fresh[0], topic, context, confidence=confidence, seen=seen, intent=intent
        )
        if fitting or not limited:
            return reply
        asked = _limits_named(context.limits)
        name = self.kb.topic_name(topic).lower()
        return with_lead(
            reply,
            f"None of my stretches for the {name} fits “{asked}”. Here is the first one "
            "anyway: skip it if it does not suit you.",
        )

    def another_stretch(self, topic: str, after: str, context: Context) -> Reply:
        """The "Another stretch" button: the next stretch for `topic` after `after`."""
        seen = tuple(s for s in (*context.seen, after) if s in self.kb.stretches)
        return self.stretch_for_topic(topic, Context(topic=topic, seen=seen))

    def stretch(
        self,
        stretch: Stretch,
        topic: str,
        context: Context,
        *,
        confidence: float = 1.0,
        seen: tuple[str, ...] = (),
        intent: str | None = None,
    ) -> Reply:
        """A stretch card with its picture: what to do first (name, targets, hold, steps), then
        how it should feel, its cautions and its variants.

        On a phone the card is kept to what to do: the rest is marked `detail` and sits behind
        the "More" button (`stretch_details`). Two kinds of caution are never folded away and
        stay on the card as warnings under the steps: one about a condition this conversation
        has named (a hip replacement, pregnancy), and one that sends someone to care the same
        day (a swollen, red calf)."""
        names = ", ".join(self.kb.topic_name(t) for t in stretch.topics)
        hold = (
            f"Hold {stretch.hold_seconds} s"
            if stretch.type == "static"
            else f"Moving, about {stretch.hold_seconds} s a set"
        )
        kept = self.kept_cautions(stretch, context.conditions)
        others = tuple(c for c in stretch.cautions if c not in kept)
        blocks = [
            Block("title", stretch.name),
            Block("meta", f"Targets: {names} · {hold} · {stretch.repetitions}"),
            Block("steps", items=stretch.steps),
            *(Block("warning", caution) for caution in kept),
            Block("para", f"What you should feel: {stretch.feel}", detail=True),
        ]
        if others:
            blocks.append(Block("bullets", "Take care", others, detail=True))
        if stretch.easier:
            blocks.append(Block("para", f"Easier: {stretch.easier}", detail=True))
        if stretch.harder:
            blocks.append(Block("para", f"Harder: {stretch.harder}", detail=True))
        routine = self.kb.routine_with(stretch.id) or COOLDOWN
        buttons = (
            button(MORE_LABEL, act.StretchMore(stretch.id)),
            button("Another stretch", act.AnotherStretch(topic, stretch.id)),
            button("Start a routine", act.GuideStep(Plan(routine, limits=context.limits), 0)),
        )
        intent = intent or f"{topic}.stretch"
        return Reply(
            "stretch",
            intent,
            tuple(blocks),
            topic=topic,
            stretches=(stretch.id,),
            confidence=confidence,
            actions=buttons,
            context=replace(
                context,
                topic=topic,
                kind="stretch",
                intent=intent,
                stretch=stretch.id,
                seen=(*seen, stretch.id),
            ),
            picture=stretch.id if stretch.pose is not None else None,
        )

    def kept_cautions(self, stretch: Stretch, conditions: Sequence[str]) -> tuple[str, ...]:
        """The cautions a phone card keeps in view: those that speak of one of `conditions`
        (by the condition's own terms: "After a hip replacement, ..." for someone who said
        they have a new hip), and those that send someone to care the same day."""
        patterns = [self._condition_pattern(c) for c in conditions if c in self.kb.conditions]
        return tuple(
            c
            for c in stretch.cautions
            if URGENT_CAUTION.search(c) or any(p.search(c.lower()) for p in patterns)
        )

    def _condition_pattern(self, condition: str) -> re.Pattern[str]:
        found = self._condition_patterns.get(condition)
        if found is None:
            terms = sorted(self.kb.conditions[condition].terms, key=len, reverse=True)
            words = [re.escape(t[:-1]) + r"\w*" if t.endswith("*") else re.escape(t) for t in terms]
            found = re.compile(r"\b(?:" + "|".join(words) + r")\b")
            self._condition_patterns[condition] = found
        return found

    def other_side(self, stretch: Stretch, context: Context) -> Reply:
        """The same stretch on the other side ("now the other leg?"); for one that works both
        sides together (cobra pose, the butterfly), that there is none to swap to."""
        if not _one_side_at_a_time(stretch):
            note = (
                "This one works both sides together, so there is no other side to do: "
                f"repeat it as the card says ({stretch.repetitions.lower()})."
            )
            return self._steps_again(stretch, "other_side", "both sides at once", note, context)
        note = "Same steps with the other leg or arm, held just as long."
        return self._steps_again(stretch, "other_side", "the other side", note, context)

    def one_side(self, stretch: Stretch, side: str | None, context: Context) -> Reply:
        """The same stretch for one side only ("left side only btw")."""
        where = f"your {side} side" if side else "the side that needs it"
        note = f"Then do it on {where} only: same steps, held just as long."
        return self._steps_again(stretch, "one_side", "one side", note, context)

    def _steps_again(
        self, stretch: Stretch, move: str, heading: str, note: str, context: Context
    ) -> Reply:
        """The stretch's steps again under "<name>: `heading`", with one line of `note`."""
        blocks = (
            Block("title", f"{stretch.name}: {heading}"),
            Block("para", note),
            Block("steps", items=stretch.steps),
        )
        return self._stretch_follow_up(stretch, move, blocks, context)

    def stretch_that_fits(self, stretch: Stretch, topic: str, context: Context) -> Reply:
        """The stretch on screen again, for a limit it already keeps to ("can't lie on the
        floor at work, standing version?" after a standing stretch)."""
        asked = _limits_named(context.limits)
        reply = self.stretch(stretch, topic, context)
        return with_lead(reply, f"This one already fits “{asked}”.")

    def limited_stretch(self, topic: str, context: Context) -> Reply:
        """Another stretch for `topic` that keeps to the conversation's limits, led by them:
        the easier ask was "kneeling hurts my knees", so the kneeling card gives way."""
        reply = self.stretch_for_topic(topic, context)
        limited = frozenset().union(*(LIMIT_TAGS[limit] for limit in context.limits))
        shown = self.kb.stretches.get(reply.stretches[0]) if reply.stretches else None
        if shown is None or limited.intersection(shown.caution_tags):
            return reply  # nothing fits: stretch_for_topic has said so
        asked = _limits_named(context.limits)
        return with_lead(reply, f"Here is one that fits “{asked}”.")

    def variant(self, stretch: Stretch, which: str, context: Context) -> Reply:
        """The card's easier or harder version; a stretch without one moves on to another
        stretch for the same area, and says so."""
        text = stretch.easier if which == "easier" else stretch.harder
        topic = card_topic(stretch, context)
        if not text:
            reply = self.stretch_for_topic(topic, context)
            return with_lead(
                reply, f"The {stretch.name.lower()} has no {which} version, so here is another."
            )
        blocks = (Block("title", f"{stretch.name}, {which}"), Block("para", text))
        return self._stretch_follow_up(stretch, which, blocks, context)

    def _stretch_follow_up(
        self, stretch: Stretch, move: str, blocks: tuple[Block, ...], context: Context
    ) -> Reply:
        topic = card_topic(stretch, context)
        return Reply(
            "stretch",
            f"stretch.{stretch.id}.{move}",
            blocks,
            topic=topic,
            stretches=(stretch.id,),
            actions=(button("Another stretch", act.AnotherStretch(topic, stretch.id)),),
            context=replace(
                context,
                topic=topic,
                kind="stretch",
                intent=f"stretch.{stretch.id}",
                stretch=stretch.id,
                seen=context.seen if stretch.id in context.seen else (*context.seen, stretch.id),
            ),
        )

    def stretch_details(self, stretch: Stretch, context: Context) -> Reply:
        """ "More" on a stretch card: how it should feel, every caution, the variations and
        the sources (what the phone card keeps one tap away)."""
        items = []
        if stretch.easier:
            items.append(f"Easier: {stretch.easier}")
        if stretch.harder:
            items.append(f"Harder: {stretch.harder}")
        blocks = (
            Block("title", f"More on the {stretch.name.lower()}"),
            Block("para", f"What you should feel: {stretch.feel}"),
            Block("bullets", "Take care", stretch.cautions),
            Block("bullets", "Variations", tuple(items) or ("No variations for this one.",)),
            Block("para", "Sources: " + "; ".join(stretch.sources)),
        )
        # from an older card, "Another stretch" follows that card's area
        topic = context.topic if context.stretch == stretch.id and context.topic else None
        topic = topic or stretch.topics[0]
        return Reply(
            "stretch",
            f"stretch.{stretch.id}.more",
            blocks,
            topic=topic,
            stretches=(stretch.id,),
            actions=(button("Another stretch", act.AnotherStretch(topic, stretch.id)),),
            context=context,
        )

    def hold_asked(self, stretch: Stretch, context: Context) -> Reply:
        """How long to hold, asked about the stretch on screen ("can i hold it longer than
        that?"): the general answer, led by what this card says."""
        if stretch.type == "static":
            lead = (
                f"The {stretch.name.lower()} card says about {stretch.hold_seconds} seconds, "
                f"{stretch.repetitions}. How long holds can go:"
            )
        else:
            lead = (
                f"The {stretch.name.lower()} keeps moving rather than holding still: about "
                f"{stretch.hold_seconds} seconds a set, {stretch.repetitions}. For stretches "
                "you hold:"
            )
        return with_lead(self.answer(GENERAL, "how_long", context), lead)

    # ------------------------------------------------------------------ routines

    def routine(self, routine: Routine, context: Context, *, confidence: float = 1.0) -> Reply:
        """A routine's overview at its standard size, within the limits the person set."""
        plan = Plan(routine.id, limits=context.limits)
        return self.sized_routine(plan, context, confidence=confidence)

    def sized_routine(
        self,
        plan: Plan,
        context: Context,
        *,
        confidence: float = 1.0,
        leads: Sequence[str] = (),
    ) -> Reply:
        """A routine's overview as `plan` sizes and limits it: its stretches and times, the
        length in minutes, what was changed and why, and buttons to be guided through exactly
        these steps or to make it shorter or longer (each carrying the plan).

        Stretches the conversation's conditions or the plan's limits rule out are left out
        and, where a stretch that fits exists, replaced; each stretch that some condition
        rules out says so ("Knee to chest: not with osteoporosis"). `leads` are lines shown
        first (why this base, a length out of range)."""
        sized = self.sizer.build(plan, self.avoided(context))
        if sized is None:
            return self.nothing_fits(plan, context)
        steps = sized.steps
        easier = "easier" in plan.limits
        items = tuple(self._step_line(s, easier) for s in steps)
        # a stretch replaced is told once, under "Changed for you" ("In place of ...")
        replaced = {old for old, _new in sized.replaced}
        left_out = tuple(self.kb.stretches[s].name for s in sized.left_out if s not in replaced)
        changes = self._changes(sized)
        cautions = self._routine_cautions(steps)
        blocks = tuple(
            b
            for b in (
                Block("title", self._plan_title(plan)),
                Block(
                    "meta",
                    f"{_stretches(len(steps))} · about {_minutes(sized.total_seconds)} in all",
                ),
                *(Block("para", lead) for lead in leads),
                Block("para", self._plan_when(plan)),
                Block("steps", items=items),
                Block("bullets", "Changed for you", changes) if changes else None,
                Block("bullets", "Left out for you", left_out) if left_out else None,
                Block("bullets", "Take care", cautions) if cautions else None,
                Block("para", "Move gently, breathe, and ease off if anything hurts."),
            )
            if b is not None
        )
        buttons = [
            _start_guided(plan),
            button("Step by step", act.GuideStep(plan, 0, manual=True)),
        ]
        for label, longer in (("Shorter", False), ("Longer", True)):
            other = resized(plan, longer=longer, total_seconds=sized.total_seconds)
            if other is not None:
                buttons.append(button(label, act.ShowRoutine(other)))
        intent = _plan_intent(plan)
        return Reply(
            "routine",
            intent,
            blocks,
            topic=plan.topic,
            routine=_routine_of(plan),
            stretches=tuple(s.stretch for s in steps),
            confidence=confidence,
            actions=tuple(buttons),
            context=replace(
                context,
                kind="routine",
                intent=intent,
                routine=_routine_of(plan),
                topic=plan.topic or context.topic,
                plan=plan,
                limits=plan.limits,
            ),
        )

    def plan_when(self, plan: Plan, context: Context) -> Reply:
        """When to do the routine on screen, asked after it ("when should i do it"): its own
        timing, with buttons to start it or see it again. The conversation stays on it."""
        intent = f"{_plan_intent(plan)}.when"
        blocks = (
            Block("title", f"When to do it: {self._plan_title(plan)}"),
            Block("para", self._plan_when(plan)),
        )
        return Reply(
            "routine",
            intent,
            blocks,
            topic=plan.topic,
            routine=_routine_of(plan),
            actions=(
                _start_guided(plan),
                button("Show the routine", act.ShowRoutine(plan)),
            ),
            context=context,
        )

    def steps_of(self, plan: Plan, context: Context) -> tuple[RoutineStep, ...]:
        """The steps `plan` builds in this conversation (its conditions): what the overview
        lists and the guide walks through; empty when nothing fits."""
        sized = self.sizer.build(plan, self.avoided(context))
        return sized.steps if sized is not None else ()

    def nothing_fits(self, plan: Plan, context: Context) -> Reply:
        """A plan whose conditions and limits leave no stretch at all: what rules them out, and
        what can be offered instead (a routine that does fit, the list of routines)."""
        if not plan.limits - {"easier"} and context.conditions:
            return self.condition(context.conditions, context)  # the conditions alone
        why = [
            f"“{LIMIT_NAMES[limit]}” leaves out {LEAVES_OUT[limit]}."
            for limit in LIMITS
            if limit in LEAVES_OUT and limit in plan.limits
        ]
        if context.conditions:
            names = _join([self.kb.conditions[c].name for c in context.conditions])
            why.append(f"Some stretches are not advised {names}.")
        offers = []
        for rid in FITTING_ROUTINES:
            other = Plan(rid, limits=plan.limits)
            if other.base == plan.base and not plan.area:
                continue  # the routine that did not fit
            if self.sizer.build(other, self.avoided(context)) is not None:
                offers.append(
                    button(f"{self.kb.routines[rid].title} instead", act.ShowRoutine(other))
                )
        title = self._plan_title(replace(plan, length="standard"))
        lead = f"Nothing in “{title}” or its areas fits what you asked for, so I have no routine to show."
        blocks = (
            Block("title", "Nothing fits"),
            Block("para", lead),
            Block("bullets", "Why", tuple(why)),
            Block("para", "Try another routine or area, or one of these:"),
        )
        return Reply(
            "routine",
            "routine.nothing_fits",
            blocks,
            actions=(*offers[:2], button("Routines", act.Menu("routines"))),
            context=replace(
                context,
                kind="routine",
                intent="routine.nothing_fits",
                plan=plan,
                limits=plan.limits,
            ),
        )

    def _step_line(self, step: RoutineStep, easier: bool) -> str:
        """One line of an overview: the stretch and its time, with its easier version when
        asked for."""
        stretch = self.kb.stretches[step.stretch]
        line = f"{stretch.name}: {_duration(step.seconds)}"
        return f"{line}. Easier: {stretch.easier}" if easier and stretch.easier else line

    def areas_named(self, plan: Plan) -> str:
        """The areas of an area plan as said: "neck", "neck and shoulders", "hip flexors,
        lower back and glutes"."""
        return _and_join([self.kb.topic_name(area).lower() for area in plan.areas])

    def spoken_areas(self, topics: Sequence[str]) -> str:
        """Areas as they read inside a sentence: "calves", "IT band and glutes"."""
        return _and_join([self.kb.spoken_name(t) for t in topics if t in self.kb.topics])

    def _plan_title(self, plan: Plan) -> str:
        if plan.area:
            title = f"A routine for your {self.areas_named(plan)}"
        else:
            title = self.kb.routines[plan.base].title
        if isinstance(plan.length, int):
            return f"{title} ({plan.length}-minute version)"
        return title + SIZE_TITLES[plan.length]

    def _plan_when(self, plan: Plan) -> str:
        if plan.area:
            return AREA_WHEN
        return self.kb.routines[plan.base].when

    def _changes(self, sized: Sized) -> tuple[str, ...]:
        """What was changed from the routine as written, in plain words, for the overview."""
        plan, kb = sized.plan, self.kb
        total, standard = _minutes(sized.total_seconds), _minutes(sized.standard_seconds)
        lines = []
        if plan.length in ("short", "long"):
            which = "Short" if plan.length == "short" else "Long"
            lines.append(f"{which} version: about {total} instead of {standard}.")
        elif isinstance(plan.length, int):
            usual = "" if plan.area else f" (the usual version is about {standard})"
            lines.append(f"Sized to about {plan.length} minutes{usual}.")
        if sized.target is not None and not sized.on_target:
            most = "long" if sized.total_seconds < sized.target else "short"
            lines.append(f"That is as {most} as I can make it from these stretches: about {total}.")
        if sized.dropped:
            lines.append("Left out to save time: " + _names(kb, sized.dropped) + ".")
        if sized.added:
            lines.append("Added for the same areas: " + _names(kb, sized.added) + ".")
        if sized.holds:
            lines.append(HOLDS_WORDS[sized.holds])
        if sized.rounds > 1:
            lines.append(f"Done {ROUNDS_WORDS.get(sized.rounds, f'{sized.rounds} times')} through.")
        lines.extend(LIMIT_WORDS[limit] for limit in LIMITS if limit in plan.limits)
        lines.extend(
            f"In place of {kb.stretches[old].name}: {kb.stretches[new].name}."
            for old, new in sized.replaced
        )
        return tuple(lines)

    def _routine_cautions(self, steps: Sequence[RoutineStep]) -> tuple[str, ...]:
        """For each stretch that a condition rules out: the conditions, in one line."""
        lines = []
        for step in dict.fromkeys(s.stretch for s in steps):
            stretch = self.kb.stretches[step]
            names = [
                c.name
                for c in self.kb.conditions.values()
                if set(c.avoid).intersection(stretch.caution_tags)
            ]
            if names:
                lines.append(f"{stretch.name}: not advised {_join(names)}")
        return tuple(dict.fromkeys(lines))

    def another_routine(self, plan: Plan, context: Context) -> Reply:
        """The next routine of the same family (cooldown → cooldown_running → ...), at the
        same size and with the same limits. A routine with no family of its own (the bedtime
        wind-down) says so and gives the next of its related ones (`RELATED_ROUTINES`), or says
        it is the only one, rather than the same one again without a word."""
        family = plan.base.split("_")[0]
        ids = [r for r in self.kb.routines if r.split("_")[0] == family] or list(self.kb.routines)
        leads: tuple[str, ...] = ()
        if ids == [plan.base]:
            # no family: the routines for the same kind of need, else none ("the only one")
            group = next((g for g in RELATED_ROUTINES if plan.base in g), (plan.base,))
            ids = [r for r in group if r in self.kb.routines]
            title = self.kb.routines[plan.base].title
            leads = ((ONLY_ONE_LEAD if len(ids) > 1 else NO_OTHER_LEAD).format(title=title),)
        nxt = ids[(ids.index(plan.base) + 1) % len(ids)] if plan.base in ids else ids[0]
        return self.sized_routine(replace(plan, base=nxt, area=False), context, leads=leads)

    def routine_length(self, plan: Plan, context: Context) -> Reply:
        """The routine of `plan` again, led by how long it takes and how to change that."""
        sized = self.sizer.build(plan, self.avoided(context))
        if sized is None:
            return self.sized_routine(plan, context)
        lead = (
            f"It takes about {_minutes(sized.total_seconds)}. Ask for “shorter” or “longer”, "
            "or tell me how many minutes you have."
        )
        return self.sized_routine(plan, context, leads=(lead,))

    def routine_needs(self, plan: Plan, context: Context) -> Reply:
        """The routine of `plan` again, led by what it needs: a mat when a step is done on the
        floor, a wall or a chair to hold when one asks for balance, else nothing at all."""
        steps = self.steps_of(plan, context)
        if not steps:
            return self.sized_routine(plan, context)
        stretches = self.kb.stretches
        on_floor = [s.stretch for s in steps if "floor" in stretches[s.stretch].caution_tags]
        balance = any("balance" in stretches[s.stretch].caution_tags for s in steps)
        if on_floor:
            names = ", ".join(stretches[sid].name.lower() for sid in dict.fromkeys(on_floor))
            lead = f"A mat, a rug or a carpet helps for the floor stretches ({names})."
        else:
            lead = "No mat needed: it is all done standing or sitting."
        if balance:
            lead += " Have a wall or a sturdy chair nearby to hold for balance."
        text = " ".join(
            " ".join(stretches[sid].steps).lower()
            for sid in dict.fromkeys(s.stretch for s in steps)
        )
        props = [p for p in ROUTINE_PROPS if re.search(rf"\b{p}s?\b", text)]
        lead += f" The steps also use: {', '.join(props)}." if props else " Nothing else is needed."
        return self.sized_routine(plan, context, leads=(lead,))

    def stretch_needs(self, stretch: Stretch, context: Context) -> Reply:
        """The stretch card again, led by what it needs: a mat when it is done on the floor, a
        wall or a chair to hold when it asks for balance, and what its steps use."""
        tags = stretch.caution_tags
        lead = (
            "A mat, a rug or a carpet helps: this one is done on the floor."
            if "floor" in tags
            else "No mat needed: this one is done standing or sitting."
        )
        if "balance" in tags:
            lead += " Have a wall or a sturdy chair nearby to hold for balance."
        text = " ".join(stretch.steps).lower()
        props = [p for p in ROUTINE_PROPS if re.search(rf"\b{p}s?\b", text)]
        lead += f" The steps also use: {', '.join(props)}." if props else " Nothing else is needed."
        topic = context.topic if context.topic in stretch.topics else stretch.topics[0]
        return with_lead(self.stretch(stretch, topic, context), lead)

    def resize(self, plan: Plan, longer: bool, context: Context) -> Reply:
        """The routine of `plan` one size longer or shorter; at the end of the range, the same
        routine and why it stays."""
        sized = self.sizer.build(plan, self.avoided(context))
        other = resized(plan, longer=longer, total_seconds=sized.total_seconds) if sized else None
        if other is not None:
            return self.sized_routine(other, context)
        which = "longest" if longer else "shortest"
        lead = f"This is the {which} version I make of it."
        return self.sized_routine(plan, context, leads=(lead,))

    # ------------------------------------------------------------------ guided routines

    def guide_holds(self, plan: Plan, context: Context) -> tuple[Hold, ...]:
        """The timed part of each step `plan` builds in this conversation: the step's time,
        and whether it is done side by side (`bot.timer.one_sided`); empty when nothing fits."""
        return tuple(
            Hold(step.seconds, one_sided(self.kb.stretches[step.stretch]))
            for step in self.steps_of(plan, context)
        )

    def guide_stop(
        self, context: Context, at: act.GuideStop | None = None, *, interrupted: bool = False
    ) -> Reply:
        """A guided routine stopped; at a step (`at`), with a button to resume it there.
        `interrupted`: the bot stopped it (a restart), not the person."""
        where = ""
        actions = [button("Routines", act.Menu("routines"))]
        plan = at.plan if at is not None else None
        if at is not None and plan is not None and self.sizer.can_build(plan):
            steps = self.steps_of(plan, context)
            if 0 <= at.step < len(steps):
                name = self.kb.stretches[steps[at.step].stretch].name
                where = f"step {at.step + 1} of {len(steps)} ({name})"
                resume = act.GuideStep(plan, at.step, at.manual)
                actions.insert(0, button("Resume ▶", resume))
        if interrupted:
            title, intent = "Your routine was interrupted", "guide.interrupted"
            text = (
                f"I had to restart while you were at {where}, so its timer stopped. Sorry "
                "about that. Resume ▶ carries on from the start of that step."
                if where
                else "I had to restart, so your routine's timer stopped. Sorry about that."
            )
        else:
            title, intent = "Routine stopped", "guide.stop"
            text = f"You stopped at {where}. " if where else ""
            text += "No problem. Pick it up again whenever you like."
        return Reply(
            "routine",
            intent,
            (Block("title", title), Block("para", text)),
            actions=tuple(actions),
            context=replace(context, kind="routine", intent=intent),
        )

    def guide_step(
        self,
        plan: Plan,
        i: int,
        context: Context,
        *,
        manual: bool = False,
        clock: View | None = None,
        paused: bool = False,
    ) -> Reply | None:
        """Step `i` of the routine `plan` builds (the same steps and times as its overview, in
        this conversation's conditions), or the finish one past the last step; None for a step
        the plan does not have (a stale or forged button).

        A step shows what to do, the stretch's key caution and, on Telegram, its timer
        (`clock`: the countdown, the switch-sides cue, the rest before it); its buttons follow
        the timer (Pause or Resume, Back, Next in manual mode, Stop). Without a clock (the
        terminal, `ask`) nothing counts, so Next comes first; `paused` shows the step paused
        with its whole time left."""
        sized = self.sizer.build(plan, self.avoided(context))
        if sized is None:
            return self.nothing_fits(plan, context)
        steps = sized.steps
        if i > len(steps):
            return None
        if i == len(steps):
            return self._guide_done(sized, context, manual)
        step = steps[i]
        stretch = self.kb.stretches[step.stretch]
        if clock is None and paused:
            sides = one_sided(stretch)
            clock = View(i, "hold", step.seconds, step.seconds, sides, paused=True, auto=not manual)
        blocks = [
            Block("title", f"{self._plan_title(plan)}: step {i + 1} of {len(steps)}"),
            Block("meta", f"{stretch.name} · {_duration(step.seconds)}"),
        ]
        if clock is not None:
            blocks.append(Block("timer", _clock_line(clock, stretch, last=i + 1 == len(steps))))
        blocks += [
            Block("steps", items=stretch.steps),
            Block("para", f"What you should feel: {stretch.feel}"),
            Block("warning", stretch.cautions[0]),
        ]
        if "easier" in plan.limits and stretch.easier:
            blocks.append(Block("para", f"Easier: {stretch.easier}"))
        return Reply(
            "routine",
            f"guide.{plan.base}.{i}",
            tuple(blocks),
            topic=plan.topic,
            routine=_routine_of(plan),
            stretches=(stretch.id,),
            actions=_guide_buttons(plan, i, len(steps), manual, clock),
            context=replace(
                context,
                kind="routine",
                intent=f"guide.{plan.base}",
                routine=_routine_of(plan),
                plan=plan,
                stretch=stretch.id,  # the step shown, for a typed "next" (`step_shown`)
            ),
            # the step changes every few seconds: one line of disclaimer is enough
            disclaimer=self.kb.disclaimer.line,
        )

    def step_shown(self, plan: Plan, context: Context) -> int | None:
        """The index of the step of `plan` the conversation last showed (its stretch), or
        None when it showed none of them."""
        sized = self.sizer.build(plan, self.avoided(context))
        if sized is None or context.stretch is None:
            return None
        ids = [step.stretch for step in sized.steps]
        return ids.index(context.stretch) if context.stretch in ids else None

    def routine_done(self, plan: Plan, context: Context) -> Reply | None:
        """ "Done" after a routine's overview: the well-done reply its last step leads to."""
        sized = self.sizer.build(plan, self.avoided(context))
        return None if sized is None else self._guide_done(sized, context, manual=True)

    def _guide_done(self, sized: Sized, context: Context, manual: bool = False) -> Reply:
        plan = sized.plan
        blocks = (
            Block("title", f"Well done! {self._plan_title(plan)} complete ✅"),
            Block(
                "para",
                f"That was {_stretches(len(sized.steps))}, about "
                f"{_minutes(sized.total_seconds)}. "
                "Drink some water and notice how you feel.",
            ),
        )
        return Reply(
            "routine",
            f"guide.{plan.base}.done",
            blocks,
            topic=plan.topic,
            routine=_routine_of(plan),
            stretches=tuple(s.stretch for s in sized.steps),
            actions=(
                button("Again ↺", act.GuideStep(plan, 0, manual)),
                button("Another routine", act.Menu("routines")),
                button("Daily tips", act.DailyInfo("status")),
            ),
            context=replace(
                context,
                kind="routine",
                intent="guide.done",
                routine=_routine_of(plan),
                plan=plan,
            ),
        )

    # ------------------------------------------------------------------ tips and daily

    def tip(
        self,
        text: str | None,
        context: Context,
        *,
        confidence: float = 1.0,
        topic: str | None = None,
        among: Sequence[int] = (),
    ) -> Reply:
        """A tip not yet seen in this conversation; which one follows from the message. With a
        `topic` ("a tip for my knees"), one of the tips about it, and "another" stays on it;
        with no topic, one of the tips at the places `among`, where there are any."""
        tips = self.kb.tips
        about = [i for i, t in enumerate(tips) if topic in t.topics] if topic else list(among)
        pool = about or list(range(len(tips)))
        seen = set(context.seen) if context.kind == "tip" else set()
        start = zlib.crc32((text or "").encode()) % len(pool) if text else len(seen) * 7
        for step in range(len(pool)):
            index = pool[(start + step) % len(pool)]
            if tips[index].id not in seen:
                break
        else:
            index, seen = pool[start % len(pool)], set()
        return self.tip_at(
            index, context, confidence=confidence, seen=tuple(seen), topic=topic if about else None
        )

    def tip_on_subject(self, key: str, text: str, context: Context) -> Reply | None:
        """One of the tips that give advice on the general question `key` ("a tip for my
        posture"), with the answer to it one tap away; None when no tip does."""
        among = [i for i, tip in enumerate(self.kb.tips) if key in tip.subjects]
        if not among or (GENERAL, key) not in self.kb.answers:
            return None
        reply = self.tip(text, context, among=among)
        more = button(self.kb.answers[(GENERAL, key)].title, act.ShowAnswer(GENERAL, key))
        return replace(reply, actions=(*reply.actions, more))

    def tip_at(
        self,
        index: int,
        context: Context,
        *,
        confidence: float = 1.0,
        seen: tuple[str, ...] = (),
        topic: str | None = None,
    ) -> Reply:
        """Tip number `index` (wrapping), as the daily tips send it; `topic` is the area the
        person asked tips about, kept for "another"."""
        tip = self.kb.tips[index % len(self.kb.tips)]
        blocks = (Block("title", "💡 Stretch tip"), Block("para", " ".join(tip.text.split())))
        buttons = [button("Another tip", act.NextTip())]
        if tip.stretch:
            buttons.insert(0, button("Show me the stretch", act.ShowStretch(tip.stretch)))
        return Reply(
            "tip",
            "tip",
            blocks,
            topic=tip.topic,
            stretches=(tip.stretch,) if tip.stretch else (),
            confidence=confidence,
            actions=tuple(buttons),
            # a tip asked about an area remembers it ("tip.knees"), so "another" stays on it
            context=replace(
                context,
                kind="tip",
                intent=f"tip.{topic}" if topic else "tip",
                seen=(*seen, tip.id),
                topic=topic or context.topic,
            ),
        )

    def daily(self, what: act.DailyWhat, context: Context, *, confidence: float = 1.0) -> Reply:
        """How to turn daily tips on or off (the brain has no store: Telegram does it)."""
        blocks = (Block("title", "Daily stretch tips"), Block("para", DAILY_TEXTS[what]))
        return Reply(
            "daily",
            f"daily.{what}",
            blocks,
            confidence=confidence,
            context=replace(context, kind="daily", intent=f"daily.{what}"),
        )

    def smalltalk(self, key: str, text: str, context: Context, *, confidence: float = 1.0) -> Reply:
        """A small-talk line; which one of the entry's replies follows from the message."""
        entry = self.kb.smalltalk[key]
        lines = entry.replies
        if context.kind == "daily":
            # "night!" just after the daily tips were set up: no offer of them again
            lines = tuple(line for line in lines if "daily" not in line.lower()) or lines
        line = lines[zlib.crc32(text.encode()) % len(lines)]
        actions: tuple[Action, ...] = (self.cooldown_button, self.tip_button)
        if context.kind == "red_flag" and key in _AFTER_A_FLAG:
            line, actions = AFTER_A_FLAG_LINE, ()  # "ok thanks" after a swollen calf's flag
        return Reply(
            "smalltalk",
            f"smalltalk.{key}",
            (Block("para", line),),
            confidence=confidence,
            actions=actions,
            context=self._after_smalltalk(context, key),
        )

    def getting_care(self, context: Context, *, thanked: bool = False) -> Reply:
        """After a red flag, the person says they are getting care ("calling now", "booked the
        GP"): a line that backs it, with no stretch or tip offered; a thank-you with it ("ok
        i'll call my doctor, thanks") is thanks."""
        return self._own_line("thanks" if thanked else "acknowledge", GETTING_CARE_LINE, context)

    def groan(self, context: Context) -> Reply:
        """A groan in emoji alone in a conversation ("😩", "😭"): taken as it is meant, with
        the way to something easier."""
        return self._own_line("acknowledge", GROAN_LINE, context)

    def _own_line(self, key: str, line: str, context: Context) -> Reply:
        """Small talk `key` said with a line of its own, and nothing offered under it."""
        return Reply(
            "smalltalk",
            f"smalltalk.{key}",
            (Block("para", line),),
            context=self._after_smalltalk(context, key),
        )

    @staticmethod
    def _after_smalltalk(context: Context, key: str) -> Context:
        """The conversation after a small-talk line. A line in the middle of a talk about
        stretching ("wait are you a real person" after a desk routine) keeps what the talk
        was about, so that "ok and my wrists?" next goes on from it; a greeting or goodbye
        ends it."""
        if context.kind in _TALK_KINDS and key not in ("greeting", "goodbye"):
            return context
        return replace(context, kind="smalltalk", intent=f"smalltalk.{key}")

    # ------------------------------------------------------------------ not understood

    def fallback(self, match: Match, context: Context, lead: str | None = None) -> Reply:
        """Not understood. With an area in the message, ask about it ("Is this about your
        calves?") with its why, stretch and routine; else offer what the message most likely
        meant; with nothing to go on, say what the bot knows and offer the menus. Suggestions
        come from the message, never from a fixed list."""
        guesses = self.suggestions(match)
        topic = self._topic_of(match)
        if lead is None:
            if topic is not None:
                lead = NOT_SURE_TOPIC_LEAD.format(name=self.kb.spoken_name(topic))
            else:
                lead = NOT_SURE_LEAD if guesses else CANNOT_HELP_LEAD
        return Reply(
            "fallback",
            "fallback",
            (Block("para", lead),),
            confidence=match.confidence,
            # with nothing to guess from the message, the way in: the menus
            suggestions=guesses or self.menus,
            context=after_a_miss(context, topic),
        )

    def which_area(self, match: Match, context: Context) -> Reply:
        """A follow-up ("how do I stretch it?") with no area to refer to."""
        return self.fallback(match, context, lead=WHICH_AREA_LEAD)

    def not_that_area(self, context: Context) -> Reply:
        """ "no" to "Is this about your calves?": what the bot can do, and the menus."""
        return Reply(
            "fallback",
            "fallback",
            (Block("para", NOT_THAT_AREA_LEAD),),
            suggestions=self.menus,
            context=replace(after_a_miss(context), topic=None),
        )

    def _topic_of(self, match: Match) -> str | None:
        """The area a not-understood message named, if any (not for a known look-alike)."""
        if match.kind == "out_of_scope" or not match.topics:
            return None
        topic = match.topics[0]
        return topic if topic in self.kb.topics and topic != GENERAL else None

    def suggestions(self, match: Match) -> tuple[Action, ...]:
        """Up to three "did you mean" buttons, all from the message: for an area it named,
        why it gets tight, a stretch and a routine with one; else the match's candidates."""
        topic = self._topic_of(match)
        if topic is not None:
            name = self.kb.spoken_name(topic)
            verb = "are" if self.kb.is_plural(topic) else "is"
            out = [
                button(f"Why {verb} my {name} tight?", act.ShowAnswer(topic, "why_tight")),
                button(f"Stretch my {name}", act.TopicStretch(topic)),
            ]
            stretches = self.kb.stretches_for(topic)
            routine = self.kb.routine_with(stretches[0].id) if stretches else None
            if routine is not None:
                out.append(button(self.kb.routines[routine].title, act.ShowRoutine(Plan(routine))))
            return tuple(out)
        if match.confidence < GUESS_MIN_CONFIDENCE:
            return ()  # "stretch my budget": nothing worth guessing
        # a look-alike ("my jeans are too tight") may still have meant a routine or an area's
        # question ("bedtime routine"); general questions would be guesses out of nowhere
        kinds = GUESS_KINDS_FOR_LOOK_ALIKES if match.kind == "out_of_scope" else None
        out = []
        for kind, key, guess in ((match.kind, match.key, match.topic), *match.alternatives):
            action = self._suggestion(kind, key, guess) if not kinds or kind in kinds else None
            if action and action not in out:
                out.append(action)
        return tuple(out[:3])

    def _suggestion(self, kind: str, key: str, topic: str | None) -> Action | None:
        kb = self.kb
        if kind == "aspect" and topic and topic in kb.topics and topic != GENERAL:
            name = kb.spoken_name(topic)
            if key == "stretch":
                return button(f"Stretch my {name}", act.TopicStretch(topic))
            if (topic, key) in kb.answers:
                return button(f"{ASPECT_LABELS.get(key, key)} ({name})", act.ShowAnswer(topic, key))
        if kind == "general" and (GENERAL, key) in kb.answers:
            return button(kb.answers[(GENERAL, key)].title, act.ShowAnswer(GENERAL, key))
        if kind == "routine" and key in kb.routines:
            return button(kb.routines[key].title, act.ShowRoutine(Plan(key)))
        if kind == "request" and key == "tip":
            return button("A stretch tip", act.NextTip())
        return None

    def empty(self, text: str, context: Context) -> Reply:
        """A message with no words to read: blank, or only emoji and punctuation."""
        note = "I read words best. " if text.strip() else "That message looks empty. "
        blocks = (
            Block(
                "para",
                note + "Ask me about a muscle, a stretch or a routine, for example “why is "
                "my psoas tight?”",
            ),
        )
        return Reply(
            "fallback",
            "fallback.empty",
            blocks,
            confidence=0.0,
            actions=self.menus,
            context=context,
        )

    def other_language(self, code: str | None, context: Context) -> Reply:
        """A message in another language: English only, said in that language (when it is one
        we can name, `code`) and in English."""
        english = "Sorry, I only understand English for now."
        if code is None:  # another script: English, with where to turn in an emergency
            english += (
                " Could you write it in English? If it is a medical emergency, call your local "
                "emergency number (112 in Europe, 911 in the US)."
            )
        blocks = (
            *((Block("para", OTHER_LANGUAGES[code]),) if code is not None else ()),
            Block("para", english),
        )
        return Reply("fallback", "fallback.language", blocks, confidence=0.0, context=context)

    def not_text(self, context: Context) -> Reply:
        """A sticker, a photo, or anything that is not a string."""
        return notice(
            "fallback.not_text",
            "I can only read text messages. Type a question, for example “how do I stretch "
            "my calves?”",
            context,
        )

    def stale(self, context: Context) -> Reply:
        """A button whose data no longer means anything (or never did)."""
        return notice(
            "stale",
            "That button has expired or I don't recognise it. Ask me again in your own "
            "words, or send /help.",
            context,
        )


def notice(intent: str, text: str, context: Context) -> Reply:
    """A one-paragraph fallback that leaves the conversation where it was."""
    return Reply("fallback", intent, (Block("para", text),), confidence=0.0, context=context)


def _limits_named(limits: Collection[Limit]) -> str:
    """The limits as the person would say them, in the order of LIMITS: "no floor or no
    kneeling"."""
    return _join([LIMIT_NAMES[limit] for limit in LIMITS if limit in limits])


def _and_join(names: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    *first, last = names
    return f"{', '.join(first)} and {last}" if first else last


def _join(names: Sequence[str]) -> str:
    """ "a", "a or b", "a, b or c"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _names(kb: KnowledgeBase, stretch_ids: Sequence[str]) -> str:
    """ "Calf stretch against a wall, Bent-knee calf stretch" for the overview's lines."""
    return ", ".join(kb.stretches[s].name for s in dict.fromkeys(stretch_ids))


def _plan_intent(plan: Plan) -> str:
    """`routine.<id>` for a routine, `routine.area.<topic>` for an area's routine."""
    return f"routine.area.{plan.base}" if plan.area else f"routine.{plan.base}"


def _duration(seconds: int) -> str:
    """ "45 s", "1 min", "1 min 30 s"."""
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return f"{rest} s"
    return f"{minutes} min" + (f" {rest} s" if rest else "")


def card_topic(stretch: Stretch, context: Context) -> str:
    """The area a follow-up to `stretch` is about: the conversation's when the stretch serves
    it, else the stretch's own first (after a general answer, the calf card's area is the
    calves)."""
    if context.topic in stretch.topics:
        return context.topic
    return stretch.topics[0]


def _routine_of(plan: Plan) -> str | None:
    """The routine id a plan's replies carry: its base, or none for a plan built for areas."""
    return None if plan.area else plan.base


def _start_guided(plan: Plan) -> Action:
    """The button that starts a plan's guided steps."""
    return button("Start guided ▶", act.GuideStep(plan, 0))


def _stretches(count: int) -> str:
    """ "1 stretch", "6 stretches"."""
    return "1 stretch" if count == 1 else f"{count} stretches"


#: words of a stretch's steps that say it is done one side at a time
_ONE_SIDE_STEPS = re.compile(r"\b(left|right|one leg|one arm|one foot|one hand|switch|swap)\b")


def _one_side_at_a_time(stretch: Stretch) -> bool:
    """Whether a stretch is done one side at a time: its repetitions are "on each side", or
    its steps name a side or a swap ("bring your right arm across")."""
    if "each" in stretch.repetitions:
        return True
    return _ONE_SIDE_STEPS.search(" ".join(stretch.steps).lower()) is not None


def _minutes(seconds: int) -> str:
    minutes = seconds / 60
    if minutes < 1.5:
        return "1 minute"
    return f"{int(minutes + 0.5)} minutes"  # halves up: 8.5 minutes is "about 9"


def _clock(seconds: int) -> str:
    """ "45 s", "1:05"."""
    if seconds < 60:
        return f"{seconds} s"
    return f"{seconds // 60}:{seconds % 60:02d}"


def _clock_line(clock: View, stretch: Stretch, *, last: bool) -> str:
    """A guided step's countdown line: the rest before it, the hold with its switch-sides
    cue, paused, or time's up."""
    left = _clock(clock.left)
    if clock.paused:
        return f"⏸ Paused · {left} left" if clock.phase == "hold" else "⏸ Paused"
    if clock.phase == "ready":
        what = "Get ready" if clock.step == 0 else "Rest"
        return f"⏳ {what}: this one starts in {left}"
    if clock.phase == "over":
        move = "Finish" if last else "Next"
        return f"✅ Time's up. Tap {move} when you're ready."
    doing = "Keep moving" if stretch.type == "dynamic" else "Hold"
    if clock.cue:
        return f"🔄 Switch sides now! {left} left"
    if clock.second_side:
        return f"⏱ Other side: {left} left"
    if clock.sides:
        return f"⏱ {doing}: {left} left · switch sides at {_clock(clock.seconds // 2)}"
    return f"⏱ {doing}: {left} left"


def _guide_buttons(
    plan: Plan, i: int, count: int, manual: bool, clock: View | None
) -> tuple[Action, ...]:
    """A guided step's buttons. Without a clock: Next (or Finish) first, Back, Stop. With one:
    Pause or Resume, Back, Next in manual mode, Stop; once a manual hold is over, Next first."""
    last = i + 1 == count
    following = button("Finish ✅" if last else "Next ▶", act.GuideStep(plan, i + 1, manual))
    back = (button("◀ Back", act.GuideStep(plan, i - 1, manual)),) if i > 0 else ()
    stop = button("Stop", act.GuideStop(plan, i, manual))
    if clock is None or (clock.phase == "over" and not clock.paused):
        return (following, *back, stop)
    if clock.paused:
        control = button("▶ Resume", act.GuideStep(plan, i, manual))
    else:
        control = button("⏸ Pause", act.GuidePause(plan, i, manual))
    return (control, *back, *((following,) if manual else ()), stop)
