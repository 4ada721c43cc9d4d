"""Fixtures of the web tests: a temp-file SQLite database built from the models, an app, and
clients signed in as a national analyst (the dashboard needs a signed-in reader)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from opiniondesk.config import Settings
from opiniondesk.storage.base import Base
from opiniondesk.storage.engine import make_engine, make_session_factory, transaction
from opiniondesk.web.app import create_app
from opiniondesk.web.choropleth import Region
from tests.accounts.builders import cheap_passwords, make_user, signed_in
from tests.web.seed import seed_all

__all__ = ["cheap_passwords"]
READER = "reader"  # an analyst for the whole country

# Four provinces as squares on a line: enough for the map code without the real shapes.
SQUARES = [
    Region(code, code, [[(lon, 10.0), (lon + 1, 10.0), (lon + 1, 11.0), (lon, 11.0), (lon, 10.0)]])
    for code, lon in (("01", 105.0), ("91", 106.0), ("48", 107.0), ("79", 108.0))
]


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'web.sqlite'}")
    Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def seeded_engine(engine: Engine) -> Engine:
    with transaction(make_session_factory(engine)) as session:
        seed_all(session)
    return engine


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path, secret_key="test-secret", language="vi", min_group_size=5)


def _app(settings: Settings, engine: Engine) -> FastAPI:
    app = create_app(settings, engine=engine)
    app.state.map_regions = SQUARES
    return app


def _reader(engine: Engine) -> None:
    make_user(make_session_factory(engine), READER)


@pytest.fixture
def anonymous_client(
    settings: Settings, seeded_engine: Engine, cheap_passwords: None
) -> Iterator[TestClient]:
    """A client that has not signed in, on the seeded database with the reader account."""
    _reader(seeded_engine)
    with TestClient(_app(settings, seeded_engine)) as test_client:
        yield test_client


@pytest.fixture
def client(anonymous_client: TestClient) -> TestClient:
    return signed_in(anonymous_client, READER)


@pytest.fixture
def empty_client(settings: Settings, engine: Engine, cheap_passwords: None) -> Iterator[TestClient]:
    _reader(engine)
    with TestClient(_app(settings, engine)) as test_client:
        yield signed_in(test_client, READER)
