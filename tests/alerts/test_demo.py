"""End to end on a small generated demo corpus: a planted issue is alerted within its window."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from opiniondesk.alerts.models import Alert
from opiniondesk.alerts.service import detect_alerts
from opiniondesk.analysis.taxonomy import load_taxonomy
from opiniondesk.analysis.topic_rules import TopicRuleClassifier
from opiniondesk.demo.corpus import generate_demo_corpus
from opiniondesk.ingest.readers import open_source
from opiniondesk.pipeline.ingestion import Ingestor
from opiniondesk.storage.models import ChannelKind, Document

END = date(2026, 11, 20)


@pytest.fixture(scope="module")
def demo_alerts(tmp_path_factory):
    from opiniondesk.config import Settings
    from opiniondesk.storage.engine import make_engine, make_session_factory
    from opiniondesk.storage.migrate import upgrade_to_head

    home = tmp_path_factory.mktemp("alerts-demo")
    url = f"sqlite:///{home / 'demo.sqlite'}"
    engine = make_engine(url)
    upgrade_to_head(engine)
    settings = Settings(home=home, database_url=url, secret_key="demo-secret")
    sessions = make_session_factory(engine)
    manifest = generate_demo_corpus(home / "corpus", seed=2025, documents=3000, end=END)
    ingestor = Ingestor(settings, sessions)
    for entry in manifest.entries:
        ingestor.ingest(
            open_source(home / "corpus" / entry.path, settings=settings),
            kind=ChannelKind(entry.channel_kind),
            channel_name=entry.channel_name,
            source=entry.path,
        )
    longest = max((p.window_end - p.window_start).days + 1 for p in manifest.planted)
    with sessions.begin() as session:
        detect_alerts(session, as_of=END, days=longest + 7)
    with sessions() as session:
        alerts = list(session.scalars(select(Alert)))
        communes = [p.commune_code for p in manifest.planted]
        rows = session.execute(
            select(Document.commune_code, Document.province_code).where(
                Document.commune_code.in_(communes)
            )
        )
        provinces = {commune: province for commune, province in rows}
    yield manifest, alerts, provinces
    engine.dispose()


def test_a_planted_issue_is_alerted_within_its_window(demo_alerts):
    manifest, alerts, provinces = demo_alerts
    classifier = TopicRuleClassifier(load_taxonomy())
    found = []
    for planted in manifest.planted:
        topic = classifier.classify(planted.phrase)[0].code  # what the desk counts it under
        found += [
            (planted.code, a.detected_on)
            for a in alerts
            if a.topic_code == topic
            and a.province_code == provinces.get(planted.commune_code)
            and a.commune_code in (planted.commune_code, "")
            and planted.window_start <= a.detected_on <= planted.window_end
        ]
    assert found, (
        f"no planted issue alerted; alerts: {[(a.topic_code, a.commune_code) for a in alerts]}"
    )


def test_demo_alerts_carry_evidence_and_no_small_cells(demo_alerts):
    _, alerts, _ = demo_alerts
    assert alerts
    for alert in alerts:
        assert alert.observed >= 5
        assert 0 < len(alert.evidence) <= 20
        assert len(set(alert.evidence)) == len(alert.evidence)
