"""Topic-independent sentence frames, by channel and tone (written for this demo).

Frames take {place} (a commune as people write it) and/or {issue} (a topic's noun phrase).
An opener ending in ", " or " " is continued in lower case; otherwise the next part starts
a new sentence.
"""

from __future__ import annotations

NEG, NEU, POS = "negative", "neutral", "positive"

CITIZEN_OPENERS = (
    "Kính gửi UBND {place}, ",
    "Tôi là người dân {place}. ",
    "Xin phản ánh tình hình ở {place}: ",
    "Ở {place} ",
    "Người dân {place} phản ánh: ",
    "Gửi các cơ quan chức năng {place}. ",
    "Khu vực {place} ",
    "Nhà tôi ở {place}, ",
    "Tại {place}, ",
    "Bà con {place} phản ánh: ",
)
CITIZEN_OPENERS_NO_PLACE = {
    NEG: (
        "Xin phản ánh: ",
        "Kính gửi các cơ quan chức năng, ",
        "Mọi người ơi, ",
        "",
        "Bức xúc quá, ",
        "Xin được phản ánh một việc: ",
    ),
    NEU: ("Cho tôi hỏi, ", "Kính gửi các cơ quan chức năng, ", "", "Xin hỏi: "),
    POS: ("", "Xin ghi nhận: ", "Mọi người ơi, "),
}
ISSUE_FRAMES = {
    NEG: (
        "tình trạng {issue} kéo dài nhiều tháng nay mà chưa được xử lý.",
        "{issue} đang làm bà con rất bức xúc.",
        "mấy tuần nay {issue}, bà con rất lo lắng.",
        "chuyện {issue} năm nào cũng phản ánh mà không thấy thay đổi.",
        "{issue} ngày càng nghiêm trọng, ảnh hưởng đến cuộc sống của nhiều hộ dân.",
        "lại {issue}, không biết đến bao giờ mới hết.",
    ),
    NEU: (
        "nhiều người đang bàn tán về {issue}.",
        "bà con muốn biết địa phương có kế hoạch gì với {issue}.",
        "có thông tin về {issue}, mong được giải thích rõ hơn.",
        "tôi muốn hỏi về {issue} vì chưa thấy thông báo chính thức.",
    ),
    POS: (
        "việc xử lý {issue} thời gian qua đã có chuyển biến rõ rệt.",
        "so với năm ngoái, {issue} đã được cải thiện nhiều.",
        "cảm ơn chính quyền đã quan tâm giải quyết {issue}.",
        "bà con ghi nhận nỗ lực khắc phục {issue} của địa phương.",
    ),
}
CLOSINGS = {
    NEG: (
        "Mong sớm được trả lời.",
        "Rất mong chính quyền quan tâm.",
        "Mong các cấp vào cuộc.",
        "",
        "Xin cảm ơn!",
        "Dân chờ lâu lắm rồi.",
    ),
    NEU: ("Xin cảm ơn!", "Trân trọng.", "", "Cảm ơn ạ."),
    POS: ("Xin cảm ơn!", "Mong tiếp tục phát huy.", "Cảm ơn các anh chị cán bộ.", ""),
}
COMMENT_OPENERS = (
    "Ad ơi, ",
    "UBND ơi, ",
    "",
    "",
    "Đồng ý với bài viết, ",
    "Mình ở {place}, ",
    "Chỗ em ở {place} cũng vậy, ",
    "Ở {place} ",
    "Bên {place} ",
)
COMMENT_TAILS = (
    "",
    "",
    "Ai có trách nhiệm thì vào xem đi.",
    "Share cho mọi người cùng biết.",
    "Chán thật sự.",
    "Cảm ơn ad.",
    "Mong được giải quyết sớm.",
)

