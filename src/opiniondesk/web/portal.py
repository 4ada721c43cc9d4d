"""What the public portal lists from each feature, without the portal importing every feature.

A feature that has something to show citizens (dialogue sessions, consultations, …) registers a
source when its route module is imported; the portal's home page asks every source for its
entries. Entries carry only what is already public: titles, dates, links.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session


@dataclass(frozen=True, slots=True)
class PortalEntry:
    title: str
    url: str
    when: datetime | None = None
    note: str = ""  # one short line, already in the reader's language


PortalSource = Callable[[Session, str], list[PortalEntry]]  # (session, language) -> entries

_SOURCES: dict[str, PortalSource] = {}


def register(section: str, source: PortalSource) -> None:
    """Offer `source`'s entries under `section` (a key such as "sessions" or "consultations")."""
    _SOURCES[section] = source


def sections() -> tuple[str, ...]:
    return tuple(sorted(_SOURCES))


def entries(session: Session, section: str, language: str) -> list[PortalEntry]:
    """The section's entries, or none when no feature registered it."""
    source = _SOURCES.get(section)
    return source(session, language) if source is not None else []
