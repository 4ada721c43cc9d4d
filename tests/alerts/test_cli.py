"""`opiniondesk alerts …` as a user meets it: detect, list --json, ack, close, bad input."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from opiniondesk.cli.main import app
from opiniondesk.config import get_settings
from tests.alerts.builders import AS_OF, QUIET, Rollups, pattern_series, with_burst

runner = CliRunner()


@pytest.fixture
def cli_env(desk, monkeypatch):
    monkeypatch.setenv("OPINIONDESK_DATABASE_URL", desk.url)
    monkeypatch.setenv("OPINIONDESK_HOME", str(desk.home))
    monkeypatch.setenv("OPINIONDESK_SECRET_KEY", "test-secret")
    get_settings.cache_clear()
    with desk.sessions.begin() as session:
        Rollups().desk_background().series(
            with_burst(pattern_series(QUIET), (5, 6, 7)),
            topic="disaster",
            province="91",
            commune="30376",
        ).write(session)
    yield desk
    get_settings.cache_clear()


def _list(*args: str) -> list[dict]:
    result = runner.invoke(app, ["alerts", "list", "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_detect_list_ack_close(cli_env):
    result = runner.invoke(app, ["alerts", "detect", "--as-of", AS_OF.isoformat(), "--days", "5"])
    assert result.exit_code == 0, result.output
    assert "new: 1" in result.output
    again = runner.invoke(app, ["alerts", "detect", "--as-of", AS_OF.isoformat(), "--days", "5"])
    assert "new: 0" in again.output
    (alert,) = _list()
    assert alert["topic"] == "disaster" and alert["commune_code"] == "30376"
    assert alert["status"] == "new" and alert["window_end"] == AS_OF.isoformat()
    assert alert["observed"] >= 18 and alert["method"] == "seasonal_negbin_scan"
    assert {"window_start", "score", "probability", "expected", "evidence", "parameters"} <= set(
        alert
    )
    assert not {"author", "author_key"} & set(alert)
    table = runner.invoke(app, ["alerts", "list"])
    assert table.exit_code == 0 and "Emerging-issue alerts" in table.output
    assert runner.invoke(app, ["alerts", "ack", str(alert["id"])]).exit_code == 0
    assert _list()[0]["status"] == "acknowledged"
    assert runner.invoke(app, ["alerts", "close", str(alert["id"])]).exit_code == 0
    assert _list() == []
    assert [a["status"] for a in _list("--all")] == ["closed"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["alerts", "detect", "--as-of", "2026-13-01"], "YYYY-MM-DD"),
        (["alerts", "detect", "--days", "0"], "--days 0"),
        (["alerts", "ack", "999"], "999"),
    ],
)
def test_bad_input_exits_2_and_says_what_to_do(cli_env, args, message):
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.output
