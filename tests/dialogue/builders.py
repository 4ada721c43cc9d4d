"""Plain builders for dialogue tests: a session around a fixed clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.dialogue import sessions
from opiniondesk.dialogue.models import DialogueSession
from tests.accounts.builders import BA_DINH

NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)  # 09:00 in Hanoi, a Tuesday


def draft(now: datetime = NOW, **overrides: object) -> sessions.SessionDraft:
    values: dict[str, object] = {
        "title": "Đối thoại với Nhân dân phường Ba Đình quý IV",
        "starts_at": now + timedelta(days=2),
        "ends_at": now + timedelta(days=2, hours=3),
        "intake_opens_at": now - timedelta(days=1),
        "intake_closes_at": now + timedelta(days=2, hours=2),
        "medium": "livestream",
        "unit_codes": BA_DINH,
        "leaders": "Chủ tịch UBND phường\nPhó Chủ tịch UBND phường",
    }
    values.update(overrides)
    return sessions.SessionDraft(**values)  # type: ignore[arg-type]


def make_session(
    sessions_factory: sessionmaker[Session], now: datetime = NOW, **overrides: object
) -> int:
    with sessions_factory.begin() as session:
        return sessions.create(session, draft(now, **overrides), actor=None).id


def get(session: Session, session_id: int) -> DialogueSession:
    return sessions.get(session, session_id)
