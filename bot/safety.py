"""Red flags: messages that need care, not a stretch. Checked first; they win over everything.

A red flag's patterns are AND-of-OR groups of terms (see knowledge/README.md). All terms are
compiled at load into one dictionary from a word, word prefix or short word sequence to the
(pattern, group) pairs it satisfies, so checking a message costs a few look-ups per word,
whatever the number of patterns.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from bot.kb import KnowledgeBase, RedFlag
from bot.text import normalize

_MAX_NGRAM = 4
_MIN_PREFIX = 3


class RedFlagRules:
    """All red-flag patterns of a knowledge base, compiled for fast checks."""

    def __init__(self, kb: KnowledgeBase) -> None:
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
                                exact[words[:_MAX_NGRAM]].append((p_index, g_index))
        self._exact = dict(exact)
        self._prefix = dict(prefix)
        self._prefix_lengths = sorted({len(p) for p in self._prefix})

    def check(self, *word_lists: Iterable[str]) -> RedFlag | None:
        """The red flag the words raise, or None. Pass raw and typo-corrected words."""
        hits: dict[int, set[int]] = defaultdict(set)
        exact = self._exact
        prefix = self._prefix
        lengths = self._prefix_lengths
        for words in word_lists:
            seq = list(words)
            n = len(seq)
            for i, word in enumerate(seq):
                for size in range(1, min(_MAX_NGRAM, n - i) + 1):
                    found = exact.get(tuple(seq[i : i + size]))
                    if found:
                        for p_index, g_index in found:
                            hits[p_index].add(g_index)
                for length in lengths:
                    if length > len(word):
                        break
                    found = prefix.get(word[:length])
                    if found:
                        for p_index, g_index in found:
                            hits[p_index].add(g_index)
        best: int | None = None
        for p_index, groups in hits.items():
            f_index, needed = self._patterns[p_index]
            if len(groups) == needed and (best is None or f_index < best):
                best = f_index
        return self._flags[best] if best is not None else None
