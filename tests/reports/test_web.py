"""The reports pages: build from the form, preview, proposals, finalise, downloads; and the
refusals (wrong role, a unit outside one's scope, a desk-wide report for a provincial analyst)."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from docx import Document as read_docx
from fastapi.testclient import TestClient

from opiniondesk.accounts.roles import Role
from opiniondesk.web.app import create_app
from tests.accounts.builders import cheap_passwords, csrf_from, make_user, signed_in

__all__ = ["cheap_passwords"]
XSS = '"><script>alert(1)</script>'


@pytest.fixture
def browser(sqlite_desk, cheap_passwords) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    make_user(sqlite_desk.sessions, "quocgia")  # national analyst
    make_user(sqlite_desk.sessions, "hanoi", units=("01",))
    make_user(sqlite_desk.sessions, "ctv", role=Role.collaborator, units=("01",))
    app = create_app(sqlite_desk.settings, engine=sqlite_desk.engine)
    app.state.map_regions = None
    with TestClient(app) as client:
        yield client


def _as(client: TestClient, username: str) -> TestClient:
    client.cookies.clear()
    return signed_in(client, username)


def _post(client: TestClient, path: str, page: str, **data: str):  # type: ignore[no-untyped-def]
    token = csrf_from(client.get(page).text)
    return client.post(path, data={"csrf_token": token, **data}, follow_redirects=False)


def test_build_preview_propose_finalise_download(browser):
    _as(browser, "quocgia")
    page = browser.get("/reports")
    assert page.status_code == 200 and 'href="/reports"' in page.text
    built = _post(browser, "/reports", "/reports", period="2026-Q3", unit="")
    assert built.status_code == 303
    location = built.headers["location"]
    preview = browser.get(location)
    assert "Tình hình dư luận xã hội quý III/2026" in preview.text
    assert "I. TÌNH HÌNH CHUNG" in preview.text and "VIII. ĐỀ XUẤT, KIẾN NGHỊ" in preview.text
    saved = _post(browser, f"{location}/proposals", location, proposals=f"Đề nghị {XSS}")
    assert saved.status_code == 303
    page = browser.get(location)
    assert "<script>alert(1)</script>" not in page.text and "Đề nghị" in page.text
    docx = browser.get(f"{location}/download/docx")
    assert docx.status_code == 200
    texts = [p.text for p in read_docx(io.BytesIO(docx.content)).paragraphs]
    assert f"Đề nghị {XSS}" in texts
    assert browser.get(f"{location}/download/xlsx").content[:2] == b"PK"
    final = _post(browser, f"{location}/finalise", location)
    assert final.status_code == 303
    page = browser.get(location)
    assert "Đã ban hành" in page.text and 'name="proposals"' not in page.text
    token = csrf_from(browser.get("/reports").text)
    again = browser.post(
        f"{location}/proposals",
        data={"csrf_token": token, "proposals": "x"},
        follow_redirects=False,
    )
    assert again.status_code == 409


def test_provincial_analyst_builds_only_inside_her_province(browser):
    _as(browser, "hanoi")
    assert _post(browser, "/reports", "/reports", period="2026-Q3", unit="").status_code == 422
    assert _post(browser, "/reports", "/reports", period="2026-Q3", unit="79").status_code == 422
    ok = _post(browser, "/reports", "/reports", period="2026-Q3", unit="01")
    assert ok.status_code == 303
    _as(browser, "quocgia")
    national = _post(browser, "/reports", "/reports", period="2026-09", unit="")
    _as(browser, "hanoi")
    assert browser.get(national.headers["location"]).status_code == 404
    assert browser.get(ok.headers["location"]).status_code == 200


def test_bad_period_is_a_clear_error(browser):
    _as(browser, "quocgia")
    response = _post(browser, "/reports", "/reports", period="2026-Q9", unit="")
    assert response.status_code == 422 and "2026-Q3" in response.text


def test_collaborator_cannot_open_reports(browser):
    _as(browser, "ctv")
    assert browser.get("/reports").status_code in (403, 404)
