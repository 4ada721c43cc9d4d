"""forecast_series on both backends, from rollup rows written directly."""

from __future__ import annotations

from datetime import timedelta

import pytest

from opiniondesk.errors import InputError
from opiniondesk.forecasts.forecaster import Reason
from opiniondesk.forecasts.service import forecast_series, resolve_province, scope_label
from tests.forecasts.builders import add_place_and_topic, add_weeks, seasonal_counts


def forecast(desk, **kwargs):
    options = {"topic_code": "land", "province_code": "01", "weeks": 8} | kwargs
    with desk.sessions() as session:
        return forecast_series(session, settings=desk.settings, **options)


class TestSeasonalSeries:
    def test_forecast_with_widening_intervals_and_bounded_share(self, desk):
        with desk.sessions.begin() as s:
            add_place_and_topic(s)
            weeks = add_weeks(s, seasonal_counts(132), negative_share=0.35)
        result = forecast(desk)
        assert result.reason is Reason.seasonal
        assert result.weeks_of_history == 132
        assert result.volume.method == "harmonic_ets"
        points = result.volume.points
        assert [p.week for p in points] == [weeks[-1] + timedelta(weeks=i) for i in range(1, 9)]
        assert all(not p.hidden for p in points)
        assert points[-1].upper_95 - points[-1].lower_95 > points[0].upper_95 - points[0].lower_95
        for p in points:
            assert p.lower_95 <= p.lower_80 <= p.mean <= p.upper_80 <= p.upper_95
        for p in result.negative_share.points:
            assert 0 <= p.lower_95 <= p.mean <= p.upper_95 <= 1
            assert p.mean == pytest.approx(0.35, abs=0.05)
        assert result.volume.mase is not None and result.volume.backtest_origins == 4
        assert 0 <= result.volume.coverage_95 <= 1

    def test_topic_and_country_margins(self, desk):
        with desk.sessions.begin() as s:
            add_weeks(s, [30] * 20, topic_code="land", province_code="01")
            add_weeks(s, [20] * 20, topic_code="traffic", province_code="79")
        everything = forecast(desk, topic_code=None, province_code=None)
        assert {p.volume for p in everything.history} == {50}
        land = forecast(desk, province_code=None)
        assert {p.volume for p in land.history} == {30}
        assert land.volume.points[0].mean == pytest.approx(30, abs=1)


class TestSparseAndSmall:
    def test_sparse_series_falls_back_and_hides_small_cells(self, desk):
        volumes = [0] * 60
        for i in range(0, 60, 5):
            volumes[i] = 2 + i % 3  # a couple of documents now and then
        with desk.sessions.begin() as s:
            add_weeks(s, [40] * 60, topic_code="traffic", province_code="01")
            add_weeks(s, volumes, topic_code="land", province_code="01")
        result = forecast(desk)
        assert result.reason is Reason.sparse
        assert result.volume.method == "recent_mean"
        assert result.negative_share.method == "pooled_share"
        assert "thưa" in result.explanation("vi") and "Sparse" in result.explanation("en")
        # every week and every forecast is below 5: nothing revealed, zeros included
        assert all(p.volume is None and p.negative_share is None for p in result.history)
        assert all(p.hidden and p.upper_95 is None for p in result.volume.points)
        assert all(p.hidden for p in result.negative_share.points)
        body = result.as_json()
        assert all(h["volume"] is None and h["volume_suppressed"] for h in body["history"])
        assert all(p["mean"] is None and p["suppressed"] for p in body["volume"]["points"])

    def test_share_hidden_when_negatives_or_others_are_few(self, desk):
        with desk.sessions.begin() as s:
            add_weeks(s, [40] * 20, negative_share=0.05)  # 2 negatives of 40 a week
        result = forecast(desk)
        assert all(p.volume == 40 for p in result.history)
        assert all(p.negative_share is None for p in result.history)
        assert all(p.hidden for p in result.negative_share.points)  # 40 × 5 % < 5
        assert all(not p.hidden for p in result.volume.points)

    def test_short_history(self, desk):
        with desk.sessions.begin() as s:
            add_weeks(s, [12, 9, 15])
        result = forecast(desk, weeks=4)
        assert result.reason is Reason.short
        assert len(result.volume.points) == 4
        assert result.volume.mase is None  # too little history for its own backtest

    def test_empty_desk(self, desk):
        result = forecast(desk, topic_code=None, province_code=None)
        assert result.reason is Reason.no_history
        assert result.history == () and result.volume.points == ()
        assert result.volume.method == "none"


class TestInput:
    @pytest.mark.parametrize("weeks", [0, 13, -1])
    def test_horizon_out_of_range(self, sqlite_desk, weeks):
        with pytest.raises(InputError, match="1 đến 12"):
            forecast(sqlite_desk, weeks=weeks)

    def test_unknown_topic_lists_the_known_ones(self, desk):
        with desk.sessions.begin() as s:
            add_place_and_topic(s)
        with pytest.raises(InputError, match="land"):
            forecast(desk, topic_code="lands")

    def test_unknown_province(self, desk):
        with desk.sessions.begin() as s:
            add_place_and_topic(s)
        with pytest.raises(InputError, match="99"):
            forecast(desk, province_code="99")

    def test_province_by_name_with_or_without_diacritics(self, desk):
        with desk.sessions.begin() as s:
            add_place_and_topic(s)
        with desk.sessions() as s:
            assert resolve_province(s, "Hà Nội") == "01"
            assert resolve_province(s, "ha noi") == "01"
            assert resolve_province(s, "Thành phố Hà Nội") == "01"
            assert resolve_province(s, "01") == "01"
            with pytest.raises(InputError, match="Hue"):
                resolve_province(s, "Hue")
            label = scope_label(s, topic_code="land", province_code="01")
            assert label == "Đất đai — Thành phố Hà Nội"
            assert scope_label(s, topic_code=None, province_code=None, language="en") == (
                "All topics — Whole country"
            )
