"""fieldwork and surveys: report duties, field reports (unique client instance id), surveys

Revision ID: 0011
Revises: 0001
Create Date: 2026-11-26 12:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import opiniondesk.storage.base

revision: str = "0011"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
UTC_DATETIME = opiniondesk.storage.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "report_duty",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("unit_code", sa.String(length=16), nullable=False),
        sa.Column("province_code", sa.String(length=16), nullable=False),
        sa.Column("topic", sa.String(length=200), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by", BIG_ID, nullable=True),
        sa.Column("opened_at", UTC_DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_duty")),
    )
    op.create_index(
        op.f("ix_report_duty_province_code"), "report_duty", ["province_code"], unique=False
    )
    op.create_table(
        "field_report",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("instance_id", sa.String(length=36), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("topic", sa.String(length=200), nullable=False),
        sa.Column("unit_code", sa.String(length=16), nullable=False),
        sa.Column("province_code", sa.String(length=16), nullable=False),
        sa.Column("mood", sa.String(length=16), nullable=False),
        sa.Column("concern", sa.String(length=16), nullable=False),
        sa.Column("spread", sa.String(length=16), nullable=False),
        sa.Column("heard_at", sa.String(length=16), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("suggested_action", sa.Text(), nullable=False),
        sa.Column("submitted_by", BIG_ID, nullable=True),
        sa.Column("submitted_at", UTC_DATETIME, nullable=False),
        sa.Column("duty_id", BIG_ID, nullable=True),
        sa.ForeignKeyConstraint(
            ["duty_id"],
            ["report_duty.id"],
            name=op.f("fk_field_report_duty_id_report_duty"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_field_report")),
        sa.UniqueConstraint("instance_id", name="uq_field_report_instance_id"),
    )
    op.create_index(
        op.f("ix_field_report_province_code"), "field_report", ["province_code"], unique=False
    )
    op.create_index(
        op.f("ix_field_report_submitted_by"), "field_report", ["submitted_by"], unique=False
    )
    op.create_index(op.f("ix_field_report_duty_id"), "field_report", ["duty_id"], unique=False)
    op.create_table(
        "survey",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("form_id", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("version", sa.String(length=100), nullable=False),
        sa.Column("definition", sa.JSON(), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey")),
        sa.UniqueConstraint("form_id", name=op.f("uq_survey_form_id")),
    )
    op.create_table(
        "survey_response",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("survey_id", BIG_ID, nullable=False),
        sa.Column("instance_id", sa.String(length=200), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("submitted_at", UTC_DATETIME, nullable=True),
        sa.Column("imported_at", UTC_DATETIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["survey_id"],
            ["survey.id"],
            name=op.f("fk_survey_response_survey_id_survey"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_response")),
        sa.UniqueConstraint("survey_id", "instance_id", name="uq_survey_response_instance"),
    )
    op.create_index(
        op.f("ix_survey_response_survey_id"), "survey_response", ["survey_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_survey_response_survey_id"), table_name="survey_response")
    op.drop_table("survey_response")
    op.drop_table("survey")
    op.drop_index(op.f("ix_field_report_duty_id"), table_name="field_report")
    op.drop_index(op.f("ix_field_report_submitted_by"), table_name="field_report")
    op.drop_index(op.f("ix_field_report_province_code"), table_name="field_report")
    op.drop_table("field_report")
    op.drop_index(op.f("ix_report_duty_province_code"), table_name="report_duty")
    op.drop_table("report_duty")
