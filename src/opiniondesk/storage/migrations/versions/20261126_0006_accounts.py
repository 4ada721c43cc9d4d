"""accounts: users, role memberships at units, sessions, API tokens, login attempts, audit log

The audit table is append-only: triggers refuse UPDATE and DELETE on SQLite and PostgreSQL.

Revision ID: 0006
Revises: 0001
Create Date: 2026-11-26 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import opiniondesk.storage.base

revision: str = "0006"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
UTC = opiniondesk.storage.base.UTCDateTime

# Frozen copies of accounts.models.AUDIT_TRIGGERS_*: a migration never changes afterwards.
SQLITE_TRIGGERS = (
    "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
    "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only: UPDATE refused'); END",
    "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
    "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only: DELETE refused'); END",
)
POSTGRESQL_TRIGGERS = (
    "CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger "
    "LANGUAGE plpgsql AS $$ BEGIN "
    "RAISE EXCEPTION USING MESSAGE = 'audit_event is append-only: ' || TG_OP || ' refused'; "
    "END $$",
    "CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event "
    "FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()",
)


def upgrade() -> None:
    op.create_table(
        "account_user",
        sa.Column("id", BigId, nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("password_hash", sa.String(length=256), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTC(timezone=True), nullable=False),
        sa.Column("password_changed_at", UTC(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_user")),
        sa.UniqueConstraint("username", name=op.f("uq_account_user_username")),
    )
    op.create_table(
        "account_membership",
        sa.Column("id", BigId, nullable=False),
        sa.Column("user_id", BigId, nullable=False),
        sa.Column("role", sa.String(length=24), nullable=False),
        sa.Column("unit_code", sa.String(length=16), nullable=False),
        sa.Column("province_code", sa.String(length=16), nullable=False),
        sa.Column("agency_id", sa.BigInteger(), nullable=True),
        sa.Column("created_at", UTC(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["account_user.id"],
            name=op.f("fk_account_membership_user_id_account_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_membership")),
        sa.UniqueConstraint(
            "user_id",
            "role",
            "unit_code",
            name=op.f("uq_account_membership_user_id_role_unit_code"),
        ),
    )
    op.create_index(
        op.f("ix_account_membership_user_id"), "account_membership", ["user_id"], unique=False
    )
    op.create_table(
        "account_session",
        sa.Column("id", BigId, nullable=False),
        sa.Column("user_id", BigId, nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", UTC(timezone=True), nullable=False),
        sa.Column("expires_at", UTC(timezone=True), nullable=False),
        sa.Column("revoked_at", UTC(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["account_user.id"],
            name=op.f("fk_account_session_user_id_account_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_session")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_account_session_token_hash")),
    )
    op.create_index(
        op.f("ix_account_session_user_id"), "account_session", ["user_id"], unique=False
    )
    op.create_index(
        op.f("ix_account_session_expires_at"), "account_session", ["expires_at"], unique=False
    )
    op.create_table(
        "account_api_token",
        sa.Column("id", BigId, nullable=False),
        sa.Column("user_id", BigId, nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("prefix", sa.String(length=16), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", UTC(timezone=True), nullable=False),
        sa.Column("expires_at", UTC(timezone=True), nullable=True),
        sa.Column("last_used_at", UTC(timezone=True), nullable=True),
        sa.Column("revoked_at", UTC(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["account_user.id"],
            name=op.f("fk_account_api_token_user_id_account_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_api_token")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_account_api_token_token_hash")),
    )
    op.create_index(
        op.f("ix_account_api_token_user_id"), "account_api_token", ["user_id"], unique=False
    )
    op.create_table(
        "account_login_attempt",
        sa.Column("id", BigId, nullable=False),
        sa.Column("at", UTC(timezone=True), nullable=False),
        sa.Column("username_key", sa.String(length=64), nullable=False),
        sa.Column("ip", sa.String(length=64), nullable=False),
        sa.Column("succeeded", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_login_attempt")),
    )
    op.create_index(
        "ix_account_login_attempt_user_ip_at",
        "account_login_attempt",
        ["username_key", "ip", "at"],
        unique=False,
    )
    op.create_index(
        "ix_account_login_attempt_ip_at", "account_login_attempt", ["ip", "at"], unique=False
    )
    op.create_table(
        "audit_event",
        sa.Column("id", BigId, nullable=False),
        sa.Column("at", UTC(timezone=True), nullable=False),
        sa.Column("actor_id", BigId, nullable=True),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("object_type", sa.String(length=40), nullable=False),
        sa.Column("object_id", sa.String(length=64), nullable=False),
        sa.Column("ip", sa.String(length=64), nullable=True),
        sa.Column("user_agent", sa.String(length=300), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["account_user.id"],
            name=op.f("fk_audit_event_actor_id_account_user"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    op.create_index(op.f("ix_audit_event_at"), "audit_event", ["at"], unique=False)
    op.create_index(op.f("ix_audit_event_actor_id"), "audit_event", ["actor_id"], unique=False)
    op.create_index("ix_audit_event_action_at", "audit_event", ["action", "at"], unique=False)
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_TRIGGERS if dialect == "sqlite" else POSTGRESQL_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_event_append_only ON audit_event")
        op.execute("DROP FUNCTION IF EXISTS audit_event_refuse_change()")
    op.drop_table("audit_event")
    op.drop_table("account_login_attempt")
    op.drop_table("account_api_token")
    op.drop_table("account_session")
    op.drop_table("account_membership")
    op.drop_table("account_user")
