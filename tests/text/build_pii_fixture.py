"""Builds tests/data/pii_labelled.jsonl from hand-written sentence templates.

Run once (`.venv/bin/python tests/text/build_pii_fixture.py`) and commit the output; the
tests read the JSONL, not this script. Templates and value lists were written for opiniondesk;
the random generator is seeded so the file is reproducible. Each line: {"text", "entities":
[{"type", "value"}], "keep": [substrings that must survive redaction]}.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "data" / "pii_labelled.jsonl"
rng = random.Random(20240517)

MOBILE_PREFIXES = [
    "032",
    "033",
    "034",
    "035",
    "036",
    "037",
    "038",
    "039",
    "056",
    "058",
    "059",
    "070",
    "076",
    "077",
    "078",
    "079",
    "081",
    "082",
    "083",
    "084",
    "085",
    "086",
    "087",
    "088",
    "089",
    "090",
    "091",
    "092",
    "093",
    "094",
    "096",
    "097",
    "098",
    "099",
    "055",
]
LANDLINES = ["024", "028", "0236", "0251", "0225", "0234", "0292", "0274", "0258", "0203"]


def mobile() -> str:
    p = rng.choice(MOBILE_PREFIXES)
    rest = f"{rng.randint(2, 9)}{rng.randint(0, 999999):06d}"
    d = p + rest  # 10 digits
    style = rng.randrange(9)
    if style == 0:
        return d
    if style == 1:
        return f"{d[:4]} {d[4:7]} {d[7:]}"
    if style == 2:
        return f"{d[:4]}.{d[4:7]}.{d[7:]}"
    if style == 3:
        return f"{d[:4]}-{d[4:7]}-{d[7:]}"
    if style == 4:
        return f"+84 {d[1:4]} {d[4:7]} {d[7:]}"
    if style == 5:
        return f"+84{d[1:]}"
    if style == 6:
        return f"84{d[1:]}"
    if style == 7:
        return f"{d[:3]} {d[3:6]} {d[6:]}"
    return f"{d[:3]}.{d[3:6]}.{d[6:]}"


def landline() -> str:
    area = rng.choice(LANDLINES)
    n = 11 - len(area)
    sub = f"{rng.choice('3567')}{rng.randint(0, 10 ** (n - 1) - 1):0{n - 1}d}"
    style = rng.randrange(3)
    if style == 0:
        return f"({area}) {sub[:4]} {sub[4:]}"
    if style == 1:
        return f"{area}.{sub[:4]}.{sub[4:]}"
    return f"{area} {sub[:4]} {sub[4:]}"


def phone() -> str:
    return landline() if rng.random() < 0.2 else mobile()


PROVINCES = [
    "001",
    "002",
    "004",
    "008",
    "010",
    "019",
    "022",
    "024",
    "026",
    "027",
    "030",
    "031",
    "033",
    "034",
    "036",
    "037",
    "038",
    "040",
    "042",
    "044",
    "045",
    "046",
    "048",
    "049",
    "051",
    "052",
    "054",
    "056",
    "058",
    "060",
    "064",
    "066",
    "068",
    "070",
    "072",
    "074",
    "075",
    "077",
    "079",
    "080",
    "082",
    "083",
    "086",
    "087",
    "089",
    "091",
    "092",
    "094",
    "095",
    "096",
]


def cccd(spaced: bool = False) -> str:
    d = rng.choice(PROVINCES) + str(rng.randint(0, 3)) + f"{rng.randint(40, 99) % 100:02d}"
    d += f"{rng.randint(0, 999999):06d}"
    return f"{d[:4]} {d[4:8]} {d[8:]}" if spaced else d


def cmnd() -> str:
    return f"{rng.choice(['0', '1', '2', '3'])}{rng.randint(10000000, 99999999)}"


PLATE_CODES = [
    11,
    12,
    14,
    15,
    17,
    18,
    20,
    22,
    26,
    29,
    30,
    34,
    35,
    36,
    37,
    38,
    43,
    47,
    49,
    50,
    51,
    59,
    60,
    61,
    62,
    63,
    65,
    66,
    72,
    73,
    75,
    77,
    79,
    81,
    83,
    86,
    88,
    92,
    93,
    99,
]


def plate() -> tuple[str, bool]:
    """(plate, needs a plate word before it)."""
    code = rng.choice(PLATE_CODES)
    letter = rng.choice("ABCDEFGHKLMNPSTUVXYZ")
    n5 = f"{rng.randint(0, 99999):05d}"
    style = rng.randrange(8)
    if style == 0:
        return f"{code}{letter}-{n5[:3]}.{n5[3:]}", False
    if style == 1:
        return f"{code}{letter}{rng.randint(1, 9)}-{n5[:3]}.{n5[3:]}", False
    if style == 2:
        return f"{code}{letter}-{n5}", False
    if style == 3:
        return f"{code}-{letter}{rng.randint(1, 9)} {n5[:3]}.{n5[3:]}", False
    if style == 4:
        return f"{code}{letter} {n5[:3]}.{n5[3:]}", False
    if style == 5:
        return f"{code}{letter}{n5}", True
    if style == 6:
        return f"{code}{letter}{rng.choice(['D', 'A', 'B'])}-{n5[:3]}.{n5[3:]}", False
    return f"{code}{letter}{rng.randint(1, 9)}-{n5[1:]}", False


BANKS = [
    "Vietcombank",
    "VCB",
    "Techcombank",
    "MB",
    "MB Bank",
    "BIDV",
    "Agribank",
    "VietinBank",
    "ACB",
    "Sacombank",
    "VPBank",
    "TPBank",
]


def account() -> str:
    n = rng.choice([9, 10, 12, 13, 14, 15])
    d = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(n - 1))
    if rng.random() < 0.2:
        d = "0" + d[1:]
    if rng.random() < 0.15 and n >= 12:
        return " ".join(d[i : i + 4] for i in range(0, n, 4))
    return d


SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Trương",
    "Đinh",
    "Đoàn",
    "Lâm",
    "Mai",
    "Trịnh",
    "Đào",
    "Cao",
    "Hà",
    "Tạ",
    "Lương",
    "Châu",
    "Quách",
    "Thái",
]
MIDDLE = [
    "Văn",
    "Thị",
    "Hữu",
    "Đức",
    "Minh",
    "Ngọc",
    "Thanh",
    "Quốc",
    "Xuân",
    "Thu",
    "Hoài",
    "Công",
    "Kim",
    "Thành",
]
GIVEN = [
    "Hùng",
    "Lan",
    "Tuấn",
    "Hạnh",
    "Dũng",
    "Hoa",
    "Nam",
    "Phương",
    "Long",
    "Hải",
    "Trang",
    "Linh",
    "Bình",
    "Thảo",
    "Hiếu",
    "Khoa",
    "Yến",
    "Nga",
    "Tâm",
    "Quang",
    "Huy",
    "Thủy",
    "Hằng",
    "Đạt",
    "Vinh",
    "Sơn",
    "Cường",
    "Oanh",
    "Phúc",
    "Nhung",
]
NAMES_NO_DIACRITICS = [
    "Nguyen Van Hung",
    "Tran Thi Lan",
    "Le Minh Tuan",
    "Pham Thi Hoa",
    "Vo Van Dung",
    "Dang Thi Thao",
    "Bui Quoc Khoa",
    "Do Thanh Hai",
]


def full_name() -> str:
    parts = [rng.choice(SURNAMES), rng.choice(MIDDLE)]
    if rng.random() < 0.3:
        parts.append(rng.choice(GIVEN))
    parts.append(rng.choice(GIVEN))
    return " ".join(parts)


def given() -> str:
    return rng.choice(GIVEN)


EMAIL_USERS = [
    "nguyenvana",
    "tranthib",
    "lan.pham",
    "tuan_le",
    "hoangminh",
    "thuytrang",
    "dungvo",
    "hoa.nguyen",
    "khoa.bui",
    "ngocanh",
    "quanghuy",
    "bichngoc",
]
EMAIL_DOMAINS = [
    "gmail.com",
    "yahoo.com",
    "yahoo.com.vn",
    "outlook.com",
    "hotmail.com",
    "fpt.vn",
    "vnpt.vn",
    "icloud.com",
    "gmail.com",
    "gmail.com",
]


def email() -> str:
    user = rng.choice(EMAIL_USERS)
    if rng.random() < 0.6:
        user += str(rng.randint(1, 2005))
    return f"{user}@{rng.choice(EMAIL_DOMAINS)}"


PHONE_T = [
    "Đèn đường trước nhà tôi hỏng cả tuần, cần thì gọi lại cho tôi số {phone}.",
    "Rác ùn ứ ở đầu ngõ 5 ngày rồi, ai phụ trách thì liên hệ {phone} nhé.",
    "Nước sinh hoạt bị đục, mùi clo nặng. SĐT của tôi: {phone}",
    "Cống tràn ngập hết đường, bà con ai biết số đội môi trường không? Số tôi {phone}",
    "Tôi bị hàng xóm mở nhạc to đến 2h sáng, đề nghị xử lý, liên hệ {phone}.",
    "Cho hỏi thủ tục cấp sổ đỏ mất bao lâu? sđt {phone} ạ",
    "Ai nhặt được ví màu nâu ở chợ thì gọi giúp em {phone}, em cảm ơn nhiều.",
    "Công trình xây dựng làm bụi cả khu phố. Mọi thông tin xin gọi {phone}.",
    "nuoc bi cup 3 ngay roi, lien he sdt {phone} de kiem tra giup",
    "Điện chập chờn liên tục, gia đình tôi có người già. ĐT: {phone}",
    "Shipper giao hàng bị chó cắn ở hẻm, ai có thông tin nhắn zalo {phone}.",
    "Tôi muốn phản ánh việc thu phí trông xe quá cao, số điện thoại {phone}.",
    "Hồ sơ của tôi nộp từ tháng 3 chưa có kết quả, vui lòng gọi {phone}.",
    "Cây xanh gãy đổ chắn ngang đường, số máy của tôi là {phone}",
    "Bán nhà chính chủ, gọi {phone} hoặc {phone2}, miễn trung gian.",
    "Cần tìm người làm chứng vụ va chạm sáng nay, liên lạc {phone} giúp mình.",
    "Đường vào trường bị đào bới nguy hiểm cho học sinh. Phụ huynh: {phone}.",
    "Xin phản ánh trạm biến áp kêu to cả đêm, hotline nhà tôi {phone}",
    "mn ơi ai có số của tổ trưởng không, ib mình {phone} nha",
    "Mất điện từ chiều, gọi tổng đài mãi không được. Số tôi là {phone}, mong phản hồi.",
]
EMAIL_T = [
    "Ad ơi cho em xin link đăng ký, gửi giúp em về {email} với ạ",
    "Mọi góp ý xin gửi về {email}, mình sẽ tổng hợp gửi phường.",
    "Tôi đã gửi đơn qua {email} từ tuần trước mà chưa ai trả lời.",
    "Ai cần tài liệu hướng dẫn thủ tục thì để lại mail, hoặc mail cho mình: {email}",
    "Email của tôi là {email}, mong cơ quan chức năng phản hồi.",
    "Cho mình xin file biểu mẫu nhé {email} cảm ơn ad",
    "Liên hệ qua thư điện tử {email} hoặc gọi điện cho tôi {phone}.",
    "em gui roi ma k thay phan hoi, mail em {email}",
    "Kết quả xét tuyển gửi về hộp thư {email}; nếu sai sót tôi sẽ khiếu nại.",
    "Phụ huynh có thắc mắc xin gửi về địa chỉ {email}.",
]
CCCD_T = [
    "Tôi tên là {name}, CCCD số {cccd}, đề nghị được cấp lại giấy xác nhận cư trú.",
    "Căn cước công dân của tôi {cccd} bị sai năm sinh, làm sao để sửa?",
    "Số CCCD: {cccd}, cấp ngày 12/08/2021 tại Cục Cảnh sát QLHC về TTXH.",
    "Em bị mất ví có thẻ căn cước {cccd}, ai nhặt được cho em xin lại.",
    "Đơn của ông {name} (CCCD {cccd}) đã nộp từ tháng trước.",
    "Số định danh cá nhân {cccd} không tra cứu được trên VNeID.",
    "Tôi kê khai đúng mã số {cccd} nhưng hệ thống báo sai.",
    "Người đứng tên hợp đồng: {cccd}, thường trú tại tổ 5, phường Tân Mai.",
    "cccd cua em la {cccd} ma bi khoa tai khoan dinh danh",
    "Gửi kèm bản sao CCCD {cccd} và giấy khai sinh của con.",
]
CMND_T = [
    "Tôi dùng CMND số {cmnd} cấp năm 2010, nay muốn đổi sang CCCD.",
    "Số CMT của tôi là {cmnd}, đề nghị kiểm tra lại hồ sơ.",
    "Giấy chứng minh nhân dân {cmnd} đã hết hạn thì có làm thủ tục được không?",
    "Mất chứng minh thư số {cmnd}, ai nhặt được xin liên hệ.",
    "Chủ hộ có số CMND: {cmnd}, cấp ngày 05/06/2009 tại CA Nghệ An.",
    "giấy tờ tùy thân số {cmnd} bị người khác dùng để vay tiền",
]
PLATE_T = [
    "Xe {plate} vượt đèn đỏ tại ngã tư lúc 7h sáng, đề nghị CSGT xử lý.",
    "Ô tô biển {plate} đỗ chắn cổng nhà tôi cả ngày.",
    "Xe tải {plate} chở cát rơi vãi khắp đường, bụi mù mịt.",
    "Taxi {plate} chở khách chặt chém, tính 500 nghìn cho 5 km.",
    "Xe máy biển kiểm soát {plate} chạy tốc độ cao trong khu dân cư.",
    "Phát hiện xe {plate} đổ trộm rác xây dựng ra bờ sông.",
    "Xe khách {plate} dừng đỗ đón khách sai quy định trên quốc lộ.",
    "Có ai biết chủ xe {plate} không, đâm vào xe tôi rồi bỏ chạy.",
    "xe {plate} buon lau di vao duong cam",
    "Xe cứu thương {plate} bị chặn ở cổng bệnh viện hơn 10 phút.",
]
PLATE_LOOSE_T = [
    "Xe biển số {plate} vượt ẩu trên cầu.",
    "biển số {plate} thường xuyên đỗ trên vỉa hè",
    "Chiếc xe BKS {plate} đã bỏ đi sau va chạm.",
]
BANK_T = [
    "Cảnh báo lừa đảo: đối tượng yêu cầu chuyển tiền vào STK {acct} {bank}.",
    "Tôi bị lừa 20 triệu, chuyển vào số tài khoản {acct} ngân hàng {bank}.",
    "Ủng hộ bà con vùng lũ: STK {acct} - {bank} - chủ TK Quỹ từ thiện phường.",
    "Kẻ gian mạo danh công an bắt chuyển khoản vào tài khoản {acct} ({bank}).",
    "Mọi người cẩn thận với tài khoản {bank} {acct}, đã lừa nhiều người.",
    "Tiền học phí chuyển về tk {acct} {bank} là đúng hay sai vậy?",
    "so tai khoan {acct} {bank} la cua doi tuong lua dao",
    "Chủ shop cho số tài khoản {acct} rồi chặn liên lạc.",
]
NAME_FULL_T = [
    "Ông {name}, trú tại tổ 3, phản ánh nhà bị nứt do công trình bên cạnh.",
    "Bà {name} cho biết đã nộp hồ sơ từ tháng 5 nhưng chưa được giải quyết.",
    "Chủ tịch UBND xã là ông {name} hứa sẽ kiểm tra trong tuần.",
    "Tôi là {name}, sinh năm 1978, xin trình bày sự việc như sau.",
    "Cán bộ địa chính {name} đòi tiền bồi dưỡng mới làm hồ sơ.",
    "Đồng chí {name}, Bí thư Đảng ủy, đã trực tiếp đối thoại với người dân.",
    "Bác sĩ {name} khám rất tận tình, gia đình tôi xin cảm ơn.",
    "Theo phản ánh của chị {name}, đường ống nước bị vỡ từ hôm qua.",
    "Hộ ông {name} chưa nhận được tiền hỗ trợ đền bù.",
    "{name} (SN 1990) bị bắt quả tang trộm cắp tại chợ.",
    "Cô giáo {name} chủ nhiệm lớp 5A rất có trách nhiệm.",
    "Người nhận đơn là anh {name}, cán bộ một cửa.",
]
NAME_GIVEN_T = [
    "Anh {given} ở xóm trên nói rằng cống bị tắc từ lâu.",
    "Chị {given} bán rau đầu ngõ bị trật tự đô thị thu hàng.",
    "Cảm ơn anh {given} bên điện lực đã đến sửa rất nhanh.",
    "Bà {given} năm nay 80 tuổi sống một mình, mong địa phương hỗ trợ.",
    "Hôm qua cô {given} tổ trưởng đi thu tiền rác.",
    "Cháu {given} bị ngã xuống hố ga không có nắp.",
    "Em hỏi chú {given} bảo vệ thì chú bảo không biết.",
    "cam on chi {given} da giup do nhiet tinh",
]
NAME_NO_DIA_T = [
    "Toi la {nd}, nha o ngo 12, xin phan anh viec mat nuoc.",
    "ong {nd} to truong dan pho khong giai quyet",
]
NEG = [
    "Theo Nghị định 100/2019/NĐ-CP, mức phạt vượt đèn đỏ là 4.000.000 đồng.",
    "Quyết định 238-QĐ/TW ngày 15/01/2021 quy định về kiểm tra, giám sát.",
    "Ngày 12/05/2024 lúc 14:30, mưa lớn gây ngập 30 cm tại nhiều tuyến phố.",
    "Giá đất tăng 25% so với năm 2023, có nơi lên 120 triệu đồng/m2.",
    "Dự án có tổng vốn 2,5 tỷ đồng, diện tích 1.250 m2, khởi công năm 2022.",
    "Nhà tôi ở số 12 ngõ 34 phố Lê Lợi, phường Hà Đông.",
    "Đường Trần Hưng Đạo ngập sâu sau trận mưa chiều qua.",
    "Thành phố Hồ Chí Minh sẽ cấm xe tải vào nội đô từ 6h đến 22h.",
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    "Bác Hồ dạy: không có việc gì khó, chỉ sợ lòng không bền.",
    "Xã Hòa Bình vừa khánh thành nhà văn hóa mới trị giá 3.500.000.000 đồng.",
    "Lý do chậm giải quyết là thiếu hồ sơ theo Thông tư 01/2022/TT-BTNMT.",
    "Trần nhà lớp học bị bong tróc, nguy hiểm cho học sinh.",
    "Công văn số 1234/UBND-KT ngày 03/04/2024 về việc chỉnh trang đô thị.",
    "Học phí năm học 2024-2025 tăng lên 1.500.000 đồng/tháng.",
    "Tổng đài 1900 1234 và đường dây nóng 1022 hoạt động 24/7.",
    "Mã số thuế 0312345678 của doanh nghiệp đã bị đóng.",
    "Quận Hoàng Mai có 14 phường với dân số khoảng 540.000 người.",
    "Lãi suất 7,5%/năm, khoản vay 500 triệu trả trong 20 năm.",
    "Khu đô thị rộng 45,6 ha nằm trên Quốc lộ 1A, km 1234+500.",
    "Chợ Bến Thành mở cửa từ 6h00 đến 18h00 hằng ngày.",
    "Tỉnh Thái Bình thu hoạch 250.000 tấn lúa vụ đông xuân.",
    "Cầu Trần Thị Lý ở Đà Nẵng được chiếu sáng đẹp vào ban đêm.",
    "Trường THPT Phan Đình Phùng tuyển 600 học sinh lớp 10.",
    "Bệnh viện Bạch Mai quá tải, mỗi ngày tiếp nhận 6.000 lượt khám.",
    "Nghị quyết 57-NQ/TW về phát triển khoa học công nghệ ban hành ngày 22/12/2024.",
    "Giá xăng RON 95 là 21.450 đồng/lít từ 15h ngày 10/10.",
    "Điểm chuẩn năm nay là 27,5 điểm, tăng 0,75 so với năm 2023.",
    "Luật số 91/2025/QH15 về bảo vệ dữ liệu cá nhân có hiệu lực từ 01/01/2026.",
    "Tuyến buýt số 32 chạy từ Giáp Bát đến Nhổn mỗi 10 phút.",
    "Dân số toàn tỉnh là 1.234.567 người, mật độ 350 người/km2.",
    "Mức lương cơ sở 2.340.000 đồng áp dụng từ ngày 01/07/2024.",
    "Hồ Gươm sẽ được cải tạo lại hệ thống đèn chiếu sáng.",
    "Ngập úng tại đường Nguyễn Hữu Cảnh kéo dài hơn 3 giờ.",
    "Phường Võ Thị Sáu tổ chức tiêm vắc xin cho 2.500 trẻ.",
    "Năm 2020 lũ lịch sử làm 250 người chết và mất tích.",
    "Hà Nội có 30 quận, huyện, thị xã trước khi sắp xếp năm 2025.",
    "Xe buýt 02 tuyến Bến Thành - Chợ Lớn tạm ngừng từ 20/11.",
    "Tổng mức đầu tư 12.500 tỷ đồng cho 47 km đường vành đai.",
    "Số hồ sơ 000.00.12.H29-240512-0001 đã được tiếp nhận.",
    "Thời hạn giải quyết là 15 ngày làm việc kể từ ngày 05.06.2024.",
    "Sáng 8/3, UBND tỉnh Lâm Đồng tổ chức hội nghị với 120 đại biểu.",
    "Trường Tiểu học Lê Văn Tám có 1.200 học sinh ở 32 lớp.",
    "Kim ngạch xuất khẩu đạt 355,5 tỷ USD, tăng 14,3%.",
    "Nhà số 45/12 hẻm 78 đường Lê Văn Sỹ bị nứt tường.",
    "Diện tích đất bị thu hồi là 2.345,6 m2 thuộc thửa số 123, tờ bản đồ số 45.",
    "Mã bưu chính 100000 dùng cho khu vực trung tâm Hà Nội.",
    "Quốc lộ 14 đoạn km 817 - km 887 đang được nâng cấp.",
    "Phiên họp thứ 12 của UBTVQH diễn ra từ 14/5 đến 17/5/2022.",
    "Tỷ lệ hộ nghèo giảm còn 1,93% năm 2024.",
    "Công an phường Bến Nghé tiếp nhận 35 tin báo trong tháng 6.",
    "Lúc 23h45 ngày 31/12/2023 xảy ra vụ cháy tại số 10 phố Hàng Bạc.",
    "Gói thầu số 12 trị giá 45.678.900.000 đồng đã được phê duyệt.",
    "Giá điện bậc 1 là 1.806 đồng/kWh theo Quyết định 2941/QĐ-BCT.",
    "Ninh Bình đón 5,2 triệu lượt khách trong quý I.",
    "Phan Thiết nắng nóng 38 độ C kéo dài suốt tuần.",
    "Học sinh lớp 12A1 trường Nguyễn Trãi đạt giải nhất.",
    "Số tiền 150.000.000 đồng đã được trả lại cho người dân.",
    "Đường dây nóng của tỉnh: 0232.1022 (hoạt động giờ hành chính).",
    "Hội nghị lần thứ 10 Ban Chấp hành Trung ương khóa XIII.",
    "Khu phố 5, phường Tân Phú có 1.020 hộ dân.",
    "Văn bản số 4567/BGDĐT-GDTrH hướng dẫn thi tốt nghiệp.",
    "Tờ trình 98/TTr-UBND ngày 20/10/2023 đề xuất điều chỉnh quy hoạch.",
    "Giá vé tham quan là 30.000 đ/người, trẻ em dưới 1m2 miễn phí.",
    "Vụ lúa hè thu đạt năng suất 6,2 tấn/ha trên 12.345 ha.",
    "Tỉnh Hà Giang có đèo Mã Pí Lèng dài khoảng 20 km.",
    "Đoàn kiểm tra làm việc từ 8h00 đến 11h30 ngày 09/09/2024.",
    "Chợ Hồ Thị Kỷ mở cửa đến 22h mỗi ngày.",
    "Theo Kế hoạch 215/KH-UBND, các phường hoàn thành trước 30/6/2025.",
    "Mưa lớn 150-200 mm gây sạt lở tại km 45+300 quốc lộ 6.",
    "Cảng Cái Mép đón tàu 200.000 tấn lần đầu tiên năm 2021.",
    "Phiếu tiếp nhận số 2024/0123456 hẹn trả kết quả ngày 20/6.",
    "Sân bay Tân Sơn Nhất đón 40 triệu lượt khách năm 2023.",
    "Tổng cộng 3.456 hồ sơ trực tuyến, tỷ lệ đúng hạn 98,7%.",
    "Phố Hàng Mã rực rỡ đèn lồng dịp Trung thu năm 2024.",
    "Ký hiệu văn bản 15/2024/NQ-HĐND được thông qua với 95% đại biểu tán thành.",
    "Huyện Châu Thành có 18 xã và 1 thị trấn.",
    "Khoản nợ 2.000.000.000 đồng đã quá hạn 180 ngày.",
    "Quảng trường Lâm Viên đông nghịt người dịp lễ 30/4.",
    "Lê Lợi là tuyến phố chính của thành phố Thanh Hóa.",
    "Nguyễn Huệ trở thành phố đi bộ từ năm 2015.",
    "Bưu điện quận 1 làm việc đến 20h, mã 700000.",
    "Dự án BOT thu phí 35.000 đồng/lượt xe dưới 12 chỗ.",
    "Năm 1975, 1986 và 2025 là những mốc quan trọng của đất nước.",
    "Thời gian: 08 giờ 00 ngày 25 tháng 12 năm 2024.",
    "Hồ Tây rộng khoảng 500 ha, là hồ lớn nhất nội thành.",
    "Mạng lưới 5G phủ sóng 99,8% dân số tại 63 tỉnh thành.",
    "Thông báo số 678/TB-VP ngày 14/8 kết luận của Chủ tịch UBND tỉnh.",
    "Khu vực Thái Hà thường xuyên ùn tắc giờ cao điểm.",
    "Vé tháng xe buýt giá 140.000 đồng, học sinh giảm 50%.",
    "Cây cầu dài 1.234 m, rộng 24,5 m, vốn 3.100 tỷ.",
    "Đợt rét đậm kéo dài từ 10/1 đến 16/1, nhiệt độ 8-10 độ C.",
    "Hồ sơ gồm 02 bản sao, 01 đơn và 01 ảnh 3x4.",
    "Phần mềm phiên bản 2.15.3 được cập nhật ngày 2024-05-12.",
    "Tổ dân phố số 7 có 234 hộ, 1.020 nhân khẩu.",
    "Xe buýt 86 đi sân bay Nội Bài giá 45.000 đ.",
    "Theo Thông tư 24/2023/TT-BCA, biển số được định danh theo chủ xe.",
    "Số lượng 123.456.789 liều vắc xin đã được tiêm.",
    "Tốc độ tối đa 60 km/h trong khu dân cư, 90 km/h trên cao tốc.",
    "Trận bóng 2-1 tối qua thu hút 40.000 khán giả.",
    "Điểm thi môn Toán: 8,75; Văn: 7,5; Anh: 9,2.",
    "Hà Tĩnh hỗ trợ 5 triệu đồng cho mỗi hộ bị thiệt hại.",
    "Cao Bằng có thác Bản Giốc cao 53 m.",
    "Đường Võ Nguyên Giáp kéo dài 12 km ven biển.",
    "Lương hưu tăng 15% từ 1/7/2024 theo Nghị định 75/2024/NĐ-CP.",
    "Phí trước bạ ô tô là 10-12% giá trị xe.",
    "Hai năm 2022 2023 doanh thu đạt 1500 tỷ.",
    "Dân số năm 2024: 101.300.000 người.",
    "Kế hoạch 2021-2025 hoàn thành 95% chỉ tiêu.",
    "Hotline tổng đài điện lực 19001288 hỗ trợ 24/24.",
    "Lớp 10A2 có 45 học sinh, lớp 11B3 có 42 học sinh.",
    "Chung cư CT1 tầng 12 căn hộ 12A-1205 bị thấm nước.",
    "Mưa đá ở Lào Cai ngày 10/4 làm hư hỏng 1.500 nhà.",
    "Số liệu quý 3/2024: tăng trưởng GRDP đạt 7,4%.",
    "Hôm nay Tổng cục Thống kê công bố CPI tăng 3,5%.",
    "Ông bà ta có câu: ăn quả nhớ kẻ trồng cây.",
    "Mai mốt trời nắng lại thì đi làm đường tiếp.",
    "Trường Đại học Bách khoa tuyển 8.000 sinh viên năm 2024.",
    "Người dân Hà Nội đổ ra đường ngắm pháo hoa lúc 0h.",
    "Cảm ơn đội ngũ y bác sĩ Bệnh viện Chợ Rẫy.",
    "Quốc hội thông qua Luật Đất đai 2024 với 432/477 đại biểu tán thành.",
    "Chiều 15/6, nhiệt độ tại Hà Nội lên tới 39,5 độ C.",
    "Thửa đất số 256, tờ bản đồ 12, diện tích 300 m2.",
    "Tổng thu ngân sách đạt 1.700.000 tỷ đồng năm 2023.",
    "Tại Hà Nội, người dân phàn nàn về ô nhiễm không khí.",
    "Nhà văn hóa thôn Đông có sức chứa 200 người.",
    "Lúc 6:45 sáng xe buýt mới đến, trễ 25 phút.",
    "Đèn tín hiệu tại nút giao Lý Thường Kiệt hỏng 3 ngày.",
    "Kỳ họp thứ 8 Quốc hội khóa XV khai mạc ngày 21/10/2024.",
]
# Hand-written one-off sentences (not templated), closer to what arrives from real channels.
EXTRA: list[dict[str, object]] = [
    {
        "text": "Alo 0978 123 456 đây, ai ở gần chợ Đông Ba báo giúp cháy nhà!",
        "entities": [{"type": "phone", "value": "0978 123 456"}],
    },
    {
        "text": "SĐT/Zalo: 0868.456.789 (chị Hằng) - nhận đặt hàng.",
        "entities": [{"type": "phone", "value": "0868.456.789"}, {"type": "name", "value": "Hằng"}],
    },
    {
        "text": "Số điện thoại 0903123456 là của tổ trưởng Đinh Văn Lực, gọi mãi không nghe.",
        "entities": [
            {"type": "phone", "value": "0903123456"},
            {"type": "name", "value": "Đinh Văn Lực"},
        ],
    },
    {
        "text": "lh 0919 888 777 gặp a Phong",
        "entities": [{"type": "phone", "value": "0919 888 777"}],
    },
    {
        "text": "Gọi 0243.825.3536 (văn phòng) hoặc 0987654321 (di động).",
        "entities": [
            {"type": "phone", "value": "0243.825.3536"},
            {"type": "phone", "value": "0987654321"},
        ],
    },
    {
        "text": "Email: hotro_dancu2024@gmail.com - mong UBND phường phản hồi sớm.",
        "entities": [{"type": "email", "value": "hotro_dancu2024@gmail.com"}],
    },
    {
        "text": "Gửi thư về 0912345678@gmail.com giúp mình nhé",
        "entities": [{"type": "email", "value": "0912345678@gmail.com"}],
    },
    {
        "text": "CCCD: 038 095 012 345, ai nhặt được xin gọi 0357 246 810.",
        "entities": [
            {"type": "cccd", "value": "038 095 012 345"},
            {"type": "phone", "value": "0357 246 810"},
        ],
    },
    {
        "text": "Tôi Lê Thị Hồng Nhung, số CCCD 001 185 012 345, ở tổ 12.",
        "entities": [
            {"type": "name", "value": "Lê Thị Hồng Nhung"},
            {"type": "cccd", "value": "001 185 012 345"},
        ],
    },
    {
        "text": "Con tôi tên Phạm Gia Bảo, học lớp 3B, bị bạn đánh.",
        "entities": [{"type": "name", "value": "Phạm Gia Bảo"}],
    },
    {
        "text": "Xe 43A-567.89 của hãng Mai Linh chạy quá tốc độ.",
        "entities": [{"type": "plate", "value": "43A-567.89"}],
    },
    {
        "text": "Xe máy 29-B1 123.45 dựng trên vỉa hè cả tháng nay.",
        "entities": [{"type": "plate", "value": "29-B1 123.45"}],
    },
    {
        "text": "BIỂN SỐ 51K-888.88 đỗ trước cổng trường suốt giờ tan học.",
        "entities": [{"type": "plate", "value": "51K-888.88"}],
    },
    {
        "text": "Nó bảo ck vào stk 8888 6666 9999 MB Bank rồi mất hút.",
        "entities": [{"type": "bank_account", "value": "8888 6666 9999"}],
    },
    {
        "text": "Tk Agribank: 3100205123456, chủ tk Nguyen Van Hoang.",
        "entities": [
            {"type": "bank_account", "value": "3100205123456"},
            {"type": "name", "value": "Nguyen Van Hoang"},
        ],
    },
    {
        "text": "Ông Ba xe ôm ở đầu hẻm 45 bị lừa mất 3 triệu.",
        "entities": [{"type": "name", "value": "Ba"}],
    },
    {
        "text": "Chú Hai Lúa ở ấp 3 kêu nước mặn vô ruộng.",
        "entities": [{"type": "name", "value": "Hai Lúa"}],
    },
    {
        "text": "Em là Trương Mỹ Linh, sinh viên năm 2, muốn hỏi về học bổng.",
        "entities": [{"type": "name", "value": "Trương Mỹ Linh"}],
    },
    {
        "text": "Cảm ơn thầy Khánh và cô Thu đã giúp các cháu ôn thi.",
        "entities": [{"type": "name", "value": "Khánh"}, {"type": "name", "value": "Thu"}],
    },
    {
        "text": "Ngày 05/07/2024 tôi nộp 1.250.000 đồng phí trước bạ, biên lai số 0001234.",
        "entities": [],
        "keep": ["05/07/2024", "1.250.000"],
    },
    {
        "text": "Hẻm 1141/12 đường Phạm Thế Hiển ngập tới đầu gối.",
        "entities": [],
        "keep": ["1141/12"],
    },
    {
        "text": "Phường Lê Lợi và phường Trần Phú được sáp nhập từ 1/7/2025.",
        "entities": [],
        "keep": ["1/7/2025"],
    },
    {
        "text": "Giá 1 m2 đất mặt tiền đường Hoàng Văn Thụ là 250 triệu.",
        "entities": [],
        "keep": ["250"],
    },
    {
        "text": "Hội Liên hiệp Phụ nữ tặng 500 suất quà trị giá 500.000 đồng.",
        "entities": [],
        "keep": ["500.000"],
    },
    {
        "text": "Tổng đài 028 3829 7777? Không, đó là số của Sở, không phải của ai cả.",
        "entities": [{"type": "phone", "value": "028 3829 7777"}],
    },
]

# Money, dates and decree numbers each hard negative must keep.
_KEEP = re.compile(
    r"\d+/\d{4}/[A-ZĐ\-]+|\d+-[A-ZĐ]+/[A-Z]+|\d{1,2}/\d{1,2}/\d{4}|\d{1,3}(?:\.\d{3})+(?:,\d+)?"
    r"|\d+,\d+|\d+%"
)


def fill(template: str) -> dict[str, object]:
    entities: list[dict[str, str]] = []
    text = template
    for slot, kind, make in (
        ("{phone2}", "phone", phone),
        ("{phone}", "phone", phone),
        ("{email}", "email", email),
        ("{cccd}", "cccd", lambda: cccd(rng.random() < 0.15)),
        ("{cmnd}", "cmnd", cmnd),
        ("{acct}", "bank_account", account),
        ("{bank}", "", lambda: rng.choice(BANKS)),
        ("{name}", "name", full_name),
        ("{given}", "name", given),
        ("{nd}", "name", lambda: rng.choice(NAMES_NO_DIACRITICS)),
    ):
        while slot in text:
            value = make()
            text = text.replace(slot, value, 1)
            if kind:
                entities.append({"type": kind, "value": value})
    return {"text": text, "entities": entities}


def fill_plate(template: str, loose: bool) -> dict[str, object]:
    while True:
        value, needs_word = plate()
        if needs_word == loose:
            break
    return {
        "text": template.replace("{plate}", value),
        "entities": [{"type": "plate", "value": value}],
    }


def main() -> None:
    rows: list[dict[str, object]] = []
    for templates, copies in (
        (PHONE_T, 5),
        (EMAIL_T, 5),
        (CCCD_T, 5),
        (CMND_T, 4),
        (BANK_T, 6),
        (NAME_FULL_T, 4),
        (NAME_GIVEN_T, 3),
        (NAME_NO_DIA_T, 3),
    ):
        for template in templates:
            rows.extend(fill(template) for _ in range(copies))
    for template in PLATE_T:
        rows.extend(fill_plate(template, loose=False) for _ in range(5))
    for template in PLATE_LOOSE_T:
        rows.extend(fill_plate(template, loose=True) for _ in range(3))
    rows.extend(EXTRA)
    for text in NEG:
        rows.append({"text": text, "entities": [], "keep": _KEEP.findall(text)})
    seen: set[str] = set()
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            if row["text"] in seen:
                continue
            seen.add(str(row["text"]))
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(seen)} rows -> {OUT}")


if __name__ == "__main__":
    main()
