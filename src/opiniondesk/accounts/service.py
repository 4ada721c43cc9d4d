"""What can be done with accounts: create users, grant roles, sign in and out, change and reset
passwords, disable, issue and revoke API tokens. Every write is audited here; nothing commits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session
from starlette.requests import HTTPConnection

from opiniondesk.accounts import audit, sessions, throttle, tokens
from opiniondesk.accounts import repository as repo
from opiniondesk.accounts.models import ApiToken, Membership, User
from opiniondesk.accounts.passwords import (
    MAX_LENGTH,
    check_password_rules,
    hash_password,
    needs_rehash,
    spend_verification_time,
    verify_password,
)
from opiniondesk.accounts.roles import Role
from opiniondesk.accounts.units import resolve_unit
from opiniondesk.errors import DeskError, InputError, NotFoundError

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")


class AccountConflict(DeskError):
    """The change contradicts what exists (a taken username, disabling oneself)."""

    status = 409


@dataclass(frozen=True, slots=True)
class GrantRequest:
    role: Role
    unit_code: str
    agency_id: int | None = None


@dataclass(frozen=True, slots=True)
class LoginResult:
    """`user` when the password was right; `retry_at` when throttled (nothing was checked)."""

    user: User | None
    retry_at: datetime | None = None
    known_user_id: int | None = None  # for the audit of a failure; never shown to the caller


def normalise_username(value: str) -> str:
    """Lower-case ASCII letters, digits, '.', '_' or '-', 3 to 64 characters."""
    name = value.strip().lower()
    if not _USERNAME.match(name):
        raise InputError(
            f"Tên đăng nhập không hợp lệ: “{value[:40]}”. Dùng 3–64 ký tự a-z, 0-9, dấu chấm, "
            "gạch dưới hoặc gạch ngang, bắt đầu bằng chữ hoặc số. / Invalid username "
            f"“{value[:40]}”: use 3–64 characters a-z, 0-9, '.', '_' or '-', starting with a "
            "letter or digit."
        )
    return name


def create_user(
    session: Session,
    *,
    username: str,
    password: str,
    grants: Sequence[GrantRequest],
    actor: audit.Actor,
    request: HTTPConnection | None = None,
) -> User:
    name = normalise_username(username)
    check_password_rules(password, username=name)
    if not grants:
        raise InputError(
            "Người dùng cần ít nhất một vai trò tại một đơn vị. / A user needs at least one "
            "role at one unit."
        )
    units = [resolve_unit(grant.unit_code) for grant in grants]  # every code checked first
    if repo.user_by_username(session, name) is not None:
        raise AccountConflict(
            f"Tên đăng nhập “{name}” đã có người dùng. / The username “{name}” is taken."
        )
    user = repo.add_user(session, User(username=name, password_hash=hash_password(password)))
    for grant, unit in zip(grants, units, strict=True):
        _add_membership(session, user.id, grant.role, unit.code, unit.province_code, grant)
    audit.record(
        session,
        actor=actor,
        action="user.create",
        object_type="user",
        object_id=user.id,
        request=request,
        details={
            "roles": [
                f"{grant.role.value}@{unit.code}" for grant, unit in zip(grants, units, strict=True)
            ]
        },
    )
    return user


def grant_role(
    session: Session,
    *,
    user_id: int,
    grant: GrantRequest,
    actor: audit.Actor,
    request: HTTPConnection | None = None,
) -> None:
    unit = resolve_unit(grant.unit_code)
    if repo.has_membership(session, user_id=user_id, role=grant.role, unit_code=unit.code):
        raise AccountConflict(
            f"Người dùng đã có vai trò {grant.role.value} tại {unit.code}. / The user already "
            f"holds {grant.role.value} at {unit.code}."
        )
    _add_membership(session, user_id, grant.role, unit.code, unit.province_code, grant)
    audit.record(
        session,
        actor=actor,
        action="user.grant",
        object_type="user",
        object_id=user_id,
        request=request,
        details={"role": grant.role.value, "unit_code": unit.code, "agency_id": grant.agency_id},
    )


def _add_membership(
    session: Session, user_id: int, role: Role, code: str, province: str, grant: GrantRequest
) -> None:
    repo.add_membership(
        session,
        Membership(
            user_id=user_id,
            role=role,
            unit_code=code,
            province_code=province,
            agency_id=grant.agency_id,
        ),
    )


def get_user(session: Session, username: str) -> User:
    user = repo.user_by_username(session, username.strip().lower())
    if user is None:
        raise NotFoundError(
            f"Không có người dùng “{username[:64]}”. Xem danh sách: opiniondesk user list. / "
            f"No user “{username[:64]}”. See: opiniondesk user list."
        )
    return user


# ---- signing in and out -------------------------------------------------------------------


def authenticate(
    session: Session, *, username: str, password: str, ip: str, secret_key: str, now: datetime
) -> LoginResult:
    """Check a username and password under the throttle. The answer never says which of the
    two was wrong, and an unknown username costs the same time as a wrong password."""
    key = throttle.username_key(secret_key, username)
    wait = throttle.retry_at(session, key=key, ip=ip, now=now)
    if wait is not None:
        return LoginResult(None, retry_at=wait)
    name = username.strip().lower()
    user = repo.user_by_username(session, name) if _USERNAME.match(name) else None
    if len(password) > MAX_LENGTH:
        verified = False
    elif user is None:
        spend_verification_time(password)
        verified = False
    else:
        verified = verify_password(user.password_hash, password)
    succeeded = verified and user is not None and not user.disabled
    throttle.note_attempt(session, key=key, ip=ip, succeeded=succeeded, now=now)
    if not succeeded or user is None:
        return LoginResult(None, known_user_id=user.id if user else None)
    if needs_rehash(user.password_hash):
        repo.set_password_hash(session, user.id, hash_password(password), user.password_changed_at)
    return LoginResult(user)


def sign_in(
    session: Session, *, user: User, secret_key: str, now: datetime, request: HTTPConnection
) -> str:
    """Start a session for an authenticated user; returns the cookie's token."""
    token = sessions.start_session(session, user_id=user.id, secret_key=secret_key, now=now)
    audit.record(
        session,
        actor=user,
        action="auth.login",
        object_type="user",
        object_id=user.id,
        request=request,
    )
    return token


