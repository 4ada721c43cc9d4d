"""When people speak: daily volume with weekly rhythm, a Tết lull, and dated event bursts."""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from itertools import accumulate

VN_TZ = timezone(timedelta(hours=7), "+07")

_WEEKDAY = (1.15, 1.1, 1.05, 1.0, 0.95, 0.7, 0.6)  # Monday first
_HOURS = (
    0.2,
    0.1,
    0.05,
    0.05,
    0.1,
    0.4,
    1.0,
    1.6,
    2.0,
    2.0,
    1.8,
    1.4,
    1.0,
    1.1,
    1.4,
    1.5,
    1.4,
    1.3,
    1.2,
    1.6,
    2.0,
    1.9,
    1.3,
    0.6,
)
_HOURS_CUM = tuple(accumulate(_HOURS))
# Lunar New Year's day; offices and people go quiet for about a week
_TET = (
    date(2024, 2, 10),
    date(2025, 1, 29),
    date(2026, 2, 17),
    date(2027, 2, 6),
    date(2028, 1, 26),
    date(2029, 2, 13),
    date(2030, 2, 3),
    date(2031, 1, 23),
)


@dataclass(frozen=True, slots=True)
class Burst:
    """A dated event that makes one topic spike (nationwide or in some provinces)."""

    code: str
    label_vi: str
    month: int
    day: int
    days: int
    topic: str
    provinces: tuple[str, ...]  # province_short; empty = everywhere
    share: float  # of all documents
    issues: tuple[str, ...]


BURSTS: tuple[Burst, ...] = (
    Burst(
        "storm",
        "Bão đổ bộ miền Trung và Bắc Bộ",
        9,
        27,
        10,
        "disaster",
        ("Đà Nẵng", "Nghệ An", "Quảng Ninh"),
        0.03,
        (
            "nhà bị tốc mái sau bão",
            "mất điện nhiều ngày sau bão",
            "cây đổ chắn đường sau bão",
            "ngập lụt kéo dài",
            "sạt lở đất đồi",
        ),
    ),
    Burst(
        "electricity_price",
        "Điều chỉnh giá bán lẻ điện",
        5,
        10,
        12,
        "prices",
        (),
        0.015,
        ("giá điện tăng cao", "hóa đơn tiền điện tăng bất thường"),
    ),
    Burst(
        "school_year",
        "Khai giảng năm học mới",
        9,
        5,
        14,
        "education",
        (),
        0.015,
        ("lạm thu đầu năm học", "sĩ số lớp quá đông", "thiếu phòng học"),
    ),
)


def months_before(end: date, months: int) -> date:
    """The day after the same date `months` earlier (so the span is exactly `months` long)."""
    year, month = divmod(end.year * 12 + end.month - 1 - months, 12)
    day = min(end.day, 28)
    return date(year, month + 1, day) + timedelta(days=1)


class Timeline:
    """Days from start to end inclusive, each with a weight; samples days and timestamps."""

    def __init__(self, end: date, months: int, rng: random.Random) -> None:
        self.end = end
        self.start = months_before(end, months)
        self.days = [self.start + timedelta(days=i) for i in range((end - self.start).days + 1)]
        n = len(self.days)
        weights = []
        for i, day in enumerate(self.days):
            w = _WEEKDAY[day.weekday()] * (0.85 + 0.3 * i / max(n - 1, 1))
            if any(-2 <= (day - tet).days <= 5 for tet in _TET):
                w *= 0.35
            weights.append(w * rng.uniform(0.85, 1.15))
        self._cum = list(accumulate(weights))
        self._midnight = [datetime(d.year, d.month, d.day, tzinfo=VN_TZ) for d in self.days]

    def index(self, day: date) -> int:
        return (day - self.start).days

    def sample_day(self, rng: random.Random) -> int:
        return bisect.bisect_left(self._cum, rng.random() * self._cum[-1])

    def day_between(
        self, rng: random.Random, first: int, last: int, *, rising: bool = False
    ) -> int:
        """A day index in [first, last], weighted to later days if `rising`."""
        span = last - first + 1
        if rising:
            return first + min(int(rng.triangular(0, span, span * 0.8)), span - 1)
        return first + rng.randrange(span)

    def stamp(self, rng: random.Random, day: int) -> datetime:
        hour = bisect.bisect_left(_HOURS_CUM, rng.random() * _HOURS_CUM[-1])
        return self._midnight[day] + timedelta(seconds=hour * 3600 + rng.randrange(3600))

    def burst_days(self, burst: Burst) -> tuple[int, int] | None:
        """The latest occurrence of the burst that fits entirely in the timeline, if any."""
        for year in range(self.end.year, self.start.year - 1, -1):
            first = date(year, burst.month, burst.day)
            last = first + timedelta(days=burst.days - 1)
            if self.start <= first and last <= self.end:
                return self.index(first), self.index(last)
        return None

    def last_moment(self) -> datetime:
        return self._midnight[-1] + timedelta(hours=23, minutes=59, seconds=59)
