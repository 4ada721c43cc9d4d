"""One case from opening to publication in Chromium, as three roles use the desk, with a
screenshot of every main page on the way.

A provincial analyst of Hà Nội signs in, reads the dashboard, searches the explorer, corrects a
label, opens a case and assigns it to a ward committee; the committee's responder answers; the
provincial leader approves and publishes; a visitor who never signed in reads the answer on the
public page. An admin and a collaborator only sign in for the screenshots of their pages.

Screenshots go to OPINIONDESK_SCREENSHOT_DIR (default: the test's tmp dir); the ones in
docs/screenshots/ come from `OPINIONDESK_SCREENSHOT_DIR=docs/screenshots pytest <this file>`.
Browser set-up from tests/browser.py: Debian's Chromium, never a downloaded browser.
Skips when Playwright or Chromium is missing, except under CI=true, where that is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from opiniondesk.accounts.roles import Role
from opiniondesk.alerts.models import Alert, AlertStatus
from opiniondesk.cases import service
from opiniondesk.config import Settings
from opiniondesk.storage.engine import make_session_factory
from opiniondesk.storage.models import AdminUnit
from opiniondesk.web.app import create_app
from tests.accounts.builders import BA_DINH, HANOI, PASSWORD, make_user
from tests.browser import launch, live_server, require_chromium, sync_api
from tests.cases.builders import settings as cases_settings
from tests.explorer.builders import add_channel, add_document
from tests.web.conftest import SQUARES

require_chromium()

ANALYST, LEADER, RESPONDER = "chuyenvien.hn", "lanhdao.hn", "ubnd.badinh"
ADMIN, COLLABORATOR = "quantri", "congtacvien.hn"
ANSWER = "Phường đã bố trí xe thu gom rác ven hồ hằng ngày từ thứ Hai."


@dataclass(frozen=True)
class Desk:
    url: str
    agency_id: int
    document_id: int


def _seed_people_and_evidence(engine: Engine) -> tuple[int, int]:
    """The ward agency, five accounts, documents to search and an alert; (agency, document)."""
    sessions = make_session_factory(engine)
    with sessions.begin() as session:
        # the web seed swaps these two wards' names; the screenshots should carry the real ones
        for code, name in ((BA_DINH, "Ba Đình"), ("00097", "Hồng Hà")):
            unit = session.scalars(select(AdminUnit).where(AdminUnit.code == code)).one()
            unit.name, unit.short_name = f"Phường {name}", name
        agency = service.add_agency(
            session,
            code="ubnd-p-ba-dinh",
            name="UBND phường Ba Đình",
            unit_code=BA_DINH,
            email="ubnd.badinh@hanoi.gov.vn",
            actor=None,
        )
        channel = add_channel(session)
        document_id = add_document(
            session,
            channel,
            "Rác thải tồn đọng ven hồ Ngọc Khánh nhiều ngày, bốc mùi",
            title="Rác ven hồ Ngọc Khánh",
            commune=BA_DINH,
            topic="land",
        )
        for n, text in enumerate(
            [
                "Rac thai ven ho chua duoc thu gom",
                "Rác thải sinh hoạt đổ trộm ở ngõ, mong phường xử lý",
                "Đường Đội Cấn ngập sau mưa lớn",
            ]
        ):
            add_document(session, channel, text, commune=BA_DINH if n < 2 else "00097")
        session.add(_alert([document_id]))
        agency_id = agency.id
    make_user(sessions, ANALYST, Role.analyst, (HANOI,))
    make_user(sessions, LEADER, Role.leader, (HANOI,))
    make_user(sessions, RESPONDER, Role.agency, (BA_DINH,), agency_id=agency_id)
    make_user(sessions, ADMIN, Role.admin, ("VN",))
    make_user(sessions, COLLABORATOR, Role.collaborator, (HANOI,))
    return agency_id, document_id


def _alert(evidence: list[int]) -> Alert:
    moment = datetime(2025, 6, 30, tzinfo=UTC)
    return Alert(
        topic_code="land",
        province_code=HANOI,
        commune_code=BA_DINH,
        window_start=date(2025, 6, 25),
        window_end=date(2025, 6, 30),
        detected_on=date(2025, 6, 30),
        observed=40,
        expected=3.5,
        probability=0.0001,
        score=4.0,
        method="test",
        parameters={},
        status=AlertStatus.new,
        evidence=evidence,
        created_at=moment,
        updated_at=moment,
    )


@pytest.fixture
def desk_server(settings: Settings, seeded_engine: Engine, cheap_passwords: None) -> Iterator[Desk]:
    agency_id, document_id = _seed_people_and_evidence(seeded_engine)
    app = create_app(settings, engine=seeded_engine)
    app.state.map_regions = SQUARES
    app.state.cases_settings = cases_settings()  # e-mails wait unsent; tasks run in-process
    with live_server(app) as url:
        yield Desk(url, agency_id, document_id)


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("OPINIONDESK_SCREENSHOT_DIR") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Walk:
    """One browser tab on the desk: sign in and out, go to pages, keep screenshots."""

    def __init__(self, page: Any, url: str, shots: Path) -> None:
        self.page, self.url, self.shots = page, url, shots
        self.saved: list[str] = []

    def go(self, path: str) -> Any:
        response = self.page.goto(self.url + path, wait_until="networkidle")
        assert response is not None and response.status == 200, (path, response and response.status)
        return response

    def submit(self, button: Any) -> None:
        with self.page.expect_navigation(wait_until="networkidle"):
            button.click()

    def sign_in(self, username: str, landing: str = "/") -> None:
        """Sign in through the form; `landing` for roles without the dashboard."""
        self.page.context.clear_cookies()
        self.go(f"/login?next={landing}")
        self.page.get_by_label("Tên đăng nhập").fill(username)
        self.page.get_by_label("Mật khẩu").fill(PASSWORD)
        self.submit(self.page.get_by_role("button", name="Đăng nhập"))
        assert "/login" not in self.page.url, f"{username} could not sign in"

    def shot(self, name: str, *, full_page: bool = False) -> None:
        path = self.shots / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        assert path.stat().st_size > 5_000, f"{name}.png looks blank"
        self.saved.append(name)


@pytest.mark.slow
def test_a_case_through_three_roles_in_chromium(desk_server: Desk, shots: Path) -> None:
    problems: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on(
                "console",
                lambda msg: problems.append(msg.text) if msg.type in {"error", "warning"} else None,
            )
            page.on("pageerror", lambda exc: problems.append(str(exc)))
            page.on(
                "response",
                lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None,
            )
            walk = Walk(page, desk_server.url, shots)
            case_id = _analyst_opens_and_assigns(walk, desk_server)
            _responder_answers(walk, case_id)
            _leader_approves_and_publishes(walk, case_id)
            _visitor_reads_the_answer(walk)
            _other_pages(walk)
        finally:
            browser.close()
    assert problems == [], problems
    assert sorted(walk.saved) == sorted(
        [
            "login",
            "dashboard",
            "explorer",
            "document-detail",
            "alerts",
            "case-new",
            "cases-list",
            "case-detail",
            "case-answer",
            "public",
            "reports",
            "field-report-form",
            "admin-users",
            "audit-log",
        ]
    )


def _analyst_opens_and_assigns(walk: Walk, desk: Desk) -> int:
    page = walk.page
    walk.go("/")
    assert "/login" in page.url  # a visitor is sent to the sign-in form
    walk.shot("login")
    walk.sign_in(ANALYST)
    walk.go("/")
    assert page.locator("#chart-volume").bounding_box() is not None
    walk.shot("dashboard", full_page=True)

    walk.go("/explorer")
    page.get_by_label("Từ khoá").fill("rac thai ven ho")  # no diacritics: still found
    walk.submit(page.get_by_role("button", name="Tìm", exact=True))
    assert page.locator(f'a[href="/explorer/{desk.document_id}"]').count() == 1
    walk.shot("explorer")
    walk.submit(page.locator(f'a[href="/explorer/{desk.document_id}"]').first)
    page.locator("#fix-sentiment").select_option("neutral")
    walk.submit(page.locator("form[action$='/labels']").nth(1).get_by_role("button"))
    assert "Đã lưu nhãn của chuyên viên" in page.content()
    walk.shot("document-detail", full_page=True)

    walk.go("/alerts")
    walk.shot("alerts")

    walk.go("/cases/new")
    page.locator("#c-title").fill("Rác tồn đọng ven hồ Ngọc Khánh")
    page.locator("#c-summary").fill("Nhiều phản ánh về rác chưa được thu gom ven hồ.")
    page.locator("#c-unit").fill(BA_DINH)
    page.locator("#c-documents").fill(str(desk.document_id))
    walk.shot("case-new")
    walk.submit(page.get_by_role("button", name="Mở vấn đề"))
    assert "/cases/" in page.url, page.url
    case_id = int(page.url.split("/cases/")[1].split("?")[0])
    page.locator(f'input[name="agency_id"][value="{desk.agency_id}"]').check()
    page.locator("#assign-days").fill("5")
    walk.submit(page.locator("form[action$='/assign'] button[type=submit]"))
    assert "Còn 5 ngày làm việc" in page.content()
    return case_id


def _responder_answers(walk: Walk, case_id: int) -> None:
    page = walk.page
    walk.sign_in(RESPONDER, "/cases")
    walk.go("/cases")
    assert page.locator(f'a[href="/cases/{case_id}"]').count() >= 1  # only their own cases
    walk.shot("cases-list")
    walk.go(f"/cases/{case_id}")
    page.locator("form[action$='/answer'] textarea[name=text]").fill(ANSWER)
    walk.shot("case-answer")
    walk.submit(page.locator("form[action$='/answer'] button[type=submit]"))
    assert ANSWER in page.content()


def _leader_approves_and_publishes(walk: Walk, case_id: int) -> None:
    page = walk.page
    walk.sign_in(LEADER, f"/cases/{case_id}")
    walk.go(f"/cases/{case_id}")
    walk.submit(page.locator("form[action$='/approve'] button[type=submit]"))
    walk.submit(page.locator("form[action$='/publish'] button[type=submit]"))
    assert page.locator("form[action$='/publish']").count() == 0  # published: nothing left
    walk.shot("case-detail", full_page=True)
    walk.go("/reports")
    walk.shot("reports")


def _visitor_reads_the_answer(walk: Walk) -> None:
    walk.page.context.clear_cookies()
    walk.go("/cong-khai/tra-loi")  # the portal's list of answers
    content = walk.page.content()
    assert "Rác tồn đọng ven hồ Ngọc Khánh" in content and ANSWER in content
    for private in (ANALYST, LEADER, RESPONDER):
        assert private not in content  # people stay out of the public page
    walk.shot("public", full_page=True)


def _other_pages(walk: Walk) -> None:
    walk.sign_in(COLLABORATOR, "/field-reports/new")
    walk.go("/field-reports/new")
    walk.shot("field-report-form", full_page=True)
    walk.sign_in(ADMIN, "/admin/users")
    walk.go("/admin/users")
    walk.shot("admin-users")
    walk.go("/admin/audit")
    assert "audit" in walk.page.url
    walk.shot("audit-log")
