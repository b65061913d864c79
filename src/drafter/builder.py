"""``drafter build``: outline -> official-format .docx (and .pdf), safely.

load (positions) + drafter.yaml -> resolve -> context (pure) -> docxtpl ->
provenance -> atomic write. ``final`` makes the signed version: no draft mark,
and number, full date and signer required (each one missing is reported with
its position).
The snapshot of what was generated is stored in the file too. An existing
output is overwritten only if drafter made it and nobody edited it since, or
with ``force``. If it was edited by hand, the new generation is merged into it
(``drafter.regenerate``); the user's edits are never silently lost.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from drafter import __version__
from drafter.document import LoadedDocument, load_document
from drafter.errors import InputError, RefusedOverwrite
from drafter.fileio import atomic_write
from drafter.gc_pause import gc_paused
from drafter.i18n import _
from drafter.loader import LoadedOutline
from drafter.provenance import (
    BUILT_KEY,
    CONTENT_HASH_KEY,
    DOCUMENT_HASH_KEY,
    FORMAT_KEY,
    MERGED_KEY,
    OUTLINE_HASH_KEY,
    OUTLINE_KEY,
    VERSION_KEY,
    TargetInfo,
    TargetState,
    fingerprint,
    inspect_target,
)
from drafter.resources import templates_dir

if TYPE_CHECKING:
    from drafter.docx_io.snapshot import Unit
    from drafter.merge import MergeResult

DEFAULT_FORMAT = "hd36_2018"
DRAFTS_DIR = Path("drafts")


class BuildResult(NamedTuple):
    outline: Path
    docx: Path
    pdf: Path | None
    paragraphs: int
    merge: MergeResult | None = None  # set when hand edits were merged
    checks: Any = None  # the checker's FileReport for the outline (drafter.checker)


def default_output(outline_path: Path) -> Path:
    """``drafts/<outline stem>.docx`` under the current folder."""
    return DRAFTS_DIR / f"{outline_path.stem}.docx"


def as_document(loaded: LoadedDocument | LoadedOutline) -> LoadedDocument:
    """A loaded outline resolved with the settings that apply to it."""
    if isinstance(loaded, LoadedDocument):
        return loaded
    from drafter.document import resolve_loaded

    return resolve_loaded(loaded)


def template_for(document: LoadedDocument | LoadedOutline, template: Path | None = None) -> Path:
    """The Word template of the document's type and format rule pack."""
    document = as_document(document)
    if template is not None:
        path = Path(template)
    else:
        resolved = document.resolved
        folder = templates_dir()
        if resolved.format_name != DEFAULT_FORMAT:
            folder = folder / resolved.format_name
        path = folder / resolved.doctype.template
    if not path.is_file():
        raise InputError(_("{path}: template not found").format(path=path))
    return path


def check_target(target: Path, outline_path: Path) -> None:
    """Refuse outputs that can never be right: not .docx, or the outline itself."""
    if target.suffix.lower() != ".docx":
        raise InputError(_("{path}: the output must be a .docx file").format(path=target))
    if target.resolve() == outline_path.resolve():
        raise RefusedOverwrite(
            _("{path}: the output would overwrite the outline").format(path=target)
        )


def guard_target(target: Path, outline_path: Path, force: bool) -> TargetInfo:
    """What is at the output: nothing (or ``force``: treated as nothing), drafter's
    own file (UNCHANGED or EDITED, merged into); refuse anything drafter did not
    make, unless ``force``."""
    check_target(target, outline_path)
    if force:
        return TargetInfo(TargetState.ABSENT, {})
    info = inspect_target(target)
    hint = _("use --force to overwrite it, or -o to write elsewhere")
    if info.state is TargetState.FOREIGN:
        raise RefusedOverwrite(
            _("{path} exists and was not made by drafter; not overwriting ({hint})").format(
                path=target, hint=hint
            )
        )
    if info.state is TargetState.UNREADABLE:
        raise RefusedOverwrite(
            _(
                "{path} exists but is not a Word file drafter can read; not overwriting ({hint})"
            ).format(path=target, hint=hint)
        )
    return info


