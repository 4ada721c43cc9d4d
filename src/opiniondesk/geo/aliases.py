"""Hand-kept spellings the package data lacks, and the words that make a place name doubtful.

Everything here is data, read by the gazetteer (extra spellings) and by the matcher (how much
to trust a bare name). Keys are folded (lower case, no diacritics) unless said otherwise.
"""

from __future__ import annotations

from opiniondesk.storage.models import UnitLevel

# Extra spellings by (level, code). Accented forms are kept accented: text written with
# diacritics must agree with them.
EXTRA_SPELLINGS: dict[tuple[UnitLevel, str], tuple[str, ...]] = {
    (UnitLevel.province, "79"): ("Sài Gòn", "HCM", "TPHCM", "HCMC", "SG", "Saigon"),
    (UnitLevel.province, "01"): ("HN",),
    (UnitLevel.province, "66"): ("Đắc Lắc", "Đăk Lăk", "Đắk Lăk", "Đắc Lắk", "Daklak"),
    (UnitLevel.legacy_province, "66"): ("Đắc Lắc", "Đăk Lăk", "Đắk Lăk", "Đắc Lắk", "Daklak"),
    (UnitLevel.legacy_province, "67"): ("Đăk Nông", "Đắc Nông", "Daknong"),
    (UnitLevel.legacy_province, "06"): ("Bắc Cạn",),
    (UnitLevel.legacy_province, "46"): ("Thừa Thiên Huế", "TT-Huế"),
    (UnitLevel.legacy_province, "77"): ("Vũng Tàu", "Bà Rịa", "BRVT", "BR-VT"),
}

# Spellings that count only when written in capitals: lower-case "hn" is teencode for
# "hôm nay" (today) and "sg" is common shorthand for other things.
CAPITALS_ONLY: frozenset[str] = frozenset({"hn", "sg"})

# Provinces whose short name is also an everyday word or phrase. The value says when a bare
# mention (no "tỉnh"/"TP" before it) counts:
#   "title"  – written with capitals ("Thái Bình", not "thái bình" = peaceful), or after a
#              locative word (ở, tại, về, từ, đến) or right after another place;
#   "cue"    – only after a locative word or another place ("Hồ Chí Minh" is first a person);
#   "plain"  – only when typed without diacritics is it doubtful ("can tho" may be "cần thở").
CONFUSABLE_PROVINCES: dict[str, str] = {
    "hoa binh": "title",  # hòa bình = peace
    "thai binh": "title",  # thái bình = peaceful
    "binh dinh": "title",  # bình định = to pacify
    "hai duong": "title",  # hải dương = ocean
    "vinh phuc": "title",  # vĩnh phúc = lasting happiness
    "phu tho": "title",
    "ho chi minh": "cue",  # the person, his thought, his mausoleum, the trail
    "can tho": "plain",  # cần thở = need to breathe
    "hue": "plain",  # huệ = tuberose
    "long an": "plain",  # lòng an = peace of mind
    "ha nam": "plain",
}

# Phrases that contain a place name but are not places: matched as a whole and thrown away.
NOT_PLACES: tuple[str, ...] = (
    "Thái Bình Dương",  # the Pacific Ocean (contains "Thái Bình" and "Bình Dương")
    "chủ tịch Hồ Chí Minh",
    "Bác Hồ Chí Minh",
    "tư tưởng Hồ Chí Minh",
    "cộng sản Hồ Chí Minh",
    "đường mòn Hồ Chí Minh",
    "hòa bình thống nhất",
    "hòa bình độc lập",
    "độc lập tự do",
)

# Words right before a bare name that say it names something else: a street, a market, a
# hamlet, a school. Accented: "cho" without diacritics means "for/give", not "chợ".
NOT_A_UNIT_BEFORE: frozenset[str] = frozenset(
    {
        "đường",
        "phố",
        "lộ",
        "ngõ",
        "ngách",
        "hẻm",
        "kiệt",
        "chợ",
        "cầu",
        "bến",
        "thôn",
        "ấp",
        "xóm",
        "bản",
        "buôn",
        "làng",
        "khóm",
        "tổ",
        "trường",
        "viện",
        "cung",
        "hát",
        "viên",  # công viên
        "sân",
        "tòa",
        "thị",  # đô thị (khu đô thị); "thị xã"/"thị trấn" are markers, handled before this
        "hiệu",  # thương hiệu
        "báo",
        "đội",
        "clb",
    }
)
# Of those, the ones that mean the same thing typed without diacritics.
NOT_A_UNIT_BEFORE_PLAIN: frozenset[str] = frozenset(
    {"duong", "ngo", "hem", "kiet", "thon", "ap", "xom", "khom", "truong", "vien", "clb"}
)
# Only these block a province name ("Xa lộ Hà Nội", "phố Huế", "đường Thái Bình").
NOT_A_PROVINCE_BEFORE: frozenset[str] = frozenset({"đường", "phố", "lộ", "ngõ", "hẻm", "chợ"})

# Rivers, passes, bays and islands take the names of communes but run across many of them:
# "sông Thu Bồn" is no reason to place a text in xã Thu Bồn. (A former district's name after
# them still says which province: "đèo Bảo Lộc", "vịnh Hạ Long".)
NATURAL_FEATURES: frozenset[str] = frozenset(
    {"sông", "núi", "đèo", "hồ", "vịnh", "biển", "bãi", "suối", "thác", "đảo", "kênh", "rạch"}
)

# Before a name, these make it a person's name: "anh Bình Định", "ông Tân Lập".
PERSON_TITLES: frozenset[str] = frozenset(
    {"anh", "chị", "ông", "bà", "em", "cô", "chú", "bác", "cháu", "cụ", "bạn", "thầy", "giáo"}
)

# Words that announce a place: "ở Thái Bình", "tại Hòa Bình", "về Hồ Chí Minh".
LOCATIVE_CUES: frozenset[str] = frozenset({"ở", "tại", "về", "từ", "đến", "tới", "o", "tai"})

# Commune names that are also ordinary words; even with context they need capitals.
COMMON_WORD_NAMES: frozenset[str] = frozenset(
    {
        "hoa binh",
        "an binh",
        "binh an",
        "tan tien",
        "thong nhat",
        "doc lap",
        "tu do",
        "dan chu",
        "doan ket",
        "chien thang",
        "thanh cong",
        "quyet thang",
        "quyet tien",
        "tien bo",
        "tien phong",
        "hanh phuc",
        "binh minh",
        "an ninh",
        "hoa hop",
        "phu quy",
        "thinh vuong",
        "an lac",
        "thuan loi",
        "dong tam",
        "tan lap",
        "hung thinh",
        "phat trien",
        "thanh xuan",
        "trung tam",
        "an phu",
        "an hoa",
        "hoa an",
        "tam thanh",
        "quang trung",
        "minh khai",
        "hong phong",
        "yen binh",
        "binh yen",
        "van minh",
        "vinh quang",
        "nhan hoa",
        "phu my",
        "hung dao",
        "dong xuan",
        "tan an",
        "an khang",
        "thinh long",
        "tan phu",
    }
)
