"""JSON Lines: one JSON object per line, read with the same column mapping as tables."""

from __future__ import annotations

import json
from collections.abc import Generator
from pathlib import Path

from opiniondesk.ingest.base import Record, SourceReader
from opiniondesk.ingest.errors import ReaderError, say
from opiniondesk.ingest.mapping import ColumnMapping, Columns, resolve_columns
from opiniondesk.ingest.raw import RowError
from opiniondesk.ingest.rows import build_item, is_blank
from opiniondesk.ingest.textfile import read_lines

_MAX_LAYOUTS = 256  # distinct key sets remembered; beyond that objects vary too much to cache


class JsonlReader(SourceReader):
    def __init__(
        self, path: Path, *, mapping: ColumnMapping | None, source: str | None = None
    ) -> None:
        super().__init__(source or str(path))
        self.path = path
        self.mapping = mapping
        # Objects in one file usually share keys; resolve each distinct key set once.
        self._layouts: dict[tuple[str, ...], Columns | ReaderError] = {}
        self._seen_text = False

    def _read(self) -> Generator[Record, None, None]:
        encoding = (self.mapping.encoding if self.mapping else None) or "utf-8-sig"
        for number, line in enumerate(read_lines(self.path, encoding, self.source), start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                yield RowError(
                    self.source,
                    number,
                    say(
                        f"dòng không phải JSON hợp lệ ({exc.msg}, cột {exc.colno})",
                        f"not valid JSON ({exc.msg} at column {exc.colno})",
                    ),
                )
                continue
            if not isinstance(value, dict):
                yield RowError(
                    self.source,
                    number,
                    say(
                        "mỗi dòng phải là một đối tượng JSON {...}, "
                        f"đây là {type(value).__name__}",
                        f"each line must be a JSON object {{...}}, got {type(value).__name__}",
                    ),
                )
                continue
            if is_blank(value):
                self.stats.skipped += 1
                continue
            columns = self._columns(value)
            if isinstance(columns, ReaderError):
                yield RowError(self.source, number, columns.message)
                continue
            yield build_item(value, columns, self.mapping, source=self.source, line=number)

    def _columns(self, value: dict[str, object]) -> Columns | ReaderError:
        keys = tuple(value)
        if keys not in self._layouts:
            if len(self._layouts) >= _MAX_LAYOUTS:
                self._layouts.clear()
            try:
                self._layouts[keys] = resolve_columns(list(keys), self.mapping, source=self.source)
            except ReaderError as exc:
                if not self._seen_text:
                    # The very first object has no text field: the mapping is wrong, not the row.
                    raise
                self._layouts[keys] = exc
        layout = self._layouts[keys]
        if isinstance(layout, Columns):
            self._seen_text = True
        return layout
