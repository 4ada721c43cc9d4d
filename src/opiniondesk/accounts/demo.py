"""Accounts for the demo desk: one per role, at the country, a province and a ward, so that a
newcomer can see how scoping changes what each person sees."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from opiniondesk.accounts import repository as repo
from opiniondesk.accounts import service
from opiniondesk.accounts.roles import Role


@dataclass(frozen=True, slots=True)
class DemoAccount:
    username: str
    role: Role
    unit_code: str


DEMO_ACCOUNTS = (
    DemoAccount("admin", Role.admin, "VN"),
    DemoAccount("lanhdao", Role.leader, "VN"),
    DemoAccount("chuyenvien", Role.analyst, "VN"),
    DemoAccount("chuyenvien.hanoi", Role.analyst, "01"),
    DemoAccount("chuyenvien.badinh", Role.analyst, "00004"),
    DemoAccount("congtacvien", Role.collaborator, "01"),
    # answers for the demo showcase's Sở Y tế of Hồ Chí Minh City (linked when it is seeded)
    DemoAccount("coquan", Role.agency, "79"),
)


def ensure_demo_accounts(session: Session, *, password: str) -> list[DemoAccount]:
    """Create the demo accounts that do not exist yet, all with `password`; returns those
    created (an existing account keeps its password)."""
    created = []
    for account in DEMO_ACCOUNTS:
        if repo.user_by_username(session, account.username) is not None:
            continue
        service.create_user(
            session,
            username=account.username,
            password=password,
            grants=[service.GrantRequest(account.role, account.unit_code)],
            actor=None,
        )
        created.append(account)
    return created
