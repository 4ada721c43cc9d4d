"""`opiniondesk consultation import / analyze --json / list`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from opiniondesk.cli.main import app
from opiniondesk.config import get_settings
from tests.conftest import DeskFixture
from tests.consultations.builders import two_camps_votes, write_old_layout

runner = CliRunner()


@pytest.fixture
def cli_env(sqlite_desk: DeskFixture, monkeypatch: pytest.MonkeyPatch) -> Iterator[DeskFixture]:
    monkeypatch.setenv("OPINIONDESK_DATABASE_URL", sqlite_desk.url)
    monkeypatch.setenv("OPINIONDESK_HOME", str(sqlite_desk.home))
    monkeypatch.setenv("OPINIONDESK_SECRET_KEY", "test-secret")
    get_settings.cache_clear()
    yield sqlite_desk
    get_settings.cache_clear()


def _write_camps(folder: Path) -> Path:
    folder.mkdir()
    (folder / "comments.csv").write_text(
        "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
        + "".join(f"1,x,{s},0,0,0,1,Statement {s}\n" for s in range(8)),
        encoding="utf-8",
    )
    (folder / "votes.csv").write_text(
        "timestamp,datetime,comment-id,voter-id,vote\n"
        + "".join(f"2,x,{s},{p},{v}\n" for p, s, v in two_camps_votes(40, 8)),
        encoding="utf-8",
    )
    return folder


def test_import_then_analyze_json(cli_env: DeskFixture, tmp_path: Path) -> None:
    imported = runner.invoke(app, ["consultation", "import", str(_write_camps(tmp_path / "c"))])
    assert imported.exit_code == 0, imported.output
    cid = imported.stdout.strip()
    assert cid.isdigit()
    result = runner.invoke(app, ["consultation", "analyze", cid, "--json", "--seed", "3"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["k"] == 2 and data["seed"] == 3
    assert len(data["groups"]) == 40 and set(data["groups"].values()) == {0, 1}
    assert len(data["consensus"]) == 8
    assert set(data["representative"]) == {"0", "1"}
    # the statement everyone agrees with has the highest consensus
    best = max(data["consensus"], key=data["consensus"].get)
    assert data["statement_external_ids"][best] == "0"
    listed = runner.invoke(app, ["consultation", "list", "--json"])
    assert json.loads(listed.stdout)[0]["votes"] == 320


def test_import_of_a_missing_layout_fails_with_a_message(
    cli_env: DeskFixture, tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["consultation", "import", str(empty)])
    assert result.exit_code == 2 and "comments.csv" in result.output


def test_analyze_unknown_id(cli_env: DeskFixture, tmp_path: Path) -> None:
    write_old_layout(tmp_path / "tiny")
    result = runner.invoke(app, ["consultation", "analyze", "99", "--json"])
    assert result.exit_code == 2 and "99" in result.output
