"""Errors for whole sources that cannot be read, and the bilingual wording they all share."""

from __future__ import annotations

from opiniondesk.errors import InputError


def say(vi: str, en: str) -> str:
    """One message in both languages: Vietnamese first (the desk's users), then English."""
    return f"{vi} / {en}"


class ReaderError(InputError):
    """A whole source is unusable (missing, unsupported, unsafe, no text column…).

    Bad single rows are not exceptions: readers yield a RowError for them and keep going.
    """
