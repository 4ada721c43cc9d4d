"""Stored reports on both backends: draft, proposals, finalise (then immutable), rebuild."""

from __future__ import annotations

from datetime import date

import pytest

from opiniondesk.reports.models import Report, ReportStatus
from opiniondesk.reports.office import Office
from opiniondesk.reports.period import parse_period
from opiniondesk.reports.service import (
    ReportFinalError,
    build_report,
    content_hash,
    finalise,
    get_report,
    render,
    set_proposals,
)


def _build(desk) -> int:
    with desk.sessions.begin() as session:
        report = build_report(
            session,
            period=parse_period("2026-Q3"),
            unit_code="",
            settings=desk.settings,
            office=Office(),
            issued_on=date(2026, 10, 5),
        )
        return report.id


def test_empty_desk_report_says_no_data_and_suppresses(desk):
    report_id = _build(desk)
    with desk.sessions() as session:
        report = get_report(session, report_id)
        assert report.status == ReportStatus.draft
        assert report.figures["overview"]["total"] is None  # 0 < k: shown "<5"
        assert report.figures["surveys"] == {"items": []} and report.figures["issues"] == []
        assert report.figures["collaborators"]["reports"] is None
        files = render(report, ["docx", "xlsx"]).files
    assert files["docx"][:2] == b"PK" and files["xlsx"][:2] == b"PK"


def test_final_report_is_immutable_and_rebuilds_identically(desk):
    report_id = _build(desk)
    with desk.sessions.begin() as session:
        set_proposals(session, report_id, "Tăng cường đối thoại với người dân.")
        stored = finalise(session, report_id)
        frozen_hash = stored.content_hashes["content"]
    with desk.sessions.begin() as session, pytest.raises(ReportFinalError):
        set_proposals(session, report_id, "đổi / changed")
    with desk.sessions.begin() as session, pytest.raises(ReportFinalError):
        finalise(session, report_id)
    with desk.sessions() as session:
        report = session.get(Report, report_id)
        assert report is not None and report.proposals == "Tăng cường đối thoại với người dân."
        assert report.finalised_at is not None and content_hash(report) == frozen_hash
        first, second = render(report, ["docx"]), render(report, ["docx"])
    assert first.content_hash == second.content_hash == frozen_hash
