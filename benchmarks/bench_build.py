"""Cold start of ``drafter build`` against a bare docxtpl script and pandoc, in one run.

    python benchmarks/bench_build.py [--runs 15]

Each figure is the best and the median wall time of N fresh processes (cold
interpreter, warm disk cache). drafter's own modules are byte-compiled first,
as ``pip install`` does for an installed package (with PYTHONDONTWRITEBYTECODE
set, an editable checkout would otherwise recompile them at every start while
the baselines' libraries are already compiled).

Baselines: a five-line docxtpl script rendering the same template with the
same context (dumped to JSON beforehand); and pandoc converting the same text
(every paragraph of the document, as Markdown) to Word. Ratios are drafter /
docxtpl. "outline just edited" turns off the cache of check findings (the
findings of an unchanged outline are reused, like ruff's cache); "first run"
turns off every cache (template, regular expressions, data, findings).
Targets (issues 3 and 7): build <= 1.3x the docxtpl script,
``drafter --help`` <= 0.15 s.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

from common import EXAMPLE, drafter_command, environment, prepare, table, timed

BARE_SCRIPT = """
import json, sys
from docxtpl import DocxTemplate
context = json.load(open(sys.argv[2], encoding="utf-8"))
template = DocxTemplate(sys.argv[1])
template.render(context, autoescape=True)
template.save(sys.argv[3])
"""


def markdown_of(context: dict) -> str:
    """Every paragraph the document shows, as Markdown paragraphs."""
    header = context["header"]
    lines = [
        header[key]
        for key in (
            "superior",
            "issuer",
            "star",
            "number_line",
            "draft_mark",
            "motto",
            "place_date",
        )
        if header.get(key)
    ]
    lines += [context["type_name"], context["title"]]
    lines += [f"{b['label']} {b['text']}".strip() for b in context["blocks"]]
    lines += context.get("recipients", [])
    lines += [v for v in context["signature"].values() if isinstance(v, str) and v]
    escaped = [line.replace("\\", "\\\\").replace("*", "\\*").replace(".", "\\.", 1)
               for line in lines]  # fmt: skip
    return "\n\n".join(escaped) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    prepare()
    from drafter.builder import template_for
    from drafter.document import load_document
    from drafter.render.context import FormatSettings, build_context, load_format_pack

    document = load_document(EXAMPLE)
    settings = FormatSettings.from_pack(load_format_pack(document.resolved.format_name))
    context = build_context(document.resolved, settings)
    template = template_for(document)
    env = environment()
    runs = args.runs

    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        (folder / "context.json").write_text(json.dumps(context, ensure_ascii=False), "utf-8")
        (folder / "bare.py").write_text(BARE_SCRIPT, "utf-8")
        (folder / "text.md").write_text(markdown_of(context), "utf-8")
        out = str(folder / "out.docx")
        build_args = [*drafter_command(), "build", str(EXAMPLE), "-o", out]
        bare = timed(
            [
                sys.executable,
                str(folder / "bare.py"),
                str(template),
                str(folder / "context.json"),
                str(folder / "bare.docx"),
            ],
            runs,
            env,
        )
        build = timed([*build_args, "--force"], runs, env)
        rebuild = timed(build_args, runs, env)
        edited = timed([*build_args, "--force"], runs, environment(DRAFTER_NO_CHECK_CACHE="1"))
        no_cache = timed([*build_args, "--force"], runs, environment(DRAFTER_NO_CACHE="1"))
        help_ = timed([*drafter_command(), "--help"], runs, env)
        pandoc = None
        if shutil.which("pandoc"):
            pandoc = timed(["pandoc", str(folder / "text.md"), "-o",
                            str(folder / "pandoc.docx")], runs, env)  # fmt: skip

    def row(name: str, figures: tuple[float, float], baseline: bool = True) -> tuple[str, ...]:
        ratio = f"{figures[0] / bare[0]:.2f}x" if baseline else ""
        return (name, f"{figures[0]:.3f}", f"{figures[1]:.3f}", ratio)

    rows = [
        row("bare docxtpl script (baseline)", bare),
        row("drafter build (cold, --force)", build),
        row("drafter build (cold, target checked first)", rebuild),
        row("drafter build (cold, outline just edited)", edited),
        row("drafter build (cold, first run: no caches)", no_cache),
    ]
    if pandoc:
        rows.append(row("pandoc, same text to .docx", pandoc))
    rows.append(row("drafter --help", help_, baseline=False))
    print(table(rows, ("case", "best s", "median s", "vs docxtpl")))
    print(
        f"targets: build <= 1.30x docxtpl ({build[0] / bare[0]:.2f}x), "
        f"--help <= 0.150 s ({help_[0]:.3f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
