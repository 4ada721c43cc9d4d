"""What the public portal shows of claims: each published clarification with the claim it
answers, its verdict and its ClaimReview JSON-LD. Nothing about who repeated the claim leaves
the desk; the JSON-LD cites only public pages (see `claimreview`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from opiniondesk.analysis.rollups import local_day
from opiniondesk.claims import repository
from opiniondesk.claims.claimreview import claim_review
from opiniondesk.claims.models import Claim, Clarification
from opiniondesk.claims.ratings import Rating, rating_by_key
from opiniondesk.claims.service import public_appearances
from opiniondesk.errors import NotFoundError


@dataclass(frozen=True, slots=True)
class PublicClarification:
    id: int
    claim_id: int
    claim: str  # what circulated, as the desk registered it
    text: str  # the official answer
    rating: Rating
    agency: str  # an organisation, never a person
    url: str | None  # the agency's own publication, if any
    published_on: date  # in Vietnam


def _public(clarification: Clarification, claim: Claim) -> PublicClarification:
    return PublicClarification(
        id=clarification.id,
        claim_id=claim.id,
        claim=claim.text,
        text=clarification.text,
        rating=rating_by_key(clarification.rating),
        agency=clarification.agency,
        url=clarification.url,
        published_on=local_day(clarification.published_at),
    )


def published_clarifications(
    session: Session, *, now: datetime, limit: int = 50
) -> list[PublicClarification]:
    """The newest clarification of each claim clarified by `now`, newest first."""
    seen: set[int] = set()
    found: list[PublicClarification] = []
    # a claim clarified again is listed once, with its newest clarification: read extra rows
    rows = repository.published_clarifications(session, until=now, limit=limit * 3 + 50)
    for clarification, claim in rows:
        if claim.id in seen:
            continue
        seen.add(claim.id)
        found.append(_public(clarification, claim))
        if len(found) == limit:
            break
    return found


def published_clarification(
    session: Session, clarification_id: int, *, now: datetime, page_url: str | None = None
) -> tuple[PublicClarification, dict[str, Any]]:
    """One published clarification and its ClaimReview JSON-LD. The review's `url` is the
    agency's publication if given, else `page_url` (the portal page that carries it)."""
    row = repository.published_clarification(session, clarification_id, until=now)
    if row is None:
        raise NotFoundError(
            f"Không có thông tin làm rõ số {clarification_id}. / No published clarification "
            f"{clarification_id}."
        )
    clarification, claim = row
    matched = repository.matched_documents(session, claim.id)
    review = claim_review(claim, clarification, appearances=public_appearances(matched))
    if page_url and "url" not in review:
        review["url"] = page_url
    return _public(clarification, claim), review
