"""The explorer adds no table: only PostgreSQL's full-text index on `document`.

Declared here so that the migrations-match-models check knows it; PostgreSQL only (SQLite's
FTS5 table is derived data built by `explorer.index.ensure_index`).
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Connection, Index, Table, event, text

from opiniondesk.explorer.index import PG_INDEX, PG_VECTOR, create_fold_function
from opiniondesk.storage.models import Document

document_fulltext = Index(
    PG_INDEX, text(PG_VECTOR), _table=cast(Table, Document.__table__), postgresql_using="gin"
).ddl_if(dialect="postgresql")


@event.listens_for(Document.__table__, "before_create")
def _fold_function(_table: Table, connection: Connection, **_kw: Any) -> None:
    # migration 0008 creates it too; this covers databases made by `create_all`
    if connection.dialect.name == "postgresql":
        create_fold_function(connection)
