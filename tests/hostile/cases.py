"""Hostile inputs the project makes itself: broken, huge, odd or malicious files.

Each case is a small function writing one file; ``CASES`` records what every
command must do with it. Outcomes:

* ``"error"``  exit 2, first line of stderr names the file, no traceback, no
  output left behind, input untouched, within the time and memory bounds;
* ``"ok"``     the command works on it (exit 0, or 1 where findings are its
  answer), with no traceback.

The list is rendered in tests/hostile/README.md (kept in sync by a test).
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from docx_factory import make_docx, p, table

GOOD_OUTLINE = """\
type: chuong-trinh
issuer:
  name: TỈNH ỦY HẬU GIANG
symbol: CTr/TU
place: Hậu Giang
date: 2023
title: Công tác quý I năm 2024
preamble: |
  Căn cứ Chỉ thị số 32-CT/TU ngày 19/12/2023 của Ban Thường vụ Tỉnh ủy.
sections:
  - heading: Nhiệm vụ trọng tâm
    sections:
      - Tăng cường công tác xây dựng Đảng.
signature:
  authority: T/M BAN THƯỜNG VỤ
  position: BÍ THƯ
"""


class Case(NamedTuple):
    name: str
    suffix: str
    write: Callable[[Path], None]
    what: str  # one line for the README
    outcomes: dict[str, str]  # command -> "error" | "ok"


def _text(content: str, encoding: str = "utf-8") -> Callable[[Path], None]:
    return lambda path: path.write_bytes(content.encode(encoding))


def _bytes(content: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(content)


def billion_laughs() -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for name, prev in zip("bcdefghij", "abcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    return "\n".join(lines) + "\n"


def huge_outline(path: Path) -> None:
    """A 50 MB outline: one valid header and a very long list of items."""
    item = "      - Tăng cường công tác lãnh đạo, chỉ đạo thực hiện nhiệm vụ chính trị.\n"
    head = GOOD_OUTLINE.split("sections:")[0] + "sections:\n  - heading: Lớn\n    sections:\n"
    count = 50 * 1024 * 1024 // len(item.encode()) + 1
    with path.open("w", encoding="utf-8") as handle:
        handle.write(head)
        for _ in range(count):
            handle.write(item)


def deep_nesting(path: Path) -> None:
    path.write_text("title: " + "[" * 20000 + "]" * 20000 + "\n", encoding="utf-8")


# ----------------------------------------------------------------- Word files


def _ole_file() -> bytes:
    """The header of an OLE compound file: what .doc and encrypted .docx are."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HH", 0x3E, 3)
    return header + b"\xfe\xff" + b"\0" * (512 - len(header) - 2) + b"\0" * 1024


def _encrypted_docx() -> bytes:
    """Password-protected Word files are OLE files holding 'EncryptionInfo' and
    'EncryptedPackage' streams; the names are enough for a reader to choke on."""
    data = bytearray(_ole_file())
    data += "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le")
    return bytes(data)


