"""`opiniondesk user …` as an operator meets it, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from opiniondesk.accounts import repository as repo
from opiniondesk.accounts import service, tokens
from opiniondesk.accounts.models import AuditEvent
from opiniondesk.cli.main import app
from opiniondesk.config import get_settings
from opiniondesk.storage.base import utcnow

runner = CliRunner()
PASSWORD = "a long admin passphrase"


def _env(desk, monkeypatch):
    monkeypatch.setenv("OPINIONDESK_DATABASE_URL", desk.url)
    monkeypatch.setenv("OPINIONDESK_HOME", str(desk.home))
    monkeypatch.setenv("OPINIONDESK_SECRET_KEY", "test-secret")
    get_settings.cache_clear()
    return desk


@pytest.fixture
def both_backends(desk, monkeypatch):
    """SQLite and PostgreSQL: for the paths that write."""
    yield _env(desk, monkeypatch)
    get_settings.cache_clear()


@pytest.fixture
def cli_env(sqlite_desk, monkeypatch):
    """SQLite only: for refusals and reading, where the backend changes nothing."""
    yield _env(sqlite_desk, monkeypatch)
    get_settings.cache_clear()


def _run(*args: str, stdin: str | None = None):
    return runner.invoke(app, ["user", *args], input=stdin)


def _authenticates(desk, username: str, password: str) -> bool:
    with desk.sessions.begin() as session:
        result = service.authenticate(
            session, username=username, password=password, ip="127.0.0.1",
            secret_key="test-secret", now=utcnow(),
        )  # fmt: skip
    return result.user is not None


class TestCreate:
    def test_first_admin_from_stdin(self, both_backends) -> None:
        cli_env = both_backends
        result = _run("create", "--username", "admin", "--role", "admin", "--password-stdin",
                      stdin=PASSWORD + "\n")  # fmt: skip
        assert result.exit_code == 0, result.output
        assert "admin @ VN" in result.output
        assert _authenticates(cli_env, "admin", PASSWORD)
        with cli_env.sessions() as session:
            user = repo.user_by_username(session, "admin")
            assert user is not None and PASSWORD not in user.password_hash
            assert [g.unit_code for g in repo.grants_of(session, user.id)] == ["VN"]
            event = session.scalars(select(AuditEvent)).one()
        assert (event.action, event.actor_id) == ("user.create", None)

    def test_analyst_at_several_units(self, cli_env) -> None:
        result = _run("create", "-u", "lan", "-r", "analyst", "--unit", "01", "--unit", "00004",
                      "--password-stdin", stdin=PASSWORD)  # fmt: skip
        assert result.exit_code == 0, result.output
        listed = json.loads(_run("list", "--json").stdout)
        assert listed[0]["username"] == "lan"
        assert listed[0]["roles"] == ["analyst@01", "analyst@00004"]

    @pytest.mark.parametrize(
        ("args", "stdin", "says"),
        [
            (["-r", "analyst"], PASSWORD, "--unit"),
            (["-r", "analyst", "--unit", "99"], PASSWORD, "99"),
            (["-r", "admin"], "too short", "12"),
            (["-r", "admin"], "", "stdin"),
            (["-r", "admin"], "lanlanlanlanlan", "username"),
        ],
    )
    def test_bad_input_exits_2_and_says_why(self, cli_env, args, stdin, says) -> None:
        result = _run("create", "-u", "lanlanlanlanlan", *args, "--password-stdin", stdin=stdin)
        assert result.exit_code == 2
        assert says in result.output
        assert json.loads(_run("list", "--json").stdout) == []

    def test_unknown_role_is_a_usage_error(self, cli_env) -> None:
        result = _run("create", "-u", "lan", "-r", "king", "--password-stdin", stdin=PASSWORD)
        assert result.exit_code == 2

    def test_duplicate_exits_2(self, cli_env) -> None:
        for expected in (0, 2):
            result = _run("create", "-u", "admin", "-r", "admin", "--password-stdin",
                          stdin=PASSWORD)  # fmt: skip
            assert result.exit_code == expected

    def test_without_stdin_flag_and_no_terminal(self, cli_env) -> None:
        result = _run("create", "-u", "admin", "-r", "admin", stdin=PASSWORD)
        assert result.exit_code == 2 and "--password-stdin" in result.output


class TestManage:
    @pytest.fixture
    def lan(self, cli_env):
        _run("create", "-u", "lan", "-r", "analyst", "--unit", "01", "--password-stdin",
             stdin=PASSWORD)  # fmt: skip
        return cli_env

    def test_disable_enable(self, lan) -> None:
        assert _run("disable", "-u", "lan").exit_code == 0
        assert not _authenticates(lan, "lan", PASSWORD)
        assert json.loads(_run("list", "--json").stdout)[0]["disabled"] is True
        assert _run("enable", "-u", "lan").exit_code == 0
        assert _authenticates(lan, "lan", PASSWORD)
        missing = _run("disable", "-u", "ghost")
        assert missing.exit_code == 2 and "ghost" in missing.output

    def test_grant_and_password_reset(self, lan) -> None:
        assert _run("grant", "-u", "lan", "-r", "leader", "--unit", "79").exit_code == 0
        assert "leader@79" in json.loads(_run("list", "--json").stdout)[0]["roles"]
        reset = _run("password", "-u", "lan", "--password-stdin", stdin="another passphrase")
        assert reset.exit_code == 0
        assert _authenticates(lan, "lan", "another passphrase")

    def test_token_shown_once_and_usable(self, both_backends) -> None:
        lan = both_backends
        _run("create", "-u", "lan", "-r", "analyst", "--unit", "01", "--password-stdin",
             stdin=PASSWORD)  # fmt: skip
        result = _run("token", "create", "-u", "lan", "--name", "báo cáo", "--days", "30")
        assert result.exit_code == 0, result.output
        token = result.stdout.strip().splitlines()[-1]
        assert token.startswith("odk_")
        with lan.sessions.begin() as session:
            principal = tokens.principal_for_bearer(session, token=token, now=utcnow())
        assert principal is not None and principal.username == "lan"
        listing = _run("token", "list", "-u", "lan")
        assert token[4:12] in listing.output and token not in listing.output
        assert _run("token", "revoke", "-u", "lan", "--prefix", token[4:12]).exit_code == 0
        with lan.sessions.begin() as session:
            assert tokens.principal_for_bearer(session, token=token, now=utcnow()) is None
        assert _run("token", "revoke", "-u", "lan", "--prefix", token[4:12]).exit_code == 2
