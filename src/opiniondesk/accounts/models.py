"""Tables of accounts and security: users, their role memberships at units, web sessions,
API tokens, login attempts (for throttling) and the append-only audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.schema import DDL

from opiniondesk.accounts.roles import Role
from opiniondesk.storage.base import Base, UTCDateTime, utcnow
from opiniondesk.storage.models import BigId


class User(Base):
    """A person who signs in to the desk. Never deleted: disabled, so the audit log keeps
    pointing at them."""

    __tablename__ = "account_user"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    password_changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="user", lazy="raise", cascade="all, delete-orphan"
    )


class Membership(Base):
    """One role held at one unit: "VN" (the country), a province code or a commune code."""

    __tablename__ = "account_membership"
    __table_args__ = (UniqueConstraint("user_id", "role", "unit_code"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("account_user.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[Role] = mapped_column(String(24))
    unit_code: Mapped[str] = mapped_column(String(16))
    province_code: Mapped[str] = mapped_column(String(16))  # '' for the country
    # the agency an `agency` responder answers for; the cases area owns the agency table
    agency_id: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    user: Mapped[User] = relationship(back_populates="memberships", lazy="raise")


class LoginSession(Base):
    """A signed-in browser. The cookie holds a random token; only its keyed hash is stored,
    so a copy of the database cannot be used to sign in."""

    __tablename__ = "account_session"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("account_user.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ApiToken(Base):
    """A bearer token for /api/v1; shown once at creation, only its SHA-256 is kept."""

    __tablename__ = "account_api_token"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("account_user.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    prefix: Mapped[str] = mapped_column(String(16))  # first characters, to tell tokens apart
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class LoginAttempt(Base):
    """One try at signing in, kept a day for throttling. The username is stored only as a
    keyed hash: people sometimes type their password into the username field."""

    __tablename__ = "account_login_attempt"
    __table_args__ = (
        Index("ix_account_login_attempt_user_ip_at", "username_key", "ip", "at"),
        Index("ix_account_login_attempt_ip_at", "ip", "at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    username_key: Mapped[str] = mapped_column(String(64))
    ip: Mapped[str] = mapped_column(String(64))
    succeeded: Mapped[bool] = mapped_column(Boolean)


class AuditEvent(Base):
    """Who did what, when, from where. Append-only: no code path updates or deletes a row, and
    database triggers refuse it on SQLite and PostgreSQL alike. `details` holds changed fields,
    never personal data (see `audit.clean_details`)."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_action_at", "action", "at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    # None: the command line or the system itself
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("account_user.id", ondelete="RESTRICT"), index=True
    )
    action: Mapped[str] = mapped_column(String(64))
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[str] = mapped_column(String(64))
    ip: Mapped[str | None] = mapped_column(String(64))
    user_agent: Mapped[str | None] = mapped_column(String(300))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


# The same statements are in the migration (0006); these make `create_all` databases (the web
# tests build theirs that way) append-only too.
AUDIT_TRIGGERS_SQLITE = (
    "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
    "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only: UPDATE refused'); END",
    "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
    "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only: DELETE refused'); END",
)
AUDIT_TRIGGERS_POSTGRESQL = (
    "CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger "
    "LANGUAGE plpgsql AS $$ BEGIN "
    # USING MESSAGE, not a '%' format: DDL strings go through Python %-formatting
    "RAISE EXCEPTION USING MESSAGE = 'audit_event is append-only: ' || TG_OP || ' refused'; "
    "END $$",
    "CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event "
    "FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()",
)


def _when_created(statement: str, dialect: str) -> None:
    ddl = DDL(statement)  # type: ignore[no-untyped-call]
    event.listen(AuditEvent.__table__, "after_create", ddl.execute_if(dialect=dialect))


for _statement in AUDIT_TRIGGERS_SQLITE:
    _when_created(_statement, "sqlite")
for _statement in AUDIT_TRIGGERS_POSTGRESQL:
    _when_created(_statement, "postgresql")
