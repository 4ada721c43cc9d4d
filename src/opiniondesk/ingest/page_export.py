"""The office's own public page, exported in the JSON shape the Facebook Graph API returns.

Accepted: one result page `{"data": [post…], "paging": …}`, a list of such pages (or of bare
posts), or JSON Lines with one result page per line. Every post, comment and reply with a
`message` becomes a RawItem; photo-only entries are skipped and counted in `stats.skipped`.

A single JSON file is streamed post by post (see jsonstream): memory holds one post with its
comments at a time, capped at MAX_VALUE_CHARS. A list of pages holds one page at a time.
RowError.line is the line where the enclosing post (or JSON Lines line) starts, and the
reason begins with the JSON path of the bad entry, e.g. `data[3].comments.data[1]`.
Comment `paging.next` links are not followed: an export is read as given, offline.
"""

from __future__ import annotations

import json
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

from opiniondesk.ingest.base import Record, SourceReader
from opiniondesk.ingest.dates import DateError, parse_datetime
from opiniondesk.ingest.errors import ReaderError, say
from opiniondesk.ingest.jsonstream import JsonStream
from opiniondesk.ingest.raw import RawItem, RowError
from opiniondesk.ingest.rows import MAX_TEXT_BYTES, cell_text
from opiniondesk.ingest.textfile import read_lines

MAX_DEPTH = 16  # Graph nests replies two deep; far deeper is a crafted file, not an export


class PageExportReader(SourceReader):
    def __init__(self, path: Path, *, lines: bool = False, source: str | None = None) -> None:
        super().__init__(source or str(path))
        self.path = path
        self.lines = lines

    @property
    def skipped_without_message(self) -> int:
        return self.stats.skipped

    def _read(self) -> Generator[Record, None, None]:
        if self.lines:
            yield from self._read_lines()
            return
        try:
            with self.path.open("r", encoding="utf-8-sig") as fh:
                yield from self._read_document(JsonStream(fh, self.source))
        except UnicodeDecodeError as exc:
            raise ReaderError(
                say(
                    f"{self.source}: tệp JSON phải là UTF-8",
                    f"{self.source}: JSON files must be UTF-8; re-export the page data",
                )
            ) from exc

    def _read_lines(self) -> Iterator[Record]:
        for number, line in enumerate(read_lines(self.path, "utf-8-sig", self.source), start=1):
            if not line.strip():
                continue
            try:
                page = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as exc:
                yield RowError(
                    self.source,
                    number,
                    say(f"dòng không phải JSON hợp lệ: {exc}", f"not valid JSON: {exc}"),
                )
                continue
            yield from self._page_value(page, "", number)

    def _read_document(self, stream: JsonStream) -> Iterator[Record]:
        first = stream.peek()
        if first == "{":
            yield from self._page_stream(stream)
        elif first == "[":
            for index in stream.elements():
                page, line = stream.value()
                yield from self._page_value(page, f"[{index}]", line)
        else:
            raise ReaderError(_not_export(self.source))

    def _page_stream(self, stream: JsonStream) -> Iterator[Record]:
        found = False
        for key in stream.members():
            if key == "data" and stream.peek() == "[":
                found = True
                for index in stream.elements():
                    post, line = stream.value()
                    yield from self._entry(post, f"data[{index}]", line, None, 0)
            else:
                stream.value()  # "paging" and anything else: small, not needed
        if not found:
            raise ReaderError(_not_export(self.source))

    def _page_value(self, page: Any, prefix: str, line: int) -> Iterator[Record]:
        if isinstance(page, dict) and isinstance(page.get("data"), list):
            dot = "." if prefix else ""
            for index, post in enumerate(page["data"]):
                yield from self._entry(post, f"{prefix}{dot}data[{index}]", line, None, 0)
        elif isinstance(page, dict) and ("id" in page or "message" in page):
            yield from self._entry(page, prefix or "$", line, None, 0)
        else:
            yield RowError(
                self.source,
                line,
                f"{prefix or '$'}: "
                + say(
                    'không phải trang kết quả {"data": [...]} hay bài viết',
                    'not a result page {"data": [...]} nor a post',
                ),
            )

    def _entry(
        self, entry: Any, path: str, line: int, parent: str | None, depth: int
    ) -> Iterator[Record]:
        if not isinstance(entry, dict):
            yield RowError(
                self.source,
                line,
                f"{path}: " + say("mục phải là đối tượng JSON", "entry must be a JSON object"),
            )
            return
        if depth > MAX_DEPTH:
            yield RowError(
                self.source,
                line,
                f"{path}: "
                + say("bình luận lồng nhau quá sâu", "replies nested too deeply; skipped"),
            )
            return
        entry_id = cell_text(entry.get("id"))
        if entry_id is None:
            yield RowError(
                self.source,
                line,
                f"{path}: "
                + say(
                    "thiếu trường 'id'; xuất lại dữ liệu có kèm id",
                    "missing 'id'; export again with the id field",
                ),
            )
        elif isinstance(entry.get("message"), str) and entry["message"].strip():
            yield self._item(entry, entry_id, path, line, parent, depth)
        else:
            self.stats.skipped += 1  # photo/video-only: nothing to read
        comments = entry.get("comments")
        if isinstance(comments, dict) and isinstance(comments.get("data"), list):
            for index, child in enumerate(comments["data"]):
                child_path = f"{path}.comments.data[{index}]"
                yield from self._entry(child, child_path, line, entry_id, depth + 1)

    def _item(
        self,
        entry: dict[str, Any],
        entry_id: str,
        path: str,
        line: int,
        parent: str | None,
        depth: int,
    ) -> Record:
        text = entry["message"].strip()
        size = len(text.encode("utf-8"))
        if size > MAX_TEXT_BYTES:
            return RowError(
                self.source,
                line,
                f"{path}: "
                + say(
                    f"nội dung dài {size:,} byte, vượt giới hạn {MAX_TEXT_BYTES:,}",
                    f"message is {size:,} bytes, over the {MAX_TEXT_BYTES:,}-byte limit",
                ),
            )
        published_at = None
        if entry.get("created_time") is not None:
            try:
                published_at = parse_datetime(entry["created_time"])
            except DateError as exc:
                return RowError(self.source, line, f"{path}.created_time: {exc.message}")
        author = entry.get("from")
        return RawItem(
            text=text,
            source=self.source,
            line=line,
            url=cell_text(entry.get("permalink_url")),
            published_at=published_at,
            external_id=entry_id,
            author=(cell_text(author.get("id")) or cell_text(author.get("name")))
            if isinstance(author, dict)
            else None,
            parent_external_id=parent,
            extra={"kind": ("post", "comment", "reply")[min(depth, 2)], "json_path": path},
        )


def _not_export(source: str) -> str:
    return say(
        f'{source}: không phải tệp xuất trang (cần {{"data": [...]}} như Graph API trả về)',
        f'{source}: not a page export (expected {{"data": [...]}} as the Graph API returns)',
    )
