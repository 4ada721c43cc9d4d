"""The `model_version` table: one row per trained model, its artefact and how it was made."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from opiniondesk.storage.base import Base, UTCDateTime, utcnow
from opiniondesk.storage.models import BigId


class ModelVersion(Base):
    """A trained classifier for one task (topic, sentiment or an office's own label set).

    The artefact lives at `OPINIONDESK_HOME/<artefact_path>`; it is only ever loaded after its
    bytes hash to `artefact_sha256`. At most one version per task is active: a partial unique
    index enforces it on SQLite and PostgreSQL alike.
    """

    __tablename__ = "model_version"
    __table_args__ = (UniqueConstraint("task", "version"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    task: Mapped[str] = mapped_column(String(24))
    version: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    labels: Mapped[list[str]] = mapped_column(JSON)
    n_train: Mapped[int] = mapped_column(Integer)
    training_source: Mapped[str] = mapped_column(Text)  # "csv:<file name>", "db:analyst", ...
    training_hash: Mapped[str] = mapped_column(String(64))  # of the (row, label) pairs
    metrics: Mapped[dict[str, Any]] = mapped_column(JSON)
    libraries: Mapped[dict[str, str]] = mapped_column(JSON)
    params: Mapped[dict[str, Any]] = mapped_column(JSON)
    artefact_path: Mapped[str] = mapped_column(String(300))  # relative to OPINIONDESK_HOME
    artefact_sha256: Mapped[str] = mapped_column(String(64))
    artefact_bytes: Mapped[int] = mapped_column(Integer)
    # Sorted 8-byte digests of the training rows' redacted, folded text: `evaluate` refuses
    # rows the model has seen. Deferred: listing versions never loads it.
    training_rows: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)


# "Exactly one active per task" is a database fact, not a convention the code must remember.
Index(
    "uq_model_version_one_active",
    ModelVersion.task,
    unique=True,
    sqlite_where=ModelVersion.active,
    postgresql_where=ModelVersion.active,
)
