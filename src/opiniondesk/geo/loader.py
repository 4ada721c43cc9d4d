"""Loading the gazetteer into the `admin_unit` table, once: a second run inserts nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from opiniondesk.geo.gazetteer import Gazetteer, get_gazetteer
from opiniondesk.geo.unit import Unit
from opiniondesk.storage.models import AdminUnit

# The two-level map took effect on 1 July 2025 (Resolution 202/2025/QH15 and the decrees
# that rearranged the communes); the old units ended the day before.
NEW_MAP_FROM = date(2025, 7, 1)
OLD_MAP_UNTIL = date(2025, 6, 30)

_BATCH = 2000


def _row(unit: Unit) -> dict[str, Any]:
    return {
        "code": unit.code,
        "level": unit.level.value,
        "name": unit.name,
        "short_name": unit.short_name,
        "unit_type": unit.unit_type,
        "parent_code": unit.parent_code,
        "province_code": unit.province_code,
        "successor_code": unit.successor_code,
        "lat": unit.lat,
        "lon": unit.lon,
        "aliases": list(unit.aliases),
        "valid_from": None if unit.is_legacy else NEW_MAP_FROM,
        "valid_to": OLD_MAP_UNTIL if unit.is_legacy else None,
    }


def load_admin_units(session: Session, gazetteer: Gazetteer | None = None) -> int:
    """Insert every unit not yet in `admin_unit`; return how many were inserted.

    Units already present (same level and code) are left as they are. The caller owns the
    transaction: nothing is committed here.
    """
    gazetteer = gazetteer or get_gazetteer()
    present = {
        (str(level), code)
        for level, code in session.execute(select(AdminUnit.level, AdminUnit.code))
    }
    missing = [_row(u) for u in gazetteer.iter_units() if (u.level.value, u.code) not in present]
    for start in range(0, len(missing), _BATCH):
        session.execute(insert(AdminUnit), missing[start : start + _BATCH])
    return len(missing)
