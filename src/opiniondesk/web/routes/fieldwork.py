"""Field reports: the idempotent submission API, the personal-data check the form runs before
sending, the mobile form and its service worker (served from /field-reports/ so that its scope
covers the form), the aggregate overview, single reports with their photo, and the collaborator
network: invitations by one-time link, profiles, and per-collaborator figures for supervisors.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Form, Request
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException

from opiniondesk.accounts import audit
from opiniondesk.accounts.access import PERMISSIONS, Action, can, require, scope_for
from opiniondesk.accounts.passwords import MIN_LENGTH
from opiniondesk.accounts.principal import Principal, UnitScope
from opiniondesk.analysis.rollups import LOCAL_TZ
from opiniondesk.errors import DeskError
from opiniondesk.fieldwork import (
    activity,
    collaborators,
    duties,
    feed,
    photos,
    service,
    unit_picker,
)
from opiniondesk.fieldwork import repository as repo
from opiniondesk.fieldwork.models import (
    Concern,
    FieldReport,
    HeardAt,
    Mood,
    ReportAttachment,
    Spread,
)
from opiniondesk.fieldwork.schemas import (
    FieldReportCreate,
    FieldReportPublic,
    PiiCheck,
    PiiFound,
    UnitChoice,
)
from opiniondesk.storage.base import utcnow
from opiniondesk.surveys import repository as survey_repo
from opiniondesk.web.deps import SessionDep, SettingsDep, TemplatesDep, TranslatorDep
from opiniondesk.web.i18n import Translator

router = APIRouter()

Reporter = Annotated[Principal, require(Action.field_reports_submit)]
Viewer = Annotated[Principal, require(Action.field_reports_view)]
Supervisor = Annotated[Principal, require(Action.collaborators_supervise)]
Visitor = Annotated[Principal | None, require(Action.public)]
ShortField = Annotated[str, Form(max_length=320)]
SecretField = Annotated[str, Form(max_length=2048)]
STATIC = Path(__file__).resolve().parent.parent / "static" / "fieldwork"
EXTENSIONS = {media_type: ext for media_type, ext in photos.FORMATS.values()}
RECENT_REPORTS = 20
DUTY_GRACE_DAYS = 14
SUPERVISING_ROLES = PERMISSIONS[Action.collaborators_supervise]


@router.post("/api/v1/field-reports", response_model=FieldReportPublic)
def submit_field_report(
    payload: FieldReportCreate,
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    reporter: Reporter,
    t: TranslatorDep,
    background: BackgroundTasks,
) -> JSONResponse:
    """201 with the new record; 200 with the stored one for a replay; 409 for a reused id."""
    if not can(reporter, Action.field_reports_submit, payload.unit_code.strip()):
        raise HTTPException(403, t("fieldwork_unit_forbidden", unit=payload.unit_code[:16]))
    outcome = service.submit(
        session,
        report=payload,
        secret_key=settings.secret_key,
        submitted_by=reporter.user_id,
        home=settings.ensure_home(),
    )
    report = outcome.report
    if outcome.created:
        audit.record(
            session,
            actor=reporter,
            action="field_report.submit",
            object_type="field_report",
            object_id=str(report.id),
            request=request,
            details={"unit": report.unit_code, "photo": payload.photo is not None},
        )
        # after the response, hence after the commit: the pipeline writes in its own transactions
        background.add_task(feed.feeder(request).feed, [feed.raw_item(payload)])
    body = _public(session, report)
    return JSONResponse(body.model_dump(mode="json"), status_code=201 if outcome.created else 200)


def _photo_url(attachment: ReportAttachment | None) -> str | None:
    if attachment is None:
        return None
    return f"/field-reports/photos/{attachment.sha256}.{EXTENSIONS[attachment.media_type]}"


def _public(session: Session, report: FieldReport) -> FieldReportPublic:
    return FieldReportPublic(
        id=report.id,
        instance_id=report.instance_id,
        topic=report.topic,
        unit_code=report.unit_code,
        mood=report.mood,
        concern=report.concern,
        spread=report.spread,
        heard_at=report.heard_at,
        summary=report.summary,
        suggested_action=report.suggested_action,
        submitted_at=report.submitted_at,
        photo_url=_photo_url(repo.attachment_of(session, report.id)),
    )


@router.post("/api/v1/field-reports/pii-check", response_model=PiiFound)
def check_personal_data(payload: PiiCheck, reporter: Reporter) -> PiiFound:
    """The kinds of personal data the text holds, so the form can warn before sending."""
    counts = service.personal_data_kinds(payload.text)
    return PiiFound(kinds=sorted(counts), counts=counts)


@router.get("/api/v1/field-reports/units", response_model=list[UnitChoice])
def find_report_units(reporter: Reporter, q: str = "", limit: int = 20) -> list[UnitChoice]:
    """The units you may report on whose name (with or without diacritics, old names too) or
    code matches `q`, for the form's unit picker when it is online."""
    units = unit_picker.units_for(scope_for(reporter, Action.field_reports_submit))
    found = unit_picker.search(units, q[:100], limit=max(1, min(limit, 50)))
    return [UnitChoice(code=u.code, name=u.name, province_name=u.province_name) for u in found]


