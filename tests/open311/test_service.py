"""The Open311 service on SQLite and PostgreSQL: a submission through the pipeline, reading it
back, and contact details deleted on the retention schedule."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from opiniondesk.cli.main import app as cli
from opiniondesk.config import get_settings
from opiniondesk.open311 import service
from opiniondesk.open311.models import RequesterContact, ServiceRequest
from opiniondesk.open311.settings import Open311Settings
from opiniondesk.pipeline.build import taxonomy_for
from opiniondesk.storage.base import utcnow
from opiniondesk.storage.models import Document
from tests.conftest import DeskFixture

SUBMISSION = service.Submission(
    service_code="traffic",
    description="Đường Lê Lợi ổ gà nguy hiểm, liên hệ 0987654321",
    address_string="Đường Lê Lợi, phường Bến Thành",
    phone="0987654321",
)


def _submit(desk: DeskFixture) -> ServiceRequest:
    settings = Open311Settings(contact_retention_days=30)
    return service.submit(
        SUBMISSION,
        settings=desk.settings,
        open311=settings,
        sessions=desk.sessions,
        actor=None,
        now=utcnow(),
    )


def test_submit_and_find(desk: DeskFixture) -> None:
    service.check_submission(SUBMISSION, taxonomy_for(desk.settings))
    row = _submit(desk)
    with desk.sessions() as session:
        document = session.get(Document, row.document_id)
        assert document is not None and "0987654321" not in document.text
        (found,) = service.find_requests(
            session,
            service.RequestQuery(),
            taxonomy=taxonomy_for(desk.settings),
            now=utcnow(),
            min_group_size=5,
        )
    assert found.service_request_id == str(row.id) and found.status == "open"
    assert "0987654321" not in found.model_dump_json()


def test_an_old_window_finds_nothing(desk: DeskFixture) -> None:
    _submit(desk)
    long_ago = utcnow() - timedelta(days=400)
    with desk.sessions() as session:
        found = service.find_requests(
            session,
            service.RequestQuery(start=long_ago),
            taxonomy=taxonomy_for(desk.settings),
            now=utcnow(),
            min_group_size=5,
        )
    assert found == []


def test_contacts_are_purged_after_retention(desk: DeskFixture) -> None:
    row = _submit(desk)
    with desk.sessions.begin() as session:
        assert service.purge_expired_contacts(session, now=utcnow()) == 0
        later = utcnow() + timedelta(days=31)
        assert service.purge_expired_contacts(session, now=later) == 1
        assert session.scalar(select(func.count()).select_from(RequesterContact)) == 0
        assert session.get(ServiceRequest, row.id) is not None  # the request itself stays


def test_purge_command(desk: DeskFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPINIONDESK_HOME", str(desk.home))
    monkeypatch.setenv("OPINIONDESK_DATABASE_URL", desk.url)
    monkeypatch.setenv("OPINIONDESK_SECRET_KEY", "test-secret")
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["open311", "purge-contacts"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    assert "Deleted 0" in result.output
