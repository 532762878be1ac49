"""What a message says, word by word: one record, built once per message.

The brain builds an `Analysis` from a message and hands the same record to the red-flag rules
and to the matcher, so a message is normalised, canonicalised and searched for topics once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.understanding.text import english_ranks, normalize_message
from bot.understanding.words import Canonicaliser, with_topic_tokens

#: a message of this many words or more may be context and then a question ("I paint houses
#: for a living and my shoulders are always tight, how do I stretch them"): it is also read
#: clause by clause
CLAUSE_MIN_WORDS = 8
#: words that join two clauses; they end one and belong to neither
_CLAUSE_WORDS = frozenset(
    "and but because though although while then also anyway plus lol lmao tbh ngl btw".split()
)
#: question words that start a new clause after two words or more ("... tight | how do I ...")
_CLAUSE_STARTS = frozenset("how what why where which".split())


@dataclass(frozen=True, slots=True)
class Analysis:
    """One message, read once: every form of its words the safety rules and matcher need."""

    #: the message as read (the brain cuts very long ones)
    text: str
    #: its words after normalisation (`normalize`): what the person wrote
    normalised: tuple[str, ...]
    #: each normalised word in its vocabulary form: lemma or typo correction
    canonical: tuple[str, ...]
    #: the normalised words with typos corrected and nothing else ("strech" -> "stretch",
    #: "calves" stays): what cue and phrase lists are read on
    corrected: tuple[str, ...]
    #: the canonical words with each topic name as one `TOPIC_TOKEN`: what is matched
    words: tuple[str, ...]
    #: the topic ids the message names, in order
    topics: tuple[str, ...]
    #: for a long message (`CLAUSE_MIN_WORDS` words or more), its normalised words cut into
    #: clauses at punctuation and at joining words; empty for a short one
    clauses: tuple[tuple[str, ...], ...] = ()
    #: the clauses' words in their vocabulary form, as the whole message read them
    canonical_clauses: tuple[tuple[str, ...], ...] = ()
    #: positions in `normalised` where a piece after punctuation starts ("even when im not,
    #: kinda numb": "kinda" starts one), so that a negation stops there
    breaks: frozenset[int] = frozenset()
    #: (start, end, topic id) of each topic name in `canonical` (and `normalised`, `corrected`)
    spans: tuple[tuple[int, int, str], ...] = ()

    def pieces(self) -> tuple[tuple[int, int], ...]:
        """(start, end) of each piece of the words between punctuation (`breaks`), in order;
        one piece for a message with no breaks."""
        return _pieces(len(self.corrected), self.breaks)


@lru_cache(maxsize=1024)
def _pieces(total: int, breaks: frozenset[int]) -> tuple[tuple[int, int], ...]:
    """`Analysis.pieces` of `total` words with `breaks` (a reply asks it several times)."""
    starts = [0, *sorted(b for b in breaks if 0 < b < total)]
    return tuple(zip(starts, [*starts[1:], total], strict=True))


def analyse(text: str, canonicaliser: Canonicaliser) -> Analysis:
    """Read a message: normalise it (once), canonicalise its words and find its topics."""
    normalised, pieces = normalize_message(text)
    canonical = canonicaliser.canonical(normalised)
    spans = canonicaliser.topic_spans(canonical)
    words, topics = with_topic_tokens(canonical, spans)
    clauses = cut_clauses(pieces) if len(words) >= CLAUSE_MIN_WORDS else ()
    form: dict[str, str] = {}
    for word, canon in zip(normalised, canonical, strict=True):
        form.setdefault(word, canon)
    in_form = tuple(tuple(form.get(w, w) for w in clause) for clause in clauses)
    ranks, vocab = english_ranks(), canonicaliser.vocab
    corrected = tuple(
        c if c != w and w not in ranks and w not in vocab else w
        for w, c in zip(normalised, canonical, strict=True)
    )
    return Analysis(
        text,
        normalised,
        tuple(canonical),
        corrected,
        tuple(words),
        tuple(topics),
        clauses,
        in_form,
        _breaks(pieces, len(normalised)),
        tuple(spans),
    )


def _breaks(pieces: Sequence[Sequence[str]], total: int) -> frozenset[int]:
    """Where each piece after the first starts in the whole message's words; none when the
    pieces do not line up with them (a two-word form joined across a mark, "warm. up")."""
    starts: list[int] = []
    at = 0
    for piece in pieces:
        if at:
            starts.append(at)
        at += len(piece)
    return frozenset(starts) if at == total else frozenset()


def cut_clauses(pieces: Sequence[Sequence[str]]) -> tuple[tuple[str, ...], ...]:
    """Normalised words of the pieces between punctuation, cut again at joining words ("and",
    "but") and before a question word that follows two words or more."""
    clauses: list[tuple[str, ...]] = []
    for piece in pieces:
        current: list[str] = []
        for word in piece:
            if word in _CLAUSE_WORDS:
                if current:
                    clauses.append(tuple(current))
                current = []
            elif word in _CLAUSE_STARTS and len(current) >= 2:
                clauses.append(tuple(current))
                current = [word]
            else:
                current.append(word)
        if current:
            clauses.append(tuple(current))
    return tuple(clauses)
