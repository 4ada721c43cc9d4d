"""Open-ended survey answers go through the text pipeline as documents of channel `survey`
(redacted, labelled, counted on the dashboard); the external id keeps a re-feed a no-op."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.config import Settings
from opiniondesk.ingest.raw import RawItem
from opiniondesk.pipeline.ingestion import Ingestor
from opiniondesk.storage.models import ChannelKind

SURVEY_CHANNEL = "surveys"


def open_answers(
    form_id: str, instance_id: str, answers: dict[str, object], paths: Sequence[str]
) -> list[tuple[str, str]]:
    """(external id, text) of each non-empty open answer of one response."""
    found = []
    for path in paths:
        text = answers.get(path)
        if isinstance(text, str) and text.strip():
            found.append((f"{form_id}:{instance_id}:{path}", text))
    return found


def feed_open_answers(
    settings: Settings,
    sessions: sessionmaker[Session],
    texts: Sequence[tuple[str, str]],
    *,
    source: str,
) -> int:
    """Run the texts through the pipeline in its own transactions; returns documents stored."""
    if not texts:
        return 0
    items = [
        RawItem(text=text, source=source, line=n, external_id=external_id)
        for n, (external_id, text) in enumerate(texts, start=1)
    ]
    with Ingestor(settings, sessions) as ingestor:
        report = ingestor.ingest(
            items, kind=ChannelKind.survey, channel_name=SURVEY_CHANNEL, source=source
        )
    return report.stored
