"""The packaged taxonomy against realistic sentences: what each topic catches and refuses."""

from __future__ import annotations

import pytest

from opiniondesk.analysis.boolean_query import fold
from opiniondesk.analysis.taxonomy import load_taxonomy, parse_taxonomy
from opiniondesk.analysis.topic_rules import TopicRuleClassifier

CLASSIFIER = TopicRuleClassifier(load_taxonomy())


def codes(text: str) -> set[str]:
    return {hit.code for hit in CLASSIFIER.classify(text, fold(text))}


POSITIVE = [
    ("land", "Dự án treo 10 năm, dân chưa được cấp sổ đỏ."),
    ("land", "Đơn giá bồi thường đất nông nghiệp quá thấp so với giá thị trường."),
    ("land", "Đề nghị xem xét lại phương án tái định cư cho các hộ bị giải tỏa."),
    ("land", "Cán bộ địa chính đo sai ranh giới đất nhà tôi."),
    ("environment", "Bãi rác Nam Sơn bốc mùi hôi thối cả tuần nay."),
    ("environment", "Công ty xả thải ra sông khiến cá chết hàng loạt."),
    ("environment", "Khói bụi từ nhà máy xi măng gây ô nhiễm cả khu dân cư."),
    ("disaster", "Sạt lở bờ sông Tiền uy hiếp hàng chục hộ dân."),
    ("disaster", "Mưa lũ làm ngập sâu nhiều tuyến đường ở Huế."),
    ("disaster", "Xâm nhập mặn khiến ruộng lúa khô hạn, thiếu nước tưới."),
    ("disaster", "Cơn bão số 3 đổ bộ gây thiệt hại nặng."),
    ("traffic", "Đường liên xã đầy ổ gà, xuống cấp nghiêm trọng."),
    ("traffic", "Giờ cao điểm ùn tắc kéo dài trên quốc lộ 1A."),
    ("traffic", "Trạm thu phí BOT đặt sai vị trí, tài xế bức xúc."),
    ("health", "Bệnh viện huyện quá tải, bệnh nhân nằm ghép hai người một giường."),
    ("health", "Trạm y tế xã thiếu thuốc và bác sĩ."),
    ("health", "Dịch sốt xuất huyết bùng phát ở khu trọ công nhân."),
    ("food_safety", "Hơn 50 học sinh nhập viện nghi ngộ độc thực phẩm."),
    ("food_safety", "Chợ bán thịt không rõ nguồn gốc, không ai kiểm tra."),
    ("food_safety", "Phát hiện hàn the trong giò chả bán ở chợ."),
    ("education", "Trường thu quá nhiều khoản đầu năm, phụ huynh phản đối lạm thu."),
    ("education", "Học phí đại học tăng mạnh khiến sinh viên lo lắng."),
    ("education", "Điểm trường vùng cao thiếu giáo viên và phòng học."),
    ("prices", "Tiền điện tháng này tăng gấp đôi, không hiểu vì sao."),
    ("prices", "Giá xăng dầu tăng liên tục, đời sống khó khăn."),
    ("prices", "Giá thịt lợn và rau xanh ở chợ tăng giá mạnh sau Tết."),
    ("utilities", "Khu phố bị cúp nước ba ngày liền không báo trước."),
    ("utilities", "Điện chập chờn làm hỏng tủ lạnh của nhiều hộ."),
    ("utilities", "Nước máy có mùi lạ và nước đục, dân không dám dùng."),
    ("jobs", "Công ty nợ lương công nhân ba tháng."),
    ("jobs", "Nhiều người lao động mất việc khi nhà máy đóng cửa."),
    ("jobs", "Thanh niên trong xã khó tìm việc, phải đi xuất khẩu lao động."),
    ("admin_services", "Nộp hồ sơ ở bộ phận một cửa mà bị trễ hẹn ba lần."),
    ("admin_services", "Thủ tục cấp giấy phép xây dựng quá rườm rà."),
    ("admin_services", "Đi làm căn cước cho con phải chờ cả buổi."),
    ("admin_reorg", "Sau sáp nhập xã, người dân phải đi xa hơn để làm giấy tờ."),
    ("admin_reorg", "Tên xã mới khác tên cũ, phải cập nhật địa chỉ trên mọi giấy tờ."),
    ("admin_reorg", "Chính quyền hai cấp vận hành từ 1/7, trụ sở mới ở xa."),
    ("digital_services", "Ứng dụng VNeID không đăng nhập được từ hôm qua."),
    ("digital_services", "Cổng dịch vụ công trực tuyến bị lỗi, hệ thống lỗi liên tục."),
    ("digital_services", "Xã vùng sâu mất sóng điện thoại, không làm được định danh điện tử."),
    ("corruption", "Muốn làm nhanh thì phải có tiền bôi trơn."),
    ("corruption", "Cán bộ xã nhũng nhiễu, gây khó dễ cho dân."),
    ("corruption", "Nghi vấn rút ruột công trình, thất thoát hàng tỷ đồng."),
    ("security", "Trộm cắp xe máy diễn ra thường xuyên ở khu trọ."),
    ("security", "Nhóm thanh niên đánh nhau, gây mất trật tự giữa đêm."),
    ("security", "Tín dụng đen khủng bố đòi nợ, tạt sơn vào nhà dân."),
    ("online_scams", "Có người giả danh công an gọi điện yêu cầu chuyển khoản."),
    ("online_scams", "Tôi bị lừa đảo qua mạng mất 50 triệu vì việc nhẹ lương cao."),
    ("online_scams", "Bấm vào link lạ trong tin nhắn thì mất tiền trong tài khoản."),
    ("welfare", "Gia đình tôi thuộc hộ nghèo mà chưa nhận được trợ cấp."),
    ("welfare", "Thủ tục xét người có công còn chậm, thương binh phải chờ lâu."),
    ("welfare", "Thẻ BHYT của người cao tuổi chưa được cấp lại."),
    ("culture_tourism", "Du khách bị chặt chém giá khi đi thuyền ở khu du lịch."),
    ("culture_tourism", "Di tích lịch sử xuống cấp, không được bảo tồn."),
    ("culture_tourism", "Nhà văn hóa thôn bỏ hoang, thanh niên không có sân chơi."),
    ("agriculture", "Nông dân trồng thanh long được mùa mất giá."),
    ("agriculture", "Dịch tả heo châu Phi làm người chăn nuôi điêu đứng."),
    ("agriculture", "Ngư dân lo tàu cá bị phạt vì thẻ vàng IUU."),
    ("housing", "Chung cư cũ nứt tường, thang máy hỏng liên tục."),
    ("housing", "Chủ đầu tư chậm bàn giao nhà cho khách hàng."),
    ("housing", "Nhà trọ công nhân không có phòng cháy chữa cháy."),
]


