"""Unanswered messages (kept only when the operator opts in) and how editors review them.

With `STRETCHBOT_KEEP_UNANSWERED=1` the text of each message the bot could not answer (a
"not understood" fallback) is kept for `STRETCHBOT_UNANSWERED_DAYS` (30) days: no chat id, no
user id, no time finer than the second it came, the text cut to `MAX_CHARS` and cleaned by
`clean` (the bot's own token and secrets, anything shaped like a bot token, e-mail addresses
and long digit runs such as phone numbers are replaced).

`group` reads them back with the knowledge base as it is now: grouped by their normalised
text (the same question typed alike), and by the nearest topic the matcher finds in them
(the area editors would add a phrase or an answer to), each with whether the current brain
answers it already. `stretchbot review` prints that; `/stats` shows the top topics.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.config import REDACTED, redact
from bot.understanding.text import normalize

if TYPE_CHECKING:
    from bot.brain import Brain

#: longest text kept, in characters
MAX_CHARS = 200
#: the topic of a message the matcher finds no area in
NO_TOPIC = "(no topic)"

_TOKEN_SHAPE = re.compile(r"\b\d{5,20}:[A-Za-z0-9_-]{20,}")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b")
_DIGITS = re.compile(r"\+?\d[\d\s().-]{6,}\d")


def clean(text: str, secrets: Sequence[str] = (), bot_username: str | None = None) -> str:
    """The text as it may be kept: secrets and token-, e-mail- and phone-shaped runs replaced,
    the bot's @name removed, whitespace folded, cut to `MAX_CHARS`."""
    text = redact(text, None, *secrets)
    text = _TOKEN_SHAPE.sub(REDACTED, text)
    text = _EMAIL.sub("[email]", text)
    text = _DIGITS.sub("[number]", text)
    if bot_username:
        text = re.sub(rf"@{re.escape(bot_username)}\b", " ", text, flags=re.IGNORECASE)
    text = " ".join(text.split())
    return text if len(text) <= MAX_CHARS else text[: MAX_CHARS - 1].rstrip() + "…"


@dataclass
class Group:
    """Messages that belong together: how many, a few examples, how many are answered now."""

    key: str
    count: int = 0
    answered_now: int = 0
    examples: list[str] = field(default_factory=list)

    def add(self, text: str, answered: bool, keep: int = 3) -> None:
        self.count += 1
        self.answered_now += answered
        if text not in self.examples and len(self.examples) < keep:
            self.examples.append(text)


@dataclass(frozen=True, slots=True)
class Review:
    """Unanswered messages grouped two ways, the biggest groups first."""

    total: int
    by_text: list[Group]
    by_topic: list[Group]


def nearest_topic(brain: Brain, text: str) -> str:
    """The area the matcher finds nearest to `text` (named in it, or its best guess's)."""
    match = brain.matcher.match(brain.matcher.analyse(text))
    candidates = [*match.topics, match.topic, *(topic for _k, _key, topic in match.alternatives)]
    topic = next((t for t in candidates if t and t in brain.kb.topics), None)
    return topic or NO_TOPIC


def group(brain: Brain, texts: Iterable[str]) -> Review:
    """Group kept texts by normalised text and by nearest topic, with the current brain."""
    by_text: dict[str, Group] = {}
    by_topic: dict[str, Group] = {}
    total = 0
    for text in texts:
        total += 1
        answered = brain.reply(text).kind != "fallback"
        key = normalize(text) or text.strip().lower()
        by_text.setdefault(key, Group(key)).add(text, answered)
        topic = nearest_topic(brain, text)
        by_topic.setdefault(topic, Group(topic)).add(text, answered)

    def biggest(groups: dict[str, Group]) -> list[Group]:
        return sorted(groups.values(), key=lambda g: (-g.count, g.key))

    return Review(total, biggest(by_text), biggest(by_topic))


def top_topics(review: Review, limit: int = 5) -> list[tuple[str, int]]:
    """The most frequent unanswered topics: (topic, count)."""
    counts = Counter({g.key: g.count - g.answered_now for g in review.by_topic})
    return [(topic, n) for topic, n in counts.most_common(limit) if n > 0]


def report(review: Review, *, limit: int = 30) -> str:
    """What `stretchbot review` prints."""
    if not review.total:
        return (
            "No unanswered messages are kept. Set STRETCHBOT_KEEP_UNANSWERED=1 to keep them "
            "(see the README), then run this again later."
        )
    lines = [f"{review.total} unanswered message(s).", "", "By nearest topic:"]
    for g in review.by_topic[:limit]:
        now = f", {g.answered_now} answered now" if g.answered_now else ""
        lines.append(f"  {g.count:4d}  {g.key}{now}")
        lines += [f"          “{example}”" for example in g.examples]
    lines += ["", "By text (the same message typed alike):"]
    for g in review.by_text[:limit]:
        now = " (answered now)" if g.answered_now == g.count else ""
        lines.append(f"  {g.count:4d}  {g.examples[0]}{now}")
    return "\n".join(lines)
