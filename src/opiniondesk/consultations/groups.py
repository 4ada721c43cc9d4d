"""Opinion groups: about 100 fine clusters of the map, then a weighted k-means of their centres
(weights: how many participants each holds) for k = 2 … min(5, 2 + ⌊fine/12⌋), k chosen by
silhouette.

Deterministic: k-means++ from a fixed seed (the `seed` parameter), so the same votes and seed
always give the same groups; the evaluation measures how much another seed changes them.
Two choices of our own, measured on real Pol.is conversations (docs/evaluation.md):
- the group step keeps the best of several k-means++ starts, so one unlucky start cannot split
  a clear group;
- a larger k must beat a smaller one's silhouette by more than `K_TOLERANCE`: near-ties go to
  fewer groups, which are easier to read and far more stable.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score

FINE_CLUSTERS = 100
MAX_GROUPS = 5
GROUP_STARTS = 10
K_TOLERANCE = 0.02


@dataclass(frozen=True)
class GroupingOptions:
    """The two choices of our own (module docstring); the evaluation varies them."""

    k_tolerance: float = K_TOLERANCE
    group_starts: int = GROUP_STARTS


@dataclass(frozen=True)
class Grouping:
    labels: NDArray[np.int64]  # one per point given: its group, 0 = the largest group
    k: int
    silhouette: float
    silhouettes: dict[int, float] = field(default_factory=dict)  # every k tried


def max_groups(fine: int) -> int:
    return min(MAX_GROUPS, 2 + fine // 12)


def _fine_clusters(
    points: NDArray[np.float64], k: int, seed: int
) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
    model = KMeans(n_clusters=k, init="k-means++", n_init=1, random_state=seed).fit(points)
    used, labels = np.unique(model.labels_, return_inverse=True)  # drop empty clusters
    return labels.astype(np.int64), model.cluster_centers_[used]


def _group_centres(
    centres: NDArray[np.float64], k: int, sizes: NDArray[np.float64], seed: int, starts: int
) -> NDArray[np.int64]:
    model = KMeans(n_clusters=k, init="k-means++", n_init=starts, random_state=seed)
    model.fit(centres, sample_weight=sizes)
    labels: NDArray[np.int64] = model.labels_.astype(np.int64)
    return labels


def find_groups(
    points: NDArray[np.float64], *, seed: int = 0, options: GroupingOptions | None = None
) -> Grouping:
    """Group `points` (participants on the map). Fewer than two distinct points: one group."""
    options = options or GroupingOptions()
    n = len(points)
    distinct = len(np.unique(points.round(12), axis=0)) if n else 0
    if distinct < 2 or n < 3:
        return Grouping(np.zeros(n, dtype=np.int64), 1 if n else 0, 0.0)
    fine_labels, fine_centres = _fine_clusters(points, min(FINE_CLUSTERS, distinct), seed)
    sizes = np.bincount(fine_labels, minlength=len(fine_centres)).astype(np.float64)
    best: tuple[float, int, NDArray[np.int64]] | None = None
    scores: dict[int, float] = {}
    for k in range(2, min(max_groups(len(fine_centres)), len(fine_centres), n - 1) + 1):
        labels = _group_centres(fine_centres, k, sizes, seed, options.group_starts)
        labels = labels[fine_labels]
        if len(np.unique(labels)) < 2:
            continue
        scores[k] = float(silhouette_score(points, labels))
        if best is None or scores[k] > best[0] + options.k_tolerance:
            best = (scores[k], k, labels)
    if best is None:
        return Grouping(np.zeros(n, dtype=np.int64), 1, 0.0, scores)
    score, k, labels = best
    return Grouping(_numbered_by_size(labels), k, score, scores)


def _numbered_by_size(labels: NDArray[np.int64]) -> NDArray[np.int64]:
    """Group 0 is the largest (ties: the one met first), so numbering does not depend on
    k-means' internal order."""
    found = np.unique(labels)
    keyed = sorted((-int((labels == g).sum()), int(np.argmax(labels == g)), int(g)) for g in found)
    renumber = np.zeros(int(found.max()) + 1, dtype=np.int64)
    for index, (_, _, group) in enumerate(keyed):
        renumber[group] = index
    return renumber[labels]
