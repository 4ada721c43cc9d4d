"""The access matrix over HTTP: every route of the app × every role × the unit it is held at.

Routes are enumerated from the app, so a new route is covered the day it is added; a route
that does not declare its action with `require(...)` fails `test_every_route_declares_an_action`.
"""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import Engine

from opiniondesk.accounts.access import Action, can, route_access
from opiniondesk.accounts.principal import Grant, Principal
from opiniondesk.accounts.roles import Role
from opiniondesk.accounts.units import resolve_unit
from opiniondesk.config import Settings
from opiniondesk.storage.engine import make_session_factory
from opiniondesk.web.app import create_app
from tests.accounts.builders import csrf_from, login, make_user
from tests.web.conftest import SQUARES

UNITS = ("VN", "01", "00004")  # the country, Hà Nội, the ward Ba Đình in Hà Nội
_PARAM = re.compile(r"\{[^}]+\}")


@pytest.fixture
def app(settings: Settings, seeded_engine: Engine, cheap_passwords: None) -> FastAPI:
    app = create_app(settings, engine=seeded_engine)
    app.state.map_regions = SQUARES
    return app


def test_every_route_declares_an_action(app: FastAPI) -> None:
    routes = route_access(app)
    assert len(routes) >= 13
    undeclared = [f"{sorted(r.methods)} {r.path}" for r in routes if not r.actions]
    assert undeclared == [], "routes without require(Action...): " + ", ".join(undeclared)


def _concrete(path: str) -> str:
    # path parameters get an id that exists (the first user) or a harmless unknown value
    return _PARAM.sub("1", path)


def _request(client: TestClient, method: str, path: str) -> Response:
    """One request as a browser would send it: same origin, with the page's CSRF token."""
    if method in ("GET", "HEAD"):
        return client.request(method, path, follow_redirects=False)
    signed_in = "opiniondesk_session" in client.cookies
    token = csrf_from(client.get("/account" if signed_in else "/login").text)
    return client.request(method, path, headers={"X-CSRF-Token": token}, follow_redirects=False)


def _sent_to_sign_in(response: Response) -> bool:
    return response.status_code in (401, 303) and (
        response.status_code == 401 or response.headers["location"].startswith("/login?next")
    )


def _still_signed_in(client: TestClient) -> bool:
    return client.get("/account", follow_redirects=False).status_code == 200


def test_matrix_over_http(app: FastAPI, seeded_engine: Engine) -> None:
    sessions = make_session_factory(seeded_engine)
    make_user(sessions, "target", Role.analyst, ("79",))  # user #1: what /admin/users/1/… hits
    people: list[tuple[str, Principal]] = []
    for role in Role:
        for unit in UNITS:
            username = f"{role.value}-{unit.lower()}"
            user = make_user(sessions, username, role, (unit,))
            place = resolve_unit(unit)
            grant = Grant(role, place.code, place.province_code)
            people.append((username, Principal(user.id, username, (grant,))))
    routes = route_access(app)
    checked = 0
    with TestClient(app) as client:
        for username, principal in people:
            client.cookies.clear()
            assert login(client, username).status_code == 303
            for route in routes:
                for method in sorted(route.methods):
                    response = _request(client, method, _concrete(route.path))
                    allowed = all(can(principal, action) for action in route.actions)
                    where = (username, method, route.path, response.status_code)
                    if allowed:
                        assert response.status_code != 403, where
                        assert not _sent_to_sign_in(response), where
                    else:
                        assert response.status_code == 403, where
                    checked += 1
                    if not _still_signed_in(client):  # /logout did its job: sign in again
                        client.cookies.clear()
                        assert login(client, username).status_code == 303
    assert checked == len(people) * sum(len(r.methods) for r in routes)


def test_visitors_are_sent_to_sign_in(app: FastAPI) -> None:
    with TestClient(app) as client:
        for route in route_access(app):
            for method in sorted(route.methods):
                path = _concrete(route.path)
                response = _request(client, method, path)
                where = (method, route.path, response.status_code)
                if Action.public in route.actions:
                    assert response.status_code not in (401, 403), where
                elif path.startswith("/api/") or method != "GET":
                    assert response.status_code == 401, where
                else:
                    assert response.status_code == 303, where
                    assert response.headers["location"].startswith("/login"), where
