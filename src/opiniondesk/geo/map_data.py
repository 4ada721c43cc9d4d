"""The bundled 2025 province boundaries (simplified GeoJSON; see data/ATTRIBUTION.md)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from opiniondesk.errors import ConfigError

_FILE = "provinces-2025.geojson"


@cache
def _read() -> dict[str, Any]:
    try:
        text = resources.files("opiniondesk.geo").joinpath("data", _FILE).read_text("utf-8")
        collection: dict[str, Any] = json.loads(text)
    except (OSError, ValueError) as exc:
        raise ConfigError(
            f"Không đọc được bản đồ tỉnh {_FILE}: {exc} (cannot read the province map)"
        ) from exc
    return collection


def load_province_shapes() -> dict[str, Any]:
    """A GeoJSON FeatureCollection of the 34 provinces, properties {code, name}.

    Each call returns a fresh copy, so callers may add properties (counts, colours) freely.
    """
    copy: dict[str, Any] = json.loads(json.dumps(_read()))
    return copy
