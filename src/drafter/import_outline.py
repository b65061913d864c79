"""``drafter import``: a Word file -> a new outline file, or edits into an existing one."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, NamedTuple

from drafter.errors import InputError, RefusedOverwrite
from drafter.fileio import atomic_write
from drafter.i18n import _

STDOUT = Path("-")


class ImportOutcome(NamedTuple):
    written: Path | None  # the outline written (None: printed, or nothing changed)
    count: int  # paragraphs imported, or values changed with --update
    notes: list[str]
    text: str  # the outline's YAML


def _texts(data: Any) -> list[str]:
    if isinstance(data, dict):
        return [text for value in data.values() for text in _texts(value)]
    if isinstance(data, list):
        return [text for value in data for text in _texts(value)]
    return [str(data)] if data is not None else []


def default_outline_path(document: Path) -> Path:
    return Path(f"{document.stem}.yaml")


def import_to_outline(
    document: Path | str,
    *,
    output: Path | str | None = None,
    update: Path | str | None = None,
    force: bool = False,
) -> ImportOutcome:
    """Import ``document``; write a new outline (``output``) or update ``update`` in place."""
    from drafter.importer import import_docx
    from drafter.outline_writer import dump_outline, plain, update_outline_text

    document = Path(document)
    result = import_docx(document)
    if update is not None:
        from drafter.loader import load_outline
        from drafter.model import Outline

        loaded = load_outline(Path(update))
        text = update_outline_text(loaded.text, loaded.outline, result.outline)
        before = _texts(plain(loaded.outline, Outline))
        after = _texts(plain(result.outline, Outline))
        changed = len(set(after) - set(before)) + len(set(before) - set(after))
        if text != loaded.text:
            atomic_write(Path(update), text.encode("utf-8"))
        return ImportOutcome(Path(update), changed, result.notes, text)
    header = _("Imported from {path} by drafter import; check it, then build it.").format(
        path=document.name
    )
    text = dump_outline(result.outline, header)
    count = len(_texts(result.data))
    target = Path(output) if output is not None else default_outline_path(document)
    if target == STDOUT:
        sys.stdout.write(text)
        return ImportOutcome(None, count, result.notes, text)
    if target.suffix.lower() not in (".yaml", ".yml"):
        raise InputError(_("{path}: the outline must be a .yaml file").format(path=target))
    if target.exists() and not force:
        raise RefusedOverwrite(
            _(
                "{path} already exists; not overwriting it (use --update {path} to write the "
                "edits into it, --force to replace it, or -o to write elsewhere)"
            ).format(path=target)
        )
    atomic_write(target, text.encode("utf-8"))
    return ImportOutcome(target, count, result.notes, text)
