"""Every fieldwork page renders in Vietnamese and English, with and without data."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from opiniondesk.accounts import repository as accounts_repo
from opiniondesk.accounts.roles import Role
from opiniondesk.fieldwork import collaborators
from opiniondesk.storage.base import utcnow
from opiniondesk.web.app import create_app
from tests.accounts.builders import BA_DINH, HANOI, make_user, signed_in
from tests.conftest import DeskFixture
from tests.fieldwork.builders import collaborator_token, report


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_pages_render(desk: DeskFixture, cheap_passwords: None, lang: str) -> None:
    token = collaborator_token(desk.sessions)
    make_user(desk.sessions, "leader", Role.leader, (HANOI,))
    with desk.sessions.begin() as session:
        link = collaborators.invite(
            session, email="x@xa.gov.vn", units=[BA_DINH], expires_days=3, now=utcnow(),
            supervisor=None,
        ).token  # fmt: skip
    with TestClient(create_app(desk.settings, engine=desk.engine)) as client:
        sent = client.post(
            "/api/v1/field-reports", json=report(), headers={"Authorization": f"Bearer {token}"}
        )
        report_id = sent.json()["id"]
        join = client.get(f"/field-reports/join/{link}?lang={lang}")
        assert join.status_code == 200 and f'<html lang="{lang}">' in join.text
        signed_in(client, "leader")
        with desk.sessions() as session:
            ctv = accounts_repo.user_by_username(session, "ctv")
            assert ctv is not None
        for path in (
            "/field-reports",
            "/field-reports/collaborators",
            f"/field-reports/collaborators/{ctv.id}",
            f"/field-reports/reports/{report_id}",
        ):
            page = client.get(f"{path}?lang={lang}")
            assert page.status_code == 200, (path, page.text[:500])
            assert f'<html lang="{lang}">' in page.text
        client.cookies.clear()
        signed_in(client, "ctv")
        form = client.get(f"/field-reports/new?lang={lang}")
        assert form.status_code == 200 and 'id="fr-unit-search"' in form.text
        me = client.get(f"/field-reports/me?lang={lang}")
        assert me.status_code == 200 and BA_DINH in me.text
