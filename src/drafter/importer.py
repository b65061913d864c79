"""Word file -> outline: what each paragraph is, then the outline's plain data.

Two sources of knowledge, one assembly:

* a file drafter built carries a snapshot of what it generated, with the
  outline path of every paragraph; the paragraphs of the file as it is now are
  aligned with it, so each keeps its role (``sections.1.heading``,
  ``recipients.2`` …) even after edits, and ``import(build(x)) == x``;
* paragraphs without a recorded role (a file typed by hand in another office,
  or paragraphs added by hand) are recognised by their text (``recognise``): the header block
  (issuer, "Số …", "Dự thảo", place and date), the type name and title,
  numbering labels (typed, or drawn by Word from numbering.xml: the shared
  reader supplies them) whose shapes pick the numbering style, bullets, the
  closing, "Nơi nhận" and the signature. The patterns live in ``data/import.yaml``.

Roles become the plain data an outline file holds, which the model's own
converter (``convert.convert``) turns into an ``Outline``: new model fields
whose paragraphs drafter generated come back through their paths.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

from drafter import doctypes, numbering
from drafter.docx_io.reader import DocParagraph
from drafter.docx_io.snapshot import SnapParagraph, Snapshot, Unit, flatten
from drafter.errors import InputError
from drafter.i18n import _
from drafter.model import Outline
from drafter.numbering import split_label
from drafter.recognise import (
    Recogniser,
    Role,
    choose_style,
    default_style,
    import_patterns,
    place_date,
    strip_prefix,
    type_names,
)

PLACEHOLDER = "[CẦN BỔ SUNG]"  # the placeholder of party-format.md §7 (item 14)
_SECTION_PATH = re.compile(
    r"^(?P<section>sections\.\d+(?:\.sections\.\d+)*)\.(?P<rest>heading|label|task|text\.\d+|bullets\.\d+)$"
)
_SECTION_PREFIX = re.compile(r"^(?P<section>sections\.\d+(?:\.sections\.\d+)*)\.(?P<rest>.+)$")


class ImportResult(NamedTuple):
    outline: Outline
    data: dict[str, Any]  # the plain data of the outline (what its YAML holds)
    notes: list[str]  # paragraphs that could not be placed, fields that were missing
    from_drafter: bool  # the file carried drafter's snapshot


# --------------------------------------------------------------------------- paths


def _role_from_path(base: SnapParagraph, text: str) -> Role:
    """The role a generated paragraph had, with the text it has now."""
    path = base.path
    if not path:
        return Role("skip")
    match = _SECTION_PATH.match(path)
    if match:
        section, rest = match.group("section"), match.group("rest")
        depth = section.count("sections")
        body = _after_label(text, base.label) if base.label else text
        if rest == "heading":
            return Role("heading", section, body, depth)
        if rest == "label":
            return Role("label", section, "", depth)
        if rest == "task":
            return Role("task", section, text, depth)
        if rest.startswith("bullets."):
            return Role("bullet", section, body, depth)
        if rest == "text.0" and base.label:
            return Role("item", section, body, depth)
        return Role("text", section, text, depth)
    head = path.split(".")[0]
    if head == "addressees":
        label = re.compile(import_patterns()["addressee_label"], re.IGNORECASE)
        value = strip_prefix(label.sub("", text.strip()))
        return Role("addressee", text=value) if value else Role("skip")
    if head in ("preamble", "closing"):
        return Role(head, text=text)
    if head == "recipients":
        return Role("recipient", text=strip_prefix(text))
    if path in ("number", "date", "draft"):
        return Role("field", path, text)
    return Role("field" if path.count(".") <= 1 else "generic", path, text)


def _after_label(text: str, label: str) -> str:
    """The text after ``label`` and the one space drafter writes after it."""
    if text.startswith(label + " "):
        return text[len(label) + 1 :]
    return split_label(text)[1]


def _origin_pairs(paragraphs: list[DocParagraph], base: list[SnapParagraph]) -> dict[int, int]:
    from drafter.align import align

    pairs = align(
        [split_label(b.text)[1] for b in base], [split_label(p.text)[1] for p in paragraphs]
    )
    return {pair.b: pair.a for pair in pairs if pair.a is not None and pair.b is not None}


def generated_origins(
    paragraphs: list[DocParagraph], units: list[Unit]
) -> dict[int, SnapParagraph]:
    """For the paragraphs of a file drafter built (as they are now): index -> the
    generated paragraph each one still is (aligned with the snapshot ``units``)."""
    base = flatten(units)
    return {i: base[b] for i, b in _origin_pairs(paragraphs, base).items()}


# outline fields filled by the paragraphs of one root of the generated paths
_ROOT_FIELDS = {
    "date": ("place", "date"),
    "number": ("number", "symbol"),
    "excerpt": ("title",),
    "recipients": ("recipients", "archive"),
}


def _root(path: str) -> str:
    return path.split(".")[0]


def changed_roots(paragraphs: list[DocParagraph], base: list[SnapParagraph]) -> set[str]:
    """The parts of the outline (``issuer``, ``date``, ``body`` …) whose generated
    paragraphs were changed, deleted or added to by hand since the build."""
    pairs = _origin_pairs(paragraphs, base)
    changed = {_root(base[b].path) for i, b in pairs.items() if paragraphs[i].text != base[b].text}
    kept = set(pairs.values())
    changed |= {_root(unit.path) for b, unit in enumerate(base) if b not in kept}
    last = ""
    for i, paragraph in enumerate(paragraphs):
        if i in pairs:
            last = base[pairs[i]].path or last
        elif paragraph.text.strip():
            following = next(
                (base[pairs[j]].path for j in range(i, len(paragraphs))
                 if j in pairs and base[pairs[j]].path),
                "",
            )  # fmt: skip
            changed.add(_root(last or following))
    changed.discard("")
    return changed


def _keep_unchanged(
    imported: dict[str, Any], original: dict[str, Any], changed: set[str]
) -> dict[str, Any]:
    """The outline as written, with the parts changed in Word taken from the document."""
    result = dict(original)
    for root in changed:
        for field in _ROOT_FIELDS.get(root, (root,)):
            if field in imported:
                result[field] = imported[field]
            else:
                result.pop(field, None)
    return result


def _fill_hidden(by_path: dict[str, dict[str, Any]], original: dict[str, Any]) -> None:
    """Section fields the body does not show (a task's owner in an appendix table …)."""
    for path, section in by_path.items():
        target: Any = original
        for key in path.split("."):
            if isinstance(target, dict):
                target = target.get(key)
            elif isinstance(target, list) and key.isdigit() and int(key) < len(target):
                target = target[int(key)]
            else:
                target = None
        if isinstance(target, dict):
            for key, value in target.items():
                if key not in section and key not in ("heading", "text", "bullets", "sections"):
                    section[key] = value


# --------------------------------------------------------------------------- assembling


class _Assembler:
    """Roles, in reading order, -> the plain data of an outline."""

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}
        self.stack: list[dict[str, Any]] = []
        self.depths: list[int] = []  # the depth each section of ``stack`` was given
        self.by_path: dict[str, dict[str, Any]] = {}
        self.notes: list[str] = []

    def add(self, role: Role) -> None:
        kind = role.kind
        if kind in ("heading", "item", "label"):
            self._section(role)
        elif kind in ("text", "bullet"):
            if not self.stack:
                self.data.setdefault("preamble", []).append(
                    role.text if kind == "text" else f"- {role.text}"
                )
            else:
                key = "text" if kind == "text" else "bullets"
                target = self.by_path.get(role.path) if role.path else None
                (target or self.stack[-1]).setdefault(key, []).append(role.text)
        elif kind == "task":
            target = self.by_path.get(role.path) or (self.stack[-1] if self.stack else None)
            if target is not None:
                target.update(task_fields(role.text))
        elif kind in ("preamble", "closing"):
            self.data.setdefault(kind, []).append(role.text)
        elif kind == "recipient":
            self.data.setdefault("recipients", []).append(role.text)
        elif kind == "addressee":
            self.data.setdefault("addressees", []).append(role.text)
        elif kind == "field":
            self._field(role.path, role.text)
        elif kind == "generic":
            self._generic(role.path, role.text)

    def _section(self, role: Role) -> None:
        """A section under the nearest open one of a lower depth: labels of one
        depth are siblings even where the levels above them are missing."""
        kept = len(self.depths)
        while kept and self.depths[kept - 1] >= role.depth:
            kept -= 1
        section: dict[str, Any] = {}
        if role.kind == "heading":
            section["heading"] = role.text
        elif role.kind == "item":
            section["text"] = [role.text]
        parent = self.stack[kept - 1] if kept else self.data
        parent.setdefault("sections", []).append(section)
        self.stack = [*self.stack[:kept], section]
        self.depths = [*self.depths[:kept], role.depth]
        if role.path:
            self.by_path[role.path] = section

    def _field(self, path: str, text: str) -> None:
        patterns = import_patterns()
        stripped = text.strip()
        if path == "number":
            match = patterns["number"].match(stripped)
            if match:
                self.data["number"] = match.group("number") or None
                self.data["symbol"] = match.group("symbol")
            return
        if path == "date":
            parsed = place_date(stripped)
            if parsed is not None:
                self.data["place"] = parsed.place
                date = parsed.date
                self.data["date"] = date.iso() if date.is_complete else date.year
            return
        if path == "excerpt":  # a công văn: "V/v …" under its number
            prefix = patterns["excerpt_prefix"]
            self.data["title"] = (
                stripped[len(prefix) :] if stripped.startswith(prefix) else stripped
            )
            return
        if path == "draft":
            match = patterns["draft"].match(stripped)
            if match:
                self.data["draft"] = int(match.group("round")) if match.group("round") else True
            return
        if not stripped:
            return
        _put(self.data, path.split("."), text)

    def _generic(self, path: str, text: str) -> None:
        match = _SECTION_PREFIX.match(path)
        if match and match.group("section") in self.by_path:
            _put(self.by_path[match.group("section")], match.group("rest").split("."), text)
        elif not match:
            _put(self.data, path.split("."), text)


