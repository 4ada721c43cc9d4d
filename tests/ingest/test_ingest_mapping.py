"""ColumnMapping from flags and YAML; header matching without case or tone marks."""

from __future__ import annotations

from pathlib import Path

import pytest

from opiniondesk.ingest.errors import ReaderError
from opiniondesk.ingest.mapping import ColumnMapping, fold, resolve_columns


def test_fold_drops_case_marks_and_punctuation() -> None:
    assert fold("Nội dung") == "noi_dung"
    assert fold("ĐỊA BÀN") == "dia_ban"
    assert fold(" Thời-gian ") == "thoi_gian"


def test_vietnamese_and_english_headers_are_recognised() -> None:
    columns = resolve_columns(
        ["STT", "Tiêu đề", "NỘI DUNG", "Ngày", "Địa điểm", "Tác giả", "Mã"], None, source="f"
    )
    assert columns.fields == {
        "text": "NỘI DUNG",
        "title": "Tiêu đề",
        "published_at": "Ngày",
        "location": "Địa điểm",
        "author": "Tác giả",
        "external_id": "Mã",
    }
    english = resolve_columns(["message", "created_time", "place", "id"], None, source="f")
    assert english.fields["text"] == "message"
    assert english.fields["published_at"] == "created_time"


def test_explicit_mapping_wins_and_is_matched_loosely() -> None:
    mapping = ColumnMapping.from_flags(["text=y kien cu tri", "published_at=ngay nhan"])
    columns = resolve_columns(["Nội dung", "Ý kiến cử tri", "Ngày nhận"], mapping, source="f")
    assert columns.fields["text"] == "Ý kiến cử tri"
    assert columns.fields["published_at"] == "Ngày nhận"


def test_no_text_column_lists_columns_and_the_flag_to_use() -> None:
    with pytest.raises(ReaderError) as caught:
        resolve_columns(["cot_a", "cot_b"], None, source="x.csv")
    message = caught.value.message
    assert "x.csv" in message and "'cot_a'" in message and "--map text=cot_a" in message


def test_mapped_column_missing_is_named() -> None:
    with pytest.raises(ReaderError, match="'khong_co'"):
        resolve_columns(["text"], ColumnMapping(author="khong_co"), source="f")


def test_flags_options_and_errors() -> None:
    mapping = ColumnMapping.from_flags(
        ["text=noi_dung", "delimiter=tab", "extra=kenh,muc_do", "timezone=UTC", "sheet=Tháng 5"]
    )
    assert mapping.delimiter == "\t"
    assert mapping.extra == ("kenh", "muc_do")
    assert mapping.sheet == "Tháng 5"
    with pytest.raises(ReaderError, match="'txt'"):
        ColumnMapping.from_flags(["txt=noi_dung"])
    with pytest.raises(ReaderError, match="field=column"):
        ColumnMapping.from_flags(["noi_dung"])
    with pytest.raises(ReaderError, match="Mars/X"):
        ColumnMapping.from_flags(["timezone=Mars/X"])


def test_yaml(tmp_path: Path) -> None:
    good = tmp_path / "map.yaml"
    good.write_text(
        "text: noi_dung\npublished_at: ngay\ndate_format: '%d/%m/%Y'\nextra: [kenh]\n",
        encoding="utf-8",
    )
    mapping = ColumnMapping.from_yaml(good)
    assert mapping.text == "noi_dung" and mapping.date_format == "%d/%m/%Y"
    assert mapping.extra == ("kenh",)

    bad = tmp_path / "bad.yaml"
    bad.write_text("text: noi_dung\ncolour: red\n", encoding="utf-8")
    with pytest.raises(ReaderError, match="'colour'") as caught:
        ColumnMapping.from_yaml(bad)
    assert str(bad) in caught.value.message

    broken = tmp_path / "broken.yaml"
    broken.write_text("text: [unclosed\n", encoding="utf-8")
    with pytest.raises(ReaderError, match="YAML"):
        ColumnMapping.from_yaml(broken)
