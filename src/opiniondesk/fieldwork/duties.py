"""Report duties and coverage, in aggregate only: how many of a unit's collaborators answered,
never which ones; report counts per unit and month with small cells suppressed."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from opiniondesk.accounts.principal import UnitScope
from opiniondesk.analysis.rollups import LOCAL_TZ
from opiniondesk.errors import InputError
from opiniondesk.fieldwork import repository as repo
from opiniondesk.fieldwork.models import ReportDuty
from opiniondesk.fieldwork.service import province_of_report


@dataclass(frozen=True, slots=True)
class DutyProgress:
    duty_id: int
    unit_code: str
    topic: str
    due_on: date
    collaborators: int
    answered: int  # collaborators who sent at least one report for the duty
    reports: int
    completion: float | None  # answered / collaborators
    overdue: bool
    remind: bool  # due within the reminder window and not everyone has answered


def open_duty(
    session: Session,
    *,
    unit_code: str,
    topic: str,
    due_on: date,
    today: date,
    note: str = "",
    created_by: int | None = None,
) -> ReportDuty:
    topic = topic.strip()
    if not topic:
        raise InputError("Cần nêu chủ đề (--topic). / A topic is required (--topic).")
    if due_on < today:
        raise InputError(
            f"Hạn {due_on.isoformat()} đã qua; chọn một ngày từ hôm nay. / "
            f"The due date {due_on.isoformat()} is past; choose today or later."
        )
    province = province_of_report(unit_code)
    duty = ReportDuty(
        unit_code=unit_code.strip(),
        province_code=province,
        topic=topic[:200],
        due_on=due_on,
        note=note,
        created_by=created_by,
    )
    return repo.add_duty(session, duty)


def progress(
    session: Session, scope: UnitScope, *, today: date, remind_days: int = 3
) -> list[DutyProgress]:
    result = []
    for duty in repo.duties(session, scope):
        expected = repo.collaborators_of(session, duty)
        reports, senders = repo.duty_answers(session, duty.id)
        answered = len(senders & expected)
        incomplete = answered < len(expected)
        result.append(
            DutyProgress(
                duty_id=duty.id,
                unit_code=duty.unit_code,
                topic=duty.topic,
                due_on=duty.due_on,
                collaborators=len(expected),
                answered=answered,
                reports=reports,
                completion=answered / len(expected) if expected else None,
                overdue=today > duty.due_on and incomplete,
                remind=incomplete and today <= duty.due_on <= today + timedelta(days=remind_days),
            )
        )
    return result


def monthly_coverage(
    session: Session, scope: UnitScope, *, min_group_size: int
) -> list[tuple[str, str, int | None]]:
    """(unit, month 'YYYY-MM' in Vietnam time, reports); None where fewer than
    `min_group_size` (a unit with one collaborator must not reveal that person's activity)."""
    counts: Counter[tuple[str, str]] = Counter()
    for _, unit, at in repo.monthly_reports(session, scope):
        counts[(unit, at.astimezone(LOCAL_TZ).strftime("%Y-%m"))] += 1
    return [
        (unit, month, n if n >= min_group_size else None)
        for (unit, month), n in sorted(counts.items())
    ]
