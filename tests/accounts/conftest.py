"""Fixtures of the account tests: cheap password hashing, an app on a migrated database."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from opiniondesk.web.app import create_app
from tests.accounts.builders import cheap_passwords, signed_in
from tests.conftest import DeskFixture

__all__ = ["cheap_passwords"]


@pytest.fixture(autouse=True)
def _cheap(cheap_passwords: None) -> None:
    """Every account test hashes with tiny argon2 parameters."""


@pytest.fixture
def app(sqlite_desk: DeskFixture) -> FastAPI:
    """The web app on a database built by the migrations (so the audit triggers exist)."""
    return create_app(sqlite_desk.settings, engine=sqlite_desk.engine)


@pytest.fixture
def browser_for(app: FastAPI) -> Iterator[Callable[[str | None], TestClient]]:
    """Makes test clients, signed in as the given username (None: a visitor)."""
    clients: list[TestClient] = []

    def make(username: str | None) -> TestClient:
        client = TestClient(app)
        client.__enter__()
        clients.append(client)
        return signed_in(client, username) if username else client

    yield make
    for client in clients:
        client.__exit__(None, None, None)
