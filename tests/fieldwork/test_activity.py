"""Coverage of the collaborator network and timeliness, computed from real rows: which
communes lack an active collaborator, the share of duty answers on time (small cells
suppressed), and per-collaborator counts for supervisors."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from opiniondesk.accounts.access import Action, scope_for
from opiniondesk.accounts.models import User
from opiniondesk.accounts.principal import Grant, Principal, UnitScope
from opiniondesk.accounts.roles import Role
from opiniondesk.fieldwork import activity, collaborators, duties, service
from opiniondesk.fieldwork.models import FieldReport
from opiniondesk.fieldwork.schemas import FieldReportCreate
from opiniondesk.geo.gazetteer import get_gazetteer
from tests.accounts.builders import BA_DINH, HANOI, HCMC, make_user
from tests.conftest import DeskFixture
from tests.fieldwork.builders import report

NGOC_HA, HONG_HA = "00008", "00097"
NOW = datetime(2026, 11, 26, 3, 0, tzinfo=UTC)
HANOI_SCOPE = UnitScope(provinces=frozenset({HANOI}))
LEADER = Principal(99, "leader", (Grant(Role.leader, HANOI, HANOI),))


def _submit(session: Session, user_id: int, at: datetime, **changes: object) -> FieldReport:
    body = FieldReportCreate(**report(instance_id=str(uuid.uuid4()), **changes))
    stored = service.submit(session, report=body, secret_key="k", submitted_by=user_id).report
    stored.submitted_at = at
    session.flush()
    return stored


def _age(desk: DeskFixture, user_id: int, days: int) -> None:
    with desk.sessions.begin() as session:
        session.execute(
            update(User).where(User.id == user_id).values(created_at=NOW - timedelta(days=days))
        )


@pytest.fixture
def people(desk: DeskFixture, cheap_passwords: None) -> dict[str, int]:
    made = {
        "fresh": make_user(desk.sessions, "fresh", Role.collaborator, (BA_DINH,)).id,
        "quiet": make_user(desk.sessions, "quiet", Role.collaborator, (NGOC_HA,)).id,
        "province": make_user(desk.sessions, "province", Role.collaborator, (HANOI,)).id,
        "hcm": make_user(desk.sessions, "hcm", Role.collaborator, (HCMC,)).id,
    }
    _age(desk, made["fresh"], 1)
    _age(desk, made["quiet"], 200)
    return made


class TestCoverage:
    def test_communes_without_active_collaborator(
        self, desk: DeskFixture, people: dict[str, int]
    ) -> None:
        with desk.sessions.begin() as session:
            collaborators.invite(
                session, email="a@b.vn", units=[HONG_HA], expires_days=7, now=NOW,
                supervisor=None,
            )  # fmt: skip
            result = activity.coverage(session, HANOI_SCOPE, now=NOW)
        uncovered = {c.code: c for c in result.uncovered}
        assert result.communes == len(get_gazetteer().communes(HANOI))
        # Ba Đình: joined yesterday; Ngọc Hà: quiet for 200 days; the province-wide grant
        # covers no single commune
        assert result.covered == 1
        assert BA_DINH not in uncovered and NGOC_HA in uncovered
        assert uncovered[HONG_HA].invited and not uncovered[NGOC_HA].invited

    def test_a_recent_report_makes_an_old_account_active(
        self, desk: DeskFixture, people: dict[str, int]
    ) -> None:
        with desk.sessions.begin() as session:
            _submit(session, people["quiet"], NOW - timedelta(days=10), unit_code=NGOC_HA)
            result = activity.coverage(session, HANOI_SCOPE, now=NOW)
        assert result.covered == 2
        assert NGOC_HA not in {c.code for c in result.uncovered}

    def test_a_disabled_account_is_not_active(
        self, desk: DeskFixture, people: dict[str, int]
    ) -> None:
        with desk.sessions.begin() as session:
            session.execute(update(User).where(User.id == people["fresh"]).values(disabled=True))
            result = activity.coverage(session, HANOI_SCOPE, now=NOW)
        assert result.covered == 0

    def test_commune_scope_sees_only_its_commune(
        self, desk: DeskFixture, people: dict[str, int]
    ) -> None:
        scope = scope_for(
            Principal(1, "x", (Grant(Role.analyst, NGOC_HA, HANOI),)), Action.field_reports_view
        )
        with desk.sessions() as session:
            result = activity.coverage(session, scope, now=NOW)
        assert (result.communes, result.covered) == (1, 0)


class TestTimeliness:
    def test_share_on_time_with_small_cells_suppressed(
        self, desk: DeskFixture, people: dict[str, int]
    ) -> None:
        due = date(2026, 11, 20)
        with desk.sessions.begin() as session:
            duty = duties.open_duty(
                session, unit_code=BA_DINH, topic="Ngập", due_on=due, today=date(2026, 11, 1)
            )
            # 23:30 on the due day in Vietnam is 16:30 UTC: still on time
            on_time = datetime(2026, 11, 20, 16, 30, tzinfo=UTC)
            late = datetime(2026, 11, 20, 17, 30, tzinfo=UTC)  # 00:30 the next day in Vietnam
            for at in (on_time, on_time, on_time, late):
                _submit(session, people["fresh"], at, duty_id=duty.id)
            rows = activity.timeliness(session, HANOI_SCOPE, min_group_size=2)
            hidden = activity.timeliness(session, HANOI_SCOPE, min_group_size=5)
            mine = activity.per_collaborator(session, LEADER, now=NOW)
        assert [(r.unit_code, r.answers, r.on_time) for r in rows] == [
            (BA_DINH, 4, 3),
            ("", 4, 3),
        ]
        assert rows[0].share == pytest.approx(0.75)
        assert all(r.answers is None and r.share is None for r in hidden)
        by_name = {r.display_name: r for r in mine}
        assert "hcm" not in by_name  # outside the leader's units
        fresh = by_name["fresh"]
        assert (fresh.duty_answers, fresh.on_time, fresh.reports_recent) == (4, 3, 4)
        assert fresh.active
        quiet = by_name["quiet"]
        assert (quiet.reports_recent, quiet.active, quiet.last_report_on) == (0, False, None)
