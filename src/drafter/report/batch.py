"""The summary of ``drafter build`` over many outlines: a table, then totals.

    Dàn ý                       Kết quả   Đoạn  Lỗi  Cảnh báo  Lưu ý  Tệp Word / lý do
    examples/bao-cao.yaml       đã tạo      61    0         0      1  drafts/bao-cao.docx
    cu/sai.yaml                 lỗi          0    3         0      0  5:1: thiếu khóa …

Plain text (it reads the same in a terminal, a CI log or a file); a progress
bar on stderr while the builds run, only when stderr is a terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from drafter.batch import Outcome
from drafter.i18n import _, ngettext


def _status(outcome: Outcome) -> str:
    if outcome.code == 0:
        return _("built")
    if outcome.conflicts:
        return _("conflicts")
    return _("failed")


def table(outcomes: Sequence[Outcome]) -> str:
    header = (_("Outline"), _("Result"), _("Paragraphs"), _("Errors"), _("Warnings"),
              _("Notes"), _("Word file / reason"))  # fmt: skip
    rows = [
        (o.outline, _status(o), str(o.paragraphs), str(o.errors), str(o.warnings),
         str(o.infos), o.output if o.code == 0 or o.conflicts else (o.message or ""))
        for o in outcomes
    ]  # fmt: skip
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    lines = []
    for row in [header, *rows]:
        cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1])]
        cells += [cell.rjust(width) for cell, width in zip(row[2:6], widths[2:6], strict=True)]
        lines.append("  ".join([*cells, row[6]]).rstrip())
    return "\n".join(lines)


def totals(outcomes: Sequence[Outcome], seconds: float) -> str:
    built = sum(1 for o in outcomes if o.code == 0)
    failed = len(outcomes) - built
    rate = len(outcomes) / seconds if seconds > 0 else 0.0
    text = ngettext("{built} of {count} outline built", "{built} of {count} outlines built",
                    len(outcomes)).format(built=built, count=len(outcomes))  # fmt: skip
    if failed:
        text += ", " + ngettext("{failed} failed", "{failed} failed", failed).format(failed=failed)
    return (
        text
        + " "
        + _("in {seconds:.1f} s ({rate:.1f} per second).").format(seconds=seconds, rate=rate)
    )


def progress_bar(total: int, stream: TextIO | None = None) -> tuple[Callable[[Any], None],
                                                                   Callable[[], None]]:  # fmt: skip
    """(advance, close) for a progress bar on stderr; no-ops when not a terminal."""
    stream = stream or sys.stderr
    if not stream.isatty() or total < 2:
        return (lambda _outcome: None), (lambda: None)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(TextColumn(_("Building")), BarColumn(), MofNCompleteColumn(),
                   console=Console(file=stream), transient=True)  # fmt: skip
    task = bar.add_task("", total=total)
    bar.start()
    return (lambda _outcome: bar.advance(task)), bar.stop
