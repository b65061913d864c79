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


@dataclass(frozen=True, eq=False)  # hashed by identity: type hints holding it are cached
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
_DATE_SCHEMA = {
    "anyOf": [{"type": "string"}, {"type": "integer"}],
    "examples": ["2024-01-05", "05/01/2024", 2023],
}
DateValue = Annotated[DocumentDate, Parser(_parse_date, _DATE_SCHEMA)]
OptionalDateValue = Annotated[  # blank or absent: None
    DocumentDate | None,
    Parser(_parse_date, {**_DATE_SCHEMA, "anyOf": [*_DATE_SCHEMA["anyOf"], {"type": "null"}]}),
]


@dataclass(kw_only=True, slots=True)
class Issuer:
    """Top-left block: the superior body (optional) and the issuing body.

    Either written out (``name``, ``superior``) or derived from ``level`` and
    the names of the province, district, commune or unit (data/issuers.yaml).
    """

    level: Annotated[
        str | None,
        Doc("Cấp ban hành, ví dụ ban-thuong-vu-tinh-uy, van-phong-tinh-uy, dang-uy, chi-bo"),
    ] = None
    name: Annotated[
        str | None, Doc("Tên cơ quan ban hành, ví dụ TỈNH ỦY HẬU GIANG; mặc định theo cấp")
    ] = None
    superior: Annotated[
        str | None, Doc("Tên cơ quan cấp trên trực tiếp, ví dụ ĐẢNG BỘ TỈNH HẬU GIANG")
    ] = None
    code: Annotated[
        str | None, Doc("Chữ viết tắt cơ quan trong ký hiệu: TU, VPTU, BTGTU, HU, ĐU …")
    ] = None
    province: Annotated[str | None, Doc("Tên tỉnh, thành phố, ví dụ Hậu Giang")] = None
    province_kind: Annotated[str | None, Doc("tỉnh (mặc định) hoặc thành phố")] = None
    district: Annotated[str | None, Doc("Tên huyện, quận, thị xã, thành phố thuộc tỉnh")] = None
    district_kind: Annotated[str | None, Doc("huyện (mặc định), quận, thị xã hoặc thành phố")] = (
        None
    )
    commune: Annotated[str | None, Doc("Tên xã, phường, thị trấn")] = None
    commune_kind: Annotated[str | None, Doc("xã (mặc định), phường, thị trấn hoặc đặc khu")] = None
    unit: Annotated[
        str | None,
        Doc("Ban tham mưu (to-chuc, tuyen-giao, dan-van …) hoặc tên chi bộ, ví dụ Chi bộ ấp 1"),
    ] = None


@dataclass(kw_only=True, slots=True)
class Signature:
    """The signature block: authority line, position, name (blank in a draft).

    Written out, or derived from the issuer and ``form`` (T/M, K/T, T/L …).
    """

    form: Annotated[
        str | None, Doc("Hình thức ký: T/M, K/T, T/L, T.L, Q. hoặc trực tiếp; mặc định theo cấp")
    ] = None
    deputy: Annotated[bool | None, Doc("true: cấp phó ký (PHÓ BÍ THƯ, PHÓ TRƯỞNG BAN …)")] = None
    authority: Annotated[str | None, Doc("Quyền hạn ký: T/M BAN THƯỜNG VỤ, K/T …")] = None
    position: Annotated[str | None, Doc("Chức vụ người ký: BÍ THƯ, PHÓ BÍ THƯ …")] = None
    name: Annotated[str | None, Doc("Họ tên người ký; để trống trong dự thảo")] = None


@dataclass(kw_only=True, slots=True)
class JointIssuer:
    """Another body issuing the document together with the first (văn bản liên tịch)."""

    level: Annotated[str | None, Doc("Cấp ban hành của cơ quan cùng ban hành")] = None
    name: Annotated[str | None, Doc("Tên cơ quan cùng ban hành")] = None
    superior: Annotated[str | None, Doc("Tên cơ quan cấp trên trực tiếp của cơ quan đó")] = None
    code: Annotated[str | None, Doc("Chữ viết tắt của cơ quan đó trong ký hiệu")] = None
    unit: Annotated[str | None, Doc("Ban tham mưu hoặc tên chi bộ của cơ quan đó")] = None
    signature: Annotated[Signature, Doc("Thể thức đề ký của cơ quan đó")] = field(
        default_factory=Signature
    )


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
    lead: Annotated[str | None, Doc("Cơ quan chủ trì thực hiện nhiệm vụ")] = None
    support: Annotated[Paragraphs, Doc("Các cơ quan phối hợp, mỗi dòng một cơ quan")] = field(
        default_factory=list
    )
    deadline: Annotated[
        str | None, Doc("Thời gian thực hiện: Tháng 3/2024, Quý I/2024, 15/3/2024, Thường xuyên")
    ] = None

    def problems(self) -> list[tuple[str | None, str, str]]:
        """(field or None, code, message id) for a section that parses but makes no sense."""
        if not (self.heading or self.text or self.bullets or self.sections):
            if self.lead or self.support or self.deadline:
                return [
                    (
                        None,
                        "task_without_text",
                        N_(
                            "this task has an owner or a deadline but no text: "
                            "write what is to be done"
                        ),
                    )
                ]
            return [(None, "section_empty", N_("this section is empty: give it a heading or text"))]
        return []


