"""An outline (``.yaml``) as a ``CheckDocument``.

The paragraphs are the ones ``drafter build`` writes — the template context of
the resolved document (``render.context.build_context``: the outline over the
organisation settings), in the template's order and with the same text — so a
rule finds the same things in an outline and in the Word file built from it.
Text the user wrote in the outline points back into the YAML scalar it came
from, character for character (``drafter.scalars``); text drafter generates or
takes from drafter.yaml (labels, "Số", the motto, a derived issuer) points at
the key it belongs to, or at the top of the outline.
"""

from __future__ import annotations

from functools import cache, lru_cache, partial
from typing import TYPE_CHECKING, Any

from drafter import numbering
from drafter.lazyre import lazy
from drafter.positions import NodePath, NodePosition
from drafter.scalars import line_starts, offset_of, only_newlines, scalar_map
from drafter.sources import view
from drafter.sources.view import FixedLocator, Paragraph, Piece, ScalarLocator

if TYPE_CHECKING:
    from drafter.document import LoadedDocument
    from drafter.loader import LoadedOutline
    from drafter.model import Section
    from drafter.render.context import TaskFormat

_MISSING = object()
_NUMBER_LINE = lazy(r"^(?P<prefix>\S+\s*)(?P<number>\d*)\s*-(?P<symbol>.*)$")
_YAML_BREAK = lazy("\r\n|[\r\n\x85\u2028\u2029]")
_TOP = FixedLocator(1, 1)


class _Scalars:
    """Where the outline's nodes are, for the locators of its paragraphs.

    Kept apart from ``_Outline`` so that a locator refers to it and not to the
    builder: a locator that refers to the builder, which refers to the
    paragraphs, which refer to their locators, makes a reference cycle of every
    view, freed only by the garbage collector (~0.15 ms a document)."""

    __slots__ = ("data", "positions", "starts", "text")

    def __init__(self, document: LoadedDocument) -> None:
        self.data = document.loaded.data
        self.text = document.loaded.text
        self.starts = line_starts(self.text)
        self.positions = document.loaded.positions

    def fixed(self, *paths: NodePath, at_key: bool = True) -> FixedLocator:
        """The first of ``paths`` the outline has (its key, or its value)."""
        for path in paths:
            position = self.positions.get(path)
            if position is not None:
                span = (position.key or position.value) if at_key else position.value
                return FixedLocator(span.line, span.column)
        return _TOP

    def resolve(self, path: NodePath) -> tuple[Any, tuple[int, int]]:
        """The scalar map of the node at ``path`` (None when it cannot be read) and
        the position to fall back on."""
        position = self.positions.get(path)
        if position is None:
            locator = self.fixed(path[:-1]) if path else _TOP
            return None, (locator.line, locator.column)
        span = position.value
        value = _data_at(self.data, path)
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            return None, (span.line, span.column)
        start = offset_of(self.starts, span.line, span.column)
        end = offset_of(self.starts, span.end_line, span.end_column)
        parent = _parent_indent(self.text, self.starts, start, position)
        mapped = scalar_map(self.text, self.starts, start, end, position.style, str(value), parent)
        return mapped, (span.line, span.column)


