"""The portal on a phone (360×740) in Chromium: read the home page, open an answer, open a
clarification (its JSON-LD readable), switch to English and back, send the feedback form
without JavaScript help and reach the thank-you and status pages. No console error, no CSP
violation, no request to another origin, nothing wider than the screen.

Screenshots go to OPINIONDESK_SCREENSHOT_DIR (default: the test's tmp dir); the ones in
docs/screenshots/portal-*.png come from
`OPINIONDESK_SCREENSHOT_DIR=docs/screenshots pytest tests/portal/test_browser.py`.
Debian's Chromium at /usr/bin/chromium, never a downloaded browser; skips when it or Playwright
is missing, except under CI=true, where that is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import launch, live_server, require_chromium, sync_api
from tests.cases.builders import hanoi_office
from tests.conftest import DeskFixture
from tests.portal.builders import clarify, publish_answer
from tests.portal.conftest import portal_app

PHONE = {"width": 360, "height": 740}


require_chromium()


@pytest.fixture
def server_url(sqlite_desk: DeskFixture, cheap_passwords: None) -> Iterator[str]:
    office = hanoi_office(sqlite_desk.sessions)
    for n in range(1, 4):
        publish_answer(sqlite_desk.sessions, office, n)
        clarify(sqlite_desk.sessions, n, rating=("Sai", "Chưa chính xác", "Đúng")[n % 3])
    app = portal_app(sqlite_desk)
    with live_server(app) as url:
        yield url


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("OPINIONDESK_SCREENSHOT_DIR") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Phone:
    """One browser tab the size of a small phone, watching for anything going wrong."""

    def __init__(self, page: Any, url: str, shots: Path) -> None:
        self.page, self.url, self.shots = page, url, shots
        self.problems: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.problems.append(str(exc)))
        page.on("requestfailed", lambda req: self.problems.append(f"failed: {req.url}"))
        page.on("request", self._request)

    def _console(self, message: Any) -> None:
        if message.type in {"error", "warning"}:  # CSP violations are reported as errors
            self.problems.append(message.text)

    def _request(self, request: Any) -> None:
        if not request.url.startswith(self.url) and not request.url.startswith("data:"):
            self.problems.append(f"another origin: {request.url}")

    def go(self, path: str) -> None:
        response = self.page.goto(self.url + path, wait_until="networkidle")
        assert response is not None and response.status == 200, path
        self.fits()

    def follow(self, locator: Any) -> None:
        with self.page.expect_navigation(wait_until="networkidle"):
            locator.click()
        self.fits()

    def fits(self) -> None:
        """Nothing wider than the phone's screen (the nav scrolls inside itself)."""
        width = self.page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], (self.page.url, width)

    def h1(self) -> str:
        return str(self.page.locator("h1").first.inner_text()).strip()

    def shot(self, name: str) -> None:
        path = self.shots / f"portal-{name}.png"
        self.page.screenshot(path=str(path))  # the phone's screen, not the whole page
        assert path.stat().st_size > 5_000, f"{path.name} looks blank"


@pytest.mark.slow
def test_a_citizen_reads_the_portal_on_a_phone(server_url: str, shots: Path) -> None:
    with sync_api.sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page(viewport=PHONE, device_scale_factor=1)
            phone = Phone(page, server_url, shots)
            _read_home_and_an_answer(phone)
            _read_a_clarification(phone)
            _switch_language(phone)
            _send_feedback(phone)
        finally:
            browser.close()
    assert phone.problems == [], phone.problems


def _read_home_and_an_answer(phone: Phone) -> None:
    page = phone.page
    phone.go("/cong-khai")
    assert phone.h1() == "Trang chủ công khai"
    assert page.evaluate("document.documentElement.lang") == "vi"
    phone.shot("home")
    # the keyboard reaches the skip link first, and focus is visible
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "[document.activeElement.getAttribute('href'),"
        " getComputedStyle(document.activeElement).outlineStyle]"
    )
    assert focused[0] == "#main" and focused[1] != "none"
    phone.follow(page.locator("#home-answers ~ ul a").first)
    assert phone.h1() == "Thu gom rác ven hồ, khu 3"
    assert "UBND phường đã kiểm tra hiện trường" in page.content()
    phone.shot("answer")


def _read_a_clarification(phone: Phone) -> None:
    page = phone.page
    phone.follow(page.get_by_role("link", name="Làm rõ thông tin", exact=True))
    phone.follow(page.locator("main .portal-list a").first)
    review = page.evaluate(
        "JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)"
    )
    assert review["@type"] == "ClaimReview" and review["reviewRating"]["ratingValue"] in (1, 2, 5)
    assert review["url"] == page.url
    phone.shot("clarification")


def _switch_language(phone: Phone) -> None:
    page = phone.page
    phone.follow(page.get_by_role("link", name="English"))
    assert page.evaluate("document.documentElement.lang") == "en"
    assert phone.h1() == "Clarified information"
    phone.follow(page.get_by_role("link", name="Home", exact=True))
    assert phone.h1() == "Public home"  # remembered from page to page
    phone.shot("home-en")
    phone.follow(page.get_by_role("link", name="Tiếng Việt"))
    assert phone.h1() == "Trang chủ công khai"


def _send_feedback(phone: Phone) -> None:
    page = phone.page
    phone.follow(page.get_by_role("link", name="Góp ý", exact=True))
    page.get_by_label("Lĩnh vực").select_option(label="Giao thông, hạ tầng")
    description = "Ổ gà lớn trước cổng trường, xe máy đi qua rất dễ ngã. Tôi số 0912345678."
    page.get_by_label("Bạn muốn phản ánh điều gì?").fill(description)
    page.get_by_label("Hoặc tìm xã/phường theo tên").fill("ba dinh")
    phone.follow(page.get_by_role("button", name="Hiện danh sách xã/phường"))
    assert page.get_by_label("Bạn muốn phản ánh điều gì?").input_value() == description
    commune = page.get_by_label("Xã/phường/đặc khu")
    commune.select_option(label="Phường Ba Đình, Thành phố Hà Nội")
    page.get_by_label("Hoặc tìm xã/phường theo tên").scroll_into_view_if_needed()
    phone.shot("feedback")
    page.get_by_label("E-mail (để nhận cập nhật)").fill("nguoidan@example.vn")
    page.get_by_label("Tôi đồng ý", exact=False).check()
    phone.follow(page.get_by_role("button", name="Gửi góp ý"))
    assert phone.h1() == "Cảm ơn bạn đã góp ý"
    number = page.locator(".portal-id").inner_text().lstrip("#")
    assert number.isdigit()
    phone.shot("thanks")
    phone.follow(page.get_by_role("link", name="Theo dõi tình trạng"))
    assert phone.h1() == f"Góp ý số {number}"
    content = page.content()
    assert "Đã tiếp nhận, đang xem xét" in content
    assert "0912345678" not in content and "nguoidan@example.vn" not in content
    phone.shot("status")
