"""Who may call /api/v1: a token or a session is needed (401), the role must hold the route's
action (403), and every error has the one JSON shape."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.accounts.roles import Role
from tests.accounts.builders import make_user, signed_in
from tests.api.conftest import bearer, token_for

READS = ["/api/v1/documents", "/api/v1/alerts", "/api/v1/cases", "/api/v1/topics",
         "/api/v1/stats", "/api/v1/units?q=ha"]  # fmt: skip


def test_without_credentials_every_read_is_401_json(api: TestClient) -> None:
    for path in READS:
        response = api.get(path)
        assert response.status_code == 401, path
        assert response.headers["www-authenticate"] == "Bearer"
        error = response.json()["error"]
        assert error["code"] == "unauthorized" and error["status"] == 401 and error["message"]


def test_a_wrong_token_is_401(api: TestClient) -> None:
    response = api.get("/api/v1/documents", headers=bearer("odk_forged-token-value"))
    assert response.status_code == 401


def test_a_role_without_the_action_is_403(api: TestClient, sessions: sessionmaker[Session]) -> None:
    make_user(sessions, "ctv", Role.collaborator, ("01",))
    token = bearer(token_for(sessions, "ctv"))
    for path in ("/api/v1/documents", "/api/v1/alerts", "/api/v1/cases", "/api/v1/stats"):
        response = api.get(path, headers=token)
        assert response.status_code == 403, path
        assert response.json()["error"]["code"] == "forbidden"
    assert api.get("/api/v1/units?q=ha", headers=token).status_code == 200


def test_the_session_cookie_works_too_and_writes_need_csrf(
    api: TestClient, sessions: sessionmaker[Session]
) -> None:
    make_user(sessions, "reader", Role.analyst, ("VN",))
    signed_in(api, "reader")
    assert api.get("/api/v1/documents").status_code == 200
    refused = api.patch("/api/v1/alerts/1", json={"status": "closed"})
    assert refused.status_code == 403  # no CSRF token with the cookie


def test_validation_errors_have_the_same_shape(
    api: TestClient, sessions: sessionmaker[Session]
) -> None:
    make_user(sessions, "reader", Role.analyst, ("VN",))
    token = bearer(token_for(sessions, "reader"))
    response = api.get("/api/v1/documents?limit=0", headers=token)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_input" and "limit" in error["message"]