@router.get("/field-reports/new")
def new_field_report(
    request: Request,
    session: SessionDep,
    reporter: Reporter,
    templates: TemplatesDep,
    t: TranslatorDep,
) -> Response:
    scope = scope_for(reporter, Action.field_reports_submit)
    units = unit_picker.units_for(scope)
    today = utcnow().astimezone(LOCAL_TZ).date()
    # duties still worth answering: not yet due, or due within the last DUTY_GRACE_DAYS (late)
    # a commune's collaborators answer their province's duties too
    reachable = UnitScope(
        everything=scope.everything,
        provinces=scope.provinces,
        communes=scope.communes | scope.commune_provinces,
    )
    open_duties = [
        d for d in repo.duties(session, reachable) if d.due_on >= today - timedelta(DUTY_GRACE_DAYS)
    ]
    # embedded in the page, which the service worker keeps: the picker works offline
    picker = [[u.code, u.name, u.province_name, u.search] for u in units]
    context = {
        "t": t,
        "lang": t.language,
        "units": units,
        "picker_json": json.dumps(picker, ensure_ascii=False).replace("</", "<\\/"),
        "max_photo_mb": photos.MAX_BYTES // (1024 * 1024),
        "duties": open_duties,
        "moods": list(Mood),
        "concerns": list(Concern),
        "spreads": list(Spread),
        "places": list(HeardAt),
    }
    response = templates.TemplateResponse(request, "fieldwork/new.html", context)
    # the service worker keeps its own copy; the browser cache must not serve a stale token
    response.headers["Cache-Control"] = "no-store"
    return response


@router.get("/field-reports")
def field_overview(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    viewer: Viewer,
    templates: TemplatesDep,
    t: TranslatorDep,
) -> Response:
    """Duties with their completion, network coverage, timeliness and reports per unit and
    month, all in aggregate; the latest reports without who sent them."""
    scope = scope_for(viewer, Action.field_reports_view)
    now = utcnow()
    today = now.astimezone(LOCAL_TZ).date()
    progress = duties.progress(session, scope, today=today)
    recent = repo.recent_reports(session, scope, limit=RECENT_REPORTS)
    context = {
        "t": t,
        "lang": t.language,
        "duties": progress,
        "reminders": repo.reminder_counts(session, [d.duty_id for d in progress]),
        "coverage": duties.monthly_coverage(session, scope, min_group_size=settings.min_group_size),
        "network": activity.coverage(session, scope, now=now),
        "active_days": activity.ACTIVE_DAYS,
        "timeliness": activity.timeliness(session, scope, min_group_size=settings.min_group_size),
        "recent": recent,
        "photos": repo.attachments_of(session, [r.id for r in recent]),
        "surveys": survey_repo.surveys(session),
        "min_group_size": settings.min_group_size,
        "supervisor": can(viewer, Action.collaborators_supervise),
    }
    return templates.TemplateResponse(request, "fieldwork/overview.html", context)


def _report_in_scope(session: Session, viewer: Principal, report_id: int) -> FieldReport:
    report = repo.report_by_id(session, report_id)
    scope = scope_for(viewer, Action.field_reports_view)
    if report is None or not scope.allows(report.province_code, report.unit_code):
        raise HTTPException(404)
    return report


@router.get("/field-reports/reports/{report_id}")
def field_report_page(
    report_id: int,
    request: Request,
    session: SessionDep,
    viewer: Viewer,
    templates: TemplatesDep,
    t: TranslatorDep,
) -> Response:
    """One report as stored (redacted), with its photo; never who sent it."""
    report = _report_in_scope(session, viewer, report_id)
    context = {
        "t": t,
        "lang": t.language,
        "report": report,
        "photo_url": _photo_url(repo.attachment_of(session, report.id)),
    }
    return templates.TemplateResponse(request, "fieldwork/report.html", context)


