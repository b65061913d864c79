"""The registry of document types (``data/document_types.yaml``)."""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from drafter.resources import load_data


class DocumentType(NamedTuple):
    key: str  # "chuong-trinh"
    name: str  # "Chương trình"
    type_name: str  # "CHƯƠNG TRÌNH"
    abbr: str  # "CTr"
    numbering: str  # numbering style name
    template: str  # file name under templates/


@cache
def _registry() -> dict[str, DocumentType]:
    return {
        key: DocumentType(key=key, **fields) for key, fields in load_data("document_types").items()
    }


def type_keys() -> tuple[str, ...]:
    return tuple(_registry())


def get_type(key: str) -> DocumentType:
    """The type registered under ``key`` (KeyError if unknown)."""
    return _registry()[key]
