"""The access matrix as a pure function: role × action × (unit held, unit asked about).

The grid below is written out by hand on purpose: it is the specification, and `PERMISSIONS`
in accounts/access.py must equal it. Changing who may do what takes an edit in both places.
"""

from __future__ import annotations

import itertools

import pytest

from opiniondesk.accounts.access import DESK_WIDE, PERMISSIONS, Action, can, scope_for
from opiniondesk.accounts.principal import Grant, Principal, UnitScope
from opiniondesk.accounts.roles import Role
from opiniondesk.accounts.units import resolve_unit

GRID = """
action                 admin  leader  analyst  collaborator  agency
dashboard.view           x      x       x          .           .
documents.view           .      x       x          .           .
labels.correct           .      .       x          .           .
alerts.view              .      x       x          .           .
cases.view               .      x       x          .           x
cases.open               .      x       x          .           .
cases.manage             .      x       x          .           .
cases.respond            .      .       .          .           x
cases.approve            .      x       .          .           .
field_reports.submit     .      .       .          x           .
field_reports.view       .      x       x          .           .
collaborators.supervise  x      x       .          .           .
surveys.manage           .      x       x          .           .
dialogue.manage          .      x       x          .           .
consultations.manage     .      x       x          .           .
reports.create           .      x       x          .           .
agencies.manage          x      .       .          .           .
users.manage             x      .       .          .           .
audit.view               x      .       .          .           .
"""


def _grid() -> dict[Action, frozenset[Role]]:
    lines = [line.split() for line in GRID.strip().splitlines()]
    roles = [Role(name) for name in lines[0][1:]]
    return {
        Action(row[0]): frozenset(
            role for role, mark in zip(roles, row[1:], strict=True) if mark == "x"
        )
        for row in lines[1:]
    }


# Hà Nội (01) with the wards Ba Đình (00004) and Ngọc Hà (00008); Hồ Chí Minh (79) with
# the ward Phú Lợi (25750). "VN" is the whole country.
UNITS_HELD = ["VN", "01", "00004"]
UNITS_ASKED = [None, "01", "00004", "00008", "79", "25750"]
COVERS = {  # (held, asked): does a grant at `held` cover a question about `asked`?
    ("VN", None): True, ("VN", "01"): True, ("VN", "00004"): True, ("VN", "00008"): True,
    ("VN", "79"): True, ("VN", "25750"): True,
    ("01", None): True, ("01", "01"): True, ("01", "00004"): True, ("01", "00008"): True,
    ("01", "79"): False, ("01", "25750"): False,
    ("00004", None): True, ("00004", "01"): False, ("00004", "00004"): True,
    ("00004", "00008"): False, ("00004", "79"): False, ("00004", "25750"): False,
}  # fmt: skip

SCOPED_ACTIONS = [action for action in Action if action not in (Action.public, Action.signed_in)]


def principal(role: Role, unit: str) -> Principal:
    place = resolve_unit(unit)
    return Principal(1, "someone", (Grant(role, place.code, place.province_code),))


def test_permissions_equal_the_written_grid() -> None:
    assert _grid() == PERMISSIONS


def test_every_action_has_a_row() -> None:
    assert set(SCOPED_ACTIONS) == set(_grid())


def test_desk_wide_actions_belong_to_admins_only() -> None:
    assert all(PERMISSIONS[action] == {Role.admin} for action in DESK_WIDE)


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", SCOPED_ACTIONS)
def test_matrix(role: Role, action: Action) -> None:
    """Every role × action × unit held × unit asked about: 5 × 15 × 3 × 6 = 1,350 cells."""
    allowed_role = role in _grid()[action]
    for held, asked in itertools.product(UNITS_HELD, UNITS_ASKED):
        if action in DESK_WIDE:
            expected = allowed_role and held == "VN"
        else:
            expected = allowed_role and COVERS[(held, asked)]
        assert can(principal(role, held), action, asked) is expected, (role, action, held, asked)


class TestSpecialActions:
    def test_public_is_for_everyone(self) -> None:
        assert can(None, Action.public)
        assert can(principal(Role.agency, "00004"), Action.public)

    def test_signed_in_needs_a_principal_only(self) -> None:
        assert not can(None, Action.signed_in)
        for role in Role:
            assert can(principal(role, "00004"), Action.signed_in)

    @pytest.mark.parametrize("action", SCOPED_ACTIONS)
    def test_nobody_is_a_visitor(self, action: Action) -> None:
        assert not can(None, action)
        assert not can(None, action, "01")

    def test_a_user_without_grants_can_do_nothing(self) -> None:
        nobody = Principal(1, "nobody", ())
        assert not any(can(nobody, action) for action in SCOPED_ACTIONS)
        assert scope_for(nobody, Action.dashboard_view).is_empty


class TestSeveralGrants:
    def test_roles_do_not_mix_across_units(self) -> None:
        # a leader in Hà Nội who is an analyst in one HCMC ward may not approve cases there
        someone = Principal(
            1,
            "two-hats",
            (Grant(Role.leader, "01", "01"), Grant(Role.analyst, "25750", "79")),
        )
        assert can(someone, Action.cases_approve, "00004")
        assert not can(someone, Action.cases_approve, "25750")
        assert can(someone, Action.labels_correct, "25750")
        assert not can(someone, Action.labels_correct, "00004")


class TestScope:
    def test_national(self) -> None:
        scope = scope_for(principal(Role.analyst, "VN"), Action.dashboard_view)
        assert scope == UnitScope(everything=True)
        assert scope.visible_provinces() is None

    def test_province_covers_its_communes_rows(self) -> None:
        scope = scope_for(principal(Role.analyst, "01"), Action.dashboard_view)
        assert scope.allows("01", "00004") and scope.allows("01", "")
        assert not scope.allows("79", "25750") and not scope.allows("", "")
        assert scope.visible_provinces() == {"01"}

    def test_commune_sees_only_its_rows(self) -> None:
        scope = scope_for(principal(Role.analyst, "00004"), Action.dashboard_view)
        assert scope.allows("01", "00004")
        assert not scope.allows("01", "00008") and not scope.allows("01", "")
        assert scope.touches_province("01") and not scope.touches_province("79")
        assert scope.visible_provinces() == {"01"}

    def test_role_without_the_action_sees_nothing(self) -> None:
        assert scope_for(principal(Role.collaborator, "VN"), Action.dashboard_view).is_empty
