"""Builds tests/data/claims_labelled.jsonl: hand-written posts and comments about ten claims.

Run once (`.venv/bin/python tests/claims/build_claims_fixture.py`) and commit the output; the
tests and `bench/claims.py` read the JSONL, not this script. Every text was written for
opiniondesk (none is copied). Claims are invented rumours of the kind a local office meets.

Each post belongs to one claim and is of one kind:
  repeat      repeats the claim in (nearly) its own words          match = true
  paraphrase  asserts the claim in other words                     match = true
  question    spreads the claim as hearsay ("có thật không?")      match = true
  deny        refutes or corrects the claim                        match = false
  topic       same topic, a different statement (hard negative)    match = false
  unrelated   another subject altogether                           match = false
A denial is not a match: the desk tracks whether people keep *repeating* a claim, and an
official correction being shared must not count as the rumour spreading. Posts typed without
diacritics (often with teencode) are written that way here, as people type them.

Each line: {"id", "claim_id", "claim", "text", "kind", "match", "diacritics", "split"}.
`split` alternates tune/test within each claim and kind, so both halves hold every kind.
Evaluation scores every post against EVERY claim: a pair with another claim is a negative.
"""

from __future__ import annotations

import json
from pathlib import Path

from opiniondesk.text.normalize import has_diacritics

OUT = Path(__file__).resolve().parents[1] / "data" / "claims_labelled.jsonl"
MATCHING_KINDS = frozenset({"repeat", "paraphrase", "question"})
KINDS = ("repeat", "paraphrase", "question", "deny", "topic", "unrelated")

