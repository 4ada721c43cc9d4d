"""Look inside an .xlsx (a zip) before any XML parser touches it, and refuse zip bombs.

zipfile never inflates an entry beyond the size its header declares, so checking the declared
sizes here bounds what openpyxl can be made to read later.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from opiniondesk.ingest.errors import ReaderError, say

MAX_ENTRIES = 2_000  # a real workbook has tens of parts; thousands means something odd
# Deflate tops out near 1000:1; real sheet XML compresses 5-50:1, very repetitive sheets ~150:1.
MAX_ENTRY_RATIO = 250
RATIO_CHECK_FLOOR = 1024 * 1024  # tiny parts can have any ratio without harm
TOTAL_RATIO = 100


def check_xlsx_archive(path: Path, *, source: str, max_bytes: int) -> None:
    """Raise ReaderError unless the archive's declared contents are of sane size and shape."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReaderError(
            say(
                f"{source}: không mở được tệp Excel (tệp hỏng hoặc không phải .xlsx)",
                f"{source}: cannot open as an Excel workbook (damaged or not .xlsx)",
            )
            + f": {exc}. "
            + say("Mở bằng Excel và lưu lại dạng .xlsx", "open it in Excel and save as .xlsx")
        ) from exc
    refuse = _refusal(path, entries, max_bytes) or _declares_entities(path, entries)
    if refuse:
        raise ReaderError(
            f"{source}: "
            + say(f"tệp Excel bị từ chối vì {refuse[0]}", f"workbook refused: {refuse[1]}")
            + ". "
            + say(
                "Mở bằng Excel, xóa dữ liệu thừa và lưu lại, hoặc xuất ra CSV",
                "open it in Excel, remove stray content and save again, or export to CSV",
            )
        )


def _refusal(path: Path, entries: list[zipfile.ZipInfo], max_bytes: int) -> tuple[str, str] | None:
    if len(entries) > MAX_ENTRIES:
        return (f"có {len(entries)} phần tử nén", f"{len(entries)} archive entries")
    for info in entries:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_CHECK_FLOOR and ratio > MAX_ENTRY_RATIO:
            return (
                f"phần {info.filename!r} nén với tỉ lệ bất thường {ratio:.0f}:1",
                f"entry {info.filename!r} has an absurd compression ratio {ratio:.0f}:1",
            )
        if info.file_size > max_bytes:
            return (
                f"phần {info.filename!r} giải nén ra {info.file_size:,} byte",
                f"entry {info.filename!r} expands to {info.file_size:,} bytes",
            )
    total = sum(info.file_size for info in entries)
    compressed = max(path.stat().st_size, 1)
    if total > max_bytes and total > TOTAL_RATIO * compressed:
        return (
            f"giải nén ra {total:,} byte (gấp {total // compressed} lần)",
            f"it expands to {total:,} bytes ({total // compressed}x its size)",
        )
    return None


_UNSAFE_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")
_CHUNK = 64 * 1024


def _declares_entities(path: Path, entries: list[zipfile.ZipInfo]) -> tuple[str, str] | None:
    """Workbooks never carry a DTD. Refuse one here, whatever XML parser openpyxl ends up
    using: with lxml installed (python-docx brings it) openpyxl silently drops entities
    instead of failing, which would turn an attack into a confusing empty workbook."""
    with zipfile.ZipFile(path) as archive:
        for info in entries:
            if not info.filename.endswith((".xml", ".rels", ".vml")):
                continue
            with archive.open(info) as part:
                tail = b""
                while chunk := part.read(_CHUNK):
                    window = tail + chunk
                    if any(marker in window for marker in _UNSAFE_MARKERS):
                        return (
                            f"phần {info.filename!r} chứa khai báo XML không an toàn (DTD/entity)",
                            f"entry {info.filename!r} has unsafe XML declarations (DTD/entities)",
                        )
                    tail = window[-16:]
    return None
