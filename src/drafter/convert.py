"""Plain YAML data -> the model's dataclasses, collecting every problem at once.

Driven by the type hints of ``drafter.model`` (``str``, ``int``, ``bool``,
``X | None``, ``list[X]``, ``dict[str, X]``, nested dataclasses and the ``Annotated`` markers
``SplitLines``, ``ItemShorthand`` and ``Parser``). Each problem carries the
path of the offending node (``("sections", 0, "heading")``) so the loader can
point at its line and column; message ids are English and translated where
they are shown.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, NamedTuple

from drafter.i18n import N_
from drafter.model import ItemShorthand, Parser, SplitLines, ValueProblem
from drafter.positions import NodePath

MISSING, EMPTY, UNKNOWN_KEY, WRONG_TYPE = "missing", "empty", "unknown_key", "wrong_type"


class Issue(NamedTuple):
    """One conversion problem: where, what kind, and an English message id."""

    path: NodePath
    kind: str  # missing | empty | unknown_key | wrong_type | a model-specific code
    message: str
    params: dict[str, Any]
    at_key: bool = False  # point at the key rather than the value


_EXPECTED = {
    str: N_("'{key}' must be text"),
    int: N_("'{key}' must be a whole number"),
    bool: N_("'{key}' must be true or false"),
    list: N_("'{key}' must be a list (lines starting with '- ')"),
    dict: N_("'{key}' must be a group of keys and values"),
}


def key_name(path: NodePath) -> str:
    """How a path is named in messages: its last key, or ``#n`` for list items."""
    if not path:
        return "outline"
    last = path[-1]
    return f"#{last + 1}" if isinstance(last, int) else str(last)


@cache
def type_hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, include_extras=True)


@cache
def field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


@cache
def strip_annotated(hint: Any) -> tuple[Any, tuple[Any, ...]]:
    """``Annotated[T, a, b]`` -> ``(T, (a, b))``; other hints unchanged."""
    if typing.get_origin(hint) is typing.Annotated:
        base, *meta = typing.get_args(hint)
        inner, more = strip_annotated(base)
        return inner, (*meta, *more)
    return hint, ()


@cache
def is_union(hint: Any) -> bool:
    return typing.get_origin(hint) in (typing.Union, types.UnionType)


_PARSED, _UNION, _LIST, _DICT, _RECORD, _SCALAR = (
    "parsed", "union", "list", "dict", "record", "scalar",
)  # fmt: skip


@cache
def _kind_of(hint: Any) -> tuple[str, Any, tuple[Any, ...], Parser | None]:
    """How a value of type ``hint`` is converted, worked out once per hint."""
    base, meta = strip_annotated(hint)
    parser = next((m for m in meta if isinstance(m, Parser)), None)
    if parser is not None:
        return _PARSED, base, meta, parser
    if is_union(base):
        return _UNION, base, meta, None
    origin = typing.get_origin(base)
    if origin is list:
        return _LIST, base, meta, None
    if origin is dict:
        return _DICT, base, meta, None
    if dataclasses.is_dataclass(base):
        return _RECORD, base, meta, None
    return _SCALAR, base, meta, None


