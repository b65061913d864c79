"""In-place paragraph editing and tracked changes (``docx_io.writer``), by property."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from drafter.docx_io.package import w
from drafter.docx_io.reader import paragraph_runs, paragraph_text
from drafter.docx_io.writer import Revision, mark_changes, set_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
word = st.text("abcdeđêơưáàạ", min_size=1, max_size=6)
words = st.lists(word, min_size=1, max_size=8, unique=True)


def paragraph(pieces: list[tuple[str, bool]]) -> etree._Element:
    """``<w:p>`` with one run per piece, bold where asked; tabs as ``w:tab``."""
    runs = []
    for text, bold in pieces:
        content = "".join(
            "<w:tab/>" if part == "\t" else f'<w:t xml:space="preserve">{part}</w:t>'
            for part in text.replace("\t", "\x00\t\x00").split("\x00")
            if part
        )
        runs.append(f"<w:r>{'<w:rPr><w:b/></w:rPr>' if bold else ''}{content}</w:r>")
    return etree.fromstring(f'<w:p xmlns:w="{W}">{"".join(runs)}</w:p>')


def formats(p: etree._Element) -> list[tuple[str, bool]]:
    """Each character with its boldness."""
    return [(char, fmt.bold) for text, fmt in paragraph_runs(p) for char in text]


@given(words, st.lists(st.booleans(), min_size=8, max_size=8), st.data())
def test_set_text_gives_the_new_text_and_keeps_formatting_of_kept_words(old_words, bold, data):
    pieces = [
        (f"{w_} " if i < len(old_words) - 1 else w_, bold[i]) for i, w_ in enumerate(old_words)
    ]
    p = paragraph(pieces)
    before = formats(p)
    at = data.draw(st.integers(0, len(old_words)))
    inserted = data.draw(words.filter(lambda new: not set(new) & set(old_words)))
    new_words = old_words[:at] + inserted + old_words[at:]
    set_text(p, " ".join(new_words))
    assert paragraph_text(p) == " ".join(new_words)
    after = formats(p)
    kept_before = "".join(c for c, _ in before)
    # every character of the words that stayed keeps its formatting (words are distinct, so
    # which ones stayed is not ambiguous)
    head = len(" ".join(old_words[:at]))
    tail = len(" ".join(old_words[at:]))
    assert before[:head] == after[:head]
    if tail:
        assert before[len(kept_before) - tail :] == after[len(after) - tail :]


@given(st.text("ab \t", max_size=20), st.text("ab \tc", max_size=20))
def test_set_text_handles_any_text(old, new):
    p = paragraph([(old, False)] if old else [])
    set_text(p, new)
    assert paragraph_text(p) == new


def rejected_text(p: etree._Element) -> str:
    """What the paragraph reads after "Reject all changes"."""
    out = []
    for element in p.iter(w("t"), w("delText"), w("tab")):
        inside_ins = any(a.tag == w("ins") for a in element.iterancestors())
        if inside_ins:
            continue
        out.append("\t" if element.tag == w("tab") else element.text or "")
    return "".join(out)


@settings(max_examples=200)
@given(st.text("ab cd\t", max_size=30), st.text("ab ce\t", max_size=30), st.booleans())
def test_tracked_changes_accept_to_new_and_reject_to_old(old, new, bold):
    p = paragraph([(new, bold)] if new else [])
    mark_changes(p, old, Revision("drafter", "2024-01-05T09:00:00Z"))
    assert paragraph_text(p) == new  # accept all: the new text
    assert rejected_text(p) == old  # reject all: the old text
    for revision in [*p.iter(w("ins")), *p.iter(w("del"))]:
        assert revision.get(w("author")) == "drafter"
