"""The web interface's message catalogue: Vietnamese first, English as the switch.

Every visible string of the dashboard lives here, keyed by a stable name. Values are
`str.format` templates; the tests check that both languages carry the same keys and the same
placeholders.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

LANGUAGES: Final = ("vi", "en")
DEFAULT_LANGUAGE: Final = "vi"

VI: Final[dict[str, str]] = {
    "lang_name": "Tiếng Việt",
    "app_tagline": "Bàn theo dõi dư luận",
    "nav_dashboard": "Tổng quan",
    "nav_language": "Ngôn ngữ",
    "skip_to_content": "Bỏ qua, đến nội dung chính",
    "page_title_dashboard": "Tổng quan dư luận",
    "footer_privacy": (
        "Số liệu chỉ là tổng hợp, không truy ra người góp ý. Nhóm dưới {k} ý kiến được ẩn "
        "(hiển thị “<{k}”) để không ai bị nhận diện."
    ),
    "filters_title": "Bộ lọc",
    "filter_from": "Từ ngày",
    "filter_to": "Đến ngày",
    "filter_province": "Tỉnh/thành",
    "filter_topic": "Chủ đề",
    "filter_channel": "Kênh",
    "filter_all": "Tất cả",
    "filter_apply": "Áp dụng",
    "filter_reset": "Bỏ lọc",
    "period_summary": (
        "Từ {start} đến {end} ({days} ngày), so với kỳ trước {prev_start} – {prev_end}"
    ),
    "card_documents": "Ý kiến trong kỳ",
    "card_documents_note": "Mỗi ý kiến được tính một lần",
    "card_change": "Thay đổi so với kỳ trước",
    "card_change_note": "Kỳ trước: {value} ý kiến",
    "card_negative": "Tỷ lệ ý kiến tiêu cực",
    "card_negative_note": "{value} ý kiến tiêu cực",
    "card_not_comparable": "Không so sánh được",
    "card_not_comparable_note": "Kỳ trước quá ít ý kiến để so sánh",
    "card_withheld": "Được ẩn",
    "card_withheld_note": "Ẩn để bảo vệ nhóm nhỏ",
    "chart_volume_title": "Số ý kiến theo ngày",
    "chart_volume_desc": (
        "Số ý kiến mỗi ngày từ {start} đến {end}. Cao nhất {peak} ý kiến vào {peak_day}."
    ),
    "chart_volume_desc_empty": "Không có ngày nào đủ {k} ý kiến để hiển thị.",
    "axis_day": "Ngày",
    "axis_documents": "Số ý kiến",
    "chart_topics_title": "Chủ đề được nhắc đến nhiều nhất",
    "chart_topics_note": "Một ý kiến có thể thuộc nhiều chủ đề; tỷ lệ tính trên tổng số ý kiến.",
    "chart_provinces_title": "Tỉnh/thành có nhiều ý kiến nhất",
    "chart_communes_title": "Xã/phường có nhiều ý kiến nhất",
    "chart_sentiment_title": "Sắc thái ý kiến",
    "chart_channels_title": "Kênh tiếp nhận",
    "chart_map_title": "Bản đồ số ý kiến theo tỉnh/thành",
    "chart_map_desc": "Bản đồ 34 tỉnh/thành, màu càng đậm càng nhiều ý kiến. {items}",
    "chart_bars_desc": "{title}. {items}",
    "chart_sentiment_desc": "Tỷ lệ ý kiến theo sắc thái. {items}",
    "map_legend_title": "Số ý kiến",
    "map_legend_hidden": "Dưới {k} hoặc được ẩn",
    "map_unavailable": "Chưa cài dữ liệu ranh giới tỉnh/thành nên chưa vẽ được bản đồ.",
    "col_topic": "Chủ đề",
    "col_place": "Địa bàn",
    "col_documents": "Số ý kiến",
    "col_share": "Tỷ lệ",
    "col_change": "So với kỳ trước",
    "col_channel": "Kênh",
    "col_sentiment": "Sắc thái",
    "show_table": "Xem bảng số liệu",
    "hidden_rows": "{n} địa bàn khác: dưới {k} ý kiến hoặc được ẩn",
    "place_unknown": "Chưa xác định",
    "topic_other": "Khác",
    "sentiment_negative": "Tiêu cực",
    "sentiment_neutral": "Trung lập",
    "sentiment_positive": "Tích cực",
    "sentiment_unknown": "Chưa xác định",
    "channel_field_report": "Báo cáo cộng tác viên",
    "channel_survey": "Khảo sát",
    "channel_feedback": "Phản ánh, kiến nghị",
    "channel_dialogue": "Câu hỏi đối thoại",
    "channel_feed": "Báo chí, tin tức",
    "channel_page_export": "Trang của cơ quan",
    "channel_api": "Kết nối API",
    "channel_unknown": "Kênh khác",
    "suppressed_small": "<{k}",
    "suppressed_hidden": "ẩn",
    "suppressed_note": (
        "“<{k}”: dưới {k} ý kiến. “ẩn”: ẩn thêm để không thể suy ra nhóm nhỏ bằng phép trừ."
    ),
    "change_na": "—",
    "no_visible_cells": "Không có nhóm nào đủ {k} ý kiến để hiển thị.",
    "empty_period": "Không có ý kiến nào trong kỳ và bộ lọc đã chọn.",
    "empty_title": "Chưa có dữ liệu",
    "empty_body": "Bàn dư luận chưa có ý kiến nào. Hãy nạp dữ liệu bằng dòng lệnh:",
    "empty_ingest": "Nạp một tệp CSV, XLSX hoặc JSON Lines từ một kênh:",
    "empty_demo": "Hoặc tạo dữ liệu mẫu để dùng thử:",
    "empty_then": "Sau đó tải lại trang này.",
    "error_title": "Đã có lỗi",
    "error_status": "Mã lỗi {status}",
    "error_back": "Về trang tổng quan",
    "error_not_found": "Không tìm thấy trang này.",
    "error_internal": "Máy chủ gặp lỗi ngoài dự kiến. Vui lòng thử lại sau.",
    "invalid_date": "Ngày không hợp lệ: “{value}”. Hãy dùng dạng YYYY-MM-DD.",
    "invalid_range": "“Từ ngày” phải trước hoặc trùng “Đến ngày”.",
    "invalid_period": "Kỳ xem tối đa {days} ngày.",
    "invalid_channel": "Kênh không hợp lệ: “{value}”.",
    "invalid_code": "Mã {field} không hợp lệ: “{value}”.",
}

EN: Final[dict[str, str]] = {
    "lang_name": "English",
    "app_tagline": "Public-opinion desk",
    "nav_dashboard": "Overview",
    "nav_language": "Language",
    "skip_to_content": "Skip to main content",
    "page_title_dashboard": "Public opinion overview",
    "footer_privacy": (
        "Figures are aggregates and never point to a person. Groups of fewer than {k} "
        "opinions are hidden (shown as “<{k}”) so that no one can be identified."
    ),
    "filters_title": "Filters",
    "filter_from": "From",
    "filter_to": "To",
    "filter_province": "Province",
    "filter_topic": "Topic",
    "filter_channel": "Channel",
    "filter_all": "All",
    "filter_apply": "Apply",
    "filter_reset": "Reset",
    "period_summary": (
        "From {start} to {end} ({days} days), compared with {prev_start} – {prev_end}"
    ),
    "card_documents": "Opinions in period",
    "card_documents_note": "Each opinion counted once",
    "card_change": "Change vs previous period",
    "card_change_note": "Previous period: {value} opinions",
    "card_negative": "Share negative",
    "card_negative_note": "{value} negative opinions",
    "card_not_comparable": "Not comparable",
    "card_not_comparable_note": "Too few opinions in the previous period",
    "card_withheld": "Withheld",
    "card_withheld_note": "Hidden to protect a small group",
    "chart_volume_title": "Opinions per day",
    "chart_volume_desc": "Opinions per day from {start} to {end}. Peak of {peak} on {peak_day}.",
    "chart_volume_desc_empty": "No day reaches {k} opinions, so nothing can be shown.",
    "axis_day": "Day",
    "axis_documents": "Opinions",
    "chart_topics_title": "Most mentioned topics",
    "chart_topics_note": "An opinion can touch several topics; shares are of all opinions.",
    "chart_provinces_title": "Provinces with the most opinions",
    "chart_communes_title": "Communes and wards with the most opinions",
    "chart_sentiment_title": "Sentiment",
    "chart_channels_title": "Channels",
    "chart_map_title": "Map of opinions by province",
    "chart_map_desc": "Map of the 34 provinces; darker means more opinions. {items}",
    "chart_bars_desc": "{title}. {items}",
    "chart_sentiment_desc": "Share of opinions by sentiment. {items}",
    "map_legend_title": "Opinions",
    "map_legend_hidden": "Fewer than {k} or hidden",
    "map_unavailable": "Province boundaries are not installed, so the map cannot be drawn.",
    "col_topic": "Topic",
    "col_place": "Place",
    "col_documents": "Opinions",
    "col_share": "Share",
    "col_change": "vs previous period",
    "col_channel": "Channel",
    "col_sentiment": "Sentiment",
    "show_table": "Show the data table",
    "hidden_rows": "{n} more places: fewer than {k} opinions or hidden",
    "place_unknown": "Unknown",
    "topic_other": "Other",
    "sentiment_negative": "Negative",
    "sentiment_neutral": "Neutral",
    "sentiment_positive": "Positive",
    "sentiment_unknown": "Unknown",
    "channel_field_report": "Field reports",
    "channel_survey": "Surveys",
    "channel_feedback": "Citizen feedback",
    "channel_dialogue": "Dialogue questions",
    "channel_feed": "News feeds",
    "channel_page_export": "Office pages",
    "channel_api": "API",
    "channel_unknown": "Other channel",
    "suppressed_small": "<{k}",
    "suppressed_hidden": "hidden",
    "suppressed_note": (
        "“<{k}”: fewer than {k} opinions. “hidden”: also withheld so that a small group "
        "cannot be worked out by subtraction."
    ),
    "change_na": "—",
    "no_visible_cells": "No group reaches {k} opinions, so nothing can be shown.",
    "empty_period": "No opinions in this period with these filters.",
    "empty_title": "No data yet",
    "empty_body": "The desk has no opinions yet. Load some from the command line:",
    "empty_ingest": "Load a CSV, XLSX or JSON Lines file from one channel:",
    "empty_demo": "Or create sample data to try it out:",
    "empty_then": "Then reload this page.",
    "error_title": "Something went wrong",
    "error_status": "Error {status}",
    "error_back": "Back to the overview",
    "error_not_found": "This page does not exist.",
    "error_internal": "The server hit an unexpected error. Please try again later.",
    "invalid_date": "Invalid date: “{value}”. Use the form YYYY-MM-DD.",
    "invalid_range": "“From” must be on or before “To”.",
    "invalid_period": "A period can be at most {days} days.",
    "invalid_channel": "Unknown channel: “{value}”.",
    "invalid_code": "Invalid {field} code: “{value}”.",
}

CATALOGUE: Final[dict[str, dict[str, str]]] = {"vi": VI, "en": EN}


def normalise_language(value: str | None, default: str = DEFAULT_LANGUAGE) -> str:
    """`value` if it is a supported language, else `default` (itself checked)."""
    if value in LANGUAGES:
        return str(value)
    return default if default in LANGUAGES else DEFAULT_LANGUAGE


@dataclass(frozen=True, slots=True)
class Translator:
    """Looks up and fills one language's messages; templates call it as `_("key", k=5)`."""

    language: str

    def __call__(self, key: str, **values: object) -> str:
        template = CATALOGUE[self.language][key]
        return template.format(**values) if values else template
