"""``drafter new``: commented starter outlines (and a starter drafter.yaml).

A starter is written as YAML text with a Vietnamese comment on every field
(the ``Doc`` texts of ``drafter.model``), the usual sections of its type
(``data/starters.yaml``) and what drafter.yaml already provides shown as
comments, so the organisation settings keep applying (changing the level in
drafter.yaml changes every outline that does not say otherwise). Every
starter builds as is; text in [brackets] is for the clerk to replace.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import typing
from functools import cache
from pathlib import Path
from typing import Any

from drafter import doctypes, issuers
from drafter.errors import InputError, RefusedOverwrite
from drafter.i18n import _
from drafter.model import Doc, Issuer, Outline, Section, Signature
from drafter.settings import SETTINGS_NAME, LoadedSettings, Settings

COMMENT_COLUMN = 30
ISSUER_NAMES = ("province", "district", "commune", "unit")  # names a level's header may need
_BRACKETED = re.compile(r"\[[^\[\]\n]+\]")


# --------------------------------------------------------------------------- YAML text


@cache
def field_doc(cls: type, name: str) -> str:
    """The Vietnamese documentation of a model field (its ``Doc`` marker)."""
    hint = typing.get_type_hints(cls, include_extras=True)[name]
    for meta in getattr(hint, "__metadata__", ()):
        if isinstance(meta, Doc):
            return meta.text
    return ""


_PLAIN_UNSAFE = re.compile(r"^[\s\-?:,\[\]{}#&*!|>'\"%@`]|: | #|[:\s]$")
_RESOLVED = re.compile(r"^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?\d+)$")


def scalar(value: object) -> str:
    """``value`` as a one-line YAML scalar, quoted only where YAML needs it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if not text or _PLAIN_UNSAFE.search(text) or _RESOLVED.match(text) or "\n" in text:
        return json.dumps(text, ensure_ascii=False)
    return text


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def comment(self, text: str, indent: int = 0) -> None:
        for line in text.splitlines() or [""]:
            self.lines.append(f"{' ' * indent}# {line}".rstrip())

    def blank(self) -> None:
        self.lines.append("")

    def line(self, text: str, note: str = "", indent: int = 0) -> None:
        text = " " * indent + text
        if note:
            text = f"{text.ljust(COMMENT_COLUMN - 1)} # {note}"
        self.lines.append(text)

    def key(self, name: str, value: object, note: str = "", indent: int = 0,
            commented: bool = False) -> None:  # fmt: skip
        rendered = scalar(value)
        text = f"{'# ' if commented else ''}{name}:{' ' + rendered if rendered else ''}"
        self.line(text, note, indent)

    def paragraphs(self, name: str, value: str | list[str], note: str, indent: int = 0) -> None:
        lines = value.splitlines() if isinstance(value, str) else list(value)
        if len(lines) == 1 and not _needs_block(lines[0]):
            self.key(name, lines[0], note, indent)
            return
        self.line(f"{name}: |", note, indent)
        for line in lines:
            self.lines.append(" " * (indent + 2) + line)

    def text(self) -> str:
        return "\n".join(self.lines).rstrip() + "\n"


def _needs_block(text: str) -> bool:
    return len(text) > 70


def _section(writer: _Writer, section: dict | str, indent: int, today: dt.date) -> None:
    """One section of the starter, as an outline writes it."""
    pad = " " * indent
    if isinstance(section, str):
        writer.lines.append(f"{pad}- {scalar(_year(section, today))}")
        return
    first = True
    for name in ("heading", "text", "lead", "support", "deadline", "sections"):
        if name not in section:
            continue
        value = section[name]
        lead = f"{pad}- " if first else f"{pad}  "
        first = False
        note = field_doc(Section, name) if name in ("lead", "support", "deadline") else ""
        if name == "sections":
            writer.lines.append(f"{lead}sections:")
            for child in value:
                _section(writer, child, indent + 4, today)
        elif name == "support":
            writer.line(f"{lead}support:", note)
            for item in value:
                writer.lines.append(f"{pad}    - {scalar(item)}")
        else:
            writer.line(f"{lead}{name}: {scalar(_year(value, today))}", note)


def _year(text: Any, today: dt.date) -> Any:
    return text.replace("/…", f"/{today.year}") if isinstance(text, str) else text


