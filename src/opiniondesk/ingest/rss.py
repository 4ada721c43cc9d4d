"""RSS and Atom feeds, from a file or a URL, one RawItem per entry.

feedparser only ever gets bytes (given a string it would fetch it as a URL itself, past our
checks). It does not resolve external entities: it strips DOCTYPE declarations and keeps only
plain-text internal entities, and its SAX parser has external general entities switched off.
RawItem.line / RowError.line is the entry's position in the feed (1 = first entry).
"""

from __future__ import annotations

import calendar
from collections.abc import Generator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import feedparser

from opiniondesk.config import Settings
from opiniondesk.ingest.base import Record, SourceReader
from opiniondesk.ingest.dates import DateError, parse_datetime
from opiniondesk.ingest.errors import ReaderError, say
from opiniondesk.ingest.fetch import fetch_url
from opiniondesk.ingest.html_text import html_to_text
from opiniondesk.ingest.raw import RawItem, RowError
from opiniondesk.ingest.rows import MAX_TEXT_BYTES


class FeedReader(SourceReader):
    def __init__(self, location: str | Path, *, settings: Settings) -> None:
        super().__init__(str(location))
        self.location = location
        self.settings = settings

    def _read(self) -> Generator[Record, None, None]:
        feed = feedparser.parse(self._bytes())
        entries = feed.get("entries") or []
        if feed.get("bozo") and not entries:
            problem = feed.get("bozo_exception")
            raise ReaderError(
                say(
                    f"{self.source}: không phải nguồn RSS/Atom đọc được ({problem})",
                    f"{self.source}: not a readable RSS/Atom feed ({problem}); "
                    "check the address or the file",
                )
            )
        for number, entry in enumerate(entries, start=1):
            yield self._item(entry, number)

    def _bytes(self) -> bytes:
        if isinstance(self.location, str) and self.location.lower().startswith(
            ("http://", "https://")
        ):
            return fetch_url(self.location, settings=self.settings).content
        path = Path(self.location)
        limit = self.settings.max_upload_bytes
        try:
            with path.open("rb") as fh:
                data = fh.read(limit + 1)
        except OSError as exc:
            raise ReaderError(
                say(f"{self.source}: không đọc được tệp ({exc})", f"{self.source}: cannot read")
            ) from exc
        if len(data) > limit:
            raise ReaderError(
                say(
                    f"{self.source}: tệp nguồn tin lớn hơn {limit:,} byte",
                    f"{self.source}: feed file is larger than {limit:,} bytes",
                )
            )
        return data

    def _item(self, entry: Any, number: int) -> Record:
        title = _plain(entry.get("title"))
        body = _body(entry)
        text = body or title
        if not text:
            return RowError(
                self.source,
                number,
                say("mục tin không có tiêu đề lẫn nội dung", "entry has neither title nor text"),
            )
        if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
            return RowError(
                self.source,
                number,
                say(
                    f"nội dung mục tin vượt {MAX_TEXT_BYTES:,} byte",
                    f"entry text is over {MAX_TEXT_BYTES:,} bytes",
                ),
            )
        link = entry.get("link") or None
        return RawItem(
            text=text,
            source=self.source,
            line=number,
            title=title if body else None,
            url=link,
            published_at=_published(entry),
            external_id=entry.get("id") or link,
        )


def _plain(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return html_to_text(value) or None


def _body(entry: Any) -> str | None:
    # Full content beats the summary when a feed gives both.
    for part in entry.get("content") or []:
        text = _plain(part.get("value"))
        if text:
            return text
    return _plain(entry.get("summary"))


def _published(entry: Any) -> datetime | None:
    for key in ("published", "updated", "created"):
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            # feedparser normalises to UTC struct_time.
            return datetime.fromtimestamp(calendar.timegm(parsed), UTC)
        raw = entry.get(key)
        if raw:
            try:
                return parse_datetime(raw, tz="UTC")
            except DateError:
                continue
    return None
