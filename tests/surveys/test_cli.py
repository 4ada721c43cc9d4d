"""`opiniondesk survey …` end to end on a fresh OPINIONDESK_HOME (no database URL: the desk
makes and migrates its own SQLite file): import a form, import a Kobo export, estimate,
crosstab, export estimates and responses, sample size. And the Kobo round trip: export →
re-import gives the same responses."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from opiniondesk.cli.main import app
from opiniondesk.config import get_settings
from opiniondesk.surveys import repository as repo
from opiniondesk.surveys import service
from tests.conftest import DeskFixture
from tests.surveys.builders import sample_rows, write_form, write_kobo_csv

runner = CliRunner()


@pytest.fixture
def fresh_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "fresh-home"
    monkeypatch.delenv("OPINIONDESK_DATABASE_URL", raising=False)
    monkeypatch.setenv("OPINIONDESK_HOME", str(home))
    monkeypatch.setenv("OPINIONDESK_SECRET_KEY", "test-secret")
    get_settings.cache_clear()
    yield home
    get_settings.cache_clear()


def _ok(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_every_survey_command_on_a_fresh_home(fresh_home: Path, tmp_path: Path) -> None:
    form = write_form(tmp_path / "form.xlsx")
    export = write_kobo_csv(tmp_path / "kobo.csv", sample_rows(40))
    _ok(["survey", "import", str(form)])
    assert (fresh_home / "opiniondesk.sqlite").exists()
    stored = json.loads(
        _ok(["survey", "responses", "import", "hai_long_2026", str(export), "--weight", "weight",
             "--json"])
    )  # fmt: skip
    assert stored["stored"] == 40 and stored["failed"] == 0
    listed = json.loads(_ok(["survey", "list", "--json"]))
    assert listed == [{"form_id": "hai_long_2026", "title": "Khảo sát hài lòng", "responses": 40}]

    figures = json.loads(
        _ok(["survey", "estimate", "hai_long_2026", "--question", "satisfied", "--by",
             "nguoi/sex", "--json"])
    )  # fmt: skip
    assert [g["group"] for g in figures["groups"]] == [None, "f", "m"]
    shares = figures["groups"][0]["estimates"]
    assert shares["yes"]["value"] + shares["no"]["value"] == pytest.approx(1.0)

    table = json.loads(
        _ok(["survey", "crosstab", "hai_long_2026", "--rows", "issues", "--columns",
             "nguoi/sex", "--json"])
    )  # fmt: skip
    overall, women, men = table["table"]
    assert (women["column"], men["column"]) == ("f", "m")
    # 14 unsatisfied answered `issues`: 7 women (roads only), 7 men (roads and water)
    assert overall["cells"]["roads"]["count"] == 14 and overall["cells"]["roads"]["value"] == 1
    assert women["cells"]["water"] == {"count": 0, "suppressed": False, **women["cells"]["water"]}
    assert women["cells"]["water"]["value"] == 0.0
    assert men["cells"]["water"]["count"] == 7
    printed = _ok(["survey", "crosstab", "hai_long_2026", "--rows", "satisfied", "--columns",
                   "nguoi/sex"])  # fmt: skip
    assert "satisfied" in printed and "%" in printed

    xlsx, estimates_csv = tmp_path / "estimates.xlsx", tmp_path / "estimates.csv"
    _ok(["survey", "export-estimates", "hai_long_2026", str(xlsx), "--lang", "en"])
    assert any(n.startswith("xl/charts/") for n in zipfile.ZipFile(xlsx).namelist())
    _ok(["survey", "export-estimates", "hai_long_2026", str(estimates_csv), "--by", "nguoi/sex"])
    rows = list(csv.reader(io.StringIO(estimates_csv.read_text(encoding="utf-8-sig"))))
    assert rows[0][0] == "mã câu hỏi" and {r[2] for r in rows[1:]} == {"(tất cả)", "f", "m"}

    out = tmp_path / "responses.xlsx"
    assert "40" in _ok(["survey", "responses", "export", "hai_long_2026", str(out)])
    assert _ok(["survey", "sample-size", "--margin", "0.05", "--population", "1000"]).strip() == (
        "278"
    )


def test_small_cells_of_a_crosstab_are_suppressed(fresh_home: Path, tmp_path: Path) -> None:
    _ok(["survey", "import", str(write_form(tmp_path / "form.xlsx"))])
    export = write_kobo_csv(tmp_path / "kobo.csv", sample_rows(12))
    _ok(["survey", "responses", "import", "hai_long_2026", str(export)])
    table = json.loads(
        _ok(["survey", "crosstab", "hai_long_2026", "--rows", "satisfied", "--columns",
             "nguoi/sex", "--json"])
    )  # fmt: skip
    overall, women, men = table["table"]
    # 12 respondents: 4 unsatisfied (2 women, 2 men), 8 satisfied (4 and 4); k = 5
    assert overall["cells"]["yes"]["count"] == 8 and not overall["cells"]["yes"]["suppressed"]
    assert overall["cells"]["no"] == {"count": None, "suppressed": True}
    assert (women["n"], women["suppressed"]) == (6, False)  # the column is big enough…
    assert women["cells"] == {  # …but each of its cells is a group of fewer than 5
        "yes": {"count": None, "suppressed": True},
        "no": {"count": None, "suppressed": True},
    }
    assert "value" not in json.dumps(men["cells"])


def test_bad_inputs_exit_2_with_a_message(fresh_home: Path, tmp_path: Path) -> None:
    _ok(["survey", "import", str(write_form(tmp_path / "form.xlsx"))])
    result = runner.invoke(
        app,
        ["survey", "crosstab", "hai_long_2026", "--rows", "nguoi/age", "--columns", "nguoi/sex"],
    )
    assert result.exit_code == 2 and "select" in result.output
    result = runner.invoke(app, ["survey", "export-estimates", "hai_long_2026", "x.pdf"])
    assert result.exit_code == 2 and ".xlsx" in result.output


def test_kobo_round_trip_gives_the_same_responses(desk: DeskFixture, tmp_path: Path) -> None:
    """Import a Kobo export, export it (CSV and XLSX), empty the survey, import the export:
    the same instance ids, answers and weights come back."""
    with desk.sessions.begin() as session:
        survey = service.import_form(session, write_form(tmp_path / "form.xlsx"))
        service.import_responses(
            session,
            survey,
            write_kobo_csv(tmp_path / "k.csv", sample_rows(40)),
            weight_column="weight",
        )
        before = [
            (r.instance_id, r.answers, r.weight) for r in repo.responses_of(session, survey.id)
        ]
    for suffix in (".csv", ".xlsx"):
        out = tmp_path / f"out{suffix}"
        with desk.sessions.begin() as session:
            survey = service.get_survey(session, "hai_long_2026")
            assert service.export_responses(session, survey, out) == 40
            for response in repo.responses_of(session, survey.id):
                session.delete(response)
        with desk.sessions.begin() as session:
            survey = service.get_survey(session, "hai_long_2026")
            report = service.import_responses(session, survey, out, weight_column="weight")
            after = [
                (r.instance_id, r.answers, r.weight) for r in repo.responses_of(session, survey.id)
            ]
        assert (report.stored, report.errors) == (40, [])
        assert sorted(after, key=lambda r: r[0]) == sorted(before, key=lambda r: r[0])
