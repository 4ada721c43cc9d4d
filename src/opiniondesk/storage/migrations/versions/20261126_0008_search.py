"""search: the fold function PostgreSQL's full-text index is built on

`opiniondesk_fold(text)` lowers and strips diacritics (unaccent when the extension can be
created, else translate() over Vietnamese letters); a GIN index on the folded title and text.
SQLite's FTS5 table is derived data built on first use by `explorer.index.ensure_index`.

Revision ID: 0008
Revises: 0001
Create Date: 2026-11-26 10:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from opiniondesk.explorer.index import FTS_TABLE, PG_INDEX, PG_VECTOR, create_fold_function

revision: str = "0008"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        create_fold_function(op.get_bind())
        op.execute(f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON document USING gin ({PG_VECTOR})")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {PG_INDEX}")
        op.execute("DROP FUNCTION IF EXISTS opiniondesk_fold(text)")
    else:
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {FTS_TABLE}_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
