"""Weighted estimates for a single-stage sample with weights (no strata or clusters):
proportions and means with Taylor-linearised standard errors, normal 95% intervals and Kish's
design effect due to unequal weighting. These are the figures R's `survey::svymean` gives for
`svydesign(ids = ~1, weights = ~w)` and samplics' `TaylorEstimator` without a design.

    estimate  ȳ = Σ wᵢ yᵢ / Σ wᵢ
    variance  v(ȳ) = n / (n − 1) · Σ (wᵢ (yᵢ − ȳ))² / (Σ wᵢ)²
    Kish      deff = n Σ wᵢ² / (Σ wᵢ)²
"""

from __future__ import annotations

import math
from dataclasses import dataclass

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


def weighted_mean(values: ArrayLike, weights: ArrayLike) -> Estimate:
    """Weighted mean of `values` (NaN = not answered, left out) with a 95% CI."""
    y = np.asarray(values, dtype=float)
    w = np.asarray(weights, dtype=float)
    if y.shape != w.shape:
        raise ValueError("values and weights differ in length")
    keep = ~np.isnan(y) & ~np.isnan(w)
    y, w = y[keep], w[keep]
    n = len(y)
    if n == 0 or w.sum() <= 0:
        return Estimate(math.nan, math.nan, math.nan, math.nan, n, float(w.sum()), math.nan)
    total = float(w.sum())
    mean = float((w * y).sum() / total)
    if n > 1:
        residual = w * (y - mean)
        variance = n / (n - 1) * float((residual * residual).sum()) / (total * total)
        se = math.sqrt(variance)
    else:
        se = math.nan
    return Estimate(
        value=mean,
        se=se,
        ci_low=mean - Z_95 * se,
        ci_high=mean + Z_95 * se,
        n=n,
        weighted_n=total,
        deff_kish=kish_deff(w),
    )


def weighted_proportions(
    answers: list[str | None], weights: ArrayLike, categories: list[str]
) -> dict[str, Estimate]:
    """Share of each category among those who answered (None = not answered)."""
    w = np.asarray(weights, dtype=float)
    answered = np.array([a is not None for a in answers])
    result: dict[str, Estimate] = {}
    for category in categories:
        indicator = np.array([1.0 if a == category else 0.0 for a in answers])
        indicator[~answered] = np.nan
        result[category] = weighted_mean(indicator, w)
    return result


def multiple_choice_proportions(
    answers: list[frozenset[str] | None], weights: ArrayLike, categories: list[str]
) -> dict[str, Estimate]:
    """For select_multiple: the share of respondents who chose each category."""
    w = np.asarray(weights, dtype=float)
    result: dict[str, Estimate] = {}
    for category in categories:
        indicator = np.array(
            [np.nan if a is None else (1.0 if category in a else 0.0) for a in answers]
        )
        result[category] = weighted_mean(indicator, w)
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