REPORT_OPENERS = (
    "Qua nắm bắt dư luận tại {place}, {who} phản ánh {issue}.",
    "Dư luận tại {place} quan tâm đến {issue}.",
    "Ghi nhận tại {place}: {who} nêu ý kiến về {issue}.",
    "Trong tuần, tại {place}, {who} bàn tán về {issue}.",
)
REPORT_WHO = (
    "nhiều người dân",
    "một số hộ dân",
    "không ít cử tri",
    "đa số ý kiến",
    "một bộ phận nhân dân",
    "các hộ kinh doanh",
)
REPORT_MOODS = {
    NEG: ("bức xúc", "lo lắng", "hoang mang", "bất bình, thiếu tin tưởng"),
    NEU: ("theo dõi, chờ thông tin chính thức", "bình thường, chưa có biểu hiện phức tạp"),
    POS: ("phấn khởi", "đồng tình, ủng hộ", "tin tưởng vào chính quyền"),
}
REPORT_TITLES = (
    "Báo cáo nhanh dư luận: {label}",
    "Phản ánh về {label_lower} tại {short}",
    "BC tuần – {label}",
    "Tình hình dư luận xã hội – {label_lower}",
)
REPORT_POS_PROPOSAL = "Đề xuất: tiếp tục duy trì, nhân rộng cách làm hiệu quả."

DIALOGUE_FRAMES = (
    "Kính thưa lãnh đạo, tôi ở {place}. {question}",
    "Tôi là cử tri {place}, xin hỏi: {question}",
    "Xin hỏi đồng chí Chủ tịch: {issue} ở {place} bao giờ mới được giải quyết dứt điểm?",
    "Về {issue} ở {place}: {question}",
    "Cho tôi hỏi lãnh đạo {place}: {question}",
)
DIALOGUE_FRAMES_NO_PLACE = (
    "Xin hỏi lãnh đạo: {question}",
    "Cho tôi hỏi: {question}",
    "Về {issue}: {question}",
)
DIALOGUE_TITLES = (
    "Câu hỏi về {label_lower}",
    "Hỏi về {issue}",
    "Câu hỏi gửi chương trình đối thoại",
)

SURVEY_QUESTIONS = (
    "Ông/bà có ý kiến gì về chất lượng dịch vụ công tại địa phương?",
    "Vấn đề nào ở địa phương ông/bà quan tâm nhất hiện nay?",
    "Ông/bà có đề xuất gì với chính quyền?",
    "Ông/bà đánh giá thế nào về đời sống của gia đình trong năm qua?",
)
SURVEY_ISSUE_ANSWERS = {
    NEG: ("Lo nhất là {issue}.", "{issue}, mong chính quyền quan tâm.", "Còn {issue}, chưa ổn."),
    NEU: ("Quan tâm đến {issue}.", "{issue}.", "Muốn biết thêm về {issue}."),
    POS: ("Nhìn chung hài lòng, {issue} đã đỡ hơn.", "Tốt hơn trước, nhất là {issue}."),
}

NEWS_TITLES = (
    "{Place}: người dân phản ánh {issue}",
    "{Place} – {issue} khiến người dân lo lắng",
    "Cần sớm xử lý {issue} tại {place}",
)
NEWS_LEADS = (
    "Thời gian gần đây, tại {place}, {issue} khiến nhiều người dân lo lắng.",
    "Theo phản ánh của người dân {place}, {issue} đang ảnh hưởng đến đời sống hằng ngày.",
    "Chính quyền {place} đang tổng hợp ý kiến của người dân về {issue}.",
)
NEWS_QUOTES = ("Một người dân cho biết: “{line}”", "Bà con kể: “{line}”", "")
NEWS_OFFICIAL = (
    "Đại diện UBND cho biết sẽ kiểm tra và có phương án xử lý trong thời gian sớm nhất.",
    "Cơ quan chức năng đã vào cuộc xác minh.",
    "Lãnh đạo địa phương cho biết đã báo cáo cấp trên và đề xuất giải pháp.",
    "",
)

POST_FRAMES = (
    "📢 THÔNG BÁO: UBND {place} đã tiếp nhận phản ánh về {issue} và đang phối hợp với các ngành "
    "chức năng kiểm tra, xử lý. Mọi ý kiến xin để lại dưới bài viết này.",
    "[THÔNG TIN] Về {issue} trên địa bàn {place}: {line}",
    "Kết quả xử lý phản ánh về {issue} tại {place}: {line} UBND cảm ơn sự đồng hành của bà con.",
    "UBND {place} lấy ý kiến người dân về {issue}. Bà con vui lòng góp ý dưới bình luận.",
)

EN_FRAMES = (
    "Hello, I live in {place}. {line} Please look into it.",
    "{line} ({place})",
    "Does anyone know who to contact about this? {line}",
    "{line} Thank you.",
)
