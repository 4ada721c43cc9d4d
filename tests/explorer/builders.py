"""Documents for the explorer tests, written directly (no pipeline)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from opiniondesk.storage.models import Annotation, Channel, ChannelKind, Document

DAY = datetime(2025, 6, 20, 3, 0, tzinfo=UTC)
XSS = "<script>alert('x')</script>"


def add_channel(session: Session, name: str = "Phản ánh", kind: str = "feedback") -> Channel:
    channel = Channel(kind=ChannelKind(kind), name=name, settings={})
    session.add(channel)
    session.flush()
    return channel


def add_document(
    session: Session,
    channel: Channel,
    text: str,
    *,
    title: str | None = None,
    province: str = "01",
    commune: str = "00097",
    sentiment: str = "negative",
    topic: str | None = None,
    published_at: datetime = DAY,
    duplicate_of: int | None = None,
) -> int:
    digest = hashlib.sha256(f"{title}|{text}|{province}{commune}".encode()).hexdigest()
    doc = Document(
        channel_id=channel.id,
        dedupe_key=f"sha256:{digest}",
        content_hash=digest,
        title=title,
        text=text,
        published_at=published_at,
        province_code=province,
        commune_code=commune,
        sentiment=sentiment,
        author_key="author-secret-key",
        duplicate_of_id=duplicate_of,
    )
    session.add(doc)
    session.flush()
    if topic:
        session.add(
            Annotation(
                document_id=doc.id,
                kind="topic",
                value=topic,
                score=0.9,
                source=f"rule:{topic}",
                explanation="khớp luật / rule matched",
            )
        )
    if sentiment:
        session.add(
            Annotation(
                document_id=doc.id,
                kind="sentiment",
                value=sentiment,
                score=0.7,
                source="lexicon",
                explanation="từ tiêu cực / negative words",
            )
        )
    session.flush()
    return doc.id
