"""Fill translations into a catalog from a Python file holding a dict ``T``.

    python scripts/translate.py vi translations.py

For bulk work; the .po file stays the source of truth (review it in the diff).
"""

from __future__ import annotations

import runpy
import sys

sys.path.insert(0, __import__("os").path.dirname(__file__))
from i18n import po_path, read_catalog, write_catalog


def main(language: str, source: str) -> int:
    table = runpy.run_path(source)["T"]
    path = po_path(language)
    catalog = read_catalog(path, language)
    changed = 0
    for message in catalog:
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        if key and key in table:
            value = table[key]
            if isinstance(message.id, tuple):  # plural: one form per catalog plural
                value = tuple([value] * catalog.num_plurals) if isinstance(value, str) else value
            message.string = value
            message.flags.discard("fuzzy")
            changed += 1
    write_catalog(catalog, path)
    print(f"{changed} translations written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
