"""Every account and admin template renders in both languages, with nothing inline that the
Content-Security-Policy would block, and every message key they use exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from opiniondesk.accounts.roles import Role
from opiniondesk.web.i18n import CATALOGUE
from tests.accounts.builders import make_user

TEMPLATES = Path(__file__).resolve().parents[2] / "src/opiniondesk/web/templates"
MINE = sorted([*TEMPLATES.glob("auth/*.html"), *TEMPLATES.glob("admin/*.html")])
PAGES = {  # template → pages that render it (as a signed-in national admin, or a visitor)
    "auth/login.html": ["/login", "/login?signed_out=1"],
    "auth/account.html": ["/account", "/account?changed=1"],
    "auth/_csrf.html": ["/account"],
    "auth/_header.html": ["/account"],
    "auth/_account_menu.html": ["/account"],
    "admin/users.html": ["/admin/users", "/admin/users?created=x"],
    "admin/audit.html": ["/admin/audit", "/admin/audit?page=2", "/admin/audit?actor=ghost"],
}


def test_every_template_is_covered() -> None:
    assert {str(path.relative_to(TEMPLATES)) for path in MINE} == set(PAGES)


def test_every_key_used_exists_in_both_languages() -> None:
    used: set[str] = set()
    for path in MINE:
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+)["']""", path.read_text("utf-8")))
    assert used
    for language, messages in CATALOGUE.items():
        assert used <= set(messages), (language, used - set(messages))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_renders(sqlite_desk, browser_for, lang: str) -> None:
    make_user(sqlite_desk.sessions, "admin", Role.admin)
    admin, visitor = browser_for("admin"), browser_for(None)
    for template, paths in PAGES.items():
        for path in paths:
            client = visitor if path.startswith("/login") else admin
            response = client.get(path + ("&" if "?" in path else "?") + f"lang={lang}")
            assert response.status_code in (200, 404), (template, path)
            html = response.text
            assert f'<html lang="{lang}">' in html
            assert "<script" not in html and " style=" not in html and "<style" not in html


def test_account_menu_shows_what_the_person_may_open(sqlite_desk, browser_for) -> None:
    make_user(sqlite_desk.sessions, "admin", Role.admin)
    make_user(sqlite_desk.sessions, "collector", Role.collaborator, ("00004",))
    admin_menu = browser_for("admin").get("/account").text
    assert 'href="/admin/users"' in admin_menu and 'href="/admin/audit"' in admin_menu
    collector_page = browser_for("collector").get("/account").text
    assert 'href="/admin/users"' not in collector_page
    assert 'href="/">Tổng quan</a>' not in collector_page  # no dashboard for a collaborator
    assert 'href="/">Tổng quan</a>' in admin_menu
    assert "Cộng tác viên tại 00004 · Phường Ba Đình" in collector_page
    assert 'action="/logout"' in collector_page
