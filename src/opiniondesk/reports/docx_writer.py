"""The report as DOCX in the layout of Decree 30/2020/NĐ-CP (Appendix I): A4, the decree's
margins, Times New Roman, the two-column header, numbered sections, recipients and signature."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from typing import Any

from docx import Document as new_document
from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from opiniondesk.reports.content import Section
from opiniondesk.reports.office import Office

FONT = "Times New Roman"
BODY_PT = 14
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
CHART_WIDTH_MM = 160
TEXT_WIDTH_MM = 210 - MARGINS_MM["left"] - MARGINS_MM["right"]


def date_line(place: str, day: date) -> str:
    """ "Hà Nội, ngày 05 tháng 10 năm 2026": days below 10 and months 1–2 get a leading zero."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def _page(doc: Document) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    # Word picks the East-Asian font slot for some Vietnamese characters: name it too
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(slot), FONT)
    normal.paragraph_format.space_after = Pt(6)


def _line(
    paragraph: Paragraph,
    text: str,
    *,
    size: int = BODY_PT,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = None,
) -> Paragraph:
    run = paragraph.add_run(text)
    run.font.name, run.font.size = FONT, Pt(size)
    run.bold, run.italic, run.underline = bold, italic, underline
    if align is not None:
        paragraph.alignment = align
    return paragraph


def _cell_paragraph(table: DocxTable, row: int, col: int, first: bool) -> Paragraph:
    cell = table.cell(row, col)
    paragraph: Paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    return paragraph


def _no_borders(table: DocxTable) -> None:
    table.style = None
    table.alignment = WD_TABLE_ALIGNMENT.CENTER


def _widths(table: DocxTable, left: Mm, right: Mm) -> None:
    table.autofit = False
    for column, width in zip(table.columns, (left, right), strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _header(doc: Document, office: Office, number: str, issued_on: date) -> None:
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, Mm(62), Mm(103))
    centre = WD_ALIGN_PARAGRAPH.CENTER
    _line(_cell_paragraph(table, 0, 0, True), office.parent_name.upper(), size=13, align=centre)
    _line(
        _cell_paragraph(table, 0, 0, False), office.name.upper(), size=13, bold=True, align=centre
    )
    _line(_cell_paragraph(table, 0, 0, False), number, size=13, align=centre)
    _line(
        _cell_paragraph(table, 0, 1, True),
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        size=12,
        bold=True,
        align=centre,
    )
    _line(
        _cell_paragraph(table, 0, 1, False),
        "Độc lập - Tự do - Hạnh phúc",
        size=13,
        bold=True,
        underline=True,
        align=centre,
    )
    _line(
        _cell_paragraph(table, 0, 1, False),
        date_line(office.place, issued_on),
        italic=True,
        align=centre,
    )


def _body_table(doc: Document, header: list[str], rows: list[list[str]]) -> None:
    table = doc.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    # columns as wide as their longest text (within bounds), across the text width
    weights = [
        min(40, max(10, *(len(r[col]) for r in [header, *rows]))) for col in range(len(header))
    ]
    for col, weight in zip(table.columns, weights, strict=True):
        width = Mm(TEXT_WIDTH_MM * weight / sum(weights))
        col.width = width
        for cell in col.cells:
            cell.width = width
    for col, text in enumerate(header):
        _line(table.cell(0, col).paragraphs[0], text, size=12, bold=True)
    for r, row in enumerate(rows, start=1):
        for col, text in enumerate(row):
            _line(table.cell(r, col).paragraphs[0], text, size=12)
    doc.add_paragraph()


def _closing(doc: Document, office: Office) -> None:
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, Mm(75), Mm(90))
    left = _cell_paragraph(table, 0, 0, True)
    _line(left, "Nơi nhận:", size=12, bold=True, italic=True)
    items = office.recipients
    for i, item in enumerate(items):
        end = "." if i == len(items) - 1 else ";"
        line = _line(_cell_paragraph(table, 0, 0, False), f"- {item}{end}", size=11)
        line.paragraph_format.space_after = Pt(0)
    centre = WD_ALIGN_PARAGRAPH.CENTER
    first = True
    if office.signer_authority:
        _line(
            _cell_paragraph(table, 0, 1, True),
            office.signer_authority.upper(),
            bold=True,
            align=centre,
        )
        first = False
    _line(_cell_paragraph(table, 0, 1, first), office.signer_title.upper(), bold=True, align=centre)
    for _ in range(3):  # room for the signature and seal
        _cell_paragraph(table, 0, 1, False)
    _line(_cell_paragraph(table, 0, 1, False), office.signer_name, bold=True, align=centre)


def write_docx(
    *,
    sections: list[Section],
    charts: dict[str, bytes],
    office: Office,
    number: str,
    subject: str,
    issued_on: date,
) -> bytes:
    doc = new_document()
    _page(doc)
    # fixed document properties: a rebuilt report carries the same metadata
    moment = datetime(issued_on.year, issued_on.month, issued_on.day, tzinfo=UTC)
    doc.core_properties.created = doc.core_properties.modified = moment
    doc.core_properties.author = doc.core_properties.last_modified_by = "opiniondesk"
    doc.core_properties.title = subject
    _header(doc, office, number, issued_on)
    doc.add_paragraph()
    centre = WD_ALIGN_PARAGRAPH.CENTER
    _line(doc.add_paragraph(), "BÁO CÁO", bold=True, align=centre)
    _line(doc.add_paragraph(), subject, bold=True, align=centre)
    justify = WD_ALIGN_PARAGRAPH.JUSTIFY
    for section in sections:
        _line(doc.add_paragraph(), f"{section.number}. {section.title}", bold=True)
        for block in section.blocks:
            if block.kind == "subheading":
                _line(doc.add_paragraph(), block.text, bold=True)
            elif block.kind == "quote":
                _line(doc.add_paragraph(), block.text, italic=True, align=justify)
            elif block.kind == "table" and block.table is not None:
                _body_table(doc, block.table.header, block.table.rows)
            elif block.kind == "chart" and block.text in charts:
                doc.add_picture(io.BytesIO(charts[block.text]), width=Mm(CHART_WIDTH_MM))
                doc.paragraphs[-1].alignment = centre
            elif block.kind == "text":
                paragraph = _line(doc.add_paragraph(), block.text, align=justify)
                paragraph.paragraph_format.first_line_indent = Mm(10)
    doc.add_paragraph()
    _closing(doc, office)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def subject_line(figures: dict[str, Any], language: str = "vi") -> str:
    period = figures["period"][f"name_{language}"]
    unit = figures["unit"]["name"]
    if language == "vi":
        return f"Tình hình dư luận xã hội {period}" + (f" tại {unit}" if unit else "")
    return f"Public opinion in {period}" + (f", {unit}" if unit else "")
