"""Outline -> YAML text, and edits written into an existing outline in place.

Generic over the model: values are walked through ``dataclasses.fields`` and
the type hints (``SplitLines`` paragraph lists become ``|`` blocks, sections
that are a single paragraph become the one-line shorthand, fields left at
their default are left out), so fields added to the model are written too.

``update_outline_text`` loads the existing outline with ruamel.yaml's
round-trip mode and changes only the values that differ, so comments, key
order and the way each value was written stay as the person left them. Every
text produced is loaded back and compared with the outline it must hold
before anyone writes it.
"""

from __future__ import annotations

import dataclasses
import io
import typing
from typing import Any

from drafter.convert import strip_annotated as _strip
from drafter.convert import type_hints as _hints
from drafter.dates import DocumentDate
from drafter.errors import DrafterError
from drafter.i18n import _
from drafter.model import ItemShorthand, Outline, SplitLines


def _default(spec: dataclasses.Field) -> Any:
    if spec.default is not dataclasses.MISSING:
        return spec.default
    if spec.default_factory is not dataclasses.MISSING:
        return spec.default_factory()
    return dataclasses.MISSING


def _is_shorthand(value: Any) -> bool:
    """A section that is only one paragraph is written as that paragraph."""
    if not dataclasses.is_dataclass(value):
        return False
    if "text" not in {f.name for f in dataclasses.fields(value)}:
        return False
    text = value.text  # type: ignore[attr-defined]
    return (
        isinstance(text, list)
        and len(text) == 1
        and all(
            getattr(value, f.name) == _default(f)
            for f in dataclasses.fields(value)
            if f.name != "text"
        )
    )


def plain(value: Any, hint: Any = None) -> Any:
    """``value`` as the plain data an outline file holds (defaults left out)."""
    base, meta = _strip(hint) if hint is not None else (None, ())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if any(isinstance(m, ItemShorthand) for m in meta) and _is_shorthand(value):
            return value.text[0]  # type: ignore[attr-defined]
        hints = _hints(type(value))
        out: dict[str, Any] = {}
        for spec in dataclasses.fields(value):
            item = getattr(value, spec.name)
            default = _default(spec)
            if default is not dataclasses.MISSING and item == default:
                continue
            out[spec.name] = plain(item, hints[spec.name])
        return out
    if isinstance(value, DocumentDate):
        return value.iso() if value.is_complete else value.year
    if isinstance(value, list):
        item_hint = typing.get_args(base)[0] if typing.get_args(base) else None
        return [plain(item, item_hint) for item in value]
    return value


def _block_safe(lines: list[str]) -> bool:
    return all(
        line and line == line.strip() and not any(c in line for c in "\n\r\t\x85\u2028\u2029")
        for line in lines
    )


def _styled(value: Any, hint: Any, literal: bool) -> Any:
    """ruamel nodes for ``value``: paragraph lists as ``|`` blocks where they survive."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString

    base, meta = _strip(hint) if hint is not None else (None, ())
    splits = any(isinstance(m, SplitLines) for m in meta)
    if isinstance(value, list) and literal and splits and value and _block_safe(value):
        return LiteralScalarString("\n".join(value) + "\n")
    if isinstance(value, dict):
        cls = base if dataclasses.is_dataclass(base) else None
        hints = _hints(cls) if cls else {}
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = _styled(item, hints.get(key), literal)
        return mapping
    if isinstance(value, list):
        args = typing.get_args(base) if base is not None else ()
        return CommentedSeq(_styled(item, args[0] if args else None, literal) for item in value)
    return value


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.width = 1 << 16
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    return yaml


def _dump(yaml: Any, document: Any) -> str:
    buffer = io.StringIO()
    yaml.dump(document, buffer)
    return buffer.getvalue()


def _holds(text: str, outline: Outline) -> bool:
    from drafter.errors import InputError
    from drafter.loader import load_outline_text

    try:
        return load_outline_text(text, "<outline>").outline == outline
    except InputError:
        return False


class WriterError(DrafterError):
    """The outline could not be written faithfully (a bug: please report it)."""


def dump_outline(outline: Outline, header: str = "") -> str:
    """YAML text of ``outline`` (a ``#`` comment ``header`` on top)."""
    data = plain(outline, Outline)
    for literal in (True, False):
        yaml = _yaml()
        text = _dump(yaml, _styled(data, Outline, literal))
        if header:
            text = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines()) + text
        if _holds(text, outline):
            return text
    raise WriterError(_("the outline could not be written faithfully; please report this"))


def _update_record(raw: Any, old: Any, new: Any, cls: type, literal: bool) -> None:
    from ruamel.yaml.comments import CommentedMap

    hints = _hints(cls)
    order = [f.name for f in dataclasses.fields(cls)]
    for spec in dataclasses.fields(cls):
        name, hint = spec.name, hints[spec.name]
        old_value = getattr(old, name) if old is not None else _default(spec)
        new_value = getattr(new, name)
        if old_value == new_value and (name in raw or new_value == _default(spec)):
            continue
        base, _meta = _strip(hint)
        if (
            dataclasses.is_dataclass(new_value)
            and isinstance(raw.get(name), CommentedMap)
            and dataclasses.is_dataclass(base)
        ):
            _update_record(raw[name], old_value, new_value, base, literal)
            continue
        if _default(spec) is not dataclasses.MISSING and new_value == _default(spec):
            if name in raw:
                raw[name] = None
            continue
        styled = _styled(plain(new_value, hint), hint, literal)
        if name in raw and isinstance(new_value, list) and isinstance(raw[name], list):
            _update_list(raw[name], old_value, new_value, hint, literal)
        elif name in raw:
            raw[name] = styled
        else:
            present = [k for k in order[: order.index(name)] if k in raw]
            position = list(raw).index(present[-1]) + 1 if present else 0
            raw.insert(position, name, styled)


def _update_list(raw: Any, old: list[Any], new: list[Any], hint: Any, literal: bool) -> None:
    from ruamel.yaml.comments import CommentedMap

    base, _meta = _strip(hint)
    args = typing.get_args(base)
    item_hint = args[0] if args else None
    item_base = _strip(item_hint)[0] if item_hint is not None else None
    for index, value in enumerate(new):
        if index >= len(raw):
            raw.append(_styled(plain(value, item_hint), item_hint, literal))
            continue
        previous = old[index] if index < len(old) else None
        if previous == value:
            continue
        if (
            dataclasses.is_dataclass(value)
            and isinstance(raw[index], CommentedMap)
            and dataclasses.is_dataclass(item_base)
        ):
            _update_record(raw[index], previous, value, item_base, literal)
        else:
            raw[index] = _styled(plain(value, item_hint), item_hint, literal)
    while len(raw) > len(new):
        del raw[len(new)]


def update_outline_text(text: str, old: Outline, new: Outline) -> str:
    """``text`` (the outline that loads as ``old``) changed to hold ``new``."""
    for literal in (True, False):
        yaml = _yaml()
        document = yaml.load(text)
        _update_record(document, old, new, Outline, literal)
        updated = _dump(yaml, document)
        if _holds(updated, new):
            return updated
    raise WriterError(_("the outline could not be updated faithfully; please report this"))
