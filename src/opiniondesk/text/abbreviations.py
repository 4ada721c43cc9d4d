"""Official Vietnamese abbreviations (UBND, CSGT, BHYT...) and their full forms.

Decision: abbreviations are expanded only in the matching copy (see `matching.match_form`),
never in the stored text. Readers know "UBND"; what must not happen is a topic rule written as
"ủy ban nhân dân" missing a post that says "UBND". Running the same expansion over documents
and over query terms makes both spellings meet in one form.
Keys are case-sensitive: "TP" is Thành phố, "tp" in a chat is often something else.
"""

from __future__ import annotations

import re
from functools import cache

from opiniondesk.text._regex import trie_pattern

__all__ = ["ABBREVIATIONS", "expand_abbreviations"]

ABBREVIATIONS: dict[str, str] = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "HDND": "Hội đồng nhân dân",
    "MTTQ": "Mặt trận Tổ quốc",
    "ĐBQH": "Đại biểu Quốc hội",
    "TW": "Trung ương",
    "TAND": "Tòa án nhân dân",
    "VKSND": "Viện kiểm sát nhân dân",
    "THADS": "Thi hành án dân sự",
    "CAND": "Công an nhân dân",
    "CSGT": "Cảnh sát giao thông",
    "PCCC": "Phòng cháy chữa cháy",
    "ATGT": "An toàn giao thông",
    "ATTP": "An toàn thực phẩm",
    "BHYT": "Bảo hiểm y tế",
    "BHXH": "Bảo hiểm xã hội",
    "BHTN": "Bảo hiểm thất nghiệp",
    "THPT": "Trung học phổ thông",
    "THCS": "Trung học cơ sở",
    "GD&ĐT": "Giáo dục và Đào tạo",
    "GDĐT": "Giáo dục và Đào tạo",
    "TN&MT": "Tài nguyên và Môi trường",
    "TNMT": "Tài nguyên và Môi trường",
    "GTVT": "Giao thông vận tải",
    "LĐTBXH": "Lao động - Thương binh và Xã hội",
    "NN&PTNT": "Nông nghiệp và Phát triển nông thôn",
    "KH&ĐT": "Kế hoạch và Đầu tư",
    "GPMB": "Giải phóng mặt bằng",
    "QSDĐ": "Quyền sử dụng đất",
    "GCNQSDĐ": "Giấy chứng nhận quyền sử dụng đất",
    "TTHC": "Thủ tục hành chính",
    "DVC": "Dịch vụ công",
    "NSNN": "Ngân sách nhà nước",
    "CCCD": "Căn cước công dân",
    "CMND": "Chứng minh nhân dân",
    "HTX": "Hợp tác xã",
    "KCN": "Khu công nghiệp",
    "KĐT": "Khu đô thị",
    "BQL": "Ban quản lý",
    "TDP": "Tổ dân phố",
    "KP": "Khu phố",
    "BV": "Bệnh viện",
    "CNTT": "Công nghệ thông tin",
    "DN": "Doanh nghiệp",
    "TP.HCM": "Thành phố Hồ Chí Minh",
    "TPHCM": "Thành phố Hồ Chí Minh",
    "TP HCM": "Thành phố Hồ Chí Minh",
    "HCM": "Hồ Chí Minh",
    "TP.": "Thành phố",
    "TP": "Thành phố",
    "Tp.": "Thành phố",
}


@cache
def _pattern() -> re.Pattern[str]:
    # Longest keys win because the trie tries longer continuations first ("TP.HCM" before "TP").
    return re.compile(rf"(?<!\w){trie_pattern(ABBREVIATIONS)}(?!\w)")


def _replace(m: re.Match[str]) -> str:
    return ABBREVIATIONS[m.group(0)]


def expand_abbreviations(text: str) -> str:
    """Replace each known abbreviation (exact case, whole word) by its full form."""
    if not text:
        return text
    return _pattern().sub(_replace, text)
