"""The case pages: the list, opening a case, one case with its timeline and the forms each role
may use, and the per-agency table. Every write goes through `cases.actions` (access checks,
event, e-mails, audit); the request owns the transaction; e-mails leave after the response."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, BackgroundTasks, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from opiniondesk.accounts import repository as accounts_repo
from opiniondesk.accounts.access import Action, can, require
from opiniondesk.accounts.principal import Principal
from opiniondesk.accounts.units import unit_label
from opiniondesk.cases import access, actions, jobs, labels, service
from opiniondesk.cases import repository as repo
from opiniondesk.cases.actions import Context
from opiniondesk.cases.deadlines import local_day
from opiniondesk.cases.events import EventKind
from opiniondesk.cases.models import Priority
from opiniondesk.cases.settings import CasesSettings, get_cases_settings
from opiniondesk.cases.state import CaseStatus
from opiniondesk.errors import DeskError, InputError
from opiniondesk.storage.base import utcnow
from opiniondesk.web.deps import SessionDep, TemplatesDep, TranslatorDep
from opiniondesk.web.i18n import Translator

router = APIRouter()

Viewer = Annotated[Principal, require(Action.cases_view)]
Opener = Annotated[Principal, require(Action.cases_open)]
Manager = Annotated[Principal, require(Action.cases_manage)]
Responder = Annotated[Principal, require(Action.cases_respond)]
Approver = Annotated[Principal, require(Action.cases_approve)]
ShortField = Annotated[str, Form(max_length=500)]
LongField = Annotated[str, Form(max_length=20_000)]
EXCERPT = 280
DONE_NOTICES = {kind.value for kind in EventKind}


def cases_settings(request: Request) -> CasesSettings:
    """The app's case settings (tests set `app.state.cases_settings`), else the environment's."""
    settings: CasesSettings | None = getattr(request.app.state, "cases_settings", None)
    return settings or get_cases_settings()


def _context(request: Request, principal: Principal) -> Context:
    return Context(actor=principal, now=utcnow(), settings=cases_settings(request), request=request)


def _deliver_later(request: Request, background: BackgroundTasks) -> None:
    """Send the e-mails the action queued once the response is out (and committed)."""
    settings = cases_settings(request)
    background.add_task(
        jobs.deliver, request.app.state.session_factory, utcnow(), settings=settings
    )


def _agency_names(session: Session) -> dict[int, str]:
    return {a.id: a.name for a in repo.agencies(session)}


def _page(
    request: Request,
    templates: TemplatesDep,
    t: Translator,
    name: str,
    status: int = 200,
    **extra: Any,
) -> Response:
    context = {"t": t, "lang": t.language, **extra}
    return templates.TemplateResponse(request, name, context, status_code=status)


# ---- the list ------------------------------------------------------------------------------


@router.get("/cases", response_class=HTMLResponse)
def case_list(
    request: Request,
    viewer: Viewer,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    params = request.query_params
    status = params.get("status") or ""
    if status and status not in {s.value for s in CaseStatus}:
        raise InputError(t("invalid_filter_value", field="status"))
    overdue_only = params.get("overdue") == "1"
    now = utcnow()
    views = service.views_of(session, repo.cases(session, where=access.visible(viewer), limit=1000))
    views = [
        v
        for v in views
        if (not status or v.state.status.value == status)
        and (not overdue_only or any(a.overdue(now) for a in v.state.open_assignments()))
    ]
    names = _agency_names(session)
    return _page(
        request,
        templates,
        t,
        "cases/list.html",
        rows=[labels.case_row(v, names, t, now) for v in views],
        statuses=[(s.value, labels.status_text(s, t)) for s in CaseStatus],
        status_filter=status,
        overdue_only=overdue_only,
        may_open=can(viewer, Action.cases_open),
        may_manage=can(viewer, Action.cases_manage),
    )


# ---- opening a case ------------------------------------------------------------------------


def _new_form(request: Request, session: Session, t: Translator) -> dict[str, Any]:
    params = request.query_params
    form: dict[str, Any] = {
        "title": "",
        "summary": "",
        "unit": "",
        "topic": "",
        "priority": "normal",
        "documents": "",
        "alert": "",
    }
    if params.get("alert", "").isdigit():
        draft = service.draft_from_alert(session, int(params["alert"]))
        form |= {
            "unit": draft.unit_code,
            "topic": draft.topic_code,
            "documents": " ".join(map(str, draft.document_ids)),
            "alert": str(draft.alert_id),
        }
    elif params.get("documents"):
        form["documents"] = " ".join(
            part for part in params["documents"].replace(",", " ").split() if part.isdigit()
        )
    return form


def _new_page(
    request: Request,
    session: Session,
    templates: TemplatesDep,
    t: Translator,
    form: dict[str, Any],
    *,
    status: int = 200,
    message: str | None = None,
) -> Response:
    topics = repo.active_topics(session, t.language)
    return _page(
        request,
        templates,
        t,
        "cases/new.html",
        status=status,
        form=form,
        message=message,
        priorities=[(p.value, t(f"case_priority_{p.value}")) for p in Priority],
        topics=sorted(topics.items(), key=lambda item: item[1].casefold()),
        agencies=[(a.id, a.name) for a in repo.agencies(session) if a.active],
    )


@router.get("/cases/new", response_class=HTMLResponse)
def new_case_page(
    request: Request,
    _opener: Opener,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    return _new_page(request, session, templates, t, _new_form(request, session, t))


def _ids(text: str, field: str, t: Translator) -> list[int]:
    parts = text.replace(",", " ").split()
    if not all(part.isdigit() for part in parts):
        raise InputError(t("invalid_filter_value", field=field))
    return [int(part) for part in parts]


@router.post("/cases", response_class=HTMLResponse)
async def open_case(
    request: Request,
    opener: Opener,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
    title: ShortField = "",
    summary: LongField = "",
    unit: ShortField = "",
    topic: ShortField = "",
    priority: ShortField = "normal",
    documents: LongField = "",
    alert: ShortField = "",
) -> Response:
    proposed = [int(str(v)) for v in (await request.form()).getlist("propose") if str(v).isdigit()]
    form = {
        "title": title,
        "summary": summary,
        "unit": unit,
        "topic": topic,
        "priority": priority,
        "documents": documents,
        "alert": alert,
    }
    try:
        # an unknown unit is bad input (422) before it is a question of rights (403)
        access.check_open(opener, service.case_unit(unit).code)
        case = service.open_case(
            session,
            title=title,
            summary=summary,
            unit_code=unit,
            topic_code=topic.strip(),
            priority=priority,
            document_ids=_ids(documents, "documents", t),
            alert_id=int(alert) if alert.strip().isdigit() else None,
            proposed_agency_ids=proposed,
            now=utcnow(),
            actor=opener,
            request=request,
        )
    except DeskError as error:
        session.rollback()
        return _new_page(
            request, session, templates, t, form, status=error.status, message=error.message
        )
    return RedirectResponse(f"/cases/{case.id}?done=opened", status_code=303)


# ---- the per-agency table ------------------------------------------------------------------


def _optional_day(value: str | None, field: str, t: Translator) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(t("invalid_date", value=value[:40])) from None


@router.get("/cases/agencies", response_class=HTMLResponse)
def agency_table_page(
    request: Request,
    manager: Manager,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    params = request.query_params
    start = _optional_day(params.get("from"), "from", t)
    end = _optional_day(params.get("to"), "to", t)
    ctx = _context(request, manager)
    rows = service.agency_performance(
        session,
        now=ctx.now,
        calendar=ctx.calendar,
        where=access.visible(manager),
        scope=access.unit_scope(manager),
        assigned_from=start,
        assigned_to=end,
    )
    return _page(
        request,
        templates,
        t,
        "cases/agencies.html",
        rows=rows,
        date_from=start.isoformat() if start else "",
        date_to=end.isoformat() if end else "",
    )


# ---- one case ------------------------------------------------------------------------------


def _case_page(
    request: Request,
    session: Session,
    templates: TemplatesDep,
    t: Translator,
    viewer: Principal,
    case_id: int,
    *,
    status: int = 200,
    message: str | None = None,
) -> Response:
    view = service.view_case(session, case_id)
    case, state = view.case, view.state
    access.check_view(viewer, case, state)
    names = _agency_names(session)
    users = accounts_repo.usernames_by_id(session, [e.actor_id for e in view.events if e.actor_id])
    now = utcnow()
    # evidence texts are redacted, yet only staff who read documents see them; agencies see a count
    may_read = can(viewer, Action.documents_view, case.unit_code)
    evidence = repo.evidence_documents(session, case.id) if may_read else []
    done = request.query_params.get("done", "")
    topics = repo.topic_labels(session, {case.topic_code}, t.language)
    active = [(a.id, a.name) for a in repo.agencies(session) if a.active]
    return _page(
        request,
        templates,
        t,
        "cases/detail.html",
        status=status,
        message=message,
        notice=t(f"case_done_{done}") if done in DONE_NOTICES else None,
        case=case,
        unit=unit_label(case.unit_code, t.language),
        topic=topics.get(case.topic_code, case.topic_code),
        priority=t(f"case_priority_{case.priority}"),
        status_label=labels.status_text(state.status, t),
        opened=labels.moment_text(case.created_at),
        assignments=[labels.assignment_row(a, state, names, t, now) for a in state.assignments],
        timeline=[labels.event_row(e, names, users, t) for e in view.events],
        evidence=[
            {
                "id": doc.id,
                "channel": t(f"channel_{kind}"),
                "day": f"{local_day(doc.published_at):%d/%m/%Y}",
                "excerpt": (doc.title or doc.text)[:EXCERPT],
            }
            for doc, kind in evidence
        ],
        evidence_count=sum(1 for item in view.evidence if item.document_id is not None),
        alert_ids=[item.alert_id for item in view.evidence if item.alert_id is not None],
        approval=state.approval,
        forms=access.steps(viewer, case, state, names, active),
        default_days=cases_settings(request).case_deadline_working_days,
        published=state.published_at is not None,
    )


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(
    request: Request,
    case_id: int,
    viewer: Viewer,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    return _case_page(request, session, templates, t, viewer, case_id)


def _act(
    request: Request,
    session: Session,
    templates: TemplatesDep,
    t: Translator,
    background: BackgroundTasks,
    principal: Principal,
    case_id: int,
    kind: EventKind,
    change: Callable[[Context], object],
) -> Response:
    """Run one action; on a refusal show the case again with the reason, else go back to it."""
    try:
        case = service.get_case(session, case_id)
        view = service.view_case(session, case_id)
        access.check_view(principal, case, view.state)
        change(_context(request, principal))
    except DeskError as error:
        session.rollback()
        if error.status == 404:
            raise
        return _case_page(
            request,
            session,
            templates,
            t,
            principal,
            case_id,
            status=error.status,
            message=error.message,
        )
    _deliver_later(request, background)
    return RedirectResponse(f"/cases/{case_id}?" + urlencode({"done": kind.value}), status_code=303)


def _int(value: str, field: str, t: Translator) -> int:
    if not value.strip().isdigit():
        raise InputError(t("invalid_filter_value", field=field))
    return int(value)


@router.post("/cases/{case_id}/assign", response_class=HTMLResponse)
async def assign(
    request: Request,
    case_id: int,
    manager: Manager,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
    background: BackgroundTasks,
    working_days: ShortField = "",
) -> Response:
    chosen = [str(v) for v in (await request.form()).getlist("agency_id")]

    def change(ctx: Context) -> None:
        if not chosen:
            raise InputError(t("case_choose_agency"))
        days = _int(working_days, "working_days", t) if working_days.strip() else None
        for value in chosen:
            actions.assign(
                session,
                ctx,
                case_id=case_id,
                agency_id=_int(value, "agency_id", t),
                working_days=days,
            )

    return _act(
        request, session, templates, t, background, manager, case_id, EventKind.assigned, change
    )


@router.post("/cases/{case_id}/answer", response_class=HTMLResponse)
def answer(
    request: Request,
    case_id: int,
    responder: Responder,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
    background: BackgroundTasks,
    agency_id: ShortField = "",
    text: LongField = "",
) -> Response:
    def change(ctx: Context) -> None:
        actions.answer(
            session, ctx, case_id=case_id, agency_id=_int(agency_id, "agency_id", t), text=text
        )

    return _act(
        request, session, templates, t, background, responder, case_id, EventKind.answered, change
    )


@router.post("/cases/{case_id}/extension", response_class=HTMLResponse)
def request_extension(
    request: Request,
    case_id: int,
    responder: Responder,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
    background: BackgroundTasks,
    agency_id: ShortField = "",
    days: ShortField = "",
    reason: LongField = "",
) -> Response:
    def change(ctx: Context) -> None:
        actions.request_extension(
            session,
            ctx,
            case_id=case_id,
            agency_id=_int(agency_id, "agency_id", t),
            extra_working_days=_int(days, "days", t),
            reason=reason,
        )

    return _act(
        request,
        session,
        templates,
        t,
        background,
        responder,
        case_id,
        EventKind.extension_requested,
        change,
    )


@router.post("/cases/{case_id}/extension/grant", response_class=HTMLResponse)
def grant_extension(
    request: Request,
    case_id: int,
    manager: Manager,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
    background: BackgroundTasks,
    agency_id: ShortField = "",
) -> Response:
    def change(ctx: Context) -> None:
        actions.grant_extension(
            session, ctx, case_id=case_id, agency_id=_int(agency_id, "agency_id", t)
        )

    return _act(
        request,
        session,
        templates,
        t,
        background,
        manager,
        case_id,
        EventKind.extension_granted,
        change,
    )


@router.post("/cases/{case_id}/approve", response_class=HTMLResponse)
async def approve(
    request: Request,
    case_id: int,
    approver: Approver,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
    background: BackgroundTasks,
    title: ShortField = "",
    summary: LongField = "",
) -> Response:
    chosen = [str(v) for v in (await request.form()).getlist("agency_id")]

    def change(ctx: Context) -> None:
        if not chosen:
            raise InputError(t("case_choose_answer"))
        actions.approve(
            session,
            ctx,
            case_id=case_id,
            title=title or None,
            summary=summary,
            agency_ids=[_int(v, "agency_id", t) for v in chosen],
        )

    return _act(
        request, session, templates, t, background, approver, case_id, EventKind.approved, change
    )


@router.post("/cases/{case_id}/publish", response_class=HTMLResponse)
def publish(
    request: Request,
    case_id: int,
    approver: Approver,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
    background: BackgroundTasks,
) -> Response:
    def change(ctx: Context) -> None:
        actions.publish(session, ctx, case_id=case_id)

    return _act(
        request, session, templates, t, background, approver, case_id, EventKind.published, change
    )


@router.post("/cases/{case_id}/close", response_class=HTMLResponse)
def close(
    request: Request,
    case_id: int,
    manager: Manager,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
    background: BackgroundTasks,
    reason: LongField = "",
) -> Response:
    def change(ctx: Context) -> None:
        actions.close(session, ctx, case_id=case_id, reason=reason)

    return _act(
        request, session, templates, t, background, manager, case_id, EventKind.closed, change
    )
