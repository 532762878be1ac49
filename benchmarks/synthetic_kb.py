"""Synthetic knowledge bases for benchmarks/intent_speed.py: the shipped one, `factor` times over.

New topics combine real anatomy words ("lateral hamstring", "front of my upper thighs", made-up
Latin names), each with the three required answers and three or four stretches copied from its
model topic. Every phrase list is multiplied by paraphrasing: synonym swaps, filler words,
dropped and swapped words, recombined halves. Inserted words follow a Simon/Yule process, so
most reuse the knowledge base's own words in proportion to their frequency and a tail is new
rare words, giving a Zipf-like distribution. Everything is seeded: a size and a seed always
give the same files.
"""

from __future__ import annotations

import dataclasses
import math
import random
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml

from bot.brain import Brain
from bot.kb import MAX_ID_LENGTH, MAX_TOPIC_ID_LENGTH, KBError, KnowledgeBase, Topic, load_kb
from bot.understanding.text import english_ranks, normalize

try:
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]

MODIFIERS = (
    "lateral medial deep upper lower inner outer anterior posterior superficial middle long "
    "short minor major accessory transverse oblique distal proximal superior inferior rear front"
).split()
LATIN_ENDS = ("alis", "aris", "oideus", "ensis", "icus", "inus", "atus", "ium", "ior", "osus")
FILLERS = (
    "please really my just actually so like pls hey um ok kinda now today again quickly "
    "maybe always still"
).split()
PREFIXES = (
    "hey",
    "hi",
    "quick question",
    "um",
    "so",
    "ok so",
    "can you tell me",
    "i wonder",
    "any idea",
    "pls",
    "hello",
    "question",
)
SUFFIXES = ("please", "pls", "thanks", "lol", "today", "right now", "again", "asap", "for me")
SWAPS = (
    ("tight", "stiff", "tense", "tensed up"),
    ("sore", "achy", "aching"),
    ("stretch", "loosen", "release", "lengthen"),
    ("stretches", "exercises", "moves", "stretching exercises"),
    ("routine", "session", "sequence", "flow"),
    ("workout", "exercise", "training", "gym session"),
    ("run", "jog"),
    ("running", "jogging"),
    ("give", "show", "send"),
    ("quick", "short", "fast"),
    ("best", "right", "ideal"),
    ("morning", "am"),
    ("night", "evening", "bedtime"),
    ("why", "how come"),
    ("tell", "explain"),
    ("tip", "hint", "pointer"),
    ("stop", "cancel", "end"),
    ("start", "begin"),
    ("another", "a different", "one more"),
    ("shorter", "quicker", "faster"),
    ("muscle", "muscles"),
    ("hurts", "aches"),
    ("feel", "feels"),
    ("always", "constantly", "all the time"),
)
_SWAP_OF = {w: group for group in SWAPS for w in group}
#: an entry as the YAML loader reads it
Entry = dict[str, Any]
#: fields written only when set, and fields the loader computes, never written
_STRETCH_OPTIONAL = ("easier", "harder")
#: fields the loader computes, or (the pose) that a synthetic stretch does without: the loader
#: accepts a stretch without a picture, only `stretchbot check` asks for one
_COMPUTED = frozenset({"paragraphs", "pose", "where"})


def phrase_lists(kb: KnowledgeBase) -> list[tuple[str, ...]]:
    """Every list of example phrases: intents, general answers, routines, small talk, topics."""
    lists = [i.phrases for i in kb.intents.values()]
    lists += [a.phrases for (t, _a), a in kb.answers.items() if t == "general" and a.phrases]
    lists += [r.phrases for r in kb.routines.values()]
    lists += [s.phrases for s in kb.smalltalk.values()]
    lists += [t.phrases for t in kb.topics.values()]
    return lists