# --------------------------------------------------------------------------- outlines


@cache
def starters() -> dict[str, dict[str, Any]]:
    from drafter.resources import load_data

    return load_data("starters")


def placeholder(name: str) -> str:
    """What a starter writes for ``name`` (``province``, ``title`` …) when nothing
    gives it (``placeholders`` in data/starters.yaml)."""
    return starters()["placeholders"][name]


@cache
def placeholders() -> frozenset[str]:
    """Every "[…]" span a starter may write: the text for the clerk to replace."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            found.update(_BRACKETED.findall(value))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(starters())
    return frozenset(found)


def _settings_summary(settings: Settings, doctype: doctypes.DocumentType) -> str | None:
    """What drafter.yaml gives this document: header, symbol, signature."""
    from drafter.resolve import resolve

    resolved, found = resolve(Outline(type=doctype.key, title=""), settings)
    if found:
        return None
    signer = resolved.signers[0]
    lines = " / ".join(name for name in resolved.issuer_names if name)
    if resolved.superior:
        lines = f"{resolved.superior} / {lines}"
    signature = " / ".join(part for part in (signer.authority, signer.position) if part)
    return _("{issuer}, symbol {symbol}, place {place}, signed {signature}{name}").format(
        issuer=lines,
        symbol=resolved.outline.symbol,
        place=resolved.outline.place,
        signature=signature,
        name=f" ({signer.name})" if signer.name else "",
    )


def _issuer_lines(writer: _Writer, issuer: Issuer, needed: list[str], owner: type = Outline,
                  ) -> None:  # fmt: skip
    writer.line("issuer:", field_doc(owner, "issuer"))
    writer.key("level", issuer.level, field_doc(Issuer, "level"), indent=2)
    for name in needed:
        value, doc = getattr(issuer, name) or placeholder(name), field_doc(Issuer, name)
        units = _unit_choices(issuer.level)
        if name == "unit" and units and not getattr(issuer, name):
            # a ban of a committee: one of the known units, so the starter builds as is
            value, doc = units[0], _("Which ban: {units}").format(units=", ".join(units))
        writer.key(name, value, doc, indent=2)


def needed_names(level_key: str, known: Issuer | None) -> list[str]:
    """The names (province, district …) a level's header needs and ``known`` lacks."""
    level = issuers.levels()[level_key]
    probe = Issuer(level=level_key, **{name: getattr(known, name, None) for name in ISSUER_NAMES})
    needed = []
    values, _problems = issuers.placeholder_values(probe)
    for templates in (level.name, level.superior, level.code):
        _value, missing = issuers.fill(templates, values)
        for field in missing:
            key = "unit" if field.startswith("unit") else field
            if key in ISSUER_NAMES and key not in needed:
                needed.append(key)
    return needed


