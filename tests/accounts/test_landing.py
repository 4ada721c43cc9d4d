"""After signing in without a requested page, each person lands on a page they may open."""

from __future__ import annotations

from opiniondesk.accounts.principal import Grant, Principal
from opiniondesk.accounts.roles import Role
from opiniondesk.web.routes.auth import landing_page


def _person(role: Role) -> Principal:
    return Principal(
        1, "x", (Grant(role, "01", "01", agency_id=7 if role is Role.agency else None),)
    )


def test_each_role_lands_where_it_may_go():
    assert landing_page(_person(Role.analyst)) == "/"
    assert landing_page(_person(Role.leader)) == "/"
    assert landing_page(_person(Role.agency)) == "/cases"
    assert landing_page(_person(Role.collaborator)) == "/field-reports/new"