def _crude_key(name: str) -> tuple[str, ...]:
    """A conservative key for a topic name: every word cut down to a crude stem.

    Cruder than the matcher's lemmas ("hamstrings" and "hamstring" both become "hamstr"), so
    two names with different keys are very unlikely to clash in the matcher's topic lexicon.
    """
    out = []
    for w in normalize(name).split():
        changed = True
        while changed:
            changed = False
            for suffix in ("ies", "ves", "es", "s", "ing", "ed", "ness"):
                if len(w) > len(suffix) + 2 and w.endswith(suffix):
                    w = w[: -len(suffix)]
                    changed = True
                    break
        out.append(w.rstrip("eyf") or w)
    return tuple(out)


def _slug(text: str) -> str:
    """An id made from text: "Front of my hip" -> "front_of_my_hip"."""
    slug = re.sub(r"[^a-z0-9]+", "_", normalize(text)).strip("_")
    return slug if slug and slug[0].isalpha() else "t_" + slug


class WordSource:
    """Words to insert into phrases, drawn like natural text (a Simon / Yule process).

    Most draws reuse a word in proportion to how often it already occurs (the real phrases'
    tokens seed the pool, so the head is the knowledge base's own Zipf distribution); with
    probability `alpha` the draw is a new rare word: a real but rare English word, or a
    made-up Latin-looking anatomy word.
    """

    def __init__(
        self, rng: random.Random, tokens: list[str], known: set[str], alpha: float
    ) -> None:
        """Seed the pool with `tokens`; `known` words are never drawn as new ones."""
        self.rng = rng
        self.tokens = list(tokens)
        self.alpha = alpha
        ranks = english_ranks()
        rare = [w for w, r in ranks.items() if r >= 4000 and w.isalpha() and len(w) >= 4]
        rare.sort()
        rng.shuffle(rare)
        self._rare = [w for w in rare if w not in known]
        self._used = set(known)
        self._stems = sorted({w[:5] for w in known if len(w) >= 6 and w.isalpha()})

    def coin(self) -> str:
        """A made-up anatomy-looking word ("gastralis", "pectoideus")."""
        for _ in range(100):
            word = self.rng.choice(self._stems)[: self.rng.randint(3, 5)]
            word += self.rng.choice(LATIN_ENDS)
            if word not in self._used:
                self._used.add(word)
                return word
        return f"muscul{len(self._used)}alis"

    def fresh(self) -> str:
        """A word not used yet: mostly a rare English word, else a made-up one."""
        if self._rare and self.rng.random() < 0.8:
            word = self._rare.pop()
            self._used.add(word)
            return word
        return self.coin()

    def draw(self) -> str:
        """The next word of the process: a new one with probability `alpha`, else a reuse."""
        word = self.fresh() if self.rng.random() < self.alpha else self.rng.choice(self.tokens)
        self.tokens.append(word)
        return word


