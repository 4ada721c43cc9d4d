"""The report's body as plain data (sections of paragraphs, tables and charts), written once
from the figures and rendered by the DOCX writer and the web preview alike."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from opiniondesk.reports import narrative
from opiniondesk.reports.numbers import count, decimal, percent

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]


@dataclass
class Block:
    """One piece of a section, in reading order: a paragraph, a sub-heading, a table, a chart
    (key into the charts dict) or a quote."""

    kind: str  # "text" | "subheading" | "table" | "chart" | "quote"
    text: str = ""
    table: Table | None = None


@dataclass
class Section:
    number: str  # "I"
    title: str
    blocks: list[Block] = field(default_factory=list)


TITLES = {
    "vi": [
        "TÌNH HÌNH CHUNG",
        "NHỮNG VẤN ĐỀ NHÂN DÂN QUAN TÂM",
        "VẤN ĐỀ MỚI NỔI VÀ KẾT QUẢ XỬ LÝ",
        "THÔNG TIN SAI LỆCH VÀ VIỆC LÀM RÕ",
        "KẾT QUẢ KHẢO SÁT",
        "HOẠT ĐỘNG CỦA MẠNG LƯỚI CỘNG TÁC VIÊN",
        "DỰ BÁO TÌNH HÌNH KỲ TỚI",
        "ĐỀ XUẤT, KIẾN NGHỊ",
    ],
    "en": [
        "OVERVIEW",
        "MAIN ISSUES PEOPLE RAISED",
        "EMERGING ISSUES AND HOW THEY WERE HANDLED",
        "CLAIMS AND CLARIFICATIONS",
        "SURVEYS",
        "COLLABORATOR NETWORK ACTIVITY",
        "OUTLOOK FOR THE NEXT PERIOD",
        "PROPOSALS",
    ],
}
HEAD = {
    "vi": {
        "channel": "Kênh",
        "this": "Kỳ này",
        "previous": "Kỳ trước",
        "change": "Thay đổi",
        "topic": "Vấn đề",
        "count": "Số ý kiến",
        "negative": "Tỷ lệ tiêu cực",
        "places": "Địa bàn tập trung",
        "agency": "Cơ quan",
        "received": "Tiếp nhận",
        "answered": "Đã trả lời",
        "on_time": "Đúng hạn",
        "overdue": "Quá hạn",
        "days": "Số ngày làm việc (trung vị)",
        "place": "Địa bàn",
        "window": "Thời gian",
        "observed": "Số ý kiến",
        "expected": "Mức thường lệ",
        "quotes": "Một số ý kiến tiêu biểu (đã ẩn thông tin cá nhân):",
        "places_title": "Địa bàn có nhiều ý kiến nhất:",
        "claim": "Thông tin",
        "repeats": "Số lần lặp lại",
        "clarified": "Ngày làm rõ",
        "no_proposals": "(Chuyên viên bổ sung đề xuất, kiến nghị.)",
        "survey": "Cuộc khảo sát",
        "responses": "Số phiếu",
        "key_estimate": "Ước lượng chính (khoảng tin cậy 95%; hiệu ứng thiết kế)",
        "ci": "KTC 95%",
        "small": "Các ô có ít hơn {k} ý kiến được ẩn (ghi “<{k}”) để bảo vệ người cho ý kiến.",
    },
    "en": {
        "channel": "Channel",
        "this": "This period",
        "previous": "Previous",
        "change": "Change",
        "topic": "Issue",
        "count": "Opinions",
        "negative": "Negative share",
        "places": "Main places",
        "agency": "Agency",
        "received": "Received",
        "answered": "Answered",
        "on_time": "On time",
        "overdue": "Overdue",
        "days": "Median working days",
        "place": "Place",
        "window": "Window",
        "observed": "Opinions",
        "expected": "Usual level",
        "quotes": "Some typical opinions (personal data removed):",
        "places_title": "Places with the most opinions:",
        "claim": "Claim",
        "repeats": "Repeats",
        "clarified": "Clarified on",
        "no_proposals": "(The analyst adds the proposals.)",
        "survey": "Survey",
        "responses": "Responses",
        "key_estimate": "Key estimate (95% confidence interval; design effect)",
        "ci": "95% CI",
        "small": "Cells with fewer than {k} opinions are hidden (shown “<{k}”) to protect people.",
    },
}


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _day(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def build_sections(figures: dict[str, Any], proposals: str, language: str) -> list[Section]:
    h, k = HEAD[language], figures["min_group_size"]
    titles = TITLES[language]
    sections = [Section(ROMAN[i], t) for i, t in enumerate(titles)]
    overview, issues, handled, claims, surveys, network, outlook, proposal = sections

    o = figures["overview"]
    overview.blocks += [
        Block("text", narrative.overview(figures, language)),
        Block(
            "table",
            table=Table(
                [h["channel"], h["this"], h["previous"], h["change"]],
                [
                    [
                        _capitalised(narrative.channel_name(c["channel"], language)),
                        count(c["count"], language, k),
                        count(c["previous"], language, k),
                        percent(c["change"], language, signed=True),
                    ]
                    for c in o["by_channel"]
                ],
            ),
        ),
        Block("chart", "channels"),
        Block("text", h["small"].format(k=k)),
    ]

    if figures["issues"]:
        issues.blocks.append(
            Block(
                "table",
                table=Table(
                    [h["topic"], h["count"], h["change"], h["negative"], h["places"]],
                    [
                        [
                            i[f"label_{language}"],
                            count(i["count"], language, k),
                            percent(i["change"], language, signed=True),
                            percent(i["negative_share"], language),
                            ", ".join(p["name"] for p in i["places"]) or "–",
                        ]
                        for i in figures["issues"]
                    ],
                ),
            )
        )
        issues.blocks.append(Block("chart", "issues"))
    for n, item in enumerate(figures["issues"], start=1):
        issues.blocks.append(Block("subheading", f"{n}. {item[f'label_{language}']}"))
        issues.blocks.append(Block("text", narrative.issue(item, figures, language)))
        if item["quotes"]:
            issues.blocks.append(Block("text", h["quotes"]))
            issues.blocks += [Block("quote", f"“{q}”") for q in item["quotes"]]
    if figures["places"]:
        issues.blocks.append(Block("text", h["places_title"]))
        issues.blocks.append(
            Block(
                "table",
                table=Table(
                    [h["place"], h["count"]],
                    [[p["name"], count(p["count"], language, k)] for p in figures["places"]],
                ),
            )
        )

    handled.blocks.append(Block("text", narrative.alerts_and_cases(figures, language)))
    if figures["alerts"]["items"]:
        handled.blocks.append(
            Block(
                "table",
                table=Table(
                    [h["topic"], h["place"], h["window"], h["observed"], h["expected"]],
                    [
                        [
                            a[f"label_{language}"],
                            a["place"],
                            f"{_day(a['window_start'])}–{_day(a['window_end'])}",
                            count(a["observed"], language, k),
                            decimal(a["expected"], language),
                        ]
                        for a in figures["alerts"]["items"]
                    ],
                ),
            )
        )
    if figures["cases"]["agencies"]:
        handled.blocks.append(
            Block(
                "table",
                table=Table(
                    [
                        h["agency"],
                        h["received"],
                        h["answered"],
                        h["on_time"],
                        h["overdue"],
                        h["days"],
                    ],
                    [
                        [
                            a["name"],
                            str(a["received"]),
                            str(a["answered"]),
                            str(a["answered_on_time"]),
                            str(a["overdue"]),
                            decimal(a["median_working_days"], language),
                        ]
                        for a in figures["cases"]["agencies"]
                    ],
                ),
            )
        )

    claims.blocks.append(Block("text", narrative.claims(figures, language)))
    if figures.get("claims") and figures["claims"]["items"]:
        claims.blocks.append(
            Block(
                "table",
                table=Table(
                    [h["claim"], h["repeats"], h["clarified"]],
                    [
                        [
                            c["text"],
                            count(c["repeats"], language, k),
                            _day(c["clarified_on"]) if c["clarified_on"] else "–",
                        ]
                        for c in figures["claims"]["items"]
                    ],
                ),
            )
        )
    surveys.blocks.append(Block("text", narrative.surveys(figures, language)))
    if figures.get("surveys") and figures["surveys"]["items"]:
        surveys.blocks.append(
            Block(
                "table",
                table=Table(
                    [h["survey"], h["responses"], h["key_estimate"]],
                    [
                        [i["title"], count(i["responses"], language, k), _key(i, h, language)]
                        for i in figures["surveys"]["items"]
                    ],
                ),
            )
        )
    network.blocks.append(Block("text", narrative.collaborators(figures, language)))
    outlook.blocks.append(Block("text", narrative.outlook(figures, language)))
    lines = [line.strip() for line in proposals.splitlines() if line.strip()]
    proposal.blocks += [Block("text", line) for line in lines] or [Block("text", h["no_proposals"])]
    return sections


def _key(item: dict[str, Any], h: dict[str, str], language: str) -> str:
    """'Question: answer 42,0% (95% CI 37,1%–46,9%; deff 1,12)', or a dash when hidden."""
    key = item.get("key")
    if not key:
        return "–"
    return (
        f"{key[f'question_{language}']}: {key[f'answer_{language}']} "
        f"{percent(key['share'], language)} ({h['ci']} {percent(key['ci_low'], language)}–"
        f"{percent(key['ci_high'], language)}; deff {decimal(key['deff'], language)})"
    )
