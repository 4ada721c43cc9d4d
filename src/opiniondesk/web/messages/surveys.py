"""Strings of the survey pages added after the first catalogue (the older `survey_*` keys live
in web/i18n.py): public links, response modes, exports, breakdowns and crosstabs."""

from __future__ import annotations

VI: dict[str, str] = {
    "surveys_public_intro": (
        "Phiếu khảo sát ẩn danh: không hỏi tên, không lưu ai đã trả lời. Câu có dấu * là bắt buộc."
    ),
    "surveys_public_thanks": "Cảm ơn bạn đã trả lời. Phiếu đã được ghi nhận.",
    "surveys_public_submit": "Gửi phiếu",
    "surveys_public_limited": (
        "Từ địa chỉ này đã có nhiều phiếu trong một giờ qua; phiếu chưa được lưu. Hãy thử lại "
        "sau một giờ."
    ),
    "surveys_public_no_instance": (
        "Phiếu thiếu mã phiếu (instance_id). Hãy tải lại trang khảo sát rồi gửi lại."
    ),
    "surveys_modes": (
        "Nhập từ tệp: {imported} · cộng tác viên hỗ trợ phỏng vấn: {assisted} · tự trả lời "
        "qua liên kết: {own}"
    ),
    "surveys_export_xlsx": "Tải ước lượng (XLSX, có biểu đồ)",
    "surveys_export_csv": "Tải ước lượng (CSV)",
    "surveys_export_format": (
        "Không xuất được dạng “{extension}”: hãy dùng estimates.csv hoặc estimates.xlsx."
    ),
    "surveys_link_title": "Liên kết công khai",
    "surveys_link_open": (
        "Liên kết đang mở: ai có liên kết đều trả lời được, không cần tài khoản."
    ),
    "surveys_link_none": "Khảo sát chưa có liên kết công khai đang mở.",
    "surveys_link_make": "Tạo liên kết công khai",
    "surveys_link_close": "Đóng liên kết",
    "surveys_chart_n": "{n} người trả lời câu này.",
    "surveys_breakdown_title": "Chia theo nhóm",
    "surveys_breakdown_question": "Câu hỏi",
    "surveys_breakdown_by": "Chia theo",
    "surveys_breakdown_nobody": "(không chia nhóm)",
    "surveys_breakdown_show": "Xem",
    "surveys_breakdown_caption": (
        "{question}: ước lượng có trọng số theo “{by}”, khoảng tin cậy 95%."
    ),
    "surveys_breakdown_caption_all": "{question}: ước lượng có trọng số, khoảng tin cậy 95%.",
    "surveys_breakdown_group": "Nhóm",
    "surveys_breakdown_answer": "Câu trả lời",
    "surveys_breakdown_estimate": "Ước lượng",
    "surveys_breakdown_ci": "Khoảng tin cậy 95%",
    "surveys_breakdown_deff": "Hiệu ứng thiết kế (Kish)",
    "surveys_breakdown_all": "Tất cả",
    "surveys_breakdown_mean": "Trung bình",
    "surveys_breakdown_suppressed": "Dưới {k} người trả lời: nhóm bị ẩn, không có số liệu.",
    "surveys_breakdown_chart_desc": (
        "Tỷ lệ có trọng số của từng câu trả lời theo nhóm, với khoảng tin cậy 95%; nhóm dưới "
        "{k} người trả lời bị ẩn."
    ),
    "surveys_breakdown_weights": (
        "Trọng số như khi nhập. Muốn hậu phân tầng theo tổng thể, dùng lệnh “opiniondesk survey "
        "estimate --margins TỆP”."
    ),
    "surveys_breakdown_export": "Tệp tải về cũng chia theo “{by}”, như trên trang.",
    "surveys_breakdown_bad_param": (
        "Tham số “{param}” không dùng được: khảo sát này không có {expected} tên “{value}”. "
        "Hãy chọn một trong: {allowed}."
    ),
    "surveys_breakdown_missing_param": (
        "Thiếu tham số “{param}”: {reason} Hãy chọn nó trong biểu mẫu rồi bấm Xem."
    ),
    "surveys_breakdown_needs_q": "chia nhóm cần có câu hỏi cần ước lượng.",
    "surveys_crosstab_needs_both": "bảng chéo cần cả câu ở hàng và câu ở cột.",
    "surveys_kind_estimable": "câu chọn hoặc câu số",
    "surveys_kind_select": "câu chọn",
    "surveys_kind_select_one": "câu chọn một",
    "surveys_crosstab_title": "Bảng chéo",
    "surveys_crosstab_rows": "Hàng (câu chọn)",
    "surveys_crosstab_columns": "Cột (câu chọn một)",
    "surveys_crosstab_caption": (
        "{rows} theo {columns}: tỷ lệ có trọng số trong mỗi cột, khoảng tin cậy 95%."
    ),
    "surveys_crosstab_column": "{name} (n = {n})",
    "surveys_crosstab_hidden": (
        "“<{k}”: cột hoặc ô có dưới {k} người trả lời, bị ẩn để không lần ra được ai."
    ),
}

