"""open311: citizens' service requests and, apart, their contact details

Revision ID: 0009
Revises: 0001
Create Date: 2026-11-26 11:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import opiniondesk.storage.base

revision: str = "0009"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = "0007"  # open311_request.case_id → case_file

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
UTC_DATETIME = opiniondesk.storage.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "open311_request",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("document_id", BIG_ID, nullable=False),
        sa.Column("service_code", sa.String(length=80), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("address_id", sa.String(length=120), nullable=False),
        sa.Column("zipcode", sa.String(length=20), nullable=False),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("long", sa.Float(), nullable=True),
        sa.Column("media_url", sa.Text(), nullable=False),
        sa.Column("case_id", BIG_ID, nullable=True),
        sa.Column("requested_at", UTC_DATETIME, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_open311_request_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_file.id"],
            name=op.f("fk_open311_request_case_id_case_file"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_open311_request")),
        sa.UniqueConstraint("document_id", name=op.f("uq_open311_request_document_id")),
    )
    op.create_index(op.f("ix_open311_request_case_id"), "open311_request", ["case_id"])
    op.create_index(op.f("ix_open311_request_requested_at"), "open311_request", ["requested_at"])

    op.create_table(
        "open311_contact",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("request_id", BIG_ID, nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("first_name", sa.String(length=200), nullable=False),
        sa.Column("last_name", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("retain_until", UTC_DATETIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["open311_request.id"],
            name=op.f("fk_open311_contact_request_id_open311_request"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_open311_contact")),
        sa.UniqueConstraint("request_id", name=op.f("uq_open311_contact_request_id")),
    )
    op.create_index(op.f("ix_open311_contact_retain_until"), "open311_contact", ["retain_until"])


def downgrade() -> None:
    op.drop_index(op.f("ix_open311_contact_retain_until"), table_name="open311_contact")
    op.drop_table("open311_contact")
    op.drop_index(op.f("ix_open311_request_requested_at"), table_name="open311_request")
    op.drop_index(op.f("ix_open311_request_case_id"), table_name="open311_request")
    op.drop_table("open311_request")
