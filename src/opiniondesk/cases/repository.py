"""Every SQL statement of the case workflow."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Exists, and_, exists, func, select, true, update
from sqlalchemy.orm import Session

from opiniondesk.accounts.principal import UnitScope
from opiniondesk.accounts.repository import unit_condition
from opiniondesk.cases.events import EventKind
from opiniondesk.cases.models import (
    Agency,
    Case,
    CaseEvent,
    CaseEvidence,
    CaseNotification,
    LeaderInbox,
)
from opiniondesk.storage.base import utcnow
from opiniondesk.storage.dialect import insert_for
from opiniondesk.storage.models import Channel, Document, Topic

_FINISHED = (EventKind.approved.value, EventKind.closed.value)

# ---- agencies and inboxes ----------------------------------------------------------------


def add_agency(session: Session, agency: Agency) -> Agency:
    session.add(agency)
    session.flush()
    return agency


def agency_by_code(session: Session, code: str) -> Agency | None:
    return session.scalar(select(Agency).where(Agency.code == code))


def agency_by_id(session: Session, agency_id: int) -> Agency | None:
    return session.get(Agency, agency_id)


def agencies(session: Session, ids: Collection[int] | None = None) -> list[Agency]:
    query = select(Agency).order_by(Agency.name, Agency.id)
    if ids is not None:
        query = query.where(Agency.id.in_(sorted(ids)))
    return list(session.scalars(query))


def add_inbox(session: Session, unit_code: str, email: str) -> bool:
    """False when the unit already has this inbox."""
    statement = (
        insert_for(session, LeaderInbox)
        .values(unit_code=unit_code, email=email, created_at=_now())
        .on_conflict_do_nothing(index_elements=["unit_code", "email"])
        .returning(LeaderInbox.id)
    )
    return session.execute(statement).scalar() is not None


def inboxes(session: Session, unit_codes: Collection[str] | None = None) -> list[LeaderInbox]:
    query = select(LeaderInbox).order_by(LeaderInbox.unit_code, LeaderInbox.email)
    if unit_codes is not None:
        query = query.where(LeaderInbox.unit_code.in_(sorted(unit_codes)))
    return list(session.scalars(query))


def topic_exists(session: Session, code: str) -> bool:
    return session.scalar(select(exists().where(Topic.code == code))) or False


def topic_labels(session: Session, codes: Collection[str], language: str) -> dict[str, str]:
    if not codes:
        return {}
    label = Topic.label_vi if language == "vi" else Topic.label_en
    query = select(Topic.code, label).where(Topic.code.in_(sorted(codes)))
    return {code: text for code, text in session.execute(query)}


def active_topics(session: Session, language: str) -> dict[str, str]:
    label = Topic.label_vi if language == "vi" else Topic.label_en
    query = select(Topic.code, label).where(Topic.active.is_(True)).order_by(Topic.code)
    return {code: text for code, text in session.execute(query)}


def existing_document_ids(session: Session, ids: Collection[int]) -> set[int]:
    if not ids:
        return set()
    return set(session.scalars(select(Document.id).where(Document.id.in_(sorted(ids)))))


# ---- cases and their events ----------------------------------------------------------------


def add_case(session: Session, case: Case) -> Case:
    session.add(case)
    session.flush()
    return case


def case_by_id(session: Session, case_id: int, *, lock: bool = False) -> Case | None:
    """The case; `lock` holds its row until commit so that concurrent writers of the same
    case take turns (PostgreSQL; SQLite has one writer at a time anyway)."""
    query = select(Case).where(Case.id == case_id)
    if lock:
        query = query.with_for_update()
    return session.scalar(query)


def events_of(session: Session, case_id: int) -> list[CaseEvent]:
    return list(
        session.scalars(
            select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.id)
        )
    )


def events_of_cases(session: Session, case_ids: Collection[int]) -> dict[int, list[CaseEvent]]:
    grouped: dict[int, list[CaseEvent]] = defaultdict(list)
    ids = sorted(case_ids)
    for start in range(0, len(ids), 500):  # keep IN lists short
        query = (
            select(CaseEvent)
            .where(CaseEvent.case_id.in_(ids[start : start + 500]))
            .order_by(CaseEvent.case_id, CaseEvent.id)
        )
        for event in session.scalars(query):
            grouped[event.case_id].append(event)
    return grouped


def insert_event(session: Session, values: dict[str, Any]) -> int | None:
    """Append one event; None when an event with the same (case, dedupe_key) exists."""
    statement = (
        insert_for(session, CaseEvent)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["case_id", "dedupe_key"])
        .returning(CaseEvent.id)
    )
    return session.execute(statement).scalar()


def event_by_id(session: Session, event_id: int) -> CaseEvent:
    found = session.get(CaseEvent, event_id)
    assert found is not None, f"case_event {event_id} vanished inside its own transaction"
    return found


def _has_event(kinds: Sequence[str], agency_ids: Collection[int] | None = None) -> Exists:
    condition = and_(CaseEvent.case_id == Case.id, CaseEvent.kind.in_(kinds))
    if agency_ids is not None:
        condition = and_(condition, CaseEvent.agency_id.in_(sorted(agency_ids)))
    return exists().where(condition)


def visibility(scope: UnitScope, agency_ids: Collection[int]) -> ColumnElement[bool]:
    """Cases inside `scope`, or assigned to one of `agency_ids`."""
    in_units = unit_condition(scope, province=Case.province_code, commune=Case.unit_code)
    if not agency_ids:
        return in_units
    return in_units | _has_event([EventKind.assigned.value], agency_ids)


def cases(
    session: Session,
    *,
    where: ColumnElement[bool] | None = None,
    agency_id: int | None = None,
    limit: int | None = None,
) -> list[Case]:
    query = select(Case).where(where if where is not None else true())
    if agency_id is not None:
        query = query.where(_has_event([EventKind.assigned.value], [agency_id]))
    query = query.order_by(Case.created_at.desc(), Case.id.desc())
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))


def cases_by_ids(session: Session, ids: Collection[int]) -> list[Case]:
    if not ids:
        return []
    return list(session.scalars(select(Case).where(Case.id.in_(sorted(ids)))))


def active_assigned_case_ids(session: Session) -> list[int]:
    """Cases with an agency assigned that are neither approved nor closed: the ones the
    reminder and escalation jobs look at."""
    query = (
        select(Case.id)
        .where(_has_event([EventKind.assigned.value]), ~_has_event(_FINISHED))
        .order_by(Case.id)
    )
    return list(session.scalars(query))


def assigned_case_ids(session: Session, agency_ids: Collection[int] | None = None) -> list[int]:
    query = select(Case.id).where(_has_event([EventKind.assigned.value], agency_ids))
    return list(session.scalars(query.order_by(Case.id)))


def published_case_ids(session: Session) -> list[int]:
    """Published cases, the most recently published first."""
    query = (
        select(CaseEvent.case_id)
        .where(CaseEvent.kind == EventKind.published.value)
        .order_by(CaseEvent.at.desc(), CaseEvent.case_id.desc())
    )
    return list(session.scalars(query))


# ---- evidence ----------------------------------------------------------------------------


def add_evidence(
    session: Session,
    case_id: int,
    *,
    document_id: int | None = None,
    alert_id: int | None = None,
    added_by: int | None,
) -> bool:
    """Link a document or an alert; False when it was already linked."""
    key = ["case_id", "document_id"] if document_id is not None else ["case_id", "alert_id"]
    statement = (
        insert_for(session, CaseEvidence)
        .values(
            case_id=case_id,
            document_id=document_id,
            alert_id=alert_id,
            added_by=added_by,
            added_at=_now(),
        )
        .on_conflict_do_nothing(index_elements=key)
        .returning(CaseEvidence.id)
    )
    return session.execute(statement).scalar() is not None


def evidence_of(session: Session, case_id: int) -> list[CaseEvidence]:
    query = select(CaseEvidence).where(CaseEvidence.case_id == case_id).order_by(CaseEvidence.id)
    return list(session.scalars(query))


def evidence_documents(
    session: Session, case_id: int, *, limit: int = 50
) -> list[tuple[Document, str]]:
    """The case's documents (already redacted) with their channel kind, newest first."""
    query = (
        select(Document, Channel.kind)
        .join(CaseEvidence, CaseEvidence.document_id == Document.id)
        .join(Channel, Channel.id == Document.channel_id)
        .where(CaseEvidence.case_id == case_id)
        .order_by(Document.published_at.desc(), Document.id.desc())
        .limit(limit)
    )
    return [(doc, str(kind)) for doc, kind in session.execute(query)]