@router.get("/field-reports/photos/{name}")
def field_report_photo(
    name: str, session: SessionDep, settings: SettingsDep, viewer: Viewer
) -> FileResponse:
    """A cleaned photo, to viewers who may see at least one report carrying it."""
    sha, _, extension = name.partition(".")
    scope = scope_for(viewer, Action.field_reports_view)
    for attachment, report in repo.attachment_with_report(session, sha[:64]):
        if EXTENSIONS[attachment.media_type] == extension and scope.allows(
            report.province_code, report.unit_code
        ):
            path = photos.path_for(settings.home, attachment.sha256, extension)
            if path.exists():
                return FileResponse(
                    path,
                    media_type=attachment.media_type,
                    headers={"Cache-Control": "private, max-age=86400"},
                )
    raise HTTPException(404)


@router.get("/field-reports/sw.js", dependencies=[require(Action.public)])
def service_worker() -> FileResponse:
    """Served under /field-reports/ so that its default scope covers the form."""
    return FileResponse(
        STATIC / "sw.js",
        media_type="text/javascript",
        headers={"Cache-Control": "no-cache"},
    )


# ---- the collaborator network ------------------------------------------------------------


def _roster_page(
    request: Request,
    session: Session,
    supervisor: Principal,
    templates: Jinja2Templates,
    t: Translator,
    *,
    link: str | None = None,
    message: str | None = None,
    form: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    context = {
        "t": t,
        "lang": t.language,
        "people": activity.per_collaborator(session, supervisor, now=utcnow()),
        "active_days": activity.ACTIVE_DAYS,
        "my_units": sorted({g.unit_code for g in supervisor.grants if g.role in SUPERVISING_ROLES}),
        "default_days": collaborators.DEFAULT_EXPIRES_DAYS,
        "max_days": collaborators.MAX_EXPIRES_DAYS,
        "link": link,
        "message": message,
        "form": form or {"email": "", "units": "", "days": ""},
    }
    return templates.TemplateResponse(
        request, "fieldwork/collaborators.html", context, status_code=status
    )


@router.get("/field-reports/collaborators")
def collaborator_roster(
    request: Request,
    session: SessionDep,
    supervisor: Supervisor,
    templates: TemplatesDep,
    t: TranslatorDep,
) -> Response:
    """Per-collaborator figures (counts only), for their supervisors; the invitation form."""
    return _roster_page(request, session, supervisor, templates, t)


@router.post("/field-reports/collaborators/invite")
def invite_collaborator(
    request: Request,
    session: SessionDep,
    supervisor: Supervisor,
    templates: TemplatesDep,
    t: TranslatorDep,
    email: ShortField = "",
    units: Annotated[str, Form(max_length=2000)] = "",
    days: Annotated[str, Form(max_length=4)] = "",
) -> Response:
    form = {"email": email, "units": units, "days": days}
    try:
        expires = int(days) if days.strip() else collaborators.DEFAULT_EXPIRES_DAYS
    except ValueError:
        expires = 0  # refused below with the allowed range
    try:
        invitation = collaborators.invite(
            session,
            email=email,
            units=[units],
            expires_days=expires,
            now=utcnow(),
            supervisor=supervisor,
            request=request,
        )
    except DeskError as exc:
        return _roster_page(
            request,
            session,
            supervisor,
            templates,
            t,
            message=exc.message,
            form=form,
            status=exc.status,
        )
    link = invitation.link(str(request.base_url))
    return _roster_page(request, session, supervisor, templates, t, link=link)


def _profile_page(
    request: Request,
    templates: Jinja2Templates,
    t: Translator,
    person: collaborators.Profile,
    *,
    message: str | None = None,
    saved: bool = False,
    status: int = 200,
) -> Response:
    context = {
        "t": t,
        "lang": t.language,
        "person": person,
        "message": message,
        "saved": saved,
    }
    return templates.TemplateResponse(
        request, "fieldwork/profile.html", context, status_code=status
    )


@router.get("/field-reports/me")
def own_profile(
    request: Request,
    session: SessionDep,
    reporter: Reporter,
    templates: TemplatesDep,
    t: TranslatorDep,
) -> Response:
    """A collaborator's own profile, read-only: their supervisor keeps it up to date."""
    person = collaborators.profile(session, reporter.user_id)
    context = {"t": t, "lang": t.language, "person": person}
    return templates.TemplateResponse(request, "fieldwork/me.html", context)


@router.get("/field-reports/collaborators/{user_id}")
def collaborator_profile(
    user_id: int,
    request: Request,
    session: SessionDep,
    supervisor: Supervisor,
    templates: TemplatesDep,
    t: TranslatorDep,
) -> Response:
    person = collaborators.profile(session, user_id)
    collaborators.check_may_supervise(supervisor, person)
    saved = request.query_params.get("saved") == "1"
    return _profile_page(request, templates, t, person, saved=saved)


@router.post("/field-reports/collaborators/{user_id}")
def edit_collaborator(
    user_id: int,
    request: Request,
    session: SessionDep,
    supervisor: Supervisor,
    templates: TemplatesDep,
    t: TranslatorDep,
    display_name: Annotated[str, Form(max_length=200)] = "",
    phone: Annotated[str, Form(max_length=60)] = "",
    email: ShortField = "",
    units: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    person = collaborators.profile(session, user_id)
    collaborators.check_may_supervise(supervisor, person)
    try:
        collaborators.update_profile(
            session,
            user_id=user_id,
            display_name=display_name,
            phone=phone,
            email=email,
            units=[units],
            now=utcnow(),
            supervisor=supervisor,
            request=request,
        )
    except DeskError as exc:
        session.rollback()
        return _profile_page(request, templates, t, person, message=exc.message, status=exc.status)
    return RedirectResponse(f"/field-reports/collaborators/{user_id}?saved=1", status_code=303)


def _join_page(
    request: Request,
    templates: Jinja2Templates,
    t: Translator,
    *,
    token: str,
    state: str,
    email: str = "",
    username: str = "",
    display_name: str = "",
    phone: str = "",
    message: str | None = None,
    status: int = 200,
) -> Response:
    context = {
        "t": t,
        "lang": t.language,
        "token": token,
        "state": state,
        "email": email,
        "username": username,
        "display_name": display_name,
        "phone": phone,
        "message": message,
        "min_length": MIN_LENGTH,
    }
    response = templates.TemplateResponse(
        request, "fieldwork/join.html", context, status_code=status
    )
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"  # the token is in this page's address
    return response


@router.get("/field-reports/join/{token}")
def join_page(
    token: str,
    request: Request,
    session: SessionDep,
    _visitor: Visitor,
    templates: TemplatesDep,
    t: TranslatorDep,
) -> Response:
    """The invitee's form: username, name, password (and optionally a phone number)."""
    try:
        invitation = collaborators.open_invitation(session, token, utcnow())
    except collaborators.InvitationRefused as refused:
        return _join_page(
            request,
            templates,
            t,
            token="",
            state=refused.state.value,
            message=refused.message,
            status=refused.status,
        )
    return _join_page(
        request,
        templates,
        t,
        token=token,
        state="usable",
        email=invitation.email,
        username=collaborators.suggested_username(invitation.email),
    )


@router.post("/field-reports/join/{token}")
def join(
    token: str,
    request: Request,
    session: SessionDep,
    _visitor: Visitor,
    templates: TemplatesDep,
    t: TranslatorDep,
    username: Annotated[str, Form(max_length=200)] = "",
    display_name: Annotated[str, Form(max_length=200)] = "",
    password: SecretField = "",
    password_again: SecretField = "",
    phone: Annotated[str, Form(max_length=60)] = "",
) -> Response:
    values = {"username": username, "display_name": display_name, "phone": phone}
    try:
        invitation = collaborators.open_invitation(session, token, utcnow())
    except collaborators.InvitationRefused as refused:
        return _join_page(
            request,
            templates,
            t,
            token="",
            state=refused.state.value,
            message=refused.message,
            status=refused.status,
        )
    if password != password_again:
        return _join_page(
            request,
            templates,
            t,
            token=token,
            state="usable",
            email=invitation.email,
            message=t("fieldwork_join_mismatch"),
            status=422,
            **values,
        )
    try:
        collaborators.accept(
            session,
            token=token,
            now=utcnow(),
            password=password,
            request=request,
            **values,
        )
    except collaborators.InvitationRefused as refused:
        session.rollback()
        return _join_page(
            request,
            templates,
            t,
            token="",
            state=refused.state.value,
            message=refused.message,
            status=refused.status,
        )
    except DeskError as exc:
        session.rollback()  # the link stays usable: nothing of this attempt is kept
        return _join_page(
            request,
            templates,
            t,
            token=token,
            state="usable",
            email=invitation.email,
            message=exc.message,
            status=exc.status,
            **values,
        )
    return _join_page(request, templates, t, token="", state="joined")