def _zip_bomb() -> bytes:
    """A document.xml that unpacks to 1 GiB of zeros (about 1 MB compressed)."""
    buffer = io.BytesIO()
    good = make_docx(p("x"))
    with (
        zipfile.ZipFile(io.BytesIO(good)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for info in source.infolist():
            if info.filename != "word/document.xml":
                archive.writestr(info, source.read(info))
        with archive.open("word/document.xml", "w", force_zip64=True) as handle:
            chunk = b"\0" * (1 << 20)
            for _ in range(1024):
                handle.write(chunk)
    return buffer.getvalue()


def _xxe() -> bytes:
    good = make_docx(p("placeholder"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(buffer, "w") as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                text = data.decode()
                text = (
                    '<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY leak SYSTEM '
                    '"file:///etc/passwd"><!ENTITY big "AAAAAAAAAA">]>\n'
                    + text.replace("placeholder", "&leak;&big;")
                )
                data = text.encode()
            archive.writestr(info, data)
    return buffer.getvalue()


RUN = '<w:r><w:t xml:space="preserve">{}</w:t></w:r>'


def _docx_with(body: str) -> Callable[[Path], None]:
    return _bytes(make_docx(body))


TRACKED = (
    "<w:p>" + RUN.format("Căn cứ ")
    + '<w:ins w:id="1" w:author="Lãnh đạo" w:date="2024-01-02T00:00:00Z">'
    + RUN.format("Chỉ thị số 32-CT/TU ") + "</w:ins>"
    + '<w:del w:id="2" w:author="Lãnh đạo" w:date="2024-01-02T00:00:00Z"><w:r>'
    + "<w:delText>Nghị quyết cũ </w:delText></w:r></w:del>" + RUN.format("của Tỉnh ủy.") + "</w:p>"
)  # fmt: skip
COMMENTED = (
    '<w:p><w:commentRangeStart w:id="0"/>' + RUN.format("Đoạn có góp ý.")
    + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>'
)  # fmt: skip
FIELDS = (
    "<w:p>" + RUN.format("Trang ") + '<w:fldSimple w:instr=" PAGE ">' + RUN.format("1")
    + "</w:fldSimple>" + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    + '<w:r><w:instrText xml:space="preserve"> DATE \\@ "dd/MM/yyyy" </w:instrText></w:r>'
    + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + RUN.format("19/12/2023")
    + '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
)  # fmt: skip
TEXT_BOX = (
    "<w:p>" + RUN.format("Neo") + '<w:r><mc:AlternateContent><mc:Choice Requires="wps">'
    "<w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>"
    + p("Trong khung") + "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>"
    "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
    "<w:txbxContent>" + p("Trong khung") + "</w:txbxContent></v:textbox></v:shape></w:pict>"
    "</mc:Fallback></mc:AlternateContent></w:r></w:p>"
)  # fmt: skip
NESTED = table([p("Ngoài"), table([table([p("Sâu")])])], [p("Ô"), p("Ô khác")])
CONTROLS = (
    '<w:sdt><w:sdtPr><w:tag w:val="x"/></w:sdtPr><w:sdtContent>' + p("Trong điều khiển")
    + "</w:sdtContent></w:sdt><w:p><w:sdt><w:sdtContent>" + RUN.format("nội dòng")
    + "</w:sdtContent></w:sdt></w:p>"
)  # fmt: skip
IMAGE = (
    "<w:p>" + RUN.format("Hình: ") + '<w:r><w:drawing><wp:inline><wp:extent cx="1" cy="1"/>'
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
    "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
)
RTL = (
    "<w:p><w:pPr><w:bidi/></w:pPr><w:r><w:rPr><w:rtl/></w:rPr><w:t>مرحبا بالعالم</w:t></w:r></w:p>"
)

OUTLINE_COMMANDS = ("build", "check", "citations", "diff")
DOCX_COMMANDS = ("build", "check", "citations", "import", "diff")
TEXT_COMMANDS = ("check", "citations")


def _all(outcome: str, commands: tuple[str, ...]) -> dict[str, str]:
    return dict.fromkeys(commands, outcome)


def _word_ok() -> dict[str, str]:
    """Readable Word files: check/citations/import/diff work; build refuses
    (a Word file is not an outline)."""
    return {**_all("ok", DOCX_COMMANDS), "build": "error"}


CASES: list[Case] = [
    Case("yaml-syntax", ".yaml", _text("title: Công tác: quý I\n"),
         "YAML syntax error (a second colon)", _all("error", OUTLINE_COMMANDS)),
    Case("yaml-tab-indent", ".yaml", _text("issuer:\n\tname: X\n"),
         "tab used for indentation", _all("error", OUTLINE_COMMANDS)),
    Case("yaml-bom", ".yaml", _text("\ufeff" + GOOD_OUTLINE),
         "UTF-8 with a byte-order mark (valid)", _all("ok", OUTLINE_COMMANDS)),
    Case("yaml-utf16", ".yaml", _text(GOOD_OUTLINE, "utf-16"),
         "UTF-16 with a byte-order mark (valid)", _all("ok", OUTLINE_COMMANDS)),
    Case("yaml-cp1258", ".yaml",
         lambda path: path.write_bytes(GOOD_OUTLINE.encode("cp1258", errors="replace")),
         "Windows-1258 encoded (not UTF-8)", _all("error", OUTLINE_COMMANDS)),
    Case("yaml-duplicate-key", ".yaml", _text(GOOD_OUTLINE + "title: Lần hai\n"),
         "a key given twice", _all("error", OUTLINE_COMMANDS)),
    Case("yaml-unknown-key", ".yaml", _text(GOOD_OUTLINE + "titel: sai\n"),
         "an unknown key", _all("error", OUTLINE_COMMANDS)),
    Case("yaml-wrong-types", ".yaml", _text(
        "type: [1]\nissuer: chữ\nsymbol: {a: 1}\nplace: [x]\ndate: true\ntitle: {}\n"
        "sections:\n  - heading: [a]\n    text: {b: 2}\n    sections: 5\n"
        "signature: [x]\nrecipients: chữ\ndraft: ba\n"),
         "wrong types at every level", _all("error", OUTLINE_COMMANDS)),
    Case("yaml-recursive-alias", ".yaml", _text("a: &a [*a]\n"),
         "a recursive alias", _all("error", OUTLINE_COMMANDS)),
    Case("yaml-billion-laughs", ".yaml", _text(billion_laughs()),
         "billion laughs (nested aliases)", _all("error", OUTLINE_COMMANDS)),
    Case("yaml-deep-nesting", ".yaml", deep_nesting,
         "20,000 nested brackets", _all("error", OUTLINE_COMMANDS)),
    Case("yaml-50mb", ".yaml", huge_outline,
         "a 50 MB outline (over the 32 MB input limit)", _all("error", OUTLINE_COMMANDS)),
    Case("yaml-empty", ".yaml", _text(""), "an empty file", _all("error", OUTLINE_COMMANDS)),
    Case("yaml-binary", ".yaml", _bytes(bytes(range(256)) * 4),
         "binary garbage", _all("error", OUTLINE_COMMANDS)),
    Case("docx-empty", ".docx", _bytes(b""), "an empty .docx (0 bytes)",
         _all("error", DOCX_COMMANDS)),
    Case("docx-truncated", ".docx", lambda path: path.write_bytes(make_docx(p("x"))[:400]),
         "a truncated .docx", _all("error", DOCX_COMMANDS)),
    Case("docx-not-zip", ".docx", _text("Đây không phải tệp Word."), "text named .docx",
         _all("error", DOCX_COMMANDS)),
    Case("docx-password", ".docx", _bytes(_encrypted_docx()),
         "a password-protected Word file", _all("error", DOCX_COMMANDS)),
    Case("docx-old-doc", ".docx", _bytes(_ole_file()), "an old .doc renamed .docx",
         _all("error", DOCX_COMMANDS)),
    Case("docx-zip-bomb", ".docx", _bytes(_zip_bomb()),
         "a zip bomb (document.xml unpacks to 1 GiB)", _all("error", DOCX_COMMANDS)),
    Case("docx-xxe", ".docx", _bytes(_xxe()),
         "an external entity (XXE) pointing at /etc/passwd: never resolved",
         _word_ok()),
    Case("docx-tracked-changes", ".docx", _docx_with(TRACKED),
         "tracked insertions and deletions", _word_ok()),
    Case("docx-comments", ".docx", _docx_with(COMMENTED), "comments", _word_ok()),
    Case("docx-fields", ".docx", _docx_with(FIELDS), "simple and complex fields", _word_ok()),
    Case("docx-text-box", ".docx", _docx_with(TEXT_BOX), "a text box (DrawingML + VML)",
         _word_ok()),
    Case("docx-nested-tables", ".docx", _docx_with(NESTED), "tables three levels deep",
         _word_ok()),
    Case("docx-content-controls", ".docx", _docx_with(CONTROLS),
         "block and inline content controls", _word_ok()),
    Case("docx-image", ".docx", _docx_with(IMAGE), "an inline image", _word_ok()),
    Case("docx-rtl", ".docx", _docx_with(RTL), "right-to-left runs", _word_ok()),
    Case("text-control-chars", ".txt",
         _text("Căn cứ Chỉ thị số 32-CT/TU\x07 ngày 19/12/2023\x1b của Tỉnh ủy.\x00\n"),
         "text with control characters", _all("ok", TEXT_COMMANDS)),
    Case("text-invalid-utf8", ".txt", _bytes("Căn cứ".encode() + b"\xff\xfe\xc3(" + b"\n"),
         "text that is not valid UTF-8", _all("error", TEXT_COMMANDS)),
]  # fmt: skip
