"""Account services on SQLite and PostgreSQL: users, grants, sign-in, disabling, tokens."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from opiniondesk.accounts import repository as repo
from opiniondesk.accounts import service, sessions, tokens
from opiniondesk.accounts.models import AuditEvent, User
from opiniondesk.accounts.principal import Grant
from opiniondesk.accounts.roles import Role
from opiniondesk.errors import InputError, NotFoundError
from opiniondesk.storage.base import utcnow
from tests.accounts.builders import PASSWORD, make_user

SECRET = "test-secret"


def _actions(desk) -> list[str]:
    with desk.sessions() as session:
        return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


class TestCreate:
    def test_user_with_roles_at_units(self, desk) -> None:
        user = make_user(desk.sessions, "  Lan.Nguyen ", Role.analyst, ("01", "00004", "VN"))
        assert user.username == "lan.nguyen"
        with desk.sessions() as session:
            grants = repo.grants_of(session, user.id)
        assert grants == (
            Grant(Role.analyst, "01", "01"),
            Grant(Role.analyst, "00004", "01"),
            Grant(Role.analyst, "VN", ""),
        )
        assert _actions(desk) == ["user.create"]

    @pytest.mark.parametrize(
        ("username", "units", "says"),
        [
            ("ab", ("01",), "3–64"),
            ("lan nguyen", ("01",), "a-z"),
            ("<script>", ("01",), "a-z"),
            ("lan", ("99",), "99"),
            ("lan", ("1234567",), "2025"),
            ("lan", (), "at least one role"),
        ],
    )
    def test_refusals_say_what_is_wrong(self, sqlite_desk, username, units, says) -> None:
        desk = sqlite_desk
        with pytest.raises(InputError, match=says):
            make_user(desk.sessions, username, Role.analyst, units)
        with desk.sessions() as session:
            assert session.scalars(select(User)).all() == []
        assert _actions(desk) == []

    def test_username_is_unique_whatever_the_case(self, desk) -> None:
        make_user(desk.sessions, "lan")
        with pytest.raises(service.AccountConflict) as raised:
            make_user(desk.sessions, "LAN")
        assert raised.value.status == 409

    def test_password_rules_apply(self, sqlite_desk) -> None:
        desk = sqlite_desk
        with pytest.raises(InputError, match="12"):
            make_user(desk.sessions, "lan", password="short")
        with pytest.raises(InputError, match="username"):
            make_user(desk.sessions, "lanlanlanlanlan", password="LanLanLanLanLan")

    def test_agency_responder_keeps_its_agency(self, sqlite_desk) -> None:
        desk = sqlite_desk
        user = make_user(desk.sessions, "so-gtvt", Role.agency, ("01",), agency_id=12)
        with desk.sessions() as session:
            assert repo.grants_of(session, user.id)[0].agency_id == 12


class TestGrant:
    def test_grant_and_duplicate(self, desk) -> None:
        user = make_user(desk.sessions, "lan", Role.analyst, ("01",))
        with desk.sessions.begin() as session:
            service.grant_role(
                session, user_id=user.id, grant=service.GrantRequest(Role.leader, "79"), actor=None
            )
        with pytest.raises(service.AccountConflict), desk.sessions.begin() as session:
            service.grant_role(
                session, user_id=user.id, grant=service.GrantRequest(Role.leader, "79"), actor=None
            )
        assert _actions(desk) == ["user.create", "user.grant"]


class TestSignIn:
    def _authenticate(self, desk, username: str, password: str, ip: str = "10.0.0.1"):
        with desk.sessions.begin() as session:
            return service.authenticate(
                session, username=username, password=password, ip=ip, secret_key=SECRET,
                now=utcnow(),
            )  # fmt: skip

    def test_right_and_wrong(self, desk) -> None:
        make_user(desk.sessions, "lan")
        assert self._authenticate(desk, "lan", PASSWORD).user is not None
        assert self._authenticate(desk, " LAN ", PASSWORD).user is not None
        wrong = self._authenticate(desk, "lan", "wrong password!!")
        assert wrong.user is None and wrong.retry_at is None
        assert self._authenticate(desk, "nobody", PASSWORD).user is None

    def test_session_round_trip_and_revocation(self, desk) -> None:
        user = make_user(desk.sessions, "lan", Role.leader, ("01",))
        with desk.sessions.begin() as session:
            token = sessions.start_session(
                session, user_id=user.id, secret_key=SECRET, now=utcnow()
            )
        with desk.sessions.begin() as session:
            principal = sessions.principal_for_token(
                session, token=token, secret_key=SECRET, now=utcnow()
            )
        assert principal is not None and principal.roles == {Role.leader}
        with desk.sessions.begin() as session:
            wrong_key = sessions.principal_for_token(
                session, token=token, secret_key="another-secret", now=utcnow()
            )
            assert wrong_key is None  # a new secret key signs everybody out
            assert sessions.end_session(session, token=token, secret_key=SECRET, now=utcnow())
        with desk.sessions.begin() as session:
            assert (
                sessions.principal_for_token(session, token=token, secret_key=SECRET, now=utcnow())
                is None
            )

    def test_disabling_ends_sessions_and_tokens(self, desk) -> None:
        user = make_user(desk.sessions, "lan")
        now = utcnow()
        with desk.sessions.begin() as session:
            cookie = sessions.start_session(session, user_id=user.id, secret_key=SECRET, now=now)
            _, api_token = tokens.issue_token(session, user_id=user.id, name="x", now=now, days=1)
            service.set_disabled(session, user=user, disabled=True, now=now, actor=None)
        with desk.sessions.begin() as session:
            assert (
                sessions.principal_for_token(session, token=cookie, secret_key=SECRET, now=now)
                is None
            )
            assert tokens.principal_for_bearer(session, token=api_token, now=now) is None
            service.set_disabled(session, user=user, disabled=False, now=now, actor=None)
        # enabling again does not bring old sessions or tokens back
        with desk.sessions.begin() as session:
            assert tokens.principal_for_bearer(session, token=api_token, now=now) is None
        assert self._authenticate(desk, "lan", PASSWORD).user is not None
        assert _actions(desk)[-2:] == ["user.disable", "user.enable"]

    def test_nobody_disables_themselves(self, sqlite_desk) -> None:
        desk = sqlite_desk
        user = make_user(desk.sessions, "admin", Role.admin)
        with pytest.raises(service.AccountConflict), desk.sessions.begin() as session:
            service.set_disabled(session, user=user, disabled=True, now=utcnow(), actor=user)

    def test_reset_password(self, sqlite_desk) -> None:
        desk = sqlite_desk
        user = make_user(desk.sessions, "lan")
        with desk.sessions.begin() as session:
            service.reset_password(
                session, user=user, password="a whole new passphrase", now=utcnow(), actor=None
            )
        assert self._authenticate(desk, "lan", PASSWORD).user is None
        assert self._authenticate(desk, "lan", "a whole new passphrase").user is not None


class TestTokens:
    def test_revoke_by_prefix(self, desk) -> None:
        user = make_user(desk.sessions, "lan")
        with desk.sessions.begin() as session:
            row, token = service.create_api_token(
                session, user=user, name="reporting", days=30, now=utcnow(), actor=None
            )
            service.revoke_api_token(
                session, user=user, prefix=row.prefix, now=utcnow(), actor=None
            )
        with desk.sessions.begin() as session:
            assert tokens.principal_for_bearer(session, token=token, now=utcnow()) is None
            with pytest.raises(NotFoundError):
                service.revoke_api_token(
                    session, user=user, prefix=row.prefix, now=utcnow(), actor=None
                )
        with desk.sessions() as session:
            details = session.scalars(
                select(AuditEvent.details).where(AuditEvent.action == "token.create")
            ).one()
        assert token not in str(details)
