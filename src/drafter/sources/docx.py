"""A Word file (``.docx``) as a ``CheckDocument``.

Paragraphs come from ``drafter.docx_io.reader`` in the contract's reading
order; ``line`` is the paragraph's number in that order and ``column`` counts
characters in the paragraph's text (see ``drafter.sources.view``). Numbering
labels are read whether typed ("1.1. Công tác") or drawn by Word's
auto-numbering (``DocParagraph.label``, computed from numbering.xml). Empty
paragraphs keep their number but are not checked.
"""

from __future__ import annotations

from pathlib import Path

from drafter.numbering import parse_label
from drafter.sources.labels import assign_levels, read_label
from drafter.sources.layout import RawParagraph, assign_roles
from drafter.sources.view import CheckDocument, LinearLocator, Paragraph, Piece


def docx_document(path: Path, display: str, data: bytes | None = None) -> CheckDocument:
    """Read the Word file at ``path`` (``InputError`` if it is not one)."""
    from drafter.docx_io.reader import read_paragraphs
    from drafter.sources.docx_format import read_formatting

    source = read_paragraphs(path, data)
    kept, raws, labels, cuts, autos = [], [], [], [], []
    for paragraph in source:
        auto = getattr(paragraph, "label", None)
        if auto:
            parsed, cut = parse_label(auto.strip() + " "), 0
        else:
            parsed = read_label(paragraph.text)
            cut = parsed.end if parsed else 0
        content = paragraph.text[cut:]
        if not content.strip() and parsed is None:
            continue
        kept.append(paragraph)
        labels.append(parsed)
        cuts.append(cut)
        autos.append(bool(auto))
        raws.append(
            RawParagraph(
                content,
                paragraph.location,
                paragraph.style,
                parsed is not None,
                parsed.kind if parsed else None,
            )
        )
    roles = assign_roles(raws)
    levels = assign_levels(labels)
    paragraphs = []
    for index, source_paragraph in enumerate(kept):
        parsed, cut, line = labels[index], cuts[index], source_paragraph.index
        label_column = 1 + len(source_paragraph.text) - len(source_paragraph.text.lstrip())
        paragraphs.append(
            Paragraph(
                index,
                raws[index].text,
                roles[index][0],
                (Piece(0, LinearLocator(line, 1 + cut)),),
                field=roles[index][1],
                label=parsed.text if parsed else None,
                parsed_label=parsed,
                level=levels[index],
                label_locator=LinearLocator(line, 1 if autos[index] else label_column),
                auto_label=autos[index],
            )
        )
    texts = {p.index: p.text for p in source}
    return CheckDocument(
        display,
        "docx",
        paragraphs,
        source_lines=lambda line: texts.get(line),
        formatting=read_formatting(path, data, source),
    )
