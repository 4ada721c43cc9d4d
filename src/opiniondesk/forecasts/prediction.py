"""What every forecasting method returns: a point path and prediction intervals per level."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

LEVELS: Final = (80, 95)  # central prediction intervals, in percent

FloatArray = NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Prediction:
    """`horizon` future values: `mean[h]` with `lower[level][h]`–`upper[level][h]` around it."""

    method: str
    mean: FloatArray
    lower: dict[int, FloatArray]
    upper: dict[int, FloatArray]

    @property
    def horizon(self) -> int:
        return len(self.mean)

    def clipped(self, low: float, high: float = np.inf) -> Prediction:
        """The same prediction kept within [low, high] (counts ≥ 0, shares ≤ 1)."""
        return Prediction(
            self.method,
            np.clip(self.mean, low, high),
            {lv: np.clip(a, low, high) for lv, a in self.lower.items()},
            {lv: np.clip(a, low, high) for lv, a in self.upper.items()},
        )


def from_statsforecast(
    method: str,
    model: Any,
    series: FloatArray,
    horizon: int,
    back: Callable[[FloatArray], FloatArray],
) -> Prediction:
    """Fit a statsforecast model to `series` and map its forecast back with `back` (the inverse
    of whatever transform produced `series`; it must be increasing so bounds stay bounds)."""
    with warnings.catch_warnings():  # optimiser chatter on short or flat series
        warnings.simplefilter("ignore")
        raw: dict[str, Any] = model.forecast(y=series, h=horizon, level=list(LEVELS))

    def mapped(key: str) -> FloatArray:
        return back(np.asarray(raw[key], dtype=np.float64))

    return Prediction(
        method,
        mapped("mean"),
        {level: mapped(f"lo-{level}") for level in LEVELS},
        {level: mapped(f"hi-{level}") for level in LEVELS},
    )
