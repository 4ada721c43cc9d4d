"""Discovery runs: an immutable record of one clustering of uncovered documents.

A run keeps its parameters, every document it looked at (so it can be re-read and re-checked
later), its clusters with their distinctive terms and representative documents, and the
promotions analysts made from it. Nothing in a run is updated after it is written; a new
window or new parameters make a new run.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from opiniondesk.storage.base import Base, UTCDateTime, utcnow
from opiniondesk.storage.models import BigId


class DiscoveryRun(Base):
    __tablename__ = "discovery_run"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    window_start: Mapped[datetime] = mapped_column(UTCDateTime())  # inclusive
    window_end: Mapped[datetime] = mapped_column(UTCDateTime())  # exclusive
    method: Mapped[str] = mapped_column(String(24))
    parameters: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    documents: Mapped[int] = mapped_column(Integer, default=0)  # uncovered documents read
    clustered: Mapped[int] = mapped_column(Integer, default=0)  # of which in a cluster
    silhouette: Mapped[float | None] = mapped_column(Float)

    clusters: Mapped[list[DiscoveryCluster]] = relationship(
        back_populates="run", lazy="raise", cascade="all, delete-orphan"
    )


class DiscoveryCluster(Base):
    """One cluster of a run. `number` (1 = largest) is what people type: `promote RUN N`."""

    __tablename__ = "discovery_cluster"
    __table_args__ = (UniqueConstraint("run_id", "number"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("discovery_run.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(Integer)
    cohesion: Mapped[float] = mapped_column(Float)  # mean cosine of members to the centroid
    # [[folded term, display form, c-TF-IDF weight], ...], most distinctive first
    terms: Mapped[list[list[Any]]] = mapped_column(JSON, default=list)
    representative_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    # exact counts; every output suppresses small cells (see discovery/report.py)
    places: Mapped[dict[str, dict[str, int]]] = mapped_column(JSON, default=dict)
    weekly: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)  # ISO Monday -> count

    run: Mapped[DiscoveryRun] = relationship(back_populates="clusters", lazy="raise")


class DiscoveryMember(Base):
    """A document a run looked at, and its cluster (NULL: left unclustered)."""

    __tablename__ = "discovery_member"
    __table_args__ = (UniqueConstraint("run_id", "document_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("discovery_run.id", ondelete="CASCADE"))
    cluster_id: Mapped[int | None] = mapped_column(
        ForeignKey("discovery_cluster.id", ondelete="CASCADE"), index=True
    )
    # retention may delete a document; the run then forgets it too
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), index=True
    )
    similarity: Mapped[float] = mapped_column(Float, default=0.0)  # cosine to its centroid


class DiscoveryPromotion(Base):
    """An analyst turned a cluster into a topic: the rule written and the labels added."""

    __tablename__ = "discovery_promotion"
    __table_args__ = (UniqueConstraint("cluster_id", "topic_code"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    cluster_id: Mapped[int] = mapped_column(ForeignKey("discovery_cluster.id", ondelete="CASCADE"))
    topic_code: Mapped[str] = mapped_column(String(80))
    query: Mapped[str | None] = mapped_column(Text)  # None: labels only, no rule
    taxonomy_path: Mapped[str | None] = mapped_column(Text)
    labels: Mapped[int] = mapped_column(Integer, default=0)  # analyst annotations written
    rule_precision: Mapped[float | None] = mapped_column(Float)  # on the run's documents
    rule_recall: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
