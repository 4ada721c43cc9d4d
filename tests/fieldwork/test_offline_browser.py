"""The field report form in a real browser: signed in as a collaborator, the form is loaded,
the connection drops, two reports are typed, the page still reloads from the service worker,
the connection returns, and both reports arrive exactly once.

Needs Playwright for Python and Debian's Chromium at /usr/bin/chromium (never downloaded).
"""

from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from opiniondesk.fieldwork.models import FieldReport
from opiniondesk.web.app import create_app
from tests.accounts.builders import PASSWORD
from tests.browser import launch, require_chromium, server_thread, sync_api
from tests.conftest import DeskFixture
from tests.fieldwork.builders import COLLABORATOR, collaborator_token

require_chromium()

QUEUE_LENGTH = "JSON.parse(localStorage.getItem('opiniondesk.fieldReports.queue') || '[]').length"


def _wait_for_queue(page: object, expected: int) -> None:
    """Poll the device queue (wait_for_function would need 'unsafe-eval', which CSP forbids)."""
    deadline = time.monotonic() + 30
    while page.evaluate(f"() => {QUEUE_LENGTH}") != expected:  # type: ignore[attr-defined]
        assert time.monotonic() < deadline, f"the queue never held {expected} report(s)"
        page.wait_for_timeout(100)  # type: ignore[attr-defined]


def _type_report(page: object, topic: str, summary: str) -> None:
    page.fill("#fr-topic", topic)  # type: ignore[attr-defined]
    page.fill("#fr-summary", summary)  # type: ignore[attr-defined]
    page.click("#field-report button[type=submit]")  # type: ignore[attr-defined]


@pytest.mark.slow
def test_reports_typed_offline_arrive_once(sqlite_desk: DeskFixture, cheap_passwords: None) -> None:
    collaborator_token(sqlite_desk.sessions)  # makes the collaborator at Ba Đình
    app = create_app(sqlite_desk.settings, engine=sqlite_desk.engine)
    problems: list[str] = []
    with server_thread(app) as server, sync_api.sync_playwright() as playwright:
        url = server.url
        browser = launch(playwright)
        try:
            context = browser.new_context(viewport={"width": 390, "height": 844})
            page = context.new_page()
            page.on("pageerror", lambda exc: problems.append(str(exc)))
            page.goto(url + "/field-reports/new", wait_until="networkidle")
            assert "/login" in page.url
            page.get_by_label("Tên đăng nhập").fill(COLLABORATOR)
            page.get_by_label("Mật khẩu").fill(PASSWORD)
            with page.expect_navigation(wait_until="networkidle"):
                page.get_by_role("button", name="Đăng nhập").click()
            assert page.url == url + "/field-reports/new"
            page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")

            # the connection drops for real (the server stops) and the browser knows it
            server.stop()
            context.set_offline(True)
            _type_report(page, "Ngập úng", "Mưa lớn, đường vào trường bị ngập sâu.")
            _wait_for_queue(page, 1)
            _type_report(page, "Giá điện", "Hoá đơn tiền điện tăng, người dân thắc mắc.")
            _wait_for_queue(page, 2)
            # the form still opens without a connection: the service worker's copy
            page.reload(wait_until="domcontentloaded")
            assert page.locator("#field-report").is_visible()
            with sqlite_desk.sessions() as session:
                assert list(session.scalars(select(FieldReport.id))) == []

            server.start()
            context.set_offline(False)
            _wait_for_queue(page, 0)
            assert page.locator("#fr-status").get_attribute("data-state") == "sent"
        finally:
            browser.close()
    with sqlite_desk.sessions() as session:
        topics = sorted(session.scalars(select(FieldReport.topic)))
    assert topics == ["Giá điện", "Ngập úng"]
    assert problems == [], problems
