"""Whatever a user types shows up exactly as typed, and never breaks the file or
runs as template code (docxtpl renders with autoescape; drafter pre-escapes)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from drafter.builder import render_outline
from drafter.dates import DocumentDate
from drafter.docx_io.reader import read_paragraphs
from drafter.loader import LoadedOutline, load_outline_text
from drafter.model import Issuer, Outline, Section, Signature
from drafter.positions import PositionMap
from drafter.render.docx import visible_text

HOSTILE = [
    "{{ 7*7 }}",
    "{% raw %}{{ x }}{% endraw %}",
    "{%p if true %}",
    "{_{ bị docxtpl đổi }_}",
    "{# comment #}",
    "Tôm & Cua < Cá > \"Mực\" 'Ốc' &amp; &lt;",
    "</w:t></w:r></w:p><w:p><w:r><w:t>chèn XML",
    "]]><![CDATA[",
    "tab\tgiữa\tchữ và  hai  dấu cách",
    "xuống\ndòng",
    "ký tự điều khiển \x00 \x07 \x08 \x0b \x0c \x1b \x7f \x85 hết",
    "dấu kết hợp: Tie\u0302\u0301ng Vie\u0323\u0302t, e\u0301\u0301\u0301",
    "\u202eđảo chiều\u202c \ufeff BOM \u200b zero-width",
    "emoji 🇻🇳 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    " khoảng trắng đầu và cuối ",
]


def render(outline: Outline) -> bytes:
    loaded = LoadedOutline(outline, PositionMap(), Path("hostile.yaml"), "", {})
    data, _ = render_outline(loaded)
    return data


def outline_with(text: str) -> Outline:
    return Outline(
        issuer=Issuer(name=text or "X", superior=text or None),
        symbol="CTr/TU",
        place="Hậu Giang",
        date=DocumentDate(2024, 1, 5),
        title=text or "X",
        preamble=[text],
        sections=[Section(heading=text or "H", text=[text], bullets=[text],
                          sections=[Section(text=[text])])],
        closing=[text],
        signature=Signature(authority=text, position=text, name=text),
        recipients=[text],
    )  # fmt: skip


def assert_valid_docx_showing(data: bytes, text: str) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(archive.read(name))  # well-formed XML
    paragraphs = [p.text for p in read_paragraphs("mem.docx", data)]
    shown = visible_text(text)
    if shown.strip():
        assert shown in paragraphs, paragraphs  # the title paragraph, exactly
        assert sum(1 for p in paragraphs if shown in p) >= 9, paragraphs
    assert "49" not in "".join(paragraphs) or "49" in text


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_shown_exactly(text: str) -> None:
    assert_valid_docx_showing(render(outline_with(text)), text)


def test_docx_opens_in_python_docx_and_keeps_literal_jinja() -> None:
    from docx import Document

    data = render(outline_with("{{ 7*7 }} và {% raw %}"))
    document = Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    assert "{{ 7*7 }} và {% raw %}" in texts


def test_very_long_paragraph() -> None:
    text = "Đẩy mạnh công tác tuyên truyền, " * 4000  # ~130,000 characters
    data = render(outline_with(text))
    paragraphs = [p.text for p in read_paragraphs("mem.docx", data)]
    assert text in paragraphs


def test_hostile_text_through_yaml() -> None:
    """From the outline file itself: quoted escapes arrive in the document as typed."""
    text = 'title: "{{ 7*7 }} \\t tab & <b> \\u0007"\n'
    base = "type: chuong-trinh\nissuer: {name: X}\nsymbol: CTr/TU\nplace: P\ndate: 2023\n"
    loaded = load_outline_text(base + text, "x.yaml")
    data, _ = render_outline(loaded)
    titles = [p.text for p in read_paragraphs("mem.docx", data)]
    assert "{{ 7*7 }} \t tab & <b> \u2407" in titles


printable = st.characters(blacklist_categories=("Cs",))
# YAML itself treats NEL and the Unicode line/paragraph separators as line breaks
yaml_safe = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x85\u2028\u2029")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=printable, max_size=80))
def test_any_unicode_gives_a_valid_file_showing_the_text(text: str) -> None:
    assert_valid_docx_showing(render(outline_with(text)), text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=yaml_safe, min_size=1, max_size=60))
def test_any_unicode_round_trips_through_the_outline_file(text: str) -> None:
    document = {"type": "chuong-trinh", "issuer": {"name": "X"}, "symbol": "CTr/TU",
                "place": "P", "date": 2023, "title": text}  # fmt: skip
    source = yaml.safe_dump(document, allow_unicode=True)
    try:
        loaded = load_outline_text(source, "x.yaml")
    except Exception as error:
        pytest.fail(f"{text!r} did not survive YAML: {error}")
    assert loaded.outline.title == text
    data, _ = render_outline(loaded)
    assert visible_text(text) in [p.text for p in read_paragraphs("mem.docx", data)]
