"""Evidence for an alert: a few documents that show what people say, none repeating another.

Reposts are already excluded (they are linked to their original and never counted); here the
picks are also kept apart from each other — the same content hash, or MinHash signatures
sharing at least `max_similarity` of their values (estimated Jaccard of the word 3-grams), are
one piece of evidence, not two. Picks go round the days of the window, newest day first, and
within a day the documents that matched the topic most strongly come first, so the evidence
covers the whole rise rather than its busiest afternoon.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import zip_longest

import numpy as np

EVIDENCE_LIMIT = 20
MAX_SIMILARITY = 0.5


@dataclass(frozen=True, slots=True)
class Candidate:
    document_id: int
    day: date
    score: float  # topic confidence of the document
    content_hash: str
    minhash: bytes | None


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two stored MinHash signatures (same permutations)."""
    left = np.frombuffer(a, dtype=np.uint64)
    right = np.frombuffer(b, dtype=np.uint64)
    if left.shape != right.shape or left.size == 0:
        return 0.0
    return float(np.mean(left == right))


def _round_robin(candidates: Sequence[Candidate]) -> list[Candidate]:
    by_day: dict[date, list[Candidate]] = {}
    for c in candidates:
        by_day.setdefault(c.day, []).append(c)
    queues = [
        sorted(by_day[day], key=lambda c: (-c.score, c.document_id))
        for day in sorted(by_day, reverse=True)
    ]
    return [c for turn in zip_longest(*queues) for c in turn if c is not None]


def pick_evidence(
    candidates: Sequence[Candidate],
    *,
    limit: int = EVIDENCE_LIMIT,
    max_similarity: float = MAX_SIMILARITY,
) -> list[int]:
    """Ids of up to `limit` documents, no two of them near-duplicates of each other."""
    chosen: list[Candidate] = []
    hashes: set[str] = set()
    for candidate in _round_robin(candidates):
        if len(chosen) >= limit:
            break
        if candidate.content_hash in hashes:
            continue
        if candidate.minhash is not None and any(
            other.minhash is not None
            and similarity(candidate.minhash, other.minhash) >= max_similarity
            for other in chosen
        ):
            continue
        chosen.append(candidate)
        hashes.add(candidate.content_hash)
    return [c.document_id for c in chosen]
