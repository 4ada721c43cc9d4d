"""Plain builders for case tests: agencies, people with their roles, documents, a clock."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.accounts.principal import Principal
from opiniondesk.accounts.repository import grants_of
from opiniondesk.accounts.roles import Role
from opiniondesk.cases import service
from opiniondesk.cases.actions import Context
from opiniondesk.cases.models import Agency
from opiniondesk.cases.settings import CasesSettings
from opiniondesk.storage.models import Channel, ChannelKind, Document
from tests.accounts.builders import BA_DINH, HANOI, HCMC, make_user

VIETNAM = timedelta(hours=7)
_CHANNELS = itertools.count(1)
WARD_EMAIL = "ubnd.badinh@hanoi.gov.vn"
DEPT_EMAIL = "sonnmt@hanoi.gov.vn"
LEADERS_EMAIL = "lanhdao@hanoi.gov.vn"


def hanoi_time(year: int, month: int, day: int, hour: int = 9) -> datetime:
    """A moment given as the wall clock in Hanoi, as an aware UTC datetime."""
    return datetime(year, month, day, hour, tzinfo=UTC) - VIETNAM


def settings(**overrides: object) -> CasesSettings:
    values: dict[str, object] = {
        "smtp_host": "",
        "base_url": "https://desk.example.vn",
        "case_reminder_working_days": 1,
        "huey_immediate": True,
    }
    values.update(overrides)
    return CasesSettings(**values)  # type: ignore[arg-type]


def principal(session: Session, user_id: int, username: str) -> Principal:
    return Principal(user_id, username, grants_of(session, user_id))


@dataclass
class Office:
    """Hà Nội's desk: a ward committee and a department, and the people who use the desk."""

    ward: Agency
    department: Agency
    analyst: Principal
    leader: Principal
    ward_responder: Principal
    department_responder: Principal
    hcmc_leader: Principal


def hanoi_office(sessions: sessionmaker[Session]) -> Office:
    with sessions.begin() as session:
        ward = service.add_agency(
            session,
            code="ubnd-p-ba-dinh",
            name="UBND phường Ba Đình",
            unit_code=BA_DINH,
            email=WARD_EMAIL,
            actor=None,
        )
        department = service.add_agency(
            session,
            code="so-nnmt-01",
            name="Sở Nông nghiệp và Môi trường Hà Nội",
            unit_code=HANOI,
            email=DEPT_EMAIL,
            actor=None,
        )
        service.add_leader_inbox(session, unit_code=HANOI, email=LEADERS_EMAIL, actor=None)
        ward_id, department_id = ward.id, department.id
    users = {
        "analyst": make_user(sessions, "chuyenvien", Role.analyst, (HANOI,)),
        "leader": make_user(sessions, "lanhdao", Role.leader, (HANOI,)),
        "ward_responder": make_user(
            sessions, "ubnd.badinh", Role.agency, (BA_DINH,), agency_id=ward_id
        ),
        "department_responder": make_user(
            sessions, "so.nnmt", Role.agency, (HANOI,), agency_id=department_id
        ),
        "hcmc_leader": make_user(sessions, "lanhdao.hcm", Role.leader, (HCMC,)),
    }
    with sessions() as session:
        people = {role: principal(session, u.id, u.username) for role, u in users.items()}
        return Office(
            ward=service.get_agency(session, ward_id),
            department=service.get_agency(session, department_id),
            **people,
        )


def documents(sessions: sessionmaker[Session], n: int, *, commune: str = BA_DINH) -> list[int]:
    with sessions.begin() as session:
        channel = Channel(kind=ChannelKind.feedback, name=f"Góp ý {commune} {next(_CHANNELS)}")
        session.add(channel)
        session.flush()
        docs = [
            Document(
                channel_id=channel.id,
                dedupe_key=f"id:{i}",
                content_hash=f"{i:064d}",
                text=f"Người dân phản ánh rác thải ven hồ lần {i}",
                published_at=hanoi_time(2025, 3, 28),
                province_code=HANOI,
                commune_code=commune,
            )
            for i in range(n)
        ]
        session.add_all(docs)
        session.flush()
        return [d.id for d in docs]


def ctx(
    actor: Principal | None, now: datetime, cases_settings: CasesSettings | None = None
) -> Context:
    return Context(actor=actor, now=now, settings=cases_settings or settings())
