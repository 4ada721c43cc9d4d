"""Voting in a consultation in a real browser on a phone-sized screen: big buttons, one
statement after another, no JavaScript needed, no console errors, no CSP violations.

Needs Playwright for Python and Debian's Chromium at /usr/bin/chromium; skips without them,
except under CI=true, where that is a failure (tests/browser.py).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from opiniondesk.consultations import repository as repo
from opiniondesk.web.app import create_app
from tests.browser import launch, live_server, require_chromium, sync_api
from tests.conftest import DeskFixture
from tests.consultations.builders import STATEMENTS, open_consultation

require_chromium()


@pytest.fixture
def server(sqlite_desk: DeskFixture) -> Iterator[tuple[str, int]]:
    with sqlite_desk.sessions.begin() as session:
        consultation_id = open_consultation(session).id
    app = create_app(sqlite_desk.settings, engine=sqlite_desk.engine)
    with live_server(app) as url:
        yield url, consultation_id


@pytest.mark.slow
@pytest.mark.parametrize("javascript", [True, False])
def test_voting_on_a_phone(
    server: tuple[str, int], sqlite_desk: DeskFixture, javascript: bool
) -> None:
    url, consultation_id = server
    problems: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            context = browser.new_context(
                viewport={"width": 390, "height": 844},
                is_mobile=True,
                has_touch=True,
                java_script_enabled=javascript,
            )
            page = context.new_page()
            page.on(
                "console",
                lambda msg: problems.append(msg.text) if msg.type in {"error", "warning"} else None,
            )
            page.on("pageerror", lambda exc: problems.append(str(exc)))
            response = page.goto(f"{url}/cong-khai/tham-van/{consultation_id}", wait_until="load")
            assert response is not None and response.status == 200
            seen = []
            for answer in ("Đồng ý", "Không đồng ý", "Bỏ qua / Chưa rõ", "Đồng ý"):
                seen.append(page.locator("#statement-text").inner_text())
                button = page.get_by_role("button", name=answer, exact=True)
                box = button.bounding_box()
                # a thumb-sized target that fits the screen
                assert box is not None and box["height"] >= 48 and box["x"] + box["width"] <= 390
                with page.expect_navigation(wait_until="load"):
                    button.click()
                assert "Đã ghi nhận phiếu của bạn." in page.content()
            assert sorted(seen) == sorted(STATEMENTS)
            assert page.locator("#all-done").is_visible()
            # the page fits the phone: nothing wider than the screen
            if javascript:
                assert page.evaluate("document.documentElement.scrollWidth") <= 390
            page.get_by_role("link", name="Xem kết quả").first.click()
            page.wait_for_load_state("load")
            assert "Kết quả tham vấn" in page.content()
        finally:
            browser.close()
    assert problems == [], problems
    with sqlite_desk.sessions() as session:
        assert repo.vote_count(session, consultation_id) == 4
        assert repo.participant_count(session, consultation_id) == 1
