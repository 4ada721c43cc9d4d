"""Administration pages: users (list, create, disable, enable) and the audit log."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session

from opiniondesk.accounts import repository as repo
from opiniondesk.accounts import service
from opiniondesk.accounts.access import Action, require
from opiniondesk.accounts.labels import VIETNAM, format_moment, grant_label, role_name
from opiniondesk.accounts.models import AuditEvent
from opiniondesk.accounts.passwords import MIN_LENGTH
from opiniondesk.accounts.principal import Grant, Principal
from opiniondesk.accounts.roles import Role, parse_role
from opiniondesk.errors import DeskError, InputError, NotFoundError
from opiniondesk.storage.base import utcnow
from opiniondesk.web.deps import SessionDep, TemplatesDep, TranslatorDep
from opiniondesk.web.i18n import Translator

router = APIRouter(prefix="/admin")

UserManager = Annotated[Principal, require(Action.users_manage)]
AuditReader = Annotated[Principal, require(Action.audit_view)]
ShortField = Annotated[str, Form(max_length=400)]
SecretField = Annotated[str, Form(max_length=2048)]

PAGE_SIZE = 50
MAX_PAGE = 10_000
_ACTION = re.compile(r"^[a-z0-9_.\-]{1,64}$")
_OBJECT_TYPE = re.compile(r"^[a-z0-9_\-]{1,40}$")


# ---- users ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class UserForm:
    """What was typed into the create form, shown back when it is refused (never passwords)."""

    username: str = ""
    role: str = Role.analyst.value
    units: str = ""


def _users_page(
    request: Request,
    admin: Principal,
    session: Session,
    templates: Jinja2Templates,
    t: Translator,
    *,
    status: int = 200,
    message: str | None = None,
    notice: str | None = None,
    form: UserForm | None = None,
) -> Response:
    rows = [
        {
            "id": user.id,
            "username": user.username,
            "disabled": user.disabled,
            "created": format_moment(user.created_at)[:10],
            "grants": [
                grant_label(Grant(Role(m.role), m.unit_code, m.province_code, m.agency_id), t)
                for m in user.memberships
            ],
        }
        for user in repo.users_with_memberships(session)
    ]
    context = {
        "t": t,
        "lang": t.language,
        "users": rows,
        "viewer_id": admin.user_id,  # no "disable" button on one's own row
        "roles": [(role.value, role_name(role, t)) for role in Role],
        "min_length": MIN_LENGTH,
        "form": form or UserForm(),
        "message": message,
        "notice": notice,
    }
    return templates.TemplateResponse(request, "admin/users.html", context, status_code=status)


@router.get("/users", response_class=HTMLResponse)
def users_page(
    request: Request,
    admin: UserManager,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    notice = None
    params = request.query_params
    if params.get("created"):
        notice = t("users_created", username=params["created"][:64])
    elif params.get("disabled"):
        notice = t("users_disabled_done", username=params["disabled"][:64])
    elif params.get("enabled"):
        notice = t("users_enabled_done", username=params["enabled"][:64])
    return _users_page(request, admin, session, templates, t, notice=notice)


@router.post("/users", response_class=HTMLResponse)
def create_user(
    request: Request,
    admin: UserManager,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
    username: ShortField = "",
    role: ShortField = "",
    units: ShortField = "",
    password: SecretField = "",
    confirm: SecretField = "",
) -> Response:
    form = UserForm(username=username[:64], role=role[:24], units=units[:400])
    try:
        if password != confirm:
            raise InputError(t("password_mismatch"))
        chosen = parse_role(role)
        if chosen is None:
            raise InputError(t("invalid_filter_value", field="role"))
        codes = units.replace(",", " ").split()
        if not codes:
            raise InputError(t("users_units_required"))
        user = service.create_user(
            session,
            username=username,
            password=password,
            grants=[service.GrantRequest(chosen, code) for code in codes],
            actor=admin,
            request=request,
        )
    except DeskError as error:
        session.rollback()  # nothing half-made stays behind
        return _users_page(
            request,
            admin,
            session,
            templates,
            t,
            status=error.status,
            message=error.message,
            form=form,
        )
    return RedirectResponse(
        "/admin/users?" + urlencode({"created": user.username}), status_code=303
    )


def _set_disabled(
    request: Request, session: Session, admin: Principal, user_id: int, disabled: bool
) -> Response:
    user = repo.user_by_id(session, user_id)
    if user is None:
        raise NotFoundError(f"Không có người dùng #{user_id}. / No user #{user_id}.")
    service.set_disabled(
        session, user=user, disabled=disabled, now=utcnow(), actor=admin, request=request
    )
    key = "disabled" if disabled else "enabled"
    return RedirectResponse("/admin/users?" + urlencode({key: user.username}), status_code=303)


@router.post("/users/{user_id}/disable")
def disable_user(
    request: Request, user_id: int, admin: UserManager, session: SessionDep
) -> Response:
    return _set_disabled(request, session, admin, user_id, True)


@router.post("/users/{user_id}/enable")
def enable_user(
    request: Request, user_id: int, admin: UserManager, session: SessionDep
) -> Response:
    return _set_disabled(request, session, admin, user_id, False)


# ---- audit log ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AuditForm:
    actor: str = ""
    object_type: str = ""
    date_from: str = ""
    date_to: str = ""


def _parse_audit_query(
    session: Session, params: Any, t: Translator
) -> tuple[repo.AuditQuery, AuditForm, int]:
    """Filters and page from the query string; InputError names the bad field."""
    action = params.get("action") or None
    if action is not None and not _ACTION.match(action):
        raise InputError(t("invalid_filter_value", field="action"))
    object_type = params.get("object_type") or None
    if object_type is not None and not _OBJECT_TYPE.match(object_type):
        raise InputError(t("invalid_filter_value", field="object_type"))
    actor_name = (params.get("actor") or "").strip()[:64]
    actor_id = None
    if actor_name:
        user = repo.user_by_username(session, actor_name.lower())
        if user is None:
            raise InputError(t("audit_unknown_actor", value=actor_name), status=404)
        actor_id = user.id
    since = _day_start(params.get("from"), "from", t)
    until = _day_start(params.get("to"), "to", t)
    try:
        page = min(MAX_PAGE, max(1, int(params.get("page") or 1)))
    except ValueError:
        raise InputError(t("invalid_filter_value", field="page")) from None
    form = AuditForm(
        actor=actor_name,
        object_type=object_type or "",
        date_from=since.date().isoformat() if since else "",
        date_to=until.date().isoformat() if until else "",
    )
    query = repo.AuditQuery(
        action=action,
        object_type=object_type,
        actor_id=actor_id,
        since=since,
        until=until + timedelta(days=1) if until else None,  # "to" includes that whole day
    )
    return query, form, page


def _day_start(value: str | None, field: str, t: Translator) -> datetime | None:
    """Midnight of a YYYY-MM-DD day in Vietnam time."""
    if not value:
        return None
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(t("invalid_date", value=value[:40])) from None
    return datetime.combine(day, time(), tzinfo=VIETNAM)


def _event_row(event: AuditEvent, names: dict[int, str], t: Translator) -> dict[str, str]:
    actor = names.get(event.actor_id, f"#{event.actor_id}") if event.actor_id else None
    return {
        "at": format_moment(event.at),
        "actor": actor or t("audit_actor_system"),
        "action": event.action,
        "object": f"{event.object_type} #{event.object_id}"
        if event.object_id
        else event.object_type,
        "ip": event.ip or "—",
        "user_agent": (event.user_agent or "")[:120],
        "details": "; ".join(
            f"{key}={_shown(value)}" for key, value in (event.details or {}).items()
        ),
    }


def _shown(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return "—" if value is None else str(value)


def _page_link(params: Any, page: int) -> str:
    kept = {key: value for key, value in params.items() if key != "page" and value}
    return "/admin/audit?" + urlencode({**kept, "page": page})


@router.get("/audit", response_class=HTMLResponse)
def audit_page(
    request: Request,
    _admin: AuditReader,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    params = request.query_params
    message = None
    try:
        query, form, page = _parse_audit_query(session, params, t)
    except DeskError as error:
        message = error.message
        query, form, page = repo.AuditQuery(), AuditForm(), 1
        status = error.status
    else:
        status = 200
    total = 0 if message else repo.count_audit_events(session, query)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    page = min(page, pages)
    events = (
        []
        if message
        else repo.audit_events(session, query, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    )
    names = repo.usernames_by_id(session, [e.actor_id for e in events if e.actor_id])
    context = {
        "t": t,
        "lang": t.language,
        "actions": repo.audit_actions(session),
        "query": query,
        "form": form,
        "events": [_event_row(event, names, t) for event in events],
        "page": page,
        "pages": pages,
        "total": total,
        "message": message,
        "newer_link": _page_link(params, page - 1) if page > 1 else None,
        "older_link": _page_link(params, page + 1) if page < pages else None,
    }
    return templates.TemplateResponse(request, "admin/audit.html", context, status_code=status)
