"""Feeding one channel's items to the text pipeline from a long-running process (the web app).

Field reports and dialogue questions are stored by their own feature first, then fed here as
documents so they are labelled and counted on the dashboard like every other channel. One
Ingestor per channel and app (its gazetteer and models load once), used by one thread at a
time because the Ingestor keeps per-run state. Items carry external ids, so feeding the same
item twice stores it once.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from fastapi import Request
from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.config import Settings
from opiniondesk.ingest.raw import RawItem
from opiniondesk.pipeline.ingestion import Ingestor, IngestReport
from opiniondesk.storage.models import ChannelKind


class ChannelFeeder:
    def __init__(
        self,
        settings: Settings,
        sessions: sessionmaker[Session],
        *,
        kind: ChannelKind,
        channel_name: str,
        source: str,
    ) -> None:
        self._settings = settings
        self._sessions = sessions
        self._kind = kind
        self._channel_name = channel_name
        self._source = source
        self._ingestor: Ingestor | None = None
        self._lock = threading.Lock()

    def feed(self, items: Sequence[RawItem]) -> IngestReport:
        with self._lock:
            if self._ingestor is None:
                self._ingestor = Ingestor(self._settings, self._sessions)
            return self._ingestor.ingest(
                list(items), kind=self._kind, channel_name=self._channel_name, source=self._source
            )

    def close(self) -> None:
        with self._lock:
            if self._ingestor is not None:
                self._ingestor.close()
                self._ingestor = None


def app_feeder(
    request: Request, *, kind: ChannelKind, channel_name: str, source: str
) -> ChannelFeeder:
    """The app's feeder for this channel, made on first use and kept on `app.state`."""
    feeders: dict[str, ChannelFeeder] | None = getattr(request.app.state, "channel_feeders", None)
    if feeders is None:
        feeders = request.app.state.channel_feeders = {}
    feeder = feeders.get(channel_name)
    if feeder is None:
        feeder = feeders[channel_name] = ChannelFeeder(
            request.app.state.settings,
            request.app.state.session_factory,
            kind=kind,
            channel_name=channel_name,
            source=source,
        )
    return feeder
