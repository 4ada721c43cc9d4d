"""Which method forecasts a series, and why: the choice every forecast reports.

The rules were set by the rolling-origin backtest in bench/forecasts.py (docs/evaluation.md):
- fewer than MIN_WEEKS complete weeks, or a sparse recent past (many empty weeks, or a handful
  of documents a week): the recent mean with count quantiles — a fitted model would chase
  noise, and Gaussian intervals around a count near zero mislead;
- two full years and a clear yearly pattern (three yearly harmonics explain at least
  YEARLY_EXPLAINED of the detrended variance; noise alone explains about 0.02–0.10): the
  harmonics plus ETS;
- otherwise ETS on log(1 + count) (additive errors there; trend and damping by AICc).
If fitting fails on a pathological series, the recent mean answers and the reason says so.
A model's interval is never narrower than the Poisson (count) or binomial (share) noise of a
single week: a flat history must not produce a zero-width interval.
The negative share follows the volume's choice: logit ETS where the volume is modelled, the
pooled share where it is sparse.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

import numpy as np

from opiniondesk.forecasts import share, volume
from opiniondesk.forecasts.prediction import FloatArray, Prediction
from opiniondesk.forecasts.seasonality import fit_yearly_pattern

log = logging.getLogger(__name__)

MIN_WEEKS: Final = 12
RECENT_WEEKS: Final = 26
SPARSE_ZERO_SHARE: Final = 0.3  # more empty weeks than this among the recent ones: sparse
SPARSE_MEAN: Final = 3.0  # fewer documents a week on average: sparse
YEARLY_EXPLAINED: Final = 0.2
TWO_YEARS: Final = 104


class Reason(StrEnum):
    no_history = "no_history"  # not one complete week counted yet
    short = "short"
    sparse = "sparse"
    seasonal = "seasonal"
    level = "level"  # enough documents, no clear yearly pattern
    fit_failed = "fit_failed"


@dataclass(frozen=True, slots=True)
class Choice:
    """The method picked for a series, the reason, and the facts the reason rests on."""

    reason: Reason
    weeks: int
    yearly_explained: float | None = None  # measured only with two full years

    @property
    def volume_method(self) -> str:
        return {
            Reason.seasonal: "harmonic_ets",
            Reason.level: "ets",
        }.get(self.reason, "recent_mean")

    @property
    def share_method(self) -> str:
        return "logit_ets" if self.reason in {Reason.seasonal, Reason.level} else "pooled_share"


def choose(history: FloatArray) -> Choice:
    """Pick the volume method for a weekly count series (oldest week first)."""
    weeks = len(history)
    if weeks == 0:
        return Choice(Reason.no_history, 0)
    if weeks < MIN_WEEKS:
        return Choice(Reason.short, weeks)
    recent = history[-RECENT_WEEKS:]
    if float(np.mean(recent == 0)) > SPARSE_ZERO_SHARE or float(recent.mean()) < SPARSE_MEAN:
        return Choice(Reason.sparse, weeks)
    if weeks < TWO_YEARS:
        return Choice(Reason.level, weeks)
    explained = fit_yearly_pattern(np.log1p(history)).explained
    if explained >= YEARLY_EXPLAINED:
        return Choice(Reason.seasonal, weeks, explained)
    return Choice(Reason.level, weeks, explained)


_VOLUME: Final[dict[str, Callable[[FloatArray, int], Prediction]]] = {
    "ets": volume.ets,
    "harmonic_ets": volume.seasonal_ets,
    "recent_mean": volume.recent_mean,
}


def forecast_volume(history: FloatArray, horizon: int, choice: Choice) -> tuple[Prediction, Choice]:
    """The forecast by the chosen method, or by the recent mean if the model cannot be fitted."""
    try:
        prediction = _VOLUME[choice.volume_method](history, horizon)
        if choice.volume_method != "recent_mean":  # its count quantiles already hold the noise
            prediction = volume.with_count_noise(prediction)
        return prediction, choice
    except (ValueError, ArithmeticError, np.linalg.LinAlgError) as exc:
        log.warning("forecast: %s failed (%s); using the recent mean", choice.volume_method, exc)
        fallback = Choice(Reason.fit_failed, choice.weeks)
        return volume.recent_mean(history, horizon), fallback


def forecast_share(
    volumes: FloatArray,
    negatives: FloatArray,
    horizon: int,
    choice: Choice,
    *,
    expected_volume: FloatArray,
) -> Prediction:
    """The negative-share forecast that goes with the volume's choice (always within [0, 1])."""
    if choice.share_method == "logit_ets":
        try:
            prediction = share.logit_ets(volumes, negatives, horizon)
            return share.with_sampling_noise(prediction, expected_volume)
        except (ValueError, ArithmeticError, np.linalg.LinAlgError) as exc:
            log.warning("forecast: logit ETS failed (%s); using the pooled share", exc)
    return share.pooled(volumes, negatives, horizon, expected_volume=expected_volume)


def forecast_volume_auto(history: FloatArray, horizon: int) -> Prediction:
    """Choose on `history` alone, then forecast: the whole policy as one method (backtests
    re-choose at every origin, as the desk would have then)."""
    return forecast_volume(history, horizon, choose(history))[0]


def forecast_share_auto(volumes: FloatArray, negatives: FloatArray, horizon: int) -> Prediction:
    """The share forecast the desk would have made from these weeks alone."""
    prediction, choice = forecast_volume(volumes, horizon, choose(volumes))
    return forecast_share(volumes, negatives, horizon, choice, expected_volume=prediction.mean)
