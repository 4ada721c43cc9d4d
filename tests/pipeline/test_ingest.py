"""Ingest end to end on SQLite and PostgreSQL: storage, idempotence, bad rows, duplicates."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import func, select

from opiniondesk.analysis import rollups
from opiniondesk.analysis.stats import summary
from opiniondesk.ingest.readers import open_source
from opiniondesk.pipeline.ingestion import Ingestor
from opiniondesk.storage.models import Annotation, ChannelKind, Document, IngestRun
from tests.builders import opinion_rows, write_csv, write_jsonl


def _ingest(desk, path: Path, kind: ChannelKind = ChannelKind.feedback, name: str = "Góp ý"):
    ingestor = Ingestor(desk.settings, desk.sessions)
    items = open_source(path, settings=desk.settings)
    return ingestor.ingest(items, kind=kind, channel_name=name, source=str(path))


class TestIngest:
    def test_stores_every_good_row_with_labels(self, desk, tmp_path):
        path = write_csv(tmp_path / "feedback.csv", opinion_rows(120))
        report = _ingest(desk, path)
        assert report.read == 120
        assert report.failed == 0
        assert report.stored + report.near_duplicates == 120
        with desk.sessions() as s:
            assert s.scalar(select(func.count()).select_from(Document)) == 120
            kinds = set(s.scalars(select(Annotation.kind).distinct()))
            assert {"topic", "sentiment"} <= kinds
            assert set(s.scalars(select(Document.language).distinct())) == {"vi"}
            run = s.scalars(select(IngestRun)).one()
            assert run.status == "done" and run.read == 120

    def test_reingest_adds_nothing(self, desk, tmp_path):
        path = write_csv(tmp_path / "feedback.csv", opinion_rows(80))
        _ingest(desk, path)
        with desk.sessions() as s:
            before = s.scalar(select(func.count()).select_from(Document))
            rollup_before = rollups.total_documents(s)
        again = _ingest(desk, path)
        assert again.stored == 0 and again.near_duplicates == 0
        assert again.already_stored == 80
        with desk.sessions() as s:
            assert s.scalar(select(func.count()).select_from(Document)) == before
            assert rollups.total_documents(s) == rollup_before

    def test_rows_without_external_id_are_deduplicated_by_content(self, desk, tmp_path):
        rows = [{**r, "external_id": ""} for r in opinion_rows(30)]
        path = write_csv(tmp_path / "noid.csv", rows)
        first = _ingest(desk, path)
        second = _ingest(desk, path)
        assert first.stored + first.near_duplicates == 30
        assert second.stored + second.near_duplicates == 0
        assert second.already_stored == 30

    def test_bad_rows_are_reported_and_good_rows_kept(self, desk, tmp_path):
        rows = opinion_rows(10)
        rows[3]["text"] = ""
        rows[6]["published_at"] = "ngày mai"
        path = write_csv(tmp_path / "mixed.csv", rows)
        report = _ingest(desk, path)
        assert report.failed == 2
        lines = sorted(e.line for e in report.errors)
        assert lines == [5, 8]  # header is line 1
        assert all(str(path) in str(e) or path.name in str(e) for e in report.errors)
        with desk.sessions() as s:
            assert s.scalar(select(func.count()).select_from(Document)) == 8

    def test_near_duplicates_link_to_the_first_and_count_once(self, desk, tmp_path):
        base = opinion_rows(1)[0]
        repost = {**base, "external_id": "repost-1", "text": "Chia sẻ: " + base["text"] + " !!"}
        path = write_jsonl(tmp_path / "posts.jsonl", [base, repost])
        report = _ingest(desk, path, ChannelKind.page_export, "Trang UBND")
        assert report.stored == 1 and report.near_duplicates == 1
        with desk.sessions() as s:
            first, second = s.scalars(select(Document).order_by(Document.id)).all()
            assert second.duplicate_of_id == first.id
            assert rollups.total_documents(s) == 1
            figures = summary(s, min_group_size=1)
            assert figures["documents"] == 1 and figures["duplicates"] == 1

    def test_personal_data_never_reaches_storage(self, desk, tmp_path):
        rows = opinion_rows(3)
        rows[0]["text"] += " Liên hệ anh Nguyễn Văn Hùng số 0912 345 678 hoặc hung.nv@gmail.com."
        rows[1]["text"] += " CCCD của tôi là 001203004567, STK Vietcombank 0071000123456."
        path = write_csv(tmp_path / "pii.csv", rows)
        _ingest(desk, path)
        with desk.sessions() as s:
            texts = " ".join(s.scalars(select(Document.text)))
            authors = list(s.scalars(select(Document.author_key)))
        assert "0912 345 678" not in texts and "hung.nv@gmail.com" not in texts
        assert "001203004567" not in texts and "0071000123456" not in texts
        assert "[SĐT]" in texts and "[EMAIL]" in texts and "[CCCD]" in texts
        assert not re.search(r"nguoi-dung", " ".join(a or "" for a in authors))
        assert all(a and re.fullmatch(r"[0-9a-f]{32}", a) for a in authors)

    def test_rollups_agree_with_documents(self, desk, tmp_path):
        path = write_csv(tmp_path / "feedback.csv", opinion_rows(60))
        _ingest(desk, path)
        with desk.sessions() as s:
            originals = s.scalar(
                select(func.count()).select_from(Document).where(Document.duplicate_of_id.is_(None))
            )
            assert rollups.total_documents(s) == originals
            rebuilt = rollups.rebuild(s)
            assert rebuilt == originals
            s.commit()
            assert rollups.total_documents(s) == originals
