"""Inline suppression in outlines: ``# drafter: ignore[TXT001, repeated-word]``.

A comment at the end of a line hides findings that start on that line. A
comment on a line of its own hides findings on the next line and, when a key
or list item starts there, anywhere in that node (so one comment above
``text: |`` covers the whole block, whose lines cannot hold comments).
``# drafter: ignore`` without brackets hides every rule. A suppression that
hides nothing is reported (OUT009), and so is an unknown code (OUT010).
Lines inside block scalars are text, not comments, and are never read as
suppressions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from drafter.lazyre import lazy
from drafter.rules.selection import matches, split_selectors, unknown_selectors

if TYPE_CHECKING:
    from drafter.positions import PositionMap
    from drafter.rules.base import Finding, Rule

_COMMENT = lazy(r"(?:^|(?<=\s))#\s*drafter\s*:\s*ignore\b(?:\[(?P<codes>[^\]]*)\])?")


class Suppression(NamedTuple):
    line: int  # where the comment is
    column: int
    codes: tuple[str, ...]  # () means every rule
    first: int  # lines covered, inclusive
    last: int


def _block_lines(positions: PositionMap) -> set[int]:
    """Lines that belong to the content of block scalars (``|``, ``>``)."""
    lines: set[int] = set()
    for _path, position in positions.items():
        if position.style in ("|", ">"):
            span = position.value
            lines.update(range(span.line + 1, span.end_line + 1))
    return lines


def _node_ends(positions: PositionMap) -> dict[int, int]:
    """For each line where a key or list item starts, the last line of its node."""
    ends: dict[int, int] = {}
    for _path, position in positions.items():
        start = position.key.line if position.key else position.value.line
        span = position.value
        last = (
            span.end_line - 1
            if span.end_column == 1 and span.end_line > span.line
            else (span.end_line)
        )
        ends[start] = max(ends.get(start, start), last)
    return ends


def find_suppressions(lines: list[str], positions: PositionMap) -> list[Suppression]:
    candidates = [
        (number, text, match)
        for number, text in enumerate(lines, start=1)
        if "drafter" in text and (match := _COMMENT.search(text)) is not None
    ]
    if not candidates:
        return []
    inside_blocks = _block_lines(positions)
    node_ends = _node_ends(positions)
    found = []
    for number, text, match in candidates:
        if number in inside_blocks:
            continue
        codes = tuple(split_selectors([match.group("codes") or ""]))
        if text[: match.start()].strip():
            first = last = number
        else:
            first = number + 1
            last = node_ends.get(first, first)
        found.append(Suppression(number, match.start() + 1, codes, first, last))
    return found


def apply_suppressions(
    findings: list[Finding],
    suppressions: list[Suppression],
    rules_run: tuple[Rule, ...],
    unused_rule: Rule | None,
    unknown_rule: Rule | None,
) -> tuple[list[Finding], list[tuple[Suppression, str, str]]]:
    """Findings left after suppression, and problems with the suppressions
    themselves as ``(suppression, rule code, selector)``."""
    if not suppressions:
        return findings, []
    kept: list[Finding] = []
    used: set[tuple[int, str]] = set()
    by_code = {rule.code: rule for rule in rules_run}
    for finding in findings:
        hidden = False
        for suppression in suppressions:
            if not suppression.first <= finding.line <= suppression.last:
                continue
            rule = by_code.get(finding.code)
            if not suppression.codes:
                used.add((suppression.line, ""))
                hidden = True
                continue
            for selector in suppression.codes:
                if (rule is not None and matches(rule, selector)) or selector.upper() == (
                    finding.code
                ):
                    used.add((suppression.line, selector))
                    hidden = True
        if not hidden:
            kept.append(finding)
    problems: list[tuple[Suppression, str, str]] = []
    for suppression in suppressions:
        for selector in unknown_selectors(suppression.codes):
            if unknown_rule is not None:
                problems.append((suppression, unknown_rule.code, selector))
        known = [s for s in suppression.codes if s not in unknown_selectors([s])]
        ran = [s for s in known if any(matches(rule, s) for rule in rules_run)]
        if not suppression.codes:
            if (suppression.line, "") not in used and unused_rule is not None:
                problems.append((suppression, unused_rule.code, "ALL"))
            continue
        unused = [s for s in ran if (suppression.line, s) not in used]
        if unused and unused_rule is not None:
            problems.append((suppression, unused_rule.code, ", ".join(unused)))
    return kept, problems
