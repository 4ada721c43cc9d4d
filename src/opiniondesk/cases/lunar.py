"""The Vietnamese lunisolar calendar (âm lịch), computed for Vietnam's time zone, UTC+7.

The rules: a month begins on the civil day that contains a new moon; the month containing
the winter solstice is month 11; a year with 13 months between two months 11 repeats the
first month that contains no principal term (the Sun crossing a multiple of 30°) as a leap
month. Computing in UTC+7 rather than China's UTC+8 is why Tết sometimes differs (2007, 1985).
"""

from __future__ import annotations

import math
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from opiniondesk.cases.astronomy import (
    NEW_MOON_EPOCH,
    SYNODIC_MONTH,
    delta_t_days,
    new_moon_jde,
    sun_apparent_longitude,
    year_of_jd,
)

UTC_OFFSET_DAYS = 7 / 24
FIRST_YEAR, LAST_YEAR = 1901, 2099  # ΔT and the series are trusted inside this range
_ORDINAL_TO_JDN = 1721425  # date(2000, 1, 1).toordinal() + this = JDN 2451545


class LunarDate(NamedTuple):
    year: int
    month: int
    day: int
    leap: bool = False


def _jdn(day: date) -> int:
    return day.toordinal() + _ORDINAL_TO_JDN


def _date(jdn: int) -> date:
    return date.fromordinal(jdn - _ORDINAL_TO_JDN)


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(
            f"năm {year} nằm ngoài {FIRST_YEAR}–{LAST_YEAR}, khoảng lịch âm được tính / "
            f"year {year} is outside {FIRST_YEAR}–{LAST_YEAR}, the range the lunar calendar covers"
        )


@lru_cache(maxsize=4096)
def new_moon_day(k: int) -> int:
    """Julian Day Number of the Vietnamese civil day containing new moon `k`."""
    jde = new_moon_jde(k)
    local = jde - delta_t_days(year_of_jd(jde)) + UTC_OFFSET_DAYS
    return math.floor(local + 0.5)


@lru_cache(maxsize=4096)
def _sun_sector_at_start_of(jdn: int) -> int:
    """Which 30° sector the Sun is in at local midnight starting day `jdn` (0 = 0°–30°)."""
    universal = jdn - 0.5 - UTC_OFFSET_DAYS
    longitude = sun_apparent_longitude(universal + delta_t_days(year_of_jd(universal)))
    return int(longitude // 30)


def _lunation_on_or_before(jdn: int) -> int:
    k = math.floor((jdn - NEW_MOON_EPOCH) / SYNODIC_MONTH)
    while new_moon_day(k + 1) <= jdn:
        k += 1
    while new_moon_day(k) > jdn:
        k -= 1
    return k


@lru_cache(maxsize=512)
def _month11(year: int) -> int:
    """The lunation number of month 11 of `year`: the month containing the winter solstice."""
    k = _lunation_on_or_before(_jdn(date(year, 12, 31)))
    if _sun_sector_at_start_of(new_moon_day(k)) >= 9:  # the solstice came before this month
        k -= 1
    return k


@lru_cache(maxsize=512)
def _leap_offset(k11: int) -> int | None:
    """Offset from month 11 of the leap month in the year after it, or None (12 months)."""
    if _month11_after(k11) - k11 == 12:
        return None
    for offset in range(1, 13):
        start = _sun_sector_at_start_of(new_moon_day(k11 + offset))
        if start == _sun_sector_at_start_of(new_moon_day(k11 + offset + 1)):
            return offset  # no principal term inside this month
    raise AssertionError(f"no month without a principal term after lunation {k11}")


def _month11_after(k11: int) -> int:
    return _month11(_date(new_moon_day(k11)).year + 1)


def to_lunar(day: date) -> LunarDate:
    """The lunar date of a Gregorian date."""
    _check_year(day.year)
    jdn = _jdn(day)
    k = _lunation_on_or_before(jdn)
    solstice_year = day.year if _month11(day.year) <= k else day.year - 1
    k11 = _month11(solstice_year)
    offset = k - k11
    leap_offset = _leap_offset(k11)
    month_index, leap = offset, False
    if leap_offset is not None and offset >= leap_offset:
        month_index, leap = offset - 1, offset == leap_offset
    month = (10 + month_index) % 12 + 1  # index 0 is month 11, 1 is month 12, 2 is month 1
    year = solstice_year if month_index < 2 else solstice_year + 1
    return LunarDate(year, month, jdn - new_moon_day(k) + 1, leap)


def from_lunar(year: int, month: int, day: int, *, leap: bool = False) -> date:
    """The Gregorian date of a lunar date; ValueError if that lunar date does not exist."""
    _check_year(year)
    if not 1 <= month <= 12 or not 1 <= day <= 30:
        raise ValueError(f"không có ngày âm lịch {day}/{month} / no lunar date {day}/{month}")
    k11 = _month11(year if month >= 11 else year - 1)
    month_index = (month - 11) % 12
    offset = month_index
    leap_offset = _leap_offset(k11)
    if leap:
        if leap_offset is None or month_index != leap_offset - 1:
            raise ValueError(
                f"năm âm lịch {year} không có tháng {month} nhuận / "
                f"lunar year {year} has no leap month {month}"
            )
        offset = leap_offset
    elif leap_offset is not None and month_index >= leap_offset:
        offset += 1
    start = new_moon_day(k11 + offset)
    if day > new_moon_day(k11 + offset + 1) - start:
        raise ValueError(
            f"tháng {month} năm âm lịch {year} không có ngày {day} / "
            f"lunar month {month} of {year} has no day {day}"
        )
    return _date(start + day - 1)


def tet(year: int) -> date:
    """Tết Nguyên Đán: the first day of the first lunar month of `year`."""
    return from_lunar(year, 1, 1)


def leap_month(year: int) -> int | None:
    """The month number repeated as a leap month in lunar year `year`, if any."""
    for month in range(1, 13):
        try:
            from_lunar(year, month, 1, leap=True)
        except ValueError:
            continue
        return month
    return None
