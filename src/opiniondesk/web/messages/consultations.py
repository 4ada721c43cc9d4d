"""Strings of the consultation pages (staff: /tham-van; public: /cong-khai/tham-van)."""

from __future__ import annotations

VI: dict[str, str] = {
    "consultations_status_draft": "Đang soạn",
    "consultations_status_open": "Đang lấy ý kiến",
    "consultations_status_closed": "Đã kết thúc",
    "consultations_statement_pending": "Chờ duyệt",
    "consultations_statement_accepted": "Đã duyệt",
    "consultations_statement_rejected": "Không duyệt",
    "consultations_public_title": "Tham vấn ý kiến",
    "consultations_public_intro": (
        "Bày tỏ đồng ý hay không với từng ý kiến ngắn, hoặc gửi ý kiến của bạn. Kết quả cho "
        "thấy các nhóm quan điểm và những điều đa số các nhóm cùng đồng ý."
    ),
    "consultations_public_none": "Hiện chưa có cuộc tham vấn nào.",
    "consultations_see_results": "Xem kết quả",
    "consultations_public_page": "Trang lấy ý kiến",
    "consultations_privacy_note": (
        "Không cần tài khoản. Trình duyệt của bạn giữ một mã ngẫu nhiên để không hỏi lại ý "
        "kiến bạn đã trả lời; hệ thống chỉ đếm phiếu, không biết bạn là ai."
    ),
    "consultations_done_voted": "Đã ghi nhận phiếu của bạn.",
    "consultations_done_submitted": "Cảm ơn bạn. Ý kiến sẽ hiện ra sau khi được duyệt.",
    "consultations_done_limited": "Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.",
    "consultations_vote_heading": "Bạn nghĩ sao về ý kiến này?",
    "consultations_progress": "Bạn đã trả lời {voted} trên {total} ý kiến.",
    "consultations_closed_note": "Cuộc tham vấn đã kết thúc, không nhận thêm phiếu.",
    "consultations_agree": "Đồng ý",
    "consultations_disagree": "Không đồng ý",
    "consultations_pass": "Bỏ qua / Chưa rõ",
    "consultations_all_voted": "Bạn đã trả lời hết các ý kiến. Cảm ơn bạn!",
    "consultations_submit_heading": "Gửi ý kiến của bạn",
    "consultations_submit_note": (
        "Một câu ngắn (tối đa {n} ký tự), để người khác bày tỏ đồng ý hay không. Không ghi "
        "thông tin cá nhân; số điện thoại, tên người… sẽ được che đi."
    ),
    "consultations_submit_label": "Ý kiến",
    "consultations_submit_button": "Gửi ý kiến",
    "consultations_results_title": "Kết quả tham vấn",
    "consultations_results_none": "Chưa có phiếu nào để phân tích.",
    "consultations_computed": (
        "Tính lúc {when} từ {votes} phiếu của {people} người tham gia ({grouped} người bỏ đủ "
        "phiếu để được xếp nhóm); cập nhật khi có thêm phiếu."
    ),
    "consultations_map_heading": "Bản đồ quan điểm",
    "consultations_map_desc": "Các nhóm quan điểm, mỗi hình là một nhóm.",
    "consultations_map_none": "Chưa có nhóm nào đủ {k} người để hiển thị.",
    "consultations_map_help": (
        "Nhóm bỏ phiếu giống nhau ở gần nhau; mỗi hình tròn là một nhóm, diện tích theo số người. "
        "Không hiển thị từng người, và nhóm dưới {k} người không được hiển thị."
    ),
    "consultations_group_size": "Nhóm {number}: {size} người",
    "consultations_group_agrees": "Nhóm này đồng ý nhiều hơn những người khác",
    "consultations_group_disagrees": "Nhóm này phản đối nhiều hơn những người khác",
    "consultations_group_nothing": "Chưa có ý kiến nào tiêu biểu rõ cho nhóm này.",
    "consultations_percent_agree": "{percent}% đồng ý",
    "consultations_percent_disagree": "{percent}% không đồng ý",
    "consultations_consensus_heading": "Điều các nhóm cùng đồng ý",
    "consultations_consensus_help": (
        "Điểm đồng thuận = tích, qua các nhóm được hiển thị, của tỷ lệ đồng ý trong nhóm "
        "(đồng ý + 1)/(số phiếu + 2). Cao chỉ khi nhóm nào cũng nghiêng về đồng ý."
    ),
    "consultations_divisive_heading": "Điều chia rẽ các nhóm",
    "consultations_divisive_help": (
        "Độ chia rẽ = tỷ lệ đồng ý (đồng ý + 1)/(số phiếu + 2) của nhóm đồng ý nhiều nhất trừ "
        "đi của nhóm đồng ý ít nhất, chỉ tính các nhóm được hiển thị: 0 là các nhóm như nhau, "
        "gần 1 là các nhóm trái ngược."
    ),
    "consultations_col_statement": "Ý kiến",
    "consultations_col_agree": "Đồng ý",
    "consultations_col_consensus": "Đồng thuận",
    "consultations_col_divisiveness": "Chia rẽ",
    "consultations_nothing_yet": "Chưa có ý kiến nào đủ {k} phiếu.",
    "consultations_back_to_vote": "Quay lại bỏ phiếu",
    "consultations_staff_title": "Tham vấn",
    "consultations_staff_intro": (
        "Tạo cuộc tham vấn, thêm ý kiến mồi, duyệt ý kiến người dân gửi, mở và đóng."
    ),
    "consultations_staff_list": "Các cuộc tham vấn",
    "consultations_staff_none": "Chưa có cuộc tham vấn nào.",
    "consultations_col_title": "Tiêu đề",
    "consultations_col_status": "Trạng thái",
    "consultations_col_votes": "Số phiếu",
    "consultations_col_pending": "Chờ duyệt",
    "consultations_new": "Tạo cuộc tham vấn",
    "consultations_field_question": "Câu hỏi / giới thiệu",
    "consultations_field_unit": "Đơn vị tổ chức (mã)",
    "consultations_create": "Tạo",
    "consultations_staff_counts": "{votes} phiếu, {people} người tham gia",
    "consultations_open": "Mở lấy ý kiến",
    "consultations_close": "Kết thúc",
    "consultations_moderation": "Ý kiến chờ duyệt ({n})",
    "consultations_moderation_none": "Không có ý kiến nào chờ duyệt.",
    "consultations_accept": "Duyệt",
    "consultations_reject": "Không duyệt",
    "consultations_statements": "Ý kiến đã duyệt ({n})",
    "consultations_by_participant": "người dân gửi",
    "consultations_add_statement": "Thêm ý kiến mồi",
    "consultations_add": "Thêm",
    "consultations_rejected": "Không duyệt ({n})",
}

