"""model versions: trained classifiers, their artefacts and the one active version per task

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 04:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import opiniondesk.storage.base

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "model_version",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("task", sa.String(length=24), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at", opiniondesk.storage.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("labels", sa.JSON(), nullable=False),
        sa.Column("n_train", sa.Integer(), nullable=False),
        sa.Column("training_source", sa.Text(), nullable=False),
        sa.Column("training_hash", sa.String(length=64), nullable=False),
        sa.Column("metrics", sa.JSON(), nullable=False),
        sa.Column("libraries", sa.JSON(), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("artefact_path", sa.String(length=300), nullable=False),
        sa.Column("artefact_sha256", sa.String(length=64), nullable=False),
        sa.Column("artefact_bytes", sa.Integer(), nullable=False),
        sa.Column("training_rows", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_model_version")),
        sa.UniqueConstraint("task", "version", name=op.f("uq_model_version_task_version")),
    )
    # at most one active version per task, enforced by the database on both backends
    op.create_index(
        "uq_model_version_one_active",
        "model_version",
        ["task"],
        unique=True,
        sqlite_where=sa.text("active"),
        postgresql_where=sa.text("active"),
    )


def downgrade() -> None:
    op.drop_index("uq_model_version_one_active", table_name="model_version")
    op.drop_table("model_version")
