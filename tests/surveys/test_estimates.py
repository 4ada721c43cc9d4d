"""Estimates against a reference computed independently here, term by term from the textbook
formulas (Lohr, Sampling: Design and Analysis, §§ 3.3, 7.3; Kish 1965 §11.7), and the point
estimates against statsmodels' DescrStatsW, and point estimates and standard errors against
samplics' TaylorEstimator when it is installed. Agreement to 1e-6."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from opiniondesk.surveys.estimates import (
    kish_deff,
    multiple_choice_proportions,
    sample_size,
    weighted_mean,
    weighted_proportions,
)
from opiniondesk.surveys.weighting import poststratify, rake

TOLERANCE = 1e-6
Z = 1.959963984540054


def _sample(n: int = 137, seed: int = 7) -> tuple[list[float], list[float], list[str]]:
    rng = random.Random(seed)
    values = [rng.gauss(50, 12) for _ in range(n)]
    weights = [rng.choice([0.5, 1.0, 1.5, 2.5, 4.0]) * rng.uniform(0.8, 1.2) for _ in range(n)]
    answers = [rng.choice(["yes", "no", "dk"]) for _ in range(n)]
    return values, weights, answers


def _reference_mean(y: list[float], w: list[float]) -> tuple[float, float]:
    """Ratio estimator and its linearised variance, written out with plain sums."""
    n = len(y)
    total_w = 0.0
    total_wy = 0.0
    for yi, wi in zip(y, w, strict=True):
        total_w += wi
        total_wy += wi * yi
    mean = total_wy / total_w
    # residuals z_i = w_i (y_i − ȳ) / Σw; v = n/(n−1) Σ (z_i − z̄)², z̄ = 0 by construction
    z = [wi * (yi - mean) / total_w for yi, wi in zip(y, w, strict=True)]
    z_bar = sum(z) / n
    variance = n / (n - 1) * sum((zi - z_bar) ** 2 for zi in z)
    return mean, math.sqrt(variance)


class TestAgainstReference:
    def test_weighted_mean_se_and_ci(self) -> None:
        y, w, _ = _sample()
        mean, se = _reference_mean(y, w)
        got = weighted_mean(y, w)
        assert got.value == pytest.approx(mean, abs=TOLERANCE)
        assert got.se == pytest.approx(se, abs=TOLERANCE)
        assert got.ci_low == pytest.approx(mean - Z * se, abs=TOLERANCE)
        assert got.ci_high == pytest.approx(mean + Z * se, abs=TOLERANCE)

    def test_point_estimate_matches_statsmodels(self) -> None:
        weightstats = pytest.importorskip("statsmodels.stats.weightstats")
        y, w, _ = _sample()
        assert weighted_mean(y, w).value == pytest.approx(
            weightstats.DescrStatsW(np.array(y), weights=np.array(w)).mean, abs=TOLERANCE
        )

    def test_mean_and_shares_match_samplics(self) -> None:
        """samplics' TaylorEstimator (no strata, no PSUs) gives the same point estimates and
        standard errors; its intervals use Student's t with n − 1 degrees of freedom where
        the desk, like R's `confint(svymean(...))`, uses the normal quantile."""
        expansion = pytest.importorskip("samplics.estimation")
        types = pytest.importorskip("samplics.utils.types")
        y, w, answers = _sample()
        mean = expansion.TaylorEstimator(types.PopParam.mean)
        mean.estimate(y=np.array(y), samp_weight=np.array(w), remove_nan=True)
        got = weighted_mean(y, w)
        assert got.value == pytest.approx(mean.point_est, abs=TOLERANCE)
        assert got.se == pytest.approx(mean.stderror, abs=TOLERANCE)
        shares = expansion.TaylorEstimator(types.PopParam.prop)
        shares.estimate(y=np.array(answers), samp_weight=np.array(w))
        ours = weighted_proportions(answers, w, ["yes", "no", "dk"])
        for category in ("yes", "no", "dk"):
            assert ours[category].value == pytest.approx(shares.point_est[category], abs=TOLERANCE)
            assert ours[category].se == pytest.approx(shares.stderror[category], abs=TOLERANCE)

    def test_proportions(self) -> None:
        _, w, answers = _sample()
        got = weighted_proportions(answers, w, ["yes", "no", "dk"])
        for category in ("yes", "no", "dk"):
            share, se = _reference_mean([1.0 if a == category else 0.0 for a in answers], w)
            assert got[category].value == pytest.approx(share, abs=TOLERANCE)
            assert got[category].se == pytest.approx(se, abs=TOLERANCE)
        assert sum(e.value for e in got.values()) == pytest.approx(1.0, abs=1e-12)

    def test_unanswered_are_left_out(self) -> None:
        _, w, answers = _sample()
        holes: list[str | None] = [None if i % 10 == 0 else a for i, a in enumerate(answers)]
        kept = [(a, wi) for a, wi in zip(holes, w, strict=True) if a is not None]
        share, se = _reference_mean(
            [1.0 if a == "yes" else 0.0 for a, _ in kept], [x for _, x in kept]
        )
        got = weighted_proportions(holes, w, ["yes", "no", "dk"])["yes"]
        assert (got.value, got.se, got.n) == (
            pytest.approx(share, abs=TOLERANCE),
            pytest.approx(se, abs=TOLERANCE),
            len(kept),
        )

    def test_kish_design_effect(self) -> None:
        _, w, _ = _sample()
        expected = len(w) * sum(x * x for x in w) / sum(w) ** 2
        assert kish_deff(w) == pytest.approx(expected, abs=TOLERANCE)
        assert weighted_mean([1.0, 2.0, 3.0], [2.0, 2.0, 2.0]).deff_kish == pytest.approx(1.0)

    def test_multiple_choice_shares(self) -> None:
        chosen = [frozenset({"a", "b"}), frozenset({"a"}), frozenset(), None, frozenset({"b"})]
        w = [1.0, 2.0, 3.0, 4.0, 2.0]
        got = multiple_choice_proportions(chosen, w, ["a", "b"])
        assert got["a"].value == pytest.approx(3.0 / 8.0)
        assert got["b"].value == pytest.approx(3.0 / 8.0)
        assert got["a"].n == 4

    def test_hand_computed_small_case(self) -> None:
        # y = 1, 0, 1 with w = 1, 2, 3: ȳ = 4/6; z = (1/3·1/6, −2/3·2/6, 1/3·3/6)
        got = weighted_mean([1.0, 0.0, 1.0], [1.0, 2.0, 3.0])
        z = [1 / 18, -4 / 18, 3 / 18]
        assert got.value == pytest.approx(2 / 3)
        assert got.se == pytest.approx(math.sqrt(1.5 * sum(x * x for x in z)), abs=1e-12)


