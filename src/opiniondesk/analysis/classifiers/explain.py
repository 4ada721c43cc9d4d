"""The strongest terms behind each prediction of a linear model, for all rows at once.

A term's contribution to class k is its feature value times the class weight. The same phrase
reaches the model through several views ("sạt lở" as syllables, "sạt_lở" as a segmented word,
"sat lo" folded): their contributions are added under one phrase, shown in its richest
spelling. Character n-grams are left out of the list: "t_lở" means nothing to a reader, and
the word views carry the same evidence.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy.sparse import csr_matrix

from opiniondesk.analysis.classifiers.features import Term
from opiniondesk.text.normalize import fold

__all__ = ["SHOWN_VIEWS", "TermExplainer", "format_explanation", "respell"]

SHOWN_VIEWS = {"words": 0, "syllables": 1, "folded": 2}  # spelling preference, best first
_CANDIDATES = 12  # strongest features per row looked at before merging views
_UNSEEN = -2
# Features weaker than this share of a row's strongest one are not considered: they hardly
# ever reach the top few terms, and skipping them keeps the batch sort small.
_MIN_SHARE = 0.1


class TermExplainer:
    """Top terms per row, given the weight of each (class, feature), which columns may be
    shown (word views), and a column -> Term map.

    Columns are mapped to phrase ids the first time they matter (names are decoded once per
    column, not once per document); merging and ranking are array operations over the batch.
    """

    def __init__(
        self,
        weights: npt.NDArray[np.float32],
        shown: npt.NDArray[np.bool_],
        term_of: Callable[[int], Term],
        n_terms: int = 5,
    ) -> None:
        self._weights = weights
        self._shown = shown
        self._term_of = term_of
        self._n_terms = n_terms
        self._phrase_of = np.full(len(shown), _UNSEEN, dtype=np.int64)
        self._rank_of = np.zeros(len(shown), dtype=np.int64)
        self._text_of: dict[int, str] = {}
        self._phrase_ids: dict[str, int] = {}

    def top_terms(
        self, features: csr_matrix, chosen: npt.NDArray[np.int64]
    ) -> list[tuple[tuple[str, float], ...]]:
        n_rows = features.shape[0]
        rows = np.repeat(np.arange(n_rows, dtype=np.int64), np.diff(features.indptr))
        cols = features.indices.astype(np.int64)
        # Character n-grams are most of the entries and never shown: drop them first.
        shown = self._shown[cols]
        rows, cols = rows[shown], cols[shown]
        values = features.data[shown] * self._weights[chosen[rows], cols]
        positive = values > 0
        rows, cols, values = rows[positive], cols[positive], values[positive]
        strong = values >= _MIN_SHARE * _row_max(rows, values)
        rows, cols, values = rows[strong], cols[strong], values[strong]
        # CSR rows are in order with their columns ascending: a stable sort by value within
        # rows already breaks ties by column.
        order = np.lexsort((-values, rows))
        rows, cols, values = _first_per_row(rows[order], cols[order], values[order], _CANDIDATES)
        phrases = self._phrases(cols)
        named = phrases >= 0
        rows, cols, phrases, values = rows[named], cols[named], phrases[named], values[named]
        # Add up the views of one phrase in a row; show it as its best view in that row spells
        # it (the word "sạt_lở" over the syllables "sạt lở" over the folded "sat lo").
        pairs, inverse = np.unique((rows << 32) | phrases, return_inverse=True)
        inverse = inverse.ravel()
        totals = np.bincount(inverse, weights=values)
        by_rank = np.lexsort((cols, self._rank_of[cols], inverse))
        first = np.ones(len(by_rank), dtype=bool)
        first[1:] = inverse[by_rank][1:] != inverse[by_rank][:-1]
        shown_col = cols[by_rank][first]  # one per pair, in pair order
        rows = pairs >> 32
        order = np.lexsort((shown_col, -totals, rows))
        rows, shown_col, totals = _first_per_row(
            rows[order], shown_col[order], totals[order], self._n_terms
        )
        texts = list(map(self._text_of.__getitem__, shown_col.tolist()))
        rounded = np.round(totals, 3).tolist()
        bounds = np.searchsorted(rows, np.arange(n_rows + 1)).tolist()
        return [
            tuple(zip(texts[lo:hi], rounded[lo:hi], strict=True)) for lo, hi in pairwise(bounds)
        ]

    def _phrases(self, cols: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """Phrase id of each column (-1: nothing a reader can use), decoding new columns."""
        for column in np.unique(cols[self._phrase_of[cols] == _UNSEEN]).tolist():
            term = self._term_of(column)
            rank = SHOWN_VIEWS.get(term.view)
            if rank is None or not any(c.isalnum() for c in term.text):
                self._phrase_of[column] = -1
                continue
            key = fold(term.text.replace("_", " "))
            self._phrase_of[column] = self._phrase_ids.setdefault(key, len(self._phrase_ids))
            self._rank_of[column] = rank
            self._text_of[column] = term.text
        return self._phrase_of[cols]


def _row_max(rows: npt.NDArray[np.int64], values: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """For each entry, the largest value of its row (rows given in order)."""
    if not len(values):
        return values
    starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
    sizes = np.diff(np.r_[starts, len(values)])
    return np.repeat(np.maximum.reduceat(values, starts), sizes)


def _first_per_row(
    rows: npt.NDArray[np.int64],
    items: npt.NDArray[np.int64],
    values: npt.NDArray[Any],
    limit: int,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[Any]]:
    """The first `limit` entries of each row, from entries sorted by row then rank.

    Callers sort with ties broken by column, never by the order the model met phrases in, so
    the same text always gets the same explanation."""
    if not len(rows):
        return rows, items, values
    starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
    sizes = np.diff(np.r_[starts, len(rows)])
    rank = np.arange(len(rows)) - np.repeat(starts, sizes)
    top = rank < limit
    return rows[top], items[top], values[top]


def respell(terms: tuple[tuple[str, float], ...], text: str) -> tuple[tuple[str, float], ...]:
    """Terms from the folded view spelled as the document spells them ("may" → "máy").

    Folding keeps one character per character for Vietnamese, so a folded term found at
    position i of the folded text is the original text's slice at i. Terms not found whole
    (between non-letters) keep their folded spelling."""
    if text.isascii() or all(not term.isascii() for term, _ in terms):
        return terms
    lowered = text.lower()
    folded = fold(lowered)
    if len(folded) != len(lowered):
        return terms
    out = []
    for term, weight in terms:
        if term.isascii():
            at = _find_whole(folded, term)
            if at >= 0:
                term = lowered[at : at + len(term)]
        out.append((term, weight))
    return tuple(out)


def _find_whole(text: str, term: str) -> int:
    at = text.find(term)
    while at >= 0:
        end = at + len(term)
        if (at == 0 or not text[at - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        ):
            return at
        at = text.find(term, at + 1)
    return -1


def format_explanation(task: str, terms: tuple[tuple[str, float], ...]) -> str:
    """'mô hình topic: "sạt_lở" (+0.42), "bờ_sông" (+0.17)'."""
    if not terms:
        return f"mô hình {task}: không có từ nổi bật / no distinctive terms"
    listed = ", ".join(f'"{text}" ({value:+.2f})' for text, value in terms)
    return f"mô hình {task}: {listed}"
