"""Read an outline safely, keeping the line:column of every node.

* YAML is composed by libyaml (when available) with a reduced resolver: only
  ``null``, ``true``/``false`` and plain decimal integers are recognised, so
  ``05``, ``2023-12-19`` and ``yes`` stay text until the model decides.
* Duplicate keys, anchors/aliases (billion laughs, recursion), merge keys and
  explicit tags are refused.
* Every problem — syntax, duplicate key, unknown key, wrong type, missing
  field, impossible date — is collected and raised at once as an
  ``OutlineError`` whose problems read ``file:line:col: message``.
"""

from __future__ import annotations

import os
import re
import typing
from pathlib import Path
from typing import Any, NamedTuple

from drafter.errors import InputError, MissingFileError, OutlineError, Problem
from drafter.i18n import N_, _
from drafter.positions import NodePath, NodePosition, PositionMap, Span, source_line

if typing.TYPE_CHECKING:
    from drafter.model import Outline


# Problem codes of the OUT family (outline structure).
SYNTAX, DUPLICATE_KEY, UNKNOWN_KEY, WRONG_TYPE, MISSING_KEY, BAD_VALUE, UNSUPPORTED, ENCODING = (
    "OUT001", "OUT002", "OUT003", "OUT004", "OUT005", "OUT006", "OUT007", "OUT008",
)  # fmt: skip

MAX_INPUT_BYTES = int(float(os.environ.get("DRAFTER_MAX_INPUT_MB", "32")) * 1024 * 1024)

_STR, _INT, _BOOL, _NULL = (
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
)  # fmt: skip
_SEQ, _MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


class LoadedOutline(NamedTuple):
    """An outline with where each of its nodes came from."""

    outline: Outline
    positions: PositionMap
    path: Path
    text: str
    data: dict[str, Any]


class ParsedYaml(NamedTuple):
    """Plain data from a YAML file, the position of every node, and problems
    found while reading it (duplicate keys, aliases, tags)."""

    data: Any
    positions: PositionMap
    text: str
    problems: list[Problem]


# --------------------------------------------------------------------------- reading


