"""Text normalisation shared by the intent layer and the red-flag rules.

Everything a message goes through before matching, done once per message: Unicode folding,
lower case, contractions, chat shorthand ("u", "pls", "r"), punctuation and emoji removed.
`normalize` also normalises the knowledge base's phrases at load, so both sides agree;
`normalize_message` does the same for a message and, in the same pass, for each piece of it
between punctuation, which is where a long message's clauses start.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

#: words that deny what follows them: "no swelling", "never had numbness", "it does not hurt"
NEGATORS = frozenset({"no", "not", "without", "never", "nor", "none", "zero", "nothing"})
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
    "hasnt": "has not",
    "hadnt": "had not",
    "werent": "were not",
    "whats": "what is",
    "whys": "why is",
    "hows": "how is",
    "wheres": "where is",
    "thats": "that is",
    "shes": "she is",
    "hes": "he is",
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
    # a part of the body's "'s" is mostly "is" or "has": "back's in bits", "neck's gone"
    "back's": "back is",
    "neck's": "neck is",
    "knee's": "knee is",
    "hip's": "hip is",
    "shoulder's": "shoulder is",
    "body's": "body is",
    "leg's": "leg is",
    "foot's": "foot is",
    "ankle's": "ankle is",
    "wrist's": "wrist is",
    "calf's": "calf is",
    "elbow's": "elbow is",
    "groin's": "groin is",
    "bum's": "bum is",
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
#: idioms whose words mislead: the school run is a drive to school, not a run
_IDIOMS = (
    (" school run ", " school errand "),
    (" school runs ", " school errands "),
    # below the waist is the legs, not the waist (the side body)
    (" below the waist ", " lower body "),
    (" from the waist down ", " lower body "),
    (" waist down ", " lower body "),
    # hip hop is music and dance, not a hip
    (" hip hop ", " hiphop "),
)
#: a word each idiom holds, to skip the replacing when none is there
_IDIOM_WORDS = ("school run", "waist", "hip hop")
_SUFFIXES = (
    ("n't", " not"),
    ("'re", " are"),
    ("'ve", " have"),
    ("'ll", " will"),
    ("'d", " would"),
    ("'m", " am"),
    ("'s", ""),
)
_APOSTROPHES = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "`": "'",
        "\u00b4": "'",
        # emoji that say a word the rules need: "34 weeks 🤰" tells a pregnancy
        "\U0001f930": " pregnant ",
        "\U0001fac3": " pregnant ",
        "\U0001fac4": " pregnant ",
    }
)
_NON_WORD = re.compile(r"[^a-z0-9']+")
_REPEATS = re.compile(r"([a-z])\1{2,}")
_TRIPLE = re.compile(r"([a-z])\1\1")

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
    "recs": "recommendations",
    # supple is flexible, in the words the knowledge base is written in
    "supple": "flexible",
    "suppleness": "flexibility",
    "wks": "weeks",
    "wk": "week",
    "thx": "thanks",
    "thanx": "thanks",
    "tnx": "thanks",
    "ty": "thanks",
    "tysm": "thanks",
    "idk": "i do not know",
    "rn": "right now",
    "abt": "about",
    "bout": "about",
    "wtf": "what",
    "w": "with",
    "wat": "what",
    "wut": "what",
    "wats": "what is",
    "diff": "different",
    "em": "them",
    "wuts": "what is",
    "whts": "what is",
    "wht": "what",
    "hws": "how is",
    "hwo": "how",
    "wud": "would",
    "cn": "can",
    "gd": "good",
    "stretchs": "stretches",
    "sumthing": "something",
    "somethin": "something",
    "anythin": "anything",
    "nething": "anything",
    "hw": "how",
    "shld": "should",
    "shud": "should",
    "wen": "when",
    "lng": "long",
    "nxt": "next",
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
    "outta": "out of",
    "kinda": "kind of",
    "sorta": "sort of",
    "dunno": "do not know",
    "sth": "something",
    "smth": "something",
    "pic": "picture",
    "ppl": "people",
    "tho": "though",
    "thru": "through",
    "msg": "message",
    # a sound-alike that spelling correction keeps, being a word: "shins get soar"
    "soar": "sore",
}


#: a weight or a time written with its unit ("lost 6kg", "down 10lbs", "my 10h flight", "a
#: 2hr drive", "30min break") reads as a number and a unit
_GLUED_UNIT = re.compile(r"\b(\d{1,3})(kgs?|kilos?|lbs?|pounds|h|hrs?|hours?|mins?|minutes?)\b")


def _number_and_unit(glued: re.Match[str]) -> str:
    """A number glued to its unit, apart: "6kg" is "6 kg", "10h" is "10 hours"."""
    number, unit = glued.group(1), glued.group(2)
    return f"{number} {'hours' if unit == 'h' else unit}"


#: every whole-word rewrite; the contractions win over the shorthand
_REWRITES = {**SHORTHAND, **_WORDS}

#: where a clause of a long message can end: punctuation, or a dash between spaces
CLAUSE_MARKS = re.compile(r"[,.;:!?()\n\u2026]+|\s[-\u2013\u2014]+\s")
#: stands for a clause mark while a message is folded: no folding changes it
_MARK = "\x00"
_NON_WORD_OR_MARK = re.compile(r"[^a-z0-9'\x00]+")


@lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """Fold a message to lower-case ASCII words separated by single spaces."""
    return _join(_words(_NON_WORD.sub(" ", _fold(text, not text.isascii()))))


@lru_cache(maxsize=4096)
def normalize_message(text: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """A message's normalised words, and those of each piece between `CLAUSE_MARKS`.

    Equal to `normalize(text).split()` and to `normalize(piece).split()` for each piece of
    `CLAUSE_MARKS.split(text)`, in one pass: the marks are folded as a placeholder word, which
    splits the words into pieces. Two-word forms are joined per piece and in the whole ("warm.
    up" is "warmup" as a whole, "warm" and "up" in pieces).
    """
    unicode = not text.isascii()
    if unicode and "`" in text:
        return _normalize_by_piece(text)
    # a NUL the person typed is a separator, as "#" is, and not a mark
    marked = CLAUSE_MARKS.sub(f" {_MARK} ", text.replace(_MARK, "#"))
    spaced = " ".join(_words(_NON_WORD_OR_MARK.sub(" ", _fold(marked, unicode))))
    if _MARK not in spaced:
        whole = tuple(_compounds(spaced).split())
        return whole, (whole,)
    pieces = tuple(tuple(_compounds(" ".join(p.split())).split()) for p in spaced.split(_MARK))
    whole = tuple(_compounds(" ".join(spaced.replace(_MARK, " ").split())).split())
    return whole, pieces


def _normalize_by_piece(text: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """`normalize_message` for a message with a backtick and a non-ASCII character: its ASCII
    pieces fold a backtick as a space on their own but as an apostrophe in the whole message
    ("don`t 🙂"), so each piece is folded on its own, and again as part of the whole if needed."""
    whole: list[str] = []
    pieces: list[tuple[str, ...]] = []
    for piece in CLAUSE_MARKS.split(text):
        own_unicode = not piece.isascii()
        words = _words(_NON_WORD.sub(" ", _fold(piece, own_unicode)))
        if not own_unicode and "`" in piece:
            whole.extend(_words(_NON_WORD.sub(" ", _fold(piece, True))))
        else:
            whole.extend(words)
        pieces.append(tuple(_join(words).split()))
    return tuple(_join(whole).split()), tuple(pieces)


def _fold(text: str, unicode: bool) -> str:
    """Lower case; with `unicode`, typographic apostrophes made plain and accents dropped."""
    if not unicode:
        return text.lower()  # the fast path: ASCII needs no Unicode decomposition
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _words(spaced: str) -> list[str]:
    """The words of folded text whose other characters are spaces, with contractions expanded
    and shorthand spelled out; one word can become several, as one string ("i do not know")."""
    if _TRIPLE.search(spaced):  # far cheaper than a substitution that finds nothing
        spaced = _REPEATS.sub(r"\1\1", spaced)
    if _GLUED_UNIT.search(spaced):
        spaced = _GLUED_UNIT.sub(_number_and_unit, spaced)
    rewrite = _REWRITES.get
    if "'" not in spaced:  # most messages: one look-up a word
        words = [rewrite(word, word) for word in spaced.split()]
    else:
        words = []
        for word in spaced.split():
            if "'" in word:
                word = _WORDS.get(word) or _expand(word)
                if not word:  # a lone apostrophe
                    continue
            words.append(rewrite(word, word))
    if "your" in words:
        _your_as_you_are(words)
    return words


#: "your" before these is "you're" typed short ("ur pretty handy", "your so helpful")
_DEGREE = frozenset("so pretty really very actually too such quite super kinda".split())


def _your_as_you_are(words: list[str]) -> None:
    """ "your"/"ur" before a word of degree reads as "you are", in place."""
    for i in range(len(words) - 1):
        if words[i] == "your" and words[i + 1] in _DEGREE:
            words[i] = "you are"


def _join(words: list[str]) -> str:
    """The words as one string, two-word forms joined into one ("cool down" -> "cooldown")."""
    return _compounds(" ".join(words))


def _compounds(joined: str) -> str:
    """Words separated by single spaces, with two-word forms joined into one."""
    if "up" in joined or "down" in joined:
        padded = f" {joined} "
        for pair, single in _COMPOUNDS:
            if pair in padded:
                padded = padded.replace(pair, single)
        joined = padded.strip()
    if any(word in joined for word in _IDIOM_WORDS):
        padded = f" {joined} "
        for idiom, plain in _IDIOMS:
            padded = padded.replace(idiom, plain)
        joined = padded.strip()
    return joined


def _expand(word: str) -> str:
    """Expand a contraction the word list does not know ("you'll", "psoas's")."""
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix):
            word = word[: -len(suffix)] + repl
            break
    return word.replace("'", " ").strip()


@lru_cache(maxsize=1)
def english_ranks() -> dict[str, int]:
    """The 50,000 most frequent English words with their rank (0 = most frequent).

    Real words are never 'corrected' into our vocabulary, and how common an unknown word is
    tells how much it counts against a match.
    """
    data = (Path(__file__).parent.parent / "data" / "english_words.txt").read_text("utf-8")
    return {word: rank for rank, word in enumerate(data.split())}