@pytest.mark.parametrize(("code", "text"), POSITIVE)
def test_topic_catches_realistic_sentence(code: str, text: str) -> None:
    assert code in codes(text)


def test_every_topic_has_three_examples() -> None:
    taxonomy = load_taxonomy()
    counts = {t.code: 0 for t in taxonomy if t.query is not None}
    for code, _ in POSITIVE:
        counts[code] += 1
    assert min(counts.values()) >= 3, counts


NEGATIVE = [
    ("disaster", "Phim 'Sạt lở' ra rạp tuần này, cảnh lũ quét rất chân thực."),
    ("disaster", "Cơn bão giá cuối năm khiến người tiêu dùng thắt chặt chi tiêu."),
    ("disaster", "Lũ trẻ trong xóm chơi đùa ở sân đình."),
    ("security", "Game bắn súng có cảnh trộm cắp và cướp ngân hàng."),
    ("security", "Có người đổ trộm rác ra bờ kênh."),
    ("corruption", "Em có nhiều suy nghĩ tiêu cực sau kỳ thi."),
    ("admin_reorg", "Hai ngân hàng thương mại chuẩn bị sáp nhập ngân hàng."),
    ("digital_services", "Giáo viên giúp học sinh ứng dụng kiến thức vào đời sống."),
    ("jobs", "Kho lương thực của tỉnh đủ cho mùa mưa."),
    ("land", "Trái đất đang nóng lên từng ngày."),
    ("online_scams", "Thanh toán bằng chuyển khoản rất tiện ở cửa hàng này."),
]


@pytest.mark.parametrize(("code", "text"), NEGATIVE)
def test_topic_refuses_look_alike(code: str, text: str) -> None:
    assert code not in codes(text)


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("disaster", "sat lo bo song lam sap 3 can nha"),
        ("prices", "tien dien thang nay tang qua, gia dien kieu gi vay"),
        ("corruption", "can bo xa nhung nhieu, doi tien boi tron"),
        ("online_scams", "co nguoi gia danh cong an goi dien lua dao"),
    ],
)
def test_text_without_diacritics(code: str, text: str) -> None:
    assert code in codes(text)


def test_a_document_can_have_several_topics_and_none_is_empty() -> None:
    assert {"disaster", "traffic"} <= codes("Sạt lở làm hư hỏng mặt đường quốc lộ 6.")
    assert CLASSIFIER.classify("Hôm nay trời đẹp.", "hom nay troi dep.") == []


def test_hit_explains_itself_and_names_the_rule() -> None:
    [hit] = [
        h for h in CLASSIFIER.classify("Sạt lở bờ sông, lở đất vùi nhà", "") if h.code == "disaster"
    ]
    assert hit.source == "rule:disaster"
    # "sạt lở" only occurs inside "sạt lở bờ sông": one piece of evidence, listed once.
    assert hit.explanation == 'khớp: "lở đất", "sạt lở bờ sông"'
    assert hit.score == 0.8


def test_nested_phrases_count_once() -> None:
    taxonomy = parse_taxonomy(
        "topics:\n  - {code: t, label_vi: T, label_en: T, query: 'lở OR \"sạt lở\"'}\n"
    )
    [hit] = TopicRuleClassifier(taxonomy).classify("Sạt lở nghiêm trọng")
    assert hit.phrases == ("sạt lở",)
    assert hit.score == 0.6


def test_inactive_and_query_less_topics_are_never_assigned() -> None:
    taxonomy = parse_taxonomy(
        "topics:\n"
        "  - {code: a, label_vi: A, label_en: A, query: lũ, active: false}\n"
        "  - {code: b, label_vi: B, label_en: B}\n"
    )
    assert TopicRuleClassifier(taxonomy).classify("lũ về", "lu ve") == []
