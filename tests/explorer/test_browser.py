"""The explorer and alerts in Chromium: search without diacritics, open a document, correct its
sentiment, acknowledge an alert; no console errors or CSP violations on the way.

Browser set-up from tests/browser.py (Debian's Chromium, never a downloaded browser); skips
with a message when Playwright or Chromium is missing, except under CI=true (a failure).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.accounts.builders import PASSWORD
from tests.browser import launch, require_chromium, sync_api
from tests.web.conftest import READER
from tests.web.test_browser import server_url

require_chromium()

__all__ = ["server_url"]


def _keep(page: object, tmp_path: Path, name: str) -> None:
    shot = tmp_path / f"{name}.png"
    page.screenshot(path=str(shot), full_page=True)  # type: ignore[attr-defined]
    keep = os.environ.get("OPINIONDESK_SCREENSHOT_DIR")
    if keep:  # lets a person look at what the browser drew (docs/screenshots/)
        shutil.copy(shot, Path(keep) / shot.name)


@pytest.mark.slow
def test_search_correct_and_acknowledge(
    alerts: dict[str, int], docs: dict[str, int], server_url: str, tmp_path: Path
) -> None:
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
            page.goto(server_url + "/explorer", wait_until="networkidle")
            page.get_by_label("Tên đăng nhập").fill(READER)
            page.get_by_label("Mật khẩu").fill(PASSWORD)
            with page.expect_navigation(wait_until="networkidle"):
                page.get_by_role("button", name="Đăng nhập").click()
            assert page.url.startswith(server_url + "/explorer")
            page.get_by_label("Từ khoá").fill("sat lo doi can")
            with page.expect_navigation(wait_until="networkidle"):
                page.get_by_role("button", name="Tìm", exact=True).click()
            assert page.locator("mark").first.inner_text() == "Sạt"
            _keep(page, tmp_path, "explorer")
            with page.expect_navigation(wait_until="networkidle"):
                page.locator(f'a[href="/explorer/{docs["ba_dinh"]}"]').click()
            page.locator("#fix-sentiment").select_option("positive")
            with page.expect_navigation(wait_until="networkidle"):
                page.locator("form[action$='/labels']").nth(1).get_by_role("button").click()
            assert "Đã lưu nhãn của chuyên viên" in page.content()
            _keep(page, tmp_path, "explorer-document")
            page.goto(server_url + "/alerts", wait_until="networkidle")
            with page.expect_navigation(wait_until="networkidle"):
                page.locator(f'a[href="/alerts/{alerts["hanoi"]}"]').click()
            assert page.locator("#alert-trend, svg").first.bounding_box() is not None
            _keep(page, tmp_path, "alert")
            with page.expect_navigation(wait_until="networkidle"):
                page.get_by_role("button", name="Ghi nhận").click()
            assert "Đã ghi nhận" in page.content()
        finally:
            browser.close()
    assert problems == [], problems
