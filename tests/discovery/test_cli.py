"""`opiniondesk discover` as a user meets it: run, show, runs, promote, and clear errors."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from opiniondesk.analysis.taxonomy import load_taxonomy
from opiniondesk.cli.main import app
from opiniondesk.config import get_settings

runner = CliRunner()
WINDOW = ["--from", "2026-10-01", "--to", "2026-10-31"]


def _point_at(desk, monkeypatch):
    monkeypatch.setenv("OPINIONDESK_DATABASE_URL", desk.url)
    monkeypatch.setenv("OPINIONDESK_HOME", str(desk.home))
    monkeypatch.setenv("OPINIONDESK_SECRET_KEY", "test-secret")
    get_settings.cache_clear()


@pytest.fixture
def cli_env(planted_desk, monkeypatch):
    _point_at(planted_desk, monkeypatch)
    yield planted_desk
    get_settings.cache_clear()


@pytest.fixture
def empty_cli_env(desk, monkeypatch):
    _point_at(desk, monkeypatch)
    yield desk
    get_settings.cache_clear()


def _json(args: list[str]) -> dict:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_discover_show_promote(cli_env, monkeypatch):
    report = _json(["discover", *WINDOW, "--json"])
    assert report["from"] == "2026-10-01" and len(report["clusters"]) == 3
    assert _json(["discover", "show", str(report["run"]), "--json"]) == report
    assert _json(["discover", "runs", "--json"])[0]["run"] == report["run"]

    text = runner.invoke(app, ["discover", "show", str(report["run"])])
    assert text.exit_code == 0 and "Cụm / Cluster 1" in text.output

    dogs = next(c["number"] for c in report["clusters"] if "chó" in " ".join(c["terms"]))
    result = _json(
        [
            "discover",
            "promote",
            str(report["run"]),
            str(dogs),
            "--code",
            "stray_dogs",
            "--label-vi",
            "Chó thả rông",
            "--label-en",
            "Stray dogs",
            "--json",
        ]
    )
    assert result["labels_added"] >= 8 and result["query"]
    assert result["taxonomy_in_use"] is False  # the settings do not point at the copy yet
    path = cli_env.home / "taxonomy.yaml"
    assert result["taxonomy_path"] == str(path)
    assert "stray_dogs" in load_taxonomy(path)

    # once OPINIONDESK_TAXONOMY_PATH points at the copy, `analyze` applies the new rule
    monkeypatch.setenv("OPINIONDESK_TAXONOMY_PATH", str(path))
    get_settings.cache_clear()
    assert runner.invoke(app, ["analyze"]).exit_code == 0
    stats = _json(["stats", "--json", "--min-group-size", "1"])
    assert stats["by_topic"].get("stray_dogs", 0) >= 8


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["discover", "--days", "0"], "--days must be at least 1"),
        (["discover", "--days", "3", "--from", "2026-10-01"], "not both"),
        (["discover", "--method", "magic"], "Unknown clustering method"),
        (["discover", "show", "77"], "No discovery run 77"),
        (
            ["discover", "promote", "77", "1", "--code", "x", "--label-vi", "x", "--label-en", "x"],
            "No discovery run 77",
        ),
    ],
)
def test_bad_input_exits_2_and_says_why(empty_cli_env, args, message):
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())
