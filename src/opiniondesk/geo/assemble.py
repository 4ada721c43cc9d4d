"""Turning the package's rows into `Unit`s: codes, parents, roll-up and successors."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from opiniondesk.geo.aliases import CONFUSABLE_PROVINCES, EXTRA_SPELLINGS
from opiniondesk.geo.fold import key as fold_key
from opiniondesk.geo.segment import Segmenter
from opiniondesk.geo.source import PackageData, Row
from opiniondesk.geo.unit import Unit
from opiniondesk.storage.models import UnitLevel

# Prefixes the package glues onto older names. "xa", "quan" and "tinh" also begin real names
# (Quan Hóa), so they are dropped only when the bare name is listed too.
_TYPE_SUFFIX = re.compile(r"\s*\([^)]*\)$")
_SURE_PREFIXES = ("thanhpho", "thixa", "thitran", "phuong", "huyen", "tx", "tp")
_UNSURE_PREFIXES = ("quan", "tinh", "xa")


def _short(name: str) -> str:
    """The package tells apart "Mỹ An (Thị trấn)" and "Mỹ An (Xã)" of one district in the
    short name; the type is already in `unit_type`, and nobody writes it that way."""
    return _TYPE_SUFFIX.sub("", name)


_TYPES = ("Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Phường", "Xã", "Quận", "Huyện", "Tỉnh")


def _unit_type(full_name: str, stated: str | None = None) -> str:
    """The type the full name begins with: the package's type column is wrong for a few rows
    ("Phường 5" of Phú Nhuận is typed "Xã"), the names agree with the official lists."""
    return next((t for t in _TYPES if full_name.startswith(f"{t} ")), stated or "")


def _strip_prefix(name: str, known: set[str]) -> str:
    for prefix in _SURE_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix) + 2:
            return name[len(prefix) :]
    for prefix in _UNSURE_PREFIXES:
        if name.startswith(prefix) and name[len(prefix) :] in known:
            return name[len(prefix) :]
    return name


def _data_aliases(raw: Any) -> list[str]:
    """The package keeps older names as spaceless keys, with and without the type prefix
    (and a few with diacritics)."""
    if not raw:
        return []
    names = [fold_key(n).replace(" ", "") for n in json.loads(raw)]
    known = set(names)
    return list(dict.fromkeys(_strip_prefix(n, known) for n in names))


class _Builder:
    def __init__(self, data: PackageData) -> None:
        self.data = data
        self.segmenter = Segmenter(
            syllable
            for row in (*data.new_rows, *data.legacy_rows)
            for field in ("wardShort", "districtShort", "provinceShort")
            if row.get(field)
            for syllable in fold_key(row[field]).split()
        )
        self.new_province_code = {r["provinceKey"]: r["provinceCode"] for r in data.new_rows}
        self.new_ward_code = {
            (r["provinceKey"], r["wardKey"]): r["wardCode"] for r in data.new_rows
        }
        self.province_of_legacy = {
            old: self.new_province_code[new]
            for new, olds in data.province_merges.items()
            for old in olds
        }
        self.successor = self._successors()

    def _successors(self) -> dict[str, str]:
        """ "oldprov_olddistrict_oldward" → 2025 commune code (the default one if split)."""
        successor: dict[str, str] = {}
        for new_province, wards in self.data.whole_ward_merges.items():
            for new_ward, olds in wards.items():
                for old in olds:
                    successor[old] = self.new_ward_code[(new_province, new_ward)]
        for new_province, divided in self.data.divided_wards.items():
            for old, options in divided.items():
                default = next(o for o in options if o["isDefaultNewWard"])
                successor[old] = self.new_ward_code[(new_province, default["newWardKey"])]
        return successor

    def aliases(
        self, level: UnitLevel, code: str, short_name: str, raw: Any = None
    ) -> tuple[str, ...]:
        plain = fold_key(short_name)
        found = [plain]
        found.extend(self.segmenter.split(a) for a in _data_aliases(raw))
        found.extend(EXTRA_SPELLINGS.get((level, code), ()))
        is_province = level in (UnitLevel.province, UnitLevel.legacy_province)
        if is_province and " " in plain and plain not in CONFUSABLE_PROVINCES:
            found.append(plain.replace(" ", ""))  # "Hanoi", "Danang", "Kontum"
        return tuple(dict.fromkeys(a for a in found if a))

    def new_units(self) -> Iterable[Unit]:
        seen: set[str] = set()
        for r in self.data.new_rows:
            if r["provinceCode"] not in seen:
                seen.add(r["provinceCode"])
                yield self._province(r, UnitLevel.province, r["provinceCode"], None)
            yield Unit(
                code=r["wardCode"],
                level=UnitLevel.commune,
                name=r["ward"],
                short_name=_short(r["wardShort"]),
                unit_type=_unit_type(r["ward"], r["wardType"]),
                parent_code=r["provinceCode"],
                province_code=r["provinceCode"],
                successor_code=None,
                lat=r["wardLat"],
                lon=r["wardLon"],
                aliases=self.aliases(UnitLevel.commune, r["wardCode"], _short(r["wardShort"])),
            )

    def _province(self, r: Row, level: UnitLevel, new_code: str, successor: str | None) -> Unit:
        legacy = level is UnitLevel.legacy_province
        return Unit(
            code=r["provinceCode"],
            level=level,
            name=r["province"],
            short_name=_short(r["provinceShort"]),
            unit_type=_unit_type(r["province"]),
            parent_code=None,
            province_code=new_code,
            successor_code=successor,
            lat=r["provinceLat"],
            lon=r["provinceLon"],
            aliases=self.aliases(
                level, r["provinceCode"], _short(r["provinceShort"]), r.get("provinceAlias")
            ),
            legacy_province_code=r["provinceCode"] if legacy else None,
        )

    def legacy_units(self) -> Iterable[Unit]:
        seen_provinces: set[str] = set()
        seen_districts: set[str] = set()
        for r in self.data.legacy_rows:
            new_code = self.province_of_legacy[r["provinceKey"]]
            old_key = f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey'] or ''}"
            if r["provinceCode"] not in seen_provinces:
                seen_provinces.add(r["provinceCode"])
                yield self._province(r, UnitLevel.legacy_province, new_code, new_code)
            if r["districtCode"] not in seen_districts:
                seen_districts.add(r["districtCode"])
                yield self._district(
                    r, new_code, self.successor.get(old_key) if not r["wardCode"] else None
                )
            if r["wardCode"]:
                yield Unit(
                    code=r["wardCode"],
                    level=UnitLevel.legacy_commune,
                    name=r["ward"],
                    short_name=_short(r["wardShort"]),
                    unit_type=_unit_type(r["ward"], r["wardType"]),
                    parent_code=r["districtCode"],
                    province_code=new_code,
                    successor_code=self.successor[old_key],
                    lat=r["wardLat"],
                    lon=r["wardLon"],
                    aliases=self.aliases(
                        UnitLevel.legacy_commune,
                        r["wardCode"],
                        _short(r["wardShort"]),
                        r["wardAlias"],
                    ),
                    legacy_province_code=r["provinceCode"],
                )

    def _district(self, r: Row, new_code: str, successor: str | None) -> Unit:
        # Five island districts had no communes; each became one special zone (đặc khu).
        return Unit(
            code=r["districtCode"],
            level=UnitLevel.legacy_district,
            name=r["district"],
            short_name=_short(r["districtShort"]),
            unit_type=_unit_type(r["district"], r["districtType"]),
            parent_code=r["provinceCode"],
            province_code=new_code,
            successor_code=successor,
            lat=r["districtLat"],
            lon=r["districtLon"],
            aliases=self.aliases(
                UnitLevel.legacy_district,
                r["districtCode"],
                _short(r["districtShort"]),
                r["districtAlias"],
            ),
            legacy_province_code=r["provinceCode"],
        )


def build_units(data: PackageData) -> list[Unit]:
    """Every 2025 and legacy unit, provinces before their communes."""
    builder = _Builder(data)
    return [*builder.new_units(), *builder.legacy_units()]
