"""The field report as stored: redacted text, the unit it is about, and the client's instance id
that makes every replay of the same submission land on the same row."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text, UniqueConstraint
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


class Collaborator(Base):
    """A collaborator's profile next to their account. The units they cover are their
    `collaborator` memberships (accounts); contact details are for their supervisor only."""

    __tablename__ = "field_collaborator"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("account_user.id", ondelete="CASCADE"), unique=True
    )
    display_name: Mapped[str] = mapped_column(String(120))
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    invited_by: Mapped[int | None] = mapped_column(BigId)
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class CollaboratorInvitation(Base):
    """A one-time link: only the SHA-256 of its random token is kept, so a copy of the
    database cannot be used to join. `accepted_at` set means spent."""

    __tablename__ = "field_invitation"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    email: Mapped[str] = mapped_column(String(320))
    units: Mapped[list[str]] = mapped_column(JSON)
    invited_by: Mapped[int | None] = mapped_column(BigId)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    accepted_user_id: Mapped[int | None] = mapped_column(BigId)


class ReminderKind(StrEnum):
    days_3 = "d3"  # three days before the due date
    days_1 = "d1"  # the day before (or the day itself when the job ran late)


class DutyReminder(Base):
    """The outbox of duty reminders: one row per (duty, collaborator, kind), so running the
    reminder job again never mails anyone twice; sent after commit by `deliver_reminders`."""

    __tablename__ = "field_duty_reminder"
    __table_args__ = (
        UniqueConstraint("duty_id", "user_id", "kind", name="uq_field_duty_reminder"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    duty_id: Mapped[int] = mapped_column(ForeignKey("report_duty.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("account_user.id", ondelete="CASCADE"))
    kind: Mapped[ReminderKind] = mapped_column(String(4))
    recipient: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(String(400))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")


class ReportAttachment(Base):
    """One photo of a report, re-encoded without metadata and stored by the SHA-256 of the
    clean bytes under OPINIONDESK_HOME/attachments. One per report: a replay adds nothing."""

    __tablename__ = "field_report_attachment"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    report_id: Mapped[int] = mapped_column(
        ForeignKey("field_report.id", ondelete="CASCADE"), unique=True
    )
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    media_type: Mapped[str] = mapped_column(String(40))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    size_bytes: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
