"""Collaborator activity and surveys in the report: aggregate counts only, suppressed below k."""

from __future__ import annotations

from datetime import UTC, datetime

from opiniondesk.fieldwork.models import FieldReport
from opiniondesk.reports import narrative
from opiniondesk.reports.figures import collaborators, surveys
from opiniondesk.reports.period import parse_period
from opiniondesk.surveys.models import Survey, SurveyResponse

JULY = datetime(2026, 7, 15, 3, tzinfo=UTC)
JUNE = datetime(2026, 6, 15, 3, tzinfo=UTC)


def _report(i: int, *, by: int, unit: str, at: datetime, mood: str = "negative") -> FieldReport:
    return FieldReport(
        instance_id=f"uuid:{i:08d}",
        content_hash=f"{i:064d}",
        topic="Đường sá",
        unit_code=unit,
        province_code=unit[:2] if len(unit) > 2 else unit,
        mood=mood,
        concern="high",
        spread="local",
        heard_at="market",
        summary="Người dân phản ánh đường hỏng",
        submitted_by=by,
        submitted_at=at,
    )


def test_collaborator_activity_is_counted_never_traced(desk) -> None:  # type: ignore[no-untyped-def]
    with desk.sessions.begin() as session:
        session.add_all(
            [_report(i, by=i % 6, unit="00004", at=JULY) for i in range(12)]  # 6 collaborators
            + [_report(100 + i, by=50, unit="26734", at=JULY, mood="positive") for i in range(2)]
            + [_report(200 + i, by=1, unit="00004", at=JUNE) for i in range(9)]  # last quarter
        )
    with desk.sessions() as session:
        q3 = collaborators(session, parse_period("2026-Q3"), "", 5)
        other = collaborators(session, parse_period("2026-Q3"), "79", 5)
    assert (q3["reports"], q3["collaborators"], q3["units"]) == (14, 7, 2)
    moods = {m["mood"]: m["count"] for m in q3["by_mood"]}
    assert moods["positive"] is None  # 2 < k, and the complement would reveal it: both hidden
    assert other == {"reports": None, "collaborators": None, "units": None, "by_mood": []}
    figures = {"min_group_size": 5, "collaborators": q3}
    assert narrative.collaborators(figures, "vi") == (
        "Trong kỳ, mạng lưới cộng tác viên gửi 14 báo cáo từ 2 địa bàn, do 7 cộng tác viên "
        "thực hiện."
    )
    assert "fewer than 5" in narrative.collaborators(
        {"min_group_size": 5, "collaborators": other}, "en"
    )


def test_surveys_with_responses_in_the_period(desk) -> None:  # type: ignore[no-untyped-def]
    with desk.sessions.begin() as session:
        big = Survey(form_id="hai-long", title="Mức độ hài lòng", definition={})
        small = Survey(form_id="nho", title="Khảo sát nhỏ", definition={})
        session.add_all([big, small])
        session.flush()
        session.add_all(
            [
                SurveyResponse(survey_id=big.id, instance_id=f"b{i}", answers={}, submitted_at=JULY)
                for i in range(8)
            ]
            + [
                SurveyResponse(
                    survey_id=small.id, instance_id=f"s{i}", answers={}, submitted_at=JULY
                )
                for i in range(3)
            ]
            + [SurveyResponse(survey_id=big.id, instance_id="old", answers={}, submitted_at=JUNE)]
        )
    with desk.sessions() as session:
        figures = surveys(session, parse_period("2026-Q3"), 5)
    assert figures["items"] == [
        {"title": "Khảo sát nhỏ", "responses": None, "key": None},
        {"title": "Mức độ hài lòng", "responses": 8, "key": None},  # no form stored: no estimate
    ]
    text = narrative.surveys({"min_group_size": 5, "surveys": figures}, "vi")
    assert text == (
        "Trong kỳ có 2 cuộc khảo sát nhận được phiếu trả lời: “Khảo sát nhỏ” (<5), "
        "“Mức độ hài lòng” (8)."
    )