EN: dict[str, str] = {
    "consultations_status_draft": "Draft",
    "consultations_status_open": "Open for votes",
    "consultations_status_closed": "Closed",
    "consultations_statement_pending": "Waiting for moderation",
    "consultations_statement_accepted": "Accepted",
    "consultations_statement_rejected": "Rejected",
    "consultations_public_title": "Consultations",
    "consultations_public_intro": (
        "Say whether you agree with short statements, or add your own. The results show the "
        "opinion groups and what most groups agree on."
    ),
    "consultations_public_none": "There are no consultations yet.",
    "consultations_see_results": "See the results",
    "consultations_public_page": "Participation page",
    "consultations_privacy_note": (
        "No account needed. Your browser keeps a random code so that you are not asked again "
        "about statements you answered; the desk counts votes and does not know who you are."
    ),
    "consultations_done_voted": "Your vote is recorded.",
    "consultations_done_submitted": "Thank you. Your statement appears once it is moderated.",
    "consultations_done_limited": "Too many actions too fast. Please try again in a few minutes.",
    "consultations_vote_heading": "What do you think of this statement?",
    "consultations_progress": "You have answered {voted} of {total} statements.",
    "consultations_closed_note": "This consultation is closed: no more votes.",
    "consultations_agree": "Agree",
    "consultations_disagree": "Disagree",
    "consultations_pass": "Pass / Unsure",
    "consultations_all_voted": "You have answered every statement. Thank you!",
    "consultations_submit_heading": "Add your own statement",
    "consultations_submit_note": (
        "One short sentence (at most {n} characters) others can agree or disagree with. No "
        "personal data: phone numbers, names of people… are masked."
    ),
    "consultations_submit_label": "Statement",
    "consultations_submit_button": "Send statement",
    "consultations_results_title": "Consultation results",
    "consultations_results_none": "No votes to analyse yet.",
    "consultations_computed": (
        "Computed at {when} from {votes} votes by {people} participants ({grouped} voted on "
        "enough statements to be placed in a group); updated as votes arrive."
    ),
    "consultations_map_heading": "Opinion map",
    "consultations_map_desc": "The opinion groups, one shape per group.",
    "consultations_map_none": "No group has {k} people yet, so none is shown.",
    "consultations_map_help": (
        "Groups that vote alike sit close together; each disc is one group, its area by its size. "
        "No individual is shown, and groups of fewer than {k} people are not shown."
    ),
    "consultations_group_size": "Group {number}: {size} people",
    "consultations_group_agrees": "This group agrees more than the others",
    "consultations_group_disagrees": "This group disagrees more than the others",
    "consultations_group_nothing": "No statement clearly represents this group yet.",
    "consultations_percent_agree": "{percent}% agree",
    "consultations_percent_disagree": "{percent}% disagree",
    "consultations_consensus_heading": "What the groups agree on",
    "consultations_consensus_help": (
        "Consensus = the product, over the groups shown, of each group's agree rate "
        "(agrees + 1)/(votes + 2). High only when every group leans towards agreeing."
    ),
    "consultations_divisive_heading": "What divides the groups",
    "consultations_divisive_help": (
        "Divisiveness = the agree rate (agrees + 1)/(votes + 2) of the most agreeing group "
        "minus that of the least agreeing group, over the groups shown: 0 means the groups "
        "agree alike, near 1 means they are opposed."
    ),
    "consultations_col_statement": "Statement",
    "consultations_col_agree": "Agree",
    "consultations_col_consensus": "Consensus",
    "consultations_col_divisiveness": "Divisiveness",
    "consultations_nothing_yet": "No statement has {k} votes yet.",
    "consultations_back_to_vote": "Back to voting",
    "consultations_staff_title": "Consultations",
    "consultations_staff_intro": (
        "Create a consultation, add seed statements, moderate what citizens submit, open and "
        "close it."
    ),
    "consultations_staff_list": "Consultations",
    "consultations_staff_none": "No consultations yet.",
    "consultations_col_title": "Title",
    "consultations_col_status": "Status",
    "consultations_col_votes": "Votes",
    "consultations_col_pending": "To moderate",
    "consultations_new": "New consultation",
    "consultations_field_question": "Question / introduction",
    "consultations_field_unit": "Organising unit (code)",
    "consultations_create": "Create",
    "consultations_staff_counts": "{votes} votes, {people} participants",
    "consultations_open": "Open for votes",
    "consultations_close": "Close",
    "consultations_moderation": "Statements to moderate ({n})",
    "consultations_moderation_none": "Nothing waits for moderation.",
    "consultations_accept": "Accept",
    "consultations_reject": "Reject",
    "consultations_statements": "Accepted statements ({n})",
    "consultations_by_participant": "from a citizen",
    "consultations_add_statement": "Add a seed statement",
    "consultations_add": "Add",
    "consultations_rejected": "Rejected ({n})",
}
