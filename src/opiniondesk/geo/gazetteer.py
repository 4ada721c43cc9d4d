"""The gazetteer: every 2025 and pre-2025 administrative unit, in memory, read-only."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from types import MappingProxyType

from opiniondesk.errors import NotFoundError
from opiniondesk.geo.assemble import build_units
from opiniondesk.geo.fold import key as fold_key
from opiniondesk.geo.source import read_package_data
from opiniondesk.geo.unit import Unit
from opiniondesk.storage.models import UnitLevel

# Words people put before a province name that are not part of it.
_PROVINCE_PREFIXES = ("thanh pho ", "tinh ", "tp ", "t p ")


class Gazetteer:
    """Immutable lookups over `Unit`s; build it once with `get_gazetteer()`."""

    def __init__(self, units: Iterable[Unit]) -> None:
        self._units: tuple[Unit, ...] = tuple(units)
        by_key: dict[tuple[UnitLevel, str], Unit] = {}
        for unit in self._units:
            if (unit.level, unit.code) in by_key:
                raise ValueError(f"mã trùng / duplicate code {unit.level} {unit.code}")
            by_key[(unit.level, unit.code)] = unit
        self._by_key = MappingProxyType(by_key)
        self._province_names = MappingProxyType(self._index_province_names())

    def _index_province_names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        # Legacy names first so that a 2025 name always wins where both exist.
        for level in (UnitLevel.legacy_province, UnitLevel.province):
            for unit in self.units(level):
                for spelling in (unit.short_name, unit.name, *unit.aliases):
                    names[fold_key(spelling).replace(" ", "")] = unit.province_code
        return names

    def unit(self, level: UnitLevel, code: str) -> Unit | None:
        return self._by_key.get((level, code))

    def province(self, code: str) -> Unit | None:
        """A 2025 province by code ("01", "79")."""
        return self._by_key.get((UnitLevel.province, code))

    def commune(self, code: str) -> Unit | None:
        """A 2025 commune, ward or special zone by its 5-digit code."""
        return self._by_key.get((UnitLevel.commune, code))

    def units(self, level: UnitLevel) -> list[Unit]:
        return [u for u in self._units if u.level is level]

    def provinces(self) -> list[Unit]:
        """The 34 provinces and centrally-run cities of 2025, by code."""
        return sorted(self.units(UnitLevel.province), key=lambda u: u.code)

    def communes(self, province_code: str | None = None) -> list[Unit]:
        """2025 communes, wards and special zones, optionally of one province."""
        return [
            u
            for u in self._units
            if u.level is UnitLevel.commune
            and (province_code is None or u.province_code == province_code)
        ]

    def iter_units(self) -> Iterator[Unit]:
        """Every unit: 2025 provinces and communes, then legacy provinces, districts, communes."""
        return iter(self._units)

    def __len__(self) -> int:
        return len(self._units)

    def province_name(self, code: str) -> str:
        """Full name of a 2025 province ("Thành phố Hà Nội"); raises NotFoundError if unknown."""
        unit = self.province(code)
        if unit is None:
            raise NotFoundError(f"Không có tỉnh/thành mã {code!r} (no 2025 province {code!r})")
        return unit.name

    def find_province_by_name(self, name: str) -> Unit | None:
        """The 2025 province a written name refers to, tolerant of prefixes, abbreviations,
        tone-mark placement and missing diacritics ("TP HCM", "Khánh Hoà", "tinh ben tre").

        A pre-2025 province name gives the 2025 province it merged into ("Bình Dương" → TP.HCM).
        """
        folded = fold_key(name)
        for prefix in _PROVINCE_PREFIXES:
            if folded.startswith(prefix) and folded[len(prefix) :].replace(" ", "") in (
                self._province_names
            ):
                folded = folded[len(prefix) :]
                break
        code = self._province_names.get(folded.replace(" ", ""))
        return self.province(code) if code else None

    def predecessors(self, unit: Unit) -> Sequence[Unit]:
        """The pre-2025 units a 2025 unit took over (provinces; communes whose default
        successor it is)."""
        if unit.level is UnitLevel.province:
            wanted = UnitLevel.legacy_province
        elif unit.level is UnitLevel.commune:
            wanted = UnitLevel.legacy_commune
        else:
            return ()
        return [u for u in self.units(wanted) if u.successor_code == unit.code]


@cache
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, read from the package data on first use."""
    return Gazetteer(build_units(read_package_data()))
