"""The `alert` table: an emerging issue in one topic and one unit over a window of days."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Float, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from opiniondesk.storage.base import Base, UTCDateTime, utcnow
from opiniondesk.storage.models import BigId


class AlertStatus(StrEnum):
    new = "new"
    acknowledged = "acknowledged"
    closed = "closed"


class Alert(Base):
    """A rise of one topic in one province or commune, as the detector measured it.

    Keyed by topic, unit and start day: re-running detection updates the same row. Evidence is
    a list of document ids (never authors). `observed`/`expected`/`probability` cover the whole
    window [window_start, window_end] against the baseline before it.
    """

    __tablename__ = "alert"
    __table_args__ = (
        UniqueConstraint(
            "topic_code", "province_code", "commune_code", "window_start", name="uq_alert_key"
        ),
        Index("ix_alert_status_window_end", "status", "window_end"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    topic_code: Mapped[str] = mapped_column(String(80))
    province_code: Mapped[str] = mapped_column(String(16))
    commune_code: Mapped[str] = mapped_column(String(16))  # '' for a province alert
    window_start: Mapped[date] = mapped_column(Date)
    window_end: Mapped[date] = mapped_column(Date)
    detected_on: Mapped[date] = mapped_column(Date)  # the as-of day that raised it
    observed: Mapped[int] = mapped_column(Integer)
    expected: Mapped[float] = mapped_column(Float)
    probability: Mapped[float] = mapped_column(Float)  # upper-tail P(X ≥ observed)
    score: Mapped[float] = mapped_column(Float)  # -log10(probability), higher = stronger
    method: Mapped[str] = mapped_column(String(60))
    parameters: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[AlertStatus] = mapped_column(String(16), default=AlertStatus.new)
    # a commune alert that explains most of its province's rise stands for the province too
    absorbs_province: Mapped[bool] = mapped_column(Boolean, default=False)
    evidence: Mapped[list[int]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
