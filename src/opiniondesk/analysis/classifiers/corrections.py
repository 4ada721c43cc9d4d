"""Analyst corrections: one label per document and task that outranks the machine's.

The correction is an annotation with source 'analyst' (it replaces the analyst's previous one;
rule and model labels stay, so a model can be compared with people). For topic and sentiment
the document's rollup cells move with it, in the same transaction: the old cells lose one, the
new cells gain one, so totals stay equal to the number of counted documents. Corrected
documents become training data for `opiniondesk model train --from-db`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy.orm import Session

from opiniondesk.analysis import rollups
from opiniondesk.analysis.classifiers import repository
from opiniondesk.analysis.classifiers.repository import CountedDocument
from opiniondesk.analysis.classifiers.service import MAX_LABEL, check_labels, check_task
from opiniondesk.analysis.taxonomy import Taxonomy
from opiniondesk.errors import InputError, NotFoundError


@dataclass(frozen=True, slots=True)
class Correction:
    document_id: int
    task: str
    value: str
    previous: list[str]  # what the document counted as before (labels of that task)
    cells_moved: int  # rollup cells whose count changed


def correct_label(
    session: Session, *, document_id: int, task: str, value: str, taxonomy: Taxonomy
) -> Correction:
    """Record an analyst's label for a document and keep the rollups consistent with it."""
    check_task(task)
    value = value.strip()
    if not value or len(value) > MAX_LABEL:
        raise InputError(
            f"Nhãn phải có 1–{MAX_LABEL} ký tự. / A label must have 1–{MAX_LABEL} characters."
        )
    check_labels(task, [value], taxonomy)
    doc = repository.lock_document(session, document_id)
    if doc is None:
        raise NotFoundError(
            f"Không có tài liệu số {document_id}. / No document with id {document_id}."
        )
    topics = repository.counted_topics(session, [doc.id]).get(doc.id, [])
    previous = _previous(session, doc, task, topics)
    repository.replace_analyst_label(
        session,
        document_id=doc.id,
        kind=task,
        value=value,
        explanation=f"chuyên viên sửa nhãn (trước: {', '.join(previous) or '—'}) / "
        f"analyst correction (was: {', '.join(previous) or '—'})",
    )
    moved = 0
    if task == "topic":
        moved = _move_cells(session, doc, topics, doc.sentiment, [value], doc.sentiment)
    elif task == "sentiment":
        moved = _move_cells(session, doc, topics, doc.sentiment, topics, value)
        repository.set_document_sentiment(session, doc.id, value)
    return Correction(doc.id, task, value, previous, moved)


def _previous(session: Session, doc: CountedDocument, task: str, topics: list[str]) -> list[str]:
    if task == "topic":
        return topics
    if task == "sentiment":
        return [doc.sentiment] if doc.sentiment else []
    analyst = repository.analyst_values(session, task, [doc.id]).get(doc.id)
    if analyst is not None:
        return [analyst]
    return sorted({value for value, _ in repository.labels_of(session, doc.id, task)})


def _move_cells(
    session: Session,
    doc: CountedDocument,
    old_topics: list[str],
    old_sentiment: str,
    new_topics: list[str],
    new_sentiment: str,
) -> int:
    if not doc.counted:
        return 0  # a repost is counted as its original: nothing to move
    change: Counter[rollups.Cell] = Counter()
    for topics, sentiment, step in (
        (old_topics, old_sentiment, -1),
        (new_topics, new_sentiment, 1),
    ):
        for cell in rollups.cells_for(
            published_at=doc.published_at,
            topics=topics,
            province_code=doc.province_code,
            commune_code=doc.commune_code,
            sentiment=sentiment,
            channel_kind=doc.channel_kind,
        ):
            change[cell] += step
    moves = Counter({cell: n for cell, n in change.items() if n})
    rollups.apply_increments(session, moves)
    return len(moves)


def keep_analyst_sentiment(session: Session, document_ids: Collection[int]) -> int:
    """After machine relabelling (`opiniondesk analyze`), put analysts' sentiment back on the
    documents they corrected; returns how many documents it applied to."""
    overrides = repository.analyst_values(session, "sentiment", document_ids)
    for doc_id, value in overrides.items():
        repository.set_document_sentiment(session, doc_id, value)
    return len(overrides)