EN: dict[str, str] = {
    "surveys_public_intro": (
        "An anonymous questionnaire: no name is asked and nothing records who answered. "
        "Questions marked * are required."
    ),
    "surveys_public_thanks": "Thank you for answering. Your response has been recorded.",
    "surveys_public_submit": "Send",
    "surveys_public_limited": (
        "Many responses came from this address in the past hour; this one was not saved. "
        "Please try again in an hour."
    ),
    "surveys_public_no_instance": (
        "The response has no questionnaire id (instance_id). Reload the survey page and send "
        "it again."
    ),
    "surveys_modes": (
        "Imported from files: {imported} · collaborator-assisted interviews: {assisted} · "
        "self-completed through the link: {own}"
    ),
    "surveys_export_xlsx": "Download the estimates (XLSX, with charts)",
    "surveys_export_csv": "Download the estimates (CSV)",
    "surveys_export_format": (
        "Cannot export as “{extension}”: use estimates.csv or estimates.xlsx."
    ),
    "surveys_link_title": "Public link",
    "surveys_link_open": "The link is open: anyone who has it can answer, without an account.",
    "surveys_link_none": "The survey has no open public link.",
    "surveys_link_make": "Make a public link",
    "surveys_link_close": "Close the link",
    "surveys_chart_n": "{n} people answered this question.",
    "surveys_breakdown_title": "Breakdown by group",
    "surveys_breakdown_question": "Question",
    "surveys_breakdown_by": "Break down by",
    "surveys_breakdown_nobody": "(no breakdown)",
    "surveys_breakdown_show": "Show",
    "surveys_breakdown_caption": (
        "{question}: weighted estimates by “{by}”, 95% confidence intervals."
    ),
    "surveys_breakdown_caption_all": "{question}: weighted estimates, 95% confidence intervals.",
    "surveys_breakdown_group": "Group",
    "surveys_breakdown_answer": "Answer",
    "surveys_breakdown_estimate": "Estimate",
    "surveys_breakdown_ci": "95% confidence interval",
    "surveys_breakdown_deff": "Design effect (Kish)",
    "surveys_breakdown_all": "All",
    "surveys_breakdown_mean": "Mean",
    "surveys_breakdown_suppressed": "Fewer than {k} answers: group hidden, no figures.",
    "surveys_breakdown_chart_desc": (
        "Weighted share of each answer by group, with 95% confidence intervals; groups with "
        "fewer than {k} answers are hidden."
    ),
    "surveys_breakdown_weights": (
        "Weights as stored. To post-stratify to population margins, use “opiniondesk survey "
        "estimate --margins FILE”."
    ),
    "surveys_breakdown_export": "The downloads are broken down by “{by}” too, as on this page.",
    "surveys_breakdown_bad_param": (
        "Parameter “{param}” cannot be used: this survey has no {expected} named “{value}”. "
        "Pick one of: {allowed}."
    ),
    "surveys_breakdown_missing_param": (
        "Parameter “{param}” is missing: {reason} Pick it in the form, then press Show."
    ),
    "surveys_breakdown_needs_q": "a breakdown needs the question to estimate.",
    "surveys_crosstab_needs_both": "a crosstab needs both a row and a column question.",
    "surveys_kind_estimable": "choice or number question",
    "surveys_kind_select": "choice question",
    "surveys_kind_select_one": "single-choice question",
    "surveys_crosstab_title": "Crosstab",
    "surveys_crosstab_rows": "Rows (a choice question)",
    "surveys_crosstab_columns": "Columns (a single-choice question)",
    "surveys_crosstab_caption": (
        "{rows} by {columns}: weighted shares within each column, 95% confidence intervals."
    ),
    "surveys_crosstab_column": "{name} (n = {n})",
    "surveys_crosstab_hidden": (
        "“<{k}”: a column or cell with fewer than {k} answers, hidden so nobody can be singled out."
    ),
}
