"""Duty reminders: three days and one day before the due date, only to the duty unit's
collaborators who have not answered and have an address, once per reminder kind."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage

import pytest
from sqlalchemy import select, update
from typer.testing import CliRunner

from opiniondesk.accounts.models import User
from opiniondesk.accounts.roles import Role
from opiniondesk.cases.settings import CasesSettings
from opiniondesk.cli.main import app as cli
from opiniondesk.config import get_settings
from opiniondesk.fieldwork import duties, reminders, service
from opiniondesk.fieldwork import repository as repo
from opiniondesk.fieldwork.models import Collaborator, DutyReminder
from opiniondesk.fieldwork.schemas import FieldReportCreate
from tests.accounts.builders import BA_DINH, make_user
from tests.conftest import DeskFixture
from tests.fieldwork.builders import report

TODAY = date(2026, 11, 26)
NOW = datetime(2026, 11, 26, 1, 0, tzinfo=UTC)
SETTINGS = CasesSettings(smtp_host="", base_url="https://desk.example")


class FakeMailer:
    def __init__(self) -> None:
        self.sent: list[EmailMessage] = []

    def send(self, messages: Sequence[EmailMessage]) -> list[str | None]:
        self.sent.extend(messages)
        return [None] * len(messages)


@pytest.fixture
def duty_id(desk: DeskFixture, cheap_passwords: None) -> int:
    people = {
        name: make_user(desk.sessions, name, Role.collaborator, (unit,)).id
        for name, unit in [
            ("waiting", BA_DINH),
            ("answered", BA_DINH),
            ("no-address", BA_DINH),
            ("disabled", BA_DINH),
            ("elsewhere", "00008"),
        ]
    }
    with desk.sessions.begin() as session:
        for name, user_id in people.items():
            if name != "no-address":
                repo.add_profile(
                    session,
                    Collaborator(user_id=user_id, display_name=name, email=f"{name}@xa.gov.vn"),
                )
        session.execute(update(User).where(User.id == people["disabled"]).values(disabled=True))
        duty = duties.open_duty(
            session, unit_code=BA_DINH, topic="Giá điện", due_on=TODAY + timedelta(3), today=TODAY
        )
        body = FieldReportCreate(**report(instance_id=str(uuid.uuid4()), duty_id=duty.id))
        service.submit(session, report=body, secret_key="k", submitted_by=people["answered"])
        return duty.id


def _run(desk: DeskFixture, day: date, mailer: FakeMailer | None) -> reminders.ReminderDelivery:
    return reminders.run_reminders(
        desk.sessions, today=day, now=NOW, settings=SETTINGS, mailer=mailer
    )


def test_each_reminder_goes_once_to_those_who_have_not_answered(
    desk: DeskFixture, duty_id: int
) -> None:
    mailer = FakeMailer()
    assert _run(desk, TODAY - timedelta(1), mailer).queued == 0  # four days ahead: too early
    first = _run(desk, TODAY, mailer)
    assert (first.queued, first.sent) == (1, 1)
    assert [m["To"] for m in mailer.sent] == ["waiting@xa.gov.vn"]
    assert "Giá điện" in str(mailer.sent[0]["Subject"])
    assert "https://desk.example/field-reports/new" in mailer.sent[0].get_content()
    again = _run(desk, TODAY + timedelta(1), mailer)  # two days left: the 3-day kind, sent
    assert (again.queued, again.sent) == (0, 0)
    last = _run(desk, TODAY + timedelta(2), mailer)
    assert (last.queued, last.sent) == (1, 1)
    assert _run(desk, TODAY + timedelta(3), mailer).queued == 0  # the 1-day kind went already
    assert _run(desk, TODAY + timedelta(4), mailer).queued == 0  # past due: no reminder
    assert [m["To"] for m in mailer.sent] == ["waiting@xa.gov.vn"] * 2
    with desk.sessions() as session:
        kinds = sorted(session.scalars(select(DutyReminder.kind)))
        assert kinds == ["d1", "d3"]
        assert repo.reminder_counts(session, [duty_id]) == {duty_id: 2}


def test_without_smtp_reminders_wait_in_the_outbox(desk: DeskFixture, duty_id: int) -> None:
    waiting = _run(desk, TODAY, None)
    assert (waiting.queued, waiting.sent, waiting.waiting) == (1, 0, 1)
    mailer = FakeMailer()
    later = _run(desk, TODAY, mailer)
    assert (later.queued, later.sent, later.waiting) == (0, 1, 0)


def test_kind_for_days_left() -> None:
    assert [reminders.kind_for(n) for n in (5, 4, 3, 2, 1, 0, -1)] == [
        None, None, "d3", "d3", "d1", "d1", None,
    ]  # fmt: skip


def test_cli_remind(desk: DeskFixture, duty_id: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPINIONDESK_DATABASE_URL", desk.url)
    monkeypatch.setenv("OPINIONDESK_HOME", str(desk.home))
    monkeypatch.setenv("OPINIONDESK_SECRET_KEY", "test-secret")
    monkeypatch.setenv("OPINIONDESK_SMTP_HOST", "")
    get_settings.cache_clear()
    try:
        runner = CliRunner()
        args = ["fieldwork", "remind", "--today", TODAY.isoformat(), "--json"]
        first = runner.invoke(cli, args)
        assert first.exit_code == 0, first.output
        assert json.loads(first.stdout) == {"queued": 1, "sent": 0, "failed": 0, "waiting": 1}
        second = runner.invoke(cli, args)
        assert json.loads(second.stdout)["queued"] == 0
        bad = runner.invoke(cli, ["fieldwork", "remind", "--today", "tomorrow"])
        assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output
    finally:
        get_settings.cache_clear()


def test_huey_task_runs_the_reminders(desk: DeskFixture, duty_id: int) -> None:
    from huey import MemoryHuey  # type: ignore[import-untyped]

    from opiniondesk.fieldwork.tasks import register_reminder_task

    huey = MemoryHuey("test", immediate=True)
    task = register_reminder_task(huey, lambda: desk.sessions, SETTINGS, clock=lambda: NOW)
    task()  # immediate mode: runs now (periodic tasks keep no result)
    task()
    with desk.sessions() as session:
        assert len(list(session.scalars(select(DutyReminder.id)))) == 1
    assert task.call_local()["queued"] == 0
