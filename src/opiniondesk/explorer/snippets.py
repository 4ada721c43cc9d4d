"""Highlighted excerpts: where the query's words occur in a document, found on the folded text.

Returns plain text pieces flagged as hits; templates escape them, so a document's markup is
never trusted (the excerpt is text, the <mark> comes from the template).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from opiniondesk.text.normalize import fold

WIDTH = 260


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    hit: bool = False


def _fold_in_place(text: str) -> str:
    """`fold` one character at a time, so positions in the folded text are positions in `text`."""
    out = []
    for ch in text:
        folded = fold(ch)
        out.append(folded if len(folded) == 1 else ch.lower())
    return "".join(out)


def _hits(folded: str, words: Collection[str]) -> list[tuple[int, int]]:
    if not words:
        return []
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    pattern = re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")
    return [m.span() for m in pattern.finditer(folded)]


def snippet(text: str, words: Collection[str], width: int = WIDTH) -> list[Piece]:
    """About `width` characters of `text` around the first hit, with every hit marked."""
    hits = _hits(_fold_in_place(text), words)
    start = max(0, hits[0][0] - width // 3) if hits else 0
    end = min(len(text), start + width)
    pieces: list[Piece] = [Piece("…")] if start > 0 else []
    cursor = start
    for a, b in hits:
        if a < cursor or b > end:
            continue
        if a > cursor:
            pieces.append(Piece(text[cursor:a]))
        pieces.append(Piece(text[a:b], hit=True))
        cursor = b
    if cursor < end:
        pieces.append(Piece(text[cursor:end]))
    if end < len(text):
        pieces.append(Piece("…"))
    return pieces
