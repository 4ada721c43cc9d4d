"""Clarifications of claims on the portal: the published ones listed with their verdicts, one
page each with schema.org ClaimReview JSON-LD that parses, carries the fields fact-check
readers require, cannot break out of its <script> element, and is not blocked by the CSP."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient

from opiniondesk.claims.public import published_clarification, published_clarifications
from opiniondesk.storage.base import utcnow
from opiniondesk.web.security import CONTENT_SECURITY_POLICY
from tests.conftest import DeskFixture
from tests.portal.builders import clarify

BREAKOUT = 'Tin "đồn" </script><script>alert(1)</script><!-- & ven hồ \u2028 sẽ bị giải tỏa'
_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def claim_reviews(html: str) -> list[dict[str, Any]]:
    """Every JSON-LD block of a page, parsed as a JSON reader would."""
    return [json.loads(block) for block in _LD.findall(html)]


def test_the_list_shows_published_clarifications_newest_first(
    desk: DeskFixture, visitor: TestClient
) -> None:
    older = clarify(desk.sessions, 1, rating="Đúng một phần")
    newer = clarify(desk.sessions, 2)
    clarify(desk.sessions, 3, published_at=datetime.now(UTC) + timedelta(days=2))  # not yet
    html = visitor.get("/cong-khai/lam-ro").text
    assert html.index(f'href="/cong-khai/lam-ro/{newer}"') < html.index(
        f'href="/cong-khai/lam-ro/{older}"'
    )
    assert "Kết luận: Sai" in html and "Kết luận: Đúng một phần" in html
    assert "khu vực ven hồ 3" not in html
    english = visitor.get("/cong-khai/lam-ro?lang=en").text
    assert "Verdict: False" in english and "Verdict: Half true" in english


def test_a_claim_clarified_twice_is_listed_once(desk: DeskFixture) -> None:
    first = clarify(desk.sessions, 1)
    with desk.sessions() as session:
        (item,) = published_clarifications(session, now=utcnow())
        assert item.id == first
        again, review = published_clarification(session, first, now=utcnow(), page_url="u")
    assert again.claim == item.claim and review["url"] == "u"


def test_the_page_carries_valid_claimreview_json_ld(desk: DeskFixture, visitor: TestClient) -> None:
    clarification = clarify(desk.sessions, 1)
    page = visitor.get(f"/cong-khai/lam-ro/{clarification}")
    assert page.status_code == 200
    (review,) = claim_reviews(page.text)
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["claimReviewed"].startswith("Có tin đồn khu vực ven hồ 1")
    assert review["reviewBody"].startswith("Sở Xây dựng khẳng định")
    assert review["author"] == {"@type": "Organization", "name": "Sở Xây dựng Hà Nội"}
    assert review["datePublished"] == "2025-04-02"
    assert review["url"] == f"http://testserver/cong-khai/lam-ro/{clarification}"
    rating = review["reviewRating"]
    assert (rating["@type"], rating["ratingValue"], rating["alternateName"]) == ("Rating", 1, "Sai")
    assert (rating["bestRating"], rating["worstRating"]) == (5, 1)
    assert review["itemReviewed"]["@type"] == "Claim" and "author" not in review["itemReviewed"]
    html = page.text
    assert "Thông tin lan truyền" in html and "Kết luận: Sai" in html
    assert "Sở Xây dựng Hà Nội công bố" in html


def test_the_agency_url_is_the_review_url_when_given(
    desk: DeskFixture, visitor: TestClient
) -> None:
    url = "https://soxaydung.hanoi.gov.vn/dinh-chinh/1"
    clarification = clarify(desk.sessions, 1, url=url)
    html = visitor.get(f"/cong-khai/lam-ro/{clarification}").text
    (review,) = claim_reviews(html)
    assert review["url"] == url
    # a plain link for people to follow, never a resource the page loads
    assert f'<a href="{url}" rel="noopener noreferrer">' in html


def test_a_claim_cannot_break_out_of_the_script_element(
    desk: DeskFixture, visitor: TestClient
) -> None:
    clarification = clarify(desk.sessions, 1, claim_text=BREAKOUT)
    html = visitor.get(f"/cong-khai/lam-ro/{clarification}").text
    head = html.split("</head>")[0]
    assert "<script>alert(1)" not in html and "<!--" not in head and "\u2028" not in head
    assert html.count("<script") == 1 and html.count("</script>") == 1
    (review,) = claim_reviews(html)
    assert review["claimReviewed"] == BREAKOUT  # the text itself, unchanged


def test_the_csp_forbids_inline_scripts_and_json_ld_needs_no_exception(
    desk: DeskFixture, visitor: TestClient
) -> None:
    clarification = clarify(desk.sessions, 1)
    page = visitor.get(f"/cong-khai/lam-ro/{clarification}")
    csp = page.headers["content-security-policy"]
    assert csp == CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    # a data block (type application/ld+json) is never executed, so script-src does not
    # apply; the browser test checks Chromium reports no violation on this page
    assert '<script type="application/ld+json">' in page.text


def test_unknown_and_future_clarifications_are_not_found(
    desk: DeskFixture, visitor: TestClient
) -> None:
    future = clarify(desk.sessions, 1, published_at=datetime.now(UTC) + timedelta(hours=1))
    assert visitor.get(f"/cong-khai/lam-ro/{future}").status_code == 404
    assert visitor.get("/cong-khai/lam-ro/424242").status_code == 404
    assert "Chưa có thông tin nào được làm rõ." in visitor.get("/cong-khai/lam-ro").text
