"""One administrative unit, 2025 or pre-2025, as the rest of the desk sees it."""

from __future__ import annotations

from dataclasses import dataclass

from opiniondesk.storage.models import UnitLevel

LEGACY_LEVELS = frozenset(
    {UnitLevel.legacy_province, UnitLevel.legacy_district, UnitLevel.legacy_commune}
)


@dataclass(frozen=True, slots=True)
class Unit:
    """A province, commune/ward/special zone (2025) or a legacy province, district or commune.

    `province_code` is always the 2025 province the unit rolls up to. `successor_code` is, for
    a legacy commune, the 2025 commune that took it over (the default one when it was split);
    for a legacy province, the 2025 province. `legacy_province_code` is set on legacy units.
    Codes are only unique within a level: legacy and 2025 units share code spaces.
    """

    code: str
    level: UnitLevel
    name: str  # "Xã Tân Lập", "Thành phố Hà Nội"
    short_name: str  # "Tân Lập", "Hà Nội"
    unit_type: str  # Xã, Phường, Đặc khu, Thị trấn, Tỉnh, Thành phố, Quận, Huyện, Thị xã
    parent_code: str | None
    province_code: str
    successor_code: str | None
    lat: float | None
    lon: float | None
    aliases: tuple[str, ...]  # no-diacritic spelling, older names, common nicknames
    legacy_province_code: str | None = None

    @property
    def is_legacy(self) -> bool:
        return self.level in LEGACY_LEVELS

    @property
    def commune_code(self) -> str:
        """The 2025 commune this unit stands for, or "" when it is larger than a commune."""
        if self.level is UnitLevel.commune:
            return self.code
        if self.level in (UnitLevel.legacy_commune, UnitLevel.legacy_district):
            return self.successor_code or ""
        return ""

    @property
    def label(self) -> str:
        """The full name, marked "(cũ)" (former) for pre-2025 units."""
        return f"{self.name} (cũ)" if self.is_legacy else self.name
