"""The shape every reader shares: a lazy iterator of RawItem | RowError that keeps counts."""

from __future__ import annotations

from collections.abc import Generator, Iterator
from dataclasses import dataclass

from opiniondesk.ingest.errors import ReaderError, say
from opiniondesk.ingest.raw import RawItem, RowError

Record = RawItem | RowError


@dataclass(slots=True)
class ReadStats:
    """What happened to a source so far, for the import summary shown to the user."""

    items: int = 0
    errors: int = 0
    skipped: int = 0  # passed over on purpose: blank rows, photo-only posts


class SourceReader(Iterator[Record]):
    """Subclasses implement `_read`; nothing is opened until the first item is asked for."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.stats = ReadStats()
        self._records: Generator[Record, None, None] | None = None

    def _read(self) -> Generator[Record, None, None]:
        raise NotImplementedError

    def __iter__(self) -> SourceReader:
        return self

    def __next__(self) -> Record:
        if self._records is None:
            self._records = self._read()
        try:
            record = next(self._records)
        except OSError as exc:
            # A file that vanished or a disk that failed mid-read: say so in the desk's words.
            raise ReaderError(
                say(
                    f"{self.source}: không đọc được tệp ({exc.strerror or exc})",
                    f"{self.source}: cannot read the file ({exc.strerror or exc}); "
                    "check that it exists and is readable",
                )
            ) from exc
        if isinstance(record, RowError):
            self.stats.errors += 1
        else:
            self.stats.items += 1
        return record

    def close(self) -> None:
        """Release the file early when the caller stops before the end."""
        if self._records is not None:
            self._records.close()
