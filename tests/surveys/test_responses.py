"""Responses: a KoboToolbox-style export imported, re-imported (nothing added), exported and
read back (the round trip), bad rows reported with their line, formulas neutralised; and
`opiniondesk survey … --json` end to end."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from opiniondesk.cli.main import app
from opiniondesk.config import get_settings
from opiniondesk.storage.models import Channel, ChannelKind, Document
from opiniondesk.surveys import repository as repo
from opiniondesk.surveys import service
from opiniondesk.surveys.estimates import weighted_mean
from opiniondesk.surveys.tables import neutralise
from tests.conftest import DeskFixture
from tests.surveys.builders import KOBO_HEADER, kobo_row, sample_rows, write_form, write_kobo_csv

runner = CliRunner()


class TestImport:
    def test_kobo_export_round_trip(self, desk: DeskFixture, tmp_path: Path) -> None:
        form = write_form(tmp_path / "form.xlsx")
        export = write_kobo_csv(tmp_path / "kobo.csv", sample_rows(40))
        with desk.sessions.begin() as session:
            survey = service.import_form(session, form)
            first = service.import_responses(session, survey, export, weight_column="weight")
            again = service.import_responses(session, survey, export, weight_column="weight")
            out = tmp_path / "out.xlsx"
            assert service.export_responses(session, survey, out) == 40
            back = service.import_responses(session, survey, out, weight_column="weight")
            stored = repo.responses_of(session, survey.id)
        assert (first.stored, first.errors) == (40, [])
        assert (again.stored, again.already_stored) == (0, 40)
        assert (back.stored, back.already_stored, back.errors) == (0, 40, [])
        answers = stored[0].answers
        assert answers["nguoi/sex"] == "f" and answers["nguoi/age"] == 20
        assert answers["issues"] == ["roads"] and answers["income"] == 3.0
        assert stored[0].weight == 1.0 and stored[3].weight == 2.5
        assert "start" in first.unmatched_columns

    def test_per_choice_columns_alone(self, desk: DeskFixture, tmp_path: Path) -> None:
        row = kobo_row(0, "m", 30, "no", ["water", "prices"], 1.0)
        row[KOBO_HEADER.index("issues")] = ""  # Kobo's "separate columns" export only
        rows = [row]
        with desk.sessions.begin() as session:
            survey = service.import_form(session, write_form(tmp_path / "f.xlsx"))
            service.import_responses(session, survey, write_kobo_csv(tmp_path / "k.csv", rows))
            (response,) = repo.responses_of(session, survey.id)
        assert response.answers["issues"] == ["prices", "water"]

    def test_bad_row_is_reported_and_the_rest_kept(self, desk: DeskFixture, tmp_path: Path) -> None:
        rows = sample_rows(6)
        rows[2] = kobo_row(2, "m", 30, "maybe", [], 1.0)
        with desk.sessions.begin() as session:
            survey = service.import_form(session, write_form(tmp_path / "f.xlsx"))
            report = service.import_responses(
                session, survey, write_kobo_csv(tmp_path / "k.csv", rows)
            )
        assert report.stored == 5
        (error,) = report.errors
        assert error.line == 4 and "satisfied" in error.reason


def test_formulas_are_neutralised() -> None:
    assert neutralise('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert neutralise("-1+2") == "'-1+2"
    assert neutralise("Đường làng") == "Đường làng"


@pytest.fixture
def cli_env(desk: DeskFixture, monkeypatch: pytest.MonkeyPatch) -> Iterator[DeskFixture]:
    monkeypatch.setenv("OPINIONDESK_DATABASE_URL", desk.url)
    monkeypatch.setenv("OPINIONDESK_HOME", str(desk.home))
    monkeypatch.setenv("OPINIONDESK_SECRET_KEY", "test-secret")
    get_settings.cache_clear()
    yield desk
    get_settings.cache_clear()


class TestCommands:
    def test_import_estimate_and_pipeline(self, cli_env: DeskFixture, tmp_path: Path) -> None:
        form = write_form(tmp_path / "form.xlsx")
        rows = sample_rows(40)
        export = write_kobo_csv(tmp_path / "kobo.csv", rows)
        assert runner.invoke(app, ["survey", "import", str(form)]).exit_code == 0
        result = runner.invoke(
            app,
            ["survey", "responses", "import", "hai_long_2026", str(export), "--weight", "weight",
             "--json"],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["stored"] == 40
        result = runner.invoke(
            app,
            ["survey", "estimate", "hai_long_2026", "--question", "nguoi/age", "--by",
             "nguoi/sex", "--json"],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        figures = json.loads(result.stdout)
        ages = [float(r[2]) for r in rows]
        weights = [float(r[-1]) for r in rows]
        expected = weighted_mean(ages, weights)
        overall = figures["groups"][0]["estimates"]["mean"]
        assert overall["value"] == pytest.approx(expected.value, abs=1e-9)
        assert [g["group"] for g in figures["groups"]] == [None, "f", "m"]
        with cli_env.sessions() as session:
            query = (
                select(func.count())
                .select_from(Document)
                .join(Channel, Channel.id == Document.channel_id)
                .where(Channel.kind == ChannelKind.survey)
            )
            assert session.scalar(query) == 10  # one open answer in four rows

    def test_margins_rake_and_small_groups_are_suppressed(
        self, cli_env: DeskFixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        form = write_form(tmp_path / "form.xlsx")
        export = write_kobo_csv(tmp_path / "kobo.csv", sample_rows(40))
        margins = tmp_path / "margins.csv"
        with margins.open("w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["variable", "category", "total"])
            writer.writerows(
                [["nguoi/sex", "m", 510], ["nguoi/sex", "f", 490],
                 ["nguoi/age_group", "young", 600], ["nguoi/age_group", "old", 400]]
            )  # fmt: skip
        runner.invoke(app, ["survey", "import", str(form)])
        runner.invoke(app, ["survey", "responses", "import", "hai_long_2026", str(export)])
        result = runner.invoke(
            app,
            ["survey", "estimate", "hai_long_2026", "--question", "satisfied", "--by", "issues",
             "--margins", str(margins), "--json"],
        )  # fmt: skip
        assert result.exit_code == 2  # a select_multiple is no grouping
        assert "select_one" in result.output
        monkeypatch.setenv("OPINIONDESK_MIN_GROUP_SIZE", "25")  # 20 women, 20 men
        get_settings.cache_clear()
        result = runner.invoke(
            app,
            ["survey", "estimate", "hai_long_2026", "--question", "satisfied", "--by",
             "nguoi/sex", "--margins", str(margins), "--json"],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        figures = json.loads(result.stdout)
        assert figures["weighting"] == "raked"
        overall, *groups = figures["groups"]
        shares = overall["estimates"]
        assert shares["yes"]["value"] + shares["no"]["value"] == pytest.approx(1.0)
        assert [g["suppressed"] for g in groups] == [True, True]
        assert all(g["estimates"] == {} and g["n"] is None for g in groups)

    def test_unknown_question_exits_2_with_a_message(
        self, cli_env: DeskFixture, tmp_path: Path
    ) -> None:
        runner.invoke(app, ["survey", "import", str(write_form(tmp_path / "form.xlsx"))])
        result = runner.invoke(app, ["survey", "estimate", "hai_long_2026", "--question", "nope"])
        assert result.exit_code == 2
        assert "nope" in result.output

    def test_sample_size(self, cli_env: DeskFixture) -> None:
        result = runner.invoke(app, ["survey", "sample-size", "--margin", "0.05"])
        assert result.stdout.strip() == "385"
