"""Weights that make a sample match known population totals: post-stratification on one
(possibly crossed) variable, raking (iterative proportional fitting) on several margins."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

from opiniondesk.errors import InputError

Margins = Mapping[str, Mapping[str, float]]  # variable → category → population total


def poststratify(
    weights: ArrayLike, cells: Sequence[str], totals: Mapping[str, float]
) -> NDArray[np.float64]:
    """wᵢ · N_h / Σ_{j∈h} w_j for the cell h of each respondent."""
    w = np.asarray(weights, dtype=float)
    sums: dict[str, float] = defaultdict(float)
    for weight, cell in zip(w, cells, strict=True):
        sums[cell] += float(weight)
    missing = sorted(c for c in sums if c not in totals)
    if missing:
        raise InputError(
            f"Bảng tổng thể thiếu nhóm: {', '.join(missing[:5])}. / "
            f"The population table lacks the cell(s): {', '.join(missing[:5])}."
        )
    return np.array([w[i] * totals[c] / sums[c] for i, c in enumerate(cells)], dtype=float)


def rake(
    weights: ArrayLike,
    variables: Mapping[str, Sequence[str]],
    margins: Margins,
    *,
    tolerance: float = 1e-10,
    max_iterations: int = 1000,
) -> NDArray[np.float64]:
    """Adjust `weights` in turn to each variable's margin until every margin is met within
    `tolerance` (relative). `variables` maps each margin variable to every respondent's value."""
    w = np.asarray(weights, dtype=float).copy()
    for name, values in variables.items():
        missing = sorted({v for v in values if v not in margins[name]})
        if missing:
            raise InputError(
                f"Biên “{name}” thiếu nhóm: {', '.join(missing[:5])}. / "
                f"Margin “{name}” lacks the categories: {', '.join(missing[:5])}."
            )
    columns = {name: np.asarray(values, dtype=object) for name, values in variables.items()}
    for _ in range(max_iterations):
        worst = 0.0
        for name, column in columns.items():
            for category, target in margins[name].items():
                mask = column == category
                current = float(w[mask].sum())
                if current <= 0:
                    continue
                worst = max(worst, abs(current - target) / target)
                w[mask] *= target / current
        if worst < tolerance:
            return w
    raise InputError(
        f"Phép cân chỉnh (raking) không hội tụ sau {max_iterations} vòng: các biên có thể mâu "
        f"thuẫn nhau. / Raking did not converge in {max_iterations} iterations: the margins "
        "may contradict each other."
    )
