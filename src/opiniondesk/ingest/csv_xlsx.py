"""Tables: CSV/TSV files and Excel workbooks, read row by row with the numbers users see.

CSV line numbers count physical lines (header = line 1, a quoted cell spanning three lines takes
three); Excel row numbers are the ones in Excel's left margin.
"""

from __future__ import annotations

import codecs
import csv
import itertools
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Generator, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import openpyxl
from defusedxml import DefusedXmlException

from opiniondesk.config import Settings
from opiniondesk.ingest.base import Record, SourceReader
from opiniondesk.ingest.errors import ReaderError, say
from opiniondesk.ingest.mapping import ColumnMapping, Columns, resolve_columns
from opiniondesk.ingest.raw import RowError
from opiniondesk.ingest.rows import build_item, cell_text, is_blank
from opiniondesk.ingest.textfile import detect_encoding, read_lines
from opiniondesk.ingest.zipcheck import check_xlsx_archive

_DELIMITERS = (",", ";", "\t", "|")


class TableRows:
    """Turns (line, cells) pairs into records: the first non-empty row is the header."""

    def __init__(self, mapping: ColumnMapping | None, source: str, reader: SourceReader) -> None:
        self.mapping = mapping
        self.source = source
        self.reader = reader
        self.columns: Columns | None = None
        self.index: dict[str, int] = {}

    def feed(self, line: int, cells: Sequence[Any]) -> Record | None:
        if self.columns is None:
            header = [cell_text(c) or "" for c in cells]
            if any(header):
                self.columns = resolve_columns(header, self.mapping, source=self.source)
                for position, name in enumerate(header):
                    self.index.setdefault(name, position)
            return None
        record = {name: cells[i] for name, i in self.index.items() if i < len(cells)}
        if is_blank(record):
            self.reader.stats.skipped += 1
            return None
        return build_item(record, self.columns, self.mapping, source=self.source, line=line)

    def finish(self) -> None:
        if self.columns is None:
            raise ReaderError(
                say(
                    f"{self.source}: tệp trống, không có dòng tiêu đề",
                    f"{self.source}: the file is empty (no header row)",
                )
            )


class CsvReader(SourceReader):
    def __init__(
        self,
        path: Path,
        *,
        mapping: ColumnMapping | None,
        delimiter: str | None = None,
        source: str | None = None,
    ) -> None:
        super().__init__(source or str(path))
        self.path = path
        self.mapping = mapping
        self.delimiter = (mapping.delimiter if mapping else None) or delimiter

    def _read(self) -> Generator[Record, None, None]:
        encoding = self._encoding()
        lines = read_lines(self.path, encoding, self.source)
        first = next(lines, None)
        if first is None:
            TableRows(self.mapping, self.source, self).finish()
            return
        delimiter = self.delimiter or _sniff_delimiter(first)
        rows = csv.reader(itertools.chain([first], lines), delimiter=delimiter)
        table = TableRows(self.mapping, self.source, self)
        for line, cells in _numbered(rows, self.source):
            if isinstance(cells, RowError):
                if table.columns is None:
                    raise ReaderError(str(cells))
                yield cells
                continue
            record = table.feed(line, cells)
            if record is not None:
                yield record
        table.finish()

    def _encoding(self) -> str:
        wanted = self.mapping.encoding if self.mapping else None
        if not wanted:
            return detect_encoding(self.path, self.source)
        try:
            codecs.lookup(wanted)
        except LookupError as exc:
            raise ReaderError(
                say(
                    f"{self.source}: không biết bảng mã {wanted!r}; dùng utf-8, cp1258 hoặc utf-16",
                    f"{self.source}: unknown encoding {wanted!r}; use utf-8, cp1258 or utf-16",
                )
            ) from exc
        return wanted


def _numbered(rows: Any, source: str) -> Iterator[tuple[int, list[str] | RowError]]:
    """(first physical line, cells) per record; a record csv cannot parse becomes a RowError."""
    consumed = 0
    while True:
        start = consumed + 1
        try:
            cells: list[str] = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            consumed = rows.line_num
            yield (
                start,
                RowError(
                    source,
                    start,
                    say(
                        f"dòng CSV không đọc được ({exc}); kiểm tra dấu ngoặc kép và ô quá dài",
                        f"unreadable CSV record ({exc}); check quotes and oversized cells",
                    ),
                ),
            )
            continue
        consumed = rows.line_num
        yield start, cells


