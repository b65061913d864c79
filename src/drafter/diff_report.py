"""``drafter diff`` output for people (a summary by section, words highlighted)
and for tools (``--format json``, the shape of ``diff.to_json``)."""

from __future__ import annotations

import json
import sys
from typing import Any

from drafter.diff import Change, DiffResult, WordChange
from drafter.i18n import _

CONTEXT = 50  # characters of unchanged text kept around a change


def _marks() -> dict[str, str]:
    return {
        "changed": "~",
        "renumbered": "#",
        "added": "+",
        "removed": "-",
    }


def _shorten(words: list[WordChange]) -> list[WordChange]:
    """Long unchanged stretches cut to their ends (the change stays readable)."""
    out = []
    for index, word in enumerate(words):
        text = word.text
        if word.op == "equal" and len(text) > 2 * CONTEXT:
            head = text[:CONTEXT] if index > 0 else ""
            tail = text[-CONTEXT:] if index < len(words) - 1 else ""
            text = f"{head}…{tail}"
        out.append(WordChange(word.op, text))
    return out


def _where(change: Change) -> str:
    old = f"¶{change.old.number}" if change.old else ""
    new = f"¶{change.new.number}" if change.new else ""
    return f"{old}→{new}" if old and new and old != new else (new or old)


def print_text(result: DiffResult, stream: Any = None, color: bool | None = None) -> None:
    """The human summary on ``stream`` (stdout): styled on a terminal, marked up elsewhere."""
    from rich.console import Console
    from rich.text import Text

    stream = stream or sys.stdout
    console = Console(file=stream, highlight=False, soft_wrap=True, force_terminal=color,
                      no_color=color is False)  # fmt: skip
    styled = console.is_terminal and color is not False
    counts = {kind: result.count(kind) for kind in ("changed", "added", "removed", "renumbered")}
    console.print(
        _(
            "{old} → {new}: {changed} changed, {added} added, {removed} removed, "
            "{renumbered} renumbered, {unchanged} unchanged"
        ).format(old=result.old.path, new=result.new.path, unchanged=result.unchanged, **counts)
    )
    if not result.changes:
        console.print(_("No differences."))
        return
    section = None
    for change in result.changes:
        if change.section != section:
            section = change.section
            title = section or _("(beginning of the document)")
            console.print(Text(f"── {title}", style="bold" if styled else ""))
        line = Text(f"  {_marks()[change.kind]} {_where(change)}  ")
        for word in _shorten(change.words) if change.kind != "added" else change.words:
            if word.op == "equal":
                line.append(word.text)
            elif styled:
                line.append(word.text, style="red strike" if word.op == "delete" else "green bold")
            elif change.kind in ("added", "removed"):
                line.append(word.text)
            else:
                line.append(f"[-{word.text}-]" if word.op == "delete" else f"{{+{word.text}+}}")
        console.print(line)


def print_json(result: DiffResult, stream: Any = None) -> None:
    from drafter.diff import to_json

    (stream or sys.stdout).write(json.dumps(to_json(result), ensure_ascii=False, indent=2) + "\n")
