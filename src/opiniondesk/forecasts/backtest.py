"""Rolling-origin backtests: MASE and prediction-interval coverage of a forecasting method.

At each origin the method sees only the weeks before it and forecasts the next `horizon`
weeks; those forecasts are scored against what happened. MASE divides the mean absolute error
by the mean absolute one-step change of the training weeks (the in-sample naive error, the M4
convention for weekly data), so 1.0 means "as good as last week's value, in-sample" and scores
of different series can be averaged. Weeks whose actual value is undefined (NaN, e.g. a
negative share in a week with too few documents) are left out of both error and scale.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from statistics import median

import numpy as np

from opiniondesk.forecasts.prediction import LEVELS, FloatArray, Prediction

# predict(cut, horizon): a forecast of the `horizon` weeks after the first `cut` weeks
Predict = Callable[[int, int], Prediction]


def rolling_origins(n: int, *, horizon: int, count: int, step: int, min_train: int) -> list[int]:
    """Up to `count` training lengths, `step` weeks apart, the last leaving exactly `horizon`
    weeks to score; lengths below `min_train` are dropped. Ascending."""
    cuts = [n - horizon - i * step for i in range(count)]
    return sorted(cut for cut in cuts if cut >= min_train)


def naive_scale(history: FloatArray) -> float | None:
    """Mean absolute change between consecutive defined weeks (None when there is none)."""
    changes = np.abs(np.diff(history))
    changes = changes[~np.isnan(changes)]
    if changes.size == 0:
        return None
    scale = float(changes.mean())
    return scale if scale > 0 else None


def mase(actual: FloatArray, predicted: FloatArray, history: FloatArray) -> float | None:
    """Mean absolute scaled error; None when no actual is defined or the scale is zero."""
    scale = naive_scale(history)
    defined = ~np.isnan(actual)
    if scale is None or not defined.any():
        return None
    return float(np.abs(actual[defined] - predicted[defined]).mean() / scale)


def interval_hits(actual: FloatArray, lower: FloatArray, upper: FloatArray) -> int:
    """How many defined actuals fall inside [lower, upper] (bounds included)."""
    defined = ~np.isnan(actual)
    inside = (actual[defined] >= lower[defined]) & (actual[defined] <= upper[defined])
    return int(inside.sum())


@dataclass(frozen=True, slots=True)
class BacktestResult:
    """One method on one series over several origins."""

    method: str
    origins: int
    points: int  # scored (origin, week) pairs with a defined actual
    mase: float | None  # mean over origins with a defined MASE
    hits: dict[int, int] = field(default_factory=dict)  # by interval level

    def coverage(self, level: int) -> float | None:
        return self.hits.get(level, 0) / self.points if self.points else None


def backtest(
    actual: FloatArray,
    predict: Predict,
    *,
    horizon: int,
    count: int,
    step: int,
    min_train: int,
    method: str,
) -> BacktestResult | None:
    """Score `predict` at rolling origins of `actual`; None when no origin has enough history."""
    cuts = rolling_origins(
        len(actual), horizon=horizon, count=count, step=step, min_train=min_train
    )
    scores: list[float] = []
    hits = dict.fromkeys(LEVELS, 0)
    points = 0
    for cut in cuts:
        future = actual[cut : cut + horizon]
        prediction = predict(cut, horizon)
        score = mase(future, prediction.mean, actual[:cut])
        if score is not None:
            scores.append(score)
        points += int((~np.isnan(future)).sum())
        for level in LEVELS:
            hits[level] += interval_hits(future, prediction.lower[level], prediction.upper[level])
    if not cuts:
        return None
    return BacktestResult(
        method, len(cuts), points, float(np.mean(scores)) if scores else None, hits
    )


@dataclass(frozen=True, slots=True)
class Summary:
    """One method over many series: MASE across series, coverage pooled over all points."""

    method: str
    series: int
    mean_mase: float | None
    median_mase: float | None
    coverage: dict[int, float | None]
    points: int


def summarise(method: str, results: Sequence[BacktestResult]) -> Summary:
    scores = [r.mase for r in results if r.mase is not None]
    points = sum(r.points for r in results)
    coverage = {
        level: (sum(r.hits.get(level, 0) for r in results) / points if points else None)
        for level in LEVELS
    }
    return Summary(
        method,
        len(results),
        float(np.mean(scores)) if scores else None,
        float(median(scores)) if scores else None,
        coverage,
        points,
    )
