"""The app shell: security headers, health check, language switch, error pages."""

from __future__ import annotations

import pytest
from fastapi import APIRouter
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from opiniondesk.config import Settings
from opiniondesk.errors import NotFoundError
from opiniondesk.web.app import create_app

PATHS = ["/", "/healthz", "/api/v1/dashboard", "/static/app.css", "/static/favicon.svg", "/nowhere"]


@pytest.mark.parametrize("path", PATHS)
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    for part in (
        "default-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "frame-ancestors 'none'",
        "script-src 'self'",
    ):
        assert part in csp
    assert "unsafe-inline" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["x-frame-options"] == "DENY"
    assert "camera=()" in headers["permissions-policy"]


def test_healthz_pings_the_database(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_page_has_no_inline_script_or_style(client: TestClient) -> None:
    html = client.get("/").text
    assert "<script" not in html
    assert "<style" not in html and " style=" not in html
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in html


def test_static_assets_are_served_from_the_package(client: TestClient) -> None:
    assert client.get("/static/app.css").headers["content-type"].startswith("text/css")
    assert client.get("/static/favicon.svg").headers["content-type"].startswith("image/svg")


class TestLanguage:
    def test_vietnamese_by_default(self, client: TestClient) -> None:
        html = client.get("/").text
        assert '<html lang="vi">' in html and "Tổng quan dư luận" in html

    def test_lang_en_switches_and_is_remembered(self, client: TestClient) -> None:
        response = client.get("/?lang=en")
        assert '<html lang="en">' in response.text
        assert (
            "Public opinion overview" in response.text and "Tổng quan dư luận" not in response.text
        )
        assert "lang=en" in response.headers["set-cookie"]
        assert "Public opinion overview" in client.get("/").text  # cookie kept by the client

    def test_lang_vi_switches_back(self, client: TestClient) -> None:
        client.get("/?lang=en")
        assert "Tổng quan dư luận" in client.get("/?lang=vi").text

    def test_unknown_language_is_ignored(self, client: TestClient) -> None:
        response = client.get("/?lang=fr")
        assert "set-cookie" not in response.headers
        assert '<html lang="vi">' in response.text


class TestErrors:
    def test_unknown_page_is_a_friendly_404(self, client: TestClient) -> None:
        response = client.get("/nowhere")
        assert response.status_code == 404
        assert "Không tìm thấy trang này." in response.text
        assert "Something went wrong" in response.text  # the other language's title too

    def test_api_errors_are_json(self, client: TestClient) -> None:
        response = client.get("/api/v1/dashboard?from=yesterday")
        assert response.status_code == 422
        assert "YYYY-MM-DD" in response.json()["error"]["message"]

    def test_bad_filter_shows_what_and_where(self, client: TestClient) -> None:
        response = client.get("/?from=2025-13-01")
        assert response.status_code == 422
        assert "2025-13-01" in response.text and "YYYY-MM-DD" in response.text

    @pytest.mark.parametrize(
        "query",
        [
            "from=2025-06-30&to=2025-06-01",
            "channel=telepathy",
            "province=%3Cx%3E",
            "from=2000-01-01&to=2025-01-01",
        ],
    )
    def test_invalid_filters_are_422(self, client: TestClient, query: str) -> None:
        assert client.get(f"/?{query}").status_code == 422

    def test_desk_error_carries_its_status(self, client: TestClient) -> None:
        router = APIRouter()

        @router.get("/boom")
        def boom() -> None:
            raise NotFoundError("Không có <vấn đề> này")

        @router.get("/api/boom")
        def api_boom() -> None:
            raise NotFoundError("missing")

        client.app.include_router(router)  # type: ignore[attr-defined]
        page = client.get("/boom")
        assert page.status_code == 404
        assert "Không có &lt;vấn đề&gt; này" in page.text
        assert page.headers["x-frame-options"] == "DENY"
        api = client.get("/api/boom")
        assert api.status_code == 404 and api.json()["error"]["message"] == "missing"

    def test_unexpected_error_is_500_with_headers(
        self, settings: Settings, seeded_engine: Engine
    ) -> None:
        app = create_app(settings, engine=seeded_engine)

        @app.get("/crash")
        def crash() -> None:
            raise RuntimeError("secret detail")

        with TestClient(app, raise_server_exceptions=False) as test_client:
            response = test_client.get("/crash")
        assert response.status_code == 500
        assert "secret detail" not in response.text
        assert response.headers["x-content-type-options"] == "nosniff"
