"""Vietnamese word segmentation with pyvi (multi-syllable words joined by '_').

pyvi loads its CRF model on import (~0.3 s), so it is imported on first use: commands that
never segment (migrations, the web UI) do not pay for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache

__all__ = ["segment", "segment_many"]


@cache
def _tokenizer() -> Callable[[str], str]:
    from pyvi import ViTokenizer

    tokenize: Callable[[str], str] = ViTokenizer.tokenize
    return tokenize


def segment(text: str) -> list[str]:
    """Words of `text`, e.g. "người dân phản ánh" -> ["người_dân", "phản_ánh"]."""
    if not text or text.isspace():
        return []
    return _tokenizer()(text).split()


def segment_many(texts: Iterable[str]) -> list[list[str]]:
    """`segment` over many texts (the tokenizer is resolved once)."""
    tokenize = _tokenizer()
    return [tokenize(t).split() if t and not t.isspace() else [] for t in texts]
