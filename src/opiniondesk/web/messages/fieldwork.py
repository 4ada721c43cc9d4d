"""Strings of the collaborator network, the unit picker, photos and coverage (the older field
report strings are in web/i18n.py)."""

from __future__ import annotations

VI: dict[str, str] = {
    "fieldwork_active_means": (
        "“Đang hoạt động”: tài khoản cộng tác viên không bị khoá, được giao chính xã/phường đó "
        "(cộng tác viên cấp tỉnh không được tính là phủ từng xã) và đã gửi báo cáo trong "
        "{days} ngày qua hoặc mới tham gia trong {days} ngày qua."
    ),
    "fieldwork_answers": "Số báo cáo trả lời yêu cầu",
    "fieldwork_back": "← Cộng tác viên và khảo sát",
    "fieldwork_duty_answered": "Trả lời yêu cầu báo cáo (không bắt buộc)",
    "fieldwork_duty_none": "— Không trả lời yêu cầu nào —",
    "fieldwork_email": "E-mail người được mời",
    "fieldwork_email_optional": "E-mail (không bắt buộc)",
    "fieldwork_has_photo": "Có ảnh",
    "fieldwork_invite_days": "Đường dẫn dùng được trong (ngày, tối đa {max})",
    "fieldwork_invite_done": "Đã tạo đường dẫn mời",
    "fieldwork_invite_link": "Đường dẫn mời",
    "fieldwork_invite_once": (
        "Gửi đường dẫn này cho người được mời (tin nhắn, e-mail). Đường dẫn chỉ hiện một lần và "
        "chỉ dùng được một lần; hệ thống chỉ lưu mã băm của nó."
    ),
    "fieldwork_invite_submit": "Tạo đường dẫn mời",
    "fieldwork_invite_title": "Mời cộng tác viên",
    "fieldwork_invited_pending": "đã mời, chưa tham gia",
    "fieldwork_join_done": "Đã tạo tài khoản cộng tác viên. Hãy đăng nhập để gửi báo cáo.",
    "fieldwork_join_intro": (
        "Bạn được mời làm cộng tác viên (thư mời gửi tới {email}). Chọn tên đăng nhập, nhập họ "
        "tên và đặt mật khẩu."
    ),
    "fieldwork_join_mismatch": "Hai lần nhập mật khẩu không giống nhau; hãy nhập lại.",
    "fieldwork_join_password_again": "Nhập lại mật khẩu",
    "fieldwork_join_password_hint": "Ít nhất {n} ký tự.",
    "fieldwork_join_privacy": (
        "Họ tên và số điện thoại chỉ người phụ trách của bạn xem được; báo cáo của bạn được "
        "tổng hợp, không hiện tên người gửi."
    ),
    "fieldwork_join_sign_in": "Đăng nhập",
    "fieldwork_join_submit": "Tạo tài khoản",
    "fieldwork_join_title": "Tham gia mạng lưới cộng tác viên",
    "fieldwork_join_username_hint": "3–64 ký tự a-z, 0-9, dấu chấm, gạch dưới hoặc gạch ngang.",
    "fieldwork_last_report": "Báo cáo gần nhất",
    "fieldwork_me_note": (
        "Cần sửa họ tên, liên hệ hoặc địa bàn? Hãy báo người phụ trách của bạn. E-mail dùng để "
        "nhắc hạn báo cáo."
    ),
    "fieldwork_me_title": "Hồ sơ cộng tác viên của tôi",
    "fieldwork_name": "Họ tên",
    "fieldwork_network": "Mạng lưới cộng tác viên",
    "fieldwork_network_summary": (
        "{covered} trên {communes} xã/phường trong địa bàn có cộng tác viên đang hoạt động."
    ),
    "fieldwork_no_answers": "Chưa có báo cáo nào trả lời yêu cầu.",
    "fieldwork_on_time": "Đúng hạn",
    "fieldwork_on_time_answers": "Trả lời đúng hạn",
    "fieldwork_phone": "Số điện thoại (không bắt buộc)",
    "fieldwork_photo": "Ảnh (không bắt buộc; JPEG, PNG, WebP, tối đa {mb} MB)",
    "fieldwork_photo_alt": "Ảnh kèm báo cáo “{topic}”",
    "fieldwork_photo_clean": "Thông tin vị trí và thiết bị trong ảnh đã được xoá.",
    "fieldwork_photo_note": (
        "Vị trí GPS và thông tin máy ảnh được xoá khỏi ảnh trước khi lưu. Tránh chụp rõ mặt "
        "người hoặc biển số xe."
    ),
    "fieldwork_photo_short": "Ảnh",
    "fieldwork_photo_too_large": (
        "Ảnh lớn hơn {mb} MB kể cả sau khi thu nhỏ; chọn ảnh khác hoặc gửi không kèm ảnh."
    ),
    "fieldwork_picker_chosen": "Đã chọn: {name} ({code})",
    "fieldwork_picker_hint": "Gõ tên xã/phường, có dấu hoặc không dấu, rồi chọn trong danh sách.",
    "fieldwork_picker_missing": "Hãy chọn một địa bàn trong danh sách.",
    "fieldwork_picker_none": "Không có địa bàn nào khớp trong phạm vi của bạn.",
    "fieldwork_picker_placeholder": "vd. phuong ben thanh",
    "fieldwork_profile_meta": "Tên đăng nhập: {username}",
    "fieldwork_profile_privacy": (
        "Thông tin liên hệ chỉ người phụ trách xem được và chỉ dùng để nhắc báo cáo."
    ),
    "fieldwork_profile_save": "Lưu",
    "fieldwork_profile_saved": "Đã lưu.",
    "fieldwork_profile_title": "Hồ sơ và địa bàn phụ trách",
    "fieldwork_profile_units_hint": (
        "Mã xã/phường hoặc mã tỉnh, cách nhau bởi dấu phẩy. Địa bàn ngoài phạm vi của bạn được "
        "giữ nguyên."
    ),
    "fieldwork_recent": "Báo cáo mới nhất",
    "fieldwork_reminders_sent": "Nhắc qua e-mail",
    "fieldwork_report_meta": "Địa bàn {unit} · gửi ngày {date}",
    "fieldwork_report_privacy": (
        "Nội dung đã được xoá thông tin cá nhân trước khi lưu; người gửi không được hiển thị."
    ),
    "fieldwork_report_title": "Báo cáo cơ sở số {id}",
    "fieldwork_reports_recent": "Báo cáo ({days} ngày)",
    "fieldwork_roster_back": "← Danh sách cộng tác viên",
    "fieldwork_roster_empty": "Chưa có cộng tác viên nào trong địa bàn bạn phụ trách.",
    "fieldwork_roster_intro": (
        "Chỉ người phụ trách (lãnh đạo, quản trị của địa bàn) xem trang này. Số liệu là số đếm; "
        "nội dung báo cáo không gắn với người gửi. “Đang hoạt động”: gửi báo cáo hoặc mới tham "
        "gia trong {days} ngày qua."
    ),
    "fieldwork_roster_link": "Cộng tác viên (người phụ trách)",
    "fieldwork_roster_note": "Xếp theo tên, không xếp hạng.",
    "fieldwork_roster_people": "Cộng tác viên",
    "fieldwork_roster_title": "Cộng tác viên trong địa bàn phụ trách",
    "fieldwork_status": "Trạng thái",
    "fieldwork_status_active": "Đang hoạt động",
    "fieldwork_status_disabled": "Đã khoá",
    "fieldwork_status_inactive": "Chưa hoạt động gần đây",
    "fieldwork_submitted": "Ngày gửi",
    "fieldwork_timeliness": "Trả lời yêu cầu đúng hạn",
    "fieldwork_timeliness_note": (
        "Tỷ lệ báo cáo trả lời yêu cầu được gửi trước hoặc đúng ngày hạn; địa bàn dưới {k} báo "
        "cáo được ẩn."
    ),
    "fieldwork_total": "Tổng",
    "fieldwork_uncovered": "{n} xã/phường chưa có cộng tác viên đang hoạt động",
    "fieldwork_units": "Địa bàn phụ trách",
    "fieldwork_units_hint": (
        "Mã xã/phường hoặc mã tỉnh, cách nhau bởi dấu phẩy, trong địa bàn của bạn: {units}."
    ),
}

