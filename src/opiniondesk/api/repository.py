"""All SQL of the REST API's own reads (documents, annotations, topics). Nothing here commits.
Every document query takes the caller's `UnitScope`: a row outside it does not exist."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Select, and_, func, select
from sqlalchemy.orm import Session

from opiniondesk.accounts.principal import UnitScope
from opiniondesk.accounts.repository import unit_condition
from opiniondesk.analysis.rollups import TOTAL
from opiniondesk.storage.models import Annotation, Channel, Document, Rollup, Topic


@dataclass(frozen=True, slots=True)
class DocumentFilters:
    province: str | None = None
    commune: str | None = None
    channel_kind: str | None = None
    topic: str | None = None
    sentiment: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    include_duplicates: bool = False


def _conditions(scope: UnitScope, filters: DocumentFilters) -> list[ColumnElement[bool]]:
    where = [unit_condition(scope, province=Document.province_code, commune=Document.commune_code)]
    if filters.province:
        where.append(Document.province_code == filters.province)
    if filters.commune:
        where.append(Document.commune_code == filters.commune)
    if filters.channel_kind:
        where.append(Channel.kind == filters.channel_kind)
    if filters.sentiment:
        where.append(Document.sentiment == filters.sentiment)
    if filters.since:
        where.append(Document.published_at >= filters.since)
    if filters.until:
        where.append(Document.published_at < filters.until)
    if not filters.include_duplicates:
        where.append(Document.duplicate_of_id.is_(None))
    if filters.topic:
        tagged = select(Annotation.document_id).where(
            Annotation.kind == "topic", Annotation.value == filters.topic
        )
        where.append(Document.id.in_(tagged))
    return where


def _documents(scope: UnitScope, filters: DocumentFilters) -> Select[Document, Channel]:
    return (
        select(Document, Channel)
        .join(Channel, Channel.id == Document.channel_id)
        .where(and_(*_conditions(scope, filters)))
    )


def count_documents(session: Session, scope: UnitScope, filters: DocumentFilters) -> int:
    query = (
        select(func.count())
        .select_from(Document)
        .join(Channel, Channel.id == Document.channel_id)
        .where(and_(*_conditions(scope, filters)))
    )
    return int(session.scalar(query) or 0)


def list_documents(
    session: Session, scope: UnitScope, filters: DocumentFilters, *, limit: int, offset: int
) -> list[tuple[Document, Channel]]:
    """Newest first, ties by id so that pages never overlap."""
    query = (
        _documents(scope, filters)
        .order_by(Document.published_at.desc(), Document.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return [(doc, channel) for doc, channel in session.execute(query).all()]


def document_in_scope(
    session: Session, scope: UnitScope, document_id: int
) -> tuple[Document, Channel] | None:
    query = _documents(scope, DocumentFilters(include_duplicates=True)).where(
        Document.id == document_id
    )
    row = session.execute(query).first()
    return (row[0], row[1]) if row else None


def topics_of(session: Session, document_ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    if not document_ids:
        return found
    query = (
        select(Annotation.document_id, Annotation.value)
        .where(Annotation.document_id.in_(document_ids), Annotation.kind == "topic")
        .distinct()
        .order_by(Annotation.document_id, Annotation.value)
    )
    for document_id, value in session.execute(query).all():
        found[document_id].append(value)
    return found


def annotations_of(session: Session, document_id: int) -> list[Annotation]:
    query = (
        select(Annotation)
        .where(Annotation.document_id == document_id)
        .order_by(Annotation.kind, Annotation.id)
    )
    return list(session.scalars(query))


def topics(session: Session) -> list[Topic]:
    return list(session.scalars(select(Topic).order_by(Topic.id)))


def count_documents_in(session: Session, scope: UnitScope, *, duplicates: bool) -> int:
    condition = (
        Document.duplicate_of_id.is_not(None) if duplicates else Document.duplicate_of_id.is_(None)
    )
    inside = unit_condition(scope, province=Document.province_code, commune=Document.commune_code)
    query = select(func.count()).select_from(Document).where(condition, inside)
    return int(session.scalar(query) or 0)


def rollup_breakdown_in(
    session: Session, scope: UnitScope, column: str, *, topics: bool
) -> dict[str, int]:
    """Like analysis.repository.rollup_breakdown, within the scope's units."""
    col = getattr(Rollup, column)
    kind = Rollup.topic_code != TOTAL if topics else Rollup.topic_code == TOTAL
    inside = unit_condition(scope, province=Rollup.province_code, commune=Rollup.commune_code)
    rows = session.execute(
        select(col, func.sum(Rollup.count)).where(kind, inside).group_by(col)
    ).all()
    return {str(key): int(n) for key, n in rows}


def documents_by_ids(
    session: Session, scope: UnitScope, ids: list[int]
) -> list[tuple[Document, Channel]]:
    """The documents of `ids` inside the scope, in the order of `ids`."""
    if not ids:
        return []
    query = _documents(scope, DocumentFilters(include_duplicates=True)).where(Document.id.in_(ids))
    found = {doc.id: (doc, channel) for doc, channel in session.execute(query).all()}
    return [found[i] for i in ids if i in found]
