"""A desk holding the planted mini-corpus, ingested through the real pipeline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from opiniondesk.discovery.window import Window
from opiniondesk.ingest.readers import open_source
from opiniondesk.pipeline.ingestion import Ingestor
from opiniondesk.storage.models import ChannelKind
from tests.builders import opinion_rows, write_csv
from tests.discovery.planted import planted_rows

WINDOW = Window(date(2026, 10, 1), date(2026, 10, 31))


def ingest_rows(desk, path: Path, name: str = "Góp ý") -> None:
    ingestor = Ingestor(desk.settings, desk.sessions)
    items = open_source(path, settings=desk.settings)
    ingestor.ingest(items, kind=ChannelKind.feedback, channel_name=name, source=str(path))


@pytest.fixture
def planted_desk(desk, tmp_path):
    """Planted issues and scattered remarks in October 2026, plus covered complaints (land,
    electricity prices, roads...) in the same month that discovery must leave alone."""
    covered = opinion_rows(20)
    for i, row in enumerate(covered):
        row["published_at"] = f"2026-10-{1 + i % 28:02d}T09:00:00+07:00"
        row["external_id"] = f"covered-{i}"
    write_csv(tmp_path / "covered.csv", covered)
    write_csv(tmp_path / "planted.csv", planted_rows())
    ingest_rows(desk, tmp_path / "covered.csv", "Báo cáo")
    ingest_rows(desk, tmp_path / "planted.csv")
    return desk
