"""Short Vietnamese explanations of a place resolution, for the annotation it produces."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from opiniondesk.geo.gazetteer import Gazetteer
from opiniondesk.geo.unit import Unit
from opiniondesk.storage.models import UnitLevel

NOTHING_FOUND = "Không nhận ra địa danh nào (no place recognised)."
_MAX_REMEMBERED = 20_000


def mention_label(unit: Unit) -> str:
    """ "huyện Châu Thành (cũ)", "xã An Hòa", "Kiên Giang (cũ)"."""
    if unit.level in (UnitLevel.province, UnitLevel.legacy_province):
        label = unit.short_name
    elif unit.short_name.startswith(unit.unit_type):  # "Quận 1", "Phường 3"
        label = unit.unit_type.lower() + unit.short_name[len(unit.unit_type) :]
    else:
        label = f"{unit.unit_type.lower()} {unit.short_name}"
    return f"{label} (cũ)" if unit.is_legacy else label


def target_label(gazetteer: Gazetteer, province_code: str, commune_code: str) -> str:
    """ "Xã An Hòa, Tỉnh An Giang" or "Tỉnh An Giang"."""
    province = gazetteer.province_name(province_code)
    commune = gazetteer.commune(commune_code) if commune_code else None
    return f"{commune.name}, {province}" if commune else province


class Explained(Protocol):
    """What an explanation needs of a match (a `PlaceMatch`)."""

    @property
    def unit(self) -> Unit: ...
    @property
    def surface(self) -> str: ...
    @property
    def from_hint(self) -> bool: ...
    @property
    def by_alias(self) -> bool: ...


def explain_place(
    gazetteer: Gazetteer, matches: Sequence[Explained], province_code: str, commune_code: str
) -> str:
    """ "huyện Châu Thành (cũ) + xã An Hòa (cũ) → Xã Bình Hòa, Tỉnh An Giang"."""
    labels = " + ".join(dict.fromkeys(_label(m) for m in matches))
    prefix = "trường địa điểm: " if any(m.from_hint for m in matches) else ""
    return f"{prefix}{labels} → {target_label(gazetteer, province_code, commune_code)}"


def _label(match: Explained) -> str:
    # An older name is shown as written: the current name alone would not say what was read.
    return f"{match.surface} (cũ)" if match.by_alias else mention_label(match.unit)


class Explainer:
    """`explain_place` with the labels of units and targets remembered: a stream names the
    same places over and over, and the labels are most of the work."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        # by id (hashing a unit hashes all its fields), the unit kept to check it is the same
        self._units: dict[int, tuple[Unit, str]] = {}
        self._targets: dict[tuple[str, str], str] = {}
        self._others: dict[tuple[str, ...], str] = {}

    def explain(
        self,
        matches: Sequence[Explained],
        province_code: str,
        commune_code: str,
        also: tuple[str, ...] = (),
    ) -> str:
        """`explain_place`, then the other provinces `also` named ("; cũng nhắc đến: …")."""
        labels = [_label(m) if m.by_alias else self.unit_label(m.unit) for m in matches]
        from_hint = any(m.from_hint for m in matches)
        return self.compose(labels, from_hint, province_code, commune_code, also)

    def compose(
        self,
        labels: Sequence[str],
        from_hint: bool,
        province_code: str,
        commune_code: str,
        also: tuple[str, ...] = (),
    ) -> str:
        """`explain` from the matches' labels, and whether one of them came from the hint."""
        prefix = "trường địa điểm: " if from_hint else ""
        target = self._targets.get((province_code, commune_code))
        if target is None:
            target = target_label(self.gazetteer, province_code, commune_code)
            self._targets[(province_code, commune_code)] = target
        text = f"{prefix}{' + '.join(dict.fromkeys(labels))} → {target}"
        if also:
            names = self._others.get(also)
            if names is None:
                names = ", ".join(self.gazetteer.province_name(code) for code in also)
                if len(self._others) < _MAX_REMEMBERED:
                    self._others[also] = names
            text += f"; cũng nhắc đến: {names}"
        return text

    def unit_label(self, unit: Unit) -> str:
        """`mention_label`, remembered."""
        known = self._units.get(id(unit))
        if known is not None and known[0] is unit:
            return known[1]
        label = mention_label(unit)
        if len(self._units) < _MAX_REMEMBERED:
            self._units[id(unit)] = (unit, label)
        return label
