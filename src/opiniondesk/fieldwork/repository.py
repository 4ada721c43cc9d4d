"""Every query of the fieldwork area."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, false, func, select, update
from sqlalchemy.orm import Session

from opiniondesk.accounts.models import Membership, User
from opiniondesk.accounts.principal import UnitScope
from opiniondesk.accounts.roles import Role
from opiniondesk.fieldwork.models import (
    Collaborator,
    CollaboratorInvitation,
    DutyReminder,
    FieldReport,
    ReportAttachment,
    ReportDuty,
)
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


# ---- collaborators and invitations ---------------------------------------------------------


def add_invitation(session: Session, invitation: CollaboratorInvitation) -> CollaboratorInvitation:
    session.add(invitation)
    session.flush()
    return invitation


def invitation_by_hash(session: Session, token_hash: str) -> CollaboratorInvitation | None:
    query = select(CollaboratorInvitation).where(CollaboratorInvitation.token_hash == token_hash)
    return session.scalar(query)


def spend_invitation(session: Session, invitation_id: int, now: datetime) -> bool:
    """Mark the invitation used unless it already is; True for the one caller that won.
    A conditional UPDATE, so two people opening the same link at once cannot both join."""
    result = session.execute(
        update(CollaboratorInvitation)
        .where(
            CollaboratorInvitation.id == invitation_id,
            CollaboratorInvitation.accepted_at.is_(None),
            CollaboratorInvitation.expires_at > now,
        )
        .values(accepted_at=now)
        .returning(CollaboratorInvitation.id)
    )
    return result.first() is not None


def set_invitation_user(session: Session, invitation_id: int, user_id: int) -> None:
    session.execute(
        update(CollaboratorInvitation)
        .where(CollaboratorInvitation.id == invitation_id)
        .values(accepted_user_id=user_id)
    )


def pending_invitation_units(session: Session, now: datetime) -> list[list[str]]:
    """The units of invitations not yet used nor expired."""
    query = select(CollaboratorInvitation.units).where(
        CollaboratorInvitation.accepted_at.is_(None), CollaboratorInvitation.expires_at > now
    )
    return [list(units) for units in session.scalars(query)]


def add_profile(session: Session, profile: Collaborator) -> Collaborator:
    session.add(profile)
    session.flush()
    return profile


def profile_of(session: Session, user_id: int) -> Collaborator | None:
    return session.scalar(select(Collaborator).where(Collaborator.user_id == user_id))


def update_profile(session: Session, user_id: int, values: Mapping[str, Any]) -> None:
    session.execute(update(Collaborator).where(Collaborator.user_id == user_id).values(**values))


def collaborator_grants(session: Session) -> list[tuple[int, str, str, bool, datetime]]:
    """(user id, unit, province, disabled, account created) of every collaborator membership."""
    query = (
        select(
            Membership.user_id,
            Membership.unit_code,
            Membership.province_code,
            User.disabled,
            User.created_at,
        )
        .join(User, User.id == Membership.user_id)
        .where(Membership.role == Role.collaborator)
        .order_by(Membership.user_id, Membership.unit_code)
    )
    return [(u, unit, p, bool(d), at) for u, unit, p, d, at in session.execute(query)]


def profiles(session: Session, user_ids: set[int]) -> dict[int, Collaborator]:
    if not user_ids:
        return {}
    query = select(Collaborator).where(Collaborator.user_id.in_(sorted(user_ids)))
    return {p.user_id: p for p in session.scalars(query)}


def remove_collaborator_unit(session: Session, user_id: int, unit_code: str) -> None:
    session.execute(
        delete(Membership).where(
            Membership.user_id == user_id,
            Membership.role == Role.collaborator,
            Membership.unit_code == unit_code,
        )
    )


def last_report_by_user(session: Session, user_ids: set[int]) -> dict[int, datetime]:
    if not user_ids:
        return {}
    query = (
        select(FieldReport.submitted_by, func.max(FieldReport.submitted_at))
        .where(FieldReport.submitted_by.in_(sorted(user_ids)))
        .group_by(FieldReport.submitted_by)
    )
    return {int(u): at for u, at in session.execute(query) if u is not None}


def reports_since_by_user(session: Session, user_ids: set[int], since: datetime) -> dict[int, int]:
    if not user_ids:
        return {}
    query = (
        select(FieldReport.submitted_by, func.count())
        .where(FieldReport.submitted_by.in_(sorted(user_ids)), FieldReport.submitted_at >= since)
        .group_by(FieldReport.submitted_by)
    )
    return {int(u): int(n) for u, n in session.execute(query) if u is not None}


def duty_answers_in_scope(
    session: Session, scope: UnitScope
) -> list[tuple[int | None, str, datetime, date]]:
    """(sender, duty unit, submitted at, due on) of every report answering a duty in scope."""
    query = select(
        FieldReport.submitted_by, ReportDuty.unit_code, FieldReport.submitted_at, ReportDuty.due_on
    ).join(ReportDuty, ReportDuty.id == FieldReport.duty_id)
    if not scope.everything:
        if scope.is_empty:
            return []
        query = query.where(
            ReportDuty.province_code.in_(scope.provinces) | ReportDuty.unit_code.in_(scope.communes)
        )
    return [(u, unit, at, due) for u, unit, at, due in session.execute(query)]


def recent_reports(session: Session, scope: UnitScope, *, limit: int) -> list[FieldReport]:
    query = select(FieldReport).order_by(FieldReport.submitted_at.desc(), FieldReport.id.desc())
    if not scope.everything:
        if scope.is_empty:
            return []
        query = query.where(
            FieldReport.province_code.in_(scope.provinces)
            | FieldReport.unit_code.in_(scope.communes)
        )
    return list(session.scalars(query.limit(limit)))


def report_by_id(session: Session, report_id: int) -> FieldReport | None:
    return session.get(FieldReport, report_id)


# ---- reminders -----------------------------------------------------------------------------


def queue_reminder(session: Session, values: Mapping[str, Any]) -> bool:
    """INSERT … ON CONFLICT (duty, user, kind) DO NOTHING; True when this call queued it."""
    statement = (
        insert_for(session, DutyReminder.__table__)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["duty_id", "user_id", "kind"])
        .returning(DutyReminder.id)
    )
    return session.execute(statement).first() is not None


def duties_due_between(session: Session, first: date, last: date) -> list[ReportDuty]:
    query = select(ReportDuty).where(ReportDuty.due_on >= first, ReportDuty.due_on <= last)
    return list(session.scalars(query.order_by(ReportDuty.id)))


def enabled_users(session: Session, user_ids: set[int]) -> set[int]:
    if not user_ids:
        return set()
    query = select(User.id).where(User.id.in_(sorted(user_ids)), User.disabled == false())
    return set(session.scalars(query))


def pending_reminders(session: Session, *, max_attempts: int, limit: int) -> list[DutyReminder]:
    query = (
        select(DutyReminder)
        .where(DutyReminder.sent_at.is_(None), DutyReminder.attempts < max_attempts)
        .order_by(DutyReminder.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return list(session.scalars(query))


def lock_reminders(session: Session) -> None:
    """SQLite has no row locks: a no-op write takes the write lock, so a second sender waits
    and then finds the reminders sent (PostgreSQL uses SKIP LOCKED instead)."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(
            update(DutyReminder).where(DutyReminder.id < 0).values(attempts=DutyReminder.attempts)
        )


