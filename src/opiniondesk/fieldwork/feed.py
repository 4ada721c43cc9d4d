"""Feed a stored field report to the text pipeline as a document of channel `field_report`,
so it is labelled and counted on the dashboard like every other channel."""

from __future__ import annotations

from fastapi import Request

from opiniondesk.accounts.units import resolve_unit
from opiniondesk.fieldwork.schemas import FieldReportCreate
from opiniondesk.ingest.raw import RawItem
from opiniondesk.pipeline.feeder import ChannelFeeder, app_feeder
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


def feeder(request: Request) -> ChannelFeeder:
    """The web app's feeder of field reports (see pipeline/feeder.py)."""
    return app_feeder(
        request, kind=ChannelKind.field_report, channel_name=CHANNEL_NAME, source=SOURCE
    )