def starter_text(
    type_key: str,
    loaded: LoadedSettings | None = None,
    *,
    level: str | None = None,
    today: dt.date | None = None,
) -> str:
    """The commented starter outline for ``type_key``."""
    today = today or dt.date.today()
    doctype = doctypes.get_type(type_key)
    content = starters().get(type_key, {})
    settings = loaded.settings if loaded else Settings()
    writer = _Writer()
    writer.comment(
        _("{name} — outline made by 'drafter new {key}' on {date}.").format(
            name=doctype.name, key=type_key, date=today.strftime("%d/%m/%Y")
        )
    )
    writer.comment(
        _(
            "Replace the text in [brackets], then build the Word file: drafter build FILE\n"
            "Keys (field names) are English; values are Vietnamese, exactly as printed.\n"
            "Several paragraphs: write '|' and one paragraph per line below it.\n"
            "Numbers (I., 1., 1.1., a)) are computed by drafter: do not type them.\n"
            "Every document type and issuer level: drafter new --list"
        )
    )
    writer.blank()
    writer.key(
        "type",
        type_key,
        _("{name} (symbol {abbr})").format(name=doctype.name, abbr=doctype.abbr),
    )
    writer.blank()

    summary = _settings_summary(settings, doctype) if loaded and loaded.path else None
    if level is not None:
        _issuer_lines(writer, Issuer(level=level), needed_names(level, settings.issuer))
    elif summary is not None:
        writer.comment(
            _(
                "Issuer, place, signature and recipients come from {path}:\n{summary}\n"
                "To change them for this document only, remove the # and edit:"
            ).format(path=loaded.path, summary=summary)  # type: ignore[union-attr]
        )
        current = settings.issuer or Issuer()
        writer.key("issuer", None, commented=True)
        writer.key("  level", current.level or "ban-thuong-vu-tinh-uy",
                   field_doc(Issuer, "level"), commented=True)  # fmt: skip
        writer.key("place", None, field_doc(Outline, "place"), commented=True)
    else:
        writer.comment(
            _(
                "No drafter.yaml found: the issuer is written here. Write it once for the "
                "whole office\nwith 'drafter new --settings' and remove it from outlines."
            )
        )
        issuer = Issuer(level="ban-thuong-vu-tinh-uy", province=placeholder("province"))
        _issuer_lines(writer, issuer, ["province"])
    writer.blank()

    writer.key("number", None, field_doc(Outline, "number"))
    writer.key("date", today.year, field_doc(Outline, "date"))
    writer.key("draft", True, field_doc(Outline, "draft"))
    writer.key("title", content.get("title", placeholder("title")), field_doc(Outline, "title"))
    if content.get("addressees") or doctype.addressees:
        writer.line("addressees:", field_doc(Outline, "addressees"))
        for item in content.get("addressees", [placeholder("addressee")]):
            writer.lines.append(f"  - {scalar(item)}")
    writer.blank()
    if content.get("preamble"):
        writer.paragraphs("preamble", content["preamble"], field_doc(Outline, "preamble"))
    writer.line("sections:", _sections_doc(doctype))
    for section in content.get("sections", [placeholder("section")]):
        _section(writer, section, 2, today)
    if content.get("closing"):
        writer.paragraphs("closing", content["closing"], field_doc(Outline, "closing"))
    writer.blank()

    writer.line("signature:", field_doc(Outline, "signature"))
    writer.key("form", "T/M", field_doc(Signature, "form"), indent=2, commented=True)
    writer.key("deputy", True, field_doc(Signature, "deputy"), indent=2, commented=True)
    writer.key("name", None, field_doc(Signature, "name"), indent=2)
    recipients = content.get("recipients")
    if recipients:
        writer.line(
            "recipients:", _("Recipients; drafter adds the dashes and the archive line ('Lưu …')")
        )
        for item in [*recipients, *settings.recipients] or [placeholder("recipient")]:
            writer.lines.append(f"  - {scalar(item)}")
    else:
        defaults = [*doctype.recipients, *settings.recipients]
        writer.comment(
            _(
                "Recipients: by default {defaults}, then the archive line. To list them here:"
            ).format(defaults=", ".join(f"'{item}'" for item in defaults))
            if defaults
            else _("Recipients: by default only the archive line ('Lưu …'). To list them here:")
        )
        writer.key("recipients", None, commented=True)
        writer.lines.append(f"#   - {placeholder('recipient')}")
    if doctype.task_table:
        writer.blank()
        writer.key("task_table", True, field_doc(Outline, "task_table"))
        writer.key("task_order", "outline", field_doc(Outline, "task_order"))
    return writer.text()


# --------------------------------------------------------------------------- drafter.yaml


def settings_text(level: str | None = None, today: dt.date | None = None) -> str:
    """A commented drafter.yaml for an office."""
    today = today or dt.date.today()
    level = level or "ban-thuong-vu-tinh-uy"
    writer = _Writer()
    writer.comment(
        _(
            "Organisation settings for drafter (made by 'drafter new --settings' on {date}).\n"
            "drafter reads the nearest drafter.yaml in the outline's folder or above it.\n"
            "An outline may override any of these values."
        ).format(date=today.strftime("%d/%m/%Y"))
    )
    writer.blank()
    writer.key("format", "hd36_2018", field_doc(Settings, "format"))
    writer.blank()
    writer.comment(_("Issuer levels: {levels}").format(levels=", ".join(issuers.level_keys())))
    _issuer_lines(writer, Issuer(level=level), needed_names(level, None) or ["province"], Settings)
    for name, kinds in (("province_kind", "province"), ("district_kind", "district"),
                        ("commune_kind", "commune")):  # fmt: skip
        writer.key(f"  {name}", issuers.kind_names(kinds)[0], field_doc(Issuer, name),
                   commented=True)  # fmt: skip
    writer.key("place", None, field_doc(Settings, "place"), commented=True)
    writer.blank()
    writer.line("signers:", field_doc(Settings, "signers"))
    writer.lines.append("  # BÍ THƯ: Nguyễn Văn A")
    writer.lines.append("  # PHÓ BÍ THƯ: Trần Văn B")
    writer.line("recipients:", field_doc(Settings, "recipients"))
    writer.lines.append("  # - Văn phòng Trung ương Đảng (b/c),")
    writer.key("archive", None, field_doc(Settings, "archive"), commented=True)
    writer.key("numbering", None, field_doc(Settings, "numbering"), commented=True)
    writer.line("types:", field_doc(Settings, "types"))
    writer.lines.append("  # ke-hoach:")
    writer.lines.append("  #   numbering: hd36-hyphen")
    writer.lines.append("  #   task_order: deadline")
    return writer.text()