class _Outline:
    """Builds the paragraphs of one resolved outline."""

    def __init__(
        self, document: LoadedDocument, context: dict[str, Any], tasks: TaskFormat | None = None
    ) -> None:
        self.loaded = document.loaded
        self.outline = document.resolved.outline
        self.tasks = tasks
        self.data = document.loaded.data
        self.context = context
        self.text = document.loaded.text
        self.scalars = _Scalars(document)
        self.starts = self.scalars.starts
        self.positions = document.loaded.positions
        self.paragraphs: list[Paragraph] = []

    # ------------------------------------------------------------------ locating

    def fixed(self, *paths: NodePath, at_key: bool = True) -> FixedLocator:
        """The first of ``paths`` the outline has (its key, or its value)."""
        return self.scalars.fixed(*paths, at_key=at_key)

    def scalar(self, path: NodePath, base: int = 0) -> view.Locator:
        """Locator of ``value[base:]`` of the scalar at ``path`` (worked out on first
        use: most paragraphs never need a position)."""
        return ScalarLocator(partial(self.scalars.resolve, path), base, self.starts)

    def written(self, text: str, path: NodePath, *fallback: NodePath) -> view.Locator:
        """Where ``text`` (as printed) came from: the outline's scalar at ``path``
        when it holds that text (in any case), else the first key of ``fallback``."""
        value = _data_at(self.data, path)
        if isinstance(value, str) and value.strip().upper() == text.strip().upper():
            base = len(value) - len(value.lstrip())
            if value.strip() == text.strip():
                return self.scalar(path, base)
            if len(value.upper()) == len(value):  # printed in capitals: no fix can apply
                return _ReadOnly(self.scalar(path, base))
        return self.fixed(path, *fallback)

    # ------------------------------------------------------------------ adding

    def add(self, text: str, role: str, locator: view.Locator, **extra: Any) -> None:
        self.add_pieces(text, role, [Piece(0, locator)], **extra)

    def add_pieces(self, text: str, role: str, pieces: list[Piece], **extra: Any) -> None:
        if not text.strip() and not extra.get("label"):
            return
        index = len(self.paragraphs)
        self.paragraphs.append(Paragraph(index, text, role, tuple(pieces), **extra))

    # ------------------------------------------------------------------ parts

    def header(self) -> None:
        header = self.context["header"]
        issuer = ("issuer",)
        for key, field, own in (("superior", view.SUPERIOR, "superior"),
                                ("issuer", view.ISSUER, "name")):  # fmt: skip
            text = header[key]
            locator = self.written(text, ("issuer", own), issuer)
            if _data_at(self.data, ("issuer", own)) is None:  # derived from the level
                self.add_pieces(text, view.HEADER, self.issuer_names(text, locator), field=field)
            else:
                self.add(text, view.HEADER, locator, field=field)
        self.add(header["star"], view.HEADER, self.fixed(issuer), field=view.STAR)
        self.number_line(header["number_line"])
        if header.get("excerpt"):
            self.add(header["excerpt"], view.TITLE, self.excerpt(header["excerpt"]))
        for key in ("secrecy", "urgency"):
            if header.get(key):
                self.add(header[key], view.HEADER, self.written(header[key], (key,)))
        if header.get("draft_mark"):
            self.add(header["draft_mark"], view.HEADER, self.fixed(("draft",)),
                     field=view.DRAFT_MARK)  # fmt: skip
        self.add(header["motto"], view.HEADER, _TOP, field=view.MOTTO)
        self.place_date_line(header["place_date"])
        if not header.get("excerpt"):
            type_name = self.context["type_name"]
            self.add(type_name, view.TYPE_NAME,
                     self.written(type_name, ("type_name",), ("type",)))  # fmt: skip
            self.add(self.context["title"], view.TITLE, self.written(self.context["title"],
                                                                     ("title",)))  # fmt: skip
            self.add(self.context["title_rule"], view.TITLE, _TOP, field=view.TITLE_RULE)

    def excerpt(self, excerpt: str) -> view.Locator:
        """A công văn's "V/v …" line: the prefix is generated, the rest is the title."""
        title = _data_at(self.data, ("title",))
        if isinstance(title, str) and excerpt.endswith(title):
            return _Shifted(
                self.scalar(("title",)), len(excerpt) - len(title), self.fixed(("title",))
            )
        return self.fixed(("title",))

    def number_line(self, text: str) -> None:
        """``Số 05-CTr/TU``: the number and the symbol point at their scalars."""
        pieces = [Piece(0, self.fixed(("number",), ("symbol",), ("issuer",), ("type",)))]
        match = _NUMBER_LINE.match(text)
        if match:
            number = _data_at(self.data, ("number",))
            if match["number"] and number is not None and str(number).strip() == match["number"]:
                raw = str(number)
                base = raw.find(match["number"])
                pieces.append(Piece(match.start("number"), self.scalar(("number",), base)))
                pieces.append(Piece(match.end("number"), self.fixed(("symbol",), ("number",))))
            symbol = _data_at(self.data, ("symbol",))
            if isinstance(symbol, str) and symbol.strip() == match["symbol"]:
                base = symbol.find(match["symbol"])
                pieces.append(Piece(match.start("symbol"), self.scalar(("symbol",), base)))
        self.add_pieces(text, view.HEADER, pieces, field=view.NUMBER)

    def place_date_line(self, text: str) -> None:
        place = _data_at(self.data, ("place",))
        pieces = [Piece(0, self.fixed(("place",), ("date",), ("issuer",)))]
        if isinstance(place, str) and text.startswith(place):
            pieces = [Piece(0, self.scalar(("place",))),
                      Piece(len(place), self.fixed(("date",), at_key=False))]  # fmt: skip
        else:
            comma = text.find(",")
            if place is None:  # the place the issuer level gives: its province, district …
                pieces = self.issuer_names(text[:comma], pieces[0].locator)
            pieces.append(Piece(comma, self.fixed(("date",), at_key=False)))
        self.add_pieces(text, view.HEADER, pieces, field=view.PLACE_DATE)

    def issuer_names(self, text: str, around: view.Locator) -> list[Piece]:
        """A header line drafter derives from the issuer level ("TỈNH ỦY HẬU GIANG", the
        place): the names the outline's issuer gives (province, district, commune,
        unit) point at their scalars, the rest at ``around``."""
        issuer = _data_at(self.data, ("issuer",))
        found: list[tuple[int, int, view.Locator]] = []
        if isinstance(issuer, dict):
            upper = text.upper()
            for key in ("province", "district", "commune", "unit"):
                value = issuer.get(key)
                if not isinstance(value, str) or not value.strip():
                    continue
                name = value.strip()
                at = upper.find(name.upper())
                if at < 0 or len(name.upper()) != len(name):
                    continue
                end = at + len(name)
                if any(
                    at < other_end and other_start < end for other_start, other_end, _l in found
                ):
                    continue
                scalar = self.scalar(("issuer", key), len(value) - len(value.lstrip()))
                exact = text[at:end] == name
                found.append((at, end, scalar if exact else _ReadOnly(scalar)))
        pieces = [Piece(0, around)]
        for start, end, locator in sorted(found, key=lambda item: item[0]):
            if start == 0:
                pieces = []
            pieces += [Piece(start, locator), Piece(end, around)]
        return pieces

    def addressees(self) -> None:
        for index, line in enumerate(self.context.get("addressees") or []):
            self.typed(line, view.BODY, self.list_item(line, "addressees", index))

    def list_item(self, text: str, key: str, index: int) -> view.Locator:
        """A line of a list the outline may hold as a list or as a ``|`` block."""
        holder = _data_at(self.data, (key,))
        if isinstance(holder, list):
            for position, item in enumerate(holder):
                if isinstance(item, str) and item and text.endswith(item):
                    return _Shifted(self.scalar((key, position)), len(text) - len(item),
                                    self.fixed((key, position)))  # fmt: skip
        if isinstance(holder, str):
            for line_index, line in enumerate(_lines(holder)):
                if line and text.endswith(line):
                    base = _nth_line_offset(holder, line_index)
                    return _Shifted(self.scalar((key,), base), len(text) - len(line),
                                    self.fixed((key,)))  # fmt: skip
        # generated from the type's defaults (công văn: "Như trên,", the archive line)
        return self.fixed((key,), ("recipients",), ("archive",), ("type",))

    def body(self) -> None:
        for block in self.context["blocks"]:
            path = _block_path(block["path"])
            if path[-1] == "task":
                self.task_note(block, path[:-1])
                continue
            role = view.HEADING if block["style"].startswith("Heading") else view.BODY
            node_path, base = self.block_source(path)
            section = _section_path(path)
            locator = self.scalar(node_path, base) if node_path else self.fixed(section, path[:1])
            label = block["label"] or None
            if label is None:
                self.typed(block["text"], role, locator, level=block["level"])
                continue
            self.add(
                block["text"],
                role,
                locator,
                label=label,
                parsed_label=_parse_label(label),
                level=block["level"],
                label_locator=self.fixed(section, at_key=False),
            )

    def typed(self, text: str, role: str, locator: view.Locator, level: int = 0) -> None:
        """A paragraph whose text may begin with a label the user typed ("- Căn cứ …"),
        read the way a Word or text file's label is read."""
        from drafter.sources.labels import read_label

        parsed = read_label(text)
        if parsed is None:
            self.add(text, role, locator)
            return
        self.add(
            text[parsed.end :],
            role,
            _After(locator, parsed.end),
            label=parsed.text,
            parsed_label=parsed,
            level=level,
            label_locator=locator,
        )

    def block_source(self, path: NodePath) -> tuple[NodePath | None, int]:
        """The scalar a body block's text came from and the offset of the text in it."""
        last = path[-1]
        if last in ("heading", "enacting"):
            return (path, 0) if self.positions.get(path) is not None else (None, 0)
        if last in ("label", "task"):
            return None, 0
        *container, index = path
        container_path = tuple(container)
        holder = _data_at(self.data, container_path, missing=_MISSING)
        if holder is _MISSING:
            # ``- Tập trung …``: a section written as one string (ItemShorthand)
            section = container_path[:-1]
            return (section, 0) if isinstance(_data_at(self.data, section), str) else (None, 0)
        if isinstance(holder, list) and isinstance(index, int):
            return (*container_path, index), 0
        if isinstance(holder, str) and isinstance(index, int):
            return container_path, _nth_line_offset(holder, index)
        return None, 0

    def task_note(self, block: dict[str, Any], section: NodePath) -> None:
        """The note after a task ("Cơ quan chủ trì: …; thời gian thực hiện: …."): each
        owner and the deadline point into their own scalars, the words drafter
        writes at the key they introduce."""
        model = _section_at(self.outline, section)
        parts = self.tasks.note_parts(model) if model is not None and self.tasks else []
        if "".join(part.text for part in parts) != block["text"]:
            self.add(block["text"], view.BODY, self.fixed(section), level=block["level"])
            return
        pieces, offset = [], 0
        for part in parts:
            if part.value:
                locator = self.task_value(section, part.field, part.index, part.text)
            else:
                locator = self.fixed((*section, part.field), section)
            pieces.append(Piece(offset, locator))
            offset += len(part.text)
        self.add_pieces(block["text"], view.BODY, pieces, level=block["level"])

    def task_value(self, section: NodePath, key: str, index: int | None, text: str) -> view.Locator:
        """Where a task's owner or deadline (``index``: which cơ quan phối hợp, written
        as a list or as a ``|`` block) is written."""
        path = (*section, key)
        if index is None:
            return self.written(text, path, section)
        holder = _data_at(self.data, path)
        if isinstance(holder, list):
            return self.written(text, (*path, index), path, section)
        if isinstance(holder, str):
            lines = _lines(holder)
            if index < len(lines) and lines[index] == text:
                return self.scalar(path, _nth_line_offset(holder, index))
        return self.fixed(path, section)

    def task_values(self, section: NodePath, key: str, text: str) -> view.Locator | list[Piece]:
        """A task table cell: the owner or deadline, or the cơ quan phối hợp joined
        by ", " (each pointing at its own line)."""
        model = _section_at(self.outline, section)
        if key != "support" or model is None or ", ".join(model.support) != text:
            return self.written(text, (*section, key), section)
        pieces, offset = [], 0
        for index, item in enumerate(model.support):
            if index:
                pieces.append(Piece(offset, self.fixed((*section, key), section)))
                offset += 2
            pieces.append(Piece(offset, self.task_value(section, key, index, item)))
            offset += len(item)
        return pieces

    def end_block(self) -> None:
        """Nơi nhận then the signature; a joint document's signatures come first."""
        if self.context.get("joint_signatures"):
            self.signatures()
            self.recipients()
        else:
            self.recipients()
            self.signatures()

    def recipients(self) -> None:
        context = self.context
        recipients = context.get("recipients") or []
        if recipients:
            self.add(context["recipients_heading"], view.RECIPIENT, self.fixed(("recipients",)),
                     field=view.RECIPIENTS_HEADING)  # fmt: skip
        for index, line in enumerate(recipients):
            parsed = numbering.parse_label(line)
            cut = parsed.end if parsed and parsed.kind == "bullet" else 0
            locator = self.list_item(line[cut:], "recipients", index)
            if line[cut:] and _data_at(self.data, ("archive",)) == line[cut:]:
                locator = self.scalar(("archive",))
            self.add(
                line[cut:],
                view.RECIPIENT,
                locator,
                label=parsed.text if cut else None,
                parsed_label=parsed if cut else None,
                label_locator=self.fixed(("recipients",), at_key=False) if cut else None,
            )

    def signatures(self) -> None:
        context = self.context
        joint = context.get("joint_signatures") or []
        if joint:
            signatures = [side for pair in joint for side in (pair["left"], pair["right"])]
        else:
            signatures = [context["signature"]]
        for signature in signatures:
            for key, field in (("authority", view.AUTHORITY), ("position", view.POSITION),
                               ("name", view.SIGNER)):  # fmt: skip
                text = signature.get(key) or ""
                locator = self.written(text, ("signature", key), ("signature",))
                self.add(text, view.SIGNATURE, locator, field=field)

    def appendices(self) -> None:
        """What the Word file prints after the signature: the task table and a copy's
        components (bản sao), as appendix paragraphs in the template's order."""
        tasks = self.context.get("tasks")
        if tasks:
            top = self.fixed(("task_table",))
            for key in ("heading", "title", "subtitle"):
                self.add(tasks.get(key) or "", view.APPENDIX, top)
            for column in tasks["columns"]:
                self.add(column, view.APPENDIX, top)
            for row in tasks["rows"]:
                self.task_row(row)
        copy = self.context.get("copy")
        if copy:
            self.copy_block(copy)

    def task_row(self, row: dict[str, str]) -> None:
        section = _block_path(row["path"])
        for key, text in row.items():
            if key == "path":
                continue
            if key == "content":
                has_heading = _data_at(self.data, (*section, "heading")) is not None
                source, base = self.block_source(
                    (*section, "heading") if has_heading else (*section, "text", 0)
                )
                locator = self.scalar(source, base) if source else self.fixed(section)
            elif key in ("lead", "support", "deadline"):
                located = self.task_values(section, key, text)
                if isinstance(located, list):
                    self.add_pieces(text, view.APPENDIX, located)
                    continue
                locator = located
            else:
                locator = self.fixed((*section, key), section)
            self.add(text, view.APPENDIX, locator)

    def copy_block(self, copy: dict[str, Any]) -> None:
        here = ("copy",)
        for key in ("superior", "issuer", "star", "number_line", "kind", "place_date"):
            path = ("copy", {"number_line": "number", "place_date": "date"}.get(key, key))
            self.add(copy[key] or "", view.APPENDIX, self.fixed(path, here))
        if copy["recipients"]:
            self.add(self.context["recipients_heading"], view.APPENDIX,
                     self.fixed(("copy", "recipients"), here))  # fmt: skip
        holder = _data_at(self.data, ("copy", "recipients"))
        for index, line in enumerate(copy["recipients"]):
            item = holder[index] if isinstance(holder, list) and index < len(holder) else None
            fallback = self.fixed(("copy", "recipients"), here)
            locator = (_Shifted(self.scalar(("copy", "recipients", index)),
                                len(line) - len(item), fallback)
                       if isinstance(item, str) and item and line.endswith(item)
                       else fallback)  # fmt: skip
            self.typed(line, view.APPENDIX, locator)
        for key in ("authority", "position", "name"):
            text = copy["signature"].get(key) or ""
            locator = self.written(text, ("copy", "signature", key), ("copy", "signature"), here)
            self.add(text, view.APPENDIX, locator)


