"""Who may see and change which case. Leaders and analysts work on the cases of their units;
an agency responder sees and answers only the cases assigned to their agency, wherever the
case is. `principal is None` is the command line or a background job, which is trusted."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, true

from opiniondesk.accounts.access import Action, can, scope_for
from opiniondesk.accounts.principal import Principal, UnitScope
from opiniondesk.accounts.roles import Role
from opiniondesk.cases import repository as repo
from opiniondesk.cases.models import Case
from opiniondesk.cases.state import CaseState, CaseStatus
from opiniondesk.errors import DeskError, NotFoundError


class CaseForbidden(DeskError):
    status = 403


def _without_agency_grants(principal: Principal) -> Principal:
    """The same person without their agency grants: those give cases by agency, not by unit."""
    grants = tuple(g for g in principal.grants if g.role is not Role.agency)
    return Principal(principal.user_id, principal.username, grants, principal.method)


def unit_scope(principal: Principal) -> UnitScope:
    return scope_for(_without_agency_grants(principal), Action.cases_view)


def visible(principal: Principal | None) -> ColumnElement[bool]:
    """SQL: the cases `principal` may see."""
    if principal is None:
        return true()
    return repo.visibility(unit_scope(principal), principal.agency_ids())


def may_view(principal: Principal | None, case: Case, state: CaseState) -> bool:
    if principal is None:
        return True
    if unit_scope(principal).allows(case.province_code, case.unit_code):
        return True
    return any(a.agency_id in principal.agency_ids() for a in state.assignments)


def check_view(principal: Principal | None, case: Case, state: CaseState) -> None:
    """A case someone may not see does not exist for them (404, not 403: no probing)."""
    if not may_view(principal, case, state):
        raise NotFoundError(f"Không có vấn đề #{case.id}. / No case #{case.id}.")


def check(principal: Principal | None, action: Action, case: Case) -> None:
    """May `principal` do `action` (cases.manage, cases.approve, …) on this case's unit?"""
    if principal is None or can(principal, action, case.unit_code):
        return
    raise CaseForbidden(
        f"Bạn không có quyền “{action.value}” với vấn đề #{case.id} ở đơn vị {case.unit_code}. "
        f"/ You may not do “{action.value}” on case #{case.id} in unit {case.unit_code}."
    )


def check_responder(principal: Principal | None, agency_id: int, case: Case) -> None:
    """Only a responder of the agency itself answers or asks for more time."""
    if principal is None or agency_id in principal.agency_ids():
        return
    raise CaseForbidden(
        f"Chỉ cán bộ của cơ quan #{agency_id} mới trả lời được vấn đề #{case.id} thay cơ quan "
        f"đó. / Only a responder of agency #{agency_id} can answer case #{case.id} for it."
    )


def check_open(principal: Principal | None, unit_code: str) -> None:
    if principal is None or can(principal, Action.cases_open, unit_code):
        return
    raise CaseForbidden(
        f"Bạn không có quyền mở vấn đề ở đơn vị {unit_code}. / You may not open cases in unit "
        f"{unit_code}."
    )


def steps(
    viewer: Principal,
    case: Case,
    state: CaseState,
    names: dict[int, str],
    active: list[tuple[int, str]],
) -> dict[str, Any]:
    """Which forms this person sees on this case, given their roles and the case's state."""
    manage = can(viewer, Action.cases_manage, case.unit_code)
    approve = can(viewer, Action.cases_approve, case.unit_code)
    assigned = {a.agency_id for a in state.assignments}
    mine = [
        a
        for a in state.open_assignments()
        if a.agency_id in viewer.agency_ids() and can(viewer, Action.cases_respond)
    ]
    answered = [a for a in state.assignments if a.answered]
    return {
        "assign": manage and state.accepts_answers,
        "assign_choices": [
            (agency_id, name, agency_id in state.proposed_agency_ids)
            for agency_id, name in active
            if agency_id not in assigned
        ],
        "grant": [
            (a.agency_id, names.get(a.agency_id, ""))
            for a in state.open_assignments()
            if manage and a.pending_extension
        ],
        "respond": [
            (a.agency_id, names.get(a.agency_id, ""), a.pending_extension is None) for a in mine
        ],
        "approve": approve and state.accepts_answers and bool(answered),
        "approve_choices": [(a.agency_id, names.get(a.agency_id, "")) for a in answered],
        "publish": approve and state.status is CaseStatus.approved,
        "close": manage and state.status is not CaseStatus.closed,
    }
