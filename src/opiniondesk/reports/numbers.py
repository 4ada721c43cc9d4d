"""Numbers as each language writes them in a report: vi "1.234,5" and "<5", en "1,234.5"."""

from __future__ import annotations

from opiniondesk.web.formatting import format_int, format_percent


def count(value: int | None, language: str, k: int) -> str:
    """A suppressed count reads "<k", never the number."""
    return f"<{k}" if value is None else format_int(value, language)


def decimal(value: float | None, language: str, digits: int = 1) -> str:
    if value is None:
        return "–"
    text = f"{abs(value):,.{digits}f}"
    if language == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return ("\u2212" if value < 0 and round(value, digits) != 0 else "") + text


def percent(ratio: float | None, language: str, *, signed: bool = False) -> str:
    return "–" if ratio is None else format_percent(ratio, language, signed=signed)
