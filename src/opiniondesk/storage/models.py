"""Typed SQLAlchemy 2.0 models of the foundation: places, channels, documents, labels, rollups."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from opiniondesk.storage.base import Base, UTCDateTime, utcnow

# On PostgreSQL ids are BIGINT; SQLite needs INTEGER for rowid aliasing.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class UnitLevel(StrEnum):
    province = "province"  # 2025: 34 provinces / centrally-run cities
    commune = "commune"  # 2025: communes, wards, special zones
    legacy_province = "legacy_province"  # before 1 July 2025: 63 provinces
    legacy_district = "legacy_district"
    legacy_commune = "legacy_commune"


class ChannelKind(StrEnum):
    field_report = "field_report"
    survey = "survey"
    feedback = "feedback"
    dialogue = "dialogue"
    feed = "feed"
    page_export = "page_export"
    api = "api"


class AdminUnit(Base):
    __tablename__ = "admin_unit"
    __table_args__ = (UniqueConstraint("level", "code"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(16))
    level: Mapped[UnitLevel] = mapped_column(String(24))
    name: Mapped[str] = mapped_column(String(200))  # "Xã Tân Lập", "Thành phố Hà Nội"
    short_name: Mapped[str] = mapped_column(String(160))  # "Tân Lập", "Hà Nội"
    unit_type: Mapped[str] = mapped_column(String(40))  # Xã, Phường, Đặc khu, Tỉnh, Quận, ...
    parent_code: Mapped[str | None] = mapped_column(String(16), index=True)
    province_code: Mapped[str] = mapped_column(String(16), index=True)  # 2025 province
    successor_code: Mapped[str | None] = mapped_column(String(16))  # legacy → 2025 commune
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)


class Channel(Base):
    __tablename__ = "channel"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    kind: Mapped[ChannelKind] = mapped_column(String(24))
    name: Mapped[str] = mapped_column(String(200), unique=True)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    owner_unit_code: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Document(Base):
    """One utterance of opinion. `text` is already redacted; nothing else holds the raw text."""

    __tablename__ = "document"
    __table_args__ = (
        UniqueConstraint("channel_id", "dedupe_key"),
        Index("ix_document_published_day", "published_at"),
        Index("ix_document_content_hash", "content_hash"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channel.id", ondelete="RESTRICT"))
    # external id when the source has one, else "sha256:<content hash>": re-ingest adds nothing
    dedupe_key: Mapped[str] = mapped_column(String(300))
    external_id: Mapped[str | None] = mapped_column(String(256))
    content_hash: Mapped[str] = mapped_column(String(64))
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(8), default="vi")
    published_at: Mapped[datetime] = mapped_column(UTCDateTime())
    collected_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    url: Mapped[str | None] = mapped_column(Text)
    author_key: Mapped[str | None] = mapped_column(String(64))  # HMAC pseudonym, never a name
    place_hint: Mapped[str | None] = mapped_column(Text)  # redacted structured location field
    province_code: Mapped[str] = mapped_column(String(16), default="", index=True)
    commune_code: Mapped[str] = mapped_column(String(16), default="", index=True)
    sentiment: Mapped[str] = mapped_column(String(16), default="")
    duplicate_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="SET NULL"), index=True
    )
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    redaction_count: Mapped[int] = mapped_column(Integer, default=0)

    channel: Mapped[Channel] = relationship(lazy="raise")
    annotations: Mapped[list[Annotation]] = relationship(
        back_populates="document", lazy="raise", cascade="all, delete-orphan"
    )


class Annotation(Base):
    __tablename__ = "annotation"
    __table_args__ = (UniqueConstraint("document_id", "kind", "value", "source"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    # no separate index: the unique key below starts with document_id
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(24))  # topic, sentiment, place, duplicate_of, ...
    value: Mapped[str] = mapped_column(String(200))
    score: Mapped[float] = mapped_column(Float, default=1.0)
    source: Mapped[str] = mapped_column(String(120))  # rule:<topic>, lexicon, gazetteer, analyst
    explanation: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    document: Mapped[Document] = relationship(back_populates="annotations", lazy="raise")


class Topic(Base):
    __tablename__ = "topic"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(80), unique=True)
    parent_code: Mapped[str | None] = mapped_column(String(80))
    label_vi: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str] = mapped_column(String(200))
    query: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(default=True)


class Rollup(Base):
    """Counts by day × topic × unit × sentiment × channel; dashboards read only this table.

    Empty string (not NULL) means "none/unknown" so the unique key holds on every backend.
    A document with several topics adds one to each of its topics; `topic_code=''` is the
    per-document total (exactly one row per document), so document totals never double count.
    """

    __tablename__ = "rollup"
    __table_args__ = (
        UniqueConstraint(
            "day",
            "topic_code",
            "province_code",
            "commune_code",
            "sentiment",
            "channel_kind",
            name="uq_rollup_cell",
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    topic_code: Mapped[str] = mapped_column(String(80))
    province_code: Mapped[str] = mapped_column(String(16))
    commune_code: Mapped[str] = mapped_column(String(16))
    sentiment: Mapped[str] = mapped_column(String(16))
    channel_kind: Mapped[str] = mapped_column(String(24))
    count: Mapped[int] = mapped_column(Integer, default=0)


class IngestRun(Base):
    """One `ingest` of one source: what was read, stored, skipped and refused."""

    __tablename__ = "ingest_run"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channel.id", ondelete="RESTRICT"))
    source: Mapped[str] = mapped_column(Text)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    read: Mapped[int] = mapped_column(Integer, default=0)
    stored: Mapped[int] = mapped_column(Integer, default=0)
    already_stored: Mapped[int] = mapped_column(Integer, default=0)
    near_duplicates: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[list[str]] = mapped_column(JSON, default=list)  # first errors, for display
    status: Mapped[str] = mapped_column(String(16), default="running")
