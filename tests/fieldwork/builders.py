"""Builders of the fieldwork tests: a collaborator with an API token, a report payload, and
(from tests/browser.py) a live uvicorn server for the tests that need real concurrent
connections or a browser."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.accounts import tokens
from opiniondesk.accounts.roles import Role
from opiniondesk.storage.base import utcnow
from tests.accounts.builders import BA_DINH, make_user
from tests.browser import free_port, live_server

__all__ = ["COLLABORATOR", "collaborator_token", "free_port", "live_server", "report"]

COLLABORATOR = "ctv"


def collaborator_token(
    sessions: sessionmaker[Session], unit: str = BA_DINH, username: str = COLLABORATOR
) -> str:
    user = make_user(sessions, username, Role.collaborator, (unit,))
    with sessions.begin() as session:
        _, token = tokens.issue_token(session, user_id=user.id, name="phone", now=utcnow(), days=1)
    return token


def report(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "instance_id": str(uuid.uuid4()),
        "topic": "Giá điện",
        "unit_code": BA_DINH,
        "mood": "negative",
        "concern": "high",
        "spread": "local",
        "heard_at": "market",
        "summary": "Bà con ở chợ phàn nàn hoá đơn tiền điện tháng này tăng gấp đôi.",
        "suggested_action": "Điện lực giải thích cách tính giá bậc thang.",
    }
    body.update(changes)
    return body
