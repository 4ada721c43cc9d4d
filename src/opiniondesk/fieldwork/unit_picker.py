"""The field form's unit picker: the units a collaborator may report on (their provinces, the
communes of those provinces, their communes), searchable with or without diacritics.

The same list is embedded in the form page, which the service worker keeps, so the picker
filters on the phone without a connection; queue.js folds text the same way `fold` does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from opiniondesk.accounts.principal import UnitScope
from opiniondesk.geo.gazetteer import get_gazetteer
from opiniondesk.text.normalize import fold


@dataclass(frozen=True, slots=True)
class PickerUnit:
    code: str
    name: str  # "Phường Bến Thành"
    province_name: str
    search: str  # folded name, short name and aliases (older names), space-separated


@lru_cache(maxsize=256)
def units_for(scope: UnitScope) -> tuple[PickerUnit, ...]:
    """Every unit inside `scope`: provinces first, then their communes by name (cached: the
    gazetteer does not change while the desk runs, and a scope is a frozen value)."""
    gazetteer = get_gazetteer()
    if scope.everything:
        provinces = gazetteer.provinces()
    else:
        provinces = [p for code in sorted(scope.provinces) if (p := gazetteer.province(code))]
    units = list(provinces)
    for province in provinces:
        units.extend(sorted(gazetteer.communes(province.code), key=lambda u: fold(u.name)))
    seen = {u.code for u in units}
    units.extend(
        u for code in sorted(scope.communes) if (u := gazetteer.commune(code)) and code not in seen
    )
    return tuple(
        PickerUnit(
            code=u.code,
            name=u.name,
            province_name=gazetteer.province_name(u.province_code),
            search=fold(" ".join((u.name, u.short_name, *u.aliases))),
        )
        for u in units
    )


def matches(unit: PickerUnit, query: str) -> bool:
    """Every word typed starts a word of the unit's names, or the query is its code."""
    typed = fold(query).split()
    if not typed:
        return False
    if query.strip() == unit.code:
        return True
    words = unit.search.split()
    return all(any(word.startswith(part) for word in words) for part in typed)


def search(units: Sequence[PickerUnit], query: str, *, limit: int = 20) -> list[PickerUnit]:
    """The matching units, exact code first, then shorter names first."""
    found = [u for u in units if matches(u, query)]
    found.sort(key=lambda u: (u.code != query.strip(), len(u.name), u.code))
    return found[:limit]
