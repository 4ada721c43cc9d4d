"""CSRF: every state-changing route (enumerated from the app) refuses a missing or wrong token
and a foreign Origin with 403; the right token from the same site passes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Annotated

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import Engine

from opiniondesk.accounts.access import Action, require, route_access
from opiniondesk.accounts.principal import Principal
from opiniondesk.accounts.roles import Role
from opiniondesk.config import Settings
from opiniondesk.storage.base import utcnow
from opiniondesk.storage.engine import make_session_factory
from opiniondesk.web.app import create_app
from tests.accounts.builders import csrf_from, make_user, page_token, signed_in

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
EVIL = "https://evil.example"


@pytest.fixture
def app(settings: Settings, seeded_engine: Engine, cheap_passwords: None) -> FastAPI:
    sessions = make_session_factory(seeded_engine)
    make_user(sessions, "admin", Role.admin)
    make_user(sessions, "other", Role.analyst)
    return create_app(settings, engine=seeded_engine)


@pytest.fixture
def admin(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield signed_in(client, "admin")


def _unsafe_routes(app: FastAPI) -> list[tuple[str, str]]:
    routes = [
        (method, re.sub(r"\{[^}]+\}", "1", route.path))
        for route in route_access(app)
        for method in sorted(route.methods & UNSAFE)
        if not route.path.startswith("/open311/")  # api_key only, no cookie: see csrf.py
    ]
    assert len(routes) >= 6  # login, logout, password, user create/disable/enable
    return routes


def test_missing_token_is_403_everywhere(app: FastAPI, admin: TestClient) -> None:
    for method, path in _unsafe_routes(app):
        response = admin.request(method, path, data={"x": "1"}, follow_redirects=False)
        assert _refused_by_csrf(response), (method, path)


def test_wrong_token_is_403_everywhere(app: FastAPI, admin: TestClient) -> None:
    good = page_token(admin)
    wrong = good[:-4] + ("AAAA" if not good.endswith("AAAA") else "BBBB")
    for method, path in _unsafe_routes(app):
        as_field = admin.request(method, path, data={"csrf_token": wrong}, follow_redirects=False)
        as_header = admin.request(
            method, path, headers={"X-CSRF-Token": wrong}, follow_redirects=False
        )
        assert _refused_by_csrf(as_field) and _refused_by_csrf(as_header), (method, path)


def test_token_of_another_session_is_403(app: FastAPI, admin: TestClient) -> None:
    with TestClient(app) as other:
        foreign = page_token(signed_in(other, "other"))
    for method, path in _unsafe_routes(app):
        response = admin.request(
            method, path, headers={"X-CSRF-Token": foreign}, follow_redirects=False
        )
        assert _refused_by_csrf(response), (method, path)


@pytest.mark.parametrize(
    "headers",
    [{"Origin": EVIL}, {"Origin": "null"}, {"Referer": EVIL + "/page"},
     {"Origin": "http://testserver:8080"}, {"Origin": "https://testserver"}],
)  # fmt: skip
def test_foreign_origin_is_403_even_with_the_right_token(
    app: FastAPI, admin: TestClient, headers: dict[str, str]
) -> None:
    token = page_token(admin)
    for method, path in _unsafe_routes(app):
        response = admin.request(
            method,
            path,
            headers={**headers, "X-CSRF-Token": token},
            follow_redirects=False,
        )
        assert response.status_code == 403, (method, path, headers)
        assert "trang web khác" in response.text  # says why, in Vietnamese by default


def test_right_token_from_this_site_passes(app: FastAPI, admin: TestClient) -> None:
    """Past the CSRF check; what the route then answers (403 for a role without the action,
    422 for an empty form) is the access matrix's business."""
    token = page_token(admin)
    for method, path in _unsafe_routes(app):
        if path == "/logout":
            continue  # would end the session the loop needs
        response = admin.request(
            method,
            path,
            data={"csrf_token": token},
            headers={"Origin": "http://testserver"},
            follow_redirects=False,
        )
        assert not _refused_by_csrf(response), (method, path)


def _refused_by_csrf(response: Response) -> bool:
    return response.status_code == 403 and (
        "CSRF" in response.text or "trang web khác" in response.text
    )


