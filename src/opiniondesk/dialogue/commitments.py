"""Commitments made on air: each becomes a case assigned to its owner agency with a deadline,
and its progress is read back from that case's event log (never stored twice)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy.orm import Session

from opiniondesk.cases import access as case_access
from opiniondesk.cases import actions as case_actions
from opiniondesk.cases import repository as case_repo
from opiniondesk.cases import service as case_service
from opiniondesk.cases.actions import Context
from opiniondesk.cases.deadlines import local_day, working_days_between
from opiniondesk.cases.state import CaseStatus
from opiniondesk.dialogue import repository as repo
from opiniondesk.dialogue.models import Commitment, DialogueSession
from opiniondesk.dialogue.moderation import live_group
from opiniondesk.dialogue.sessions import unit_list
from opiniondesk.errors import InputError
from opiniondesk.text.pii import redact


class Progress(StrEnum):
    in_progress = "in_progress"
    overdue = "overdue"
    answered = "answered"  # the agency answered; the leader has not published it yet
    done = "done"  # published or closed


@dataclass(frozen=True, slots=True)
class CommitmentView:
    commitment: Commitment
    agency_name: str
    deadline: date  # the one in force (after any extension)
    progress: Progress
    case_status: CaseStatus
    published_answer: str  # only once the case is published


def add(
    session: Session,
    ctx: Context,
    dialogue: DialogueSession,
    *,
    group_id: int | None,
    text: str,
    agency_id: int,
    deadline: date,
) -> Commitment:
    """Record a promise and open its case: title = the promise, unit = the session's first unit,
    assigned to the agency with `deadline` as working days from today."""
    text = " ".join(text.split())
    if not 5 <= len(text) <= 500:
        raise InputError("Nội dung cam kết cần 5–500 ký tự. / A commitment needs 5–500 characters.")
    group = live_group(session, dialogue.id, group_id) if group_id is not None else None
    days = working_days_between(local_day(ctx.now), deadline, ctx.calendar)
    if days < 1:
        raise InputError(
            f"Hạn {deadline:%d/%m/%Y} phải là một ngày làm việc sau hôm nay. / The deadline "
            f"{deadline:%d/%m/%Y} must be a working day after today."
        )
    unit = unit_list(dialogue)[0]
    case_access.check_open(ctx.actor, unit)
    summary = f"Cam kết tại buổi đối thoại “{dialogue.title}”" + (
        f" — câu hỏi: {group.title}" if group else ""
    )
    case = case_service.open_case(
        session,
        title=text,
        summary=summary,
        unit_code=unit,
        now=ctx.now,
        actor=ctx.actor,
        request=ctx.request,
    )
    assigned = case_actions.assign(
        session, ctx, case_id=case.id, agency_id=agency_id, working_days=days
    )
    commitment = Commitment(
        session_id=dialogue.id,
        group_id=group.id if group else None,
        text=text,
        agency_id=agency_id,
        deadline=assigned.after.assignments[-1].deadline,
        case_id=case.id,
        created_by=ctx.actor.user_id if ctx.actor else None,
        created_at=ctx.now,
    )
    repo.add(session, commitment)
    return commitment


def views(session: Session, dialogue: DialogueSession, now_day: date) -> list[CommitmentView]:
    commitments = repo.commitments(session, dialogue.id)
    cases = case_service.views_of(
        session, case_repo.cases_by_ids(session, [c.case_id for c in commitments])
    )
    by_case = {v.case.id: v for v in cases}
    names = {a.id: a.name for a in case_repo.agencies(session, {c.agency_id for c in commitments})}
    found = []
    for commitment in commitments:
        view = by_case[commitment.case_id]
        state = view.state
        assignment = state.assignment(commitment.agency_id)
        deadline = assignment.deadline if assignment else commitment.deadline
        status = state.status
        if status in (CaseStatus.published, CaseStatus.closed):
            progress = Progress.done
        elif assignment is not None and assignment.answered:
            progress = Progress.answered
        elif now_day > deadline:
            progress = Progress.overdue
        else:
            progress = Progress.in_progress
        answer = ""
        if status == CaseStatus.published and assignment and assignment.answer:
            approved = state.approval.agency_ids if state.approval else ()
            # masked as on the public answers page, in case it quotes a phone number
            answer = (
                redact(assignment.answer, names=False).text
                if commitment.agency_id in approved
                else ""
            )
        found.append(
            CommitmentView(
                commitment, names.get(commitment.agency_id, ""), deadline, progress, status, answer
            )
        )
    return found
