"""Vietnam's public holidays as a `HolidayCalendar`: rules from the Labour Code computed for
any year (lunar dates from `cases.lunar`), overridden by the breaks the Government announces,
which are data (`cases/data/holidays_vn.yaml`, or OPINIONDESK_HOLIDAYS_PATH) an office edits."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from opiniondesk.cases.lunar import from_lunar, tet
from opiniondesk.errors import ConfigError

YearStatus = Literal["announced", "partial", "rule"]
SATURDAY = 5


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class LunarNewYear(_Strict):
    days_before: int = Field(ge=0, le=10)
    days_after: int = Field(ge=0, le=10)


class HolidayRule(_Strict):
    """One holiday: on a solar date ("MM-DD"), a lunar date ("MM-DD"), or around Tết."""

    name_vi: str
    name_en: str
    solar: str | None = Field(default=None, pattern=r"^\d\d-\d\d$")
    lunar: str | None = Field(default=None, pattern=r"^\d\d-\d\d$")
    lunar_new_year: LunarNewYear | None = None
    adjacent_day: Literal["before", "after"] | None = None
    adjacent_since: int = 0

    @model_validator(mode="after")
    def _one_anchor(self) -> HolidayRule:
        anchors = [self.solar, self.lunar, self.lunar_new_year]
        if sum(anchor is not None for anchor in anchors) != 1:
            raise ValueError("exactly one of solar, lunar, lunar_new_year must be given")
        return self

    def days(self, year: int) -> list[date]:
        if self.lunar_new_year is not None:
            first = tet(year)
            span = range(-self.lunar_new_year.days_before, self.lunar_new_year.days_after + 1)
            return [first + timedelta(days=offset) for offset in span]
        month, day = (int(part) for part in (self.solar or self.lunar or "").split("-"))
        anchor = date(year, month, day) if self.solar else from_lunar(year, month, day)
        days = [anchor]
        if self.adjacent_day and year >= self.adjacent_since:
            days.append(anchor + timedelta(days=-1 if self.adjacent_day == "before" else 1))
        return days


class Break(_Strict):
    start: date = Field(alias="from")
    end: date = Field(alias="to")

    @model_validator(mode="after")
    def _ordered(self) -> Break:
        if self.end < self.start:
            raise ValueError(f"'to' {self.end} is before 'from' {self.start}")
        return self

    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range((self.end - self.start).days + 1)]


class AnnouncedYear(_Strict):
    status: Literal["announced", "partial"]
    source: str = ""
    breaks: dict[str, Break] = Field(default_factory=dict)
    make_up_days: list[date] = Field(default_factory=list)


class CalendarFile(_Strict):
    version: Literal[1]
    holidays: dict[str, HolidayRule]
    years: dict[int, AnnouncedYear] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _known_breaks(self) -> CalendarFile:
        for year, announced in self.years.items():
            for key in announced.breaks:
                if key not in self.holidays:
                    raise ValueError(f"years.{year}.breaks.{key}: no holiday called {key!r}")
            for day in [*announced.make_up_days, *(b.start for b in announced.breaks.values())]:
                if day.year not in (year - 1, year):
                    raise ValueError(f"years.{year}: {day} does not belong to {year}")
        return self


@dataclass(frozen=True)
class DayOff:
    day: date
    key: str  # the holiday it belongs to: tet, hung_kings, ...
    name_vi: str
    name_en: str
    source: Literal["rule", "announced", "compensatory"]


@dataclass
class HolidayCalendar:
    """Which days an office works: Monday–Friday, minus days off, plus make-up Saturdays."""

    rules: dict[str, HolidayRule]
    announced: dict[int, AnnouncedYear] = field(default_factory=dict)
    _cache: dict[int, dict[date, DayOff]] = field(default_factory=dict, repr=False)
    _working: dict[date, bool] = field(default_factory=dict, repr=False)

    def status(self, year: int) -> YearStatus:
        announced = self.announced.get(year)
        return announced.status if announced else "rule"

    def days_off(self, year: int) -> dict[date, DayOff]:
        """Every holiday day of the holidays of `year` (a break may spill into January)."""
        if year not in self._cache:
            self._cache[year] = self._compute(year)
        return self._cache[year]

    def day_off(self, day: date) -> DayOff | None:
        for year in (day.year, day.year + 1):  # next year's New Year break may start on 31/12
            found = self.days_off(year).get(day)
            if found is not None:
                return found
        return None

    def is_working_day(self, day: date) -> bool:
        known = self._working.get(day)
        if (
            known is None
        ):  # deadline arithmetic asks about the same few hundred days again and again
            known = self._working[day] = self._decide(day)
        return known

    def _decide(self, day: date) -> bool:
        for year in (day.year, day.year + 1):
            announced = self.announced.get(year)
            if announced is not None and day in announced.make_up_days:
                return True
        return day.weekday() < SATURDAY and self.day_off(day) is None

    def _compute(self, year: int) -> dict[date, DayOff]:
        announced = self.announced.get(year)
        breaks = announced.breaks if announced else {}
        days: dict[date, DayOff] = {}
        owed: list[tuple[str, HolidayRule]] = []
        for key, rule in self.rules.items():
            if key in breaks:
                for day in breaks[key].days():
                    days.setdefault(day, DayOff(day, key, rule.name_vi, rule.name_en, "announced"))
                continue
            for day in rule.days(year):
                days.setdefault(day, DayOff(day, key, rule.name_vi, rule.name_en, "rule"))
                if day.weekday() >= SATURDAY:
                    owed.append((key, rule))
        for key, rule in owed:  # Labour Code art. 112(3): a holiday on a weekend is given back
            day = self._next_free_weekday_after(key, days)
            days[day] = DayOff(day, key, rule.name_vi, rule.name_en, "compensatory")
        return days

    @staticmethod
    def _next_free_weekday_after(key: str, days: dict[date, DayOff]) -> date:
        last = max(day for day, off in days.items() if off.key == key)
        candidate = last + timedelta(days=1)
        while candidate.weekday() >= SATURDAY or candidate in days:
            candidate += timedelta(days=1)
        return candidate


def parse_calendar(data: Any, *, where: str) -> HolidayCalendar:
    """Validate the calendar data; errors say which file and which field."""
    try:
        parsed = CalendarFile.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}" for error in exc.errors()
        )
        raise ConfigError(
            f"Lịch ngày nghỉ không hợp lệ ({where}): {problems}. Sửa tệp rồi chạy lại. / "
            f"Invalid holiday calendar ({where}): {problems}. Fix the file and run again."
        ) from exc
    return HolidayCalendar(parsed.holidays, parsed.years)


def load_calendar(path: Path | None = None) -> HolidayCalendar:
    """The calendar from `path`, or the bundled one."""
    if path is None:
        return default_calendar()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(
            f"Không đọc được lịch ngày nghỉ {path}: {exc} / Cannot read holiday calendar "
            f"{path}: {exc}"
        ) from exc
    return parse_calendar(data, where=str(path))


@lru_cache(maxsize=1)
def default_calendar() -> HolidayCalendar:
    source = resources.files("opiniondesk.cases") / "data" / "holidays_vn.yaml"
    return parse_calendar(yaml.safe_load(source.read_text(encoding="utf-8")), where=str(source))


def calendar_for(path: Path | None) -> HolidayCalendar:
    """The calendar in force: the office's file when set (re-read when it changes), else the
    bundled one."""
    if path is None:
        return default_calendar()
    try:
        stamp = path.stat().st_mtime_ns
    except OSError as exc:
        raise ConfigError(
            f"Không đọc được lịch ngày nghỉ {path}: {exc} / Cannot read holiday calendar "
            f"{path}: {exc}"
        ) from exc
    return _calendar_at(path, stamp)


@lru_cache(maxsize=4)
def _calendar_at(path: Path, stamp: int) -> HolidayCalendar:
    return load_calendar(path)
