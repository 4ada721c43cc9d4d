"""The minute of a dialogue session as DOCX in the office's format (Decree 30/2020 layout, by
the report writer): the session, every question answered with its summary, the questions not
reached, and the commitments with their owner, deadline and progress."""

from __future__ import annotations

import io
from datetime import date, datetime

from docx import Document as open_document
from sqlalchemy.orm import Session

from opiniondesk.cases.deadlines import VIETNAM
from opiniondesk.dialogue import commitments, show
from opiniondesk.dialogue.commitments import Progress
from opiniondesk.dialogue.models import DialogueSession, GroupState
from opiniondesk.reports.content import Block, Section, Table
from opiniondesk.reports.docx_writer import write_docx
from opiniondesk.reports.office import Office

MEDIUM_VI = {"radio": "phát thanh", "livestream": "truyền hình trực tuyến", "hall": "hội trường"}
PROGRESS_VI = {
    Progress.in_progress: "Đang thực hiện",
    Progress.overdue: "Quá hạn",
    Progress.answered: "Đã có kết quả, chờ công bố",
    Progress.done: "Hoàn thành",
}


def _moment(value: datetime) -> str:
    local = value.astimezone(VIETNAM)
    return f"{local:%H:%M} ngày {local:%d/%m/%Y}"


def sections(session: Session, dialogue: DialogueSession, today: date) -> list[Section]:
    ranked = show.ranked(session, dialogue.id)
    answered = [r for r in ranked if r.group.state == GroupState.answered]
    waiting = [r for r in ranked if r.group.state != GroupState.answered]
    leaders = ", ".join(dialogue.leaders.splitlines()) or "—"
    general = Section(
        "I",
        "THÔNG TIN CHUNG",
        [
            Block("text", f"Buổi đối thoại: {dialogue.title}."),
            Block(
                "text",
                f"Thời gian: từ {_moment(dialogue.starts_at)} đến {_moment(dialogue.ends_at)}; "
                f"hình thức: {MEDIUM_VI.get(dialogue.medium, dialogue.medium)}.",
            ),
            Block("text", f"Lãnh đạo trả lời: {leaders}."),
            Block(
                "text",
                f"Số nhóm câu hỏi đã trả lời: {len(answered)}; chưa trả lời tại buổi: "
                f"{len(waiting)}. Số người hỏi hoặc ủng hộ được đếm một lần cho mỗi nhóm.",
            ),
        ],
    )
    rows = [
        [str(i), r.group.title, str(r.people), r.group.answer_summary]
        for i, r in enumerate(answered, start=1)
    ]
    answers = Section("II", "CÂU HỎI VÀ TRẢ LỜI", [])
    if rows:
        answers.blocks.append(
            Block("table", table=Table(["TT", "Câu hỏi", "Số người", "Trả lời"], rows))
        )
    else:
        answers.blocks.append(Block("text", "Chưa có câu hỏi nào được trả lời."))
    if waiting:
        answers.blocks.append(Block("subheading", "Câu hỏi chưa được trả lời tại buổi đối thoại"))
        answers.blocks.append(
            Block(
                "table",
                table=Table(
                    ["TT", "Câu hỏi", "Số người"],
                    [[str(i), r.group.title, str(r.people)] for i, r in enumerate(waiting, 1)],
                ),
            )
        )
    promised = commitments.views(session, dialogue, today)
    pledges = Section("III", "CÁC CAM KẾT VÀ TIẾN ĐỘ", [])
    if promised:
        pledges.blocks.append(
            Block(
                "table",
                table=Table(
                    ["TT", "Cam kết", "Cơ quan chủ trì", "Hạn", "Tiến độ"],
                    [
                        [
                            str(i),
                            v.commitment.text,
                            v.agency_name,
                            f"{v.deadline:%d/%m/%Y}",
                            PROGRESS_VI[v.progress],
                        ]
                        for i, v in enumerate(promised, start=1)
                    ],
                ),
            )
        )
    else:
        pledges.blocks.append(Block("text", "Không có cam kết nào được ghi nhận."))
    return [general, answers, pledges]


def minute_docx(
    session: Session, dialogue: DialogueSession, *, office: Office, today: date
) -> bytes:
    content = write_docx(
        sections=sections(session, dialogue, today),
        charts={},
        office=office,
        number=f"Số:     /BB-{office.symbol}",
        subject=f"Buổi đối thoại giữa lãnh đạo và Nhân dân: {dialogue.title}",
        issued_on=today,
    )
    return _as_minute(content)


def _as_minute(content: bytes) -> bytes:
    """The report writer titles its documents BÁO CÁO; a minute is a BIÊN BẢN."""
    document = open_document(io.BytesIO(content))
    for paragraph in document.paragraphs:
        if paragraph.text == "BÁO CÁO" and paragraph.runs:
            paragraph.runs[0].text = "BIÊN BẢN"
            break
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
