"""Which administrative unit a membership is scoped to: the whole country, a 2025 province
(which covers its communes) or a 2025 commune, ward or special zone."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from opiniondesk.errors import InputError
from opiniondesk.geo.gazetteer import get_gazetteer

NATIONAL = "VN"  # not an administrative code: the scope "every unit of the country"


class UnitKind(StrEnum):
    country = "country"
    province = "province"
    commune = "commune"


@dataclass(frozen=True, slots=True)
class ScopeUnit:
    """A unit a role is held at. `province_code` is '' for the country."""

    code: str
    kind: UnitKind
    province_code: str
    name: str


def resolve_unit(code: str) -> ScopeUnit:
    """The unit behind `code` ("VN", "01", "00004"); InputError says what is accepted."""
    code = code.strip()
    if code.upper() == NATIONAL:
        return ScopeUnit(NATIONAL, UnitKind.country, "", "Toàn quốc")
    gazetteer = get_gazetteer()
    province = gazetteer.province(code)
    if province is not None:
        return ScopeUnit(code, UnitKind.province, code, province.name)
    commune = gazetteer.commune(code)
    if commune is not None:
        return ScopeUnit(code, UnitKind.commune, commune.province_code, commune.name)
    raise InputError(
        f"Mã đơn vị không có trong danh mục 2025: “{code[:40]}”. Dùng mã tỉnh (2 số, vd. 01), "
        f"mã xã/phường (5 số, vd. 00004) hoặc {NATIONAL} cho toàn quốc. / Unknown 2025 unit "
        f"code “{code[:40]}”: use a province code (2 digits), a commune code (5 digits) or "
        f"{NATIONAL} for the whole country."
    )


def province_of(code: str) -> str | None:
    """The 2025 province a province or commune code belongs to; None when it is unknown."""
    try:
        unit = resolve_unit(code)
    except InputError:
        return None
    return unit.province_code or None


def unit_label(code: str, language: str = "vi") -> str:
    """ "01 · Thành phố Hà Nội" for people; an unknown code is shown as it is."""
    if code == NATIONAL:
        return "Toàn quốc" if language == "vi" else "Whole country"
    try:
        return f"{code} · {resolve_unit(code).name}"
    except InputError:
        return code