def read_text(path: Path, display: str) -> str:
    """The file's text: UTF-8 (BOM allowed) or UTF-16 with a BOM; else exit 2."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise MissingFileError(_("{path}: file not found").format(path=display), path) from None
    except OSError as error:
        raise InputError(
            _("{path}: cannot read: {reason}").format(path=display, reason=error.strerror)
        ) from None
    if path.is_dir():
        raise InputError(_("{path}: is a folder, not a file").format(path=display))
    if size > MAX_INPUT_BYTES:
        raise InputError(
            _("{path}: file is too large ({size} MB; the limit is {limit} MB)").format(
                path=display, size=size // (1024 * 1024), limit=MAX_INPUT_BYTES // (1024 * 1024)
            )
        )
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(
            _("{path}: cannot read: {reason}").format(path=display, reason=error.strerror)
        ) from None
    return decode_text(raw, display)


def decode_text(raw: bytes, display: str) -> str:
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise InputError(
            _(
                "{path}: this is a Word file, not an outline (.yaml); to turn a Word file "
                "into an outline use: drafter import {path}"
            ).format(path=display)
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        column = len(raw[line_start : error.start].decode("utf-8", errors="replace")) + 1
        problem = Problem(
            display,
            line,
            column,
            _("the file is not UTF-8 text (byte 0x{byte:02X}); save it as UTF-8").format(
                byte=raw[error.start]
            ),
            code=ENCODING,
        )
        raise OutlineError(problem.message, [problem]) from None


# --------------------------------------------------------------------------- composing


def _loader_class() -> type:
    from yaml.resolver import BaseResolver

    try:
        from yaml.cyaml import CParser as parser
    except ImportError:  # PyYAML built without libyaml
        parser = None

    class OutlineResolver(BaseResolver):
        pass

    OutlineResolver.yaml_implicit_resolvers = {}
    OutlineResolver.add_implicit_resolver(
        _NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
    )
    OutlineResolver.add_implicit_resolver(
        _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )
    OutlineResolver.add_implicit_resolver(
        _INT, re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
    )

    if parser is not None:

        class CLoader(parser, OutlineResolver):  # type: ignore[misc, valid-type]
            def __init__(self, stream: str) -> None:
                parser.__init__(self, stream)
                OutlineResolver.__init__(self)

        return CLoader

    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class PyLoader(Reader, Scanner, Parser, Composer, OutlineResolver):
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)
            OutlineResolver.__init__(self)

    return PyLoader


_LOADER: type | None = None

ALIASES_REFUSED = N_("anchors and aliases (&, *) are not supported in outlines")

_YAML_PROBLEMS = {
    # libyaml's (and PyYAML's) messages, translated through the catalog
    "mapping values are not allowed in this context": N_(
        "a colon is not allowed here (put text with ': ' in quotes, or check the indentation)"
    ),
    "mapping values are not allowed here": N_(
        "a colon is not allowed here (put text with ': ' in quotes, or check the indentation)"
    ),
    "found character that cannot start any token": N_(
        "this character cannot start a value (put the text in quotes)"
    ),
    "found a tab character where an indentation space is expected": N_(
        "a tab character cannot be used for indentation; use spaces"
    ),
    "found a tab character that violates indentation": N_(
        "a tab character cannot be used for indentation; use spaces"
    ),
    "could not find expected ':'": N_("expected ':' after a key"),
    "did not find expected key": N_("expected a key here (check the indentation)"),
    "did not find expected '-' indicator": N_("expected a list item '- ' here"),
    "did not find expected ',' or ']'": N_("a list in [ ] is not closed with ']'"),
    "did not find expected ',' or '}'": N_("a group in { } is not closed with '}'"),
    "found unexpected end of stream": N_("the file ends in the middle of a value"),
    "found undefined alias": ALIASES_REFUSED,
    "second occurrence": ALIASES_REFUSED,
    "found unknown escape character": N_("unknown escape sequence in a quoted text"),
    "but found another document": N_("only one document per file: remove the '---' line"),
}


# (libyaml's context, problem) -> message, reported where the context began: an
# unclosed quote or bracket is found at the end of the file, but made where it opened
_OPENED_HERE = {
    ("while scanning a quoted scalar", "found unexpected end of stream"): N_(
        "this quotation mark is never closed: add the closing one where the text ends"
    ),
    ("while parsing a flow sequence", "did not find expected ',' or ']'"): N_(
        "this '[' is never closed: a text that starts with '[' must be put in quotes"
    ),
    ("while parsing a flow mapping", "did not find expected ',' or '}'"): N_(
        "this '{' is never closed: a text that starts with '{' must be put in quotes"
    ),
}


def _syntax_problem(error: Exception, text: str, display: str) -> Problem:
    """One located, translated problem for a YAML syntax error."""
    import yaml

    if isinstance(error, yaml.reader.ReaderError):
        position = max(0, min(error.position, len(text)))
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        message = _("the file contains a control character (U+{code:04X}); remove it").format(
            code=error.character if isinstance(error.character, int) else ord(error.character)
        )
        return Problem(display, line, column, message, source_line(text, line), SYNTAX)
    if not isinstance(error, yaml.MarkedYAMLError):
        message = _("YAML syntax error: {problem}").format(problem=str(error).splitlines()[0])
        return Problem(display, 1, 1, message, code=SYNTAX)
    problem_text = (error.problem or "").strip()
    context = (error.context or "").strip()
    opened = _OPENED_HERE.get((context, problem_text))
    mark = (error.context_mark if opened else None) or error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    at = text.splitlines()[line - 1][column - 1 : column] if source_line(text, line) else ""
    if opened:
        template = opened  # point at what was opened and never closed, not at the end
    elif at == "\t":
        template = N_("a tab character cannot be used for indentation; use spaces")
    else:
        template = _YAML_PROBLEMS.get(problem_text)
    message = (
        _(template) if template else _("YAML syntax error: {problem}").format(problem=problem_text)
    )
    return Problem(display, line, column, message, source_line(text, line), SYNTAX)


def parse_yaml(text: str, display: str) -> ParsedYaml:
    """Compose ``text`` into plain data and positions.

    A syntax error raises ``OutlineError`` at once; problems found while
    walking the nodes (duplicate keys, aliases, tags) are returned in
    ``ParsedYaml.problems`` so they are reported together with the model's.
    """
    import yaml

    global _LOADER
    if _LOADER is None:
        _LOADER = _loader_class()
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as error:
        problem = _syntax_problem(error, text, display)
        raise OutlineError(problem.message, [problem]) from None
    finally:
        dispose = getattr(loader, "dispose", None)
        if dispose:
            dispose()
    positions = PositionMap()
    problems: list[Problem] = []
    data = None
    if node is not None:
        data = _Builder(text, display, positions, problems).build(node, ())
    return ParsedYaml(data, positions, text, problems)


def _span(node: Any) -> Span:
    start, end = node.start_mark, node.end_mark
    return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


class _Builder:
    """Walks composed nodes into plain Python data, recording positions."""

    MAX_DEPTH = 64

    def __init__(
        self, text: str, display: str, positions: PositionMap, problems: list[Problem]
    ) -> None:
        self.text = text
        self.display = display
        self.positions = positions
        self.problems = problems
        self.seen: set[int] = set()

    def problem(self, span: Span, message: str, code: str) -> None:
        self.problems.append(
            Problem(
                self.display,
                span.line,
                span.column,
                message,
                source_line(self.text, span.line),
                code,
            )
        )

    def build(self, node: Any, path: NodePath, key: Span | None = None, depth: int = 0) -> Any:
        from yaml.nodes import MappingNode, ScalarNode, SequenceNode

        span = _span(node)
        if id(node) in self.seen:
            self.problem(span, _(ALIASES_REFUSED), UNSUPPORTED)
            return None
        self.seen.add(id(node))
        if depth > self.MAX_DEPTH:
            self.problem(span, _("the outline is nested too deeply"), UNSUPPORTED)
            return None
        style = getattr(node, "style", None) if isinstance(node, ScalarNode) else None
        self.positions.add(path, NodePosition(span, key, style))
        if isinstance(node, ScalarNode):
            return self._scalar(node, span)
        if isinstance(node, SequenceNode):
            self._check_tag(node, _SEQ, span)
            return [
                self.build(item, (*path, index), None, depth + 1)
                for index, item in enumerate(node.value)
            ]
        if isinstance(node, MappingNode):
            self._check_tag(node, _MAP, span)
            return self._mapping(node, path, depth)
        return None  # pragma: no cover - yaml has no other node kinds

    def _check_tag(self, node: Any, expected: str, span: Span) -> None:
        if node.tag != expected:
            self.problem(
                span,
                _("YAML tags such as {tag} are not supported").format(tag=node.tag),
                UNSUPPORTED,
            )

    def _scalar(self, node: Any, span: Span) -> Any:
        tag, value = node.tag, node.value
        if tag == _STR:
            return value
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return value.lower() == "true"
        if tag == _INT:
            return int(value)
        self.problem(
            span, _("YAML tags such as {tag} are not supported").format(tag=tag), UNSUPPORTED
        )
        return value

    def _mapping(self, node: Any, path: NodePath, depth: int) -> dict[str, Any]:
        from yaml.nodes import ScalarNode

        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_span = _span(key_node)
            if not isinstance(key_node, ScalarNode):
                self.problem(key_span, _("a key must be a plain word"), UNSUPPORTED)
                continue
            key = str(key_node.value)
            if key == "<<":
                self.problem(key_span, _(ALIASES_REFUSED), UNSUPPORTED)
                continue
            if key in result:
                first = self.positions.get((*path, key))
                first_line = first.key.line if first and first.key else key_span.line
                self.problem(
                    key_span,
                    _("duplicate key '{key}' (first given on line {line})").format(
                        key=key, line=first_line
                    ),
                    DUPLICATE_KEY,
                )
                continue
            result[key] = self.build(value_node, (*path, key), key_span, depth + 1)
        return result


# --------------------------------------------------------------------------- validating

_ISSUE_CODES = {"missing": MISSING_KEY, "empty": MISSING_KEY, "unknown_key": UNKNOWN_KEY,
                "wrong_type": WRONG_TYPE}  # fmt: skip


def issue_problems(
    issues: list[Any], positions: PositionMap, text: str, display: str
) -> list[Problem]:
    """Located, translated problems for the converter's issues."""
    problems = []
    for issue in issues:
        if issue.kind == "missing":
            _path, position = positions.nearest(issue.path[:-1])
            span = position.key or position.value
        else:
            _path, position = positions.nearest(issue.path)
            span = (position.key or position.value) if issue.at_key else position.value
        params = {k: v for k, v in issue.params.items() if k != "suggestion"}
        message = _(issue.message).format(**params)
        if issue.params.get("suggestion"):
            message += " — " + _("did you mean '{key}'?").format(key=issue.params["suggestion"])
        problems.append(
            Problem(
                display,
                span.line,
                span.column,
                message,
                source_line(text, span.line),
                _ISSUE_CODES.get(issue.kind, BAD_VALUE),
            )
        )
    problems.sort(key=lambda p: (p.line, p.column))
    return problems


