"""Forecasting methods for weekly document counts, each `(history, horizon) -> Prediction`.

Model-based methods (ETS, yearly harmonics + ETS) work on log(1 + count): counts of opinions
grow and shrink by proportions, the variance grows with the level, and a back-transformed
interval can never go below zero. Interval bounds are transformed back exactly (quantiles
survive a monotone transform); the point forecast becomes the median, which is what MASE
rewards. The baselines (naive, seasonal naive) stay on the count scale, as usually defined.
"""

from __future__ import annotations

from typing import Any, Final

import numpy as np
from scipy import stats  # type: ignore[import-untyped]
from statsforecast.models import AutoETS, Naive, SeasonalNaive

from opiniondesk.forecasts.prediction import LEVELS, FloatArray, Prediction, from_statsforecast
from opiniondesk.forecasts.seasonality import fit_yearly_pattern

YEAR: Final = 52  # weeks in a seasonal cycle


def _counts(values: FloatArray) -> FloatArray:
    return np.maximum(values, 0.0)


def _from_log(values: FloatArray) -> FloatArray:
    return np.maximum(np.expm1(values), 0.0)


def _identity(values: FloatArray) -> FloatArray:
    return values


def ets(history: FloatArray, horizon: int) -> Prediction:
    """Exponential smoothing on log(1 + count): additive errors there are proportional errors
    on counts; trend and damping are chosen by AICc."""
    return from_statsforecast("ets", AutoETS(model="AZN"), np.log1p(history), horizon, _from_log)


def seasonal_ets(history: FloatArray, horizon: int) -> Prediction:
    """A yearly harmonic pattern plus ETS on what it leaves, all on log(1 + count).

    The interval adds the pattern's own estimation variance to the ETS forecast variance, so
    it does not pretend to know the yearly shape better than two or three years can tell.
    """
    z = np.log1p(history)
    pattern = fit_yearly_pattern(z)
    n = len(z)
    adjusted = z - pattern.at(np.arange(n, dtype=np.float64))
    level = from_statsforecast("ets", AutoETS(model="AZN"), adjusted, horizon, _identity)
    future = np.arange(n, n + horizon, dtype=np.float64)
    centre = level.mean + pattern.at(future)
    pattern_variance = pattern.variance_at(future)
    lower: dict[int, FloatArray] = {}
    upper: dict[int, FloatArray] = {}
    for lv in LEVELS:
        z_score = float(stats.norm.ppf(0.5 + lv / 200))
        below = np.hypot((level.mean - level.lower[lv]) / z_score, np.sqrt(pattern_variance))
        above = np.hypot((level.upper[lv] - level.mean) / z_score, np.sqrt(pattern_variance))
        lower[lv] = _from_log(centre - z_score * below)
        upper[lv] = _from_log(centre + z_score * above)
    return Prediction("harmonic_ets", _from_log(centre), lower, upper)


def naive(history: FloatArray, horizon: int) -> Prediction:
    """Baseline: every future week equals the last one."""
    return from_statsforecast("naive", Naive(), history, horizon, _counts)


def seasonal_naive(history: FloatArray, horizon: int) -> Prediction:
    """Baseline: every future week equals the same week a year earlier (naive before a year)."""
    if len(history) < YEAR + 1:
        return naive(history, horizon)
    model = SeasonalNaive(season_length=YEAR)
    return from_statsforecast("seasonal_naive", model, history, horizon, _counts)


def recent_mean(history: FloatArray, horizon: int, *, window: int = 26) -> Prediction:
    """The mean of the last `window` weeks, with negative-binomial (or Poisson, when the weeks
    vary no more than Poisson counts would) quantiles: sound for sparse, mostly-zero series."""
    recent = history[-window:]
    mean = float(recent.mean()) if recent.size else 0.0
    variance = float(recent.var(ddof=1)) if recent.size > 1 else mean
    lower: dict[int, FloatArray] = {}
    upper: dict[int, FloatArray] = {}
    for level in LEVELS:
        tail = (1 - level / 100) / 2
        low, high = _count_quantiles(mean, variance, tail)
        lower[level] = np.full(horizon, low)
        upper[level] = np.full(horizon, high)
    return Prediction("recent_mean", np.full(horizon, mean), lower, upper)


def _count_quantiles(mean: float, variance: float, tail: float) -> tuple[float, float]:
    if mean <= 0:
        return 0.0, 0.0
    if variance > mean:
        size = mean * mean / (variance - mean)
        dist: Any = stats.nbinom(size, size / (size + mean))
    else:
        dist = stats.poisson(mean)
    return float(dist.ppf(tail)), float(dist.ppf(1 - tail))


def with_count_noise(prediction: Prediction) -> Prediction:
    """Widen intervals to at least the Poisson spread of the forecast mean: a week's count
    varies that much even when the underlying rate is known exactly (a flat or perfectly
    trending history would otherwise give an interval of zero width)."""
    lower: dict[int, FloatArray] = {}
    upper: dict[int, FloatArray] = {}
    for level in LEVELS:
        tail = (1 - level / 100) / 2
        noise = stats.poisson(np.maximum(prediction.mean, 1e-9))
        lower[level] = np.minimum(prediction.lower[level], noise.ppf(tail))
        upper[level] = np.maximum(prediction.upper[level], noise.ppf(1 - tail))
    return Prediction(prediction.method, prediction.mean, lower, upper)
