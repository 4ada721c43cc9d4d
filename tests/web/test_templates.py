"""Every template renders (StrictUndefined turns a misspelt variable into a failure)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

TEMPLATES = Path(__file__).resolve().parents[2] / "src/opiniondesk/web/templates"
# each page, and the requests that render it in every state
PAGES = {
    "dashboard.html": ["/", "/?province=01", "/?province=48", "/?from=2020-01-01&to=2020-01-02"],
    "_cards.html": ["/"],
    "_filters.html": ["/"],
    "_macros.html": ["/"],
    "_empty.html": [],
    "error.html": ["/nowhere", "/?from=x"],
    "base.html": ["/"],
}


def test_every_template_is_covered() -> None:
    assert {path.name for path in TEMPLATES.glob("*.html")} == set(PAGES)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_template_renders(client: TestClient, lang: str) -> None:
    for paths in PAGES.values():
        for path in paths:
            response = client.get(path + ("&" if "?" in path else "?") + f"lang={lang}")
            assert response.status_code in {200, 404, 422}, path
            assert f'<html lang="{lang}">' in response.text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_empty_state_renders(empty_client: TestClient, lang: str) -> None:
    # a separate test: `client` and `empty_client` share one database within a test
    html = empty_client.get(f"/?lang={lang}").text
    assert f'<html lang="{lang}">' in html and "opiniondesk demo" in html
