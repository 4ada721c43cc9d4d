"""All SQL of claims: claims, clarifications, matches, and the documents they are read from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from opiniondesk.claims.models import Claim, ClaimMatch, Clarification, Stance
from opiniondesk.storage.dialect import insert_for
from opiniondesk.storage.models import AdminUnit, Channel, Document, UnitLevel


@dataclass(frozen=True, slots=True)
class MatchedDocument:
    """What a claim's spread is computed from: never the author, only when, where, how."""

    document_id: int
    stance: str
    score: float
    published_at: datetime
    province_code: str
    commune_code: str
    is_repost: bool
    channel_kind: str
    url: str | None
    has_author: bool = False  # a person's utterance (author pseudonym kept): never cited


def add_claim(session: Session, claim: Claim) -> Claim:
    session.add(claim)
    session.flush()
    return claim


def get_claim(session: Session, claim_id: int) -> Claim | None:
    return session.get(Claim, claim_id)


def all_claims(session: Session) -> list[Claim]:
    return list(session.scalars(select(Claim).order_by(Claim.id)))


def background_texts(session: Session, limit: int) -> list[str]:
    """Texts of the `limit` most recent original documents (IDF background for matching)."""
    rows = session.execute(
        select(Document.title, Document.text)
        .where(Document.duplicate_of_id.is_(None))
        .order_by(Document.id.desc())
        .limit(limit)
    )
    return [f"{title}. {text}" if title else text for title, text in rows]


def documents_after(
    session: Session, after_id: int, limit: int
) -> list[tuple[int, str | None, str]]:
    """(id, title, text) of up to `limit` documents with id > after_id, reposts included:
    a repost of a rumour is the rumour spreading."""
    rows = session.execute(
        select(Document.id, Document.title, Document.text)
        .where(Document.id > after_id)
        .order_by(Document.id)
        .limit(limit)
    )
    return [(int(i), t, x) for i, t, x in rows]


def count_documents_after(session: Session, after_id: int) -> int:
    return int(
        session.scalar(select(func.count()).select_from(Document).where(Document.id > after_id))
        or 0
    )


def add_matches(session: Session, rows: list[dict[str, Any]]) -> list[str]:
    """Insert matches, keeping any (claim, document) already stored; returns the stances of
    the rows actually inserted."""
    if not rows:
        return []
    stmt = (
        insert_for(session, ClaimMatch)
        .on_conflict_do_nothing(index_elements=["claim_id", "document_id"])
        .returning(ClaimMatch.stance)
    )
    return [str(stance) for stance in session.execute(stmt, rows).scalars()]


def set_scanned_through(session: Session, claim_ids: list[int], document_id: int) -> None:
    if claim_ids:
        session.execute(
            update(Claim)
            .where(Claim.id.in_(claim_ids), Claim.scanned_through_id < document_id)
            .values(scanned_through_id=document_id)
        )


def match_counts(session: Session) -> dict[tuple[int, str], int]:
    """(claim id, stance) → number of matched documents."""
    rows = session.execute(
        select(ClaimMatch.claim_id, ClaimMatch.stance, func.count()).group_by(
            ClaimMatch.claim_id, ClaimMatch.stance
        )
    )
    return {(int(c), str(s)): int(n) for c, s, n in rows}


def matched_documents(session: Session, claim_id: int) -> list[MatchedDocument]:
    rows = session.execute(
        select(
            ClaimMatch.document_id,
            ClaimMatch.stance,
            ClaimMatch.score,
            Document.published_at,
            Document.province_code,
            Document.commune_code,
            Document.duplicate_of_id,
            Channel.kind,
            Document.url,
            Document.author_key.is_not(None),
        )
        .join(Document, Document.id == ClaimMatch.document_id)
        .join(Channel, Channel.id == Document.channel_id)
        .where(ClaimMatch.claim_id == claim_id)
        .order_by(Document.published_at, Document.id)
    )
    return [
        MatchedDocument(int(d), str(s), float(sc), p, pc, cc, dup is not None, str(k), u, bool(a))
        for d, s, sc, p, pc, cc, dup, k, u, a in rows
    ]


def first_last_repeat(session: Session) -> dict[int, tuple[datetime, datetime]]:
    """claim id → (first, last) publication time of documents repeating it."""
    rows = session.execute(
        select(
            ClaimMatch.claim_id, func.min(Document.published_at), func.max(Document.published_at)
        )
        .join(Document, Document.id == ClaimMatch.document_id)
        .where(ClaimMatch.stance == Stance.repeats)
        .group_by(ClaimMatch.claim_id)
    )
    return {int(c): (first, last) for c, first, last in rows}


def add_clarification(session: Session, clarification: Clarification) -> Clarification:
    session.add(clarification)
    session.flush()
    return clarification


def latest_clarifications(session: Session) -> dict[int, Clarification]:
    """claim id → its most recently published clarification."""
    latest: dict[int, Clarification] = {}
    for item in session.scalars(
        select(Clarification).order_by(Clarification.published_at, Clarification.id)
    ):
        latest[item.claim_id] = item
    return latest


def latest_clarification(session: Session, claim_id: int) -> Clarification | None:
    return session.scalar(
        select(Clarification)
        .where(Clarification.claim_id == claim_id)
        .order_by(Clarification.published_at.desc(), Clarification.id.desc())
        .limit(1)
    )


def unit_names(session: Session, level: UnitLevel) -> dict[str, str]:
    rows = session.execute(select(AdminUnit.code, AdminUnit.name).where(AdminUnit.level == level))
    return {code: name for code, name in rows}


def published_clarifications(
    session: Session, *, until: datetime, limit: int
) -> list[tuple[Clarification, Claim]]:
    """Clarifications published by `until` (a future date is not yet public), newest first,
    each with its claim."""
    rows = session.execute(
        select(Clarification, Claim)
        .join(Claim, Claim.id == Clarification.claim_id)
        .where(Clarification.published_at <= until)
        .order_by(Clarification.published_at.desc(), Clarification.id.desc())
        .limit(limit)
    )
    return [(clarification, claim) for clarification, claim in rows]


def published_clarification(
    session: Session, clarification_id: int, *, until: datetime
) -> tuple[Clarification, Claim] | None:
    row = session.execute(
        select(Clarification, Claim)
        .join(Claim, Claim.id == Clarification.claim_id)
        .where(Clarification.id == clarification_id, Clarification.published_at <= until)
    ).first()
    return (row[0], row[1]) if row else None
