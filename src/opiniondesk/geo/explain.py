"""Short Vietnamese explanations of a place resolution, for the annotation it produces."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from opiniondesk.geo.gazetteer import Gazetteer
from opiniondesk.geo.unit import Unit
from opiniondesk.storage.models import UnitLevel

NOTHING_FOUND = "Không nhận ra địa danh nào (no place recognised)."


def mention_label(unit: Unit) -> str:
    """ "huyện Châu Thành (cũ)", "xã An Hòa", "Kiên Giang (cũ)"."""
    if unit.level in (UnitLevel.province, UnitLevel.legacy_province):
        label = unit.short_name
    elif unit.short_name.startswith(unit.unit_type):  # "Quận 1", "Phường 3"
        label = unit.unit_type.lower() + unit.short_name[len(unit.unit_type) :]
    else:
        label = f"{unit.unit_type.lower()} {unit.short_name}"
    return f"{label} (cũ)" if unit.is_legacy else label


def target_label(gazetteer: Gazetteer, province_code: str, commune_code: str) -> str:
    """ "Xã An Hòa, Tỉnh An Giang" or "Tỉnh An Giang"."""
    province = gazetteer.province_name(province_code)
    commune = gazetteer.commune(commune_code) if commune_code else None
    return f"{commune.name}, {province}" if commune else province


class Explained(Protocol):
    """What an explanation needs of a match (a `PlaceMatch`)."""

    @property
    def unit(self) -> Unit: ...
    @property
    def surface(self) -> str: ...
    @property
    def from_hint(self) -> bool: ...
    @property
    def by_alias(self) -> bool: ...


def explain_place(
    gazetteer: Gazetteer, matches: Sequence[Explained], province_code: str, commune_code: str
) -> str:
    """ "huyện Châu Thành (cũ) + xã An Hòa (cũ) → Xã Bình Hòa, Tỉnh An Giang"."""
    labels = " + ".join(dict.fromkeys(_label(m) for m in matches))
    prefix = "trường địa điểm: " if any(m.from_hint for m in matches) else ""
    return f"{prefix}{labels} → {target_label(gazetteer, province_code, commune_code)}"


def _label(match: Explained) -> str:
    # An older name is shown as written: the current name alone would not say what was read.
    return f"{match.surface} (cũ)" if match.by_alias else mention_label(match.unit)
