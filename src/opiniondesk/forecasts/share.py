"""Forecasting methods for the weekly negative share (negative documents / all documents).

Shares are modelled on the logit scale and transformed back, so every forecast and interval
bound stays within [0, 1]. A week's raw share is noisy when few documents came in (1 of 2 is
50 %), so each week is first pulled towards the recent pooled share by two pseudo-documents;
a week without documents takes the pooled share itself. Sparse series use the pooled share with
a beta-binomial interval for a week of the expected volume instead of a time-series model.
"""

from __future__ import annotations

from typing import Any, Final

import numpy as np
from scipy import stats  # type: ignore[import-untyped]
from scipy.special import expit, logit  # type: ignore[import-untyped]
from statsforecast.models import AutoETS, Naive, SeasonalNaive

from opiniondesk.forecasts.prediction import LEVELS, FloatArray, Prediction, from_statsforecast
from opiniondesk.forecasts.volume import YEAR

POOL_WEEKS: Final = 26  # weeks whose pooled share anchors the smoothing and sparse forecasts
PSEUDO_DOCUMENTS: Final = 2.0
_EDGE: Final = 1e-3  # logits of exactly 0 or 1 are infinite


def pooled_share(volume: FloatArray, negative: FloatArray, *, window: int = POOL_WEEKS) -> float:
    """Negative share of the last `window` weeks together (Jeffreys prior: never exactly 0 or
    1, and 0.5 when there are no documents at all)."""
    return float((negative[-window:].sum() + 0.5) / (volume[-window:].sum() + 1.0))


def smoothed_share(volume: FloatArray, negative: FloatArray) -> FloatArray:
    """Each week's share shrunk towards the pooled share; weeks without documents get it."""
    anchor = pooled_share(volume, negative)
    return (negative + PSEUDO_DOCUMENTS * anchor) / (volume + PSEUDO_DOCUMENTS)


def observed_share(volume: FloatArray, negative: FloatArray, *, min_volume: int) -> FloatArray:
    """The raw weekly share, NaN where fewer than `min_volume` documents make it meaningless."""
    share = np.full(len(volume), np.nan)
    enough = volume >= max(min_volume, 1)
    share[enough] = negative[enough] / volume[enough]
    return share


def _from_logit(values: FloatArray) -> FloatArray:
    return np.asarray(expit(values), dtype=np.float64)


def _on_logit(method: str, model: Any, share: FloatArray, horizon: int) -> Prediction:
    series = np.asarray(logit(np.clip(share, _EDGE, 1 - _EDGE)), dtype=np.float64)
    return from_statsforecast(method, model, series, horizon, _from_logit)


def logit_ets(volume: FloatArray, negative: FloatArray, horizon: int) -> Prediction:
    """ETS on the logit of the smoothed weekly share."""
    share = smoothed_share(volume, negative)
    return _on_logit("logit_ets", AutoETS(model="AZN"), share, horizon)


def naive(volume: FloatArray, negative: FloatArray, horizon: int) -> Prediction:
    """Baseline: last week's smoothed share (interval on the logit scale)."""
    return _on_logit("naive", Naive(), smoothed_share(volume, negative), horizon)


def seasonal_naive(volume: FloatArray, negative: FloatArray, horizon: int) -> Prediction:
    """Baseline: the smoothed share of the same week a year earlier (naive before a year)."""
    if len(volume) < YEAR + 1:
        return naive(volume, negative, horizon)
    share = smoothed_share(volume, negative)
    return _on_logit("seasonal_naive", SeasonalNaive(season_length=YEAR), share, horizon)


def pooled(
    volume: FloatArray, negative: FloatArray, horizon: int, *, expected_volume: FloatArray
) -> Prediction:
    """The pooled share of recent weeks. Its interval is where a week's observed share falls:
    beta-binomial for that week's expected number of documents (at least one)."""
    negatives = float(negative[-POOL_WEEKS:].sum())
    documents = float(volume[-POOL_WEEKS:].sum())
    a, b = negatives + 0.5, documents - negatives + 0.5
    lower: dict[int, FloatArray] = {level: np.empty(horizon) for level in LEVELS}
    upper: dict[int, FloatArray] = {level: np.empty(horizon) for level in LEVELS}
    for h in range(horizon):
        week = max(round(float(expected_volume[h])), 1)
        dist = stats.betabinom(week, a, b)
        for level in LEVELS:
            tail = (1 - level / 100) / 2
            lower[level][h] = float(dist.ppf(tail)) / week
            upper[level][h] = float(dist.ppf(1 - tail)) / week
    return Prediction("pooled_share", np.full(horizon, a / (a + b)), lower, upper)


def with_sampling_noise(prediction: Prediction, expected_volume: FloatArray) -> Prediction:
    """Widen intervals to at least the binomial spread of a week's share among the expected
    number of documents: the share a week shows varies that much even if the true share does
    not move at all."""
    weeks = np.maximum(np.round(expected_volume), 1).astype(np.int64)
    lower: dict[int, FloatArray] = {}
    upper: dict[int, FloatArray] = {}
    for level in LEVELS:
        tail = (1 - level / 100) / 2
        noise = stats.binom(weeks, np.clip(prediction.mean, 0.0, 1.0))
        lower[level] = np.minimum(prediction.lower[level], noise.ppf(tail) / weeks)
        upper[level] = np.maximum(prediction.upper[level], noise.ppf(1 - tail) / weeks)
    return Prediction(prediction.method, prediction.mean, lower, upper)
