"""Backtest arithmetic on tiny series checked by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from opiniondesk.forecasts.backtest import (
    backtest,
    interval_hits,
    mase,
    naive_scale,
    rolling_origins,
    summarise,
)
from opiniondesk.forecasts.prediction import Prediction


def last_value(y: np.ndarray, horizon: int, *, width: float = 1.0) -> Prediction:
    """Naive forecast with a fixed ± width interval (80 %) and ± 2 width (95 %)."""
    mean = np.full(horizon, y[-1])
    return Prediction(
        "naive",
        mean,
        {80: mean - width, 95: mean - 2 * width},
        {80: mean + width, 95: mean + 2 * width},
    )


class TestOrigins:
    def test_last_origin_leaves_the_horizon(self):
        assert rolling_origins(10, horizon=2, count=3, step=2, min_train=3) == [4, 6, 8]

    def test_origins_need_enough_history(self):
        assert rolling_origins(10, horizon=2, count=3, step=2, min_train=5) == [6, 8]
        assert rolling_origins(4, horizon=2, count=3, step=1, min_train=5) == []


class TestMetrics:
    def test_mase_by_hand(self):
        # history 1,2,3,4: one-step changes all 1 → scale 1; forecast 4,4 vs 5,6 → MAE 1.5
        history = np.array([1.0, 2.0, 3.0, 4.0])
        assert mase(np.array([5.0, 6.0]), np.array([4.0, 4.0]), history) == pytest.approx(1.5)

    def test_mase_ignores_undefined_weeks(self):
        history = np.array([2.0, np.nan, 4.0, 6.0])  # only the change 4→6 is defined
        assert naive_scale(history) == pytest.approx(2.0)
        score = mase(np.array([np.nan, 9.0]), np.array([5.0, 5.0]), history)
        assert score == pytest.approx(2.0)  # |9 − 5| / 2

    def test_mase_undefined_for_flat_history(self):
        assert mase(np.array([1.0]), np.array([1.0]), np.array([3.0, 3.0, 3.0])) is None

    def test_interval_hits_include_bounds_and_skip_nan(self):
        actual = np.array([1.0, 2.0, np.nan, 5.0])
        assert interval_hits(actual, np.full(4, 1.0), np.full(4, 2.0)) == 2


class TestBacktest:
    def test_naive_on_a_straight_line(self):
        y = np.arange(1.0, 11.0)  # 1..10
        result = backtest(
            y,
            lambda cut, h: last_value(y[:cut], h),
            horizon=2,
            count=3,
            step=2,
            min_train=4,
            method="naive",
        )
        assert result is not None
        # origins 4, 6, 8: each forecasts last value v for v+1, v+2 → errors 1, 2 → MASE 1.5
        assert result.origins == 3 and result.points == 6
        assert result.mase == pytest.approx(1.5)
        # ± 1 covers only the first step of each origin; ± 2 covers both
        assert result.coverage(80) == pytest.approx(0.5)
        assert result.coverage(95) == pytest.approx(1.0)

    def test_no_origin_means_no_result(self):
        y = np.arange(5.0)
        assert (
            backtest(
                y,
                lambda cut, h: last_value(y[:cut], h),
                horizon=2,
                count=2,
                step=1,
                min_train=10,
                method="naive",
            )
            is None
        )

    def test_summary_pools_coverage_over_points(self):
        y = np.arange(1.0, 11.0)
        wide = backtest(
            y,
            lambda c, h: last_value(y[:c], h, width=5),
            horizon=2,
            count=1,
            step=1,
            min_train=4,
            method="m",
        )
        narrow = backtest(
            y,
            lambda c, h: last_value(y[:c], h, width=0.5),
            horizon=2,
            count=3,
            step=2,
            min_train=4,
            method="m",
        )
        assert wide is not None and narrow is not None
        summary = summarise("m", [wide, narrow])
        assert summary.series == 2 and summary.points == 8
        assert summary.coverage[80] == pytest.approx(2 / 8)  # wide: 2 of 2, narrow: 0 of 6
        assert summary.mean_mase == pytest.approx(1.5)
        assert not math.isnan(summary.median_mase or math.nan)
