"""The outline: a typed model of one Party document, as a clerk writes it in YAML.

Keys are short English words; values are Vietnamese text exactly as it must
appear. The model is plain dataclasses with type hints; ``drafter.convert``
turns loaded YAML into these classes (collecting every problem with its
position) and ``drafter.jsonschema`` derives the JSON Schema from the same
hints. Two shorthands make hand-writing comfortable:

* a string where a list of paragraphs is expected is split at line breaks, so
  a ``text: |`` block holds one paragraph per line;
* a string where a section is expected is a numbered item: a section with one
  paragraph and no heading ("1. Tập trung …").

(Why not pydantic: building its validators costs ~70 ms at every start, more
than half of the cold-build budget; see docs/architecture.md.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from drafter.dates import DocumentDate
from drafter.i18n import N_


@dataclass(frozen=True)
class Doc:
    """Field documentation, shown by ``drafter schema`` (Vietnamese for clerks)."""

    text: str


class SplitLines:
    """Marker: a string value becomes the list of its non-blank lines."""


class ItemShorthand:
    """Marker: a string list item becomes ``Section(text=[item])``."""


@dataclass(frozen=True)
class Parser:
    """Marker: convert the raw value with ``function`` (raises ``ValueProblem``)."""

    function: object
    schema: dict


class ValueProblem(ValueError):
    """A value that has the right type but a wrong content (code + message id)."""

    def __init__(self, code: str, message: str, **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.params = params


def _parse_date(value: object) -> DocumentDate:
    from drafter.dates import DateParseError, parse_document_date

    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueProblem(
            "date_type", N_("'{key}' must be a date such as 2024-01-05, or a year such as 2023")
        )
    try:
        return parse_document_date(str(value))
    except DateParseError:
        raise ValueProblem(
            "date_invalid", N_("'{key}' is not a real date: {text}"), text=value
        ) from None


def _parse_number(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueProblem("number_digits", N_("the number is digits only, e.g. 05"))
    text = str(value).strip()
    if text and not text.isdigit():
        raise ValueProblem("number_digits", N_("the number is digits only, e.g. 05"))
    return text or None


def _parse_draft(value: object) -> bool | int:
    if isinstance(value, bool) or (isinstance(value, int) and value >= 1):
        return value
    raise ValueProblem("draft_round", N_("'draft' is true, false or the round number (1, 2, …)"))


Paragraphs = Annotated[list[str], SplitLines()]
NumberValue = Annotated[
    str | None,
    Parser(_parse_number, {"anyOf": [{"type": "string", "pattern": "^[0-9]*$"},
                                      {"type": "integer", "minimum": 0}, {"type": "null"}]}),
]  # fmt: skip
DraftValue = Annotated[
    bool | int,
    Parser(_parse_draft, {"anyOf": [{"type": "boolean"}, {"type": "integer", "minimum": 1}]}),
]
DateValue = Annotated[
    DocumentDate,
    Parser(
        _parse_date,
        {
            "anyOf": [{"type": "string"}, {"type": "integer"}],
            "examples": ["2024-01-05", "05/01/2024", 2023],
        },
    ),
]


@dataclass(kw_only=True, slots=True)
class Issuer:
    """Top-left block: the superior body (optional) and the issuing body."""

    name: Annotated[str, Doc("Tên cơ quan ban hành, ví dụ TỈNH ỦY HẬU GIANG")]
    superior: Annotated[
        str | None, Doc("Tên cơ quan cấp trên trực tiếp, ví dụ ĐẢNG BỘ TỈNH HẬU GIANG")
    ] = None


@dataclass(kw_only=True, slots=True)
class Signature:
    """The signature block: authority line, position, name (blank in a draft)."""

    authority: Annotated[str | None, Doc("Quyền hạn ký: T/M BAN THƯỜNG VỤ, K/T …")] = None
    position: Annotated[str | None, Doc("Chức vụ người ký: BÍ THƯ, PHÓ BÍ THƯ …")] = None
    name: Annotated[str | None, Doc("Họ tên người ký; để trống trong dự thảo")] = None


@dataclass(kw_only=True, slots=True)
class Section:
    """A numbered part of the body: heading, paragraphs, bullets, sub-sections.

    Without a heading, the label is written in front of the first paragraph
    ("1. Tập trung …"), which is how a numbered item is written.
    """

    heading: Annotated[str | None, Doc("Tên mục; bỏ trống nếu là một ý được đánh số")] = None
    text: Annotated[Paragraphs, Doc("Các đoạn văn, mỗi dòng một đoạn")] = field(
        default_factory=list
    )
    bullets: Annotated[Paragraphs, Doc("Các ý gạch đầu dòng (-)")] = field(default_factory=list)
    sections: Annotated[list[Annotated[Section, ItemShorthand()]], Doc("Các mục con")] = field(
        default_factory=list
    )

    def problems(self) -> list[tuple[str | None, str, str]]:
        """(field or None, code, message id) for a section that parses but makes no sense."""
        if not (self.heading or self.text or self.bullets or self.sections):
            return [(None, "section_empty", N_("this section is empty: give it a heading or text"))]
        return []


@dataclass(kw_only=True, slots=True)
class Outline:
    """One document: header fields, title, body tree, signature, recipients."""

    type: Annotated[str, Doc("Loại văn bản, ví dụ chuong-trinh (xem: drafter new --list)")] = (
        "chuong-trinh"
    )
    issuer: Annotated[Issuer, Doc("Cơ quan ban hành")]
    number: Annotated[NumberValue, Doc("Số văn bản; để trống trong dự thảo")] = None
    symbol: Annotated[str, Doc("Ký hiệu: loại văn bản/cơ quan, ví dụ CTr/TU")]
    place: Annotated[str, Doc("Địa danh, ví dụ Hậu Giang")]
    date: Annotated[DateValue, Doc("Ngày ban hành (2024-01-05); dự thảo chỉ ghi năm (2023)")]
    draft: Annotated[DraftValue, Doc("true: in 'Dự thảo'; 2: 'Dự thảo lần 2'; false")] = True
    type_name: Annotated[str | None, Doc("Tên loại; mặc định theo loại văn bản")] = None
    title: Annotated[str, Doc("Trích yếu nội dung")]
    preamble: Annotated[Paragraphs, Doc("Phần mở đầu (Căn cứ …)")] = field(default_factory=list)
    sections: Annotated[list[Annotated[Section, ItemShorthand()]], Doc("Các phần I., II. …")] = (
        field(default_factory=list)
    )
    closing: Annotated[Paragraphs, Doc("Đoạn kết")] = field(default_factory=list)
    signature: Annotated[Signature, Doc("Thể thức đề ký")] = field(default_factory=Signature)
    recipients: Annotated[list[str], Doc("Nơi nhận, mỗi dòng một nơi")] = field(
        default_factory=list
    )
    numbering: Annotated[str | None, Doc("Kiểu đánh số: hd36, hd36-hyphen, hyphen, arabic")] = None

    @property
    def is_draft(self) -> bool:
        return self.draft is not False

    @property
    def draft_mark(self) -> str | None:
        """``Dự thảo`` / ``Dự thảo lần 2`` / None for a final document."""
        if self.draft is False:
            return None
        if self.draft is True:
            return "Dự thảo"
        return f"Dự thảo lần {self.draft}"
