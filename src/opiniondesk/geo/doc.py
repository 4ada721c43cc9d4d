"""One text prepared for place spotting: folded tokens now, original words only if needed."""

from __future__ import annotations

import re
from itertools import accumulate

from opiniondesk.geo.fold import TOKEN_RE, fold_nfc, nfc

# Splitting on the token pattern with a capturing group yields, in one pass in C,
# [gap, token, gap, token, ..., gap]: the tokens are every other piece and the offsets of all of
# them are running sums of the pieces' lengths, so no per-token match objects are needed.
_PIECES_RE = re.compile(f"({TOKEN_RE.pattern})")
# Most folded texts are plain ASCII (Vietnamese folds to it); there the letters are a-z and the
# digits 0-9, and simple character sets make the same split about a quarter faster.
_ASCII_PIECES_RE = re.compile(r"([a-z]+|[0-9]+|[.,;:!?()\[\]/|\n])")


class Doc:
    """One text as folded tokens, with the original words computed only when needed.

    Folding maps each letter to one letter, so the folded and the original text have the same
    length and the same token boundaries: word `i` is the original text at token `i`'s offsets.
    """

    __slots__ = ("_all_caps", "_all_lower", "bounds", "pieces", "text", "tokens")

    def __init__(self, text: str) -> None:
        self.text = nfc(text)
        folded = fold_nfc(self.text)
        pieces = _ASCII_PIECES_RE if folded.isascii() else _PIECES_RE
        self.pieces: list[str] = pieces.split(folded)
        self.tokens: list[str] = self.pieces[1::2]
        # bounds[2i] is where token i starts, bounds[2i + 1] where it ends: running sums of the
        # pieces' lengths, in C. Nearly every text has a candidate span that needs them.
        self.bounds: list[int] = list(accumulate(map(len, self.pieces)))
        self._all_caps: bool | None = None
        self._all_lower: bool | None = None

    def span(self, index: int) -> tuple[int, int]:
        """Character offsets of token `index` (in the NFC text)."""
        bounds = self.bounds
        return bounds[2 * index], bounds[2 * index + 1]

    def word(self, index: int) -> str:
        """Token `index` as written."""
        bounds = self.bounds
        return self.text[bounds[2 * index] : bounds[2 * index + 1]]

    def words(self, start: int, end: int) -> list[str]:
        """Tokens `start` to `end` (exclusive) as written."""
        bounds, text = self.bounds, self.text
        return [text[bounds[k] : bounds[k + 1]] for k in range(2 * start, 2 * end, 2)]

    def raw(self, start: int, end: int) -> str:
        """The text as written from token `start` to the end of token `end - 1`."""
        bounds = self.bounds
        return self.text[bounds[2 * start] : bounds[2 * end - 1]]

    def lower(self, start: int, end: int) -> list[str]:
        return [w.lower() for w in self.words(start, end)]

    def glued(self, index: int) -> bool:
        """Token `index` follows token `index - 1` with nothing between ("Q1", "P3")."""
        return not self.pieces[2 * index]

    @property
    def all_caps(self) -> bool:
        if self._all_caps is None:
            self._all_caps = self.text.isupper()
        return self._all_caps

    @property
    def all_lower(self) -> bool:
        if self._all_lower is None:
            # `islower` settles most texts in C; it is also False for a text with no cased
            # letter at all, which counts as lower case here.
            text = self.text
            self._all_lower = text.islower() or not any(ch.isupper() for ch in text)
        return self._all_lower

    def title_case(self, start: int, end: int) -> bool:
        """Every word from token `start` to `end` begins with a capital (in a text that is not
        all capitals)."""
        bounds, text = self.bounds, self.text
        for k in range(2 * start, 2 * end, 2):
            if not text[bounds[k]].isupper():  # its first letter
                return False
        return not self.all_caps

    def word_before(self, index: int) -> str:
        return self.word(index - 1).lower() if index > 0 else ""
