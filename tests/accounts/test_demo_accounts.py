"""The demo accounts: one per role, created once."""

from __future__ import annotations

from opiniondesk.accounts.demo import DEMO_ACCOUNTS, ensure_demo_accounts
from opiniondesk.accounts.roles import Role


def test_created_once_with_every_role(sqlite_desk) -> None:
    with sqlite_desk.sessions.begin() as session:
        created = ensure_demo_accounts(session, password="a demo passphrase")
    assert created == list(DEMO_ACCOUNTS)
    assert {account.role for account in created} == set(Role)
    with sqlite_desk.sessions.begin() as session:
        assert ensure_demo_accounts(session, password="another passphrase") == []
