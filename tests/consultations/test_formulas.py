"""The analysis on small matrices whose results were worked out by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from opiniondesk.consultations.analysis import ConsultationAnalysis, analyse
from opiniondesk.consultations.consensus import divisiveness, group_informed_consensus
from opiniondesk.consultations.groups import find_groups, max_groups
from opiniondesk.consultations.matrix import VoteMatrix
from opiniondesk.consultations.opinion_map import opinion_map, qualifying, rating_matrix
from opiniondesk.consultations.repness import proportion_test, representative, two_proportion_test
from opiniondesk.consultations.tallies import tally
from tests.consultations.builders import two_camps_votes

NAN = math.nan


def _two_groups() -> tuple[np.ndarray, np.ndarray]:
    """Statement 0: group 0 votes agree, agree, agree, pass; group 1 agree, disagree ×3.
    Statement 1: nobody in group 1 voted; group 0 disagrees twice."""
    values = np.array(
        [[1, -1], [1, -1], [1, NAN], [0, NAN], [1, NAN], [-1, NAN], [-1, NAN], [-1, NAN]],
        dtype=float,
    )
    membership = np.array([0, 0, 0, 0, 1, 1, 1, 1])
    return values, membership


class TestTallies:
    def test_passes_count_as_votes(self) -> None:
        counts = tally(*_two_groups(), 2)
        assert counts.agrees[:, 0].tolist() == [3, 1]
        assert counts.disagrees[:, 0].tolist() == [0, 3]
        assert counts.votes[:, 0].tolist() == [4, 4]
        assert counts.votes[:, 1].tolist() == [2, 0]

    def test_people_in_no_group_are_left_out(self) -> None:
        values, membership = _two_groups()
        membership[0] = -1
        assert tally(values, membership, 2).votes[:, 0].tolist() == [3, 4]


class TestConsensusAndDivisiveness:
    def test_group_informed_consensus(self) -> None:
        counts = tally(*_two_groups(), 2)
        # statement 0: (3+1)/(4+2) × (1+1)/(4+2) = 4/6 × 2/6 = 0.2222…
        # statement 1: (0+1)/(2+2) × (0+1)/(0+2) = 1/4 × 1/2 = 0.125
        assert group_informed_consensus(counts) == pytest.approx([8 / 36, 0.125])

    def test_divisiveness_is_the_spread_of_smoothed_agree_rates(self) -> None:
        counts = tally(*_two_groups(), 2)
        # statement 0: 4/6 − 2/6; statement 1: 1/2 − 1/4
        assert divisiveness(counts) == pytest.approx([2 / 6, 0.25])

    def test_one_group_divides_nothing(self) -> None:
        values, _ = _two_groups()
        counts = tally(values, np.zeros(8, dtype=int), 1)
        assert divisiveness(counts).tolist() == [0.0, 0.0]


class TestRepresentative:
    def test_the_test_statistics(self) -> None:
        # pat = 2·√(4+1)·((3+1)/(4+1) − ½) = 2·√5·0.3
        assert proportion_test(np.array([3]), np.array([4]))[0] == pytest.approx(
            2 * math.sqrt(5) * 0.3
        )
        # +1 on each count: 4/5 vs 2/5, pooled 6/10: 0.4 / √(0.6·0.4·(1/5 + 1/5))
        z = two_proportion_test(np.array([3]), np.array([4]), np.array([1]), np.array([4]))[0]
        assert z == pytest.approx(0.4 / math.sqrt(0.6 * 0.4 * 0.4))

    def test_group_0_is_represented_by_agreeing_with_statement_0(self) -> None:
        counts = tally(*_two_groups(), 2)
        agree, disagree = representative(counts, 0, np.array([True, True]))
        (found,) = agree
        assert found.statement == 0 and found.direction == "agree"
        assert found.rate == pytest.approx(4 / 6)  # pa
        assert found.ratio == pytest.approx((4 / 6) / (2 / 6))  # ra
        assert found.rate_test == pytest.approx(2 * math.sqrt(5) * 0.3)  # 1.3416 > 1.2816
        assert found.ratio_test == pytest.approx(0.4 / math.sqrt(0.096))  # 1.2910 > 1.2816
        assert found.score == pytest.approx(
            found.ratio * found.ratio_test * found.rate * found.rate_test
        )
        # disagreeing with statement 1 twice: pat = 2·√3·(3/3 − ½) = 1.73 passes, but the rest
        # never voted on it: rat = (3/3 − 1/1)/… = 0, not above 1.2816
        assert disagree == []

    def test_group_1_disagrees_with_statement_0(self) -> None:
        counts = tally(*_two_groups(), 2)
        agree, disagree = representative(counts, 1, np.array([True, True]))
        assert agree == [] and [r.statement for r in disagree] == [0]

    def test_moderated_out_statements_never_represent(self) -> None:
        counts = tally(*_two_groups(), 2)
        agree, _ = representative(counts, 0, np.array([False, True]))
        assert agree == []


class TestVoteMatrix:
    def test_the_latest_vote_per_cell_counts(self) -> None:
        matrix = VoteMatrix.from_votes(
            [("a", "1", 1), ("a", "1", -1), ("b", "1", 0)], statements=["2"]
        )
        assert matrix.participants == ("a", "b") and matrix.statements == ("1", "2")
        assert matrix.values[0, 0] == -1 and matrix.values[1, 0] == 0
        assert np.isnan(matrix.values[:, 1]).all()
        assert matrix.vote_count == 2

    def test_numeric_ids_sort_as_numbers(self) -> None:
        matrix = VoteMatrix.from_votes([("10", "2", 1), ("9", "10", 1)])
        assert matrix.participants == ("9", "10") and matrix.statements == ("2", "10")

    def test_a_vote_must_be_agree_disagree_or_pass(self) -> None:
        with pytest.raises(ValueError, match="expected 1, -1 or 0"):
            VoteMatrix.from_votes([("a", "1", 2)])

    def test_moderated_out_column_keeps_its_place_with_zeros(self) -> None:
        matrix = VoteMatrix.from_votes(
            [("a", "1", 1), ("a", "2", -1), ("b", "1", -1)], moderated_out=["2"]
        )
        rating = rating_matrix(matrix)
        assert rating[:, 1].tolist() == [0.0, 0.0]
        assert rating[1, 0] == -1


class TestQualifying:
    def _matrix(self, votes_each: list[int], statements: int = 10) -> VoteMatrix:
        votes = [
            (str(p), str(s), 1) for p, n in enumerate(votes_each) for s in range(min(n, statements))
        ]
        return VoteMatrix.from_votes(votes, statements=[str(s) for s in range(statements)])

    def test_seven_votes_or_every_statement(self) -> None:
        counts = [7] * 15 + [6, 3]
        assert qualifying(self._matrix(counts)).tolist() == [True] * 15 + [False, False]
        # with only 5 statements, 5 votes are enough
        assert qualifying(self._matrix([5] * 16 + [4], statements=5)).sum() == 16

    def test_topped_up_to_fifteen_with_the_most_active(self) -> None:
        counts = [9, 2, 8, 1, 3, 5, 4, 6, 2, 2, 2, 2, 2, 2, 2, 2, 1]
        chosen = qualifying(self._matrix(counts))
        assert chosen.sum() == 15
        # the two left out have the fewest votes (1 each)
        assert not chosen[3] and not chosen[16]


class TestOpinionMap:
    def test_projection_scales_by_votes_and_uses_column_means(self) -> None:
        votes = [(p, s, v) for p, s, v in two_camps_votes(people=20, statements=6)]
        votes.append(("sparse", "3", 1))  # one vote only: scaled by √(6/1)
        matrix = VoteMatrix.from_votes(votes)
        placed = opinion_map(matrix)
        row = matrix.participants.index("sparse")
        column = matrix.statements.index("3")
        expected = (
            math.sqrt(6 / 1) * (1 - placed.column_means[column]) * placed.components[:, column]
        )
        assert placed.coordinates[row] == pytest.approx(expected)

    def test_sign_of_each_component_is_fixed(self) -> None:
        placed = opinion_map(VoteMatrix.from_votes(two_camps_votes()))
        for component in placed.components:
            assert component[np.argmax(np.abs(component))] > 0


def _noisy_camps(seed: int = 1) -> VoteMatrix:
    rng = np.random.default_rng(seed)
    votes = [(p, s, v if rng.random() > 0.1 else -v) for p, s, v in two_camps_votes(60, 12)]
    return VoteMatrix.from_votes(votes)


class TestGroups:
    def test_two_camps_are_found(self) -> None:
        result = analyse(_noisy_camps())
        assert result.k == 2
        truth = [int(p) < 30 for p in result.membership]
        assert adjusted_rand_score(truth, list(result.membership.values())) == 1.0

    def test_same_seed_same_groups_and_other_seeds_agree_on_clear_camps(self) -> None:
        first = analyse(_noisy_camps(), seed=0)
        assert analyse(_noisy_camps(), seed=0) == first
        other = analyse(_noisy_camps(), seed=7)
        assert (
            adjusted_rand_score(list(first.membership.values()), list(other.membership.values()))
            == 1.0
        )

    def test_the_range_of_k(self) -> None:
        assert [max_groups(n) for n in (5, 12, 24, 36, 100)] == [2, 3, 4, 5, 5]

    def test_everyone_alike_is_one_group(self) -> None:
        points = np.zeros((10, 2))
        assert find_groups(points).k == 1

    def test_the_largest_group_is_group_0(self) -> None:
        result = analyse(_noisy_camps())
        assert result.groups[0].size >= result.groups[1].size

    def test_consensus_statement_is_the_one_everyone_agrees_with(self) -> None:
        result = analyse(VoteMatrix.from_votes(two_camps_votes(40, 8)))
        best = max(result.statements, key=lambda s: s.consensus)
        assert best.statement == "0"
        # every other statement splits the camps completely
        assert all(s.divisiveness > 0.8 for s in result.statements if s.statement != "0")

    def test_the_result_survives_json(self) -> None:
        result = analyse(_noisy_camps())
        assert ConsultationAnalysis.from_json(result.to_json()) == result


def test_people_below_the_threshold_get_no_group() -> None:
    votes = [*two_camps_votes(40, 8), ("late", "1", 1), ("late", "2", 1)]
    result = analyse(VoteMatrix.from_votes(votes))
    assert "late" not in result.membership and result.participants == 41


@pytest.mark.parametrize(
    "votes",
    [
        [],
        [("a", "1", 1)],
        [("a", "1", 1), ("b", "1", 1)],
        [(str(p), "1", 0) for p in range(20)],
        [(str(p), str(s), 1) for p in range(20) for s in range(8)],
    ],
    ids=["nobody", "one vote", "two alike", "all pass", "all agree"],
)
def test_degenerate_consultations_analyse_to_finite_json(
    votes: list[tuple[str, str, int]],
) -> None:
    import json

    result = analyse(VoteMatrix.from_votes(votes, statements=["1"]))
    json.dumps(result.to_json(), allow_nan=False)  # PostgreSQL's JSON refuses NaN
    assert result.k <= 1


def test_a_hidden_group_does_not_show_through_consensus_or_divisiveness() -> None:
    def camps(minority_on_0: int) -> VoteMatrix:
        votes = []
        for p in range(38):
            minority = p >= 30  # 8 people
            for s in range(8):
                if s == 0:
                    vote = minority_on_0 if minority else 1
                else:
                    vote = 1 if (s % 2 == 0) != minority else -1
                votes.append((str(p), str(s), vote))
        return VoteMatrix.from_votes(votes)

    hidden = [analyse(camps(v), min_group_size=10) for v in (1, -1)]
    assert [sorted(g.size for g in a.groups) for a in hidden] == [[8, 30], [8, 30]]
    # the 8 people's votes on statement 0 change nothing that is published about it
    first, second = (next(s for s in a.statements if s.statement == "0") for a in hidden)
    assert first.consensus == second.consensus == pytest.approx(31 / 32)
    assert first.divisiveness == second.divisiveness == 0.0
    shown = [analyse(camps(v), min_group_size=5) for v in (1, -1)]
    a, b = (next(s for s in r.statements if s.statement == "0") for r in shown)
    assert a.consensus == pytest.approx(31 / 32 * 9 / 10)  # both groups shown: both count
    assert b.consensus == pytest.approx(31 / 32 * 1 / 10)
