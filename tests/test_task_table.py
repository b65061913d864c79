"""The task appendix: owners and deadlines in the text and in a "Phụ lục" table
with correct column widths on A4, its header row repeated on every page, rows
never split, sorted as the user chooses."""

from __future__ import annotations

import docx
import pytest

from drafter.docx_io.package import DocxPackage, w
from drafter.render.context import task_rows

A4_TEXT_WIDTH_TWIPS = round((210 - 30 - 15) * 1440 / 25.4)  # 165 mm
HEADER = ["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"]
DEADLINES = ["Thường xuyên", "Quý IV/2024", "Tháng 3/2024", "15/02/2024", "6 tháng đầu năm 2024"]
LEADS = [
    "Văn phòng Tỉnh ủy",
    "Ban Tuyên giáo Tỉnh ủy",
    "Ủy ban Kiểm tra Tỉnh ủy",
    "Ban Dân vận Tỉnh ủy",
    "Đảng ủy Khối Doanh nghiệp",
]


def outline_text(count: int, order: str = "outline") -> str:
    tasks = "".join(
        f"      - text: Nhiệm vụ số {i} về công tác xây dựng Đảng, chính quyền và hệ thống"
        f" chính trị ở cơ sở.\n"
        f"        lead: {LEADS[i % len(LEADS)]}\n"
        f"        support: [Sở Nội vụ, Công an tỉnh]\n"
        f"        deadline: {DEADLINES[i % len(DEADLINES)]}\n"
        for i in range(1, count + 1)
    )
    return (
        "type: ke-hoach\nissuer:\n  level: ban-thuong-vu-tinh-uy\n  province: Hậu Giang\n"
        f"date: 2024\ntitle: thực hiện nhiệm vụ năm 2024\ntask_order: {order}\n"
        "sections:\n  - heading: NỘI DUNG\n    sections:\n" + tasks
    )


@pytest.fixture
def long_plan(workdir, drafter_cli):
    (workdir / "kh.yaml").write_text(outline_text(60), encoding="utf-8")
    result = drafter_cli("build", "kh.yaml", "-o", "kh.docx")
    assert result.code == 0, result.stderr
    return workdir / "kh.docx"


def _task_table(path):
    with DocxPackage(path) as package:
        body = package.xml(package.main_part).find(w("body"))
    tables = body.findall(w("tbl"))
    return next(t for t in tables if "Cơ quan chủ trì" in "".join(t.itertext()))


def test_table_xml_widths_header_row_and_rows_kept_whole(long_plan):
    table = _task_table(long_plan)
    grid = [int(col.get(w("w"))) for col in table.find(w("tblGrid"))]
    assert sum(grid) == A4_TEXT_WIDTH_TWIPS  # fills the text width of A4 exactly
    wanted = [mm * 1440 / 25.4 for mm in (10, 63, 33, 33, 26)]  # the pack's widths
    assert all(abs(got - want) <= 1 for got, want in zip(grid, wanted, strict=True)), grid
    assert table.find(f"{w('tblPr')}/{w('tblLayout')}").get(w("type")) == "fixed"
    rows = table.findall(w("tr"))
    assert len(rows) == 61  # the header and 60 tasks
    header_props = rows[0].find(w("trPr"))
    assert header_props.find(w("tblHeader")) is not None  # repeated on every page
    assert all(row.find(f"{w('trPr')}/{w('tblHeader')}") is None for row in rows[1:])
    assert all(row.find(f"{w('trPr')}/{w('cantSplit')}") is not None for row in rows)
    for row in rows:
        widths = [
            int(cell.find(f"{w('tcPr')}/{w('tcW')}").get(w("w"))) for cell in row.findall(w("tc"))
        ]
        assert widths == grid