def task_fields(text: str) -> dict[str, Any]:
    """``lead``, ``support``, ``deadline`` from a task note ("Cơ quan chủ trì: …; …")."""
    from drafter.render.context import FormatSettings, load_format_pack

    tasks = FormatSettings.from_pack(load_format_pack()).tasks
    labels = {tasks.lead.lower(): "lead", tasks.support.lower(): "support",
              tasks.deadline.lower(): "deadline"}  # fmt: skip
    body = text.strip()
    if tasks.end and body.endswith(tasks.end):
        body = body[: -len(tasks.end)]
    found: dict[str, Any] = {}
    for part in body.split(tasks.separator.strip() or ";"):
        name, _sep, value = part.partition(":")
        key = labels.get(name.strip().lower())
        if key and value.strip():
            found[key] = (
                [v.strip() for v in value.split(",")] if key == "support" else value.strip()
            )
    return found


def _put(target: Any, keys: list[str], value: str) -> None:
    """Set ``value`` at ``keys`` (list indexes are digits) in nested plain data."""
    *parents, last = keys
    for position, key in enumerate(parents):
        following = keys[position + 1]
        empty: Any = [] if following.isdigit() else {}
        if isinstance(target, list):
            while len(target) <= int(key):
                target.append(empty if len(target) == int(key) else {})
            target = target[int(key)]
        else:
            target = target.setdefault(key, empty)
    if isinstance(target, list):
        target.append(value)
    else:
        target[last] = value


