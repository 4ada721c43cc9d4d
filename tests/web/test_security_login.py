"""Signing in and out: cookie flags, server-side sessions, no user enumeration, throttling,
safe redirects, password change and expiry."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.accounts import repository as repo
from opiniondesk.accounts import throttle
from opiniondesk.accounts.models import AuditEvent, LoginSession
from opiniondesk.accounts.roles import Role
from opiniondesk.config import Settings
from opiniondesk.storage.base import utcnow
from opiniondesk.storage.engine import make_session_factory
from opiniondesk.web.app import create_app
from tests.accounts.builders import PASSWORD, login, make_user, page_token, signed_in


@pytest.fixture
def sessions(seeded_engine: Engine, cheap_passwords: None) -> sessionmaker[Session]:
    factory = make_session_factory(seeded_engine)
    make_user(factory, "lan", Role.analyst)
    make_user(factory, "khoa", Role.analyst)
    return factory


@pytest.fixture
def app(settings: Settings, seeded_engine: Engine, sessions: sessionmaker[Session]) -> FastAPI:
    return create_app(settings, engine=seeded_engine)


@pytest.fixture
def browser(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield client


def _message(html: str) -> str:
    match = re.search(r'class="error-message negative"[^>]*>(.*?)</p>', html, re.S)
    return match.group(1).strip() if match else ""


class TestSignIn:
    def test_sign_in_sets_a_safe_cookie_and_goes_where_asked(self, browser: TestClient) -> None:
        response = login(browser, "lan", next_path="/?province=01")
        assert response.status_code == 303
        assert response.headers["location"] == "/?province=01"
        cookie = response.headers["set-cookie"]
        assert cookie.startswith("opiniondesk_session=")
        assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/" in cookie
        assert "Max-Age=43200" in cookie
        assert "Secure" not in cookie  # plain http in this test; see TestHttps in test_csrf
        assert browser.get("/").status_code == 200

    def test_only_a_keyed_hash_of_the_token_is_stored(
        self, browser: TestClient, sessions: sessionmaker[Session]
    ) -> None:
        signed_in(browser, "lan")
        token = browser.cookies["opiniondesk_session"]
        with sessions() as session:
            stored = session.scalars(select(LoginSession.token_hash)).all()
        assert len(stored) == 1 and token not in stored[0] and len(stored[0]) == 64

    def test_each_sign_in_gets_a_new_token(self, browser: TestClient) -> None:
        signed_in(browser, "lan")
        first = browser.cookies["opiniondesk_session"]
        browser.cookies.clear()
        signed_in(browser, "lan")
        assert browser.cookies["opiniondesk_session"] != first

    def test_signed_in_visitor_of_login_page_goes_on(self, browser: TestClient) -> None:
        signed_in(browser, "lan")
        response = browser.get("/login?next=/account", follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"] == "/account"

    @pytest.mark.parametrize(
        "target",
        ["//evil.example/x", "https://evil.example", "/\\evil.example", "javascript:alert(1)",
         "evil", "/ok\r\nSet-Cookie: x=1"],
    )  # fmt: skip
    def test_next_never_leaves_the_site(self, browser: TestClient, target: str) -> None:
        response = login(browser, "lan", next_path=target)
        assert response.status_code == 303 and response.headers["location"] == "/"


class TestWrongCredentials:
    def test_wrong_password(self, browser: TestClient) -> None:
        response = login(browser, "lan", "not the password at all")
        assert response.status_code == 400
        assert _message(response.text) == "Tên đăng nhập hoặc mật khẩu không đúng."
        assert "opiniondesk_session" not in response.headers.get("set-cookie", "")
        assert browser.get("/", follow_redirects=False).status_code == 303

    def test_no_user_enumeration(
        self, browser: TestClient, sessions: sessionmaker[Session]
    ) -> None:
        with sessions.begin() as session:
            user = repo.user_by_username(session, "khoa")
            assert user is not None
            repo.set_disabled(session, user.id, True)
        answers = {
            "wrong password": login(browser, "lan", "not the password at all"),
            "unknown user": login(browser, "nobody-here", "not the password at all"),
            "disabled user, right password": login(browser, "khoa", PASSWORD),
        }
        statuses = {name: r.status_code for name, r in answers.items()}
        messages = {name: _message(r.text) for name, r in answers.items()}
        assert set(statuses.values()) == {400}, statuses
        assert len(set(messages.values())) == 1, messages

    def test_english_message(self, browser: TestClient) -> None:
        browser.get("/login?lang=en")
        response = login(browser, "lan", "not the password at all")
        assert _message(response.text) == "Wrong username or password."

    def test_failures_are_audited_without_the_typed_values(
        self, browser: TestClient, sessions: sessionmaker[Session]
    ) -> None:
        login(browser, "lan", "a secret typed by mistake")
        with sessions() as session:
            events = session.scalars(select(AuditEvent)).all()
        failed = [e for e in events if e.action == "auth.login_failed"]
        assert len(failed) == 1 and failed[0].ip == "testclient"
        assert "a secret typed" not in repr([(e.details, e.object_id) for e in events])


class TestThrottle:
    def test_sixth_attempt_is_refused_even_with_the_right_password(
        self, browser: TestClient
    ) -> None:
        for _ in range(throttle.MAX_FAILURES_PER_USER_AND_IP):
            assert login(browser, "lan", "wrong wrong wrong").status_code == 400
        response = login(browser, "lan", PASSWORD)
        assert response.status_code == 429
        assert 0 < int(response.headers["retry-after"]) <= 15 * 60
        assert "thử lại sau 15 phút" in _message(response.text)
        assert "Try again in 15 minutes" in response.text  # in both languages
        # another person on the same address is not locked out
        assert login(browser, "khoa").status_code == 303

    def test_another_address_is_not_locked_out(self, app: FastAPI) -> None:
        with TestClient(app, client=("10.0.0.1", 1)) as attacker:
            for _ in range(throttle.MAX_FAILURES_PER_USER_AND_IP):
                login(attacker, "lan", "wrong wrong wrong")
            assert login(attacker, "lan").status_code == 429
        with TestClient(app, client=("10.0.0.2", 1)) as owner:
            assert login(owner, "lan").status_code == 303

    def test_window_and_success_reset(self, sessions: sessionmaker[Session]) -> None:
        key, ip, now = throttle.username_key("test-secret", "lan"), "10.0.0.9", utcnow()
        with sessions.begin() as session:
            for minute in range(5):
                throttle.note_attempt(
                    session, key=key, ip=ip, succeeded=False, now=now + timedelta(minutes=minute)
                )
            later = now + timedelta(minutes=5)
            retry = throttle.retry_at(session, key=key, ip=ip, now=later)
            assert retry == now + throttle.WINDOW  # when the oldest failure leaves the window
            assert (
                throttle.retry_at(session, key=key, ip=ip, now=retry + timedelta(seconds=1)) is None
            )
            throttle.note_attempt(session, key=key, ip=ip, succeeded=True, now=later)
            assert throttle.retry_at(session, key=key, ip=ip, now=later) is None

    def test_per_address_limit(self, sessions: sessionmaker[Session]) -> None:
        ip, now = "10.0.0.8", utcnow()
        with sessions.begin() as session:
            for n in range(throttle.MAX_FAILURES_PER_IP):
                key = throttle.username_key("test-secret", f"user{n}")
                throttle.note_attempt(session, key=key, ip=ip, succeeded=False, now=now)
            fresh = throttle.username_key("test-secret", "someone-new")
            assert throttle.retry_at(session, key=fresh, ip=ip, now=now) is not None


class TestSignOut:
    def test_sign_out_ends_the_session_on_the_server(self, browser: TestClient) -> None:
        signed_in(browser, "lan")
        stolen = browser.cookies["opiniondesk_session"]
        response = browser.post(
            "/logout", data={"csrf_token": page_token(browser)}, follow_redirects=False
        )
        assert response.status_code == 303
        assert response.headers["location"] == "/login?signed_out=1"
        assert 'opiniondesk_session=""' in response.headers["set-cookie"]
        assert "Bạn đã đăng xuất." in browser.get("/login?signed_out=1").text
        browser.cookies.set("opiniondesk_session", stolen)  # a copy of the old cookie
        assert browser.get("/", follow_redirects=False).status_code == 303

    def test_expired_session_is_refused(
        self, browser: TestClient, sessions: sessionmaker[Session]
    ) -> None:
        signed_in(browser, "lan")
        with sessions.begin() as session:
            session.execute(update(LoginSession).values(expires_at=utcnow() - timedelta(seconds=1)))
        assert browser.get("/", follow_redirects=False).status_code == 303


class TestPasswordChange:
    def _change(self, client: TestClient, current: str, new: str, confirm: str | None = None):
        return client.post(
            "/account/password",
            data={"current": current, "new": new, "confirm": confirm or new,
                  "csrf_token": page_token(client)},
            follow_redirects=False,
        )  # fmt: skip

    def test_change_ends_other_sessions_and_keeps_this_one(self, app: FastAPI) -> None:
        with TestClient(app) as phone, TestClient(app) as laptop:
            signed_in(phone, "lan")
            signed_in(laptop, "lan")
            response = self._change(laptop, PASSWORD, "a brand new passphrase")
            assert response.status_code == 303
            assert "Đã đổi mật khẩu" in laptop.get("/account?changed=1").text
            assert phone.get("/", follow_redirects=False).status_code == 303
            assert laptop.get("/").status_code == 200
            laptop.cookies.clear()
            assert login(laptop, "lan", PASSWORD).status_code == 400
            assert login(laptop, "lan", "a brand new passphrase").status_code == 303

    @pytest.mark.parametrize(
        ("current", "new", "confirm", "says"),
        [
            ("wrong current password", "a brand new passphrase", None, "hiện tại không đúng"),
            (PASSWORD, "short", None, "ít nhất 12"),
            (PASSWORD, "lan", None, "ít nhất 12"),
            (PASSWORD, "a brand new passphrase", "a different one!!", "không khớp"),
        ],
    )
    def test_refusals_say_why(
        self, browser: TestClient, current: str, new: str, confirm: str | None, says: str
    ) -> None:
        signed_in(browser, "lan")
        response = self._change(browser, current, new, confirm)
        assert response.status_code in (400, 422)
        assert says in _message(response.text)

    def test_username_as_password_is_refused(
        self, browser: TestClient, sessions: sessionmaker[Session]
    ) -> None:
        make_user(sessions, "nguyenvanlan", Role.analyst)
        signed_in(browser, "nguyenvanlan")
        response = self._change(browser, PASSWORD, "NguyenVanLan")
        assert response.status_code == 422
        assert "trùng tên đăng nhập" in _message(response.text)
