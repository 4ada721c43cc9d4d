"""Build, store, finalise and rebuild reports. Services never commit: the caller owns the
transaction."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from opiniondesk.config import Settings
from opiniondesk.errors import DeskError, InputError, NotFoundError
from opiniondesk.reports import charts, repository
from opiniondesk.reports.content import build_sections
from opiniondesk.reports.docx_writer import subject_line, write_docx
from opiniondesk.reports.figures import compute_figures
from opiniondesk.reports.models import Report, ReportStatus
from opiniondesk.reports.office import Office
from opiniondesk.reports.period import Period
from opiniondesk.reports.tables import figure_tables
from opiniondesk.reports.xlsx_writer import write_xlsx
from opiniondesk.storage.base import utcnow

FORMATS = ("docx", "pdf", "xlsx")


class ReportFinalError(DeskError):
    status = 409


def canonical_hash(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_formats(text: str) -> list[str]:
    formats = [f.strip().lower() for f in text.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise InputError(
            f"Định dạng không hỗ trợ: {', '.join(unknown) or '(trống)'}; chọn trong docx,pdf,xlsx. "
            f"/ Unsupported format {', '.join(unknown) or '(empty)'}: choose from docx,pdf,xlsx."
        )
    return list(dict.fromkeys(formats))


def build_report(
    session: Session,
    *,
    period: Period,
    unit_code: str,
    settings: Settings,
    office: Office,
    issued_on: date,
    proposals: str = "",
    created_by_id: int | None = None,
) -> Report:
    """Compute the figures and store a draft report with them and its parameters."""
    figures = compute_figures(session, period=period, unit_code=unit_code, settings=settings)
    parameters = {
        "kind": period.kind.value,
        "period": period.label,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "unit_code": unit_code,
        "issued_on": issued_on.isoformat(),
        "office": office.model_dump(),
        "min_group_size": settings.min_group_size,
    }
    report = Report(
        kind=period.kind,
        period=period.label,
        period_start=period.start,
        period_end=period.end,
        unit_code=unit_code,
        parameters=parameters,
        figures=figures,
        proposals=proposals,
        status=ReportStatus.draft,
        figures_hash=canonical_hash(figures),
        content_hashes={},
        created_by_id=created_by_id,
    )
    return repository.add_report(session, report)


def get_report(session: Session, report_id: int) -> Report:
    report = repository.get_report(session, report_id)
    if report is None:
        raise NotFoundError(f"Không có báo cáo số {report_id}. / There is no report {report_id}.")
    return report


def _refuse_if_final(report: Report) -> None:
    if report.status == ReportStatus.final:
        raise ReportFinalError(
            f"Báo cáo {report.id} đã ban hành, không thể sửa; hãy tạo báo cáo mới. / "
            f"Report {report.id} is final and cannot change; build a new one."
        )


def set_proposals(session: Session, report_id: int, proposals: str) -> Report:
    report = get_report(session, report_id)
    _refuse_if_final(report)
    report.proposals = proposals.strip()
    return report


def document_number(report: Report) -> str:
    """ "Số: …/BC-BDV": the office's clerk writes the number when the report is registered."""
    return f"Số: …/BC-{report.parameters['office']['symbol']}"


@dataclass(frozen=True)
class Rendered:
    files: dict[str, bytes]
    content_hash: str  # of the figures, parameters and proposals the files were written from


def content_hash(report: Report) -> str:
    return canonical_hash(
        {"figures": report.figures, "parameters": report.parameters, "proposals": report.proposals}
    )


def render(report: Report, formats: list[str], *, language: str = "vi") -> Rendered:
    """Write the files from the stored figures only: the desk is not read again, so a final
    report renders the same whatever happened since."""
    figures, params = report.figures, report.parameters
    issued_on = date.fromisoformat(params["issued_on"])
    office = Office.model_validate(params["office"])
    files: dict[str, bytes] = {}
    if "docx" in formats or "pdf" in formats:
        images = {
            "channels": charts.channels_chart(figures, language),
            "issues": charts.issues_chart(figures, language),
        }
        files["docx"] = write_docx(
            sections=build_sections(figures, report.proposals, language),
            charts=images,
            office=office,
            number=document_number(report),
            subject=subject_line(figures, language),
            issued_on=issued_on,
        )
    if "pdf" in formats:
        from opiniondesk.reports.pdf import docx_to_pdf

        files["pdf"] = docx_to_pdf(files["docx"])
    if "xlsx" in formats:
        files["xlsx"] = write_xlsx(figure_tables(figures), issued_on=issued_on)
    wanted = {f: files[f] for f in formats if f in files}
    return Rendered(wanted, content_hash(report))


def finalise(session: Session, report_id: int) -> Report:
    """Freeze the report: from now on its figures, proposals and hashes never change."""
    report = get_report(session, report_id)
    _refuse_if_final(report)
    if report.figures_hash != canonical_hash(report.figures):
        raise ReportFinalError(
            f"Số liệu của báo cáo {report_id} không khớp mã băm đã lưu. / "
            f"Report {report_id}'s figures do not match their stored hash."
        )
    rendered = render(report, ["xlsx"])
    report.content_hashes = {
        "content": rendered.content_hash,
        "xlsx_sheets": canonical_hash(figure_tables(report.figures)),
    }
    report.status = ReportStatus.final
    report.finalised_at = utcnow()
    return report


def list_reports(session: Session, *, unit_codes: list[str] | None) -> list[Report]:
    return repository.list_reports(session, unit_codes=unit_codes)