def finish_document(
    document: Any,
    loaded: LoadedOutline,
    title: str,
    units: list[Unit],
    format_name: str = DEFAULT_FORMAT,
    merged: bool = False,
    paragraphs: list[Any] | None = None,
) -> tuple[bytes, int]:
    """Provenance and snapshot into a python-docx document; its bytes and paragraph count.

    ``paragraphs`` are the body's paragraphs when the caller has just read them
    (a fresh generation); a merged document is read here.
    """
    from drafter.docx_io.properties import attach_custom_properties
    from drafter.docx_io.reader import body_paragraphs
    from drafter.docx_io.snapshot import attach_snapshot
    from drafter.render.docx import document_bytes, visible_text

    if paragraphs is None:
        paragraphs = body_paragraphs(document.element.body)
    core = document.core_properties
    core.title = visible_text(title)[:255]
    core.author = "drafter"
    attach_snapshot(document, units, snapshot_info(loaded))
    attach_custom_properties(
        document,
        {
            VERSION_KEY: __version__,
            OUTLINE_KEY: loaded.path.name,
            OUTLINE_HASH_KEY: hashlib.sha256(loaded.text.encode("utf-8")).hexdigest(),
            CONTENT_HASH_KEY: fingerprint(paragraphs),
            FORMAT_KEY: format_name,
            BUILT_KEY: dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
            MERGED_KEY: "yes" if merged else "no",
            DOCUMENT_HASH_KEY: hashlib.sha256(document.part.blob).hexdigest(),
        },
    )
    return document_bytes(document), len(paragraphs)


def snapshot_info(loaded: LoadedOutline) -> dict[str, str]:
    """What the snapshot keeps of the outline itself: its values as written
    (JSON), so an import gives back the outline's own words for every part of
    the document nobody changed (derived values such as the issuer's name stay
    derived)."""
    import json

    from drafter.model import Outline
    from drafter.outline_writer import plain

    outline = loaded.outline
    written = json.dumps(plain(outline, Outline), ensure_ascii=False, separators=(",", ":"))
    return {"type": outline.type, "numbering": outline.numbering or "", "outline": written}


def render_outline(
    document: LoadedDocument | LoadedOutline, template: Path | None = None
) -> tuple[bytes, int]:
    """The .docx bytes for an outline (resolved, or resolved here with the settings
    that apply to it), provenance and snapshot included, and its paragraph count."""
    from drafter.generate import generate

    generated = generate(document, template)
    document = as_document(document)
    title = f"{generated.context['type_name']} {document.loaded.outline.title}"
    return finish_document(
        generated.document.docx,
        document.loaded,
        title,
        generated.units,
        document.resolved.format_name,
        paragraphs=generated.paragraphs,
    )


def needs_merge(info: TargetInfo) -> bool:
    """Whether the output holds hand edits a fresh build would lose: edited since
    the last build, or merged then (its base is not what the outline generates)."""
    if info.state is TargetState.EDITED:
        return True
    return info.state is TargetState.UNCHANGED and info.properties.get(MERGED_KEY) == "yes"


def build_loaded(
    document: LoadedDocument | LoadedOutline,
    output: Path | None = None,
    *,
    pdf: bool = False,
    force: bool = False,
    template: Path | None = None,
    prefer: str | None = None,
) -> BuildResult:
    from drafter.checker import start_build_checks

    document = as_document(document)
    loaded = document.loaded
    target = Path(output) if output else default_output(loaded.path)
    info = guard_target(target, loaded.path, force)
    merge = None
    with gc_paused():  # before the fork too: collections would copy every page (COW)
        collect_checks = start_build_checks(document)  # alongside the rendering
        if needs_merge(info):
            from drafter.regenerate import regenerate

            outcome = regenerate(target, document, info, template=template, prefer=prefer)
            data, count, merge = outcome.data, outcome.paragraphs, outcome.merge
        else:
            data, count = render_outline(document, template)
        checks = collect_checks()  # a final document with errors is refused: nothing written
    atomic_write(target, data)
    pdf_path = None
    if pdf:
        from drafter.render.pdf import convert_to_pdf

        pdf_path = convert_to_pdf(target, target.with_suffix(".pdf"))
    return BuildResult(loaded.path, target, pdf_path, count, merge, checks)


def build(
    outline: Path | str,
    output: Path | str | None = None,
    *,
    pdf: bool = False,
    force: bool = False,
    template: Path | str | None = None,
    final: bool = False,
    prefer: str | None = None,
) -> BuildResult:
    """Build the outline at ``outline`` into a Word file (and a PDF with ``pdf``).

    ``final``: the version for signature — no draft mark; number, full date and
    signer are required (``draft: false`` in the outline means the same).
    If the Word file exists and was edited by hand since drafter built it, the
    new generation is merged into it; ``prefer`` ("outline" or "document")
    settles paragraphs both sides changed, which are otherwise left as
    conflicts (``BuildResult.merge.conflicts``).
    """
    document = load_document(Path(outline), final=final)
    return build_loaded(
        document,
        Path(output) if output else None,
        pdf=pdf,
        force=force,
        template=Path(template) if template else None,
        prefer=prefer,
    )
