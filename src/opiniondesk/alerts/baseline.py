"""What a count "should" be: a weekday-aware baseline and its predictive tail probability.

The desk's rhythm (people write less at weekends) is learnt once from the desk-wide daily
totals, where counts are large; each topic × unit series only contributes its own level, which
is all a sparse series can estimate. For a window of days the expected count is

    level × Σ weekday weight of the window days,   level = (S + prior) / Σ weekday weight of
                                                            the baseline days

where S is the series' count over its baseline days. The tail probability of the observed count
is read from a negative binomial that matches both the day-to-day noise (Poisson, inflated by
the series' own over-dispersion when it has any) and the uncertainty of the level itself (which
is what stops a series seen on only a handful of days from alerting on every new document).
With no over-dispersion this is the exact gamma–Poisson predictive distribution.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.special import betainc  # type: ignore[import-untyped]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

DAYS_IN_WEEK = 7


def weekday_profile(totals: FloatArray, weekdays: IntArray) -> FloatArray:
    """Relative volume of each weekday (Monday = 0), mean 1, from desk-wide daily totals.

    A weekday with no data, or a desk with no documents at all, gets weight 1 (no rhythm).
    """
    sums = np.bincount(weekdays, weights=totals, minlength=DAYS_IN_WEEK)
    days = np.bincount(weekdays, minlength=DAYS_IN_WEEK).astype(np.float64)
    means = np.divide(sums, days, out=np.zeros(DAYS_IN_WEEK), where=days > 0)
    if means.sum() <= 0:
        return np.ones(DAYS_IN_WEEK)
    overall = means[days > 0].mean()
    profile = np.where((days > 0) & (means > 0), means / overall, 1.0)
    return np.asarray(profile, dtype=np.float64)


@dataclass(frozen=True, slots=True)
class Prediction:
    """Expected window counts and the negative binomial describing them, one per series."""

    expected: FloatArray
    size: FloatArray  # NB size r
    probability: FloatArray  # NB success probability p = r / (r + expected)


def dispersion(baseline: FloatArray, weights: FloatArray, max_dispersion: float) -> FloatArray:
    """Over-dispersion φ ≥ 1 of each series (rows) over its baseline days (columns).

    The Pearson estimate (expected daily counts follow the weekday weights; φ = 1 is plain
    Poisson noise) raised by one standard error, √(2 / (n − 1)): an underestimated φ makes false
    alarms, an overestimated one only a little delay. Capped, so one odd day cannot make the
    detector blind to a series for eight weeks.
    """
    n_days = baseline.shape[1]
    if n_days < 2:
        return np.ones(baseline.shape[0])
    level = baseline.sum(axis=1) / weights.sum()
    mu = level[:, None] * weights[None, :]
    resid = np.divide((baseline - mu) ** 2, mu, out=np.zeros_like(mu), where=mu > 0)
    phi = resid.sum(axis=1) / (n_days - 1) * (1.0 + math.sqrt(2.0 / (n_days - 1)))
    return np.asarray(np.clip(phi, 1.0, max_dispersion), dtype=np.float64)


def predict(
    baseline_sum: FloatArray,
    baseline_weight: float,
    window_weight: float,
    phi: FloatArray,
    prior_count: float,
) -> Prediction:
    """The predictive distribution of each series' count over a window of days.

    Mean m = (S + a) · w_window / w_baseline; variance φ·(m + m² / (S + a)): Poisson noise plus
    the spread of a level estimated from S + a counts, both scaled by the over-dispersion.
    """
    shape = baseline_sum + prior_count
    expected = shape * (window_weight / baseline_weight)
    excess_variance = (phi - 1.0) * expected + phi * expected**2 / shape
    size = expected**2 / excess_variance
    return Prediction(expected, size, size / (size + expected))


def upper_tail(observed: FloatArray, prediction: Prediction) -> FloatArray:
    """P(X ≥ observed) under each series' negative binomial (1 where observed is 0)."""
    # P(X ≥ k) = I_{1-p}(k, r), the regularised incomplete beta function
    k = np.maximum(observed, 1.0)
    tail = betainc(k, prediction.size, 1.0 - prediction.probability)
    return np.asarray(np.where(observed <= 0, 1.0, tail), dtype=np.float64)
