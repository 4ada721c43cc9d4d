"""Field work in Hà Nội: collaborators who joined through invitation links (one link still
waiting), a report duty from the ward leaders, and about thirty field reports, so
/field-reports and the duty and collaborator pages have content. Reports go through
fieldwork.service.submit with instance ids derived from the seed, so a re-run stores none."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from opiniondesk.accounts import repository as accounts_repo
from opiniondesk.accounts.principal import UnitScope
from opiniondesk.analysis.rollups import local_day
from opiniondesk.demo.showcase.base import DEMO_MAIL_DOMAIN, Seeded, ShowcaseContext
from opiniondesk.fieldwork import collaborators, duties, service
from opiniondesk.fieldwork import repository as repo
from opiniondesk.fieldwork.models import (
    CollaboratorInvitation,
    Concern,
    HeardAt,
    Mood,
    ReportDuty,
    Spread,
)
from opiniondesk.fieldwork.schemas import FieldReportCreate

REPORTS = 30
BA_DINH, CAU_GIAY = "00004", "00166"


@dataclass(frozen=True, slots=True)
class CollaboratorSpec:
    username: str
    display_name: str  # synthetic
    units: tuple[str, ...]


COLLABORATORS = (
    CollaboratorSpec("ctv.caugiay", "Trần Thu Hà (CTV mẫu)", (CAU_GIAY,)),
    CollaboratorSpec("ctv.badinh", "Lê Văn Bình (CTV mẫu)", (BA_DINH,)),
    CollaboratorSpec("ctv.hanoi", "Phạm Quỳnh Mai (CTV mẫu)", (CAU_GIAY, BA_DINH)),
)
PENDING_INVITE = f"ctv.moi@{DEMO_MAIL_DOMAIN}"
DUTY_TOPIC = "Lừa đảo qua điện thoại giả danh công an"

# (topic, summary, suggested action, mood, concern, spread, heard at)
TEMPLATES = (
    (
        DUTY_TOPIC,
        "Tại buổi sinh hoạt tổ dân phố, nhiều người kể vừa nhận cuộc gọi giả danh công an đòi "
        "chuyển tiền để “xác minh tài khoản”; người cao tuổi rất lo lắng.",
        "Đề nghị công an phường phát cảnh báo trên loa và dán thông báo ở nhà văn hóa.",
        Mood.negative,
        Concern.high,
        Spread.widespread,
        HeardAt.meeting,
    ),
    (
        DUTY_TOPIC,
        "Ở chợ, các tiểu thương bàn tán về tin nhắn yêu cầu cài ứng dụng định danh điện tử; "
        "một số người đã cài thử rồi mới biết là lừa đảo.",
        "Hướng dẫn người dân chỉ dùng ứng dụng VNeID chính thức.",
        Mood.negative,
        Concern.high,
        Spread.local,
        HeardAt.market,
    ),
    (
        "Vỉa hè bị lấn chiếm làm nơi để xe",
        "Người dân phàn nàn vỉa hè trước các quán ăn bị chiếm hết để xe máy, người đi bộ phải "
        "xuống lòng đường, nhất là giờ tan học.",
        "Đề nghị phường kẻ vạch phân định phần vỉa hè được sử dụng tạm thời.",
        Mood.negative,
        Concern.medium,
        Spread.local,
        HeardAt.conversation,
    ),
    (
        "Chỉnh trang vỉa hè, trồng thêm cây xanh",
        "Bà con đánh giá cao việc lát lại vỉa hè và trồng cây trên tuyến phố; mong duy trì vệ "
        "sinh và không để tái lấn chiếm.",
        "",
        Mood.positive,
        Concern.low,
        Spread.local,
        HeardAt.meeting,
    ),
    (
        "Thủ tục hành chính một cửa",
        "Người dân khen bộ phận một cửa giải quyết hồ sơ nhanh, nhưng phản ánh giờ cao điểm "
        "phải chờ lâu và thiếu chỗ ngồi.",
        "Bổ sung máy lấy số và hẹn giờ trực tuyến.",
        Mood.mixed,
        Concern.low,
        Spread.isolated,
        HeardAt.conversation,
    ),
    (
        "Ngập úng sau mưa lớn",
        "Sau trận mưa chiều qua, ngõ nhỏ ngập sâu gần nửa mét, nước rút chậm vì cống bị tắc; "
        "nhiều hộ phải kê đồ đạc lên cao.",
        "Đề nghị nạo vét cống thoát nước trước mùa mưa năm sau.",
        Mood.negative,
        Concern.medium,
        Spread.local,
        HeardAt.online,
    ),
    (
        "Tiếng ồn công trình xây dựng ban đêm",
        "Công trình trên phố thi công đổ bê tông sau 22 giờ, người dân mất ngủ nhiều đêm liền.",
        "Kiểm tra giấy phép và giờ thi công của công trình.",
        Mood.negative,
        Concern.medium,
        Spread.isolated,
        HeardAt.conversation,
    ),
    (
        "Chương trình tiêm chủng mở rộng",
        "Phụ huynh cho biết lịch tiêm được thông báo sớm qua nhóm tổ dân phố, tổ chức gọn gàng.",
        "",
        Mood.positive,
        Concern.low,
        Spread.local,
        HeardAt.media,
    ),
)


def _collaborators(session: Session, ctx: ShowcaseContext) -> tuple[dict[str, int], int]:
    """Each demo collaborator joins through the real invitation flow; returns user ids."""
    ids: dict[str, int] = {}
    added = 0
    for spec in COLLABORATORS:
        user = accounts_repo.user_by_username(session, spec.username)
        if user is None:
            invitation = collaborators.invite(
                session,
                email=f"{spec.username}@{DEMO_MAIL_DOMAIN}",
                units=spec.units,
                expires_days=7,
                now=ctx.now - timedelta(days=40),
                supervisor=None,
            )
            profile = collaborators.accept(
                session,
                token=invitation.token,
                username=spec.username,
                display_name=spec.display_name,
                password=ctx.password,
                phone="",
                now=ctx.now - timedelta(days=39),
            )
            ids[spec.username] = profile.user_id
            added += 1
        else:
            ids[spec.username] = user.id
    pending = session.scalar(
        select(CollaboratorInvitation.id).where(CollaboratorInvitation.email == PENDING_INVITE)
    )
    if pending is None:
        collaborators.invite(
            session,
            email=PENDING_INVITE,
            units=[CAU_GIAY],
            expires_days=14,
            now=ctx.now,
            supervisor=None,
        )
    return ids, added


def _duty(session: Session, ctx: ShowcaseContext) -> ReportDuty:
    for duty in repo.duties(session, UnitScope(everything=True)):
        if duty.topic == DUTY_TOPIC and duty.unit_code == CAU_GIAY:
            return duty
    today = local_day(ctx.now)
    return duties.open_duty(
        session,
        unit_code=CAU_GIAY,
        topic=DUTY_TOPIC,
        due_on=today + timedelta(days=5),
        today=today,
        note="Mỗi cộng tác viên gửi ít nhất một báo cáo về các cuộc gọi lừa đảo nghe được.",
    )


def _report(
    ctx: ShowcaseContext, index: int, rng: random.Random, duty: ReportDuty
) -> tuple[FieldReportCreate, str]:
    topic, summary, action, mood, concern, spread, heard = rng.choice(TEMPLATES)
    on_duty = topic == DUTY_TOPIC
    collaborator = "ctv.caugiay" if on_duty else rng.choice(COLLABORATORS).username
    spec = next(c for c in COLLABORATORS if c.username == collaborator)
    unit = CAU_GIAY if on_duty else rng.choice(spec.units)
    report = FieldReportCreate(
        instance_id=ctx.stable_id("field-report", index),
        topic=topic,
        unit_code=unit,
        mood=mood,
        concern=concern,
        spread=spread,
        heard_at=heard,
        summary=summary,
        suggested_action=action,
        duty_id=duty.id if on_duty else None,
    )
    return report, collaborator


def seed_fieldwork(session: Session, ctx: ShowcaseContext) -> Seeded:
    ids, joined = _collaborators(session, ctx)
    duty = _duty(session, ctx)
    rng = random.Random(ctx.seed)
    added = 0
    for index in range(REPORTS):
        report, collaborator = _report(ctx, index, rng, duty)
        submission = service.submit(
            session,
            report=report,
            secret_key=ctx.settings.secret_key,
            submitted_by=ids[collaborator],
        )
        added += submission.created
    return Seeded(
        "Báo cáo thực địa",
        "Field reports",
        f"{len(COLLABORATORS)} cộng tác viên (+1 lời mời đang chờ), 1 yêu cầu báo cáo, "
        f"{REPORTS} báo cáo",
        f"{len(COLLABORATORS)} collaborators (+1 pending invitation), 1 report duty, "
        f"{REPORTS} reports",
        added + joined,
        url="/field-reports",
    )
