"""Surveys as imported XLSForms and their responses (answers keyed by question path)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, String, UniqueConstraint
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
