"""Method choice and forecasts on plain arrays: seasonal, level, sparse, short, degenerate."""

from __future__ import annotations

import numpy as np
import pytest

from opiniondesk.forecasts import forecaster, share, volume
from opiniondesk.forecasts.forecaster import Reason, choose, forecast_share, forecast_volume
from opiniondesk.forecasts.prediction import LEVELS, Prediction
from tests.forecasts.builders import seasonal_counts


def widths(prediction: Prediction, level: int = 95) -> np.ndarray:
    return prediction.upper[level] - prediction.lower[level]


def run(y: np.ndarray, negative: np.ndarray, horizon: int = 8):
    choice = choose(y)
    volume_prediction, choice = forecast_volume(y, horizon, choice)
    share_prediction = forecast_share(
        y, negative, horizon, choice, expected_volume=volume_prediction.mean
    )
    return choice, volume_prediction, share_prediction


def assert_ordered(prediction: Prediction) -> None:
    for level in LEVELS:
        assert np.all(prediction.lower[level] <= prediction.mean + 1e-9)
        assert np.all(prediction.mean <= prediction.upper[level] + 1e-9)
    assert np.all(prediction.lower[95] <= prediction.lower[80] + 1e-9)
    assert np.all(prediction.upper[80] <= prediction.upper[95] + 1e-9)


def relative_widths(prediction: Prediction, level: int = 95) -> np.ndarray:
    """Interval widths on the log scale: how uncertain, relative to the level."""
    return np.log1p(prediction.upper[level]) - np.log1p(prediction.lower[level])


class TestSeasonal:
    # 132 weeks end just past a yearly low: the next eight weeks climb
    y = np.asarray(seasonal_counts(132), dtype=float)

    def test_a_clear_yearly_rhythm_is_recognised(self):
        choice = choose(self.y)
        assert choice.reason is Reason.seasonal
        assert choice.volume_method == "harmonic_ets"
        assert choice.yearly_explained is not None and choice.yearly_explained > 0.5

    def test_forecast_follows_the_rhythm_with_widening_intervals(self):
        _, prediction, _ = run(self.y, np.round(self.y * 0.3))
        assert prediction.method == "harmonic_ets"
        assert np.all(np.diff(prediction.mean) > 0)  # climbing out of the low, as last year
        model = volume.seasonal_ets(self.y, 8)
        for level in LEVELS:
            relative = relative_widths(model, level)
            assert np.all(np.diff(relative) >= -1e-3) and relative[-1] > relative[0]
            assert widths(prediction, level)[-1] > widths(prediction, level)[0]
        assert_ordered(prediction)

    def test_the_rhythm_beats_a_flat_forecast_on_the_next_weeks(self):
        history, future = self.y[:124], self.y[124:]
        seasonal = volume.seasonal_ets(history, 8)
        flat = volume.ets(history, 8)
        assert np.abs(seasonal.mean - future).mean() < np.abs(flat.mean - future).mean()

    def test_two_years_of_noise_is_not_called_seasonal(self):
        rng = np.random.default_rng(5)
        noise = rng.poisson(40, 110).astype(float)
        choice = choose(noise)
        assert choice.reason is Reason.level
        assert choice.yearly_explained is not None and choice.yearly_explained < 0.2


class TestLevel:
    def test_trending_series_uses_ets_and_intervals_widen(self):
        rng = np.random.default_rng(2)
        y = rng.poisson(np.linspace(20, 60, 60)).astype(float)
        choice, prediction, share_prediction = run(y, np.round(y * 0.5))
        assert choice.reason is Reason.level and prediction.method == "ets"
        assert np.all(np.diff(widths(prediction)) >= 0)
        assert widths(prediction)[-1] > widths(prediction)[0]
        assert prediction.mean[-1] > 45  # the rise is carried on
        assert share_prediction.method == "logit_ets"
        assert_ordered(prediction)
        assert_ordered(share_prediction)

    def test_flat_history_still_gets_count_noise(self):
        y = np.full(30, 50.0)
        _, prediction, share_prediction = run(y, np.full(30, 20.0))
        assert np.all(prediction.lower[95] < 50) and np.all(prediction.upper[95] > 50)
        assert np.all(share_prediction.lower[95] < 0.4) and np.all(share_prediction.upper[95] > 0.4)


class TestSparse:
    def test_mostly_empty_weeks_fall_back_to_the_recent_mean(self):
        y = np.zeros(80)
        y[::6] = [3, 1, 2, 4, 1, 2, 1, 3, 2, 1, 1, 2, 5, 1]
        choice, prediction, share_prediction = run(y, np.minimum(y, 1))
        assert choice.reason is Reason.sparse
        assert prediction.method == "recent_mean" and share_prediction.method == "pooled_share"
        assert np.all(prediction.mean == pytest.approx(y[-26:].mean()))
        assert np.all(prediction.lower[95] == 0)
        assert_ordered(prediction)

    def test_all_zero_series_forecasts_zero(self):
        choice, prediction, share_prediction = run(np.zeros(40), np.zeros(40))
        assert choice.reason is Reason.sparse
        assert np.all(prediction.mean == 0) and np.all(prediction.upper[95] == 0)
        assert np.all((share_prediction.lower[95] >= 0) & (share_prediction.upper[95] <= 1))

    def test_short_history(self):
        choice, prediction, _ = run(np.array([4.0, 6.0, 5.0]), np.array([1.0, 2.0, 2.0]))
        assert choice.reason is Reason.short and prediction.method == "recent_mean"
        assert prediction.mean[0] == pytest.approx(5.0)

    def test_no_history(self):
        assert choose(np.array([])).reason is Reason.no_history


class TestShareBounds:
    @pytest.mark.parametrize("fraction", [0.0, 1.0, 0.5, 0.97])
    def test_share_stays_within_0_and_1(self, fraction):
        rng = np.random.default_rng(3)
        y = rng.poisson(30, 70).astype(float)
        y[10:14] = 0  # weeks without documents
        negative = np.round(y * fraction)
        _, _, prediction = run(y, negative)
        for array in (prediction.mean, *prediction.lower.values(), *prediction.upper.values()):
            assert np.all((array >= 0) & (array <= 1))
        assert_ordered(prediction)

    def test_pooled_share_interval_narrows_with_volume(self):
        vol = np.full(30, 10.0)
        neg = np.full(30, 3.0)
        small = share.pooled(vol, neg, 1, expected_volume=np.array([4.0]))
        large = share.pooled(vol, neg, 1, expected_volume=np.array([400.0]))
        assert widths(large)[0] < widths(small)[0]
        assert small.mean[0] == pytest.approx((26 * 3 + 0.5) / (26 * 10 + 1))  # last 26 weeks


class TestFailures:
    def test_a_model_that_cannot_be_fitted_falls_back(self, monkeypatch):
        def broken(history: np.ndarray, horizon: int) -> Prediction:
            raise ValueError("singular")

        monkeypatch.setitem(forecaster._VOLUME, "ets", broken)
        y = np.random.default_rng(1).poisson(30, 40).astype(float)
        prediction, choice = forecast_volume(y, 4, choose(y))
        assert choice.reason is Reason.fit_failed
        assert prediction.method == "recent_mean"


def test_recent_mean_quantiles_are_counts():
    prediction = volume.recent_mean(np.array([2.0, 0.0, 5.0, 1.0, 7.0, 0.0]), 3)
    for level in LEVELS:
        assert np.all(prediction.lower[level] == np.round(prediction.lower[level]))
        assert np.all(prediction.upper[level] == np.round(prediction.upper[level]))
