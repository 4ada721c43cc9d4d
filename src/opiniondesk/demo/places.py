"""The demo's fixed set of ~60 real communes and the ways people write their names.

Names come from the registry package's own data file (vietnamadminunits/data), read with
sqlite3 and json at generation time; no network function of that package is ever called.
The set does not depend on the seed: planted issues always sit in the same wards.
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class LegacyName:
    """A pre-2025 commune the 2025 commune absorbed (fully or in part)."""

    ward: str  # "Phường Long Thạnh"
    district: str  # "Thị xã Tân Châu"
    province: str  # "An Giang"


@dataclass(frozen=True, slots=True)
class DemoPlace:
    code: str  # 2025 commune code, e.g. "30376"
    name: str  # "Phường Tân Châu"
    short: str  # "Tân Châu"
    unit_type: str  # "Phường", "Xã", "Đặc khu"
    province: str  # "Tỉnh An Giang"
    province_short: str  # "An Giang"
    province_code: str
    legacy: tuple[LegacyName, ...]
    mentions: tuple[str, ...]  # how citizens write it, most common first
    ascii_name: str  # "Tan Chau ward", for the few English items
    weight: float  # relative share of the province's volume


@dataclass(frozen=True, slots=True)
class _Pick:
    key: str  # provinceKey in admin_units
    share: float  # share of all located documents
    colloquial: tuple[str, ...]
    must: tuple[str, ...]  # ward keys always chosen
    quotas: tuple[tuple[str, int], ...]  # (legacy province key, how many communes from it)


_PICKS: tuple[_Pick, ...] = (
    _Pick(
        "thanhphohanoi",
        0.22,
        ("Hà Nội", "HN", "TP Hà Nội"),
        ("phuongcaugiay", "phuonghoankiem"),
        (("thanhphohanoi", 12),),
    ),
    _Pick(
        "thanhphohochiminh",
        0.24,
        ("TP.HCM", "TPHCM", "Sài Gòn", "TP Hồ Chí Minh"),
        ("phuongthudaumot", "phuongchoquan"),
        (("thanhphohochiminh", 7), ("tinhbinhduong", 4), ("tinhbariavungtau", 1)),
    ),
    _Pick(
        "thanhphodanang",
        0.12,
        ("Đà Nẵng", "TP Đà Nẵng", "ĐN"),
        ("phuonghaichau", "phuonghoian"),
        (("thanhphodanang", 5), ("tinhquangnam", 4)),
    ),
    _Pick(
        "tinhangiang",
        0.18,
        ("An Giang", "tỉnh An Giang"),
        ("phuongtanchau", "phuongrachgia", "phuonglongxuyen", "dackhuphuquoc"),
        (("tinhangiang", 5), ("tinhkiengiang", 7)),
    ),
    _Pick(
        "thanhphocantho",
        0.10,
        ("Cần Thơ", "TP Cần Thơ"),
        ("phuongninhkieu",),
        (("thanhphocantho", 3), ("tinhsoctrang", 2), ("tinhhaugiang", 1)),
    ),
    _Pick("tinhnghean", 0.08, ("Nghệ An",), ("phuongvinhphu",), (("tinhnghean", 5),)),
    _Pick("tinhquangninh", 0.06, ("Quảng Ninh", "QN"), ("phuonghalong",), (("tinhquangninh", 4),)),
)

_ABBR = {
    "Phường": "P.",
    "Xã": "X.",
    "Thị trấn": "TT.",
    "Đặc khu": "đặc khu ",
    "Quận": "Q.",
    "Huyện": "H.",
    "Thị xã": "TX.",
    "Thành phố": "TP.",
}


def _dataset_dir() -> Path:
    """The registry package's data folder, found without importing the package."""
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the vietnamadminunits package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


@dataclass(frozen=True, slots=True)
class _Row:
    key: str
    code: str
    name: str
    short: str
    unit_type: str
    province: str
    province_short: str
    province_code: str


def _legacy_map(data: dict[str, Any], prov_key: str) -> dict[str, list[str]]:
    """2025 ward key → legacy keys "province_district_ward" it absorbed."""
    out: dict[str, list[str]] = {
        k: list(v) for k, v in data["DICT_PROVINCE_WARD_NO_DIVIDED"].get(prov_key, {}).items()
    }
    for legacy_key, targets in data["DICT_PROVINCE_WARD_DIVIDED"].get(prov_key, {}).items():
        for target in targets:
            out.setdefault(target["newWardKey"], []).append(legacy_key)
    return out


def _legacy_table(db: sqlite3.Connection) -> dict[str, LegacyName]:
    """Legacy communes by their key "province_district_ward"."""
    rows = db.execute(
        "SELECT provinceKey, districtKey, wardKey, ward, district, provinceShort "
        "FROM admin_units_legacy WHERE ward IS NOT NULL"
    )
    return {f"{p}_{d}_{w}": LegacyName(ward, dist, prov) for p, d, w, ward, dist, prov in rows}