def note_failed_sign_in(session: Session, *, result: LoginResult, request: HTTPConnection) -> None:
    audit.record(
        session,
        actor=None,
        action="auth.login_failed",
        object_type="user",
        object_id=result.known_user_id or "",
        request=request,
    )


def sign_out(
    session: Session, *, token: str, secret_key: str, now: datetime, request: HTTPConnection
) -> None:
    user_id = sessions.end_session(session, token=token, secret_key=secret_key, now=now)
    if user_id is not None:
        audit.record(
            session,
            actor=user_id,
            action="auth.logout",
            object_type="user",
            object_id=user_id,
            request=request,
        )


# ---- passwords and status ----------------------------------------------------------------


def change_password(
    session: Session,
    *,
    user_id: int,
    current: str,
    new: str,
    keep_session: str | None,
    secret_key: str,
    now: datetime,
    request: HTTPConnection | None = None,
) -> None:
    """A user changes their own password; their other sessions end."""
    user = repo.user_by_id(session, user_id)
    if user is None or not verify_password(user.password_hash, current[:MAX_LENGTH]):
        raise InputError(
            "Mật khẩu hiện tại không đúng. / The current password is not correct.", status=400
        )
    check_password_rules(new, username=user.username)
    repo.set_password_hash(session, user.id, hash_password(new), now)
    keep = sessions.token_hash(secret_key, keep_session) if keep_session else None
    repo.revoke_sessions_of(session, user.id, now, keep_hash=keep)
    audit.record(
        session,
        actor=user_id,
        action="user.password_change",
        object_type="user",
        object_id=user_id,
        request=request,
    )


def reset_password(
    session: Session,
    *,
    user: User,
    password: str,
    now: datetime,
    actor: audit.Actor,
    request: HTTPConnection | None = None,
) -> None:
    """An administrator sets a new password; every session of the user ends."""
    check_password_rules(password, username=user.username)
    repo.set_password_hash(session, user.id, hash_password(password), now)
    repo.revoke_sessions_of(session, user.id, now)
    audit.record(
        session,
        actor=actor,
        action="user.password_reset",
        object_type="user",
        object_id=user.id,
        request=request,
    )


def set_disabled(
    session: Session,
    *,
    user: User,
    disabled: bool,
    now: datetime,
    actor: audit.Actor,
    request: HTTPConnection | None = None,
) -> None:
    """Disable (ending every session and token) or enable a user."""
    if disabled and audit.actor_id(actor) == user.id:
        raise AccountConflict(
            "Không thể tự khoá tài khoản của mình. / You cannot disable your own account."
        )
    repo.set_disabled(session, user.id, disabled)
    if disabled:
        repo.revoke_sessions_of(session, user.id, now)
        repo.revoke_tokens_of(session, user.id, now)
    audit.record(
        session,
        actor=actor,
        action="user.disable" if disabled else "user.enable",
        object_type="user",
        object_id=user.id,
        request=request,
    )


# ---- API tokens ---------------------------------------------------------------------------


def create_api_token(
    session: Session,
    *,
    user: User,
    name: str,
    days: int | None,
    now: datetime,
    actor: audit.Actor,
) -> tuple[ApiToken, str]:
    if user.disabled:
        raise AccountConflict(
            f"Người dùng “{user.username}” đang bị khoá. / The user “{user.username}” is disabled."
        )
    row, token = tokens.issue_token(
        session, user_id=user.id, name=name.strip()[:100] or "api", now=now, days=days
    )
    audit.record(
        session,
        actor=actor,
        action="token.create",
        object_type="api_token",
        object_id=row.id,
        details={"user_id": user.id, "prefix": row.prefix, "days": days},
    )
    return row, token


def revoke_api_token(
    session: Session, *, user: User, prefix: str, now: datetime, actor: audit.Actor
) -> None:
    token_id = repo.revoke_token(session, user_id=user.id, prefix=prefix.strip(), now=now)
    if token_id is None:
        raise NotFoundError(
            f"“{user.username}” không có mã truy cập đang dùng bắt đầu bằng “{prefix[:16]}”. / "
            f"“{user.username}” has no live API token starting with “{prefix[:16]}”."
        )
    audit.record(
        session,
        actor=actor,
        action="token.revoke",
        object_type="api_token",
        object_id=token_id,
        details={"user_id": user.id, "prefix": prefix.strip()},
    )
