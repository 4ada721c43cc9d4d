"""A survey's public link: staff open and close it, anyone answers through it without an account,
one response per instance id, a rate limit per client, CSRF enforced; collaborator-assisted
interviews are recorded as assisted; open answers are redacted before they are stored. And the
results page: CI whiskers, the link panel, CSV/XLSX exports with native charts."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from opiniondesk.accounts.models import AuditEvent
from opiniondesk.accounts.roles import Role
from opiniondesk.surveys import repository as repo
from opiniondesk.surveys import service
from opiniondesk.web.app import create_app
from tests.accounts.builders import BA_DINH, cheap_passwords, csrf_from, make_user, signed_in
from tests.conftest import DeskFixture
from tests.surveys.builders import sample_rows, write_form, write_kobo_csv

__all__ = ["cheap_passwords"]
RESULTS = "/surveys/hai_long_2026"
ANSWERS = {
    "nguoi/sex": "f",
    "nguoi/age": "34",
    "nguoi/age_group": "young",
    "satisfied": "yes",
}


@pytest.fixture
def survey_desk(desk: DeskFixture, tmp_path: Path) -> DeskFixture:
    with desk.sessions.begin() as session:
        service.import_form(session, write_form(tmp_path / "form.xlsx"))
    return desk


@pytest.fixture
def app_client(survey_desk: DeskFixture, cheap_passwords: None) -> Iterator[TestClient]:
    with TestClient(create_app(survey_desk.settings, engine=survey_desk.engine)) as client:
        yield client


def _open_link(client: TestClient, survey_desk: DeskFixture) -> str:
    make_user(survey_desk.sessions, "analyst")
    signed_in(client, "analyst")
    page = client.get(RESULTS).text
    client.post(f"{RESULTS}/link", data={"csrf_token": csrf_from(page)})
    page = client.get(RESULTS).text
    found = re.search(r"/khao-sat/([A-Za-z0-9_-]+)", page)
    assert found, page
    client.cookies.clear()  # the public answers without an account
    return f"/khao-sat/{found.group(1)}"


def _send(client: TestClient, url: str, **changes: object) -> tuple[int, str, str]:
    page = client.get(url).text
    instance = re.search(r'name="instance_id" value="([^"]+)"', page)
    assert instance
    data = {**ANSWERS, **changes, "csrf_token": csrf_from(page), "instance_id": instance[1]}
    response = client.post(url, data=data, follow_redirects=False)
    return response.status_code, response.text, instance[1]


def _responses(survey_desk: DeskFixture) -> list[tuple[str, dict[str, object]]]:
    with survey_desk.sessions() as session:
        survey = service.get_survey(session, "hai_long_2026")
        return [(r.mode, r.answers) for r in repo.responses_of(session, survey.id)]


class TestPublicLink:
    def test_anyone_answers_once_per_instance(
        self, app_client: TestClient, survey_desk: DeskFixture
    ) -> None:
        url = _open_link(app_client, survey_desk)
        page = app_client.get(url)
        assert page.status_code == 200 and "ẩn danh" in page.text
        assert app_client.get(url + "?lang=en").text.count("anonymous") >= 1
        status, _, instance = _send(app_client, url)
        assert status == 303
        page = app_client.get(url).text  # the same page sent again: a double tap, a retry
        data = {**ANSWERS, "csrf_token": csrf_from(page), "instance_id": instance}
        assert app_client.post(url, data=data, follow_redirects=False).status_code == 303
        assert [mode for mode, _ in _responses(survey_desk)] == ["self"]

    def test_errors_re_render_with_answers_kept(
        self, app_client: TestClient, survey_desk: DeskFixture
    ) -> None:
        url = _open_link(app_client, survey_desk)
        status, page, instance = _send(app_client, url, **{"nguoi/age": "12"})
        assert status == 422
        assert "Tuổi phải từ 18 đến 110." in page and 'value="12"' in page
        assert f'value="{instance}"' in page  # the fixed page lands as the same response
        assert _responses(survey_desk) == []

    def test_csrf_is_enforced(self, app_client: TestClient, survey_desk: DeskFixture) -> None:
        url = _open_link(app_client, survey_desk)
        app_client.get(url)
        data = {**ANSWERS, "instance_id": "0b7e7c1c-0000-4000-8000-000000000001"}
        assert app_client.post(url, data=data).status_code == 403
        assert _responses(survey_desk) == []

    def test_rate_limit_per_client(
        self, app_client: TestClient, survey_desk: DeskFixture, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(service, "PUBLIC_MAX_PER_WINDOW", 2)
        url = _open_link(app_client, survey_desk)
        assert [_send(app_client, url)[0] for _ in range(3)] == [303, 303, 429]
        assert len(_responses(survey_desk)) == 2

    def test_closed_and_unknown_links_take_nothing(
        self, app_client: TestClient, survey_desk: DeskFixture
    ) -> None:
        url = _open_link(app_client, survey_desk)
        signed_in(app_client, "analyst")
        page = app_client.get(RESULTS).text
        app_client.post(f"{RESULTS}/link/close", data={"csrf_token": csrf_from(page)})
        assert url not in app_client.get(RESULTS).text
        app_client.cookies.clear()
        assert app_client.get(url).status_code == 404
        assert app_client.get("/khao-sat/not-a-token").status_code == 404
        page = app_client.get("/login").text
        data = {**ANSWERS, "csrf_token": csrf_from(page), "instance_id": "x"}
        assert app_client.post(url, data=data).status_code == 404
        with survey_desk.sessions() as session:
            actions = session.scalars(select(AuditEvent.action)).all()
        assert {"survey.link_open", "survey.link_close"} <= set(actions)

    def test_a_collaborator_may_not_open_a_link(
        self, app_client: TestClient, survey_desk: DeskFixture
    ) -> None:
        make_user(survey_desk.sessions, "ctv", Role.collaborator, (BA_DINH,))
        page = signed_in(app_client, "ctv").get("/surveys/hai_long_2026/fill").text
        response = app_client.post(f"{RESULTS}/link", data={"csrf_token": csrf_from(page)})
        assert response.status_code == 403


class TestAssistedAndRedacted:
    def test_collaborator_fill_is_assisted_and_open_answers_redacted(
        self, app_client: TestClient, survey_desk: DeskFixture
    ) -> None:
        make_user(survey_desk.sessions, "ctv", Role.collaborator, (BA_DINH,))
        signed_in(app_client, "ctv")
        comment = "Gọi tôi số 0912345678 hoặc lan@example.com nhé"
        status, _, _ = _send(app_client, "/surveys/hai_long_2026/fill", comment=comment)
        assert status == 303
        ((mode, answers),) = _responses(survey_desk)
        assert mode == "assisted"
        assert "0912345678" not in str(answers["comment"])
        assert "lan@example.com" not in str(answers["comment"])
        assert "ctv" not in str(answers)  # who interviewed is not kept with the answers

    def test_imported_open_answers_are_redacted(
        self, survey_desk: DeskFixture, tmp_path: Path
    ) -> None:
        rows = sample_rows(4)
        rows[0][11] = "Liên hệ 0912345678"
        with survey_desk.sessions.begin() as session:
            survey = service.get_survey(session, "hai_long_2026")
            service.import_responses(session, survey, write_kobo_csv(tmp_path / "k.csv", rows))
        comments = [a.get("comment") for _, a in _responses(survey_desk)]
        assert comments[0] and "0912345678" not in str(comments[0])


class TestResultsAndExports:
    @pytest.fixture
    def analyst(
        self, app_client: TestClient, survey_desk: DeskFixture, tmp_path: Path
    ) -> TestClient:
        with survey_desk.sessions.begin() as session:
            survey = service.get_survey(session, "hai_long_2026")
            service.import_responses(
                session, survey, write_kobo_csv(tmp_path / "k.csv", sample_rows(40))
            )
        make_user(survey_desk.sessions, "analyst")
        return signed_in(app_client, "analyst")

    def test_results_draw_whiskers(self, analyst: TestClient) -> None:
        page = analyst.get(RESULTS)
        assert page.status_code == 200
        assert page.text.count('class="ci"') >= 6  # sex 2, age group 2, satisfied 2 (+ issues)
        assert "Nhập từ tệp: 40" in page.text
        assert analyst.get(RESULTS + "?lang=en").text.count("Weighted shares") >= 1

    def test_xlsx_export_has_estimates_and_native_charts(self, analyst: TestClient) -> None:
        response = analyst.get(RESULTS + "/estimates.xlsx?lang=en")
        assert response.status_code == 200
        archive = zipfile.ZipFile(io.BytesIO(response.content))
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 4  # sex, age group, satisfied, issues
        chart = archive.read(charts[0]).decode()
        assert '<errValType val="cust"/>' in chart and "$N$" in chart and "$O$" in chart
        sheet = openpyxl.load_workbook(io.BytesIO(response.content))["estimates"]
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[0][:3] == ("question id", "question", "group")
        satisfied = [r for r in rows if r[0] == "satisfied"]
        assert {r[3] for r in satisfied} == {"yes", "no"}
        assert sum(float(r[6]) for r in satisfied) == pytest.approx(1.0)  # type: ignore[arg-type]

    def test_csv_export_suppresses_small_groups(
        self, analyst: TestClient, survey_desk: DeskFixture
    ) -> None:
        survey_desk.settings.min_group_size = 100  # every group is now too small
        text = analyst.get(RESULTS + "/estimates.csv").content.decode("utf-8-sig")
        lines = text.strip().splitlines()[1:]
        assert lines and all(line.endswith(",x") for line in lines)

    def test_unknown_export_format_is_refused(self, analyst: TestClient) -> None:
        assert analyst.get(RESULTS + "/estimates.pdf").status_code == 422
