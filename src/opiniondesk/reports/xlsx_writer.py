"""The XLSX annex: one sheet per figure table, every figure behind the report."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

from openpyxl import Workbook
from openpyxl.styles import Font

from opiniondesk.reports.csv_export import neutralise
from opiniondesk.reports.tables import NamedTable


def write_xlsx(tables: list[NamedTable], *, issued_on: date) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for name, header, rows in tables:
        sheet = book.create_sheet(name[:31])
        # openpyxl stores a string starting with "=" as a formula: neutralise like the CSV
        sheet.append([neutralise(h) for h in header])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([neutralise(v) for v in row])
        for col in sheet.columns:
            width = max(len(str(c.value or "")) for c in col)
            sheet.column_dimensions[col[0].column_letter].width = min(60, max(10, width + 2))
    book.properties.created = book.properties.modified = datetime(
        issued_on.year, issued_on.month, issued_on.day, tzinfo=UTC
    ).replace(tzinfo=None)
    book.properties.creator = "opiniondesk"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
