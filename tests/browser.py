"""What every browser test shares: Debian's Chromium, Playwright, a free port and a live server.

Nine test modules drive the desk in Chromium, and each used to carry its own copy of the same
set-up (browser path and launch arguments, the Playwright import, the "browser missing" check,
a free-port helper and a uvicorn-in-a-thread server); the copies had started to drift (only
some failed under CI, not all launched with the same arguments). They now all come from here.

The browser is Debian's Chromium at /usr/bin/chromium: `playwright install` is never run and
no browser is downloaded. A browser test module calls `require_chromium()` at module level:
without Playwright or Chromium the module is skipped with a message, except under CI=true,
where .ci/run installs the browser, so a missing one is a broken build and the module fails.

Importing this module never skips or fails by itself (`sync_api` is None without Playwright),
so `free_port` and `live_server` also serve tests that need a real server but no browser.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import uvicorn
from fastapi import FastAPI

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

__all__ = [
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "free_port",
    "launch",
    "live_server",
    "require_chromium",
    "sync_api",
]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

sync_api: Any  # playwright.sync_api, or None when Playwright is not installed
try:
    from playwright import sync_api
except ImportError:  # pragma: no cover - depends on the machine
    sync_api = None


def _missing(reason: str) -> None:
    # on CI the browser is installed by .ci/run: a missing one is a broken build, not a skip
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: the browser tests must run)", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


def require_chromium() -> None:
    """Skip the calling test module without Playwright or Chromium; fail instead under CI=true.

    Call it at module level, after the imports, in every module that opens a browser.
    """
    if sync_api is None:  # pragma: no cover - depends on the machine
        _missing("Playwright for Python is not installed (pip install playwright)")
    if not CHROMIUM.exists():  # pragma: no cover - depends on the machine
        _missing(f"Chromium is not at {CHROMIUM} (apt-get install -y chromium)")


def launch(playwright: Playwright) -> Browser:
    """Debian's Chromium, headless, with the shared arguments; the caller closes it."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServerThread:
    """uvicorn serving `app` in a thread on `port`, which can be stopped and started again on
    the same port: a real loss of connection, which the browser's emulated offline mode is not
    (requests of a page a service worker controls can still reach the network in Chromium)."""

    def __init__(self, app: FastAPI, port: int) -> None:
        self.app = app
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning")
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 15
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError(f"uvicorn did not start on port {self.port}")
            time.sleep(0.05)
        self._server, self._thread = server, thread

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=10)
        self._server = self._thread = None


@contextmanager
def server_thread(app: FastAPI) -> Iterator[ServerThread]:
    """A started `ServerThread` on a free port, stopped at the end."""
    server = ServerThread(app, free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def live_server(app: FastAPI) -> Iterator[str]:
    """Serve `app` with uvicorn in a thread on a free port; yields the base URL."""
    with server_thread(app) as server:
        yield server.url
