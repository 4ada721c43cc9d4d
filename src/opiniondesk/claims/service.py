"""Claims: register them, match documents to them, and show how far each has spread.

Matching is incremental. Each claim remembers the highest document id it has been compared
with (`scanned_through_id`); `match_new_documents(session, since_id)` compares the documents
after `since_id` with every claim that has not seen them, stores what matches, and moves the
marks on. Registering a claim compares it with every stored document. Matches are keyed by
(claim, document): re-running adds nothing. Services never commit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from opiniondesk.analysis.rollups import local_day
from opiniondesk.analysis.taxonomy import OTHER_CODE, Taxonomy
from opiniondesk.claims import repository
from opiniondesk.claims.claimreview import PUBLIC_CHANNELS, claim_review, is_public_url
from opiniondesk.claims.models import Claim, Stance
from opiniondesk.claims.ratings import rating_by_key
from opiniondesk.claims.similarity import DEFAULT_CONFIG, ClaimMatcher, MatcherConfig
from opiniondesk.claims.spread import spread
from opiniondesk.errors import InputError, NotFoundError
from opiniondesk.storage.models import UnitLevel

BACKGROUND_DOCUMENTS = 5000  # recent documents the IDF weights are learnt from
BATCH = 2000
MAX_CLAIM_CHARS = 2000


@dataclass(slots=True)
class MatchReport:
    documents: int = 0  # documents read
    repeats: int = 0  # new matches that repeat a claim
    refutes: int = 0  # new matches that refute one
    last_document_id: int = 0


def register_claim(
    session: Session,
    *,
    text: str,
    topic_code: str | None = None,
    taxonomy: Taxonomy | None = None,
    config: MatcherConfig = DEFAULT_CONFIG,
) -> tuple[Claim, MatchReport]:
    """Store a new claim and match it against every stored document."""
    text = " ".join(text.split())
    if len(text) < 10 or len(text.split()) < 3:
        raise InputError(
            "Nội dung tin cần ít nhất 3 từ để so khớp được. / A claim needs at least 3 words "
            "to be matched."
        )
    if len(text) > MAX_CLAIM_CHARS:
        raise InputError(
            f"Nội dung tin dài quá {MAX_CLAIM_CHARS} ký tự; hãy tóm tắt điều được khẳng định. / "
            f"A claim is at most {MAX_CLAIM_CHARS} characters: state what is claimed."
        )
    known = taxonomy is None or topic_code in (None, OTHER_CODE) or topic_code in taxonomy
    if not known:
        raise InputError(
            f"Không có chủ đề '{topic_code}' trong danh mục; xem tệp taxonomy.yaml. / "
            f"No topic '{topic_code}' in the taxonomy."
        )
    claim = repository.add_claim(session, Claim(text=text, topic_code=topic_code))
    report = match_new_documents(session, since_id=0, config=config)
    return claim, report


def match_new_documents(
    session: Session,
    since_id: int,
    *,
    config: MatcherConfig = DEFAULT_CONFIG,
    on_batch: Callable[[MatchReport], None] | None = None,
) -> MatchReport:
    """Match documents with id > since_id against the claims that have not seen them yet.

    This is what the pipeline or a scheduled job calls after ingest, with the highest
    document id stored before it. A claim's mark moves on only when its scan is contiguous
    (it had seen everything up to `since_id`), so a missed range is never marked as done.
    """
    claims = repository.all_claims(session)
    report = MatchReport(last_document_id=since_id)
    if not claims:
        return report
    matcher = ClaimMatcher(
        [c.text for c in claims], repository.background_texts(session, BACKGROUND_DOCUMENTS), config
    )
    marks = [c.scanned_through_id for c in claims]
    after = since_id
    while batch := repository.documents_after(session, after, BATCH):
        texts = [f"{title}. {text}" if title else text for _, title, text in batch]
        rows: list[dict[str, Any]] = []
        for found in matcher.find(texts):
            doc_id = batch[found.index][0]
            if doc_id <= marks[found.claim]:
                continue  # this claim has seen the document already
            rows.append(
                {
                    "claim_id": claims[found.claim].id,
                    "document_id": doc_id,
                    "score": round(found.score, 4),
                    "stance": found.stance.value,
                }
            )
        for stance in repository.add_matches(session, rows):
            if stance == Stance.repeats:
                report.repeats += 1
            else:
                report.refutes += 1
        report.documents += len(batch)
        after = batch[-1][0]
        if on_batch:
            on_batch(report)
    report.last_document_id = after
    contiguous = [c.id for c, mark in zip(claims, marks, strict=True) if mark >= since_id]
    repository.set_scanned_through(session, contiguous, after)
    return report


def match_pending(
    session: Session,
    *,
    config: MatcherConfig = DEFAULT_CONFIG,
    on_batch: Callable[[MatchReport], None] | None = None,
) -> MatchReport:
    """Bring every claim up to date (what `opiniondesk claims match` runs)."""
    claims = repository.all_claims(session)
    if not claims:
        return MatchReport()
    since = min(c.scanned_through_id for c in claims)
    return match_new_documents(session, since, config=config, on_batch=on_batch)


def documents_to_match(session: Session) -> int:
    """How many documents `match_pending` would read (for a progress bar)."""
    claims = repository.all_claims(session)
    if not claims:
        return 0
    return repository.count_documents_after(session, min(c.scanned_through_id for c in claims))


# --------------------------------------------------------------------------- reading


def list_claims(session: Session, *, min_group_size: int) -> list[dict[str, Any]]:
    counts = repository.match_counts(session)
    seen = repository.first_last_repeat(session)
    clarified = repository.latest_clarifications(session)
    k = min_group_size
    out = []
    for claim in repository.all_claims(session):
        repeats = counts.get((claim.id, Stance.repeats.value), 0)
        refutes = counts.get((claim.id, Stance.refutes.value), 0)
        first_last = seen.get(claim.id)
        clarification = clarified.get(claim.id)
        out.append(
            {
                "id": claim.id,
                "text": claim.text,
                "topic": claim.topic_code,
                "repeats": repeats if repeats >= k else None,
                "refutes": refutes if refutes >= k else None,
                "first_seen": local_day(first_last[0]).isoformat() if first_last else None,
                "last_seen": local_day(first_last[1]).isoformat() if first_last else None,
                "rating": None if clarification is None else clarification.rating,
                "clarified_on": None
                if clarification is None
                else local_day(clarification.published_at).isoformat(),
            }
        )
    return out


def claim_view(
    session: Session, claim_id: int, *, min_group_size: int, by: str = "week"
) -> dict[str, Any]:
    """One claim with its spread, its latest clarification and that clarification's
    ClaimReview JSON-LD."""
    claim = get_claim(session, claim_id)
    matched = repository.matched_documents(session, claim.id)
    clarification = repository.latest_clarification(session, claim.id)
    view: dict[str, Any] = {
        "id": claim.id,
        "text": claim.text,
        "topic": claim.topic_code,
        "created_at": claim.created_at.isoformat(),
        "min_group_size": min_group_size,
        "spread": spread(
            matched,
            by=by,
            clarification=clarification,
            province_names=repository.unit_names(session, UnitLevel.province),
            commune_names=repository.unit_names(session, UnitLevel.commune),
            min_group_size=min_group_size,
        ),
        "clarification": None,
        "claim_review": None,
    }
    if clarification is not None:
        rating = rating_by_key(clarification.rating)
        view["clarification"] = {
            "text": clarification.text,
            "rating": rating.key,
            "rating_label": f"{rating.label_vi} / {rating.label_en}",
            "agency": clarification.agency,
            "url": clarification.url,
            "published_at": clarification.published_at.isoformat(),
        }
        view["claim_review"] = claim_review(
            claim, clarification, appearances=public_appearances(matched)
        )
    return view


def public_appearances(
    matched: list[repository.MatchedDocument],
) -> list[tuple[Any, str]]:
    """(published_at, url) of public pages that repeated the claim: news items and the
    office's page posts, never anything a person wrote (see claimreview.py)."""
    return [
        (m.published_at, str(m.url))
        for m in matched
        if m.stance == Stance.repeats
        and m.channel_kind in PUBLIC_CHANNELS
        and not m.has_author
        and is_public_url(m.url)
    ]


def get_claim(session: Session, claim_id: int) -> Claim:
    claim = repository.get_claim(session, claim_id)
    if claim is None:
        raise NotFoundError(
            f"Không có tin số {claim_id}; xem `opiniondesk claims list`. / No claim {claim_id}; "
            "see `opiniondesk claims list`."
        )
    return claim
