"""Splitting spaceless keys ("nguyentrungtruc") back into syllables ("nguyen trung truc").

The package stores older names only as spaceless keys; the matcher works on word tokens, so the
keys are split with the syllables seen in all unit names: fewest syllables first, then the most
common ones ("tanhong" is "tan hong", not "ta nhong").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

_TRAILING_NUMBER = re.compile(r"^(\D+?)(\d+)$")


class Segmenter:
    def __init__(self, syllables: Iterable[str]) -> None:
        counts = Counter(s for s in syllables if s.isalpha())
        self.weight = {s: math.log(c + 1) for s, c in counts.items()}
        self.longest = max((len(s) for s in counts), default=0)

    def split(self, spaceless: str) -> str:
        """The best split into known syllables, else the key unchanged."""
        number = ""
        match = _TRAILING_NUMBER.match(spaceless)
        if match:
            spaceless, number = match.group(1), match.group(2).lstrip("0") or "0"
        words = self._split_letters(spaceless) or [spaceless]
        return " ".join([*words, number] if number else words)

    def _split_letters(self, text: str) -> list[str] | None:
        n = len(text)
        # best[i] = (syllables, -weight) of the best split of text[:i], and where it last cut
        best: list[tuple[tuple[int, float], int] | None] = [((0, 0.0), 0)] + [None] * n
        for end in range(1, n + 1):
            for start in range(max(0, end - self.longest), end):
                previous = best[start]
                weight = self.weight.get(text[start:end])
                if previous is None or weight is None:
                    continue
                score = (previous[0][0] + 1, previous[0][1] - weight)
                current = best[end]
                if current is None or score < current[0]:
                    best[end] = (score, start)
        if best[n] is None:
            return None
        words: list[str] = []
        end = n
        while end > 0:
            cell = best[end]
            assert cell is not None
            words.append(text[cell[1] : end])
            end = cell[1]
        return words[::-1]
