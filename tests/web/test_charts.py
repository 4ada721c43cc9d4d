"""SVG charts: accessible, escaped, sensible axes; the map projection on a tiny GeoJSON."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest

from opiniondesk.web import charts
from opiniondesk.web.choropleth import (
    choropleth,
    fit_projection,
    load_regions,
    regions_from_geojson,
)

SVG = "{http://www.w3.org/2000/svg}"
TINY = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"code": "01", "name": "Hà Nội"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[105, 21], [106, 21], [106, 22], [105, 22], [105, 21]]],
            },
        },
        {
            "type": "Feature",
            "properties": {"code": "91", "name": "An Giang"},
            "geometry": {
                "type": "MultiPolygon",
                "coordinates": [
                    [[[104, 10], [105, 10], [105, 11], [104, 10]]],
                    [[[103, 9], [103.5, 9], [103.5, 9.5], [103, 9]]],
                ],
            },
        },
        {
            "type": "Feature",
            "properties": {"name": "no code"},
            "geometry": {"type": "Point", "coordinates": [1, 2]},
        },
    ],
}


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_nice_ticks() -> None:
    assert charts.nice_ticks(0) == [0, 1]
    assert charts.nice_ticks(25) == [0, 10, 20, 30]
    assert charts.nice_ticks(1743) == [0, 500, 1000, 1500, 2000]
    assert charts.nice_ticks(3) == [0, 1, 2, 3]


def test_date_ticks_include_both_ends() -> None:
    days = [date(2025, 1, 1) + timedelta(days=i) for i in range(90)]
    ticks = charts.date_ticks(days)
    assert ticks[0] == 0 and ticks[-1] == 89 and len(ticks) <= 6


def test_bar_chart_is_accessible_and_escaped() -> None:
    bars = [charts.Bar("<script>x</script>", 10, "10 · 50%"), charts.Bar("Ẩn", None, "<5")]
    svg = str(charts.bar_chart(bars, chart_id="c", title="T & <b>", desc="D"))
    root = _parse(svg)  # well-formed XML: nothing unescaped slipped in
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "c-title"
    assert root.findtext(f"{SVG}title") == "T & <b>"
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "&lt;5" in svg  # hidden cells keep a text label, not colour alone
    assert 'fill="url(#c-hatch)"' in svg


def test_line_chart_breaks_at_hidden_days() -> None:
    start = date(2025, 6, 1)
    points = [
        charts.Point(start + timedelta(days=i), v) for i, v in enumerate([10, 12, None, 9, 8])
    ]
    svg = str(
        charts.line_chart(
            points,
            chart_id="v",
            title="t",
            desc="d",
            x_label="Ngày",
            y_label="Số",
            format_value=str,
            hidden_text="<5",
        )
    )
    root = _parse(svg)
    assert len(root.findall(f"{SVG}polyline")) == 2
    labels = [el.text for el in root.iter(f"{SVG}text")]
    assert "01/06" in labels and "05/06" in labels and "Ngày" in labels


def test_stacked_bar_lists_every_segment() -> None:
    segments = [
        charts.Bar("Tiêu cực", 6, "6 · 60%", "negative"),
        charts.Bar("Tích cực", None, "<5", "positive"),
    ]
    svg = str(charts.stacked_bar(segments, 10, chart_id="s", title="t", desc="d"))
    labels = [el.text for el in _parse(svg).iter(f"{SVG}text")]
    assert labels == ["Tiêu cực", "6 · 60%", "Tích cực", "<5"]


class TestMap:
    def test_regions_from_geojson_reads_polygons_and_multipolygons(self) -> None:
        regions = regions_from_geojson(TINY)
        assert [r.code for r in regions] == ["01", "91"]
        assert len(regions[1].rings) == 2

    def test_projection_fits_the_box_and_keeps_north_up(self) -> None:
        regions = regions_from_geojson(TINY)
        project = fit_projection(regions, 200, 400, pad=10)
        xs, ys = zip(
            *(project(lon, lat) for r in regions for ring in r.rings for lon, lat in ring),
            strict=True,
        )
        assert min(xs) >= 10 - 1e-6 and max(xs) <= 190 + 1e-6
        assert min(ys) >= 10 - 1e-6 and max(ys) <= 390 + 1e-6
        assert pytest.approx(min(ys)) == 10 or pytest.approx(min(xs)) == 10
        north = project(105, 22)[1]
        south = project(104, 10)[1]
        assert north < south

    def test_choropleth_hatches_hidden_provinces(self) -> None:
        regions = regions_from_geojson(TINY)
        values = {"01": charts.Bar("Hà Nội", 120, "120"), "91": charts.Bar("An Giang", None, "<5")}
        svg = str(
            choropleth(
                regions,
                values,
                chart_id="m",
                title="Bản đồ",
                desc="d",
                legend_title="Số ý kiến",
                hidden_label="Dưới 5",
                format_value=str,
            )
        )
        root = _parse(svg)
        paths = {
            p.findtext(f"{SVG}title"): p.get("fill")
            for p in root.iter(f"{SVG}path")
            if p.find(f"{SVG}title") is not None
        }
        assert paths["An Giang: <5"] == "url(#m-hatch)"
        assert str(paths["Hà Nội: 120"]).startswith("#")
        assert "Dưới 5" in [el.text for el in root.iter(f"{SVG}text")]


def test_load_regions_never_raises() -> None:
    regions = load_regions()
    assert regions is None or all(r.code for r in regions)
