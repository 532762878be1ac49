"""Cues: what a person wants (a complaint, a request, why, when, what), from their own words.

The cue lists live in knowledge/cues.yaml. The brain reads them when the intent layer is not
sure of a message that names an area: "during my long runs my calves tighten up so bad" names
the calves and complains, so it is about stretching whatever else it says.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from bot.kb import KnowledgeBase
from bot.understanding.text import normalize


class CueReader:
    """The cues of one knowledge base, as whole words and word sequences."""

    def __init__(self, kb: KnowledgeBase) -> None:
        """Index every cue term by its first word."""
        self._ambiguous = frozenset(kb.cues.get("ambiguous_area", ()))
        self._owners = frozenset(kb.cues.get("owner", ()))
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for cue, terms in kb.cues.items():
            for term in terms:
                words = tuple(normalize(term).split())
                if words:
                    self._by_first[words[0]].append((words, cue))

    def read(self, words: Sequence[str]) -> frozenset[str]:
        """The cue ids whose terms the words hold."""
        found: set[str] = set()
        by_first = self._by_first
        for i, word in enumerate(words):
            for seq, cue in by_first.get(word, ()):
                if len(seq) == 1 or tuple(words[i : i + len(seq)]) == seq:
                    found.add(cue)
        return frozenset(found)

    def names_areas_plainly(self, words: Sequence[str]) -> bool:
        """False when a word that may name an area ("back", "chest") stands without an owner
        before it ("my", "lower", "sore"): "shrinking back", "a chest of drawers"."""
        owners = self._owners
        return all(
            i > 0 and words[i - 1] in owners
            for i, word in enumerate(words)
            if word in self._ambiguous
        )


class StretchNames:
    """Every stretch's name and the other names people call it ("figure four", "down dog"),
    found as whole word sequences. A one-word name ("pigeon", "butterfly") counts only in a
    message that also asks for a stretch, so a pigeon on the roof is not pigeon pose."""

    def __init__(self, kb: KnowledgeBase, cues: CueReader) -> None:
        """Index every name by its first word."""
        self._cues = cues
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for stretch in kb.stretches.values():
            for name in (stretch.name, *stretch.aliases):
                words = tuple(normalize(name).split())
                if words:
                    self._by_first[words[0]].append((words, stretch.id))
        for names in self._by_first.values():
            names.sort(key=lambda item: -len(item[0]))  # the longest name first

    def find(self, words: Sequence[str]) -> str | None:
        """The id of the first stretch the words name, or None; also None when the rest of the
        message is about an animal or a thing ("my dog does downward dog")."""
        asks = None
        for i, word in enumerate(words):
            for seq, stretch_id in self._by_first.get(word, ()):
                end = i + len(seq)
                if tuple(words[i:end]) != seq:
                    continue
                if len(seq) == 1:
                    if asks is None:
                        asks = "request" in self._cues.read(words) or "pose" in words
                    if not asks:
                        continue
                rest = (*words[:i], *words[end:])
                if "not_a_body" in self._cues.read(rest):
                    return None
                return stretch_id
        return None
