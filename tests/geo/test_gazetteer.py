"""The gazetteer: counts, codes, roll-up to 2025 provinces, successors, name lookups."""

from __future__ import annotations

from collections import Counter

import pytest

from opiniondesk.errors import NotFoundError
from opiniondesk.geo.gazetteer import get_gazetteer
from opiniondesk.storage.models import UnitLevel


def test_counts_match_both_maps() -> None:
    g = get_gazetteer()
    levels = Counter(u.level for u in g.iter_units())
    assert len(g.provinces()) == 34
    assert len(g.communes()) == 3321
    assert levels[UnitLevel.legacy_province] == 63
    assert levels[UnitLevel.legacy_district] == 696
    assert levels[UnitLevel.legacy_commune] == 10035


def test_level_and_code_identify_a_unit() -> None:
    g = get_gazetteer()
    keys = [(u.level, u.code) for u in g.iter_units()]
    assert len(keys) == len(set(keys))
    # "01" is both today's Hà Nội and the former one: the level tells them apart.
    assert g.unit(UnitLevel.province, "01") is not g.unit(UnitLevel.legacy_province, "01")


def test_every_unit_rolls_up_to_a_2025_province() -> None:
    g = get_gazetteer()
    codes = {p.code for p in g.provinces()}
    assert all(u.province_code in codes for u in g.iter_units())


def test_every_former_commune_has_a_2025_successor() -> None:
    g = get_gazetteer()
    for unit in g.units(UnitLevel.legacy_commune):
        successor = g.commune(unit.successor_code or "")
        assert successor is not None, unit
        assert successor.province_code == unit.province_code


def test_provinces_merged_in_2025() -> None:
    g = get_gazetteer()
    assert g.unit(UnitLevel.legacy_province, "91").province_code == "91"  # Kiên Giang → An Giang
    assert g.unit(UnitLevel.legacy_province, "74").province_code == "79"  # Bình Dương → TP.HCM
    assert g.unit(UnitLevel.legacy_province, "49").province_code == "48"  # Quảng Nam → Đà Nẵng
    hcm = g.province("79")
    assert hcm is not None
    assert {p.code for p in g.predecessors(hcm)} == {"74", "77", "79"}


def test_island_districts_became_special_zones() -> None:
    g = get_gazetteer()
    con_dao = g.unit(UnitLevel.legacy_district, "755")
    assert con_dao is not None and con_dao.commune_code
    special_zone = g.commune(con_dao.commune_code)
    assert special_zone is not None and special_zone.unit_type == "Đặc khu"


def test_unit_fields() -> None:
    g = get_gazetteer()
    ba_dinh = g.commune("00004")
    assert ba_dinh is not None
    assert (ba_dinh.name, ba_dinh.short_name, ba_dinh.unit_type) == (
        "Phường Ba Đình",
        "Ba Đình",
        "Phường",
    )
    assert ba_dinh.parent_code == "01" and ba_dinh.lat and ba_dinh.lon
    assert "ba dinh" in ba_dinh.aliases
    # Older names the package keeps are aliases of the former unit, split into syllables.
    truc_bach = g.unit(UnitLevel.legacy_commune, "00004")
    assert truc_bach is not None and "nguyen trung truc" in truc_bach.aliases


def test_duplicate_marks_are_not_part_of_short_names() -> None:
    g = get_gazetteer()
    assert not any("(" in u.short_name for u in g.iter_units())


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("TP HCM", "79"),
        ("TP. Hồ Chí Minh", "79"),
        ("Khánh Hoà", "56"),
        ("TP Cần Thơ", "92"),
        ("thanh hoa", "38"),
        ("Tỉnh Đắk Lắk", "66"),
        ("Đăk Lăk", "66"),
        ("Thừa Thiên Huế", "46"),
        ("Bình Dương", "79"),
        ("Kiên Giang", "91"),
        ("Hà Nội", "01"),
        ("HANOI", "01"),
    ],
)
def test_find_province_by_name(written: str, code: str) -> None:
    province = get_gazetteer().find_province_by_name(written)
    assert province is not None and province.code == code


@pytest.mark.parametrize("written", ["", "Paris", "Tỉnh", "Tân Lập"])
def test_find_province_by_name_refuses_non_provinces(written: str) -> None:
    assert get_gazetteer().find_province_by_name(written) is None


def test_province_name() -> None:
    g = get_gazetteer()
    assert g.province_name("79") == "Thành phố Hồ Chí Minh"
    with pytest.raises(NotFoundError):
        g.province_name("99")
