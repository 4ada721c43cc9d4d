"""What the groups share and where they split.

- Group-informed consensus (Small et al. 2021): the product over groups of each group's smoothed
  agree rate (agrees + 1) / (votes + 2). High only when every group tends to agree. The
  analysis passes only the groups that are shown (size ≥ the minimum group size).
- Divisiveness (ours): max − min over groups of that same smoothed agree rate. 0 when every
  group agrees equally often; near 1 when one group nearly always agrees and another nearly
  never does. Computed over the groups that are shown (large enough).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from opiniondesk.consultations.tallies import Tallies, smoothed_rate


def group_informed_consensus(tallies: Tallies) -> NDArray[np.float64]:
    """One score per statement, in (0, 1)."""
    product: NDArray[np.float64] = np.prod(smoothed_rate(tallies.agrees, tallies.votes), axis=0)
    return product


def divisiveness(tallies: Tallies) -> NDArray[np.float64]:
    """One score per statement, in [0, 1): the spread of the groups' smoothed agree rates."""
    if tallies.groups < 2:
        return np.zeros(tallies.votes.shape[1])
    rates = smoothed_rate(tallies.agrees, tallies.votes)
    spread: NDArray[np.float64] = rates.max(axis=0) - rates.min(axis=0)
    return spread
