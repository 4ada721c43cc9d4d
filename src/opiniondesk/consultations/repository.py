"""Every query of the consultations area."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from opiniondesk.consultations.models import (
    AnalysisRun,
    Consultation,
    ConsultationStatus,
    Participant,
    Statement,
    StatementStatus,
    Vote,
)
from opiniondesk.storage.dialect import insert_for


def add(session: Session, row: Any) -> Any:
    session.add(row)
    session.flush()
    return row


def consultation(session: Session, consultation_id: int) -> Consultation | None:
    return session.get(Consultation, consultation_id)


def consultations(
    session: Session, statuses: Iterable[ConsultationStatus] | None = None
) -> list[Consultation]:
    query = select(Consultation).order_by(Consultation.id.desc())
    if statuses is not None:
        query = query.where(Consultation.status.in_([s.value for s in statuses]))
    return list(session.scalars(query))


def statements(
    session: Session, consultation_id: int, statuses: Iterable[StatementStatus] | None = None
) -> list[Statement]:
    query = select(Statement).where(Statement.consultation_id == consultation_id)
    if statuses is not None:
        query = query.where(Statement.status.in_([s.value for s in statuses]))
    return list(session.scalars(query.order_by(Statement.id)))


def statement(session: Session, consultation_id: int, statement_id: int) -> Statement | None:
    found = session.get(Statement, statement_id)
    return found if found is not None and found.consultation_id == consultation_id else None


def statement_counts(session: Session, consultation_id: int) -> dict[str, int]:
    rows = session.execute(
        select(Statement.status, func.count())
        .where(Statement.consultation_id == consultation_id)
        .group_by(Statement.status)
    )
    return {str(status): int(count) for status, count in rows}


def bulk_insert(session: Session, model: Any, rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        session.execute(insert(model), list(rows))


def participant_id(session: Session, consultation_id: int, key_hash: str) -> int:
    """The participant with this key, created on first use (safe when two requests race)."""
    session.execute(
        insert_for(session, Participant.__table__)
        .values(consultation_id=consultation_id, key_hash=key_hash, created_at=_now())
        .on_conflict_do_nothing(index_elements=["consultation_id", "key_hash"])
    )
    found = session.scalar(
        select(Participant.id).where(
            Participant.consultation_id == consultation_id, Participant.key_hash == key_hash
        )
    )
    assert found is not None
    return int(found)


def existing_participant(session: Session, consultation_id: int, key_hash: str) -> int | None:
    return session.scalar(
        select(Participant.id).where(
            Participant.consultation_id == consultation_id, Participant.key_hash == key_hash
        )
    )


def participant_ids(session: Session, consultation_id: int) -> dict[str, int]:
    rows = session.execute(
        select(Participant.key_hash, Participant.id).where(
            Participant.consultation_id == consultation_id
        )
    )
    return {key: int(pid) for key, pid in rows}


def cast_vote(
    session: Session,
    *,
    consultation_id: int,
    participant_id: int,
    statement_id: int,
    vote: int,
    at: datetime,
) -> None:
    """Keep the latest vote per participant and statement: a new vote replaces the old."""
    statement = insert_for(session, Vote.__table__).values(
        consultation_id=consultation_id,
        participant_id=participant_id,
        statement_id=statement_id,
        vote=vote,
        voted_at=at,
    )
    session.execute(
        statement.on_conflict_do_update(
            index_elements=["participant_id", "statement_id"],
            set_={"vote": statement.excluded.vote, "voted_at": statement.excluded.voted_at},
        )
    )


def votes(session: Session, consultation_id: int) -> list[tuple[int, int, int]]:
    """(participant id, statement id, vote) for every latest vote of the consultation."""
    rows = session.execute(
        select(Vote.participant_id, Vote.statement_id, Vote.vote)
        .where(Vote.consultation_id == consultation_id)
        .order_by(Vote.id)
    )
    return [(int(p), int(s), int(v)) for p, s, v in rows]


def vote_count(session: Session, consultation_id: int) -> int:
    return int(
        session.scalar(
            select(func.count()).select_from(Vote).where(Vote.consultation_id == consultation_id)
        )
        or 0
    )


def participant_count(session: Session, consultation_id: int) -> int:
    return int(
        session.scalar(
            select(func.count(func.distinct(Vote.participant_id))).where(
                Vote.consultation_id == consultation_id
            )
        )
        or 0
    )


def voted_statements(session: Session, participant_id: int) -> set[int]:
    return set(
        session.scalars(select(Vote.statement_id).where(Vote.participant_id == participant_id))
    )


def vote_totals(session: Session, consultation_id: int) -> dict[int, int]:
    rows = session.execute(
        select(Vote.statement_id, func.count())
        .where(Vote.consultation_id == consultation_id)
        .group_by(Vote.statement_id)
    )
    return {int(s): int(n) for s, n in rows}


def votes_since(session: Session, participant_id: int, since: datetime) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(Vote)
            .where(Vote.participant_id == participant_id, Vote.voted_at >= since)
        )
        or 0
    )


def submissions_since(session: Session, consultation_id: int, since: datetime) -> int:
    """Statements submitted by participants since `since` (all participants: none is traced)."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(Statement)
            .where(
                Statement.consultation_id == consultation_id,
                Statement.submitted_by_participant.is_(True),
                Statement.created_at >= since,
            )
        )
        or 0
    )


def set_statement_status(session: Session, statement_id: int, status: StatementStatus) -> None:
    session.execute(update(Statement).where(Statement.id == statement_id).values(status=status))


def latest_run(session: Session, consultation_id: int) -> AnalysisRun | None:
    return session.scalar(
        select(AnalysisRun)
        .where(AnalysisRun.consultation_id == consultation_id)
        .order_by(AnalysisRun.computed_at.desc(), AnalysisRun.id.desc())
        .limit(1)
    )


def _now() -> datetime:
    from opiniondesk.storage.base import utcnow

    return utcnow()


def newest_vote_at(session: Session, consultation_id: int) -> datetime | None:
    return session.scalar(
        select(func.max(Vote.voted_at)).where(Vote.consultation_id == consultation_id)
    )
