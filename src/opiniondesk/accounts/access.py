"""The one place that decides who may do what where: role × action × unit.

Every web route declares its action with `require(Action.X)`; a route without one fails the
access-matrix test. Add an action here together with its row in the test's expected grid
(tests/accounts/test_access_matrix.py): a permission change always takes two edits.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from starlette.exceptions import HTTPException

from opiniondesk.accounts.principal import Grant, Principal, UnitScope
from opiniondesk.accounts.roles import Role
from opiniondesk.accounts.units import province_of
from opiniondesk.web.i18n import Translator
from opiniondesk.web.language import request_language


class Action(StrEnum):
    public = "public"  # anyone, signed in or not (login page, health check)
    signed_in = "signed_in"  # anyone signed in, whatever the role (own account, logout)
    dashboard_view = "dashboard.view"
    documents_view = "documents.view"
    labels_correct = "labels.correct"
    alerts_view = "alerts.view"
    cases_view = "cases.view"  # agency responders: further limited to their agency's cases
    cases_open = "cases.open"
    cases_manage = "cases.manage"  # assign, grant an extension, escalate, close
    cases_respond = "cases.respond"  # answer, ask for an extension
    cases_approve = "cases.approve"  # approve an answer for publication
    field_reports_submit = "field_reports.submit"
    field_reports_view = "field_reports.view"
    # invite collaborators, edit their profiles and units, see per-collaborator activity
    collaborators_supervise = "collaborators.supervise"
    surveys_manage = "surveys.manage"  # open and close a survey's public link
    dialogue_manage = "dialogue.manage"  # sessions, moderation, run of show, minutes
    consultations_manage = "consultations.manage"  # statements, moderation, open/close
    reports_create = "reports.create"
    agencies_manage = "agencies.manage"
    users_manage = "users.manage"
    audit_view = "audit.view"


A, L, N, C, G = Role.admin, Role.leader, Role.analyst, Role.collaborator, Role.agency

PERMISSIONS: dict[Action, frozenset[Role]] = {
    Action.dashboard_view: frozenset({A, L, N}),
    Action.documents_view: frozenset({L, N}),
    Action.labels_correct: frozenset({N}),
    Action.alerts_view: frozenset({L, N}),
    Action.cases_view: frozenset({L, N, G}),
    Action.cases_open: frozenset({L, N}),
    Action.cases_manage: frozenset({L, N}),
    Action.cases_respond: frozenset({G}),
    Action.cases_approve: frozenset({L}),
    Action.field_reports_submit: frozenset({C}),
    Action.field_reports_view: frozenset({L, N}),
    Action.collaborators_supervise: frozenset({A, L}),
    Action.surveys_manage: frozenset({L, N}),
    Action.dialogue_manage: frozenset({L, N}),
    Action.consultations_manage: frozenset({L, N}),
    Action.reports_create: frozenset({L, N}),
    Action.agencies_manage: frozenset({A}),
    Action.users_manage: frozenset({A}),
    Action.audit_view: frozenset({A}),
}

# Actions over the whole desk rather than a unit's data: only a national grant covers them
# (a provincial admin must not read the country's audit log or make a national user).
DESK_WIDE: frozenset[Action] = frozenset(
    {Action.users_manage, Action.audit_view, Action.agencies_manage}
)


def can(principal: Principal | None, action: Action, unit_code: str | None = None) -> bool:
    """May `principal` do `action` at `unit_code` ("VN", a province or a commune code)?

    Without `unit_code` the question is "at any of their units": the right test for opening a
    page whose rows are then filtered with `scope_for`.
    """
    if action is Action.public:
        return True
    if principal is None:
        return False
    if action is Action.signed_in:
        return True
    roles = PERMISSIONS[action]
    return any(
        grant.role in roles and _covers(grant, action, unit_code) for grant in principal.grants
    )


def _covers(grant: Grant, action: Action, unit_code: str | None) -> bool:
    if action in DESK_WIDE:
        return grant.is_national
    if unit_code is None or grant.is_national or unit_code == grant.unit_code:
        return True
    # a province covers its communes; a commune covers nothing beyond itself
    return grant.is_province and province_of(unit_code) == grant.unit_code


def scope_for(principal: Principal | None, action: Action) -> UnitScope:
    """The units whose rows `principal` may see for `action` (empty when none)."""
    if principal is None or action in (Action.public, Action.signed_in):
        return UnitScope()
    grants = [g for g in principal.grants if g.role in PERMISSIONS[action]]
    if any(grant.is_national for grant in grants):
        return UnitScope(everything=True)
    communes = [g for g in grants if not g.is_province]
    return UnitScope(
        provinces=frozenset(g.unit_code for g in grants if g.is_province),
        communes=frozenset(g.unit_code for g in communes),
        commune_provinces=frozenset(g.province_code for g in communes),
    )


class Require:
    """The dependency behind `require(action)`: identifies the caller and refuses politely."""

    def __init__(self, action: Action) -> None:
        self.action = action

    def __repr__(self) -> str:
        return f"require({self.action.value!r})"

    def __call__(self, request: Request) -> Principal | None:
        from opiniondesk.accounts.identity import principal_of  # needs the database layer

        principal = principal_of(request)
        if self.action is Action.public:
            return principal
        t = Translator(request_language(request, request.app.state.settings.language))
        if principal is None:
            raise _not_signed_in(request, t)
        if not can(principal, self.action):
            raise HTTPException(403, t("access_forbidden", action=self.action.value))
        return principal


def _not_signed_in(request: Request, t: Translator) -> HTTPException:
    path = request.url.path
    if path.startswith("/api/"):
        return HTTPException(401, t("access_token_required"), {"WWW-Authenticate": "Bearer"})
    if request.method in ("GET", "HEAD"):
        target = path + (f"?{request.url.query}" if request.url.query else "")
        return HTTPException(303, t("access_sign_in"), {"Location": login_url(target)})
    return HTTPException(401, t("access_sign_in"))


def login_url(next_path: str) -> str:
    return "/login" if next_path in ("", "/") else f"/login?next={quote(next_path, safe='/')}"


def require(action: Action) -> Any:
    """`user: Annotated[Principal, require(Action.X)]`, or `dependencies=[require(...)]`."""
    return Depends(Require(action))


def declared_actions(route: Any) -> list[Action]:
    """The actions a route declares through `require`, found in its dependency tree."""
    found: list[Action] = []
    dependant = getattr(route, "dependant", None)
    stack = list(dependant.dependencies) if dependant is not None else []
    while stack:
        dependant = stack.pop()
        if isinstance(dependant.call, Require):
            found.append(dependant.call.action)
        stack.extend(dependant.dependencies)
    return found


@dataclass(frozen=True, slots=True)
class RouteAccess:
    """One endpoint as the access and CSRF tests see it."""

    path: str
    methods: frozenset[str]
    actions: tuple[Action, ...]


def route_access(app: FastAPI) -> list[RouteAccess]:
    """Every endpoint of `app`, included routers too, with the actions it declares. Mounts
    (static files) and the OpenAPI document have no dependencies and are left out."""
    try:  # newer FastAPI keeps included routers as branches; this walks them with their context
        from fastapi.routing import iter_route_contexts

        candidates: list[Any] = list(iter_route_contexts(app.routes))
    except ImportError:  # older FastAPI copies every route onto the app
        candidates = list(app.routes)
    found = []
    for candidate in candidates:
        if getattr(candidate, "dependant", None) is None:
            continue
        found.append(
            RouteAccess(
                path=str(candidate.path),
                methods=frozenset(candidate.methods or ()),
                actions=tuple(declared_actions(candidate)),
            )
        )
    return found


CurrentUser = Annotated[Principal, require(Action.signed_in)]
