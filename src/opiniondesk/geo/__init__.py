"""Administrative units: the 2025 map and the pre-2025 one, and finding places in text.

- `get_gazetteer()` — every unit in memory (34 provinces, 3,321 communes; 63 former provinces,
  their districts and communes with the 2025 unit that succeeded each);
- `load_admin_units(session)` — the same units into the `admin_unit` table, idempotently;
- `get_place_matcher().resolve(text, hint)` — the 2025 province and commune a text is about;
- `load_province_shapes()` — the bundled, simplified 2025 province boundaries.
"""

from opiniondesk.geo.gazetteer import Gazetteer, get_gazetteer
from opiniondesk.geo.loader import load_admin_units
from opiniondesk.geo.map_data import load_province_shapes
from opiniondesk.geo.matcher import PlaceMatch, PlaceMatcher, PlaceResolution, get_place_matcher
from opiniondesk.geo.unit import Unit

__all__ = [
    "Gazetteer",
    "PlaceMatch",
    "PlaceMatcher",
    "PlaceResolution",
    "Unit",
    "get_gazetteer",
    "get_place_matcher",
    "load_admin_units",
    "load_province_shapes",
]
