"""What a merge did, for people: a one-line summary and each conflict located.

Conflicts go to stderr as ``file:paragraph:1: message`` (the contract's
position for .docx files), then the two versions, indented.
"""

from __future__ import annotations

import sys
from pathlib import Path

from drafter.i18n import _
from drafter.merge import PREFER_OUTLINE, MergeResult

_SHOWN = 160  # characters of each version shown per conflict


def _short(text: str) -> str:
    text = text.replace("\n", " ").replace("\t", " ")
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def print_merge(path: Path, result: MergeResult, outline: Path | None = None) -> int:
    """Print the summary and the conflicts; returns the number left unresolved."""
    counts = result.counts
    print(
        _(
            "Merged with the edits made in Word: {outline} paragraph(s) from the outline, "
            "{document} kept as edited in Word, {added} added by hand kept, "
            "{deleted} deleted by hand kept deleted, {conflicts} conflict(s)"
        ).format(
            outline=counts["outline"],
            document=counts["document"] + counts["both"],
            added=counts["added"],
            deleted=counts["deleted"],
            conflicts=len(result.conflicts),
        )
    )
    unresolved = 0
    for conflict in result.conflicts:
        where = f"{path}:{conflict.paragraph or 1}:1"
        if conflict.resolution:
            side = _("the outline") if conflict.resolution == PREFER_OUTLINE else _("the Word file")
            message = _("conflict settled with the version of {side}").format(side=side)
        else:
            unresolved += 1
            message = _(
                "conflict: changed both in the Word file and in the outline "
                "(marked with a comment in the Word file)"
            )
        sys.stderr.write(f"{where}: {message}\n")
        empty = _("(deleted)")
        sys.stderr.write(
            "    " + _("Word file: {text}").format(text=_short(conflict.document) or empty) + "\n"
        )
        sys.stderr.write(
            "    " + _("outline:   {text}").format(text=_short(conflict.outline) or empty) + "\n"
        )
        if outline is not None and conflict.line:
            sys.stderr.write(
                "    "
                + _("in the outline: {where}").format(where=f"{outline}:{conflict.line}")
                + "\n"
            )
    if unresolved:
        sys.stderr.write(
            _(
                "{count} conflict(s) left in {path}: settle each one in the Word file or in the "
                "outline and build again, or choose a side with --prefer outline|document"
            ).format(count=unresolved, path=path)
            + "\n"
        )
    return unresolved
