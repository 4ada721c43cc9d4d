"""The period a discovery run looks at, in local (Vietnam) days, and its weeks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from opiniondesk.analysis.rollups import LOCAL_TZ, local_day
from opiniondesk.errors import InputError

MAX_DAYS = 366


@dataclass(frozen=True, slots=True)
class Window:
    """Local days `first`..`last`, both inclusive."""

    first: date
    last: date

    @property
    def start(self) -> datetime:
        """UTC instant the window opens (local midnight of `first`)."""
        return datetime.combine(self.first, time(), LOCAL_TZ).astimezone(UTC)

    @property
    def end(self) -> datetime:
        """UTC instant the window closes (local midnight after `last`), exclusive."""
        return datetime.combine(self.last + timedelta(days=1), time(), LOCAL_TZ).astimezone(UTC)

    @classmethod
    def from_utc(cls, start: datetime, end: datetime) -> Window:
        return cls(local_day(start), local_day(end - timedelta(microseconds=1)))


def resolve_window(
    *, days: int | None, date_from: date | None, date_to: date | None, today: date
) -> Window:
    """`--days N` (ending today or at `--to`), or `--from`/`--to`; 30 days by default."""
    last = date_to or today
    if date_from is not None:
        if days is not None:
            raise InputError(
                "Dùng --days hoặc --from, không dùng cả hai. / Use --days or --from, not both."
            )
        first = date_from
    else:
        span = 30 if days is None else days
        if span < 1:
            raise InputError(f"--days phải ≥ 1, gặp {span}. / --days must be at least 1.")
        first = last - timedelta(days=span - 1)
    if first > last:
        raise InputError(
            f"Ngày bắt đầu {first} sau ngày kết thúc {last}. / Start {first} is after end {last}."
        )
    if (last - first).days + 1 > MAX_DAYS:
        raise InputError(
            f"Khoảng thời gian tối đa {MAX_DAYS} ngày. / The window can span at most "
            f"{MAX_DAYS} days."
        )
    return Window(first, last)


def week_of(day: date) -> date:
    """The Monday of the ISO week holding `day`."""
    return day - timedelta(days=day.weekday())


def weeks(window: Window) -> list[date]:
    """Mondays of every week that overlaps the window, in order."""
    monday, out = week_of(window.first), []
    while monday <= window.last:
        out.append(monday)
        monday += timedelta(days=7)
    return out
