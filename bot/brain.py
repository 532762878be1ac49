"""The one brain: a message and a small context in, a `Reply` out.

Pure: no Telegram, no I/O, no clock, no randomness (choices that vary, such as which tip or
small-talk line, are derived from the message and the context), so every face answers the
same thing for the same conversation and tests run in microseconds.

Order of decisions: red flags first (they win over everything), then the intent layer; below
the confidence threshold the person gets a fallback with "did you mean" suggestions.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import replace

from bot.kb import KnowledgeBase, Routine, Stretch, paragraphs
from bot.reply import Action, Block, Context, Reply
from bot.safety import RedFlagRules
from bot.understanding import STOPWORDS, TOPIC_TOKEN, Analysis, Match, Matcher

#: longer messages are cut before matching; red flags still see this much.
MAX_CHARS = 4000
ASPECT_ORDER = ("what", "why_tight", "when")
ASPECT_LABELS = {
    "what": "What is it?",
    "why_tight": "Why does it get tight?",
    "when": "When should I stretch it?",
}
_INTENT_RE = re.compile(r"^[a-z0-9_.]{1,64}$")


class Brain:
    """Answers messages from one knowledge base."""

    def __init__(self, kb: KnowledgeBase, *, threshold: float | None = None) -> None:
        self.kb = kb
        self.matcher = Matcher(kb) if threshold is None else Matcher(kb, threshold=threshold)
        self.rules = RedFlagRules(kb)
        self._topic_names = {t.id: t.name for t in kb.topics.values()}
        self._reply("why is my psoas tight", Context())  # warm caches before the first person

    # ------------------------------------------------------------------ public API
    # Each public method stamps the disclaimer on its reply; render adds it to the text.

    def reply(self, text: str, context: Context | None = None) -> Reply:
        """Answer one message. Never raises on any string."""
        return self._stamp(self._reply(text, context))

    def resolve(self, intent: str, context: Context | None = None) -> Reply:
        """Answer a button press (an `Action.intent`). Unknown or stale data gets a polite reply."""
        return self._stamp(self._resolve(intent, context))

    def welcome(self) -> Reply:
        """The /start message."""
        return self._stamp(self._welcome())

    def help(self, context: Context | None = None) -> Reply:
        """What the bot can do, with examples."""
        return self._stamp(self._help(context))

    def about(self) -> Reply:
        """What the bot is, where its knowledge comes from, and the full disclaimer."""
        return self._stamp(self._about())

    def tip(self, index: int, context: Context | None = None) -> Reply:
        """Tip number `index` (wrapping), as sent by the daily tips."""
        return self._stamp(self._tip_at(index, context))

    def _stamp(self, reply: Reply) -> Reply:
        if reply.disclaimer:
            return replace(reply, disclaimer=self.kb.disclaimer.short)
        # the reply was built a moment ago and nobody else holds it: set the field in place
        # (dataclasses.replace costs more than the rest of building a reply)
        object.__setattr__(reply, "disclaimer", self.kb.disclaimer.short)
        return reply

    @property
    def tip_count(self) -> int:
        return len(self.kb.tips)

    def topics(self) -> list[tuple[str, str]]:
        """(id, display name) of every muscle topic, for keyboards and /topics."""
        return [(t.id, t.name) for t in self.kb.topics.values() if t.id != "general"]

    def routines(self) -> list[tuple[str, str]]:
        """(id, title) of every routine."""
        return [(r.id, r.title) for r in self.kb.routines.values()]

    def _reply(self, text: str, context: Context | None = None) -> Reply:
        """Answer one message. Never raises on any string."""
        context = context or Context()
        if not isinstance(text, str):
            return self._not_text(context)
        text = text[:MAX_CHARS]
        analysis = self.matcher.analyse(text)
        flag = self.rules.check(analysis)
        if flag is not None:
            return self._red_flag(flag.id, context)
        if not analysis.words:
            return self._empty(text, context)
        match = self.matcher.match(analysis, context.topic)
        return self._from_match(match, analysis, context)

    def _resolve(self, intent: str, context: Context | None = None) -> Reply:
        """Answer a button press (an `Action.intent`). Unknown or stale data gets a polite reply."""
        context = context or Context()
        if not isinstance(intent, str) or not _INTENT_RE.match(intent):
            return self._stale(context)
        head, _, rest = intent.partition(".")
        kb = self.kb
        if head in kb.topics and head != "general":
            if rest == "stretch":
                return self._stretch_for_topic(head, context, intent=f"{head}.stretch")
            if (head, rest) in kb.answers:
                return self._answer(head, rest, context)
        if head == "general" and ("general", rest) in kb.answers:
            return self._answer("general", rest, context)
        if head == "stretch" and rest in kb.stretches:
            stretch = kb.stretches[rest]
            return self._stretch(stretch, stretch.topics[0], context, intent=intent)
        if head == "another":
            topic, _, after = rest.partition(".")
            if topic in kb.topics:
                seen = tuple(s for s in (*context.seen, after) if s in kb.stretches)
                return self._stretch_for_topic(topic, Context(topic=topic, seen=seen))
        if head == "routine" and rest in kb.routines:
            return self._routine(kb.routines[rest], context)
        if head == "short" and rest in kb.routines:
            return self._routine(kb.routines[rest], context, shorter=True)
        if head == "guide":
            return self._guide(rest, context)
        if intent == "topics":
            return self._menu("topics", context)
        if intent == "routines":
            return self._menu("routines", context)
        if intent == "tip":
            return self._tip(None, context)
        if head == "tip" and rest.isdigit():
            return self._tip_at(int(rest), context)
        if head == "daily" and rest in ("on", "off", "status"):
            return self._daily(rest, context)
        if intent == "help":
            return self._help(context)
        if head == "smalltalk" and rest in kb.smalltalk:
            return self._smalltalk(rest, "", context)
        return self._stale(context)

    def _welcome(self) -> Reply:
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
            Action("Cooldown routine", "routine.cooldown"),
            Action("Desk break", "routine.desk_break"),
            Action("Why is my psoas tight?", "psoas.why_tight"),
            Action("Daily tips", "daily.status"),
        )
        return Reply("help", "help.start", blocks, confidence=1.0, actions=actions)

    def _help(self, context: Context | None = None) -> Reply:
        """What the bot can do, with examples."""
        names = ", ".join(name.lower() for _id, name in self.topics())
        blocks = (
            Block("title", "What I can do"),
            Block(
                "bullets",
                items=(
                    "Explain a muscle: “why is my psoas tight?”, “what are the hamstrings?”",
                    "Show a stretch with steps: “how do I stretch my calves?”",
                    "Give a routine: “cooldown after running”, “desk break”, “bedtime stretches”",
                    "Answer stretching questions: “how long should I hold a stretch?”",
                    "Share a tip now, or one a day if you sign up for daily tips",
                ),
            ),
            Block("para", f"Areas I know: {names}."),
            Block(
                "para",
                "Follow-ups work too: “how do I stretch it?”, “another one”, “shorter version”.",
            ),
        )
        return Reply(
            "help",
            "help",
            blocks,
            actions=(
                Action("Show topics", "topics"),
                Action("Cooldown routine", "routine.cooldown"),
                Action("A tip", "tip"),
            ),
            context=_next(context or Context(), kind="help", intent="help"),
        )

    def _about(self) -> Reply:
        """What the bot is, where its knowledge comes from, and the full disclaimer."""
        sources = sorted(
            {s.split(":", 1)[0].strip() for entry in self._all_sourced() for s in entry.sources}
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

    def _tip_at(self, index: int, context: Context | None = None) -> Reply:
        """Tip number `index` (wrapping), as sent by the daily tips."""
        tips = self.kb.tips
        return self._tip_reply(index % len(tips), context or Context())

    # ------------------------------------------------------------------ dispatch

    def _from_match(self, match: Match, analysis: Analysis, context: Context) -> Reply:
        words = analysis.words
        threshold = self.matcher.threshold
        topic = match.topic
        accepted = match.kind != "none" and match.confidence >= threshold
        follows = context.kind in ("answer", "stretch") and context.topic is not None
        if match.topics and self._bare_topic(words) and (follows or not accepted):
            # "and my calves?", "hamstrings": the topic alone, with the last kind of answer
            topic = match.topics[0]
            if context.kind == "answer" and context.intent:
                aspect = context.intent.rsplit(".", 1)[-1]
                if (topic, aspect) in self.kb.answers:
                    return self._answer(topic, aspect, context, confidence=0.7)
            return self._stretch_for_topic(topic, context, confidence=0.7)
        if not accepted or match.kind == "out_of_scope":
            return self._fallback(match, context)
        kind, key = match.kind, match.key
        if kind == "aspect":
            if key == "stretch":
                return self._stretch_for_topic(topic, context, confidence=match.confidence)
            if (topic, key) in self.kb.answers:
                return self._answer(topic, key, context, confidence=match.confidence)
            return self._fallback(match, context)
        if kind == "general":
            return self._answer("general", key, context, confidence=match.confidence)
        if kind == "routine":
            return self._routine(self.kb.routines[key], context, confidence=match.confidence)
        if kind == "smalltalk":
            entry = self.kb.smalltalk[key]
            if entry.kind == "help":
                return self._help(context)
            return self._smalltalk(key, " ".join(words), context, confidence=match.confidence)
        if kind == "request":
            if key == "tip":
                return self._tip(" ".join(words), context, confidence=match.confidence)
            if key in ("daily_on", "daily_off"):
                return self._daily(key.split("_")[1], context, confidence=match.confidence)
            return self._help(context)
        if kind == "followup":
            return self._followup(key, topic or context.topic, context, match.confidence)
        return self._fallback(match, context)

    def _bare_topic(self, words: Sequence[str]) -> bool:
        """True when the message is little more than a topic ("and my calves?")."""
        rest = [w for w in words if w != TOPIC_TOKEN and w not in STOPWORDS]
        rest = [w for w in rest if w not in ("tight", "stiff", "sore", "what", "about", "how")]
        return len(rest) <= 1 and all(w in self.matcher.vocab for w in rest)

    def _followup(self, key: str, topic: str | None, context: Context, conf: float) -> Reply:
        kb = self.kb
        if key == "shorter" and context.routine in kb.routines:
            return self._routine(kb.routines[context.routine], context, shorter=True)
        if key == "another" and context.kind == "routine" and context.routine in kb.routines:
            return self._another_routine(kb.routines[context.routine], context)
        if key in ("another", "more") and context.kind == "tip":
            return self._tip(None, context)
        if key == "more" and context.kind == "answer" and topic:
            current = (context.intent or "").rsplit(".", 1)[-1]
            if topic == "general":
                return self._stretch_for_topic("hamstrings", context)
            order = [a for a in ASPECT_ORDER if a != current]
            for aspect in order:
                if (topic, aspect) in kb.answers:
                    return self._answer(topic, aspect, context, confidence=conf)
        if key == "more" and context.kind == "stretch" and context.stretch in kb.stretches:
            return self._stretch_details(kb.stretches[context.stretch], context)
        if topic and topic in kb.topics and topic != "general":
            return self._stretch_for_topic(topic, context, confidence=conf)
        return self._fallback(
            Match("none", key, None, 0.0),
            context,
            lead="Which muscle or area do you mean? Tell me, for example “my hamstrings”, or "
            "pick one below.",
        )

    # ------------------------------------------------------------------ replies

    def _red_flag(self, flag_id: str, context: Context) -> Reply:
        flag = self.kb.red_flags[flag_id]
        lead = (
            "Please stop stretching and call emergency services now (999 in the UK, 911 in the "
            "US, 112 in the EU)."
            if flag.action == "emergency"
            else "Please stop stretching and see a doctor urgently, today if you can (in the UK, "
            "call your GP or NHS 111)."
        )
        blocks = (
            Block("title", f"⚠️ {flag.title}"),
            Block("warning", lead),
            *(Block("para", p) for p in paragraphs(flag.message)),
        )
        return Reply(
            "red_flag",
            f"red_flag.{flag.id}",
            blocks,
            context=Context(kind="red_flag", intent=f"red_flag.{flag.id}"),
        )

    def _answer(
        self, topic: str, aspect: str, context: Context, *, confidence: float = 1.0
    ) -> Reply:
        answer = self.kb.answers[(topic, aspect)]
        blocks = [Block("title", answer.title), *(Block("para", p) for p in answer.paragraphs)]
        actions: list[Action] = []
        if topic != "general":
            blocks.append(Block("meta", "Want the stretch? Ask “how do I stretch it?”"))
            actions.append(Action("Show me the stretch", f"{topic}.stretch"))
            for other in ASPECT_ORDER:
                if other != aspect and (topic, other) in self.kb.answers and len(actions) < 3:
                    actions.append(Action(ASPECT_LABELS[other], f"{topic}.{other}"))
        else:
            actions.append(Action("Cooldown routine", "routine.cooldown"))
        intent = f"{topic}.{aspect}"
        return Reply(
            "answer",
            intent,
            tuple(blocks),
            topic=topic,
            confidence=confidence,
            actions=tuple(actions),
            context=_next(context, topic=topic, kind="answer", intent=intent, seen=()),
        )

    def _stretch_for_topic(
        self, topic: str, context: Context, *, confidence: float = 1.0, intent: str | None = None
    ) -> Reply:
        options = self.kb.stretches_for(topic)
        seen = context.seen if context.topic == topic else ()
        fresh = [s for s in options if s.id not in seen]
        if not fresh:  # every stretch shown: start again from the first
            fresh, seen = list(options), ()
        return self._stretch(
            fresh[0], topic, context, confidence=confidence, seen=seen, intent=intent
        )

    def _stretch(
        self,
        stretch: Stretch,
        topic: str,
        context: Context,
        *,
        confidence: float = 1.0,
        seen: tuple[str, ...] = (),
        intent: str | None = None,
    ) -> Reply:
        names = ", ".join(self._topic_names[t] for t in stretch.topics)
        hold = (
            f"Hold {stretch.hold_seconds} s"
            if stretch.type == "static"
            else f"Moving, about {stretch.hold_seconds} s a set"
        )
        blocks = [
            Block("title", stretch.name),
            Block("meta", f"Targets: {names} · {hold} · {stretch.repetitions}"),
            Block("steps", items=stretch.steps),
            Block("para", f"What you should feel: {stretch.feel}"),
            Block("bullets", "Take care", stretch.cautions),
        ]
        if stretch.easier:
            blocks.append(Block("para", f"Easier: {stretch.easier}"))
        if stretch.harder:
            blocks.append(Block("para", f"Harder: {stretch.harder}"))
        routine = self._routine_with(stretch.id)
        actions = [
            Action("Another stretch", f"another.{topic}.{stretch.id}"[:64]),
            Action("Start a routine", f"guide.{routine}.0"),
        ]
        intent = intent or f"{topic}.stretch"
        return Reply(
            "stretch",
            intent,
            tuple(blocks),
            topic=topic,
            stretches=(stretch.id,),
            confidence=confidence,
            actions=tuple(actions),
            context=_next(
                context,
                topic=topic,
                kind="stretch",
                intent=intent,
                stretch=stretch.id,
                seen=(*seen, stretch.id),
            ),
        )

    def _stretch_details(self, stretch: Stretch, context: Context) -> Reply:
        items = []
        if stretch.easier:
            items.append(f"Easier: {stretch.easier}")
        if stretch.harder:
            items.append(f"Harder: {stretch.harder}")
        blocks = (
            Block("title", f"More on the {stretch.name.lower()}"),
            Block("para", f"What you should feel: {stretch.feel}"),
            Block("bullets", "Variations", tuple(items) or ("No variations for this one.",)),
            Block("para", "Sources: " + "; ".join(stretch.sources)),
        )
        return Reply(
            "stretch",
            f"stretch.{stretch.id}",
            blocks,
            topic=context.topic,
            stretches=(stretch.id,),
            actions=(Action("Another stretch", f"another.{context.topic}.{stretch.id}"[:64]),),
            context=context,
        )

    def _routine_with(self, stretch_id: str) -> str:
        """A routine that uses the stretch, for the "Start a routine" button."""
        for routine in self.kb.routines.values():
            if any(step.stretch == stretch_id for step in routine.steps):
                return routine.id
        return "cooldown"

    def _routine(
        self, routine: Routine, context: Context, *, confidence: float = 1.0, shorter: bool = False
    ) -> Reply:
        steps = routine.steps
        if shorter:
            half = max(2, (len(steps) + 1) // 2)
            steps = steps[:half]
        total = sum(s.seconds for s in steps)
        items = tuple(f"{self.kb.stretches[s.stretch].name}: {_duration(s.seconds)}" for s in steps)
        title = routine.title + (" (short version)" if shorter else "")
        blocks = (
            Block("title", title),
            Block("meta", f"{len(steps)} stretches · about {_minutes(total)} in all"),
            Block("para", routine.when),
            Block("steps", items=items),
            Block("para", "Move gently, breathe, and ease off if anything hurts."),
        )
        actions = [Action("Start guided ▶", f"guide.{routine.id}.0")]
        if not shorter:
            actions.append(Action("Shorter version", f"short.{routine.id}"))
        return Reply(
            "routine",
            f"routine.{routine.id}",
            blocks,
            routine=routine.id,
            stretches=tuple(s.stretch for s in steps),
            confidence=confidence,
            actions=tuple(actions),
            context=_next(
                context, kind="routine", intent=f"routine.{routine.id}", routine=routine.id
            ),
        )

    def _another_routine(self, routine: Routine, context: Context) -> Reply:
        family = routine.id.split("_")[0]
        ids = [r for r in self.kb.routines if r.split("_")[0] == family] or list(self.kb.routines)
        nxt = ids[(ids.index(routine.id) + 1) % len(ids)] if routine.id in ids else ids[0]
        return self._routine(self.kb.routines[nxt], context)

    def _guide(self, rest: str, context: Context) -> Reply:
        if rest == "stop":
            blocks = (
                Block("title", "Routine stopped"),
                Block("para", "No problem. Pick it up again whenever you like."),
            )
            return Reply(
                "routine",
                "guide.stop",
                blocks,
                actions=(Action("Routines", "routines"),),
                context=_next(context, kind="routine", intent="guide.stop"),
            )
        routine_id, _, index = rest.rpartition(".")
        routine = self.kb.routines.get(routine_id)
        if routine is None or not index.isdigit():
            return self._stale(context)
        i = int(index)
        steps = routine.steps
        if i >= len(steps):
            blocks = (
                Block("title", f"Well done! {routine.title} complete ✅"),
                Block(
                    "para",
                    f"That was {len(steps)} stretches, about {_minutes(routine.total_seconds)}. "
                    "Drink some water and notice how you feel.",
                ),
            )
            return Reply(
                "routine",
                f"guide.{routine.id}.done",
                blocks,
                routine=routine.id,
                stretches=tuple(s.stretch for s in steps),
                context=_next(context, kind="routine", intent="guide.done", routine=routine.id),
            )
        step = steps[i]
        stretch = self.kb.stretches[step.stretch]
        blocks = (
            Block("title", f"{routine.title}: step {i + 1} of {len(steps)}"),
            Block("meta", f"{stretch.name} · {_duration(step.seconds)}"),
            Block("steps", items=stretch.steps),
            Block("para", f"What you should feel: {stretch.feel}"),
        )
        last = i + 1 == len(steps)
        return Reply(
            "routine",
            f"guide.{routine.id}.{i}",
            blocks,
            routine=routine.id,
            stretches=(stretch.id,),
            actions=(
                Action("Finish ✅" if last else "Next ▶", f"guide.{routine.id}.{i + 1}"),
                Action("Stop", "guide.stop"),
            ),
            context=_next(
                context, kind="routine", intent=f"guide.{routine.id}", routine=routine.id
            ),
        )

    def _tip(self, text: str | None, context: Context, *, confidence: float = 1.0) -> Reply:
        tips = self.kb.tips
        seen = set(context.seen) if context.kind == "tip" else set()
        start = zlib.crc32((text or "").encode()) % len(tips) if text else len(seen) * 7
        for step in range(len(tips)):
            index = (start + step) % len(tips)
            if tips[index].id not in seen:
                break
        else:
            index, seen = start % len(tips), set()
        return self._tip_reply(index, context, confidence=confidence, seen=tuple(seen))

    def _tip_reply(
        self, index: int, context: Context, *, confidence: float = 1.0, seen: tuple = ()
    ) -> Reply:
        tip = self.kb.tips[index]
        blocks = (Block("title", "💡 Stretch tip"), Block("para", " ".join(tip.text.split())))
        actions = [Action("Another tip", "tip")]
        if tip.stretch:
            actions.insert(0, Action("Show me the stretch", f"stretch.{tip.stretch}"))
        return Reply(
            "tip",
            "tip",
            blocks,
            topic=tip.topic,
            stretches=(tip.stretch,) if tip.stretch else (),
            confidence=confidence,
            actions=tuple(actions),
            context=_next(context, kind="tip", intent="tip", seen=(*seen, tip.id)),
        )

    def _daily(self, what: str, context: Context, *, confidence: float = 1.0) -> Reply:
        text = {
            "on": "Happy to send you one stretch tip a day. On Telegram, send /daily on "
            "(or /daily on 07:30 Europe/London to pick the time and zone).",
            "off": "To stop the daily tips, send /daily off on Telegram. You can start them "
            "again any time.",
            "status": "Daily tips: one short stretch tip a day, at a time you choose. On "
            "Telegram, send /daily to see or change yours.",
        }[what]
        blocks = (Block("title", "Daily stretch tips"), Block("para", text))
        return Reply(
            "daily",
            f"daily.{what}",
            blocks,
            confidence=confidence,
            context=_next(context, kind="daily", intent=f"daily.{what}"),
        )

    def _smalltalk(
        self, key: str, text: str, context: Context, *, confidence: float = 1.0
    ) -> Reply:
        entry = self.kb.smalltalk[key]
        reply = entry.replies[zlib.crc32(text.encode()) % len(entry.replies)]
        return Reply(
            "smalltalk",
            f"smalltalk.{key}",
            (Block("para", reply),),
            confidence=confidence,
            actions=(Action("Cooldown routine", "routine.cooldown"), Action("A tip", "tip")),
            context=_next(context, kind="smalltalk", intent=f"smalltalk.{key}"),
        )

    def _fallback(self, match: Match, context: Context, lead: str | None = None) -> Reply:
        suggestions = self._suggestions(match)
        blocks = (
            Block(
                "para",
                lead
                or "Sorry, I'm not sure I can help with that. I only know about stretching: "
                "why a muscle feels tight, stretches with steps, routines and tips.",
            ),
            Block("para", "Did you mean one of these?" if suggestions else ""),
        )
        return Reply(
            "fallback",
            "fallback",
            tuple(b for b in blocks if b.text),
            confidence=match.confidence,
            suggestions=suggestions,
            context=_next(context, kind="fallback", intent="fallback"),
        )

    def _suggestions(self, match: Match) -> tuple[Action, ...]:
        out: list[Action] = []
        for kind, key, topic in ((match.kind, match.key, match.topic), *match.alternatives):
            action = self._action_for(
                kind, key, topic or (match.topics[0] if match.topics else None)
            )
            if action and action not in out:
                out.append(action)
        defaults = (
            Action("Why is my psoas tight?", "psoas.why_tight"),
            Action("Cooldown routine", "routine.cooldown"),
            Action("A stretch tip", "tip"),
        )
        if match.topics:
            topic = match.topics[0]
            name = self._topic_names[topic]
            defaults = (
                Action(f"Stretch my {name.lower()}", f"{topic}.stretch"),
                Action(f"Why is my {name.lower()} tight?", f"{topic}.why_tight"),
                *defaults,
            )
        for action in defaults:
            if len(out) >= 3:
                break
            if action not in out:
                out.append(action)
        return tuple(out[:3])

    def _action_for(self, kind: str, key: str, topic: str | None) -> Action | None:
        kb = self.kb
        if kind == "aspect" and topic and topic in kb.topics and topic != "general":
            name = self._topic_names[topic].lower()
            if key == "stretch":
                return Action(f"Stretch my {name}", f"{topic}.stretch")
            if (topic, key) in kb.answers:
                return Action(f"{ASPECT_LABELS.get(key, key)} ({name})", f"{topic}.{key}")
        if kind == "general" and ("general", key) in kb.answers:
            return Action(kb.answers[("general", key)].title, f"general.{key}")
        if kind == "routine" and key in kb.routines:
            return Action(kb.routines[key].title, f"routine.{key}")
        if kind == "request" and key == "tip":
            return Action("A stretch tip", "tip")
        return None

    def _empty(self, text: str, context: Context) -> Reply:
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
            suggestions=self._suggestions(Match("none", "empty", None, 0.0)),
            context=context,
        )

    def _not_text(self, context: Context) -> Reply:
        return _notice(
            "fallback.not_text",
            "I can only read text messages. Type a question, for example “how do I stretch "
            "my calves?”",
            context,
        )

    def _menu(self, what: str, context: Context) -> Reply:
        """A list of topics or routines, each a button."""
        if what == "topics":
            title, lead = "Areas I know", "Pick an area for a stretch, or ask me about it."
            actions = tuple(Action(name, f"{tid}.stretch") for tid, name in self.topics())
        else:
            title, lead = "Routines", "Pick a routine; each one can be followed step by step."
            actions = tuple(Action(t, f"routine.{rid}") for rid, t in self.routines())
        blocks = (
            Block("title", title),
            Block("bullets", items=tuple(a.label for a in actions)),
            Block("para", lead),
        )
        return Reply("help", what, blocks, actions=actions, context=context)

    def _stale(self, context: Context) -> Reply:
        return _notice(
            "stale",
            "That button has expired or I don't recognise it. Ask me again in your own "
            "words, or send /help.",
            context,
        )

    def _all_sourced(self):
        kb = self.kb
        yield from kb.answers.values()
        yield from kb.stretches.values()
        yield from kb.routines.values()
        yield from kb.tips
        yield from kb.red_flags.values()


def _notice(intent: str, text: str, context: Context) -> Reply:
    """A one-paragraph fallback that leaves the conversation where it was."""
    return Reply("fallback", intent, (Block("para", text),), confidence=0.0, context=context)


def _next(context: Context, **changes) -> Context:
    """A new context: the old one with some fields replaced."""
    fields = {
        "topic": context.topic,
        "kind": context.kind,
        "intent": context.intent,
        "stretch": context.stretch,
        "routine": context.routine,
        "seen": context.seen,
    }
    fields.update(changes)
    return Context(**fields)


def _duration(seconds: int) -> str:
    if seconds < 60 or seconds % 60:
        return f"{seconds} s"
    return f"{seconds // 60} min"


def _minutes(seconds: int) -> str:
    minutes = seconds / 60
    if minutes < 1.5:
        return "1 minute"
    return f"{round(minutes)} minutes"
