"""A conversation's `Context` as text for the store, and back, whatever fields it has.

`encode` writes every field of `bot.reply.Context` (found with `dataclasses.fields`, so a field
added later is stored without touching this module) as one JSON object. `decode` reads it back
into this version's `Context`, checking each value against the field's type hint:

- a key this version does not know (written by a newer bot) is ignored;
- a field missing from the text (written by an older bot) keeps its default;
- a value of the wrong type (a field whose type changed) keeps the field's default;
- text that is not a JSON object at all gives no context (None).

So bots of different versions sharing a database never crash on each other's conversations;
at worst a follow-up starts afresh. Field types this module can store: None, str, int, float,
bool, Literal, unions of these, tuples (`tuple[X, ...]` or fixed), lists, frozensets, `dict`
with str keys, and nested dataclasses. `tests/test_context_codec.py` fails for any other type,
so that whoever adds such a field extends this module too.

`fit_to` then drops references the knowledge base no longer has (a topic, stretch, routine or
condition removed since the conversation was saved), which the brain would not expect.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import types
from dataclasses import fields, replace
from typing import TYPE_CHECKING, Any, Literal, Union, get_args, get_origin, get_type_hints

from bot.reply import Context

if TYPE_CHECKING:
    from bot.kb import KnowledgeBase

log = logging.getLogger(__name__)


class _Invalid(Exception):
    """A stored value that does not fit the field's type."""


def encode(context: Context) -> str:
    """`context` as compact JSON text: every field, by name."""
    return json.dumps(_plain(context), ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def decode(text: str) -> Context | None:
    """The `Context` in `text`, read field by field (see the module docstring); None if the
    text is not a JSON object."""
    try:
        data = json.loads(text)
    except (TypeError, ValueError):
        log.warning("A stored conversation is not JSON; starting it afresh.")
        return None
    if not isinstance(data, dict):
        log.warning("A stored conversation is not a JSON object; starting it afresh.")
        return None
    context: Context = _dataclass_from(Context, data)
    return context


def _plain(value: Any) -> Any:
    """A value as JSON can hold it: tuples, lists and sets as lists, dataclasses as objects."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, frozenset | set):
        return sorted((_plain(item) for item in value), key=repr)
    if isinstance(value, dict):
        if not all(isinstance(key, str) for key in value):
            raise TypeError(f"cannot store a dict with keys that are not text: {value!r}")
        return {key: _plain(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    raise TypeError(f"cannot store a value of type {type(value).__name__} in a conversation")


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    """The resolved type hints of a dataclass (cached: resolving them is slow)."""
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls)
    return _HINTS[cls]


def _dataclass_from(cls: type[Any], data: dict[str, Any]) -> Any:
    """An instance of `cls` from the fields of `data` that fit; unknown keys are ignored."""
    hints = _hints(cls)
    values: dict[str, Any] = {}
    for f in fields(cls):
        if not f.init or f.name not in data:
            continue
        try:
            values[f.name] = _coerce(data[f.name], hints[f.name])
        except _Invalid:
            log.info(
                "A stored conversation's %r does not fit this version; using its default.", f.name
            )
    unknown = sorted(set(data) - {f.name for f in fields(cls)})
    if unknown:
        log.debug("Ignoring fields a newer version stored: %s", ", ".join(unknown))
    return cls(**values)


def _coerce(value: Any, hint: Any) -> Any:
    """`value` (decoded JSON) as the type `hint` describes, or `_Invalid`."""
    origin, args = get_origin(hint), get_args(hint)
    if hint is Any:
        return value
    if hint is type(None):
        if value is None:
            return None
        raise _Invalid
    if origin in (Union, types.UnionType):
        for arm in args:
            try:
                return _coerce(value, arm)
            except _Invalid:
                continue
        raise _Invalid
    if origin is Literal:
        if any(value == allowed and type(value) is type(allowed) for allowed in args):
            return value
        raise _Invalid
    if hint is bool:
        if isinstance(value, bool):
            return value
        raise _Invalid
    if hint is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise _Invalid
    if hint is float:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        raise _Invalid
    if hint is str:
        if isinstance(value, str):
            return value
        raise _Invalid
    if origin in (tuple, list, frozenset, set):
        if not isinstance(value, list):
            raise _Invalid
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            if len(args) != len(value):
                raise _Invalid
            return tuple(_coerce(item, arm) for item, arm in zip(value, args, strict=True))
        item_hint = args[0] if args else Any
        items = [_coerce(item, item_hint) for item in value]
        return origin(items) if origin is not list else items
    if origin is dict:
        key_hint, item_hint = args if args else (str, Any)
        if not isinstance(value, dict) or key_hint is not str:
            raise _Invalid
        return {key: _coerce(item, item_hint) for key, item in value.items()}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if not isinstance(value, dict):
            raise _Invalid
        return _dataclass_from(hint, value)
    raise _Invalid  # a type this module cannot read: the field keeps its default


def fit_to(context: Context, kb: KnowledgeBase) -> Context:
    """`context` without the topic, stretches, routines or conditions `kb` no longer has.

    A conversation saved before the knowledge base changed (a restart with new YAML) may name
    things that are gone; the brain expects every id it is given to exist.
    """
    changes: dict[str, Any] = {}
    if context.topic is not None and context.topic not in kb.topics:
        changes["topic"] = None
    if context.stretch is not None and context.stretch not in kb.stretches:
        changes["stretch"] = None
    if context.routine is not None and context.routine not in kb.routines:
        changes["routine"] = None
    seen = tuple(s for s in context.seen if s in kb.stretches)
    if seen != context.seen:
        changes["seen"] = seen
    conditions = tuple(c for c in context.conditions if c in kb.conditions)
    if conditions != context.conditions:
        changes["conditions"] = conditions
    activities = tuple(r for r in context.activities if r in kb.routines)
    if activities != context.activities:
        changes["activities"] = activities
    areas = tuple(a for a in context.areas if a in kb.topics)
    if areas != context.areas:
        changes["areas"] = areas
    skipped = tuple(s for s in context.skipped if s in kb.stretches)
    if skipped != context.skipped:
        changes["skipped"] = skipped
    return replace(context, **changes) if changes else context
