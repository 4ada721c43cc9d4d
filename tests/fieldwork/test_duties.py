"""Report duties: completion counted over the unit's collaborators (how many, never who),
reports tied to a duty of another unit refused, coverage with small cells suppressed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from opiniondesk.accounts.principal import UnitScope
from opiniondesk.cli.main import app as cli
from opiniondesk.config import get_settings
from opiniondesk.errors import InputError
from opiniondesk.fieldwork import duties
from opiniondesk.web.app import create_app
from tests.accounts.builders import BA_DINH, HANOI
from tests.conftest import DeskFixture
from tests.fieldwork.builders import collaborator_token, report

TODAY = date(2026, 11, 26)
EVERYTHING = UnitScope(everything=True)


def _open(desk: DeskFixture, unit: str = BA_DINH, due: date = TODAY + timedelta(days=2)) -> int:
    with desk.sessions.begin() as session:
        return duties.open_duty(
            session, unit_code=unit, topic="Giá điện tháng 11", due_on=due, today=TODAY
        ).id


@pytest.fixture
def tokens(desk: DeskFixture, cheap_passwords: None) -> list[str]:
    return [collaborator_token(desk.sessions, username=f"ctv{n}") for n in range(3)]


@pytest.fixture
def api(desk: DeskFixture) -> Iterator[TestClient]:
    with TestClient(create_app(desk.settings, engine=desk.engine)) as client:
        yield client


def _send(api: TestClient, token: str, **changes: object) -> int:
    headers = {"Authorization": f"Bearer {token}"}
    return api.post("/api/v1/field-reports", json=report(**changes), headers=headers).status_code


class TestProgress:
    def test_completion_counts_collaborators_who_answered(
        self, desk: DeskFixture, tokens: list[str], api: TestClient
    ) -> None:
        duty_id = _open(desk)
        assert _send(api, tokens[0], duty_id=duty_id) == 201
        assert _send(api, tokens[0], duty_id=duty_id) == 201  # a second report, same person
        assert _send(api, tokens[1], duty_id=duty_id) == 201
        assert _send(api, tokens[2]) == 201  # not an answer to the duty
        with desk.sessions() as session:
            (progress,) = duties.progress(session, EVERYTHING, today=TODAY)
        assert (progress.collaborators, progress.answered, progress.reports) == (3, 2, 3)
        assert progress.completion == pytest.approx(2 / 3)
        assert progress.remind and not progress.overdue

    def test_province_duty_is_answered_from_its_communes(
        self, desk: DeskFixture, tokens: list[str], api: TestClient
    ) -> None:
        duty_id = _open(desk, unit=HANOI)
        assert _send(api, tokens[0], duty_id=duty_id) == 201
        with desk.sessions() as session:
            (progress,) = duties.progress(session, EVERYTHING, today=TODAY + timedelta(days=5))
        assert (progress.collaborators, progress.answered, progress.overdue) == (3, 1, True)

    def test_duty_of_another_unit_is_refused(
        self, desk: DeskFixture, tokens: list[str], api: TestClient
    ) -> None:
        other = _open(desk, unit="79")
        assert _send(api, tokens[0], duty_id=other) == 422
        assert _send(api, tokens[0], duty_id=987654) == 422

    def test_past_due_date_is_refused(self, desk: DeskFixture) -> None:
        with pytest.raises(InputError), desk.sessions.begin() as session:
            duties.open_duty(
                session, unit_code=BA_DINH, topic="x", due_on=TODAY - timedelta(days=1), today=TODAY
            )


class TestCoverage:
    def test_small_cells_are_suppressed(
        self, desk: DeskFixture, tokens: list[str], api: TestClient
    ) -> None:
        for _ in range(2):
            _send(api, tokens[0])
        with desk.sessions() as session:
            rows = duties.monthly_coverage(session, EVERYTHING, min_group_size=5)
            shown = duties.monthly_coverage(session, EVERYTHING, min_group_size=2)
        assert [(u, n) for u, _, n in rows] == [(BA_DINH, None)]
        assert [(u, n) for u, _, n in shown] == [(BA_DINH, 2)]


def test_cli_duties_names_nobody(
    desk: DeskFixture, tokens: list[str], api: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPINIONDESK_DATABASE_URL", desk.url)
    monkeypatch.setenv("OPINIONDESK_HOME", str(desk.home))
    monkeypatch.setenv("OPINIONDESK_SECRET_KEY", "test-secret")
    get_settings.cache_clear()
    try:
        runner = CliRunner()
        due = (date.today() + timedelta(days=10)).isoformat()
        opened = runner.invoke(
            cli, ["fieldwork", "duty", "--unit", BA_DINH, "--topic", "Ngập", "--due", due]
        )
        assert opened.exit_code == 0, opened.output
        bad = runner.invoke(
            cli, ["fieldwork", "duty", "--unit", BA_DINH, "--topic", "x", "--due", "mai"]
        )
        assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output
        listed = runner.invoke(cli, ["fieldwork", "duties", "--json"])
        assert listed.exit_code == 0, listed.output
        (row,) = json.loads(listed.stdout)
        assert row["collaborators"] == 3 and row["answered"] == 0
        assert "ctv" not in listed.stdout
    finally:
        get_settings.cache_clear()


def test_overview_page_shows_completion_without_names(
    desk: DeskFixture, tokens: list[str], api: TestClient, cheap_passwords: None
) -> None:
    from tests.accounts.builders import make_user, signed_in

    duty_id = _open(desk, due=date.today() + timedelta(days=30))
    _send(api, tokens[0], duty_id=duty_id)
    make_user(desk.sessions, "leader", "leader")
    with TestClient(create_app(desk.settings, engine=desk.engine)) as client:
        page = signed_in(client, "leader").get("/field-reports")
        collaborator_view = signed_in(client, "ctv1").get("/field-reports")
    assert page.status_code == 200
    assert "1/3 (33%)" in page.text
    assert "ctv0" not in page.text and "ctv1" not in page.text
    assert collaborator_view.status_code == 403
