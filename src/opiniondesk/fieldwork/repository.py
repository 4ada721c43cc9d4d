"""Every query of the fieldwork area."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from opiniondesk.accounts.models import Membership
from opiniondesk.accounts.principal import UnitScope
from opiniondesk.accounts.roles import Role
from opiniondesk.fieldwork.models import FieldReport, ReportDuty
from opiniondesk.storage.dialect import insert_for


def insert_if_new(session: Session, values: Mapping[str, Any]) -> bool:
    """INSERT … ON CONFLICT (instance_id) DO NOTHING; True when this call stored the row.
    A concurrent replay waits for the first insert's transaction and then does nothing."""
    statement = (
        insert_for(session, FieldReport.__table__)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["instance_id"])
        .returning(FieldReport.id)
    )
    # RETURNING yields no row when the conflict skipped the insert (rowcount is not portable)
    return session.execute(statement).first() is not None


def by_instance_id(session: Session, instance_id: str) -> FieldReport | None:
    return session.scalar(select(FieldReport).where(FieldReport.instance_id == instance_id))


def count_by_instance_id(session: Session, instance_id: str) -> int:
    query = select(func.count()).select_from(FieldReport)
    return int(session.scalar(query.where(FieldReport.instance_id == instance_id)) or 0)


def counts_by_unit(session: Session, scope: UnitScope) -> list[tuple[str, str, int]]:
    """(province, unit, reports) within `scope`, for aggregate coverage."""
    query = select(FieldReport.province_code, FieldReport.unit_code, func.count()).group_by(
        FieldReport.province_code, FieldReport.unit_code
    )
    if not scope.everything:
        if scope.is_empty:
            return []
        query = query.where(
            FieldReport.province_code.in_(scope.provinces)
            | FieldReport.unit_code.in_(scope.communes)
        )
    rows = session.execute(query.order_by(FieldReport.province_code, FieldReport.unit_code))
    return [(p, u, int(n)) for p, u, n in rows]


def duty_by_id(session: Session, duty_id: int) -> ReportDuty | None:
    return session.get(ReportDuty, duty_id)


def add_duty(session: Session, duty: ReportDuty) -> ReportDuty:
    session.add(duty)
    session.flush()
    return duty


def duties(session: Session, scope: UnitScope) -> list[ReportDuty]:
    query = select(ReportDuty).order_by(ReportDuty.due_on, ReportDuty.id)
    if not scope.everything:
        if scope.is_empty:
            return []
        query = query.where(
            ReportDuty.province_code.in_(scope.provinces) | ReportDuty.unit_code.in_(scope.communes)
        )
    return list(session.scalars(query))


def collaborators_of(session: Session, duty: ReportDuty) -> set[int]:
    """Users holding the collaborator role at the duty's unit (a province duty: also at its
    communes)."""
    query = select(Membership.user_id).where(Membership.role == Role.collaborator)
    if duty.unit_code == duty.province_code:
        query = query.where(Membership.province_code == duty.province_code)
    else:
        query = query.where(Membership.unit_code == duty.unit_code)
    return set(session.scalars(query))


def duty_answers(session: Session, duty_id: int) -> tuple[int, set[int]]:
    """Reports answering the duty, and the distinct users who sent them."""
    rows = session.execute(
        select(FieldReport.submitted_by).where(FieldReport.duty_id == duty_id)
    ).all()
    return len(rows), {r[0] for r in rows if r[0] is not None}


def monthly_reports(session: Session, scope: UnitScope) -> list[tuple[str, str, datetime]]:
    """(province, unit, submitted_at) of every report in scope, to be counted by month."""
    query = select(FieldReport.province_code, FieldReport.unit_code, FieldReport.submitted_at)
    if not scope.everything:
        if scope.is_empty:
            return []
        query = query.where(
            FieldReport.province_code.in_(scope.provinces)
            | FieldReport.unit_code.in_(scope.communes)
        )
    return [(p, u, at) for p, u, at in session.execute(query)]
