"""Every query of the explorer: search with filters inside a unit scope, one document."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Integer,
    and_,
    bindparam,
    exists,
    func,
    literal_column,
    select,
    text,
)
from sqlalchemy.orm import Session

from opiniondesk.accounts.principal import UnitScope
from opiniondesk.accounts.repository import unit_condition
from opiniondesk.explorer.index import FTS_TABLE, PG_VECTOR
from opiniondesk.storage.models import AdminUnit, Annotation, Channel, Document, Rollup, Topic


@dataclass(frozen=True, slots=True)
class DocumentFilters:
    since: datetime | None = None  # published_at >= since
    until: datetime | None = None  # published_at < until
    province: str = ""
    commune: str = ""
    topic: str = ""
    sentiment: str = ""
    channel_kind: str = ""
    show_duplicates: bool = False


@dataclass(frozen=True, slots=True)
class FoundDocument:
    id: int
    title: str | None
    text: str
    published_at: datetime
    province_code: str
    commune_code: str
    sentiment: str
    channel_kind: str
    duplicate_of_id: int | None


_COLUMNS = (
    Document.id,
    Document.title,
    Document.text,
    Document.published_at,
    Document.province_code,
    Document.commune_code,
    Document.sentiment,
    Channel.kind,
    Document.duplicate_of_id,
)


def _conditions(filters: DocumentFilters, scope: UnitScope) -> list[ColumnElement[bool]]:
    where = [unit_condition(scope, province=Document.province_code, commune=Document.commune_code)]
    if filters.since is not None:
        where.append(Document.published_at >= filters.since)
    if filters.until is not None:
        where.append(Document.published_at < filters.until)
    if filters.province:
        where.append(Document.province_code == filters.province)
    if filters.commune:
        where.append(Document.commune_code == filters.commune)
    if filters.sentiment:
        where.append(Document.sentiment == filters.sentiment)
    if filters.channel_kind:
        where.append(Channel.kind == filters.channel_kind)
    if filters.topic:
        where.append(
            exists().where(
                Annotation.document_id == Document.id,
                Annotation.kind == "topic",
                Annotation.value == filters.topic,
            )
        )
    if not filters.show_duplicates:
        where.append(Document.duplicate_of_id.is_(None))
    return where


def search_documents(
    session: Session,
    *,
    match: str | None,
    filters: DocumentFilters,
    scope: UnitScope,
    offset: int,
    limit: int,
) -> tuple[list[FoundDocument], int]:
    """One page of documents (best match first, else newest first) and how many there are.

    `match` is an FTS5 expression on SQLite and a tsquery text on PostgreSQL, or None to
    browse without words."""
    base = select(*_COLUMNS).join(Channel, Channel.id == Document.channel_id)
    where = _conditions(filters, scope)
    order: list[Any] = []
    if match is not None and session.get_bind().dialect.name == "sqlite":
        hits = (
            text(f"SELECT rowid AS doc_id, rank FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q")
            .bindparams(q=match)
            .columns(doc_id=Integer, rank=Float)
            .cte("hits")
            # materialized first: otherwise SQLite walks a filter's index and probes FTS per row
            .prefix_with("MATERIALIZED")
        )
        base = base.join(hits, hits.c.doc_id == Document.id)
        order.append(hits.c.rank)  # bm25: lower is better
    elif match is not None:
        # inlined (escaped) so the planner sees the words: with a bound parameter it guessed
        # a generic plan that folded every document's text (seconds instead of milliseconds)
        query = func.to_tsquery(
            literal_column("'simple'::regconfig"), bindparam("q", match, literal_execute=True)
        )
        vector: ColumnElement[Any] = literal_column(
            PG_VECTOR
        )  # the GIN index's own expression: index used
        where.append(vector.op("@@")(query))
        order.append(func.ts_rank(vector, query).desc())
    order += [Document.published_at.desc(), Document.id.desc()]
    filtered = base.where(and_(*where))
    total = session.scalar(select(func.count()).select_from(filtered.subquery())) or 0
    rows = session.execute(filtered.order_by(*order).offset(offset).limit(limit)).all()
    return [FoundDocument(*row) for row in rows], total


def get_document(session: Session, document_id: int) -> FoundDocument | None:
    row = session.execute(
        select(*_COLUMNS)
        .join(Channel, Channel.id == Document.channel_id)
        .where(Document.id == document_id)
    ).first()
    return FoundDocument(*row) if row else None


def channel_name(session: Session, document_id: int) -> str:
    return (
        session.scalar(
            select(Channel.name)
            .join(Document, Document.channel_id == Channel.id)
            .where(Document.id == document_id)
        )
        or ""
    )


def annotations_of(session: Session, document_id: int) -> Sequence[Annotation]:
    return session.scalars(
        select(Annotation)
        .where(Annotation.document_id == document_id)
        .order_by(Annotation.kind, Annotation.source, Annotation.value)
    ).all()


def repost_count(session: Session, original_id: int) -> int:
    """How many stored documents were found to be near-duplicates of `original_id`."""
    return session.scalar(select(func.count()).where(Document.duplicate_of_id == original_id)) or 0


def unit_names(session: Session, codes: Collection[str]) -> dict[str, str]:
    codes = [c for c in codes if c]
    if not codes:
        return {}
    rows = session.execute(
        select(AdminUnit.code, AdminUnit.name).where(
            AdminUnit.code.in_(codes), AdminUnit.level.in_(["province", "commune"])
        )
    )
    return {code: name for code, name in rows}


def topics(session: Session) -> list[tuple[str, str, str]]:
    """(code, Vietnamese label, English label) of every active topic, by code."""
    rows = session.execute(
        select(Topic.code, Topic.label_vi, Topic.label_en)
        .where(Topic.active.is_(True))
        .order_by(Topic.code)
    )
    return [tuple(row) for row in rows]  # type: ignore[misc]


def provinces(session: Session) -> list[tuple[str, str]]:
    rows = session.execute(
        select(AdminUnit.code, AdminUnit.name)
        .where(AdminUnit.level == "province")
        .order_by(AdminUnit.code)
    )
    return [(code, name) for code, name in rows]


def daily_topic_counts(
    session: Session, *, topic: str, province: str, commune: str, first: date, last: date
) -> dict[date, int]:
    """Documents per day on `topic` in a province (every commune) or in one commune."""
    where = [
        Rollup.topic_code == topic,
        Rollup.province_code == province,
        Rollup.day >= first,
        Rollup.day <= last,
    ]
    if commune:
        where.append(Rollup.commune_code == commune)
    rows = session.execute(
        select(Rollup.day, func.sum(Rollup.count)).where(*where).group_by(Rollup.day)
    )
    return {day: int(count or 0) for day, count in rows}
