"""An open consultation on sidewalk use in Bến Thành ward: twenty statements and the votes of
150 pseudonymous participants drawn from three latent opinion groups (residents who walk,
shop owners, a middle group), analysed once, so the opinion map finds its groups.

Participants are synthetic: each is only a keyed hash of a seed-derived cookie value, exactly
what a real participant's browser cookie becomes (consultations.service.participant_key)."""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy.orm import Session

from opiniondesk.consultations import repository as repo
from opiniondesk.consultations import service
from opiniondesk.consultations.models import ConsultationStatus
from opiniondesk.demo.showcase.base import Seeded, ShowcaseContext

TITLE = "Sử dụng vỉa hè ở phường Bến Thành: giữ lối đi hay cho thuê có thu phí?"
QUESTION = (
    "Phường đang xây dựng phương án quản lý vỉa hè. Bạn đồng ý hay không đồng ý với từng ý "
    "kiến dưới đây? Bạn cũng có thể gửi ý kiến của mình."
)
UNIT = "26743"  # Phường Bến Thành, Thành phố Hồ Chí Minh

# statement, then P(agree) for (residents, shop owners, middle); P(disagree) is most of the rest
STATEMENTS: tuple[tuple[str, tuple[float, float, float]], ...] = (
    ("Vỉa hè phải luôn chừa lối đi ít nhất 1,5 m cho người đi bộ.", (0.95, 0.7, 0.95)),
    ("Cần xử lý nghiêm, tịch thu đồ đạc của quán lấn chiếm vỉa hè.", (0.9, 0.05, 0.2)),
    ("Nên cho thuê một phần vỉa hè có thu phí để quán nhỏ tiếp tục buôn bán.", (0.05, 0.9, 0.5)),
    ("Tiền thu phí vỉa hè phải công khai và dùng để sửa chữa vỉa hè.", (0.6, 0.8, 0.9)),
    ("Chỉ cho bán hàng trên vỉa hè vào buổi tối, sau 18 giờ.", (0.15, 0.1, 0.95)),
    ("Ô tô đỗ trên vỉa hè là nguyên nhân chính làm hỏng gạch lát.", (0.8, 0.5, 0.6)),
    ("Hộ kinh doanh nhỏ sẽ mất kế sinh nhai nếu cấm hoàn toàn.", (0.1, 0.95, 0.5)),
    ("Trẻ em đi học phải đi xuống lòng đường vì vỉa hè bị chiếm.", (0.95, 0.3, 0.7)),
    ("Phường nên kẻ vạch sơn phân định phần được sử dụng tạm thời.", (0.2, 0.3, 0.95)),
    ("Xe máy của khách nên gửi ở bãi giữ xe tập trung, không để trên vỉa hè.", (0.85, 0.1, 0.6)),
    ("Việc ra quân dẹp vỉa hè chỉ làm được vài ngày rồi đâu lại vào đấy.", (0.7, 0.6, 0.75)),
    ("Người dân nên được góp ý trước khi phường quyết định mức phí.", (0.7, 0.85, 0.9)),
    ("Không nên thu phí vì vỉa hè là tài sản công của mọi người.", (0.9, 0.1, 0.15)),
    ("Quán ăn trên vỉa hè là nét văn hóa của thành phố cần giữ lại.", (0.1, 0.9, 0.4)),
    ("Phường cần đường dây nóng để người dân báo vỉa hè bị lấn chiếm.", (0.85, 0.3, 0.7)),
    ("Mức phí nên tính theo diện tích và thời gian sử dụng thực tế.", (0.1, 0.35, 0.95)),
    ("Cây xanh và ghế ngồi trên vỉa hè quan trọng hơn chỗ buôn bán.", (0.85, 0.2, 0.5)),
    ("Các tuyến phố đi bộ nên cấm hoàn toàn bày bán trên vỉa hè.", (0.85, 0.1, 0.4)),
    ("Người khuyết tật cần lối đi liền mạch, không bị chắn.", (0.95, 0.7, 0.9)),
    ("Phường nên thí điểm trên vài tuyến phố trước khi áp dụng toàn phường.", (0.15, 0.25, 0.95)),
)
GROUPS = (("residents", 65), ("shop_owners", 50), ("middle", 35))  # 150 participants
VOTE_SHARE = 0.8  # each participant votes on about this share of the statements


def _find(session: Session) -> int | None:
    return next((c.id for c in repo.consultations(session) if c.title == TITLE), None)


def _votes(session: Session, ctx: ShowcaseContext, consultation_id: int) -> int:
    consultation = service.get(session, consultation_id)
    # created in STATEMENTS order just before (their stored text may be redacted)
    ids = sorted(s.id for s in repo.statements(session, consultation_id))
    rng = random.Random(ctx.seed)
    cast = 0
    number = 0
    for group, (_, size) in enumerate(GROUPS):
        for _ in range(size):
            number += 1
            cookie = str(ctx.stable_id("consultation-participant", number))
            key = service.participant_key(ctx.settings.secret_key, consultation_id, cookie)
            started = ctx.now - timedelta(days=rng.uniform(0.5, 12))
            for order, (statement_id, (_, agree)) in enumerate(zip(ids, STATEMENTS, strict=True)):
                if rng.random() > VOTE_SHARE:
                    continue
                draw = rng.random()
                p = agree[group]
                choice = "agree" if draw < p else "disagree" if draw < p + (1 - p) * 0.8 else "pass"
                service.vote(
                    session,
                    consultation,
                    key_hash=key,
                    statement_id=statement_id,
                    choice=choice,
                    at=started + timedelta(seconds=20 * order),
                )
                cast += 1
    return cast


def seed_consultation(session: Session, ctx: ShowcaseContext) -> Seeded:
    found = _find(session)
    added = 0
    if found is None:
        consultation = service.create(session, title=TITLE, question=QUESTION, unit_code=UNIT)
        for text, _ in STATEMENTS:
            service.add_statement(session, consultation, text, by_participant=False)
        service.set_status(session, consultation, ConsultationStatus.open)
        added = _votes(session, ctx, consultation.id)
        found = consultation.id
    consultation = service.get(session, found)
    latest = service.latest(session, found)
    if service.is_stale(session, latest[1] if latest else None, found):
        service.analyse_now(
            session, consultation, seed=ctx.seed, min_group_size=ctx.settings.min_group_size
        )
    analysis = service.latest(session, found)
    groups = len(analysis[0].groups) if analysis else 0
    participants = repo.participant_count(session, found)
    return Seeded(
        "Tham vấn",
        "Consultations",
        f"1 cuộc đang mở: {len(STATEMENTS)} ý kiến, {participants} người tham gia, "
        f"{groups} nhóm quan điểm",
        f"1 open: {len(STATEMENTS)} statements, {participants} participants, {groups} opinion "
        "groups",
        added,
        url=f"/cong-khai/tham-van/{found}",
    )
