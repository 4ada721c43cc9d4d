"""PDF from the DOCX with LibreOffice headless, when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from opiniondesk.errors import DeskError

TIMEOUT_S = 180


class PdfUnavailableError(DeskError):
    status = 501


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: bytes) -> bytes:
    """Convert in a private folder and profile (parallel conversions do not share a lock)."""
    soffice = soffice_path()
    if soffice is None:
        raise PdfUnavailableError(
            "Xuất PDF cần LibreOffice: cài gói libreoffice-writer-nogui (apt-get install -y "
            "libreoffice-writer-nogui) rồi thử lại; DOCX và XLSX vẫn được tạo. / PDF needs "
            "LibreOffice: install libreoffice-writer-nogui and try again; DOCX and XLSX are "
            "still written."
        )
    with tempfile.TemporaryDirectory(prefix="opiniondesk-pdf-") as tmp:
        folder = Path(tmp)
        source = folder / "report.docx"
        source.write_bytes(docx)
        command = [
            soffice,
            f"-env:UserInstallation=file://{folder / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ]
        result = subprocess.run(command, capture_output=True, timeout=TIMEOUT_S, check=False)
        target = folder / "report.pdf"
        if result.returncode != 0 or not target.exists():
            detail = result.stderr.decode("utf-8", "replace").strip()[:500]
            raise DeskError(
                f"LibreOffice không chuyển được sang PDF / LibreOffice could not convert: {detail}"
            )
        return target.read_bytes()
