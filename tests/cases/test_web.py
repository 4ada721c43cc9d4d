"""The case pages as three roles use them, the public page without signing in, and the
refusals: wrong role, wrong agency, missing CSRF token, script in every text field."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from opiniondesk.cases import repository
from opiniondesk.web.app import create_app
from tests.accounts.builders import BA_DINH, csrf_from, signed_in
from tests.cases.builders import Office, documents, hanoi_office, settings

XSS = '"><script>alert(1)</script>'


@pytest.fixture
def office(desk) -> Office:  # type: ignore[no-untyped-def]
    return hanoi_office(desk.sessions)


@pytest.fixture
def app(desk, office: Office) -> FastAPI:  # type: ignore[no-untyped-def]
    app = create_app(desk.settings, engine=desk.engine)
    app.state.map_regions = None
    app.state.cases_settings = settings()
    return app


@pytest.fixture
def browser(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield client


def as_user(client: TestClient, username: str) -> TestClient:
    client.cookies.clear()
    return signed_in(client, username)


def post(client: TestClient, path: str, data: dict[str, object], *, page: str | None = None):  # type: ignore[no-untyped-def]
    token = csrf_from(client.get(page or path.rsplit("/", 1)[0]).text)
    return client.post(path, data={"csrf_token": token, **data}, follow_redirects=False)


def open_case(
    client: TestClient, office: Office, doc_ids: list[int], title: str = "Rác ven hồ Ba Đình"
) -> int:
    as_user(client, "chuyenvien")
    page = client.get("/cases/new")
    assert page.status_code == 200
    response = client.post(
        "/cases",
        data={
            "csrf_token": csrf_from(page.text),
            "title": title,
            "summary": "Nhiều phản ánh về rác tồn đọng.",
            "unit": BA_DINH,
            "priority": "high",
            "documents": " ".join(map(str, doc_ids)),
            "propose": [str(office.ward.id), str(office.department.id)],
        },
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return int(response.headers["location"].split("/")[2].split("?")[0])


def test_a_case_through_three_roles_to_the_public_page(
    desk, office: Office, browser: TestClient
) -> None:  # type: ignore[no-untyped-def]
    case_id = open_case(browser, office, documents(desk.sessions, 6))
    detail = browser.get(f"/cases/{case_id}").text
    assert "Rác ven hồ Ba Đình" in detail and "Người dân phản ánh rác thải" in detail  # evidence

    as_user(browser, "lanhdao")
    assigned = post(
        browser,
        f"/cases/{case_id}/assign",
        {
            "agency_id": [str(office.ward.id), str(office.department.id)],
            "working_days": "5",
        },
        page=f"/cases/{case_id}",
    )
    assert assigned.status_code == 303
    page = browser.get(assigned.headers["location"]).text
    assert "Đã giao; cơ quan sẽ nhận e-mail" in page
    assert "Còn 5 ngày làm việc" in page

    as_user(browser, "ubnd.badinh")
    listed = browser.get("/cases").text
    assert f'href="/cases/{case_id}"' in listed
    ward_page = browser.get(f"/cases/{case_id}").text
    assert "Trả lời thay UBND phường Ba Đình" in ward_page
    assert "Sở Nông nghiệp" not in ward_page.split("Trả lời thay")[1].split("</h2>")[0]
    assert "Người dân phản ánh rác thải" not in ward_page  # agencies see a count, not the texts
    wrong = post(
        browser,
        f"/cases/{case_id}/answer",
        {
            "agency_id": str(office.department.id),
            "text": "thay sở",
        },
        page=f"/cases/{case_id}",
    )
    assert wrong.status_code == 403
    assert "Only a responder of agency" in wrong.text
    answered = post(
        browser,
        f"/cases/{case_id}/answer",
        {
            "agency_id": str(office.ward.id),
            "text": "Phường đã bố trí thu gom hằng ngày.",
        },
        page=f"/cases/{case_id}",
    )
    assert answered.status_code == 303

    as_user(browser, "lanhdao")
    refused = post(browser, f"/cases/{case_id}/publish", {}, page=f"/cases/{case_id}")
    assert refused.status_code == 409 and "only an approved case can be published" in refused.text
    approved = post(
        browser,
        f"/cases/{case_id}/approve",
        {
            "title": "Thu gom rác ven hồ Ba Đình",
            "summary": "Phường trả lời người dân.",
            "agency_id": str(office.ward.id),
        },
        page=f"/cases/{case_id}",
    )
    assert approved.status_code == 303
    assert (
        post(browser, f"/cases/{case_id}/publish", {}, page=f"/cases/{case_id}").status_code == 303
    )

    browser.cookies.clear()
    public = browser.get("/cong-khai/tra-loi")  # the portal's list of answers
    assert public.status_code == 200
    assert "Thu gom rác ven hồ Ba Đình" in public.text
    assert "Phường đã bố trí thu gom hằng ngày." in public.text
    assert "Có 6 ý kiến liên quan." in public.text
    for private in ("chuyenvien", "lanhdao", "ubnd.badinh", "Người dân phản ánh rác thải"):
        assert private not in public.text
    assert browser.get(f"/cong-khai/{case_id}").status_code == 200
    moved = browser.get("/public", follow_redirects=False)
    assert moved.status_code == 308 and moved.headers["location"] == "/cong-khai"
    english = browser.get(f"/cong-khai/{case_id}?lang=en").text
    assert "UBND phường Ba Đình answered" in english

    with desk.sessions() as session:
        kinds = [n.recipient for n in repository.notifications_of(session, case_id)]
    assert kinds.count("ubnd.badinh@hanoi.gov.vn") == 2  # assignment, publication


def test_pages_refuse_the_wrong_people(desk, office: Office, browser: TestClient) -> None:  # type: ignore[no-untyped-def]
    case_id = open_case(browser, office, [])
    # an unpublished case is not on the public page
    browser.cookies.clear()
    assert browser.get(f"/cong-khai/{case_id}").status_code == 404
    as_user(browser, "ubnd.badinh")
    assert browser.get(f"/cases/{case_id}").status_code == 404  # not assigned to this agency
    assert browser.get("/cases/agencies").status_code == 403
    as_user(browser, "lanhdao.hcm")
    assert browser.get(f"/cases/{case_id}").status_code == 404  # another province
    as_user(browser, "chuyenvien")
    no_token = browser.post(f"/cases/{case_id}/close", data={"reason": "x"}, follow_redirects=False)
    assert no_token.status_code == 403
    approve = post(browser, f"/cases/{case_id}/approve", {"title": "t"}, page=f"/cases/{case_id}")
    assert approve.status_code == 403
    table = browser.get("/cases/agencies")
    assert table.status_code == 200 and "UBND phường Ba Đình" in table.text
    assert browser.get("/cases?status=nonsense").status_code == 422


def test_script_in_every_text_field_is_escaped(desk, office: Office, browser: TestClient) -> None:  # type: ignore[no-untyped-def]
    case_id = open_case(browser, office, [], title=f"Tiêu đề {XSS}")
    as_user(browser, "lanhdao")
    post(
        browser,
        f"/cases/{case_id}/assign",
        {"agency_id": str(office.ward.id), "working_days": "3"},
        page=f"/cases/{case_id}",
    )
    as_user(browser, "ubnd.badinh")
    post(
        browser,
        f"/cases/{case_id}/extension",
        {"agency_id": str(office.ward.id), "days": "2", "reason": XSS},
        page=f"/cases/{case_id}",
    )
    post(
        browser,
        f"/cases/{case_id}/answer",
        {"agency_id": str(office.ward.id), "text": XSS},
        page=f"/cases/{case_id}",
    )
    as_user(browser, "lanhdao")
    post(
        browser,
        f"/cases/{case_id}/approve",
        {"title": XSS, "summary": XSS, "agency_id": str(office.ward.id)},
        page=f"/cases/{case_id}",
    )
    post(browser, f"/cases/{case_id}/publish", {}, page=f"/cases/{case_id}")
    refused = post(browser, "/cases", {"title": XSS, "unit": XSS}, page="/cases/new")
    pages = [browser.get(f"/cases/{case_id}").text, browser.get("/cases").text, refused.text]
    browser.cookies.clear()
    pages += [browser.get("/cong-khai/tra-loi").text, browser.get(f"/cong-khai/{case_id}").text]
    pages.append(browser.get("/cong-khai").text)
    for text in pages:
        assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages[3]


TEMPLATES = Path(__file__).resolve().parents[2] / "src/opiniondesk/web/templates"
# each of this area's templates and a page that renders it (the rest need a case in some state)
PAGES = {
    "cases/list.html": "/cases",
    "cases/new.html": "/cases/new",
    "cases/agencies.html": "/cases/agencies",
    "cases/detail.html": "/cases/{id}",
    "cases/_nav.html": "/cases",
}  # the public portal's templates: tests/portal/test_templates.py


def test_every_case_template_renders_in_both_languages(
    desk, office: Office, browser: TestClient
) -> None:  # type: ignore[no-untyped-def]
    found = {str(p.relative_to(TEMPLATES)) for p in (TEMPLATES / "cases").glob("*.html")}
    assert found == set(PAGES)
    case_id = open_case(browser, office, documents(desk.sessions, 2))
    as_user(browser, "lanhdao")
    post(
        browser,
        f"/cases/{case_id}/assign",
        {"agency_id": str(office.ward.id), "working_days": "5"},
        page=f"/cases/{case_id}",
    )
    as_user(browser, "ubnd.badinh")
    post(
        browser,
        f"/cases/{case_id}/answer",
        {"agency_id": str(office.ward.id), "text": "Xong."},
        page=f"/cases/{case_id}",
    )
    as_user(browser, "lanhdao")
    post(
        browser,
        f"/cases/{case_id}/approve",
        {"title": "T", "agency_id": str(office.ward.id)},
        page=f"/cases/{case_id}",
    )
    post(browser, f"/cases/{case_id}/publish", {}, page=f"/cases/{case_id}")
    as_user(browser, "chuyenvien")
    for lang in ("vi", "en"):
        for path in PAGES.values():
            response = browser.get(path.format(id=case_id) + f"?lang={lang}")
            assert response.status_code == 200, (path, lang)
            assert f'<html lang="{lang}">' in response.text
