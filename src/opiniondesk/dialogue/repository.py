"""Every query of the dialogue area."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import delete, func, literal_column, select, union, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from opiniondesk.dialogue.models import (
    AskerContact,
    Commitment,
    DialogueSession,
    GroupState,
    IntakeAttempt,
    Question,
    QuestionGroup,
    Support,
)

LIVE_STATES = (GroupState.queued, GroupState.on_air, GroupState.answered)


def add(session: Session, row: object) -> None:
    session.add(row)
    session.flush()


def sessions(session: Session, limit: int = 500) -> list[DialogueSession]:
    query = select(DialogueSession).order_by(DialogueSession.starts_at.desc()).limit(limit)
    return list(session.scalars(query))


def session_by_id(session: Session, session_id: int) -> DialogueSession | None:
    return session.get(DialogueSession, session_id)


def group_by_id(session: Session, group_id: int) -> QuestionGroup | None:
    return session.get(QuestionGroup, group_id)


def question_by_id(session: Session, question_id: int) -> Question | None:
    return session.get(Question, question_id)


def groups(
    session: Session, session_id: int, states: Collection[GroupState] = LIVE_STATES
) -> list[QuestionGroup]:
    query = (
        select(QuestionGroup)
        .where(QuestionGroup.session_id == session_id, QuestionGroup.state.in_(list(states)))
        .order_by(QuestionGroup.id)
    )
    return list(session.scalars(query))


def questions(session: Session, session_id: int) -> list[Question]:
    query = select(Question).where(Question.session_id == session_id).order_by(Question.id)
    return list(session.scalars(query))


class StoredQuestion(NamedTuple):
    """What grouping reads of a stored question: plain columns, no ORM object per row."""

    id: int
    group_id: int
    person_key: str
    text: str


def question_rows(session: Session, session_id: int) -> list[StoredQuestion]:
    query = (
        select(Question.id, Question.group_id, Question.person_key, Question.text)
        .where(Question.session_id == session_id)
        .order_by(Question.id)
    )
    return [StoredQuestion(*row) for row in session.execute(query)]


def live_group_ids(session: Session, session_id: int) -> set[int]:
    query = select(QuestionGroup.id).where(
        QuestionGroup.session_id == session_id, QuestionGroup.state.in_(LIVE_STATES)
    )
    return set(session.scalars(query))


def questions_of_group(session: Session, group_id: int) -> list[Question]:
    query = select(Question).where(Question.group_id == group_id).order_by(Question.id)
    return list(session.scalars(query))


def people_per_group(session: Session, session_id: int) -> dict[int, int]:
    """Distinct people per live group (queued, on air, answered): askers and supporters
    together, each counted once."""
    live = (QuestionGroup.session_id == session_id) & QuestionGroup.state.in_(LIVE_STATES)
    asked = (
        select(Question.group_id.label("group_id"), Question.person_key.label("person"))
        .join(QuestionGroup, QuestionGroup.id == Question.group_id)
        .where(live)
    )
    supported = (
        select(Support.group_id.label("group_id"), Support.person_key.label("person"))
        .join(QuestionGroup, QuestionGroup.id == Support.group_id)
        .where(live)
    )
    people = union(asked, supported).subquery()  # UNION drops repeated (group, person) pairs
    query = select(people.c.group_id, func.count(literal_column("*"))).group_by(people.c.group_id)
    return {int(group_id): int(n) for group_id, n in session.execute(query)}


def has_support(session: Session, group_id: int, person_key: str) -> bool:
    query = select(Support.id).where(Support.group_id == group_id, Support.person_key == person_key)
    return session.scalar(query) is not None


def has_asked(session: Session, group_id: int, person_key: str) -> bool:
    query = select(Question.id).where(
        Question.group_id == group_id, Question.person_key == person_key
    )
    return session.scalar(query.limit(1)) is not None


def move_questions(session: Session, source_id: int, target_id: int) -> None:
    session.execute(
        update(Question).where(Question.group_id == source_id).values(group_id=target_id)
    )
    session.execute(
        update(Question)
        .where(Question.suggested_group_id == source_id)
        .values(suggested_group_id=target_id)
    )


def move_supports(session: Session, source_id: int, target_id: int) -> None:
    """Supports of `source` go to `target`; a person already there is not added twice."""
    present = select(Support.person_key).where(Support.group_id == target_id)
    session.execute(
        delete(Support).where(Support.group_id == source_id, Support.person_key.in_(present))
    )
    session.execute(update(Support).where(Support.group_id == source_id).values(group_id=target_id))


def move_commitments(session: Session, source_id: int, target_id: int) -> None:
    session.execute(
        update(Commitment).where(Commitment.group_id == source_id).values(group_id=target_id)
    )


def commitments(session: Session, session_id: int) -> list[Commitment]:
    query = select(Commitment).where(Commitment.session_id == session_id).order_by(Commitment.id)
    return list(session.scalars(query))


def attempts_since(
    session: Session, *, since: datetime, browser_key: str, ip_key: str
) -> tuple[int, int]:
    def count(column: InstrumentedAttribute[str], value: str) -> int:
        query = select(func.count(IntakeAttempt.id)).where(
            IntakeAttempt.at >= since, column == value
        )
        return int(session.scalar(query) or 0)

    return count(IntakeAttempt.browser_key, browser_key), count(IntakeAttempt.ip_key, ip_key)


def purge_attempts(session: Session, before: datetime) -> int:
    result = session.execute(delete(IntakeAttempt).where(IntakeAttempt.at < before))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def purge_contacts(session: Session, now: datetime) -> int:
    result = session.execute(delete(AskerContact).where(AskerContact.retain_until < now))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def contact_count(session: Session) -> int:
    return int(session.scalar(select(func.count(AskerContact.id))) or 0)
