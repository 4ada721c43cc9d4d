"""Two claims circulating about the planted issues, each answered by an official
clarification, so the portal's clarifications page (/cong-khai/lam-ro) has content."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.orm import Session

from opiniondesk.claims import repository, service
from opiniondesk.claims.actions import publish_clarification
from opiniondesk.demo.showcase.base import Seeded, ShowcaseContext


@dataclass(frozen=True, slots=True)
class ClaimSpec:
    text: str
    clarification: str
    rating: str  # a key of claims.ratings
    agency: str  # an organisation, never a person
    days_ago: int


CLAIMS = (
    ClaimSpec(
        "Nước máy ở phường Thủ Dầu Một bị nhiễm độc, tuyệt đối không được dùng để nấu ăn",
        "Kết quả xét nghiệm các mẫu nước lấy tại nhà máy và tại vòi của hộ dân đều đạt quy "
        "chuẩn kỹ thuật quốc gia; mùi lạ do tồn dư clo sau khi súc xả tuyến ống, không gây hại "
        "cho sức khỏe. Nước máy vẫn dùng để nấu ăn và sinh hoạt bình thường.",
        "false",
        "Sở Y tế Thành phố Hồ Chí Minh",
        4,
    ),
    ClaimSpec(
        "Công an gọi điện yêu cầu người dân cài ứng dụng để cập nhật định danh điện tử",
        "Công an không gọi điện yêu cầu cài ứng dụng, cung cấp mật khẩu hay chuyển tiền. Mọi "
        "thủ tục định danh điện tử làm trực tiếp tại trụ sở công an hoặc trên ứng dụng chính "
        "thức VNeID; cuộc gọi như vậy là lừa đảo.",
        "false",
        "Công an phường Cầu Giấy",
        6,
    ),
)


def seed_claims(session: Session, ctx: ShowcaseContext) -> Seeded:
    known = {claim.text: claim for claim in repository.all_claims(session)}
    added = 0
    for spec in CLAIMS:
        claim = known.get(spec.text)
        if claim is None:
            claim, _ = service.register_claim(session, text=spec.text)
            added += 1
        if repository.latest_clarification(session, claim.id) is None:
            publish_clarification(
                session,
                claim_id=claim.id,
                text=spec.clarification,
                rating=spec.rating,
                agency=spec.agency,
                published_at=ctx.now - timedelta(days=spec.days_ago),
            )
    return Seeded(
        "Tin cần làm rõ",
        "Claims",
        f"{len(CLAIMS)} tin đồn đã có thông tin làm rõ",
        f"{len(CLAIMS)} claims with published clarifications",
        added,
        url="/cong-khai/lam-ro",
    )
