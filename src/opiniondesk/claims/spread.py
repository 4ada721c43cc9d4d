"""How far a claim has spread: over time (per day or week), over places, and since its
clarification. Counts are of documents repeating the claim (reposts included: a repost is the
claim spreading); refutations are counted apart. Every cell below the minimum group size is
suppressed before it leaves this module."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from opiniondesk.analysis.rollups import local_day
from opiniondesk.claims.models import Clarification, Stance
from opiniondesk.claims.repository import MatchedDocument
from opiniondesk.discovery.breakdowns import place_counts, protected_places, protected_series
from opiniondesk.discovery.window import week_of
from opiniondesk.errors import InputError

GRAINS = ("day", "week")
MAX_PERIODS = 180


def spread(
    matched: Sequence[MatchedDocument],
    *,
    by: str,
    clarification: Clarification | None,
    province_names: Mapping[str, str],
    commune_names: Mapping[str, str],
    min_group_size: int,
) -> dict[str, Any]:
    if by not in GRAINS:
        raise InputError(
            f"--by phải là 'day' hoặc 'week', gặp {by!r}. / --by must be 'day' or 'week'."
        )
    repeats = [m for m in matched if m.stance == Stance.repeats]
    refutes = [m for m in matched if m.stance == Stance.refutes]
    k = min_group_size
    out: dict[str, Any] = {
        "repeats": _count(len(repeats), k),
        "refutes": _count(len(refutes), k),
        "reposts": _count(sum(m.is_repost for m in repeats), k),
        "first_seen": local_day(repeats[0].published_at).isoformat() if repeats else None,
        "last_seen": local_day(repeats[-1].published_at).isoformat() if repeats else None,
        "by": by,
        "series": _series(repeats, refutes, by, clarification, k),
        "places": protected_places(
            place_counts((m.province_code, m.commune_code) for m in repeats),
            province_names=province_names,
            commune_names=commune_names,
            min_group_size=k,
        ),
        "after_clarification": None,
    }
    if clarification is not None:
        since = clarification.published_at
        out["after_clarification"] = {
            "since": local_day(since).isoformat(),
            "repeats": _count(sum(m.published_at >= since for m in repeats), k),
            "refutes": _count(sum(m.published_at >= since for m in refutes), k),
            "repeats_before": _count(sum(m.published_at < since for m in repeats), k),
        }
    return out


def _count(n: int, k: int) -> int | None:
    """A headline count, or None ("<k") when small: zero is hidden too, so "none" and "a few"
    read the same."""
    return n if n >= k else None


def _period(day: date, by: str) -> date:
    return week_of(day) if by == "week" else day


def _series(
    repeats: Sequence[MatchedDocument],
    refutes: Sequence[MatchedDocument],
    by: str,
    clarification: Clarification | None,
    k: int,
) -> list[dict[str, Any]]:
    days = [local_day(m.published_at) for m in (*repeats, *refutes)]
    if clarification is not None:
        days.append(local_day(clarification.published_at))
    if not days:
        return []
    step = timedelta(days=7 if by == "week" else 1)
    first, last = _period(min(days), by), _period(max(days), by)
    periods: list[date] = []
    current = last
    while current >= first and len(periods) < MAX_PERIODS:  # newest periods kept when capped
        periods.append(current)
        current -= step
    periods.reverse()
    rep = protected_series(_per_period(repeats, by), periods, k)
    ref = protected_series(_per_period(refutes, by), periods, k)
    marked = _period(local_day(clarification.published_at), by) if clarification else None
    return [
        {
            "period": a["period"],
            "repeats": a["count"],
            "refutes": b["count"],
            "clarified": marked is not None and a["period"] == marked.isoformat(),
        }
        for a, b in zip(rep, ref, strict=True)
    ]


def _per_period(matched: Sequence[MatchedDocument], by: str) -> Counter[date]:
    return Counter(_period(local_day(m.published_at), by) for m in matched)
