"""claims and clarifications; issue-discovery runs

Revision ID: 0004
Revises: 0001
Create Date: 2026-11-26 14:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import opiniondesk.storage.base

revision: str = "0004"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_UTC = opiniondesk.storage.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "claim",
        sa.Column("id", _ID, nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("topic_code", sa.String(length=80), nullable=True),
        sa.Column("created_at", _UTC, nullable=False),
        sa.Column("scanned_through_id", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim")),
    )
    op.create_table(
        "clarification",
        sa.Column("id", _ID, nullable=False),
        sa.Column("claim_id", _ID, nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("rating", sa.String(length=24), nullable=False),
        sa.Column("agency", sa.String(length=200), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("published_at", _UTC, nullable=False),
        sa.Column("created_at", _UTC, nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
            name=op.f("fk_clarification_claim_id_claim"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clarification")),
    )
    with op.batch_alter_table("clarification", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_clarification_claim_id"), ["claim_id"], unique=False)

    op.create_table(
        "claim_match",
        sa.Column("id", _ID, nullable=False),
        sa.Column("claim_id", _ID, nullable=False),
        sa.Column("document_id", _ID, nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("stance", sa.String(length=16), nullable=False),
        sa.Column("matched_at", _UTC, nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
            name=op.f("fk_claim_match_claim_id_claim"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_claim_match_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_match")),
        sa.UniqueConstraint(
            "claim_id", "document_id", name=op.f("uq_claim_match_claim_id_document_id")
        ),
    )
    with op.batch_alter_table("claim_match", schema=None) as batch_op:
        batch_op.create_index(
            "ix_claim_match_claim_id_stance", ["claim_id", "stance"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_claim_match_document_id"), ["document_id"], unique=False
        )

    op.create_table(
        "discovery_run",
        sa.Column("id", _ID, nullable=False),
        sa.Column("created_at", _UTC, nullable=False),
        sa.Column("window_start", _UTC, nullable=False),
        sa.Column("window_end", _UTC, nullable=False),
        sa.Column("method", sa.String(length=24), nullable=False),
        sa.Column("parameters", sa.JSON(), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.Column("clustered", sa.Integer(), nullable=False),
        sa.Column("silhouette", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_discovery_run")),
    )
    op.create_table(
        "discovery_cluster",
        sa.Column("id", _ID, nullable=False),
        sa.Column("run_id", _ID, nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("cohesion", sa.Float(), nullable=False),
        sa.Column("terms", sa.JSON(), nullable=False),
        sa.Column("representative_ids", sa.JSON(), nullable=False),
        sa.Column("places", sa.JSON(), nullable=False),
        sa.Column("weekly", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["discovery_run.id"],
            name=op.f("fk_discovery_cluster_run_id_discovery_run"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_discovery_cluster")),
        sa.UniqueConstraint("run_id", "number", name=op.f("uq_discovery_cluster_run_id_number")),
    )
    op.create_table(
        "discovery_member",
        sa.Column("id", _ID, nullable=False),
        sa.Column("run_id", _ID, nullable=False),
        sa.Column("cluster_id", _ID, nullable=True),
        sa.Column("document_id", _ID, nullable=False),
        sa.Column("similarity", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["discovery_cluster.id"],
            name=op.f("fk_discovery_member_cluster_id_discovery_cluster"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_discovery_member_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["discovery_run.id"],
            name=op.f("fk_discovery_member_run_id_discovery_run"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_discovery_member")),
        sa.UniqueConstraint(
            "run_id", "document_id", name=op.f("uq_discovery_member_run_id_document_id")
        ),
    )
    with op.batch_alter_table("discovery_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_discovery_member_cluster_id"), ["cluster_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_discovery_member_document_id"), ["document_id"], unique=False
        )

    op.create_table(
        "discovery_promotion",
        sa.Column("id", _ID, nullable=False),
        sa.Column("cluster_id", _ID, nullable=False),
        sa.Column("topic_code", sa.String(length=80), nullable=False),
        sa.Column("query", sa.Text(), nullable=True),
        sa.Column("taxonomy_path", sa.Text(), nullable=True),
        sa.Column("labels", sa.Integer(), nullable=False),
        sa.Column("rule_precision", sa.Float(), nullable=True),
        sa.Column("rule_recall", sa.Float(), nullable=True),
        sa.Column("created_at", _UTC, nullable=False),
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["discovery_cluster.id"],
            name=op.f("fk_discovery_promotion_cluster_id_discovery_cluster"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_discovery_promotion")),
        sa.UniqueConstraint(
            "cluster_id", "topic_code", name=op.f("uq_discovery_promotion_cluster_id_topic_code")
        ),
    )


def downgrade() -> None:
    op.drop_table("discovery_promotion")
    with op.batch_alter_table("discovery_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_discovery_member_document_id"))
        batch_op.drop_index(batch_op.f("ix_discovery_member_cluster_id"))
    op.drop_table("discovery_member")
    op.drop_table("discovery_cluster")
    op.drop_table("discovery_run")
    with op.batch_alter_table("claim_match", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_match_document_id"))
        batch_op.drop_index("ix_claim_match_claim_id_stance")
    op.drop_table("claim_match")
    with op.batch_alter_table("clarification", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_clarification_claim_id"))
    op.drop_table("clarification")
    op.drop_table("claim")
