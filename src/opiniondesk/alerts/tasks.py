"""The scheduled job: detect alerts for the last days, in a transaction of its own.

A scheduler (Huey, later) calls `detect_recent` once a day or after each ingest; yesterday is
scanned again because documents about it keep arriving after midnight. Running it twice does
nothing new (the service upserts).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.alerts.detector import DetectorParams
from opiniondesk.alerts.service import DetectionReport, DetectionSettings, detect_alerts
from opiniondesk.analysis.rollups import local_day
from opiniondesk.config import Settings
from opiniondesk.storage.base import utcnow

RESCAN_DAYS = 2  # today and yesterday


def detection_settings(settings: Settings) -> DetectionSettings:
    """Detector settings for this desk: no alert may be smaller than its small-cell limit."""
    default = DetectorParams()
    return DetectionSettings(
        params=DetectorParams(min_count=max(default.min_count, settings.min_group_size))
    )


def detect_recent(
    sessions: sessionmaker[Session],
    settings: Settings,
    *,
    as_of: date | None = None,
    days: int = RESCAN_DAYS,
) -> DetectionReport:
    """Detect over the `days` days ending on `as_of` (default: today, local) and commit."""
    with sessions.begin() as session:
        return detect_alerts(
            session,
            as_of=as_of or local_day(utcnow()),
            days=days,
            settings=detection_settings(settings),
        )