class _Shifted(view.Locator):
    """A locator for text printed after a generated prefix ("- ", "V/v ")."""

    __slots__ = ("inner", "prefix", "shift")

    def __init__(self, inner: view.Locator, shift: int, prefix: view.Locator) -> None:
        self.inner = inner
        self.shift = shift
        self.prefix = prefix

    def position(self, offset: int) -> tuple[int, int]:
        if offset < self.shift:
            return self.prefix.position(0)
        return self.inner.position(offset - self.shift)

    def file_range(self, start: int, end: int) -> tuple[int, int] | None:
        if start < self.shift:
            return None
        return self.inner.file_range(start - self.shift, end - self.shift)


class _ReadOnly(view.Locator):
    """Positions of ``inner`` for text printed otherwise than written (in capitals):
    a finding points at it, a fix never rewrites it."""

    __slots__ = ("inner",)

    def __init__(self, inner: view.Locator) -> None:
        self.inner = inner

    def position(self, offset: int) -> tuple[int, int]:
        return self.inner.position(offset)  # file_range: the base class's None


class _After(view.Locator):
    """A locator for the text after a typed label ("- Căn cứ …" read as "-" and
    "Căn cứ …"): offsets into the text are offsets past the label in ``inner``."""

    __slots__ = ("inner", "skip")

    def __init__(self, inner: view.Locator, skip: int) -> None:
        self.inner = inner
        self.skip = skip

    def position(self, offset: int) -> tuple[int, int]:
        return self.inner.position(offset + self.skip)

    def file_range(self, start: int, end: int) -> tuple[int, int] | None:
        return self.inner.file_range(start + self.skip, end + self.skip)


