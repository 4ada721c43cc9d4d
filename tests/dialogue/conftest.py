"""Dialogue tests use cheap password hashes (they test the workflow, not argon2) and share
one app over the `desk` database with a Hà Nội office."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from opiniondesk.web.app import create_app
from tests.accounts.builders import cheap_passwords  # noqa: F401  (fixture)
from tests.cases.builders import Office, hanoi_office, settings


@pytest.fixture(autouse=True)
def _cheap_hashes(cheap_passwords: None) -> Iterator[None]:  # noqa: F811
    yield


@pytest.fixture
def office(desk) -> Office:  # type: ignore[no-untyped-def]
    return hanoi_office(desk.sessions)


@pytest.fixture
def app(desk, office: Office) -> FastAPI:  # type: ignore[no-untyped-def]
    app = create_app(desk.settings, engine=desk.engine)
    app.state.map_regions = None
    app.state.cases_settings = settings()
    return app


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c
