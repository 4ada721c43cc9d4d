"""API tokens: `Authorization: Bearer` opens /api/v1 for the token's user and units only."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.accounts import repository as repo
from opiniondesk.accounts import service
from opiniondesk.accounts.models import ApiToken
from opiniondesk.accounts.roles import Role
from opiniondesk.config import Settings
from opiniondesk.storage.base import utcnow
from opiniondesk.storage.engine import make_session_factory
from opiniondesk.web.app import create_app
from tests.accounts.builders import make_user, signed_in


@pytest.fixture
def sessions(seeded_engine: Engine, cheap_passwords: None) -> sessionmaker[Session]:
    factory = make_session_factory(seeded_engine)
    make_user(factory, "analyst", Role.analyst, ("01",))
    make_user(factory, "collector", Role.collaborator, ("VN",))
    return factory


@pytest.fixture
def api(
    settings: Settings, seeded_engine: Engine, sessions: sessionmaker[Session]
) -> Iterator[TestClient]:
    app: FastAPI = create_app(settings, engine=seeded_engine)
    with TestClient(app) as client:
        yield client


def _token(sessions: sessionmaker[Session], username: str, days: int | None = 30) -> str:
    with sessions.begin() as session:
        user = service.get_user(session, username)
        _, token = service.create_api_token(
            session, user=user, name="test", days=days, now=utcnow(), actor=None
        )
    return token


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_token_opens_the_api_for_its_units(
    api: TestClient, sessions: sessionmaker[Session]
) -> None:
    token = _token(sessions, "analyst")
    assert token.startswith("odk_") and len(token) > 40
    response = api.get("/api/v1/dashboard", headers=_bearer(token))
    assert response.status_code == 200
    assert response.json()["total"]["count"] == 900  # Hà Nội only
    assert api.get("/api/v1/dashboard?province=91", headers=_bearer(token)).status_code == 403


def test_only_the_hash_is_stored_and_use_is_noted(
    api: TestClient, sessions: sessionmaker[Session]
) -> None:
    token = _token(sessions, "analyst")
    api.get("/api/v1/dashboard", headers=_bearer(token))
    with sessions() as session:
        row = session.scalars(select(ApiToken)).one()
    assert token not in (row.token_hash, row.prefix) and token[4:12] == row.prefix
    assert row.last_used_at is not None


@pytest.mark.parametrize(
    "header",
    ["Bearer odk_not-a-real-token", "Bearer ", "Basic dXNlcjpwYXNz", "odk_only", "Bearer x" * 50],
)
def test_bad_tokens_are_401(api: TestClient, header: str) -> None:
    response = api.get("/api/v1/dashboard", headers={"Authorization": header})
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert "Bearer" in response.json()["error"]["message"]


def test_revoked_expired_and_disabled_are_401(
    api: TestClient, sessions: sessionmaker[Session]
) -> None:
    revoked, expired, disabled = (_token(sessions, "analyst") for _ in range(3))
    with sessions.begin() as session:
        user = service.get_user(session, "analyst")
        service.revoke_api_token(session, user=user, prefix=revoked[4:12], now=utcnow(), actor=None)
        session.execute(
            update(ApiToken)
            .where(ApiToken.prefix == expired[4:12])
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )
    for token in (revoked, expired):
        assert api.get("/api/v1/dashboard", headers=_bearer(token)).status_code == 401
    assert api.get("/api/v1/dashboard", headers=_bearer(disabled)).status_code == 200
    with sessions.begin() as session:
        user = service.get_user(session, "analyst")
        service.set_disabled(session, user=user, disabled=True, now=utcnow(), actor=None)
    assert api.get("/api/v1/dashboard", headers=_bearer(disabled)).status_code == 401


def test_token_without_expiry(api: TestClient, sessions: sessionmaker[Session]) -> None:
    token = _token(sessions, "analyst", days=None)
    assert api.get("/api/v1/dashboard", headers=_bearer(token)).status_code == 200


def test_role_without_the_action_is_403(api: TestClient, sessions: sessionmaker[Session]) -> None:
    token = _token(sessions, "collector")
    assert api.get("/api/v1/dashboard", headers=_bearer(token)).status_code == 403


def test_token_does_not_open_pages(api: TestClient, sessions: sessionmaker[Session]) -> None:
    token = _token(sessions, "analyst")
    response = api.get("/", headers=_bearer(token), follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")


def test_a_bad_token_is_not_rescued_by_a_cookie(api: TestClient) -> None:
    signed_in(api, "analyst")
    assert api.get("/api/v1/dashboard").status_code == 200
    bad = api.get("/api/v1/dashboard", headers=_bearer("odk_wrong"))
    assert bad.status_code == 401


def test_token_of_disabled_user_cannot_be_made(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        user = service.get_user(session, "analyst")
        repo.set_disabled(session, user.id, True)
        session.refresh(user)
        with pytest.raises(service.AccountConflict):
            service.create_api_token(session, user=user, name="x", days=1, now=utcnow(), actor=None)
