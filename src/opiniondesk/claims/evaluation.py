"""Measuring claim matching on a labelled set of (post, claim, match) pairs.

Every post is scored against EVERY claim of the set: the pair with its own claim is labelled
in the file; a pair with another claim is a negative. A pair is predicted a match when its
score reaches the threshold and the post does not refute the claim. The threshold is chosen on
the `tune` half (best F1, ties to the higher threshold) and reported on the `test` half.
Used by `bench/claims.py` and the tests; nothing here runs in the product.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from opiniondesk.claims.models import Stance
from opiniondesk.claims.similarity import ClaimMatcher


@dataclass(frozen=True, slots=True)
class LabelledPost:
    id: str
    claim_id: str
    claim: str
    text: str
    kind: str
    match: bool
    diacritics: bool
    split: str


@dataclass(frozen=True, slots=True)
class Figures:
    threshold: float
    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int
    pairs: int


def load_labelled(path: Path) -> list[LabelledPost]:
    posts = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                posts.append(LabelledPost(**row))
    return posts


def claims_of(posts: Sequence[LabelledPost]) -> dict[str, str]:
    """claim id → claim text, in id order."""
    return dict(sorted({p.claim_id: p.claim for p in posts}.items()))


@dataclass(slots=True)
class PairScores:
    """Effective scores (0 where the post refutes the claim) and gold labels, posts × claims."""

    posts: list[LabelledPost]
    claim_ids: list[str]
    scores: NDArray[np.float64]
    refutes: NDArray[np.bool_]
    gold: NDArray[np.bool_]

    @property
    def effective(self) -> NDArray[np.float64]:
        return np.where(self.refutes, 0.0, self.scores)


def score_pairs(
    matcher: ClaimMatcher, posts: Sequence[LabelledPost], claim_ids: Sequence[str]
) -> PairScores:
    """Score `posts` against the matcher's claims (in `claim_ids` order)."""
    scores = matcher.scores([p.text for p in posts])
    refutes = np.zeros(scores.shape, dtype=bool)
    for found in matcher.find([p.text for p in posts], threshold=0.0):
        refutes[found.index, found.claim] = found.stance is Stance.refutes
    gold = np.array([[p.match and p.claim_id == c for c in claim_ids] for p in posts], dtype=bool)
    return PairScores(list(posts), list(claim_ids), scores, refutes, gold)


def figures_at(pairs: PairScores, threshold: float) -> Figures:
    predicted = pairs.effective >= threshold
    tp = int((predicted & pairs.gold).sum())
    fp = int((predicted & ~pairs.gold).sum())
    fn = int((~predicted & pairs.gold).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Figures(threshold, precision, recall, f1, tp, fp, fn, int(pairs.gold.size))


def tune_threshold(pairs: PairScores, step: float = 0.005) -> Figures:
    """The threshold with the best F1 on these pairs (ties: the higher, more precise one)."""
    best: Figures | None = None
    for threshold in np.arange(step, 1.0, step):
        current = figures_at(pairs, round(float(threshold), 4))
        if best is None or current.f1 >= best.f1:
            best = current
    assert best is not None
    return best


def recall_by(pairs: PairScores, threshold: float, key: str) -> dict[str, tuple[int, int]]:
    """For each value of a post attribute (`kind`, `diacritics`), how many of the posts
    predicted a match with their OWN claim, out of how many: (predicted, total)."""
    predicted = pairs.effective >= threshold
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for row, post in enumerate(pairs.posts):
        value = str(getattr(post, key))
        totals[value] += 1
        if predicted[row, pairs.claim_ids.index(post.claim_id)]:
            hits[value] += 1
    return {value: (hits[value], totals[value]) for value in sorted(totals)}


def other_claim_false_matches(pairs: PairScores, threshold: float) -> int:
    """Pairs predicted with a claim that is not the post's own (cross-claim confusion)."""
    predicted = pairs.effective >= threshold
    own = np.array([[p.claim_id == c for c in pairs.claim_ids] for p in pairs.posts])
    return int((predicted & ~own).sum())
