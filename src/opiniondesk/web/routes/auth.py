"""Signing in and out, and one's own account (roles, password)."""

from __future__ import annotations

import math
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from opiniondesk.accounts import repository as repo
from opiniondesk.accounts import service, sessions
from opiniondesk.accounts.access import Action, CurrentUser, can, require
from opiniondesk.accounts.labels import VIETNAM, grant_label
from opiniondesk.accounts.passwords import MIN_LENGTH
from opiniondesk.accounts.principal import Principal
from opiniondesk.errors import DeskError
from opiniondesk.storage.base import utcnow
from opiniondesk.web.deps import SessionDep, SettingsDep, TemplatesDep, TranslatorDep
from opiniondesk.web.i18n import Translator

router = APIRouter()

Visitor = Annotated[Principal | None, require(Action.public)]
ShortField = Annotated[str, Form(max_length=200)]
SecretField = Annotated[str, Form(max_length=2048)]  # the service refuses > 1024 itself


# Where each kind of person starts when the login form did not ask for a page: the first page
# of this list they may open (an agency responder or a collaborator may not read the dashboard).
LANDINGS = (
    (Action.dashboard_view, "/"),
    (Action.cases_respond, "/cases"),
    (Action.field_reports_submit, "/field-reports/new"),
)


def landing_page(person: Principal) -> str:
    return next((path for action, path in LANDINGS if can(person, action)), "/account")


def safe_next(value: str | None) -> str:
    """Where to go after signing in: a path on this site only (no "//host", no scheme)."""
    if (
        not value
        or not value.startswith("/")
        or value.startswith("//")
        or "\\" in value
        or any(ord(ch) < 32 for ch in value)
        or len(value) > 500
    ):
        return "/"
    return value


def _login_page(
    request: Request,
    templates: Jinja2Templates,
    t: Translator,
    *,
    next_path: str,
    status: int = 200,
    message: str | None = None,
    message_other: str | None = None,
    notice: str | None = None,
    username: str = "",
) -> Response:
    context = {
        "t": t,
        "lang": t.language,
        "other_lang": other_language(t),
        "next": next_path,
        "message": message,
        "message_other": message_other,
        "notice": notice,
        "username": username[:64],
    }
    return templates.TemplateResponse(request, "auth/login.html", context, status_code=status)


def other_language(t: Translator) -> str:
    return "en" if t.language == "vi" else "vi"


@router.get("/login", response_class=HTMLResponse)
def login_page(
    request: Request, visitor: Visitor, t: TranslatorDep, templates: TemplatesDep, next: str = "/"
) -> Response:
    target = safe_next(next)
    if visitor is not None:
        return RedirectResponse(target, status_code=303)
    notice = t("login_signed_out") if request.query_params.get("signed_out") else None
    return _login_page(request, templates, t, next_path=target, notice=notice)


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request,
    _visitor: Visitor,
    session: SessionDep,
    settings: SettingsDep,
    t: TranslatorDep,
    templates: TemplatesDep,
    username: ShortField = "",
    password: SecretField = "",
    next: Annotated[str, Form(max_length=600)] = "/",
) -> Response:
    now = utcnow()
    ip = request.client.host if request.client else "unknown"
    result = service.authenticate(
        session,
        username=username,
        password=password,
        ip=ip,
        secret_key=settings.secret_key,
        now=now,
    )
    target = safe_next(next)
    if result.retry_at is not None:
        wait = max(1, math.ceil((result.retry_at - now).total_seconds()))
        values = {
            "minutes": math.ceil(wait / 60),
            "time": result.retry_at.astimezone(VIETNAM).strftime("%H:%M"),
        }
        # in both languages: someone locked out may well have the wrong language set
        response = _login_page(
            request,
            templates,
            t,
            next_path=target,
            status=429,
            message=t("login_throttled", **values),
            message_other=Translator(other_language(t))("login_throttled", **values),
            username=username,
        )
        response.headers["Retry-After"] = str(wait)
        return response
    if result.user is None:
        service.note_failed_sign_in(session, result=result, request=request)
        return _login_page(
            request,
            templates,
            t,
            next_path=target,
            status=400,
            message=t("login_failed"),
            username=username,
        )
    token = service.sign_in(
        session, user=result.user, secret_key=settings.secret_key, now=now, request=request
    )
    if next == "/":
        target = landing_page(
            Principal(result.user.id, result.user.username, repo.grants_of(session, result.user.id))
        )
    response = RedirectResponse(target, status_code=303)
    sessions.set_cookie(response, token, secure=sessions.secure_cookies(request, settings))
    return response


@router.post("/logout")
def logout(
    request: Request, _user: CurrentUser, session: SessionDep, settings: SettingsDep
) -> Response:
    token = request.cookies.get(sessions.COOKIE, "")
    service.sign_out(
        session, token=token, secret_key=settings.secret_key, now=utcnow(), request=request
    )
    response = RedirectResponse("/login?signed_out=1", status_code=303)
    sessions.clear_cookie(response, secure=sessions.secure_cookies(request, settings))
    return response


def _account_page(
    request: Request,
    templates: Jinja2Templates,
    t: Translator,
    user: Principal,
    *,
    status: int = 200,
    message: str | None = None,
    notice: str | None = None,
) -> Response:
    context = {
        "t": t,
        "lang": t.language,
        "viewer": user,
        "grants": [grant_label(grant, t) for grant in user.grants],
        "min_length": MIN_LENGTH,
        "message": message,
        "notice": notice,
    }
    return templates.TemplateResponse(request, "auth/account.html", context, status_code=status)


@router.get("/account", response_class=HTMLResponse)
def account_page(
    request: Request, user: CurrentUser, t: TranslatorDep, templates: TemplatesDep
) -> Response:
    notice = t("account_password_changed") if request.query_params.get("changed") else None
    return _account_page(request, templates, t, user, notice=notice)


@router.post("/account/password", response_class=HTMLResponse)
def change_password(
    request: Request,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    t: TranslatorDep,
    templates: TemplatesDep,
    current: SecretField = "",
    new: SecretField = "",
    confirm: SecretField = "",
) -> Response:
    if new != confirm:
        return _account_page(
            request, templates, t, user, status=400, message=t("password_mismatch")
        )
    try:
        service.change_password(
            session,
            user_id=user.user_id,
            current=current,
            new=new,
            keep_session=request.cookies.get(sessions.COOKIE),
            secret_key=settings.secret_key,
            now=utcnow(),
            request=request,
        )
    except DeskError as error:
        return _account_page(
            request, templates, t, user, status=error.status, message=error.message
        )
    return RedirectResponse("/account?changed=1", status_code=303)
