"""Walk a large JSON document without loading it: containers are stepped through, and only
the values the caller asks for (one post with its comments, say) are decoded whole.

Memory is bounded by the largest single value asked for (MAX_VALUE_CHARS), not the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, TextIO

from opiniondesk.ingest.errors import ReaderError, say

CHUNK_CHARS = 1 << 20
MAX_VALUE_CHARS = 64 * (1 << 20)
_SPACE = re.compile(r"[ \t\r\n]*")


class JsonStream:
    def __init__(self, fh: TextIO, source: str, *, max_value_chars: int = MAX_VALUE_CHARS) -> None:
        self.fh = fh
        self.source = source
        self.max_value_chars = max_value_chars
        self.buf = ""
        self.pos = 0
        self.line = 1  # line number at self.pos, for messages users can find
        self.eof = False
        self._decoder = json.JSONDecoder()

    def _advance(self, to: int) -> None:
        self.line += self.buf.count("\n", self.pos, to)
        self.pos = to

    def _more(self) -> bool:
        if self.eof:
            return False
        pending = len(self.buf) - self.pos
        # Read at least as much as is pending, so re-decoding a long value stays linear overall.
        data = self.fh.read(max(CHUNK_CHARS, pending))
        if not data:
            self.eof = True
            return False
        self.buf = self.buf[self.pos :] + data
        self.pos = 0
        return True

    def peek(self) -> str:
        """Next non-space character, without consuming it ('' at the end)."""
        while True:
            end = _SPACE.match(self.buf, self.pos)
            self._advance(end.end() if end else self.pos)
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._more():
                return ""

    def expect(self, char: str) -> None:
        found = self.peek()
        if found != char:
            raise self.error(f"cần {char!r}, gặp {found or 'hết tệp'!r}", f"expected {char!r}")
        self._advance(self.pos + 1)

    def value(self) -> tuple[Any, int]:
        """Decode the next value whole; returns it with the line it starts on."""
        self.peek()
        start_line = self.line
        while True:
            try:
                value, end = self._decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                if self._grow():
                    continue
                line = start_line + self.buf.count("\n", self.pos, exc.pos)
                raise self.error(f"JSON không hợp lệ: {exc.msg}", exc.msg, line) from exc
            except RecursionError as exc:
                raise self.error("JSON lồng nhau quá sâu", "JSON nested too deeply") from exc
            # A number that ends exactly at the buffer's edge may continue in the next chunk.
            if end == len(self.buf) and self._grow():
                continue
            self._advance(end)
            return value, start_line

    def _grow(self) -> bool:
        if len(self.buf) - self.pos > self.max_value_chars:
            raise self.error(
                f"một mục dài hơn {self.max_value_chars // (1 << 20)} MB ký tự "
                "(hoặc JSON bị hỏng từ đây)",
                f"one entry is larger than {self.max_value_chars // (1 << 20)} M characters "
                "(or the JSON is broken from here)",
            )
        return self._more()

    def members(self) -> Iterator[str]:
        """Keys of the object starting here; the caller must consume each key's value."""
        self.expect("{")
        if self.peek() == "}":
            self._advance(self.pos + 1)
            return
        while True:
            key, _ = self.value()
            if not isinstance(key, str):
                raise self.error("khóa của đối tượng phải là chuỗi", "object key must be a string")
            self.expect(":")
            yield key
            if self._after_item("}"):
                return

    def elements(self) -> Iterator[int]:
        """Indexes of the array starting here; the caller must consume each element."""
        self.expect("[")
        if self.peek() == "]":
            self._advance(self.pos + 1)
            return
        index = 0
        while True:
            yield index
            index += 1
            if self._after_item("]"):
                return

    def _after_item(self, closer: str) -> bool:
        found = self.peek()
        if found in (",", closer):
            self._advance(self.pos + 1)
            return found == closer
        raise self.error(f"cần ',' hoặc {closer!r}", f"expected ',' or {closer!r}")

    def error(self, vi: str, en: str, line: int | None = None) -> ReaderError:
        where = f"{self.source}:{line or self.line}"
        return ReaderError(
            say(f"{where}: {vi}", f"{where}: {en}")
            + ". "
            + say("Xuất lại tệp hoặc sửa JSON tại vị trí này", "re-export or fix the JSON there")
        )
