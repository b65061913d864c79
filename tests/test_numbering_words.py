"""Labels with a word ("Điều 1.", "Chương II") and articles numbered on across parts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from drafter.model import Outline, Section
from drafter.numbering import format_label, get_style, parse_label
from drafter.render.context import body_blocks


@given(
    st.lists(st.integers(min_value=1, max_value=40), min_size=1, max_size=4),
    st.sampled_from(["dieu", "quy-dinh", "hd36", "hd36-hyphen", "arabic", "hyphen"]),
)
def test_parse_reads_back_what_format_writes(counters, style_name):
    style = get_style(style_name)
    label = format_label(tuple(counters), style)
    parsed = parse_label(f"{label} Nội dung")
    assert parsed is not None
    if parsed.kind != "bullet":
        assert parsed.value == counters[-1]
        assert parsed.prefix == style.level(len(counters)).prefix


def test_words_need_a_number():
    assert parse_label("Mục tiêu của kế hoạch") is None
    assert parse_label("Phần lớn cán bộ") is None
    assert parse_label("Chương II").value == 2 and parse_label("Chương II").suffix == ""


def test_articles_run_on_across_parts_and_labels_are_bold():
    outline = Outline(title="x", sections=[
        Section(heading="QUY ĐỊNH CHUNG", sections=[Section(heading="Phạm vi"),
                                                    Section(text=["Một điều."])]),
        Section(heading="TỔ CHỨC THỰC HIỆN", sections=[Section(text=["Hiệu lực."])]),
    ])  # fmt: skip
    blocks = body_blocks(outline, get_style("quy-dinh"))
    assert [b.label for b in blocks] == ["I-", "Điều 1.", "Điều 2.", "II-", "Điều 3."]
    assert [b.strong for b in blocks if b.style == "BodyText"] == [True, True]
