"""A yearly pattern as a few harmonics of the year, fitted by least squares with a trend.

Weekly series rarely span more than two or three years, so a pattern of 52 free weekly values
(seasonal naive, STL) mostly learns last year's noise and one-off events. Three pairs of sine
and cosine terms with a period of 365.25/7 weeks describe a smooth yearly rhythm with six
numbers, ignore a one-week burst, and come with a covariance matrix, so the uncertainty of the
pattern itself can be added to a forecast's interval.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np

from opiniondesk.forecasts.prediction import FloatArray

PERIOD: Final = 365.25 / 7  # weeks in a year
HARMONICS: Final = 3


def harmonics(t: FloatArray, count: int = HARMONICS) -> FloatArray:
    """Columns cos(2πkt/P), sin(2πkt/P) for k = 1..count."""
    columns = []
    for k in range(1, count + 1):
        angle = 2 * np.pi * k * t / PERIOD
        columns += [np.cos(angle), np.sin(angle)]
    return np.column_stack(columns)


@dataclass(frozen=True, slots=True)
class YearlyPattern:
    """Harmonic coefficients fitted together with an intercept and a linear trend."""

    coefficients: FloatArray
    covariance: FloatArray  # of the harmonic coefficients
    explained: float  # share of the detrended variance the harmonics explain

    def at(self, t: FloatArray) -> FloatArray:
        """The pattern's value at week indices `t` (0 = first week of the history)."""
        return np.asarray(harmonics(t) @ self.coefficients, dtype=np.float64)

    def variance_at(self, t: FloatArray) -> FloatArray:
        """Variance of the estimated pattern at `t` (from the coefficients' covariance)."""
        x = harmonics(t)
        return np.asarray(np.einsum("ij,jk,ik->i", x, self.covariance, x), dtype=np.float64)


def fit_yearly_pattern(series: FloatArray) -> YearlyPattern:
    """Least squares of `series` on 1, t and the harmonics. Needs more weeks than 2 + 2×3."""
    n = len(series)
    t = np.arange(n, dtype=np.float64)
    trend = np.column_stack([np.ones(n), t / n])
    design = np.column_stack([trend, harmonics(t)])
    beta, *_ = np.linalg.lstsq(design, series, rcond=None)
    residual = series - design @ beta
    dof = max(n - design.shape[1], 1)
    covariance = float(residual @ residual) / dof * np.linalg.pinv(design.T @ design)
    detrended = series - trend @ np.linalg.lstsq(trend, series, rcond=None)[0]
    spread = float(detrended @ detrended)
    explained = 1.0 - float(residual @ residual) / spread if spread > 0 else 0.0
    return YearlyPattern(beta[2:], covariance[2:, 2:], max(explained, 0.0))
