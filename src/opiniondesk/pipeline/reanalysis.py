"""Re-label stored documents with the current taxonomy, lexicon and gazetteer, then rebuild
the rollups. Analyst corrections (source 'analyst') are never touched."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.analysis import rollups
from opiniondesk.analysis.classifiers.corrections import keep_analyst_sentiment
from opiniondesk.config import Settings
from opiniondesk.pipeline import repository
from opiniondesk.pipeline.base import PipelineRunner, WorkItem
from opiniondesk.pipeline.build import analysis_stages
from opiniondesk.pipeline.stages.normalise import analysis_forms
from opiniondesk.storage.models import Annotation, Channel, Document

RELABELLED_KINDS = ("topic", "topic_rule", "sentiment", "place")


@dataclass(slots=True)
class ReanalysisReport:
    documents: int = 0
    counted: int = 0


def reanalyse(
    settings: Settings,
    sessions: sessionmaker[Session],
    *,
    on_batch: Callable[[int, int], None] | None = None,
) -> ReanalysisReport:
    runner = PipelineRunner(analysis_stages(settings))
    report = ReanalysisReport()
    with sessions() as session:
        total = repository.count_all_documents(session)
    last_id = 0
    while True:
        with sessions.begin() as session:
            rows = session.execute(
                select(Document, Channel.kind)
                .join(Channel, Channel.id == Document.channel_id)
                .where(Document.id > last_id)
                .order_by(Document.id)
                .limit(settings.ingest_batch_size)
            ).all()
            if not rows:
                break
            last_id = rows[-1][0].id
            _relabel(session, runner, [(doc, str(kind)) for doc, kind in rows])
        report.documents += len(rows)
        if on_batch:
            on_batch(report.documents, total)
    with sessions.begin() as session:
        report.counted = rollups.rebuild(session)
    return report


def _relabel(session: Session, runner: PipelineRunner, docs: list[tuple[Document, str]]) -> None:
    items = []
    for doc, kind in docs:
        analysis_text, match_text = analysis_forms(doc.title, doc.text)
        items.append(
            WorkItem(
                text=doc.text,
                channel_kind=kind,
                title=doc.title,
                location=doc.place_hint,
                analysis_text=analysis_text,
                match_text=match_text,
                language=doc.language,
            )
        )
    runner.run(items)
    ids = [doc.id for doc, _ in docs]
    session.execute(
        delete(Annotation).where(
            Annotation.document_id.in_(ids),
            Annotation.kind.in_(RELABELLED_KINDS),
            Annotation.source != "analyst",
        )
    )
    annotations: list[dict[str, object]] = []
    for (doc, _), item in zip(docs, items, strict=True):
        session.execute(
            update(Document)
            .where(Document.id == doc.id)
            .values(
                province_code=item.province_code,
                commune_code=item.commune_code,
                sentiment=item.sentiment,
            )
        )
        annotations.extend(
            {
                "document_id": doc.id,
                "kind": label.kind,
                "value": label.value,
                "score": label.score,
                "source": label.source,
                "explanation": label.explanation,
            }
            for label in item.labels
        )
    repository.insert_annotations(session, annotations)
    keep_analyst_sentiment(session, ids)
