"""Publishing a clarification: the state change that produces public ClaimReview JSON-LD."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from opiniondesk.claims import repository
from opiniondesk.claims.claimreview import claim_review
from opiniondesk.claims.models import Clarification
from opiniondesk.claims.ratings import parse_rating
from opiniondesk.claims.service import get_claim, public_appearances
from opiniondesk.errors import InputError
from opiniondesk.storage.base import utcnow


def publish_clarification(
    session: Session,
    *,
    claim_id: int,
    text: str,
    rating: str,
    agency: str,
    url: str | None = None,
    published_at: datetime | None = None,
) -> tuple[Clarification, dict[str, Any]]:
    """Store the official answer to a claim; returns it with its ClaimReview JSON-LD.

    From `published_at` on, documents that still repeat the claim are counted as repeating
    it after the clarification (see `claims show`).
    """
    claim = get_claim(session, claim_id)
    text = " ".join(text.split())
    agency = " ".join(agency.split())
    if not text:
        raise InputError("Thiếu nội dung đính chính (--text). / The clarification text is empty.")
    if not agency:
        raise InputError(
            "Thiếu tên cơ quan đính chính (--agency), là một tổ chức, không phải cá nhân. / "
            "The clarifying agency (--agency, an organisation, not a person) is empty."
        )
    if url is not None and not url.startswith(("https://", "http://")):
        raise InputError(
            f"Địa chỉ --url phải bắt đầu bằng https:// hoặc http://, gặp {url!r}. / --url must "
            "be an http(s) address."
        )
    clarification = repository.add_clarification(
        session,
        Clarification(
            claim_id=claim.id,
            text=text,
            rating=parse_rating(rating).key,
            agency=agency,
            url=url,
            published_at=published_at or utcnow(),
        ),
    )
    matched = repository.matched_documents(session, claim.id)
    return clarification, claim_review(
        claim, clarification, appearances=public_appearances(matched)
    )
