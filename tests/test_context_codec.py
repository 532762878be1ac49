"""The conversation `Context` as stored text: every field, any version, never a crash."""

from __future__ import annotations

import dataclasses
import json
import types
from dataclasses import dataclass, fields
from typing import Literal, Union, get_args, get_origin, get_type_hints

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.context_codec import decode, encode, fit_to
from bot.reply import Context


def sample(hint):
    """A value of type `hint` unlike any default; fails for a type the codec cannot store."""
    origin, args = get_origin(hint), get_args(hint)
    if hint is str:
        return "sample"
    if hint is bool:
        return True
    if hint is int:
        return 7
    if hint is float:
        return 2.5
    if origin is Literal:
        return args[-1]
    if origin in (Union, types.UnionType):
        return sample(next(arm for arm in args if arm is not type(None)))
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return (sample(args[0]), sample(args[0]))
        return tuple(sample(arm) for arm in args)
    if origin is list:
        return [sample(args[0])]
    if origin is frozenset:
        return frozenset({sample(args[0])})
    if origin is dict and args[0] is str:
        return {"key": sample(args[1])}
    if dataclasses.is_dataclass(hint):
        return hint(**{f.name: sample(h) for f, h in zip(fields(hint), _hints(hint), strict=True)})
    raise AssertionError(
        f"bot.context_codec cannot store a Context field of type {hint!r}: extend "
        "_plain and _coerce there (and this function) for it"
    )


def _hints(cls):
    hints = get_type_hints(cls)
    return [hints[f.name] for f in fields(cls)]


def full_context() -> Context:
    """A Context with every field set to something other than its default."""
    hints = get_type_hints(Context)
    return Context(**{f.name: sample(hints[f.name]) for f in fields(Context)})


def test_every_field_of_context_survives_the_round_trip():
    context = full_context()
    for f in fields(Context):
        assert getattr(context, f.name) != getattr(Context(), f.name), f.name
    assert decode(encode(context)) == context


@given(st.from_type(Context))
def test_any_context_survives_the_round_trip(context):
    assert decode(encode(context)) == context


def test_the_text_names_each_field():
    stored = json.loads(encode(Context(topic="psoas", seen=("a", "b"))))
    assert set(stored) == {f.name for f in fields(Context)}
    assert stored["topic"] == "psoas" and stored["seen"] == ["a", "b"]


def test_fields_a_newer_version_added_are_ignored():
    @dataclass(frozen=True)
    class Newer:
        topic: str | None = None
        mood: int = 0
        history: tuple[str, ...] = ()

    assert decode(encode(Newer(topic="calves", mood=3, history=("x",)))) == Context(topic="calves")


def test_fields_an_older_version_lacked_keep_their_defaults():
    assert decode('{"topic": "neck"}') == Context(topic="neck")
    assert decode("{}") == Context()


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ('{"topic": 5, "routine": "cooldown"}', Context(routine="cooldown")),
        ('{"kind": "a kind we never had", "topic": "neck"}', Context(topic="neck")),
        ('{"seen": "a", "stretch": "wall_calf"}', Context(stretch="wall_calf")),
        ('{"seen": ["a", 3]}', Context()),
        (
            '{"conditions": {"pregnancy": true}, "symptoms": ["$swelling"]}',
            Context(symptoms=("$swelling",)),
        ),
        ('{"kind": true}', Context()),
    ],
)
def test_a_value_of_the_wrong_type_keeps_that_fields_default(stored, expected):
    assert decode(stored) == expected


@pytest.mark.parametrize("stored", ["", "not json", "[1, 2]", '"text"', "null", "{"])
def test_text_that_is_not_a_json_object_is_no_context(stored):
    assert decode(stored) is None


def test_a_kind_is_read_only_if_it_is_one_of_the_kinds():
    assert decode('{"kind": "stretch"}') == Context(kind="stretch")


def test_fit_to_drops_what_the_knowledge_base_no_longer_has(kb, brain):
    stretch = next(iter(kb.stretches))
    condition = next(iter(kb.conditions))
    stored = Context(
        topic="a_topic_removed_since",
        kind="stretch",
        stretch="a_stretch_removed_since",
        routine="gone",
        seen=(stretch, "gone"),
        conditions=(condition, "martian"),
        symptoms=("$swelling",),
        skipped=("gone", stretch),
    )
    fitted = fit_to(stored, kb)
    assert fitted == Context(
        kind="stretch",
        seen=(stretch,),
        conditions=(condition,),
        symptoms=("$swelling",),
        skipped=(stretch,),
    )
    assert fit_to(fitted, kb) is fitted
    for message in ("and my calves?", "how do I stretch it?", "another one", "shorter"):
        brain.reply(message, fitted)  # no KeyError for what is gone
    brain.resolve("guide.cooldown.1", fitted)
