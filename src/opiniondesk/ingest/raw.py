"""What every channel reader yields: a RawItem per good record, a RowError per bad one."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(slots=True)
class RawItem:
    """One utterance as read from a source, before any processing.

    `text` may contain personal data here; it is redacted by the pipeline before storage.
    `author` is the raw author handle (if any); only its keyed pseudonym is ever stored.
    `location` is a free-text place hint from a structured field (e.g. a "place" column).
    `source` / `line` say where the item came from, for error messages.
    """

    text: str
    source: str
    line: int
    title: str | None = None
    url: str | None = None
    published_at: datetime | None = None  # timezone-aware UTC
    external_id: str | None = None
    author: str | None = None
    location: str | None = None
    parent_external_id: str | None = None  # e.g. a comment's post
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True, frozen=True)
class RowError:
    """A record that could not be read: file, line and the reason, in words a user can act on."""

    source: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.reason}"
