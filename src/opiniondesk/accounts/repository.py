"""All SQL of accounts and security. Nothing here commits: the caller owns the transaction.

The audit table has an insert and reads only: there is deliberately no update or delete.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, delete, false, func, or_, select, true, update
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from opiniondesk.accounts.models import (
    ApiToken,
    AuditEvent,
    LoginAttempt,
    LoginSession,
    Membership,
    User,
)
from opiniondesk.accounts.principal import Grant, UnitScope
from opiniondesk.accounts.roles import Role

# ---- users and memberships -------------------------------------------------------------


def user_by_username(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username))


def user_by_id(session: Session, user_id: int) -> User | None:
    return session.get(User, user_id)


def add_user(session: Session, user: User) -> User:
    session.add(user)
    session.flush()
    return user


def count_users(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(User)) or 0)


def users_with_memberships(session: Session) -> list[User]:
    """Every user with their memberships loaded, by username."""
    query = select(User).options(selectinload(User.memberships)).order_by(User.username)
    return list(session.scalars(query))


def add_membership(session: Session, membership: Membership) -> Membership:
    session.add(membership)
    session.flush()
    return membership


def has_membership(session: Session, *, user_id: int, role: Role, unit_code: str) -> bool:
    query = select(Membership.id).where(
        Membership.user_id == user_id, Membership.role == role, Membership.unit_code == unit_code
    )
    return session.scalar(query) is not None


def grants_of(session: Session, user_id: int) -> tuple[Grant, ...]:
    rows = session.execute(
        select(
            Membership.role, Membership.unit_code, Membership.province_code, Membership.agency_id
        )
        .where(Membership.user_id == user_id)
        .order_by(Membership.id)
    )
    return tuple(
        Grant(Role(role), unit_code, province_code, agency_id)
        for role, unit_code, province_code, agency_id in rows
    )


def set_disabled(session: Session, user_id: int, disabled: bool) -> None:
    session.execute(update(User).where(User.id == user_id).values(disabled=disabled))


def set_password_hash(session: Session, user_id: int, password_hash: str, at: datetime) -> None:
    session.execute(
        update(User)
        .where(User.id == user_id)
        .values(password_hash=password_hash, password_changed_at=at)
    )


def usernames_by_id(session: Session, user_ids: Sequence[int]) -> dict[int, str]:
    if not user_ids:
        return {}
    rows = session.execute(select(User.id, User.username).where(User.id.in_(set(user_ids))))
    return {user_id: username for user_id, username in rows}


# ---- web sessions ------------------------------------------------------------------------


def add_session(session: Session, login: LoginSession) -> LoginSession:
    session.add(login)
    session.flush()
    return login


def live_session_user(session: Session, token_hash: str, now: datetime) -> User | None:
    """The enabled user of an unexpired, unrevoked session with this token hash."""
    query = (
        select(User)
        .join(LoginSession, LoginSession.user_id == User.id)
        .where(
            LoginSession.token_hash == token_hash,
            LoginSession.revoked_at.is_(None),
            LoginSession.expires_at > now,
            User.disabled == false(),
        )
    )
    return session.scalar(query)


def session_id_by_hash(session: Session, token_hash: str) -> int | None:
    return session.scalar(select(LoginSession.id).where(LoginSession.token_hash == token_hash))


def revoke_session(session: Session, token_hash: str, now: datetime) -> int | None:
    """Revoke one session; returns its owner's id, or None when there was no such session."""
    user_id = session.scalar(
        select(LoginSession.user_id).where(
            LoginSession.token_hash == token_hash, LoginSession.revoked_at.is_(None)
        )
    )
    session.execute(
        update(LoginSession)
        .where(LoginSession.token_hash == token_hash, LoginSession.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return user_id


def revoke_sessions_of(
    session: Session, user_id: int, now: datetime, *, keep_hash: str | None = None
) -> None:
    conditions: list[ColumnElement[bool]] = [
        LoginSession.user_id == user_id,
        LoginSession.revoked_at.is_(None),
    ]
    if keep_hash is not None:
        conditions.append(LoginSession.token_hash != keep_hash)
    session.execute(update(LoginSession).where(*conditions).values(revoked_at=now))


def delete_dead_sessions(session: Session, before: datetime) -> None:
    """Forget sessions that expired or were revoked before `before` (housekeeping)."""
    session.execute(
        delete(LoginSession).where(
            or_(LoginSession.expires_at < before, LoginSession.revoked_at < before)
        )
    )


# ---- API tokens ----------------------------------------------------------------------------


def add_api_token(session: Session, token: ApiToken) -> ApiToken:
    session.add(token)
    session.flush()
    return token


def live_token(session: Session, token_hash: str, now: datetime) -> tuple[ApiToken, User] | None:
    query = (
        select(ApiToken, User)
        .join(User, User.id == ApiToken.user_id)
        .where(
            ApiToken.token_hash == token_hash,
            ApiToken.revoked_at.is_(None),
            or_(ApiToken.expires_at.is_(None), ApiToken.expires_at > now),
            User.disabled == false(),
        )
    )
    row = session.execute(query).first()
    return None if row is None else (row[0], row[1])


def touch_token(session: Session, token_id: int, now: datetime) -> None:
    session.execute(update(ApiToken).where(ApiToken.id == token_id).values(last_used_at=now))


def tokens_of(session: Session, user_id: int) -> list[ApiToken]:
    query = select(ApiToken).where(ApiToken.user_id == user_id).order_by(ApiToken.id)
    return list(session.scalars(query))


def revoke_token(session: Session, *, user_id: int, prefix: str, now: datetime) -> int | None:
    """Revoke the live token of `user_id` starting with `prefix`; returns its id or None."""
    token_id = session.scalar(
        select(ApiToken.id).where(
            ApiToken.user_id == user_id,
            ApiToken.prefix == prefix,
            ApiToken.revoked_at.is_(None),
        )
    )
    if token_id is not None:
        session.execute(update(ApiToken).where(ApiToken.id == token_id).values(revoked_at=now))
    return token_id


def revoke_tokens_of(session: Session, user_id: int, now: datetime) -> None:
    session.execute(
        update(ApiToken)
        .where(ApiToken.user_id == user_id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )


# ---- login attempts -----------------------------------------------------------------------


def add_login_attempt(session: Session, attempt: LoginAttempt) -> None:
    session.add(attempt)
    session.flush()


def failures_since(
    session: Session, *, since: datetime, ip: str, username_key: str | None = None
) -> list[datetime]:
    """Times of failed attempts from `ip` after `since`, oldest first. For one username, only
    those after that pair's last success count (a success ends a run of typing mistakes)."""
    conditions: list[ColumnElement[bool]] = [LoginAttempt.ip == ip]
    start = since
    if username_key is not None:
        conditions.append(LoginAttempt.username_key == username_key)
        last_success = session.scalar(
            select(func.max(LoginAttempt.at)).where(*conditions, LoginAttempt.succeeded == true())
        )
        if last_success is not None:
            start = max(since, last_success)
    query = (
        select(LoginAttempt.at)
        .where(*conditions, LoginAttempt.succeeded == false(), LoginAttempt.at > start)
        .order_by(LoginAttempt.at)
    )
    return list(session.scalars(query))


def delete_login_attempts_before(session: Session, before: datetime) -> None:
    session.execute(delete(LoginAttempt).where(LoginAttempt.at < before))


# ---- audit log ----------------------------------------------------------------------------


def add_audit_event(session: Session, event: AuditEvent) -> AuditEvent:
    session.add(event)
    session.flush()
    return event


@dataclass(frozen=True, slots=True)
class AuditQuery:
    """Filters of the audit log view; None means "any"."""

    action: str | None = None
    object_type: str | None = None
    actor_id: int | None = None
    since: datetime | None = None
    until: datetime | None = None


def _audit_conditions(query: AuditQuery) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if query.action:
        conditions.append(AuditEvent.action == query.action)
    if query.object_type:
        conditions.append(AuditEvent.object_type == query.object_type)
    if query.actor_id is not None:
        conditions.append(AuditEvent.actor_id == query.actor_id)
    if query.since is not None:
        conditions.append(AuditEvent.at >= query.since)
    if query.until is not None:
        conditions.append(AuditEvent.at < query.until)
    return conditions


def audit_events(
    session: Session, query: AuditQuery, *, limit: int, offset: int
) -> list[AuditEvent]:
    """One page of events, newest first."""
    statement = (
        select(AuditEvent)
        .where(*_audit_conditions(query))
        .order_by(AuditEvent.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return list(session.scalars(statement))


def count_audit_events(session: Session, query: AuditQuery) -> int:
    statement = select(func.count()).select_from(AuditEvent).where(*_audit_conditions(query))
    return int(session.scalar(statement) or 0)


def audit_actions(session: Session) -> list[str]:
    """The distinct actions in the log, for the filter's choices."""
    return list(session.scalars(select(AuditEvent.action).distinct().order_by(AuditEvent.action)))


# ---- unit scoping for other areas' queries ---------------------------------------------


def unit_condition(
    scope: UnitScope,
    *,
    province: InstrumentedAttribute[str] | ColumnElement[Any],
    commune: InstrumentedAttribute[str] | ColumnElement[Any],
) -> ColumnElement[bool]:
    """SQL for "this row is inside `scope`", given the row's province and commune columns.

    Empty scope: no row (`false()`), so a forgotten grant shows nothing rather than everything.
    """
    if scope.everything:
        return true()
    parts: list[ColumnElement[bool]] = []
    if scope.provinces:
        parts.append(province.in_(sorted(scope.provinces)))
    if scope.communes:
        parts.append(commune.in_(sorted(scope.communes)))
    return or_(*parts) if parts else false()
