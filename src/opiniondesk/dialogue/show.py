"""The run of show: the queue in order, moving groups, on air, answered with a summary.

Order: groups the moderator placed (by position) first, then the rest by the number of people
who asked or supported, most first. Moving a group up or down fixes the order of the whole
queue as shown, then swaps the two neighbours.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from opiniondesk.dialogue import repository as repo
from opiniondesk.dialogue.models import GroupState, QuestionGroup
from opiniondesk.dialogue.moderation import GroupConflict, live_group
from opiniondesk.errors import InputError


@dataclass(frozen=True, slots=True)
class Ranked:
    group: QuestionGroup
    people: int


def ranked(session: Session, session_id: int) -> list[Ranked]:
    """Every live group (queued, on air, answered) in run-of-show order."""
    counts = repo.people_per_group(session, session_id)
    rows = [Ranked(g, counts.get(g.id, 0)) for g in repo.groups(session, session_id)]
    return sorted(
        rows,
        key=lambda r: (
            r.group.position is None,
            r.group.position or 0,
            -r.people,
            r.group.id,
        ),
    )


def queue(session: Session, session_id: int) -> list[Ranked]:
    return [r for r in ranked(session, session_id) if r.group.state != GroupState.answered]


def move(session: Session, session_id: int, group_id: int, step: int) -> None:
    order = [r.group for r in queue(session, session_id)]
    index = next((i for i, g in enumerate(order) if g.id == group_id), None)
    if index is None:
        live_group(session, session_id, group_id)  # says why: unknown, rejected or merged
        raise GroupConflict(
            f"Nhóm #{group_id} không còn trong hàng chờ. / Group #{group_id} is not queued."
        )
    other = index + (1 if step > 0 else -1)
    if 0 <= other < len(order):
        order[index], order[other] = order[other], order[index]
    for position, group in enumerate(order, start=1):
        group.position = position


def on_air(session: Session, session_id: int, group_id: int, now: datetime) -> None:
    group = live_group(session, session_id, group_id)
    for other in repo.groups(session, session_id, [GroupState.on_air]):
        if other.id != group.id:
            other.state = GroupState.queued  # one question on air at a time
    group.state, group.on_air_at = GroupState.on_air, now


def answered(session: Session, session_id: int, group_id: int, summary: str, now: datetime) -> None:
    group = live_group(session, session_id, group_id)
    summary = summary.strip()
    if not summary:
        raise InputError(
            "Hãy tóm tắt câu trả lời (một vài câu). / Summarise the answer (a sentence or two)."
        )
    group.state, group.answered_at = GroupState.answered, now
    group.published = True  # answered on air: public already
    group.answer_summary = summary[:5000]