# --------------------------------------------------------------------------- the verb


def import_docx(path: Path | str, data: bytes | None = None) -> ImportResult:
    """Read the Word file at ``path`` (or ``data``) back into an outline."""
    from drafter.convert import convert
    from drafter.docx_io.package import DocxPackage
    from drafter.docx_io.reader import read_paragraphs
    from drafter.docx_io.snapshot import read_snapshot

    with DocxPackage(path, data) as package:
        snapshot = read_snapshot(package)
        main = package.main_part
    paragraphs = [p for p in read_paragraphs(path, data) if p.part == main]
    known: dict[int, Role] = {}
    preferred: str | None = None  # the style the file was written in, when drafter built it
    if snapshot is not None:
        base = generated_origins(paragraphs, snapshot.units)
        for i, origin in base.items():
            known[i] = _role_from_path(origin, paragraphs[i].text)
        preferred = _built_style(snapshot)
    recogniser = Recogniser(paragraphs, known)
    roles = {**recogniser.run(preferred), **known}
    assembler = _Assembler()
    for i in range(len(paragraphs)):
        if i in roles:
            assembler.add(roles[i])
    plain = assembler.data
    notes = recogniser.notes + _complete(plain, recogniser, recogniser.preferred)
    if "draft" not in plain:
        missing = [] if snapshot is not None else _missing_for_final(plain)
        plain["draft"] = bool(missing)
        if missing:
            notes.append(
                _(
                    "the Word file has no draft mark, but it has {missing}; imported as a draft "
                    "(draft: true)"
                ).format(missing=_join_and(missing))
            )
    if snapshot is not None:  # what the document cannot show: as the outline said
        if snapshot.info.get("type") in doctypes.type_keys():
            plain["type"] = snapshot.info["type"]
        plain.pop("numbering", None)
        if snapshot.info.get("numbering"):
            plain["numbering"] = snapshot.info["numbering"]
        restyled = recogniser.style_name != preferred
        restyle_note = []
        if restyled:  # labels typed in Word that the outline's style cannot write
            plain["numbering"] = recogniser.style_name
            restyle_note.append(
                _(
                    "the numbering labels typed in Word need the numbering style "
                    "'{style}' (was '{was}'); imported with numbering: {style}"
                ).format(style=recogniser.style_name, was=preferred)
            )
        original = _written_outline(snapshot.info)
        if original is not None:
            _fill_hidden(assembler.by_path, original)
            changed = changed_roots(paragraphs, flatten(snapshot.units))
            if restyled:
                changed.add("numbering")
            plain = _keep_unchanged(plain, original, changed)
            notes = recogniser.notes
        notes = notes + restyle_note
    outline, issues = convert(Outline, plain)
    if outline is None or issues:
        details = "; ".join(
            f"{'.'.join(map(str, issue.path))}: {_(issue.message).format(**issue.params)}"
            for issue in issues[:3]
        )
        raise InputError(
            _("{path}: the Word file could not be read as an outline ({details})").format(
                path=path, details=details
            )
        )
    return ImportResult(outline, plain, notes, snapshot is not None)


