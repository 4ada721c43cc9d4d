"""The forecast SVG: well-formed, accessible, escaped, honest about hidden weeks."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest

from opiniondesk.forecasts.chart import forecast_chart
from opiniondesk.forecasts.forecaster import Reason
from opiniondesk.forecasts.service import Forecast, ForecastPoint, HistoryPoint, MetricForecast

SVG = "{http://www.w3.org/2000/svg}"
EVIL = "<script>alert('x')</script> & \"quotes\""


def make_forecast(*, hidden_forecast: bool = False, hidden_weeks: tuple[int, ...] = (3,)):
    start = date(2025, 1, 6)
    history = tuple(
        HistoryPoint(
            start + timedelta(weeks=i),
            None if i in hidden_weeks else 20 + i,
            None if i in hidden_weeks else 0.4,
        )
        for i in range(12)
    )
    after = start + timedelta(weeks=12)

    def points(centre: float, spread: float) -> tuple[ForecastPoint, ...]:
        if hidden_forecast:
            return tuple(ForecastPoint(after + timedelta(weeks=h), None) for h in range(4))
        return tuple(
            ForecastPoint(
                after + timedelta(weeks=h),
                centre,
                centre - spread * (1 + h),
                centre + spread * (1 + h),
                centre - 2 * spread * (1 + h),
                centre + 2 * spread * (1 + h),
            )
            for h in range(4)
        )

    return Forecast(
        topic_code="land",
        province_code="01",
        horizon=4,
        min_group_size=5,
        reason=Reason.level,
        weeks_of_history=12,
        yearly_explained=None,
        history=history,
        volume=MetricForecast("volume", "ets", points(30, 2), 0.9, 0.8, 0.95, 4),
        negative_share=MetricForecast(
            "negative_share", "logit_ets", points(0.4, 0.05), 0.7, 0.8, 0.9, 4
        ),
    )


@pytest.mark.parametrize("metric", ["volume", "negative_share"])
@pytest.mark.parametrize("language", ["vi", "en"])
def test_well_formed_and_accessible(metric, language):
    svg = str(forecast_chart(make_forecast(), metric=metric, language=language, chart_id="f1"))
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "f1-title"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text and desc is not None and desc.text
    assert ("Dự báo" if language == "vi" else "Forecast") in title.text
    assert len(root.findall(f".//{SVG}polygon")) == 2  # 80 % and 95 % bands
    assert root.findall(f".//{SVG}polyline[@class='forecast']")
    assert len(root.findall(f".//{SVG}rect[@class='hidden-week']")) == 1
    assert ("<5" in desc.text) or ("5" in desc.text)


def test_text_is_escaped():
    svg = str(forecast_chart(make_forecast(), scope_label=EVIL))
    assert "<script>" not in svg
    root = ET.fromstring(svg)
    title = root.find(f"{SVG}title")
    assert title is not None and EVIL in (title.text or "")


def test_share_axis_is_percent_and_bands_stay_inside():
    svg = str(forecast_chart(make_forecast(), metric="negative_share", language="en"))
    root = ET.fromstring(svg)
    ticks = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "tick end"]
    assert "100%" in ticks and "0%" in ticks


def test_hidden_forecast_draws_no_band_and_says_why():
    svg = str(forecast_chart(make_forecast(hidden_forecast=True), language="en"))
    root = ET.fromstring(svg)
    assert root.findall(f".//{SVG}polygon") == []
    texts = [t.text or "" for t in root.iter(f"{SVG}text")]
    assert any("hidden" in t for t in texts)
    assert len(root.findall(f".//{SVG}rect[@class='hidden-week']")) == 1 + 4


def test_empty_forecast_still_renders():
    empty = make_forecast()
    empty = Forecast(
        None,
        None,
        8,
        5,
        Reason.no_history,
        0,
        None,
        (),
        MetricForecast("volume", "none", (), None, None, None, 0),
        MetricForecast("negative_share", "none", (), None, None, None, 0),
    )
    root = ET.fromstring(str(forecast_chart(empty, language="en")))
    assert "Not enough data" in (root.find(f"{SVG}desc").text or "")


def test_unknown_metric_is_refused():
    with pytest.raises(ValueError, match="metric"):
        forecast_chart(make_forecast(), metric="mood")