@dataclass(kw_only=True, slots=True)
class CopyMark:
    """The components of a copy (bản sao) printed after the original's last line."""

    kind: Annotated[str, Doc("Hình thức sao: sao y (mặc định), trích sao hoặc sao lục")] = "sao y"
    issuer: Annotated[Issuer | None, Doc("Cơ quan sao; mặc định là cơ quan ban hành")] = None
    number: Annotated[NumberValue, Doc("Số bản sao (ký hiệu BS); để trống khi chưa vào sổ")] = None
    place: Annotated[str | None, Doc("Địa danh nơi sao; mặc định như văn bản")] = None
    date: Annotated[OptionalDateValue, Doc("Ngày sao (2024-01-05)")] = None
    signature: Annotated[Signature, Doc("Thể thức đề ký của bản sao")] = field(
        default_factory=Signature
    )
    recipients: Annotated[list[str], Doc("Nơi nhận bản sao, mỗi dòng một nơi")] = field(
        default_factory=list
    )


@dataclass(kw_only=True, slots=True)
class Outline:
    """One document: header fields, title, body tree, signature, recipients.

    Fields left out are taken from the organisation settings (drafter.yaml) or
    derived from the document type and the issuer's level.
    """

    type: Annotated[str, Doc("Loại văn bản, ví dụ chuong-trinh (xem: drafter new --list)")] = (
        "chuong-trinh"
    )
    issuer: Annotated[Issuer | None, Doc("Cơ quan ban hành; mặc định theo drafter.yaml")] = None
    joint: Annotated[list[JointIssuer], Doc("Các cơ quan cùng ban hành (văn bản liên tịch)")] = (
        field(default_factory=list)
    )
    number: Annotated[NumberValue, Doc("Số văn bản; để trống trong dự thảo")] = None
    symbol: Annotated[
        str | None, Doc("Ký hiệu: loại văn bản/cơ quan, ví dụ CTr/TU; mặc định tự ghép")
    ] = None
    place: Annotated[str | None, Doc("Địa danh, ví dụ Hậu Giang; mặc định theo drafter.yaml")] = (
        None
    )
    date: Annotated[
        OptionalDateValue, Doc("Ngày ban hành (2024-01-05); dự thảo chỉ ghi năm (2023)")
    ] = None
    draft: Annotated[DraftValue, Doc("true: in 'Dự thảo'; 2: 'Dự thảo lần 2'; false")] = True
    secrecy: Annotated[str | None, Doc("Độ mật: Mật, Tối mật hoặc Tuyệt mật")] = None
    urgency: Annotated[
        str | None, Doc("Độ khẩn: Khẩn, Thượng khẩn, Hỏa tốc hoặc Hỏa tốc hẹn giờ")
    ] = None
    type_name: Annotated[str | None, Doc("Tên loại; mặc định theo loại văn bản")] = None
    title: Annotated[str, Doc("Trích yếu nội dung")]
    addressees: Annotated[Paragraphs, Doc("Kính gửi (công văn, tờ trình), mỗi dòng một nơi")] = (
        field(default_factory=list)
    )
    preamble: Annotated[Paragraphs, Doc("Phần mở đầu (Căn cứ …)")] = field(default_factory=list)
    enacting: Annotated[
        str | None, Doc("Dòng trước các điều của quyết định; mặc định theo loại văn bản")
    ] = None
    sections: Annotated[list[Annotated[Section, ItemShorthand()]], Doc("Các phần I., II. …")] = (
        field(default_factory=list)
    )
    closing: Annotated[Paragraphs, Doc("Đoạn kết")] = field(default_factory=list)
    signature: Annotated[Signature, Doc("Thể thức đề ký")] = field(default_factory=Signature)
    recipients: Annotated[list[str], Doc("Nơi nhận, mỗi dòng một nơi")] = field(
        default_factory=list
    )
    archive: Annotated[str | None, Doc("Dòng lưu cuối nơi nhận, ví dụ Lưu Văn phòng Tỉnh ủy.")] = (
        None
    )
    numbering: Annotated[
        str | None,
        Doc(
            "Kiểu đánh số: hd36, hd36-hyphen, hyphen, arabic, dieu, quy-dinh; hd36-letter, "
            "hd36-hyphen-letter, arabic-letter (a) ngay dưới 1.)"
        ),
    ] = None
    task_table: Annotated[
        bool | None, Doc("true: in phụ lục bảng nhiệm vụ (chủ trì, phối hợp, thời gian)")
    ] = None
    task_order: Annotated[
        str | None, Doc("Thứ tự bảng nhiệm vụ: outline (theo dàn ý), deadline, lead")
    ] = None
    appendix_title: Annotated[str | None, Doc("Tên phụ lục bảng nhiệm vụ")] = None
    copy: Annotated[CopyMark | None, Doc("Thành phần thể thức bản sao (BẢN SAO)")] = None
    format: Annotated[str | None, Doc("Bộ quy tắc thể thức; mặc định theo drafter.yaml")] = None

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
