"""Tips that follow a person (opt-in) on Telegram: what /daily says about it, and its buttons.

`/daily` shows whether a subscriber's tips follow the areas they ask about, and which areas
and how often so far, with buttons to start it ("Tips for my areas"), reset the counts or stop
(which deletes them). `/daily follow`, `/daily follow off` and `/daily reset` do the same by
command. The counts are raised in `bot.telegram.ops.observe_reply`; which tip goes out is
`bot.follow.tip_index`. /forget deletes them with everything else.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.follow import CYCLE, FOLLOWED, top_areas
from bot.reply import Action
from bot.store import StoreError, Subscription
from bot.telegram.services import BotContext

HEAD = "follow"
START = Action("Tips for my areas", f"{HEAD}:on")
RESET = Action("Reset my areas", f"{HEAD}:reset")
STOP = Action("Tips for everyone", f"{HEAD}:off")
#: what each button, or `/daily follow [off]` / `/daily reset`, does
WHATS = ("on", "off", "reset")


def is_follow_data(data: object) -> bool:
    """Data of the follow buttons ("follow:on", "follow:off", "follow:reset")."""
    return isinstance(data, str) and data.startswith(HEAD + ":")


def command_of(args: Sequence[str]) -> str | None:
    """`/daily follow` -> "on", `/daily follow off` -> "off", `/daily reset` -> "reset"."""
    words = [w.lower() for w in args if w.strip()]
    if words == ["follow"] or words == ["follow", "on"]:
        return "on"
    if words == ["follow", "off"]:
        return "off"
    if words in (["reset"], ["follow", "reset"]):
        return "reset"
    return None


def apply(context: BotContext, chat_id: int, what: str) -> str:
    """Carry out "on", "off" or "reset"; the sentence that says what was done."""
    store, now = context.services.store, context.services.clock()
    if what == "on":
        store.set_following(chat_id, True, now)
        return "Done: your daily tips will follow the areas you ask me about."
    if what == "off":
        store.set_following(chat_id, False, now)
        return "Done: your tips are the same as everyone's again, and I've deleted your areas."
    store.reset_topics(chat_id)
    return "Done: I've forgotten the areas you asked about. New questions start a new count."


def status(context: BotContext, sub: Subscription | None) -> tuple[list[str], tuple[Action, ...]]:
    """The paragraph /daily adds about tips that follow the person, and its buttons."""
    if sub is None:
        return [], ()
    services = context.services
    try:
        following = services.store.following(sub.chat_id)
        counts = services.store.topic_counts(sub.chat_id) if following else {}
    except StoreError:
        return [], ()
    if not following:
        return [
            "Want tips about what you ask me? Tap “Tips for my areas” and I'll count the areas "
            "you ask about (only the areas and how often, until you stop it or send /forget)."
        ], (START,)
    kb = services.brain.kb
    areas = top_areas(kb.tips, counts)
    if not areas:
        return [
            "Your tips follow what you ask me about. Ask about an area (like “why are my "
            "calves tight?”) and more of your tips will be about it."
        ], (STOP,)
    shown = ", ".join(f"{kb.spoken_name(topic)} ({counts[topic]})" for topic, _ in areas)
    return [
        f"Your tips follow what you ask me about: {shown}. {FOLLOWED} tips in {CYCLE} are "
        "about those areas."
    ], (RESET, STOP)
