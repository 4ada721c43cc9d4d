"""Choosing and checking the grouping thresholds on labelled question pairs.

The pairs file (tests/data/dialogue_pairs.csv) is split by item into tune and test halves.
Thresholds are chosen on tune only; precision and recall are then measured on test. IDF is
fitted on the texts of the half being scored, as a session's questions would be.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from opiniondesk.dialogue.similarity import DEFAULT_CONFIG, QuestionSimilarity, SimilarityConfig


@dataclass(frozen=True, slots=True)
class LabelledPair:
    a: str
    b: str
    same: bool
    kind: str
    split: str


@dataclass(frozen=True, slots=True)
class Scored:
    threshold: float
    precision: float
    recall: float
    true_positives: int
    predicted: int
    positives: int


def read_pairs(path: Path) -> list[LabelledPair]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            LabelledPair(
                row["question_a"], row["question_b"], row["same"] == "1", row["kind"], row["split"]
            )
            for row in csv.DictReader(handle)
        ]


def scores_of(
    pairs: Sequence[LabelledPair], config: SimilarityConfig = DEFAULT_CONFIG
) -> np.ndarray:
    corpus = list(dict.fromkeys([p.a for p in pairs] + [p.b for p in pairs]))
    return QuestionSimilarity(corpus, config).pairs([p.a for p in pairs], [p.b for p in pairs])


def at_threshold(scores: np.ndarray, labels: Sequence[bool], threshold: float) -> Scored:
    truth = np.asarray(labels, dtype=bool)
    chosen = scores >= threshold
    tp = int(np.sum(chosen & truth))
    predicted, positives = int(np.sum(chosen)), int(np.sum(truth))
    return Scored(
        threshold=threshold,
        precision=tp / predicted if predicted else 1.0,
        recall=tp / positives if positives else 1.0,
        true_positives=tp,
        predicted=predicted,
        positives=positives,
    )


def _candidates(scores: np.ndarray) -> list[float]:
    return sorted({round(float(s), 3) for s in scores})


def attach_threshold(scores: np.ndarray, labels: Sequence[bool], min_precision: float) -> float:
    """The lowest threshold whose precision (and every higher one's) stays ≥ `min_precision`:
    the most recall an automatic attach can have without wrongly merging questions."""
    best = 1.0
    for threshold in reversed(_candidates(scores)):
        if at_threshold(scores, labels, threshold).precision < min_precision:
            break
        best = threshold
    return best


def suggest_threshold(scores: np.ndarray, labels: Sequence[bool], min_recall: float) -> float:
    """The highest threshold that still catches `min_recall` of the same-question pairs."""
    for threshold in reversed(_candidates(scores)):
        if at_threshold(scores, labels, threshold).recall >= min_recall:
            return threshold
    return 0.0


# the configurations tried on tune; the one whose attach threshold keeps the most recall wins
GRID: dict[str, SimilarityConfig] = {
    "char 2–5, no intent": SimilarityConfig((2, 5), True, 1.0),
    "char 3–5, no intent": SimilarityConfig((3, 5), True, 1.0),
    "char 2–5 × intent 0.7": SimilarityConfig((2, 5), True, 0.7),
    "char 3–5 × intent 0.7": SimilarityConfig((3, 5), True, 0.7),
    "char 2–5 × intent 0.5": SimilarityConfig((2, 5), True, 0.5),
    "char 3–5 × intent 0.5": SimilarityConfig((3, 5), True, 0.5),
    "char 1–4 × intent 0.5": SimilarityConfig((1, 4), True, 0.5),
}
ATTACH_MIN_PRECISION = 0.95  # on tune: an automatic attach is wrong at most 1 time in 20
SUGGEST_MIN_RECALL = 0.95  # on tune: the moderator is shown 95% of the real duplicates


@dataclass(frozen=True, slots=True)
class Calibration:
    name: str
    config: SimilarityConfig
    attach: float
    suggest: float
    tune_attach: Scored
    tune_suggest: Scored
    test_attach: Scored
    test_suggest: Scored
    test_by_kind: dict[str, tuple[int, int, int]]  # kind -> (pairs, attached, suggested)


def calibrate(config: SimilarityConfig, name: str, pairs: Sequence[LabelledPair]) -> Calibration:
    tune = [p for p in pairs if p.split == "tune"]
    test = [p for p in pairs if p.split == "test"]
    tune_scores, test_scores = scores_of(tune, config), scores_of(test, config)
    tune_labels, test_labels = [p.same for p in tune], [p.same for p in test]
    attach = attach_threshold(tune_scores, tune_labels, ATTACH_MIN_PRECISION)
    suggest = min(attach, suggest_threshold(tune_scores, tune_labels, SUGGEST_MIN_RECALL))
    by_kind: dict[str, tuple[int, int, int]] = {}
    for pair, score in zip(test, test_scores, strict=True):
        n, a, s = by_kind.get(pair.kind, (0, 0, 0))
        by_kind[pair.kind] = (n + 1, a + int(score >= attach), s + int(score >= suggest))
    return Calibration(
        name=name,
        config=config,
        attach=attach,
        suggest=suggest,
        tune_attach=at_threshold(tune_scores, tune_labels, attach),
        tune_suggest=at_threshold(tune_scores, tune_labels, suggest),
        test_attach=at_threshold(test_scores, test_labels, attach),
        test_suggest=at_threshold(test_scores, test_labels, suggest),
        test_by_kind=by_kind,
    )


def choose(pairs: Sequence[LabelledPair]) -> tuple[Calibration, list[Calibration]]:
    """Every configuration of GRID calibrated on tune; the chosen one is the one with the most
    tune recall at its attach threshold (then the most tune recall at suggest). Test figures
    play no part in the choice."""
    results = [calibrate(config, name, pairs) for name, config in GRID.items()]
    best = max(results, key=lambda c: (c.tune_attach.recall, c.tune_suggest.recall))
    return best, results
