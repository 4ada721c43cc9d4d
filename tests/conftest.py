"""Shared fixtures: a migrated database on SQLite and, when available, on PostgreSQL.

PostgreSQL comes from OPINIONDESK_TEST_PG_URL (a URL to a maintenance database such as
`postgres`); without it the suite tries 127.0.0.1:5432. Under CI=true a missing server fails
the run instead of skipping, so CI always exercises both backends.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, inspect, make_url, text
from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.config import Settings
from opiniondesk.storage import registry  # noqa: F401
from opiniondesk.storage.base import Base
from opiniondesk.storage.engine import make_engine, make_session_factory
from opiniondesk.storage.migrate import upgrade_to_head

# Labelling in-process unless a test asks for a worker: spawning one per test would cost seconds.
os.environ.setdefault("OPINIONDESK_PIPELINE_WORKERS", "0")

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
SHARED_DATA = Path(
    os.environ.get(
        "OPINIONDESK_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"
    )
)


def _pg_admin_url() -> str | None:
    url = os.environ.get("OPINIONDESK_TEST_PG_URL")
    if url:
        return url
    try:
        engine = create_engine(DEFAULT_PG, connect_args={"connect_timeout": 2})
        with engine.connect():
            pass
        engine.dispose()
        return DEFAULT_PG
    except Exception:
        return None


@pytest.fixture(scope="session")
def pg_database_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, dropped at the end."""
    admin_url = _pg_admin_url()
    if admin_url is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but no PostgreSQL server answered (set OPINIONDESK_TEST_PG_URL)")
        pytest.skip("no PostgreSQL server on 127.0.0.1:5432 (set OPINIONDESK_TEST_PG_URL)")
    name = f"opiniondesk_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            )
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


@dataclass
class DeskFixture:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    settings: Settings
    home: Path


def _truncate_all(engine: Engine) -> None:
    existing = set(inspect(engine).get_table_names())
    tables = [t.name for t in reversed(Base.metadata.sorted_tables) if t.name in existing]
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            for name in tables:
                conn.execute(text(f"DELETE FROM {name}"))


@pytest.fixture(scope="session")
def _pg_engine(pg_database_url: str) -> Iterator[Engine]:
    engine = make_engine(pg_database_url)
    upgrade_to_head(engine)
    yield engine
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def desk(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[DeskFixture]:
    """A migrated, empty database on each backend, with settings pointing at it."""
    home = tmp_path / "home"
    home.mkdir()
    if request.param == "sqlite":
        url = f"sqlite:///{home / 'opiniondesk.sqlite'}"
        engine = make_engine(url)
        upgrade_to_head(engine)
    else:
        engine = request.getfixturevalue("_pg_engine")
        url = engine.url.render_as_string(hide_password=False)
        _truncate_all(engine)
    settings = Settings(home=home, database_url=url, secret_key="test-secret", ingest_batch_size=50)
    yield DeskFixture(url, engine, make_session_factory(engine), settings, home)
    if request.param == "sqlite":
        engine.dispose()


@pytest.fixture
def sqlite_desk(tmp_path: Path) -> Iterator[DeskFixture]:
    home = tmp_path / "home"
    home.mkdir()
    url = f"sqlite:///{home / 'opiniondesk.sqlite'}"
    engine = make_engine(url)
    upgrade_to_head(engine)
    settings = Settings(home=home, database_url=url, secret_key="test-secret", ingest_batch_size=50)
    yield DeskFixture(url, engine, make_session_factory(engine), settings, home)
    engine.dispose()
