"""All SQL of the model lifecycle: model versions, analyst labels, documents to score."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, exists, func, select, update
from sqlalchemy.orm import Session

from opiniondesk.analysis.classifiers.models import ModelVersion
from opiniondesk.storage.base import utcnow
from opiniondesk.storage.models import Annotation, Channel, Document

ANALYST = "analyst"


@dataclass(frozen=True, slots=True)
class StoredText:
    """The parts of a stored document a model reads (never its author)."""

    id: int
    title: str | None
    text: str
    language: str


# --- model versions ---------------------------------------------------------------------------


def next_version(session: Session, task: str) -> int:
    latest = session.scalar(select(func.max(ModelVersion.version)).where(ModelVersion.task == task))
    return int(latest or 0) + 1


def add_version(session: Session, row: ModelVersion) -> ModelVersion:
    session.add(row)
    session.flush()
    return row


def list_versions(session: Session, task: str | None = None) -> list[ModelVersion]:
    query = select(ModelVersion).order_by(ModelVersion.task, ModelVersion.version)
    if task is not None:
        query = query.where(ModelVersion.task == task)
    return list(session.scalars(query))


def get_version(session: Session, task: str, version: int) -> ModelVersion | None:
    return session.scalar(
        select(ModelVersion).where(ModelVersion.task == task, ModelVersion.version == version)
    )


def active_versions(session: Session, tasks: Collection[str]) -> dict[str, ModelVersion]:
    rows = session.scalars(
        select(ModelVersion).where(ModelVersion.task.in_(list(tasks)), ModelVersion.active)
    )
    return {row.task: row for row in rows}


def set_active(session: Session, task: str, version: int) -> None:
    # Deactivate first: the partial unique index would refuse two active rows even briefly.
    deactivate(session, task)
    session.execute(
        update(ModelVersion)
        .where(ModelVersion.task == task, ModelVersion.version == version)
        .values(active=True)
    )


def deactivate(session: Session, task: str) -> int:
    result = session.execute(
        update(ModelVersion)
        .where(ModelVersion.task == task, ModelVersion.active)
        .values(active=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def training_rows(session: Session, model_id: int) -> bytes:
    value = session.scalar(select(ModelVersion.training_rows).where(ModelVersion.id == model_id))
    return bytes(value or b"")


# --- documents and their labels ---------------------------------------------------------------


def analyst_examples(session: Session, kind: str) -> list[tuple[StoredText, str]]:
    """Every document an analyst labelled for `kind`, with that label (oldest first)."""
    rows = session.execute(
        select(Document.id, Document.title, Document.text, Document.language, Annotation.value)
        .join(Annotation, Annotation.document_id == Document.id)
        .where(Annotation.kind == kind, Annotation.source == ANALYST)
        .order_by(Document.id)
    )
    return [(StoredText(i, title, text, lang), value) for i, title, text, lang, value in rows]


def unlabelled_recent(session: Session, kind: str, limit: int) -> list[StoredText]:
    """The newest original documents without an analyst label of `kind` (reposts are skipped:
    labelling one copy is enough)."""
    labelled = exists().where(
        Annotation.document_id == Document.id,
        Annotation.kind == kind,
        Annotation.source == ANALYST,
    )
    rows = session.execute(
        select(Document.id, Document.title, Document.text, Document.language)
        .where(Document.duplicate_of_id.is_(None), ~labelled)
        .order_by(Document.published_at.desc(), Document.id.desc())
        .limit(limit)
    )
    return [StoredText(*row) for row in rows]


@dataclass(frozen=True, slots=True)
class CountedDocument:
    """What a document contributes to the rollups."""

    id: int
    published_at: datetime
    province_code: str
    commune_code: str
    sentiment: str
    channel_kind: str
    counted: bool  # False for reposts: rollups count the original only


def lock_document(session: Session, document_id: int) -> CountedDocument | None:
    """The document's rollup coordinates, locked until the transaction ends (PostgreSQL) so
    two analysts correcting it at once cannot both move the same counts."""
    row = session.execute(
        select(
            Document.id,
            Document.published_at,
            Document.province_code,
            Document.commune_code,
            Document.sentiment,
            Channel.kind,
            Document.duplicate_of_id,
        )
        .join(Channel, Channel.id == Document.channel_id)
        .where(Document.id == document_id)
        .with_for_update(of=Document)
    ).one_or_none()
    if row is None:
        return None
    doc_id, published, province, commune, sentiment, kind, duplicate_of = row
    return CountedDocument(
        doc_id, published, province, commune, sentiment, str(kind), duplicate_of is None
    )


def labels_of(session: Session, document_id: int, kind: str) -> list[tuple[str, str]]:
    """(value, source) of every label of `kind` on the document."""
    rows = session.execute(
        select(Annotation.value, Annotation.source).where(
            Annotation.document_id == document_id, Annotation.kind == kind
        )
    )
    return [(value, source) for value, source in rows]


def replace_analyst_label(
    session: Session, *, document_id: int, kind: str, value: str, explanation: str
) -> None:
    """One analyst label per document and kind; machine labels stay for comparison."""
    session.execute(
        delete(Annotation).where(
            Annotation.document_id == document_id,
            Annotation.kind == kind,
            Annotation.source == ANALYST,
        )
    )
    session.add(
        Annotation(
            document_id=document_id,
            kind=kind,
            value=value,
            score=1.0,
            source=ANALYST,
            explanation=explanation,
            created_at=utcnow(),
        )
    )
    session.flush()


def set_document_sentiment(session: Session, document_id: int, sentiment: str) -> None:
    session.execute(update(Document).where(Document.id == document_id).values(sentiment=sentiment))


def counted_topics(
    session: Session, document_ids: Collection[int] | None = None
) -> dict[int, list[str]]:
    """The topics each document counts under in the rollups: the analyst's label when there is
    one, otherwise every machine label of kind 'topic' (model or rules)."""
    query = select(Annotation.document_id, Annotation.value, Annotation.source).where(
        Annotation.kind == "topic"
    )
    if document_ids is not None:
        query = query.where(Annotation.document_id.in_(list(document_ids)))
    machine: dict[int, list[str]] = {}
    analyst: dict[int, list[str]] = {}
    for doc_id, value, source in session.execute(query):
        (analyst if source == ANALYST else machine).setdefault(doc_id, []).append(value)
    return {doc_id: sorted(values) for doc_id, values in (machine | analyst).items()}


def analyst_values(session: Session, kind: str, document_ids: Collection[int]) -> dict[int, str]:
    """The analyst's label of `kind` for each of the documents that has one."""
    rows = session.execute(
        select(Annotation.document_id, Annotation.value).where(
            Annotation.kind == kind,
            Annotation.source == ANALYST,
            Annotation.document_id.in_(list(document_ids)),
        )
    )
    return {doc_id: value for doc_id, value in rows}
