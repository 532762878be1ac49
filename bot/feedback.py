"""The data of the 👍 / 👎 buttons under answers and stretches, and what a vote stores.

A button carries ``fb:<vote><kind>:<nonce>:<intent>``: the vote (``u`` up, ``d`` down), the
kind voted on (``a`` answer, ``s`` stretch), a nonce both buttons of one message share, and
the reply's intent id (``psoas.why_tight``, ``stretch.wall_calf``). The nonce is the day the
message was sent (three base-36 digits) and five random ones: the store keeps one vote per
nonce, so one vote per message, without storing who voted; and a button older than
`VOTE_DAYS` is refused as stale. A reply whose data would not fit Telegram's 64 bytes gets no
buttons.
"""

from __future__ import annotations

import secrets
import string
from dataclasses import dataclass, replace
from datetime import date, timedelta

from bot.actions import MAX_BYTES, is_valid_data
from bot.reply import Action, Reply

PREFIX = "fb:"
#: a vote on a message older than this many days is refused as stale
VOTE_DAYS = 30
#: the kinds of reply that carry the buttons
VOTED_KINDS = {"answer": "a", "stretch": "s"}
_KIND_OF = {code: kind for kind, code in VOTED_KINDS.items()}
_EPOCH = date(2024, 1, 1)
_DIGITS = string.digits + string.ascii_lowercase
UP, DOWN = "👍", "👎"


@dataclass(frozen=True, slots=True)
class Vote:
    """A pressed feedback button."""

    up: bool
    kind: str
    nonce: str
    intent: str

    @property
    def day(self) -> date:
        """The day the message was sent, from its nonce."""
        value = 0
        for char in self.nonce[:3]:
            value = value * 36 + _DIGITS.index(char)
        return _EPOCH + timedelta(days=value)


def make_nonce(today: date) -> str:
    """Three base-36 digits of the day, five random ones."""
    days = max(0, (today - _EPOCH).days) % 36**3
    head = "".join(_DIGITS[days // 36**i % 36] for i in (2, 1, 0))
    return head + "".join(secrets.choice(_DIGITS) for _ in range(5))


def is_vote_data(data: object) -> bool:
    """True for data of the feedback family, well formed or not (its handler answers it)."""
    return isinstance(data, str) and data.startswith(PREFIX)


def encode(up: bool, kind: str, nonce: str, intent: str) -> str:
    return f"{PREFIX}{'u' if up else 'd'}{VOTED_KINDS[kind]}:{nonce}:{intent}"


def parse(data: object) -> Vote | None:
    """The vote a button's data stands for, or None."""
    if not is_vote_data(data) or not is_valid_data(data):
        return None
    parts = data[len(PREFIX) :].split(":")
    if len(parts) != 3:
        return None
    code, nonce, intent = parts
    if len(code) != 2 or code[0] not in "ud" or code[1] not in _KIND_OF:
        return None
    if len(nonce) != 8 or any(c not in _DIGITS for c in nonce) or not intent:
        return None
    return Vote(code[0] == "u", _KIND_OF[code[1]], nonce, intent)


def buttons_for(reply: Reply, today: date) -> tuple[Action, ...]:
    """The two buttons for a reply of a voted kind (none for other kinds, or data too long)."""
    if reply.kind not in VOTED_KINDS or not reply.intent:
        return ()
    nonce = make_nonce(today)
    up, down = (encode(v, reply.kind, nonce, reply.intent) for v in (True, False))
    if len(up.encode()) > MAX_BYTES or not is_valid_data(up):
        return ()
    return (Action(UP, up), Action(DOWN, down))


def with_buttons(reply: Reply, today: date) -> Reply:
    """`reply` with 👍 / 👎 after its own buttons, if it is of a voted kind."""
    extra = buttons_for(reply, today)
    if not extra:
        return reply
    return replace(reply, actions=(*reply.actions, *extra))
