"""Reading a response export (CSV or XLSX) as rows of text, and writing one safely."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path

from opiniondesk.errors import InputError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def read_rows(path: Path) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header and an iterator of (sheet line, cells as text) of a .csv or .xlsx file."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _csv_rows(path)
    if suffix == ".xlsx":
        return _xlsx_rows(path)
    raise InputError(
        f"{path.name}: chỉ đọc được tệp .csv hoặc .xlsx. / {path.name}: use a .csv or .xlsx file."
    )


def _csv_rows(path: Path) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    handle = path.open(newline="", encoding="utf-8-sig")
    sample = handle.read(4096)
    handle.seek(0)
    # Kobo writes ';' by default; ODK Central ','
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(handle, delimiter=delimiter)
    header = [h.strip() for h in next(reader, [])]

    def rows() -> Iterator[tuple[int, list[str]]]:
        with handle:
            yield from enumerate(reader, start=2)

    return header, rows()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_rows(path: Path) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = workbook.worksheets[0].iter_rows(values_only=True)
    header = [_cell_text(c).strip() for c in next(rows, ())]

    def body() -> Iterator[tuple[int, list[str]]]:
        try:
            for line, row in enumerate(rows, start=2):
                yield line, [_cell_text(c) for c in row]
        finally:
            workbook.close()

    return header, body()


def neutralise(value: str) -> str:
    """A cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP)."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def write_rows(path: Path, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    safe = [[neutralise(cell) for cell in row] for row in rows]
    head = [neutralise(h) for h in header]
    if path.suffix.lower() == ".xlsx":
        import openpyxl

        workbook = openpyxl.Workbook()
        sheet = workbook.active
        assert sheet is not None
        sheet.append(head)
        for row in safe:
            sheet.append(row)
        workbook.save(path)
        return
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(head)
        writer.writerows(safe)
