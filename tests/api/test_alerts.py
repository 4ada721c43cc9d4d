"""/api/v1/alerts: the caller's units only; PATCH changes the status and writes the audit."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.accounts.models import AuditEvent
from opiniondesk.alerts.models import Alert
from tests.api.conftest import bearer, token_for
from tests.cases.builders import Office


def _alert(
    sessions: sessionmaker[Session], province: str, observed: int = 12, topic: str = "land"
) -> int:
    with sessions.begin() as session:
        alert = Alert(
            topic_code=topic, province_code=province, commune_code="",
            window_start=date(2025, 6, 24), window_end=date(2025, 6, 30),
            detected_on=date(2025, 6, 30), observed=observed, expected=3.0,
            probability=0.001, score=3.0, method="test", parameters={}, evidence=[],
        )  # fmt: skip
        session.add(alert)
        session.flush()
        return alert.id


def test_listed_within_units_and_above_the_threshold(
    api: TestClient, sessions: sessionmaker[Session], office: Office
) -> None:
    hanoi, _hcmc, _small = (
        _alert(sessions, "01"),
        _alert(sessions, "79"),
        _alert(sessions, "01", 2, "traffic"),
    )
    token = bearer(token_for(sessions, office.analyst.username))
    body = api.get("/api/v1/alerts", headers=token).json()
    assert [a["id"] for a in body["items"]] == [hanoi] and body["page"]["total"] == 1


def test_patch_status(api: TestClient, sessions: sessionmaker[Session], office: Office) -> None:
    hanoi, hcmc = _alert(sessions, "01"), _alert(sessions, "79")
    token = bearer(token_for(sessions, office.analyst.username))
    done = api.patch(f"/api/v1/alerts/{hanoi}", json={"status": "acknowledged"}, headers=token)
    assert done.status_code == 200 and done.json()["status"] == "acknowledged"
    assert api.patch(f"/api/v1/alerts/{hcmc}", json={"status": "closed"},
                     headers=token).status_code == 404  # fmt: skip
    bad = api.patch(f"/api/v1/alerts/{hanoi}", json={"status": "gone"}, headers=token)
    assert bad.status_code == 422
    with sessions() as session:
        actions = session.scalars(select(AuditEvent.action)).all()
    assert "alert.status" in actions
