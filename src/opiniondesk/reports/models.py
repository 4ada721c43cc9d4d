"""The stored report: its parameters, the figures it used, and its state (draft or final)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Date, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from opiniondesk.storage.base import Base, UTCDateTime, utcnow
from opiniondesk.storage.models import BigId


class ReportKind(StrEnum):
    monthly = "monthly"
    quarterly = "quarterly"
    custom = "custom"


class ReportStatus(StrEnum):
    draft = "draft"
    final = "final"  # immutable: figures, proposals and hashes never change again


class Report(Base):
    """One generated report. `figures` is everything the documents were written from, so a
    final report can be rebuilt byte-for-byte in content without reading the desk again."""

    __tablename__ = "report"
    __table_args__ = (Index("ix_report_period_start_unit_code", "period_start", "unit_code"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    kind: Mapped[ReportKind] = mapped_column(String(16))
    period: Mapped[str] = mapped_column(
        String(40)
    )  # "2026-Q3", "2026-09", "2026-07-01..2026-08-15"
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)  # inclusive
    unit_code: Mapped[str] = mapped_column(String(16), default="")  # '' = everything
    parameters: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    figures: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    proposals: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[ReportStatus] = mapped_column(String(16), default=ReportStatus.draft)
    figures_hash: Mapped[str] = mapped_column(String(64))
    content_hashes: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    created_by_id: Mapped[int | None] = mapped_column(BigId)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    finalised_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
