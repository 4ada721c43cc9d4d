"""The "emerging issues and how they were handled" figures from real cases: opened in the
period, assignments received, answered (on time), overdue at the period's end."""

from __future__ import annotations

from opiniondesk.cases import actions, service
from opiniondesk.reports import narrative
from opiniondesk.reports.figures import cases
from opiniondesk.reports.period import parse_period
from tests.accounts.builders import BA_DINH
from tests.cases.builders import ctx, hanoi_office, hanoi_time


def test_cases_of_the_quarter_only(desk) -> None:  # type: ignore[no-untyped-def]
    office = hanoi_office(desk.sessions)
    ward = office.ward.id
    with desk.sessions.begin() as session:
        ids = []
        for month, day in ((4, 2), (4, 14), (5, 6), (3, 20)):  # the last is in Q1
            at = hanoi_time(2025, month, day)
            case = service.open_case(
                session,
                title=f"Vấn đề {day}/{month}",
                summary="",
                unit_code=BA_DINH,
                now=at,
                actor=None,
            )
            actions.assign(
                session, ctx(office.leader, at), case_id=case.id, agency_id=ward, working_days=5
            )
            ids.append(case.id)
        actions.answer(  # answered in 2 working days: on time
            session,
            ctx(office.ward_responder, hanoi_time(2025, 4, 4)),
            case_id=ids[0],
            agency_id=ward,
            text="Trả lời",
        )
        actions.answer(  # answered three weeks later: late
            session,
            ctx(office.ward_responder, hanoi_time(2025, 5, 5)),
            case_id=ids[1],
            agency_id=ward,
            text="Trả lời",
        )
    with desk.sessions() as session:
        figures = cases(session, parse_period("2025-Q2"), "")
        in_hanoi = cases(session, parse_period("2025-Q2"), "01")
        elsewhere = cases(session, parse_period("2025-Q2"), "79")
    assert (figures["opened"], figures["received"], figures["answered"]) == (3, 3, 2)
    assert figures["answered_on_time"] == 1
    assert figures["overdue"] == 1  # the 6 May case, unanswered at 30 June
    assert [a["received"] for a in figures["agencies"]] == [3]
    assert in_hanoi["opened"] == 3 and elsewhere["opened"] == 0
    text = narrative.alerts_and_cases({"alerts": {"count": 0}, "cases": figures}, "vi")
    assert text == (
        "Trong kỳ, bàn không phát hiện vấn đề nổi lên nào; đã mở 3 vụ việc, chuyển 3 lượt đến "
        "cơ quan chức năng, 2 lượt đã được trả lời (1 lượt đúng hạn), 1 lượt quá hạn; "
        "0 câu trả lời đã được công bố."
    )
