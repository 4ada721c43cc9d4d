"""Surveys as imported XLSForms and their responses (answers keyed by question path)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from opiniondesk.storage.base import Base, UTCDateTime, utcnow
from opiniondesk.storage.models import BigId


class Survey(Base):
    __tablename__ = "survey"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    form_id: Mapped[str] = mapped_column(String(200), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    version: Mapped[str] = mapped_column(String(100), default="")
    definition: Mapped[dict[str, Any]] = mapped_column(JSON)  # SurveyForm.to_json()
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ResponseMode(StrEnum):
    """How a response reached the desk. Says nothing about who answered: an assisted
    interview records that a collaborator helped, never which one or with whom."""

    imported = "imported"  # from a KoboToolbox/ODK export
    assisted = "assisted"  # a collaborator filled it in with the respondent
    self_completed = "self"  # the respondent through the survey's public link


class SurveyResponse(Base):
    """One completed questionnaire. No respondent identity is kept: the instance id is the
    form's own submission id, used only so that re-importing an export adds nothing."""

    __tablename__ = "survey_response"
    __table_args__ = (
        UniqueConstraint("survey_id", "instance_id", name="uq_survey_response_instance"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    instance_id: Mapped[str] = mapped_column(String(200))
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    mode: Mapped[str] = mapped_column(
        String(16), default=ResponseMode.imported, server_default=ResponseMode.imported.value
    )


class SurveyLink(Base):
    """A survey's public link `/khao-sat/{token}`: anyone with it may answer until staff close
    it. The token is random (unguessable); a closed link stays closed, a new one is made."""

    __tablename__ = "survey_link"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class SurveyLinkSubmission(Base):
    """When a client (a keyed hash of its address, never the address) answered through a
    link: enough to rate-limit, useless to identify; rows older than a day are deleted."""

    __tablename__ = "survey_link_submission"
    __table_args__ = (Index("ix_survey_link_submission_lookup", "link_id", "client_key", "at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    link_id: Mapped[int] = mapped_column(ForeignKey("survey_link.id", ondelete="CASCADE"))
    client_key: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
