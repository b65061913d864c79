"""``drafter build``: outline -> official-format .docx (and .pdf), safely.

load (positions) + drafter.yaml -> resolve -> context (pure) -> docxtpl ->
provenance -> atomic write. ``final`` makes the signed version: no draft mark,
and number, full date and signer required (each one missing is reported with
its position).
An existing output is overwritten only if drafter made it and nobody edited it
since, or with ``force``; the user's edits are never silently lost.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from drafter import __version__
from drafter.document import LoadedDocument, load_document
from drafter.errors import InputError, RefusedOverwrite
from drafter.fileio import atomic_write
from drafter.i18n import _
from drafter.loader import LoadedOutline
from drafter.provenance import (
    BUILT_KEY,
    CONTENT_HASH_KEY,
    FORMAT_KEY,
    OUTLINE_HASH_KEY,
    OUTLINE_KEY,
    VERSION_KEY,
    TargetState,
    fingerprint,
    inspect_target,
)
from drafter.render.context import FormatSettings, build_context, load_format_pack
from drafter.resources import templates_dir

DEFAULT_FORMAT = "hd36_2018"
DRAFTS_DIR = Path("drafts")


class BuildResult(NamedTuple):
    outline: Path
    docx: Path
    pdf: Path | None
    paragraphs: int
    checks: Any = None  # the checker's FileReport for the outline (drafter.checker)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building a document.

    A build creates hundreds of thousands of short-lived, acyclic objects for a
    long document; the collector's full passes over them made the build time
    grow faster than the document (measured in benchmarks/bench_scale.py).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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


def guard_target(target: Path, outline_path: Path, force: bool) -> None:
    """Refuse to overwrite anything the user made, unless ``force``."""
    if target.suffix.lower() != ".docx":
        raise InputError(_("{path}: the output must be a .docx file").format(path=target))
    if target.resolve() == outline_path.resolve():
        raise RefusedOverwrite(
            _("{path}: the output would overwrite the outline").format(path=target)
        )
    if force:
        return
    info = inspect_target(target)
    hint = _("use --force to overwrite it, or -o to write elsewhere")
    if info.state is TargetState.EDITED:
        raise RefusedOverwrite(
            _("{path} was edited in Word since drafter built it; not overwriting ({hint})").format(
                path=target, hint=hint
            )
        )
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


def render_outline(
    document: LoadedDocument | LoadedOutline, template: Path | None = None
) -> tuple[bytes, int]:
    """The .docx bytes for an outline (resolved, or resolved here with the settings
    that apply to it), provenance included, and its paragraph count."""
    from drafter.docx_io.properties import attach_custom_properties
    from drafter.docx_io.reader import body_paragraphs
    from drafter.render.docx import document_bytes, render_template, visible_text

    document = as_document(document)
    loaded, format_name = document.loaded, document.resolved.format_name
    settings = FormatSettings.from_pack(load_format_pack(format_name))
    context = build_context(document.resolved, settings)
    rendered = render_template(template_for(document, template), context)
    body = rendered.docx.element.body
    paragraphs = body_paragraphs(body)
    core = rendered.docx.core_properties
    core.title = visible_text(f"{context['type_name']} {loaded.outline.title}")[:255]
    core.author = "drafter"
    attach_custom_properties(
        rendered.docx,
        {
            VERSION_KEY: __version__,
            OUTLINE_KEY: loaded.path.name,
            OUTLINE_HASH_KEY: hashlib.sha256(loaded.text.encode("utf-8")).hexdigest(),
            CONTENT_HASH_KEY: fingerprint(paragraphs),
            FORMAT_KEY: format_name,
            BUILT_KEY: dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        },
    )
    return document_bytes(rendered), len(paragraphs)


def build_loaded(
    document: LoadedDocument | LoadedOutline,
    output: Path | None = None,
    *,
    pdf: bool = False,
    force: bool = False,
    template: Path | None = None,
) -> BuildResult:
    from drafter.checker import build_checks

    document = as_document(document)
    loaded = document.loaded
    target = Path(output) if output else default_output(loaded.path)
    guard_target(target, loaded.path, force)
    checks = build_checks(document)
    with gc_paused():
        data, count = render_outline(document, template)
    atomic_write(target, data)
    pdf_path = None
    if pdf:
        from drafter.render.pdf import convert_to_pdf

        pdf_path = convert_to_pdf(target, target.with_suffix(".pdf"))
    return BuildResult(loaded.path, target, pdf_path, count, checks)


def build(
    outline: Path | str,
    output: Path | str | None = None,
    *,
    pdf: bool = False,
    force: bool = False,
    template: Path | str | None = None,
    final: bool = False,
) -> BuildResult:
    """Build the outline at ``outline`` into a Word file (and a PDF with ``pdf``).

    ``final``: the version for signature — no draft mark; number, full date and
    signer are required (``draft: false`` in the outline means the same).
    """
    document = load_document(Path(outline), final=final)
    return build_loaded(
        document,
        Path(output) if output else None,
        pdf=pdf,
        force=force,
        template=Path(template) if template else None,
    )
