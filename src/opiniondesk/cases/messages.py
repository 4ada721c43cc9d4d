"""The e-mails of the workflow, each in Vietnamese first and English below.

Messages name institutions, the case and its deadline; never a citizen. Texts are built from
the case's title and summary, which are written by staff from redacted documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from opiniondesk.cases.models import Agency, Case

WEEKDAYS_VI = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
FOOTER = (
    "Thư tự động từ bàn theo dõi dư luận (opiniondesk); vui lòng không trả lời thư này.\n"
    "An automatic message from the public-opinion desk (opiniondesk); please do not reply."
)
_SEPARATOR = "\n\n— English —\n\n"
MAX_TITLE_IN_SUBJECT = 120


@dataclass(frozen=True)
class Mail:
    subject: str
    body: str


def day_vi(day: date) -> str:
    return f"{WEEKDAYS_VI[day.weekday()]}, {day:%d/%m/%Y}"


def day_en(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _short(title: str) -> str:
    title = " ".join(title.split())
    if len(title) <= MAX_TITLE_IN_SUBJECT:
        return title
    return title[: MAX_TITLE_IN_SUBJECT - 1] + "…"


def _mail(subject_vi: str, subject_en: str, vi: list[str], en: list[str]) -> Mail:
    body = "\n".join(vi) + _SEPARATOR + "\n".join(en) + "\n\n-- \n" + FOOTER + "\n"
    return Mail(f"[opiniondesk] {subject_vi} / {subject_en}", body)


def assignment(case: Case, agency: Agency, deadline: date, working_days: int, link: str) -> Mail:
    t = _short(case.title)
    return _mail(
        f"Vấn đề #{case.id} giao cho {agency.name}, hạn {deadline:%d/%m/%Y}",
        f"Case #{case.id} assigned, due {deadline.isoformat()}",
        [
            f"Kính gửi {agency.name},",
            "",
            f"Bàn theo dõi dư luận đề nghị quý cơ quan trả lời vấn đề #{case.id}: “{t}”.",
            f"Hạn trả lời: {day_vi(deadline)} ({working_days} ngày làm việc, không tính thứ Bảy,"
            " Chủ nhật và ngày nghỉ lễ, Tết).",
            f"Tóm tắt: {case.summary}" if case.summary else "",
            f"Xem và trả lời: {link}",
        ],
        [
            f"Dear {agency.name},",
            "",
            f"The public-opinion desk asks your agency to answer case #{case.id}: “{t}”.",
            f"Answer by: {day_en(deadline)} ({working_days} working days, not counting weekends"
            " and public holidays).",
            f"Summary: {case.summary}" if case.summary else "",
            f"View and answer: {link}",
        ],
    )


def reminder(case: Case, agency: Agency, deadline: date, link: str) -> Mail:
    t = _short(case.title)
    return _mail(
        f"Nhắc hạn: vấn đề #{case.id} cần trả lời trước hết ngày {deadline:%d/%m/%Y}",
        f"Reminder: case #{case.id} is due {deadline.isoformat()}",
        [
            f"Kính gửi {agency.name},",
            "",
            f"Vấn đề #{case.id} “{t}” sắp đến hạn trả lời: {day_vi(deadline)}.",
            "Nếu cần thêm thời gian, quý cơ quan có thể đề nghị gia hạn ngay trên hệ thống.",
            f"Trả lời: {link}",
        ],
        [
            f"Dear {agency.name},",
            "",
            f"Case #{case.id} “{t}” is due soon: {day_en(deadline)}.",
            "If you need more time, you can ask for an extension in the desk.",
            f"Answer: {link}",
        ],
    )


def escalation(case: Case, agency: Agency, deadline: date, link: str) -> Mail:
    t = _short(case.title)
    return _mail(
        f"Quá hạn: {agency.name} chưa trả lời vấn đề #{case.id}",
        f"Overdue: case #{case.id} not answered by {agency.name}",
        [
            "Kính gửi lãnh đạo,",
            "",
            f"{agency.name} chưa trả lời vấn đề #{case.id} “{t}”; hạn là {day_vi(deadline)}.",
            "Đề nghị lãnh đạo đôn đốc hoặc quyết định gia hạn.",
            f"Xem vấn đề: {link}",
        ],
        [
            "Dear leadership,",
            "",
            f"{agency.name} has not answered case #{case.id} “{t}”; it was due {day_en(deadline)}.",
            "Please follow up with the agency or decide on an extension.",
            f"View the case: {link}",
        ],
    )


def answered(case: Case, agency: Agency, link: str) -> Mail:
    t = _short(case.title)
    return _mail(
        f"{agency.name} đã trả lời vấn đề #{case.id}",
        f"Case #{case.id} answered by {agency.name}",
        [
            "Kính gửi lãnh đạo,",
            "",
            f"{agency.name} đã trả lời vấn đề #{case.id} “{t}”.",
            "Câu trả lời đang chờ lãnh đạo duyệt để công bố.",
            f"Xem và duyệt: {link}",
        ],
        [
            "Dear leadership,",
            "",
            f"{agency.name} has answered case #{case.id} “{t}”.",
            "The answer is waiting for your approval before it is published.",
            f"Review and approve: {link}",
        ],
    )


def extension_requested(
    case: Case, agency: Agency, requested: date, reason: str, link: str
) -> Mail:
    return _mail(
        f"{agency.name} đề nghị gia hạn vấn đề #{case.id} đến {requested:%d/%m/%Y}",
        f"Extension requested for case #{case.id} until {requested.isoformat()}",
        [
            "Kính gửi lãnh đạo,",
            "",
            f"{agency.name} đề nghị gia hạn trả lời vấn đề #{case.id} đến {day_vi(requested)}.",
            f"Lý do: {reason}",
            f"Xem và quyết định: {link}",
        ],
        [
            "Dear leadership,",
            "",
            f"{agency.name} asks for more time on case #{case.id}, until {day_en(requested)}.",
            f"Reason (as written): {reason}",
            f"Review and decide: {link}",
        ],
    )


def extension_granted(case: Case, agency: Agency, deadline: date, link: str) -> Mail:
    return _mail(
        f"Vấn đề #{case.id} được gia hạn đến {deadline:%d/%m/%Y}",
        f"Case #{case.id} extended until {deadline.isoformat()}",
        [
            f"Kính gửi {agency.name},",
            "",
            f"Hạn trả lời vấn đề #{case.id} được gia hạn đến hết {day_vi(deadline)}.",
            f"Trả lời: {link}",
        ],
        [
            f"Dear {agency.name},",
            "",
            f"The deadline of case #{case.id} is extended to the end of {day_en(deadline)}.",
            f"Answer: {link}",
        ],
    )


def published(case: Case, title: str, public_link: str) -> Mail:
    t = _short(title)
    return _mail(
        f"Đã công bố câu trả lời vấn đề #{case.id}",
        f"Answer to case #{case.id} published",
        [
            "Kính gửi quý cơ quan, đơn vị,",
            "",
            f"Câu trả lời cho vấn đề #{case.id} “{t}” đã được công bố công khai.",
            f"Trang công khai: {public_link}",
        ],
        [
            "Dear colleagues,",
            "",
            f"The answer to case #{case.id} “{t}” has been published.",
            f"Public page: {public_link}",
        ],
    )
