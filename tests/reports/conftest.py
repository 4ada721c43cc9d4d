"""The demo corpus ingested once for the reports tests (3,000 documents up to 26/11/2026)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.config import Settings
from opiniondesk.demo.corpus import generate_demo_corpus
from opiniondesk.ingest.readers import open_source
from opiniondesk.pipeline.ingestion import Ingestor
from opiniondesk.storage.engine import make_engine, make_session_factory
from opiniondesk.storage.migrate import upgrade_to_head
from opiniondesk.storage.models import ChannelKind


@dataclass
class DemoDesk:
    sessions: sessionmaker[Session]
    settings: Settings


@pytest.fixture(scope="session")
def demo_desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoDesk]:
    home = tmp_path_factory.mktemp("report-demo")
    url = f"sqlite:///{home / 'demo.sqlite'}"
    engine = make_engine(url)
    upgrade_to_head(engine)
    settings = Settings(home=home, database_url=url, secret_key="demo-secret")
    sessions = make_session_factory(engine)
    manifest = generate_demo_corpus(
        home / "corpus", seed=2025, documents=3000, end=date(2026, 11, 26)
    )
    ingestor = Ingestor(settings, sessions)
    for entry in manifest.entries:
        ingestor.ingest(
            open_source(home / "corpus" / entry.path, settings=settings),
            kind=ChannelKind(entry.channel_kind),
            channel_name=entry.channel_name,
            source=entry.path,
        )
    yield DemoDesk(sessions, settings)
    engine.dispose()
