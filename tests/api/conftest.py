"""Fixtures of the API tests: the web tests' seeded SQLite database, Hà Nội's case office
(agencies, an analyst, a leader, responders) and tokens for them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.accounts import service
from opiniondesk.config import Settings
from opiniondesk.storage.base import utcnow
from opiniondesk.storage.engine import make_session_factory
from opiniondesk.web.app import create_app
from tests.accounts.builders import cheap_passwords
from tests.cases import builders as case_builders
from tests.cases.builders import Office, hanoi_office
from tests.web.conftest import engine, seeded_engine, settings

__all__ = ["cheap_passwords", "engine", "seeded_engine", "settings"]


@pytest.fixture
def sessions(seeded_engine: Engine, cheap_passwords: None) -> sessionmaker[Session]:
    return make_session_factory(seeded_engine)


@pytest.fixture
def office(sessions: sessionmaker[Session]) -> Office:
    return hanoi_office(sessions)


@pytest.fixture
def app(settings: Settings, seeded_engine: Engine) -> FastAPI:
    app = create_app(settings, engine=seeded_engine)
    app.state.cases_settings = case_builders.settings()
    return app


@pytest.fixture
def api(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield client


def token_for(sessions: sessionmaker[Session], username: str) -> str:
    with sessions.begin() as session:
        user = service.get_user(session, username)
        _, token = service.create_api_token(
            session, user=user, name="test", days=30, now=utcnow(), actor=None
        )
    return token


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
