"""A dialogue in a real browser: a citizen asks on the public form; a moderator on a tablet
sees it grouped, publishes it, puts it on air, marks it answered with a summary and records a
commitment; the public session page then shows the answer and the commitment. No console
errors, no CSP violations, touch targets of at least 44 px on the run-of-show screen.

Needs Playwright for Python and Debian's Chromium at /usr/bin/chromium (never downloaded);
skips with a message when either is missing, except under CI=true (tests/browser.py).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from opiniondesk.cases.deadlines import add_working_days, local_day
from opiniondesk.storage.base import utcnow
from opiniondesk.web.app import create_app
from tests.accounts.builders import PASSWORD
from tests.browser import launch, live_server, require_chromium, sync_api
from tests.cases.builders import hanoi_office, settings
from tests.dialogue.builders import make_session

require_chromium()

QUESTION = "Bao giờ thì sửa đoạn đường Nguyễn Trãi bị lún sụt trước chợ?"
SUMMARY = "Phường sẽ vá mặt đường trong tháng 12."
PROMISE = "Vá mặt đường Nguyễn Trãi trước chợ"


@pytest.fixture
def server(sqlite_desk) -> Iterator[tuple[str, int]]:  # type: ignore[no-untyped-def]
    hanoi_office(sqlite_desk.sessions)
    session_id = make_session(sqlite_desk.sessions, utcnow())
    app = create_app(sqlite_desk.settings, engine=sqlite_desk.engine)
    app.state.map_regions = None
    app.state.cases_settings = settings()
    with live_server(app) as url:
        yield url, session_id


def _watch(page, problems: list[str]) -> None:  # type: ignore[no-untyped-def]
    page.on(
        "console",
        lambda msg: problems.append(msg.text) if msg.type in {"error", "warning"} else None,
    )
    page.on("pageerror", lambda exc: problems.append(str(exc)))


def _keep(page, shot: Path) -> None:  # type: ignore[no-untyped-def]
    """A full-page screenshot; copied to OPINIONDESK_SCREENSHOT_DIR when set, for a person."""
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    keep = os.environ.get("OPINIONDESK_SCREENSHOT_DIR")
    if keep:
        shutil.copy(shot, Path(keep) / shot.name)


@pytest.mark.slow
def test_ask_moderate_answer_commit_in_chromium(server: tuple[str, int], tmp_path: Path) -> None:
    base, sid = server
    public = f"{base}/cong-khai/doi-thoai/{sid}"
    problems: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            # a citizen, on a phone
            citizen = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
            _watch(citizen, problems)
            citizen.goto(public, wait_until="networkidle")
            citizen.get_by_label("Câu hỏi của bạn").fill(QUESTION)
            with citizen.expect_navigation(wait_until="networkidle"):
                citizen.get_by_role("button", name="Gửi câu hỏi").click()
            assert "Đã nhận câu hỏi của bạn" in citizen.content()
            assert QUESTION not in citizen.content()  # not public before a moderator reads it

            # the moderator, on a tablet
            moderator = browser.new_context(viewport={"width": 1024, "height": 768}).new_page()
            _watch(moderator, problems)
            moderator.goto(f"{base}/login", wait_until="networkidle")
            moderator.get_by_label("Tên đăng nhập").fill("chuyenvien")
            moderator.get_by_label("Mật khẩu").fill(PASSWORD)
            with moderator.expect_navigation(wait_until="networkidle"):
                moderator.get_by_role("button", name="Đăng nhập").click()
            moderator.goto(f"{base}/doi-thoai/{sid}", wait_until="networkidle")
            group = moderator.locator("article.dialogue-group").first
            assert QUESTION in group.inner_text() and "1 người" in group.inner_text()
            with moderator.expect_navigation(wait_until="networkidle"):
                group.get_by_role("button", name="Hiển thị công khai").click()
            citizen.goto(public, wait_until="networkidle")
            assert QUESTION in citizen.content()
            moderator.goto(f"{base}/doi-thoai/{sid}/truc-tiep", wait_until="networkidle")
            on_air = moderator.get_by_role("button", name="Đưa lên sóng")
            box = on_air.bounding_box()
            assert box is not None and box["height"] >= 44 and box["width"] >= 44
            with moderator.expect_navigation(wait_until="networkidle"):
                on_air.click()
            moderator.get_by_label("Tóm tắt câu trả lời").fill(SUMMARY)
            with moderator.expect_navigation(wait_until="networkidle"):
                moderator.get_by_role("button", name="Đánh dấu đã trả lời").click()
            moderator.get_by_label("Nội dung cam kết").fill(PROMISE)
            moderator.get_by_label("Cơ quan chủ trì").select_option(label="UBND phường Ba Đình")
            deadline = add_working_days(local_day(utcnow()), 10)
            moderator.get_by_label("Hạn").fill(deadline.isoformat())
            with moderator.expect_navigation(wait_until="networkidle"):
                moderator.get_by_role("button", name="Ghi cam kết (mở vấn đề)").click()
            table = moderator.locator("#h-commitments + table").inner_text()
            assert PROMISE in table and f"{deadline:%d/%m/%Y}" in table
            _keep(moderator, tmp_path / "dialogue-run-of-show.png")

            # the public page shows the answer and the commitment's progress
            citizen.goto(public, wait_until="networkidle")
            content = citizen.content()
            assert SUMMARY in content and PROMISE in content and "Đang thực hiện" in content
            _keep(citizen, tmp_path / "dialogue-public.png")
        finally:
            browser.close()
    assert problems == [], problems
