"""Field reports: the idempotent submission API, the personal-data check the form runs before
sending, the mobile form and its service worker (served from /field-reports/ so that its scope
covers the form)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from opiniondesk.accounts import audit
from opiniondesk.accounts.access import Action, can, require, scope_for
from opiniondesk.accounts.principal import Principal
from opiniondesk.analysis.rollups import LOCAL_TZ
from opiniondesk.fieldwork import duties, service
from opiniondesk.fieldwork.feed import ReportFeeder
from opiniondesk.fieldwork.models import Concern, HeardAt, Mood, Spread
from opiniondesk.fieldwork.schemas import (
    FieldReportCreate,
    FieldReportPublic,
    PiiCheck,
    PiiFound,
)
from opiniondesk.surveys import repository as survey_repo
from opiniondesk.web.deps import SessionDep, SettingsDep, TemplatesDep, TranslatorDep

router = APIRouter()

Reporter = Annotated[Principal, require(Action.field_reports_submit)]
Viewer = Annotated[Principal, require(Action.field_reports_view)]
STATIC = Path(__file__).resolve().parent.parent / "static" / "fieldwork"


def _feeder(request: Request) -> ReportFeeder:
    feeder: ReportFeeder | None = getattr(request.app.state, "field_report_feeder", None)
    if feeder is None:
        feeder = ReportFeeder(request.app.state.settings, request.app.state.session_factory)
        request.app.state.field_report_feeder = feeder
    return feeder


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
        session, report=payload, secret_key=settings.secret_key, submitted_by=reporter.user_id
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
            details={"unit": report.unit_code},
        )
        # after the response, hence after the commit: the pipeline writes in its own transactions
        background.add_task(_feeder(request).feed, payload)
    body = FieldReportPublic(
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
    )
    return JSONResponse(body.model_dump(mode="json"), status_code=201 if outcome.created else 200)


@router.post("/api/v1/field-reports/pii-check", response_model=PiiFound)
def check_personal_data(payload: PiiCheck, reporter: Reporter) -> PiiFound:
    """The kinds of personal data the text holds, so the form can warn before sending."""
    counts = service.personal_data_kinds(payload.text)
    return PiiFound(kinds=sorted(counts), counts=counts)


@router.get("/field-reports/new")
def new_field_report(
    request: Request, reporter: Reporter, templates: TemplatesDep, t: TranslatorDep
) -> Response:
    units = sorted({g.unit_code for g in reporter.grants if g.unit_code != "VN"})
    context = {
        "t": t,
        "lang": t.language,
        "units": units,
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
    """Report duties with their completion and reports per unit and month, in aggregate."""
    scope = scope_for(viewer, Action.field_reports_view)
    today = datetime.now(LOCAL_TZ).date()
    context = {
        "t": t,
        "lang": t.language,
        "duties": duties.progress(session, scope, today=today),
        "coverage": duties.monthly_coverage(session, scope, min_group_size=settings.min_group_size),
        "surveys": survey_repo.surveys(session),
        "min_group_size": settings.min_group_size,
    }
    return templates.TemplateResponse(request, "fieldwork/overview.html", context)


@router.get("/field-reports/sw.js", dependencies=[require(Action.public)])
def service_worker() -> FileResponse:
    """Served under /field-reports/ so that its default scope covers the form."""
    return FileResponse(
        STATIC / "sw.js",
        media_type="text/javascript",
        headers={"Cache-Control": "no-cache"},
    )
