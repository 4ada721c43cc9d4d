"""The portal on a slow phone connection, with realistic content: every page, HTML plus all the
same-origin stylesheets, scripts and images it loads, stays under 200 kB; no page loads
anything from another origin, and the CSP would refuse it if one tried."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from opiniondesk.web.security import CONTENT_SECURITY_POLICY
from tests.cases.builders import Office, hanoi_office
from tests.conftest import DeskFixture
from tests.portal.builders import clarify, publish_answer
from tests.portal.conftest import portal_app
from tests.portal.crawl import Page, crawl, css_references, same_origin, weight

BUDGET = 200_000  # bytes per page, map excluded (the portal has none)
ANSWERS, CLARIFICATIONS = 25, 45  # three pages of answers, three of clarifications


@pytest.fixture
def seeded(sqlite_desk: DeskFixture, cheap_passwords: None) -> DeskFixture:
    office: Office = hanoi_office(sqlite_desk.sessions)
    for n in range(1, ANSWERS + 1):
        publish_answer(sqlite_desk.sessions, office, n)
    for n in range(1, CLARIFICATIONS + 1):
        clarify(sqlite_desk.sessions, n, rating=("Sai", "Chưa chính xác", "Đúng")[n % 3])
    return sqlite_desk


@pytest.fixture
def reader(seeded: DeskFixture) -> Iterator[TestClient]:
    with TestClient(portal_app(seeded)) as client:
        yield client


def _pages(reader: TestClient, language: str) -> list[Page]:
    reader.get(f"/cong-khai?lang={language}")
    sent = reader.post(
        "/cong-khai/gop-y",
        data={
            "csrf_token": reader.get("/cong-khai/gop-y")
            .text.split('name="csrf_token" value="')[1]
            .split('"')[0],
            "service_code": "traffic",
            "description": "Ổ gà lớn giữa đường, xe máy dễ ngã.",
            "province": "01",
        },
        follow_redirects=False,
    )
    assert sent.status_code == 303
    pages = crawl(reader) + crawl(reader, sent.headers["location"])
    assert all(page.status == 200 for page in pages), [(p.path, p.status) for p in pages]
    return pages


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_page_is_under_200_kb(reader: TestClient, language: str) -> None:
    pages = _pages(reader, language)
    paths = {page.path.split("?")[0] for page in pages}
    # the crawl reached every kind of page, and the lists' later pages
    assert {"/cong-khai", "/cong-khai/tra-loi", "/cong-khai/lam-ro", "/cong-khai/gop-y"} <= paths
    assert any(p.path.startswith("/cong-khai/lam-ro/") for p in pages)
    assert any(p.path.endswith("/cam-on") for p in pages)
    assert {"/cong-khai/tra-loi?trang=3", "/cong-khai/lam-ro?trang=3"} <= {p.path for p in pages}
    heaviest = max(pages, key=lambda page: weight(reader, page)[0])
    total, resources = weight(reader, heaviest)
    assert total < BUDGET, (heaviest.path, total, resources)
    assert any(url.endswith("/static/portal.css") for url in resources)  # assets were counted


@pytest.mark.parametrize("language", ["vi", "en"])
def test_no_page_loads_anything_from_another_origin(reader: TestClient, language: str) -> None:
    for page in _pages(reader, language):
        foreign = [ref for ref in page.loads + page.form_actions if not same_origin(ref)]
        assert foreign == [], page.path
        assert "//" not in "".join(page.loads)  # not even protocol-relative
        for stylesheet in [ref for ref in page.loads if ref.endswith(".css")]:
            css = reader.get(stylesheet).text
            assert all(same_origin(ref) for ref in css_references(css)), stylesheet
        assert "<iframe" not in page.html and "<script src" not in page.html


def test_the_csp_refuses_other_origins(reader: TestClient) -> None:
    policy = dict(
        (part.split()[0], part.split()[1:]) for part in CONTENT_SECURITY_POLICY.split("; ")
    )
    for directive in ("default-src", "script-src", "style-src", "font-src", "connect-src"):
        assert policy[directive] == ["'self'"], directive
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    for path in ("/cong-khai", "/cong-khai/gop-y", "/cong-khai/lam-ro", "/static/portal.css"):
        assert reader.get(path).headers["content-security-policy"] == CONTENT_SECURITY_POLICY
