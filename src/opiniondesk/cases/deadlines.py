"""Working days: Monday–Friday in Vietnam, minus public holidays, plus announced make-up days.

A deadline is a local date: the agency has until the end of that day in Vietnam (UTC+7).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

from opiniondesk.cases.holidays import HolidayCalendar, default_calendar

VIETNAM = timezone(timedelta(hours=7), "ICT")  # no daylight saving since 1975
_ONE_DAY = timedelta(days=1)
MAX_WORKING_DAYS = 3660  # ten years: a larger count is a typing mistake, not a deadline


def local_day(moment: datetime) -> date:
    """The date in Vietnam at an aware moment."""
    if moment.tzinfo is None:
        raise ValueError(f"naive datetime {moment!r}: pass timezone-aware values")
    return moment.astimezone(VIETNAM).date()


def end_of_day(day: date) -> datetime:
    """The last moment of `day` in Vietnam, in UTC (a deadline's exact instant)."""
    return datetime.combine(day + _ONE_DAY, time(), VIETNAM).astimezone(UTC) - timedelta(
        microseconds=1
    )


def add_working_days(start: date, n: int, calendar: HolidayCalendar | None = None) -> date:
    """The n-th working day after `start` (before it when n < 0); `start` itself never counts,
    so a case assigned on Monday with 5 working days is due the next Monday."""
    if abs(n) > MAX_WORKING_DAYS:
        raise ValueError(f"{n} working days is more than {MAX_WORKING_DAYS}")
    calendar = calendar or default_calendar()
    step = _ONE_DAY if n >= 0 else -_ONE_DAY
    day, remaining = start, abs(n)
    while remaining:
        day += step
        if calendar.is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: date, end: date, calendar: HolidayCalendar | None = None) -> int:
    """Working days d with start < d ≤ end; when end < start, minus those with end ≤ d < start.
    Either way `working_days_between(a, add_working_days(a, n)) == n` for every n."""
    calendar = calendar or default_calendar()
    if end < start:
        return -sum(
            calendar.is_working_day(end + timedelta(days=i)) for i in range((start - end).days)
        )
    return sum(
        calendar.is_working_day(start + timedelta(days=i)) for i in range(1, (end - start).days + 1)
    )


def deadline_after(
    moment: datetime, working_days: int, calendar: HolidayCalendar | None = None
) -> date:
    """The deadline `working_days` working days after the local day of `moment`."""
    if working_days < 1:
        raise ValueError(f"a deadline needs at least 1 working day, not {working_days}")
    return add_working_days(local_day(moment), working_days, calendar)


def is_overdue(deadline: date, now: datetime) -> bool:
    return local_day(now) > deadline
