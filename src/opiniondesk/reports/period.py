"""Reporting periods: "2026-Q3", "2026-09", or a custom range, and the period before each."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from opiniondesk.errors import InputError
from opiniondesk.reports.models import ReportKind

_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True, slots=True)
class Period:
    kind: ReportKind
    label: str  # the canonical text: "2026-Q3"
    start: date
    end: date  # inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period just before, of the same kind (same length for a custom range)."""
        if self.kind is ReportKind.quarterly:
            year, q = self.start.year, (self.start.month - 1) // 3 + 1
            year, q = (year - 1, 4) if q == 1 else (year, q - 1)
            return quarter(year, q)
        if self.kind is ReportKind.monthly:
            last = self.start - timedelta(days=1)
            return month(last.year, last.month)
        end = self.start - timedelta(days=1)
        start = end - timedelta(days=self.days - 1)
        return Period(ReportKind.custom, f"{start}..{end}", start, end)

    def name(self, language: str) -> str:
        """How the report names its period: "quý III/2026" / "Q3 2026"."""
        if self.kind is ReportKind.quarterly:
            q = (self.start.month - 1) // 3 + 1
            return (
                f"quý {_ROMAN[q]}/{self.start.year}"
                if language == "vi"
                else f"Q{q} {self.start.year}"
            )
        if self.kind is ReportKind.monthly:
            if language == "vi":
                return f"tháng {self.start.month:02d}/{self.start.year}"
            return self.start.strftime("%B %Y")
        a, b = self.start.strftime("%d/%m/%Y"), self.end.strftime("%d/%m/%Y")
        return f"từ ngày {a} đến ngày {b}" if language == "vi" else f"from {a} to {b}"


def quarter(year: int, q: int) -> Period:
    start = date(year, 3 * q - 2, 1)
    end = (date(year + 1, 1, 1) if q == 4 else date(year, 3 * q + 1, 1)) - timedelta(days=1)
    return Period(ReportKind.quarterly, f"{year}-Q{q}", start, end)


def month(year: int, m: int) -> Period:
    start = date(year, m, 1)
    end = (date(year + 1, 1, 1) if m == 12 else date(year, m + 1, 1)) - timedelta(days=1)
    return Period(ReportKind.monthly, f"{year}-{m:02d}", start, end)


def parse_period(
    text: str | None,
    *,
    kind: ReportKind | None = None,
    start: date | None = None,
    end: date | None = None,
) -> Period:
    """Read the period from the CLI or a form; InputError says what was wrong and how to fix."""
    if kind is ReportKind.custom or (start and end and not text):
        if not (start and end):
            raise InputError(
                "Báo cáo tùy chọn cần --from và --to (YYYY-MM-DD). / "
                "A custom report needs --from and --to (YYYY-MM-DD)."
            )
        if end < start:
            raise InputError(
                f"Ngày kết thúc {end} trước ngày bắt đầu {start}. / "
                f"End date {end} is before start date {start}."
            )
        return Period(ReportKind.custom, f"{start}..{end}", start, end)
    value = (text or "").strip()
    if m := _QUARTER.match(value):
        period = quarter(int(m.group(1)), int(m.group(2)))
    elif m := _MONTH.match(value):
        period = month(int(m.group(1)), int(m.group(2)))
    else:
        raise InputError(
            f"Kỳ báo cáo không hợp lệ: {value!r}; dùng dạng 2026-Q3 (quý) hoặc 2026-09 (tháng). / "
            f"Invalid period {value!r}: use 2026-Q3 (quarter) or 2026-09 (month)."
        )
    if kind is not None and kind is not period.kind:
        raise InputError(
            f"Kỳ {value!r} không khớp loại báo cáo {kind.value!r}. / "
            f"Period {value!r} does not match report kind {kind.value!r}."
        )
    return period
