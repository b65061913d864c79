"""A Word file showing what changed between two drafts as real tracked changes.

The new draft's document is the base, so it looks exactly like the new draft;
every change of the diff is written into it as a revision by ``author``:
changed words as ``w:del`` + ``w:ins`` inside the paragraph (the words kept
keep their runs), new paragraphs as insertions (text and paragraph mark),
removed paragraphs as deletions placed where they stood. Word's Review tab
(and LibreOffice's Edit › Track Changes) accepts or rejects each one.
"""

from __future__ import annotations

from pathlib import Path

from drafter import __version__
from drafter.diff import DiffResult
from drafter.errors import RefusedOverwrite
from drafter.fileio import atomic_write
from drafter.i18n import _

REDLINE_KEY = "drafter.redline"
AUTHOR = "drafter"


def _is_redline(path: Path) -> bool:
    from drafter.docx_io.package import DocxPackage
    from drafter.docx_io.properties import read_custom_properties
    from drafter.errors import InputError

    try:
        with DocxPackage(path) as package:
            return read_custom_properties(package).get(REDLINE_KEY) == "yes"
    except InputError:
        return False


def write_redline(result: DiffResult, output: Path | str, author: str = AUTHOR) -> Path:
    """Write the tracked-changes file at ``output`` (only over an earlier redline)."""
    from drafter.docx_io.properties import attach_custom_properties
    from drafter.docx_io.writer import Revision, deleted_paragraph, mark_changes, mark_inserted
    from drafter.render.docx import document_bytes

    output = Path(output)
    if output.suffix.lower() != ".docx":
        from drafter.errors import InputError

        raise InputError(_("{path}: the output must be a .docx file").format(path=output))
    if output.exists() and not _is_redline(output):
        raise RefusedOverwrite(
            _("{path} exists and is not a comparison drafter made; not overwriting it").format(
                path=output
            )
        )
    revision = Revision.now(author)
    document = result.new.document
    placed: dict[int, object] = {}  # new paragraph number -> the last element put after it
    first = next((p.element for p in result.new.paragraphs if p.element is not None), None)
    for change in result.changes:
        if change.new is not None and change.new.element is not None:
            if change.kind == "added":
                mark_inserted(change.new.element, revision)
            else:
                mark_changes(change.new.element, change.old.text, revision)  # type: ignore[union-attr]
            continue
        if change.old is None or change.old.element is None:
            continue
        deleted = deleted_paragraph(change.old.element, revision)
        key = change.after.number if change.after is not None else 0
        anchor = placed.get(key) or (change.after.element if change.after else None)
        if anchor is not None:
            anchor.addnext(deleted)  # type: ignore[attr-defined]
        elif first is not None:
            first.addprevious(deleted)
        placed[key] = deleted
    attach_custom_properties(document, {REDLINE_KEY: "yes", "drafter.version": __version__})
    atomic_write(output, document_bytes(document))
    return output
