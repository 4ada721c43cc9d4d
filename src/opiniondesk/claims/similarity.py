"""Matching documents to known claims: TF-IDF cosine over folded text, plus the stance check.

Score = cosine between the claim and the document, both as sublinear TF-IDF vectors of
character n-grams of the folded matching form (`match_form`: teencode expanded, no diacritics),
optionally mixed with folded word 1–2-grams. Character n-grams carry most of the weight because
they survive what people do to a rumour: dropped diacritics, teencode, typos, inflected
spellings. IDF comes from a background of the desk's own recent documents plus the claims, so
words every post uses ("người dân", "phường") weigh little.

A document matches when its score reaches the threshold AND it does not refute the claim
(`stance.py`); a refuting document above the threshold is kept as a refutation.
The configuration and threshold below were chosen on the tune half of
tests/data/claims_labelled.jsonl by `bench/claims.py` (see docs/evaluation.md).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from sklearn.feature_extraction.text import TfidfVectorizer

from opiniondesk.claims.models import Stance
from opiniondesk.claims.stance import claim_phrases, refutation_cue
from opiniondesk.discovery.terms import folded_ngrams
from opiniondesk.text.matching import match_form


@dataclass(frozen=True, slots=True)
class MatcherConfig:
    char_ngrams: tuple[int, int] = (3, 6)
    word_weight: float = 0.0  # share of the word 1–2-gram cosine; the rest is char n-grams
    threshold: float = 0.27


DEFAULT_CONFIG = MatcherConfig()


@dataclass(frozen=True, slots=True)
class Found:
    """Document `index` (in the texts given) against claim `claim` (index in the claims)."""

    index: int
    claim: int
    score: float
    stance: Stance
    cue: str | None = None


class ClaimMatcher:
    """Scores texts against a fixed list of claims."""

    def __init__(
        self,
        claims: Sequence[str],
        background: Sequence[str],
        config: MatcherConfig = DEFAULT_CONFIG,
    ) -> None:
        self.config = config
        self.claims = list(claims)
        corpus = [*background, *self.claims]
        self._char = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=config.char_ngrams,
            preprocessor=match_form,
            lowercase=False,
            sublinear_tf=True,
            dtype=np.float32,
        ).fit(corpus)
        self._claim_char = self._char.transform(self.claims)
        self._word: TfidfVectorizer | None = None
        if config.word_weight > 0:
            self._word = TfidfVectorizer(
                analyzer=folded_ngrams, sublinear_tf=True, dtype=np.float32
            ).fit(corpus)
            self._claim_word = self._word.transform(self.claims)
        self._phrases = [claim_phrases(c) for c in self.claims]

    def scores(self, texts: Sequence[str]) -> NDArray[np.float64]:
        """Cosine scores, one row per text, one column per claim."""
        if not texts or not self.claims:
            return np.zeros((len(texts), len(self.claims)))
        char = (self._char.transform(texts) @ self._claim_char.T).toarray()
        if self._word is None:
            return np.asarray(char, dtype=np.float64)
        word = (self._word.transform(texts) @ self._claim_word.T).toarray()
        mixed = self.config.word_weight * word + (1 - self.config.word_weight) * char
        return np.asarray(mixed, dtype=np.float64)

    def find(self, texts: Sequence[str], threshold: float | None = None) -> Iterator[Found]:
        """Every (text, claim) pair at or above the threshold, with its stance."""
        cut = self.config.threshold if threshold is None else threshold
        matrix = self.scores(texts)
        for index, claim in zip(*np.nonzero(matrix >= cut), strict=True):
            cue = refutation_cue(texts[index], self._phrases[claim])
            yield Found(
                int(index),
                int(claim),
                float(matrix[index, claim]),
                Stance.repeats if cue is None else Stance.refutes,
                cue,
            )

    def shared_terms(self, text: str, claim: int, limit: int = 8) -> list[str]:
        """Folded terms the text shares with the claim, longest first: why it matched."""
        mine = set(folded_ngrams(text))
        shared = [t for t in dict.fromkeys(folded_ngrams(self.claims[claim])) if t in mine]
        return sorted(shared, key=lambda t: -len(t.split()))[:limit]
