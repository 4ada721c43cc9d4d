"""One analysis of a consultation: the opinion map, the groups, what represents each group, and
what the groups share or split on. Pure numpy; the result is a plain dataclass that the service
stores as JSON and the pages read.

Who gets a group: only the participants placed on the map (enough votes, see opinion_map);
the others are counted in the totals but belong to no group. The participant → group mapping
is kept for the command line and the evaluation; no page ever shows it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from threadpoolctl import threadpool_limits

from opiniondesk.consultations.consensus import divisiveness, group_informed_consensus
from opiniondesk.consultations.groups import GroupingOptions, find_groups
from opiniondesk.consultations.matrix import VoteMatrix
from opiniondesk.consultations.opinion_map import opinion_map
from opiniondesk.consultations.repness import Representative, representative
from opiniondesk.consultations.tallies import Tallies, smoothed_rate, tally


@dataclass(frozen=True)
class RepresentativeStatement:
    statement: str
    direction: str  # "agree" | "disagree"
    rate: float  # the group's smoothed agree (or disagree) rate, pa
    rate_test: float
    ratio: float
    ratio_test: float
    score: float
    votes: int = 0  # how many of the group voted on it


@dataclass(frozen=True)
class GroupSummary:
    index: int
    size: int
    centre: tuple[float, float]  # on the opinion map
    spread: tuple[float, float]  # standard deviation along each axis (drawn as an ellipse)
    agree: list[RepresentativeStatement]
    disagree: list[RepresentativeStatement]


@dataclass(frozen=True)
class StatementFigures:
    statement: str
    votes: int
    agrees: int
    disagrees: int
    consensus: float  # group-informed consensus over the shown groups
    divisiveness: float  # max − min of the shown groups' smoothed agree rates
    group_agree_rates: list[float]  # smoothed, one per group (indexes as `groups`)
    group_votes: list[int]


@dataclass(frozen=True)
class ConsultationAnalysis:
    k: int
    seed: int
    silhouette: float
    participants: int
    clustered: int
    vote_count: int
    groups: list[GroupSummary]
    statements: list[StatementFigures]
    membership: dict[str, int] = field(default_factory=dict)  # participant -> group (CLI only)
    explained_variance: tuple[float, ...] = ()

    @property
    def consensus(self) -> dict[str, float]:
        return {s.statement: s.consensus for s in self.statements}

    @property
    def representative(self) -> dict[int, list[str]]:
        return {g.index: [r.statement for r in g.agree] for g in self.groups}

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ConsultationAnalysis:
        groups = [
            GroupSummary(
                index=g["index"],
                size=g["size"],
                centre=tuple(g["centre"]),  # type: ignore[arg-type]
                spread=tuple(g["spread"]),  # type: ignore[arg-type]
                agree=[RepresentativeStatement(**r) for r in g["agree"]],
                disagree=[RepresentativeStatement(**r) for r in g["disagree"]],
            )
            for g in data["groups"]
        ]
        statements = [StatementFigures(**s) for s in data["statements"]]
        rest = {k: v for k, v in data.items() if k not in ("groups", "statements")}
        rest["explained_variance"] = tuple(rest.get("explained_variance", ()))
        return cls(groups=groups, statements=statements, **rest)


def _as_result(statement_ids: tuple[str, ...], found: Representative) -> RepresentativeStatement:
    return RepresentativeStatement(
        statement=statement_ids[found.statement],
        direction=found.direction,
        rate=found.rate,
        rate_test=found.rate_test,
        ratio=found.ratio,
        ratio_test=found.ratio_test,
        score=found.score,
        votes=found.votes,
    )


def analyse(
    matrix: VoteMatrix,
    *,
    seed: int = 0,
    min_group_size: int = 5,
    options: GroupingOptions | None = None,
) -> ConsultationAnalysis:
    """Analyse `matrix`. `min_group_size` only limits which groups the divisiveness score
    compares (a hidden group must not show through it); every group is analysed."""
    # one thread: these matrices are small, and BLAS/OpenMP threads cost more than they save
    # (measured 3.5 s → 0.6 s on the largest conversation on a busy 2-core machine)
    with threadpool_limits(limits=1):
        return _analyse(matrix, seed=seed, min_group_size=min_group_size, options=options)


def _analyse(
    matrix: VoteMatrix, *, seed: int, min_group_size: int, options: GroupingOptions | None
) -> ConsultationAnalysis:
    placed = opinion_map(matrix)
    rows = np.flatnonzero(placed.clustered)
    grouping = find_groups(placed.coordinates[rows], seed=seed, options=options)
    membership = np.full(len(matrix.participants), -1, dtype=np.int64)
    membership[rows] = grouping.labels
    counts = tally(matrix.values, membership, grouping.k)
    sizes = np.bincount(grouping.labels, minlength=grouping.k) if grouping.k else np.zeros(0)
    shown = sizes >= min_group_size
    # consensus and divisiveness over the shown groups only: a group of one or two would move
    # every statement's score with its members' votes, and could be read back from it
    visible = Tallies(counts.agrees[shown], counts.disagrees[shown], counts.votes[shown])
    if not shown.any():  # no group large enough: everyone grouped, as one group
        visible = tally(matrix.values, np.where(membership >= 0, 0, -1), 1)
    consensus = group_informed_consensus(visible)
    spread = divisiveness(visible)
    rates = smoothed_rate(counts.agrees, counts.votes)
    allowed = ~matrix.moderated_out
    groups = []
    for index in range(grouping.k):
        members = placed.coordinates[rows][grouping.labels == index]
        agree, disagree = representative(counts, index, allowed)
        groups.append(
            GroupSummary(
                index=index,
                size=int(sizes[index]),
                centre=(float(members[:, 0].mean()), float(members[:, 1].mean())),
                spread=(float(members[:, 0].std()), float(members[:, 1].std())),
                agree=[_as_result(matrix.statements, r) for r in agree],
                disagree=[_as_result(matrix.statements, r) for r in disagree],
            )
        )
    voted = ~np.isnan(matrix.values)
    statements = [
        StatementFigures(
            statement=statement,
            votes=int(voted[:, j].sum()),
            agrees=int((matrix.values[:, j] == 1).sum()),
            disagrees=int((matrix.values[:, j] == -1).sum()),
            consensus=float(consensus[j]),
            divisiveness=float(spread[j]),
            group_agree_rates=[float(r) for r in rates[:, j]],
            group_votes=[int(v) for v in counts.votes[:, j]],
        )
        for j, statement in enumerate(matrix.statements)
    ]
    return ConsultationAnalysis(
        k=grouping.k,
        seed=seed,
        silhouette=grouping.silhouette,
        participants=len(matrix.participants),
        clustered=len(rows),
        vote_count=matrix.vote_count,
        groups=groups,
        statements=statements,
        membership={matrix.participants[i]: int(membership[i]) for i in rows},
        explained_variance=placed.explained_variance,
    )