class Synthesizer:
    """Builds a knowledge base `factor` times the shipped one, as YAML files in a folder."""

    def __init__(self, kb: KnowledgeBase, factor: int, seed: int) -> None:
        """Prepare the word source and the names and ids already taken, for one size."""
        self.kb = kb
        self.factor = factor
        self.rng = random.Random(seed * 1000 + factor)
        tokens: list[str] = []
        for phrases in phrase_lists(kb):
            for p in phrases:
                tokens.extend(w for w in normalize(p.replace("{topic}", " ")).split())
        known = set(tokens)
        for t in kb.topics.values():
            for n in (*t.names, *t.synonyms):
                known.update(normalize(n).split())
        self.words = WordSource(self.rng, tokens, known, alpha=0.45)
        #: crude keys of every topic name and synonym given out so far
        self.keys: set[tuple[str, ...]] = set()
        for t in kb.topics.values():
            for n in (*t.names, *t.synonyms):
                self.keys.add(_crude_key(n))
        self.ids: set[str] = set(kb.topics) | set(kb.stretches)

    # ---------------------------------------------------------------- phrases

    def vary(self, phrase: str, siblings: Sequence[str]) -> str:
        """One paraphrase: synonym swaps, fillers, a dropped word, a swap, a recombination."""
        rng = self.rng
        words = phrase.split()
        for _ in range(rng.choice((1, 1, 2, 2, 3))):
            op = rng.random()
            movable = [i for i, w in enumerate(words) if "{topic}" not in w]
            if op < 0.25:
                swappable = [i for i in movable if words[i] in _SWAP_OF]
                if swappable:
                    i = rng.choice(swappable)
                    words[i] = rng.choice([w for w in _SWAP_OF[words[i]] if w != words[i]])
                    continue
                words.insert(rng.randint(0, len(words)), rng.choice(FILLERS))
            elif op < 0.45:
                words.insert(rng.randint(0, len(words)), rng.choice(FILLERS))
            elif op < 0.55 and len(movable) > 3:
                del words[rng.choice(movable)]
            elif op < 0.63 and len(words) > 2:
                i = rng.randrange(len(words) - 1)
                words[i], words[i + 1] = words[i + 1], words[i]
            elif op < 0.73:
                if rng.random() < 0.5:
                    words.insert(0, rng.choice(PREFIXES))
                else:
                    words.append(rng.choice(SUFFIXES))
            elif op < 0.83 and len(siblings) > 1:
                other = rng.choice(siblings).split()
                if "{topic}" in phrase:
                    cut = words.index("{topic}") + 1 if "{topic}" in words else len(words)
                    tail = other[other.index("{topic}") + 1 :] if "{topic}" in other else []
                    words = words[:cut] + tail
                else:
                    words = words[: max(1, len(words) // 2)] + other[len(other) // 2 :]
            else:
                words.insert(rng.randint(0, len(words)), self.words.draw())
        text = " ".join(words)
        if "{topic}" in phrase and text.count("{topic}") != 1:
            return phrase
        return text

    def multiply(self, phrases: Sequence[str], factor: int) -> list[str]:
        """The phrase list `factor` times longer: the originals plus unique paraphrases."""
        out = list(dict.fromkeys(phrases))
        seen = set(out)
        want = len(phrases) * factor
        attempts = 0
        while len(out) < want and attempts < want * 20:
            attempts += 1
            base = self.rng.choice(phrases if self.rng.random() < 0.7 else out)
            variant = self.vary(base, phrases)
            if variant and variant not in seen:
                seen.add(variant)
                out.append(variant)
        return out

    # ---------------------------------------------------------------- topics

    def _unique_name(self, candidates: Callable[[], str]) -> str | None:
        """A name from `candidates` that no topic uses yet (None after 60 tries)."""
        for _ in range(60):
            name = " ".join(candidates().split())
            key = _crude_key(name)
            if key and key not in self.keys:
                self.keys.add(key)
                return name
        return None

    def _new_id(self, base: str, limit: int = MAX_ID_LENGTH) -> str:
        """An id from `base` that no topic or stretch has yet, within the loader's length."""
        base = _slug(base)[: limit - 4].rstrip("_")
        new = base
        k = 2
        while new in self.ids:
            new = f"{base}_{k}"
            k += 1
        self.ids.add(new)
        return new

    def _clone_names(self, src: Topic) -> tuple[str, str, list[str], list[str]]:
        """(primary name, id, names, synonyms) of a made-up topic modelled on `src`, as many
        as it has, each new to the knowledge base: "lateral hamstring", "gastralis"."""
        rng = self.rng
        heads = [n for n in src.names if len(n.split()) <= 2] or list(src.names)
        zipf = [1 / (i + 1) for i in range(len(MODIFIERS))]

        def modifier() -> str:
            return rng.choices(MODIFIERS, zipf)[0]

        def mod_name() -> str:
            first, second = modifier(), modifier()
            mods = first if rng.random() < 0.6 or first == second else f"{first} {second}"
            return f"{mods} {rng.choice(heads)}"

        primary = self._unique_name(mod_name) or self._unique_name(self.words.coin)
        assert primary is not None
        tid = self._new_id(primary, MAX_TOPIC_ID_LENGTH)
        names = [primary]

        def with_noun() -> str:
            bare = [n for n in names if n.split()[-1] not in ("muscle", "muscles", "area")]
            return f"{rng.choice(bare or names)} {rng.choice(('muscle', 'muscles', 'area'))}"

        while len(names) < len(src.names):
            roll = rng.random()
            make = self.words.coin if roll < 0.25 else with_noun if roll < 0.45 else mod_name
            name = self._unique_name(make)
            if name is None:
                break
            names.append(name)
        synonyms = []
        for syn in src.synonyms:
            words = syn.split()

            def inject(words: list[str] = words) -> str:
                out = list(words)
                out.insert(rng.randint(max(0, len(out) - 2), len(out)), modifier())
                return " ".join(out)

            name = self._unique_name(inject)
            if name is not None:
                synonyms.append(name)
        return primary, tid, names, synonyms

    def clone_topic(self, src: Topic) -> tuple[Entry, list[Entry], list[Entry]]:
        """A made-up topic modelled on `src`, with its answers and three or four stretches."""
        rng = self.rng
        primary, tid, names, synonyms = self._clone_names(src)
        old_names = sorted((*src.names, *src.synonyms, src.name.lower()), key=len, reverse=True)
        pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in old_names) + r")\b", re.I)
        pool = names + synonyms

        def rename(text: str) -> str:
            return pattern.sub(lambda _m: rng.choice(pool), text)

        display = primary[0].upper() + primary[1:]
        phrases = [self.vary(rename(p), ()) for p in src.phrases]
        topic = {
            "id": tid,
            "name": display,
            "names": names,
            "synonyms": synonyms,
            "phrases": list(dict.fromkeys(phrases)),
            "sources": list(src.sources),
        }
        answers: list[Entry] = []
        for (t, aspect), a in self.kb.answers.items():
            if t != src.id:
                continue
            answer: Entry = {
                "topic": tid,
                "aspect": aspect,
                "title": pattern.sub(display.lower(), a.title),
                "text": pattern.sub(primary, a.text),
                "sources": list(a.sources),
            }
            if a.phrases:
                answer["phrases"] = [rename(p) for p in a.phrases]
            answers.append(answer)
        stretches = []
        for s in self.kb.stretches_for(src.id)[: rng.choice((3, 4))]:  # check wants 3
            data = entry_dict(s, _STRETCH_OPTIONAL)
            data["id"] = self._new_id(f"{s.id}_{tid}")
            data["name"] = f"{primary.split()[0].capitalize()} {s.name[0].lower()}{s.name[1:]}"
            data["topics"] = [tid]
            stretches.append(data)
        return topic, answers, stretches

    def extra_synonyms(self, topic: Topic, count: int) -> list[str]:
        """More synonyms for a real topic: its own descriptions slightly reworded."""
        rng = self.rng
        base = list(topic.synonyms) or list(topic.names)
        out = []
        for _ in range(count):

            def reword() -> str:
                words = rng.choice(base).split()
                roll = rng.random()
                if roll < 0.4:
                    swap = {"my": "the", "the": "my"}
                    words = [swap.get(w, w) for w in words]
                    words.append(rng.choice(("area", "region", "muscles", "bit")))
                elif roll < 0.7:
                    words.append(rng.choice(("area", "region", "muscles", "bit", "part")))
                else:
                    words.insert(0, rng.choice(("the", "my", "whole", "entire")))
                return " ".join(words)

            name = self._unique_name(reword)
            if name is not None:
                out.append(name)
        return out

    # ---------------------------------------------------------------- the whole KB

    def build(self) -> dict[str, Any]:
        """The whole knowledge base, one value per YAML file: the shipped entries with their
        phrases multiplied, and `factor - 1` made-up copies of every muscle topic."""
        kb, f = self.kb, self.factor
        topics = []
        extra = 2 * max(1, round(math.log10(f)))
        for t in kb.topics.values():
            data = entry_dict(t)
            if t.id != "general":
                data["synonyms"] = list(t.synonyms) + self.extra_synonyms(t, extra)
            topics.append(data)
        answers = []
        for a in kb.answers.values():
            data = entry_dict(
                a, optional=("phrases", "keywords", "routine", "area", "in_conversation")
            )
            if a.topic == "general" and a.phrases:
                data["phrases"] = self.multiply(a.phrases, f)
            answers.append(data)
        stretches = [entry_dict(s, _STRETCH_OPTIONAL) for s in kb.stretches.values()]
        sources = [t for t in kb.topics.values() if t.id != "general"]
        for _copy in range(1, f):
            for src in sources:
                topic, new_answers, new_stretches = self.clone_topic(src)
                topics.append(topic)
                answers.extend(new_answers)
                stretches.extend(new_stretches)
        groups: dict[str, list[Entry]] = {}
        for i in kb.intents.values():
            phrases = self.multiply(i.phrases, f)
            groups.setdefault(i.group, []).append({"id": i.id, "phrases": phrases})
        routines = []
        for r in kb.routines.values():
            data = entry_dict(r, optional=("keywords", "regions"))
            data["phrases"] = self.multiply(r.phrases, f)
            routines.append(data)
        smalltalk = [
            {
                "id": s.id,
                "kind": s.kind,
                "phrases": self.multiply(s.phrases, f),
                "replies": list(s.replies),
            }
            for s in kb.smalltalk.values()
        ]
        return {
            "topics": topics,
            "intents": groups,
            "answers": answers,
            "stretches": stretches,
            "routines": routines,
            "tips": [entry_dict(t, optional=("topic", "stretch", "subjects")) for t in kb.tips],
            "smalltalk": smalltalk,
            "symptoms": [
                entry_dict(x, optional=("topics", "not_before", "not_after"))
                for x in kb.symptoms.values()
            ],
            "triage_levels": [entry_dict(x) for x in kb.triage_levels.values()],
            "red_flags": [
                entry_dict(r, optional=("unless", "about_history", "explained_by"))
                for r in kb.red_flags.values()
            ],
            "conditions": [condition_dict(c) for c in kb.conditions.values()],
            "disclaimer": {"short": kb.disclaimer.short, "full": kb.disclaimer.full},
        }