class TestCalibration:
    def test_poststratified_weights_meet_the_cell_totals(self) -> None:
        _, w, _ = _sample()
        cells = ["m" if i % 3 else "f" for i in range(len(w))]
        totals = {"m": 5200.0, "f": 4800.0}
        calibrated = poststratify(w, cells, totals)
        for cell, total in totals.items():
            got = sum(x for x, c in zip(calibrated, cells, strict=True) if c == cell)
            assert got == pytest.approx(total, abs=TOLERANCE)
        # within a cell the ratios between weights are kept
        assert calibrated[1] / calibrated[2] == pytest.approx(w[1] / w[2])

    def test_raking_meets_every_margin(self) -> None:
        _, w, _ = _sample()
        sex = ["m" if i % 3 else "f" for i in range(len(w))]
        age = ["young" if i % 4 else "old" for i in range(len(w))]
        margins = {"sex": {"m": 5100.0, "f": 4900.0}, "age": {"young": 6000.0, "old": 4000.0}}
        calibrated = rake(w, {"sex": sex, "age": age}, margins)
        for name, column in (("sex", sex), ("age", age)):
            for category, total in margins[name].items():
                got = sum(x for x, c in zip(calibrated, column, strict=True) if c == category)
                assert got == pytest.approx(total, rel=1e-9)


class TestSampleSize:
    def test_textbook_values(self) -> None:
        assert sample_size(margin=0.05) == 385  # 1.96² · 0.25 / 0.05²
        assert sample_size(margin=0.05, population=1000) == 278
        assert sample_size(margin=0.03, proportion=0.2, deff=1.5) == math.ceil(
            Z * Z * 0.16 / 0.0009 * 1.5
        )

    def test_refuses_impossible_margins(self) -> None:
        with pytest.raises(ValueError):
            sample_size(margin=0)
