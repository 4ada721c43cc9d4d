"""Weighted estimates for a single-stage sample with weights (no strata or clusters):
proportions and means with Taylor-linearised standard errors, normal 95% intervals and Kish's
design effect due to unequal weighting. These are the figures R's `survey::svymean` gives for
`svydesign(ids = ~1, weights = ~w)` and samplics' `TaylorEstimator` without a design.

    estimate  ȳ = Σ wᵢ yᵢ / Σ wᵢ
    variance  v(ȳ) = n / (n − 1) · Σ (zᵢ − z̄)²,  zᵢ = wᵢ dᵢ (yᵢ − ȳ) / Σ_d w
              (dᵢ = 1 inside the domain: answered, and in the group; n counts everyone)
    Kish      deff = n Σ wᵢ² / (Σ wᵢ)²

With weights calibrated to population totals (post-stratification, raking), the residuals
yᵢ − ȳ are first replaced by their residuals from a weighted least-squares fit on the
calibration variables (Deville & Särndal 1992; Lohr § 11.6): for post-stratification that is
yᵢ − ȳ_h, the deviation from the respondent's cell mean, as R's `svymean` gives on a
`postStratify`-ed design. Calibration thus narrows the interval instead of being ignored.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

Z_95 = 1.959963984540054  # the 0.975 quantile of the standard normal


@dataclass(frozen=True, slots=True)
class Estimate:
    value: float
    se: float
    ci_low: float
    ci_high: float
    n: int  # respondents behind the figure (unweighted)
    weighted_n: float
    deff_kish: float


def kish_deff(weights: ArrayLike) -> float:
    w = np.asarray(weights, dtype=float)
    total = float(w.sum())
    return float(len(w) * float((w * w).sum()) / (total * total)) if total else math.nan


def weighted_mean(
    values: ArrayLike, weights: ArrayLike, calibration: ArrayLike | None = None
) -> Estimate:
    """Weighted mean of `values` with a 95% CI. NaN marks a respondent outside the domain
    (not answered, or not in the group broken down by): left out of the estimate but kept in
    the design, as R's `svymean(na.rm = TRUE)` and `svyby` do — the variance of a domain
    mean uses every respondent, with zero influence outside the domain. `calibration` is the
    n × p matrix of the variables the weights were calibrated on (0/1 indicators of each
    cell or margin category), if any."""
    y = np.asarray(values, dtype=float)
    w = np.asarray(weights, dtype=float)
    if y.shape != w.shape:
        raise ValueError("values and weights differ in length")
    in_design = ~np.isnan(w)
    x = None if calibration is None else np.asarray(calibration, dtype=float)[in_design]
    y, w = y[in_design], w[in_design]
    domain = ~np.isnan(y)
    n_domain, n = int(domain.sum()), len(y)
    total = float(w[domain].sum())
    if n_domain == 0 or total <= 0:
        return Estimate(math.nan, math.nan, math.nan, math.nan, n_domain, total, math.nan)
    mean = float((w[domain] * y[domain]).sum() / total)
    if n > 1 and n_domain > 1:
        deviation = np.where(domain, y - mean, 0.0)
        influence = w * _calibration_residual(deviation, w, x) / total
        centred = influence - influence.mean()
        se = math.sqrt(n / (n - 1) * float((centred * centred).sum()))
    else:
        se = math.nan
    return Estimate(
        value=mean,
        se=se,
        ci_low=mean - Z_95 * se,
        ci_high=mean + Z_95 * se,
        n=n_domain,
        weighted_n=total,
        deff_kish=kish_deff(w[domain]),
    )


def _calibration_residual(
    deviation: np.ndarray[Any, Any], w: np.ndarray[Any, Any], x: np.ndarray[Any, Any] | None
) -> np.ndarray[Any, Any]:
    """`deviation` minus its weighted least-squares fit on the calibration variables."""
    if x is None or x.size == 0:
        return deviation
    root = np.sqrt(w)
    beta, *_ = np.linalg.lstsq(x * root[:, None], deviation * root, rcond=None)
    return np.asarray(deviation - x @ beta, dtype=float)


def weighted_proportions(
    answers: list[str | None],
    weights: ArrayLike,
    categories: list[str],
    calibration: ArrayLike | None = None,
) -> dict[str, Estimate]:
    """Share of each category among those who answered (None = not answered)."""
    w = np.asarray(weights, dtype=float)
    answered = np.array([a is not None for a in answers])
    result: dict[str, Estimate] = {}
    for category in categories:
        indicator = np.array([1.0 if a == category else 0.0 for a in answers])
        indicator[~answered] = np.nan
        result[category] = weighted_mean(indicator, w, calibration)
    return result


def multiple_choice_proportions(
    answers: list[frozenset[str] | None],
    weights: ArrayLike,
    categories: list[str],
    calibration: ArrayLike | None = None,
) -> dict[str, Estimate]:
    """For select_multiple: the share of respondents who chose each category."""
    w = np.asarray(weights, dtype=float)
    result: dict[str, Estimate] = {}
    for category in categories:
        indicator = np.array(
            [np.nan if a is None else (1.0 if category in a else 0.0) for a in answers]
        )
        result[category] = weighted_mean(indicator, w, calibration)
    return result


def sample_size(
    *,
    margin: float,
    proportion: float = 0.5,
    population: int | None = None,
    deff: float = 1.0,
    z: float = Z_95,
) -> int:
    """Respondents needed for a proportion within ±`margin` at 95%: z²p(1−p)/e², with the
    finite population correction and times the expected design effect, rounded up."""
    if not 0 < margin < 1 or not 0 < proportion < 1:
        raise ValueError("margin and proportion must lie strictly between 0 and 1")
    n0 = z * z * proportion * (1 - proportion) / (margin * margin)
    if population:
        n0 = n0 / (1 + (n0 - 1) / population)
    return math.ceil(n0 * deff - 1e-9)
