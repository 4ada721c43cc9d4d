"""Every sentence the forecasts show people, in Vietnamese and English.

Keys are stable names; values are `str.format` templates with the same placeholders in both
languages (tests/forecasts/test_texts.py checks that).
"""

from __future__ import annotations

from typing import Final

LANGUAGES: Final = ("vi", "en")

VI: Final[dict[str, str]] = {
    "method_ets": "Làm trơn hàm mũ (ETS) trên log(1 + số ý kiến)",
    "method_harmonic_ets": "Nhịp năm (3 hài bậc) + làm trơn hàm mũ (ETS), trên log(1 + số ý kiến)",
    "method_recent_mean": "Trung bình 26 tuần gần nhất, khoảng theo phân phối nhị thức âm",
    "method_logit_ets": "Làm trơn hàm mũ (ETS) trên logit của tỷ lệ tiêu cực",
    "method_pooled_share": "Tỷ lệ gộp 26 tuần gần nhất, khoảng theo phân phối beta-nhị thức",
    "method_none": "Không dự báo",
    "reason_no_history": "Chưa có tuần trọn vẹn nào có dữ liệu, chưa thể dự báo.",
    "reason_short": (
        "Mới có {weeks} tuần dữ liệu (cần ít nhất {min_weeks}): dùng mức trung bình, "
        "chưa ước lượng xu hướng."
    ),
    "reason_sparse": (
        "Chuỗi thưa (nhiều tuần không có hoặc có rất ít ý kiến): mô hình chuỗi thời gian sẽ "
        "đuổi theo nhiễu, nên dùng mức trung bình gần đây."
    ),
    "reason_seasonal": (
        "Có nhịp theo năm rõ rệt ({explained:.0%} dao động được giải thích, trên {weeks} tuần): "
        "dự báo theo nhịp năm cộng xu hướng."
    ),
    "reason_level": "Chuỗi đủ dày ({weeks} tuần), không có nhịp năm rõ: dự báo mức và xu hướng.",
    "reason_fit_failed": "Không khớp được mô hình cho chuỗi này: dùng mức trung bình gần đây.",
    "metric_volume": "Số ý kiến mỗi tuần",
    "metric_negative_share": "Tỷ lệ ý kiến tiêu cực mỗi tuần",
    "all_topics": "Mọi chủ đề",
    "all_provinces": "Cả nước",
    "unknown_place": "Chưa xác định nơi",
    "week": "Tuần",
    "forecast": "Dự báo",
    "history": "Đã ghi nhận",
    "interval_80": "Khoảng 80%",
    "interval_95": "Khoảng 95%",
    "hidden": "<{k}",
    "backtest_mase": "Sai số kiểm định lùi (MASE, 1 = bằng cách “giữ nguyên tuần trước”): {mase}",
    "backtest_none": "Chưa đủ lịch sử hoặc số liệu để kiểm định lùi.",
    "suppression_note": "Tuần và dự báo dưới {k} ý kiến được ẩn để không ai bị nhận diện.",
    "chart_title": "Dự báo {metric}: {scope}",
    "chart_desc": (
        "{history_weeks} tuần đã ghi nhận và {horizon} tuần dự báo, vùng tô là khoảng dự báo "
        "80% và 95%. Phương pháp: {method}."
    ),
    "chart_desc_last": "Tuần dự báo cuối ({week}): {value}, khoảng 95% từ {low} đến {high}.",
    "chart_empty": "Chưa đủ dữ liệu để vẽ dự báo.",
    "forecast_hidden": "Dự báo dưới {k} ý kiến mỗi tuần: được ẩn",
    "error_weeks": "Số tuần dự báo phải từ {low} đến {high}, nhận được {value}.",
    "error_topic": "Không có chủ đề “{code}”. Các mã chủ đề: {known}.",
    "error_province": (
        "Không có tỉnh/thành “{code}”. Dùng mã (ví dụ 01, 79) hoặc tên tỉnh/thành; "
        "đã biết: {known}."
    ),
    "no_data": "Chưa có dữ liệu: hãy nạp ý kiến trước (opiniondesk ingest …).",
}

EN: Final[dict[str, str]] = {
    "method_ets": "Exponential smoothing (ETS) on log(1 + documents)",
    "method_harmonic_ets": (
        "Yearly rhythm (3 harmonics) + exponential smoothing (ETS), on log(1 + documents)"
    ),
    "method_recent_mean": "Mean of the last 26 weeks, negative-binomial interval",
    "method_logit_ets": "Exponential smoothing (ETS) on the logit of the negative share",
    "method_pooled_share": "Pooled share of the last 26 weeks, beta-binomial interval",
    "method_none": "No forecast",
    "reason_no_history": "No complete week with data yet: nothing to forecast from.",
    "reason_short": (
        "Only {weeks} weeks of data (at least {min_weeks} needed): using the mean level, no "
        "trend yet."
    ),
    "reason_sparse": (
        "Sparse series (many weeks with no or very few documents): a time-series model would "
        "chase noise, so the recent mean is used."
    ),
    "reason_seasonal": (
        "Clear yearly rhythm ({explained:.0%} of the variation explained, over {weeks} weeks): "
        "forecasting the rhythm plus the trend."
    ),
    "reason_level": (
        "Dense series ({weeks} weeks), no clear yearly rhythm: forecasting level and trend."
    ),
    "reason_fit_failed": "The model could not be fitted to this series: using the recent mean.",
    "metric_volume": "Documents per week",
    "metric_negative_share": "Negative share per week",
    "all_topics": "All topics",
    "all_provinces": "Whole country",
    "unknown_place": "Place unknown",
    "week": "Week",
    "forecast": "Forecast",
    "history": "Observed",
    "interval_80": "80% interval",
    "interval_95": "95% interval",
    "hidden": "<{k}",
    "backtest_mase": "Backtest error (MASE, 1 = as good as “same as last week”): {mase}",
    "backtest_none": "Not enough history or data for a backtest yet.",
    "suppression_note": (
        "Weeks and forecasts below {k} documents are hidden so no one can be singled out."
    ),
    "chart_title": "Forecast of {metric}: {scope}",
    "chart_desc": (
        "{history_weeks} observed weeks and {horizon} forecast weeks; the shaded bands are the "
        "80% and 95% prediction intervals. Method: {method}."
    ),
    "chart_desc_last": "Last forecast week ({week}): {value}, 95% interval {low} to {high}.",
    "chart_empty": "Not enough data to draw a forecast yet.",
    "forecast_hidden": "Forecast below {k} documents a week: hidden",
    "error_weeks": "Forecast weeks must be between {low} and {high}, got {value}.",
    "error_topic": "No topic “{code}”. Topic codes: {known}.",
    "error_province": (
        "No province “{code}”. Use a code (e.g. 01, 79) or a province name; known: {known}."
    ),
    "no_data": "No data yet: ingest documents first (opiniondesk ingest …).",
}

_CATALOGUE: Final = {"vi": VI, "en": EN}


def text(key: str, language: str = "vi", **values: object) -> str:
    """The sentence `key` in `language` (Vietnamese for anything unknown), filled in."""
    return _CATALOGUE.get(language, VI)[key].format(**values)


def both(key: str, **values: object) -> str:
    """ "Tiếng Việt / English", as command-line messages are written."""
    return f"{text(key, 'vi', **values)} / {text(key, 'en', **values)}"