def _data_at(data: Any, path: NodePath, missing: Any = None) -> Any:
    node = data
    for key in path:
        if (isinstance(node, dict) and key in node) or (
            isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node)
        ):
            node = node[key]
        else:
            return missing
    return node


def _section_at(outline: Any, path: NodePath) -> Section | None:
    """The model section at ``("sections", 1, "sections", 0)``."""
    node: Any = outline
    for key in path:
        if isinstance(key, str):
            node = getattr(node, key, None)
        elif isinstance(node, list) and 0 <= key < len(node):
            node = node[key]
        else:
            return None
    return node if hasattr(node, "support") else None


@cache
def _parse_label(label: str) -> Any:
    return numbering.parse_label(label + " ")


def _block_path(path: str) -> NodePath:
    return tuple([int(part) if part.isdigit() else part for part in path.split(".")])


def _section_path(path: NodePath) -> NodePath:
    """``("sections", 1, "sections", 0, "text", 2)`` -> ``("sections", 1, "sections", 0)``."""
    for index in range(len(path) - 1, -1, -1):
        if path[index] == "sections":
            return path[: index + 2]
    return path


def _lines(value: str) -> list[str]:
    return [line for line in value.splitlines() if line.strip()]


def _nth_line_offset(value: str, index: int) -> int:
    """Offset in ``value`` of its ``index``-th non-blank line (the model's SplitLines)."""
    offsets = _line_offsets(value)
    return offsets[index] if 0 <= index < len(offsets) else 0