class _Converter:
    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def fail(self, path: NodePath, kind: str, message: str, at_key: bool = False,
             **params: Any) -> None:  # fmt: skip
        params.setdefault("key", key_name(path))
        self.issues.append(Issue(path, kind, message, params, at_key))

    def value(self, hint: Any, data: Any, path: NodePath) -> tuple[Any, bool]:
        kind, base, meta, parser = _kind_of(hint)
        if kind is _PARSED:
            try:
                return parser.function(data), True  # type: ignore[union-attr]
            except ValueProblem as problem:
                self.fail(path, problem.code, problem.message, **problem.params)
                return None, False
        if kind is _UNION:
            return self.union(base, data, path)
        if kind is _LIST:
            return self.sequence(base, meta, data, path)
        if kind is _DICT:
            return self.mapping(base, data, path)
        if kind is _RECORD:
            if isinstance(data, str) and any(isinstance(m, ItemShorthand) for m in meta):
                return base(text=[data]), True
            return self.record(base, data, path)
        return self.scalar(base, data, path)

    def scalar(self, kind: type, data: Any, path: NodePath) -> tuple[Any, bool]:
        if kind is str and isinstance(data, str):
            return data, True
        if kind is str and _is_number(data):
            return str(data), True  # "title: 2024" means the text 2024
        if (kind is bool and isinstance(data, bool)) or (kind is int and _is_integer(data)):
            return data, True
        self.fail(path, WRONG_TYPE, _EXPECTED.get(kind, _EXPECTED[str]))
        return None, False

    def union(self, hint: Any, data: Any, path: NodePath) -> tuple[Any, bool]:
        arms = [arm for arm in typing.get_args(hint) if arm is not type(None)]
        if data is None and len(arms) < len(typing.get_args(hint)):
            return None, True
        for arm in arms:
            base, _ = strip_annotated(arm)
            if (
                (base is bool and isinstance(data, bool))
                or (base is int and _is_integer(data))
                or (base is str and (isinstance(data, str) or _is_number(data)))
            ):
                return self.value(arm, data, path)
        return self.value(arms[0], data, path)

    def sequence(self, hint: Any, meta: tuple[Any, ...], data: Any,
                 path: NodePath) -> tuple[Any, bool]:  # fmt: skip
        if any(isinstance(m, SplitLines) for m in meta):
            if isinstance(data, str):
                return [line for line in data.splitlines() if line.strip()], True
            if _is_number(data):
                return [str(data)], True  # "text: 2024" is one paragraph reading 2024
        if not isinstance(data, list):
            self.fail(path, WRONG_TYPE, _EXPECTED[list])
            return None, False
        (item_hint,) = typing.get_args(hint)
        items, ok = [], True
        for index, item in enumerate(data):
            value, item_ok = self.value(item_hint, item, (*path, index))
            items.append(value)
            ok = ok and item_ok
        return items, ok

    def mapping(self, hint: Any, data: Any, path: NodePath) -> tuple[Any, bool]:
        """``dict[str, X]``: any keys, each value converted as ``X``."""
        if not isinstance(data, dict):
            self.fail(path, WRONG_TYPE, _EXPECTED[dict])
            return None, False
        _key_hint, item_hint = typing.get_args(hint)
        items, ok = {}, True
        for key, item in data.items():
            value, item_ok = self.value(item_hint, item, (*path, key))
            items[key] = value
            ok = ok and item_ok
        return items, ok

    def record(self, cls: type, data: Any, path: NodePath) -> tuple[Any, bool]:
        if not isinstance(data, dict):
            self.fail(path, WRONG_TYPE, _EXPECTED[dict])
            return None, False
        names = field_names(cls)
        ok = True
        for key in data:
            if key not in names and " " in str(key).strip():
                # "- Nhiệm vụ 1: tăng cường …" — YAML reads text with ': ' as a key
                self.fail((*path, key), UNKNOWN_KEY, N_(
                    "'{key}' was read as a key because of the ': ' after it; "
                    "put the whole text in quotes (\"…\")"), at_key=True)  # fmt: skip
                ok = False
            elif key not in names:
                import difflib

                close = difflib.get_close_matches(str(key), names, n=1)
                self.fail(
                    (*path, key),
                    UNKNOWN_KEY,
                    N_("unknown key '{key}'"),
                    at_key=True,
                    suggestion=close[0] if close else None,
                )
                ok = False
        values: dict[str, Any] = {}
        for name, hint, required, optional in _field_plan(cls):
            raw = data.get(name)
            if raw is None:
                if name not in data and required:
                    self.fail((*path, name), MISSING, N_("missing required key '{key}'"),
                              at_key=True)  # fmt: skip
                    ok = False
                elif name in data and required and not optional:
                    self.fail((*path, name), EMPTY, N_("'{key}' must not be empty"))
                    ok = False
                elif name in data and optional:
                    values[name] = None
                continue
            value, value_ok = self.value(hint, raw, (*path, name))
            if value_ok:
                values[name] = value
            ok = ok and value_ok
        if not ok:
            return None, False
        record = cls(**values)
        for field_name, code, message in getattr(record, "problems", list)():
            where = (*path, field_name) if field_name else path
            self.fail(where, code, message)
        return record, True


@cache
def _field_plan(cls: type) -> tuple[tuple[str, Any, bool, bool], ...]:
    """(name, hint, required, accepts None) for each field of ``cls``, once."""
    hints = type_hints(cls)
    return tuple(
        (
            spec.name,
            hints[spec.name],
            spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING,
            _accepts_none(hints[spec.name]),
        )
        for spec in dataclasses.fields(cls)
    )


def _is_integer(data: Any) -> bool:
    return isinstance(data, int) and not isinstance(data, bool)


def _is_number(data: Any) -> bool:
    return isinstance(data, int | float) and not isinstance(data, bool)


@cache
def _accepts_none(hint: Any) -> bool:
    base, _ = strip_annotated(hint)
    return is_union(base) and type(None) in typing.get_args(base)


def convert(cls: type, data: Any) -> tuple[Any, list[Issue]]:
    """``data`` as an instance of dataclass ``cls`` and the problems found."""
    converter = _Converter()
    value, _ = converter.record(cls, data, ())
    return value, converter.issues
