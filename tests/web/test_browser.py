"""The dashboard in a real browser: sign in, charts visible, no console errors, no CSP
violations, sign out.

Needs Playwright for Python and Debian's Chromium at /usr/bin/chromium (the browser is not
downloaded: `playwright install` is never run; see tests/browser.py). Skips with a message when
either is missing, except under CI=true, where that is a failure.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from opiniondesk.config import Settings
from opiniondesk.storage.engine import make_session_factory
from opiniondesk.web.app import create_app
from tests.accounts.builders import PASSWORD, make_user
from tests.browser import launch, live_server, require_chromium, sync_api
from tests.web.conftest import READER, SQUARES

require_chromium()


@pytest.fixture
def server_url(settings: Settings, seeded_engine: Engine, cheap_passwords: None) -> Iterator[str]:
    make_user(make_session_factory(seeded_engine), READER)
    app = create_app(settings, engine=seeded_engine)
    app.state.map_regions = SQUARES
    with live_server(app) as url:
        yield url


@pytest.mark.slow
@pytest.mark.parametrize("width", [1280, 390])
def test_dashboard_in_chromium(server_url: str, tmp_path: Path, width: int) -> None:
    problems: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.on(
                "console",
                lambda msg: problems.append(msg.text) if msg.type in {"error", "warning"} else None,
            )
            page.on("pageerror", lambda exc: problems.append(str(exc)))
            page.on("requestfailed", lambda req: problems.append(f"failed: {req.url}"))
            # the dashboard sends a visitor to the sign-in form, and back after it
            response = page.goto(server_url + "/", wait_until="networkidle")
            assert response is not None and response.status == 200
            assert page.url.startswith(server_url + "/login")
            page.get_by_label("Tên đăng nhập").fill(READER)
            page.get_by_label("Mật khẩu").fill(PASSWORD)
            with page.expect_navigation(wait_until="networkidle"):
                page.get_by_role("button", name="Đăng nhập").click()
            assert page.url == server_url + "/"
            for chart in (
                "#chart-volume",
                "#chart-topics",
                "#chart-places",
                "#chart-sentiment",
                "#chart-channels",
                "#chart-map",
            ):
                box = page.locator(chart).bounding_box()
                assert box is not None and box["width"] > 200 and box["height"] > 15, chart
            assert page.locator(".card-value").first.inner_text() == "1.743"
            # the stylesheet applied: the CSP allowed it and nothing inline was blocked
            background = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
            assert background == "rgb(244, 246, 249)"
            shot = tmp_path / f"dashboard-{width}.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000
            keep = os.environ.get("OPINIONDESK_SCREENSHOT_DIR")
            if keep:  # lets a person look at what the browser drew
                shutil.copy(shot, Path(keep) / shot.name)
            page.goto(server_url + "/?lang=en", wait_until="networkidle")
            assert page.locator("h1").first.inner_text() == "Public opinion overview"
            page.goto(server_url + "/account", wait_until="networkidle")
            with page.expect_navigation(wait_until="networkidle"):
                page.get_by_role("button", name="Sign out").click()
            assert "/login" in page.url and "You have signed out." in page.content()
            page.goto(server_url + "/", wait_until="networkidle")
            assert "/login" in page.url  # the session is gone on the server
        finally:
            browser.close()
    assert problems == [], problems
