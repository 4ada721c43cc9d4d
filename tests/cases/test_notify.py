"""E-mails go out through SMTP to a local aiosmtpd server started by the test."""

from __future__ import annotations

from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from opiniondesk.cases import jobs, service
from tests.browser import free_port
from tests.cases.builders import DEPT_EMAIL, WARD_EMAIL, hanoi_office, hanoi_time, settings
from tests.cases.test_workflow import open_and_assign

USER, PASSWORD = "desk", "smtp-secret"


class Inbox:
    """An aiosmtpd handler that keeps every message it accepts."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], EmailMessage]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = message_from_bytes(envelope.original_content, policy=policy.default)
        self.messages.append((list(envelope.rcpt_tos), parsed))  # type: ignore[arg-type]
        return "250 OK"


def _authenticate(
    server: Any, session: Any, envelope: Any, mechanism: str, data: Any
) -> AuthResult:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
        USER.encode(),
        PASSWORD.encode(),
    )
    return AuthResult(success=ok)


@pytest.fixture
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    inbox, port = Inbox(), free_port()
    controller = Controller(
        inbox, hostname="127.0.0.1", port=port, authenticator=_authenticate, auth_require_tls=False
    )
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def smtp_settings(port: int, **extra: object):  # type: ignore[no-untyped-def]
    values: dict[str, object] = {
        "smtp_host": "127.0.0.1",
        "smtp_port": port,
        "smtp_starttls": False,
        "smtp_user": USER,
        "smtp_password": PASSWORD,
        "smtp_from": "Ban dư luận <desk@hanoi.gov.vn>",
    }
    return settings(**(values | extra))


def test_assignment_mails_reach_the_agencies(desk, smtp_server) -> None:  # type: ignore[no-untyped-def]
    inbox, port = smtp_server
    office = hanoi_office(desk.sessions)
    case_id = open_and_assign(desk, office)

    delivery = jobs.deliver(desk.sessions, hanoi_time(2025, 4, 2, 10), settings=smtp_settings(port))
    assert (delivery.sent, delivery.failed, delivery.waiting) == (2, 0, 0)
    assert sorted(to for tos, _ in inbox.messages for to in tos) == sorted([WARD_EMAIL, DEPT_EMAIL])
    to_ward = next(m for tos, m in inbox.messages if tos == [WARD_EMAIL])
    assert to_ward["Subject"] == (
        f"[opiniondesk] Vấn đề #{case_id} giao cho UBND phường Ba Đình, hạn 10/04/2025 / "
        f"Case #{case_id} assigned, due 2025-04-10"
    )
    assert to_ward["To"] == WARD_EMAIL
    assert to_ward["Auto-Submitted"] == "auto-generated"
    body = to_ward.get_content()
    assert "Kính gửi UBND phường Ba Đình," in body
    assert "Hạn trả lời: thứ Năm, 10/04/2025 (5 ngày làm việc" in body
    assert "— English —" in body
    assert "Answer by: Thursday 10 April 2025 (5 working days" in body
    assert f"https://desk.example.vn/cases/{case_id}" in body

    # nothing is sent twice
    again = jobs.deliver(desk.sessions, hanoi_time(2025, 4, 2, 11), settings=smtp_settings(port))
    assert again.sent == 0 and len(inbox.messages) == 2


def test_reminders_and_escalations_are_mailed(desk, smtp_server) -> None:  # type: ignore[no-untyped-def]
    inbox, port = smtp_server
    office = hanoi_office(desk.sessions)
    case_id = open_and_assign(desk, office)
    s = smtp_settings(port)
    jobs.run_case_jobs(desk.sessions, hanoi_time(2025, 4, 9), settings=s)
    jobs.run_case_jobs(desk.sessions, hanoi_time(2025, 4, 11), settings=s)
    subjects = [m["Subject"] for _, m in inbox.messages]
    assert sum(s.startswith(f"[opiniondesk] Nhắc hạn: vấn đề #{case_id}") for s in subjects) == 2
    escalations = [(tos, m) for tos, m in inbox.messages if "Quá hạn" in m["Subject"]]
    assert len(escalations) == 2  # both agencies missed the deadline
    assert all(tos == ["lanhdao@hanoi.gov.vn"] for tos, _ in escalations)
    assert "Please follow up with the agency" in escalations[0][1].get_content()


def test_a_failed_send_is_retried(desk, smtp_server) -> None:  # type: ignore[no-untyped-def]
    inbox, port = smtp_server
    office = hanoi_office(desk.sessions)
    open_and_assign(desk, office)
    down = jobs.deliver(desk.sessions, hanoi_time(2025, 4, 2), settings=smtp_settings(free_port()))
    assert (down.sent, down.failed, down.waiting) == (0, 2, 2)
    wrong = jobs.deliver(
        desk.sessions,
        hanoi_time(2025, 4, 2),
        settings=smtp_settings(port, smtp_password="nope", smtp_timeout_s=1),
    )
    assert wrong.failed == 2
    up = jobs.deliver(desk.sessions, hanoi_time(2025, 4, 2), settings=smtp_settings(port))
    assert (up.sent, up.waiting) == (2, 0)
    assert len(inbox.messages) == 2


def test_without_smtp_mails_wait(desk) -> None:  # type: ignore[no-untyped-def]
    office = hanoi_office(desk.sessions)
    open_and_assign(desk, office)
    waiting = jobs.deliver(desk.sessions, hanoi_time(2025, 4, 2), settings=settings(smtp_host=""))
    assert (waiting.sent, waiting.waiting) == (0, 2)


def test_an_agency_without_email_is_not_mailed(sqlite_desk) -> None:  # type: ignore[no-untyped-def]
    from tests.cases.builders import ctx

    office = hanoi_office(sqlite_desk.sessions)
    with sqlite_desk.sessions.begin() as session:
        silent = service.add_agency(
            session, code="ban-qlda", name="Ban QLDA", unit_code="01", actor=None
        )
        case = service.open_case(
            session,
            title="Cầu yếu",
            summary="",
            unit_code="01",
            now=hanoi_time(2025, 4, 2),
            actor=None,
        )
        from opiniondesk.cases import actions

        actions.assign(
            session,
            ctx(office.leader, hanoi_time(2025, 4, 2)),
            case_id=case.id,
            agency_id=silent.id,
        )
    delivery = jobs.deliver(sqlite_desk.sessions, hanoi_time(2025, 4, 2), settings=settings())
    assert delivery.waiting == 0
