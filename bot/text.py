"""Text normalisation shared by the intent layer and the red-flag rules.

Everything a message goes through before matching, done once per message: Unicode folding,
lower case, contractions, chat shorthand ("u", "pls", "r"), punctuation and emoji removed.
The same function normalises the knowledge base's phrases at load, so both sides agree.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

#: whole words people type without (or with) the apostrophe, and chat shorthand.
_WORDS = {
    "cant": "cannot",
    "can't": "cannot",
    "wont": "will not",
    "won't": "will not",
    "aint": "is not",
    "ain't": "is not",
    "im": "i am",
    "i'm": "i am",
    "ive": "i have",
    "dont": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "isnt": "is not",
    "arent": "are not",
    "wasnt": "was not",
    "couldnt": "could not",
    "shouldnt": "should not",
    "wouldnt": "would not",
    "havent": "have not",
    "whats": "what is",
    "whys": "why is",
    "hows": "how is",
    "wheres": "where is",
    "thats": "that is",
    "youre": "you are",
    "theyre": "they are",
    "let's": "let us",
    "it's": "it is",
    "what's": "what is",
    "that's": "that is",
    "there's": "there is",
    "here's": "here is",
    "who's": "who is",
    "how's": "how is",
    "why's": "why is",
    "where's": "where is",
    "when's": "when is",
    "he's": "he is",
    "she's": "she is",
}
#: two-word forms people also write as one word; matching uses the one-word form.
_COMPOUNDS = (
    (" cool down ", " cooldown "),
    (" cooling down ", " cooldown "),
    (" cool downs ", " cooldown "),
    (" warm up ", " warmup "),
    (" warming up ", " warmup "),
    (" warm ups ", " warmup "),
)
_SUFFIXES = (
    ("n't", " not"),
    ("'re", " are"),
    ("'ve", " have"),
    ("'ll", " will"),
    ("'d", " would"),
    ("'m", " am"),
    ("'s", ""),
)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_NON_WORD = re.compile(r"[^a-z0-9']+")
_REPEATS = re.compile(r"([a-z])\1{2,}")

#: chat shorthand, applied per word after punctuation is gone.
SHORTHAND = {
    "u": "you",
    "r": "are",
    "ur": "your",
    "yr": "your",
    "pls": "please",
    "plz": "please",
    "plsss": "please",
    "y": "why",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "b4": "before",
    "thx": "thanks",
    "thanx": "thanks",
    "tnx": "thanks",
    "ty": "thanks",
    "tysm": "thanks",
    "idk": "i do not know",
    "rn": "right now",
    "abt": "about",
    "w": "with",
    "wat": "what",
    "wut": "what",
    "hw": "how",
    "shld": "should",
    "cud": "could",
    "n": "and",
    "nd": "and",
    "2day": "today",
    "tmrw": "tomorrow",
    "k": "ok",
    "kk": "ok",
    "okay": "ok",
    "gonna": "going to",
    "wanna": "want to",
    "gotta": "got to",
    "lemme": "let me",
    "gimme": "give me",
    "sth": "something",
    "smth": "something",
    "pic": "picture",
    "ppl": "people",
    "tho": "though",
    "thru": "through",
    "msg": "message",
}


@lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """Fold a message to lower-case ASCII words separated by single spaces."""
    if text.isascii():
        folded = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
        folded = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    folded = _REPEATS.sub(r"\1\1", _NON_WORD.sub(" ", folded))
    words = []
    for word in folded.split():
        if "'" in word:
            word = _WORDS.get(word) or _expand(word)
        word = _WORDS.get(word) or SHORTHAND.get(word, word)
        if word:
            words.append(word)
    joined = " ".join(words)
    if "up" in joined or "down" in joined:
        padded = f" {joined} "
        for pair, single in _COMPOUNDS:
            if pair in padded:
                padded = padded.replace(pair, single)
        joined = padded.strip()
    return joined


def _expand(word: str) -> str:
    """Expand a contraction the word list does not know ("you'll", "psoas's")."""
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix):
            word = word[: -len(suffix)] + repl
            break
    return word.replace("'", " ").strip()


def tokens(text: str) -> list[str]:
    """The words of a normalised message."""
    return normalize(text).split()


@lru_cache(maxsize=1)
def english_ranks() -> dict[str, int]:
    """The 50,000 most frequent English words with their rank (0 = most frequent).

    Real words are never 'corrected' into our vocabulary, and how common an unknown word is
    tells how much it counts against a match.
    """
    data = (Path(__file__).parent / "data" / "english_words.txt").read_text("utf-8")
    return {word: rank for rank, word in enumerate(data.split())}
