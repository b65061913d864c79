"""Watch-mode rebuilds and three-way merges, against baselines from the same run.

    python benchmarks/bench_regen.py [--runs 20] [--paragraphs 1000]

1. Hot rebuild in ``drafter watch`` (one long process): load, check (the
   cache of check findings off, as after a real save) and build of the
   example, in process, after a first build. Baseline: a bare docxtpl render
   of the same template with the same context in the same process. Target
   (issue 6): <= 50 ms.
2. Merge: a generated outline of about N paragraphs is built; the Word file
   is edited by hand (paragraphs reworded, deleted, added, set in bold) and the
   outline too (other paragraphs reworded, two parts swapped); then the time to
   regenerate with the three-way merge (in memory, no disk write), and the
   time to import that edited file back into an outline. Baseline: a plain
   build of the same outline (no merge).

Each figure is the best and the median of the runs.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import EXAMPLE, prepare


def timed(action: Callable[[], object], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def big_outline(paragraphs: int) -> str:
    """An outline of about ``paragraphs`` paragraphs: parts of sections of texts."""
    parts = max(2, round((paragraphs / 10) ** 0.5 / 1.0))
    sections = max(1, paragraphs // (parts * 10))
    lines = [
        "type: chuong-trinh",
        "issuer: {name: TỈNH ỦY HẬU GIANG}",
        "symbol: CTr/TU",
        "place: Hậu Giang",
        "date: 2023",
        "title: Công tác năm 2024",
        "sections:",
    ]
    for part in range(parts):
        lines += [f"  - heading: Phần công tác số {part + 1}", "    sections:"]
        for section in range(sections):
            lines += [f"      - heading: Lĩnh vực {part + 1}.{section + 1}", "        text: |"]
            where = f"{part + 1}.{section + 1}"
            lines += [
                f"          Đoạn {k + 1} của lĩnh vực {where}: triển khai thực hiện có hiệu quả "
                "các nhiệm vụ, giải pháp đã đề ra trong năm, bảo đảm tiến độ."
                for k in range(9)
            ]
    lines += ["signature: {authority: T/M BAN THƯỜNG VỤ, position: BÍ THƯ}"]
    return "\n".join(lines) + "\n"


def edit_by_hand(path: Path) -> None:
    import docx

    document = docx.Document(str(path))
    body = [p for p in document.paragraphs if p.text.startswith("Đoạn ")]
    for paragraph in body[5::30]:
        paragraph.runs[-1].text = paragraph.runs[-1].text.replace("bảo đảm", "bảo đảm chặt chẽ")
    for paragraph in body[11::90]:
        paragraph._p.getparent().remove(paragraph._p)
    for paragraph in body[17::90]:
        paragraph.insert_paragraph_before("Ý kiến bổ sung của Thường trực Tỉnh ủy.")
    for paragraph in body[23::90]:
        paragraph.runs[0].bold = True
    document.save(str(path))


def edit_outline(text: str) -> str:
    lines = text.splitlines()
    texts = [i for i, line in enumerate(lines) if line.strip().startswith("Đoạn ")]
    for i in texts[20::30]:
        lines[i] = lines[i].replace("triển khai thực hiện", "tổ chức thực hiện")
    starts = [i for i, line in enumerate(lines) if line.startswith("  - heading: Phần")]
    first, second, end = starts[0], starts[1], starts[2] if len(starts) > 2 else len(lines) - 1
    lines[first:end] = lines[second:end] + lines[first:second]  # the first two parts swap
    return "\n".join(lines) + "\n"


def bench_watch(runs: int, work: Path) -> list[tuple[str, tuple[float, float], float | None]]:
    from docxtpl import DocxTemplate

    from drafter.builder import template_for
    from drafter.loader import load_outline
    from drafter.render.context import FormatSettings, build_context, load_format_pack
    from drafter.watch import rebuild

    loaded = load_outline(EXAMPLE)
    template = template_for(loaded)
    context = build_context(loaded.outline, FormatSettings.from_pack(load_format_pack()))

    def bare() -> None:
        document = DocxTemplate(template)
        document.render(context, autoescape=True)
        document.save(io.BytesIO())

    import os

    os.environ["DRAFTER_NO_CHECK_CACHE"] = "1"  # a real save changes the outline
    output = work / "watch.docx"
    rebuild(EXAMPLE, output)  # the first build of a watch session
    bare()
    base = timed(bare, runs)
    hot = timed(lambda: rebuild(EXAMPLE, output), runs)
    return [
        ("bare docxtpl render, warm (baseline)", base, None),
        ("watch: hot rebuild of the example", hot, hot[0] / base[0]),
    ]


def bench_merge(
    runs: int, paragraphs: int, work: Path
) -> list[tuple[str, tuple[float, float], float | None]]:
    from drafter.builder import build_loaded, render_outline
    from drafter.loader import load_outline
    from drafter.regenerate import regenerate

    outline = work / "big.yaml"
    outline.write_text(big_outline(paragraphs), encoding="utf-8")
    target = work / "big.docx"
    result = build_loaded(load_outline(outline), target)
    edit_by_hand(target)
    outline.write_text(edit_outline(outline.read_text(encoding="utf-8")), encoding="utf-8")
    loaded = load_outline(outline)
    merged = regenerate(target, loaded)
    assert merged.merge is not None
    counts = dict(merged.merge.counts)
    print(
        f"merge of {result.paragraphs} paragraphs: {counts}, "
        f"{len(merged.merge.conflicts)} conflict(s)"
    )
    from drafter.importer import import_docx

    base = timed(lambda: render_outline(loaded), runs)
    merge = timed(lambda: regenerate(target, loaded), runs)
    imported = timed(lambda: import_docx(target), runs)
    return [
        (f"plain build, {result.paragraphs} paragraphs (baseline)", base, None),
        (f"merge into the edited file, {result.paragraphs} paragraphs", merge, merge[0] / base[0]),
        (
            f"import of the edited file, {result.paragraphs} paragraphs",
            imported,
            imported[0] / base[0],
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--paragraphs", type=int, default=1000)
    args = parser.parse_args()
    prepare()
    from drafter.i18n import set_language

    set_language("en")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        rows = bench_watch(args.runs, work)
        rows += bench_merge(max(3, args.runs // 4), args.paragraphs, work)
    print(f"{'case':52} {'best ms':>8} {'median ms':>10} {'ratio':>7}")
    for name, (best, median), ratio in rows:
        ratio_text = f"{ratio:.2f}x" if ratio else ""
        print(f"{name:52} {best * 1000:8.1f} {median * 1000:10.1f} {ratio_text:>7}")
    hot = rows[1][1][0]
    print(f"target: hot rebuild <= 50 ms ({hot * 1000:.1f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
