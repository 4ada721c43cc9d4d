"""Grouping quality on the labelled pairs: thresholds chosen on tune, checked on test.

Floors, and why: the attach threshold is chosen for precision ≥ 0.95 on tune. The test half
attaches about 60 pairs, so one binomial standard error at 0.95 is about 0.03; a test
precision more than three standard errors below the target (< 0.85) means the threshold does
not carry over and automatic attaching would merge different questions too often. The suggest
threshold is chosen for recall ≥ 0.95 on tune; below 0.85 on test the moderator would miss
too many duplicates.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from opiniondesk.dialogue import similarity
from opiniondesk.dialogue.calibration import Calibration, choose, read_pairs

PAIRS = Path(__file__).resolve().parents[1] / "data" / "dialogue_pairs.csv"
ATTACH_PRECISION_FLOOR = 0.85
SUGGEST_RECALL_FLOOR = 0.85


@pytest.fixture(scope="module")
def chosen() -> Calibration:
    best, _ = choose(read_pairs(PAIRS))
    return best


def test_the_pairs_set_is_large_and_varied() -> None:
    pairs = read_pairs(PAIRS)
    kinds = Counter(p.kind for p in pairs)
    assert len(pairs) >= 300
    assert {"paraphrase", "no_diacritics", "teencode", "different_same_topic", "unrelated"} <= set(
        kinds
    )
    assert kinds["different_same_topic"] >= 80  # plenty of hard negatives
    tune = {p.a for p in pairs if p.split == "tune"}
    test = {p.a for p in pairs if p.split == "test"}
    assert not tune & test  # no question in both halves


def test_attach_is_precise_on_the_test_half(chosen: Calibration) -> None:
    assert chosen.tune_attach.precision >= 0.95
    assert chosen.test_attach.precision >= ATTACH_PRECISION_FLOOR, chosen.test_attach
    assert chosen.test_attach.predicted >= 30  # it attaches something, not nothing


def test_suggest_catches_most_duplicates_on_the_test_half(chosen: Calibration) -> None:
    assert chosen.test_suggest.recall >= SUGGEST_RECALL_FLOOR, chosen.test_suggest
    assert chosen.suggest <= chosen.attach


def test_the_shipped_thresholds_are_the_calibrated_ones(chosen: Calibration) -> None:
    assert chosen.config == similarity.DEFAULT_CONFIG
    assert pytest.approx(chosen.attach, abs=1e-3) == similarity.ATTACH
    assert pytest.approx(chosen.suggest, abs=1e-3) == similarity.SUGGEST


def test_unrelated_questions_are_never_attached(chosen: Calibration) -> None:
    pairs, attached, suggested = chosen.test_by_kind["unrelated"]
    assert pairs > 0 and attached == 0 and suggested == 0
