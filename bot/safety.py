"""Red flags: messages that need care, not a stretch. Checked first; they win over everything.

A red flag's patterns are AND-of-OR groups of terms (see knowledge/README.md). All terms are
compiled at load into dictionaries from a word, a word prefix or a word sequence to the
(pattern, group) pairs it satisfies, so checking a message costs a few look-ups per word,
whatever the number of patterns.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from bot.kb import KnowledgeBase, RedFlag
from bot.understanding.analysis import Analysis
from bot.understanding.text import normalize


class RedFlagRules:
    """All red-flag patterns of a knowledge base, compiled for fast checks."""

    def __init__(self, kb: KnowledgeBase) -> None:
        """Compile every pattern of `kb`'s red flags, emergencies first."""
        self._flags: list[RedFlag] = []
        #: pattern index -> (flag index, number of groups)
        self._patterns: list[tuple[int, int]] = []
        exact: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
        prefix: dict[str, list[tuple[int, int]]] = defaultdict(list)
        # emergencies first, so a message that fits two groups gets the stronger action
        flags = sorted(kb.red_flags.values(), key=lambda f: f.action != "emergency")
        for f_index, flag in enumerate(flags):
            self._flags.append(flag)
            for pattern in flag.patterns:
                p_index = len(self._patterns)
                self._patterns.append((f_index, len(pattern)))
                for g_index, group in enumerate(pattern):
                    for term in group:
                        if term.endswith("*"):
                            prefix[normalize(term[:-1])].append((p_index, g_index))
                        else:
                            words = tuple(normalize(term).split())
                            if words:
                                exact[words].append((p_index, g_index))
        self._single = {k[0]: v for k, v in exact.items() if len(k) == 1}
        multi: dict[str, list[tuple[tuple[str, ...], list[tuple[int, int]]]]] = defaultdict(list)
        for key, value in exact.items():
            if len(key) > 1:
                multi[key[0]].append((key, value))
        self._multi = dict(multi)
        self._prefix = dict(prefix)
        self._prefix_lengths = sorted({len(p) for p in self._prefix})
        #: a word can only match a prefix term if it starts like one
        self._stem = min(self._prefix_lengths, default=1)
        self._prefix_starts = {p[: self._stem] for p in self._prefix}

    def check(self, analysis: Analysis) -> RedFlag | None:
        """The red flag a message raises, or None: in its words as written or as corrected."""
        hits: dict[int, set[int]] = defaultdict(set)
        written, corrected = analysis.normalised, analysis.canonical
        # the corrected words are often the same, and then add nothing
        for words in (written,) if corrected == written else (written, corrected):
            self._collect(words, hits)
        best: int | None = None
        for p_index, groups in hits.items():
            f_index, needed = self._patterns[p_index]
            if len(groups) == needed and (best is None or f_index < best):
                best = f_index
        return self._flags[best] if best is not None else None

    def _collect(self, seq: Sequence[str], hits: dict[int, set[int]]) -> None:
        """Add to `hits` the (pattern, group) pairs the words satisfy."""
        single, multi, prefix = self._single, self._multi, self._prefix
        lengths, starts = self._prefix_lengths, self._prefix_starts
        for i, word in enumerate(seq):
            found = single.get(word)
            if found:
                for p_index, g_index in found:
                    hits[p_index].add(g_index)
            for key, found in multi.get(word, ()):
                if tuple(seq[i : i + len(key)]) == key:
                    for p_index, g_index in found:
                        hits[p_index].add(g_index)
            if word[: self._stem] in starts:
                for length in lengths:
                    if length > len(word):
                        break
                    found = prefix.get(word[:length])
                    if found:
                        for p_index, g_index in found:
                            hits[p_index].add(g_index)
