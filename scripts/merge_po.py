"""Resolve a git conflict in the Vietnamese catalog: keep every translation from
both sides, then re-extract from the (merged) source.

    python scripts/merge_po.py      # during a merge with a conflicted drafter.po
"""

from __future__ import annotations

import io
import subprocess
import sys

sys.path.insert(0, __import__("os").path.dirname(__file__))
from babel.messages.pofile import read_po
from i18n import ROOT, po_path, update, write_catalog


def version(stage: str) -> object:
    relative = po_path("vi").relative_to(ROOT).as_posix()
    data = subprocess.run(["git", "show", f":{stage}:{relative}"], cwd=ROOT,
                          capture_output=True, check=True).stdout  # fmt: skip
    return read_po(io.BytesIO(data), locale="vi")


def main() -> int:
    ours, theirs = version("2"), version("3")
    for message in theirs:
        if message.id and message.string and not ours.get(message.id):
            ours[message.id] = message
        elif message.id and message.string and ours.get(message.id) and not ours[message.id].string:
            ours[message.id].string = message.string
    write_catalog(ours, po_path("vi"))
    update()  # drop what the merged source no longer says, add what it says now
    print(f"merged {po_path('vi')}; now: python scripts/i18n.py check && compile")
    return 0


if __name__ == "__main__":
    sys.exit(main())
