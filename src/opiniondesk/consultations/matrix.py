"""The vote matrix: one row per participant, one column per statement, the latest vote in each
cell (+1 agree, −1 disagree, 0 pass, NaN not voted)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

AGREE, DISAGREE, PASS = 1, -1, 0


@dataclass(frozen=True)
class VoteMatrix:
    """Participants and statements are opaque ids; `moderated_out[j]` marks a statement taken
    out by moderation (its column stays, its values count as 0 in the opinion map)."""

    participants: tuple[str, ...]
    statements: tuple[str, ...]
    values: NDArray[np.float64]
    moderated_out: NDArray[np.bool_]

    @property
    def voted(self) -> NDArray[np.bool_]:
        return ~np.isnan(self.values)

    @property
    def votes_per_participant(self) -> NDArray[np.int64]:
        counts: NDArray[np.int64] = self.voted.sum(axis=1).astype(np.int64)
        return counts

    @property
    def vote_count(self) -> int:
        return int(self.voted.sum())

    @classmethod
    def from_votes(
        cls,
        votes: Iterable[tuple[str, str, int]],
        *,
        statements: Iterable[str] = (),
        moderated_out: Iterable[str] = (),
    ) -> VoteMatrix:
        """Build from (participant, statement, vote) triples in time order: a later vote on the
        same statement replaces the earlier one. `statements` adds columns nobody voted on."""
        cells: dict[tuple[str, str], int] = {}
        for participant, statement, vote in votes:
            if vote not in (AGREE, DISAGREE, PASS):
                raise ValueError(f"vote {vote!r} on statement {statement!r}: expected 1, -1 or 0")
            cells[(participant, statement)] = vote
        people = _ordered({p for p, _ in cells})
        columns = _ordered({s for _, s in cells} | set(statements))
        row = {p: i for i, p in enumerate(people)}
        col = {s: j for j, s in enumerate(columns)}
        values = np.full((len(people), len(columns)), np.nan)
        for (participant, statement), vote in cells.items():
            values[row[participant], col[statement]] = vote
        out = set(moderated_out)
        mask = np.array([s in out for s in columns], dtype=bool)
        return cls(tuple(people), tuple(columns), values, mask)


def _ordered(ids: set[str]) -> list[str]:
    """Numeric ids in numeric order, then the others: a fixed order the clustering relies on."""
    return sorted(ids, key=lambda v: (0, int(v), "") if v.isdigit() else (1, 0, v))
