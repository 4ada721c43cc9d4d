"""Narrative sentences written from the figures, in Vietnamese and English (no language model).

Each function takes the figures dict and returns finished sentences; the analyst edits the
draft afterwards. Suppressed figures are worded as "fewer than k", never guessed.
"""

from __future__ import annotations

from typing import Any

from opiniondesk.reports.numbers import count, percent

CHANNEL_NAMES = {
    "vi": {
        "field_report": "báo cáo của cộng tác viên",
        "survey": "khảo sát",
        "feedback": "phản ánh, kiến nghị",
        "dialogue": "đối thoại",
        "feed": "tin tức, mạng xã hội",
        "page_export": "trang thông tin của cơ quan",
        "api": "kết nối dữ liệu",
    },
    "en": {
        "field_report": "collaborator reports",
        "survey": "surveys",
        "feedback": "citizen feedback",
        "dialogue": "dialogue sessions",
        "feed": "news and social feeds",
        "page_export": "the office's own pages",
        "api": "data connections",
    },
}
SENTIMENT_NAMES = {
    "vi": {
        "negative": "tiêu cực",
        "neutral": "trung tính",
        "positive": "tích cực",
        "unknown": "chưa xác định",
    },
    "en": {
        "negative": "negative",
        "neutral": "neutral",
        "positive": "positive",
        "unknown": "unknown",
    },
}


def channel_name(kind: str, language: str) -> str:
    return CHANNEL_NAMES[language].get(kind, kind)


def _trend_vi(change: float | None, previous: str) -> str:
    if change is None:
        return f"chưa đủ số liệu để so sánh với {previous}"
    if round(change * 1000) == 0:
        return f"tương đương {previous}"
    word = "tăng" if change > 0 else "giảm"
    return f"{word} {percent(abs(change), 'vi')} so với {previous}"


def _trend_en(change: float | None, previous: str) -> str:
    if change is None:
        return f"too few figures to compare with {previous}"
    if round(change * 1000) == 0:
        return f"about the same as {previous}"
    word = "up" if change > 0 else "down"
    return f"{word} {percent(abs(change), 'en')} on {previous}"


def overview(figures: dict[str, Any], language: str) -> str:
    k = figures["min_group_size"]
    o, p = figures["overview"], figures["period"]
    total = count(o["total"], language, k)
    channels = [c for c in o["by_channel"] if c["count"] is not None][:3]
    if language == "vi":
        head = (
            f"Trong {p['name_vi']}, bàn đã tiếp nhận {total} ý kiến, "
            f"{_trend_vi(o['change'], p['previous_name_vi'])}."
        )
        if channels:
            parts = ", ".join(
                f"{channel_name(c['channel'], 'vi')} {count(c['count'], 'vi', k)} ý kiến"
                for c in channels
            )
            head += f" Nhiều nhất qua các kênh: {parts}."
        return head
    head = (
        f"In {p['name_en']}, the desk received {total} opinions, "
        f"{_trend_en(o['change'], p['previous_name_en'])}."
    )
    if channels:
        parts = ", ".join(
            f"{channel_name(c['channel'], 'en')} {count(c['count'], 'en', k)}" for c in channels
        )
        head += f" The busiest channels were {parts}."
    return head


def issue(item: dict[str, Any], figures: dict[str, Any], language: str) -> str:
    k = figures["min_group_size"]
    p = figures["period"]
    n = count(item["count"], language, k)
    places = [pl["name"] for pl in item["places"]]
    if language == "vi":
        text = (
            f"Vấn đề “{item['label_vi']}” có {n} ý kiến, "
            f"{_trend_vi(item['change'], p['previous_name_vi'])}"
        )
        if item["negative_share"] is not None:
            text += f"; {percent(item['negative_share'], 'vi')} ý kiến mang sắc thái tiêu cực"
        if places:
            text += f"; tập trung ở {', '.join(places)}"
        return text + "."
    trend = _trend_en(item["change"], p["previous_name_en"])
    text = f"“{item['label_en']}” drew {n} opinions, {trend}"
    if item["negative_share"] is not None:
        text += f"; {percent(item['negative_share'], 'en')} of them negative"
    if places:
        text += f"; mostly in {', '.join(places)}"
    return text + "."


