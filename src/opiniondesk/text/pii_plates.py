"""Vietnamese vehicle licence plates: 29A-123.45, 51F1-234.56, 30E-12345, 59-X1 123.45,
29LD-012.34 and, after a word like "biển số", loose forms such as 29A12345.

Province code (2 digits), series (1-2 letters, Đ allowed, optional digit), then 4-5 digits.
Dotted/dashed forms are distinctive enough to stand alone; undecorated forms ("29A12345",
"12A 2024" could be a class and a year) need a plate word just before them.
"""

from __future__ import annotations

import re

from opiniondesk.text.normalize import fold
from opiniondesk.text.pii_types import Span

__all__ = ["find_plates"]

_SERIES = r"(?:[A-Z][A-ZĐ]?|Đ)\d?"
_START = r"(?<![\w.\-/])"
_END = r"(?![\w]|[.,]\d)"
_STRICT = re.compile(
    _START
    + r"[1-9]\d(?:"
    # 29A-123.45 / 29A 123.45 / 29A1.123.45 / 59-X1 123.45 / 29-A1-123.45
    + rf"\s?-?\s?{_SERIES}[\s.\-]{{1,3}}\d{{3}}\.\d{{2}}"
    # 30E-12345 / 29A1-2345 / 59-X1-12345
    + rf"|-?{_SERIES}\s?-\s?\d{{4,5}}"
    # 59-X1 12345 (old Ho Chi Minh City style: dash after the province code)
    + rf"|-{_SERIES}\s\d{{4,5}}"
    + ")"
    + _END,
    re.IGNORECASE,
)
_LOOSE = re.compile(_START + rf"[1-9]\d\s?{_SERIES}\s?\d{{4,5}}" + _END, re.IGNORECASE)
_PLATE_WORD = re.compile(r"(?:bien so|bien kiem soat|bks|\bbs|\bxe|bien)\W*$")
# Apartment, room and lot codes share the shape (12A-1205).
_NOT_PLATE_WORD = re.compile(r"\b(?:can ho|can|phong|toa|lo|block|so nha|nha so|ma|ky hieu)\W*$")
_ANY_PLATE_START = re.compile(r"\d\d\s?-?\s?[A-Za-zĐđ]")


def find_plates(text: str) -> list[Span]:
    """Licence-plate spans in `text`."""
    if _ANY_PLATE_START.search(text) is None:
        return []
    spans = [
        Span("plate", m.start(), m.end())
        for m in _STRICT.finditer(text)
        if not _NOT_PLATE_WORD.search(fold(text[max(0, m.start() - 12) : m.start()]))
    ]
    for m in _LOOSE.finditer(text):
        if any(s.start <= m.start() < s.end for s in spans):
            continue
        before = fold(text[max(0, m.start() - 20) : m.start()])
        if _PLATE_WORD.search(before):
            spans.append(Span("plate", m.start(), m.end()))
    return spans
