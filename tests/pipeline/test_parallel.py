"""The labelling worker process gives exactly the documents and labels of in-process runs."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from opiniondesk.config import Settings
from opiniondesk.ingest.readers import open_source
from opiniondesk.pipeline.ingestion import Ingestor
from opiniondesk.storage.engine import make_engine, make_session_factory
from opiniondesk.storage.migrate import upgrade_to_head
from opiniondesk.storage.models import Annotation, ChannelKind, Document
from tests.builders import opinion_rows, write_csv


def _run(tmp_path: Path, workers: int, source: Path) -> tuple[list[tuple], list[tuple]]:
    url = f"sqlite:///{tmp_path / f'w{workers}.sqlite'}"
    engine = make_engine(url)
    upgrade_to_head(engine)
    settings = Settings(
        database_url=url, secret_key="k", ingest_batch_size=7, pipeline_workers=workers
    )
    sessions = make_session_factory(engine)
    with Ingestor(settings, sessions) as ingestor:
        assert ingestor.workers == workers
        report = ingestor.ingest(
            open_source(source, settings=settings),
            kind=ChannelKind.feedback,
            channel_name="Góp ý",
            source="f.csv",
        )
    assert report.read == 40
    with sessions() as s:
        docs = s.execute(
            select(
                Document.dedupe_key,
                Document.text,
                Document.province_code,
                Document.sentiment,
                Document.duplicate_of_id,
            ).order_by(Document.id)
        ).all()
        labels = s.execute(
            select(
                Annotation.document_id, Annotation.kind, Annotation.value, Annotation.source
            ).order_by(Annotation.document_id, Annotation.kind, Annotation.value)
        ).all()
    engine.dispose()
    return [tuple(d) for d in docs], [tuple(a) for a in labels]


def test_worker_process_matches_in_process(tmp_path):
    rows = opinion_rows(40, place="Mỹ Hòa Hưng")
    rows[5]["text"] += " Gọi 0912 345 678."
    source = write_csv(tmp_path / "f.csv", rows)
    in_process = _run(tmp_path, 0, source)
    with_worker = _run(tmp_path, 1, source)
    assert in_process == with_worker
    assert len(in_process[0]) == 40