def alerts_and_cases(figures: dict[str, Any], language: str) -> str:
    a, c = figures["alerts"], figures["cases"]
    if language == "vi":
        text = (
            f"Trong kỳ, bàn phát hiện {a['count']} vấn đề nổi lên"
            if a["count"]
            else "Trong kỳ, bàn không phát hiện vấn đề nổi lên nào"
        )
        if not c["opened"]:
            return text + "; chưa có vụ việc nào được mở để chuyển cơ quan chức năng xử lý."
        return text + (
            f"; đã mở {c['opened']} vụ việc, chuyển {c['received']} lượt đến cơ quan chức năng, "
            f"{c['answered']} lượt đã được trả lời ({c['answered_on_time']} lượt đúng hạn), "
            f"{c['overdue']} lượt quá hạn; {c['published']} câu trả lời đã được công bố."
        )
    text = (
        f"During the period the desk detected {a['count']} emerging issues"
        if a["count"]
        else "During the period the desk detected no emerging issue"
    )
    if not c["opened"]:
        return text + "; no case was opened for an agency to handle."
    return text + (
        f"; it opened {c['opened']} cases, routed {c['received']} assignments to agencies, "
        f"{c['answered']} were answered ({c['answered_on_time']} on time), {c['overdue']} are "
        f"overdue; {c['published']} answers were published."
    )


def claims(figures: dict[str, Any], language: str) -> str:
    cl = figures.get("claims")
    if not cl or not cl["count"]:
        return (
            "Trong kỳ không ghi nhận thông tin sai lệch cần làm rõ."
            if language == "vi"
            else "No circulating claims needing clarification were recorded in the period."
        )
    if language == "vi":
        return (
            f"Bàn theo dõi {cl['count']} thông tin lan truyền cần xác minh, "
            f"trong đó {cl['clarified']} thông tin đã có văn bản làm rõ."
        )
    return (
        f"The desk followed {cl['count']} circulating claims; {cl['clarified']} of them "
        "have a published clarification."
    )


def no_data(section: str, language: str) -> str:
    if language == "vi":
        return f"Chưa có số liệu về {section} trên bàn trong kỳ này."
    return f"The desk holds no {section} figures for this period."


def outlook(figures: dict[str, Any], language: str) -> str:
    o = figures["outlook"]
    if not o.get("available"):
        return str(
            o.get(f"explanation_{language}")
            or no_data("dự báo" if language == "vi" else "forecast", language)
        )
    total = count(round(o["total"]), language, 0)
    low, high = count(round(o["lower_80"]), language, 0), count(round(o["upper_80"]), language, 0)
    if language == "vi":
        return (
            f"Dự báo trong {o['weeks']} tuần tới, bàn sẽ tiếp nhận khoảng {total} ý kiến "
            f"(cộng các cận dự báo 80% của từng tuần: {low}–{high})."
        )
    return (
        f"Over the next {o['weeks']} weeks the desk expects about {total} opinions "
        f"(weekly 80% bounds summed: {low}–{high})."
    )


def surveys(figures: dict[str, Any], language: str) -> str:
    s = figures.get("surveys")
    if not s or not s["items"]:
        return no_data("khảo sát" if language == "vi" else "survey", language)
    k = figures["min_group_size"]
    n = len(s["items"])
    answered = ", ".join(
        f"“{i['title']}” ({count(i['responses'], language, k)})" for i in s["items"][:5]
    )
    if language == "vi":
        return f"Trong kỳ có {n} cuộc khảo sát nhận được phiếu trả lời: {answered}."
    return f"{n} surveys received responses in the period: {answered}."


def collaborators(figures: dict[str, Any], language: str) -> str:
    c = figures.get("collaborators")
    if c is None:
        return no_data(
            "hoạt động của cộng tác viên" if language == "vi" else "collaborator activity",
            language,
        )
    k = figures["min_group_size"]
    if c["reports"] is None:
        if language == "vi":
            return (
                f"Trong kỳ, mạng lưới cộng tác viên gửi ít hơn {k} báo cáo; "
                "số liệu chi tiết được ẩn."
            )
        return f"The collaborator network sent fewer than {k} reports; details are withheld."
    reports, units = count(c["reports"], language, k), count(c["units"], language, 0)
    people = count(c["collaborators"], language, k)
    if language == "vi":
        return (
            f"Trong kỳ, mạng lưới cộng tác viên gửi {reports} báo cáo từ {units} địa bàn, "
            f"do {people} cộng tác viên thực hiện."
        )
    return (
        f"The collaborator network sent {reports} reports from {units} places, "
        f"by {people} collaborators."
    )