def test_refusal_is_a_bilingual_page_with_security_headers(admin: TestClient) -> None:
    response = admin.post("/admin/users", data={"username": "x"})
    assert response.status_code == 403
    assert response.headers["x-frame-options"] == "DENY"
    assert "Something went wrong" in response.text  # the other language's title
    english = admin.post("/admin/users?lang=en", data={"username": "x"})
    assert "anti-forgery" in english.text


class TestLogin:
    """The login form is protected too (login CSRF), with a cookie set before signing in."""

    def test_visitor_gets_a_token_cookie_and_can_sign_in(self, app: FastAPI) -> None:
        with TestClient(app) as client:
            page = client.get("/login")
            assert "opiniondesk_csrf" in page.headers["set-cookie"]
            assert "HttpOnly" in page.headers["set-cookie"]
            response = client.post(
                "/login",
                data={"username": "admin", "password": "correct horse battery",
                      "csrf_token": csrf_from(page.text)},
                follow_redirects=False,
            )  # fmt: skip
            assert response.status_code == 303

    def test_post_without_any_cookie_is_403(self, app: FastAPI) -> None:
        with TestClient(app) as client:
            token = csrf_from(client.get("/login").text)
            client.cookies.clear()
            response = client.post("/login", data={"username": "admin", "csrf_token": token})
            assert response.status_code == 403

    def test_token_of_another_visitor_is_403(self, app: FastAPI) -> None:
        with TestClient(app) as attacker, TestClient(app) as victim:
            token = csrf_from(attacker.get("/login").text)
            victim.get("/login")
            response = victim.post(
                "/login",
                data={"username": "admin", "password": "correct horse battery",
                      "csrf_token": token},
            )  # fmt: skip
            assert response.status_code == 403


class TestHttps:
    def test_cookie_is_secure_and_a_request_without_origin_is_refused(self, app: FastAPI) -> None:
        with TestClient(app, base_url="https://testserver") as client:
            page = client.get("/login")
            assert "Secure" in page.headers["set-cookie"]
            token = csrf_from(page.text)
            form = {"username": "admin", "password": "correct horse battery", "csrf_token": token}
            assert client.post("/login", data=form).status_code == 403
            response = client.post(
                "/login", data=form, headers={"Origin": "https://testserver"},
                follow_redirects=False,
            )  # fmt: skip
            assert response.status_code == 303
            assert "Secure" in response.headers["set-cookie"]


class TestMultipart:
    def test_token_as_first_field_passes_and_later_fails(self, app: FastAPI) -> None:
        with TestClient(app) as client:
            token = csrf_from(client.get("/login").text)
            first = client.post(
                "/login",
                files=[("csrf_token", (None, token)), ("username", (None, "nobody")),
                       ("password", (None, "wrong password here"))],
            )  # fmt: skip
            assert first.status_code == 400  # through the check, then a failed sign-in
            later = client.post(
                "/login",
                files=[("username", (None, "nobody")), ("csrf_token", (None, token))],
            )
            assert later.status_code == 403


class TestTokenAuthenticatedApi:
    """Bearer calls to /api/ need no CSRF token; a cookie call to the same route does."""

    @pytest.fixture
    def api_app(self, app: FastAPI) -> FastAPI:
        @app.post("/api/v1/echo")
        def echo(user: Annotated[Principal, require(Action.signed_in)]) -> dict[str, str]:
            return {"user": user.username}

        @app.post("/echo")
        def page_echo(user: Annotated[Principal, require(Action.signed_in)]) -> dict[str, str]:
            return {"user": user.username}

        return app

    def test_bearer_needs_no_token_cookie_does(
        self, api_app: FastAPI, seeded_engine: Engine
    ) -> None:
        from opiniondesk.accounts import service

        with make_session_factory(seeded_engine).begin() as session:
            user = service.get_user(session, "other")
            _, token = service.create_api_token(
                session, user=user, name="t", days=1, now=utcnow(), actor=None
            )
        with TestClient(api_app) as client:
            bearer = client.post("/api/v1/echo", headers={"Authorization": f"Bearer {token}"})
            assert bearer.status_code == 200 and bearer.json() == {"user": "other"}
            # a bearer header does not open the pages: CSRF still applies there
            page = client.post("/echo", headers={"Authorization": f"Bearer {token}"})
            assert page.status_code == 403
            signed_in(client, "other")
            assert client.post("/api/v1/echo").status_code == 403
            ok = client.post("/api/v1/echo", headers={"X-CSRF-Token": page_token(client)})
            assert ok.status_code == 200
