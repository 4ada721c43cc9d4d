"""open_source: format detection by extension and content, and whole-source errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from opiniondesk.config import Settings
from opiniondesk.ingest.csv_xlsx import CsvReader, XlsxReader
from opiniondesk.ingest.errors import ReaderError
from opiniondesk.ingest.jsonl import JsonlReader
from opiniondesk.ingest.page_export import PageExportReader
from opiniondesk.ingest.raw import RawItem
from opiniondesk.ingest.readers import open_source
from opiniondesk.ingest.rss import FeedReader

DATA = Path(__file__).parent.parent / "data" / "ingest"
SETTINGS = Settings(_env_file=None)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("phan_anh.csv", CsvReader),
        ("records.tsv", CsvReader),
        ("posts.jsonl", JsonlReader),
        ("page_export.json", PageExportReader),
        ("feed.rss", FeedReader),
        ("feed.atom", FeedReader),
    ],
)
def test_detects_by_extension(name: str, kind: type) -> None:
    assert isinstance(open_source(DATA / name, settings=SETTINGS), kind)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("page_export.json", PageExportReader),
        ("feed.rss", FeedReader),
        ("posts.jsonl", JsonlReader),
    ],
)
def test_detects_by_content(tmp_path: Path, name: str, kind: type) -> None:
    target = tmp_path / "upload.bin"
    shutil.copy(DATA / name, target)
    assert isinstance(open_source(target, settings=SETTINGS), kind)


def test_explicit_format_overrides_extension(tmp_path: Path) -> None:
    target = tmp_path / "data.txt"
    target.write_text("noi_dung\nabc\n", encoding="utf-8")
    reader = open_source(target, fmt="csv", settings=SETTINGS)
    assert isinstance(reader, CsvReader)
    (item,) = reader
    assert isinstance(item, RawItem) and item.text == "abc"


def test_zip_content_means_xlsx(tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["noi_dung"])
    workbook.save(tmp_path / "export")
    assert isinstance(open_source(tmp_path / "export", settings=SETTINGS), XlsxReader)


def test_page_lines_and_compact_json_lines(tmp_path: Path) -> None:
    pages = tmp_path / "pages.jsonl"
    pages.write_text(json.dumps({"data": [{"id": "1", "message": "a"}]}) + "\n", "utf-8")
    assert isinstance(open_source(pages, settings=SETTINGS), PageExportReader)
    compact = tmp_path / "records.json"
    compact.write_text('{"text": "a"}\n{"text": "b"}\n', encoding="utf-8")
    assert isinstance(open_source(compact, settings=SETTINGS), JsonlReader)


def test_missing_file() -> None:
    with pytest.raises(ReaderError, match="not found"):
        open_source("/nonexistent/khong_co.csv", settings=SETTINGS)


def test_unsupported(tmp_path: Path) -> None:
    legacy = tmp_path / "old.xls"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(ReaderError, match=r"\.xlsx"):
        open_source(legacy, settings=SETTINGS)
    with pytest.raises(ReaderError, match="'pdf'"):
        open_source(DATA / "phan_anh.csv", fmt="pdf", settings=SETTINGS)


def test_url_only_for_feeds() -> None:
    assert isinstance(open_source("https://example.org/rss", settings=SETTINGS), FeedReader)
    with pytest.raises(ReaderError, match="RSS/Atom"):
        open_source("https://example.org/data.csv", fmt="csv", settings=SETTINGS)


def test_reader_is_lazy_and_closable(tmp_path: Path) -> None:
    target = tmp_path / "later.csv"
    reader = open_source(DATA / "phan_anh.csv", settings=SETTINGS)
    assert next(reader).line == 2
    reader.close()
    with pytest.raises(StopIteration):
        next(reader)
    target.write_text("noi_dung\n", encoding="utf-8")
    lazy = open_source(target, settings=SETTINGS)
    target.unlink()  # nothing was opened yet
    with pytest.raises(ReaderError, match="cannot read the file"):
        next(lazy)