def _semantic_problems(
    outline: Outline, positions: PositionMap, text: str, display: str
) -> list[Problem]:
    """Values that parse but name nothing drafter knows (type, numbering style)."""
    from drafter import doctypes, numbering

    problems = []

    def add(path: NodePath, message: str) -> None:
        _path, position = positions.nearest(path)
        span = position.value
        problems.append(
            Problem(
                display, span.line, span.column, message, source_line(text, span.line), BAD_VALUE
            )
        )

    if outline.type not in doctypes.type_keys():
        add(
            ("type",),
            _("unknown document type '{value}'; known types: {known}").format(
                value=outline.type, known=", ".join(doctypes.type_keys())
            ),
        )
    if outline.numbering and outline.numbering not in numbering.style_names():
        add(
            ("numbering",),
            _("unknown numbering style '{value}'; known styles: {known}").format(
                value=outline.numbering, known=", ".join(numbering.style_names())
            ),
        )
    return problems


def load_outline_text(text: str, display: str, path: Path | None = None) -> LoadedOutline:
    """Parse and validate outline ``text``; ``display`` names it in messages."""
    from drafter.convert import convert
    from drafter.model import Outline

    parsed = parse_yaml(text, display)
    data = parsed.data
    if data is None:
        problem = Problem(display, 1, 1, _("the outline is empty"), code=MISSING_KEY)
        raise OutlineError(problem.message, [problem])
    if not isinstance(data, dict):
        problem = Problem(
            display,
            1,
            1,
            _("the outline must be a group of keys and values (type:, title: …)"),
            source_line(text, 1),
            WRONG_TYPE,
        )
        raise OutlineError(problem.message, [problem])
    outline, issues = convert(Outline, data)
    problems = parsed.problems + issue_problems(issues, parsed.positions, text, display)
    if outline is not None and not issues:
        problems += _semantic_problems(outline, parsed.positions, text, display)
    problems.sort(key=lambda p: (p.line, p.column))
    if problems:
        raise OutlineError(problems[0].message, problems)
    return LoadedOutline(outline, parsed.positions, path or Path(display), text, data)


def load_outline(path: Path | str) -> LoadedOutline:
    """Read, parse and validate the outline at ``path``."""
    path = Path(path)
    display = str(path)
    text = read_text(path, display)
    return load_outline_text(text, display, path)
