"""Daily count series per topic × unit, built from rollup rows, as one matrix for the detector.

A commune's documents count in its commune series and in its province series; documents placed
only in a province count in the province series alone. Days without documents are zeros.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from opiniondesk.alerts.baseline import FloatArray, IntArray

TopicCount = tuple[date, str, str, str, int]  # day, topic, province, commune, documents


@dataclass(frozen=True, slots=True, order=True)
class SeriesKey:
    """One series: a topic in a province (commune_code '') or in a commune."""

    topic_code: str
    province_code: str
    commune_code: str

    @property
    def is_commune(self) -> bool:
        return bool(self.commune_code)

    @property
    def province(self) -> SeriesKey:
        return SeriesKey(self.topic_code, self.province_code, "")


@dataclass
class SeriesMatrix:
    first_day: date
    counts: FloatArray  # one row per series, one column per day
    reference: FloatArray  # desk-wide documents per day (the weekday rhythm comes from here)
    keys: list[SeriesKey]
    index: dict[SeriesKey, int]
    children: dict[SeriesKey, list[int]] = field(default_factory=dict)  # province → communes

    @property
    def days(self) -> int:
        return int(self.counts.shape[1])

    @property
    def weekdays(self) -> IntArray:
        offset = self.first_day.weekday()
        return np.asarray((np.arange(self.days) + offset) % 7, dtype=np.int64)

    def column(self, day: date) -> int:
        return (day - self.first_day).days

    def day(self, column: int) -> date:
        return self.first_day + timedelta(days=column)


def build_matrix(
    rows: Iterable[TopicCount],
    totals: Iterable[tuple[date, int]],
    *,
    first_day: date,
    last_day: date,
) -> SeriesMatrix:
    """Series for every topic × province and topic × commune seen in `rows` (days outside
    [first_day, last_day] are ignored)."""
    n_days = (last_day - first_day).days + 1
    cells: dict[SeriesKey, dict[int, float]] = {}
    for day, topic, province, commune, count in rows:
        column = (day - first_day).days
        if not 0 <= column < n_days or not province:
            continue
        keys = [SeriesKey(topic, province, "")]
        if commune:
            keys.append(SeriesKey(topic, province, commune))
        for key in keys:
            series = cells.setdefault(key, {})
            series[column] = series.get(column, 0.0) + count
    keys = sorted(cells)
    counts = np.zeros((len(keys), n_days))
    for row, key in enumerate(keys):
        for column, documents in cells[key].items():
            counts[row, column] = documents
    reference = np.zeros(n_days)
    for day, count in totals:
        column = (day - first_day).days
        if 0 <= column < n_days:
            reference[column] += count
    index = {key: row for row, key in enumerate(keys)}
    children: dict[SeriesKey, list[int]] = {}
    for row, key in enumerate(keys):
        if key.is_commune:
            children.setdefault(key.province, []).append(row)
    return SeriesMatrix(first_day, counts, reference, keys, index, children)
