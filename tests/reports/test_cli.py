"""`opiniondesk report …` as a user meets it, and the PDF through LibreOffice."""

from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from opiniondesk.cli.main import app
from opiniondesk.config import get_settings
from opiniondesk.reports.pdf import soffice_path

runner = CliRunner()


@pytest.fixture
def cli_env(sqlite_desk, monkeypatch):
    monkeypatch.setenv("OPINIONDESK_DATABASE_URL", sqlite_desk.url)
    monkeypatch.setenv("OPINIONDESK_HOME", str(sqlite_desk.home))
    monkeypatch.setenv("OPINIONDESK_SECRET_KEY", "test-secret")
    monkeypatch.setenv("OPINIONDESK_OFFICE_NAME", "Ban Tuyên giáo")
    get_settings.cache_clear()
    yield sqlite_desk
    get_settings.cache_clear()


def _needs_soffice() -> None:
    if soffice_path() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must install libreoffice-writer-nogui for the PDF tests")
        pytest.skip(
            "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui"
        )


def test_build_finalise_rebuild(cli_env, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["report", "build", "--period", "2026-Q3", "--format", "docx,xlsx", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.suffix for p in out.iterdir()) == [".docx", ".xlsx"]
    result = runner.invoke(app, ["report", "finalise", "1"])
    assert result.exit_code == 0 and "sha256" in result.output
    again = runner.invoke(app, ["report", "finalise", "1"])
    assert again.exit_code == 2 and "final" in again.output
    rebuilt = runner.invoke(app, ["report", "rebuild", "1", "--out", str(tmp_path / "again")])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert result.output.split("sha256 ")[1].split()[0] in rebuilt.output


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--period", "2026-Q5"], "2026-Q3"),
        (["--period", "2026-Q3", "--format", "odt"], "docx,pdf,xlsx"),
        (["--period", "2026-Q3", "--unit", "999"], "--unit"),
        (["--kind", "custom", "--from", "2026-07-01"], "--to"),
        (["--kind", "custom", "--from", "1/7/2026", "--to", "2026-07-31"], "YYYY-MM-DD"),
    ],
)
def test_bad_input_exits_2_and_says_why(cli_env, tmp_path, args, needle):
    result = runner.invoke(app, ["report", "build", *args, "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert needle in result.output.replace("\n", "")


def test_unknown_report(cli_env):
    result = runner.invoke(app, ["report", "finalise", "42"])
    assert result.exit_code == 2 and "42" in result.output


def test_pdf_from_libreoffice(cli_env, tmp_path):
    _needs_soffice()
    result = runner.invoke(
        app, ["report", "build", "--period", "2026-09", "--format", "pdf", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    (pdf,) = tmp_path.glob("*.pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-"
