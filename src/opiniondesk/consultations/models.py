"""Consultations, their statements, pseudonymous participants, votes and analysis runs.

A participant is a keyed hash of a random cookie value (or of an imported export's participant
id): enough to keep one latest vote per person and statement, useless to find the person.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from opiniondesk.storage.base import Base, UTCDateTime, utcnow
from opiniondesk.storage.models import BigId


class ConsultationStatus(StrEnum):
    draft = "draft"  # staff are preparing it; not public
    open = "open"  # citizens vote and submit statements
    closed = "closed"  # results stay public, no more votes


class StatementStatus(StrEnum):
    pending = "pending"  # submitted by a participant, waiting for moderation
    accepted = "accepted"
    rejected = "rejected"  # moderated out: never shown, its votes count as 0 on the map


class Consultation(Base):
    __tablename__ = "consultation"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    question: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[ConsultationStatus] = mapped_column(String(16), default=ConsultationStatus.draft)
    source: Mapped[str] = mapped_column(String(200), default="")  # "polis:<folder>" if imported
    # the unit whose staff run it: "VN", a province or a commune code (accounts/units.py)
    unit_code: Mapped[str] = mapped_column(String(16), default="VN", index=True)
    created_by: Mapped[int | None] = mapped_column(BigId, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class Statement(Base):
    __tablename__ = "consultation_statement"
    __table_args__ = (
        UniqueConstraint("consultation_id", "external_id", name="uq_consultation_statement_ext"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), index=True
    )
    external_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    text: Mapped[str] = mapped_column(Text)  # PII-redacted before it is stored
    status: Mapped[StatementStatus] = mapped_column(String(16), default=StatementStatus.pending)
    submitted_by_participant: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Participant(Base):
    __tablename__ = "consultation_participant"
    __table_args__ = (
        UniqueConstraint("consultation_id", "key_hash", name="uq_consultation_participant_key"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), index=True
    )
    key_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Vote(Base):
    """The latest vote of one participant on one statement (+1 agree, −1 disagree, 0 pass)."""

    __tablename__ = "consultation_vote"
    __table_args__ = (
        UniqueConstraint("participant_id", "statement_id", name="uq_consultation_vote_cell"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("consultation_participant.id", ondelete="CASCADE")
    )
    statement_id: Mapped[int] = mapped_column(
        ForeignKey("consultation_statement.id", ondelete="CASCADE"), index=True
    )
    vote: Mapped[int] = mapped_column(SmallInteger)
    voted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class AnalysisRun(Base):
    """One analysis result (immutable once written); pages read the newest."""

    __tablename__ = "consultation_run"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), index=True
    )
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    vote_count: Mapped[int] = mapped_column(Integer)
    seed: Mapped[int] = mapped_column(Integer, default=0)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
