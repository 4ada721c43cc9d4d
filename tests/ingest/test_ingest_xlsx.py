"""Excel: row numbers as Excel shows them, typed cells, and refusal of bombs and XML attacks."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from opiniondesk.config import Settings
from opiniondesk.ingest import zipcheck
from opiniondesk.ingest.errors import ReaderError
from opiniondesk.ingest.mapping import ColumnMapping
from opiniondesk.ingest.raw import RawItem, RowError
from opiniondesk.ingest.readers import open_source

SETTINGS = Settings(_env_file=None)


def make_workbook(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Tổng hợp"
    sheet.append(["STT", "Mã", "Nội dung phản ánh", "Thời gian", "Địa bàn"])
    sheet.append([1, 1001, "Nước sinh hoạt bị đục", datetime(2024, 5, 1, 7, 0), "Phường An Hòa"])
    sheet.append([2, 1002, None, datetime(2024, 5, 2), "Xã Phú Mỹ"])
    sheet.append([])
    sheet.append([3, 1003, "Ngày ghi bằng chữ", "02/05/2024 09:15", None])
    sheet.append([4, 1004, "Ngày hỏng", "không rõ", None])
    other = workbook.create_sheet("Khác")
    other.append(["noi_dung"])
    other.append(["trang thứ hai"])
    workbook.save(path)
    return path


def test_rows_keep_excel_numbers_and_types(tmp_path: Path) -> None:
    reader = open_source(make_workbook(tmp_path / "book.xlsx"), settings=SETTINGS)
    records = list(reader)
    items = [r for r in records if isinstance(r, RawItem)]
    errors = [r for r in records if isinstance(r, RowError)]
    assert [(i.line, i.external_id) for i in items] == [(2, "1001"), (5, "1003")]
    assert items[0].text == "Nước sinh hoạt bị đục"
    assert items[0].published_at == datetime.fromisoformat("2024-05-01T00:00:00+00:00")
    assert items[1].published_at == datetime.fromisoformat("2024-05-02T02:15:00+00:00")
    assert [e.line for e in errors] == [3, 6]
    assert "không rõ" in errors[1].reason
    assert reader.stats.skipped == 1  # the blank row 4


def test_sheet_by_name(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "book.xlsx")
    (item,) = open_source(path, mapping=ColumnMapping(sheet="Khác"), settings=SETTINGS)
    assert isinstance(item, RawItem) and item.text == "trang thứ hai"
    with pytest.raises(ReaderError, match="Tổng hợp"):
        list(open_source(path, mapping=ColumnMapping(sheet="Không có"), settings=SETTINGS))


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_text("noi_dung\nabc\n", encoding="utf-8")
    with pytest.raises(ReaderError, match="xlsx"):
        open_source(path, settings=SETTINGS)


def test_compression_bomb_entry_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (20 * 1024 * 1024))
    with pytest.raises(ReaderError, match="compression ratio"):
        open_source(path, settings=SETTINGS)


def test_too_many_entries_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "many.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for n in range(zipcheck.MAX_ENTRIES + 1):
            archive.writestr(f"x/{n}", b"")
    with pytest.raises(ReaderError, match="entries"):
        open_source(path, settings=SETTINGS)


def test_total_expansion_limit() -> None:
    def entry(name: str, size: int, packed: int) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name)
        info.file_size, info.compress_size = size, packed
        return info

    class FakePath:
        def stat(self) -> object:
            return type("S", (), {"st_size": 10_000})()

    entries = [entry(f"p{n}", 600_000, 4_000) for n in range(4)]  # 150:1 each, 2.4 MB total
    assert zipcheck._refusal(FakePath(), entries, 1_000_000) is not None  # type: ignore[arg-type]
    assert zipcheck._refusal(FakePath(), entries, 5_000_000) is None  # type: ignore[arg-type]


def rewrite_part(source: Path, target: Path, part: str, content: str) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = content.encode() if info.filename == part else old.read(info)
            new.writestr(info, data)
    return target


XXE_SHEET = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>noi_dung</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>&xxe;</t></is></c></row>
</sheetData></worksheet>"""

LAUGHS = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE worksheet [
 <!ENTITY a "lollollollollollollollollollol">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>noi_dung</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>&g;</t></is></c></row>
</sheetData></worksheet>"""


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/workbook.xml"])
def test_xxe_is_refused(tmp_path: Path, part: str) -> None:
    good = make_workbook(tmp_path / "good.xlsx")
    path = rewrite_part(good, tmp_path / "xxe.xlsx", part, XXE_SHEET)
    records: list[object] = []
    with pytest.raises(ReaderError, match="DTD/entit") as caught:
        records.extend(open_source(path, settings=SETTINGS))
    passwd = Path("/etc/passwd").read_text(encoding="utf-8", errors="replace")[:20]
    assert passwd not in caught.value.message
    assert all(passwd not in repr(r) for r in records)


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    good = make_workbook(tmp_path / "good.xlsx")
    path = rewrite_part(good, tmp_path / "laughs.xlsx", "xl/worksheets/sheet1.xml", LAUGHS)
    with pytest.raises(ReaderError, match="DTD/entit"):
        list(open_source(path, settings=SETTINGS))


def test_refuses_when_defusedxml_is_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_workbook(tmp_path / "book.xlsx")
    monkeypatch.setattr(openpyxl, "DEFUSEDXML", False)
    with pytest.raises(ReaderError, match="defusedxml"):
        open_source(path, settings=SETTINGS)
