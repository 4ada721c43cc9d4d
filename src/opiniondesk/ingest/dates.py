"""Turn the date formats people and platforms actually write into aware UTC datetimes.

Vietnamese convention is day-first, so "01/05/2024" is 1 May, never 5 January. Values without a
UTC offset are wall-clock times in the source's time zone (Vietnam unless the mapping says so).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from email.utils import parsedate_to_datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from opiniondesk.errors import InputError
from opiniondesk.ingest.errors import say

DEFAULT_TZ = "Asia/Ho_Chi_Minh"

# Excel stores dates as days since 1899-12-30 (the 1900 leap-year bug is baked into that epoch).
_EXCEL_EPOCH = datetime(1899, 12, 30)
# Serials in this window are years 1927..2119: plausible opinion dates, not counts or ids.
_EXCEL_SERIAL_RANGE = (10_000.0, 80_000.0)
# Unix epoch seconds between 2001 and 2286; milliseconds are 1000 times that.
_EPOCH_S_RANGE = (1e9, 1e10)

# dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy with an optional HH:MM[:SS]; day-first, always.
_DAY_FIRST = re.compile(
    r"^(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4})"
    r"(?:[ T,]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?$"
)
# yyyy/mm/dd (ISO order with slashes), as some exports write it.
_YEAR_FIRST_SLASH = re.compile(
    r"^(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})"
    r"(?:[ T]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?$"
)


class DateError(InputError):
    """A date value that none of the known formats can read."""


@lru_cache(maxsize=32)
def zone(name: str) -> tzinfo:
    """The named IANA zone, or a clear error naming it."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise DateError(
            say(
                f"Múi giờ không hợp lệ: {name!r}. Dùng tên IANA, ví dụ Asia/Ho_Chi_Minh",
                f"unknown time zone {name!r}; use an IANA name such as Asia/Ho_Chi_Minh",
            )
        ) from exc


def parse_datetime(value: object, *, fmt: str | None = None, tz: str = DEFAULT_TZ) -> datetime:
    """Read `value` (text, Excel cell, number) as an aware UTC datetime or raise DateError."""
    local = zone(tz)
    if isinstance(value, datetime):
        return _to_utc(value, local)
    if isinstance(value, date):
        return _to_utc(datetime.combine(value, time()), local)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _from_number(float(value), local)
    if not isinstance(value, str):
        raise _unreadable(value)
    text = value.strip()
    if not text:
        raise _unreadable(value)
    if fmt:
        try:
            return _to_utc(datetime.strptime(text, fmt), local)
        except ValueError as exc:
            raise DateError(
                say(
                    f"Giá trị ngày {value!r} không khớp định dạng {fmt!r}; "
                    "sửa giá trị hoặc đổi date_format",
                    f"date {value!r} does not match format {fmt!r}; fix it or change date_format",
                )
            ) from exc
    parsed = _parse_text(text)
    if parsed is None:
        raise _unreadable(value)
    return _to_utc(parsed, local)


def _parse_text(text: str) -> datetime | None:
    for pattern in (_DAY_FIRST, _YEAR_FIRST_SLASH):
        match = pattern.match(text)
        if match:
            return _from_parts(match)
    try:
        # ISO 8601, with or without offset, including Graph API's "+0000" and a trailing "Z".
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return None  # bare numbers as text are ids or counts more often than dates
    try:
        # RFC 822 / 2822, as RSS writes it: "Wed, 01 May 2024 08:00:00 +0700".
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _from_parts(match: re.Match[str]) -> datetime | None:
    parts = match.groupdict()
    try:
        return datetime(
            int(parts["y"]),
            int(parts["m"]),
            int(parts["d"]),
            int(parts["H"] or 0),
            int(parts["M"] or 0),
            int(parts["S"] or 0),
        )
    except ValueError:
        return None  # e.g. 31/02/2024: reported as unreadable by the caller


def _from_number(number: float, local: tzinfo) -> datetime:
    if _EXCEL_SERIAL_RANGE[0] <= number <= _EXCEL_SERIAL_RANGE[1]:
        return _to_utc(_EXCEL_EPOCH + timedelta(days=number), local)
    if _EPOCH_S_RANGE[0] <= number < _EPOCH_S_RANGE[1]:
        return datetime.fromtimestamp(number, UTC)
    if _EPOCH_S_RANGE[0] * 1000 <= number < _EPOCH_S_RANGE[1] * 1000:
        return datetime.fromtimestamp(number / 1000, UTC)
    raise _unreadable(number)


def _to_utc(moment: datetime, local: tzinfo) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        moment = moment.replace(tzinfo=local)
    return moment.astimezone(UTC)


def _unreadable(value: object) -> DateError:
    return DateError(
        say(
            f"Không đọc được ngày giờ {value!r}; dùng dd/mm/yyyy, dd/mm/yyyy HH:MM hoặc ISO 8601 "
            "(yyyy-mm-dd), hoặc khai báo date_format",
            f"cannot read date {value!r}; use dd/mm/yyyy, dd/mm/yyyy HH:MM or ISO 8601 "
            "(yyyy-mm-dd), or set date_format",
        )
    )
