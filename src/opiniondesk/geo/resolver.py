"""Choosing one reading per mention from what the other mentions in the same text say.

Evidence for a candidate unit comes from the other mentions: a strong mention naming only its
province adds 1 (an ambiguous one adds its share, 1/k), a mention naming its former district
adds 3, one naming its former province adds 1 more. The best-supported readings are kept; a
mention is accepted only if they agree on one 2025 province, and a weak mention (a bare
commune or district name) only if something else in the text supports it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from opiniondesk.geo.spotter import Mention
from opiniondesk.geo.unit import Unit
from opiniondesk.storage.models import UnitLevel

_PARENT_LINK = 3.0  # "huyện Châu Thành" + "xã An Hòa" under it
_LEGACY_PROVINCE_LINK = 1.0  # "Kiên Giang" + a commune of former Kiên Giang
_NEEDED_BY_WEAK = 0.99
# A unit read through an older or informal name is less likely than one under its own name.
_ALIAS_PENALTY = 0.5
_ALIAS_LINK = 0.8
_EXACT_TYPE = 0.5


@dataclass(frozen=True, slots=True)
class Reading:
    """A mention resolved to one unit; `supporters` are the mentions that backed it."""

    mention: Mention
    unit: Unit
    province_code: str
    commune_code: str
    supporters: tuple[Mention, ...]


@dataclass(slots=True)
class _Profile:
    """What one mention could name, summarised for fast comparisons."""

    provinces: set[str] = field(default_factory=set)
    # code → weight of the link (lower when the other mention named it by an older name)
    districts: dict[str, float] = field(default_factory=dict)
    commune_parents: dict[str, float] = field(default_factory=dict)
    legacy_provinces: set[str] = field(default_factory=set)


def _profile(mention: Mention) -> _Profile:
    profile = _Profile()
    # "Hà Nội" names the 2025 city as much as the former one: only a name that is purely
    # former ("Kiên Giang") says the text uses the old map.
    purely_former = all(u.level is not UnitLevel.province for u in mention.units)
    for unit in mention.units:
        profile.provinces.add(unit.province_code)
        weight = _ALIAS_LINK if id(unit) in mention.by_alias else 1.0
        if unit.level is UnitLevel.legacy_district:
            profile.districts[unit.code] = max(weight, profile.districts.get(unit.code, 0.0))
        elif unit.level is UnitLevel.legacy_commune and unit.parent_code:
            known = profile.commune_parents.get(unit.parent_code, 0.0)
            profile.commune_parents[unit.parent_code] = max(weight, known)
        elif unit.level is UnitLevel.legacy_province and purely_former:
            profile.legacy_provinces.add(unit.code)
    return profile


def _link(unit: Unit, other: _Profile) -> float:
    if unit.level is UnitLevel.legacy_commune and unit.parent_code in other.districts:
        return _PARENT_LINK * other.districts[unit.parent_code]
    if unit.level is UnitLevel.legacy_district and unit.code in other.commune_parents:
        return _PARENT_LINK * other.commune_parents[unit.code]
    if unit.legacy_province_code and unit.level is not UnitLevel.legacy_province:
        return _LEGACY_PROVINCE_LINK if unit.legacy_province_code in other.legacy_provinces else 0
    return 0.0


def _evidence(
    unit: Unit, me: int, mentions: list[Mention], profiles: list[_Profile]
) -> tuple[float, tuple[Mention, ...]]:
    mention = mentions[me]
    total = -_ALIAS_PENALTY if id(unit) in mention.by_alias else 0.0
    if mention.marker is not None and unit.unit_type == mention.marker.unit_type:
        total += _EXACT_TYPE  # "thị xã Sơn Tây" (Hà Nội), not "huyện Sơn Tây" (Quảng Ngãi)
    supporters = []
    for other, (other_mention, profile) in enumerate(zip(mentions, profiles, strict=True)):
        if other == me:
            continue
        gained = _link(unit, profile)
        if other_mention.strong and unit.province_code in profile.provinces:
            gained += 1.0 / len(profile.provinces)
        if gained:
            total += gained
            supporters.append(other_mention)
    return total, tuple(supporters)


def _preference(unit: Unit, mention: Mention) -> tuple[bool, bool]:
    """Among equally supported readings: the type the marker names, then the 2025 unit."""
    exact_type = mention.marker is not None and unit.unit_type == mention.marker.unit_type
    return exact_type, not unit.is_legacy


def _read(me: int, mentions: list[Mention], profiles: list[_Profile]) -> Reading | None:
    mention = mentions[me]
    scored = [(u, *_evidence(u, me, mentions, profiles)) for u in mention.units]
    best = max(score for _, score, _ in scored)
    if not mention.strong and best < _NEEDED_BY_WEAK:
        return None
    top = [(u, supporters) for u, score, supporters in scored if score >= best - 1e-9]
    if len({u.province_code for u, _ in top}) != 1:
        current = [(u, s) for u, s in top if not u.is_legacy]
        if len(current) != 1:
            return None  # still ambiguous between provinces: better no place than a wrong one
        top = current  # the one unit of today's map with that name beats former ones
    unit, supporters = max(top, key=lambda pair: _preference(pair[0], mention))
    same_level = {u.commune_code for u, _ in top if u.level is unit.level}
    commune = unit.commune_code if len(same_level) == 1 else ""
    return Reading(mention, unit, unit.province_code, commune, supporters)


def resolve_mentions(mentions: list[Mention]) -> list[Reading]:
    """One reading per mention that can be resolved with confidence, in text order."""
    profiles = [_profile(m) for m in mentions]
    readings = (_read(i, mentions, profiles) for i in range(len(mentions)))
    return [r for r in readings if r is not None]
