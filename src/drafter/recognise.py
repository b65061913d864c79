"""What each paragraph of a Word file typed by hand is, from its text and place.

The header block (issuer, "Số …", "Dự thảo", place and date), the type name and
title, numbering labels (typed, or drawn by Word from numbering.xml: the shared
reader supplies them) whose shapes choose the numbering style, headings versus
numbered items, bullets, the closing, "Nơi nhận" and the signature. Patterns
and word lists live in ``data/import.yaml``. Paragraphs whose role is already
known (from drafter's own record) are left as they are and only inform the
others.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, NamedTuple

from drafter import dates, doctypes, numbering
from drafter.docx_io.reader import DocParagraph
from drafter.i18n import _
from drafter.numbering import label_depth
from drafter.resources import load_data


class Role(NamedTuple):
    """What one paragraph is in the outline."""

    kind: str  # field heading item label text bullet preamble closing recipient generic skip
    path: str = ""  # field/generic: the outline key path; sections: the section's path
    text: str = ""  # the value (label and bullet symbol removed)
    depth: int = 0  # sections: depth in the tree


@cache
def import_patterns() -> dict[str, Any]:
    data = load_data("import")
    compiled = {
        key: re.compile(data[key], re.IGNORECASE)
        for key in ("motto", "star", "rule", "number", "draft", "recipients", "authority")
    }
    return {**data, **compiled}


def type_names() -> dict[str, str | None]:
    """Upper-case type name -> registered type key (None if not registered)."""
    names: dict[str, str | None] = {name.upper(): None for name in import_patterns()["type_names"]}
    for key in doctypes.type_keys():
        names[doctypes.get_type(key).type_name.upper()] = key
    return names


def strip_prefix(text: str) -> str:
    for prefix in import_patterns()["recipient_prefixes"]:
        if text.startswith(prefix):
            return text[len(prefix) :]
    return text


def _label_of(paragraph: DocParagraph) -> tuple[numbering.ParsedLabel | None, str]:
    """The numbering label (typed, or drawn by Word) and the text after it."""
    drawn = getattr(paragraph, "label", None)
    if drawn:
        parsed = numbering.parse_label(f"{drawn.strip()} x")
        return parsed, paragraph.text.lstrip()
    parsed = numbering.parse_label(paragraph.text)
    if parsed is None:
        return None, paragraph.text
    return parsed, paragraph.text[parsed.end :]


def choose_style(labels: list[numbering.ParsedLabel], preferred: str) -> str:
    """The numbering style that explains ``labels`` best (ties: ``preferred``).

    First the style that can write most of the labels at all; then the one that
    writes most of them at the level the document shows them: the kinds of
    label present ranked as ``drafter check`` ranks them (Roman parts, then
    1., 1.1., then a)), so a document numbered only "1., 2., 3." is at level 1
    (``arabic``, not ``hd36``'s "I." above it) and "a)" straight under "1." is
    one level below it (a ``…-letter`` style, not two levels down under a
    "1.1." that is not there).
    """
    from drafter.sources.labels import assign_levels

    levels = assign_levels(list(labels))
    names = [preferred, *[n for n in numbering.style_names() if n != preferred]]
    best, best_score = preferred, (-1, -1)
    for name in names:
        style = numbering.get_style(name)
        depths = [label_depth(label, style) for label in labels]
        score = (
            sum(1 for depth in depths if depth > 0),
            sum(1 for depth, level in zip(depths, levels, strict=True) if depth == level),
        )
        if score > best_score:
            best, best_score = name, score
    return best


def default_style() -> str:
    """The style assumed while nothing says otherwise (a programme's, HD 36)."""
    return doctypes.get_type("chuong-trinh").numbering


def _is_heading(paragraph: DocParagraph, body: str, nxt: tuple[int, bool] | None, depth: int,
                after_item: bool = False) -> bool:  # fmt: skip
    """A numbered paragraph that titles what follows rather than being an item itself.

    ``after_item``: it comes straight after a numbered item of its own level (one
    list), so only its style or bold type can make it a heading, not the text
    that happens to follow the last item of the list.
    """
    patterns = import_patterns()
    if (paragraph.style or "").lower().startswith("heading"):
        return True
    if paragraph.runs and all(fmt.bold for text, fmt in paragraph.runs if text.strip()):
        return True
    if after_item or len(body) > patterns["heading_max_chars"]:
        return False
    if body.rstrip().endswith(tuple(patterns["sentence_ends"])):
        return False
    if nxt is None:
        return False
    next_depth, next_numbered = nxt
    return not next_numbered or next_depth > depth


class Recogniser:
    """Roles for paragraphs that carry none, from their text and position."""

    def __init__(self, paragraphs: list[DocParagraph], known: dict[int, Role]) -> None:
        self.paragraphs = paragraphs
        self.known = known
        self.notes: list[str] = []
        self.roles: dict[int, Role] = {}
        self.type_key: str | None = None
        self.style_name = ""
        self.preferred = default_style()

    def note(self, paragraph: DocParagraph, why: str) -> None:
        self.notes.append(
            _("paragraph {index} ({why}) was not imported: {text}").format(
                index=paragraph.index, why=why, text=paragraph.text.strip()[:80]
            )
        )

    def run(self, preferred_style: str | None = None) -> dict[int, Role]:
        """Roles of the paragraphs; labels are read in ``preferred_style`` when
        they fit it as well as any style (default: the numbering of the type
        the file names, else a programme's)."""
        patterns = import_patterns()
        items = self.paragraphs
        names = type_names()
        type_at = next(
            (
                i
                for i, p in enumerate(items)
                if self.known.get(i, Role("")).kind in ("", "skip")
                and p.text.strip().upper() == p.text.strip()
                and p.text.strip() in names
            ),
            None,
        )
        known_type = next((i for i, r in self.known.items() if r.path == "type_name"), None)
        type_at = known_type if known_type is not None else type_at
        body_start = 0
        if type_at is not None:
            self._header(range(type_at))
            self.roles.setdefault(type_at, Role("field", "type_name", items[type_at].text.strip()))
            self.type_key = names.get(items[type_at].text.strip().upper())
            title_at = next(
                (
                    i
                    for i in range(type_at + 1, len(items))
                    if items[i].text.strip() and not patterns["rule"].match(items[i].text.strip())
                ),
                None,
            )
            if title_at is not None:
                self.roles.setdefault(title_at, Role("field", "title", items[title_at].text))
                body_start = title_at + 1
        else:
            header_end = next(
                (i + 1 for i, p in enumerate(items) if place_date(p.text.strip())),
                0,
            )
            self._header(range(header_end))
            body_start = header_end
        tail_start = next(
            (
                i
                for i in range(body_start, len(items))
                if patterns["recipients"].match(items[i].text.strip())
                or patterns["authority"].match(items[i].text.strip())
                or self.known.get(i, Role("")).kind == "recipient"
                or self.known.get(i, Role("")).path.startswith("signature.")
            ),
            len(items),
        )
        if preferred_style:
            self.preferred = preferred_style
        elif self.type_key is not None:
            self.preferred = doctypes.get_type(self.type_key).numbering
        self._body(range(body_start, tail_start), self.preferred)
        self._tail(range(tail_start, len(items)))
        return self.roles

    def _header(self, indexes: range) -> None:
        patterns = import_patterns()
        issuers: list[int] = []
        for i in indexes:
            if i in self.known:
                continue
            paragraph = self.paragraphs[i]
            text = paragraph.text.strip()
            if not text or any(patterns[k].match(text) for k in ("motto", "star", "rule")):
                continue
            if patterns["number"].match(text):
                self.roles[i] = Role("field", "number", text)
            elif patterns["draft"].match(text):
                self.roles[i] = Role("field", "draft", text)
            elif place_date(text) is not None:
                self.roles[i] = Role("field", "date", text)
            elif text.upper() == text and any(c.isalpha() for c in text):
                issuers.append(i)
            else:
                self.note(paragraph, _("header"))
        if issuers:
            name = self.paragraphs[issuers[-1]].text
            self.roles[issuers[-1]] = Role("field", "issuer.name", name)
        if len(issuers) > 1:
            superior = " ".join(self.paragraphs[i].text.strip() for i in issuers[:-1])
            self.roles[issuers[0]] = Role("field", "issuer.superior", superior)

    def _body(self, indexes: range, preferred: str) -> None:
        patterns = import_patterns()
        labels: list[tuple[int, numbering.ParsedLabel | None, str]] = []
        shown: list[numbering.ParsedLabel] = []  # every label of the body, known or not
        for i in indexes:
            text = self.paragraphs[i].text.strip()
            if i in self.known:
                if self.known[i].kind in ("heading", "item", "label"):
                    parsed = _label_of(self.paragraphs[i])[0]
                    if parsed is not None and parsed.kind != "bullet":
                        shown.append(parsed)
                continue
            if not text or patterns["rule"].match(text):
                continue
            parsed, body = _label_of(self.paragraphs[i])
            labels.append((i, parsed, body))
            if parsed is not None and parsed.kind != "bullet":
                shown.append(parsed)
        self.style_name = choose_style(shown, preferred)
        style = numbering.get_style(self.style_name)
        depths = {
            i: (label_depth(p, style) or 1) if p is not None and p.kind != "bullet" else 0
            for i, p, _b in labels
        }
        seen_numbered = closing = False
        unknown = {i: (parsed, body) for i, parsed, body in labels}
        order = [i for i, _p, _b in labels]
        for i in indexes:
            role = self.known.get(i)
            if role is not None:
                if role.kind in ("heading", "item", "label"):
                    seen_numbered, closing = True, False
                elif role.kind == "closing":
                    closing = True
                continue
            if i not in unknown:
                continue
            parsed, body = unknown[i]
            paragraph = self.paragraphs[i]
            if parsed is not None and parsed.kind == "bullet":
                self.roles[i] = Role("bullet", text=body)
                continue
            if parsed is not None:
                seen_numbered, closing = True, False
                position = order.index(i)
                nxt = next(((depths[j], depths[j] > 0) for j in order[position + 1 :]), None)
                before = self.roles.get(order[position - 1]) if position else None
                after_item = (
                    before is not None and before.kind == "item" and before.depth == depths[i]
                )
                heading = _is_heading(paragraph, body, nxt, depths[i], after_item)
                kind = "heading" if heading else "item"
                self.roles[i] = Role(kind, text=body, depth=depths[i])
                continue
            text = paragraph.text
            if any(text.strip().startswith(s) for s in patterns["closing_starts"]):
                closing = True
            if closing and seen_numbered:
                self.roles[i] = Role("closing", text=text)
            elif not seen_numbered:
                self.roles[i] = Role("preamble", text=text)
            else:
                self.roles[i] = Role("text", text=text)

    def _tail(self, indexes: range) -> None:
        patterns = import_patterns()
        mode, signature = "", []
        for i in indexes:
            if i in self.known:
                role = self.known[i]
                mode = "recipients" if role.kind == "recipient" else mode
                continue
            paragraph = self.paragraphs[i]
            text = paragraph.text.strip()
            if not text:
                continue
            if patterns["recipients"].match(text):
                mode = "recipients"
            elif patterns["authority"].match(text):
                mode, signature = "signature", [i]
                self.roles[i] = Role("field", "signature.authority", paragraph.text)
            elif mode == "recipients" and paragraph.text != strip_prefix(paragraph.text):
                self.roles[i] = Role("recipient", text=strip_prefix(paragraph.text))
            elif mode == "signature":
                signature.append(i)
                key = "signature.position" if len(signature) == 2 else "signature.name"
                self.roles[i] = Role("field", key, paragraph.text)
            elif mode == "recipients":
                self.roles[i] = Role("recipient", text=paragraph.text)
            else:
                self.note(paragraph, _("after the body"))


def place_date(text: str) -> dates.PlaceDateLine | None:
    try:
        return dates.parse_place_date_line(text)
    except dates.DateParseError:
        return None
