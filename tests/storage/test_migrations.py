"""The schema comes from the migrations, matches the models, and SQLite is configured safely."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from opiniondesk.storage import registry  # noqa: F401
from opiniondesk.storage.base import Base


def test_migrations_match_models(desk):
    with desk.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_desk):
    with sqlite_desk.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