def _sniff_delimiter(header_line: str) -> str:
    # The header is the most regular line; Excel in some locales writes ";" instead of ",".
    counts = {d: header_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


class XlsxReader(SourceReader):
    def __init__(
        self,
        path: Path,
        *,
        mapping: ColumnMapping | None,
        settings: Settings,
        source: str | None = None,
    ) -> None:
        super().__init__(source or str(path))
        self.path = path
        self.mapping = mapping
        if not openpyxl.DEFUSEDXML:
            # Without defusedxml openpyxl would expand entities from untrusted workbooks.
            raise ReaderError(
                say(
                    f"{self.source}: không đọc Excel vì thiếu defusedxml (hoặc "
                    "OPENPYXL_DEFUSEDXML=False); cài defusedxml",
                    f"{self.source}: refusing Excel files without defusedxml active "
                    "(install defusedxml, unset OPENPYXL_DEFUSEDXML)",
                )
            )
        check_xlsx_archive(path, source=self.source, max_bytes=settings.max_upload_bytes)

    def _read(self) -> Generator[Record, None, None]:
        workbook = self._guard(
            lambda: openpyxl.load_workbook(
                self.path, read_only=True, data_only=True, keep_links=False
            )
        )
        try:
            sheet = self._sheet(workbook)
            sheet.reset_dimensions()  # stored dimensions can be wrong; read what is there
            table = TableRows(self.mapping, self.source, self)
            rows = self._guard(lambda: sheet.iter_rows(min_row=1, values_only=True))
            for number, cells in enumerate(_guarded(rows, self), start=1):
                record = table.feed(number, cells)
                if record is not None:
                    yield record
            table.finish()
        finally:
            workbook.close()

    def _sheet(self, workbook: Any) -> Any:
        wanted = self.mapping.sheet if self.mapping else None
        if not wanted:
            return workbook.worksheets[0]
        if wanted in workbook.sheetnames:
            return workbook[wanted]
        raise ReaderError(
            say(
                f"{self.source}: không có trang tính {wanted!r}; các trang có: "
                + ", ".join(workbook.sheetnames),
                f"{self.source}: no sheet {wanted!r}; sheets: " + ", ".join(workbook.sheetnames),
            )
        )

    def _guard(self, action: Any) -> Any:
        try:
            return action()
        except ReaderError:
            raise
        except Exception as exc:
            raise self.explain_failure(exc) from exc

    def explain_failure(self, exc: Exception) -> ReaderError:
        if _caused_by(exc, DefusedXmlException):
            why = say(
                "tệp chứa khai báo XML không an toàn (DTD/entity) nên bị từ chối",
                f"it contains unsafe XML declarations (DTD/entities) and is refused: {exc!r}",
            )
        elif isinstance(exc, ET.ParseError | zipfile.BadZipFile | KeyError):
            why = say("tệp Excel bị hỏng", f"the workbook is damaged: {exc!r}")
        else:
            why = say("không đọc được tệp Excel", f"cannot read the workbook: {exc!r}")
        return ReaderError(
            f"{self.source}: {why}. "
            + say("Mở bằng Excel và lưu lại dạng .xlsx", "open it in Excel and save as .xlsx")
        )


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    # openpyxl re-raises parser errors as ValueError; the defusedxml refusal is in the chain.
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            return False
        if isinstance(seen, kind):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _guarded(rows: Iterable[Any], reader: XlsxReader) -> Iterator[Sequence[Any]]:
    """Sheet XML is parsed while iterating, so parser failures surface here, not at open."""
    iterator = iter(rows)
    while True:
        try:
            cells = next(iterator)
        except StopIteration:
            return
        except ReaderError:
            raise
        except Exception as exc:
            raise reader.explain_failure(exc) from exc
        yield cells
