"""Evidence picks: no near-duplicates, no repeats, spread over the days of the window."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from opiniondesk.alerts.evidence import Candidate, pick_evidence, similarity

D = date(2026, 3, 10)


def _signature(seed: int, shared_with: bytes | None = None, share: float = 0.0) -> bytes:
    values = np.random.default_rng(seed).integers(0, 2**63, size=64, dtype=np.uint64)
    if shared_with is not None:
        base = np.frombuffer(shared_with, dtype=np.uint64)
        k = int(64 * share)
        values[:k] = base[:k]
    return values.tobytes()


def test_similarity_estimates_the_share_of_equal_values():
    a = _signature(1)
    assert similarity(a, a) == 1.0
    assert similarity(a, _signature(2, a, 0.75)) == 0.75
    assert similarity(a, b"") == 0.0


def test_near_duplicates_and_repeated_texts_are_picked_once():
    original = _signature(1)
    candidates = [
        Candidate(1, D, 0.9, "h1", original),
        Candidate(2, D, 0.8, "h2", _signature(2, original, 0.6)),  # near-duplicate of 1
        Candidate(3, D, 0.7, "h1", _signature(3)),  # same text as 1
        Candidate(4, D, 0.6, "h4", _signature(4, original, 0.2)),  # different enough
        Candidate(5, D, 0.5, "h5", None),  # too short for a signature: kept
    ]
    assert pick_evidence(candidates) == [1, 4, 5]


def test_picks_go_round_the_days_newest_first_and_stop_at_the_limit():
    candidates = [
        Candidate(
            10 * d + i, D + timedelta(days=d), 1.0 - i / 10, f"h{d}-{i}", _signature(10 * d + i)
        )
        for d in range(3)
        for i in range(5)
    ]
    picked = pick_evidence(candidates, limit=4)
    assert picked == [20, 10, 0, 21]
