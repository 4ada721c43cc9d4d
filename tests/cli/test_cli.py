"""The command line as a user meets it: init, ingest, stats --json, analyze, exit codes."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from opiniondesk.cli.main import app
from opiniondesk.config import get_settings
from tests.builders import opinion_rows, write_csv

runner = CliRunner()


@pytest.fixture
def cli_env(desk, monkeypatch):
    monkeypatch.setenv("OPINIONDESK_DATABASE_URL", desk.url)
    monkeypatch.setenv("OPINIONDESK_HOME", str(desk.home))
    monkeypatch.setenv("OPINIONDESK_SECRET_KEY", "test-secret")
    get_settings.cache_clear()
    yield desk
    get_settings.cache_clear()


def _stats() -> dict:
    result = runner.invoke(app, ["stats", "--json", "--min-group-size", "1"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


class TestCommands:
    def test_init_ingest_stats_analyze(self, cli_env, tmp_path):
        assert runner.invoke(app, ["init"]).exit_code == 0
        rows = opinion_rows(40, place="Mỹ Hòa Hưng")
        rows[0]["location"] = "xã Mỹ Hòa Hưng, An Giang"
        path = write_csv(tmp_path / "feedback.csv", rows)
        result = runner.invoke(app, ["ingest", str(path), "--channel", "feedback"])
        assert result.exit_code == 0, result.output
        figures = _stats()
        assert set(figures) >= {"documents", "duplicates", "by_channel", "by_topic", "by_province"}
        assert figures["documents"] + figures["duplicates"] == 40
        assert sum(v for v in figures["by_channel"].values()) == figures["documents"]
        assert "Tỉnh An Giang" in figures["by_province"]
        assert runner.invoke(app, ["analyze"]).exit_code == 0
        assert _stats()["documents"] == figures["documents"]

    def test_reingest_reports_zero_new(self, cli_env, tmp_path):
        path = write_csv(tmp_path / "f.csv", opinion_rows(12))
        runner.invoke(app, ["ingest", str(path), "--channel", "feedback"])
        before = _stats()
        result = runner.invoke(app, ["ingest", str(path), "--channel", "feedback"])
        assert result.exit_code == 0
        assert _stats() == before

    def test_bad_rows_give_nonzero_exit_and_keep_good_rows(self, cli_env, tmp_path):
        rows = opinion_rows(5)
        rows[2]["text"] = "   "
        path = write_csv(tmp_path / "bad.csv", rows)
        result = runner.invoke(app, ["ingest", str(path), "--channel", "feedback"])
        assert result.exit_code == 1
        assert "bad.csv:4" in result.output
        figures = _stats()
        assert figures["documents"] + figures["duplicates"] == 4

    def test_column_mapping_by_flags(self, cli_env, tmp_path):
        rows = [{"noi_dung_y_kien": r["text"], "ma": r["external_id"]} for r in opinion_rows(6)]
        path = write_csv(tmp_path / "mapped.csv", rows, fields=["ma", "noi_dung_y_kien"])
        result = runner.invoke(
            app,
            [
                "ingest",
                str(path),
                "--channel",
                "field_report",
                "--map",
                "text=noi_dung_y_kien",
                "--map",
                "external_id=ma",
            ],
        )
        assert result.exit_code == 0, result.output
        assert _stats()["by_channel"].get("field_report", 0) >= 1

    def test_missing_file_is_a_clear_error(self, cli_env, tmp_path):
        result = runner.invoke(app, ["ingest", str(tmp_path / "nope.csv"), "--channel", "feedback"])
        assert result.exit_code == 2
        assert "nope.csv" in result.output


def test_stats_table_marks_suppressed_cells_with_the_threshold_in_use(cli_env, tmp_path):
    path = write_csv(tmp_path / "few.csv", opinion_rows(3))
    runner.invoke(app, ["ingest", str(path), "--channel", "feedback"])
    result = runner.invoke(app, ["stats", "--min-group-size", "7"])
    assert result.exit_code == 0, result.output
    assert "<7" in result.stdout and "<5" not in result.stdout
