"""survey links: public links per survey, their rate-limit log, how each response arrived

Revision ID: 0013
Revises: 0001
Create Date: 2026-11-26 18:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import opiniondesk.storage.base

revision: str = "0013"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = "0011"  # survey, survey_response

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
UTC_DATETIME = opiniondesk.storage.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    # existing rows came from exports or from collaborators' interviews: "imported" is the
    # honest default for both, as nothing recorded the difference before
    op.add_column(
        "survey_response",
        sa.Column("mode", sa.String(length=16), server_default="imported", nullable=False),
    )
    op.create_table(
        "survey_link",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("survey_id", BIG_ID, nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("opened_at", UTC_DATETIME, nullable=False),
        sa.Column("closed_at", UTC_DATETIME, nullable=True),
        sa.ForeignKeyConstraint(
            ["survey_id"],
            ["survey.id"],
            name=op.f("fk_survey_link_survey_id_survey"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_link")),
        sa.UniqueConstraint("token", name=op.f("uq_survey_link_token")),
    )
    op.create_index(op.f("ix_survey_link_survey_id"), "survey_link", ["survey_id"], unique=False)
    op.create_table(
        "survey_link_submission",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("link_id", BIG_ID, nullable=False),
        sa.Column("client_key", sa.String(length=64), nullable=False),
        sa.Column("at", UTC_DATETIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["link_id"],
            ["survey_link.id"],
            name=op.f("fk_survey_link_submission_link_id_survey_link"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_link_submission")),
    )
    op.create_index(
        "ix_survey_link_submission_lookup",
        "survey_link_submission",
        ["link_id", "client_key", "at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_survey_link_submission_lookup", table_name="survey_link_submission")
    op.drop_table("survey_link_submission")
    op.drop_index(op.f("ix_survey_link_survey_id"), table_name="survey_link")
    op.drop_table("survey_link")
    with op.batch_alter_table("survey_response") as batch:
        batch.drop_column("mode")