def mark_reminder(
    session: Session, reminder_id: int, *, sent_at: datetime | None, error: str
) -> None:
    session.execute(
        update(DutyReminder)
        .where(DutyReminder.id == reminder_id)
        .values(sent_at=sent_at, attempts=DutyReminder.attempts + 1, last_error=error[:2000])
    )


def reminder_counts(session: Session, duty_ids: list[int]) -> dict[int, int]:
    """Reminders queued per duty (how many, never to whom)."""
    if not duty_ids:
        return {}
    query = (
        select(DutyReminder.duty_id, func.count())
        .where(DutyReminder.duty_id.in_(duty_ids))
        .group_by(DutyReminder.duty_id)
    )
    return {int(d): int(n) for d, n in session.execute(query)}


# ---- attachments ---------------------------------------------------------------------------


def add_attachment_if_new(session: Session, values: Mapping[str, Any]) -> bool:
    statement = (
        insert_for(session, ReportAttachment.__table__)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["report_id"])
        .returning(ReportAttachment.id)
    )
    return session.execute(statement).first() is not None


def attachment_of(session: Session, report_id: int) -> ReportAttachment | None:
    query = select(ReportAttachment).where(ReportAttachment.report_id == report_id)
    return session.scalar(query)


def attachments_of(session: Session, report_ids: list[int]) -> dict[int, ReportAttachment]:
    if not report_ids:
        return {}
    query = select(ReportAttachment).where(ReportAttachment.report_id.in_(report_ids))
    return {a.report_id: a for a in session.scalars(query)}


def attachment_with_report(
    session: Session, sha256: str
) -> list[tuple[ReportAttachment, FieldReport]]:
    query = (
        select(ReportAttachment, FieldReport)
        .join(FieldReport, FieldReport.id == ReportAttachment.report_id)
        .where(ReportAttachment.sha256 == sha256)
    )
    return [(a, r) for a, r in session.execute(query)]
