"""The Huey tasks run the same idempotent jobs; in immediate mode they run in-process."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from opiniondesk.cases.models import CaseEvent
from opiniondesk.cases.tasks import build_tasks, make_huey
from opiniondesk.config import Settings
from opiniondesk.errors import ConfigError
from tests.cases.builders import hanoi_office, hanoi_time, settings
from tests.cases.test_workflow import open_and_assign


def test_periodic_case_jobs_in_immediate_mode(desk) -> None:  # type: ignore[no-untyped-def]
    office = hanoi_office(desk.sessions)
    open_and_assign(desk, office)
    tasks = build_tasks(
        desk.settings, settings(), sessions=desk.sessions, clock=lambda: hanoi_time(2025, 4, 11)
    )
    assert tasks.huey.immediate
    tasks.case_jobs()  # enqueued, and run at once in immediate mode
    with desk.sessions() as session:
        kinds = [e.kind for e in session.scalars(select(CaseEvent))]
    assert kinds.count("escalated") == 2
    again = tasks.case_jobs.call_local()  # the same function, run again: nothing new
    assert (again["reminders"], again["escalations"]) == (0, 0)
    assert again["delivery"]["waiting"] == 4  # two assignments, two escalations; no SMTP set
    assert tasks.deliver_mail().get()["waiting"] == 4


def test_the_queue_backend_follows_the_settings(tmp_path: Path) -> None:
    base = Settings(home=tmp_path, secret_key="test-secret")
    sqlite_queue = make_huey(base, settings(huey_immediate=False))
    assert type(sqlite_queue).__name__ == "SqliteHuey"
    assert (tmp_path / "jobs.sqlite").exists()
    with pytest.raises(ConfigError, match="unsupported OPINIONDESK_HUEY_URL"):
        make_huey(base, settings(huey_immediate=False, huey_url="amqp://broker"))


def test_one_worker_schedules_every_periodic_job(tmp_path: Path) -> None:
    tasks = build_tasks(Settings(home=tmp_path, secret_key="test-secret"), settings())
    periodic = {task.name for task in tasks.huey._registry.periodic_tasks}
    assert periodic == {"case_jobs", "fieldwork_reminders", "consultation_refresh"}
