"""Working days over weekends, Tết, Hùng Kings' day and announced swaps; the calendar data."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from opiniondesk.cases.deadlines import (
    add_working_days,
    deadline_after,
    end_of_day,
    is_overdue,
    local_day,
    working_days_between,
)
from opiniondesk.cases.holidays import default_calendar, load_calendar, parse_calendar
from opiniondesk.errors import ConfigError


def test_five_working_days_skip_the_weekend() -> None:
    monday = date(2025, 3, 10)
    assert add_working_days(monday, 5) == date(2025, 3, 17)
    assert working_days_between(monday, date(2025, 3, 17)) == 5


def test_hung_kings_day_is_skipped() -> None:
    # Hùng Kings' day 2025 is Monday 7 April: Wednesday + 5 working days lands on Thursday 10th
    assert not default_calendar().is_working_day(date(2025, 4, 7))
    assert add_working_days(date(2025, 4, 2), 5) == date(2025, 4, 10)
    # 2026: Sunday 26 April, given back on Monday 27th
    assert not default_calendar().is_working_day(date(2026, 4, 27))
    assert add_working_days(date(2026, 4, 24), 1) == date(2026, 4, 28)


def test_tet_2025_as_announced_with_its_make_up_saturday() -> None:
    calendar = default_calendar()
    assert calendar.status(2025) == "announced"
    # Friday 24 January, last day before the break (Sat 25/1 – Sun 2/2)
    assert add_working_days(date(2025, 1, 24), 1) == date(2025, 2, 3)
    assert all(not calendar.is_working_day(date(2025, 1, 25) + timedelta(days=i)) for i in range(9))
    # Saturday 8 February is worked in exchange for Monday 27 January
    assert calendar.is_working_day(date(2025, 2, 8))
    assert add_working_days(date(2025, 2, 7), 1) == date(2025, 2, 8)
    assert working_days_between(date(2025, 1, 20), date(2025, 2, 10)) == 4 + 5 + 1 + 1


def test_tet_2026_break_and_rule_years() -> None:
    calendar = default_calendar()
    assert calendar.status(2026) == "partial"
    assert add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 23)
    # 2027 is computed: Tết Saturday 6 February, days 5–9 off, two weekend days given back
    assert calendar.status(2027) == "rule"
    off = {d for d, o in calendar.days_off(2027).items() if o.key == "tet"}
    assert off == {date(2027, 2, d) for d in (5, 6, 7, 8, 9, 10, 11)}


def test_fixed_holidays_2025() -> None:
    calendar = default_calendar()
    for day in (date(2025, 1, 1), date(2025, 4, 30), date(2025, 5, 2), date(2025, 9, 1)):
        assert not calendar.is_working_day(day), day
    assert calendar.is_working_day(date(2025, 4, 26))  # Saturday worked for Friday 2 May
    assert calendar.is_working_day(date(2025, 9, 3))


def test_working_days_are_consistent_both_ways() -> None:
    rng = random.Random(20250407)
    calendar = default_calendar()
    for _ in range(300):
        start = date(2024, 1, 1) + timedelta(days=rng.randrange(0, 1000))
        n = rng.randrange(-40, 41)
        end = add_working_days(start, n, calendar)
        assert working_days_between(start, end, calendar) == n
        if n:
            assert calendar.is_working_day(end)
        assert (end > start) == (n > 0) or n == 0


def test_deadlines_are_local_days_in_vietnam() -> None:
    # 18:30 UTC on Sunday is already Monday 01:30 in Hanoi
    moment = datetime(2025, 3, 9, 18, 30, tzinfo=UTC)
    assert local_day(moment) == date(2025, 3, 10)
    assert deadline_after(moment, 5) == date(2025, 3, 17)
    assert end_of_day(date(2025, 3, 17)) == datetime(2025, 3, 17, 16, 59, 59, 999999, tzinfo=UTC)
    assert not is_overdue(date(2025, 3, 17), datetime(2025, 3, 17, 16, 59, tzinfo=UTC))
    assert is_overdue(date(2025, 3, 17), datetime(2025, 3, 17, 17, 0, tzinfo=UTC))
    with pytest.raises(ValueError, match="at least 1"):
        deadline_after(moment, 0)


def test_an_office_edits_the_calendar(tmp_path: Path) -> None:
    path = tmp_path / "holidays.yaml"
    path.write_text(
        """
version: 1
holidays:
  new_year: {name_vi: Tết Dương lịch, name_en: New Year, solar: "01-01"}
years:
  2027:
    status: announced
    breaks:
      new_year: {from: 2027-01-01, to: 2027-01-04}
    make_up_days: [2027-01-09]
""",
        encoding="utf-8",
    )
    calendar = load_calendar(path)
    assert not calendar.is_working_day(date(2027, 1, 4))
    assert calendar.is_working_day(date(2027, 1, 9))
    assert calendar.is_working_day(date(2027, 2, 8))  # no Tết in this file


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"version": 1, "holidays": {"x": {"name_vi": "a", "name_en": "b"}}}, "exactly one"),
        (
            {
                "version": 1,
                "holidays": {},
                "years": {
                    2025: {
                        "status": "announced",
                        "breaks": {"tet": {"from": "2025-01-25", "to": "2025-02-02"}},
                    }
                },
            },
            "no holiday called 'tet'",
        ),
        ({"version": 2, "holidays": {}}, "version"),
    ],
)
def test_a_wrong_calendar_says_where(data: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message) as caught:
        parse_calendar(data, where="holidays.yaml")
    assert "holidays.yaml" in caught.value.message
    assert " / " in caught.value.message  # Vietnamese and English


def test_the_office_file_is_reread_when_it_changes(tmp_path: Path) -> None:
    import os

    from opiniondesk.cases.holidays import calendar_for

    path = tmp_path / "holidays.yaml"
    body = 'version: 1\nholidays:\n  x: {name_vi: "Lễ", name_en: "Day", solar: "%s"}\n'
    path.write_text(body % "03-10", encoding="utf-8")
    assert not calendar_for(path).is_working_day(date(2025, 3, 10))
    path.write_text(body % "03-11", encoding="utf-8")
    os.utime(path, ns=(1, path.stat().st_mtime_ns + 1_000_000))
    assert calendar_for(path).is_working_day(date(2025, 3, 10))
    assert calendar_for(None) is default_calendar()
    with pytest.raises(ConfigError, match="Cannot read holiday calendar"):
        calendar_for(tmp_path / "missing.yaml")
