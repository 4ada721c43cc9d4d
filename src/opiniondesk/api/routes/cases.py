"""/api/v1/cases: the case workflow as the pages run it. Every change goes through
`cases.actions` (its access checks, event log, e-mails and audit), as on the pages; e-mails
leave after the response, once the request's transaction has committed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Query, Request

from opiniondesk.accounts.access import Action, can, require
from opiniondesk.accounts.principal import Principal
from opiniondesk.api.errors import ApiRoute
from opiniondesk.api.pagination import PageDep
from opiniondesk.api.schemas import (
    AnswerCreate,
    ApproveCreate,
    AssignCreate,
    AssignmentPublic,
    CaseCreate,
    CaseDetail,
    CasePage,
    CasePublic,
    CloseCreate,
    PageMeta,
)
from opiniondesk.cases import access, actions, jobs, service
from opiniondesk.cases import repository as repo
from opiniondesk.cases.actions import Context
from opiniondesk.cases.service import CaseView
from opiniondesk.cases.state import CaseStatus
from opiniondesk.storage.base import utcnow
from opiniondesk.web.deps import SessionDep
from opiniondesk.web.routes.cases import cases_settings

router = APIRouter(tags=["cases"], route_class=ApiRoute)

Viewer = Annotated[Principal, require(Action.cases_view)]
Opener = Annotated[Principal, require(Action.cases_open)]
Manager = Annotated[Principal, require(Action.cases_manage)]
Responder = Annotated[Principal, require(Action.cases_respond)]
Approver = Annotated[Principal, require(Action.cases_approve)]
MAX_SCANNED = 5000  # cases read before filtering by derived status


def _public(view: CaseView) -> CasePublic:
    case, state = view.case, view.state
    return CasePublic(
        id=case.id,
        title=case.title,
        summary=case.summary,
        topic_code=case.topic_code,
        priority=case.priority,
        unit_code=case.unit_code,
        province_code=case.province_code,
        status=state.status.value,
        created_at=case.created_at,
        published_at=state.published_at,
        closed_at=state.closed_at,
    )


def _detail(session: SessionDep, viewer: Principal, view: CaseView) -> CaseDetail:
    names = {agency.id: agency.name for agency in repo.agencies(session)}
    now = utcnow()
    # evidence is shown to staff who read documents; agencies see the case, not the opinions
    may_read = can(viewer, Action.documents_view, view.case.unit_code)
    return CaseDetail(
        **_public(view).model_dump(),
        assignments=[
            AssignmentPublic(
                agency_id=a.agency_id,
                agency_name=names.get(a.agency_id, ""),
                assigned_at=a.assigned_at,
                deadline=a.deadline,
                answered_at=a.answered_at,
                answer=a.answer,
                overdue=a.overdue(now),
            )
            for a in view.state.assignments
        ],
        evidence_document_ids=[
            e.document_id for e in view.evidence if e.document_id is not None and may_read
        ],
        alert_ids=[e.alert_id for e in view.evidence if e.alert_id is not None],
        events=[event.kind for event in view.events],
    )


def _visible_view(session: SessionDep, viewer: Principal, case_id: int) -> CaseView:
    view = service.view_case(session, case_id)
    access.check_view(viewer, view.case, view.state)
    return view


@router.get("/cases", response_model=CasePage)
def list_cases(
    viewer: Viewer,
    session: SessionDep,
    page: PageDep,
    status: Annotated[CaseStatus | None, Query(description="open, assigned, …")] = None,
) -> CasePage:
    """Vấn đề bạn được xem, mới nhất trước / Cases you may see, newest first."""
    cases = repo.cases(session, where=access.visible(viewer), limit=MAX_SCANNED)
    views = [
        v for v in service.views_of(session, cases) if status is None or v.state.status == status
    ]
    chosen = views[page.offset : page.offset + page.limit]
    return CasePage(
        page=PageMeta(total=len(views), limit=page.limit, offset=page.offset),
        items=[_public(view) for view in chosen],
    )


@router.get("/cases/{case_id}", response_model=CaseDetail)
def get_case(case_id: int, viewer: Viewer, session: SessionDep) -> CaseDetail:
    """Một vấn đề với các cơ quan được giao và câu trả lời / One case with its assignments."""
    return _detail(session, viewer, _visible_view(session, viewer, case_id))


@router.post("/cases", response_model=CaseDetail, status_code=201)
def open_case(
    body: CaseCreate, request: Request, opener: Opener, session: SessionDep
) -> CaseDetail:
    """Mở vấn đề từ tài liệu hoặc cảnh báo / Open a case from documents or an alert."""
    # an unknown unit is bad input (422) before it is a question of rights (403)
    access.check_open(opener, service.case_unit(body.unit_code).code)
    case = service.open_case(
        session,
        title=body.title,
        summary=body.summary,
        unit_code=body.unit_code,
        topic_code=body.topic_code.strip(),
        priority=body.priority,
        document_ids=body.document_ids,
        alert_id=body.alert_id,
        proposed_agency_ids=body.proposed_agency_ids,
        now=utcnow(),
        actor=opener,
        request=request,
    )
    return _detail(session, opener, service.view_case(session, case.id))


def _act(
    request: Request,
    session: SessionDep,
    background: BackgroundTasks,
    principal: Principal,
    case_id: int,
    change: Callable[[Context], object],
) -> CaseDetail:
    _visible_view(session, principal, case_id)
    settings = cases_settings(request)
    change(Context(actor=principal, now=utcnow(), settings=settings, request=request))
    background.add_task(
        jobs.deliver, request.app.state.session_factory, utcnow(), settings=settings
    )
    return _detail(session, principal, service.view_case(session, case_id))


@router.post("/cases/{case_id}/assign", response_model=CaseDetail)
def assign(
    case_id: int,
    body: AssignCreate,
    request: Request,
    manager: Manager,
    session: SessionDep,
    background: BackgroundTasks,
) -> CaseDetail:
    """Giao cho cơ quan với hạn theo ngày làm việc / Assign to an agency with a deadline."""

    def change(ctx: Context) -> None:
        actions.assign(
            session, ctx, case_id=case_id, agency_id=body.agency_id, working_days=body.working_days
        )

    return _act(request, session, background, manager, case_id, change)


@router.post("/cases/{case_id}/answer", response_model=CaseDetail)
def answer(
    case_id: int,
    body: AnswerCreate,
    request: Request,
    responder: Responder,
    session: SessionDep,
    background: BackgroundTasks,
) -> CaseDetail:
    """Cơ quan trả lời / The agency answers."""

    def change(ctx: Context) -> None:
        actions.answer(session, ctx, case_id=case_id, agency_id=body.agency_id, text=body.text)

    return _act(request, session, background, responder, case_id, change)


@router.post("/cases/{case_id}/approve", response_model=CaseDetail)
def approve(
    case_id: int,
    body: ApproveCreate,
    request: Request,
    approver: Approver,
    session: SessionDep,
    background: BackgroundTasks,
) -> CaseDetail:
    """Lãnh đạo duyệt nội dung công bố / A leader approves what will be published."""

    def change(ctx: Context) -> None:
        actions.approve(
            session,
            ctx,
            case_id=case_id,
            title=body.title or None,
            summary=body.summary,
            agency_ids=body.agency_ids,
        )

    return _act(request, session, background, approver, case_id, change)


@router.post("/cases/{case_id}/publish", response_model=CaseDetail)
def publish(
    case_id: int,
    request: Request,
    approver: Approver,
    session: SessionDep,
    background: BackgroundTasks,
) -> CaseDetail:
    """Công bố câu trả lời đã duyệt / Publish the approved answer."""

    def change(ctx: Context) -> None:
        actions.publish(session, ctx, case_id=case_id)

    return _act(request, session, background, approver, case_id, change)


@router.post("/cases/{case_id}/close", response_model=CaseDetail)
def close(
    case_id: int,
    body: CloseCreate,
    request: Request,
    manager: Manager,
    session: SessionDep,
    background: BackgroundTasks,
) -> CaseDetail:
    """Đóng vấn đề / Close the case."""

    def change(ctx: Context) -> None:
        actions.close(session, ctx, case_id=case_id, reason=body.reason)

    return _act(request, session, background, manager, case_id, change)
