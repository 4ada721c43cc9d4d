"""Scenario 2 end to end on SQLite and PostgreSQL: an analyst opens a case, the leader assigns
it to two agencies with 5 working days across Hùng Kings' day, the desk reminds and escalates,
the agencies answer, the leader approves and publishes."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from opiniondesk.accounts.models import AuditEvent
from opiniondesk.cases import actions, jobs, repository, service
from opiniondesk.cases.access import CaseForbidden, visible
from opiniondesk.cases.events import EventKind
from opiniondesk.cases.models import CaseEvent, CaseNotification
from opiniondesk.cases.public import published_case, published_cases
from opiniondesk.cases.state import CaseConflict, CaseStatus
from opiniondesk.errors import InputError, NotFoundError
from tests.accounts.builders import BA_DINH
from tests.cases.builders import (
    DEPT_EMAIL,
    LEADERS_EMAIL,
    WARD_EMAIL,
    Office,
    ctx,
    documents,
    hanoi_office,
    hanoi_time,
    settings,
)

WEDNESDAY = hanoi_time(2025, 4, 2)  # 5 working days later, over Hùng Kings' day: 10 April


def open_and_assign(desk, office: Office) -> int:  # type: ignore[no-untyped-def]
    doc_ids = documents(desk.sessions, 6)
    with desk.sessions.begin() as session:
        case = service.open_case(
            session,
            title="Rác thải ven hồ Ba Đình chưa được thu gom",
            summary="Nhiều phản ánh về rác tồn đọng ven hồ trong tuần.",
            unit_code=BA_DINH,
            now=WEDNESDAY,
            actor=office.analyst,
            document_ids=doc_ids,
            proposed_agency_ids=[office.ward.id, office.department.id],
        )
        case_id = case.id
    with desk.sessions.begin() as session:
        for agency in (office.ward, office.department):
            actions.assign(
                session,
                ctx(office.leader, WEDNESDAY),
                case_id=case_id,
                agency_id=agency.id,
                working_days=5,
            )
    return case_id


def outbox(desk, case_id: int) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    with desk.sessions() as session:
        rows = repository.notifications_of(session, case_id)
        kinds = {e.id: e.kind for e in repository.events_of(session, case_id)}
        return [(kinds[n.event_id], n.recipient, n.subject) for n in rows]


def test_scenario_two_from_opening_to_publication(desk) -> None:  # type: ignore[no-untyped-def]
    office = hanoi_office(desk.sessions)
    case_id = open_and_assign(desk, office)
    with desk.sessions() as session:
        view = service.view_case(session, case_id)
    assert view.state.status is CaseStatus.assigned
    assert {a.deadline for a in view.state.assignments} == {date(2025, 4, 10)}
    assert len(view.evidence) == 6

    s = settings()
    # Tuesday 8th: two working days left, no reminder yet
    assert jobs.run_case_jobs(desk.sessions, hanoi_time(2025, 4, 8), settings=s).reminders == 0
    # Wednesday 9th ("day 4"): one working day left, both agencies reminded, once
    assert jobs.run_case_jobs(desk.sessions, hanoi_time(2025, 4, 9), settings=s).reminders == 2
    assert jobs.run_case_jobs(desk.sessions, hanoi_time(2025, 4, 9, 15), settings=s).reminders == 0

    with desk.sessions.begin() as session:
        actions.answer(
            session,
            ctx(office.ward_responder, hanoi_time(2025, 4, 9, 16)),
            case_id=case_id,
            agency_id=office.ward.id,
            text="Đã bố trí thu gom hằng ngày từ 10/4.",
        )
    # Friday 11th ("day 6"): the department is late, escalated to the leaders once
    report = jobs.run_case_jobs(desk.sessions, hanoi_time(2025, 4, 11), settings=s)
    assert (report.reminders, report.escalations) == (0, 1)
    assert (
        jobs.run_case_jobs(desk.sessions, hanoi_time(2025, 4, 11, 17), settings=s).escalations == 0
    )

    with desk.sessions.begin() as session:
        actions.request_extension(
            session,
            ctx(office.department_responder, hanoi_time(2025, 4, 11, 10)),
            case_id=case_id,
            agency_id=office.department.id,
            extra_working_days=3,
            reason="Cần lấy mẫu nước hồ.",
        )
    with desk.sessions.begin() as session:
        granted = actions.grant_extension(
            session,
            ctx(office.leader, hanoi_time(2025, 4, 11, 11)),
            case_id=case_id,
            agency_id=office.department.id,
        )
    assert granted.after.assignment(office.department.id).deadline == date(2025, 4, 15)  # type: ignore[union-attr]
    # a new deadline gets its own reminder
    assert jobs.run_case_jobs(desk.sessions, hanoi_time(2025, 4, 14), settings=s).reminders == 1

    with desk.sessions.begin() as session:
        actions.answer(
            session,
            ctx(office.department_responder, hanoi_time(2025, 4, 15)),
            case_id=case_id,
            agency_id=office.department.id,
            text="Kết quả quan trắc nước hồ đạt chuẩn; liên hệ 0912345678.",
        )
    with desk.sessions.begin() as session:
        actions.approve(session, ctx(office.leader, hanoi_time(2025, 4, 16)), case_id=case_id)
        actions.publish(session, ctx(office.leader, hanoi_time(2025, 4, 16)), case_id=case_id)

    with desk.sessions() as session:
        state = service.view_case(session, case_id).state
        public = published_case(session, case_id, min_group_size=5)
        audit_actions = list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))
    assert state.status is CaseStatus.published
    assert public.related_opinions == 6
    assert [a.agency_name for a in public.answers] == [office.ward.name, office.department.name]
    assert "0912345678" not in public.answers[1].text  # masked on the way out
    for action in (
        "case.open",
        "case.assign",
        "case.remind",
        "case.answer",
        "case.escalate",
        "case.extension_request",
        "case.extension_grant",
        "case.approve",
        "case.publish",
    ):
        assert action in audit_actions

    mails = outbox(desk, case_id)
    assert [(k, r) for k, r, _ in mails if k == "assigned"] == [
        ("assigned", WARD_EMAIL),
        ("assigned", DEPT_EMAIL),
    ]
    assert sorted(r for k, r, _ in mails if k == "reminded") == sorted(
        [WARD_EMAIL, DEPT_EMAIL, DEPT_EMAIL]
    )
    assert [r for k, r, _ in mails if k == "escalated"] == [LEADERS_EMAIL]
    assert [r for k, r, _ in mails if k == "answered"] == [LEADERS_EMAIL, LEADERS_EMAIL]
    assert sorted(r for k, r, _ in mails if k == "published") == sorted(
        [WARD_EMAIL, DEPT_EMAIL, LEADERS_EMAIL]
    )
    escalation = next(subject for k, _, subject in mails if k == "escalated")
    assert f"#{case_id}" in escalation and "Quá hạn" in escalation and "Overdue" in escalation


def test_roles_are_checked(desk) -> None:  # type: ignore[no-untyped-def]
    office = hanoi_office(desk.sessions)
    case_id = open_and_assign(desk, office)
    later = hanoi_time(2025, 4, 3)
    with desk.sessions.begin() as session, pytest.raises(CaseForbidden) as refused:
        actions.answer(
            session,
            ctx(office.ward_responder, later),
            case_id=case_id,
            agency_id=office.department.id,
            text="Thay sở trả lời",
        )
    assert refused.value.status == 403 and " / " in refused.value.message
    with desk.sessions.begin() as session, pytest.raises(CaseForbidden):
        actions.approve(session, ctx(office.analyst, later), case_id=case_id)
    with desk.sessions.begin() as session, pytest.raises(CaseForbidden):
        actions.assign(
            session, ctx(office.hcmc_leader, later), case_id=case_id, agency_id=office.ward.id
        )
    with desk.sessions.begin() as session, pytest.raises(CaseForbidden):
        actions.close(session, ctx(office.ward_responder, later), case_id=case_id)


def test_each_person_sees_only_their_cases(desk) -> None:  # type: ignore[no-untyped-def]
    office = hanoi_office(desk.sessions)
    assigned = open_and_assign(desk, office)
    with desk.sessions.begin() as session:
        other = service.open_case(
            session,
            title="Đèn đường hỏng",
            summary="",
            unit_code=BA_DINH,
            now=WEDNESDAY,
            actor=office.analyst,
        ).id
    with desk.sessions() as session:

        def seen(who):  # type: ignore[no-untyped-def]
            return sorted(c.id for c in repository.cases(session, where=visible(who)))

        assert seen(office.analyst) == sorted([assigned, other])
        assert seen(office.leader) == sorted([assigned, other])
        assert seen(office.ward_responder) == [assigned]
        assert seen(office.hcmc_leader) == []
        assert seen(None) == sorted([assigned, other])


def test_refused_steps_say_why(desk) -> None:  # type: ignore[no-untyped-def]
    office = hanoi_office(desk.sessions)
    case_id = open_and_assign(desk, office)
    with (
        desk.sessions.begin() as session,
        pytest.raises(CaseConflict, match="only an approved case"),
    ):
        actions.publish(session, ctx(office.leader, WEDNESDAY), case_id=case_id)
    with desk.sessions.begin() as session, pytest.raises(CaseConflict, match="already assigned"):
        actions.assign(
            session, ctx(office.leader, WEDNESDAY), case_id=case_id, agency_id=office.ward.id
        )
    with desk.sessions.begin() as session, pytest.raises(InputError, match="whole country"):
        service.open_case(session, title="x", summary="", unit_code="VN", now=WEDNESDAY, actor=None)
    with (
        desk.sessions.begin() as session,
        pytest.raises(InputError, match="No such documents: 999"),
    ):
        service.open_case(
            session,
            title="x",
            summary="",
            unit_code=BA_DINH,
            now=WEDNESDAY,
            actor=None,
            document_ids=[999],
        )
    with desk.sessions() as session, pytest.raises(NotFoundError):
        service.view_case(session, 424242)


def test_the_event_log_is_append_only(desk) -> None:  # type: ignore[no-untyped-def]
    office = hanoi_office(desk.sessions)
    case_id = open_and_assign(desk, office)
    for statement in ("UPDATE case_event SET kind = 'closed'", "DELETE FROM case_event"):
        with pytest.raises(DBAPIError, match="append-only"), desk.engine.begin() as conn:
            conn.execute(text(statement))
    with desk.sessions() as session:
        assert (
            len(session.scalars(select(CaseEvent).where(CaseEvent.case_id == case_id)).all()) == 3
        )


def test_concurrent_job_runs_record_each_reminder_once(desk) -> None:  # type: ignore[no-untyped-def]
    import threading

    office = hanoi_office(desk.sessions)
    case_id = open_and_assign(desk, office)
    errors: list[BaseException] = []
    barrier = threading.Barrier(3)

    def run() -> None:
        barrier.wait()
        try:
            with desk.sessions.begin() as session:
                jobs.send_due_reminders(session, hanoi_time(2025, 4, 9), settings=settings())
        except DBAPIError as exc:  # SQLite: the loser's snapshot is stale; it retries next run
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with desk.sessions() as session:
        kinds = [e.kind for e in repository.events_of(session, case_id)]
        mails = session.scalars(select(CaseNotification.recipient)).all()
    assert kinds.count(EventKind.reminded) == 2
    assert (
        sorted(m for m in mails if m in (WARD_EMAIL, DEPT_EMAIL)).count(WARD_EMAIL) == 2
    )  # assignment + 1 reminder
    if desk.engine.dialect.name == "postgresql":
        assert errors == []  # the row lock makes them take turns


def test_published_page_shows_only_published_answers(desk) -> None:  # type: ignore[no-untyped-def]
    office = hanoi_office(desk.sessions)
    published = open_and_assign(desk, office)
    pending = open_and_assign(desk, office)
    t = hanoi_time(2025, 4, 4)
    with desk.sessions.begin() as session:
        for case_id in (published, pending):
            actions.answer(
                session,
                ctx(office.ward_responder, t),
                case_id=case_id,
                agency_id=office.ward.id,
                text="Đã xử lý xong.",
            )
        actions.approve(
            session,
            ctx(office.leader, t),
            case_id=published,
            title="Thu gom rác ven hồ Ba Đình",
            summary="Phường trả lời.",
            agency_ids=[office.ward.id],
        )
        actions.publish(session, ctx(office.leader, t), case_id=published)
        actions.approve(session, ctx(office.leader, t), case_id=pending)  # approved, not published
    with desk.sessions() as session:
        listed = published_cases(session, min_group_size=10)
        with pytest.raises(NotFoundError):
            published_case(session, pending, min_group_size=10)
    assert [p.id for p in listed] == [published]
    assert listed[0].title == "Thu gom rác ven hồ Ba Đình"  # the approved wording
    assert [a.agency_name for a in listed[0].answers] == [office.ward.name]
    assert listed[0].related_opinions is None  # 6 opinions < 10: not shown


def test_a_case_opened_from_an_alert_takes_its_place_topic_and_evidence(desk) -> None:  # type: ignore[no-untyped-def]
    from opiniondesk.alerts.models import Alert

    doc_ids = documents(desk.sessions, 3)
    with desk.sessions.begin() as session:
        alert = Alert(
            topic_code="",
            province_code="01",
            commune_code=BA_DINH,
            window_start=date(2025, 3, 26),
            window_end=date(2025, 3, 28),
            detected_on=date(2025, 3, 28),
            observed=12,
            expected=2.5,
            probability=1e-4,
            score=4.0,
            method="test",
            evidence=[*doc_ids, 999],
        )
        session.add(alert)
        session.flush()
        draft = service.draft_from_alert(session, alert.id)
        case = service.open_case(
            session,
            title="Từ cảnh báo",
            summary="",
            unit_code=draft.unit_code,
            now=WEDNESDAY,
            actor=None,
            document_ids=draft.document_ids,
            alert_id=draft.alert_id,
        )
        evidence = repository.evidence_of(session, case.id)
    assert draft.unit_code == BA_DINH and draft.document_ids == tuple(doc_ids)  # 999 is gone
    assert sorted(e.document_id for e in evidence if e.document_id) == doc_ids
    assert [e.alert_id for e in evidence if e.alert_id] == [alert.id]
