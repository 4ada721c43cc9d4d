"""Strings of the survey pages added after the first catalogue (the older `survey_*` keys live
in web/i18n.py): public links, response modes, exports."""

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
}
