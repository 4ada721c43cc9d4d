"""The lunar calendar against published dates: Tết, Hùng Kings' day, leap months, and the
years where Vietnam (UTC+7) and China (UTC+8) disagree."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from opiniondesk.cases.astronomy import new_moon_jde, sun_apparent_longitude
from opiniondesk.cases.lunar import LunarDate, from_lunar, leap_month, tet, to_lunar

# Tết Nguyên Đán as published by Vietnamese calendars
TET = {
    2020: date(2020, 1, 25),
    2021: date(2021, 2, 12),
    2022: date(2022, 2, 1),
    2023: date(2023, 1, 22),
    2024: date(2024, 2, 10),
    2025: date(2025, 1, 29),
    2026: date(2026, 2, 17),
    2027: date(2027, 2, 6),
    2028: date(2028, 1, 26),
    2029: date(2029, 2, 13),
    # the new moon falls at 23:07 in Hanoi, 00:07 next day in Beijing: China's is 3 February
    2030: date(2030, 2, 2),
}

# Giỗ Tổ Hùng Vương, 10th day of the 3rd lunar month
HUNG_KINGS = {
    2020: date(2020, 4, 2),
    2021: date(2021, 4, 21),
    2022: date(2022, 4, 10),
    2023: date(2023, 4, 29),
    2024: date(2024, 4, 18),
    2025: date(2025, 4, 7),
    2026: date(2026, 4, 26),
}


@pytest.mark.parametrize(("year", "expected"), sorted(TET.items()))
def test_tet_2020_to_2030(year: int, expected: date) -> None:
    assert tet(year) == expected
    assert to_lunar(expected) == LunarDate(year, 1, 1, False)


@pytest.mark.parametrize(("year", "expected"), sorted(HUNG_KINGS.items()))
def test_hung_kings_day(year: int, expected: date) -> None:
    assert from_lunar(year, 3, 10) == expected


def test_where_vietnam_and_china_differ() -> None:
    assert tet(2007) == date(2007, 2, 17)  # China: 18 February
    assert tet(1985) == date(1985, 1, 21)  # China: 20 February (a different leap month)
    assert tet(1968) == date(1968, 1, 29)  # the North's new UTC+7 calendar that year


def test_leap_months() -> None:
    assert {y: leap_month(y) for y in (2020, 2023, 2025, 2028)} == {
        2020: 4,
        2023: 2,
        2025: 6,
        2028: 5,
    }
    assert leap_month(2024) is None
    assert to_lunar(date(2023, 3, 22)) == LunarDate(2023, 2, 1, True)
    assert from_lunar(2023, 2, 1, leap=True) == date(2023, 3, 22)
    with pytest.raises(ValueError, match="no leap month"):
        from_lunar(2024, 2, 1, leap=True)


def test_last_day_of_the_lunar_year_is_the_day_before_tet() -> None:
    assert to_lunar(date(2025, 1, 28)) == LunarDate(2024, 12, 29, False)
    assert to_lunar(date(2024, 2, 9)) == LunarDate(2023, 12, 30, False)


def test_every_day_converts_back_and_forth() -> None:
    day, previous = date(2019, 1, 1), to_lunar(date(2018, 12, 31))
    while day < date(2032, 1, 1):
        lunar = to_lunar(day)
        assert from_lunar(lunar.year, lunar.month, lunar.day, leap=lunar.leap) == day
        # days advance by one, or a new month starts at day 1
        assert lunar.day == previous.day + 1 or lunar.day == 1
        assert 1 <= lunar.day <= 30
        previous, day = lunar, day + timedelta(days=1)


def test_impossible_lunar_dates_are_refused() -> None:
    with pytest.raises(ValueError, match="has no day 30"):
        from_lunar(2024, 12, 30)  # month 12 of Giáp Thìn has 29 days
    with pytest.raises(ValueError, match="outside"):
        tet(1850)


def test_astronomy_matches_meeus_worked_examples() -> None:
    # Astronomical Algorithms, example 49.a (new moon of 1977 February) and 25.a (the Sun)
    assert new_moon_jde(-283) == pytest.approx(2443192.65118, abs=1e-4)
    assert sun_apparent_longitude(2448908.5) == pytest.approx(199.90895, abs=1e-3)
