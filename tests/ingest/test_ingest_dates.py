"""parse_datetime: every format people and platforms write, day-first, aware UTC out."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from opiniondesk.ingest.dates import DateError, parse_datetime


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-01T08:00:00+0000", utc(2024, 5, 1, 8)),  # Graph API
        ("2024-05-01T08:00:00Z", utc(2024, 5, 1, 8)),
        ("2024-05-01T15:00:00+07:00", utc(2024, 5, 1, 8)),
        ("2024-05-01T15:00:00", utc(2024, 5, 1, 8)),  # naive: Vietnam time
        ("2024-05-01", utc(2024, 4, 30, 17)),
        ("01/05/2024", utc(2024, 4, 30, 17)),  # day first: 1 May
        ("1/5/2024", utc(2024, 4, 30, 17)),
        ("13/05/2024 08:30", utc(2024, 5, 13, 1, 30)),
        ("13/05/2024 08:30:15", utc(2024, 5, 13, 1, 30, 15)),
        ("05-06-2024", utc(2024, 6, 4, 17)),
        ("2024/05/01", utc(2024, 4, 30, 17)),
        ("Wed, 01 May 2024 08:00:00 +0700", utc(2024, 5, 1, 1)),  # RFC 822
        ("Wed, 01 May 2024 08:00:00 GMT", utc(2024, 5, 1, 8)),
    ],
)
def test_text_formats(value: str, expected: datetime) -> None:
    got = parse_datetime(value)
    assert got == expected
    assert got.tzinfo is UTC


def test_slashes_are_always_day_first() -> None:
    assert parse_datetime("02/03/2024").month == 3  # 2 March, not 3 February


def test_excel_cells() -> None:
    assert parse_datetime(datetime(2024, 5, 1, 7, 0)) == utc(2024, 5, 1, 0)
    assert parse_datetime(date(2024, 5, 1)) == utc(2024, 4, 30, 17)
    assert parse_datetime(45413.5) == utc(2024, 5, 1, 5)  # serial: 2024-05-01 12:00 local


def test_epoch_numbers() -> None:
    assert parse_datetime(1714550400) == utc(2024, 5, 1, 8)
    assert parse_datetime(1714550400000) == utc(2024, 5, 1, 8)


def test_time_zone_and_format_options() -> None:
    assert parse_datetime("2024-05-01 08:00", tz="UTC") == utc(2024, 5, 1, 8)
    assert parse_datetime("05.2024.01", fmt="%m.%Y.%d") == utc(2024, 4, 30, 17)
    with pytest.raises(DateError, match="date_format"):
        parse_datetime("2024-05-01", fmt="%d/%m/%Y")


@pytest.mark.parametrize("value", ["31/02/2024", "hôm qua", "", "12345", None, True, [1]])
def test_unreadable_values_name_the_value(value: object) -> None:
    with pytest.raises(DateError) as caught:
        parse_datetime(value)
    assert repr(value) in caught.value.message
    assert " / " in caught.value.message  # Vietnamese, then English


def test_unknown_time_zone() -> None:
    with pytest.raises(DateError, match="Mars/Olympus"):
        parse_datetime("2024-05-01", tz="Mars/Olympus")
