"""The PDF comes from real headless LibreOffice: header block on page 1, page
numbers from page 2."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import EXAMPLE, run_cli

pytestmark = pytest.mark.libreoffice


@pytest.fixture(scope="module")
def pdf_pages(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    from pypdf import PdfReader

    folder = tmp_path_factory.mktemp("pdf")
    result = run_cli("build", str(EXAMPLE), "-o", str(folder / "ctr.docx"), "--pdf")
    assert result.code == 0, result.stderr
    assert (folder / "ctr.docx").is_file()
    reader = PdfReader(str(folder / "ctr.pdf"))
    return [page.extract_text() or "" for page in reader.pages]


def lines(page: str) -> list[str]:
    return [" ".join(line.split()) for line in page.splitlines() if line.strip()]


def test_several_a4_pages(tmp_path: Path, pdf_pages: list[str]) -> None:
    assert len(pdf_pages) >= 3


def test_header_block_on_page_one(pdf_pages: list[str]) -> None:
    first = " ".join(lines(pdf_pages[0]))
    for expected in ("TỈNH ỦY HẬU GIANG", "ĐẢNG CỘNG SẢN VIỆT NAM", "-CTr/TU", "Dự thảo",
                     "Hậu Giang, ngày tháng năm 2023", "CHƯƠNG TRÌNH",
                     "Công tác quý I năm 2024", "I. Các nhiệm vụ trọng tâm"):  # fmt: skip
        assert expected in first, expected
    assert "Số" in first


def test_page_numbers_start_on_page_two(pdf_pages: list[str]) -> None:
    assert not any(re.fullmatch(r"\d+", line) for line in lines(pdf_pages[0]))
    for number, page in enumerate(pdf_pages[1:], start=2):
        assert str(number) in lines(page)[:2], (number, lines(page)[:3])


def test_signature_on_the_last_page(pdf_pages: list[str]) -> None:
    last = " ".join(lines(pdf_pages[-1]))
    assert "T/M BAN THƯỜNG VỤ" in last and "Nơi nhận:" in last
