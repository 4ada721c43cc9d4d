"""Numbers and dates the way each language writes them: vi "1.234" and "12,5%", en "1,234"."""

from __future__ import annotations

from datetime import date

# (thousands separator, decimal separator) per language
_SEPARATORS = {"vi": (".", ","), "en": (",", ".")}
MINUS = "\u2212"  # a real minus sign reads better than a hyphen next to digits


def _swap(text: str, language: str) -> str:
    thousands, decimal = _SEPARATORS.get(language, _SEPARATORS["en"])
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def format_int(value: int, language: str) -> str:
    text = _swap(f"{abs(value):,}", language)
    return f"{MINUS}{text}" if value < 0 else text


def format_percent(ratio: float, language: str, *, digits: int = 1, signed: bool = False) -> str:
    """`ratio` 0.125 → "12,5%" (vi) / "12.5%" (en); `signed` adds + or − for changes."""
    text = _swap(f"{abs(ratio) * 100:,.{digits}f}", language) + "%"
    if signed and round(ratio * 100, digits) != 0:
        return ("+" if ratio > 0 else MINUS) + text
    return f"{MINUS}{text}" if ratio < 0 and round(ratio * 100, digits) != 0 else text


def format_date(day: date) -> str:
    """dd/mm/yyyy: the order both Vietnamese and British readers expect."""
    return day.strftime("%d/%m/%Y")


def format_day_month(day: date) -> str:
    return day.strftime("%d/%m")
