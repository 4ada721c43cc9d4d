"""Emerging-issue detector: a weekday-aware negative-binomial scan over recent windows.

Method `seasonal_negbin_scan` (one series = one topic in one province or commune, counted in
documents per local day from the rollups; reposts never count):

1. For each window length L in `windows` (default 1, 3, 7 and 14 days) ending on the as-of day,
   the baseline is the `baseline_days` (default 56, eight weeks) before the window, skipping
   `guard_days` (default 0). Fewer than `min_baseline_days` (28) days of history: no test.
2. Expected count = the series' own level over its baseline × the desk-wide weekday profile of
   the window's days (`baseline.py`); the count's spread is a negative binomial that allows for
   over-dispersion (Pearson φ of the baseline raised by one standard error, capped at
   `max_dispersion` = 10) and for the level being estimated from few documents (prior
   `prior_count` = 0.5 document, Jeffreys-like).
3. Upper-tail probability P(X ≥ observed) for each window, multiplied by the number of windows
   (Bonferroni), so the chance that a series in its normal state signals on a given day is at
   most `alpha`.
4. A signal needs that probability ≤ `alpha` (default 0.001) **and** at least `min_count`
   documents in the window (default 5, the small-cell threshold): 2 documents against 0
   expected is never an alert, and no alert reveals a cell smaller than the suppression limit.
   The window with the smallest probability is the one reported.

Expected false-alarm rate: about `alpha` signal-days per series-day or fewer when the series
behaves like its baseline (Bonferroni and the minimum count make it conservative; a
misjudged over-dispersion can push it up), i.e. about 0.03 per series-month at the default;
signals on neighbouring days merge into one alert (`episodes.py`), so alerts are rarer still.
`bench/alerts.py` measures the real rate on simulated series with weekly rhythm, trend and
over-dispersion, and the recall and delay against bursts of known size (docs/evaluation.md).

Why not the CDC EARS C1–C3 family: they compare one day with the mean and SD of a 7-day
baseline, which suits counts in the tens; on the sparse series of a commune (mostly zeros) the
SD is near zero and single documents alarm. On the same simulated series EARS C2 raises far
more false alerts than this method (docs/evaluation.md), for more recall only on busy series.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import numpy.typing as npt

from opiniondesk.alerts.baseline import (
    FloatArray,
    IntArray,
    Prediction,
    dispersion,
    predict,
    upper_tail,
    weekday_profile,
)

METHOD = "seasonal_negbin_scan"
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class DetectorParams:
    baseline_days: int = 56
    min_baseline_days: int = 28
    guard_days: int = 0
    windows: tuple[int, ...] = (1, 3, 7, 14)
    alpha: float = 1e-3
    min_count: int = 5
    prior_count: float = 0.5
    max_dispersion: float = 10.0

    def __post_init__(self) -> None:
        if not self.windows or min(self.windows) < 1:
            raise ValueError("windows must be a non-empty list of lengths ≥ 1 day")
        if not 0 < self.alpha < 1:
            raise ValueError("alpha must be between 0 and 1")
        if not 1 <= self.min_baseline_days <= self.baseline_days:
            raise ValueError("min_baseline_days must be between 1 and baseline_days")

    @property
    def history_days(self) -> int:
        """Days of data before the as-of day that a full scan reads."""
        return max(self.windows) + self.guard_days + self.baseline_days

    def as_dict(self) -> dict[str, object]:
        values = asdict(self)
        values["windows"] = list(self.windows)
        return values


@dataclass(frozen=True, slots=True)
class WindowTest:
    """Observed and expected counts over one window, and the tail probability, per series."""

    observed: FloatArray
    expected: FloatArray
    tail: FloatArray  # P(X ≥ observed); 1 where the baseline is too short to judge
    testable: bool


@dataclass(frozen=True, slots=True)
class Signals:
    """Outcome of the scan on one as-of day, one entry per series."""

    fired: BoolArray
    window: IntArray  # length in days of the reported window
    observed: FloatArray
    expected: FloatArray
    probability: FloatArray  # Bonferroni-adjusted tail probability of the reported window


def window_test(
    counts: FloatArray,
    reference: FloatArray,
    weekdays: IntArray,
    *,
    start: int,
    end: int,
    params: DetectorParams,
) -> WindowTest:
    """Test days `start..end` (column indexes, inclusive) of every series against the baseline
    that ends `guard_days` before `start`.

    `counts` has one row per series and one column per day; `reference` is the desk-wide total
    of the same days (for the weekday profile); `weekdays` the weekday of each column.
    """
    base_end = start - params.guard_days  # exclusive
    base_start = max(0, base_end - params.baseline_days)
    n_series = counts.shape[0]
    observed = counts[:, start : end + 1].sum(axis=1)
    if base_end - base_start < params.min_baseline_days:
        ones = np.ones(n_series)
        return WindowTest(observed, np.zeros(n_series), ones, testable=False)
    base = slice(base_start, base_end)
    profile = weekday_profile(reference[base], weekdays[base])
    base_weights = profile[weekdays[base]]
    window_weight = float(profile[weekdays[start : end + 1]].sum())
    phi = dispersion(counts[:, base], base_weights, params.max_dispersion)
    prediction: Prediction = predict(
        counts[:, base].sum(axis=1),
        float(base_weights.sum()),
        window_weight,
        phi,
        params.prior_count,
    )
    tail = upper_tail(observed, prediction)
    return WindowTest(observed, prediction.expected, tail, testable=True)


def scan(
    counts: FloatArray,
    reference: FloatArray,
    weekdays: IntArray,
    *,
    as_of: int,
    params: DetectorParams,
) -> Signals:
    """Scan every series for a rise ending on column `as_of`."""
    n_series = counts.shape[0]
    best_p = np.ones(n_series)
    best_window = np.full(n_series, min(params.windows), dtype=np.int64)
    best_obs = np.zeros(n_series)
    best_exp = np.zeros(n_series)
    tests = len(params.windows)
    for length in sorted(params.windows):
        start = as_of - length + 1
        if start < 0:
            continue
        result = window_test(counts, reference, weekdays, start=start, end=as_of, params=params)
        if not result.testable:
            continue
        adjusted = np.minimum(result.tail * tests, 1.0)
        eligible = result.observed >= params.min_count
        better = eligible & (adjusted < best_p)
        best_p = np.where(better, adjusted, best_p)
        best_window = np.where(better, length, best_window)
        best_obs = np.where(better, result.observed, best_obs)
        best_exp = np.where(better, result.expected, best_exp)
    fired = best_p <= params.alpha
    return Signals(fired, best_window, best_obs, best_exp, best_p)
