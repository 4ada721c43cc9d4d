"""Clarifications of claims on the public portal: /cong-khai/lam-ro lists the published ones,
/cong-khai/lam-ro/{id} shows one with its schema.org ClaimReview as JSON-LD, so that search
engines and fact-check aggregators can read the verdict."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from opiniondesk.claims.public import (
    PublicClarification,
    published_clarification,
    published_clarifications,
)
from opiniondesk.storage.base import utcnow
from opiniondesk.web.deps import SessionDep, TemplatesDep, TranslatorDep
from opiniondesk.web.i18n import Translator
from opiniondesk.web.routes.portal_common import PageQuery, Pager, Visitor, public_day

router = APIRouter()
PER_PAGE = 20

# Inside <script> the HTML parser ends the element at the first "</script" whatever the JSON
# means, and "<!--" changes how it looks for that end: escape every "<", ">" and "&" as JSON
# \u escapes, which leave the JSON value unchanged. U+2028/9 are escaped for old JS parsers.
_SCRIPT_SAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def json_ld(data: dict[str, Any]) -> Markup:
    """`data` as JSON that is safe to place between <script type="application/ld+json"> tags."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return Markup(text.translate(_SCRIPT_SAFE))  # safe: escaped above for this context


def summary(item: PublicClarification, t: Translator) -> dict[str, Any]:
    """What a list shows of one clarification, in the reader's language."""
    rating = item.rating
    return {
        "id": item.id,
        "claim": item.claim,
        "text": item.text,
        "agency": item.agency,
        "url": item.url,
        "day": public_day(item.published_on, t),
        "iso_day": item.published_on.isoformat(),
        "verdict": rating.label_vi if t.language == "vi" else rating.label_en,
        "verdict_value": rating.value,
    }


@router.get("/cong-khai/lam-ro", response_class=HTMLResponse)
def clarification_list(
    request: Request,
    _visitor: Visitor,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
    page: PageQuery = 1,
) -> Response:
    # one more than the page shows tells whether an older page exists
    found = published_clarifications(session, now=utcnow(), limit=page * PER_PAGE + 1)
    pages = Pager(page, PER_PAGE, has_older=len(found) > page * PER_PAGE)
    items = found[pages.start : pages.end]
    context = {
        "t": t,
        "lang": t.language,
        "items": [summary(item, t) for item in items],
        "pager": pages,
    }
    return templates.TemplateResponse(request, "public/clarifications.html", context)


@router.get("/cong-khai/lam-ro/{clarification_id:int}", response_class=HTMLResponse)
def clarification_detail(
    request: Request,
    clarification_id: int,
    _visitor: Visitor,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    page_url = str(request.url.replace(query=""))
    item, review = published_clarification(
        session, clarification_id, now=utcnow(), page_url=page_url
    )
    context = {
        "t": t,
        "lang": t.language,
        "item": summary(item, t),
        "claim_review": json_ld(review),
    }
    return templates.TemplateResponse(request, "public/clarification.html", context)
