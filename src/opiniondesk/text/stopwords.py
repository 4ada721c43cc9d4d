"""Vietnamese stopwords, in segmented form and in folded (no-diacritics) form.

Kept in `data/stopwords_vi.txt` (one word per line, syllables joined by '_', as pyvi
segments them). The folded forms let text typed without diacritics be filtered too; a few
folded forms collide with content words (voi = với / voi), an accepted loss for filtering.
"""

from __future__ import annotations

from importlib import resources

from opiniondesk.text.normalize import fold

__all__ = ["STOPWORDS", "STOPWORDS_FOLDED", "STOPWORDS_SEGMENTED", "is_stopword"]


def _load() -> frozenset[str]:
    text = resources.files("opiniondesk.text").joinpath("data/stopwords_vi.txt").read_text("utf-8")
    return frozenset(
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


STOPWORDS_SEGMENTED: frozenset[str] = _load()
STOPWORDS_FOLDED: frozenset[str] = frozenset(fold(w) for w in STOPWORDS_SEGMENTED)
STOPWORDS: frozenset[str] = STOPWORDS_SEGMENTED | STOPWORDS_FOLDED


def is_stopword(token: str) -> bool:
    """True for a stopword token in any case, segmented ('_') or with spaces, with or without
    diacritics."""
    low = token.lower()
    if low in STOPWORDS:
        return True
    return low.replace(" ", "_") in STOPWORDS or fold(low) in STOPWORDS_FOLDED
