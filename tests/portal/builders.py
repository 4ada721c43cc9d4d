"""Realistic public content for the portal tests: published answers to cases, clarifications
of claims, and a citizen's feedback, each made through the features' own service functions."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.cases import actions, service
from opiniondesk.claims import repository as claims_repo
from opiniondesk.claims.actions import publish_clarification
from opiniondesk.claims.models import Claim
from tests.accounts.builders import BA_DINH
from tests.cases.builders import Office, ctx, hanoi_time

# A ward's answer reads like this in practice: a few sentences, dates, what was done.
ANSWER = (
    "UBND phường đã kiểm tra hiện trường ngày {day}/3/2025. Khu vực ven hồ có rác sinh hoạt "
    "tồn đọng do điểm tập kết tạm bị dời đi trong thời gian thi công vỉa hè. Phường đã yêu cầu "
    "đơn vị vệ sinh môi trường bố trí xe thu gom hằng ngày từ 6 giờ đến 8 giờ sáng, đặt thêm "
    "hai thùng rác công cộng và cử tổ dân phố giám sát. Người dân phát hiện đổ rác sai quy định "
    "có thể báo qua đường dây nóng của phường hoặc trang góp ý này. Phường sẽ kiểm tra lại sau "
    "hai tuần và công bố kết quả."
)
CLAIM = "Có tin đồn khu vực ven hồ {n} sẽ bị giải tỏa toàn bộ để xây trung tâm thương mại"
CLARIFICATION = (
    "Sở Xây dựng khẳng định không có quy hoạch hay chủ trương giải tỏa khu vực ven hồ {n}. "
    "Dự án đang triển khai chỉ là cải tạo vỉa hè và hệ thống thoát nước, không thu hồi đất "
    "của hộ dân nào. Người dân cần thông tin chính thức xin liên hệ bộ phận một cửa của phường."
)


def publish_answer(sessions: sessionmaker[Session], office: Office, n: int) -> int:
    """A case opened, assigned, answered, approved and published; returns its id."""
    day = hanoi_time(2025, 3, 3) + timedelta(days=n)
    with sessions.begin() as session:
        case = service.open_case(
            session,
            title=f"Rác tồn đọng ven hồ, khu {n}",
            summary="Nhiều người dân phản ánh rác thải ven hồ chưa được thu gom.",
            unit_code=BA_DINH,
            now=day,
            actor=office.analyst,
        )
        case_id = case.id
        actions.assign(session, ctx(office.analyst, day), case_id=case_id, agency_id=office.ward.id)
    with sessions.begin() as session:
        actions.answer(
            session,
            ctx(office.ward_responder, day + timedelta(days=1)),
            case_id=case_id,
            agency_id=office.ward.id,
            text=ANSWER.format(day=n % 28 + 1),
        )
    with sessions.begin() as session:
        later = ctx(office.leader, day + timedelta(days=2))
        actions.approve(session, later, case_id=case_id, title=f"Thu gom rác ven hồ, khu {n}")
        actions.publish(session, later, case_id=case_id)
    return case_id


def clarify(
    sessions: sessionmaker[Session],
    n: int,
    *,
    claim_text: str | None = None,
    rating: str = "Sai",
    published_at: datetime | None = None,
    url: str | None = None,
) -> int:
    """A claim and its published clarification; returns the clarification's id."""
    with sessions.begin() as session:
        claim = claims_repo.add_claim(session, Claim(text=claim_text or CLAIM.format(n=n)))
        clarification, _ = publish_clarification(
            session,
            claim_id=claim.id,
            text=CLARIFICATION.format(n=n),
            rating=rating,
            agency="Sở Xây dựng Hà Nội",
            url=url,
            published_at=published_at or hanoi_time(2025, 4, 1) + timedelta(days=n),
        )
        return clarification.id
