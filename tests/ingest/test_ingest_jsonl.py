"""JSON Lines: same mapping as tables, bad lines reported with their number."""

from __future__ import annotations

from pathlib import Path

import pytest

from opiniondesk.config import Settings
from opiniondesk.ingest.errors import ReaderError
from opiniondesk.ingest.mapping import ColumnMapping
from opiniondesk.ingest.raw import RawItem, RowError
from opiniondesk.ingest.readers import open_source

DATA = Path(__file__).parent.parent / "data" / "ingest"
SETTINGS = Settings(_env_file=None)


def test_good_and_bad_lines() -> None:
    records = list(open_source(DATA / "posts.jsonl", settings=SETTINGS))
    assert [(type(r).__name__, r.line) for r in records] == [
        ("RawItem", 1),
        ("RowError", 2),  # broken JSON
        ("RowError", 3),  # a list, not an object
        ("RowError", 5),  # empty text (line 4 is blank)
        ("RawItem", 6),
    ]
    first, last = records[0], records[-1]
    assert isinstance(first, RawItem) and isinstance(last, RawItem)
    assert first.location == "Đà Nẵng" and first.external_id == "j1"
    assert last.external_id == "4" and last.url == "https://example.org/4"
    assert last.published_at is not None and last.published_at.hour == 7  # 14:00 Vietnam
    assert "JSON" in records[1].reason  # type: ignore[union-attr]
    assert "list" in records[2].reason  # type: ignore[union-attr]


def test_mapping_applies(tmp_path: Path) -> None:
    path = tmp_path / "m.ndjson"
    path.write_text('{"y_kien_cu_tri": "Đề nghị sửa cầu", "xa": "Tân Lập"}\n', encoding="utf-8")
    mapping = ColumnMapping.from_flags(["text=y_kien_cu_tri", "location=xa"])
    (item,) = open_source(path, mapping=mapping, settings=SETTINGS)
    assert isinstance(item, RawItem) and item.location == "Tân Lập"


def test_first_object_without_text_is_a_reader_error(tmp_path: Path) -> None:
    path = tmp_path / "no_text.jsonl"
    path.write_text('{"ten": "x"}\n', encoding="utf-8")
    with pytest.raises(ReaderError, match="--map text=ten"):
        list(open_source(path, settings=SETTINGS))


def test_later_object_without_text_is_a_row_error(tmp_path: Path) -> None:
    path = tmp_path / "later.jsonl"
    path.write_text('{"text": "a"}\n{"ten": "x"}\n{"text": {"nested": 1}}\n', encoding="utf-8")
    records = list(open_source(path, settings=SETTINGS))
    assert [type(r).__name__ for r in records] == ["RawItem", "RowError", "RowError"]
    assert isinstance(records[1], RowError) and "'ten'" in records[1].reason
