"""Versioned models on SQLite and PostgreSQL: train, versions, activation, evaluation."""

from __future__ import annotations

import pytest
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from opiniondesk.analysis.classifiers import repository, service
from opiniondesk.analysis.classifiers.models import ModelVersion
from opiniondesk.errors import InputError, NotFoundError
from opiniondesk.pipeline.build import taxonomy_for
from tests.analysis.lifecycle.conftest import FIGURE_KEYS, examples, train


class TestTrain:
    def test_first_model_is_version_one_with_its_metadata(self, desk, train_rows):
        row = train(desk, "topic", train_rows, holdout=0.2)
        assert (row.task, row.version, row.active) == ("topic", 1, False)
        assert row.labels == ["education", "health", "traffic"]
        assert row.n_train == 90
        assert len(row.training_hash) == 64 and len(row.artefact_sha256) == 64
        assert {"python", "scikit-learn", "numpy"} <= set(row.libraries)
        assert "stratified held-out 20%" in row.metrics["method"]
        assert row.metrics["n"] == 18 and row.metrics["macro_f1"] > 0.8
        assert (desk.home / "models" / "topic" / "1.bin").is_file()

    def test_versions_increase_per_task(self, desk, train_rows):
        assert [train(desk, "topic", train_rows).version for _ in range(2)] == [1, 2]
        assert train(desk, "sentiment", train_rows).version == 1

    def test_same_data_gives_same_training_hash(self, sqlite_desk, train_rows):
        first = train(sqlite_desk, "topic", train_rows)
        second = train(sqlite_desk, "topic", list(reversed(train_rows)))
        assert first.training_hash == second.training_hash

    def test_any_office_label_set_is_a_task(self, sqlite_desk, train_rows):
        rows = [
            {**r, "urgency": "high" if r["sentiment"] == "negative" else "low"} for r in train_rows
        ]
        row = train(sqlite_desk, "urgency", rows)
        assert row.labels == ["high", "low"]

    def test_pipeline_tasks_need_labels_the_dashboard_knows(self, sqlite_desk, train_rows):
        rows = [
            {**r, "sentiment": {"negative": "0", "neutral": "1", "positive": "2"}[r["sentiment"]]}
            for r in train_rows
        ]
        with pytest.raises(InputError, match="negative, neutral, positive"):
            train(sqlite_desk, "sentiment", rows)
        with pytest.raises(InputError, match="not valid for task topic"):
            renamed = {"traffic": "giao thông"}
            train(
                sqlite_desk,
                "topic",
                [{**r, "topic": renamed.get(r["topic"], r["topic"])} for r in train_rows],
            )

    def test_one_label_is_not_enough(self, sqlite_desk, train_rows):
        with pytest.raises(InputError, match="two different labels"):
            train(sqlite_desk, "topic", [{**r, "topic": "traffic"} for r in train_rows])

    def test_repeated_rows_are_dropped_before_the_held_out_split(self, sqlite_desk, train_rows):
        row = train(sqlite_desk, "topic", train_rows + train_rows[:10], holdout=0.2)
        assert row.n_train == 90 and row.metrics["duplicates_dropped"] == 10

    def test_tiny_data_trains_without_held_out_figures(self, sqlite_desk, train_rows):
        row = train(sqlite_desk, "topic", train_rows[:3], holdout=0.2)
        assert row.metrics["method"] == "none" and row.version == 1


class TestActivation:
    def test_activating_moves_the_single_active_flag(self, desk, train_rows):
        train(desk, "topic", train_rows, activate=True)
        train(desk, "topic", train_rows)
        taxonomy = taxonomy_for(desk.settings)
        with desk.sessions.begin() as s:
            service.activate(s, taxonomy, "topic", 2)
        with desk.sessions() as s:
            assert [(r.version, r.active) for r in service.list_versions(s, "topic")] == [
                (1, False),
                (2, True),
            ]

    def test_database_refuses_two_active_versions(self, desk, train_rows):
        train(desk, "topic", train_rows, activate=True)
        train(desk, "topic", train_rows)
        with pytest.raises(IntegrityError), desk.sessions.begin() as s:
            s.execute(update(ModelVersion).where(ModelVersion.version == 2).values(active=True))

    def test_deactivate_leaves_none_active(self, desk, train_rows):
        train(desk, "topic", train_rows, activate=True)
        with desk.sessions.begin() as s:
            assert service.deactivate(s, "topic") == 1
        with desk.sessions() as s:
            assert repository.active_versions(s, ["topic"]) == {}
            with pytest.raises(NotFoundError, match="no active model"):
                service.find_version(s, "topic")

    def test_unknown_version_is_not_found(self, sqlite_desk, train_rows):
        train(sqlite_desk, "topic", train_rows)
        with pytest.raises(NotFoundError, match="v7"), sqlite_desk.sessions.begin() as s:
            service.activate(s, taxonomy_for(sqlite_desk.settings), "topic", 7)


