"""Class-based TF-IDF (c-TF-IDF): the terms that set one cluster apart from the others.

All documents of a class are treated as one long document. For term t in class c:

    W(t, c) = tf(t, c) × log(1 + A / f(t))

where tf(t, c) is the frequency of t in c divided by the number of terms in c (so a large
cluster does not outweigh a small one), f(t) the frequency of t over all classes, and A the
average number of terms per class. Unclustered documents form one more class: they take part
in f(t) and A (a word common everywhere is not distinctive) but get no label of their own.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from opiniondesk.discovery.clustering import UNCLUSTERED, CountMatrix


def class_term_weights(counts: CountMatrix, labels: NDArray[np.int64]) -> NDArray[np.float64]:
    """c-TF-IDF weights, one row per cluster 0..k-1, one column per term."""
    n_clusters = int(labels.max()) + 1 if labels.size else 0
    if n_clusters <= 0 or counts.shape[1] == 0:
        return np.zeros((0, counts.shape[1]))
    classes = [*range(n_clusters)] + ([UNCLUSTERED] if (labels == UNCLUSTERED).any() else [])
    rows = [np.asarray(counts[labels == c].sum(axis=0)).ravel() for c in classes]
    tf = np.vstack(rows).astype(np.float64)
    per_class = tf.sum(axis=1, keepdims=True)
    total = tf.sum(axis=0)
    average = tf.sum() / len(classes)
    with np.errstate(divide="ignore", invalid="ignore"):
        idf = np.where(total > 0, np.log1p(average / total), 0.0)
        weights = np.where(per_class > 0, tf / per_class, 0.0) * idf
    return weights[:n_clusters]


def top_terms(
    weights: NDArray[np.float64], vocabulary: list[str], n: int = 10
) -> list[tuple[str, float]]:
    """The `n` heaviest terms of one cluster, skipping a term whose every syllable is already
    covered by heavier ones ("sat" after "sat lo"): each line of the label says something new."""
    chosen: list[tuple[str, float]] = []
    covered: set[str] = set()
    for index in np.argsort(-weights, kind="stable"):
        weight = float(weights[index])
        if weight <= 0 or len(chosen) == n:
            break
        term = vocabulary[index]
        syllables = set(term.split())
        if syllables <= covered:
            continue
        chosen.append((term, weight))
        covered |= syllables
    return chosen
