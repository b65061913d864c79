"""Build into a Word file that already exists: merge the new generation into it.

Called by ``builder.build_loaded`` when the output exists and drafter made it.
If nobody touched it since a plain build, it is simply written anew. Otherwise
the snapshot stored in it is the base of a three-way merge (``drafter.merge``)
between the file as people edited it and what the outline generates now; a
file without a snapshot (saved by a program that drops it) is refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from drafter.errors import InputError, RefusedOverwrite
from drafter.i18n import _
from drafter.loader import LoadedOutline

if TYPE_CHECKING:
    from drafter.document import LoadedDocument
    from drafter.merge import MergeResult
    from drafter.provenance import TargetInfo


class Regenerated(NamedTuple):
    data: bytes
    paragraphs: int
    merge: MergeResult | None


def open_document(path: Path) -> object:
    """The Word file at ``path`` as a python-docx ``Document``; ``InputError`` if damaged."""
    import docx

    try:
        return docx.Document(str(path))
    except Exception as error:  # python-docx raises many kinds on broken packages
        raise InputError(
            _("{path}: damaged Word file ({reason})").format(path=path, reason=type(error).__name__)
        ) from None


def regenerate(
    target: Path,
    document: LoadedDocument | LoadedOutline,
    info: TargetInfo | None = None,
    *,
    template: Path | None = None,
    prefer: str | None = None,
) -> Regenerated:
    """The bytes to write at ``target`` for the outline, merging hand edits in.

    ``info`` is what ``provenance.inspect_target`` found there, when the caller
    already looked.
    """
    from drafter.builder import as_document, finish_document, needs_merge
    from drafter.docx_io.package import DocxPackage
    from drafter.docx_io.snapshot import read_snapshot
    from drafter.generate import generate, outline_line
    from drafter.merge import merge_document
    from drafter.provenance import inspect_target

    info = info or inspect_target(target)
    document = as_document(document)
    loaded = document.loaded
    format_name = document.resolved.format_name
    generated = generate(document, template)
    title = f"{generated.context['type_name']} {loaded.outline.title}"
    if not needs_merge(info):
        data, count = finish_document(
            generated.document.docx, loaded, title, generated.units, format_name,
            paragraphs=generated.paragraphs,
        )  # fmt: skip
        return Regenerated(data, count, None)
    with DocxPackage(target) as package:
        snapshot = read_snapshot(package)
    if snapshot is None:
        raise RefusedOverwrite(
            _(
                "{path} was edited, but it no longer holds the record of what drafter generated "
                "(the program that saved it dropped it), so the edits cannot be merged; pull them "
                "into the outline with 'drafter import {path} --update {outline}', or use --force "
                "to overwrite the file"
            ).format(path=target, outline=loaded.path)
        )
    edited = open_document(target)
    result = merge_document(
        edited, snapshot.units, generated.blocks, generated.units, generated.style, prefer
    )
    data, count = finish_document(edited, loaded, title, result.units, format_name, merged=True)
    conflicts = [c._replace(line=outline_line(loaded, c.path)) for c in result.conflicts]
    return Regenerated(data, count, result._replace(conflicts=conflicts))
