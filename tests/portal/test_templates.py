"""Every portal template renders in both languages (StrictUndefined makes a misspelt variable
fail), uses only catalogued strings, and gives each page what assistive technology needs:
one h1, a main landmark, named navigation, a label for every field, text for every image."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from opiniondesk.web import portal
from opiniondesk.web.i18n import CATALOGUE
from opiniondesk.web.portal import PortalEntry
from tests.cases.builders import Office
from tests.conftest import DeskFixture
from tests.portal.builders import clarify, publish_answer

TEMPLATES = Path(__file__).resolve().parents[2] / "src/opiniondesk/web/templates/public"
# each template and a page that renders it ({case}, {clarification}, {request} are filled in)
PAGES = {
    "portal_base.html": "/cong-khai",
    "home.html": "/cong-khai",
    "_entries.html": "/cong-khai",
    "_pager.html": "/cong-khai/tra-loi?trang=2",
    "list.html": "/cong-khai/tra-loi",
    "detail.html": "/cong-khai/{case}",
    "_answers.html": "/cong-khai/{case}",
    "clarifications.html": "/cong-khai/lam-ro",
    "clarification.html": "/cong-khai/lam-ro/{clarification}",
    "feedback_form.html": "/cong-khai/gop-y",
    "feedback_thanks.html": "/cong-khai/gop-y/{request}/cam-on",
    "feedback_status.html": "/cong-khai/gop-y/{request}",
}


class _Audit(HTMLParser):
    """What the checks need from a page: headings, landmarks, fields, labels, images."""

    def __init__(self) -> None:
        super().__init__()
        self.h1 = 0
        self.main = 0
        self.unnamed_navs = 0
        self.fields: list[str] = []
        self.labelled: set[str] = set()
        self.images_without_alt = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "h1":
            self.h1 += 1
        elif tag == "main":
            self.main += 1
        elif tag == "nav" and not values.get("aria-label"):
            self.unnamed_navs += 1
        elif tag == "label" and values.get("for"):
            self.labelled.add(str(values["for"]))
        elif tag == "img" and values.get("alt") is None:
            self.images_without_alt += 1
        elif tag in ("input", "select", "textarea") and values.get("type") not in (
            "hidden",
            "submit",
        ):
            self.fields.append(str(values.get("id") or values.get("name")))


@pytest.fixture
def content(
    desk: DeskFixture, office: Office, visitor: TestClient, monkeypatch: pytest.MonkeyPatch
) -> dict[str, int]:
    entry = PortalEntry("Đối thoại về giải phóng mặt bằng", "/cong-khai/doi-thoai/1", None, "x")
    monkeypatch.setattr(portal, "_SOURCES", {})
    portal.register("sessions", lambda _session, _language: [entry])
    portal.register("consultations", lambda _session, _language: [])
    cases = [publish_answer(desk.sessions, office, n) for n in range(1, 12)]
    page = visitor.get("/cong-khai/gop-y").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token is not None
    sent = visitor.post(
        "/cong-khai/gop-y",
        data={
            "csrf_token": token.group(1),
            "service_code": "traffic",
            "description": "Ổ gà giữa đường.",
            "province": "01",
        },
        follow_redirects=False,
    )
    return {
        "case": cases[0],
        "clarification": clarify(desk.sessions, 1),
        "request": int(sent.headers["location"].split("/")[3]),
    }


def test_every_template_is_covered() -> None:
    assert {p.name for p in TEMPLATES.glob("*.html")} == set(PAGES)


def test_every_key_a_portal_template_uses_exists() -> None:
    used: set[str] = set()
    for path in TEMPLATES.glob("*.html"):
        text = path.read_text("utf-8")
        used |= set(re.findall(r"""\bt\(\s*["']([a-z0-9_]+)["']\s*[,)]""", text))
    assert len(used) > 50
    used |= {f"portal_state_{state}" for state in ("received", "assigned", "closed")}
    for language, messages in CATALOGUE.items():
        assert used <= set(messages), (language, used - set(messages))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_renders_and_is_accessible(
    visitor: TestClient, content: dict[str, int], lang: str
) -> None:
    for path in sorted(set(PAGES.values())):
        url = path.format(**content)
        response = visitor.get(url + ("&" if "?" in url else "?") + f"lang={lang}")
        assert response.status_code == 200, url
        html = response.text
        assert f'<html lang="{lang}">' in html, url
        audit = _Audit()
        audit.feed(html)
        assert (audit.h1, audit.main, audit.unnamed_navs) == (1, 1, 0), url
        assert set(audit.fields) <= audit.labelled, (url, set(audit.fields) - audit.labelled)
        assert audit.images_without_alt == 0, url
        assert 'href="#main"' in html and 'id="main"' in html  # skip link
