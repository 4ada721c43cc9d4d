"""Creating and editing dialogue sessions, and where a session stands at a given moment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy.orm import Session
from starlette.requests import HTTPConnection

from opiniondesk.accounts import audit
from opiniondesk.accounts.principal import Principal
from opiniondesk.cases.service import case_unit
from opiniondesk.dialogue import repository as repo
from opiniondesk.dialogue.models import DialogueSession, Medium
from opiniondesk.errors import InputError, NotFoundError


class Phase(StrEnum):
    upcoming = "upcoming"  # intake not open yet
    intake = "intake"  # the public form takes questions
    closed = "closed"  # intake closed, the session not over yet
    past = "past"


@dataclass(frozen=True, slots=True)
class SessionDraft:
    title: str
    starts_at: datetime
    ends_at: datetime
    intake_opens_at: datetime
    intake_closes_at: datetime
    medium: str
    unit_codes: str
    leaders: str = ""
    description: str = ""


def phase(dialogue: DialogueSession, now: datetime) -> Phase:
    if now >= dialogue.ends_at:
        return Phase.past
    if dialogue.intake_opens_at <= now < dialogue.intake_closes_at:
        return Phase.intake
    return Phase.upcoming if now < dialogue.intake_opens_at else Phase.closed


def unit_list(dialogue: DialogueSession) -> list[str]:
    return dialogue.unit_codes.split()


def _checked(draft: SessionDraft) -> dict[str, object]:
    title = " ".join(draft.title.split())
    if not 1 <= len(title) <= 300:
        raise InputError(
            "Tên buổi đối thoại cần 1–300 ký tự. / A session title needs 1–300 characters."
        )
    if draft.ends_at <= draft.starts_at:
        raise InputError(
            "Giờ kết thúc phải sau giờ bắt đầu. / The end time must be after the start time."
        )
    if draft.intake_closes_at <= draft.intake_opens_at:
        raise InputError(
            "Hạn nhận câu hỏi phải sau lúc mở nhận. / Questions must close after they open."
        )
    if draft.intake_closes_at > draft.ends_at:
        raise InputError(
            "Không thể nhận câu hỏi sau khi buổi đối thoại kết thúc. / Questions cannot be taken "
            "after the session ends."
        )
    try:
        medium = Medium(draft.medium)
    except ValueError:
        choices = ", ".join(m.value for m in Medium)
        raise InputError(
            f"Hình thức “{draft.medium[:20]}” không hợp lệ; chọn: {choices}. / Unknown medium "
            f"“{draft.medium[:20]}”; choose: {choices}."
        ) from None
    codes = [case_unit(code).code for code in draft.unit_codes.replace(",", " ").split()]
    if not codes:
        raise InputError(
            "Cần ít nhất một mã đơn vị (tỉnh hoặc xã/phường), ví dụ 00004. / At least one unit "
            "code (province or commune) is needed, e.g. 00004."
        )
    return {
        "title": title,
        "description": draft.description.strip()[:5000],
        "starts_at": draft.starts_at,
        "ends_at": draft.ends_at,
        "intake_opens_at": draft.intake_opens_at,
        "intake_closes_at": draft.intake_closes_at,
        "medium": medium,
        "unit_codes": " ".join(dict.fromkeys(codes)),
        "leaders": "\n".join(line.strip() for line in draft.leaders.splitlines() if line.strip()),
    }


def create(
    session: Session,
    draft: SessionDraft,
    *,
    actor: Principal | None,
    request: HTTPConnection | None = None,
) -> DialogueSession:
    values = _checked(draft)
    dialogue = DialogueSession(**values, created_by=actor.user_id if actor else None)
    repo.add(session, dialogue)
    audit.record(
        session,
        actor=actor,
        action="dialogue.create",
        object_type="dialogue_session",
        object_id=dialogue.id,
        request=request,
    )
    return dialogue


def update(
    session: Session,
    dialogue: DialogueSession,
    draft: SessionDraft,
    *,
    actor: Principal | None,
    request: HTTPConnection | None = None,
) -> None:
    for name, value in _checked(draft).items():
        setattr(dialogue, name, value)
    audit.record(
        session,
        actor=actor,
        action="dialogue.update",
        object_type="dialogue_session",
        object_id=dialogue.id,
        request=request,
    )


def get(session: Session, session_id: int) -> DialogueSession:
    found = repo.session_by_id(session, session_id)
    if found is None:
        raise NotFoundError(
            f"Không có buổi đối thoại #{session_id}. / No dialogue session #{session_id}."
        )
    return found
