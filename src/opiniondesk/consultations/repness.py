"""The statements that represent each opinion group (Small et al. 2021, §3.3).

For a group and a statement, with passes counted as votes:
  pa  = (agrees + 1) / (votes + 2)                       how often the group agrees
  pat = 2·√(votes + 1)·((agrees + 1)/(votes + 1) − ½)    is that more than half? (z-like)
  ra  = pa / the same rate among everyone outside the group
  rat = two-proportion z-test, group vs the rest, with 1 added to each count
A statement represents the group when pat and rat both exceed 1.2816 (one-sided 90%); the
candidates are ranked by ra·rat·pa·pat and the top five kept. The same with disagreements.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from opiniondesk.consultations.tallies import Tallies, smoothed_rate

Z_90 = 1.2816
TOP = 5


@dataclass(frozen=True)
class Representative:
    statement: int  # column index
    direction: str  # "agree" or "disagree"
    rate: float  # pa (or pd): the group's smoothed rate
    rate_test: float  # pat
    ratio: float  # ra
    ratio_test: float  # rat
    votes: int  # how many of the group voted on it

    @property
    def score(self) -> float:
        return self.ratio * self.ratio_test * self.rate * self.rate_test


def proportion_test(successes: NDArray[np.int64], votes: NDArray[np.int64]) -> NDArray[np.float64]:
    z: NDArray[np.float64] = 2.0 * np.sqrt(votes + 1.0) * ((successes + 1.0) / (votes + 1.0) - 0.5)
    return z


def two_proportion_test(
    successes_1: NDArray[np.int64],
    votes_1: NDArray[np.int64],
    successes_2: NDArray[np.int64],
    votes_2: NDArray[np.int64],
) -> NDArray[np.float64]:
    s1, n1, s2, n2 = (
        np.asarray(a, dtype=np.float64) + 1.0 for a in (successes_1, votes_1, successes_2, votes_2)
    )
    p1, p2 = s1 / n1, s2 / n2
    pooled = (s1 + s2) / (n1 + n2)
    spread = np.sqrt(pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2))
    return np.divide(p1 - p2, spread, out=np.zeros_like(p1), where=spread > 0)


def _for_direction(
    tallies: Tallies,
    successes: NDArray[np.int64],
    group: int,
    direction: str,
    allowed: NDArray[np.bool_],
) -> list[Representative]:
    inside, votes = successes[group], tallies.votes[group]
    outside = successes.sum(axis=0) - inside
    outside_votes = tallies.votes.sum(axis=0) - votes
    rate = smoothed_rate(inside, votes)
    rate_test = proportion_test(inside, votes)
    ratio = rate / smoothed_rate(outside, outside_votes)
    ratio_test = two_proportion_test(inside, votes, outside, outside_votes)
    keep = allowed & (rate_test > Z_90) & (ratio_test > Z_90)
    found = [
        Representative(
            int(j), direction, float(rate[j]), float(rate_test[j]), float(ratio[j]),
            float(ratio_test[j]), int(votes[j]),
        )
        for j in np.flatnonzero(keep)
    ]  # fmt: skip
    found.sort(key=lambda r: (-r.score, r.statement))
    return found[:TOP]


def representative(
    tallies: Tallies, group: int, allowed: NDArray[np.bool_]
) -> tuple[list[Representative], list[Representative]]:
    """(agree, disagree) representatives of `group` among the `allowed` statements."""
    return (
        _for_direction(tallies, tallies.agrees, group, "agree", allowed),
        _for_direction(tallies, tallies.disagrees, group, "disagree", allowed),
    )
