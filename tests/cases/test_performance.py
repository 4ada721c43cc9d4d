"""The per-agency table on a hand-made example, on SQLite and PostgreSQL."""

from __future__ import annotations

from opiniondesk.cases import actions, service
from opiniondesk.cases.holidays import default_calendar
from opiniondesk.cases.performance import AgencyRow
from tests.accounts.builders import BA_DINH
from tests.cases.builders import Office, ctx, hanoi_office, hanoi_time


def _case(session, office: Office, day: int, agencies: list[int], *, month: int = 4) -> int:  # type: ignore[no-untyped-def]
    at = hanoi_time(2025, month, day)
    case = service.open_case(
        session, title=f"Vấn đề {day}/{month}", summary="", unit_code=BA_DINH, now=at, actor=None
    )
    for agency_id in agencies:
        actions.assign(
            session, ctx(office.leader, at), case_id=case.id, agency_id=agency_id, working_days=5
        )
    return case.id


def _answer(session, who, case_id: int, agency_id: int, day: int) -> None:  # type: ignore[no-untyped-def]
    actions.answer(
        session,
        ctx(who, hanoi_time(2025, 4, day)),
        case_id=case_id,
        agency_id=agency_id,
        text="Trả lời",
    )


def test_agency_table_on_a_hand_made_example(desk) -> None:  # type: ignore[no-untyped-def]
    office = hanoi_office(desk.sessions)
    ward, dept = office.ward.id, office.department.id
    with desk.sessions.begin() as session:
        idle = service.add_agency(
            session, code="ban-dan-van", name="Ban Dân vận", unit_code="01", actor=None
        ).id
        # assigned Wednesday 2 April: due Thursday 10 April (Hùng Kings' day, 7 April, skipped)
        both = _case(session, office, 2, [ward, dept])
        _answer(session, office.ward_responder, both, ward, 4)  # 2 working days, on time
        _answer(session, office.department_responder, both, dept, 9)  # 4 working days, on time
        late = _case(session, office, 2, [ward])
        _answer(session, office.ward_responder, late, ward, 11)  # 6 working days, late
        lapsed = _case(session, office, 14, [ward])  # due 21 April, never answered
        closed = _case(session, office, 2, [dept])
        actions.close(
            session, ctx(office.leader, hanoi_time(2025, 4, 5)), case_id=closed, reason="trùng"
        )
        extended = _case(session, office, 2, [dept])
        actions.request_extension(
            session,
            ctx(office.department_responder, hanoi_time(2025, 4, 8)),
            case_id=extended,
            agency_id=dept,
            extra_working_days=3,
            reason="cần đo đạc",
        )
        actions.grant_extension(
            session, ctx(office.leader, hanoi_time(2025, 4, 8)), case_id=extended, agency_id=dept
        )
        _answer(session, office.department_responder, extended, dept, 14)  # 7 working days, on time
    assert lapsed and idle

    with desk.sessions() as session:
        rows = service.agency_performance(
            session, now=hanoi_time(2025, 4, 23), calendar=default_calendar()
        )
    by_code = {row.code: row for row in rows}
    assert by_code["ubnd-p-ba-dinh"] == AgencyRow(
        agency_id=ward,
        code="ubnd-p-ba-dinh",
        name="UBND phường Ba Đình",
        received=3,
        answered=2,
        answered_on_time=1,
        due=3,
        overdue_now=1,
        median_working_days=4.0,
    )
    assert by_code["so-nnmt-01"] == AgencyRow(
        agency_id=dept,
        code="so-nnmt-01",
        name="Sở Nông nghiệp và Môi trường Hà Nội",
        received=3,
        answered=2,
        answered_on_time=2,
        due=2,
        overdue_now=0,
        median_working_days=5.5,
    )
    assert by_code["ubnd-p-ba-dinh"].on_time_share == 1 / 3
    assert by_code["so-nnmt-01"].on_time_share == 1.0
    assert by_code["ban-dan-van"].received == 0 and by_code["ban-dan-van"].on_time_share is None

    with desk.sessions() as session:
        april_first_half = service.agency_performance(
            session,
            now=hanoi_time(2025, 4, 23),
            calendar=default_calendar(),
            assigned_to=hanoi_time(2025, 4, 13).date(),
        )
    assert {r.code: r.received for r in april_first_half}["ubnd-p-ba-dinh"] == 2
