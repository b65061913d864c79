"""Outline -> the plain data a template needs (pure; no Word, no I/O).

The body becomes a flat list of ``Block`` records in reading order, each with
its paragraph style, its computed numbering label and the path of the outline
node it came from (``sections.1.sections.0.text.2``), so later steps (the
provenance snapshot, merging, checking) can map a paragraph back to the outline.

``build_context`` takes a ``ResolvedDocument`` (``drafter.resolve``: the
outline with the organisation settings and every derived value applied); a
plain ``Outline`` is resolved with the built-in defaults only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from drafter import dates, doctypes, numbering
from drafter.model import Outline, Section

if TYPE_CHECKING:
    from drafter.resolve import ResolvedCopy, ResolvedDocument, Signer

BODY_STYLE = "BodyText"
HEADING_STYLES = ("Heading1", "Heading2", "Heading3", "Heading4")
ENACTING_STYLE = "Enacting"  # "BAN THƯỜNG VỤ TỈNH ỦY QUYẾT ĐỊNH"
TASK_STYLE = "TaskNote"  # "Cơ quan chủ trì: …; thời gian thực hiện: …."


class Block(NamedTuple):
    """One body paragraph: style, label ("1.1." or ""), text, outline path."""

    style: str
    label: str
    text: str
    path: str
    level: int = 0  # 0 for preamble/closing, else the depth of its section
    strong: bool = False  # the label is bold in a body paragraph ("Điều 1.")

    @property
    def full_text(self) -> str:
        return f"{self.label} {self.text}" if self.label else self.text


class TaskFormat(NamedTuple):
    """How owners and deadlines are written after a task (format pack ``tasks``)."""

    in_text: bool = True
    lead: str = "Cơ quan chủ trì"
    support: str = "cơ quan phối hợp"
    deadline: str = "thời gian thực hiện"
    separator: str = "; "
    end: str = "."

    def note(self, section: Section) -> str | None:
        if not self.in_text:
            return None
        return "".join(part.text for part in self.note_parts(section)) or None

    def note_parts(self, section: Section) -> list[NotePart]:
        """The note, stretch by stretch: the words drafter writes ("Cơ quan chủ
        trì: ", "; ", ".") and the values the outline gives (each cơ quan phối
        hợp on its own), each with the field it belongs to (empty when the
        section has no owner and no deadline)."""
        fields = [
            (name, label, values)
            for name, label, values in (
                ("lead", self.lead, [section.lead] if section.lead else []),
                ("support", self.support, section.support),
                ("deadline", self.deadline, [section.deadline] if section.deadline else []),
            )
            if values
        ]
        parts: list[NotePart] = []
        for number, (name, label, values) in enumerate(fields):
            lead_in = f"{self.separator if number else ''}{label}: "
            parts.append(NotePart(name, None, lead_in))
            for index, value in enumerate(values):
                if index:
                    parts.append(NotePart(name, None, ", "))
                parts.append(NotePart(name, index if name == "support" else None, value, True))
        if parts:
            parts.append(NotePart(fields[-1][0], None, self.end))
        return parts


class NotePart(NamedTuple):
    """A stretch of a task's note: generated words, or a value of ``field``
    (``index``: which cơ quan phối hợp)."""

    field: str  # lead | support | deadline
    index: int | None
    text: str
    value: bool = False


class FormatSettings(NamedTuple):
    """The parts of a format rule pack that change the text (not the layout)."""

    padding: dates.PaddingRule = dates.HD36_PADDING
    blanks: dates.DraftBlanks = dates.DraftBlanks()
    number_prefix: str = "Số"
    number_blank: str = " " * 6
    motto: str = "ĐẢNG CỘNG SẢN VIỆT NAM"
    star: str = "*"
    title_rule: str = "-----"
    recipients_heading: str = "Nơi nhận:"
    recipient_prefix: str = "- "
    letter_excerpt_prefix: str = "V/v "
    marks_uppercase: bool = True
    addressee_label: str = "Kính gửi:"
    addressee_prefix: str = "- "
    tasks: TaskFormat = TaskFormat()
    table: dict[str, Any] | None = None  # format pack ``tasks.table``
    joint_lead_right: bool = True

    @classmethod
    def from_pack(cls, pack: dict[str, Any]) -> FormatSettings:
        date = pack.get("date", {})
        header = pack.get("header", {})
        tasks = pack.get("tasks", {})
        labels = tasks.get("labels", {})
        addressees = pack.get("addressees", {})
        return cls(
            padding=dates.PaddingRule.from_mapping(date),
            blanks=dates.DraftBlanks(
                day=date.get("draft_day_blank", " " * 6),
                month=date.get("draft_month_blank", " " * 5),
            ),
            number_prefix=header.get("number_prefix", "Số"),
            number_blank=header.get("number_blank", " " * 6),
            motto=header.get("motto", "ĐẢNG CỘNG SẢN VIỆT NAM"),
            star=header.get("star", "*"),
            title_rule=pack.get("title", {}).get("rule", "-----"),
            recipients_heading=pack.get("recipients", {}).get("heading", "Nơi nhận:"),
            recipient_prefix=pack.get("recipients", {}).get("item_prefix", "- "),
            letter_excerpt_prefix=header.get("letter_excerpt_prefix", "V/v "),
            marks_uppercase=pack.get("marks", {}).get("uppercase", True),
            addressee_label=addressees.get("label", "Kính gửi:"),
            addressee_prefix=addressees.get("item_prefix", "- "),
            tasks=TaskFormat(
                in_text=tasks.get("in_text", True),
                lead=labels.get("lead", "Cơ quan chủ trì"),
                support=labels.get("support", "cơ quan phối hợp"),
                deadline=labels.get("deadline", "thời gian thực hiện"),
                separator=tasks.get("separator", "; "),
                end=tasks.get("end", "."),
            ),
            table=tasks.get("table"),
            joint_lead_right=pack.get("signature", {}).get("joint_lead_side", "right") == "right",
        )


def load_format_pack(name: str = "hd36_2018") -> dict[str, Any]:
    from drafter.resources import load_data

    return load_data(f"formats/{name}")


def number_line(outline: Outline, settings: FormatSettings) -> str:
    """``Số 05-CTr/TU``; ``Số      -CTr/TU`` while the number is blank."""
    if outline.number:
        return f"{settings.number_prefix} {outline.number}-{outline.symbol}"
    return f"{settings.number_prefix}{settings.number_blank}-{outline.symbol}"


def body_blocks(
    outline: Outline,
    style: numbering.NumberingStyle,
    enacting: str | None = None,
    tasks: TaskFormat | None = None,
) -> list[Block]:
    """Preamble, the enacting line, the numbered section tree and the closing."""
    blocks = [
        Block(BODY_STYLE, "", text, f"preamble.{i}") for i, text in enumerate(outline.preamble)
    ]
    if enacting:
        blocks.append(Block(ENACTING_STYLE, "", enacting, "enacting"))
    _Walker(style, tasks or TaskFormat(in_text=False), blocks).sections(
        outline.sections, (), "sections"
    )
    blocks.extend(
        Block(BODY_STYLE, "", text, f"closing.{i}") for i, text in enumerate(outline.closing)
    )
    return blocks


class _Walker:
    """Walks the section tree into blocks; counts continuous levels across parents."""

    def __init__(self, style: numbering.NumberingStyle, tasks: TaskFormat,
                 out: list[Block]) -> None:  # fmt: skip
        self.style = style
        self.tasks = tasks
        self.out = out
        self.running: dict[int, int] = {}

    def sections(self, sections: list[Section], counters: tuple[int, ...], path: str) -> None:
        out, style = self.out, self.style
        for index, section in enumerate(sections):
            depth = len(counters) + 1
            fmt = style.level(depth)
            if fmt.continuous:
                self.running[depth] = self.running.get(depth, 0) + 1
                own = (*counters, self.running[depth])
            else:
                own = (*counters, index + 1)
            label = numbering.format_label(own, style)
            here = f"{path}.{index}"
            paragraphs = list(enumerate(section.text))
            if section.heading is not None:
                heading_style = HEADING_STYLES[min(depth, len(HEADING_STYLES)) - 1]
                out.append(Block(heading_style, label, section.heading, f"{here}.heading", depth))
            elif paragraphs:
                first_index, first = paragraphs.pop(0)
                where = f"{here}.text.{first_index}"
                out.append(Block(BODY_STYLE, label, first, where, depth, fmt.strong))
            else:
                # a section with bullets or sub-sections only: the label stands alone
                out.append(Block(BODY_STYLE, label, "", f"{here}.label", depth, fmt.strong))
            out.extend(
                Block(BODY_STYLE, "", text, f"{here}.text.{i}", depth) for i, text in paragraphs
            )
            bullet = _bullet_symbol(style, depth + 1)
            out.extend(
                Block(BODY_STYLE, bullet, text, f"{here}.bullets.{i}", depth + 1)
                for i, text in enumerate(section.bullets)
            )
            note = self.tasks.note(section)
            if note:
                out.append(Block(TASK_STYLE, "", note, f"{here}.task", depth))
            self.sections(section.sections, own, f"{here}.sections")


def _bullet_symbol(style: numbering.NumberingStyle, depth: int) -> str:
    fmt = style.level(depth)
    if fmt.kind == "bullet":
        return fmt.symbol
    return next((lv.symbol for lv in style.levels if lv.kind == "bullet"), "-")


def numbering_style_for(outline: Outline) -> numbering.NumberingStyle:
    name = outline.numbering or doctypes.get_type(outline.type).numbering
    return numbering.get_style(name)


# --------------------------------------------------------------------------- tasks


class TaskRow(NamedTuple):
    index: str
    content: str
    lead: str
    support: str
    deadline: str
    path: str


def _sections_with_tasks(
    sections: list[Section], path: str, found: list[tuple[str, Section]]
) -> None:
    """(path, section) of every section with an owner or a deadline, in order (a
    module function: a nested recursive one is a reference cycle)."""
    for index, section in enumerate(sections):
        here = f"{path}.{index}"
        if section.lead or section.support or section.deadline:
            found.append((here, section))
        _sections_with_tasks(section.sections, f"{here}.sections", found)


def task_rows(outline: Outline, order: str = "outline") -> list[TaskRow]:
    """One row per section with an owner or a deadline, in the chosen order."""
    found: list[tuple[str, Section]] = []
    _sections_with_tasks(outline.sections, "sections", found)
    if order == "deadline":
        from drafter.deadlines import deadline_key

        found.sort(key=lambda item: deadline_key(item[1].deadline))
    elif order == "lead":
        from drafter.collation import sort_key

        found.sort(key=lambda item: (item[1].lead is None, sort_key(item[1].lead or "")))
    return [
        TaskRow(
            index=str(number),
            content=section.heading or (section.text[0] if section.text else ""),
            lead=section.lead or "",
            support=", ".join(section.support),
            deadline=section.deadline or "",
            path=path,
        )
        for number, (path, section) in enumerate(found, start=1)
    ]


def _tasks_context(document: ResolvedDocument, settings: FormatSettings) -> dict[str, Any] | None:
    if not document.task_table:
        return None
    rows = task_rows(document.outline, document.task_order)
    if not rows:
        return None
    table = settings.table or {}
    outline = document.outline
    date = outline.date
    assert date is not None
    if date.is_complete:
        date_text = dates.citation_date(date.to_date(), settings.padding)  # type: ignore[arg-type]
    else:
        date_text = f"{table.get('date_blank', '     /     /')}{date.year}"
    subtitle = table.get("subtitle", "").format(
        type=document.doctype.name,
        number=outline.number or settings.number_blank,
        symbol=outline.symbol,
        date=date_text,
        body=document.body or "",
    )
    if not document.body:
        subtitle = subtitle.replace(" của )", ")")
    return {
        "heading": table.get("heading", "PHỤ LỤC"),
        "title": outline.appendix_title or table.get("default_title", ""),
        "subtitle": subtitle,
        "columns": [column["title"] for column in table.get("columns", [])],
        "rows": [row._asdict() for row in rows],
    }


# --------------------------------------------------------------------------- header


def _signature(signer: Signer) -> dict[str, str]:
    return {
        "authority": signer.authority.upper(),
        "position": signer.position.upper(),
        "name": signer.name,
    }


def _mark(value: str | None, settings: FormatSettings) -> str:
    if not value:
        return ""
    return value.upper() if settings.marks_uppercase else value


def _addressee_lines(outline: Outline, settings: FormatSettings) -> list[str]:
    items = outline.addressees
    if not items:
        return []
    if len(items) == 1:
        return [f"{settings.addressee_label} {items[0]}"]
    return [settings.addressee_label] + [settings.addressee_prefix + item for item in items]


def _signature_pairs(document: ResolvedDocument, settings: FormatSettings) -> list[dict]:
    """Joint signatures two by two; the lead issuer on the right by default."""
    lead, *others = [_signature(signer) for signer in document.signers]
    ordered = [*others, lead] if settings.joint_lead_right else [lead, *others]
    blank = {"authority": "", "position": "", "name": ""}
    if len(ordered) % 2:
        ordered.insert(0, blank)
    return [{"left": ordered[i], "right": ordered[i + 1]} for i in range(0, len(ordered), 2)]


def _copy_context(copy: ResolvedCopy, settings: FormatSettings) -> dict[str, Any]:
    from drafter.model import Outline as _Outline

    number = number_line(_Outline(title="", number=copy.number, symbol=copy.symbol), settings)
    return {
        "kind": copy.kind,
        "superior": (copy.superior or "").upper(),
        "issuer": copy.issuer.upper(),
        "star": settings.star,
        "number_line": number,
        "place_date": dates.place_date_line(
            copy.place, copy.date, settings.padding, settings.blanks
        ),
        "signature": _signature(copy.signer),
        "recipients": [settings.recipient_prefix + r for r in copy.recipients],
    }


def build_context(
    document: ResolvedDocument | Outline, settings: FormatSettings | None = None
) -> dict[str, Any]:
    """Everything the template shows, as plain strings and lists.

    HD 36 sets the issuer lines, the type name and the signature's authority and
    position in capitals, so they are upper-cased whatever the outline says.
    """
    from drafter.resolve import ResolvedDocument, resolve

    settings = settings or FormatSettings()
    if not isinstance(document, ResolvedDocument):
        document, _problems = resolve(document)
    outline = document.outline
    doctype = document.doctype
    style = numbering.get_style(outline.numbering or doctype.numbering)
    assert outline.date is not None
    letter = doctype.is_letter
    return {
        "header": {
            "superior": (document.superior or "").upper(),
            "issuer": "\n".join(name for name in document.issuer_names if name).upper(),
            "star": settings.star,
            "number_line": number_line(outline, settings),
            "excerpt": settings.letter_excerpt_prefix + outline.title if letter else "",
            "secrecy": _mark(outline.secrecy, settings),
            "urgency": _mark(outline.urgency, settings),
            "draft_mark": outline.draft_mark or "",
            "motto": settings.motto,
            "place_date": dates.place_date_line(
                outline.place or "", outline.date, settings.padding, settings.blanks
            ),
        },
        "type_name": (outline.type_name or doctype.type_name).upper(),
        "title": outline.title,
        "title_rule": settings.title_rule,
        "addressees": _addressee_lines(outline, settings),
        "blocks": [
            block._asdict()
            for block in body_blocks(outline, style, document.enacting, settings.tasks)
        ],
        "signature": _signature(document.signers[0]),
        "joint_signatures": _signature_pairs(document, settings)
        if len(document.signers) > 1
        else [],
        "recipients_heading": settings.recipients_heading,
        "recipients": [settings.recipient_prefix + r for r in outline.recipients],
        "tasks": _tasks_context(document, settings),
        "copy": _copy_context(document.copy, settings) if document.copy else None,
    }
