"""The dashboard shows the forecast with its intervals to readers who see the whole series."""

from __future__ import annotations


def test_national_reader_sees_the_forecast_panel(client):
    page = client.get("/")
    assert page.status_code == 200
    assert 'id="h-forecast"' in page.text
    assert "<svg" in page.text.split('id="h-forecast"', 1)[1]


def test_forecast_panel_is_escaped_svg_with_a_title(client):
    section = client.get("/").text.split('id="h-forecast"', 1)[1].split("</section>", 1)[0]
    assert 'role="img"' in section and "<title" in section
    assert "<script" not in section
