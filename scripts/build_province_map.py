"""Build the bundled 2025 province map (dev only; needs shapely >= 2.1).

Reads the 34-province GeoJSON (TaliaCao/Vietnam-Shape-Map, MIT), maps each `ten_tinh` to the
gazetteer's 2025 province code, simplifies the provinces as one coverage so that neighbours
keep sharing their borders (no gaps, no overlaps), rounds coordinates to 3 decimals (~100 m)
and writes src/opiniondesk/geo/data/provinces-2025.geojson with properties {code, name}.

    .venv/bin/python scripts/build_province_map.py [SOURCE] [--tolerance 0.007]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import mapping, shape

from opiniondesk.geo.gazetteer import get_gazetteer

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "geo" / "provinces-2025.geojson"
TARGET = ROOT / "src" / "opiniondesk" / "geo" / "data" / "provinces-2025.geojson"
MAX_BYTES = 250_000


def _round(coords: Any) -> Any:
    if isinstance(coords, float | int):
        return round(float(coords), 3)
    return [_round(c) for c in coords]


def _drop_repeats(geometry: dict[str, Any]) -> dict[str, Any]:
    """Rounding can make consecutive points equal; keep rings valid and small."""

    def ring(points: list[list[float]]) -> list[list[float]]:
        kept = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
        return kept if len(kept) >= 4 else []

    def polygon(rings: list[Any]) -> list[Any]:
        cleaned = [ring(r) for r in rings]
        return [r for r in cleaned if r] if cleaned and cleaned[0] else []

    if geometry["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": polygon(geometry["coordinates"])}
    polygons = [p for p in (polygon(p) for p in geometry["coordinates"]) if p]
    return {"type": "MultiPolygon", "coordinates": polygons}


def _codes(features: list[dict[str, Any]]) -> list[str]:
    gazetteer = get_gazetteer()
    codes, unmatched = [], []
    for feature in features:
        name = feature["properties"]["ten_tinh"]
        province = gazetteer.find_province_by_name(name)
        if province is None:
            unmatched.append(name)
        else:
            codes.append(province.code)
    if unmatched:
        raise SystemExit(f"Không khớp được tỉnh / unmatched provinces: {unmatched}")
    if sorted(codes) != sorted(p.code for p in gazetteer.provinces()):
        raise SystemExit(f"Thiếu hoặc trùng tỉnh / missing or duplicate provinces: {codes}")
    return codes


def build(source: Path, tolerance: float) -> dict[str, Any]:
    data = json.loads(source.read_text(encoding="utf-8"))
    features = data["features"]
    codes = _codes(features)
    geometries = [shape(f["geometry"]) for f in features]
    # Coverage simplification moves each shared border once, for both neighbours.
    simplified = shapely.coverage_simplify(geometries, tolerance, simplify_boundary=True)
    gazetteer = get_gazetteer()
    out = []
    for code, geometry in sorted(zip(codes, simplified, strict=True)):
        # Snapping to a 0.001° grid with GEOS keeps rings valid where plain rounding would
        # make some of them cross themselves; the rounding after it only trims float noise.
        snapped = mapping(shapely.set_precision(geometry, 0.001))
        geojson = _drop_repeats({**snapped, "coordinates": _round(snapped["coordinates"])})
        out.append(
            {
                "type": "Feature",
                "properties": {"code": code, "name": gazetteer.province_name(code)},
                "geometry": geojson,
            }
        )
    return {"type": "FeatureCollection", "features": out}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--tolerance", type=float, default=0.007, help="degrees")
    args = parser.parse_args(argv)
    collection = build(args.source, args.tolerance)
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        print(f"{size} bytes > {MAX_BYTES}: raise --tolerance", file=sys.stderr)
        return 1
    TARGET.write_text(text + "\n", encoding="utf-8")
    print(
        f"wrote {TARGET.relative_to(ROOT)}: {len(collection['features'])} provinces, {size} bytes"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
