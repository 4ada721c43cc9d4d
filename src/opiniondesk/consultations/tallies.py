"""Agree / disagree / vote counts per opinion group and statement (passes count as votes)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from opiniondesk.consultations.matrix import AGREE, DISAGREE


@dataclass(frozen=True)
class Tallies:
    """Arrays of shape groups × statements."""

    agrees: NDArray[np.int64]
    disagrees: NDArray[np.int64]
    votes: NDArray[np.int64]

    @property
    def groups(self) -> int:
        return int(self.votes.shape[0])


def tally(values: NDArray[np.float64], membership: NDArray[np.int64], k: int) -> Tallies:
    """`values` participants × statements (NaN not voted); `membership[i]` the group of
    participant i, or −1 for someone in no group (left out of every count)."""
    shape = (k, values.shape[1])
    agrees, disagrees, votes = (np.zeros(shape, dtype=np.int64) for _ in range(3))
    for group in range(k):
        rows = values[membership == group]
        agrees[group] = (rows == AGREE).sum(axis=0)
        disagrees[group] = (rows == DISAGREE).sum(axis=0)
        votes[group] = (~np.isnan(rows)).sum(axis=0)
    return Tallies(agrees, disagrees, votes)


def smoothed_rate(successes: NDArray[np.int64], votes: NDArray[np.int64]) -> NDArray[np.float64]:
    """(successes + 1) / (votes + 2): a rate that an empty or tiny group cannot push to 0 or 1."""
    return (successes + 1.0) / (votes + 2.0)
