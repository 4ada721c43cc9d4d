"""The detector on arrays: bursts fire, flat or tiny series do not, the tail is a true NB tail."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import nbinom

from opiniondesk.alerts.baseline import Prediction, predict, upper_tail, weekday_profile
from opiniondesk.alerts.detector import DetectorParams, scan

DAYS = 100
WEEKDAYS = np.arange(DAYS, dtype=np.int64) % 7
RHYTHM = np.array([1.2, 1.2, 1.1, 1.1, 1.0, 0.7, 0.7])
REFERENCE = 500.0 * RHYTHM[WEEKDAYS]


def _scan(rows: list[np.ndarray], params: DetectorParams | None = None):
    counts = np.vstack(rows).astype(np.float64)
    return scan(counts, REFERENCE, WEEKDAYS, as_of=DAYS - 1, params=params or DetectorParams())


def _series(pattern: tuple[int, ...]) -> np.ndarray:
    return np.resize(np.array(pattern, dtype=np.float64), DAYS)


class TestTail:
    def test_matches_the_negative_binomial_survival_function(self):
        prediction = Prediction(np.array([2.0, 7.5]), np.array([3.0, 40.0]), np.array([0.6, 0.84]))
        observed = np.array([6.0, 15.0])
        expected = nbinom.sf(observed - 1, prediction.size, prediction.probability)
        assert upper_tail(observed, prediction) == pytest.approx(expected, rel=1e-9)

    def test_nothing_observed_is_never_surprising(self):
        prediction = predict(np.array([10.0]), 56.0, 1.0, np.array([1.0]), 0.5)
        assert upper_tail(np.array([0.0]), prediction)[0] == 1.0

    def test_a_level_known_from_few_documents_is_less_certain(self):
        few = predict(np.array([1.5]), 56.0, 7.0, np.array([1.0]), 0.5)
        many = predict(np.array([199.5]), 5600.0, 7.0, np.array([1.0]), 0.5)
        assert few.expected[0] == pytest.approx(many.expected[0], rel=0.01)
        assert upper_tail(np.array([3.0]), few)[0] > upper_tail(np.array([3.0]), many)[0]

    def test_weekday_profile_has_mean_one_and_follows_the_desk(self):
        profile = weekday_profile(REFERENCE, WEEKDAYS)
        assert profile.mean() == pytest.approx(1.0)
        assert profile[0] > 1.0 > profile[6]

    def test_an_empty_desk_has_no_rhythm(self):
        assert weekday_profile(np.zeros(14), WEEKDAYS[:14]).tolist() == [1.0] * 7


class TestScan:
    def test_an_obvious_burst_fires_on_a_short_window(self):
        burst = _series((1, 0, 0, 1, 0, 0, 0))
        burst[-2:] += 8
        signals = _scan([burst])
        assert signals.fired[0]
        assert signals.window[0] in (1, 3)
        assert signals.observed[0] > 10 * signals.expected[0]

    def test_flat_series_do_not_fire(self):
        rows = [_series((3, 2, 4, 3, 3, 2, 4)), _series((20, 22, 18, 21, 19, 15, 14))]
        assert not _scan(rows).fired.any()

    @pytest.mark.parametrize("extra", [2, 4])
    def test_a_few_documents_where_there_were_none_never_fire(self, extra):
        series = np.zeros(DAYS)
        series[-1] = extra
        signals = _scan([series])
        assert not signals.fired[0]

    def test_five_documents_where_there_were_none_do(self):
        series = np.zeros(DAYS)
        series[-1] = 5
        assert _scan([series]).fired[0]

    def test_a_weekday_peak_expected_by_the_desk_rhythm_is_not_a_burst(self):
        # the series doubles on Mondays like a desk that doubles on Mondays
        reference = 500.0 * np.where(WEEKDAYS == 0, 2.0, 1.0)
        series = np.where(WEEKDAYS == 0, 16.0, 8.0)
        monday = int(np.flatnonzero(WEEKDAYS == 0)[-1])
        signals = scan(series[None, :], reference, WEEKDAYS, as_of=monday, params=DetectorParams())
        assert not signals.fired[0]

    def test_too_little_history_is_not_judged(self):
        series = np.zeros(20)
        series[-1] = 30
        signals = scan(
            series[None, :], REFERENCE[:20], WEEKDAYS[:20], as_of=19, params=DetectorParams()
        )
        assert not signals.fired[0]

    def test_parameters_are_checked(self):
        with pytest.raises(ValueError, match="alpha"):
            DetectorParams(alpha=0)
        with pytest.raises(ValueError, match="windows"):
            DetectorParams(windows=())
