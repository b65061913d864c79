"""What a built Word file records about itself, and whether it was edited since.

Each build stores, as custom document properties, the drafter version, the
outline it came from (name and SHA-256), the format pack, the build time and a
fingerprint of the generated content: paragraph styles, texts and direct
bold/italic/underline/strike. Before overwriting a file, ``build`` recomputes
the fingerprint; if it differs, someone edited the file in Word.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from drafter.docx_io.reader import DocParagraph

PREFIX = "drafter."
VERSION_KEY = PREFIX + "version"
OUTLINE_KEY = PREFIX + "outline"
OUTLINE_HASH_KEY = PREFIX + "outline_sha256"
CONTENT_HASH_KEY = PREFIX + "content_sha256"
# SHA-256 of word/document.xml exactly as drafter wrote it: an untouched output is
# recognised from its bytes, without reading its paragraphs (Word rewrites the part
# on every save, so an edited file always falls through to the content fingerprint)
DOCUMENT_HASH_KEY = PREFIX + "document_xml_sha256"
FORMAT_KEY = PREFIX + "format"
BUILT_KEY = PREFIX + "built_at"
MERGED_KEY = PREFIX + "merged"  # "yes" when hand edits were merged in (not a plain build)


def fingerprint(paragraphs: Iterable[DocParagraph]) -> str:
    """SHA-256 of what a reader of the body sees: styles, texts, direct emphasis."""
    digest = hashlib.sha256()
    for paragraph in paragraphs:
        digest.update(f"\x1e{paragraph.style or ''}\x1f".encode())
        for text, fmt in paragraph.runs:
            flags = f"{int(fmt.bold)}{int(fmt.italic)}{int(fmt.underline)}{int(fmt.strike)}"
            digest.update(f"{flags}\x1d{text}\x1c".encode())
    return digest.hexdigest()


class TargetState(enum.Enum):
    ABSENT = "absent"  # nothing there yet
    UNCHANGED = "unchanged"  # drafter's own output, not edited since
    EDITED = "edited"  # drafter's output, edited by hand since
    FOREIGN = "foreign"  # a Word file drafter did not make
    UNREADABLE = "unreadable"  # not a Word file drafter can open


class TargetInfo(NamedTuple):
    state: TargetState
    properties: dict[str, str]


def inspect_target(path: Path) -> TargetInfo:
    """Classify an existing output file before overwriting it."""
    from drafter.docx_io.package import DocxPackage
    from drafter.docx_io.properties import read_custom_properties
    from drafter.docx_io.reader import read_paragraphs
    from drafter.errors import InputError

    if not path.exists():
        return TargetInfo(TargetState.ABSENT, {})
    try:
        with DocxPackage(path) as package:
            properties = read_custom_properties(package)
            main = package.main_part
            if CONTENT_HASH_KEY not in properties:
                return TargetInfo(TargetState.FOREIGN, properties)
            stored = properties.get(DOCUMENT_HASH_KEY)
            if stored and hashlib.sha256(package.read(main)).hexdigest() == stored:
                return TargetInfo(TargetState.UNCHANGED, properties)
        body = [p for p in read_paragraphs(path) if p.part == main]
    except InputError:
        return TargetInfo(TargetState.UNREADABLE, {})
    state = (
        TargetState.UNCHANGED
        if fingerprint(body) == properties[CONTENT_HASH_KEY]
        else TargetState.EDITED
    )
    return TargetInfo(state, properties)
