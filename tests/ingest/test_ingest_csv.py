"""CSV/TSV: encodings, BOM, line numbers as the editor shows them, bad rows, streaming."""

from __future__ import annotations

import time
import tracemalloc
import unicodedata
from pathlib import Path

import pytest

from opiniondesk.config import Settings
from opiniondesk.ingest.errors import ReaderError
from opiniondesk.ingest.mapping import ColumnMapping
from opiniondesk.ingest.raw import RawItem, RowError
from opiniondesk.ingest.readers import open_source

DATA = Path(__file__).parent.parent / "data" / "ingest"
SETTINGS = Settings(_env_file=None)


def read(path: Path, **kwargs: object) -> list[RawItem | RowError]:
    return list(open_source(path, settings=SETTINGS, **kwargs))  # type: ignore[arg-type]


def test_vietnamese_headers_bom_multiline_and_bad_rows() -> None:
    reader = open_source(DATA / "phan_anh.csv", settings=SETTINGS)
    records = list(reader)
    items = [r for r in records if isinstance(r, RawItem)]
    errors = [r for r in records if isinstance(r, RowError)]
    assert [i.external_id for i in items] == ["PA-001", "PA-002", "PA-005"]
    assert [i.line for i in items] == [2, 3, 9]  # PA-002 spans lines 3-5
    first = items[0]
    assert first.text == "Đường liên xã bị sạt lở sau mưa lớn"
    assert first.location == "Xã Tân Lập" and first.author == "Nguyễn Văn A"
    assert first.published_at is not None and first.published_at.isoformat() == (
        "2024-05-01T01:30:00+00:00"
    )
    assert items[1].text.count("\n") == 2
    assert [(e.line, "trống" in e.reason) for e in errors] == [(6, True), (7, False)]
    assert "32/13/2024" in errors[1].reason and "Ngày gửi" in errors[1].reason
    assert str(errors[0]).startswith(f"{DATA / 'phan_anh.csv'}:6: ")
    assert reader.stats.items == 3 and reader.stats.errors == 2 and reader.stats.skipped == 1


def test_extra_columns_and_explicit_mapping() -> None:
    mapping = ColumnMapping.from_flags(["text=Nội dung", "extra=Kênh"])
    items = [r for r in read(DATA / "phan_anh.csv", mapping=mapping) if isinstance(r, RawItem)]
    assert items[0].extra == {"Kênh": "zalo"}


def test_tsv_by_extension() -> None:
    records = read(DATA / "records.tsv")
    assert [(r.text, r.line, r.location) for r in records if isinstance(r, RawItem)] == [
        ("hoc phi tang cao", 2, "Ha Noi"),
        ("cho ngap nuoc", 3, "Hue"),
    ]


def test_semicolon_delimiter_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "semi.csv"
    path.write_text("noi_dung;ngay\nmột, hai, ba;01/05/2024\n", encoding="utf-8")
    (item,) = read(path)
    assert isinstance(item, RawItem) and item.text == "một, hai, ba"


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def encode_like_windows(text: str, encoding: str) -> bytes:
    """cp1258 stores tone marks as combining characters after a precomposed base letter."""
    if encoding != "cp1258":
        return text.encode(encoding)
    out = bytearray()
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        tones = "".join(c for c in parts if c in _TONES)
        out += (base + tones).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1258"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"{encoding}.csv"
    text = "Nội dung,Địa bàn\nĐường sá hư hỏng nặng,Huế\n"
    path.write_bytes(encode_like_windows(text, encoding))
    (item,) = read(path)
    assert isinstance(item, RawItem)
    assert item.text == "Đường sá hư hỏng nặng" and item.location == "Huế"


def test_undetectable_encoding_asks_for_utf8(tmp_path: Path) -> None:
    path = tmp_path / "tcvn.csv"
    path.write_bytes(b"noi_dung\n\x81\x8d\x8f\x90\x9d\xb8\xb9\xb5\n")
    with pytest.raises(ReaderError, match="UTF-8"):
        read(path)


def test_invalid_utf8_later_in_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    rows = "".join(f"dòng {n}\n" for n in range(2, 30_000))
    path.write_bytes(("noi_dung\n" + rows).encode() + b"bad \xff\xfe byte\n")
    records: list[object] = []
    with pytest.raises(ReaderError, match=r"mixed\.csv:30000"):
        records.extend(open_source(path, settings=SETTINGS))
    assert len(records) == 29_998  # the good part was delivered first


def test_no_text_column_is_a_reader_error(tmp_path: Path) -> None:
    path = tmp_path / "cols.csv"
    path.write_text("ho_ten,so_dien_thoai\nA,0901\n", encoding="utf-8")
    with pytest.raises(ReaderError, match="--map text=ho_ten"):
        read(path)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with pytest.raises(ReaderError, match="empty"):
        read(path)


def test_oversized_text_is_a_row_error(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text(
        "noi_dung\n" + "x" * 110_000 + "\n" + "y" * 200_000 + "\nok\n", encoding="utf-8"
    )
    records = read(path)
    assert [type(r).__name__ for r in records] == ["RowError", "RowError", "RawItem"]
    assert "100,000" in records[0].reason  # type: ignore[union-attr]
    assert [r.line for r in records] == [2, 3, 4]


def test_streams_100k_rows(tmp_path: Path) -> None:
    path = tmp_path / "large.csv"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("id,noi_dung,ngay\n")
        for n in range(100_000):
            fh.write(f"{n},Ý kiến số {n} về đường sá,01/05/2024\n")
    started = time.perf_counter()
    count = 0
    last_line = 0
    for record in open_source(path, settings=SETTINGS):
        assert isinstance(record, RawItem)
        count += 1
        last_line = record.line
    assert count == 100_000 and last_line == 100_001
    assert time.perf_counter() - started < 30


def test_memory_stays_flat_while_streaming(tmp_path: Path) -> None:
    path = tmp_path / "flat.csv"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("noi_dung\n")
        for n in range(20_000):
            fh.write(f"Phản ánh số {n}: {'chữ ' * 20}\n")
    tracemalloc.start()
    try:
        for _ in open_source(path, settings=SETTINGS):
            pass
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < path.stat().st_size / 4
