"""Aligning paragraph sequences and word-level edit scripts (``drafter.align``)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from drafter.align import align, word_ops, words

keys = st.lists(st.sampled_from(["a", "b b", "c c c", "d", "a b", ""]), max_size=12)


@given(keys, keys)
def test_every_index_once_and_in_order(a, b):
    pairs = align(a, b)
    assert [p.a for p in pairs if p.a is not None] == list(range(len(a)))
    assert [p.b for p in pairs if p.b is not None] == list(range(len(b)))
    for pair in pairs:
        if pair.a is not None and pair.b is not None:
            assert pair.same == (a[pair.a] == b[pair.b])


def test_edited_and_rewritten_paragraphs_are_paired_unrelated_ones_not():
    old = ["Mở đầu.", "Tăng cường công tác quản lý thị trường dịp Tết.", "Kết thúc."]
    edited = ["Mở đầu.", "Tăng cường công tác quản lý thị trường, giá cả dịp Tết.", "Kết thúc."]
    rewritten = ["Mở đầu.", "Một nội dung hoàn toàn khác.", "Kết thúc."]
    assert [(p.a, p.b, p.same) for p in align(old, edited)][1] == (1, 1, False)
    # one paragraph rewritten where it stood is still that paragraph
    assert [(p.a, p.b) for p in align(old, rewritten)][1] == (1, 1)
    # but beside a deletion, a dissimilar paragraph is new
    two = ["Mở đầu.", "Đoạn bị xóa.", *old[1:]]
    pairs = [(p.a, p.b) for p in align(two, rewritten)]
    assert (1, None) in pairs and (2, None) in pairs and (None, 1) in pairs
    # a shared outline path pairs what the text alone would not
    pairs = align(two, rewritten, ["p", "y", "x", "q"], ["p", "x", "q"])
    assert (2, 1) in [(p.a, p.b) for p in pairs]


@given(st.text(max_size=40), st.text(max_size=40))
def test_word_ops_rebuild_the_new_text(a, b):
    assert "".join(words(a)) == a
    rebuilt = "".join(b[op.b0 : op.b1] for op in word_ops(a, b))
    assert rebuilt == b
    assert "".join(a[op.a0 : op.a1] for op in word_ops(a, b)) == a


def test_changes_separated_by_spaces_read_as_one():
    ops = [op for op in word_ops("Tập trung công tác", "Đẩy mạnh công tác") if op.tag != "equal"]
    assert len(ops) == 1
