"""consultations: statements, pseudonymous participants, latest votes, analysis runs

Revision ID: 0014
Revises: 0001
Create Date: 2026-11-26 12:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import opiniondesk.storage.base

revision: str = "0014"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
UTC_DATETIME = opiniondesk.storage.base.UTCDateTime(timezone=True)


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{target}.id"],
        name=op.f(f"fk_{table}_{column}_{target}"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "consultation",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("unit_code", sa.String(length=16), nullable=False),
        sa.Column("created_by", BIG_ID, nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("opened_at", UTC_DATETIME, nullable=True),
        sa.Column("closed_at", UTC_DATETIME, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultation")),
    )
    op.create_index(op.f("ix_consultation_unit_code"), "consultation", ["unit_code"], unique=False)
    op.create_table(
        "consultation_statement",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("consultation_id", BIG_ID, nullable=False),
        sa.Column("external_id", sa.String(length=64), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("submitted_by_participant", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        _fk("consultation_statement", "consultation_id", "consultation"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultation_statement")),
        sa.UniqueConstraint("consultation_id", "external_id", name="uq_consultation_statement_ext"),
    )
    op.create_index(
        op.f("ix_consultation_statement_consultation_id"),
        "consultation_statement",
        ["consultation_id"],
        unique=False,
    )
    op.create_table(
        "consultation_participant",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("consultation_id", BIG_ID, nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        _fk("consultation_participant", "consultation_id", "consultation"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultation_participant")),
        sa.UniqueConstraint("consultation_id", "key_hash", name="uq_consultation_participant_key"),
    )
    op.create_index(
        op.f("ix_consultation_participant_consultation_id"),
        "consultation_participant",
        ["consultation_id"],
        unique=False,
    )
    op.create_table(
        "consultation_vote",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("consultation_id", BIG_ID, nullable=False),
        sa.Column("participant_id", BIG_ID, nullable=False),
        sa.Column("statement_id", BIG_ID, nullable=False),
        sa.Column("vote", sa.SmallInteger(), nullable=False),
        sa.Column("voted_at", UTC_DATETIME, nullable=False),
        _fk("consultation_vote", "consultation_id", "consultation"),
        _fk("consultation_vote", "participant_id", "consultation_participant"),
        _fk("consultation_vote", "statement_id", "consultation_statement"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultation_vote")),
        sa.UniqueConstraint("participant_id", "statement_id", name="uq_consultation_vote_cell"),
    )
    op.create_index(
        op.f("ix_consultation_vote_consultation_id"),
        "consultation_vote",
        ["consultation_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_consultation_vote_statement_id"),
        "consultation_vote",
        ["statement_id"],
        unique=False,
    )
    op.create_table(
        "consultation_run",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("consultation_id", BIG_ID, nullable=False),
        sa.Column("computed_at", UTC_DATETIME, nullable=False),
        sa.Column("vote_count", sa.Integer(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        _fk("consultation_run", "consultation_id", "consultation"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultation_run")),
    )
    op.create_index(
        op.f("ix_consultation_run_consultation_id"),
        "consultation_run",
        ["consultation_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_consultation_run_consultation_id"), table_name="consultation_run")
    op.drop_table("consultation_run")
    op.drop_index(op.f("ix_consultation_vote_statement_id"), table_name="consultation_vote")
    op.drop_index(op.f("ix_consultation_vote_consultation_id"), table_name="consultation_vote")
    op.drop_table("consultation_vote")
    op.drop_index(
        op.f("ix_consultation_participant_consultation_id"),
        table_name="consultation_participant",
    )
    op.drop_table("consultation_participant")
    op.drop_index(
        op.f("ix_consultation_statement_consultation_id"), table_name="consultation_statement"
    )
    op.drop_table("consultation_statement")
    op.drop_index(op.f("ix_consultation_unit_code"), table_name="consultation")
    op.drop_table("consultation")
