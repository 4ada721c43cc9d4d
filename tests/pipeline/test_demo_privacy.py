"""The whole demo corpus through the pipeline: no phone, citizen ID or e-mail survives storage,
and the demo's own figures come out sensibly (places, topics, every channel)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from opiniondesk.analysis.stats import summary
from opiniondesk.demo.corpus import generate_demo_corpus
from opiniondesk.ingest.readers import open_source
from opiniondesk.pipeline.ingestion import Ingestor
from opiniondesk.storage.models import ChannelKind, Document

# Deliberately independent of the redactor's own patterns: broad shapes a reviewer would grep.
PHONE = re.compile(r"(?<!\d)(?:\+?84|0)[\s.\-]?(?:\d[\s.\-]?){8,9}\d?(?!\d)")
CITIZEN_ID = re.compile(r"(?<!\d)\d{12}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    from opiniondesk.config import Settings
    from opiniondesk.storage.engine import make_engine, make_session_factory
    from opiniondesk.storage.migrate import upgrade_to_head

    home = tmp_path_factory.mktemp("demo")
    url = f"sqlite:///{home / 'demo.sqlite'}"
    engine = make_engine(url)
    upgrade_to_head(engine)
    settings = Settings(home=home, database_url=url, secret_key="demo-secret")
    sessions = make_session_factory(engine)
    manifest = generate_demo_corpus(home / "corpus", seed=2025, documents=6000)
    ingestor = Ingestor(settings, sessions)
    reports = [
        ingestor.ingest(
            open_source(home / "corpus" / e.path, settings=settings),
            kind=ChannelKind(e.channel_kind),
            channel_name=e.channel_name,
            source=e.path,
        )
        for e in manifest.entries
    ]
    yield sessions, manifest, reports
    engine.dispose()


def test_no_personal_data_survives_in_stored_text(demo_db):
    sessions, manifest, _ = demo_db
    leaks: list[str] = []
    with sessions() as s:
        rows = s.execute(select(Document.title, Document.text, Document.place_hint))
        for row in rows:
            for value in row:
                if not value:
                    continue
                for pattern in (PHONE, CITIZEN_ID, EMAIL):
                    leaks.extend(m.group(0) for m in pattern.finditer(value))
        redacted = s.scalar(select(func.count()).where(Document.redaction_count > 0))
    assert leaks == []
    assert manifest.shares["personal_data"] > 0.05
    assert redacted and redacted > 300  # the demo plants PII in ~8% of 6,000 documents


def test_every_row_is_ingested_and_every_channel_present(demo_db):
    sessions, manifest, reports = demo_db
    assert sum(r.failed for r in reports) == 0
    assert sum(r.read for r in reports) >= sum(e.documents for e in manifest.entries)
    with sessions() as s:
        figures = summary(s, min_group_size=5)
    assert figures["documents"] >= 5000
    assert figures["duplicates"] >= 150  # ~5% reposts are linked, not counted twice
    assert set(figures["by_channel"]) == {k.value for k in ChannelKind}
    provinces = {name for name, n in figures["by_province"].items() if n}
    assert {"Tỉnh An Giang", "Thành phố Hà Nội", "Thành phố Hồ Chí Minh"} <= provinces
    assert sum(1 for n in figures["by_topic"].values() if n) >= 12
