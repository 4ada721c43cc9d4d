"""Province choropleth as SVG: equirectangular projection fitted to the shapes' bounding box.

The shapes come from `opiniondesk.geo.map_data.load_province_shapes()` (a bundled, simplified
GeoJSON of the 34 provinces with properties {code, name}). When that module is not installed
the dashboard simply leaves the map out.
"""

from __future__ import annotations

import importlib
import logging
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from opiniondesk.web.charts import INK, Bar
from opiniondesk.web.svg import element, empty, figure, hatch_pattern, join

log = logging.getLogger(__name__)

Ring = list[tuple[float, float]]  # (lon, lat) pairs
# light to dark blue: every step keeps the province borders and hatching distinguishable
SCALE = ("#dbe9f6", "#a9cbe8", "#6fa6d6", "#3b7dbb", "#1d5c8f")


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name: str
    rings: list[Ring]


@dataclass(frozen=True, slots=True)
class Projection:
    """Maps (lon, lat) to SVG (x, y) so that the bounding box fills width × height."""

    min_lon: float
    max_lat: float
    scale: float
    x_factor: float  # cos(mid latitude): keeps shapes from looking stretched east–west
    offset_x: float
    offset_y: float

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        x = self.offset_x + (lon - self.min_lon) * self.x_factor * self.scale
        y = self.offset_y + (self.max_lat - lat) * self.scale
        return x, y


def fit_projection(
    regions: Sequence[Region], width: float, height: float, pad: float = 8
) -> Projection:
    points = [point for region in regions for ring in region.rings for point in ring]
    if not points:
        raise ValueError("no coordinates to project")
    lons = [lon for lon, _ in points]
    lats = [lat for _, lat in points]
    min_lon, max_lon, min_lat, max_lat = min(lons), max(lons), min(lats), max(lats)
    x_factor = math.cos(math.radians((min_lat + max_lat) / 2))
    span_x = max((max_lon - min_lon) * x_factor, 1e-9)
    span_y = max(max_lat - min_lat, 1e-9)
    scale = min((width - 2 * pad) / span_x, (height - 2 * pad) / span_y)
    # centre the shapes in the box along the axis that has room to spare
    offset_x = pad + ((width - 2 * pad) - span_x * scale) / 2
    offset_y = pad + ((height - 2 * pad) - span_y * scale) / 2
    return Projection(min_lon, max_lat, scale, x_factor, offset_x, offset_y)


def regions_from_geojson(data: Any) -> list[Region]:
    """Read a FeatureCollection (or a list of Features) of Polygons / MultiPolygons."""
    features = data.get("features", []) if isinstance(data, Mapping) else data
    regions = []
    for feature in features:
        properties = feature.get("properties") or {}
        geometry = feature.get("geometry") or {}
        kind, coordinates = geometry.get("type"), geometry.get("coordinates") or []
        polygons = (
            [coordinates] if kind == "Polygon" else coordinates if kind == "MultiPolygon" else []
        )
        rings = [
            [(float(p[0]), float(p[1])) for p in ring] for polygon in polygons for ring in polygon
        ]
        if rings and properties.get("code") is not None:
            regions.append(Region(str(properties["code"]), str(properties.get("name", "")), rings))
    return regions


def load_regions() -> list[Region] | None:
    """The bundled province shapes, or None when the geo map data is not available."""
    try:
        # imported by name: the geo map data is an optional part that may not be installed
        map_data = importlib.import_module("opiniondesk.geo.map_data")
    except ImportError:
        return None
    try:
        regions = regions_from_geojson(map_data.load_province_shapes())
    except Exception:  # a broken data file must not take the dashboard down
        log.exception("could not read the province shapes; the map is left out")
        return None
    return regions or None