def test_table_content_in_word(long_plan):
    document = docx.Document(str(long_plan))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "TT")
    assert [c.text for c in table.rows[0].cells] == HEADER
    first = [c.text for c in table.rows[1].cells]
    assert first[0] == "1" and first[1].startswith("Nhiệm vụ số 1 ")
    assert first[2:] == [LEADS[1], "Sở Nội vụ, Công an tỉnh", DEADLINES[1]]
    texts = [p.text for p in document.paragraphs]
    appendix = texts.index("PHỤ LỤC")
    assert texts[appendix + 1] == "PHÂN CÔNG THỰC HIỆN NHIỆM VỤ"
    assert texts[appendix + 2].startswith("(Kèm theo Kế hoạch số ")
    assert texts[appendix + 2].endswith("-KH/TU, ngày      /     /2024 của Ban Thường vụ Tỉnh ủy)")
    heading = document.paragraphs[appendix]
    assert heading.paragraph_format.page_break_before  # the appendix starts a page
    notes = [p for p in document.paragraphs if p.style.style_id == "TaskNote"]
    assert len(notes) == 60
    assert notes[0].text == (
        f"Cơ quan chủ trì: {LEADS[1]}; cơ quan phối hợp: Sở Nội vụ, Công an tỉnh; "
        f"thời gian thực hiện: {DEADLINES[1]}."
    )


@pytest.mark.libreoffice
def test_header_row_repeats_on_the_next_page_in_pdf(long_plan, drafter_cli):
    from pypdf import PdfReader

    from drafter.render.pdf import convert_to_pdf

    pdf = convert_to_pdf(long_plan, long_plan.with_suffix(".pdf"))
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(str(pdf)).pages]
    starts = next(i for i, text in enumerate(pages) if "PHỤ LỤC" in text)
    table_pages = pages[starts:]
    assert len(table_pages) >= 3  # 60 rows do not fit on one A4 page
    for text in table_pages:
        # the header row, repeated at the top of every page of the table
        assert "TT Nội dung Cơ quan chủ trì Cơ quan phối hợp Thời gian" in text
    assert "Nhiệm vụ số 60 " in table_pages[-1]


def test_sorted_by_deadline_then_undated_last(workdir):
    from drafter.loader import load_outline_text

    outline = load_outline_text(outline_text(5, "deadline"), "kh.yaml").outline
    rows = task_rows(outline, "deadline")
    assert [row.deadline for row in rows] == [
        "15/02/2024",
        "Tháng 3/2024",
        "6 tháng đầu năm 2024",
        "Quý IV/2024",
        "Thường xuyên",
    ]
    assert [row.index for row in rows] == ["1", "2", "3", "4", "5"]


def test_sorted_by_lead_in_vietnamese_order(workdir):
    from drafter.loader import load_outline_text

    outline = load_outline_text(outline_text(5, "lead"), "kh.yaml").outline
    assert [row.lead for row in task_rows(outline, "lead")] == [
        "Ban Dân vận Tỉnh ủy",
        "Ban Tuyên giáo Tỉnh ủy",
        "Đảng ủy Khối Doanh nghiệp",
        "Ủy ban Kiểm tra Tỉnh ủy",
        "Văn phòng Tỉnh ủy",
    ]


def test_no_table_when_turned_off_or_no_task_has_an_owner(workdir, drafter_cli):
    (workdir / "off.yaml").write_text(
        outline_text(3).replace("task_order: outline", "task_table: false"), "utf-8"
    )
    assert drafter_cli("build", "off.yaml", "-o", "off.docx").code == 0
    assert "PHỤ LỤC" not in [p.text for p in docx.Document("off.docx").paragraphs]


def test_unknown_order_is_reported_at_its_place(workdir, drafter_cli):
    (workdir / "kh.yaml").write_text(outline_text(2, "sometimes"), encoding="utf-8")
    result = drafter_cli("--lang", "en", "build", "kh.yaml")
    assert result.code == 2
    assert result.stderr.startswith("kh.yaml:7:13: unknown task order 'sometimes'")
