"""Feed a stored field report to the text pipeline as a document of channel `field_report`,
so it is labelled and counted on the dashboard like every other channel."""

from __future__ import annotations

import threading

from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.accounts.units import resolve_unit
from opiniondesk.config import Settings
from opiniondesk.fieldwork.schemas import FieldReportCreate
from opiniondesk.ingest.raw import RawItem
from opiniondesk.pipeline.ingestion import Ingestor, IngestReport
from opiniondesk.storage.base import utcnow
from opiniondesk.storage.models import ChannelKind

CHANNEL_NAME = "field-reports"
SOURCE = "field-report"


def raw_item(report: FieldReportCreate) -> RawItem:
    """The instance id is the external id: re-feeding a report is a no-op in the pipeline."""
    text = report.summary
    if report.suggested_action:
        text = f"{text}\n{report.suggested_action}"
    return RawItem(
        text=text,
        source=SOURCE,
        line=1,
        title=report.topic,
        published_at=utcnow(),
        external_id=str(report.instance_id),
        location=resolve_unit(report.unit_code).name,
    )


class ReportFeeder:
    """One Ingestor per app (its gazetteer and models load once), used by one thread at a time:
    the Ingestor keeps per-run state."""

    def __init__(self, settings: Settings, sessions: sessionmaker[Session]) -> None:
        self._settings = settings
        self._sessions = sessions
        self._ingestor: Ingestor | None = None
        self._lock = threading.Lock()

    def feed(self, report: FieldReportCreate) -> IngestReport:
        with self._lock:
            if self._ingestor is None:
                self._ingestor = Ingestor(self._settings, self._sessions)
            return self._ingestor.ingest(
                [raw_item(report)],
                kind=ChannelKind.field_report,
                channel_name=CHANNEL_NAME,
                source=SOURCE,
            )

    def close(self) -> None:
        with self._lock:
            if self._ingestor is not None:
                self._ingestor.close()
                self._ingestor = None
