"""The feedback form's place picker, served from the bundled gazetteer (no database, no script):
pick a province, then one of its communes; or type a commune's name, with or without
diacritics, old (pre-2025) names included, and pick from what matches."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from opiniondesk.geo import Unit, get_gazetteer
from opiniondesk.geo.fold import key as fold_key
from opiniondesk.storage.models import UnitLevel

MAX_MATCHES = 30
MIN_QUERY_CHARS = 2


@dataclass(frozen=True, slots=True)
class PlaceChoice:
    code: str  # the 2025 commune code the form submits
    label: str  # what the reader sees in the list


@dataclass(frozen=True, slots=True)
class _Entry:
    keys: tuple[str, ...]  # folded spellings: short name, full name, aliases
    unit: Unit
    commune: Unit  # the 2025 commune it stands for (itself, or a former unit's successor)


def provinces() -> list[Unit]:
    """The 34 provinces of 2025, in alphabetical order of their folded short names."""
    return sorted(get_gazetteer().provinces(), key=lambda u: fold_key(u.short_name))


def province(code: str) -> Unit | None:
    return get_gazetteer().province(code)


def commune(code: str) -> Unit | None:
    return get_gazetteer().commune(code)


def communes_of(province_code: str) -> list[PlaceChoice]:
    units = get_gazetteer().communes(province_code)
    return [PlaceChoice(u.code, u.name) for u in sorted(units, key=_alphabetical)]


def _alphabetical(unit: Unit) -> tuple[str, str]:
    return fold_key(unit.short_name), unit.unit_type


@cache
def _index() -> tuple[_Entry, ...]:
    gazetteer = get_gazetteer()
    entries: list[_Entry] = []
    for unit in gazetteer.units(UnitLevel.commune):
        entries.append(_Entry(_keys(unit), unit, unit))
    for unit in gazetteer.units(UnitLevel.legacy_commune):
        successor = gazetteer.commune(unit.commune_code) if unit.commune_code else None
        if successor is not None:
            entries.append(_Entry(_keys(unit), unit, successor))
    return tuple(entries)


def _keys(unit: Unit) -> tuple[str, ...]:
    return tuple(dict.fromkeys(fold_key(s) for s in (unit.short_name, unit.name, *unit.aliases)))


def _rank(entry: _Entry, query: str) -> int | None:
    """0: the name itself; 1: a name starting with the query; 2: the query inside a name."""
    best: int | None = None
    for spelling in entry.keys:
        if spelling == query:
            return 0
        if spelling.startswith(query):
            best = 1
        elif best is None and f" {query}" in f" {spelling}":
            best = 2
    return best


def search(query: str, province_code: str = "", *, former: str = "cũ") -> list[PlaceChoice]:
    """Communes whose name (2025 or former) matches `query` at a word boundary, ignoring case,
    diacritics and tone-mark placement; within `province_code` when given. The best matches
    first, 2025 names before former ones (marked with the word `former`), at most MAX_MATCHES."""
    folded = fold_key(query)
    if len(folded) < MIN_QUERY_CHARS:
        return []
    gazetteer = get_gazetteer()
    ranked: list[tuple[int, bool, tuple[str, str], _Entry]] = []
    for entry in _index():
        if province_code and entry.commune.province_code != province_code:
            continue
        rank = _rank(entry, folded)
        if rank is not None:
            ranked.append((rank, entry.unit.is_legacy, _alphabetical(entry.unit), entry))
    ranked.sort(key=lambda item: item[:3])
    choices: list[PlaceChoice] = []
    for _, _, _, entry in ranked[:MAX_MATCHES]:
        home = gazetteer.province(entry.commune.province_code)
        where = f"{entry.commune.name}, {home.name if home else ''}".rstrip(", ")
        if entry.unit.is_legacy:
            where = f"{entry.unit.name} ({former}) → {where}"
        choices.append(PlaceChoice(entry.commune.code, where))
    return choices
