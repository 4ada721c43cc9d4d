"""Strings of the public portal: its shell, home page, clarifications and the feedback form."""

from __future__ import annotations

from typing import Final

VI: Final[dict[str, str]] = {
    # ---- shell and home ----
    "portal_site_name": "Cổng thông tin công khai",
    "portal_nav_label": "Các mục của cổng thông tin",
    "portal_nav_home": "Trang chủ",
    "portal_nav_answers": "Trả lời",
    "portal_nav_clarifications": "Làm rõ thông tin",
    "portal_nav_sessions": "Đối thoại",
    "portal_nav_consultations": "Tham vấn",
    "portal_nav_feedback": "Góp ý",
    "portal_staff_sign_in": "Đăng nhập cán bộ",
    "portal_staff_back": "Về trang làm việc",
    "portal_footer_privacy": (
        "Trang này không dùng mã theo dõi hay dịch vụ của bên thứ ba. Ý kiến được tổng hợp, "
        "không truy ra người góp ý."
    ),
    "portal_home_title": "Trang chủ công khai",
    "portal_home_intro": (
        "Câu trả lời của cơ quan nhà nước cho những vấn đề người dân quan tâm, thông tin được "
        "làm rõ, lịch đối thoại và các đợt lấy ý kiến."
    ),
    "portal_home_answers": "Trả lời mới nhất",
    "portal_home_all_answers": "Xem tất cả câu trả lời",
    "portal_home_clarifications": "Thông tin được làm rõ",
    "portal_home_all_clarifications": "Xem tất cả thông tin được làm rõ",
    "portal_home_sessions": "Đối thoại với người dân",
    "portal_home_upcoming": "Sắp diễn ra",
    "portal_home_past": "Đã diễn ra",
    "portal_home_all_sessions": "Xem tất cả buổi đối thoại",
    "portal_home_consultations": "Tham vấn, lấy ý kiến người dân",
    "portal_home_all_consultations": "Xem tất cả đợt tham vấn",
    "portal_home_nothing_yet": "Chưa có gì ở mục này.",
    "portal_home_feedback": "Gửi góp ý, phản ánh",
    "portal_home_feedback_text": (
        "Phản ánh một việc ở nơi bạn sống, không cần đăng nhập. Bạn nhận mã số để theo dõi."
    ),
    "portal_feedback_cta": "Gửi góp ý",
    "portal_pager_label": "Chuyển trang",
    "portal_pager_newer": "← Mới hơn",
    "portal_pager_older": "Cũ hơn →",
    "portal_pager_page": "Trang {page}",
    # ---- clarifications ----
    "portal_clarifications_title": "Làm rõ thông tin",
    "portal_clarifications_intro": (
        "Những thông tin đang lan truyền đã được cơ quan có thẩm quyền kiểm tra và làm rõ."
    ),
    "portal_clarifications_empty": "Chưa có thông tin nào được làm rõ.",
    "portal_clarification_title": "Thông tin được làm rõ",
    "portal_clarification_claim": "Thông tin lan truyền",
    "portal_clarification_verdict": "Kết luận: {verdict}",
    "portal_clarification_answer": "{agency} làm rõ",
    "portal_clarification_published": "{agency} công bố",
    "portal_clarification_source": "Xem văn bản gốc của cơ quan",
    # ---- feedback form ----
    "portal_feedback_title": "Gửi góp ý, phản ánh",
    "portal_feedback_intro": (
        "Không cần đăng nhập. Góp ý được chuyển đến cơ quan phụ trách; bạn nhận mã số để theo "
        "dõi kết quả."
    ),
    "portal_feedback_errors": "Biểu mẫu còn {n} chỗ cần sửa:",
    "portal_feedback_what": "Nội dung",
    "portal_feedback_service": "Lĩnh vực",
    "portal_feedback_choose": "— Chọn lĩnh vực —",
    "portal_feedback_description": "Bạn muốn phản ánh điều gì?",
    "portal_feedback_description_hint": (
        "Tối đa 4.000 ký tự. Số điện thoại, số CCCD, e-mail, biển số xe, số tài khoản và tên "
        "người trong nội dung sẽ được che trước khi lưu."
    ),
    "portal_feedback_where": "Nơi xảy ra",
    "portal_feedback_province": "Tỉnh/thành phố",
    "portal_feedback_choose_province": "— Chọn tỉnh/thành phố —",
    "portal_feedback_place_query": "Hoặc tìm xã/phường theo tên",
    "portal_feedback_place_hint": (
        "Gõ có dấu hay không dấu đều được; tên cũ trước khi sắp xếp năm 2025 cũng tìm được. "
        "Bấm “Hiện danh sách xã/phường” để chọn."
    ),
    "portal_feedback_show_places": "Hiện danh sách xã/phường",
    "portal_feedback_commune": "Xã/phường/đặc khu",
    "portal_feedback_choose_commune": "— Chọn xã/phường (không bắt buộc) —",
    "portal_feedback_no_places": (
        "Không tìm thấy xã/phường nào khớp tên đã gõ. Hãy thử tên khác hoặc chọn tỉnh/thành."
    ),
    "portal_feedback_former": "cũ",
    "portal_feedback_address": "Địa chỉ cụ thể (không bắt buộc): số nhà, đường, thôn, tổ dân phố",
    "portal_feedback_contact": "Liên hệ (không bắt buộc)",
    "portal_feedback_contact_hint": (
        "Bạn có thể góp ý mà không để lại thông tin gì. Nếu muốn cơ quan liên hệ lại hoặc nhận "
        "e-mail khi có cập nhật, hãy điền và đánh dấu đồng ý."
    ),
    "portal_feedback_name": "Họ và tên",
    "portal_feedback_phone": "Số điện thoại",
    "portal_feedback_email": "E-mail (để nhận cập nhật)",
    "portal_feedback_consent": (
        "Tôi đồng ý để cơ quan lưu thông tin liên hệ trên, tách riêng khỏi nội dung góp ý, chỉ "
        "dùng để trả lời tôi, và xoá sau {days} ngày."
    ),
    "portal_feedback_send": "Gửi góp ý",
    "portal_feedback_follow_title": "Theo dõi góp ý đã gửi",
    "portal_feedback_number": "Mã số góp ý",
    "portal_feedback_follow": "Xem tình trạng",
    "portal_feedback_error_service": "Lĩnh vực: hãy chọn một lĩnh vực trong danh sách.",
    "portal_feedback_error_description": "Nội dung: hãy viết điều bạn muốn phản ánh.",
    "portal_feedback_error_too_long": "Ô này dài {n} ký tự, tối đa {max}: hãy rút gọn.",
    "portal_feedback_error_commune": (
        "Xã/phường: lựa chọn không còn hợp lệ; hãy bấm “Hiện danh sách xã/phường” rồi chọn lại."
    ),
    "portal_feedback_error_place": (
        "Nơi xảy ra: hãy chọn tỉnh/thành phố, hoặc tìm và chọn xã/phường."
    ),
    "portal_feedback_error_phone": (
        "Số điện thoại: chỉ gồm chữ số (có thể có dấu +, dấu cách), ví dụ 0912 345 678."
    ),
    "portal_feedback_error_email": "E-mail: địa chỉ chưa đúng dạng, ví dụ ten@example.vn.",
    "portal_feedback_error_consent": (
        "Đồng ý: bạn đã điền thông tin liên hệ; hãy đánh dấu đồng ý để cơ quan lưu, hoặc xoá "
        "các ô liên hệ."
    ),
    "portal_feedback_error_limit": (
        "Từ địa chỉ mạng này đã có nhiều góp ý gửi trong thời gian ngắn. Vui lòng gửi lại sau "
        "{time}."
    ),
    # ---- thank-you and status pages ----
    "portal_thanks_title": "Cảm ơn bạn đã góp ý",
    "portal_thanks_text": "Góp ý đã được tiếp nhận và sẽ được chuyển đến cơ quan phụ trách.",
    "portal_thanks_number": "Mã số góp ý của bạn:",
    "portal_thanks_keep": "Hãy ghi lại mã số này để theo dõi tình trạng xử lý.",
    "portal_thanks_follow": "Theo dõi tình trạng",
    "portal_thanks_home": "Về trang chủ",
    "portal_status_title": "Góp ý số {number}",
    "portal_status_service": "Lĩnh vực",
    "portal_status_state": "Tình trạng",
    "portal_status_received": "Ngày gửi",
    "portal_status_updated": "Cập nhật",
    "portal_status_agency": "Cơ quan phụ trách",
    "portal_status_expected": "Hạn trả lời",
    "portal_status_notes": "Kết quả",
    "portal_status_privacy": (
        "Trang này chỉ cho biết tình trạng xử lý, không hiển thị nội dung hay thông tin của "
        "người gửi."
    ),
    "portal_state_received": "Đã tiếp nhận, đang xem xét",
    "portal_state_assigned": "Đã chuyển cơ quan phụ trách, đang chờ trả lời",
    "portal_state_closed": "Đã xử lý xong",
}

