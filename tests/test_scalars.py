"""Positions inside YAML scalars: every character of a value traced to the file."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.loader import parse_yaml
from drafter.scalars import line_starts, offset_of, position_of, scalar_map

STYLES = [None, "'", '"', "|", ">"]
TEXT = st.text(
    alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạếềểễệ  \t\n:#-'\"\\,.()“”")),
    max_size=60,
)


def maps_of(source: str) -> list[tuple[str, object]]:
    """(value, ScalarMap or None) of every string scalar in ``source``."""
    parsed = parse_yaml(source, "x.yaml")
    starts = line_starts(source)
    found = []
    for path, position in parsed.positions.items():
        node = parsed.data
        for key in path:
            node = node[key]
        if not isinstance(node, str):
            continue
        span = position.value
        start = offset_of(starts, span.line, span.column)
        end = offset_of(starts, span.end_line, span.end_column)
        parent = (position.key.column - 1) if position.key else -1
        found.append((node, scalar_map(source, starts, start, end, position.style, node, parent)))
    return found


def assert_traced(source: str, value: str, mapped: object) -> None:
    assert mapped is not None, (source, value)
    assert mapped.value == value
    for segment in mapped.segments:
        if segment.literal:
            # a literal stretch is the file's own characters
            stretch = source[segment.source : segment.source + segment.end - segment.start]
            assert stretch == value[segment.start : segment.end]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(value=TEXT, style=st.sampled_from(STYLES), indent=st.integers(0, 6))
def test_every_style_is_traced(value: str, style: str | None, indent: int) -> None:
    """Whatever PyYAML writes, the reader rebuilds the value and its sources."""
    if style in ("|", ">") and (value != value.strip(" \t") or "\t" in value):
        value = value.strip(" \t").replace("\t", " ")
    source = yaml.dump({"text": value}, default_style=style, allow_unicode=True, width=30)
    if indent:  # nested one level down; a document-end marker cannot be indented
        source = source.removesuffix("...\n")
        source = "doc:\n" + "".join(" " * indent + line + "\n" for line in source.splitlines())
    for found, mapped in maps_of(source):
        assert_traced(source, found, mapped)


@settings(max_examples=150, deadline=None)
@given(items=st.lists(TEXT.filter(lambda t: t.strip()), min_size=1, max_size=4))
def test_sequence_items_and_blocks(items: list[str]) -> None:
    source = yaml.dump({"sections": [{"text": item} for item in items]}, allow_unicode=True)
    for found, mapped in maps_of(source):
        assert_traced(source, found, mapped)


def test_hand_written_scalars_point_at_their_characters() -> None:
    source = (
        "a: chữ  đôi\n"
        "b: |\n  dòng một\n    dòng hai\t\n\n  dòng ba\n"
        'c: "tab\\tở đây \\\n   nối"\n'
        "d: 'it''s'\n"
        "e: >\n  gấp\n  dòng\n\n  mới\n"
        "f: dòng thường\n  nối tiếp\n"
    )
    starts = line_starts(source)
    results = dict(maps_of(source))
    assert len(results) == 6 and all(results.values())
    b = results["dòng một\n  dòng hai\t\n\ndòng ba\n"]
    offset = b.source_offset(b.value.index("hai"))
    assert position_of(starts, offset) == (4, 10) and source[offset : offset + 3] == "hai"
    c = results["tab\tở đây nối"]
    assert source[c.source_offset(3)] == "\\"  # the escape points at its backslash
    assert c.source_range(0, 3) is not None and c.source_range(2, 5) is None


WORDS = st.lists(st.sampled_from(["chữ", "đôi", "a", "b-c", "(x)", "“y”", "1,5"]), min_size=1)
GAPS = st.sampled_from([" ", "  ", " \t ", "\t", " \n  ", "\n  ", "  \n\n   ", "\t\n \t", "\r\n  "])


@settings(max_examples=300, deadline=None)
@given(words=WORDS, gaps=st.lists(GAPS, min_size=8, max_size=8), indent=st.integers(0, 3))
def test_hand_typed_plain_scalars_are_traced(
    words: list[str], gaps: list[str], indent: int
) -> None:
    """A plain scalar typed over several lines, with blanks anywhere: the value
    libyaml folds from it is rebuilt and traced."""
    body = words[0] + "".join(gap + word for gap, word in zip(gaps * 4, words[1:], strict=False))
    pad = " " * (indent + 2)
    body = body.replace("\n", "\n" + pad)
    source = f"text: {body}\nnext: 1\n"
    for found, mapped in maps_of(source):
        assert_traced(source, found, mapped)


def test_a_reading_that_does_not_match_is_refused() -> None:
    source = "a: text\n"
    assert scalar_map(source, line_starts(source), 3, 7, None, "other") is None


@given(st.text(alphabet=st.sampled_from(list("ab \t\r\n\x85\u2028\u2029")), max_size=40))
def test_line_starts_agree_with_yaml_line_breaks(text: str) -> None:
    import re

    expected = [0, *(m.end() for m in re.finditer("\r\n|[\r\n\x85\u2028\u2029]", text))]
    assert line_starts(text) == expected
