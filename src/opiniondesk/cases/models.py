"""Tables of the case workflow: agencies, cases, their append-only event log, evidence links
and the e-mail outbox. A case's status is never stored: it is derived from `case_event`."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.schema import DDL

from opiniondesk.storage.base import Base, UTCDateTime, utcnow
from opiniondesk.storage.models import BigId


class Priority(StrEnum):
    low = "low"
    normal = "normal"
    high = "high"
    urgent = "urgent"


class Agency(Base):
    """An institution that answers cases: a department (sở, ngành) or a People's Committee."""

    __tablename__ = "agency"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)  # "so-nnmt-79", "ubnd-p-tan-dinh"
    name: Mapped[str] = mapped_column(String(300))
    unit_code: Mapped[str] = mapped_column(String(16), index=True)  # the unit it serves
    email: Mapped[str] = mapped_column(String(320), default="")  # the institution's inbox
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class LeaderInbox(Base):
    """An e-mail inbox of the leadership of a unit (văn phòng, hộp thư lãnh đạo): escalations
    and answers waiting for approval go there. An office address, not a person's profile."""

    __tablename__ = "case_leader_inbox"
    __table_args__ = (UniqueConstraint("unit_code", "email"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(16), index=True)  # province or commune
    email: Mapped[str] = mapped_column(String(320))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Case(Base):
    """A pressing issue (vấn đề nổi cộm). Only what it is about lives here; what happened to
    it lives in `CaseEvent`."""

    __tablename__ = "case_file"  # "case" is an SQL keyword

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    summary: Mapped[str] = mapped_column(Text, default="")
    unit_code: Mapped[str] = mapped_column(String(16), index=True)  # 2025 commune or province
    province_code: Mapped[str] = mapped_column(String(16), index=True)  # for province scoping
    topic_code: Mapped[str] = mapped_column(String(80), default="")
    priority: Mapped[Priority] = mapped_column(String(16), default=Priority.normal)
    created_by: Mapped[int | None] = mapped_column(BigId)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    events: Mapped[list[CaseEvent]] = relationship(
        lazy="raise", order_by="CaseEvent.id", back_populates="case"
    )


class CaseEvent(Base):
    """One fact in a case's life. Append-only: the ORM and database triggers refuse UPDATE
    and DELETE. `dedupe_key` makes a repeated fact (a reminder for the same deadline, a
    second answer) impossible even when two workers race."""

    __tablename__ = "case_event"
    __table_args__ = (UniqueConstraint("case_id", "dedupe_key"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="RESTRICT"))
    kind: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor_id: Mapped[int | None] = mapped_column(BigId)  # accounts user id; None = the desk
    # the agency the event concerns, copied out of the payload so per-agency queries use an index
    agency_id: Mapped[int | None] = mapped_column(
        ForeignKey("agency.id", ondelete="RESTRICT"), index=True
    )
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    dedupe_key: Mapped[str] = mapped_column(String(160))

    case: Mapped[Case] = relationship(lazy="raise", back_populates="events")


@event.listens_for(CaseEvent, "before_update")
@event.listens_for(CaseEvent, "before_delete")
def _refuse_change(_mapper: Any, _connection: Any, target: CaseEvent) -> None:
    raise RuntimeError(f"case_event {target.id} is append-only: record a new event instead")


# The same statements are in migration 0007; these make `create_all` databases (the web tests
# build theirs that way) append-only too.
CASE_EVENT_TRIGGERS_SQLITE = (
    "CREATE TRIGGER case_event_no_update BEFORE UPDATE ON case_event "
    "BEGIN SELECT RAISE(ABORT, 'case_event is append-only: UPDATE refused'); END",
    "CREATE TRIGGER case_event_no_delete BEFORE DELETE ON case_event "
    "BEGIN SELECT RAISE(ABORT, 'case_event is append-only: DELETE refused'); END",
)
CASE_EVENT_TRIGGERS_POSTGRESQL = (
    "CREATE OR REPLACE FUNCTION case_event_refuse_change() RETURNS trigger "
    "LANGUAGE plpgsql AS $$ BEGIN "
    "RAISE EXCEPTION USING MESSAGE = 'case_event is append-only: ' || TG_OP || ' refused'; "
    "END $$",
    "CREATE TRIGGER case_event_append_only BEFORE UPDATE OR DELETE ON case_event "
    "FOR EACH ROW EXECUTE FUNCTION case_event_refuse_change()",
)
for _dialect, _statements in (
    ("sqlite", CASE_EVENT_TRIGGERS_SQLITE),
    ("postgresql", CASE_EVENT_TRIGGERS_POSTGRESQL),
):
    for _statement in _statements:
        event.listen(
            CaseEvent.__table__,
            "after_create",
            DDL(_statement).execute_if(dialect=_dialect),  # type: ignore[no-untyped-call]
        )


class CaseEvidence(Base):
    """A document or an alert that shows the issue (ids only: evidence never names people)."""

    __tablename__ = "case_evidence"
    __table_args__ = (
        UniqueConstraint("case_id", "document_id"),
        UniqueConstraint("case_id", "alert_id"),
        CheckConstraint("document_id IS NOT NULL OR alert_id IS NOT NULL", name="has_target"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), index=True
    )
    # no foreign key: the alert table belongs to another migration branch
    alert_id: Mapped[int | None] = mapped_column(BigId, index=True)
    added_by: Mapped[int | None] = mapped_column(BigId)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class CaseNotification(Base):
    """The e-mail outbox: written in the same transaction as the event that causes it, sent
    after commit, so a rolled-back action never mails anyone and a crash loses nothing."""

    __tablename__ = "case_notification"
    __table_args__ = (
        UniqueConstraint("event_id", "recipient"),
        Index("ix_case_notification_pending", "sent_at", "attempts"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="RESTRICT"))
    event_id: Mapped[int] = mapped_column(ForeignKey("case_event.id", ondelete="RESTRICT"))
    recipient: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(String(400))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
