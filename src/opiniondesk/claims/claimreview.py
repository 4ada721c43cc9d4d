"""schema.org ClaimReview JSON-LD for a published clarification.

The review's author is the organisation that clarified; the reviewed claim's appearances are
public web pages (news feeds, the office's own pages) where it was seen. Nothing here names or
links a person: posts from citizens' feedback, field reports, surveys or dialogue questions are
never listed as appearances, nor is any item that carries an author pseudonym (a comment, a
signed post), and no `author` is given for the claim itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from opiniondesk.analysis.rollups import local_day
from opiniondesk.claims.models import Claim, Clarification
from opiniondesk.claims.ratings import BEST, WORST, rating_by_key
from opiniondesk.storage.models import ChannelKind

# Channels whose items are public pages, fit to be cited as where a claim appeared.
PUBLIC_CHANNELS = frozenset({ChannelKind.feed.value, ChannelKind.page_export.value})
MAX_APPEARANCES = 10


def is_public_url(url: str | None) -> bool:
    return bool(url) and str(url).startswith(("https://", "http://"))


def claim_review(
    claim: Claim,
    clarification: Clarification,
    *,
    appearances: Sequence[tuple[datetime, str]] = (),
    language: str = "vi",
) -> dict[str, Any]:
    """The JSON-LD object; `appearances` are (published_at, url) of public pages, any order."""
    rating = rating_by_key(clarification.rating)
    item: dict[str, Any] = {"@type": "Claim"}
    ordered = sorted(appearances)
    if ordered:
        first_at, first_url = ordered[0]
        item["datePublished"] = local_day(first_at).isoformat()
        item["firstAppearance"] = {"@type": "CreativeWork", "url": first_url}
        item["appearance"] = [
            {"@type": "CreativeWork", "url": url}
            for url in dict.fromkeys(u for _, u in ordered[:MAX_APPEARANCES])
        ]
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "datePublished": local_day(clarification.published_at).isoformat(),
        "inLanguage": language,
        "claimReviewed": claim.text,
        "reviewBody": clarification.text,
        "author": {"@type": "Organization", "name": clarification.agency},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating.value,
            "bestRating": BEST,
            "worstRating": WORST,
            "alternateName": rating.label_vi if language == "vi" else rating.label_en,
        },
        "itemReviewed": item,
    }
    if clarification.url:
        review["url"] = clarification.url
    return review
