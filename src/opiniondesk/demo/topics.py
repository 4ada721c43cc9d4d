"""The topics people raise, with the building blocks the demo composes its texts from.

All sentences were written for this demo. `issues` are noun phrases that fit both
"tình trạng {issue}" and "{issue} đang ..."; `news` lines take a {place}.
"""

from __future__ import annotations

from dataclasses import dataclass


def _s(text: str) -> tuple[str, ...]:
    return tuple(" ".join(part.split()) for part in text.split("|") if part.strip())


@dataclass(frozen=True, slots=True)
class TopicContent:
    code: str
    label_vi: str
    label_en: str
    weight: float  # share of everyday volume (relative)
    issues: tuple[str, ...]
    neg: tuple[str, ...]  # complaint details
    pos: tuple[str, ...]  # praise
    neu: tuple[str, ...]  # information, hearsay
    req: tuple[str, ...]  # requests to the authorities
    ask: tuple[str, ...]  # questions for dialogue sessions
    news: tuple[str, ...]  # headlines with {place}
    short: tuple[str, ...]  # short survey answers
    en: tuple[str, ...]  # English sentences
    peak_months: tuple[int, ...] = ()  # months with more talk about it


TOPICS: tuple[TopicContent, ...] = (
    TopicContent(
        "land",
        "Đất đai, bồi thường",
        "Land and compensation",
        8,
        _s("""chậm chi trả tiền bồi thường giải phóng mặt bằng | giá bồi thường thấp hơn giá thị
        trường | cấp sổ đỏ kéo dài | lấn chiếm đất công | xây nhà trái phép trên đất nông nghiệp
        | tranh chấp ranh giới đất giữa các hộ | bảng giá đất mới tăng quá cao | dự án treo nhiều
        năm không triển khai"""),
        _s("""Gia đình tôi nộp hồ sơ từ đầu năm đến giờ vẫn chưa có kết quả. | Nhiều hộ đã bàn
        giao mặt bằng nhưng chưa nhận đủ tiền. | Cán bộ hẹn hết lần này đến lần khác. | Đất nằm
        trong quy hoạch treo nên không xây, không bán được."""),
        _s("""Việc đo đạc, cắm mốc lần này làm công khai, bà con rất đồng tình. | Hồ sơ cấp giấy
        chứng nhận của gia đình tôi được giải quyết đúng hẹn."""),
        _s("""Bà con đang chờ phương án bồi thường chính thức. | Nhiều hộ muốn biết giá đất tái
        định cư được tính thế nào."""),
        _s("""Đề nghị công khai phương án bồi thường và thời hạn chi trả. | Mong cơ quan chức năng
        sớm xử lý dứt điểm các trường hợp lấn chiếm. | Đề nghị rà soát lại bảng giá đất cho sát
        thực tế."""),
        _s("""Khi nào dự án chi trả tiền bồi thường cho các hộ dân? | Bảng giá đất mới áp dụng thì
        tiền chuyển mục đích sử dụng đất tăng bao nhiêu? | Đất nằm trong quy hoạch treo thì
        người dân có được cấp phép xây dựng tạm không?"""),
        _s("""{Place}: hàng chục hộ dân chờ tiền bồi thường dự án mở rộng đường | Người dân
        {place} kiến nghị điều chỉnh bảng giá đất | Xử lý vi phạm xây dựng trên đất nông nghiệp
        tại {place}"""),
        _s("""Giải quyết nhanh hồ sơ đất đai. | Công khai quy hoạch để dân biết. | Bồi thường
        thỏa đáng cho dân."""),
        _s("""Compensation for the road project has been delayed for months. | The new land price
        table is far too high for ordinary families."""),
    ),
    TopicContent(
        "environment",
        "Môi trường, ô nhiễm",
        "Environment and pollution",
        8,
        _s("""ô nhiễm nguồn nước | rác thải tồn đọng ven đường | khói bụi từ xưởng sản xuất | mùi
        hôi từ trại heo | nước thải chảy thẳng ra kênh | đốt rơm rạ gây khói mù | tiếng ồn từ
        công trình về đêm | nước máy có mùi lạ"""),
        _s("""Mùi hôi nồng nặc, nhà nào cũng phải đóng cửa cả ngày. | Rác chất thành đống, ruồi
        muỗi bu đầy. | Nước kênh đen ngòm, cá chết nổi trắng. | Trẻ con trong xóm bị ho, viêm
        họng liên tục."""),
        _s("""Từ khi có đội thu gom rác mới, đường xóm sạch hẳn. | Kênh được nạo vét xong, nước
        trong hơn trước nhiều."""),
        _s("""Nghe nói phường sẽ lấy mẫu nước để xét nghiệm. | Xưởng đó có giấy phép hay không
        thì bà con chưa rõ."""),
        _s("""Đề nghị kiểm tra, xử phạt nghiêm cơ sở xả thải. | Mong sớm bố trí thêm điểm tập kết
        rác. | Đề nghị công bố kết quả quan trắc chất lượng nước cho người dân biết."""),
        _s("""Kết quả kiểm tra nguồn nước sinh hoạt khi nào được công bố? | Cơ sở gây ô nhiễm đã
        bị xử phạt chưa và bao giờ phải di dời? | Phí thu gom rác tăng nhưng sao rác vẫn tồn
        đọng?"""),
        _s("""{Place}: người dân bức xúc vì nước thải chảy ra kênh | Kiểm tra cơ sở gây ô nhiễm
        tại {place} | Rác thải tồn đọng ở nhiều tuyến đường {place}"""),
        _s("Môi trường sạch hơn. | Xử lý nước thải. | Thu gom rác đúng giờ."),
        _s("""The canal behind our street smells terrible and the water is black. | Garbage has
        not been collected for a week."""),
    ),
    TopicContent(
        "disaster",
        "Thiên tai, bão lũ, sạt lở",
        "Floods, storms and landslides",
        6,
        _s("""sạt lở bờ sông | ngập lụt kéo dài | lũ quét | sạt lở đất đồi | triều cường dâng cao
        | xâm nhập mặn | nứt đất ven kênh | cây xanh đổ sau mưa giông"""),
        _s("""Đêm qua thêm một đoạn đất vườn bị cuốn xuống sông. | Nhà cửa nứt toác, cả nhà không
        dám ngủ. | Nước ngập tới đầu gối, xe cộ chết máy hàng loạt. | Đường vào xóm bị chia cắt,
        hàng cứu trợ không vào được."""),
        _s("""Lực lượng xung kích đến rất kịp thời, giúp bà con di dời đồ đạc. | Kè mới làm xong
        nên mùa nước năm nay yên tâm hơn."""),
        _s("""Đã có thông báo cắm biển cảnh báo khu vực nguy hiểm. | Nước đang rút dần, nhiều hộ
        bắt đầu dọn dẹp."""),
        _s("""Đề nghị khẩn trương di dời các hộ trong vùng nguy hiểm. | Mong sớm đầu tư kè chống
        sạt lở kiên cố. | Đề nghị hỗ trợ kịp thời cho các hộ bị thiệt hại."""),
        _s("""Khi nào dự án kè chống sạt lở được khởi công? | Các hộ phải di dời khẩn cấp được hỗ
        trợ những gì? | Địa phương có phương án gì cho mùa mưa bão năm nay?"""),
        _s("""{Place}: sạt lở uy hiếp nhiều nhà dân | Khẩn cấp di dời các hộ dân ven sông tại
        {place} | Mưa lớn gây ngập sâu nhiều tuyến đường ở {place}"""),
        _s("Làm kè chống sạt lở. | Cảnh báo thiên tai sớm hơn. | Hỗ trợ dân vùng lũ."),
        _s("""The riverbank near our house collapsed last night. | Streets were flooded knee-deep
        after the storm."""),
        (9, 10, 11),
    ),
    TopicContent(
        "traffic",
        "Giao thông, hạ tầng",
        "Traffic and infrastructure",
        9,
        _s("""đường xuống cấp, ổ gà chi chít | đèn đường không sáng | ùn tắc giờ cao điểm | xe tải
        trọng lớn cày nát đường | công trình thi công chậm tiến độ | thiếu cầu qua kênh | vỉa hè
        bị lấn chiếm buôn bán | cống thoát nước bị tắc"""),
        _s("""Tối đến đi đường rất nguy hiểm, đã có mấy vụ té xe. | Công trình rào chắn cả năm
        trời mà chẳng thấy làm. | Mỗi sáng đưa con đi học mất cả tiếng vì kẹt xe. | Mưa xuống là
        ổ gà thành ao, không biết đâu mà tránh."""),
        _s("""Tuyến đường mới trải nhựa đi êm, bà con phấn khởi. | Đèn đường đã được thay, tối đi
        lại an tâm hơn."""),
        _s("""Nghe nói năm sau mới có vốn sửa tuyến này. | Đơn vị thi công có treo biển hẹn hoàn
        thành cuối quý."""),
        _s("""Đề nghị sớm sửa chữa, dặm vá mặt đường. | Mong bố trí lực lượng phân luồng giờ cao
        điểm. | Đề nghị xử lý dứt điểm việc lấn chiếm vỉa hè."""),
        _s("""Bao giờ tuyến đường liên xã được sửa chữa? | Công trình chậm tiến độ như vậy thì ai
        chịu trách nhiệm? | Khi nào có cầu mới thay cho cầu tạm?"""),
        _s("""{Place}: tuyến đường xuống cấp nghiêm trọng sau mùa mưa | Công trình chậm tiến độ
        gây khó cho người dân {place} | Ùn tắc kéo dài tại cửa ngõ {place}"""),
        _s("Sửa đường. | Lắp thêm đèn chiếu sáng. | Giảm kẹt xe."),
        _s("""The road is full of potholes and dangerous at night. | Traffic jams at rush hour are
        getting worse."""),
    ),
    TopicContent(
        "health",
        "Y tế",
        "Health",
        6,
        _s("""quá tải ở bệnh viện tuyến trên | thiếu thuốc bảo hiểm y tế | sốt xuất huyết bùng
        phát | trạm y tế thiếu bác sĩ | thái độ phục vụ của nhân viên y tế | thời gian chờ khám
        quá lâu | giá dịch vụ khám chữa bệnh tăng"""),
        _s("""Đi khám từ năm giờ sáng mà tới trưa mới tới lượt. | Thuốc bảo hiểm hết, phải ra
        ngoài mua với giá cao. | Trong xóm đã có mấy ca sốt xuất huyết mà chưa thấy phun thuốc. |
        Trạm y tế chỉ có một bác sĩ, chiều là đóng cửa."""),
        _s("""Bác sĩ ở trạm y tế tận tình, khám kỹ cho người già. | Đợt tiêm chủng vừa rồi tổ
        chức chu đáo, không phải chờ lâu."""),
        _s("""Trạm y tế có thông báo lịch tiêm chủng tháng này. | Nhiều người chưa biết đăng ký
        khám qua ứng dụng."""),
        _s("""Đề nghị tăng cường phun thuốc diệt muỗi. | Mong bổ sung thuốc và bác sĩ cho trạm y
        tế. | Đề nghị cải thiện quy trình để người bệnh không phải chờ lâu."""),
        _s("""Khi nào trạm y tế được bổ sung bác sĩ? | Vì sao thuốc bảo hiểm y tế thường xuyên
        thiếu? | Người cao tuổi có được ưu tiên khám tại nhà không?"""),
        _s("""{Place}: số ca sốt xuất huyết tăng | Trạm y tế ở {place} thiếu nhân lực | Người bệnh
        chờ khám nhiều giờ tại bệnh viện {place}"""),
        _s("Bổ sung thuốc bảo hiểm. | Khám bệnh nhanh hơn. | Thêm bác sĩ cho trạm y tế."),
        _s("""We waited six hours at the hospital. | The local clinic has run out of insured
        medicine again."""),
        (6, 7, 8),
    ),
    TopicContent(
        "education",
        "Giáo dục",
        "Education",
        6,
        _s("""lạm thu đầu năm học | thiếu phòng học | dạy thêm tràn lan | sĩ số lớp quá đông |
        trường lớp xuống cấp | thiếu giáo viên | bữa ăn bán trú không đảm bảo"""),
        _s("""Đầu năm mới nhập học đã phải đóng cả chục khoản. | Lớp hơn năm mươi cháu, cô giáo
        không xuể. | Trần phòng học bong tróc, mưa là dột. | Không cho con học thêm thì sợ cô để
        ý."""),
        _s("""Trường mới xây khang trang, các cháu rất thích. | Nhà trường công khai các khoản thu
        rõ ràng, phụ huynh yên tâm."""),
        _s("""Phụ huynh đang chờ thông báo tuyển sinh lớp 10. | Năm nay trường chuyển sang học hai
        buổi một ngày."""),
        _s("""Đề nghị kiểm tra các khoản thu đầu năm. | Mong sớm xây thêm phòng học. | Đề nghị
        quản lý chặt việc dạy thêm, học thêm."""),
        _s("""Những khoản thu nào là bắt buộc, khoản nào là tự nguyện? | Khi nào trường được sửa
        chữa phòng học xuống cấp? | Chính sách miễn học phí năm nay áp dụng thế nào?"""),
        _s("""Phụ huynh {place} phản ánh nhiều khoản thu đầu năm | {Place}: trường học quá tải,
        thiếu phòng học | Sửa chữa trường lớp xuống cấp ở {place}"""),
        _s("Giảm các khoản thu. | Xây thêm trường. | Nâng chất lượng dạy học."),
        _s("""The school asks parents for too many fees at the start of the year. | Classes have
        more than fifty pupils."""),
        (8, 9),
    ),
    TopicContent(
        "prices",
        "Giá cả, đời sống, giá điện",
        "Prices and livelihoods",
        9,
        _s("""giá điện tăng cao | hóa đơn tiền điện tăng bất thường | giá xăng dầu biến động |
        giá thực phẩm tăng | giá nước sinh hoạt tăng | giá thuê nhà trọ tăng | giá vàng tăng
        mạnh"""),
        _s("""Tháng này tiền điện nhà tôi tăng gần gấp đôi mà không dùng thêm gì. | Lương không
        tăng mà cái gì cũng tăng giá. | Đi chợ mang năm trăm nghìn giờ không đủ mua đồ ăn một
        tuần. | Chủ nhà trọ lại báo tăng tiền phòng từ tháng sau."""),
        _s("""Giá rau củ dạo này đã dịu lại, bà con đỡ lo. | Điện lực giải thích rõ ràng về hóa
        đơn nên tôi đã hiểu."""),
        _s("""Nghe nói giá điện sẽ được điều chỉnh theo quý. | Nhiều nhà đang chuyển sang lắp điện
        mặt trời."""),
        _s("""Đề nghị điện lực kiểm tra lại chỉ số công tơ. | Mong nhà nước bình ổn giá các mặt
        hàng thiết yếu. | Đề nghị giải thích rõ cách tính tiền điện bậc thang."""),
        _s("""Vì sao hóa đơn tiền điện tháng này tăng bất thường? | Cách tính giá điện bậc thang
        hiện nay như thế nào? | Nhà nước có biện pháp gì để kiềm chế giá cả?"""),
        _s("""Hóa đơn tiền điện tăng, người dân {place} thắc mắc | Giá thực phẩm ở chợ {place}
        tăng mạnh | Điện lực giải đáp thắc mắc của khách hàng tại {place}"""),
        _s("Giảm giá điện. | Bình ổn giá cả. | Kiểm soát giá thuê trọ."),
        _s("""My electricity bill nearly doubled this month. | Food prices at the market keep
        going up."""),
        (1, 2, 5, 6),
    ),
    TopicContent(
        "jobs",
        "Việc làm, thu nhập",
        "Jobs and wages",
        5,
        _s("""nợ lương công nhân | thiếu việc làm cho lao động trẻ | công ty cắt giảm lao động |
        chậm đóng bảo hiểm xã hội | lao động đi làm việc ở nước ngoài bị lừa | thu nhập bấp
        bênh"""),
        _s("""Công ty nợ lương ba tháng rồi, anh em không có tiền gửi về quê. | Xưởng đóng cửa, cả
        trăm người mất việc. | Công ty trừ tiền bảo hiểm hàng tháng nhưng không đóng. | Ra trường
        hai năm mà chưa kiếm được việc đúng ngành."""),
        _s("""Phiên giao dịch việc làm vừa rồi giúp nhiều bạn trẻ có việc. | Lớp học nghề miễn phí
        rất thiết thực."""),
        _s("""Khu công nghiệp mới đang tuyển nhiều lao động phổ thông. | Nhiều người chuyển sang
        chạy xe công nghệ."""),
        _s("""Đề nghị thanh tra việc công ty nợ lương, nợ bảo hiểm. | Mong mở thêm lớp dạy nghề
        cho lao động nông thôn. | Đề nghị hỗ trợ người lao động mất việc."""),
        _s("""Người lao động bị nợ lương thì phải gửi đơn đến đâu? | Lao động mất việc được hỗ trợ
        những gì? | Khi nào có thêm lớp đào tạo nghề miễn phí?"""),
        _s("""Hàng trăm công nhân ở {place} bị nợ lương | {Place} tổ chức phiên giao dịch việc làm
        | Doanh nghiệp ở {place} chậm đóng bảo hiểm cho người lao động"""),
        _s("Tạo thêm việc làm. | Tăng lương. | Đào tạo nghề."),
        _s("""The factory has not paid wages for three months. | Young people cannot find jobs
        here."""),
        (1, 2),
    ),
    TopicContent(
        "public_services",
        "Thủ tục hành chính, dịch vụ công",
        "Public services",
        9,
        _s("""thủ tục hành chính rườm rà | đổi giấy tờ sau khi sáp nhập xã | trụ sở hành chính
        mới ở xa | dịch vụ công trực tuyến hay bị lỗi | cán bộ một cửa hẹn nhiều lần | cập nhật
        địa chỉ mới trên căn cước | chữ ký số khó sử dụng"""),
        _s("""Sau sáp nhập, trụ sở xã mới cách nhà hơn hai mươi cây số. | Nộp hồ sơ trực tuyến mà
        hệ thống báo lỗi suốt. | Đi ba lần vẫn bị trả hồ sơ vì thiếu giấy tờ. | Không biết giờ
        phải làm giấy tờ ở xã nào."""),
        _s("""Bộ phận một cửa hướng dẫn tận tình, làm nhanh gọn. | Làm thủ tục trực tuyến tiện
        hơn, không phải đi lại."""),
        _s("""Phường mới có thông báo địa chỉ các điểm tiếp nhận hồ sơ. | Nhiều người vẫn quen gọi
        theo tên huyện cũ."""),
        _s("""Đề nghị bố trí điểm tiếp nhận hồ sơ gần dân. | Mong hướng dẫn cụ thể việc đổi địa
        chỉ trên giấy tờ. | Đề nghị khắc phục lỗi hệ thống dịch vụ công."""),
        _s("""Sau khi sáp nhập, người dân có phải đổi lại giấy tờ không? | Làm thủ tục chứng thực
        bây giờ đến đâu? | Vì sao hồ sơ nộp trực tuyến vẫn phải mang bản giấy đến?"""),
        _s("""{Place}: người dân làm quen với bộ máy chính quyền mới sau sáp nhập | Dịch vụ công
        trực tuyến ở {place} còn nhiều vướng mắc | Trung tâm phục vụ hành chính công {place} đi
        vào hoạt động"""),
        _s("Thủ tục gọn hơn. | Giảm giấy tờ. | Cán bộ nhiệt tình hơn."),
        _s("""After the commune merger the office is much farther away. | The online public
        service portal keeps failing."""),
    ),
    TopicContent(
        "corruption",
        "Tham nhũng, tiêu cực",
        "Corruption and misconduct",
        3,
        _s("""cán bộ gây nhũng nhiễu | phải bồi dưỡng mới được làm nhanh | sai phạm trong cấp phép
        xây dựng | bớt xén tiền hỗ trợ | thu sai quy định | chạy việc"""),
        _s("""Muốn nhanh thì phải có phong bì, ai cũng biết. | Tiền hỗ trợ về tới dân bị cắt mất
        một phần. | Công trình sai phép mà vẫn xây ầm ầm. | Dân hỏi thì cán bộ trả lời qua
        loa."""),
        _s("""Vụ việc được điều tra nhanh, công khai kết quả, dân tin tưởng. | Cán bộ sai phạm đã
        bị xử lý nghiêm."""),
        _s("""Đoàn thanh tra đã về làm việc với xã. | Vụ việc đang được cơ quan chức năng xác
        minh."""),
        _s("""Đề nghị thanh tra làm rõ và xử lý nghiêm. | Mong công khai kết quả xử lý cho dân
        biết. | Đề nghị có đường dây nóng để người dân tố giác."""),
        _s("""Kết quả thanh tra vụ việc bao giờ được công khai? | Người dân tố cáo tiêu cực có
        được bảo vệ không? | Cán bộ nhũng nhiễu thì bị xử lý thế nào?"""),
        _s("""Thanh tra việc chi tiền hỗ trợ tại {place} | {Place}: kỷ luật cán bộ sai phạm trong
        quản lý đất đai | Người dân tố cáo tiêu cực ở {place}"""),
        _s("Chống tiêu cực. | Minh bạch. | Xử lý cán bộ sai phạm."),
        _s("""Officials ask for bribes to speed up paperwork. | Part of the support money never
        reached families."""),
    ),
    TopicContent(
        "security",
        "An ninh, trật tự",
        "Security and public order",
        6,
        _s("""trộm cắp vặt | đua xe trái phép | tụ tập gây rối về đêm | tín dụng đen đòi nợ | ma
        túy trong thanh thiếu niên | karaoke gây ồn quá giờ"""),
        _s("""Trong tháng mà xóm bị mất ba chiếc xe máy. | Đêm nào cũng có nhóm thanh niên rú ga
        chạy qua. | Bọn đòi nợ ném sơn, mắm tôm vào nhà người ta. | Hát karaoke đến nửa đêm,
        người già không ngủ được."""),
        _s("""Công an phường tuần tra thường xuyên, xóm yên hẳn. | Camera an ninh lắp ở đầu ngõ
        rất hiệu quả."""),
        _s("""Tổ dân phố vừa họp bàn lắp thêm camera. | Công an có đăng số điện thoại trực
        ban."""),
        _s("""Đề nghị tăng cường tuần tra ban đêm. | Mong xử lý nghiêm các nhóm đua xe. | Đề nghị
        triệt phá các ổ tín dụng đen."""),
        _s("""Khi bị đòi nợ kiểu khủng bố thì người dân báo cho ai? | Có kế hoạch lắp camera an
        ninh ở các tuyến đường không? | Xử lý thế nào với karaoke gây ồn sau 22 giờ?"""),
        _s("""{Place}: triệt xóa nhóm đua xe trái phép | Trộm cắp tài sản gia tăng ở {place} | Công
        an {place} ra quân trấn áp tội phạm"""),
        _s("Tăng tuần tra. | An ninh tốt hơn. | Xử lý tín dụng đen."),
        _s("""Motorbikes keep getting stolen in our alley. | Street racing at night is
        dangerous."""),
    ),
    TopicContent(
        "welfare",
        "An sinh xã hội",
        "Social welfare",
        5,
        _s("""chậm chi trả trợ cấp | xét hộ nghèo thiếu công bằng | chế độ cho người có công |
        trợ cấp cho người cao tuổi | nhà tạm của hộ khó khăn | bảo hiểm y tế cho người cận
        nghèo"""),
        _s("""Danh sách hộ nghèo có nhà khá giả mà nhà khó thật thì không có. | Trợ cấp tháng này
        chưa thấy về. | Mẹ tôi tám mươi tuổi mà chưa được hưởng trợ cấp. | Nhà dột nát mấy năm
        nay chưa được hỗ trợ."""),
        _s("""Chương trình xóa nhà tạm giúp nhiều hộ có nhà mới. | Tiền trợ cấp được chuyển vào
        tài khoản, nhận rất tiện."""),
        _s("""Xã đang rà soát lại danh sách hộ cận nghèo. | Từ tháng này trợ cấp có thể nhận qua
        tài khoản ngân hàng."""),
        _s("""Đề nghị công khai danh sách xét duyệt hộ nghèo. | Mong chi trả trợ cấp đúng hạn. |
        Đề nghị hỗ trợ sửa nhà cho các hộ khó khăn."""),
        _s("""Điều kiện để được xét hộ cận nghèo là gì? | Người từ đủ bao nhiêu tuổi được hưởng
        trợ cấp xã hội? | Khi nào các hộ khó khăn được hỗ trợ làm nhà?"""),
        _s("""{Place} hoàn thành xóa nhà tạm cho hộ nghèo | Chi trả trợ cấp qua tài khoản tại
        {place} | Người dân {place} thắc mắc về danh sách hộ nghèo"""),
        _s("Hỗ trợ người nghèo. | Trợ cấp đúng hạn. | Quan tâm người già."),
        _s("""My elderly mother has not received her allowance. | The poor household list is
        unfair."""),
        (1, 12),
    ),
    TopicContent(
        "culture_tourism",
        "Văn hóa, du lịch",
        "Culture and tourism",
        4,
        _s("""chặt chém du khách | lễ hội quá tải | di tích xuống cấp | thiếu sân chơi cho trẻ em
        | quảng cáo sai sự thật về điểm du lịch | nhà văn hóa bỏ hoang"""),
        _s("""Một tô phở ở bãi biển bán giá gấp ba. | Lễ hội đông nghẹt, rác thải khắp nơi. | Đình
        làng xuống cấp, mái sắp sập. | Trẻ con không có chỗ chơi, phải chơi ngoài đường."""),
        _s("""Phố đi bộ cuối tuần rất vui, thu hút nhiều khách. | Lễ hội năm nay tổ chức văn minh,
        gọn gàng."""),
        _s("""Tỉnh đang xây dựng kế hoạch phát triển du lịch cộng đồng. | Nhà văn hóa sắp được
        sửa lại."""),
        _s("""Đề nghị xử lý nghiêm tình trạng chặt chém du khách. | Mong trùng tu di tích trước
        mùa mưa. | Đề nghị xây thêm sân chơi cho thiếu nhi."""),
        _s("""Khi nào di tích được trùng tu? | Địa phương quản lý giá dịch vụ du lịch ra sao? | Nhà
        văn hóa khu phố có được mở cửa cho người dân sinh hoạt không?"""),
        _s("""{Place} đón lượng khách du lịch tăng mạnh | Chấn chỉnh tình trạng chặt chém du khách
        tại {place} | Trùng tu di tích xuống cấp ở {place}"""),
        _s("Thêm sân chơi. | Phát triển du lịch. | Giữ gìn di tích."),
        _s("""Tourists are overcharged at the beach. | The festival was well organised this
        year."""),
        (2, 6, 7, 8),
    ),
    TopicContent(
        "agriculture",
        "Nông nghiệp, thủy sản",
        "Agriculture and fisheries",
        6,
        _s("""giá lúa xuống thấp | thương lái ép giá | dịch bệnh trên tôm | thiếu nước tưới | phân
        bón giả | tàu cá không đủ điều kiện ra khơi | dịch tả lợn châu Phi"""),
        _s("""Lúa chín mà thương lái không chịu mua, có mua thì ép giá. | Tôm chết hàng loạt, mất
        trắng cả vụ. | Mua phải phân bón giả, lúa không lên. | Kênh cạn trơ đáy, không có nước
        tưới."""),
        _s("""Năm nay được mùa được giá, bà con phấn khởi. | Cán bộ khuyến nông xuống tận ruộng
        hướng dẫn."""),
        _s("""Hợp tác xã đang liên kết tiêu thụ lúa cho xã viên. | Nhiều hộ chuyển sang trồng cây
        ăn trái."""),
        _s("""Đề nghị có chính sách thu mua tạm trữ lúa. | Mong kiểm tra chất lượng phân bón,
        thuốc bảo vệ thực vật. | Đề nghị hỗ trợ con giống cho hộ bị thiệt hại."""),
        _s("""Hộ nuôi tôm bị thiệt hại do dịch bệnh được hỗ trợ thế nào? | Bao giờ nạo vét kênh
        thủy lợi? | Làm sao để phân biệt phân bón thật, giả?"""),
        _s("""Nông dân {place} lao đao vì giá lúa giảm | {Place}: tôm chết hàng loạt, người nuôi
        thiệt hại nặng | Ngành nông nghiệp hỗ trợ nông dân {place} chuyển đổi cây trồng"""),
        _s("Bao tiêu nông sản. | Hỗ trợ nông dân. | Giá lúa ổn định."),
        _s("Traders are pushing rice prices down. | Our shrimp ponds were hit by disease."),
        (3, 4, 11, 12),
    ),
    TopicContent(
        "digital_scams",
        "Lừa đảo qua mạng, dịch vụ số",
        "Online scams and digital services",
        6,
        _s("""lừa đảo qua điện thoại | giả danh công an gọi điện | tin nhắn giả mạo ngân hàng |
        ứng dụng dịch vụ công giả mạo | lừa đảo việc nhẹ lương cao | giả danh nhân viên điện lực
        đòi tiền | khó kích hoạt tài khoản định danh điện tử"""),
        _s("""Mẹ tôi bị gọi điện dọa liên quan vụ án, suýt chuyển hết tiền tiết kiệm. | Bấm vào
        đường link lạ là tài khoản ngân hàng bị rút sạch. | Người ta gọi xưng là cán bộ phường,
        bảo cài ứng dụng để cập nhật thông tin. | Ngày nào cũng nhận mấy cuộc gọi rác."""),
        _s("""Nhờ được công an phường tuyên truyền, bà con đã cảnh giác hơn. | Ngân hàng chặn giao
        dịch kịp thời, may không mất tiền."""),
        _s("""Công an khuyến cáo không cung cấp mã OTP cho bất kỳ ai. | Tổ dân phố đang hướng dẫn
        người già cài ứng dụng định danh."""),
        _s("""Đề nghị tăng cường tuyên truyền để người già không bị lừa. | Mong truy bắt các đối
        tượng lừa đảo. | Đề nghị nhà mạng chặn các số gọi lừa đảo."""),
        _s("""Bị lừa chuyển tiền rồi thì làm sao lấy lại được? | Cơ quan công an có gọi điện yêu
        cầu cài ứng dụng không? | Làm sao nhận biết tin nhắn giả mạo ngân hàng?"""),
        _s("""Cảnh báo thủ đoạn lừa đảo mới nhắm vào người dân {place} | {Place}: nhiều người bị
        lừa qua ứng dụng giả mạo | Công an {place} khuyến cáo về lừa đảo trực tuyến"""),
        _s("Cảnh báo lừa đảo. | Bảo vệ người già khỏi lừa đảo. | Chặn cuộc gọi rác."),
        _s("""Someone pretending to be a police officer called my mother and asked for money. | I
        received a fake bank message with a link."""),
    ),
)

TOPIC_BY_CODE: dict[str, TopicContent] = {t.code: t for t in TOPICS}
