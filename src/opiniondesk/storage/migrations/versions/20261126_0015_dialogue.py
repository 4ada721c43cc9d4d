"""dialogue: sessions, question groups, questions, supports, commitments, contacts apart

Revision ID: 0015
Revises: 0001
Create Date: 2026-11-26 13:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import opiniondesk.storage.base

revision: str = "0015"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = "0007"  # dialogue_commitment → agency, case_file

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
UTC_DATETIME = opiniondesk.storage.base.UTCDateTime(timezone=True)


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


def upgrade() -> None:
    op.create_table(
        "dialogue_session",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("starts_at", UTC_DATETIME, nullable=False),
        sa.Column("ends_at", UTC_DATETIME, nullable=False),
        sa.Column("leaders", sa.Text(), nullable=False),
        sa.Column("medium", sa.String(length=16), nullable=False),
        sa.Column("unit_codes", sa.String(length=500), nullable=False),
        sa.Column("intake_opens_at", UTC_DATETIME, nullable=False),
        sa.Column("intake_closes_at", UTC_DATETIME, nullable=False),
        sa.Column("created_by", BIG_ID, nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dialogue_session")),
    )
    op.create_index(op.f("ix_dialogue_session_starts_at"), "dialogue_session", ["starts_at"])

    op.create_table(
        "dialogue_group",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("session_id", BIG_ID, nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("reject_reason", sa.Text(), nullable=False),
        sa.Column("published", sa.Boolean(), nullable=False),
        sa.Column("merged_into_id", BIG_ID, nullable=True),
        sa.Column("position", sa.Integer(), nullable=True),
        sa.Column("on_air_at", UTC_DATETIME, nullable=True),
        sa.Column("answered_at", UTC_DATETIME, nullable=True),
        sa.Column("answer_summary", sa.Text(), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        _fk("dialogue_group", "session_id", "dialogue_session", "CASCADE"),
        _fk("dialogue_group", "merged_into_id", "dialogue_group", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dialogue_group")),
    )
    op.create_index(op.f("ix_dialogue_group_session_id"), "dialogue_group", ["session_id"])

    op.create_table(
        "dialogue_question",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("session_id", BIG_ID, nullable=False),
        sa.Column("group_id", BIG_ID, nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("person_key", sa.String(length=64), nullable=False),
        sa.Column("suggested_group_id", BIG_ID, nullable=True),
        sa.Column("suggested_score", sa.Float(), nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        _fk("dialogue_question", "session_id", "dialogue_session", "CASCADE"),
        _fk("dialogue_question", "group_id", "dialogue_group", "CASCADE"),
        _fk("dialogue_question", "suggested_group_id", "dialogue_group", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dialogue_question")),
    )
    for column in ("session_id", "group_id", "person_key"):
        op.create_index(op.f(f"ix_dialogue_question_{column}"), "dialogue_question", [column])

    op.create_table(
        "dialogue_support",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("group_id", BIG_ID, nullable=False),
        sa.Column("person_key", sa.String(length=64), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        _fk("dialogue_support", "group_id", "dialogue_group", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dialogue_support")),
        sa.UniqueConstraint(
            "group_id", "person_key", name=op.f("uq_dialogue_support_group_id_person_key")
        ),
    )
    op.create_index(op.f("ix_dialogue_support_group_id"), "dialogue_support", ["group_id"])

    op.create_table(
        "dialogue_contact",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("question_id", BIG_ID, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("consented_at", UTC_DATETIME, nullable=False),
        sa.Column("retain_until", UTC_DATETIME, nullable=False),
        _fk("dialogue_contact", "question_id", "dialogue_question", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dialogue_contact")),
        sa.UniqueConstraint("question_id", name=op.f("uq_dialogue_contact_question_id")),
    )
    op.create_index(op.f("ix_dialogue_contact_retain_until"), "dialogue_contact", ["retain_until"])

    op.create_table(
        "dialogue_intake_attempt",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("at", UTC_DATETIME, nullable=False),
        sa.Column("browser_key", sa.String(length=64), nullable=False),
        sa.Column("ip_key", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dialogue_intake_attempt")),
    )
    for column in ("at", "browser_key", "ip_key"):
        op.create_index(
            op.f(f"ix_dialogue_intake_attempt_{column}"), "dialogue_intake_attempt", [column]
        )

    op.create_table(
        "dialogue_commitment",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("session_id", BIG_ID, nullable=False),
        sa.Column("group_id", BIG_ID, nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("agency_id", BIG_ID, nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("case_id", BIG_ID, nullable=False),
        sa.Column("created_by", BIG_ID, nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        _fk("dialogue_commitment", "session_id", "dialogue_session", "CASCADE"),
        _fk("dialogue_commitment", "group_id", "dialogue_group", "SET NULL"),
        _fk("dialogue_commitment", "agency_id", "agency", "RESTRICT"),
        _fk("dialogue_commitment", "case_id", "case_file", "RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dialogue_commitment")),
        sa.UniqueConstraint("case_id", name=op.f("uq_dialogue_commitment_case_id")),
    )
    op.create_index(
        op.f("ix_dialogue_commitment_session_id"), "dialogue_commitment", ["session_id"]
    )
    op.create_index(op.f("ix_dialogue_commitment_group_id"), "dialogue_commitment", ["group_id"])


def downgrade() -> None:
    op.drop_table("dialogue_commitment")
    op.drop_table("dialogue_intake_attempt")
    op.drop_table("dialogue_contact")
    op.drop_table("dialogue_support")
    op.drop_table("dialogue_question")
    op.drop_table("dialogue_group")
    op.drop_table("dialogue_session")
