"""The registry of document types (``data/document_types.yaml``)."""

from __future__ import annotations

from functools import cache
from typing import Any, NamedTuple

from drafter.resources import load_data

STANDARD_LAYOUT = "standard"  # type name and trích yếu centred under the header
LETTER_LAYOUT = "letter"  # công văn: "V/v …" under the number, "Kính gửi:", no type name


class DocumentType(NamedTuple):
    key: str  # "chuong-trinh"
    name: str  # "Chương trình"
    type_name: str  # "CHƯƠNG TRÌNH"
    abbr: str  # "CTr"
    numbering: str  # numbering style name
    template: str  # file name under templates/
    alt_abbr: tuple[str, ...] = ()  # other accepted codes ("QĐi" for a Quy định)
    confidence: str = "reported"  # of the abbreviation: observed | reported
    layout: str = STANDARD_LAYOUT
    signature_forms: tuple[str, ...] = ()  # forms the type allows; () = any
    task_table: bool = False  # an appendix table of tasks by default
    enacting: str | None = None  # "{body} QUYẾT ĐỊNH"
    addressees: bool = False  # addressed with "Kính gửi:"
    recipients: tuple[str, ...] = ()  # recipients placed before the defaults

    @property
    def abbreviations(self) -> tuple[str, ...]:
        """Every type code an outline's symbol may carry for this type."""
        return (self.abbr, *self.alt_abbr)

    @property
    def is_letter(self) -> bool:
        return self.layout == LETTER_LAYOUT


_TUPLE_FIELDS = ("alt_abbr", "signature_forms", "recipients")


def _document_type(key: str, fields: dict[str, Any]) -> DocumentType:
    values = {name: tuple(fields[name]) if name in _TUPLE_FIELDS else fields[name]
              for name in fields}  # fmt: skip
    return DocumentType(key=key, **values)


@cache
def _registry() -> dict[str, DocumentType]:
    return {key: _document_type(key, fields) for key, fields in load_data("document_types").items()}


def type_keys() -> tuple[str, ...]:
    return tuple(_registry())


def all_types() -> tuple[DocumentType, ...]:
    return tuple(_registry().values())


def get_type(key: str) -> DocumentType:
    """The type registered under ``key`` (KeyError if unknown)."""
    return _registry()[key]


def template_names() -> tuple[str, ...]:
    """Every template file the registry refers to, in registry order, once each."""
    return tuple(dict.fromkeys(doctype.template for doctype in all_types()))
