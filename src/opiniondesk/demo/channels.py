"""The demo's channels: kind, Vietnamese name, file, format, volume share and writing habits."""

from __future__ import annotations

from dataclasses import dataclass

from opiniondesk.storage.models import ChannelKind


@dataclass(frozen=True, slots=True)
class ChannelSpec:
    kind: ChannelKind
    name: str  # as shown to users
    filename: str
    fmt: str  # csv, xlsx, jsonl, rss, graph-json
    share: float  # of all documents
    id_prefix: str
    p_no_diacritics: float
    p_teencode: float
    p_pii: float
    p_english: float
    p_location: float  # how often the structured location field is filled


# shares sum to 1; the per-channel rates give ≈15% no diacritics, ≈10% teencode, ≈8% PII,
# ≈1% English overall (news and the office's own posts are written properly)
CHANNELS: tuple[ChannelSpec, ...] = (
    ChannelSpec(
        ChannelKind.feedback,
        "Góp ý của người dân",
        "gop-y-nguoi-dan.csv",
        "csv",
        0.24,
        "GY",
        0.17,
        0.10,
        0.14,
        0.02,
        0.5,
    ),
    ChannelSpec(
        ChannelKind.field_report,
        "Báo cáo cộng tác viên",
        "bao-cao-cong-tac-vien.xlsx",
        "xlsx",
        0.16,
        "BC",
        0.13,
        0.02,
        0.08,
        0.0,
        1.0,
    ),
    ChannelSpec(
        ChannelKind.page_export,
        "Trang Facebook của UBND",
        "trang-facebook-ubnd.json",
        "graph-json",
        0.26,
        "FB",
        0.19,
        0.21,
        0.05,
        0.015,
        0.0,
    ),
    ChannelSpec(
        ChannelKind.dialogue,
        "Câu hỏi đối thoại",
        "cau-hoi-doi-thoai.csv",
        "csv",
        0.08,
        "CH",
        0.17,
        0.05,
        0.10,
        0.0,
        0.6,
    ),
    ChannelSpec(
        ChannelKind.survey,
        "Khảo sát – câu trả lời mở",
        "khao-sat-cau-tra-loi-mo.jsonl",
        "jsonl",
        0.10,
        "KS",
        0.17,
        0.08,
        0.03,
        0.01,
        1.0,
    ),
    ChannelSpec(
        ChannelKind.feed,
        "Tin tức (RSS)",
        "tin-tuc.rss.xml",
        "rss",
        0.07,
        "TT",
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
    ),
    ChannelSpec(
        ChannelKind.api, "API", "api.jsonl", "jsonl", 0.09, "API", 0.17, 0.12, 0.12, 0.02, 0.3
    ),
)
CHANNEL_BY_KIND: dict[ChannelKind, ChannelSpec] = {c.kind: c for c in CHANNELS}
PAGE_POST_SHARE = 0.12  # of the page channel's documents; the rest are comments
