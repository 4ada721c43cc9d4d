"""One table record (CSV row, Excel row, JSON object) -> a RawItem, or a RowError saying why not.

Shared by every tabular reader so that the same row gets the same verdict in every format.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time

from opiniondesk.ingest.dates import DateError, parse_datetime
from opiniondesk.ingest.errors import say
from opiniondesk.ingest.mapping import ColumnMapping, Columns
from opiniondesk.ingest.raw import RawItem, RowError

# One opinion is a message, not a book; bigger cells are almost always a paste accident.
MAX_TEXT_BYTES = 100_000


def cell_text(value: object) -> str | None:
    """A cell as stripped text, or None when empty. Integral floats lose their ".0" (ids)."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date | time):
        value = value.isoformat()
    if isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text or None


def is_blank(values: Mapping[str, object]) -> bool:
    """True for rows with nothing in them (Excel's empty rows, stray blank CSV records)."""
    return not any(v if isinstance(v, dict | list) else cell_text(v) for v in values.values())


def build_item(
    record: Mapping[str, object],
    columns: Columns,
    mapping: ColumnMapping | None,
    *,
    source: str,
    line: int,
) -> RawItem | RowError:
    """Check one record and turn it into a RawItem; every problem becomes a RowError."""
    mapping = mapping or ColumnMapping()
    col = columns.fields

    def get(name: str) -> object:
        return record.get(col[name]) if name in col else None

    raw_text = get("text")
    if isinstance(raw_text, dict | list):
        return RowError(
            source,
            line,
            say(
                f"cột {col['text']!r} phải là chữ, không phải đối tượng/danh sách",
                f"column {col['text']!r} must be text, not an object or list",
            ),
        )
    text = cell_text(raw_text)
    if text is None:
        return RowError(
            source,
            line,
            say(
                f"nội dung trống (cột {col['text']!r}); điền nội dung hoặc xóa dòng này",
                f"empty text (column {col['text']!r}); fill it in or delete the row",
            ),
        )
    size = len(text.encode("utf-8"))
    if size > MAX_TEXT_BYTES:
        return RowError(
            source,
            line,
            say(
                f"nội dung dài {size:,} byte, vượt giới hạn {MAX_TEXT_BYTES:,} byte; "
                "tách thành nhiều dòng hoặc rút gọn",
                f"text is {size:,} bytes, over the {MAX_TEXT_BYTES:,}-byte limit; "
                "split or shorten it",
            ),
        )
    published_at = None
    raw_date = get("published_at")
    if cell_text(raw_date) is not None:
        try:
            published_at = parse_datetime(raw_date, fmt=mapping.date_format, tz=mapping.timezone)
        except DateError as exc:
            return RowError(source, line, f"cột/column {col['published_at']!r}: {exc.message}")
    extra = {name: value for name in columns.extra if (value := cell_text(record.get(name)))}
    return RawItem(
        text=text,
        source=source,
        line=line,
        title=cell_text(get("title")),
        url=cell_text(get("url")),
        published_at=published_at,
        external_id=cell_text(get("external_id")),
        author=cell_text(get("author")),
        location=cell_text(get("location")),
        extra=extra,
    )
