"""All SQL of issue discovery: uncovered documents, runs, clusters, members, promotions."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, exists, select
from sqlalchemy.orm import Session, aliased

from opiniondesk.discovery.models import (
    DiscoveryCluster,
    DiscoveryMember,
    DiscoveryPromotion,
    DiscoveryRun,
)
from opiniondesk.storage.dialect import insert_for
from opiniondesk.storage.models import AdminUnit, Annotation, Document, UnitLevel

OTHER = "other"
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class UncoveredDocument:
    id: int
    title: str | None
    text: str
    published_at: datetime
    province_code: str
    commune_code: str


def _chunks(values: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def uncovered_documents(
    session: Session, *, start: datetime, end: datetime
) -> list[UncoveredDocument]:
    """Originals published in [start, end) whose only topic is 'other' (no rule, no model and
    no analyst gave them a real topic), oldest first by id."""
    other = aliased(Annotation)
    real = aliased(Annotation)
    rows = session.execute(
        select(
            Document.id,
            Document.title,
            Document.text,
            Document.published_at,
            Document.province_code,
            Document.commune_code,
        )
        .where(
            Document.duplicate_of_id.is_(None),
            Document.published_at >= start,
            Document.published_at < end,
            exists().where(
                and_(other.document_id == Document.id, other.kind == "topic", other.value == OTHER)
            ),
            ~exists().where(
                and_(real.document_id == Document.id, real.kind == "topic", real.value != OTHER)
            ),
        )
        .order_by(Document.id)
    )
    return [UncoveredDocument(*row) for row in rows]


def add_run(session: Session, run: DiscoveryRun) -> DiscoveryRun:
    session.add(run)
    session.flush()
    return run


def add_cluster(session: Session, cluster: DiscoveryCluster) -> DiscoveryCluster:
    session.add(cluster)
    session.flush()
    return cluster


def add_members(session: Session, rows: list[dict[str, Any]]) -> None:
    if rows:
        session.execute(insert_for(session, DiscoveryMember), rows)


def get_run(session: Session, run_id: int) -> DiscoveryRun | None:
    return session.get(DiscoveryRun, run_id)


def list_runs(session: Session, limit: int) -> list[DiscoveryRun]:
    return list(session.scalars(select(DiscoveryRun).order_by(DiscoveryRun.id.desc()).limit(limit)))


def clusters_of(session: Session, run_id: int) -> list[DiscoveryCluster]:
    return list(
        session.scalars(
            select(DiscoveryCluster)
            .where(DiscoveryCluster.run_id == run_id)
            .order_by(DiscoveryCluster.number)
        )
    )


def get_cluster(session: Session, run_id: int, number: int) -> DiscoveryCluster | None:
    return session.scalar(
        select(DiscoveryCluster).where(
            DiscoveryCluster.run_id == run_id, DiscoveryCluster.number == number
        )
    )


def run_documents(session: Session, run_id: int) -> list[tuple[int, int | None, str | None, str]]:
    """(document id, cluster id or None, title, text) of every document the run read."""
    rows = session.execute(
        select(
            DiscoveryMember.document_id, DiscoveryMember.cluster_id, Document.title, Document.text
        )
        .join(Document, Document.id == DiscoveryMember.document_id)
        .where(DiscoveryMember.run_id == run_id)
        .order_by(DiscoveryMember.document_id)
    )
    return [(int(d), c, t, x) for d, c, t, x in rows]


def cluster_member_ids(session: Session, cluster_id: int) -> list[int]:
    return [
        int(i)
        for i in session.scalars(
            select(DiscoveryMember.document_id)
            .where(DiscoveryMember.cluster_id == cluster_id)
            .order_by(DiscoveryMember.document_id)
        )
    ]


def document_texts(
    session: Session, ids: Collection[int]
) -> dict[int, tuple[str | None, str, datetime]]:
    """id → (title, redacted text, published_at) for the given documents."""
    found: dict[int, tuple[str | None, str, datetime]] = {}
    for chunk in _chunks(sorted(ids)):
        rows = session.execute(
            select(Document.id, Document.title, Document.text, Document.published_at).where(
                Document.id.in_(chunk)
            )
        )
        found.update({int(i): (t, x, p) for i, t, x, p in rows})
    return found


def add_analyst_labels(session: Session, rows: list[dict[str, Any]]) -> int:
    """Insert topic annotations, skipping those already there; returns how many were new."""
    if not rows:
        return 0
    stmt = (
        insert_for(session, Annotation)
        .on_conflict_do_nothing(index_elements=["document_id", "kind", "value", "source"])
        .returning(Annotation.id)
    )
    return len(session.execute(stmt, rows).all())


def add_promotion(session: Session, row: dict[str, Any]) -> None:
    """Record a promotion; promoting the same cluster into the same topic again (labels only,
    which is idempotent) keeps the first record."""
    stmt = insert_for(session, DiscoveryPromotion).on_conflict_do_nothing(
        index_elements=["cluster_id", "topic_code"]
    )
    session.execute(stmt, [row])


def promotions_of(session: Session, cluster_ids: Collection[int]) -> list[DiscoveryPromotion]:
    if not cluster_ids:
        return []
    return list(
        session.scalars(
            select(DiscoveryPromotion)
            .where(DiscoveryPromotion.cluster_id.in_(list(cluster_ids)))
            .order_by(DiscoveryPromotion.id)
        )
    )


def unit_names(session: Session, level: UnitLevel) -> dict[str, str]:
    """code → name of every administrative unit of one level (empty before `init`)."""
    rows = session.execute(select(AdminUnit.code, AdminUnit.name).where(AdminUnit.level == level))
    return {code: name for code, name in rows}
