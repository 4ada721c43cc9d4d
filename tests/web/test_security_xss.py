"""Script payloads typed into any field the desk shows back are rendered escaped."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from markupsafe import escape
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.accounts import audit
from opiniondesk.accounts.roles import Role
from opiniondesk.config import Settings
from opiniondesk.storage.engine import make_session_factory
from opiniondesk.web.app import create_app
from tests.accounts.builders import csrf_from, login, make_user, page_token, signed_in

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "</textarea><script>alert(1)</script>",
]


@pytest.fixture
def sessions(seeded_engine: Engine, cheap_passwords: None) -> sessionmaker[Session]:
    factory = make_session_factory(seeded_engine)
    make_user(factory, "admin", Role.admin)
    return factory


@pytest.fixture
def app(settings: Settings, seeded_engine: Engine, sessions: sessionmaker[Session]) -> FastAPI:
    return create_app(settings, engine=seeded_engine)


@pytest.fixture
def admin(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield signed_in(client, "admin")


def _escaped(text: str, payload: str) -> None:
    """The payload never appears raw, and no tag of it survives."""
    assert payload not in text
    assert "<script>alert" not in text
    assert "<img src=x" not in text and "<svg onload" not in text


def _shown(text: str, payload: str) -> bool:
    """The payload is on the page as text (escaped the way Jinja escapes)."""
    return str(escape(payload)) in text


@pytest.mark.parametrize("payload", PAYLOADS)
def test_login_form_echo(app: FastAPI, payload: str) -> None:
    with TestClient(app) as client:
        response = login(client, payload, "whatever password", next_path="/" + payload)
        assert response.status_code == 400
        _escaped(response.text, payload)
        assert _shown(response.text, payload)  # shown back, as text
        page = client.get("/login", params={"next": "/" + payload})
        _escaped(page.text, payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_user_form_echo(admin: TestClient, payload: str) -> None:
    response = admin.post(
        "/admin/users",
        data={"username": payload, "role": payload, "units": payload,
              "password": "x", "confirm": "x", "csrf_token": page_token(admin)},
    )  # fmt: skip
    assert response.status_code in (400, 409, 422)
    _escaped(response.text, payload)
    for field in ("username", "role", "units"):
        response = admin.post(
            "/admin/users",
            data={"username": "newuser", "role": "analyst", "units": "01",
                  "password": "long enough password", "confirm": "long enough password",
                  "csrf_token": page_token(admin), field: payload},
        )  # fmt: skip
        _escaped(response.text, payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_notices_and_filters_echo(admin: TestClient, payload: str) -> None:
    for key in ("created", "disabled", "enabled"):
        _escaped(admin.get("/admin/users", params={key: payload}).text, payload)
    for key in ("actor", "object_type", "action", "from", "to", "page"):
        _escaped(admin.get("/admin/audit", params={key: payload}).text, payload)
    _escaped(admin.get("/", params={"province": payload}).text, payload)
    _escaped(admin.get("/", params={"from": payload}).text, payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_audit_log_values(
    app: FastAPI, admin: TestClient, sessions: sessionmaker[Session], payload: str
) -> None:
    with sessions.begin() as session:
        audit.record(
            session,
            actor=None,
            action="case.assign",
            object_type="case",
            object_id=payload,
            details={"title": payload, "values": [payload]},
        )
    with TestClient(app, headers={"User-Agent": payload}) as client:
        signed_in(client, "admin")  # an audited sign-in with that user agent
    page = admin.get("/admin/audit")
    assert page.status_code == 200
    _escaped(page.text, payload)
    assert _shown(page.text, payload)


def test_csrf_field_is_an_attribute_value(admin: TestClient) -> None:
    token = csrf_from(admin.get("/account").text)
    assert '"' not in token and "<" not in token