# --------------------------------------------------------------------------- listing


def listing() -> str:
    """The document types and issuer levels, for ``drafter new --list``."""
    types = doctypes.all_types()
    width = max(len(t.key) for t in types) + 2
    name_width = max(len(t.name) for t in types) + 2
    lines = [_("Document types (drafter new TYPE):")]
    lines += [f"  {t.key:<{width}}{t.name:<{name_width}}{t.abbr}" for t in types]
    lines.append("")
    lines.append(_("Issuer levels (issuer.level in an outline or drafter.yaml):"))
    level_width = max(len(key) for key in issuers.level_keys()) + 2
    lines += [f"  {level.key:<{level_width}}{level.label}" for level in issuers.levels().values()]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- writing


def write_starter(
    type_key: str | None,
    output: Path | None,
    *,
    force: bool = False,
    level: str | None = None,
    settings_file: bool = False,
) -> Path | None:
    """Write a starter outline (or drafter.yaml); None when written to stdout."""
    from drafter.fileio import atomic_write
    from drafter.settings import settings_for

    if level is not None and level not in issuers.level_keys():
        raise InputError(
            _("unknown issuer level '{value}'; known levels: {known}").format(
                value=level, known=", ".join(issuers.level_keys())
            )
        )
    if settings_file:
        text = settings_text(level)
        default = Path(SETTINGS_NAME)
    else:
        if type_key is None:
            raise InputError(_("give a document type, e.g. drafter new ke-hoach (see --list)"))
        if type_key not in doctypes.type_keys():
            raise InputError(
                _("unknown document type '{value}'; known types: {known}").format(
                    value=type_key, known=", ".join(doctypes.type_keys())
                )
            )
        if level is not None:
            doctype = doctypes.get_type(type_key)
            if not issuers.forms_for(issuers.levels()[level], doctype.signature_forms):
                raise InputError(
                    _(
                        "a {type} is not signed by {issuer} (HD 36 §1.7.1); choose another "
                        "issuer level, or write the signature out"
                    ).format(type=doctype.name, issuer=issuers.levels()[level].label)
                )
        default = Path(f"{type_key}.yaml")
        target_folder = (output or default).parent
        loaded = settings_for(target_folder / "outline.yaml")
        text = starter_text(type_key, loaded, level=level)
    if output is not None and str(output) == "-":
        import sys

        sys.stdout.write(text)
        return None
    target = output or default
    if target.exists() and not force:
        raise RefusedOverwrite(
            _(
                "{path} already exists; not overwriting (use --force, or -o to write elsewhere)"
            ).format(path=target)
        )
    atomic_write(target, text.encode("utf-8"))
    return target


def _sections_doc(doctype: doctypes.DocumentType) -> str:
    """The comment on ``sections:`` with the labels this type's numbering gives."""
    from drafter import numbering

    style = numbering.get_style(doctype.numbering)
    first, second = (numbering.format_label((n,), style) for n in (1, 2))
    return _("The parts {first}, {second} … (drafter numbers them)").format(
        first=first, second=second
    )


def _unit_choices(level_key: str | None) -> list[str]:
    """The unit keys a level takes when its symbol code is the unit's (a ban), else []."""
    level = issuers.levels().get(level_key or "")
    if level is None or "{unit_code}" not in "".join(level.code):
        return []
    return list(issuers.unit_keys())
