"""`opiniondesk agency …`, `case …`, `jobs run-once` as a user meets them."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from opiniondesk.accounts.roles import Role
from opiniondesk.cases.settings import get_cases_settings
from opiniondesk.cli.main import app
from opiniondesk.config import get_settings
from tests.accounts.builders import BA_DINH, HANOI, make_user

runner = CliRunner()


@pytest.fixture
def cli(desk, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("OPINIONDESK_DATABASE_URL", desk.url)
    monkeypatch.setenv("OPINIONDESK_HOME", str(desk.home))
    monkeypatch.setenv("OPINIONDESK_SECRET_KEY", "test-secret")
    monkeypatch.setenv("OPINIONDESK_SMTP_HOST", "")
    monkeypatch.setenv("OPINIONDESK_BASE_URL", "https://desk.example.vn")
    get_settings.cache_clear()
    get_cases_settings.cache_clear()
    yield desk
    get_settings.cache_clear()
    get_cases_settings.cache_clear()


def ok(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_case_from_opening_to_publication(cli) -> None:  # type: ignore[no-untyped-def]
    ok(
        "agency",
        "add",
        "--code",
        "ubnd-p-ba-dinh",
        "--name",
        "UBND phường Ba Đình",
        "--unit",
        BA_DINH,
        "--email",
        "ubnd@badinh.gov.vn",
    )
    ok("agency", "leader-inbox", "--unit", HANOI, "--email", "lanhdao@hanoi.gov.vn")
    make_user(cli.sessions, "lanhdao", Role.leader, (HANOI,))
    make_user(cli.sessions, "chuyenvien", Role.analyst, (HANOI,))
    make_user(cli.sessions, "ubnd.badinh", Role.agency, (BA_DINH,), agency_id=1)

    assert "Case #1" in ok(
        "case",
        "open",
        "--title",
        "Rác ven hồ",
        "--unit",
        BA_DINH,
        "--summary",
        "Nhiều phản ánh.",
        "--by",
        "chuyenvien",
    )
    assigned = ok(
        "case", "assign", "1", "--agency", "ubnd-p-ba-dinh", "--days", "5", "--by", "lanhdao"
    )
    assert "ubnd-p-ba-dinh: hạn / due" in assigned
    assert "1 e-mails waiting" in " ".join(assigned.split())
    ok(
        "case",
        "answer",
        "1",
        "--agency",
        "ubnd-p-ba-dinh",
        "--text",
        "Đã thu gom.",
        "--by",
        "ubnd.badinh",
    )

    refused = runner.invoke(app, ["case", "approve", "1", "--by", "chuyenvien"])
    assert refused.exit_code == 2
    assert "You may not do “cases.approve”" in " ".join(refused.output.split())

    ok("case", "approve", "1", "--title", "Thu gom rác ven hồ", "--by", "lanhdao")
    assert "https://desk.example.vn/cong-khai/1" in ok("case", "publish", "1", "--by", "lanhdao")

    shown = json.loads(ok("case", "show", "1", "--json"))
    assert shown["status"] == "published"
    assert [e["kind"] for e in shown["events"]] == [
        "opened",
        "assigned",
        "answered",
        "approved",
        "published",
    ]
    listed = json.loads(ok("case", "list", "--status", "published", "--json"))
    assert [c["id"] for c in listed] == [1]
    table = json.loads(ok("agency", "table", "--json"))
    assert table[0]["received"] == 1 and table[0]["answered"] == 1
    assert "reminders 0" in ok("jobs", "run-once")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["case", "open", "--title", "x", "--unit", "99999"], "Unknown 2025 unit code"),
        (["case", "open", "--title", "x"], "Give --unit or --alert"),
        (["case", "assign", "7", "--agency", "nope"], "No agency “nope”"),
        (["case", "show", "7"], "No case #7"),
        (["agency", "add", "--code", "X Y", "--name", "n", "--unit", "01"], "Invalid agency code"),
        (["agency", "leader-inbox", "--unit", "01", "--email", "not-an-address"], "invalid e-mail"),
        (["case", "open", "--title", "x", "--unit", "01", "--by", "ghost"], "No user “ghost”"),
    ],
)
def test_bad_input_exits_2_and_says_what_to_do(cli, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert message in " ".join(result.output.split())


def test_worker_command_exists() -> None:
    result = runner.invoke(app, ["worker", "--help"])
    assert result.exit_code == 0
    assert "Huey" in result.output
