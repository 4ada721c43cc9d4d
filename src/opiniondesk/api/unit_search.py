"""The unit picker's search: 2025 provinces and communes whose name, short name or an alias
(older names, spelling without diacritics) contains every word typed, diacritics optional."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from opiniondesk.geo.fold import key as fold_key
from opiniondesk.geo.gazetteer import get_gazetteer
from opiniondesk.geo.unit import Unit
from opiniondesk.storage.models import UnitLevel


@dataclass(frozen=True, slots=True)
class _Entry:
    unit: Unit
    short_key: str
    words: frozenset[str]  # folded words of every spelling


@lru_cache(maxsize=1)
def _entries() -> tuple[_Entry, ...]:
    gazetteer = get_gazetteer()
    units = [*gazetteer.provinces(), *gazetteer.communes()]
    entries = []
    for unit in units:
        spellings = (unit.name, unit.short_name, *unit.aliases)
        words = frozenset(word for spelling in spellings for word in fold_key(spelling).split())
        entries.append(_Entry(unit, fold_key(unit.short_name), words))
    return tuple(entries)


def _matches(entry: _Entry, typed: list[str]) -> bool:
    return all(any(word.startswith(part) for word in entry.words) for part in typed)


def search_units(query: str, *, limit: int) -> list[Unit]:
    """Best first: an exact code, an exact short name, provinces before communes, shorter
    names first."""
    query = query.strip()
    if not query:
        return []
    entries = _entries()
    by_code = [e.unit for e in entries if e.unit.code == query]
    typed = fold_key(query).split()
    if not typed:
        return by_code[:limit]
    whole = " ".join(typed)
    found = [e for e in entries if _matches(e, typed) and e.unit not in by_code]
    found.sort(
        key=lambda e: (
            e.short_key != whole,
            e.unit.level is not UnitLevel.province,
            len(e.unit.name),
            e.unit.code,
        )
    )
    return [*by_code, *(e.unit for e in found)][:limit]
