"""The units one written name may stand for, with what the resolver asks of them worked out once.

A stream names the same few places over and over ("xã Hưng Đạo", "Hà Nội"), so the spotter
keeps one `Candidates` per distinct reading (spelling as written, and the marker or context that
filtered the units) and every mention of that reading shares it: the resolver then compares
mentions through precomputed numbers and sets instead of walking the units each time.

These objects are shared and never changed once made; they are plain (not frozen) dataclasses
only because those are quicker to build, and compare by identity.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import count

from opiniondesk.geo.unit import Unit
from opiniondesk.storage.models import UnitLevel

_PROVINCE = UnitLevel.province
_LEGACY_PROVINCE = UnitLevel.legacy_province
_LEGACY_DISTRICT = UnitLevel.legacy_district
_LEGACY_COMMUNE = UnitLevel.legacy_commune

# A unit read through an older or informal name is less likely than one under its own name.
ALIAS_PENALTY = 0.5
ALIAS_LINK = 0.8
EXACT_TYPE = 0.5

_SERIALS = count()

# How a unit links to the other mentions of a text (see `resolver`).
LINK_NONE = 0
LINK_TO_DISTRICT = 1  # a former commune: is its former district named?
LINK_TO_COMMUNES = 2  # a former district: is one of its former communes named?


@dataclass(slots=True, eq=False)
class Profile:
    """What a mention could name, summarised for the other mentions to compare against."""

    provinces: frozenset[str]
    share: float  # 1 / number of provinces: an ambiguous mention backs each one a little
    # code → weight of the link (lower when the mention named it by an older name)
    districts: dict[str, float]
    commune_parents: dict[str, float]
    legacy_provinces: frozenset[str]  # only when the name is purely a former province's


@dataclass(slots=True, eq=False)
class Facts:
    """One candidate unit as the resolver scores it."""

    unit: Unit
    base: float  # alias penalty and marker-type bonus, before any support
    link: int  # LINK_*
    link_code: str  # the former district (LINK_TO_DISTRICT) or its own code (LINK_TO_COMMUNES)
    # the former province a legacy unit below province level belonged to, else ""
    legacy_province: str
    province_code: str
    commune_code: str
    is_legacy: bool
    aliased: bool  # read only through an older or informal name
    preference: tuple[bool, bool]  # the type the marker names, then the 2025 unit


@dataclass(slots=True, eq=False)
class Candidates:
    """The units a mention may name (in the spotter's order), shared by equal readings.

    Compared and hashed by identity: equal readings are the same object.
    """

    units: tuple[Unit, ...]
    by_alias: frozenset[int]  # ids of units read only through an older or informal name
    facts: tuple[Facts, ...]
    bases: tuple[float, ...]  # each unit's score before any support
    preferences: tuple[tuple[bool, bool], ...]  # each unit's `Facts.preference`
    profile: Profile
    # Numbers naming this object in cache keys, for a mention that does not count on its own
    # and for one that does (index by `strong`). Plain ints, unique in the process: cheap to
    # hash, and keys made of them are not tracked by the garbage collector.
    signatures: tuple[int, int]


def make_candidates(
    units: Iterable[Unit], by_alias: frozenset[int], marker_type: str | None
) -> Candidates:
    """`marker_type` is the unit type the marker before the name says ("Huyện"), if any."""
    chosen = tuple(units)
    facts = tuple(_facts(u, id(u) in by_alias, marker_type) for u in chosen)
    serial = next(_SERIALS)
    profile = _profile(chosen, by_alias)
    bases = tuple(f.base for f in facts)
    preferences = tuple(f.preference for f in facts)
    signatures = (2 * serial, 2 * serial + 1)
    return Candidates(chosen, by_alias, facts, bases, preferences, profile, signatures)


def _facts(unit: Unit, aliased: bool, marker_type: str | None) -> Facts:
    exact_type = marker_type is not None and unit.unit_type == marker_type
    # The same two steps, in the same order, as adding them up one by one: equal sums stay equal.
    base = -ALIAS_PENALTY if aliased else 0.0
    if exact_type:
        base += EXACT_TYPE  # "thị xã Sơn Tây" (Hà Nội), not "huyện Sơn Tây" (Quảng Ngãi)
    link, link_code = LINK_NONE, ""
    if unit.level is _LEGACY_COMMUNE:
        link, link_code = LINK_TO_DISTRICT, unit.parent_code or ""
    elif unit.level is _LEGACY_DISTRICT:
        link, link_code = LINK_TO_COMMUNES, unit.code
    legacy_province = unit.legacy_province_code or ""
    if unit.level is _LEGACY_PROVINCE:
        legacy_province = ""  # a former province is not backed by naming itself
    return Facts(
        unit=unit,
        base=base,
        link=link,
        link_code=link_code,
        legacy_province=legacy_province,
        province_code=unit.province_code,
        commune_code=unit.commune_code,
        is_legacy=unit.is_legacy,
        aliased=aliased,
        preference=(exact_type, not unit.is_legacy),
    )


def _profile(units: tuple[Unit, ...], by_alias: frozenset[int]) -> Profile:
    provinces: set[str] = set()
    districts: dict[str, float] = {}
    commune_parents: dict[str, float] = {}
    legacy_provinces: set[str] = set()
    # "Hà Nội" names the 2025 city as much as the former one: only a name that is purely
    # former ("Kiên Giang") says the text uses the old map.
    purely_former = all(u.level is not _PROVINCE for u in units)
    for unit in units:
        provinces.add(unit.province_code)
        weight = ALIAS_LINK if id(unit) in by_alias else 1.0
        if unit.level is _LEGACY_DISTRICT:
            districts[unit.code] = max(weight, districts.get(unit.code, 0.0))
        elif unit.level is _LEGACY_COMMUNE and unit.parent_code:
            known = commune_parents.get(unit.parent_code, 0.0)
            commune_parents[unit.parent_code] = max(weight, known)
        elif unit.level is _LEGACY_PROVINCE and purely_former:
            legacy_provinces.add(unit.code)
    return Profile(
        provinces=frozenset(provinces),
        share=1.0 / len(provinces) if provinces else 0.0,
        districts=districts,
        commune_parents=commune_parents,
        legacy_provinces=frozenset(legacy_provinces),
    )
