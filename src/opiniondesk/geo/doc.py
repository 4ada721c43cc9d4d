"""One text prepared for place spotting: folded tokens now, original words only if needed."""

from __future__ import annotations

from functools import cached_property

from opiniondesk.geo.fold import TOKEN_RE, fold, nfc


class Doc:
    """One text as folded tokens, with the original words computed only when needed."""

    def __init__(self, text: str) -> None:
        self.text = nfc(text)
        self.folded = fold(self.text)
        self.tokens: list[str] = TOKEN_RE.findall(self.folded)
        self._spans: list[tuple[int, int]] = []
        self._span_iter = TOKEN_RE.finditer(self.folded)

    @cached_property
    def words(self) -> list[str]:
        # Folding maps each letter to one letter, so both tokenisations line up one to one.
        return TOKEN_RE.findall(self.text)

    def lower(self, start: int, end: int) -> list[str]:
        return [w.lower() for w in self.words[start:end]]

    def span(self, index: int) -> tuple[int, int]:
        """Character offsets of token `index`, found lazily: most texts never need them."""
        while len(self._spans) <= index:
            self._spans.append(next(self._span_iter).span())
        return self._spans[index]

    @cached_property
    def all_caps(self) -> bool:
        return self.text.isupper()

    @cached_property
    def all_lower(self) -> bool:
        return not any(ch.isupper() for ch in self.text)

    def title_case(self, start: int, end: int) -> bool:
        return not self.all_caps and all(w[0].isupper() for w in self.words[start:end])

    def word_before(self, index: int) -> str:
        return self.words[index - 1].lower() if index > 0 else ""
