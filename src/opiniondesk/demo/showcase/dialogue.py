"""Dialogue sessions (đối thoại với Nhân dân): one held nine days ago in Cầu Giấy ward, with
its questions grouped, answered on the day and one commitment that became a case, and one
coming up in Bến Thành ward whose public question form is open, so /doi-thoai and the
portal's dialogue section have content. Askers are synthetic keyed pseudonyms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.analysis.rollups import LOCAL_TZ
from opiniondesk.cases import actions
from opiniondesk.cases.deadlines import local_day
from opiniondesk.cases.settings import get_cases_settings
from opiniondesk.demo.showcase.base import Seeded, ShowcaseContext
from opiniondesk.demo.showcase.cases import ensure_agencies
from opiniondesk.dialogue import commitments, feed, intake, moderation, sessions, show
from opiniondesk.dialogue import repository as repo
from opiniondesk.dialogue.models import DialogueSession, Source
from opiniondesk.pipeline.ingestion import Ingestor


@dataclass(frozen=True, slots=True)
class Topic:
    questions: tuple[str, ...]  # worded differently, as different people ask
    answer: str  # the summary of the answer on air; "" = not reached
    supporters: int = 0  # people who pressed "I want to ask this too"


PAST_TITLE = "Đối thoại giữa lãnh đạo phường Cầu Giấy với Nhân dân về an ninh, trật tự"
PAST_TOPICS = (
    Topic(
        (
            "Gần đây tôi liên tục nhận cuộc gọi giả danh công an đòi chuyển tiền, phường xử lý "
            "thế nào?",
            "Cuộc gọi giả danh công an yêu cầu chuyển tiền ngày càng nhiều, phường có biện pháp "
            "gì để ngăn chặn?",
            "Mẹ tôi nhận cuộc gọi giả danh công an đòi chuyển tiền, làm sao để bảo vệ người "
            "cao tuổi?",
        ),
        "Công an phường khẳng định không làm việc qua điện thoại; sẽ phát cảnh báo ở từng tổ "
        "dân phố và lập nhóm hỗ trợ người cao tuổi nhận diện cuộc gọi lừa đảo.",
        supporters=11,
    ),
    Topic(
        (
            "Ngõ 68 tối om vì đèn chiếu sáng hỏng cả tháng nay, bao giờ phường sửa?",
            "Đèn chiếu sáng ngõ 68 hỏng đã lâu, đi tối rất nguy hiểm, đề nghị phường sửa sớm.",
        ),
        "Phường nhận thay toàn bộ đèn chiếu sáng ngõ 68 và lắp thêm camera an ninh.",
        supporters=6,
    ),
    Topic(
        (
            "Vỉa hè trước chợ bị chiếm để xe máy, người đi bộ phải xuống lòng đường.",
            "Xe máy đỗ kín vỉa hè trước chợ, phường có kế hoạch lập lại trật tự không?",
        ),
        "Phường sẽ ra quân lập lại trật tự vỉa hè khu vực chợ và bố trí điểm trông giữ xe.",
        supporters=4,
    ),
    Topic(
        ("Tiếng karaoke ở khu tập thể kéo dài đến nửa đêm, gọi báo nhiều lần không có tác dụng.",),
        "",
    ),
)
COMMITMENT = (
    "Thay toàn bộ đèn chiếu sáng và lắp camera an ninh tại ngõ 68 trước khi hết tháng",
    "demo-ca-p-cau-giay",
)

UPCOMING_TITLE = "Đối thoại trực tuyến về sử dụng vỉa hè phường Bến Thành"
UPCOMING_TOPICS = (
    Topic(
        (
            "Phường có cho thuê vỉa hè để buôn bán không, mức phí dự kiến bao nhiêu?",
            "Mức phí thuê vỉa hè để buôn bán dự kiến là bao nhiêu, tính theo mét vuông không?",
        ),
        "",
        supporters=7,
    ),
    Topic(("Nếu cho thuê vỉa hè thì người đi bộ còn lối đi không?",), "", supporters=5),
    Topic(("Các quán ăn nhỏ trên vỉa hè có được tiếp tục bán buổi tối không?",), ""),
    Topic(("Bao giờ phường lát lại gạch vỉa hè bị ô tô đỗ làm vỡ?",), ""),
)


def _ask(
    session: Session,
    ctx: ShowcaseContext,
    dialogue: DialogueSession,
    text: str,
    n: int,
    at: datetime,
    taken: set[int],
) -> int:
    """Ask as one synthetic person; returns the question's group, never an earlier topic's:
    a question the machine put with another topic is split out, as a moderator would."""
    person = intake.person_from_browser(
        ctx.settings.secret_key, str(ctx.stable_id("dialogue-asker", dialogue.title, n))
    )
    source = Source.hotline if n % 4 == 3 else Source.web
    asked = intake.ask(session, dialogue, text=text, source=source, person_key=person, now=at)
    if asked.group_id in taken and asked.question_id is not None:
        return moderation.split(session, dialogue.id, asked.question_id, at).id
    return asked.group_id


def local_at(day: date, hour: int) -> datetime:
    """`hour` o'clock in Vietnam on `day`, in UTC."""
    return datetime.combine(day, time(hour), tzinfo=LOCAL_TZ).astimezone(UTC)


