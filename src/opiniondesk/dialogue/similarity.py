"""How alike two citizens' questions are: cosine of character n-gram TF-IDF vectors.

Both texts go through `match_form` first (NFC, teencode and abbreviations expanded, lower case,
no diacritics), so "bao h dc sua" meets "bao giờ được sửa". Character n-grams inside word
boundaries survive what people do when they type on a phone: dropped marks, typos, spellings.
IDF is fitted on the session's own questions, so words every question uses ("xã", "khi nào")
weigh little there.

Two questions about the same place that ask different things ("when will the road be
repaired?" / "will it get street lights?") share most n-grams; when their question words show
they ask for different kinds of answer (`intent.py`), the score is multiplied by
`intent_penalty`.

Two thresholds, calibrated on the tune half of tests/data/dialogue_pairs.csv by
`bench/dialogue.py` (figures in docs/evaluation.md):
- ATTACH: at or above it, a new question joins the group by itself (chosen for precision);
- SUGGEST: at or above it, the moderator is asked (chosen for recall).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix, vstack
from sklearn.feature_extraction.text import TfidfVectorizer

from opiniondesk.dialogue.intent import intents, intents_differ
from opiniondesk.text.matching import match_form


@dataclass(frozen=True, slots=True)
class SimilarityConfig:
    char_ngrams: tuple[int, int] = (1, 4)
    use_idf: bool = True
    intent_penalty: float = 0.5  # score factor when the two ask for different things


DEFAULT_CONFIG = SimilarityConfig()
ATTACH = 0.504
SUGGEST = 0.333


def question_form(text: str) -> str:
    """The form questions are compared in (see the module docstring)."""
    return match_form(text)


class QuestionSimilarity:
    """Fitted once on a corpus of questions (a session's), then scores any texts. Vectors and
    question words are remembered per text, so an import of many rows scored against the same
    stored questions transforms each text once."""

    def __init__(self, corpus: Sequence[str], config: SimilarityConfig = DEFAULT_CONFIG) -> None:
        self.config = config
        self._vectorizer = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=config.char_ngrams,
            preprocessor=question_form,
            lowercase=False,
            sublinear_tf=True,
            use_idf=config.use_idf,
            dtype=np.float32,
        )
        self._rows: dict[str, csr_matrix] = {}
        self._asks: dict[str, frozenset[str]] = {}
        self._stack: csr_matrix | None = None
        self._stack_texts: list[str] = []
        # an empty session still needs a vocabulary: fit on the texts being compared later
        self._fitted = bool(corpus)
        if corpus:
            self._vectorizer.fit(list(corpus))

    def _fit_if_needed(self, texts: Sequence[str]) -> None:
        if not self._fitted:
            self._vectorizer.fit(list(texts))
            self._fitted = True

    def _vectors(self, texts: Sequence[str]) -> csr_matrix:
        missing = [t for t in dict.fromkeys(texts) if t not in self._rows]
        if missing:
            for text, row in zip(missing, self._vectorizer.transform(missing), strict=True):
                self._rows[text] = row
        return csr_matrix(vstack([self._rows[t] for t in texts]))

    def _candidates(self, texts: Sequence[str]) -> csr_matrix:
        """`_vectors` for a list that grows between calls (an import's stored questions):
        only the new rows are stacked onto the last result."""
        known = len(self._stack_texts)
        if self._stack is None or list(texts[:known]) != self._stack_texts:
            self._stack, self._stack_texts = self._vectors(texts), list(texts)
        elif len(texts) > known:
            self._stack = csr_matrix(vstack([self._stack, self._vectors(texts[known:])]))
            self._stack_texts = list(texts)
        return self._stack

    def _intents(self, text: str) -> frozenset[str]:
        if text not in self._asks:
            self._asks[text] = intents(text)
        return self._asks[text]

    def matrix(
        self, left: Sequence[str], right: Sequence[str], *, floor: float = 0.0
    ) -> NDArray[np.float64]:
        """Scores: one row per text in `left`, one column per text in `right`. Pairs whose
        cosine is below `floor` skip the question-word check (the penalty only lowers a
        score, so a caller deciding at thresholds ≥ floor loses nothing)."""
        if not left or not right:
            return np.zeros((len(left), len(right)))
        self._fit_if_needed([*left, *right])
        product = self._vectors(left) @ self._candidates(right).T
        scores = np.asarray(product.toarray(), dtype=np.float64)
        for i, j in zip(*np.nonzero(scores >= max(floor, 1e-9)), strict=True):
            if intents_differ(self._intents(left[i]), self._intents(right[j])):
                scores[i, j] *= self.config.intent_penalty
        return scores

    def pairs(self, left: Sequence[str], right: Sequence[str]) -> NDArray[np.float64]:
        """Score of left[i] with right[i], for equally long lists."""
        if len(left) != len(right):
            raise ValueError("pairs() needs two lists of the same length")
        if not left:
            return np.zeros(0)
        self._fit_if_needed([*left, *right])
        a, b = self._vectors(left), self._vectors(right)
        cosine = np.asarray(a.multiply(b).sum(axis=1), dtype=np.float64).ravel()
        differ = np.array(
            [
                intents_differ(self._intents(x), self._intents(y))
                for x, y in zip(left, right, strict=True)
            ]
        )
        return np.where(differ, cosine * self.config.intent_penalty, cosine)