CLAIMS: dict[str, tuple[str, dict[str, list[str]]]] = {
    "c01": (
        "Cả khu phố ven sông sẽ bị giải tỏa trắng vào tháng sau để làm dự án.",
        {
            "repeat": [
                "Mọi người ơi, nghe bảo cả khu phố ven sông sẽ bị giải tỏa trắng vào tháng sau "
                "để làm dự án, nhà nào cũng phải dọn đi hết.",
                "Tin nóng: cả khu phố ven sông bị giải tỏa trắng từ tháng sau, chuẩn bị tinh "
                "thần đi bà con ơi.",
                "Khu phố ven sông sắp bị giải tỏa trắng tháng sau rồi, nhà tôi ở đây ba đời giờ "
                "biết đi đâu.",
                "ca khu pho ven song se bi giai toa trang vao thang sau de lam du an, ai co nha "
                "o do lo di la vua",
                "nghe noi thang sau giai toa trang ca khu ven song, ko con nha nao dc giu lai",
                "Chia sẻ cho bà con khu ven sông biết: tháng sau giải tỏa trắng toàn bộ khu phố "
                "để làm dự án, không chừa nhà nào.",
                "Hàng xóm nhắn nhau ầm ầm là khu phố ven sông bị giải tỏa trắng vào tháng tới, "
                "ai cũng lo sốt vó.",
                "khu pho ven song thang sau bi giai toa trang het roi, chuan bi don nha thoi "
                "moi nguoi",
            ],
            "paraphrase": [
                "Dân ở dọc bờ sông chuẩn bị mà dọn đi, tháng tới người ta ủi sạch cả dãy nhà để "
                "lấy đất làm dự án.",
                "Toàn bộ nhà cửa hai bên bờ sông sắp bị san phẳng, nghe đâu đầu tháng tới là bắt "
                "đầu phá dỡ.",
                "Người ta sắp thu hồi hết đất của mấy trăm hộ sát mép sông, không để lại căn "
                "nào, chỉ còn vài tuần nữa thôi.",
                "Bên phường chuẩn bị di dời toàn bộ dân xóm bờ sông trong tháng tới để giao mặt "
                "bằng cho chủ đầu tư.",
                "xom bo song sap bi dap di het, thang toi la xe ui vao, ko ai dc o lai",
                "Cả dãy nhà ven sông sẽ bị xóa sổ để làm khu đô thị, tháng sau là đuổi hết dân đi.",
            ],
            "question": [
                "Có ai biết thật không, nghe nói khu phố ven sông tháng sau bị giải tỏa trắng?",
                "Xin hỏi phường: có đúng là cả khu ven sông sẽ bị giải tỏa trắng vào tháng sau "
                "không ạ? Bà con đang rất hoang mang.",
                "nha minh o ven song, nghe tin thang sau giai toa trang ca khu, co that ko moi "
                "nguoi?",
            ],
            "deny": [
                "UBND phường khẳng định thông tin cả khu phố ven sông sẽ bị giải tỏa trắng vào "
                "tháng sau là sai sự thật, đề nghị người dân không chia sẻ.",
                "Đính chính: không có chuyện giải tỏa trắng khu phố ven sông như tin đồn trên "
                "mạng. Dự án kè chỉ thu hồi một phần diện tích.",
                "Tin giải tỏa trắng khu ven sông là tin đồn thất thiệt, phường đã bác bỏ rồi, "
                "mọi người đừng hoang mang.",
                "Cán bộ phường vừa họp tổ dân phố, nói rõ khu ven sông không bị giải tỏa trắng, "
                "chỉ có 12 hộ sát bờ phải di dời.",
                "dung tin may cai tin giai toa trang khu ven song nha, phuong noi la bia dat het",
            ],
            "topic": [
                "Khu phố ven sông sẽ được kè chống sạt lở vào tháng sau, người dân mong công "
                "trình làm nhanh.",
                "Giá đền bù đất ven sông quá thấp so với giá thị trường, đề nghị xem xét lại "
                "phương án bồi thường.",
                "Khu tái định cư cho các hộ dân di dời do dự án kè sông chậm bàn giao gần một năm.",
                "Phường tổ chức đối thoại với 12 hộ dân bị ảnh hưởng bởi dự án kè sông về đơn "
                "giá bồi thường.",
                "Đề nghị công khai quy hoạch chi tiết khu vực ven sông để người dân yên tâm sửa "
                "nhà.",
                "Tháng sau phường ra quân dọn dẹp rác thải dọc bờ sông, mời bà con tham gia.",
                "Nhà tôi ở ven sông bị lấn chiếm lối đi, báo mấy lần chưa thấy xử lý.",
                "Dự án treo ven sông mười năm nay, người dân không được xây sửa nhà, đất thì "
                "không bán được.",
            ],
            "unrelated": [
                "Đèn đường ở tổ 5 hỏng cả tuần nay, tối đi lại rất nguy hiểm.",
                "Chợ phường mới sửa xong, sạch sẽ thoáng mát hơn nhiều, cảm ơn chính quyền.",
            ],
        },
    ),
    "c02": (
        "Tiêm vắc xin sởi ở trường học khiến trẻ bị vô sinh.",
        {
            "repeat": [
                "Các mẹ cẩn thận, tiêm vắc xin sởi ở trường học khiến trẻ bị vô sinh đấy, em "
                "không cho con tiêm đâu.",
                "Đọc trên nhóm phụ huynh thấy bảo vắc xin sởi tiêm ở trường gây vô sinh cho trẻ, "
                "sợ quá.",
                "tiem vac xin soi o truong hoc lam tre bi vo sinh, may chi em dung cho con tiem "
                "nha",
                "Vắc xin sởi tiêm cho học sinh gây vô sinh, ai có con nhỏ thì tìm hiểu kỹ trước "
                "khi ký giấy đồng ý.",
                "Nghe nói tiêm sởi ở trường xong bọn trẻ sau này bị vô sinh, nhà trường vẫn bắt "
                "tiêm là sao?",
                "vac xin soi gay vo sinh o tre, truong cu bat tiem, phu huynh phai tu bao ve con "
                "minh thoi",
                "Cảnh báo: vắc xin sởi tiêm tại trường có chất gây vô sinh cho trẻ em, hãy chia "
                "sẻ cho các bố mẹ.",
                "Mấy bà trong xóm rủ nhau không cho con tiêm sởi ở trường vì sợ vô sinh sau này.",
            ],
            "paraphrase": [
                "Mũi tiêm phòng sởi nhà trường tổ chức sẽ làm bọn trẻ mất khả năng có con khi "
                "lớn, đừng ký đồng ý.",
                "Thuốc tiêm ở trường cho tụi nhỏ có thành phần triệt sản, sau này con cái không "
                "sinh đẻ được.",
                "Con gái tiêm phòng sởi ở lớp xong sau này khó có con, người quen làm y tá kể thế.",
                "Đợt tiêm chủng ở trường tiểu học là để làm trẻ mất khả năng sinh sản, thông tin "
                "đang lan khắp các nhóm phụ huynh.",
                "tiem phong o truong xong tre lon len ko sinh con dc, ai con dam cho con di tiem",
                "Chích ngừa sởi ở trường sẽ làm hỏng chức năng sinh sản của trẻ, nhiều phụ "
                "huynh đã từ chối.",
            ],
            "question": [
                "Có đúng là tiêm vắc xin sởi ở trường làm trẻ vô sinh không các bác sĩ ơi?",
                "Cho em hỏi, nghe nói tiêm sởi ở trường gây vô sinh, thật hay đồn vậy ạ?",
                "vac xin soi o truong gay vo sinh that ko vay moi nguoi, mai con em tiem roi",
            ],
            "deny": [
                "Sở Y tế khẳng định thông tin vắc xin sởi gây vô sinh là hoàn toàn sai sự thật, "
                "vắc xin đã được dùng an toàn nhiều năm.",
                "Bác sĩ trạm y tế giải thích: vắc xin sởi không gây vô sinh, phụ huynh đừng tin "
                "tin đồn trên mạng.",
                "Tin vắc xin sởi làm trẻ vô sinh là tin giả, đã bị cơ quan chức năng bác bỏ.",
                "Không có chuyện tiêm sởi ở trường làm trẻ vô sinh, các mẹ yên tâm cho con đi "
                "tiêm đúng lịch.",
                "bac si noi ro roi, vac xin soi ko gay vo sinh, dung lan truyen tin nham nua",
            ],
            "topic": [
                "Trạm y tế phường thông báo lịch tiêm bổ sung vắc xin sởi cho trẻ từ 1 đến 5 "
                "tuổi vào thứ bảy này.",
                "Con tôi tiêm vắc xin sởi ở trường về bị sốt nhẹ, nhà trường có hướng dẫn theo "
                "dõi rất chu đáo.",
                "Đề nghị nhà trường thông báo sớm lịch tiêm vắc xin để phụ huynh sắp xếp đưa con "
                "đi.",
                "Trạm y tế xã thiếu vắc xin sởi, phụ huynh phải đưa con lên huyện tiêm dịch vụ "
                "rất tốn kém.",
                "Số ca mắc sởi ở trẻ em đang tăng, đề nghị đẩy nhanh chiến dịch tiêm vắc xin tại "
                "trường học.",
                "Tiêm vắc xin sởi ở trường học diễn ra an toàn, hơn 95% học sinh đã được tiêm đủ "
                "mũi.",
                "Phụ huynh phản ánh phòng tiêm ở trường quá chật, trẻ phải chờ lâu.",
                "Vô sinh hiếm muộn đang tăng ở người trẻ, bệnh viện tỉnh mở thêm khoa hỗ trợ "
                "sinh sản.",
            ],
            "unrelated": [
                "Mương thoát nước trước cổng trường tắc nghẽn, mưa xuống là ngập.",
                "Xe chở cát chạy qua khu dân cư gây bụi mù mịt suốt ngày.",
            ],
        },
    ),
    "c03": (
        "Từ đầu năm sau xe máy trên 10 năm tuổi sẽ bị cấm lưu thông.",
        {
            "repeat": [
                "Từ đầu năm sau xe máy trên 10 năm tuổi sẽ bị cấm lưu thông, nhà ai còn xe cũ "
                "thì bán sớm đi.",
                "Xe máy trên 10 năm bị cấm chạy từ đầu năm sau rồi, con Wave của tôi mua năm "
                "2012 coi như bỏ.",
                "tu dau nam sau xe may tren 10 nam tuoi bi cam luu thong, dan lao dong ngheo lay "
                "gi ma di lam",
                "Thông tin mới: cấm lưu thông xe máy quá 10 năm tuổi kể từ đầu năm sau, áp dụng "
                "cả nước.",
                "xe may tren 10 nam sap bi cam roi, ai co xe cu ban nhanh ko mat gia",
                "Nghe bảo sang năm xe máy nào trên 10 năm tuổi cũng bị cấm lưu thông, người "
                "nghèo chết dở.",
                "Đầu năm sau cấm xe máy trên 10 năm tuổi, chủ tiệm sửa xe đầu ngõ bảo thế.",
                "Xe máy quá 10 năm tuổi sẽ bị cấm lưu thông từ năm sau, bà con lao động tự do lo "
                "lắng lắm.",
            ],
            "paraphrase": [
                "Xe cũ mua từ hơn chục năm trước sang năm không được chạy ngoài đường nữa, phải "
                "bỏ đi mua xe mới.",
                "Năm tới công an sẽ thu hết xe gắn máy đời cũ quá một thập kỷ, không cho ra đường.",
                "Mấy chiếc xe máy đời 2010 trở về trước sẽ bị loại bỏ hoàn toàn từ tháng một năm "
                "tới.",
                "xe doi cu hon chuc nam sang nam ko dc chay nua, phai ban sat vun thoi",
                "Quy định mới bắt loại bỏ xe gắn máy đã dùng quá mười năm, hết năm nay là không "
                "được đi.",
                "Người dùng xe máy cũ hơn mười năm sắp phải bỏ xe, vì từ tháng 1 sẽ không được "
                "chạy trên đường nữa.",
            ],
            "question": [
                "Có thật từ đầu năm sau xe máy trên 10 năm tuổi bị cấm lưu thông không mọi người?",
                "Cho hỏi xe máy trên 10 năm có bị cấm chạy từ năm sau như trên mạng nói không ạ?",
                "xe may cua bo em 12 nam tuoi, nghe noi nam sau cam luu thong, co dung ko a?",
            ],
            "deny": [
                "Cục Cảnh sát giao thông khẳng định không có quy định cấm xe máy trên 10 năm tuổi "
                "lưu thông từ đầu năm sau.",
                "Thông tin cấm xe máy trên 10 năm tuổi là sai sự thật, hiện chỉ có lộ trình "
                "kiểm định khí thải.",
                "Đính chính tin đồn: xe máy cũ trên 10 năm không bị cấm lưu thông, người dân "
                "không cần bán xe.",
                "Tin cấm xe máy quá 10 năm tuổi là bịa đặt, đừng để bị dân buôn xe cũ ép giá.",
                "khong co chuyen cam xe may tren 10 nam dau, tin vit ca, ai ban xe roi thi tiec "
                "lam",
            ],
            "topic": [
                "Thành phố đề xuất lộ trình kiểm định khí thải xe máy từ năm 2027, bắt đầu với "
                "xe đăng ký trước năm 2008.",
                "Hỗ trợ 3 triệu đồng cho người đổi xe máy cũ sang xe điện, đăng ký tại phường.",
                "Xe máy cũ xả khói đen mù mịt trên đường, đề nghị tăng kiểm tra khí thải.",
                "Phạt không đội mũ bảo hiểm từ đầu năm sau tăng lên, bà con nhớ chấp hành.",
                "Bãi giữ xe máy ở chợ thu phí quá cao, 10 nghìn một lượt.",
                "Tuyến đường mới mở cấm xe tải trên 10 tấn lưu thông giờ cao điểm, người dân "
                "đồng tình.",
                "Đề nghị có chính sách thu mua xe máy cũ nát để giảm ô nhiễm, nhưng phải hỗ trợ "
                "người nghèo.",
                "Xe máy cũ của tôi đi đăng kiểm khí thải thử nghiệm đạt yêu cầu, thủ tục khá "
                "nhanh.",
            ],
            "unrelated": [
                "Trường mầm non khu phố 3 xuống cấp, mái tôn dột khi mưa.",
                "Giá rau ở chợ tăng mạnh sau đợt mưa bão.",
            ],
        },
    ),
    "c04": (
        "Trường tiểu học của xã sẽ bị sáp nhập, học sinh phải sang học ở xã bên.",
        {
            "repeat": [
                "Trường tiểu học của xã sẽ bị sáp nhập, học sinh phải sang học ở xã bên, đường "
                "xa hơn chục cây số.",
                "Nghe tin trường tiểu học xã mình bị sáp nhập, bọn trẻ phải sang xã bên học, phụ "
                "huynh lo lắm.",
                "truong tieu hoc xa minh sap bi sap nhap roi, hoc sinh phai sang xa ben hoc, dua "
                "don sao noi",
                "Năm học tới trường tiểu học xã bị sáp nhập, học sinh đi học ở xã bên, ai cũng "
                "bức xúc.",
                "Sáp nhập trường tiểu học xã này vào trường xã bên, học sinh phải chuyển hết "
                "sang đó học.",
                "truong tieu hoc bi sap nhap, tre con phai qua xa ben hoc, nha xa truong gap doi",
                "Trường tiểu học của xã sắp sáp nhập với trường xã bên, con em mình phải đi học "
                "xa, mong xã xem lại.",
                "Họp phụ huynh nghe bàn tán trường tiểu học xã sẽ bị sáp nhập và học sinh sang "
                "học ở xã bên.",
            ],
            "paraphrase": [
                "Sang năm điểm trường ở thôn mình đóng cửa, tụi nhỏ lớp 1 đến lớp 5 phải đạp xe "
                "sang trường của xã láng giềng.",
                "Xã mình không còn trường cấp một riêng nữa, gộp hết vào trường bên kia sông.",
                "Bọn trẻ cấp một sắp phải đi học tận xã khác vì trường làng bị gộp, phụ huynh ai "
                "cũng lo.",
                "nam toi truong cap 1 cua xa dong cua, gop vao truong xa ke ben, tre phai di xa",
                "Trường làng bị xóa tên để gộp với trường xã kế bên, học sinh nhỏ phải đi học "
                "thêm gần chục cây.",
                "Thôn tôi sắp mất trường tiểu học, các cháu sẽ phải đi học tận xã hàng xóm.",
            ],
            "question": [
                "Trường tiểu học của xã có bị sáp nhập không ạ? Nghe nói học sinh phải sang học "
                "ở xã bên.",
                "Xin hỏi phòng giáo dục, có đúng năm tới học sinh tiểu học xã mình phải sang xã "
                "bên học không?",
                "truong tieu hoc xa minh co bi sap nhap that ko, hoc sinh co phai sang xa ben "
                "hoc ko vay?",
            ],
            "deny": [
                "UBND xã thông tin: trường tiểu học của xã không bị sáp nhập, học sinh vẫn học "
                "tại trường cũ.",
                "Phòng Giáo dục khẳng định không có chủ trương chuyển học sinh tiểu học sang học "
                "ở xã bên, tin đồn là sai.",
                "Đính chính: việc sắp xếp chỉ gộp bộ máy quản lý, các điểm trường tiểu học vẫn "
                "giữ nguyên, học sinh không phải đi học xa.",
                "Tin trường tiểu học xã bị sáp nhập và học sinh phải sang xã bên là thông tin "
                "sai, phụ huynh yên tâm.",
                "hieu truong noi ro roi, truong ko sap nhap, hoc sinh ko phai sang xa ben, dung "
                "nghe tin don",
            ],
            "topic": [
                "Trường tiểu học của xã xuống cấp, phòng học dột nát, đề nghị sửa chữa trước năm "
                "học mới.",
                "Sau sáp nhập xã, trụ sở UBND xã mới cách nhà dân quá xa, làm thủ tục rất vất vả.",
                "Đề nghị bố trí xe đưa đón học sinh tiểu học ở các thôn vùng sâu.",
                "Trường tiểu học thiếu giáo viên tiếng Anh, học sinh khối 3 cả học kỳ không có "
                "tiết.",
                "Học sinh trường tiểu học xã bên được học bán trú, mong xã mình cũng có.",
                "Các khoản thu đầu năm học ở trường tiểu học quá nhiều, phụ huynh khó khăn.",
                "Việc sáp nhập các xã đã hoàn thành, người dân mong bộ máy mới giải quyết hồ sơ "
                "nhanh hơn.",
                "Cổng trường tiểu học không có đèn tín hiệu, giờ tan học xe cộ rất nguy hiểm cho "
                "học sinh.",
            ],
            "unrelated": [
                "Đoạn đê bao ấp 4 bị sụt lún, cần gia cố trước mùa lũ.",
                "Đề nghị thu gom rác đúng giờ, rác để qua đêm chó mèo bới tung.",
            ],
        },
    ),
    "c05": (
        "Đập thủy điện ở thượng nguồn đã bị vỡ, nước lũ sắp tràn về thành phố.",
        {
            "repeat": [
                "Khẩn cấp: đập thủy điện ở thượng nguồn đã bị vỡ, nước lũ sắp tràn về thành phố, "
                "mọi người di chuyển lên chỗ cao ngay.",
                "Đập thủy điện thượng nguồn vỡ rồi, nước lũ đang tràn về thành phố, chia sẻ gấp "
                "cho người thân.",
                "dap thuy dien thuong nguon bi vo roi, nuoc lu sap tran ve thanh pho, so tan gap "
                "di moi nguoi",
                "Vỡ đập thủy điện ở thượng nguồn, lũ sắp tràn về thành phố trong đêm nay, nhà "
                "tôi đang kê đồ lên cao.",
                "Người quen ở trên huyện báo đập thủy điện vỡ, nước lũ sắp tràn xuống thành phố.",
                "vo dap thuy dien roi ba con oi, nuoc lu ve toi noi, chay len cao ngay",
                "Tin từ thượng nguồn: đập thủy điện đã vỡ, nước lũ chuẩn bị tràn về thành phố, "
                "ai ở vùng trũng đi ngay.",
                "Thủy điện phía trên vỡ đập rồi, lũ sắp đổ về thành phố, cả xóm đang chạy loạn.",
            ],
            "paraphrase": [
                "Hồ chứa trên núi sập rồi, cả một biển nước đang ào xuống, vài tiếng nữa trung "
                "tâm thành phố ngập hết.",
                "Con đập trên đầu nguồn không giữ nổi nước nữa, đã toác ra, khu dưới xuôi sắp "
                "chìm trong nước.",
                "Đập ngăn sông phía trên đã vỡ toang, sóng nước đang cuồn cuộn đổ về phố.",
                "dap tren nguon sap toang roi, nuoc dang do xuong, dan duoi xuoi chay di",
                "Công trình thủy điện trên thượng lưu bị sập, nước từ hồ chứa đổ ào ào về nội "
                "thành.",
                "Hồ thủy điện đầu nguồn đã vỡ bờ, dòng nước khổng lồ sắp nhấn chìm thành phố.",
            ],
            "question": [
                "Có ai biết đập thủy điện thượng nguồn vỡ thật không? Thấy mọi người chia sẻ "
                "nước lũ sắp tràn về thành phố.",
                "Xin hỏi ban chỉ huy phòng chống thiên tai: có đúng đập thủy điện bị vỡ và lũ "
                "sắp về thành phố không?",
                "dap thuy dien vo that ha moi nguoi, nuoc lu sap ve thanh pho thiet ko?",
            ],
            "deny": [
                "Ban Chỉ huy phòng chống thiên tai khẳng định đập thủy điện vẫn an toàn, thông "
                "tin vỡ đập là sai sự thật.",
                "Công ty thủy điện bác bỏ tin đồn vỡ đập, hồ chỉ đang xả điều tiết theo đúng "
                "quy trình.",
                "Đập không vỡ, nước lũ về thành phố là do mưa lớn và xả lũ có thông báo trước, "
                "người dân đừng hoang mang.",
                "Tin vỡ đập thủy điện là bịa đặt, người tung tin sẽ bị xử lý theo pháp luật.",
                "dap thuy dien ko he vo nha, chi xa lu dieu tiet thoi, dung share tin gia",
            ],
            "topic": [
                "Thủy điện thượng nguồn thông báo xả lũ điều tiết từ 14 giờ chiều nay, người dân "
                "vùng hạ du chú ý.",
                "Mưa lớn kéo dài, nước sông lên nhanh, một số tuyến đường trong thành phố đã "
                "ngập sâu.",
                "Đề nghị kiểm tra an toàn đập thủy điện trước mùa mưa bão và công khai kết quả.",
                "Lũ năm nay về sớm, hoa màu ven sông mất trắng, người dân cần hỗ trợ giống.",
                "Thành phố sơ tán hơn 300 hộ dân vùng trũng để phòng lũ, các điểm trú tránh đã "
                "sẵn sàng.",
                "Thủy điện xả lũ không báo trước làm ngập nhà dân hạ du, đề nghị làm rõ trách "
                "nhiệm.",
                "Đê kè ven sông bị sạt lở sau trận lũ, cần sửa chữa gấp.",
                "Cảnh báo mưa lớn ở thượng nguồn trong ba ngày tới, nguy cơ lũ quét và sạt lở đất.",
            ],
            "unrelated": [
                "Tiếng karaoke hàng xóm hát đến nửa đêm, báo tổ trưởng mà không ai nhắc nhở.",
                "Công viên trung tâm thiếu ghế ngồi và nhà vệ sinh công cộng.",
            ],
        },
    ),
    "c06": (
        "Sau khi sáp nhập tỉnh, người dân bắt buộc phải làm lại sổ đỏ và nộp phí, nếu không sẽ "
        "bị phạt.",
        {
            "repeat": [
                "Sau khi sáp nhập tỉnh, người dân bắt buộc phải làm lại sổ đỏ và nộp phí, nếu "
                "không sẽ bị phạt, ai chưa làm thì nhanh lên.",
                "Sáp nhập tỉnh xong phải đi làm lại sổ đỏ, mất phí mấy triệu, không làm là bị "
                "phạt đấy.",
                "sau sap nhap tinh bat buoc lam lai so do, nop phi, ko lam bi phat, dan lai kho",
                "Bà con lưu ý: do sáp nhập tỉnh nên sổ đỏ cũ hết giá trị, phải làm lại và đóng "
                "phí, chậm là bị phạt.",
                "Nghe cán bộ thôn nói sau sáp nhập ai cũng phải đổi sổ đỏ mới, nộp lệ phí, không "
                "đổi sẽ bị xử phạt.",
                "lai phai lam lai so do vi sap nhap tinh, ton them phi, ko lam thi bi phat, that "
                "kho hieu",
                "Sáp nhập tỉnh rồi bắt dân làm lại sổ đỏ, thu phí rồi phạt nếu không làm, quá vô "
                "lý.",
                "Người dân phải làm lại sổ đỏ sau khi sáp nhập tỉnh và nộp phí, không thì bị "
                "phạt hành chính.",
            ],
            "paraphrase": [
                "Địa giới đổi rồi nên giấy chứng nhận quyền sử dụng đất cũ không còn dùng được, "
                "phải cấp lại mất tiền, trễ hạn là bị xử lý.",
                "Tỉnh mới thành lập nên mọi giấy tờ đất phải đổi sang tên đơn vị mới, tốn lệ "
                "phí, ai không đổi bị phạt tiền.",
                "Giấy tờ nhà đất ghi tên tỉnh cũ sẽ vô hiệu, dân phải đi cấp đổi và đóng tiền, "
                "quá hạn là phạt.",
                "so hong so do ghi dia chi cu se ko con gia tri, phai doi het va mat tien, de "
                "lau bi phat",
                "Chủ đất phải đi đổi giấy chứng nhận vì gộp tỉnh, mỗi bộ hồ sơ mất vài triệu lệ "
                "phí, không đi là bị phạt.",
                "Vì gộp tỉnh nên ai đang cầm sổ đỏ đều phải nộp tiền xin cấp mới, chậm trễ sẽ bị "
                "phạt.",
            ],
            "question": [
                "Sau sáp nhập tỉnh có bắt buộc làm lại sổ đỏ và nộp phí không ạ? Nghe nói không "
                "làm là bị phạt.",
                "Cho hỏi có phải đổi sổ đỏ sau khi sáp nhập tỉnh không, mất bao nhiêu phí, có bị "
                "phạt không?",
                "sap nhap tinh roi co phai lam lai so do ko moi nguoi, nghe noi ko lam bi phat",
            ],
            "deny": [
                "Sở Tài nguyên và Môi trường khẳng định người dân không phải làm lại sổ đỏ sau "
                "sáp nhập tỉnh, giấy chứng nhận đã cấp vẫn có giá trị.",
                "Không có quy định bắt buộc đổi sổ đỏ do sáp nhập tỉnh, càng không có chuyện "
                "phạt, đề nghị người dân cảnh giác với kẻ xấu thu tiền.",
                "Thông tin phải làm lại sổ đỏ và nộp phí sau sáp nhập là sai sự thật, sổ cũ vẫn "
                "dùng bình thường.",
                "Cảnh báo lừa đảo: có đối tượng giả cán bộ địa chính thu phí đổi sổ đỏ sau sáp "
                "nhập, thực tế không có quy định này.",
                "so do cu van con gia tri nha ba con, ko phai lam lai, ko co phat gi het, tin don "
                "sai",
            ],
            "topic": [
                "Thủ tục cấp sổ đỏ lần đầu ở xã kéo dài quá lâu, hồ sơ nộp từ đầu năm vẫn chưa "
                "có kết quả.",
                "Sau sáp nhập tỉnh, người dân cần cập nhật địa chỉ trên căn cước khi có nhu cầu, "
                "không bắt buộc đổi ngay.",
                "Đề nghị hướng dẫn rõ thủ tục sang tên sổ đỏ ở trung tâm hành chính công của "
                "tỉnh mới.",
                "Phí trước bạ khi chuyển nhượng đất quá cao, người dân khó khăn.",
                "Sáp nhập tỉnh làm tên đơn vị trên bản đồ thay đổi, nhiều người già chưa quen "
                "địa chỉ mới.",
                "Người dân phản ánh bị phạt vì xây nhà trên đất nông nghiệp, đề nghị hướng dẫn "
                "chuyển mục đích sử dụng.",
                "Cán bộ địa chính xã nhiệt tình hướng dẫn làm sổ đỏ, hồ sơ của tôi được giải "
                "quyết đúng hẹn.",
                "Cần số hóa hồ sơ đất đai để người dân tra cứu sổ đỏ trực tuyến sau khi sáp nhập.",
            ],
            "unrelated": [
                "Nước sinh hoạt bị cúp ba ngày liền mà không có thông báo.",
                "Sân bóng của thôn bị chiếm làm bãi tập kết vật liệu xây dựng.",
            ],
        },
    ),
    "c07": (
        "Điện lực sẽ cắt điện toàn thành phố liên tục 3 ngày để bảo trì.",
        {
            "repeat": [
                "Điện lực sẽ cắt điện toàn thành phố liên tục 3 ngày để bảo trì, mọi người sạc "
                "pin và trữ nước sẵn đi.",
                "Thông báo gấp: cắt điện toàn thành phố 3 ngày liên tục để bảo trì lưới điện, "
                "bắt đầu từ thứ hai.",
                "dien luc cat dien toan thanh pho 3 ngay lien de bao tri, nha co do dong lanh lo "
                "di",
                "Nghe nói sắp cúp điện cả thành phố ba ngày liền để bảo trì, quán tôi chắc phải "
                "nghỉ bán.",
                "Cả thành phố sẽ mất điện 3 ngày liên tục vì điện lực bảo trì, chị em nhớ mua "
                "máy phát.",
                "cup dien toan thanh pho 3 ngay lien tuc de bao tri, ai can thi mua den tich "
                "dien di",
                "Tuần sau điện lực cắt điện toàn thành phố ba ngày để bảo trì, trường học cũng "
                "nghỉ.",
                "Bên điện lực chuẩn bị cắt điện liên tục 3 ngày toàn thành phố, nói là để bảo trì "
                "đường dây.",
            ],
            "paraphrase": [
                "Tuần tới cả nội thành tối om ba ngày ba đêm vì ngành điện sửa chữa, ai có máy "
                "phát thì chuẩn bị.",
                "Sắp tới toàn thành phố không có điện suốt 72 tiếng để nâng cấp trạm biến áp.",
                "Mấy ngày tới cả phố sẽ mất điện không ngừng suốt ba hôm, bên điện sửa đường dây.",
                "toan tp mat dien 72 tieng lien, nganh dien sua tram, lo du tru nuoc uong",
                "Ngành điện sắp ngừng cấp điện cho toàn bộ các phường trong ba ngày liền để làm "
                "lưới mới.",
                "Cả thành phố chuẩn bị chịu cảnh không điện suốt ba ngày, nghe đâu thay máy biến "
                "áp lớn.",
            ],
            "question": [
                "Có đúng là điện lực sẽ cắt điện toàn thành phố 3 ngày liên tục không ạ?",
                "Ai biết thông tin cắt điện cả thành phố ba ngày để bảo trì là thật hay giả không?",
                "cat dien toan thanh pho 3 ngay that ko vay moi nguoi, nha em co nguoi gia",
            ],
            "deny": [
                "Công ty Điện lực khẳng định không có kế hoạch cắt điện toàn thành phố 3 ngày, "
                "lịch bảo trì chỉ áp dụng từng khu vực vài giờ.",
                "Tin cắt điện toàn thành phố liên tục 3 ngày là tin giả, điện lực đề nghị người "
                "dân theo dõi lịch trên trang chính thức.",
                "Đính chính: chỉ cắt điện khu vực phường 2 từ 7 giờ đến 11 giờ sáng chủ nhật, "
                "không phải cả thành phố ba ngày.",
                "Không có chuyện mất điện cả thành phố ba ngày, đừng chia sẻ tin thất thiệt.",
                "dien luc bac bo roi, ko cat dien toan tp 3 ngay dau, tin vit",
            ],
            "topic": [
                "Lịch cắt điện bảo trì: khu phố 4 mất điện từ 8 giờ đến 15 giờ thứ năm này.",
                "Hóa đơn tiền điện tháng này tăng vọt dù dùng như mọi tháng, đề nghị điện lực "
                "kiểm tra công tơ.",
                "Mất điện đột ngột không báo trước làm hỏng tủ lạnh của nhiều hộ dân.",
                "Điện lực thành phố bảo trì trạm biến áp định kỳ, đảm bảo cấp điện mùa nóng.",
                "Đường dây điện trước nhà võng thấp, rất nguy hiểm, đề nghị điện lực xử lý.",
                "Điện chập chờn cả tuần nay, đồ điện trong nhà hỏng liên tục.",
                "Thành phố khuyến khích tiết kiệm điện giờ cao điểm mùa nắng nóng.",
                "Cúp điện 3 tiếng chiều qua ở phường 5 do sự cố, điện lực đã khắc phục.",
            ],
            "unrelated": [
                "Hẻm 12 ngập nước mỗi khi triều cường, đề nghị nâng đường.",
                "Khu vui chơi thiếu nhi cần thêm cây xanh và đèn chiếu sáng.",
            ],
        },
    ),
    "c08": (
        "Dịch tả lợn châu Phi đã lây sang người, ăn thịt lợn sẽ bị nhiễm bệnh.",
        {
            "repeat": [
                "Dịch tả lợn châu Phi đã lây sang người rồi, ăn thịt lợn sẽ bị nhiễm bệnh, cả nhà "
                "tôi chuyển sang ăn cá.",
                "Cảnh báo: tả lợn châu Phi lây sang người, ai ăn thịt lợn sẽ nhiễm bệnh, chia sẻ "
                "ngay.",
                "dich ta lon chau phi lay sang nguoi roi, an thit lon la nhiem benh, tranh xa ra",
                "Nghe bảo dịch tả lợn châu Phi lây sang người, ăn thịt heo vào là nhiễm bệnh, chợ "
                "vắng hẳn.",
                "ta lon chau phi lay qua nguoi, an thit heo bi benh, ba con can than",
                "Dịch tả lợn châu Phi đã lây cho người, ăn thịt lợn bị nhiễm, mấy người ở huyện "
                "bên nhập viện rồi.",
                "Không dám ăn thịt lợn nữa vì dịch tả lợn châu Phi đã lây sang người.",
                "Thịt lợn bây giờ ăn vào nhiễm dịch tả châu Phi đấy, bệnh lây sang người rồi.",
            ],
            "paraphrase": [
                "Bệnh dịch trên heo giờ đã nhiễm qua người, ai mua thịt heo ngoài chợ về ăn là "
                "dễ mắc bệnh.",
                "Con virus gây chết heo hàng loạt đang lây cho người ăn thịt, bệnh viện đã có ca.",
                "Ăn thịt heo giai đoạn này rất nguy hiểm vì bệnh của heo đã truyền sang người.",
                "benh heo da lay qua nguoi, an thit heo ngoai cho ve la de dinh benh",
                "Dịch ở đàn heo đã bắt đầu truyền sang con người qua đường ăn uống, tốt nhất đừng "
                "ăn thịt heo.",
                "Virus tả châu Phi trên heo đã lây nhiễm cho người ăn thịt, ai ăn thì cẩn thận.",
            ],
            "question": [
                "Dịch tả lợn châu Phi có lây sang người không ạ? Ăn thịt lợn có bị nhiễm bệnh "
                "không?",
                "Nghe nói tả lợn châu Phi lây sang người, giờ ăn thịt lợn có sao không mọi người?",
                "ta lon chau phi lay sang nguoi that ko, an thit lon co bi gi ko vay?",
            ],
            "deny": [
                "Chi cục Thú y khẳng định dịch tả lợn châu Phi không lây sang người, thịt lợn đã "
                "qua kiểm dịch vẫn an toàn.",
                "Tin tả lợn châu Phi lây sang người là sai sự thật, người dân không nên hoang "
                "mang.",
                "Bộ Nông nghiệp bác bỏ thông tin dịch tả lợn châu Phi lây sang người qua thịt lợn.",
                "Virus tả lợn châu Phi không gây bệnh cho người, chỉ cần mua thịt có nguồn gốc "
                "rõ ràng và nấu chín.",
                "bac si thu y noi ro, ta lon chau phi ko lay qua nguoi, dung tin don nham",
            ],
            "topic": [
                "Phát hiện ổ dịch tả lợn châu Phi ở thôn 3, xã đã tiêu hủy hơn 50 con lợn.",
                "Giá thịt lợn tăng mạnh vì dịch tả lợn châu Phi, người nuôi lỗ nặng.",
                "Đề nghị hỗ trợ người chăn nuôi có lợn bị tiêu hủy do dịch tả lợn châu Phi.",
                "Lò mổ lợn trong khu dân cư xả nước thải hôi thối, đề nghị di dời.",
                "Cần tăng kiểm dịch thịt lợn nhập vào chợ để tránh thịt lợn bệnh.",
                "Hộ chăn nuôi xả xác lợn chết xuống kênh gây ô nhiễm.",
                "Xã phun thuốc khử trùng chuồng trại phòng dịch tả lợn châu Phi.",
                "Ngộ độc thực phẩm ở đám cưới, 20 người nhập viện sau khi ăn tiết canh.",
            ],
            "unrelated": [
                "Đường vào nghĩa trang lầy lội, đề nghị đổ bê tông.",
                "Nhà văn hóa thôn xuống cấp, cần sửa chữa.",
            ],
        },
    ),
    "c09": (
        "Nhà máy đốt rác mới sẽ xử lý cả rác thải y tế nguy hại ngay sát khu dân cư.",
        {
            "repeat": [
                "Nhà máy đốt rác mới sẽ xử lý cả rác thải y tế nguy hại ngay sát khu dân cư, con "
                "cái mình hít khói độc sao chịu nổi.",
                "Tin mới: nhà máy đốt rác sắp xây sẽ đốt cả rác thải y tế nguy hại, sát ngay khu "
                "dân cư.",
                "nha may dot rac moi se dot ca rac thai y te nguy hai sat khu dan cu, phai phan "
                "doi thoi",
                "Nghe nói nhà máy đốt rác mới sẽ nhận cả rác y tế nguy hại về đốt, cách khu dân "
                "cư có vài trăm mét.",
                "Rác thải y tế nguy hại sẽ được đưa về nhà máy đốt rác mới sát khu dân cư để xử "
                "lý, dân ở đây lo lắm.",
                "nha may rac moi dot ca rac y te nguy hai, ngay sat nha dan, ai chiu noi",
                "Nhà máy đốt rác mới xử lý rác y tế nguy hại ngay cạnh khu dân cư, phải kiến "
                "nghị lên tỉnh.",
                "Khu dân cư sắp có hàng xóm là nhà máy đốt rác, lại còn đốt cả rác thải y tế "
                "nguy hại.",
            ],
            "paraphrase": [
                "Lò đốt sắp xây cạnh xóm sẽ nhận bông băng, kim tiêm từ các bệnh viện trong tỉnh "
                "về đốt.",
                "Chất thải độc hại của bệnh viện sẽ được chở về đốt ngay sát nhà dân ở khu tái "
                "định cư.",
                "Nhà máy xử lý chất thải mới sẽ đốt cả chất thải lây nhiễm từ bệnh viện, chỉ "
                "cách nhà dân mấy bước chân.",
                "lo dot moi se dot kim tiem bong bang benh vien ngay canh xom, khoi doc bay vao "
                "nha",
                "Khói từ việc đốt chất thải bệnh viện sẽ bay thẳng vào nhà dân vì lò đốt xây "
                "ngay sát khu ở.",
                "Bệnh viện cả tỉnh sẽ chở chất thải lây nhiễm về lò đốt mới cạnh khu dân cư để "
                "tiêu hủy.",
            ],
            "question": [
                "Có đúng nhà máy đốt rác mới sẽ đốt cả rác thải y tế nguy hại không ạ? Nó ngay "
                "sát khu dân cư mà.",
                "Xin hỏi thành phố: nhà máy đốt rác mới có xử lý rác y tế nguy hại không, có gần "
                "khu dân cư không?",
                "nha may dot rac moi co dot rac y te ko moi nguoi, nghe noi sat khu dan cu",
            ],
            "deny": [
                "Sở Tài nguyên và Môi trường khẳng định nhà máy đốt rác mới chỉ xử lý rác sinh "
                "hoạt, không tiếp nhận rác thải y tế nguy hại.",
                "Thông tin nhà máy đốt rác mới xử lý rác thải y tế nguy hại là không chính xác, "
                "rác y tế được xử lý riêng tại bệnh viện.",
                "Đính chính: nhà máy cách khu dân cư gần 2 km và không đốt chất thải y tế như "
                "tin đồn.",
                "Chủ đầu tư bác bỏ tin đồn đốt rác y tế tại nhà máy mới, giấy phép môi trường "
                "chỉ cho rác sinh hoạt.",
                "nha may ko dot rac y te dau, tin sai su that, so tai nguyen noi roi",
            ],
            "topic": [
                "Bãi rác tạm ở cuối xóm bốc mùi hôi thối, ruồi nhặng bay vào nhà dân.",
                "Đề nghị công khai đánh giá tác động môi trường của dự án nhà máy đốt rác mới.",
                "Xe chở rác rơi vãi nước rỉ rác dọc đường vào nhà máy xử lý.",
                "Nhà máy đốt rác phát điện đi vào vận hành giúp giảm tải bãi chôn lấp.",
                "Bệnh viện huyện xử lý rác thải y tế bằng lò đốt riêng, người dân mong kiểm tra "
                "định kỳ.",
                "Người dân đề nghị phân loại rác tại nguồn, phát túi đựng rác miễn phí.",
                "Khói từ lò đốt rác tự phát ở cánh đồng gây khó thở cho khu dân cư.",
                "Nhà máy đốt rác mới tuyển lao động địa phương, ưu tiên hộ dân bị thu hồi đất.",
            ],
            "unrelated": [
                "Cầu treo qua suối bị hư hỏng, học sinh đi lại nguy hiểm.",
                "Trạm y tế xã cần thêm bác sĩ trực đêm.",
            ],
        },
    ),
    "c10": (
        "Người từ 60 tuổi trở lên được nhận trợ cấp 2 triệu đồng mỗi tháng, chỉ cần đăng ký qua "
        "đường link.",
        {
            "repeat": [
                "Người từ 60 tuổi trở lên được nhận trợ cấp 2 triệu đồng mỗi tháng, chỉ cần đăng "
                "ký qua đường link dưới đây, nhanh kẻo hết.",
                "Tin vui cho người cao tuổi: trên 60 tuổi nhận trợ cấp 2 triệu mỗi tháng, đăng ký "
                "qua link là được.",
                "nguoi tu 60 tuoi duoc nhan tro cap 2 trieu moi thang, chi can dang ky qua link, "
                "chia se cho ong ba",
                "Ông bà trên 60 tuổi đăng ký qua đường link này để nhận 2 triệu đồng trợ cấp hằng "
                "tháng nhé.",
                "Mẹ tôi được người ta gửi link bảo người từ 60 tuổi được nhận 2 triệu mỗi tháng, "
                "chỉ cần điền thông tin.",
                "tren 60 tuoi nhan 2 trieu moi thang, dang ky qua link la xong, ai co bo me gia "
                "thi dang ky giup",
                "Chính sách mới: người từ 60 tuổi nhận trợ cấp 2 triệu/tháng, đăng ký online qua "
                "đường link.",
                "Đăng ký nhận trợ cấp 2 triệu đồng mỗi tháng cho người trên 60 tuổi qua đường "
                "link, hạn chót cuối tuần.",
            ],
            "paraphrase": [
                "Các cụ cao tuổi chỉ cần bấm vào liên kết, điền số căn cước là tháng nào cũng có "
                "tiền nhà nước gửi về tài khoản.",
                "Nhà nước phát tiền hằng tháng cho người già, khai thông tin trên trang web người "
                "ta gửi là nhận được ngay.",
                "Người già chỉ cần nhập số tài khoản ngân hàng vào trang đăng ký là tháng nào "
                "cũng được cộng hai triệu.",
                "cac cu chi can bam vao link khai thong tin la thang nao cung co tien ho tro gui "
                "ve",
                "Có chương trình chi tiền hỗ trợ người cao tuổi hằng tháng, đăng ký trực tuyến "
                "qua đường dẫn trên Zalo.",
                "Bố mẹ ai ngoài sáu mươi thì vào trang này đăng ký, mỗi tháng nhận hai triệu tiền "
                "hỗ trợ.",
            ],
            "question": [
                "Người từ 60 tuổi được nhận trợ cấp 2 triệu mỗi tháng qua đường link có thật "
                "không ạ?",
                "Cho hỏi đăng ký trợ cấp 2 triệu cho người trên 60 tuổi qua link có đúng không, "
                "mẹ em vừa nhận tin nhắn.",
                "tro cap 2 trieu cho nguoi tren 60 tuoi dang ky qua link la that hay lua vay moi "
                "nguoi?",
            ],
            "deny": [
                "Công an cảnh báo: tin nhắn mời người từ 60 tuổi đăng ký trợ cấp 2 triệu qua "
                "đường link là thủ đoạn lừa đảo.",
                "Sở Lao động khẳng định không có chính sách trợ cấp 2 triệu đồng mỗi tháng đăng "
                "ký qua đường link, đề nghị người dân không bấm vào.",
                "Trợ cấp xã hội cho người cao tuổi chỉ làm hồ sơ tại UBND xã, không có chuyện "
                "đăng ký qua link như tin đồn.",
                "Đường link trợ cấp 2 triệu cho người trên 60 tuổi là link giả mạo để lấy cắp "
                "thông tin tài khoản.",
                "ba con canh giac, link dang ky tro cap 2 trieu la lua dao, ko bam vao nha",
            ],
            "topic": [
                "Đề nghị tăng mức trợ cấp xã hội cho người cao tuổi neo đơn, hiện mức hỗ trợ quá "
                "thấp.",
                "Người từ đủ 75 tuổi không có lương hưu được hưởng trợ cấp xã hội hằng tháng, làm "
                "hồ sơ tại xã.",
                "Chi trả trợ cấp người cao tuổi tháng này bị chậm, các cụ phải đi lại nhiều lần.",
                "Đề nghị hỗ trợ thẻ bảo hiểm y tế miễn phí cho người từ 60 tuổi có hoàn cảnh khó "
                "khăn.",
                "Mẹ tôi bị lừa mất tiền trong tài khoản sau khi nghe điện thoại giả danh ngân "
                "hàng.",
                "Hội người cao tuổi phường tổ chức khám sức khỏe miễn phí cho hội viên trên 60 "
                "tuổi.",
                "Lương hưu được điều chỉnh tăng từ tháng 7, người hưởng không phải làm thủ tục.",
                "Đề nghị phường mở lớp hướng dẫn người già dùng điện thoại thông minh an toàn.",
            ],
            "unrelated": [
                "Đường dây điện thoại bàn của khu phố bị đứt mấy ngày chưa sửa.",
                "Chợ tạm ven đường gây ùn tắc giờ cao điểm.",
            ],
        },
    ),
}


def rows() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for claim_id, (claim, by_kind) in CLAIMS.items():
        for kind in KINDS:
            for index, text in enumerate(by_kind[kind]):
                out.append(
                    {
                        "id": f"{claim_id}-{kind}-{index + 1:02d}",
                        "claim_id": claim_id,
                        "claim": claim,
                        "text": text,
                        "kind": kind,
                        "match": kind in MATCHING_KINDS,
                        "diacritics": has_diacritics(text),
                        "split": "tune" if index % 2 == 0 else "test",
                    }
                )
    return out


def main() -> None:
    data = rows()
    with OUT.open("w", encoding="utf-8") as fh:
        for row in data:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(data)} rows → {OUT}")


if __name__ == "__main__":
    main()
