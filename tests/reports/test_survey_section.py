"""The report's survey section gives each survey's key estimate with its 95% interval."""

from __future__ import annotations

from datetime import date

from opiniondesk.reports.figures import surveys
from opiniondesk.reports.period import parse_period
from opiniondesk.surveys import service
from tests.surveys.builders import sample_rows, write_form, write_kobo_csv


def test_key_estimate_of_the_first_single_choice_question(sqlite_desk, tmp_path):
    with sqlite_desk.sessions.begin() as session:
        survey = service.import_form(session, write_form(tmp_path / "form.xlsx"))
        service.import_responses(
            session,
            survey,
            write_kobo_csv(tmp_path / "kobo.csv", sample_rows(40)),
            weight_column="weight",
        )
    today = date.today()
    period = parse_period(f"{today.year}-{today.month:02d}")
    with sqlite_desk.sessions() as session:
        figures = surveys(session, period, 5)
    (item,) = figures["items"]
    key = item["key"]
    assert item["responses"] == 40 and key is not None
    assert key["question_vi"] == "Giới tính" and key["n"] == 40
    assert 0 < key["ci_low"] <= key["share"] <= key["ci_high"] < 1
    assert key["deff"] >= 1.0


def test_too_few_responses_give_no_estimate(sqlite_desk, tmp_path):
    with sqlite_desk.sessions.begin() as session:
        survey = service.import_form(session, write_form(tmp_path / "form.xlsx"))
        service.import_responses(
            session,
            survey,
            write_kobo_csv(tmp_path / "kobo.csv", sample_rows(3)),
            weight_column="weight",
        )
    today = date.today()
    with sqlite_desk.sessions() as session:
        figures = surveys(session, parse_period(f"{today.year}-{today.month:02d}"), 5)
    assert figures["items"][0]["key"] is None
