"""The portal's home page and the published answers: each section lists the newest items or
says there is nothing yet, features' sections appear only when registered, the answers moved to
/cong-khai/tra-loi (paged) while /cong-khai/{id} and the /public aliases keep working, and a
visitor sees no staff menu."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from opiniondesk.web import portal
from opiniondesk.web.portal import PortalEntry
from tests.accounts.builders import signed_in
from tests.cases.builders import Office
from tests.conftest import DeskFixture
from tests.portal.builders import clarify, publish_answer

NOW = datetime.now(UTC)


def _titles(html: str, section_id: str) -> list[str]:
    """The link texts of one home-page section, in order."""
    section = html.split(f'id="{section_id}"', 1)[1].split("</section>", 1)[0]
    return re.findall(r"<h[34]><a href=\"[^\"]+\">([^<]+)</a>", section)


@pytest.fixture
def no_features(monkeypatch: pytest.MonkeyPatch) -> None:
    """No dialogue or consultation feature registered with the portal."""
    monkeypatch.setattr(portal, "_SOURCES", {})


def _sessions(_session: Session, language: str) -> list[PortalEntry]:
    title = "Đối thoại" if language == "vi" else "Dialogue"
    return [
        PortalEntry(f"{title} tháng trước", "/cong-khai/doi-thoai/1", NOW - timedelta(days=30)),
        PortalEntry(f"{title} tuần sau", "/cong-khai/doi-thoai/2", NOW + timedelta(days=7)),
        PortalEntry(f"{title} tháng sau", "/cong-khai/doi-thoai/3", NOW + timedelta(days=30)),
        # a naive time from a feature is read as UTC rather than failing the page
        PortalEntry(f"{title} năm ngoái", "/cong-khai/doi-thoai/4", datetime(2024, 5, 1, 8)),
    ]


def test_an_empty_portal_says_nothing_yet_and_hides_unregistered_features(
    visitor: TestClient, no_features: None
) -> None:
    page = visitor.get("/cong-khai")
    assert page.status_code == 200
    html = page.text
    assert '<html lang="vi">' in html
    assert "Chưa có câu trả lời nào được công bố." in html
    assert "Chưa có thông tin nào được làm rõ." in html
    assert 'href="/cong-khai/gop-y"' in html
    for hidden in ("home-sessions", "home-consultations", "/cong-khai/doi-thoai", "Tham vấn"):
        assert hidden not in html


def test_home_lists_the_newest_of_each_section(
    desk: DeskFixture, office: Office, visitor: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(portal, "_SOURCES", {})
    portal.register("sessions", _sessions)
    portal.register("consultations", lambda _session, _language: [])
    for n in range(1, 7):
        publish_answer(desk.sessions, office, n)
        clarify(desk.sessions, n)
    html = visitor.get("/cong-khai").text
    assert _titles(html, "home-answers") == [
        f"Thu gom rác ven hồ, khu {n}" for n in (6, 5, 4, 3, 2)
    ]
    assert len(_titles(html, "home-clarifications")) == 5
    assert "khu vực ven hồ 6 sẽ bị giải tỏa" in _titles(html, "home-clarifications")[0]
    assert "Kết luận" not in html.split('id="home-clarifications"')[1].split("</section>")[0]
    assert _titles(html, "home-sessions") == [
        "Đối thoại tuần sau",
        "Đối thoại tháng sau",
        "Đối thoại tháng trước",
        "Đối thoại năm ngoái",
    ]
    sessions = html.split('id="home-sessions"')[1].split("</section>")[0]
    assert sessions.index("Sắp diễn ra") < sessions.index("tuần sau") < sessions.index("Đã diễn ra")
    consultations = html.split('id="home-consultations"')[1].split("</section>")[0]
    assert "Chưa có gì ở mục này." in consultations
    nav = html.split('class="portal-nav"')[1].split("</nav>")[0]
    assert re.findall(r">([^<]+)</a>", nav) == [
        "Trang chủ",
        "Trả lời",
        "Làm rõ thông tin",
        "Đối thoại",
        "Tham vấn",
        "Góp ý",
    ]
    english = visitor.get("/cong-khai?lang=en").text
    assert "Latest answers" in english and "Dialogue next week" not in english
    assert "Dialogue tuần sau" in english  # the feature was asked in the reader's language


def test_answers_moved_to_their_own_paged_list(
    desk: DeskFixture, office: Office, visitor: TestClient
) -> None:
    ids = [publish_answer(desk.sessions, office, n) for n in range(1, 13)]
    first = visitor.get("/cong-khai/tra-loi")
    assert first.status_code == 200
    assert first.text.count('<article class="panel wide"') == 10
    assert "Thu gom rác ven hồ, khu 12" in first.text and "khu 2<" not in first.text
    assert 'href="?trang=2"' in first.text and "?trang=0" not in first.text
    second = visitor.get("/cong-khai/tra-loi?trang=2").text
    assert second.count('<article class="panel wide"') == 2
    assert "Thu gom rác ven hồ, khu 1<" in second and 'href="?trang=1"' in second
    assert visitor.get("/cong-khai/tra-loi?trang=0").status_code == 422
    detail = visitor.get(f"/cong-khai/{ids[0]}")
    assert detail.status_code == 200 and "UBND phường đã kiểm tra hiện trường" in detail.text
    assert "<h1" in detail.text and 'aria-current="page">Trả lời<' in detail.text
    moved = visitor.get("/public", follow_redirects=False)
    assert moved.status_code == 308 and moved.headers["location"] == "/cong-khai"
    moved = visitor.get(f"/public/{ids[0]}", follow_redirects=False)
    assert moved.headers["location"] == f"/cong-khai/{ids[0]}"
    assert visitor.get("/cong-khai/99999").status_code == 404


def test_the_language_switch_is_remembered(visitor: TestClient, no_features: None) -> None:
    english = visitor.get("/cong-khai?lang=en").text
    assert '<html lang="en">' in english and "Public home" in english
    assert '<a href="?lang=vi" lang="vi" hreflang="vi">Tiếng Việt</a>' in english
    assert '<html lang="en">' in visitor.get("/cong-khai/lam-ro").text  # remembered
    assert '<html lang="vi">' in visitor.get("/cong-khai/gop-y?lang=vi").text
    assert '<html lang="vi">' in visitor.get("/cong-khai").text


def test_visitors_see_no_staff_menu_and_staff_a_way_back(
    office: Office, visitor: TestClient, no_features: None
) -> None:
    html = visitor.get("/cong-khai").text
    assert 'href="/login">Đăng nhập cán bộ</a>' in html
    for staff in ('href="/cases"', 'href="/explorer"', "/logout", "Đăng xuất"):
        assert staff not in html
    staff_view = signed_in(visitor, office.analyst.username).get("/cong-khai").text
    assert 'href="/">Về trang làm việc</a>' in staff_view
    assert "/logout" not in staff_view and "Đăng nhập cán bộ" not in staff_view