def condition_dict(condition: Any) -> Entry:
    """A condition as the loader reads it: its ages (a pair in the entry) as `age_from` and
    `age_to`, when it has them."""
    out = entry_dict(condition, optional=("refer_topics", "patterns", "ages"))
    if "ages" in out:
        out["age_from"], out["age_to"] = out.pop("ages")
    return out


def entry_dict(entry: Any, optional: tuple[str, ...] = ()) -> Entry:
    """A knowledge-base entry as the YAML loader reads it: its fields in order, tuples as
    lists; `optional` fields are left out when empty, and computed ones always."""
    out: Entry = {}
    for field in dataclasses.fields(entry):
        value = getattr(entry, field.name)
        if field.name in _COMPUTED or (field.name in optional and not value):
            continue
        out[field.name] = _plain(value)
    return out


def _plain(value: Any) -> Any:
    """Tuples as lists and nested entries as dicts, all the way down."""
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return entry_dict(value)
    return value


def write_kb(data: dict[str, Any], folder: Path) -> int:
    """One YAML file per section; returns the total size in bytes."""
    size = 0
    for name, value in data.items():
        if not value:
            continue
        text = yaml.dump(
            {name: value}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096
        )
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return size


_CLASH = re.compile(r"the name (['\"])(.+?)\1 is used by both '(\w+)' and '(\w+)'")


def load_synthetic(
    data: dict[str, Any], folder: Path
) -> tuple[KnowledgeBase, Brain, int, float, int]:
    """Write, load and index: (knowledge base, brain, YAML bytes, load + index seconds, names
    dropped). Names the matcher finds on two topics are dropped and the load retried."""
    removed = 0
    for _attempt in range(4):
        size = write_kb(data, folder)
        start = time.perf_counter()
        try:
            kb = load_kb(folder)
            brain = Brain(kb)
        except KBError as exc:
            clashes = [m for m in map(_CLASH.search, exc.errors) if m]
            if not clashes or len(clashes) < len(exc.errors):
                raise
            by_id = {t["id"]: t for t in data["topics"]}
            for m in clashes:
                topic = by_id[m.group(4)]
                for field in ("names", "synonyms"):
                    if m.group(2) in topic[field] and (
                        field == "synonyms" or len(topic[field]) > 1
                    ):
                        topic[field].remove(m.group(2))
                        removed += 1
            continue
        return kb, brain, size, time.perf_counter() - start, removed
    raise RuntimeError("could not make the synthetic knowledge base load")
