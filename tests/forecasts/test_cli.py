"""`opiniondesk forecast` as a user meets it: table, --json shape, clear errors."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from opiniondesk.cli.main import app
from opiniondesk.config import get_settings
from tests.forecasts.builders import add_place_and_topic, add_weeks, seasonal_counts

runner = CliRunner()


@pytest.fixture
def cli_desk(desk, monkeypatch):
    monkeypatch.setenv("OPINIONDESK_DATABASE_URL", desk.url)
    monkeypatch.setenv("OPINIONDESK_HOME", str(desk.home))
    monkeypatch.setenv("OPINIONDESK_SECRET_KEY", "test-secret")
    get_settings.cache_clear()
    with desk.sessions.begin() as s:
        add_place_and_topic(s)
        add_weeks(s, seasonal_counts(60, level=40), negative_share=0.5)
    yield desk
    get_settings.cache_clear()


def test_json_shape(cli_desk):
    result = runner.invoke(app, ["forecast", "--topic", "land", "--province", "01", "--json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert set(body) >= {
        "topic_code",
        "province_code",
        "weeks",
        "min_group_size",
        "reason",
        "explanation",
        "weeks_of_history",
        "history",
        "volume",
        "negative_share",
    }
    assert body["topic_code"] == "land" and body["province_code"] == "01" and body["weeks"] == 8
    assert set(body["explanation"]) == {"vi", "en"}
    assert len(body["history"]) == 60
    assert set(body["history"][0]) == {"week", "volume", "volume_suppressed", "negative_share"}
    for metric in ("volume", "negative_share"):
        part = body[metric]
        assert set(part) == {
            "method",
            "method_label",
            "mase",
            "coverage_80",
            "coverage_95",
            "backtest_origins",
            "points",
        }
        assert len(part["points"]) == 8
        point = part["points"][0]
        assert set(point) == {
            "week",
            "mean",
            "lower_80",
            "upper_80",
            "lower_95",
            "upper_95",
            "suppressed",
        }
        assert point["lower_95"] <= point["mean"] <= point["upper_95"]
    assert all(0 <= p["upper_95"] <= 1 for p in body["negative_share"]["points"])


def test_table_by_province_name_and_weeks(cli_desk):
    result = runner.invoke(app, ["forecast", "--province", "Hà Nội", "--weeks", "4"])
    assert result.exit_code == 0, result.output
    assert "Mọi chủ đề — Thành phố Hà Nội" in result.stdout
    assert result.stdout.count("│ → ") == 4  # rows of forecast weeks
    assert "MASE" in result.stdout


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--topic", "nope"], "nope"),
        (["--province", "Atlantis"], "Atlantis"),
        (["--weeks", "30"], "30"),
    ],
)
def test_bad_input_exits_2_and_says_what(cli_desk, args, says):
    result = runner.invoke(app, ["forecast", *args])
    assert result.exit_code == 2
    assert says in result.output and "Error" in result.output


def test_empty_desk_says_so(desk, monkeypatch):
    monkeypatch.setenv("OPINIONDESK_DATABASE_URL", desk.url)
    get_settings.cache_clear()
    try:
        result = runner.invoke(app, ["forecast"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0
    assert "No data yet" in result.stdout
