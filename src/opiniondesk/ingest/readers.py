"""The one door into ingest: name a file or feed URL, get a lazy stream of RawItem | RowError.

    reader = open_source("phan_anh.xlsx", settings=settings)
    for record in reader: ...            # RawItem for good records, RowError for bad ones
    reader.stats                          # items, errors, skipped (blank rows, photo posts)

Cheap whole-source checks (missing file, unknown format, unsafe workbook) raise ReaderError
here; problems found while reading raise it from the iteration, after the good records so far.
"""

from __future__ import annotations

import json
from pathlib import Path

from opiniondesk.config import Settings
from opiniondesk.ingest.base import SourceReader
from opiniondesk.ingest.csv_xlsx import CsvReader, XlsxReader
from opiniondesk.ingest.errors import ReaderError, say
from opiniondesk.ingest.jsonl import JsonlReader
from opiniondesk.ingest.mapping import ColumnMapping
from opiniondesk.ingest.page_export import PageExportReader
from opiniondesk.ingest.rss import FeedReader
from opiniondesk.ingest.textfile import MAX_LINE_BYTES

__all__ = ["FORMATS", "ColumnMapping", "ReaderError", "SourceReader", "open_source"]

FORMATS = ("csv", "tsv", "xlsx", "jsonl", "json", "feed")
_FORMAT_ALIASES = {
    "ndjson": "jsonl",
    "page_export": "json",
    "rss": "feed",
    "atom": "feed",
    "xml": "feed",
    "xlsm": "xlsx",
}
_EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
_PROBE_BYTES = 1 << 20
_SAVE_AS = {".xls": ".xlsx", ".ods": ".xlsx", ".numbers": ".xlsx", ".txt": ".csv"}


def open_source(
    source: str | Path,
    *,
    fmt: str | None = None,
    mapping: ColumnMapping | None = None,
    settings: Settings,
) -> SourceReader:
    """A lazy reader for a file (csv, tsv, xlsx, jsonl, json page export, rss/atom) or feed URL."""
    if isinstance(source, str) and source.strip().lower().startswith(("http://", "https://")):
        if fmt is not None and _canonical(fmt) != "feed":
            raise ReaderError(
                say(
                    f"{source}: chỉ đọc được nguồn RSS/Atom qua địa chỉ web",
                    f"{source}: only RSS/Atom feeds can be read from a URL; download other files",
                )
            )
        return FeedReader(source.strip(), settings=settings)
    path = Path(source)
    if not path.is_file():
        raise ReaderError(
            say(
                f"{path}: không tìm thấy tệp (hoặc không phải tệp thường); kiểm tra đường dẫn",
                f"{path}: file not found (or not a regular file); check the path",
            )
        )
    kind = _canonical(fmt) if fmt else _detect(path)
    if kind in ("csv", "tsv"):
        return CsvReader(path, mapping=mapping, delimiter="\t" if kind == "tsv" else None)
    if kind == "xlsx":
        return XlsxReader(path, mapping=mapping, settings=settings)
    if kind == "feed":
        return FeedReader(path, settings=settings)
    if kind == "jsonl":
        first = _first_json_line(path, MAX_LINE_BYTES)
        if _is_result_page(first):
            return PageExportReader(path, lines=True)
        return JsonlReader(path, mapping=mapping)
    # A ".json" that is really one compact object per line is JSON Lines by another name. Only
    # a short first line is tried: a big one-line export must be streamed, not parsed here.
    first = _first_json_line(path, _PROBE_BYTES)
    if first is not None and _has_second_line(path):
        if _is_result_page(first):
            return PageExportReader(path, lines=True)
        return JsonlReader(path, mapping=mapping)
    return PageExportReader(path)


def _canonical(fmt: str) -> str:
    name = fmt.strip().lower().lstrip(".")
    name = _FORMAT_ALIASES.get(name, name)
    if name not in FORMATS:
        raise ReaderError(
            say(
                f"định dạng {fmt!r} không được hỗ trợ; dùng một trong: " + ", ".join(FORMATS),
                f"format {fmt!r} is not supported; use one of: " + ", ".join(FORMATS),
            )
        )
    return name


def _detect(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    with path.open("rb") as fh:
        head = fh.read(512)
    sniffed = _sniff(head)
    if sniffed:
        return sniffed
    hint = _SAVE_AS.get(suffix)
    vi_hint = f"; hãy lưu lại dạng {hint}" if hint else ""
    en_hint = f"; save it as {hint}" if hint else ""
    raise ReaderError(
        say(
            f"{path}: không nhận ra định dạng tệp{vi_hint} (hỗ trợ: csv, tsv, xlsx, jsonl, json, "
            "rss/atom), hoặc chỉ rõ bằng --format",
            f"{path}: unrecognised file format{en_hint} (supported: csv, tsv, xlsx, jsonl, json, "
            "rss/atom), or name it with --format",
        )
    )


def _sniff(head: bytes) -> str | None:
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if text.startswith(b"<"):
        return "feed"
    if text.startswith(b"["):
        return "json"
    if text.startswith(b"{"):
        return "jsonl" if b"\n{" in text else "json"
    return None


def _first_json_line(path: Path, limit: int) -> object | None:
    """The first non-empty line parsed as JSON, or None if it is not complete JSON on its own."""
    with path.open("rb") as fh:
        for raw in iter(lambda: fh.readline(limit + 1), b""):
            if len(raw) > limit:
                return None
            if raw.strip():
                try:
                    value: object = json.loads(raw.decode("utf-8-sig"))
                    return value
                except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
                    return None
    return None


def _has_second_line(path: Path) -> bool:
    with path.open("rb") as fh:
        seen = 0
        for raw in iter(lambda: fh.readline(MAX_LINE_BYTES), b""):
            if raw.strip():
                seen += 1
                if seen == 2:
                    return True
    return False


def _is_result_page(value: object) -> bool:
    return isinstance(value, dict) and isinstance(value.get("data"), list)
