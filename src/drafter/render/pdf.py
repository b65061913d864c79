"""Word -> PDF through headless LibreOffice (``soffice --convert-to pdf``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from drafter.errors import ConversionError
from drafter.fileio import atomic_write
from drafter.i18n import _

_CANDIDATES = (
    "soffice",
    "libreoffice",
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)
TIMEOUT_SECONDS = float(os.environ.get("DRAFTER_PDF_TIMEOUT", "180"))


def find_soffice() -> str | None:
    """The LibreOffice executable: ``$DRAFTER_SOFFICE``, the PATH, usual places."""
    configured = os.environ.get("DRAFTER_SOFFICE")
    if configured:
        return configured if Path(configured).exists() or shutil.which(configured) else None
    for candidate in _CANDIDATES:
        found = shutil.which(candidate) or (candidate if Path(candidate).is_file() else None)
        if found:
            return found
    return None


def install_hint() -> str:
    if sys.platform.startswith("linux"):
        return _("install it with: sudo apt-get install libreoffice-writer fonts-liberation2")
    if sys.platform == "darwin":
        return _("install it with: brew install --cask libreoffice")
    return _("install LibreOffice from https://www.libreoffice.org/download/")


def convert_to_pdf(docx: Path, pdf: Path) -> Path:
    """Convert ``docx`` to ``pdf`` (written atomically); ``ConversionError`` on failure."""
    soffice = find_soffice()
    if soffice is None:
        raise ConversionError(
            _("LibreOffice is needed to make the PDF but was not found; {hint}").format(
                hint=install_hint()
            )
        )
    with tempfile.TemporaryDirectory(prefix="drafter-pdf-") as work:
        work_dir = Path(work)
        profile = (work_dir / "profile").as_uri()
        command = [
            soffice, "--headless", "--norestore", "--nolockcheck", "--nodefault",
            f"-env:UserInstallation={profile}", "--convert-to", "pdf:writer_pdf_Export",
            "--outdir", str(work_dir), str(docx.resolve()),
        ]  # fmt: skip
        try:
            completed = subprocess.run(
                command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False,
                stdin=subprocess.DEVNULL,
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            raise ConversionError(
                _("LibreOffice did not finish the PDF within {seconds} seconds").format(
                    seconds=int(TIMEOUT_SECONDS)
                )
            ) from None
        except OSError as error:
            raise ConversionError(
                _("LibreOffice could not be started: {reason}").format(reason=error.strerror)
            ) from None
        produced = work_dir / (docx.stem + ".pdf")
        if completed.returncode != 0 or not produced.exists():
            detail = (completed.stderr or completed.stdout).decode(errors="replace").strip()
            raise ConversionError(
                _("LibreOffice could not convert {path} to PDF: {detail}").format(
                    path=docx, detail=detail.splitlines()[-1] if detail else completed.returncode
                )
            )
        atomic_write(pdf, produced.read_bytes())
    return pdf