def _choose(rows: list[_Row], legacy: dict[str, list[str]], pick: _Pick) -> list[_Row]:
    chosen = [r for key in pick.must for r in rows if r.key == key]
    for prefix, count in pick.quotas:
        pool = [r for r in rows if (legacy.get(r.key) or [""])[0].startswith(prefix + "_")]
        wanted = count - sum(1 for r in chosen if r in pool)
        step = len(pool) / max(wanted, 1)
        for j in range(max(wanted, 0)):
            start = int(j * step + step / 2)
            # evenly spaced through the pool (ordered by code); skip ones already chosen
            for k in range(len(pool)):
                cand = pool[(start + k) % len(pool)]
                if cand not in chosen:
                    chosen.append(cand)
                    break
    return chosen


def _mentions(
    row: _Row, legacy: tuple[LegacyName, ...], colloquial: tuple[str, ...]
) -> tuple[str, ...]:
    low = row.unit_type.lower()
    out = [
        f"{low} {row.short}",
        f"{low} {row.short}, {colloquial[0]}",
        f"{low} {row.short}, {colloquial[-1]}",
        f"{row.name} ({row.province_short})",
        f"{_ABBR.get(row.unit_type, '')}{row.short}, {colloquial[min(1, len(colloquial) - 1)]}",
        f"{low} {row.short}",
    ]
    for old in legacy[:3]:
        ward_type, _, ward_short = old.ward.partition(" ")
        if old.ward.startswith("Thị trấn"):
            ward_type, ward_short = "Thị trấn", old.ward.removeprefix("Thị trấn ")
        dist_type = next((t for t in _ABBR if old.district.startswith(t + " ")), "")
        dist_short = old.district.removeprefix(dist_type + " ")
        if ward_short.isdigit() and dist_short.isdigit():
            out.append(f"P.{ward_short} Q.{dist_short}")
            out.append(f"phường {ward_short} quận {dist_short}")
        else:
            out.append(f"{ward_type.lower()} {ward_short}, {dist_type.lower()} {dist_short}")
            out.append(
                f"{_ABBR.get(ward_type, '')} {ward_short}, {_ABBR[dist_type]} {dist_short}"
                if dist_type
                else f"{ward_type.lower()} {ward_short}"
            )
        out.append(f"{old.ward}, {old.district}, {old.province}")
        out.append(
            f"{dist_short}, {old.province}" if not dist_short.isdigit() else f"Quận {dist_short}"
        )
    return tuple(out)


NEW_FORMS = 6  # the first mentions use the 2025 name; the rest are pre-2025 names


def _ascii(text: str) -> str:
    from opiniondesk.demo.style import strip_diacritics

    return strip_diacritics(text)


@cache
def demo_places() -> tuple[DemoPlace, ...]:
    """The fixed set of demo communes, in a stable order."""
    converter = json.loads((_dataset_dir() / "converter_2025.json").read_text(encoding="utf-8"))
    db = sqlite3.connect(f"file:{_dataset_dir() / 'dataset.db'}?mode=ro", uri=True)
    try:
        legacy_names = _legacy_table(db)
        places: list[DemoPlace] = []
        for pick in _PICKS:
            rows = [
                _Row(*r)
                for r in db.execute(
                    "SELECT wardKey, wardCode, ward, wardShort, wardType, province, "
                    "provinceShort, provinceCode FROM admin_units WHERE provinceKey = ? "
                    "ORDER BY wardCode",
                    (pick.key,),
                )
            ]
            legacy_keys = _legacy_map(converter, pick.key)
            chosen = _choose(rows, legacy_keys, pick)
            for row in chosen:
                keys = sorted(set(legacy_keys.get(row.key, [])))
                legacy = tuple(legacy_names[k] for k in keys if k in legacy_names)
                weight = 0.6 + (int(row.code) % 7) / 5
                kind_en = {"Phường": "ward", "Xã": "commune"}.get(row.unit_type, "zone")
                places.append(
                    DemoPlace(
                        code=row.code,
                        name=row.name,
                        short=row.short,
                        unit_type=row.unit_type,
                        province=row.province,
                        province_short=row.province_short,
                        province_code=row.province_code,
                        legacy=legacy,
                        mentions=_mentions(row, legacy, pick.colloquial),
                        ascii_name=f"{_ascii(row.short)} {kind_en}, {_ascii(pick.colloquial[0])}",
                        weight=weight * pick.share / len(chosen),
                    )
                )
        return tuple(places)
    finally:
        db.close()


def place_by_key(name: str, province_short: str) -> DemoPlace:
    """The demo place with this 2025 name ("Phường Tân Châu") in this province."""
    for place in demo_places():
        if place.name == name and place.province_short == province_short:
            return place
    raise KeyError(f"{name}, {province_short} is not a demo place")
