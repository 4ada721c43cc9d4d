"""All SQL of the ingest pipeline: channels, documents, annotations, ingest runs."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from opiniondesk.storage.base import utcnow
from opiniondesk.storage.dialect import driver_value, executemany_upsert, insert_for
from opiniondesk.storage.models import Annotation, Channel, ChannelKind, Document, IngestRun

_CHUNK = 500


def _chunks(values: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def get_or_create_channel(session: Session, *, kind: ChannelKind, name: str) -> Channel:
    channel = session.scalar(select(Channel).where(Channel.name == name))
    if channel is None:
        channel = Channel(kind=kind, name=name, settings={})
        session.add(channel)
        session.flush()
    return channel


def known_dedupe_keys(session: Session, *, channel_id: int, keys: Collection[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(sorted(keys)):
        found.update(
            session.scalars(
                select(Document.dedupe_key).where(
                    Document.channel_id == channel_id, Document.dedupe_key.in_(chunk)
                )
            )
        )
    return found


def iter_original_signatures(session: Session) -> Iterator[tuple[str, bytes, str]]:
    """(content hash, MinHash, place) of every stored original, oldest first."""
    rows = session.execute(
        select(
            Document.content_hash,
            Document.minhash,
            func.coalesce(func.nullif(Document.commune_code, ""), Document.province_code),
        )
        .where(Document.duplicate_of_id.is_(None), Document.minhash.is_not(None))
        .order_by(Document.id)
        .execution_options(yield_per=5000)
    )
    for content_hash, minhash, place in rows:
        yield content_hash, bytes(minhash), place or ""


def original_ids_by_hash(session: Session, hashes: Collection[str]) -> dict[str, int]:
    """The first stored original with each content hash."""
    found: dict[str, int] = {}
    for chunk in _chunks(sorted(hashes)):
        rows = session.execute(
            select(Document.content_hash, func.min(Document.id))
            .where(Document.content_hash.in_(chunk), Document.duplicate_of_id.is_(None))
            .group_by(Document.content_hash)
        )
        found.update({h: int(i) for h, i in rows})
    return found


def insert_documents(session: Session, rows: list[dict[str, Any]]) -> dict[str, int]:
    """Insert rows, skipping any (channel, dedupe_key) already stored; returns key → new id."""
    if not rows:
        return {}
    stmt = (
        insert_for(session, Document.__table__)
        .on_conflict_do_nothing(index_elements=["channel_id", "dedupe_key"])
        .returning(Document.__table__.c.dedupe_key, Document.__table__.c.id)
    )
    result = session.execute(stmt, rows)
    return {key: int(doc_id) for key, doc_id in result}


ANNOTATION_COLUMNS = (
    "document_id",
    "kind",
    "value",
    "score",
    "source",
    "explanation",
    "created_at",
)


def insert_annotations(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Insert labels (skipping exact repeats), through the driver's executemany (hot path)."""
    if not rows:
        return
    now = driver_value(session, utcnow())
    values = [
        (
            r["document_id"],
            r["kind"],
            r["value"],
            float(r["score"]),
            r["source"],
            r["explanation"],
            driver_value(session, r["created_at"]) if "created_at" in r else now,
        )
        for r in rows
    ]
    executemany_upsert(
        session,
        Annotation.__table__,  # type: ignore[arg-type]
        ANNOTATION_COLUMNS,
        values,
        conflict=("document_id", "kind", "value", "source"),
    )


def channel_by_id(session: Session, channel_id: int) -> Channel:
    channel = session.get(Channel, channel_id)
    if channel is None:
        raise LookupError(f"channel {channel_id} vanished during ingest")
    return channel


def update_run(session: Session, run_id: int, values: dict[str, object]) -> None:
    session.execute(update(IngestRun).where(IngestRun.id == run_id).values(**values))


def count_all_documents(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Document)) or 0)
