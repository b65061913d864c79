"""Manage drafter's message catalogs with Babel.

    python scripts/i18n.py extract   # source -> src/drafter/locale/drafter.pot
    python scripts/i18n.py update    # .pot -> vi/LC_MESSAGES/drafter.po (keeps translations)
    python scripts/i18n.py compile   # .po -> .mo (shipped in the package)
    python scripts/i18n.py check     # exit 1 if a message is untranslated or a .mo is stale

Message ids are English; mark them with ``_()`` where shown, or ``N_()``
where defined and translated later. After adding messages: extract, update,
translate the new entries in the .po (no "fuzzy" left), compile.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "src" / "drafter" / "locale"
POT = LOCALE / "drafter.pot"
LANGUAGES = ("vi",)
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "drafter.po"


def extract() -> Catalog:
    catalog = Catalog(project="drafter", charset="utf-8")
    source = ROOT / "src" / "drafter"
    for filename, lineno, message, comments, context in extract_from_dir(
        source, method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        path = f"src/drafter/{filename}"
        catalog.add(message, locations=[(path, lineno)], auto_comments=comments, context=context)
    return catalog


def write_catalog(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, sort_output=True)
    path.write_bytes(buffer.getvalue())


def read_catalog(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def update() -> None:
    template = extract()
    for language in LANGUAGES:
        path = po_path(language)
        catalog = read_catalog(path, language) if path.exists() else Catalog(locale=language)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        write_catalog(catalog, path)


def mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def compile_all() -> None:
    for language in LANGUAGES:
        catalog = read_catalog(po_path(language), language)
        po_path(language).with_suffix(".mo").write_bytes(mo_bytes(catalog))


def problems() -> list[str]:
    found = []
    template = extract()
    for language in LANGUAGES:
        path = po_path(language)
        catalog = read_catalog(path, language)
        for message in template:
            if not message.id:
                continue
            entry = catalog.get(message.id)
            translated = entry is not None and (
                all(entry.string) if isinstance(entry.string, tuple) else bool(entry.string)
            )
            if not translated or (entry is not None and entry.fuzzy):
                found.append(f"{path.relative_to(ROOT)}: untranslated: {message.id!r}")
        mo = path.with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != mo_bytes(catalog):
            found.append(f"{mo.relative_to(ROOT)}: stale; run: python scripts/i18n.py compile")
    return found


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "extract":
        write_catalog(extract(), POT)
    elif command == "update":
        write_catalog(extract(), POT)
        update()
    elif command == "compile":
        compile_all()
    elif command == "check":
        found = problems()
        for line in found:
            print(line)
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
