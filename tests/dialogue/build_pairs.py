"""Builds tests/data/dialogue_pairs.csv: labelled pairs of citizens' questions for grouping.

Run once (`.venv/bin/python tests/dialogue/build_pairs.py`) and commit the output; the tests and
`bench/dialogue.py` read the CSV, not this script. Every question was written for opiniondesk
(none is copied): the kind a ward or commune receives before a leader–citizen dialogue.

Each item is (question, paraphrase, teencode, hard negative):
  paraphrase            the same question in other words                     same = 1
  no_diacritics         the paraphrase typed without diacritics              same = 1
  teencode              the question as typed on a phone (hand-written)      same = 1
  different_same_topic  same topic and place, a different question           same = 0
  different_same_topic  the paraphrase vs the hard negative without marks    same = 0
  unrelated             the question vs another item's paraphrase            same = 0
`split` is by item (even → tune, odd → test), so no question is in both halves.
"""

from __future__ import annotations

import csv
from pathlib import Path

from opiniondesk.text.normalize import fold

OUT = Path(__file__).resolve().parents[1] / "data" / "dialogue_pairs.csv"

# fmt: off
ITEMS: list[tuple[str, str, str, str]] = [
    ("Bao giờ thì sửa đoạn đường Nguyễn Trãi bị lún sụt trước chợ?",
     "Đường Nguyễn Trãi trước cổng chợ lún nhiều ổ gà, khi nào phường cho sửa chữa?",
     "duong nguyen trai truoc cho lun qua, bao h dc sua v a",
     "Đường Nguyễn Trãi trước chợ có được lắp thêm đèn chiếu sáng không?"),
    ("Vì sao dự án mở rộng tỉnh lộ 10 chậm tiến độ suốt ba năm nay?",
     "Tỉnh lộ 10 mở rộng đã ba năm vẫn chưa xong, nguyên nhân chậm là gì?",
     "du an mo rong tinh lo 10 3 nam r sao chua xong z",
     "Người dân bị thu hồi đất làm tỉnh lộ 10 được bồi thường theo giá nào?"),
    ("Khi nào khu dân cư tổ 5 được xây cống thoát nước để hết ngập?",
     "Tổ 5 cứ mưa là ngập, bao giờ mới có cống thoát nước?",
     "to 5 mua la ngap, khi nao lam cong thoat nuoc vay mn",
     "Ai chịu trách nhiệm nạo vét cống thoát nước ở tổ 5 mỗi năm?"),
    ("Xã có kế hoạch gì hỗ trợ các hộ bị ngập sau trận lũ tháng 10?",
     "Những gia đình bị thiệt hại do lũ tháng 10 có được xã hỗ trợ gì không?",
     "nha e bi ngap lu thang 10 xa co ho tro gi ko a",
     "Sau lũ tháng 10 xã có phun thuốc khử trùng cho khu vực bị ngập không?"),
    ("Tại sao cấp giấy chứng nhận quyền sử dụng đất lần đầu lại lâu như vậy?",
     "Hồ sơ cấp sổ đỏ lần đầu của tôi nộp đã năm tháng chưa có kết quả, vì sao chậm?",
     "nop ho so cap so do lan dau 5 thang r chua co, sao lau the",
     "Phí cấp giấy chứng nhận quyền sử dụng đất lần đầu là bao nhiêu tiền?"),
    ("Đất nông nghiệp xen kẹt trong khu dân cư có được chuyển lên đất ở không?",
     "Thửa đất nông nghiệp nằm xen trong khu dân cư thì có chuyển mục đích sang đất ở được không?",
     "dat nong nghiep xen ket trong khu dan cu chuyen len tho cu dc k",
     "Đất nông nghiệp xen kẹt trong khu dân cư có bị thu hồi để làm công viên không?"),
    ("Giá bồi thường đất dự án khu đô thị mới sao thấp hơn giá thị trường nhiều vậy?",
     "Vì sao tiền đền bù đất cho dự án khu đô thị mới thấp hơn hẳn giá ngoài thị trường?",
     "gia den bu dat khu do thi moi thap hon thi truong qua, sao z",
     "Dự án khu đô thị mới có bố trí tái định cư tại chỗ cho người dân không?"),
    ("Sau khi sáp nhập xã, người dân làm thủ tục hành chính ở đâu?",
     "Xã mình đã nhập vào xã mới thì giờ đi làm giấy tờ ở trụ sở nào?",
     "sap nhap xa r gio lam giay to o dau vay mng",
     "Sau khi sáp nhập xã, trụ sở cũ sẽ được dùng vào việc gì?"),
    ("Sáp nhập xã xong có phải đổi lại căn cước và sổ đỏ theo địa chỉ mới không?",
     "Địa chỉ đổi do sáp nhập thì căn cước, giấy chứng nhận đất có bắt buộc làm lại không?",
     "sap nhap doi dia chi thi cccd voi so do co phai lam lai ko",
     "Sáp nhập xã xong thì cán bộ xã cũ có bị cho nghỉ việc không?"),
    ("Tên thôn cũ có được giữ lại sau khi sáp nhập thôn không?",
     "Khi gộp thôn thì tên thôn truyền thống có còn được giữ không?",
     "gop thon thi ten thon cu con giu lai ko a",
     "Sau khi gộp thôn, trưởng thôn mới được bầu như thế nào?"),
    ("Khi nào trường tiểu học xã xây thêm phòng học để không phải học ca ba?",
     "Trường tiểu học của xã thiếu phòng, bao giờ mới xây thêm để các cháu khỏi học ba ca?",
     "truong tieu hoc thieu phong hoc, bao gio xay them de tui nho ko phai hoc ca 3",
     "Trường tiểu học xã có tổ chức bán trú cho học sinh không?"),
    ("Vì sao các khoản thu đầu năm học ở trường trung học cơ sở cao như vậy?",
     "Đầu năm học trường THCS thu nhiều khoản quá, tại sao lại thu cao vậy?",
     "dau nam truong thcs thu nhieu khoan qua, sao thu cao z",
     "Trường trung học cơ sở có miễn học phí cho con hộ nghèo không?"),
    ("Con tôi ở xã bên có được chuyển về học trường gần nhà sau sáp nhập không?",
     "Sau sáp nhập, học sinh có được chuyển sang trường gần nhà hơn trong xã mới không?",
     "sau sap nhap con e co dc chuyen ve truong gan nha ko a",
     "Sau sáp nhập, trường nào sẽ bị giải thể hoặc gộp lại?"),
    ("Người cao tuổi trên 75 tuổi có được cấp thẻ bảo hiểm y tế miễn phí không?",
     "Ông bà trên 75 tuổi thì có được nhà nước cấp thẻ bảo hiểm y tế không mất tiền không?",
     "ong ba tren 75 tuoi co dc cap the bhyt mien phi k",
     "Người trên 75 tuổi được nhận trợ cấp xã hội hằng tháng bao nhiêu tiền?"),
    ("Vì sao khám bảo hiểm y tế ở trạm y tế xã thiếu thuốc?",
     "Đi khám bằng thẻ bảo hiểm y tế ở trạm xã thường không có thuốc, tại sao vậy?",
     "kham bhyt o tram y te xa toan thieu thuoc, sao vay",
     "Trạm y tế xã có khám bảo hiểm y tế vào thứ bảy, chủ nhật không?"),
    ("Gia hạn thẻ bảo hiểm y tế hộ gia đình có làm online được không?",
     "Thẻ bảo hiểm y tế theo hộ gia đình sắp hết hạn, có gia hạn qua mạng được không?",
     "the bhyt ho gia dinh gia han online dc ko mn",
     "Mức đóng bảo hiểm y tế hộ gia đình năm nay là bao nhiêu?"),
    ("Bao giờ thì khu phố 3 có nước sạch, người dân vẫn phải dùng giếng khoan?",
     "Khu phố 3 đến nay vẫn dùng nước giếng khoan, khi nào mới được kéo nước máy?",
     "kp3 van xai gieng khoan, bao h moi co nuoc may v",
     "Giá nước sạch ở khu phố 3 năm tới có tăng không?"),
    ("Tại sao tiền nước tháng này tăng gấp đôi dù nhà không dùng thêm?",
     "Hóa đơn nước tháng này cao gấp đôi mọi tháng trong khi dùng như cũ, vì sao?",
     "tien nuoc thang nay tang gap doi ma nha ko xai them, sao z",
     "Có thể đóng tiền nước qua ứng dụng ngân hàng không?"),
    ("Bãi rác tạm ở cuối thôn Đông bốc mùi, khi nào được di dời?",
     "Bãi tập kết rác cuối thôn Đông hôi thối quá, bao giờ chuyển đi chỗ khác?",
     "bai rac cuoi thon dong boc mui qua, khi nao doi di",
     "Thôn Đông thu phí vệ sinh môi trường mỗi tháng bao nhiêu?"),
    ("Xưởng gỗ trong khu dân cư gây ồn và bụi, chính quyền xử lý thế nào?",
     "Cơ sở làm gỗ giữa khu dân cư chạy máy ồn, bụi cả ngày, xã có xử lý không?",
     "xuong go trong xom on voi bui ca ngay, xa xu ly ntn",
     "Xưởng gỗ trong khu dân cư có giấy phép kinh doanh không?"),
    ("Khi nào lắp đèn đường cho tuyến đường liên thôn Bắc – Nam?",
     "Đường liên thôn Bắc – Nam tối om, bao giờ có đèn chiếu sáng?",
     "duong lien thon bac nam toi thui, bao h lap den",
     "Đường liên thôn Bắc – Nam có được bê tông hóa trong năm nay không?"),
    ("Cầu treo qua suối bản Phìn đã xuống cấp, bao giờ làm cầu mới?",
     "Cầu treo bản Phìn hỏng nặng rất nguy hiểm, khi nào xây cầu mới cho bà con?",
     "cau treo ban phin hu nang r, bao gio lam cau moi a",
     "Mùa lũ có cấm người qua cầu treo bản Phìn không?"),
    ("Hồ sơ hưởng trợ cấp người khuyết tật cần những giấy tờ gì?",
     "Muốn xin trợ cấp cho người khuyết tật thì phải chuẩn bị giấy tờ gì?",
     "lam ho so tro cap nguoi khuyet tat can giay to j a",
     "Trợ cấp người khuyết tật được trả vào ngày nào hằng tháng?"),
    ("Tại sao nhà tôi là hộ cận nghèo mà năm nay không còn trong danh sách?",
     "Năm ngoái nhà tôi là hộ cận nghèo, năm nay bị đưa ra khỏi danh sách là vì sao?",
     "nha e nam ngoai can ngheo nam nay ko co ten, sao vay a",
     "Hộ cận nghèo được vay vốn ưu đãi bao nhiêu?"),
    ("Làm giấy khai sinh cho con có làm trên cổng dịch vụ công được không?",
     "Đăng ký khai sinh cho cháu qua dịch vụ công trực tuyến được không hay phải lên xã?",
     "dang ky khai sinh cho con lam online tren dvc dc ko mn",
     "Đăng ký khai sinh quá hạn có bị phạt không?"),
    ("Chứng thực bản sao ở xã mất bao lâu và phí bao nhiêu?",
     "Đi công chứng bản sao giấy tờ tại ủy ban xã thì chờ bao lâu, tốn bao nhiêu tiền?",
     "chung thuc ban sao o xa mat bao lau, phi bn",
     "Xã có chứng thực bản sao vào buổi chiều thứ bảy không?"),
    ("Vì sao cấp phép xây dựng nhà ở riêng lẻ phải chờ hơn một tháng?",
     "Xin giấy phép xây nhà ở riêng lẻ mà chờ quá một tháng, sao lâu vậy?",
     "xin phep xay nha rieng le cho hon 1 thang, sao lau v",
     "Nhà ở nông thôn xây dưới ba tầng có cần giấy phép xây dựng không?"),
    ("Chợ tạm trên vỉa hè đường Lê Lợi gây ùn tắc, khi nào dẹp?",
     "Họp chợ tạm lấn vỉa hè Lê Lợi làm kẹt xe mỗi sáng, bao giờ xử lý dứt điểm?",
     "cho tam tren via he le loi ket xe qua, bao h dep",
     "Tiểu thương chợ tạm Lê Lợi có được bố trí vào chợ mới không?"),
    ("Bao giờ chợ trung tâm xã xây lại sau vụ cháy?",
     "Chợ trung tâm xã cháy gần một năm rồi, khi nào mới xây lại?",
     "cho trung tam xa chay gan 1 nam r, khi nao xay lai",
     "Tiểu thương bị thiệt hại trong vụ cháy chợ có được hỗ trợ không?"),
    ("Khi nào có tuyến xe buýt từ xã lên trung tâm tỉnh?",
     "Xã mình chưa có xe buýt đi trung tâm tỉnh, bao giờ mới mở tuyến?",
     "bao gio co xe buyt tu xa len tinh vay",
     "Vé xe buýt cho học sinh đi tuyến lên trung tâm tỉnh có được giảm không?"),
    ("Ngã tư trước trường học hay xảy ra tai nạn, có lắp đèn tín hiệu không?",
     "Ngã tư gần trường liên tục có tai nạn, xã có cho lắp đèn giao thông không?",
     "nga tu truoc truong hay tai nan, co lap den xanh do ko",
     "Giờ tan học có bố trí người điều tiết giao thông ở ngã tư trước trường không?"),
    ("Vì sao điện khu vực xóm Mới hay mất vào buổi tối?",
     "Xóm Mới chiều tối nào cũng cúp điện, nguyên nhân là gì?",
     "xom moi toi nao cung cup dien, sao vay",
     "Xóm Mới có được lắp trạm biến áp mới không?"),
    ("Tiền hỗ trợ chuyển đổi cây trồng năm ngoái bao giờ được chi trả?",
     "Khoản hỗ trợ chuyển đổi cây trồng năm trước đến giờ chưa nhận, khi nào chi?",
     "tien ho tro chuyen doi cay trong nam ngoai bao h dc nhan",
     "Năm nay xã khuyến khích chuyển sang trồng cây gì?"),
    ("Nông dân trồng lúa bị mất mùa do hạn có được hỗ trợ giống không?",
     "Ruộng lúa mất trắng vì hạn hán thì bà con có được hỗ trợ giống cho vụ sau không?",
     "lua mat mua vi han co dc ho tro giong ko a",
     "Khi nào hệ thống kênh mương nội đồng được kiên cố hóa?"),
    ("Đường bờ kè sông bị sạt lở, khi nào gia cố để dân yên tâm?",
     "Bờ kè ven sông đang sạt lở dần, bao giờ mới gia cố lại?",
     "bo ke song sat lo r, khi nao gia co v",
     "Các hộ sát bờ kè bị sạt lở có phải di dời không?"),
    ("Dự án khu công nghiệp có tuyển lao động địa phương không?",
     "Khu công nghiệp mới có ưu tiên nhận người lao động trong xã vào làm không?",
     "kcn moi co tuyen nguoi dia phuong vao lam ko mn",
     "Khu công nghiệp xả nước thải ra kênh có được kiểm tra không?"),
    ("Nước thải khu công nghiệp chảy ra kênh gây cá chết, ai chịu trách nhiệm?",
     "Kênh cạnh khu công nghiệp cá chết hàng loạt do nước thải, cơ quan nào xử lý?",
     "nuoc thai kcn ra kenh ca chet nhieu, ai chiu trach nhiem",
     "Khu công nghiệp có kế hoạch trồng cây xanh dọc kênh không?"),
    ("Sân chơi cho trẻ em ở khu tái định cư khi nào được xây?",
     "Khu tái định cư chưa có sân chơi cho trẻ, bao giờ xây?",
     "khu tai dinh cu chua co san choi cho tre, bao gio xay a",
     "Khu tái định cư khi nào được cấp sổ hồng cho các hộ?"),
    ("Khu tái định cư bao giờ được cấp giấy chứng nhận quyền sở hữu nhà?",
     "Các hộ ở khu tái định cư chờ sổ hồng mấy năm rồi, khi nào cấp?",
     "khu tdc cho so hong may nam r, bao h cap",
     "Khu tái định cư có được lắp camera an ninh không?"),
    ("Có kế hoạch cải tạo nhà văn hóa thôn Trung không?",
     "Nhà văn hóa thôn Trung xuống cấp, xã có định sửa sang lại không?",
     "nha van hoa thon trung xuong cap, xa co sua ko",
     "Nhà văn hóa thôn Trung có cho thuê tổ chức đám cưới không?"),
    ("Tình trạng trộm cắp xe máy ở khu trọ công nhân tăng, công an xử lý thế nào?",
     "Khu nhà trọ công nhân mất xe máy liên tục, công an xã có biện pháp gì?",
     "khu tro cong nhan mat xe lien tuc, cong an xu ly ntn",
     "Chủ nhà trọ công nhân có phải đăng ký tạm trú cho người thuê không?"),
    ("Vì sao đăng ký tạm trú trên ứng dụng bị từ chối nhiều lần?",
     "Tôi khai báo tạm trú qua app mấy lần đều bị trả về, lý do là gì?",
     "dang ky tam tru tren app bi tu choi may lan r, sao z",
     "Đăng ký tạm trú có mất phí không?"),
    ("Tiền thuế đất phi nông nghiệp năm nay sao tăng mạnh?",
     "Năm nay thuế sử dụng đất phi nông nghiệp tăng nhiều so với năm ngoái, tại sao?",
     "thue dat phi nong nghiep nam nay tang manh qua, sao v",
     "Hạn cuối nộp thuế đất phi nông nghiệp năm nay là ngày nào?"),
    ("Người lao động mất việc có được nhận trợ cấp thất nghiệp ở xã không?",
     "Công nhân bị cho nghỉ việc thì làm hồ sơ trợ cấp thất nghiệp ở đâu, xã có nhận không?",
     "bi mat viec thi nhan tro cap that nghiep o xa dc ko",
     "Xã có mở lớp dạy nghề miễn phí cho người mất việc không?"),
    ("Đường vào nghĩa trang thôn Tây lầy lội, khi nào đổ bê tông?",
     "Lối vào nghĩa trang thôn Tây mưa là bùn lầy, bao giờ bê tông hóa?",
     "duong vao nghia trang thon tay lay loi, khi nao do be tong",
     "Nghĩa trang thôn Tây còn đất cho hộ mới an táng không?"),
    ("Lò đốt rác của xã có gây ô nhiễm không khí không?",
     "Khói từ lò đốt rác của xã có làm ô nhiễm không khí quanh khu dân cư không?",
     "lo dot rac cua xa co gay o nhiem khong khi ko",
     "Lò đốt rác của xã xử lý được bao nhiêu tấn rác mỗi ngày?"),
    ("Bao giờ thì phủ sóng internet cáp quang cho các bản vùng cao?",
     "Các bản trên vùng cao vẫn chưa có cáp quang, khi nào được kéo mạng?",
     "ban vung cao chua co cap quang, khi nao keo mang vay",
     "Học sinh vùng cao có được hỗ trợ máy tính để học trực tuyến không?"),
    ("Người có công với cách mạng được hỗ trợ sửa nhà như thế nào?",
     "Gia đình người có công muốn được hỗ trợ sửa chữa nhà ở thì làm thế nào?",
     "gia dinh nguoi co cong muon dc ho tro sua nha thi lam ntn",
     "Người có công với cách mạng được tặng quà Tết mức bao nhiêu?"),
    ("Tại sao hồ sơ mua nhà ở xã hội bị trả lại vì không đủ điều kiện thu nhập?",
     "Hồ sơ nhà ở xã hội của tôi bị loại do thu nhập không đạt, cách tính thế nào?",
     "ho so nha o xa hoi bi tra ve vi thu nhap ko du dk, tinh sao vay",
     "Dự án nhà ở xã hội của tỉnh bao giờ mở bán đợt mới?"),
    ("Cán bộ một cửa ở xã có nhận hồ sơ vào sáng thứ bảy không?",
     "Bộ phận một cửa của xã có làm việc sáng thứ bảy để dân nộp hồ sơ không?",
     "bo phan 1 cua xa co lam sang thu 7 ko mn",
     "Bộ phận một cửa của xã có đường dây nóng để hỏi tiến độ hồ sơ không?"),
    ("Khi nào sửa lại trạm bơm tưới tiêu của hợp tác xã?",
     "Trạm bơm của hợp tác xã hỏng từ vụ trước, bao giờ được sửa để kịp tưới?",
     "tram bom htx hu tu vu truoc, bao h sua de kip tuoi",
     "Phí thủy lợi nội đồng năm nay hợp tác xã thu bao nhiêu?"),
    ("Vì sao chưa xử lý việc lấn chiếm đất công ở cuối ngõ 12?",
     "Đất công cuối ngõ 12 bị lấn chiếm xây nhà, sao xã chưa xử lý?",
     "dat cong cuoi ngo 12 bi lan chiem, sao chua xu ly",
     "Đất công cuối ngõ 12 có được làm sân chơi cho khu phố không?"),
]
# fmt: on

FIELDS = ("pair_id", "question_a", "question_b", "same", "kind", "split")
UNRELATED_STEP = 17  # far enough in the list to be another topic


def pairs() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    n = len(ITEMS)
    for i, (question, paraphrase, teencode, negative) in enumerate(ITEMS):
        split = "tune" if i % 2 == 0 else "test"
        other = ITEMS[(i + UNRELATED_STEP) % n][1]
        for a, b, same, kind in (
            (question, paraphrase, 1, "paraphrase"),
            (question, fold(paraphrase), 1, "no_diacritics"),
            (question, teencode, 1, "teencode"),
            (question, negative, 0, "different_same_topic"),
            (paraphrase, fold(negative), 0, "different_same_topic"),
            (question, other, 0, "unrelated"),
        ):
            rows.append(
                {
                    "pair_id": str(len(rows) + 1),
                    "question_a": a,
                    "question_b": b,
                    "same": str(same),
                    "kind": kind,
                    "split": split,
                }
            )
    return rows


def main() -> None:
    rows = pairs()
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} pairs -> {OUT}")


if __name__ == "__main__":
    main()
