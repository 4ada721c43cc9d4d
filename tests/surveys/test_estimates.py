"""Estimates against a reference computed independently here, term by term from the textbook
formulas (Lohr, Sampling: Design and Analysis, §§ 3.3, 7.3; Kish 1965 §11.7), and the point
estimates against statsmodels' DescrStatsW, and the standard errors against statsmodels' WLS
sandwich (HC0/HC1) variance. Calibration:
post-stratified means against the closed form Σ (N_h/N) ȳ_h, raking against its defining
properties (every margin met, the sample's odds ratios kept) and, on a table with independent
margins, against its closed form. Agreement to 1e-6 unless stated."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

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

    def test_standard_errors_match_statsmodels_sandwich(self) -> None:
        """The linearised variance of a weighted mean is the HC1 sandwich variance of the
        intercept of a weighted least-squares fit on a constant (statsmodels' WLS): the same
        n/(n−1) Σ wᵢ²(yᵢ − ȳ)² / (Σw)², computed by an independent implementation."""
        sm = pytest.importorskip("statsmodels.api")
        y, w, answers = _sample()
        fit = sm.WLS(np.array(y), np.ones((len(y), 1)), weights=np.array(w)).fit(cov_type="HC1")
        got = weighted_mean(y, w)
        assert got.value == pytest.approx(float(fit.params[0]), abs=TOLERANCE)
        assert got.se == pytest.approx(float(fit.bse[0]), abs=TOLERANCE)
        shares = weighted_proportions(answers, w, ["yes", "no", "dk"])
        for category in ("yes", "no", "dk"):
            indicator = np.array([1.0 if a == category else 0.0 for a in answers])
            fit = sm.WLS(indicator, np.ones((len(y), 1)), weights=np.array(w)).fit(cov_type="HC1")
            assert shares[category].se == pytest.approx(float(fit.bse[0]), abs=TOLERANCE)

    def test_proportions(self) -> None:
        _, w, answers = _sample()
        got = weighted_proportions(answers, w, ["yes", "no", "dk"])
        for category in ("yes", "no", "dk"):
            share, se = _reference_mean([1.0 if a == category else 0.0 for a in answers], w)
            assert got[category].value == pytest.approx(share, abs=TOLERANCE)
            assert got[category].se == pytest.approx(se, abs=TOLERANCE)
        assert sum(e.value for e in got.values()) == pytest.approx(1.0, abs=1e-12)

    def test_unanswered_are_a_domain(self) -> None:
        """Respondents who did not answer leave the estimate but stay in the design (R's
        `svymean(na.rm = TRUE)`): zᵢ = wᵢ dᵢ (yᵢ − ȳ_d) / Σ_d w over all n, n/(n−1) Σ z²."""
        _, w, answers = _sample()
        holes: list[str | None] = [None if i % 10 == 0 else a for i, a in enumerate(answers)]
        inside = [a is not None for a in holes]
        y = [1.0 if a == "yes" else 0.0 for a in holes]
        total = sum(wi for wi, d in zip(w, inside, strict=True) if d)
        share = sum(wi * yi for wi, yi, d in zip(w, y, inside, strict=True) if d) / total
        z = [
            wi * (yi - share) / total if d else 0.0 for wi, yi, d in zip(w, y, inside, strict=True)
        ]
        n = len(w)
        se = math.sqrt(n / (n - 1) * sum((zi - sum(z) / n) ** 2 for zi in z))
        got = weighted_proportions(holes, w, ["yes", "no", "dk"])["yes"]
        assert (got.value, got.se, got.n) == (
            pytest.approx(share, abs=TOLERANCE),
            pytest.approx(se, abs=TOLERANCE),
            sum(inside),
        )

    def test_domain_matches_statsmodels(self) -> None:
        """The same domain variance as the HC1 sandwich of statsmodels' WLS of y·d on d."""
        sm = pytest.importorskip("statsmodels.api")
        y, w, answers = _sample()
        d = np.array([1.0 if a == "dk" else 0.0 for a in answers])  # a group: "dk" answerers
        values = [yi if a == "dk" else math.nan for yi, a in zip(y, answers, strict=True)]
        fit = sm.WLS(np.array(y) * d, d[:, None], weights=np.array(w)).fit(cov_type="HC1")
        got = weighted_mean(values, w)
        assert got.value == pytest.approx(float(fit.params[0]), abs=TOLERANCE)
        assert got.se == pytest.approx(float(fit.bse[0]), abs=TOLERANCE)

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


def _cells(n: int) -> tuple[list[str], list[str]]:
    sex = ["m" if i % 3 else "f" for i in range(n)]
    region = ["north", "centre", "south"]
    return sex, [region[(i * 7 + i // 5) % 3] for i in range(n)]


class TestCalibrationReference:
    def test_poststratified_mean_is_the_closed_form(self) -> None:
        """ȳ_ps = Σ_h (N_h / N) ȳ_h with ȳ_h the base-weighted mean of cell h."""
        y, w, _ = _sample()
        _, cells = _cells(len(y))
        totals = {"north": 3100.0, "centre": 2500.0, "south": 4400.0}
        calibrated = poststratify(w, cells, totals)
        expected = 0.0
        for cell, total in totals.items():
            members = [(yi, wi) for yi, wi, c in zip(y, w, cells, strict=True) if c == cell]
            cell_mean = sum(yi * wi for yi, wi in members) / sum(wi for _, wi in members)
            expected += total / sum(totals.values()) * cell_mean
        assert weighted_mean(y, calibrated).value == pytest.approx(expected, abs=1e-9)

    def test_poststratified_variance_uses_cell_residuals(self) -> None:
        """v = n/(n−1) Σ (wᵢ (yᵢ − ȳ_h))² / N² (Lohr § 11.6, the residuals from each cell's
        mean) — and the same as the HC0 sandwich of statsmodels' WLS on the cell indicators,
        for the contrast Σ (N_h/N) β_h, times n/(n−1)."""
        sm = pytest.importorskip("statsmodels.api")
        y, w, _ = _sample()
        _, cells = _cells(len(y))
        totals = {"north": 3100.0, "centre": 2500.0, "south": 4400.0}
        calibrated = poststratify(w, cells, totals)
        design = np.array([[1.0 if c == h else 0.0 for h in totals] for c in cells])
        got = weighted_mean(y, calibrated, design)
        n, big_n = len(y), sum(totals.values())
        cell_mean = {
            h: sum(yi * wi for yi, wi, c in zip(y, calibrated, cells, strict=True) if c == h)
            / totals[h]
            for h in totals
        }
        by_hand = (
            n
            / (n - 1)
            * sum(
                (wi * (yi - cell_mean[c])) ** 2
                for yi, wi, c in zip(y, calibrated, cells, strict=True)
            )
            / big_n**2
        )
        assert got.se == pytest.approx(math.sqrt(by_hand), abs=TOLERANCE)
        fit = sm.WLS(np.array(y), design, weights=calibrated).fit(cov_type="HC0")
        contrast = np.array([totals[h] / big_n for h in totals])
        sandwich = float(contrast @ fit.cov_params() @ contrast) * n / (n - 1)
        assert got.se == pytest.approx(math.sqrt(sandwich), abs=TOLERANCE)
        assert got.se < weighted_mean(y, calibrated).se  # calibration narrows the interval

    def test_raking_independent_margins_has_the_closed_form(self) -> None:
        """When the sample's weighted table is already of product form s_ij = a_i b_j, raking
        converges to m_ij = R_i C_j / N, so each weight is multiplied by m_ij / s_ij."""
        _, w, _ = _sample()
        sex, region = _cells(len(w))
        a = {"m": 2.0, "f": 3.0}
        b = {"north": 1.0, "centre": 4.0, "south": 2.5}
        sums: dict[tuple[str, str], float] = {}
        for wi, s, r in zip(w, sex, region, strict=True):
            sums[(s, r)] = sums.get((s, r), 0.0) + wi
        base = [wi * a[s] * b[r] / sums[(s, r)] for wi, s, r in zip(w, sex, region, strict=True)]
        margins = {
            "sex": {"m": 5100.0, "f": 4900.0},
            "region": {"north": 2000.0, "centre": 5000.0, "south": 3000.0},
        }
        raked = rake(base, {"sex": sex, "region": region}, margins)
        total = 10000.0
        sample = {k: a[k[0]] * b[k[1]] for k in sums}
        expected = [
            x * margins["sex"][s] * margins["region"][r] / total / sample[(s, r)]
            for x, s, r in zip(base, sex, region, strict=True)
        ]
        assert list(raked) == pytest.approx(expected, rel=1e-9)

    def test_raking_keeps_the_sample_odds_ratios(self) -> None:
        """Raking's defining property (Deming & Stephan 1940; Ireland & Kullback 1968): the
        raked table meets every margin and keeps every cross-product ratio of the sample."""
        _, w, _ = _sample()
        sex, region = _cells(len(w))
        margins = {
            "sex": {"m": 5100.0, "f": 4900.0},
            "region": {"north": 2000.0, "centre": 5000.0, "south": 3000.0},
        }
        raked = rake(w, {"sex": sex, "region": region}, margins)

        def table(weights: Sequence[float]) -> dict[tuple[str, str], float]:
            cells: dict[tuple[str, str], float] = {}
            for x, s, r in zip(weights, sex, region, strict=True):
                cells[(s, r)] = cells.get((s, r), 0.0) + x
            return cells

        before, after = table(w), table(list(raked))

        def ratio(t: dict[tuple[str, str], float], one: str, other: str) -> float:
            return t[("m", one)] * t[("f", other)] / (t[("m", other)] * t[("f", one)])

        for one, other in (("north", "centre"), ("north", "south"), ("centre", "south")):
            assert ratio(after, one, other) == pytest.approx(ratio(before, one, other), rel=1e-9)
        for name, column in (("sex", sex), ("region", region)):
            for category, target in margins[name].items():
                got = sum(x for x, c in zip(raked, column, strict=True) if c == category)
                assert got == pytest.approx(target, rel=1e-9)

    def test_raked_variance_uses_regression_residuals(self) -> None:
        """The calibration (GREG) linearisation: residuals of y on the margin indicators from
        statsmodels' WLS with the raked weights, then n/(n−1) Σ (wᵢ eᵢ)² / N²."""
        sm = pytest.importorskip("statsmodels.api")
        y, w, _ = _sample()
        sex, region = _cells(len(y))
        margins = {
            "sex": {"m": 5100.0, "f": 4900.0},
            "region": {"north": 2000.0, "centre": 5000.0, "south": 3000.0},
        }
        raked = rake(w, {"sex": sex, "region": region}, margins)
        design = np.array(
            [
                [1.0 if s == k else 0.0 for k in margins["sex"]]
                + [1.0 if r == k else 0.0 for k in margins["region"]]
                for s, r in zip(sex, region, strict=True)
            ]
        )
        # one region column dropped: the same span without the redundant column
        residual = sm.WLS(np.array(y), design[:, :-1], weights=raked).fit().resid
        n = len(y)
        expected = math.sqrt(n / (n - 1) * float(((raked * residual) ** 2).sum()) / 10000.0**2)
        assert weighted_mean(y, raked, design).se == pytest.approx(expected, abs=TOLERANCE)


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
