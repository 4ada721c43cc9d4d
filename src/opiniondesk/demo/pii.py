"""Made-up personal data as citizens write it, which the desk must redact before storage.

Every value is random (valid shapes, invented digits); none refers to a real person.
"""

from __future__ import annotations

import random

FAMILY = (
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
)
MIDDLE_M = ("Văn", "Hữu", "Minh", "Đức", "Quốc", "Thanh", "Công", "Tấn")
MIDDLE_F = ("Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Hồng")
GIVEN_M = (
    "Hùng",
    "Dũng",
    "Tuấn",
    "Nam",
    "Bình",
    "Sơn",
    "Hải",
    "Phúc",
    "Khoa",
    "Long",
    "Tài",
    "Thắng",
    "Quang",
    "Hiếu",
    "Trung",
    "Lộc",
)
GIVEN_F = (
    "Lan",
    "Hoa",
    "Hương",
    "Mai",
    "Linh",
    "Trang",
    "Thảo",
    "Tâm",
    "Hạnh",
    "Nga",
    "Yến",
    "Phượng",
    "Vy",
    "Nhung",
    "Thủy",
)
_MOBILE = (
    "32",
    "33",
    "34",
    "35",
    "36",
    "37",
    "38",
    "39",
    "56",
    "58",
    "70",
    "76",
    "77",
    "78",
    "79",
    "81",
    "82",
    "83",
    "84",
    "85",
    "86",
    "88",
    "89",
    "90",
    "91",
    "93",
    "94",
    "96",
    "97",
    "98",
)
_CCCD_PROVINCE = ("001", "079", "048", "089", "091", "092", "040", "022", "074", "049")
_PLATE_PROVINCE = ("29", "30", "51", "59", "43", "67", "68", "65", "37", "14", "61", "92")
_BANKS = ("Vietcombank", "Techcombank", "MB", "Agribank", "BIDV", "VietinBank", "ACB", "TPBank")
_MAIL = ("gmail.com", "gmail.com", "yahoo.com", "outlook.com", "icloud.com")
_PLACE_BITS = ("tổ 5", "ấp 3", "khu phố 2", "xóm Bến", "tổ 12", "ấp Long Hòa", "thôn Đông")


def full_name(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_M)} {rng.choice(GIVEN_M)}"
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_F)} {rng.choice(GIVEN_F)}"


def person(rng: random.Random) -> str:
    """'anh Nguyễn Văn Hùng', 'chị Lan', 'bà Lê Thị Hoa', 'chú Tư'…"""
    male = rng.random() < 0.5
    given = rng.choice(GIVEN_M if male else GIVEN_F)
    title = rng.choice(("anh", "ông", "chú", "bác") if male else ("chị", "bà", "cô", "dì"))
    roll = rng.random()
    if roll < 0.45:
        middle = rng.choice(MIDDLE_M if male else MIDDLE_F)
        return f"{title} {rng.choice(FAMILY)} {middle} {given}"
    if roll < 0.9:
        return f"{title} {given}"
    return f"{title} {rng.choice(('Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy', 'Tám'))}"


def phone(rng: random.Random) -> str:
    """A Vietnamese mobile number in one of the many ways people write it."""
    pre = rng.choice(_MOBILE)
    d = f"{pre}{rng.randrange(10_000_000):07d}"  # 9 digits after the leading 0
    forms = (
        f"0{d}",
        f"0{d[:3]} {d[3:6]} {d[6:]}",
        f"0{d[:3]}.{d[3:6]}.{d[6:]}",
        f"0{d[:3]}-{d[3:6]}-{d[6:]}",
        f"0{d[:2]} {d[2:5]} {d[5:]}",
        f"+84 {d[:2]} {d[2:5]} {d[5:]}",
        f"+84{d}",
        f"84{d}",
        f"(+84) {d[:3]}.{d[3:6]}.{d[6:]}",
        f"0{d[:4]} {d[4:]}",
    )
    return rng.choice(forms)