EN: dict[str, str] = {
    "fieldwork_active_means": (
        "“Active”: an enabled collaborator account holding that commune itself (a province-wide "
        "collaborator does not count as covering each commune) that sent a report in the last "
        "{days} days or joined in the last {days} days."
    ),
    "fieldwork_answers": "Reports answering duties",
    "fieldwork_back": "← Collaborators and surveys",
    "fieldwork_duty_answered": "Answers the report duty (optional)",
    "fieldwork_duty_none": "— Not answering a duty —",
    "fieldwork_email": "Invitee's e-mail",
    "fieldwork_email_optional": "E-mail (optional)",
    "fieldwork_has_photo": "Photo",
    "fieldwork_invite_days": "The link works for (days, at most {max})",
    "fieldwork_invite_done": "Invitation link created",
    "fieldwork_invite_link": "Invitation link",
    "fieldwork_invite_once": (
        "Send this link to the invitee (message, e-mail). It is shown once and works once; the "
        "desk keeps only its hash."
    ),
    "fieldwork_invite_submit": "Create the invitation link",
    "fieldwork_invite_title": "Invite a collaborator",
    "fieldwork_invited_pending": "invited, not joined yet",
    "fieldwork_join_done": "Your collaborator account is ready. Sign in to send reports.",
    "fieldwork_join_intro": (
        "You are invited to be a collaborator (invitation for {email}). Choose a username, "
        "enter your name and set a password."
    ),
    "fieldwork_join_mismatch": "The two passwords differ; type them again.",
    "fieldwork_join_password_again": "Password again",
    "fieldwork_join_password_hint": "At least {n} characters.",
    "fieldwork_join_privacy": (
        "Only your supervisor sees your name and phone number; your reports are counted "
        "without the sender's name."
    ),
    "fieldwork_join_sign_in": "Sign in",
    "fieldwork_join_submit": "Create my account",
    "fieldwork_join_title": "Join the collaborator network",
    "fieldwork_join_username_hint": "3–64 characters a-z, 0-9, dot, underscore or hyphen.",
    "fieldwork_last_report": "Last report",
    "fieldwork_me_note": (
        "Need to change your name, contacts or units? Ask your supervisor. The e-mail is used "
        "for report-duty reminders."
    ),
    "fieldwork_me_title": "My collaborator profile",
    "fieldwork_name": "Name",
    "fieldwork_network": "Collaborator network",
    "fieldwork_network_summary": (
        "{covered} of {communes} communes in your units have an active collaborator."
    ),
    "fieldwork_no_answers": "No report has answered a duty yet.",
    "fieldwork_on_time": "On time",
    "fieldwork_on_time_answers": "Answers on time",
    "fieldwork_phone": "Phone (optional)",
    "fieldwork_photo": "Photo (optional; JPEG, PNG, WebP, at most {mb} MB)",
    "fieldwork_photo_alt": "Photo attached to the report “{topic}”",
    "fieldwork_photo_clean": "Location and device details were removed from this photo.",
    "fieldwork_photo_note": (
        "GPS position and camera details are removed from the photo before it is stored. Avoid "
        "clear faces or number plates."
    ),
    "fieldwork_photo_short": "Photo",
    "fieldwork_photo_too_large": (
        "The photo is larger than {mb} MB even scaled down; pick another or send without it."
    ),
    "fieldwork_picker_chosen": "Chosen: {name} ({code})",
    "fieldwork_picker_hint": "Type the commune's name, with or without diacritics, then pick it.",
    "fieldwork_picker_missing": "Pick a unit from the list.",
    "fieldwork_picker_none": "No unit within your scope matches.",
    "fieldwork_picker_placeholder": "e.g. phuong ben thanh",
    "fieldwork_profile_meta": "Username: {username}",
    "fieldwork_profile_privacy": (
        "Contact details are seen by supervisors only and used only for report reminders."
    ),
    "fieldwork_profile_save": "Save",
    "fieldwork_profile_saved": "Saved.",
    "fieldwork_profile_title": "Profile and units covered",
    "fieldwork_profile_units_hint": (
        "Commune or province codes separated by commas. Units outside your scope are kept."
    ),
    "fieldwork_recent": "Latest reports",
    "fieldwork_reminders_sent": "E-mail reminders",
    "fieldwork_report_meta": "Unit {unit} · sent on {date}",
    "fieldwork_report_privacy": (
        "Personal data was removed from the text before storage; the sender is not shown."
    ),
    "fieldwork_report_title": "Field report {id}",
    "fieldwork_reports_recent": "Reports ({days} days)",
    "fieldwork_roster_back": "← Collaborators",
    "fieldwork_roster_empty": "No collaborator in the units you supervise yet.",
    "fieldwork_roster_intro": (
        "Only supervisors (leaders and administrators of the unit) see this page. Figures are "
        "counts; report contents are never tied to their sender. “Active”: reported or joined "
        "in the last {days} days."
    ),
    "fieldwork_roster_link": "Collaborators (supervisors)",
    "fieldwork_roster_note": "Ordered by name, not ranked.",
    "fieldwork_roster_people": "Collaborators",
    "fieldwork_roster_title": "Collaborators in the units you supervise",
    "fieldwork_status": "Status",
    "fieldwork_status_active": "Active",
    "fieldwork_status_disabled": "Disabled",
    "fieldwork_status_inactive": "Not active lately",
    "fieldwork_submitted": "Sent on",
    "fieldwork_timeliness": "Duties answered on time",
    "fieldwork_timeliness_note": (
        "Share of reports answering a duty sent on or before its due date; units with fewer "
        "than {k} reports are hidden."
    ),
    "fieldwork_total": "Total",
    "fieldwork_uncovered": "{n} communes without an active collaborator",
    "fieldwork_units": "Units covered",
    "fieldwork_units_hint": (
        "Commune or province codes separated by commas, within your units: {units}."
    ),
}
