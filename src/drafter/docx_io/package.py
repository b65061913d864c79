"""Safe access to the parts of a .docx (a zip of XML files).

The only place that opens Word files as zips: sizes are checked before
anything is decompressed (zip bombs), XML is parsed without entities, DTDs or
network access (XXE), and every failure becomes an ``InputError`` naming the
file.
"""

from __future__ import annotations

import posixpath
import zipfile
from functools import cache
from pathlib import Path

from lxml import etree

from drafter.errors import InputError, MissingFileError
from drafter.i18n import _

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NSMAP = {"w": W_NS, "r": R_NS, "mc": MC_NS}

MAX_PART_BYTES = 256 * 1024 * 1024  # one XML part, uncompressed
MAX_TOTAL_BYTES = 1024 * 1024 * 1024  # every part together, uncompressed
MAX_RATIO = 1000  # uncompressed / compressed, for parts larger than RATIO_FLOOR
RATIO_FLOOR = 16 * 1024 * 1024  # real documents compress 5-50x; bombs 1000x and more


def w(tag: str) -> str:
    """``w("p")`` -> ``{…wordprocessingml…}p``."""
    return f"{{{W_NS}}}{tag}"


@cache
def xml_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True,
        remove_blank_text=False,
    )  # fmt: skip


def parse_xml(data: bytes, display: str, part: str) -> etree._Element:
    try:
        root = etree.fromstring(data, parser=xml_parser())
    except etree.XMLSyntaxError as error:
        raise InputError(
            _("{path}: damaged Word file ({part}: {reason})").format(
                path=display, part=part, reason=error.msg
            )
        ) from None
    if root is None:
        raise InputError(
            _("{path}: damaged Word file ({part} is empty)").format(path=display, part=part)
        )
    return root


class DocxPackage:
    """Read-only view of a .docx: its parts by name, parsed safely."""

    def __init__(self, path: Path | str, data: bytes | None = None) -> None:
        self.path = Path(path)
        self.display = str(path)
        source = self.path if data is None else _BytesSource(data)
        try:
            self._zip = zipfile.ZipFile(source)  # type: ignore[arg-type]
        except FileNotFoundError:
            raise MissingFileError(
                _("{path}: file not found").format(path=self.display), self.path
            ) from None
        except IsADirectoryError:
            raise InputError(
                _("{path}: is a folder, not a file").format(path=self.display)
            ) from None
        except (zipfile.BadZipFile, OSError, ValueError):
            raise InputError(self._not_docx_message()) from None
        self._infos = {info.filename: info for info in self._zip.infolist()}
        total = sum(info.file_size for info in self._infos.values())
        if total > MAX_TOTAL_BYTES:
            raise InputError(
                _("{path}: the Word file unpacks to more than {limit} MB").format(
                    path=self.display, limit=MAX_TOTAL_BYTES // (1024 * 1024)
                )
            )
        if "word/document.xml" not in self._infos and not self._main_part_name():
            raise InputError(self._not_docx_message())

    def _not_docx_message(self) -> str:
        head = b""
        try:
            with self.path.open("rb") as handle:
                head = handle.read(8)
        except OSError:
            pass
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            return _(
                "{path}: this is an old Word .doc file or a password-protected document, "
                "not a .docx; open it in Word and save it as .docx without a password"
            ).format(path=self.display)
        return _("{path}: not a Word .docx file (it is not a valid zip package)").format(
            path=self.display
        )

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> DocxPackage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str) -> bytes:
        info = self._infos.get(name)
        if info is None:
            raise InputError(
                _("{path}: damaged Word file ({part} is missing)").format(
                    path=self.display, part=name
                )
            )
        if info.file_size > MAX_PART_BYTES or (
            info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        ):
            raise InputError(
                _("{path}: {part} is too large or too compressed to be a real document").format(
                    path=self.display, part=name
                )
            )
        try:
            return self._zip.read(info)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError,
                RuntimeError):  # fmt: skip
            raise InputError(
                _("{path}: damaged Word file ({part} cannot be unpacked)").format(
                    path=self.display, part=name
                )
            ) from None

    def xml(self, name: str) -> etree._Element:
        return parse_xml(self.read(name), self.display, name)

    def _main_part_name(self) -> str | None:
        if "_rels/.rels" not in self._infos:
            return None
        rels = self.xml("_rels/.rels")
        for rel in rels.iter(f"{{{REL_NS}}}Relationship"):
            if rel.get("Type", "").endswith("/officeDocument"):
                return rel.get("Target", "").lstrip("/")
        return None

    @property
    def main_part(self) -> str:
        return (
            "word/document.xml"
            if self.has("word/document.xml")
            else (self._main_part_name() or "word/document.xml")
        )

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """``rId -> (type, target part name)`` for ``part``'s relationships."""
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", name + ".rels")
        if not self.has(rels_name):
            return {}
        result = {}
        for rel in self.xml(rels_name).iter(f"{{{REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            resolved = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
            result[rel.get("Id", "")] = (rel.get("Type", ""), resolved)
        return result


class _BytesSource:
    """Adapter so ``zipfile`` can read from bytes without copying twice."""

    def __new__(cls, data: bytes):
        import io

        return io.BytesIO(data)
