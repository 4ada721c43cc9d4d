"""Province and commune: a commune alert absorbs its province's rise when it explains it.

When a province series signals for a topic and one of its communes has an alert of that
topic overlapping the signal window (open, or closed by an analyst), the commune's excess
(observed − expected over the province's window, each against its own baseline) is compared
with the province's excess. If the commune accounts for at least `ABSORB_SHARE` (one half) of
it, no province alert is raised: the commune alert is marked `absorbs_province` and stands for
both, so the analyst reads one alert about one place. Otherwise the rise is wider than one
commune (or lies in documents that name only the province) and the province gets its own
alert. An open province alert is always extended, never absorbed after the fact: an analyst
may already be working on it.
"""

from __future__ import annotations

import numpy as np

from opiniondesk.alerts.baseline import FloatArray

ABSORB_SHARE = 0.5


def explaining_child(province_excess: float, child_excess: FloatArray, share: float) -> int | None:
    """Position of the child whose excess is at least `share` of the province's, if any."""
    if child_excess.size == 0 or province_excess <= 0:
        return None
    best = int(np.argmax(child_excess))
    return best if child_excess[best] >= share * province_excess else None
