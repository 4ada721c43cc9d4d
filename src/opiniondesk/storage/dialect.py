"""The one place that knows SQLite and PostgreSQL spell INSERT ... ON CONFLICT differently."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def insert_for(session: Session, table: Any) -> Any:
    """An INSERT supporting on_conflict_do_nothing/do_update for the session's backend."""
    name = session.get_bind().dialect.name
    if name == "postgresql":
        return postgresql.insert(table)
    if name == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"unsupported database backend {name!r}: use SQLite or PostgreSQL")


def driver_value(session: Session, value: Any) -> Any:
    """A datetime or date as the driver stores it for our column types (see UTCDateTime):
    SQLite keeps naive UTC text, PostgreSQL takes the aware value."""
    if session.get_bind().dialect.name != "sqlite":
        return value
    if isinstance(value, datetime):
        return (
            value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
        )
    if isinstance(value, date):
        return value.isoformat()
    return value


def executemany_upsert(
    session: Session,
    table: Table,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    conflict: Sequence[str],
    add_columns: Sequence[str] = (),
) -> None:
    """INSERT … ON CONFLICT (conflict) DO NOTHING, or DO UPDATE adding `add_columns`, through
    the driver's own executemany. SQLAlchemy's per-row parameter processing costs more than the
    insert itself on the ingest hot path; values must already be driver values (driver_value).
    The statement is the same text on SQLite (≥ 3.24) and PostgreSQL."""
    if not rows:
        return
    marker = "?" if session.get_bind().dialect.name == "sqlite" else "%s"
    names = ", ".join(columns)
    values = ", ".join(marker for _ in columns)
    target = ", ".join(conflict)
    if add_columns:
        updates = ", ".join(f"{c} = {table.name}.{c} + excluded.{c}" for c in add_columns)
        action = f"DO UPDATE SET {updates}"
    else:
        action = "DO NOTHING"
    sql = f"INSERT INTO {table.name} ({names}) VALUES ({values}) ON CONFLICT ({target}) {action}"
    session.connection().exec_driver_sql(sql, [tuple(r) for r in rows])
