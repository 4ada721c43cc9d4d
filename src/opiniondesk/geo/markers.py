"""Unit-type words written before a name: "xã", "P.", "Q.1", "TP", "thị xã", "đặc khu".

A marker says what kind of unit follows, which both filters the candidates and makes a bare
common word ("Hòa Bình", "Tân Tiến") count as a place.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from opiniondesk.storage.models import UnitLevel


class MarkerKind(StrEnum):
    province = "province"  # tỉnh
    city = "city"  # thành phố: a province-level city or a former provincial city
    district = "district"  # quận, huyện, thị xã (all gone since 2025)
    commune = "commune"  # xã, phường, thị trấn, đặc khu


COMPATIBLE_LEVELS: dict[MarkerKind, frozenset[UnitLevel]] = {
    MarkerKind.province: frozenset({UnitLevel.province, UnitLevel.legacy_province}),
    MarkerKind.city: frozenset(
        {UnitLevel.province, UnitLevel.legacy_province, UnitLevel.legacy_district}
    ),
    MarkerKind.district: frozenset({UnitLevel.legacy_district}),
    MarkerKind.commune: frozenset({UnitLevel.commune, UnitLevel.legacy_commune}),
}


@dataclass(frozen=True, slots=True)
class Marker:
    kind: MarkerKind
    unit_type: str  # the type it names exactly, preferred among compatible ones
    accented: tuple[str, ...] | None  # the diacritics a written marker must agree with
    # One-letter abbreviations (Q, P, H, X) count only in capitals, before a dot or a number.
    needs_signal: bool = False


# Keyed by folded tokens; two-word markers are looked up before one-word ones.
MARKERS: dict[tuple[str, ...], Marker] = {
    ("tinh",): Marker(MarkerKind.province, "Tỉnh", ("tỉnh",)),
    ("thanh", "pho"): Marker(MarkerKind.city, "Thành phố", ("thành", "phố")),
    ("tp",): Marker(MarkerKind.city, "Thành phố", None),
    ("quan",): Marker(MarkerKind.district, "Quận", ("quận",)),
    ("q",): Marker(MarkerKind.district, "Quận", None, needs_signal=True),
    ("huyen",): Marker(MarkerKind.district, "Huyện", ("huyện",)),
    ("h",): Marker(MarkerKind.district, "Huyện", None, needs_signal=True),
    ("thi", "xa"): Marker(MarkerKind.district, "Thị xã", ("thị", "xã")),
    ("tx",): Marker(MarkerKind.district, "Thị xã", None),
    ("xa",): Marker(MarkerKind.commune, "Xã", ("xã",)),
    ("x",): Marker(MarkerKind.commune, "Xã", None, needs_signal=True),
    ("phuong",): Marker(MarkerKind.commune, "Phường", ("phường",)),
    ("p",): Marker(MarkerKind.commune, "Phường", None, needs_signal=True),
    ("thi", "tran"): Marker(MarkerKind.commune, "Thị trấn", ("thị", "trấn")),
    ("tt",): Marker(MarkerKind.commune, "Thị trấn", None),
    ("dac", "khu"): Marker(MarkerKind.commune, "Đặc khu", ("đặc", "khu")),
}

MARKER_STARTS = frozenset(k[0] for k in MARKERS)
