"""The pipeline labels with the active models, records why, and falls back to rules."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from sqlalchemy import func, select

from opiniondesk.analysis import rollups
from opiniondesk.analysis.classifiers import service
from opiniondesk.analysis.classifiers.registry import LoadedModel
from opiniondesk.analysis.taxonomy import load_taxonomy
from opiniondesk.pipeline.base import WorkItem
from opiniondesk.pipeline.build import active_models, taxonomy_for
from opiniondesk.pipeline.stages.normalise import analysis_forms
from opiniondesk.pipeline.stages.sentiment import SentimentStage
from opiniondesk.pipeline.stages.topics import TopicStage
from opiniondesk.storage.models import Annotation, Document, Rollup
from tests.analysis.lifecycle.conftest import ingest, train


def _labels(desk, kind: str) -> list[Annotation]:
    with desk.sessions() as s:
        return list(s.scalars(select(Annotation).where(Annotation.kind == kind)))


class TestActiveModels:
    def test_model_labels_carry_version_score_and_strongest_terms(
        self, desk, tmp_path, train_rows, doc_rows
    ):
        train(desk, "topic", train_rows, activate=True)
        train(desk, "sentiment", train_rows, activate=True)
        report = ingest(desk, tmp_path, doc_rows)
        topics, moods = _labels(desk, "topic"), _labels(desk, "sentiment")
        assert len(topics) == len(moods) == report.stored + report.near_duplicates
        assert {a.source for a in topics} == {"model:topic:v1"}
        assert {a.source for a in moods} == {"model:sentiment:v1"}
        assert all(0 < a.score <= 1 and '"' in a.explanation for a in topics + moods)
        truth = {row["text"]: row for row in doc_rows}
        with desk.sessions() as s:
            docs = {d.id: d for d in s.scalars(select(Document))}
        hits = sum(truth[docs[a.document_id].text]["topic"] == a.value for a in topics)
        assert hits >= 0.9 * len(topics)
        assert all(docs[a.document_id].sentiment == a.value for a in moods)

    def test_rules_are_recorded_as_evidence_but_counted_once_under_the_model_topic(
        self, desk, tmp_path, train_rows, doc_rows
    ):
        train(desk, "topic", train_rows, activate=True)
        report = ingest(desk, tmp_path, doc_rows)
        assert {a.source.split(":")[0] for a in _labels(desk, "topic_rule")} == {"rule"}
        with desk.sessions() as s:
            per_topic = s.scalar(
                select(func.sum(Rollup.count)).where(Rollup.topic_code != rollups.TOTAL)
            )
            assert per_topic == rollups.total_documents(s) == report.stored

    def test_without_an_active_model_rules_and_lexicon_label(
        self, desk, tmp_path, train_rows, doc_rows
    ):
        train(desk, "topic", train_rows, activate=True)
        with desk.sessions.begin() as s:
            service.deactivate(s, "topic")
        ingest(desk, tmp_path, doc_rows)
        assert all(a.source.startswith("rule:") for a in _labels(desk, "topic"))
        assert {a.source for a in _labels(desk, "sentiment")} == {"lexicon"}
        assert _labels(desk, "topic_rule") == []

    def test_a_newly_activated_version_is_used_by_the_next_pipeline(
        self, sqlite_desk, tmp_path, train_rows, doc_rows
    ):
        desk = sqlite_desk
        train(desk, "topic", train_rows, activate=True)
        train(desk, "topic", train_rows)
        with desk.sessions.begin() as s:
            service.activate(s, taxonomy_for(desk.settings), "topic", 2)
        ingest(desk, tmp_path, doc_rows)
        assert {a.source for a in _labels(desk, "topic")} == {"model:topic:v2"}

    def test_active_models_are_loaded_once_per_version(self, sqlite_desk, train_rows):
        desk = sqlite_desk
        train(desk, "topic", train_rows, activate=True)
        first = active_models(desk.settings)["topic"].classifier
        assert active_models(desk.settings)["topic"].classifier is first


class _Fixed:
    """A stand-in classifier that always answers the same label."""

    classes_: ClassVar[list[str]] = ["traffic", "health"]

    def predict(self, texts, tokens=None):
        from opiniondesk.analysis.classifiers.model import Prediction

        return [Prediction("health", 0.7, 'mô hình: "x"', (("x", 1.0),)) for _ in texts]


def _item(text: str, language: str) -> WorkItem:
    analysis, match = analysis_forms(None, text)
    return WorkItem(
        text=text,
        channel_kind="feedback",
        analysis_text=analysis,
        match_text=match,
        language=language,
    )


class TestStages:
    def test_text_not_in_vietnamese_keeps_rules_and_lexicon(self):
        model = LoadedModel("topic", 4, _Fixed())  # type: ignore[arg-type]
        vi = _item("Đường liên xã xuống cấp nghiêm trọng", "vi")
        en = _item("The road is badly damaged", "en")
        TopicStage(load_taxonomy(None), model).process([vi, en])
        SentimentStage(LoadedModel("sentiment", 2, _Fixed())).process([vi, en])  # type: ignore[arg-type]
        assert vi.topics == ["health"] and vi.labels[0].source == "model:topic:v4"
        assert en.topics == ["other"] and en.labels[0].source == "rule:none"
        assert vi.sentiment == "health"  # the stand-in's answer: proof the model was asked
        assert en.labels[-1].source == "lexicon"

    def test_skipped_items_are_left_alone(self):
        item = _item("Đường liên xã xuống cấp", "vi")
        item.skip = True
        TopicStage(load_taxonomy(None), LoadedModel("topic", 1, _Fixed())).process([item])  # type: ignore[arg-type]
        assert item.labels == [] and item.topics == []


class TestReanalysis:
    def test_analyze_relabels_with_the_active_model(
        self, sqlite_desk, tmp_path, train_rows, doc_rows
    ):
        from opiniondesk.pipeline.reanalysis import reanalyse

        desk = sqlite_desk
        report = ingest(desk, tmp_path, doc_rows)  # rules and lexicon
        train(desk, "topic", train_rows, activate=True)
        reanalyse(desk.settings, desk.sessions)
        topics = _labels(desk, "topic")
        assert {a.source for a in topics} == {"model:topic:v1"}
        with desk.sessions() as s:
            assert rollups.total_documents(s) == report.stored
            per_topic = s.scalar(
                select(func.sum(Rollup.count)).where(Rollup.topic_code != rollups.TOTAL)
            )
            assert per_topic == report.stored


class TestWorkerProcess:
    def test_a_labelling_worker_uses_the_active_model_too(
        self, sqlite_desk, tmp_path, train_rows, doc_rows
    ):
        train(sqlite_desk, "topic", train_rows, activate=True)
        settings = sqlite_desk.settings.model_copy(update={"pipeline_workers": 1})
        worker_desk = dataclasses.replace(sqlite_desk, settings=settings)
        ingest(worker_desk, tmp_path, doc_rows)
        assert {a.source for a in _labels(sqlite_desk, "topic")} == {"model:topic:v1"}
