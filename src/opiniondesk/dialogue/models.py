"""Tables of dialogue sessions: the session, groups of similar questions, the questions (text
redacted; the asker only as a keyed pseudonym), supports, commitments, and — apart — the
contacts citizens consented to leave, and the intake counter used for rate limiting."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Boolean, Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from opiniondesk.storage.base import Base, UTCDateTime, utcnow
from opiniondesk.storage.models import BigId


class Medium(StrEnum):
    radio = "radio"
    livestream = "livestream"
    hall = "hall"


class GroupState(StrEnum):
    queued = "queued"  # waiting (before or during the session)
    on_air = "on_air"
    answered = "answered"
    rejected = "rejected"  # with a reason; kept, never shown publicly
    merged = "merged"  # folded into another group (merged_into_id)


class Source(StrEnum):
    web = "web"  # the public form
    hotline = "hotline"  # typed by staff from a call
    imported = "imported"  # a CSV/XLSX list


class DialogueSession(Base):
    __tablename__ = "dialogue_session"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    leaders: Mapped[str] = mapped_column(Text, default="")  # who answers: one per line
    medium: Mapped[Medium] = mapped_column(String(16), default=Medium.hall)
    unit_codes: Mapped[str] = mapped_column(String(500), default="")  # space-separated codes
    intake_opens_at: Mapped[datetime] = mapped_column(UTCDateTime())
    intake_closes_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[int | None] = mapped_column(BigId)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class QuestionGroup(Base):
    """Questions that ask the same thing: ranked, put on air and answered together."""

    __tablename__ = "dialogue_group"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("dialogue_session.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(500))
    state: Mapped[GroupState] = mapped_column(String(16), default=GroupState.queued)
    reject_reason: Mapped[str] = mapped_column(Text, default="")
    # shown on the public page only once a moderator publishes it (or it is answered on air):
    # citizens' words are never published unread
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("dialogue_group.id", ondelete="SET NULL")
    )
    position: Mapped[int | None] = mapped_column(Integer)  # manual order; None = by rank
    on_air_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    answer_summary: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Question(Base):
    __tablename__ = "dialogue_question"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("dialogue_session.id", ondelete="CASCADE"), index=True
    )
    group_id: Mapped[int] = mapped_column(
        ForeignKey("dialogue_group.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)  # redacted before it is stored
    source: Mapped[Source] = mapped_column(String(16))
    # HMAC pseudonym of a browser key or contact, or one fresh key per staff/imported entry
    person_key: Mapped[str] = mapped_column(String(64), index=True)
    suggested_group_id: Mapped[int | None] = mapped_column(
        ForeignKey("dialogue_group.id", ondelete="SET NULL")
    )
    suggested_score: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Support(Base):
    """ "I want this answered too": one per person and group."""

    __tablename__ = "dialogue_support"
    __table_args__ = (UniqueConstraint("group_id", "person_key"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    group_id: Mapped[int] = mapped_column(
        ForeignKey("dialogue_group.id", ondelete="CASCADE"), index=True
    )
    person_key: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class AskerContact(Base):
    """How to reach a citizen who asked for a reply, with consent. Never joined into a page;
    deleted after `retain_until`."""

    __tablename__ = "dialogue_contact"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("dialogue_question.id", ondelete="CASCADE"), unique=True
    )
    name: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    consented_at: Mapped[datetime] = mapped_column(UTCDateTime())
    retain_until: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class IntakeAttempt(Base):
    """One public submission, for the rate limit: keyed hashes only, kept a day."""

    __tablename__ = "dialogue_intake_attempt"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    browser_key: Mapped[str] = mapped_column(String(64), index=True)
    ip_key: Mapped[str] = mapped_column(String(64), index=True)


class Commitment(Base):
    """A promise made on air: tracked as a case assigned to the owner agency."""

    __tablename__ = "dialogue_commitment"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("dialogue_session.id", ondelete="CASCADE"), index=True
    )
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("dialogue_group.id", ondelete="SET NULL"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id", ondelete="RESTRICT"))
    deadline: Mapped[date] = mapped_column(Date)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("case_file.id", ondelete="RESTRICT"), unique=True
    )
    created_by: Mapped[int | None] = mapped_column(BigId)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