def _written_outline(info: dict[str, str]) -> dict[str, Any] | None:
    import json

    try:
        written = json.loads(info.get("outline", ""))
    except ValueError:
        return None
    return written if isinstance(written, dict) else None


def _built_style(snapshot: Snapshot) -> str:
    """The numbering style a file drafter built was written in: the outline's own,
    else the one its generated labels show (the type's default, or drafter.yaml's)."""
    written = snapshot.info.get("numbering")
    if written in numbering.style_names():
        return str(written)
    kind = snapshot.info.get("type")
    fallback = doctypes.get_type(kind).numbering if kind in doctypes.type_keys() else None
    labelled = [numbering.parse_label(b.text) for b in flatten(snapshot.units) if b.label]
    shown = [p for p in labelled if p and p.kind != "bullet"]
    return choose_style(shown, fallback or default_style())


def _missing_for_final(plain: dict[str, Any]) -> list[str]:
    """What a signed (final) document carries that ``plain`` lacks: a number, a
    full date, a signer (empty: it looks final)."""
    date = plain.get("date")
    missing = []
    if not plain.get("number"):
        missing.append(_("no number"))
    if not (isinstance(date, str) and date.count("-") == 2):
        missing.append(_("no full date (day, month and year)"))
    if not plain.get("signature", {}).get("name"):
        missing.append(_("no signer's name"))
    return missing


def _join_and(parts: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c`` in the current language."""
    if len(parts) < 2:
        return "".join(parts)
    return _("{first} and {last}").format(first=", ".join(parts[:-1]), last=parts[-1])


def _complete(plain: dict[str, Any], recogniser: Recogniser, preferred: str) -> list[str]:
    """Type, type name and numbering; placeholders for required fields not found."""
    notes = []
    type_name = plain.pop("type_name", None)
    type_key = recogniser.type_key
    if type_key is None and type_name:
        type_key = type_names().get(type_name.strip().upper())
    if type_key is None and plain.get("symbol"):
        abbr = plain["symbol"].split("/")[0]
        type_key = next(
            (k for k in doctypes.type_keys() if doctypes.get_type(k).abbr == abbr), None
        )
    if type_key is None:
        type_key = "chuong-trinh"
        if type_name:
            notes.append(
                _(
                    "the document type '{name}' is not one drafter builds yet; imported as {key}"
                ).format(name=type_name, key=type_key)
            )
    doctype = doctypes.get_type(type_key)
    plain["type"] = type_key
    if type_name and type_name.strip() != doctype.type_name.upper():
        plain["type_name"] = type_name.strip()
    symbol = plain.get("symbol")
    if symbol and "/" in symbol:
        type_code, issuer_code = symbol.split("/", 1)
        if type_code.strip() not in doctype.abbreviations:
            plain["symbol"] = f"{doctype.abbr}/{issuer_code.strip()}"
            notes.append(
                _(
                    "the symbol {symbol} does not fit a {type}; imported as {fixed}: check it"
                ).format(symbol=symbol, type=doctype.name, fixed=plain["symbol"])
            )
    style = recogniser.style_name or preferred
    if style != doctype.numbering:
        plain["numbering"] = style
    for key, value in (("symbol", f"{doctype.abbr}/…"), ("place", PLACEHOLDER),
                       ("title", PLACEHOLDER)):  # fmt: skip
        if not plain.get(key):
            plain[key] = value
            notes.append(_("'{key}' was not found in the Word file; fill it in").format(key=key))
    if "date" not in plain:
        import datetime as dt

        plain["date"] = dt.date.today().year
        notes.append(_("'{key}' was not found in the Word file; fill it in").format(key="date"))
    issuer = plain.setdefault("issuer", {})
    if not issuer.get("name"):
        issuer["name"] = PLACEHOLDER
        notes.append(_("'{key}' was not found in the Word file; fill it in").format(key="issuer"))
    return notes
