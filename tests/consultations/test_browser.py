"""Voting in a consultation in a real browser on a phone-sized screen: big buttons, one
statement after another, no JavaScript needed, no console errors, no CSP violations.

Needs Playwright for Python and Debian's Chromium at /usr/bin/chromium; skips without them.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from opiniondesk.consultations import repository as repo
from opiniondesk.web.app import create_app
from tests.conftest import DeskFixture
from tests.consultations.builders import STATEMENTS, open_consultation

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright for Python is not installed (pip install playwright)"
)
if not CHROMIUM.exists():
    pytest.skip(
        "Chromium is not at /usr/bin/chromium (apt-get install -y chromium)",
        allow_module_level=True,
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(sqlite_desk: DeskFixture) -> Iterator[tuple[str, int]]:
    with sqlite_desk.sessions.begin() as session:
        consultation_id = open_consultation(session).id
    app = create_app(sqlite_desk.settings, engine=sqlite_desk.engine)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", consultation_id
    server.should_exit = True
    thread.join(timeout=10)


@pytest.mark.slow
@pytest.mark.parametrize("javascript", [True, False])
def test_voting_on_a_phone(
    server: tuple[str, int], sqlite_desk: DeskFixture, javascript: bool
) -> None:
    url, consultation_id = server
    problems: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
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
