"""The bundled province map: 34 provinces with today's codes, small, attributed."""

from __future__ import annotations

from importlib import resources

from opiniondesk.geo.gazetteer import get_gazetteer
from opiniondesk.geo.map_data import load_province_shapes


def test_one_feature_per_2025_province() -> None:
    shapes = load_province_shapes()
    assert shapes["type"] == "FeatureCollection"
    codes = sorted(f["properties"]["code"] for f in shapes["features"])
    assert codes == [p.code for p in get_gazetteer().provinces()]
    for feature in shapes["features"]:
        assert set(feature["properties"]) == {"code", "name"}
        assert feature["geometry"]["type"] in {"Polygon", "MultiPolygon"}


def test_copies_are_independent() -> None:
    first = load_province_shapes()
    first["features"][0]["properties"]["count"] = 7
    assert "count" not in load_province_shapes()["features"][0]["properties"]


def test_file_is_small_and_attributed() -> None:
    data = resources.files("opiniondesk.geo").joinpath("data")
    assert len(data.joinpath("provinces-2025.geojson").read_bytes()) < 250_000
    attribution = data.joinpath("ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "TaliaCao/Vietnam-Shape-Map" in attribution and "MIT License" in attribution