def cccd(rng: random.Random) -> str:
    """A 12-digit citizen-ID number: province, century/sex, birth year, serial."""
    digits = (
        f"{rng.choice(_CCCD_PROVINCE)}{rng.randrange(4)}{rng.randrange(100):02d}"
        f"{rng.randrange(1_000_000):06d}"
    )
    if rng.random() < 0.3:
        return f"{digits[:3]} {digits[3:6]} {digits[6:9]} {digits[9:]}"
    return digits


def email(rng: random.Random) -> str:
    from opiniondesk.demo.style import strip_diacritics

    given = strip_diacritics(rng.choice(GIVEN_M + GIVEN_F)).lower()
    family = strip_diacritics(rng.choice(FAMILY)).lower()
    sep = rng.choice((".", "", "_"))
    return f"{given}{sep}{family}{rng.randrange(60, 2010)}@{rng.choice(_MAIL)}"


def plate(rng: random.Random) -> str:
    prov = rng.choice(_PLATE_PROVINCE)
    if rng.random() < 0.5:  # car: 51F-123.45
        return f"{prov}{rng.choice('ABCDFGHK')}-{rng.randrange(1000):03d}.{rng.randrange(100):02d}"
    series = f"{rng.choice('BCDFGHKLMNPSTVX')}{rng.randrange(1, 10)}"  # motorbike: 59-X1 234.56
    return f"{prov}-{series} {rng.randrange(1000):03d}.{rng.randrange(100):02d}"


def bank_account(rng: random.Random) -> str:
    digits = "".join(str(rng.randrange(10)) for _ in range(rng.choice((10, 12, 13, 14))))
    if rng.random() < 0.3:
        digits = " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))
    return f"{rng.choice(('STK', 'stk', 'STK:', 'Số TK'))} {digits} {rng.choice(_BANKS)}"


def pii_sentence(rng: random.Random) -> tuple[str, str]:
    """One sentence carrying personal data, and its kind (phone, cccd, email, plate, bank, name)."""
    kind = rng.choices(
        ("phone", "name", "cccd", "email", "plate", "bank"), (34, 22, 12, 12, 10, 10)
    )[0]
    if kind == "phone":
        text = rng.choice(
            (
                "Liên hệ {p}: {n}.",
                "SĐT: {n}",
                "Số điện thoại của tôi là {n}, mong được gọi lại.",
                "Zalo {n}",
                "Có gì gọi {n} nhé.",
                "Cần thông tin thêm xin gọi {p} theo số {n}.",
                "ĐT {n} ({p})",
            )
        ).format(p=person(rng), n=phone(rng))
    elif kind == "name":
        text = rng.choice(
            (
                "Nhà {p} ở {b} bị ảnh hưởng nặng nhất.",
                "Theo {p}, chuyện này kéo dài hơn tháng nay.",
                "{P} ở {b} đã nhiều lần lên phường trình bày.",
                "Người phản ánh: {p}, {b}.",
            )
        ).format(p=person(rng), P=person(rng).capitalize(), b=rng.choice(_PLACE_BITS))
    elif kind == "cccd":
        text = rng.choice(
            ("Tôi là {f}, CCCD số {c}.", "Số căn cước: {c}.", "Người gửi: {f} - CCCD {c}")
        ).format(f=full_name(rng), c=cccd(rng))
    elif kind == "email":
        text = rng.choice(
            (
                "Email liên hệ: {e}",
                "Mong phản hồi qua mail {e}.",
                "Xin trả lời giúp vào địa chỉ {e}",
            )
        ).format(e=email(rng))
    elif kind == "plate":
        text = rng.choice(
            (
                "Xe biển số {v} thường xuyên đậu chắn lối đi.",
                "Chiếc xe mang biển {v} chạy rất ẩu.",
                "Có xe tải BKS {v} đổ trộm phế thải ở đây.",
            )
        ).format(v=plate(rng))
    else:
        text = rng.choice(
            (
                "Tôi đã lỡ chuyển tiền vào {s}.",
                "Ai muốn ủng hộ bà con xin chuyển vào {s} ({p}).",
                "Đối tượng yêu cầu chuyển khoản vào {s}.",
            )
        ).format(s=bank_account(rng), p=person(rng))
    return text, kind
