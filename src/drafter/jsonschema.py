"""The JSON Schema of the outline, derived from the model's type hints.

The same hints drive ``convert.py``, so the schema accepts exactly what the
loader accepts: the string shorthands (a text block for a list of paragraphs,
a string for a numbered item), the parsed values (dates, numbers, draft
rounds) and the Vietnamese field documentation from ``Doc(...)``. Editors such
as VS Code's YAML extension use it for completion and validation.
"""

from __future__ import annotations

import dataclasses
import typing
from typing import Any

from drafter.convert import is_union, strip_annotated, type_hints
from drafter.model import Doc, ItemShorthand, Parser, SplitLines

SCHEMA_ID = "https://drafter.example.org/schema/outline.json"


class _SchemaBuilder:
    def __init__(self) -> None:
        self.definitions: dict[str, Any] = {}

    def hint(self, hint: Any) -> dict[str, Any]:
        base, meta = strip_annotated(hint)
        parser = next((m for m in meta if isinstance(m, Parser)), None)
        if parser is not None:
            schema = dict(parser.schema)
        elif is_union(base):
            arms = [self.hint(arm) for arm in typing.get_args(base)]
            schema = {"anyOf": arms}
        elif typing.get_origin(base) is list:
            (item,) = typing.get_args(base)
            schema = {"type": "array", "items": self.hint(item)}
            if any(isinstance(m, SplitLines) for m in meta):
                schema = {"anyOf": [{"type": "string"}, schema]}
        elif dataclasses.is_dataclass(base):
            schema = {"$ref": f"#/$defs/{self.record(base)}"}
            if any(isinstance(m, ItemShorthand) for m in meta):
                schema = {"anyOf": [{"type": "string"}, schema]}
        else:
            schema = self.scalar(base)
        doc = next((m for m in meta if isinstance(m, Doc)), None)
        if doc is not None:
            schema["description"] = doc.text
        return schema

    @staticmethod
    def scalar(kind: Any) -> dict[str, Any]:
        if kind is type(None):
            return {"type": "null"}
        if kind is bool:
            return {"type": "boolean"}
        if kind is int:
            return {"type": "integer"}
        if kind is str:
            return {"type": ["string", "number"]}  # numbers are read as text
        raise TypeError(f"no JSON Schema for {kind!r}")

    def record(self, cls: type) -> str:
        name = cls.__name__
        if name in self.definitions:
            return name
        self.definitions[name] = {}  # placeholder: recursive types refer to it
        hints = type_hints(cls)
        properties = {}
        required = []
        for spec in dataclasses.fields(cls):
            properties[spec.name] = self.hint(hints[spec.name])
            has_default = (spec.default is not dataclasses.MISSING
                           or spec.default_factory is not dataclasses.MISSING)  # fmt: skip
            if has_default and spec.default is not dataclasses.MISSING:
                default = spec.default
                if isinstance(default, str | int | bool) or default is None:
                    properties[spec.name].setdefault("default", default)
            if not has_default:
                required.append(spec.name)
        definition: dict[str, Any] = {
            "type": "object",
            "properties": properties,
            "additionalProperties": False,
        }
        if cls.__doc__:
            definition["description"] = cls.__doc__.strip().splitlines()[0]
        if required:
            definition["required"] = required
        self.definitions[name] = definition
        return name


def outline_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of an outline file."""
    from drafter.model import Outline

    builder = _SchemaBuilder()
    root = builder.record(Outline)
    definitions = dict(builder.definitions)
    top = definitions.pop(root)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "drafter outline",
        **top,
        "$defs": definitions,
    }
