"""Fixtures of the portal tests: the app on a migrated database (SQLite and PostgreSQL through
`desk`), Hà Nội's case office, and a visitor who has not signed in."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from opiniondesk.open311.settings import Open311Settings
from opiniondesk.web.app import create_app
from tests.accounts.builders import cheap_passwords
from tests.cases.builders import Office, hanoi_office
from tests.cases.builders import settings as cases_settings
from tests.conftest import DeskFixture

__all__ = ["cheap_passwords"]


def portal_app(desk: DeskFixture) -> FastAPI:
    app = create_app(desk.settings, engine=desk.engine)
    app.state.map_regions = None
    app.state.cases_settings = cases_settings()
    app.state.open311_settings = Open311Settings(contact_retention_days=90)
    return app


@pytest.fixture
def office(desk: DeskFixture, cheap_passwords: None) -> Office:
    return hanoi_office(desk.sessions)


@pytest.fixture
def visitor(desk: DeskFixture) -> Iterator[TestClient]:
    """Someone on the public portal, never signed in."""
    with TestClient(portal_app(desk)) as client:
        yield client
