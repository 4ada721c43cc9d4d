"""Weekly series of volume and negative documents per topic × province, built from rollups.

Weeks are local Vietnam weeks starting on Monday (rollup days are already local dates). Only
complete weeks are used: a week that has only begun would look like a collapse in volume.
Every series of a desk spans the same weeks, zero-filled, from the first complete week with any
document to the last complete week, so a quiet topic reads as zeros rather than as missing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from numpy.typing import NDArray
from sqlalchemy.orm import Session

from opiniondesk.analysis.rollups import TOTAL
from opiniondesk.forecasts import repository

NEGATIVE = "negative"  # the sentiment label whose share is forecast


@dataclass(frozen=True, slots=True)
class WeeklySeries:
    """One topic × province: documents and negative documents per week (Monday dates).

    `topic_code=None` is every document (each counted once); `province_code=None` every place.
    """

    topic_code: str | None
    province_code: str | None
    weeks: tuple[date, ...]
    volume: tuple[int, ...]
    negative: tuple[int, ...]

    def volume_array(self) -> NDArray[np.float64]:
        return np.asarray(self.volume, dtype=np.float64)

    def negative_array(self) -> NDArray[np.float64]:
        return np.asarray(self.negative, dtype=np.float64)

    @property
    def total(self) -> int:
        return sum(self.volume)


def week_start(day: date) -> date:
    """The Monday of the local week holding `day`."""
    return day - timedelta(days=day.weekday())


def complete_weeks(first_day: date, last_day: date) -> list[date]:
    """Mondays of the weeks lying entirely within [first_day, last_day]."""
    first = week_start(first_day)
    if first < first_day:
        first += timedelta(weeks=1)
    last = week_start(last_day)
    if last_day.weekday() != 6:  # the week of last_day has not ended yet
        last -= timedelta(weeks=1)
    count = (last - first).days // 7 + 1
    return [first + timedelta(weeks=i) for i in range(max(count, 0))]


def bucket_by_week(
    daily: Iterable[tuple[date, str, int]], weeks: list[date]
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Weekly (volume, negative) from (day, sentiment, count); days outside `weeks` are dropped."""
    index = {week: i for i, week in enumerate(weeks)}
    volume = [0] * len(weeks)
    negative = [0] * len(weeks)
    for day, sentiment, count in daily:
        i = index.get(week_start(day))
        if i is None:
            continue
        volume[i] += count
        if sentiment == NEGATIVE:
            negative[i] += count
    return tuple(volume), tuple(negative)


def desk_weeks(session: Session, *, as_of: date | None = None) -> list[date]:
    """The complete weeks every series of this desk spans (empty when nothing is counted)."""
    span = repository.rollup_span(session)
    if span is None:
        return []
    first, last = span
    return complete_weeks(first, min(last, as_of) if as_of else last)


def load_series(
    session: Session,
    *,
    topic_code: str | None,
    province_code: str | None,
    as_of: date | None = None,
) -> WeeklySeries:
    """One series, zero-filled over the desk's complete weeks (up to `as_of` when given)."""
    weeks = desk_weeks(session, as_of=as_of)
    if not weeks:
        return WeeklySeries(topic_code, province_code, (), (), ())
    daily = repository.daily_sentiment_counts(
        session,
        topic_code=topic_code,
        province_code=province_code,
        start=weeks[0],
        end=weeks[-1] + timedelta(days=6),
    )
    volume, negative = bucket_by_week(daily, weeks)
    return WeeklySeries(topic_code, province_code, tuple(weeks), volume, negative)


def load_all_series(session: Session, *, as_of: date | None = None) -> list[WeeklySeries]:
    """Every topic × province series, with the all-topics and all-provinces margins.

    Topic rows give per-topic series; the total rows (topic '') give all documents, each once.
    Documents without a known province count only in the all-provinces series.
    """
    weeks = desk_weeks(session, as_of=as_of)
    if not weeks:
        return []
    cells: dict[tuple[str | None, str | None], list[tuple[date, str, int]]] = defaultdict(list)
    rows = repository.daily_cells(session, start=weeks[0], end=weeks[-1] + timedelta(days=6))
    for topic, province, day, sentiment, count in rows:
        topic_key = None if topic == TOTAL else topic
        cells[(topic_key, None)].append((day, sentiment, count))
        if province:
            cells[(topic_key, province)].append((day, sentiment, count))
    series = []
    for (topic_key, province_key), daily in sorted(cells.items(), key=lambda kv: _key(kv[0])):
        volume, negative = bucket_by_week(daily, weeks)
        series.append(WeeklySeries(topic_key, province_key, tuple(weeks), volume, negative))
    return series


def _key(key: tuple[str | None, str | None]) -> tuple[str, str]:
    return (key[0] or "", key[1] or "")