def _path(rings: Iterable[Ring], project: Projection) -> str:
    commands = []
    for ring in rings:
        coords = [project(lon, lat) for lon, lat in ring]
        commands.append("M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in coords) + " Z")
    return " ".join(commands)


# Province outlines never change within a process; only their fills do. Projecting ~13,000
# points per request was 40% of a dashboard's time under load.
_PATHS: dict[tuple[int, float, float], tuple[Sequence[Region], list[str]]] = {}


def _region_paths(regions: Sequence[Region], width: float, height: float) -> list[str]:
    key = (id(regions), width, height)
    cached = _PATHS.get(key)
    if cached is None or cached[0] is not regions:  # an id can be reused by a new list
        project = fit_projection(regions, width, height)
        cached = (regions, [_path(region.rings, project) for region in regions])
        if len(_PATHS) > 16:
            _PATHS.clear()
        _PATHS[key] = cached
    return cached[1]


def class_breaks(values: Sequence[int], classes: int = len(SCALE)) -> list[int]:
    """Upper bounds of equal-width classes over the visible values (at least 1 wide each).

    Never more classes than distinct values: a single value gets a single class.
    """
    classes = max(1, min(classes, len(set(values))))
    top = max(values, default=0)
    low = min(values, default=0)
    width = max(1, math.ceil((top - low + 1) / classes))
    return [low + width * (i + 1) - 1 for i in range(classes)]


def class_colours(breaks: Sequence[int]) -> tuple[str, ...]:
    """The darkest end of the scale, so few classes still read as "many opinions"."""
    return SCALE[len(SCALE) - len(breaks) :] if breaks else ()


def choropleth(
    regions: Sequence[Region],
    values: Mapping[str, Bar],
    *,
    chart_id: str,
    title: str,
    desc: str,
    legend_title: str,
    hidden_label: str,
    format_value: Callable[[int], str],
) -> Markup:
    """Fill each province by its class; hidden or missing provinces are hatched grey."""
    width, map_h, legend_h = 420, 520, 112
    paths = _region_paths(regions, width, map_h)
    visible = [bar.value for bar in values.values() if bar.value is not None]
    breaks = class_breaks(visible)
    parts = [hatch_pattern(f"{chart_id}-hatch")]
    for region, path in zip(regions, paths, strict=True):
        bar = values.get(region.code)
        value = bar.value if bar else None
        fill = f"url(#{chart_id}-hatch)"
        if value is not None:
            colours = class_colours(breaks)
            fill = colours[next(i for i, bound in enumerate(breaks) if value <= bound)]
        name = (bar.label if bar else "") or region.name
        text = bar.text if bar else hidden_label
        parts.append(
            element(
                "path",
                element("title", f"{name}: {text}"),
                d=path,
                fill=fill,
                stroke="#ffffff",
                stroke_width=0.6,
                fill_rule="evenodd",
                class_="region",
            )
        )
    parts.append(
        _legend(
            breaks if visible else [],
            map_h + 8,
            chart_id,
            legend_title,
            hidden_label,
            format_value,
            low=min(visible, default=0),
        )
    )
    return figure(
        join(parts),
        chart_id=chart_id,
        title=title,
        desc=desc,
        width=width,
        height=map_h + legend_h,
    )


def _legend(
    breaks: Sequence[int],
    top: float,
    chart_id: str,
    title: str,
    hidden_label: str,
    format_value: Callable[[int], str],
    *,
    low: int,
) -> Markup:
    """Colour classes then the hatch, in two columns under the map (room on narrow screens)."""
    entries: list[tuple[str, str]] = []
    start = low
    for colour, bound in zip(class_colours(breaks), breaks, strict=True):
        label = format_value(start)
        if start != bound:
            label = f"{label} – {format_value(bound)}"
        entries.append((colour, label))
        start = bound + 1
    entries.append((f"url(#{chart_id}-hatch)", hidden_label))
    parts = [element("text", title, x=8, y=top + 8, class_="axis")]
    rows = math.ceil(len(entries) / 2)
    for index, (fill, label) in enumerate(entries):
        x = 8 + (index // rows) * 200
        y = top + 22 + (index % rows) * 26
        parts.append(
            empty("rect", x=x, y=y, width=18, height=18, fill=fill, stroke=INK, stroke_width=0.3)
        )
        parts.append(element("text", label, x=x + 26, y=y + 9, class_="label"))
    return element("g", join(parts), class_="legend")
