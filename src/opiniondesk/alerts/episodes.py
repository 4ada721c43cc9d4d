"""One alert per ongoing rise: signals on neighbouring days extend an alert, never re-raise it.

A signal for a series (topic × unit) on day X with window [a, X] joins that series' open alert
(status new or acknowledged) when the alert ended at most `merge_gap_days` before a; the alert
then ends on X. Otherwise it starts a new alert [a, X]. An alert an analyst has closed is never
reopened: signals inside its window are ignored, and a rise that carries on after it starts a
new alert on the day after it ended (the key — series and start day — stays unique).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from opiniondesk.alerts.models import AlertStatus
from opiniondesk.alerts.series import SeriesKey

MERGE_GAP_DAYS = 3


@dataclass(slots=True)
class Episode:
    """An alert as the detector sees it: which series, which days, what state."""

    key: SeriesKey
    start: date
    end: date
    detected_on: date
    status: AlertStatus = AlertStatus.new
    absorbs_province: bool = False

    @property
    def is_open(self) -> bool:
        return self.status is not AlertStatus.closed


@dataclass
class AlertBook:
    """The alerts of a detection run, indexed by series; starts from the stored ones."""

    merge_gap_days: int = MERGE_GAP_DAYS
    _by_key: dict[SeriesKey, list[Episode]] = field(default_factory=dict)

    @classmethod
    def of(cls, episodes: Iterable[Episode], merge_gap_days: int = MERGE_GAP_DAYS) -> AlertBook:
        book = cls(merge_gap_days)
        for episode in episodes:
            book._by_key.setdefault(episode.key, []).append(episode)
        return book

    def __iter__(self) -> Iterator[Episode]:
        for episodes in self._by_key.values():
            yield from episodes

    def open_near(self, key: SeriesKey, start: date, day: date) -> Episode | None:
        """The open alert of `key` that a signal window [start, day] continues, if any."""
        return self.near(key, start, day, include_closed=False)

    def near(
        self, key: SeriesKey, start: date, day: date, *, include_closed: bool
    ) -> Episode | None:
        """An alert of `key` within `merge_gap_days` of the window [start, day], open first."""
        gap = timedelta(days=self.merge_gap_days)
        found = [
            e
            for e in self._by_key.get(key, ())
            if (e.is_open or include_closed) and e.end >= start - gap and e.start <= day
        ]
        return min(found, key=lambda e: (not e.is_open, e.start), default=None)

    def record(self, key: SeriesKey, start: date, day: date) -> Episode | None:
        """Apply a signal for window [start, day]; the alert it extends or raises, or None when
        a closed alert already covers the day."""
        episode = self.open_near(key, start, day)
        if episode is not None:
            episode.end = max(episode.end, day)
            return episode
        closed = [e for e in self._by_key.get(key, ()) if not e.is_open and e.end >= start]
        if any(e.start <= day <= e.end for e in closed):
            return None
        if closed:
            start = max(start, max(e.end for e in closed) + timedelta(days=1))
        episode = Episode(key, start, day, detected_on=day)
        self._by_key.setdefault(key, []).append(episode)
        return episode