@lru_cache(maxsize=64)
def _line_offsets(value: str) -> tuple[int, ...]:
    """Offsets of the non-blank lines of ``value`` (read once per text, not once per line)."""
    offsets, offset = [], 0
    for line in value.splitlines(keepends=True):
        if line.strip():
            offsets.append(offset)
        offset += len(line)
    return tuple(offsets)


def _parent_indent(text: str, starts: list[int], start: int, position: NodePosition) -> int:
    """Column of the block holding a node: its key's column, or its ``-`` item mark."""
    from bisect import bisect_right

    if position.key is not None:
        return position.key.column - 1
    line_start = starts[max(0, bisect_right(starts, start) - 1)]
    dash = text.rfind("-", line_start, start)
    return dash - line_start if dash >= 0 else -1


def split_lines(text: str) -> list[str]:
    """The lines of a YAML file (YAML's line breaks, like the loader's marks)."""
    if only_newlines(text):  # split in C, no regex engine
        return text.split("\n")
    return _YAML_BREAK.split(text)


def outline_document(loaded: LoadedOutline | LoadedDocument) -> Any:
    """The ``CheckDocument`` of an outline (resolved here with the settings that
    apply to it when it is not yet); ``OutlineError`` if it cannot be resolved."""
    from drafter.document import LoadedDocument, resolve_loaded
    from drafter.render.context import FormatSettings, build_context, load_format_pack
    from drafter.sources.view import CheckDocument

    document = loaded if isinstance(loaded, LoadedDocument) else resolve_loaded(loaded)
    resolved = document.resolved
    settings = FormatSettings.from_pack(load_format_pack(resolved.format_name))
    builder = _Outline(document, build_context(resolved, settings), settings.tasks)
    builder.header()
    builder.addressees()
    builder.body()
    builder.end_block()
    builder.appendices()
    text = document.loaded.text

    @cache
    def lines() -> list[str]:  # split when a finding is shown, not before
        return split_lines(text)

    return CheckDocument(
        str(document.loaded.path),
        "outline",
        builder.paragraphs,
        text=text,
        line_starts=builder.starts,
        source_lines=lambda line: lines()[line - 1] if 1 <= line <= len(lines()) else None,
        outline=document,
    )