def document_counts(session: Session, case_ids: Collection[int]) -> dict[int, int]:
    """How many documents each case links to (shown to the public only above the threshold)."""
    if not case_ids:
        return {}
    query = (
        select(CaseEvidence.case_id, func.count(CaseEvidence.document_id))
        .where(CaseEvidence.case_id.in_(sorted(case_ids)))
        .group_by(CaseEvidence.case_id)
    )
    return {case_id: int(n) for case_id, n in session.execute(query)}


# ---- the e-mail outbox ---------------------------------------------------------------------


def queue_notification(session: Session, values: dict[str, Any]) -> bool:
    statement = (
        insert_for(session, CaseNotification)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["event_id", "recipient"])
        .returning(CaseNotification.id)
    )
    return session.execute(statement).scalar() is not None


def lock_outbox(session: Session) -> None:
    """Make this transaction the outbox's writer before reading it. SQLite has no row locks:
    a write that changes nothing takes the database write lock, so a second sender waits
    and then finds the mails already sent. PostgreSQL uses SKIP LOCKED below instead."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(
            update(CaseNotification)
            .where(CaseNotification.id < 0)
            .values(attempts=CaseNotification.attempts)
        )


def pending_notifications(
    session: Session, *, max_attempts: int, limit: int
) -> list[CaseNotification]:
    """Unsent e-mails still worth trying, oldest first, locked against a second sender."""
    query = (
        select(CaseNotification)
        .where(CaseNotification.sent_at.is_(None), CaseNotification.attempts < max_attempts)
        .order_by(CaseNotification.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return list(session.scalars(query))


def count_pending_notifications(session: Session, *, max_attempts: int) -> int:
    query = select(func.count()).where(
        CaseNotification.sent_at.is_(None), CaseNotification.attempts < max_attempts
    )
    return int(session.scalar(query) or 0)


def mark_sent(session: Session, notification_id: int, at: datetime) -> None:
    session.execute(
        update(CaseNotification)
        .where(CaseNotification.id == notification_id)
        .values(sent_at=at, attempts=CaseNotification.attempts + 1, last_error="")
    )


def mark_failed(session: Session, notification_id: int, error: str) -> None:
    session.execute(
        update(CaseNotification)
        .where(CaseNotification.id == notification_id)
        .values(attempts=CaseNotification.attempts + 1, last_error=error[:2000])
    )


def notifications_of(session: Session, case_id: int) -> list[CaseNotification]:
    query = (
        select(CaseNotification)
        .where(CaseNotification.case_id == case_id)
        .order_by(CaseNotification.id)
    )
    return list(session.scalars(query))


def _now() -> datetime:
    return utcnow()
