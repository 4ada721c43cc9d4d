"""cases: agencies, leaders' inboxes, cases, their append-only event log, evidence, e-mail outbox

Revision ID: 0007
Revises: 0001
Create Date: 2026-11-26 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import opiniondesk.storage.base

revision: str = "0007"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
UTC_DATETIME = opiniondesk.storage.base.UTCDateTime(timezone=True)

# case_event is append-only: the database itself refuses to change or remove a fact
_SQLITE_TRIGGERS = [
    "CREATE TRIGGER case_event_no_update BEFORE UPDATE ON case_event "
    "BEGIN SELECT RAISE(ABORT, 'case_event is append-only: UPDATE refused'); END",
    "CREATE TRIGGER case_event_no_delete BEFORE DELETE ON case_event "
    "BEGIN SELECT RAISE(ABORT, 'case_event is append-only: DELETE refused'); END",
]
_POSTGRES_TRIGGERS = [
    "CREATE OR REPLACE FUNCTION case_event_refuse_change() RETURNS trigger "
    "LANGUAGE plpgsql AS $$ BEGIN "
    "RAISE EXCEPTION USING MESSAGE = 'case_event is append-only: ' || TG_OP || ' refused'; "
    "END $$",
    "CREATE TRIGGER case_event_append_only BEFORE UPDATE OR DELETE ON case_event "
    "FOR EACH ROW EXECUTE FUNCTION case_event_refuse_change()",
]


def upgrade() -> None:
    op.create_table(
        "agency",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("unit_code", sa.String(length=16), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agency")),
        sa.UniqueConstraint("code", name=op.f("uq_agency_code")),
    )
    op.create_index(op.f("ix_agency_unit_code"), "agency", ["unit_code"])

    op.create_table(
        "case_leader_inbox",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("unit_code", sa.String(length=16), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_leader_inbox")),
        sa.UniqueConstraint(
            "unit_code", "email", name=op.f("uq_case_leader_inbox_unit_code_email")
        ),
    )
    op.create_index(op.f("ix_case_leader_inbox_unit_code"), "case_leader_inbox", ["unit_code"])

    op.create_table(
        "case_file",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("unit_code", sa.String(length=16), nullable=False),
        sa.Column("province_code", sa.String(length=16), nullable=False),
        sa.Column("topic_code", sa.String(length=80), nullable=False),
        sa.Column("priority", sa.String(length=16), nullable=False),
        sa.Column("created_by", BIG_ID, nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_file")),
    )
    op.create_index(op.f("ix_case_file_unit_code"), "case_file", ["unit_code"])
    op.create_index(op.f("ix_case_file_province_code"), "case_file", ["province_code"])

    op.create_table(
        "case_event",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("case_id", BIG_ID, nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("at", UTC_DATETIME, nullable=False),
        sa.Column("actor_id", BIG_ID, nullable=True),
        sa.Column("agency_id", BIG_ID, nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("dedupe_key", sa.String(length=160), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_file.id"],
            name=op.f("fk_case_event_case_id_case_file"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agency.id"],
            name=op.f("fk_case_event_agency_id_agency"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_event")),
        sa.UniqueConstraint("case_id", "dedupe_key", name=op.f("uq_case_event_case_id_dedupe_key")),
    )
    op.create_index(op.f("ix_case_event_agency_id"), "case_event", ["agency_id"])

    op.create_table(
        "case_evidence",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("case_id", BIG_ID, nullable=False),
        sa.Column("document_id", BIG_ID, nullable=True),
        sa.Column("alert_id", BIG_ID, nullable=True),
        sa.Column("added_by", BIG_ID, nullable=True),
        sa.Column("added_at", UTC_DATETIME, nullable=False),
        sa.CheckConstraint(
            "document_id IS NOT NULL OR alert_id IS NOT NULL",
            name=op.f("ck_case_evidence_has_target"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_file.id"],
            name=op.f("fk_case_evidence_case_id_case_file"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_case_evidence_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_evidence")),
        sa.UniqueConstraint(
            "case_id", "document_id", name=op.f("uq_case_evidence_case_id_document_id")
        ),
        sa.UniqueConstraint("case_id", "alert_id", name=op.f("uq_case_evidence_case_id_alert_id")),
    )
    op.create_index(op.f("ix_case_evidence_document_id"), "case_evidence", ["document_id"])
    op.create_index(op.f("ix_case_evidence_alert_id"), "case_evidence", ["alert_id"])

    op.create_table(
        "case_notification",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("case_id", BIG_ID, nullable=False),
        sa.Column("event_id", BIG_ID, nullable=False),
        sa.Column("recipient", sa.String(length=320), nullable=False),
        sa.Column("subject", sa.String(length=400), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("sent_at", UTC_DATETIME, nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_file.id"],
            name=op.f("fk_case_notification_case_id_case_file"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["case_event.id"],
            name=op.f("fk_case_notification_event_id_case_event"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_notification")),
        sa.UniqueConstraint(
            "event_id", "recipient", name=op.f("uq_case_notification_event_id_recipient")
        ),
    )
    op.create_index("ix_case_notification_pending", "case_notification", ["sent_at", "attempts"])

    dialect = op.get_bind().dialect.name
    for statement in _POSTGRES_TRIGGERS if dialect == "postgresql" else _SQLITE_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS case_event_append_only ON case_event")
        op.execute("DROP FUNCTION IF EXISTS case_event_refuse_change()")
    op.drop_index("ix_case_notification_pending", table_name="case_notification")
    op.drop_table("case_notification")
    op.drop_index(op.f("ix_case_evidence_alert_id"), table_name="case_evidence")
    op.drop_index(op.f("ix_case_evidence_document_id"), table_name="case_evidence")
    op.drop_table("case_evidence")
    op.drop_index(op.f("ix_case_event_agency_id"), table_name="case_event")
    op.drop_table("case_event")
    op.drop_index(op.f("ix_case_file_province_code"), table_name="case_file")
    op.drop_index(op.f("ix_case_file_unit_code"), table_name="case_file")
    op.drop_table("case_file")
    op.drop_index(op.f("ix_case_leader_inbox_unit_code"), table_name="case_leader_inbox")
    op.drop_table("case_leader_inbox")
    op.drop_index(op.f("ix_agency_unit_code"), table_name="agency")
    op.drop_table("agency")
