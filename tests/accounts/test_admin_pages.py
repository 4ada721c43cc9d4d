"""The administration pages: users and the audit log, for national admins only."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from opiniondesk.accounts import audit
from opiniondesk.accounts.labels import VIETNAM
from opiniondesk.accounts.models import AuditEvent, User
from opiniondesk.accounts.roles import Role
from opiniondesk.storage.base import utcnow
from tests.accounts.builders import login, make_user, page_token

NEW = {
    "username": "thu.ha",
    "role": "leader",
    "units": "01, 00004",
    "password": "a long first password",
    "confirm": "a long first password",
}


def _alert(html: str) -> str:
    match = re.search(r'role="alert"><p class="error-message negative">(.*?)</p>', html, re.S)
    return match.group(1) if match else ""


class TestUsers:
    def test_admin_creates_a_user(self, sqlite_desk, browser_for) -> None:
        admin_user = make_user(sqlite_desk.sessions, "admin", Role.admin)
        admin = browser_for("admin")
        response = admin.post(
            "/admin/users", data={**NEW, "csrf_token": page_token(admin)}, follow_redirects=False
        )
        assert response.status_code == 303
        page = admin.get(response.headers["location"]).text
        assert "Đã tạo người dùng “thu.ha”." in page
        assert "Lãnh đạo tại 01 · Thành phố Hà Nội" in page
        assert "Lãnh đạo tại 00004 · Phường Ba Đình" in page
        with sqlite_desk.sessions() as session:
            event = session.scalars(
                select(AuditEvent).where(
                    AuditEvent.action == "user.create", AuditEvent.actor_id.is_not(None)
                )
            ).one()
        assert event.actor_id == admin_user.id and event.ip == "testclient"
        assert event.details == {"roles": ["leader@01", "leader@00004"]}
        assert "a long first password" not in str(event.details)
        newcomer = browser_for(None)
        assert login(newcomer, "thu.ha", NEW["password"]).status_code == 303
        assert newcomer.get("/").status_code == 200

    def test_refusals_keep_what_was_typed_but_not_the_password(
        self, sqlite_desk, browser_for
    ) -> None:
        make_user(sqlite_desk.sessions, "admin", Role.admin)
        admin = browser_for("admin")
        cases = [
            ({"units": "01 77"}, 422, "77"),
            ({"units": ""}, 422, "ít nhất một mã đơn vị"),
            ({"role": "king"}, 422, "role"),
            ({"confirm": "something else entirely"}, 422, "không khớp"),
            ({"username": "admin"}, 409, "đã có người dùng"),
            ({"password": "short", "confirm": "short"}, 422, "ít nhất 12"),
        ]
        for change, status, says in cases:
            response = admin.post(
                "/admin/users", data={**NEW, **change, "csrf_token": page_token(admin)}
            )
            assert response.status_code == status, change
            assert says in _alert(response.text), change
            assert NEW["password"] not in response.text
            if "units" not in change:
                assert 'value="01, 00004"' in response.text
        with sqlite_desk.sessions() as session:
            assert session.scalars(select(User.username)).all() == ["admin"]

    def test_disable_and_enable(self, sqlite_desk, browser_for) -> None:
        make_user(sqlite_desk.sessions, "admin", Role.admin)
        target = make_user(sqlite_desk.sessions, "lan")
        admin, lan = browser_for("admin"), browser_for("lan")
        assert lan.get("/").status_code == 200
        response = admin.post(
            f"/admin/users/{target.id}/disable",
            data={"csrf_token": page_token(admin)},
            follow_redirects=False,
        )
        assert response.status_code == 303
        assert "Đã khoá “lan”" in admin.get(response.headers["location"]).text
        assert lan.get("/", follow_redirects=False).status_code == 303  # signed out at once
        admin.post(f"/admin/users/{target.id}/enable", data={"csrf_token": page_token(admin)})
        assert browser_for("lan").get("/").status_code == 200

    def test_admin_cannot_disable_themselves_or_a_missing_user(
        self, sqlite_desk, browser_for
    ) -> None:
        admin_user = make_user(sqlite_desk.sessions, "admin", Role.admin)
        admin = browser_for("admin")
        own = admin.post(
            f"/admin/users/{admin_user.id}/disable", data={"csrf_token": page_token(admin)}
        )
        assert own.status_code == 409
        missing = admin.post("/admin/users/999/disable", data={"csrf_token": page_token(admin)})
        assert missing.status_code == 404

    def test_provincial_admin_is_refused(self, sqlite_desk, browser_for) -> None:
        make_user(sqlite_desk.sessions, "admin-hn", Role.admin, ("01",))
        client = browser_for("admin-hn")
        assert client.get("/admin/users").status_code == 403
        assert client.get("/admin/audit").status_code == 403
        assert client.get("/").status_code == 200  # the province's dashboard is theirs


class TestAuditPage:
    def _events(self, sqlite_desk, n: int, action: str = "case.assign") -> None:
        with sqlite_desk.sessions.begin() as session:
            for i in range(n):
                audit.record(
                    session, actor=None, action=action, object_type="case", object_id=i,
                    details={"n": i},
                )  # fmt: skip

    def test_newest_first_with_paging(self, sqlite_desk, browser_for) -> None:
        make_user(sqlite_desk.sessions, "admin", Role.admin)
        self._events(sqlite_desk, 120)
        admin = browser_for("admin")
        first = admin.get("/admin/audit?action=case.assign").text
        assert "Trang 1/3 · 120 sự kiện" in first
        assert "case #119" in first and "case #69" not in first
        assert 'href="/admin/audit?action=case.assign&amp;page=2"' in first
        third = admin.get("/admin/audit?action=case.assign&page=3").text
        assert "case #0" in third and "Cũ hơn" not in third and "Mới hơn" in third
        beyond = admin.get("/admin/audit?action=case.assign&page=99").text
        assert "Trang 3/3" in beyond

    def test_filters(self, sqlite_desk, browser_for) -> None:
        make_user(sqlite_desk.sessions, "admin", Role.admin)
        self._events(sqlite_desk, 3)
        self._events(sqlite_desk, 2, action="case.publish")
        admin = browser_for("admin")  # signing in writes auth.login as "admin"
        assert "2 sự kiện" in admin.get("/admin/audit?action=case.publish").text
        by_admin = admin.get("/admin/audit?actor=admin").text
        assert "<code>auth.login</code>" in by_admin and "<code>case.assign</code>" not in by_admin
        assert "5 sự kiện" in admin.get("/admin/audit?object_type=case").text
        today = utcnow().astimezone(VIETNAM).date()
        assert "sự kiện" in admin.get(f"/admin/audit?from={today}&to={today}").text
        tomorrow = today + timedelta(days=1)
        assert "Không có sự kiện nào" in admin.get(f"/admin/audit?from={tomorrow}").text
        assert '<option value="case.publish"' in by_admin

    def test_bad_filters_say_which(self, sqlite_desk, browser_for) -> None:
        make_user(sqlite_desk.sessions, "admin", Role.admin)
        admin = browser_for("admin")
        unknown = admin.get("/admin/audit?actor=ghost")
        assert unknown.status_code == 404 and "Không có người dùng “ghost”" in unknown.text
        assert admin.get("/admin/audit?from=31-12-2025").status_code == 422
        assert admin.get("/admin/audit?action=DROP TABLE").status_code == 422
        assert admin.get("/admin/audit?page=abc").status_code == 422

    def test_system_events_and_english(self, sqlite_desk, browser_for) -> None:
        make_user(sqlite_desk.sessions, "admin", Role.admin)  # created by "the command line"
        page = browser_for("admin").get("/admin/audit?lang=en").text
        assert "System / command line" in page and "Audit log" in page
