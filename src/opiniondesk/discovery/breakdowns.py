"""Places and time series of a group of documents, with small cells suppressed.

Used by discovery clusters and claim spreads alike. Exact counts stay inside; what leaves is
built by `web.suppression.protect_breakdown`, so a hidden cell cannot be recovered from the
group's size minus the visible cells.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from opiniondesk.web.suppression import protect_breakdown

UNKNOWN = ""
UNKNOWN_LABEL = "Chưa xác định / Unknown"


def place_counts(places: Iterable[tuple[str, str]]) -> dict[str, dict[str, int]]:
    """{"province": {code: n}, "commune": {code: n}} from (province, commune) code pairs."""
    provinces: Counter[str] = Counter()
    communes: Counter[str] = Counter()
    for province, commune in places:
        provinces[province or UNKNOWN] += 1
        if commune:
            communes[commune] += 1
    return {"province": dict(provinces), "commune": dict(communes)}


def protected_places(
    counts: Mapping[str, Mapping[str, int]],
    *,
    province_names: Mapping[str, str],
    commune_names: Mapping[str, str],
    min_group_size: int,
) -> dict[str, list[dict[str, Any]]]:
    """Visible province and commune cells, largest first; hidden cells are left out.

    Provinces are zero-filled with every province the desk knows, so "<k" cannot be told
    apart from none; the unknown place is a cell of its own.
    """
    provinces: dict[str, int] = dict.fromkeys(province_names, 0)
    provinces.update(counts.get("province", {}))
    return {
        "provinces": _visible(provinces, province_names, min_group_size),
        "communes": _visible(dict(counts.get("commune", {})), commune_names, min_group_size),
    }


def _visible(
    counts: dict[str, int], names: Mapping[str, str], min_group_size: int
) -> list[dict[str, Any]]:
    breakdown = protect_breakdown(counts, min_group_size)
    return [
        {
            "code": cell.key,
            "name": names.get(cell.key, cell.key) if cell.key else UNKNOWN_LABEL,
            "count": cell.count,
        }
        for cell in breakdown.visible_ranked()
    ]


def protected_series(
    counts: Mapping[date, int], periods: list[date], min_group_size: int
) -> list[dict[str, Any]]:
    """One entry per period in order: its count, or None with the reason it is hidden."""
    full = {period: int(counts.get(period, 0)) for period in periods}
    breakdown = protect_breakdown(full, min_group_size)
    return [
        {
            "period": cell.key.isoformat(),
            "count": cell.count,
            "hidden": None if cell.hidden is None else str(cell.hidden),
        }
        for cell in breakdown.cells
    ]