class TestEvaluate:
    def test_reports_overall_per_class_and_confusion(self, sqlite_desk, train_rows, dev_rows):
        train(sqlite_desk, "topic", train_rows, activate=True)
        with sqlite_desk.sessions() as s:
            figures = service.evaluate(
                s, sqlite_desk.home, task="topic", examples=examples(dev_rows, "topic")
            )
        assert set(figures) >= FIGURE_KEYS
        assert figures["n"] == 45 and figures["version"] == 1
        assert set(figures["per_class"]["health"]) == {"precision", "recall", "f1", "support"}
        assert sum(f["support"] for f in figures["per_class"].values()) == 45
        matrix = figures["confusion"]["matrix"]
        assert sum(map(sum, matrix)) == 45
        assert figures["accuracy"] == pytest.approx(
            sum(matrix[i][i] for i in range(len(matrix))) / 45, abs=1e-4
        )

    def test_rows_seen_in_training_are_refused(self, desk, train_rows, dev_rows):
        train(desk, "topic", train_rows, activate=True)
        mixed = examples(dev_rows, "topic", "dev.csv") + examples(train_rows[:3], "topic", "x.csv")
        with desk.sessions() as s, pytest.raises(InputError, match="3 rows were in the training"):
            service.evaluate(s, desk.home, task="topic", examples=mixed)

    def test_seen_rows_match_even_without_diacritics_or_case(self, sqlite_desk, train_rows):
        train(sqlite_desk, "topic", train_rows, activate=True)
        from opiniondesk.text.normalize import fold

        folded = [{**r, "text": fold(r["text"]).upper()} for r in train_rows[:2]]
        with sqlite_desk.sessions() as s, pytest.raises(InputError, match="2 rows"):
            service.evaluate(s, sqlite_desk.home, task="topic", examples=examples(folded, "topic"))

    def test_overlap_can_be_left_out_and_counted(self, sqlite_desk, train_rows, dev_rows):
        train(sqlite_desk, "topic", train_rows, activate=True)
        mixed = examples(dev_rows, "topic") + examples(train_rows[:3], "topic")
        with sqlite_desk.sessions() as s:
            figures = service.evaluate(
                s, sqlite_desk.home, task="topic", examples=mixed, exclude_overlap=True
            )
        assert figures["excluded_overlap"] == 3 and figures["n"] == 45

    def test_a_given_version_is_evaluated_without_activation(
        self, sqlite_desk, train_rows, dev_rows
    ):
        train(sqlite_desk, "topic", train_rows)
        with sqlite_desk.sessions() as s:
            figures = service.evaluate(
                s, sqlite_desk.home, task="topic", examples=examples(dev_rows, "topic"), version=1
            )
        assert figures["version"] == 1


class TestLabelledCsv:
    def test_bad_rows_are_reported_with_line_numbers(self, tmp_path):
        path = tmp_path / "l.csv"
        path.write_text("text,label\nxin chào,a\n,b\nbài hay,\n", encoding="utf-8")
        result = service.read_labelled_csv(path)
        assert result.rows == [(2, "xin chào", "a")]
        assert [e.split(":")[1] for e in result.errors] == ["3", "4"]

    def test_missing_columns_name_what_is_there(self, tmp_path):
        path = tmp_path / "l.csv"
        path.write_text("noi_dung,nhan\nx,y\n", encoding="utf-8")
        with pytest.raises(InputError, match="noi_dung, nhan"):
            service.read_labelled_csv(path)

    def test_not_utf8_says_how_to_save(self, tmp_path):
        path = tmp_path / "l.csv"
        path.write_bytes("text,label\nbài hay,a\n".encode("cp1258"))
        with pytest.raises(InputError, match="CSV UTF-8"):
            service.read_labelled_csv(path)

    def test_phone_numbers_never_reach_the_model(self):
        [example] = service.examples_from_rows([(2, "gọi 0912345678 để phản ánh", "a")], "f")
        assert "0912345678" not in example.text
        assert not any("0912345678" in t for t in example.tokens)
