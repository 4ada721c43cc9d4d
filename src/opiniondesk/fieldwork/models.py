"""The field report as stored: redacted text, the unit it is about, and the client's instance id
that makes every replay of the same submission land on the same row."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from opiniondesk.storage.base import Base, UTCDateTime, utcnow
from opiniondesk.storage.models import BigId


class Mood(StrEnum):
    positive = "positive"
    neutral = "neutral"
    negative = "negative"
    mixed = "mixed"


class Concern(StrEnum):
    low = "low"
    medium = "medium"
    high = "high"


class Spread(StrEnum):
    isolated = "isolated"  # a few people
    local = "local"  # a village or neighbourhood
    widespread = "widespread"  # across the commune or beyond


class HeardAt(StrEnum):
    conversation = "conversation"
    meeting = "meeting"
    market = "market"
    online = "online"
    media = "media"
    other = "other"


class ReportDuty(Base):
    """A leader's request: "collaborators of unit X, report on topic Y by date Z"."""

    __tablename__ = "report_duty"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(16))
    province_code: Mapped[str] = mapped_column(String(16), index=True)
    topic: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int | None] = mapped_column(BigId)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class FieldReport(Base):
    """One collaborator's report. `instance_id` is generated on the device (as ODK Collect and
    KoboToolbox do); `content_hash` is a keyed hash of the submitted content, so a replay can be
    told apart from a different report reusing the id without keeping the raw text."""

    __tablename__ = "field_report"
    __table_args__ = (UniqueConstraint("instance_id", name="uq_field_report_instance_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    instance_id: Mapped[str] = mapped_column(String(36))
    content_hash: Mapped[str] = mapped_column(String(64))
    topic: Mapped[str] = mapped_column(String(200))
    unit_code: Mapped[str] = mapped_column(String(16))
    province_code: Mapped[str] = mapped_column(String(16), index=True)
    mood: Mapped[Mood] = mapped_column(String(16))
    concern: Mapped[Concern] = mapped_column(String(16))
    spread: Mapped[Spread] = mapped_column(String(16))
    heard_at: Mapped[HeardAt] = mapped_column(String(16))
    summary: Mapped[str] = mapped_column(Text)  # redacted
    suggested_action: Mapped[str] = mapped_column(Text, default="")  # redacted
    # kept for the supervisor's coverage figures only; never shown next to a report's content
    # (no foreign key: accounts live on another migration branch)
    submitted_by: Mapped[int | None] = mapped_column(BigId, index=True)
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    duty_id: Mapped[int | None] = mapped_column(
        ForeignKey("report_duty.id", ondelete="SET NULL"), index=True
    )
