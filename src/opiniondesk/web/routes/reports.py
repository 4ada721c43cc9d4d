"""The reports pages: build a report for a period and unit, preview its figures and narrative,
write the proposals, finalise it, and download DOCX / PDF / XLSX. Every write is audit-logged."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from opiniondesk.accounts import audit
from opiniondesk.accounts.access import Action, require, scope_for
from opiniondesk.accounts.principal import Principal
from opiniondesk.accounts.units import province_of
from opiniondesk.errors import InputError, NotFoundError
from opiniondesk.reports import service as reports
from opiniondesk.reports.content import build_sections
from opiniondesk.reports.docx_writer import subject_line
from opiniondesk.reports.models import Report, ReportStatus
from opiniondesk.reports.office import OfficeSettings
from opiniondesk.reports.pdf import soffice_path
from opiniondesk.reports.period import parse_period
from opiniondesk.web.deps import SessionDep, SettingsDep, TemplatesDep, TranslatorDep
from opiniondesk.web.i18n import Translator

router = APIRouter()

Writer = Annotated[Principal, require(Action.reports_create)]
MEDIA = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
MAX_PROPOSALS = 20_000


def _may_see(principal: Principal, unit_code: str) -> bool:
    scope = scope_for(principal, Action.reports_create)
    if not unit_code:
        return scope.everything  # a desk-wide report holds every unit's figures
    province = province_of(unit_code) or ""
    commune = unit_code if province != unit_code else ""
    return scope.allows(province, commune)


def _report_for(session: Session, report_id: int, principal: Principal, t: Translator) -> Report:
    report = session.get(Report, report_id)
    if report is None or not _may_see(principal, report.unit_code):
        raise NotFoundError(t("reports_not_found", id=report_id))
    return report


@router.get("/reports", response_class=HTMLResponse)
def report_list(
    request: Request,
    writer: Writer,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    rows = [
        r for r in reports.list_reports(session, unit_codes=None) if _may_see(writer, r.unit_code)
    ]
    scope = scope_for(writer, Action.reports_create)
    context = {
        "t": t,
        "lang": t.language,
        "rows": rows,
        "may_build_all": scope.everything,
        "default_period": _last_quarter(date.today()),
    }
    return templates.TemplateResponse(request, "reports/list.html", context)


def _last_quarter(today: date) -> str:
    q = (today.month - 1) // 3  # the quarter just ended
    return f"{today.year - 1}-Q4" if q == 0 else f"{today.year}-Q{q}"


@router.post("/reports")
def build(
    request: Request,
    writer: Writer,
    session: SessionDep,
    settings: SettingsDep,
    t: TranslatorDep,
    period: Annotated[str, Form(max_length=40)],
    unit: Annotated[str, Form(max_length=16)] = "",
) -> Response:
    unit_code = unit.strip()
    if unit_code and province_of(unit_code) is None:
        raise InputError(t("reports_bad_unit", unit=unit_code))
    if not _may_see(writer, unit_code):
        raise InputError(t("reports_unit_outside_scope"))
    report = reports.build_report(
        session,
        period=parse_period(period),
        unit_code=unit_code,
        settings=settings,
        office=OfficeSettings().office(),
        issued_on=date.today(),
        created_by_id=writer.user_id,
    )
    audit.record(
        session,
        actor=writer,
        action="report.build",
        object_type="report",
        object_id=report.id,
        request=request,
        details={"period": report.period, "unit": unit_code},
    )
    return RedirectResponse(f"/reports/{report.id}", status_code=303)


@router.get("/reports/{report_id}", response_class=HTMLResponse)
def report_page(
    request: Request,
    report_id: int,
    writer: Writer,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    report = _report_for(session, report_id, writer, t)
    context: dict[str, Any] = {
        "t": t,
        "lang": t.language,
        "report": report,
        "subject": subject_line(report.figures, t.language),
        "sections": build_sections(report.figures, report.proposals, t.language),
        "is_draft": report.status == ReportStatus.draft,
        "pdf_available": soffice_path() is not None,
    }
    return templates.TemplateResponse(request, "reports/detail.html", context)


@router.post("/reports/{report_id}/proposals")
def save_proposals(
    request: Request,
    report_id: int,
    writer: Writer,
    session: SessionDep,
    t: TranslatorDep,
    proposals: Annotated[str, Form(max_length=MAX_PROPOSALS)] = "",
) -> Response:
    report = _report_for(session, report_id, writer, t)
    reports.set_proposals(session, report.id, proposals)
    audit.record(
        session,
        actor=writer,
        action="report.proposals",
        object_type="report",
        object_id=report.id,
        request=request,
        details={"characters": len(proposals)},
    )
    return RedirectResponse(f"/reports/{report.id}", status_code=303)


@router.post("/reports/{report_id}/finalise")
def finalise(
    request: Request,
    report_id: int,
    writer: Writer,
    session: SessionDep,
    t: TranslatorDep,
) -> Response:
    report = _report_for(session, report_id, writer, t)
    reports.finalise(session, report.id)
    audit.record(
        session,
        actor=writer,
        action="report.finalise",
        object_type="report",
        object_id=report.id,
        request=request,
        details={"content": report.content_hashes.get("content", "")},
    )
    return RedirectResponse(f"/reports/{report.id}", status_code=303)


@router.get("/reports/{report_id}/download/{fmt}")
def download(
    report_id: int,
    fmt: str,
    writer: Writer,
    session: SessionDep,
    t: TranslatorDep,
) -> Response:
    if fmt not in MEDIA:
        raise NotFoundError(t("reports_not_found", id=report_id))
    report = _report_for(session, report_id, writer, t)
    content = reports.render(report, [fmt]).files[fmt]
    name = f"bao-cao-{report.period}-{report.unit_code or 'all'}-{report.id}.{fmt}"
    return Response(
        content,
        media_type=MEDIA[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
