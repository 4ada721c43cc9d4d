"""fieldwork collaborators: profiles, one-time invitations, duty reminder outbox, report photos

Revision ID: 0012
Revises: 0001
Create Date: 2026-11-26 13:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import opiniondesk.storage.base

revision: str = "0012"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
# account_user (0006) and report_duty / field_report (0011) are referenced by foreign keys
depends_on: str | Sequence[str] | None = ("0006", "0011")

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
UTC_DATETIME = opiniondesk.storage.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "field_collaborator",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("user_id", BIG_ID, nullable=False),
        sa.Column("display_name", sa.String(length=120), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("invited_by", BIG_ID, nullable=True),
        sa.Column("joined_at", UTC_DATETIME, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["account_user.id"],
            name=op.f("fk_field_collaborator_user_id_account_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_field_collaborator")),
        sa.UniqueConstraint("user_id", name=op.f("uq_field_collaborator_user_id")),
    )
    op.create_table(
        "field_invitation",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("units", sa.JSON(), nullable=False),
        sa.Column("invited_by", BIG_ID, nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("expires_at", UTC_DATETIME, nullable=False),
        sa.Column("accepted_at", UTC_DATETIME, nullable=True),
        sa.Column("accepted_user_id", BIG_ID, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_field_invitation")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_field_invitation_token_hash")),
    )
    op.create_table(
        "field_duty_reminder",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("duty_id", BIG_ID, nullable=False),
        sa.Column("user_id", BIG_ID, nullable=False),
        sa.Column("kind", sa.String(length=4), nullable=False),
        sa.Column("recipient", sa.String(length=320), nullable=False),
        sa.Column("subject", sa.String(length=400), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("sent_at", UTC_DATETIME, nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["duty_id"],
            ["report_duty.id"],
            name=op.f("fk_field_duty_reminder_duty_id_report_duty"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["account_user.id"],
            name=op.f("fk_field_duty_reminder_user_id_account_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_field_duty_reminder")),
        sa.UniqueConstraint("duty_id", "user_id", "kind", name="uq_field_duty_reminder"),
    )
    op.create_index(
        op.f("ix_field_duty_reminder_sent_at"), "field_duty_reminder", ["sent_at"], unique=False
    )
    op.create_table(
        "field_report_attachment",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("report_id", BIG_ID, nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("media_type", sa.String(length=40), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["field_report.id"],
            name=op.f("fk_field_report_attachment_report_id_field_report"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_field_report_attachment")),
        sa.UniqueConstraint("report_id", name=op.f("uq_field_report_attachment_report_id")),
    )
    op.create_index(
        op.f("ix_field_report_attachment_sha256"),
        "field_report_attachment",
        ["sha256"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_field_report_attachment_sha256"), table_name="field_report_attachment")
    op.drop_table("field_report_attachment")
    op.drop_index(op.f("ix_field_duty_reminder_sent_at"), table_name="field_duty_reminder")
    op.drop_table("field_duty_reminder")
    op.drop_table("field_invitation")
    op.drop_table("field_collaborator")
