"""Tips that follow a person (opt-in): which daily tip a subscriber gets, given what they asked.

A subscriber who turns this on (`/daily`, "Tips for my areas") has a count per area, raised each
time they get an answer or a stretch about it (`bot.store_ops`). Their daily tips then favour
those areas: of every `CYCLE` tips, `FOLLOWED` are about one of their `TOP_AREAS` most asked
areas (tips carry `topics` tags), taken in turn in proportion to the counts (each capped at
`MAX_WEIGHT`, so one area cannot crowd out the others), and the rest come from the usual
sequence, so they still see something new. Everything is derived from the tip cursor and the
counts: no history of sent tips is kept.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.kb import GENERAL, Tip

CYCLE = 3
FOLLOWED = 2
TOP_AREAS = 3
MAX_WEIGHT = 5


def top_areas(tips: Sequence[Tip], counts: Mapping[str, int]) -> list[tuple[str, int]]:
    """The most asked areas that have tips: (topic, weight), most asked first."""
    tagged = {topic for tip in tips for topic in tip.topics}
    ranked = sorted(
        ((t, n) for t, n in counts.items() if n > 0 and t in tagged and t != GENERAL),
        key=lambda item: (-item[1], item[0]),
    )
    return [(topic, min(n, MAX_WEIGHT)) for topic, n in ranked[:TOP_AREAS]]


def tip_index(tips: Sequence[Tip], cursor: int, counts: Mapping[str, int]) -> int:
    """The index of the tip to send at `cursor` to someone with these area counts (the plain
    cursor, as for everyone, when they have none)."""
    areas = top_areas(tips, counts)
    slot = cursor % CYCLE
    if not areas or not tips or slot >= FOLLOWED:
        return cursor
    followed = (cursor // CYCLE) * FOLLOWED + slot  # how many followed tips came before
    turns = [topic for topic, weight in areas for _ in range(weight)]
    area = turns[followed % len(turns)]
    weight = dict(areas)[area]
    # how many times this area came up before: its tips are taken in turn
    seen = (followed // len(turns)) * weight + turns[: followed % len(turns)].count(area)
    pool = [i for i, tip in enumerate(tips) if area in tip.topics]
    return pool[seen % len(pool)]
