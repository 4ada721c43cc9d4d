"""Who is asking: the signed-in user with their role grants, as every access check sees them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from opiniondesk.accounts.roles import Role
from opiniondesk.accounts.units import NATIONAL


class AuthMethod(StrEnum):
    session = "session"  # browser cookie (writes need a CSRF token)
    token = "token"  # Authorization: Bearer (API only)
    system = "system"  # the command line or a background task


@dataclass(frozen=True, slots=True)
class Grant:
    """One role at one unit; `province_code` is '' for the country, the province itself for a
    province, and the commune's province for a commune."""

    role: Role
    unit_code: str
    province_code: str
    agency_id: int | None = None

    @property
    def is_national(self) -> bool:
        return self.unit_code == NATIONAL

    @property
    def is_province(self) -> bool:
        return not self.is_national and self.unit_code == self.province_code


@dataclass(frozen=True, slots=True)
class Principal:
    """A signed-in user as a value: built once per request, never lazily loaded."""

    user_id: int
    username: str
    grants: tuple[Grant, ...]
    method: AuthMethod = AuthMethod.session

    @property
    def roles(self) -> frozenset[Role]:
        return frozenset(grant.role for grant in self.grants)

    def may(self, action: str) -> bool:
        """`access.can` for templates: `{% if viewer.may("users.manage") %}`."""
        from opiniondesk.accounts.access import Action, can  # access builds on this module

        return can(self, Action(action))

    def agency_ids(self) -> frozenset[int]:
        """The agencies this person answers for (their `agency` grants)."""
        return frozenset(
            grant.agency_id
            for grant in self.grants
            if grant.role is Role.agency and grant.agency_id is not None
        )


@dataclass(frozen=True, slots=True)
class UnitScope:
    """The units whose rows someone may see for one action: everything, or some provinces
    (with all their communes) and some single communes. Rows carry both codes, so this needs
    no gazetteer: a row is visible when its province or its commune is granted."""

    everything: bool = False
    provinces: frozenset[str] = frozenset()
    communes: frozenset[str] = frozenset()
    commune_provinces: frozenset[str] = frozenset()  # provinces holding the granted communes

    @property
    def is_empty(self) -> bool:
        return not (self.everything or self.provinces or self.communes)

    def allows(self, province_code: str, commune_code: str = "") -> bool:
        """May a row placed at (province, commune) be seen?"""
        if self.everything or province_code in self.provinces:
            return True
        return commune_code != "" and commune_code in self.communes

    def touches_province(self, province_code: str) -> bool:
        """Does the scope see anything in this province (all of it, or some communes)?"""
        return (
            self.everything
            or province_code in self.provinces
            or province_code in self.commune_provinces
        )

    def visible_provinces(self) -> frozenset[str] | None:
        """Provinces with something visible; None means every province."""
        return None if self.everything else self.provinces | self.commune_provinces
