"""Analyst corrections: stored as analyst labels, rollups move with them, training uses them."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import select

from opiniondesk.analysis import rollups
from opiniondesk.analysis.classifiers import repository, service
from opiniondesk.analysis.classifiers.corrections import correct_label, keep_analyst_sentiment
from opiniondesk.analysis.taxonomy import load_taxonomy
from opiniondesk.errors import InputError, NotFoundError
from opiniondesk.storage.models import Annotation, Channel, Document, Rollup
from tests.analysis.lifecycle.conftest import ingest, train

TAXONOMY = load_taxonomy(None)


def _correct(desk, doc_id: int, task: str, value: str):
    with desk.sessions.begin() as s:
        return correct_label(s, document_id=doc_id, task=task, value=value, taxonomy=TAXONOMY)


def _rollup_table(session) -> Counter:
    rows = session.execute(
        select(
            Rollup.day,
            Rollup.topic_code,
            Rollup.province_code,
            Rollup.commune_code,
            Rollup.sentiment,
            Rollup.channel_kind,
            Rollup.count,
        )
    )
    return Counter({rollups.Cell(*row[:6]): row[6] for row in rows if row[6]})


def _expected_rollups(session) -> Counter:
    """Rollups computed from scratch, analyst labels first: what the cells must equal."""
    topics = repository.counted_topics(session)
    expected: Counter = Counter()
    docs = session.execute(
        select(
            Document.id,
            Document.published_at,
            Document.province_code,
            Document.commune_code,
            Document.sentiment,
            Channel.kind,
        )
        .join(Channel)
        .where(Document.duplicate_of_id.is_(None))
    )
    for doc_id, published, province, commune, sentiment, kind in docs:
        for cell in rollups.cells_for(
            published_at=published,
            topics=topics.get(doc_id, []),
            province_code=province,
            commune_code=commune,
            sentiment=sentiment,
            channel_kind=str(kind),
        ):
            expected[cell] += 1
    return expected


def _original_ids(desk) -> list[int]:
    with desk.sessions() as s:
        return list(
            s.scalars(
                select(Document.id).where(Document.duplicate_of_id.is_(None)).order_by(Document.id)
            )
        )


@pytest.fixture
def labelled_desk(desk, tmp_path, train_rows, doc_rows):
    """Documents labelled by an active topic model, on SQLite and PostgreSQL."""
    train(desk, "topic", train_rows, activate=True)
    ingest(desk, tmp_path, doc_rows)
    return desk


@pytest.fixture
def labelled_sqlite(sqlite_desk, tmp_path, train_rows, doc_rows):
    """The same on SQLite only, for behaviour that runs no backend-specific SQL of its own."""
    train(sqlite_desk, "topic", train_rows, activate=True)
    ingest(sqlite_desk, tmp_path, doc_rows)
    return sqlite_desk


class TestRollupsMove:
    def test_topic_and_sentiment_corrections_keep_totals_equal_to_documents(self, labelled_desk):
        desk = labelled_desk
        ids = _original_ids(desk)
        with desk.sessions() as s:
            before_total = rollups.total_documents(s)
        _correct(desk, ids[0], "topic", "land")
        _correct(desk, ids[1], "sentiment", "positive")
        _correct(desk, ids[2], "topic", "housing")
        _correct(desk, ids[2], "topic", "jobs")  # replaces the analyst's own label
        _correct(desk, ids[2], "sentiment", "negative")
        with desk.sessions() as s:
            table = _rollup_table(s)
            assert table == _expected_rollups(s)
            assert rollups.total_documents(s) == before_total == len(ids)
            per_topic = sum(n for c, n in table.items() if c.topic_code != rollups.TOTAL)
            assert per_topic == len(ids)  # one counted topic per document
            assert {c.topic_code for c in table} >= {"land", "jobs"}
            assert "housing" not in {c.topic_code for c in table}

    def test_sentiment_correction_updates_the_document(self, labelled_sqlite):
        with labelled_sqlite.sessions() as s:
            doc_id = s.scalar(
                select(Document.id).where(
                    Document.sentiment != "positive", Document.duplicate_of_id.is_(None)
                )
            )
        done = _correct(labelled_sqlite, doc_id, "sentiment", "positive")
        with labelled_sqlite.sessions() as s:
            assert s.get(Document, doc_id).sentiment == "positive"
        assert done.cells_moved == 4  # total and topic cell: out of the old, into the new

    def test_confirming_the_current_label_moves_nothing(self, labelled_sqlite):
        doc_id = _original_ids(labelled_sqlite)[0]
        with labelled_sqlite.sessions() as s:
            [current] = repository.counted_topics(s, [doc_id])[doc_id]
        assert _correct(labelled_sqlite, doc_id, "topic", current).cells_moved == 0

    def test_a_repost_is_labelled_but_moves_no_counts(self, desk, tmp_path, train_rows, doc_rows):
        train(desk, "topic", train_rows, activate=True)
        repost = {**doc_rows[0], "text": doc_rows[0]["text"] + " !"}
        ingest(desk, tmp_path, [*doc_rows, repost])
        with desk.sessions() as s:
            dup = s.scalar(select(Document.id).where(Document.duplicate_of_id.is_not(None)))
            before = _rollup_table(s)
        assert dup is not None
        assert _correct(desk, dup, "topic", "land").cells_moved == 0
        with desk.sessions() as s:
            assert _rollup_table(s) == before


class TestAnnotations:
    def test_one_analyst_label_per_task_and_machine_labels_kept(self, labelled_desk):
        doc_id = _original_ids(labelled_desk)[0]
        first = _correct(labelled_desk, doc_id, "topic", "land")
        second = _correct(labelled_desk, doc_id, "topic", "jobs")
        assert second.previous == ["land"] and first.previous != ["land"]
        with labelled_desk.sessions() as s:
            labels = s.execute(
                select(Annotation.value, Annotation.source).where(
                    Annotation.document_id == doc_id, Annotation.kind == "topic"
                )
            ).all()
        assert ("jobs", "analyst") in labels and ("land", "analyst") not in labels
        assert any(source == "model:topic:v1" for _, source in labels)

    def test_office_tasks_take_any_label(self, labelled_sqlite):
        doc_id = _original_ids(labelled_sqlite)[0]
        done = _correct(labelled_sqlite, doc_id, "urgency", "khẩn")
        assert done.cells_moved == 0 and done.previous == []
        assert _correct(labelled_sqlite, doc_id, "urgency", "thường").previous == ["khẩn"]

    @pytest.mark.parametrize(
        ("task", "value", "message"),
        [
            ("topic", "không có", "not valid"),
            ("sentiment", "angry", "not valid"),
            ("topic", "   ", "1–200"),
            ("place", "x", "pipeline uses"),
        ],
    )
    def test_bad_labels_are_refused_before_the_document_is_read(
        self, sqlite_desk, task, value, message
    ):
        with pytest.raises(InputError, match=message):
            _correct(sqlite_desk, 1, task, value)

    def test_unknown_document(self, desk):
        with pytest.raises(NotFoundError, match="12345"):
            _correct(desk, 12345, "topic", "land")

    def test_analyst_sentiment_survives_relabelling(self, labelled_sqlite):
        doc_id = _original_ids(labelled_sqlite)[0]
        _correct(labelled_sqlite, doc_id, "sentiment", "positive")
        with labelled_sqlite.sessions.begin() as s:
            repository.set_document_sentiment(s, doc_id, "negative")  # as `analyze` would
            assert keep_analyst_sentiment(s, [doc_id]) == 1
        with labelled_sqlite.sessions() as s:
            assert s.get(Document, doc_id).sentiment == "positive"


class TestCorrectionsTrainModels:
    def test_analyst_labels_are_training_data(self, labelled_desk):
        ids = _original_ids(labelled_desk)
        for i, doc_id in enumerate(ids[:12]):
            _correct(labelled_desk, doc_id, "urgency", "high" if i % 2 else "low")
        with labelled_desk.sessions() as s:
            found = service.examples_from_db(s, "urgency")
        assert [e.where for e in found] == [f"document {i}" for i in ids[:12]]
        trained = service.fit_model("urgency", found, source="db:analyst", taxonomy=TAXONOMY)
        with labelled_desk.sessions.begin() as s:
            row = service.record_version(s, labelled_desk.home, trained)
        assert (row.task, row.labels, row.n_train) == ("urgency", ["high", "low"], 12)
        assert row.training_source == "db:analyst"


class TestReanalysis:
    def test_analyze_keeps_analyst_corrections(self, labelled_sqlite):
        from opiniondesk.pipeline.reanalysis import reanalyse

        desk = labelled_sqlite
        ids = _original_ids(desk)
        _correct(desk, ids[0], "topic", "land")
        _correct(desk, ids[1], "sentiment", "positive")
        reanalyse(desk.settings, desk.sessions)
        with desk.sessions() as s:
            assert s.get(Document, ids[1]).sentiment == "positive"
            assert _rollup_table(s) == _expected_rollups(s)
