"""Collaborators invited by a one-time link: the supervisor gets a link, the invitee joins once
(account, grants, profile), a used or expired link is refused; profiles and per-collaborator
figures are for supervisors only."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from opiniondesk.accounts import repository as accounts_repo
from opiniondesk.accounts.roles import Role
from opiniondesk.cli.main import app as cli
from opiniondesk.config import get_settings
from opiniondesk.fieldwork import collaborators
from opiniondesk.fieldwork.models import Collaborator, CollaboratorInvitation
from opiniondesk.storage.base import utcnow
from opiniondesk.web.app import create_app
from tests.accounts.builders import BA_DINH, HANOI, HCMC, PASSWORD, make_user, page_token, signed_in
from tests.conftest import DeskFixture

NGOC_HA = "00008"
ROSTER = "/field-reports/collaborators"
_LINK = re.compile(r'value="(http[^"]+/field-reports/join/([^"]+))"')


@pytest.fixture
def web(desk: DeskFixture, cheap_passwords: None) -> Iterator[TestClient]:
    make_user(desk.sessions, "leader", Role.leader, (HANOI,))
    with TestClient(create_app(desk.settings, engine=desk.engine)) as client:
        yield client


def _invite(client: TestClient, units: str = BA_DINH, email: str = "ctv.moi@xa.gov.vn") -> str:
    token = page_token(client, ROSTER)
    response = client.post(
        f"{ROSTER}/invite", data={"email": email, "units": units, "days": "7", "csrf_token": token}
    )
    assert response.status_code == 200, response.text
    match = _LINK.search(response.text)
    assert match, "the invitation link is shown"
    return match.group(2)


def _join(client: TestClient, token: str, **changes: str) -> object:
    page = client.get(f"/field-reports/join/{token}")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    data = {
        "username": "ctv.moi",
        "display_name": "Nguyễn Văn An",
        "password": PASSWORD,
        "password_again": PASSWORD,
        "phone": "0912 345 678",
        # a refused link's page has no form: a browser would post with any page's token
        "csrf_token": csrf.group(1) if csrf else page_token(client, "/login"),
        **changes,
    }
    return client.post(f"/field-reports/join/{token}", data=data)


class TestInvitation:
    def test_invitee_joins_once_as_a_collaborator(self, web: TestClient, desk: DeskFixture) -> None:
        signed_in(web, "leader")
        token = _invite(web, units=f"{BA_DINH}, {NGOC_HA}")
        with desk.sessions() as session:
            (row,) = session.scalars(select(CollaboratorInvitation))
            assert token not in row.token_hash and row.token_hash == collaborators.token_hash(token)
        web.cookies.clear()
        page = web.get(f"/field-reports/join/{token}")
        assert page.status_code == 200 and "ctv.moi@xa.gov.vn" in page.text
        assert 'value="ctv.moi"' in page.text  # username suggested from the e-mail
        joined = _join(web, token)
        assert joined.status_code == 200, joined.text  # type: ignore[attr-defined]
        with desk.sessions() as session:
            user = accounts_repo.user_by_username(session, "ctv.moi")
            assert user is not None
            grants = accounts_repo.grants_of(session, user.id)
            assert {(g.role, g.unit_code) for g in grants} == {
                (Role.collaborator, BA_DINH),
                (Role.collaborator, NGOC_HA),
            }
            profile = session.scalar(select(Collaborator).where(Collaborator.user_id == user.id))
            assert profile is not None
            assert (profile.display_name, profile.email) == ("Nguyễn Văn An", "ctv.moi@xa.gov.vn")
        signed_in(web, "ctv.moi")
        assert web.get("/field-reports/new").status_code == 200

    def test_a_used_link_is_refused(self, web: TestClient) -> None:
        signed_in(web, "leader")
        token = _invite(web)
        web.cookies.clear()
        _join(web, token)
        web.cookies.clear()
        again = web.get(f"/field-reports/join/{token}")
        assert again.status_code == 410
        assert "đã được dùng" in again.text
        second = _join(web, token, username="someone.else")
        assert second.status_code == 410  # type: ignore[attr-defined]

    def test_an_expired_link_is_refused(self, desk: DeskFixture, web: TestClient) -> None:
        with desk.sessions.begin() as session:
            invitation = collaborators.invite(
                session,
                email="a@xa.gov.vn",
                units=[BA_DINH],
                expires_days=1,
                now=utcnow() - timedelta(days=2),
                supervisor=None,
            )
        response = web.get(f"/field-reports/join/{invitation.token}?lang=en")
        assert response.status_code == 410 and "expired" in response.text
        unknown = web.get("/field-reports/join/not-a-token")
        assert unknown.status_code == 410

    def test_a_bad_password_keeps_the_link_usable(self, web: TestClient) -> None:
        signed_in(web, "leader")
        token = _invite(web)
        web.cookies.clear()
        short = _join(web, token, password="short", password_again="short")
        assert short.status_code == 422  # type: ignore[attr-defined]
        assert _join(web, token).status_code == 200  # type: ignore[attr-defined]

    def test_units_outside_the_supervisors_scope_are_refused(self, web: TestClient) -> None:
        signed_in(web, "leader")
        token = page_token(web, ROSTER)
        response = web.post(
            f"{ROSTER}/invite",
            data={"email": "x@y.vn", "units": HCMC, "days": "7", "csrf_token": token},
        )
        assert response.status_code == 403
        assert "/field-reports/join/" not in response.text


class TestSupervisorOnly:
    def test_roster_and_profile_are_for_supervisors(
        self, web: TestClient, desk: DeskFixture
    ) -> None:
        collaborator = make_user(desk.sessions, "ctv", Role.collaborator, (BA_DINH,))
        make_user(desk.sessions, "analyst", Role.analyst, (HANOI,))
        make_user(desk.sessions, "leader.hcm", Role.leader, (HCMC,))
        profile = f"{ROSTER}/{collaborator.id}"
        for username in ("analyst", "ctv"):
            web.cookies.clear()
            signed_in(web, username)
            assert web.get(ROSTER).status_code == 403, username
            assert web.get(profile).status_code == 403, username
        web.cookies.clear()
        signed_in(web, "leader.hcm")
        assert web.get(profile).status_code == 404  # not theirs: nothing leaks
        assert f"{ROSTER}/{collaborator.id}" not in web.get(ROSTER).text
        web.cookies.clear()
        signed_in(web, "leader")
        page = web.get(ROSTER + "?lang=en")
        assert page.status_code == 200 and f"{ROSTER}/{collaborator.id}" in page.text

    def test_supervisor_edits_profile_and_units(self, web: TestClient, desk: DeskFixture) -> None:
        collaborator = make_user(desk.sessions, "ctv", Role.collaborator, (BA_DINH, HCMC))
        signed_in(web, "leader")
        path = f"{ROSTER}/{collaborator.id}"
        token = page_token(web, path)
        saved = web.post(
            path,
            data={
                "display_name": "Trần Thị Bình",
                "phone": "",
                "email": "binh@xa.gov.vn",
                "units": NGOC_HA,
                "csrf_token": token,
            },
            follow_redirects=False,
        )
        assert saved.status_code == 303, saved.text
        with desk.sessions() as session:
            units = {g.unit_code for g in accounts_repo.grants_of(session, collaborator.id)}
            person = collaborators.profile(session, collaborator.id)
        # Ba Đình replaced by Ngọc Hà; HCMC, outside the leader's scope, kept
        assert units == {NGOC_HA, HCMC}
        assert (person.display_name, person.email) == ("Trần Thị Bình", "binh@xa.gov.vn")
        bad = web.post(
            path,
            data={
                "display_name": "X",
                "email": "not-an-email",
                "units": NGOC_HA,
                "csrf_token": token,
            },
        )
        assert bad.status_code == 422 and "e-mail" in bad.text


def test_cli_invite_prints_a_working_link(
    desk: DeskFixture, cheap_passwords: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPINIONDESK_DATABASE_URL", desk.url)
    monkeypatch.setenv("OPINIONDESK_HOME", str(desk.home))
    monkeypatch.setenv("OPINIONDESK_SECRET_KEY", "test-secret")
    get_settings.cache_clear()
    try:
        runner = CliRunner()
        result = runner.invoke(
            cli,
            ["fieldwork", "invite", "--email", "b@xa.gov.vn", "--unit", BA_DINH,
             "--expires-days", "3", "--base-url", "https://desk.example"],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        link = result.stdout.strip().splitlines()[-1]
        assert link.startswith("https://desk.example/field-reports/join/")
        bad = runner.invoke(cli, ["fieldwork", "invite", "--email", "b@xa", "--unit", BA_DINH])
        assert bad.exit_code == 2 and "e-mail" in bad.output
    finally:
        get_settings.cache_clear()
    with TestClient(create_app(desk.settings, engine=desk.engine)) as client:
        token = link.rsplit("/", 1)[1]
        assert client.get(f"/field-reports/join/{token}").status_code == 200
