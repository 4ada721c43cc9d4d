"""Store one processed batch: documents, their labels and rollup increments, in one transaction."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from opiniondesk.analysis import rollups
from opiniondesk.pipeline import repository
from opiniondesk.pipeline.base import Batch, WorkItem
from opiniondesk.pipeline.stages.known import dedupe_key
from opiniondesk.storage.base import utcnow
from opiniondesk.storage.models import Channel


@dataclass(slots=True)
class BatchOutcome:
    stored: int = 0
    near_duplicates: int = 0
    already_stored: int = 0


def _document_row(item: WorkItem, channel_id: int, now: datetime) -> dict[str, Any]:
    return {
        "channel_id": channel_id,
        "dedupe_key": dedupe_key(item),
        "external_id": item.external_id,
        "content_hash": item.content_hash,
        "title": item.title,
        "text": item.text,
        "language": item.language or "vi",
        "published_at": item.published_at or now,
        "collected_at": now,
        "url": item.url,
        "author_key": item.author_key,
        "place_hint": item.location,
        "province_code": item.province_code,
        "commune_code": item.commune_code,
        "sentiment": item.sentiment,
        "duplicate_of_id": None,
        "minhash": item.minhash,
        "redaction_count": sum(item.redactions.values()),
    }


def persist_batch(session: Session, channel: Channel, batch: Batch) -> BatchOutcome:
    """Insert the batch's live items. Originals go first so reposts in the same batch can
    point at them; a row whose key already exists is silently skipped (re-run safety)."""
    now = utcnow()
    live = [item for item in batch if not item.skip]
    originals = [item for item in live if item.duplicate_of_key is None]
    reposts = [item for item in live if item.duplicate_of_key is not None]

    ids = repository.insert_documents(
        session, [_document_row(item, channel.id, now) for item in originals]
    )
    first_by_hash: dict[str, int] = {}
    for item in originals:
        doc_id = ids.get(dedupe_key(item))
        if doc_id is not None:
            first_by_hash.setdefault(item.content_hash, doc_id)
    wanted = {item.duplicate_of_key for item in reposts} - first_by_hash.keys()
    first_by_hash.update(
        repository.original_ids_by_hash(session, {k for k in wanted if k is not None})
    )

    repost_rows = []
    for item in reposts:
        row = _document_row(item, channel.id, now)
        row["duplicate_of_id"] = first_by_hash.get(item.duplicate_of_key or "")
        repost_rows.append(row)
    ids.update(repository.insert_documents(session, repost_rows))

    annotations: list[dict[str, Any]] = []
    increments: Counter[rollups.Cell] = Counter()
    outcome = BatchOutcome(already_stored=len(live) - len(ids))
    for item in live:
        doc_id = ids.get(dedupe_key(item))
        if doc_id is None:
            continue  # stored meanwhile by another run: counted as already stored
        original_id = first_by_hash.get(item.duplicate_of_key or "")
        for label in item.labels:
            value = label.value
            if label.kind == "duplicate_of":
                if original_id is None:
                    continue
                value = str(original_id)
            annotations.append(
                {
                    "document_id": doc_id,
                    "kind": label.kind,
                    "value": value,
                    "score": label.score,
                    "source": label.source,
                    "explanation": label.explanation,
                }
            )
        if item.duplicate_of_key is not None and original_id is not None:
            outcome.near_duplicates += 1
            continue
        outcome.stored += 1
        for cell in rollups.cells_for(
            published_at=item.published_at or now,
            topics=item.topics,
            province_code=item.province_code,
            commune_code=item.commune_code,
            sentiment=item.sentiment,
            channel_kind=str(channel.kind),
        ):
            increments[cell] += 1
    repository.insert_annotations(session, annotations)
    rollups.apply_increments(session, increments)
    return outcome