def _moderate(
    session: Session,
    ctx: ShowcaseContext,
    dialogue: DialogueSession,
    topic: Topic,
    n: int,
    taken: set[int],
) -> tuple[int, int]:
    """Ask the topic's questions and do what the moderator does: one group per topic (the
    machine's suggestions settled by hand), counted supporters; returns (group, next n)."""
    at = dialogue.intake_opens_at + timedelta(hours=5 * n)
    groups = []
    for text in topic.questions:
        n += 1
        groups.append(_ask(session, ctx, dialogue, text, n, at + timedelta(hours=n), taken))
    target = groups[0]
    taken.add(target)
    moderation.merge(session, dialogue.id, target, [g for g in groups if g != target])
    for extra in range(topic.supporters):
        key = str(ctx.stable_id("dialogue-supporter", topic.questions[0], extra))
        person = intake.person_from_browser(ctx.settings.secret_key, key)
        intake.support(session, target, person, at + timedelta(hours=extra))
    moderation.publish(session, dialogue.id, target)
    return target, n


def _settle_suggestions(session: Session, dialogue: DialogueSession) -> None:
    for question in repo.questions(session, dialogue.id):
        if question.suggested_group_id is not None:
            moderation.decline_suggestion(session, dialogue.id, question.id)


def _past(session: Session, ctx: ShowcaseContext) -> DialogueSession:
    starts = local_at(local_day(ctx.now) - timedelta(days=9), 8)
    dialogue = sessions.create(
        session,
        sessions.SessionDraft(
            title=PAST_TITLE,
            starts_at=starts,
            ends_at=starts + timedelta(hours=3),
            intake_opens_at=starts - timedelta(days=14),
            intake_closes_at=starts - timedelta(hours=12),
            medium="hall",
            unit_codes="00166",
            leaders="Chủ tịch UBND phường\nTrưởng Công an phường",
            description="Hội nghị đối thoại định kỳ tại hội trường UBND phường.",
        ),
        actor=None,
    )
    n = 0
    answers: list[tuple[int, str]] = []
    taken: set[int] = set()
    for topic in PAST_TOPICS:
        group, n = _moderate(session, ctx, dialogue, topic, n, taken)
        if topic.answer:
            answers.append((group, topic.answer))
    _settle_suggestions(session, dialogue)
    for minute, (group_id, summary) in enumerate(answers):
        at = starts + timedelta(minutes=20 + 30 * minute)
        show.on_air(session, dialogue.id, group_id, at)
        show.answered(session, dialogue.id, group_id, summary, at + timedelta(minutes=15))
    text, agency_code = COMMITMENT
    then = starts + timedelta(hours=2)
    ctx_then = actions.Context(actor=None, now=then, settings=get_cases_settings())
    commitments.add(
        session,
        ctx_then,
        dialogue,
        group_id=answers[1][0],
        text=text,
        agency_id=ensure_agencies(session)[agency_code].id,
        deadline=local_day(ctx.now) + timedelta(days=14),
    )
    return dialogue


def _upcoming(session: Session, ctx: ShowcaseContext) -> DialogueSession:
    starts = local_at(local_day(ctx.now) + timedelta(days=10), 14)
    dialogue = sessions.create(
        session,
        sessions.SessionDraft(
            title=UPCOMING_TITLE,
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            intake_opens_at=local_at(local_day(ctx.now) - timedelta(days=3), 8),
            intake_closes_at=starts - timedelta(days=1),
            medium="livestream",
            unit_codes="26743",
            leaders="Chủ tịch UBND phường\nPhó Chủ tịch UBND phường phụ trách đô thị",
            description="Phát trực tiếp trên trang của UBND phường; gửi câu hỏi trước qua "
            "biểu mẫu.",
        ),
        actor=None,
    )
    n, taken = 0, set[int]()
    for topic in UPCOMING_TOPICS:
        _, n = _moderate(session, ctx, dialogue, topic, n, taken)
    _settle_suggestions(session, dialogue)
    return dialogue


def seed_dialogue(session: Session, ctx: ShowcaseContext) -> Seeded:
    known = {d.title: d for d in repo.sessions(session)}
    added = 0
    if PAST_TITLE not in known:
        known[PAST_TITLE] = _past(session, ctx)
        added += 1
    if UPCOMING_TITLE not in known:
        known[UPCOMING_TITLE] = _upcoming(session, ctx)
        added += 1
    questions = sum(len(repo.questions(session, d.id)) for d in known.values())
    return Seeded(
        "Đối thoại",
        "Dialogue sessions",
        f"1 buổi đã diễn ra (có cam kết thành vấn đề), 1 buổi sắp tới đang nhận câu hỏi; "
        f"{questions} câu hỏi",
        f"1 held (a commitment became a case), 1 upcoming taking questions; {questions} questions",
        added,
        url="/cong-khai/doi-thoai",
    )


def feed_questions(sessions_: sessionmaker[Session], ctx: ShowcaseContext) -> int:
    """The sessions' questions to the text pipeline as channel `dialogue`, as the web form and
    imports do (once each by external id); in-process, since they are few."""
    with sessions_() as session:
        items = [i for d in repo.sessions(session) for i in feed.question_items(session, d)]
    settings = ctx.settings.model_copy(update={"pipeline_workers": 0})
    with Ingestor(settings, sessions_) as ingestor:
        report = ingestor.ingest(
            items, kind=feed.KIND, channel_name=feed.CHANNEL_NAME, source=feed.SOURCE
        )
    return report.stored
