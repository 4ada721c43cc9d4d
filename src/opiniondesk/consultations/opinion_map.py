"""The opinion map: who votes alike, in two dimensions (Small et al. 2021, §3).

Moderated-out statements keep their column with every value set to 0; blanks are imputed by
the column mean; a 2-component PCA; each participant is projected as
Σ over their votes of (vote − column mean) × component, scaled by √(statements / their votes)
so that someone who voted on few statements is not pulled towards the centre.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from sklearn.decomposition import PCA

from opiniondesk.consultations.matrix import VoteMatrix

MIN_VOTES = 7  # a participant is placed on the map after this many votes (or every statement)
MIN_PARTICIPANTS = 15  # topped up with the most active participants when fewer qualify


@dataclass(frozen=True)
class OpinionMap:
    """`coordinates[i]` is participant i's place; `clustered[i]` says whether they qualify."""

    coordinates: NDArray[np.float64]
    clustered: NDArray[np.bool_]
    components: NDArray[np.float64]  # 2 × statements
    column_means: NDArray[np.float64]
    explained_variance: tuple[float, ...]


def qualifying(matrix: VoteMatrix) -> NDArray[np.bool_]:
    """Participants with at least min(7, statements) votes (passes count), topped up to 15 with
    the participants who voted most (ties: the earlier participant)."""
    counts = matrix.votes_per_participant
    needed = min(MIN_VOTES, len(matrix.statements))
    chosen = counts >= needed
    if chosen.sum() < MIN_PARTICIPANTS:
        order = np.lexsort((np.arange(len(counts)), -counts))  # most votes first, stable
        chosen = np.zeros(len(counts), dtype=bool)
        chosen[order[: min(MIN_PARTICIPANTS, len(counts))]] = True
        chosen &= counts > 0
    return chosen


def rating_matrix(matrix: VoteMatrix) -> NDArray[np.float64]:
    """The votes with moderated-out columns set to 0 everywhere (blanks stay NaN elsewhere)."""
    values = matrix.values.copy()
    values[:, matrix.moderated_out] = 0.0
    return values


def column_means(values: NDArray[np.float64]) -> NDArray[np.float64]:
    voted = ~np.isnan(values)
    totals = np.where(voted, values, 0.0).sum(axis=0)
    counts = voted.sum(axis=0)
    means: NDArray[np.float64] = np.divide(
        totals, counts, out=np.zeros(values.shape[1]), where=counts > 0
    )
    return means


def opinion_map(matrix: VoteMatrix) -> OpinionMap:
    """PCA of the qualifying participants, then every participant projected onto it."""
    clustered = qualifying(matrix)
    values = rating_matrix(matrix)
    fitted = values[clustered]
    means = column_means(fitted)
    imputed = np.where(np.isnan(fitted), means, fitted)
    components = np.zeros((2, values.shape[1]))
    explained: tuple[float, ...] = ()
    n_components = min(2, imputed.shape[0] - 1, imputed.shape[1])
    if n_components >= 1:  # one participant or no statement: nothing to project on
        with np.errstate(invalid="ignore", divide="ignore"):  # no variance: ratio 0/0
            pca = PCA(n_components=n_components, svd_solver="full").fit(imputed)
        components[:n_components] = pca.components_
        # 0/0 when everyone voted alike: stored as JSON, so never NaN
        explained = tuple(float(np.nan_to_num(v)) for v in pca.explained_variance_ratio_)
    components = _oriented(components)
    centred = np.where(np.isnan(values), 0.0, values - means)  # a blank contributes nothing
    # a moderated-out column is all 0s, so it counts in "their votes" like any other
    votes = (~np.isnan(values)).sum(axis=1)
    scale = np.sqrt(values.shape[1] / np.maximum(votes, 1))
    coordinates = (centred @ components.T) * scale[:, None]
    return OpinionMap(coordinates, clustered, components, means, explained)


def _oriented(components: NDArray[np.float64]) -> NDArray[np.float64]:
    """A component's sign is arbitrary; fix it (largest loading positive) so that the same
    votes always draw the same map."""
    oriented = components.copy()
    for row in oriented:
        if row.size and row[np.argmax(np.abs(row))] < 0:
            row *= -1
    return oriented
