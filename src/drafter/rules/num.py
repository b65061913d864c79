"""NUM — the numbering of parts and items: I., II. …; 1., 2. …; 1.1., 1.2. …; a), b) …

Labels come from the document view: computed for outlines (so these rules
confirm what build writes), typed or drawn by Word's auto-numbering for Word
files, typed for text files. Sequences restart under each higher level; a
decimal label (2.1.) must sit under the item it extends (2.). Letters follow
the Vietnamese order (a, b, c, d, đ, e, g …) or the Latin one (… d, e, f), but
not a mix. HD 36 and recent documents use both "I." and "I-"; one document
uses one (../shared/spec/party-format.md §3).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from drafter import numbering
from drafter.i18n import N_
from drafter.lazyre import lazy
from drafter.rules.base import ERROR, WARNING, Hit, Rule
from drafter.sources import view
from drafter.sources.labels import continuous_words, level_key

if TYPE_CHECKING:
    from drafter.numbering import ParsedLabel
    from drafter.rules.context import CheckContext
    from drafter.sources.view import Paragraph

NUMBERED_ROLES = frozenset({view.HEADING, view.BODY})
MALFORMED_ROMAN = lazy(r"^\s*(?P<label>[IVXLCDMivxlcdm]{1,8}[.\-])\s")
MALFORMED_LETTER = lazy(r"^\s*(?P<label>[fjwzFJWZ]\))\s")


class Label(NamedTuple):
    paragraph: Paragraph
    parsed: ParsedLabel


def _labels(ctx: CheckContext) -> list[Label]:
    cached = ctx.cache.get("num.labels")
    if cached is None:
        cached = [
            Label(p, p.parsed_label)
            for p in ctx.document.paragraphs
            if p.role in NUMBERED_ROLES and p.parsed_label is not None
            and p.parsed_label.kind != "bullet"
        ]  # fmt: skip
        ctx.cache["num.labels"] = cached
    return cached


def _letter_index(letter: str) -> tuple[int | None, int | None]:
    """Position of a letter label in the Vietnamese and in the Latin alphabet."""
    vietnamese = numbering.from_letter(letter)
    latin = ord(letter[0]) - ord("a") + 1 if letter and "a" <= letter[0] <= "z" else None
    if latin is not None and len(letter) > 1:
        latin = None
    return vietnamese, latin


class _Finding(NamedTuple):
    kind: str  # gap | duplicate | backwards | parent | orphan
    label: Label
    expected: str
    previous: str


def _render(parsed: ParsedLabel, value: int) -> str:
    """The label ``parsed`` would be with the number ``value``."""
    number = numbering.to_roman(value) if parsed.kind == "roman" else str(value)
    return f"{parsed.prefix}{number}{parsed.suffix}"


class _Walk:
    """Walks the labels in order; reports every break in a sequence.

    Plain Roman parts and worded labels (Phần, Chương, Mục, Điều) each keep a
    counter per rank; a label resets the counters below it, except the
    continuous ones (Điều). Arabic and decimal labels share a path (2. → 2.1.
    → 2.1.1.) that restarts under any higher label; letters restart under any
    number.
    """

    def __init__(self) -> None:
        self.ranked: dict[int, Label] = {}  # last label of each rank above the numbers
        self.path: list[int] = []
        self.path_label: Label | None = None
        self.letter: Label | None = None

    def walk(self, labels: list[Label]) -> Iterator[_Finding]:
        for label in labels:
            parsed = label.parsed
            if parsed.kind == "roman" or parsed.prefix:
                yield from self.ranked_label(label)
            elif parsed.kind in ("arabic", "decimal"):
                yield from self.number(label)
            elif parsed.kind == "letter":
                yield from self.letter_label(label)

    def ranked_label(self, label: Label) -> Iterator[_Finding]:
        parsed = label.parsed
        rank = level_key(parsed)
        before = self.ranked.get(rank)
        previous = before.parsed.numbers[0] if before else 0
        yield from _compare(label, parsed.numbers[0], previous, before)
        self.ranked[rank] = label
        for other in [r for r in self.ranked if r > rank]:
            if self.ranked[other].parsed.prefix.strip() not in continuous_words():
                del self.ranked[other]
        self.path, self.path_label, self.letter = [], None, None

    def number(self, label: Label) -> Iterator[_Finding]:
        numbers = list(label.parsed.numbers)
        depth = len(numbers)
        parent = numbers[:-1]
        path = self.path
        if depth > 1 and len(path) < depth - 1:
            yield _Finding("orphan", label, ".".join(map(str, parent)) + ".", "")
        elif depth > 1 and path[: depth - 1] != parent:
            expected = ".".join(map(str, path[: depth - 1]))
            yield _Finding("parent", label, expected + ".", ".".join(map(str, parent)) + ".")
        else:
            same_parent = len(path) >= depth and path[: depth - 1] == parent
            previous = path[depth - 1] if same_parent else 0
            yield from _compare(label, numbers[-1], previous,
                                self.path_label if same_parent else None)  # fmt: skip
        self.path, self.path_label, self.letter = numbers, label, None

    def letter_label(self, label: Label) -> Iterator[_Finding]:
        letter = label.parsed.text[:-1]
        if self.letter is None:
            if letter != "a":
                yield _Finding("gap", label, "a)", "")
        else:
            before = self.letter.parsed.text[:-1]
            now_vi, now_la = _letter_index(letter)
            was_vi, was_la = _letter_index(before)
            steps = {
                (now_vi - was_vi) if now_vi and was_vi else None,
                (now_la - was_la) if now_la and was_la else None,
            } - {None}
            if 1 not in steps:
                if letter == before:
                    kind = "duplicate"
                elif steps and max(s for s in steps if s is not None) <= 0:
                    kind = "backwards"
                else:
                    kind = "gap"
                following = numbering.to_letter((was_vi or 0) + 1) + ")"
                yield _Finding(kind, label, following, before + ")")
        self.letter = label


def _compare(label: Label, value: int, previous: int,
             previous_label: Label | None) -> Iterator[_Finding]:  # fmt: skip
    parsed = label.parsed
    if value == previous + 1:
        return
    if parsed.kind == "decimal":
        prefix = ".".join(map(str, parsed.numbers[:-1]))
        expected = f"{prefix}.{previous + 1}{parsed.suffix}"
    else:
        expected = _render(parsed, previous + 1)
    before = previous_label.parsed.text if previous_label else ""
    if value == previous:
        yield _Finding("duplicate", label, expected, before)
    elif value < previous:
        yield _Finding("backwards", label, expected, before)
    else:
        yield _Finding("gap", label, expected, before)


class _SequenceRule(Rule):
    kind = ""

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        found = ctx.cache.get("num.sequence")
        if found is None:
            found = list(_Walk().walk(_labels(ctx)))
            ctx.cache["num.sequence"] = found
        for item in found:
            if item.kind == self.kind:
                paragraph = item.label.paragraph
                yield self.hit(
                    paragraph,
                    0,
                    0,
                    at_label=True,
                    label=item.label.parsed.text,
                    expected=item.expected,
                    previous=item.previous,
                )


_EXAMPLE = "I. Nhiệm vụ\n1. Công tác xây dựng Đảng\n1.1. Chính trị\n1.2. Tổ chức\n"


class NumberingGap(_SequenceRule):
    code = "NUM001"
    name = "numbering-gap"
    severity = ERROR
    kind = "gap"
    summary = N_("A number is skipped (1.1 then 1.3).")
    explanation = N_(
        "Items of one level are numbered without gaps, starting from 1 (I, a) under each "
        "higher item. A gap usually means an item was deleted and the rest not renumbered."
    )
    message = N_("'{label}' follows '{previous}': '{expected}' is missing")
    wrong = _EXAMPLE.replace("1.2.", "1.3.")
    right = _EXAMPLE


class DuplicateLabel(_SequenceRule):
    code = "NUM002"
    name = "duplicate-label"
    severity = ERROR
    kind = "duplicate"
    summary = N_("The same number is used twice in a row (1.2 then 1.2).")
    explanation = N_("Two items with the same number: the second should be the next number.")
    message = N_("'{label}' is used twice; this one should be '{expected}'")
    wrong = _EXAMPLE.replace("1.2.", "1.1.")
    right = _EXAMPLE


class WrongParent(_SequenceRule):
    code = "NUM003"
    name = "wrong-parent"
    severity = ERROR
    kind = "parent"
    summary = N_("A sub-item is numbered for another parent (2.1 under 1.).")
    explanation = N_(
        "A decimal label repeats the number of the item it belongs to: the items under '1.' "
        "are 1.1., 1.2. … An item 2.1. under 1. was moved or copied without renumbering."
    )
    message = N_("'{label}' stands under '{expected}'; its number should start with '{expected}'")
    wrong = _EXAMPLE.replace("1.1.", "2.1.").replace("1.2.", "2.2.")
    right = _EXAMPLE


class MissingParent(_SequenceRule):
    code = "NUM004"
    name = "missing-parent"
    severity = ERROR
    kind = "orphan"
    summary = N_("A sub-item has no parent item (1.1. with no 1. before it).")
    explanation = N_(
        "A decimal label such as 1.1. extends an item '1.' that must come before it in the "
        "same part."
    )
    message = N_("'{label}' has no '{expected}' before it")
    wrong = "I. Nhiệm vụ\n1.1. Chính trị\n1.2. Tổ chức\n"
    right = _EXAMPLE


class OutOfSequence(_SequenceRule):
    code = "NUM006"
    name = "out-of-sequence"
    severity = ERROR
    kind = "backwards"
    summary = N_("Numbers go backwards (1, 2, 4, 3): items were moved without renumbering.")
    explanation = N_(
        "A number lower than the one before it means items were reordered after they were numbered."
    )
    message = N_("'{label}' comes after '{previous}'; it should be '{expected}'")
    wrong = "I. Nhiệm vụ\n1. Một\n2. Hai\n3. Ba\n2. Bốn\n"
    right = "I. Nhiệm vụ\n1. Một\n2. Hai\n3. Ba\n4. Bốn\n"


class MixedLabelStyles(Rule):
    code = "NUM005"
    name = "mixed-label-styles"
    severity = WARNING
    summary = N_("One level is numbered in two styles (I. and I-, 1. and 1-).")
    explanation = N_(
        "Party documents number parts 'I.' or 'I-' and items '1.' or '1-'; both styles are "
        "current, but one document uses one style per level. Labels in the less common style "
        "are reported."
    )
    message = N_(
        "'{label}' is written in another style than the other labels of its level ('{expected}')"
    )
    wrong = "I. Nhiệm vụ\n1. Một\nII- Giải pháp\n1. Hai\n"
    right = "I. Nhiệm vụ\n1. Một\nII. Giải pháp\n1. Hai\n"

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        groups: dict[tuple[str, int], list[Label]] = {}
        for label in _labels(ctx):
            parsed = label.parsed
            if parsed.kind == "letter" or not parsed.suffix:
                continue
            groups.setdefault((parsed.kind, len(parsed.numbers), parsed.prefix), []).append(label)
        for labels in groups.values():
            styles = Counter(label.parsed.suffix for label in labels)
            if len(styles) < 2:
                continue
            common = styles.most_common(1)[0][0]
            for label in labels:
                if label.parsed.suffix != common:
                    text = label.parsed.text
                    yield self.hit(
                        label.paragraph, 0, 0, at_label=True, label=text,
                        expected=text[: -len(label.parsed.suffix)] + common,
                    )  # fmt: skip


class MalformedLabel(Rule):
    code = "NUM007"
    name = "malformed-label"
    severity = WARNING
    summary = N_("A label that is not a valid number (IIII., IC., ii., f), 1.1 without its dot).")
    explanation = N_(
        "Roman numerals are written in capitals in their standard form (IV, not IIII); "
        "lettered items use the Vietnamese letters a, b, c, d, đ, e, g … (no f, j, w, z); a "
        "decimal label ends with a dot (1.1. Công tác)."
    )
    message = N_("'{label}' is not a well-formed label")
    wrong = "I. Nhiệm vụ\n1. Một\n1.1 Chính trị\nII. Hai\nIII. Ba\nIIII. Bốn\n"
    right = "I. Nhiệm vụ\n1. Một\n1.1. Chính trị\nII. Hai\nIII. Ba\nIV. Bốn\n"

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        for paragraph in ctx.document.paragraphs:
            if paragraph.role not in NUMBERED_ROLES:
                continue
            parsed = paragraph.parsed_label
            if parsed is not None:
                if parsed.kind == "decimal" and not parsed.suffix:
                    yield self.hit(paragraph, 0, 0, at_label=True, label=parsed.text)
                continue
            for pattern in (MALFORMED_ROMAN, MALFORMED_LETTER):
                match = pattern.match(paragraph.text)
                if match and _malformed(match.group("label")):
                    start, end = match.span("label")
                    yield self.hit(paragraph, start, end, label=match.group("label"))


def _malformed(label: str) -> bool:
    """A label-like start that is not a valid label. Valid numerals that were not
    taken as labels ("C. Mác") and single small letters ("v. ") are not reported."""
    core = label[:-1]
    if label.endswith(")"):
        return True
    if core.isupper():
        return numbering.from_roman(core) is None
    return len(core) >= 2 and numbering.from_roman(core.upper()) is not None


RULES = (
    NumberingGap(), DuplicateLabel(), WrongParent(), MissingParent(), MixedLabelStyles(),
    OutOfSequence(), MalformedLabel(),
)  # fmt: skip
