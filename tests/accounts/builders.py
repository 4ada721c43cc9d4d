"""Builders for account tests: users made through the service, sign-in through the form."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.accounts import passwords, service
from opiniondesk.accounts.models import User
from opiniondesk.accounts.roles import Role

PASSWORD = "correct horse battery"  # 21 characters
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
_CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')

# Real 2025 units: Hà Nội (01) with its ward Ba Đình (00004); Hồ Chí Minh (79).
HANOI, BA_DINH, HCMC = "01", "00004", "79"


@pytest.fixture
def cheap_passwords(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """argon2 with tiny parameters: the tests check behaviour, not the cost of a guess."""
    monkeypatch.setattr(passwords, "HASHER", CHEAP_HASHER)
    passwords._dummy_hash.cache_clear()
    yield
    passwords._dummy_hash.cache_clear()


def make_user(
    sessions: sessionmaker[Session],
    username: str,
    role: Role | str = Role.analyst,
    units: tuple[str, ...] = ("VN",),
    *,
    password: str = PASSWORD,
    agency_id: int | None = None,
) -> User:
    with sessions.begin() as session:
        return service.create_user(
            session,
            username=username,
            password=password,
            grants=[service.GrantRequest(Role(role), code, agency_id) for code in units],
            actor=None,
        )


def csrf_from(html: str) -> str:
    match = _CSRF_INPUT.search(html)
    assert match, "no csrf_token field on the page"
    return match.group(1)


def login(
    client: TestClient, username: str, password: str = PASSWORD, *, next_path: str = "/"
) -> Response:
    """Sign in through the login form, as a browser does (the redirect is not followed)."""
    page = client.get("/login")
    token = csrf_from(page.text)
    return client.post(
        "/login",
        data={"username": username, "password": password, "next": next_path, "csrf_token": token},
        follow_redirects=False,
    )


def signed_in(client: TestClient, username: str, password: str = PASSWORD) -> TestClient:
    response = login(client, username, password)
    assert response.status_code == 303, response.text
    return client


def page_token(client: TestClient, path: str = "/account") -> str:
    """The CSRF token the signed-in client's pages carry."""
    return csrf_from(client.get(path).text)
