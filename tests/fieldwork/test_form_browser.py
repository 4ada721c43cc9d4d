"""The field form in a real browser: the unit picker finds a ward typed without diacritics
(online and from the service worker's copy offline), the personal-data warning stops the first
press of Send (online and offline), and a photo and a duty go with the report.

Needs Playwright for Python and Debian's Chromium at /usr/bin/chromium (never downloaded).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from opiniondesk.fieldwork import duties
from opiniondesk.fieldwork.models import FieldReport, ReportAttachment
from opiniondesk.web.app import create_app
from tests.accounts.builders import HCMC, PASSWORD
from tests.browser import launch, require_chromium, sync_api
from tests.conftest import DeskFixture
from tests.fieldwork.builders import collaborator_token, live_server
from tests.fieldwork.test_offline_browser import _wait_for_queue
from tests.fieldwork.test_photos import jpeg_with_gps

require_chromium()

BEN_THANH = "26743"


@pytest.mark.slow
def test_picker_warning_and_photo(
    sqlite_desk: DeskFixture, cheap_passwords: None, tmp_path: Path
) -> None:
    collaborator_token(sqlite_desk.sessions, unit=HCMC, username="ctv.hcm")
    with sqlite_desk.sessions.begin() as session:
        duty_id = duties.open_duty(
            session, unit_code=HCMC, topic="Triều cường", due_on=date.today() + timedelta(5),
            today=date.today(),
        ).id  # fmt: skip
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(jpeg_with_gps())
    app = create_app(sqlite_desk.settings, engine=sqlite_desk.engine)
    problems: list[str] = []
    with live_server(app) as url, sync_api.sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            context = browser.new_context(viewport={"width": 390, "height": 844})
            page = context.new_page()
            page.on("pageerror", lambda exc: problems.append(str(exc)))
            page.goto(url + "/field-reports/new", wait_until="networkidle")
            page.get_by_label("Tên đăng nhập").fill("ctv.hcm")
            page.get_by_label("Mật khẩu").fill(PASSWORD)
            with page.expect_navigation(wait_until="networkidle"):
                page.get_by_role("button", name="Đăng nhập").click()
            page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")

            page.fill("#fr-topic", "Ngập úng")
            page.fill("#fr-unit-search", "phuong ben thanh")
            page.locator(f"#fr-unit-choices li[data-code='{BEN_THANH}']").click()
            assert page.input_value("#fr-unit") == BEN_THANH
            page.select_option("#fr-duty", str(duty_id))
            page.fill("#fr-summary", "Bà con gọi 0912345678 báo đường ngập sâu.")
            page.set_input_files("#fr-photo", str(photo))
            page.click("#field-report button[type=submit]")
            page.locator("#fr-pii").wait_for(state="visible")
            assert "phone" in page.locator("#fr-pii").inner_text()
            _wait_for_queue(page, 0)
            with sqlite_desk.sessions() as session:
                assert list(session.scalars(select(FieldReport.id))) == []  # not sent yet
            page.click("#field-report button[type=submit]")  # a second press sends anyway
            _wait_for_queue(page, 0)
            for _ in range(100):
                with sqlite_desk.sessions() as session:
                    if list(session.scalars(select(FieldReport.id))):
                        break
                page.wait_for_timeout(100)

            context.set_offline(True)
            page.reload(wait_until="domcontentloaded")
            page.fill("#fr-unit-search", "Bến Thành")
            page.locator(f"#fr-unit-choices li[data-code='{BEN_THANH}']").click()
            # the warning works offline too, from the phone's own rough check
            page.fill("#fr-topic", "Điện")
            page.fill("#fr-summary", "Liên hệ anh Ba qua a.ba@mail.vn về mất điện.")
            page.click("#field-report button[type=submit]")
            page.locator("#fr-pii").wait_for(state="visible")
            assert "email" in page.locator("#fr-pii").inner_text()
            _wait_for_queue(page, 0)
            page.click("#field-report button[type=submit]")
            _wait_for_queue(page, 1)
            context.set_offline(False)
            _wait_for_queue(page, 0)
        finally:
            browser.close()
    with sqlite_desk.sessions() as session:
        stored, offline = session.scalars(select(FieldReport).order_by(FieldReport.id))
        attachment = session.scalar(select(ReportAttachment))
    assert offline.unit_code == BEN_THANH and "a.ba@mail.vn" not in offline.summary
    assert stored.unit_code == BEN_THANH and "0912345678" not in stored.summary
    assert stored.duty_id == duty_id
    assert attachment is not None and attachment.report_id == stored.id
    assert problems == [], problems
