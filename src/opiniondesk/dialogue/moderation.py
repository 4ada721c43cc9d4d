"""What a moderator does to groups: accept or decline a suggestion, merge, split a question
out, rename, reject with a reason. Counts are never stored, so a merge cannot double count:
people are counted from questions and supports at read time, each person once per group."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from opiniondesk.dialogue import repository as repo
from opiniondesk.dialogue.intake import TITLE_CHARS
from opiniondesk.dialogue.models import GroupState, Question, QuestionGroup
from opiniondesk.errors import DeskError, InputError, NotFoundError
from opiniondesk.text.pii import redact


class GroupConflict(DeskError):
    status = 409


def live_group(session: Session, session_id: int, group_id: int) -> QuestionGroup:
    group = repo.group_by_id(session, group_id)
    if group is None or group.session_id != session_id:
        raise NotFoundError(f"Không có nhóm câu hỏi #{group_id}. / No question group #{group_id}.")
    if group.state in (GroupState.rejected, GroupState.merged):
        raise GroupConflict(
            f"Nhóm #{group_id} đã bị loại hoặc đã gộp; tải lại trang. / Group #{group_id} was "
            "rejected or merged; reload the page."
        )
    return group


def question_of(session: Session, session_id: int, question_id: int) -> Question:
    question = repo.question_by_id(session, question_id)
    if question is None or question.session_id != session_id:
        raise NotFoundError(f"Không có câu hỏi #{question_id}. / No question #{question_id}.")
    return question


def merge(session: Session, session_id: int, target_id: int, source_ids: list[int]) -> int:
    """Fold `source_ids` into `target_id`; returns how many groups were merged."""
    target = live_group(session, session_id, target_id)
    merged = 0
    for source_id in dict.fromkeys(source_ids):
        if source_id == target.id:
            continue
        source = live_group(session, session_id, source_id)
        repo.move_questions(session, source.id, target.id)
        repo.move_supports(session, source.id, target.id)
        repo.move_commitments(session, source.id, target.id)
        source.state, source.merged_into_id = GroupState.merged, target.id
        target.published = target.published or source.published
        if source.answer_summary and not target.answer_summary:
            target.answer_summary, target.answered_at = source.answer_summary, source.answered_at
        merged += 1
    session.flush()
    return merged


def accept_suggestion(session: Session, session_id: int, question_id: int) -> int:
    """Put the question's group into the group it was suggested for; returns that group."""
    question = question_of(session, session_id, question_id)
    if question.suggested_group_id is None:
        raise GroupConflict(
            f"Câu hỏi #{question_id} không có gợi ý gộp. / Question #{question_id} has no "
            "suggestion."
        )
    target = question.suggested_group_id
    question.suggested_group_id, question.suggested_score = None, None
    merge(session, session_id, target, [question.group_id])
    return target


def decline_suggestion(session: Session, session_id: int, question_id: int) -> None:
    question = question_of(session, session_id, question_id)
    question.suggested_group_id, question.suggested_score = None, None


def split(session: Session, session_id: int, question_id: int, now: datetime) -> QuestionGroup:
    """Give one question a group of its own (the machine, or a moderator, grouped it wrongly)."""
    question = question_of(session, session_id, question_id)
    old = live_group(session, session_id, question.group_id)
    if len(repo.questions_of_group(session, old.id)) < 2:
        raise GroupConflict(
            f"Câu hỏi #{question_id} đã ở riêng một nhóm. / Question #{question_id} is alone in "
            "its group already."
        )
    group = QuestionGroup(session_id=session_id, title=question.text[:TITLE_CHARS], created_at=now)
    repo.add(session, group)
    question.group_id = group.id
    session.flush()
    return group


def rename(session: Session, session_id: int, group_id: int, title: str) -> None:
    group = live_group(session, session_id, group_id)
    title = " ".join(title.split())
    if not 1 <= len(title) <= 500:
        raise InputError("Tiêu đề nhóm cần 1–500 ký tự. / A group title needs 1–500 characters.")
    group.title = redact(title).text


def publish(session: Session, session_id: int, group_id: int, shown: bool = True) -> None:
    """Show the group's title on the public page (or take it off again)."""
    live_group(session, session_id, group_id).published = shown


def reject(session: Session, session_id: int, group_id: int, reason: str) -> None:
    group = live_group(session, session_id, group_id)
    reason = reason.strip()
    if not reason:
        raise InputError(
            "Hãy ghi lý do loại câu hỏi (ví dụ: không thuộc thẩm quyền, nội dung xúc phạm). / "
            "Give a reason for rejecting (e.g. outside the office's remit, abusive)."
        )
    group.state, group.reject_reason = GroupState.rejected, reason[:2000]
    group.published = False
