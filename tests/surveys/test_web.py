"""Filling in a survey on the web: skip logic drops answers to irrelevant questions, required
and constraint are enforced, a double submit lands once; the results page draws the shares and
hides small groups. Plus the expression subset the rules are written in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from opiniondesk.accounts.roles import Role
from opiniondesk.storage.models import Channel, ChannelKind, Document
from opiniondesk.surveys import repository as repo
from opiniondesk.surveys import service
from opiniondesk.surveys.expressions import ExpressionError, evaluate
from opiniondesk.web.app import create_app
from tests.accounts.builders import BA_DINH, cheap_passwords, csrf_from, make_user, signed_in
from tests.conftest import DeskFixture
from tests.surveys.builders import sample_rows, write_form, write_kobo_csv

__all__ = ["cheap_passwords"]
FILL = "/surveys/hai_long_2026/fill"


@pytest.fixture
def survey_desk(sqlite_desk: DeskFixture, tmp_path: Path) -> DeskFixture:
    with sqlite_desk.sessions.begin() as session:
        service.import_form(session, write_form(tmp_path / "form.xlsx"))
    return sqlite_desk


@pytest.fixture
def interviewer(survey_desk: DeskFixture, cheap_passwords: None) -> Iterator[TestClient]:
    make_user(survey_desk.sessions, "ctv", Role.collaborator, (BA_DINH,))
    with TestClient(create_app(survey_desk.settings, engine=survey_desk.engine)) as client:
        yield signed_in(client, "ctv")


def _answers(**changes: object) -> dict[str, object]:
    body: dict[str, object] = {
        "nguoi/sex": "f",
        "nguoi/age": "34",
        "nguoi/age_group": "young",
        "satisfied": "yes",
        "issues": ["roads"],
        "income": "7.5",
        "comment": "Đường tốt hơn.",
    }
    body.update(changes)
    return body


def _post(client: TestClient, body: dict[str, object]) -> tuple[int, str]:
    page = client.get(FILL).text
    instance = re.search(r'name="instance_id" value="([^"]+)"', page)
    assert instance
    data = {**body, "csrf_token": csrf_from(page), "instance_id": instance.group(1)}
    response = client.post(FILL, data=data, follow_redirects=False)
    return response.status_code, response.text


class TestFillIn:
    def test_skip_logic_drops_the_irrelevant_answer(
        self, interviewer: TestClient, survey_desk: DeskFixture
    ) -> None:
        status, _ = _post(interviewer, _answers())
        assert status == 303
        with survey_desk.sessions() as session:
            survey = service.get_survey(session, "hai_long_2026")
            (response,) = repo.responses_of(session, survey.id)
        assert "issues" not in response.answers  # asked only when not satisfied
        assert response.answers["nguoi/age"] == 34 and response.answers["income"] == 7.5

    def test_relevant_question_is_kept(
        self, interviewer: TestClient, survey_desk: DeskFixture
    ) -> None:
        _post(interviewer, _answers(satisfied="no", issues=["roads", "water"]))
        with survey_desk.sessions() as session:
            survey = service.get_survey(session, "hai_long_2026")
            (response,) = repo.responses_of(session, survey.id)
        assert response.answers["issues"] == ["roads", "water"]
        with survey_desk.sessions() as session:  # the open answer went through the pipeline
            texts = session.scalars(
                select(Document.text)
                .join(Channel, Channel.id == Document.channel_id)
                .where(Channel.kind == ChannelKind.survey)
            ).all()
        assert texts == ["Đường tốt hơn."]

    def test_required_and_constraint_are_enforced(self, interviewer: TestClient) -> None:
        status, page = _post(interviewer, _answers(**{"nguoi/age": "12", "nguoi/sex": ""}))
        assert status == 422
        assert "Câu này bắt buộc." in page
        assert "Tuổi phải từ 18 đến 110." in page  # the form's own constraint_message
        assert 'value="12"' in page  # answers are kept on the re-rendered page

    def test_the_page_ships_the_compiled_rules_and_the_script(
        self, interviewer: TestClient
    ) -> None:
        page = interviewer.get(FILL).text
        assert 'id="survey-rules"' in page and "/static/survey-fill.js" in page
        assert '["=", ["ref", "satisfied"], ["lit", "no"]]' in page

    def test_double_submit_lands_once(
        self, interviewer: TestClient, survey_desk: DeskFixture
    ) -> None:
        page = interviewer.get(FILL).text
        instance = re.search(r'name="instance_id" value="([^"]+)"', page)
        assert instance
        data = {**_answers(), "csrf_token": csrf_from(page), "instance_id": instance.group(1)}
        for _ in range(2):
            assert interviewer.post(FILL, data=data, follow_redirects=False).status_code == 303
        with survey_desk.sessions() as session:
            survey = service.get_survey(session, "hai_long_2026")
            assert repo.count_responses(session, survey.id) == 1

    def test_unknown_survey_is_404(self, interviewer: TestClient) -> None:
        assert interviewer.get("/surveys/nope/fill").status_code == 404


class TestResults:
    def test_shares_are_drawn_and_small_groups_hidden(
        self, survey_desk: DeskFixture, tmp_path: Path, cheap_passwords: None
    ) -> None:
        with survey_desk.sessions.begin() as session:
            survey = service.get_survey(session, "hai_long_2026")
            service.import_responses(
                session, survey, write_kobo_csv(tmp_path / "k.csv", sample_rows(40))
            )
        make_user(survey_desk.sessions, "analyst")
        with TestClient(create_app(survey_desk.settings, engine=survey_desk.engine)) as client:
            page = signed_in(client, "analyst").get("/surveys/hai_long_2026")
        assert page.status_code == 200
        assert page.text.count("<svg") >= 3  # sex, age group, satisfied (issues: 14 answers)
        assert "40 phiếu" in page.text


class TestExpressions:
    @pytest.mark.parametrize(
        ("expression", "current", "expected"),
        [
            ("${satisfied} = 'no'", None, True),
            ("${satisfied} != 'no'", None, False),
            (". >= 18 and . <= 110", 17, False),
            (". >= 18 and . <= 110", 18, True),
            ("selected(${issues}, 'water') or ${age} > 40", None, True),
            ("not(selected(${issues}, 'prices'))", None, True),
            ("count-selected(${issues}) = 2", None, True),
            ("${age} div 2 = 15 and ${age} mod 7 = 2", None, True),
            ("string-length(.) <= 3", "abcd", False),
            ("${missing} = ''", None, True),
        ],
    )
    def test_subset(self, expression: str, current: object, expected: bool) -> None:
        answers = {"satisfied": "no", "issues": ["roads", "water"], "age": 30}
        assert evaluate(expression, answers, current) is expected

    def test_unknown_function_is_reported(self) -> None:
        with pytest.raises(ExpressionError):
            evaluate("pulldata('x', 'y')", {})
