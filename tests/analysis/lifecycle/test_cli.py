"""`opiniondesk model ...` and `opiniondesk label` as a user meets them."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from opiniondesk.cli.main import app
from opiniondesk.config import get_settings
from tests.analysis.lifecycle.conftest import FIGURE_KEYS, ingest
from tests.analysis.lifecycle.corpus import write_labelled

runner = CliRunner()


@pytest.fixture
def cli_env(desk, monkeypatch):
    monkeypatch.setenv("OPINIONDESK_DATABASE_URL", desk.url)
    monkeypatch.setenv("OPINIONDESK_HOME", str(desk.home))
    monkeypatch.setenv("OPINIONDESK_SECRET_KEY", "test-secret")
    get_settings.cache_clear()
    yield desk
    get_settings.cache_clear()


def _ok(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def _json(*args: str):
    return json.loads(_ok(*args, "--json"))


class TestModelCommands:
    def test_train_list_activate_evaluate_queue_label(
        self, cli_env, tmp_path, train_rows, dev_rows, doc_rows
    ):
        train_csv = write_labelled(tmp_path / "train.csv", train_rows, "topic")
        dev_csv = write_labelled(tmp_path / "dev.csv", dev_rows, "topic")
        assert "topic v1" in _ok("model", "train", "--task", "topic", "--data", str(train_csv))
        assert "topic v2" in _ok("model", "train", "--task", "topic", "--data", str(train_csv))
        listed = _json("model", "list")
        assert [(m["task"], m["version"], m["active"]) for m in listed] == [
            ("topic", 1, False),
            ("topic", 2, False),
        ]
        assert "v1" in _ok("model", "activate", "topic", "1")
        figures = _json("model", "evaluate", "--task", "topic", "--data", str(dev_csv))
        assert set(figures) >= FIGURE_KEYS
        assert figures["version"] == 1 and figures["n"] == len(dev_rows)
        ingest(cli_env, tmp_path, doc_rows)
        queue = _json("model", "queue", "--task", "topic", "--limit", "3")
        assert len(queue) == 3
        assert set(queue[0]) == {"id", "excerpt", "predicted", "score", "margin"}
        out = _ok("label", str(queue[0]["id"]), "--task", "topic", "--label", "land")
        assert "land" in out
        assert "topic" in _ok("model", "deactivate", "topic")
        assert not any(m["active"] for m in _json("model", "list", "--task", "topic"))

    def test_from_db_trains_on_analyst_labels(self, cli_env, tmp_path, doc_rows):
        ingest(cli_env, tmp_path, doc_rows)
        for doc_id in range(1, 9):
            label = "cao" if doc_id % 2 else "thap"
            _ok("label", str(doc_id), "--task", "urgency", "--label", label)
        made = _json("model", "train", "--task", "urgency", "--from-db", "--activate")
        assert (made["version"], made["active"], made["n"]) == (1, True, 8)
        assert made["training_source"] == "db:analyst"


class TestErrors:
    def test_evaluating_on_training_rows_is_refused(self, cli_env, tmp_path, train_rows):
        train_csv = write_labelled(tmp_path / "train.csv", train_rows, "topic")
        _ok("model", "train", "--task", "topic", "--data", str(train_csv), "--activate")
        args = ["model", "evaluate", "--task", "topic", "--data", str(train_csv)]
        result = runner.invoke(app, args)
        assert result.exit_code == 2
        assert "training data" in result.output and "train.csv:2" in result.output

    def test_missing_columns_and_files_exit_2_naming_the_file(self, cli_env, tmp_path):
        bad = tmp_path / "bad.csv"
        bad.write_text("noi_dung,nhan\nx,y\n", encoding="utf-8")
        result = runner.invoke(app, ["model", "train", "--task", "topic", "--data", str(bad)])
        assert result.exit_code == 2 and "bad.csv" in result.output
        result = runner.invoke(
            app, ["model", "train", "--task", "topic", "--data", str(tmp_path / "nope.csv")]
        )
        assert result.exit_code == 2 and "nope.csv" in result.output

    def test_bad_task_name_and_unknown_version(self, cli_env):
        result = runner.invoke(app, ["model", "activate", "../x", "1"])
        assert result.exit_code == 2 and "task" in result.output
        result = runner.invoke(app, ["model", "activate", "topic", "3"])
        assert result.exit_code == 2 and "v3" in result.output

    def test_train_needs_data(self, cli_env):
        result = runner.invoke(app, ["model", "train", "--task", "topic"])
        assert result.exit_code == 2 and "--from-db" in result.output
