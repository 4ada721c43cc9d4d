"""Claims circulating in public, their official clarifications, and the documents repeating them."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import BigInteger, Float, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from opiniondesk.storage.base import Base, UTCDateTime, utcnow
from opiniondesk.storage.models import BigId


class Stance(StrEnum):
    repeats = "repeats"  # asserts the claim, paraphrases it or spreads it as hearsay
    refutes = "refutes"  # talks about the claim to deny or correct it


class Claim(Base):
    """A statement circulating in public, e.g. a rumour about a land-clearance plan."""

    __tablename__ = "claim"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    topic_code: Mapped[str | None] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # every document with an id up to this one has been compared with the claim
    scanned_through_id: Mapped[int] = mapped_column(BigInteger, default=0)

    clarifications: Mapped[list[Clarification]] = relationship(
        back_populates="claim", lazy="raise", cascade="all, delete-orphan"
    )


class Clarification(Base):
    """The official answer to a claim; publishing it yields schema.org ClaimReview JSON-LD."""

    __tablename__ = "clarification"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    rating: Mapped[str] = mapped_column(String(24))  # a key of claims.ratings.RATINGS
    agency: Mapped[str] = mapped_column(String(200))  # the organisation, never a person
    url: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    claim: Mapped[Claim] = relationship(back_populates="clarifications", lazy="raise")


class ClaimMatch(Base):
    """A document found to repeat (or refute) a claim; one row per claim and document."""

    __tablename__ = "claim_match"
    __table_args__ = (
        UniqueConstraint("claim_id", "document_id"),
        Index("ix_claim_match_claim_id_stance", "claim_id", "stance"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"))
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), index=True
    )
    score: Mapped[float] = mapped_column(Float)
    stance: Mapped[Stance] = mapped_column(String(16))
    matched_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