EN: Final[dict[str, str]] = {
    # ---- shell and home ----
    "portal_site_name": "Public information portal",
    "portal_nav_label": "Portal sections",
    "portal_nav_home": "Home",
    "portal_nav_answers": "Answers",
    "portal_nav_clarifications": "Clarifications",
    "portal_nav_sessions": "Dialogue",
    "portal_nav_consultations": "Consultations",
    "portal_nav_feedback": "Feedback",
    "portal_staff_sign_in": "Staff sign-in",
    "portal_staff_back": "Back to the desk",
    "portal_footer_privacy": (
        "This site uses no trackers and no third-party services. Opinions are counted, never "
        "traced to the people who gave them."
    ),
    "portal_home_title": "Public home",
    "portal_home_intro": (
        "Government answers to the issues people raise, clarified information, dialogue "
        "sessions and open consultations."
    ),
    "portal_home_answers": "Latest answers",
    "portal_home_all_answers": "All answers",
    "portal_home_clarifications": "Clarified information",
    "portal_home_all_clarifications": "All clarifications",
    "portal_home_sessions": "Dialogue with citizens",
    "portal_home_upcoming": "Upcoming",
    "portal_home_past": "Past",
    "portal_home_all_sessions": "All dialogue sessions",
    "portal_home_consultations": "Consultations",
    "portal_home_all_consultations": "All consultations",
    "portal_home_nothing_yet": "Nothing here yet.",
    "portal_home_feedback": "Send feedback",
    "portal_home_feedback_text": (
        "Report something where you live, without signing in. You get a number to follow it."
    ),
    "portal_feedback_cta": "Send feedback",
    "portal_pager_label": "Pages",
    "portal_pager_newer": "← Newer",
    "portal_pager_older": "Older →",
    "portal_pager_page": "Page {page}",
    # ---- clarifications ----
    "portal_clarifications_title": "Clarifications",
    "portal_clarifications_intro": (
        "Information circulating in public that the competent authority checked and clarified."
    ),
    "portal_clarifications_empty": "No information has been clarified yet.",
    "portal_clarification_title": "Clarified information",
    "portal_clarification_claim": "What circulated",
    "portal_clarification_verdict": "Verdict: {verdict}",
    "portal_clarification_answer": "{agency} clarifies",
    "portal_clarification_published": "Published by {agency} on",
    "portal_clarification_source": "The agency's original statement",
    # ---- feedback form ----
    "portal_feedback_title": "Send feedback",
    "portal_feedback_intro": (
        "No sign-in needed. Your feedback goes to the agency in charge; you get a number to "
        "follow the outcome."
    ),
    "portal_feedback_errors": "The form has {n} thing(s) to fix:",
    "portal_feedback_what": "What it is about",
    "portal_feedback_service": "Area",
    "portal_feedback_choose": "— Choose an area —",
    "portal_feedback_description": "What would you like to report?",
    "portal_feedback_description_hint": (
        "Up to 4,000 characters. Phone numbers, ID numbers, e-mails, number plates, bank "
        "accounts and people's names in the text are masked before it is stored."
    ),
    "portal_feedback_where": "Where",
    "portal_feedback_province": "Province or city",
    "portal_feedback_choose_province": "— Choose a province or city —",
    "portal_feedback_place_query": "Or find a commune or ward by name",
    "portal_feedback_place_hint": (
        "With or without Vietnamese diacritics; names from before the 2025 reorganisation work "
        "too. Press “Show communes and wards” to choose."
    ),
    "portal_feedback_show_places": "Show communes and wards",
    "portal_feedback_commune": "Commune, ward or special zone",
    "portal_feedback_choose_commune": "— Choose a commune or ward (optional) —",
    "portal_feedback_no_places": (
        "No commune or ward matches that name. Try another spelling or choose a province."
    ),
    "portal_feedback_former": "former",
    "portal_feedback_address": "Exact address (optional): house number, street, village",
    "portal_feedback_contact": "Contact (optional)",
    "portal_feedback_contact_hint": (
        "You can send feedback without leaving any details. If you want the agency to contact "
        "you or to get e-mail updates, fill these in and tick your consent."
    ),
    "portal_feedback_name": "Full name",
    "portal_feedback_phone": "Phone number",
    "portal_feedback_email": "E-mail (for updates)",
    "portal_feedback_consent": (
        "I agree that the agency keeps these contact details, apart from my feedback, only to "
        "answer me, and deletes them after {days} days."
    ),
    "portal_feedback_send": "Send feedback",
    "portal_feedback_follow_title": "Follow feedback you sent",
    "portal_feedback_number": "Feedback number",
    "portal_feedback_follow": "See its status",
    "portal_feedback_error_service": "Area: choose one from the list.",
    "portal_feedback_error_description": "Description: write what you would like to report.",
    "portal_feedback_error_too_long": "This field has {n} characters, at most {max}: shorten it.",
    "portal_feedback_error_commune": (
        "Commune or ward: the choice is no longer valid; press “Show communes and wards” and "
        "choose again."
    ),
    "portal_feedback_error_place": "Where: choose a province or city, or find a commune or ward.",
    "portal_feedback_error_phone": (
        "Phone number: digits only (a + and spaces are fine), for example 0912 345 678."
    ),
    "portal_feedback_error_email": "E-mail: not a valid address, for example name@example.vn.",
    "portal_feedback_error_consent": (
        "Consent: you gave contact details; tick the consent box so the agency may keep them, "
        "or clear the contact fields."
    ),
    "portal_feedback_error_limit": (
        "Much feedback was sent from this network address in a short time. Please send again "
        "after {time}."
    ),
    # ---- thank-you and status pages ----
    "portal_thanks_title": "Thank you for your feedback",
    "portal_thanks_text": "Your feedback was received and will go to the agency in charge.",
    "portal_thanks_number": "Your feedback number:",
    "portal_thanks_keep": "Note this number to follow what happens to it.",
    "portal_thanks_follow": "Follow its status",
    "portal_thanks_home": "Back to the portal home",
    "portal_status_title": "Feedback number {number}",
    "portal_status_service": "Area",
    "portal_status_state": "Status",
    "portal_status_received": "Sent on",
    "portal_status_updated": "Updated",
    "portal_status_agency": "Agency in charge",
    "portal_status_expected": "Answer due",
    "portal_status_notes": "Outcome",
    "portal_status_privacy": (
        "This page shows the status only, never the feedback's text or anything about its sender."
    ),
    "portal_state_received": "Received, under review",
    "portal_state_assigned": "With the agency in charge, awaiting its answer",
    "portal_state_closed": "Dealt with",
}
