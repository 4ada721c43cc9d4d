"""Cases for the planted issues: opened from the demo documents that show them, given to demo
agencies, answered, approved and published, and one left open past its deadline, so the
portal's answers and the cases pages have something to show. Everything goes through
cases.service and cases.actions as the desk's own staff would (the command-line actor)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from opiniondesk.accounts.models import Membership, User
from opiniondesk.accounts.roles import Role
from opiniondesk.accounts.units import resolve_unit
from opiniondesk.cases import actions, service
from opiniondesk.cases import repository as repo
from opiniondesk.cases.deadlines import local_day
from opiniondesk.cases.models import Agency, Case, Priority
from opiniondesk.cases.settings import get_cases_settings
from opiniondesk.demo.manifest import PlantedIssue
from opiniondesk.demo.showcase.base import DEMO_MAIL_DOMAIN, Seeded, ShowcaseContext
from opiniondesk.demo.style import strip_diacritics
from opiniondesk.storage.models import Document

EVIDENCE_PER_CASE = 25


@dataclass(frozen=True, slots=True)
class AgencySpec:
    code: str
    name: str
    unit_code: str


@dataclass(frozen=True, slots=True)
class CaseSpec:
    planted: str  # PlantedIssue.code whose documents are the evidence
    title: str
    summary: str
    answers: tuple[tuple[str, str], ...]  # (agency code, answer); empty: still waiting
    opened_days_ago: int
    priority: Priority = Priority.normal
    waiting_on: tuple[str, ...] = ()  # agencies assigned that never answer (past deadline)


AGENCIES = (
    AgencySpec("demo-so-nnmt-91", "Sở Nông nghiệp và Môi trường tỉnh An Giang", "91"),
    AgencySpec("demo-ubnd-p-tan-chau", "UBND phường Tân Châu", "30376"),
    AgencySpec("demo-ca-p-cau-giay", "Công an phường Cầu Giấy", "00166"),
    AgencySpec("demo-so-xd-79", "Sở Xây dựng Thành phố Hồ Chí Minh", "79"),
    AgencySpec("demo-so-yt-79", "Sở Y tế Thành phố Hồ Chí Minh", "79"),
)

CASES = (
    CaseSpec(
        "riverbank_landslide",
        "Sạt lở bờ sông Tiền uy hiếp nhà dân ở phường Tân Châu",
        "Người dân phản ánh bờ sông Tiền sạt lở ăn sâu vào đất vườn, nhiều nhà sát mép sông "
        "có vết nứt; đề nghị khảo sát, cắm biển cảnh báo và di dời khẩn cấp các hộ nguy hiểm.",
        (
            (
                "demo-so-nnmt-91",
                "Sở đã khảo sát đoạn bờ sông dài 320 m, công bố tình huống khẩn cấp sạt lở và "
                "đề xuất kinh phí kè tạm bằng cừ tràm, dự kiến thi công trong quý I.",
            ),
            (
                "demo-ubnd-p-tan-chau",
                "UBND phường đã cắm biển cảnh báo, di dời tạm 14 hộ đến nơi an toàn và bố trí "
                "trực 24/24 giờ tại khu vực sạt lở trong mùa nước lớn.",
            ),
        ),
        opened_days_ago=18,
        priority=Priority.urgent,
    ),
    CaseSpec(
        "police_impersonation_scam",
        "Cuộc gọi giả danh công an đòi chuyển tiền ở phường Cầu Giấy",
        "Nhiều người dân nhận cuộc gọi tự xưng công an yêu cầu cài ứng dụng lạ hoặc chuyển "
        "tiền để “xác minh”; đề nghị cảnh báo rộng rãi và hướng dẫn cách xử lý.",
        (
            (
                "demo-ca-p-cau-giay",
                "Công an phường khẳng định không làm việc qua điện thoại, không yêu cầu cài ứng "
                "dụng hay chuyển tiền. Đã phát cảnh báo trên loa phường và tại các tổ dân phố; "
                "người dân nhận cuộc gọi như vậy hãy báo ngay cho công an phường.",
            ),
        ),
        opened_days_ago=12,
        priority=Priority.high,
    ),
    CaseSpec(
        "tap_water_odour",
        "Nước máy có mùi lạ ở phường Thủ Dầu Một",
        "Nhiều hộ dân phản ánh nước máy có mùi lạ và vẩn đục suốt mấy tuần; đề nghị kiểm tra "
        "nguồn nước và thông báo khi nào nước an toàn để sử dụng.",
        (
            (
                "demo-so-xd-79",
                "Đơn vị cấp nước đã súc xả tuyến ống, tăng tần suất lấy mẫu; kết quả xét nghiệm "
                "ngày gần nhất đạt quy chuẩn. Sở tiếp tục giám sát trong 30 ngày tới.",
            ),
        ),
        opened_days_ago=10,
    ),
    CaseSpec(
        "tap_water_odour",
        "Công bố kết quả kiểm định chất lượng nước máy tại các khu dân cư phường Thủ Dầu Một",
        "Người dân đề nghị công bố kết quả xét nghiệm độc lập các mẫu nước lấy tại vòi của hộ "
        "dân, không chỉ tại nhà máy.",
        (),
        opened_days_ago=16,
        waiting_on=("demo-so-yt-79",),
    ),
)


def ensure_agencies(session: Session) -> dict[str, Agency]:
    """The demo agencies by code, created the first time (and the leaders' inboxes)."""
    found: dict[str, Agency] = {}
    for spec in AGENCIES:
        agency = repo.agency_by_code(session, spec.code)
        if agency is None:
            agency = service.add_agency(
                session,
                code=spec.code,
                name=spec.name,
                unit_code=spec.unit_code,
                email=f"{spec.code}@{DEMO_MAIL_DOMAIN}",
                actor=None,
            )
        found[spec.code] = agency
    for unit in {resolve_unit(spec.unit_code).province_code for spec in AGENCIES}:
        service.add_leader_inbox(
            session, unit_code=unit, email=f"lanhdao-{unit}@{DEMO_MAIL_DOMAIN}", actor=None
        )
    return found


def evidence_for(session: Session, issue: PlantedIssue) -> list[int]:
    """Documents of the planted issue: those from its commune since just before its window
    that carry its phrase (diacritics or not, as the corpus writes it); when the commune
    was not recognised in any of them, the phrase's documents anywhere in that window."""
    start = datetime.combine(issue.window_start, time(), tzinfo=UTC) - timedelta(days=1)
    rows = session.execute(
        select(Document.id, Document.text, Document.commune_code)
        .where(Document.published_at >= start)
        .order_by(Document.id)
    ).all()
    phrase = strip_diacritics(issue.phrase).lower()
    matching = [(doc, commune) for doc, text, commune in rows if phrase in fold(text)]
    local = [doc for doc, commune in matching if commune == issue.commune_code]
    return (local or [doc for doc, _ in matching])[:EVIDENCE_PER_CASE]


def fold(text: str) -> str:
    return strip_diacritics(text).lower()


def _open(
    session: Session, ctx: ShowcaseContext, spec: CaseSpec, agencies: dict[str, Agency]
) -> Case | None:
    issue = next((p for p in ctx.manifest.planted if p.code == spec.planted), None)
    if issue is None:
        return None
    opened = ctx.now - timedelta(days=spec.opened_days_ago)
    codes = [code for code, _ in spec.answers] + list(spec.waiting_on)
    case = service.open_case(
        session,
        title=spec.title,
        summary=spec.summary,
        unit_code=issue.commune_code,
        now=opened,
        actor=None,
        topic_code=issue.topic if repo.topic_exists(session, issue.topic) else "",
        priority=spec.priority,
        document_ids=evidence_for(session, issue),
    )
    settings = get_cases_settings()
    for code in codes:
        ctx_at = actions.Context(actor=None, now=opened + timedelta(hours=2), settings=settings)
        actions.assign(session, ctx_at, case_id=case.id, agency_id=agencies[code].id)
    if not spec.answers:
        return case
    for step, (code, text) in enumerate(spec.answers):
        at = opened + timedelta(days=3, hours=step)
        actions.answer(
            session,
            actions.Context(actor=None, now=at, settings=settings),
            case_id=case.id,
            agency_id=agencies[code].id,
            text=text,
        )
    leader = actions.Context(actor=None, now=opened + timedelta(days=5), settings=settings)
    actions.approve(session, leader, case_id=case.id)
    published = actions.Context(actor=None, now=opened + timedelta(days=6), settings=settings)
    actions.publish(session, published, case_id=case.id)
    return case


# the demo agency account answers for the agency still owing an answer (the overdue case)
DEMO_AGENCY_USER, DEMO_AGENCY_CODE = "coquan", "demo-so-yt-79"


def link_demo_agency_account(session: Session, agencies: dict[str, Agency]) -> None:
    """Let the demo `coquan` account answer for its agency, so signing in as it shows the
    overdue case in its inbox. Only an unlinked agency grant at the agency's unit is linked."""
    agency = agencies[DEMO_AGENCY_CODE]
    membership = session.scalar(
        select(Membership)
        .join(User, User.id == Membership.user_id)
        .where(
            User.username == DEMO_AGENCY_USER,
            Membership.role == Role.agency,
            Membership.unit_code == agency.unit_code,
            Membership.agency_id.is_(None),
        )
    )
    if membership is not None:
        membership.agency_id = agency.id


def seed_cases(session: Session, ctx: ShowcaseContext) -> Seeded:
    agencies = ensure_agencies(session)
    link_demo_agency_account(session, agencies)
    added = 0
    for spec in CASES:
        if repo.cases(session, where=Case.title == spec.title):
            continue  # opened by an earlier run
        if _open(session, ctx, spec, agencies) is not None:
            added += 1
    views = service.views_of(session, repo.cases(session))
    today = local_day(ctx.now)
    late = sum(any(a.deadline < today for a in v.state.open_assignments()) for v in views)
    published = len(repo.published_case_ids(session))
    return Seeded(
        "Vấn đề",
        "Cases",
        f"{len(views)} vấn đề, {published} đã công bố câu trả lời, {late} quá hạn",
        f"{len(views)} cases, {published} with published answers, {late} past the deadline",
        added,
        url="/cong-khai",
    )
