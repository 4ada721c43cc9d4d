"""Weekly series from rollups: Monday weeks, complete weeks only, zero-filled, margins."""

from __future__ import annotations

from datetime import date, timedelta

from opiniondesk.forecasts.series import (
    bucket_by_week,
    complete_weeks,
    load_all_series,
    load_series,
    week_start,
)
from opiniondesk.storage.models import Rollup
from tests.forecasts.builders import FIRST_MONDAY, add_weeks


class TestWeeks:
    def test_week_starts_on_monday(self):
        assert week_start(date(2025, 6, 29)) == date(2025, 6, 23)  # a Sunday
        assert week_start(date(2025, 6, 23)) == date(2025, 6, 23)

    def test_only_complete_weeks(self):
        # Wednesday 4 June to Tuesday 24 June: the weeks of 9 and 16 June are whole
        assert complete_weeks(date(2025, 6, 4), date(2025, 6, 24)) == [
            date(2025, 6, 9),
            date(2025, 6, 16),
        ]
        # ending on a Sunday keeps that week
        assert complete_weeks(date(2025, 6, 9), date(2025, 6, 22))[-1] == date(2025, 6, 16)

    def test_too_short_a_span_has_no_week(self):
        assert complete_weeks(date(2025, 6, 4), date(2025, 6, 8)) == []

    def test_bucket_counts_volume_and_negatives(self):
        weeks = [date(2025, 6, 9), date(2025, 6, 16)]
        daily = [
            (date(2025, 6, 9), "negative", 2),
            (date(2025, 6, 15), "positive", 3),
            (date(2025, 6, 17), "negative", 4),
            (date(2025, 6, 30), "negative", 99),  # outside: dropped
        ]
        assert bucket_by_week(daily, weeks) == ((5, 4), (2, 4))


class TestLoad:
    def test_series_is_zero_filled_and_stops_before_the_unfinished_week(self, desk):
        with desk.sessions.begin() as s:
            add_weeks(s, [10, 0, 7, 12], spread_days=True)
            # a Monday-Tuesday of a fifth week: incomplete, must not read as a collapse
            s.add(
                Rollup(
                    day=FIRST_MONDAY + timedelta(weeks=4, days=1),
                    topic_code="",
                    province_code="01",
                    commune_code="",
                    sentiment="neutral",
                    channel_kind="feedback",
                    count=1,
                )
            )
        with desk.sessions() as s:
            series = load_series(s, topic_code="land", province_code="01")
        assert series.weeks == tuple(FIRST_MONDAY + timedelta(weeks=i) for i in range(4))
        assert series.volume == (10, 0, 7, 12)
        assert series.negative == (4, 0, 3, 5)

    def test_margins_and_unknown_places(self, desk):
        with desk.sessions.begin() as s:
            add_weeks(s, [10, 10], topic_code="land", province_code="01")
            add_weeks(s, [5, 6], topic_code="traffic", province_code="")
        with desk.sessions() as s:
            every = {(x.topic_code, x.province_code): x.volume for x in load_all_series(s)}
            total = load_series(s, topic_code=None, province_code=None)
        assert every[(None, None)] == (15, 16) == total.volume
        assert every[("land", "01")] == (10, 10)
        assert every[("traffic", None)] == (5, 6)
        assert ("traffic", "") not in every  # documents without a place: only in the margin
        assert every[(None, "01")] == (10, 10)

    def test_empty_desk_has_no_weeks(self, desk):
        with desk.sessions() as s:
            series = load_series(s, topic_code=None, province_code=None)
        assert series.weeks == () and series.total == 0
