"""Person names: a family name followed by capitalised syllables ("Nguyễn Văn A"), or an
honorific/kinship word followed by a capitalised given name ("anh Tuấn", "bà Tư").

The risk is over-redaction of places, which in Vietnam are very often named after people
("đường Lê Lợi", "quận Hoàng Mai", "Thành phố Hồ Chí Minh"). So a candidate is dropped when
the words before it are a place word (đường, phố, xã, phường, tỉnh, cầu, trường...), when it
is a known place/landmark/historical figure (`data/not_person_names.txt`), or when the
caller's `is_place` hook recognises it. A lone capitalised word at a sentence start is never
taken as a name: only family names (needing a second syllable) or a cue word can start one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache
from importlib import resources

from opiniondesk.text.normalize import fold
from opiniondesk.text.pii_types import Span

__all__ = ["find_names"]


def _split_words(text: str) -> frozenset[str]:
    """A word set written as one string (compact to read and edit)."""
    return frozenset(text.split())


IsPlace = Callable[[str], bool]


def _letters(upper: bool) -> str:
    chars = ["ĐA-Z" if upper else "đa-z"]
    for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)[0]
        if base.isascii() and base.isalpha() and ch.isupper() == upper and ch.isalpha():
            chars.append(ch)
    return "".join(chars)


_UP = _letters(upper=True)
_LOW = _letters(upper=False)
_WORD = rf"[{_UP}][{_LOW}]*(?![\w])"
# Runs of capitalised words on one line ("Ông Nguyễn Văn A", "Thành phố", "Hà Nội").
_CAP_RUN = re.compile(rf"(?<![\w]){_WORD}(?:[ \t]+{_WORD})*")
_CAP_WORD = re.compile(_WORD)

# Cue words after which a capitalised given name alone is a person. Folded forms only where
# they cannot be something else ("chi" = chị; "co" would also be "có", so only "cô").
_KIN_CUES = _split_words(
    "anh chị chi em ông ong bà ba cô chú chu bác bac cậu mợ dì dượng thím cháu chau cụ bé "
    "be bạn thầy chồng vợ con"
) | frozenset(
    {
        "cô giáo",
        "co giao",
        "thầy giáo",
        "thay giao",
        "bác sĩ",
        "bac si",
        "bs",
        "bs.",
        "y tá",
        "luật sư",
        "luat su",
        "ls",
        "nhà báo",
        "phóng viên",
        "pv",
        "đồng chí",
        "dong chi",
        "đ/c",
        "d/c",
        "tài xế",
        "tai xe",
        "tên",
        "ten",
        "tên là",
        "ten la",
        "họ tên",
        "ho ten",
        "gọi là",
        "em trai",
        "em gái",
        "chị gái",
        "anh trai",
        "cô bé",
        "cậu bé",
        "bà cụ",
        "ông cụ",
        "cháu bé",
        "chủ nhà",
        "chủ quán",
    }
)
# Words before a capitalised sequence that make it a place or an organisation.
# Folded forms are listed only where they are not also a common word (cho, to, ben, hang and
# truong = trưởng are left out: "tổ trưởng Nguyễn Văn A" is a person).
_PLACE_CUES = _split_words(
    "đường duong phố pho phường phuong xã xa quận quan huyện huyen tỉnh tinh ấp ap thôn "
    "thon xóm xom bản làng lang khu cầu cau chợ sông song hồ núi nui đèo deo trường viện "
    "vien bv ga bến cảng cang ngõ ngo hẻm hem kiệt ngách ngach tp tp. tại tai ở o về qua "
    "đến tới sang từ chùa chua đình dinh đền den phòng phong cty hãng đoàn đảo dao vịnh "
    "vinh biển bien sân san tổ khóm tòa"
) | frozenset(
    {
        "thành phố",
        "thanh pho",
        "thị xã",
        "thi xa",
        "thị trấn",
        "thi tran",
        "khu phố",
        "khu pho",
        "tổ dân phố",
        "dân phố",
        "ngã tư",
        "nga tu",
        "ngã ba",
        "nga ba",
        "công viên",
        "quảng trường",
        "sân bay",
        "bệnh viện",
        "benh vien",
        "trung tâm",
        "dự án",
        "du an",
        "chung cư",
        "chung cu",
        "đại học",
        "dai hoc",
        "tiểu học",
        "thcs",
        "thpt",
        "ubnd",
        "ủy ban",
        "nhà văn hóa",
        "văn hóa",
        "tuyến",
        "tuyen",
        "nút giao",
        "bến xe",
        "ben xe",
        "khu vực",
        "khu vuc",
        "địa bàn",
        "dia ban",
        "thủ đô",
        "tỉnh lộ",
        "quốc lộ",
        "hương lộ",
        "cao tốc",
        "đại lộ",
        "dai lo",
        "công ty",
        "cong ty",
        "nhà thờ",
        "tổ dân",
        "khu dân cư",
    }
)
# Capitalised words after a kinship cue that are not given names ("anh Grab", "ông Trời",
# "bác sĩ Bệnh viện..."). Sáu, Bảy, Tám... stay out: they are real nicknames (anh Sáu).
_NOT_GIVEN = frozenset(
    (
        "Grab Be Gojek Xanh Shopee Lazada Tiki Facebook Zalo Google Youtube Tiktok Tây Ta "
        "Trời Công Cảnh Bộ Sở Phòng Ban Nhà Nước Đảng Chính Quân Đội Việt Nam Mỹ Hàn Nhật "
        "Trung Tàu Pháp Nga Ấn Lào Cả Các Những Ấy Này Kia Đó Ơi Bệnh Trường Viện Ủy Hội "
        "Đại Chợ Cầu Đường Phố Xã Phường Quận Huyện Tỉnh Thành Khu Tổ Thôn Xóm Ấp Bản Làng"
    )
    .lower()
    .split()
)

_MAX_NAME_WORDS = 5  # Công Tằng Tôn Nữ + given names can be longer; rare enough


def _load_lines(name: str) -> list[str]:
    text = resources.files("opiniondesk.text").joinpath(f"data/{name}").read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


@cache
def _surnames() -> frozenset[str]:
    # Compound surnames are recognised by their first syllable.
    return frozenset(line.split()[0].lower() for line in _load_lines("surnames_vi.txt"))


@cache
def _folded(words: frozenset[str]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


def _member(low: str, words: frozenset[str]) -> bool:
    """Exact (lower-case, with diacritics) membership; without diacritics only for a word
    typed without any. Folding both sides would make Đường = Dương, Phố = Phó, Những = Nhung."""
    if low.isascii():
        return low in _folded(words)
    return low in words


@cache
def _not_person() -> frozenset[str]:
    return frozenset(fold(line) for line in _load_lines("not_person_names.txt"))


_CLAUSE_END = frozenset(".,;:!?…)]}\"'»”")


def _words_before(text: str, start: int) -> tuple[str, str]:
    """The one and two lower-cased words just before `start`, if only spaces separate them
    (a comma or full stop in between means there is no cue)."""
    prefix = text[max(0, start - 30) : start]
    if not prefix or not prefix[-1].isspace():
        return "", ""
    # "(chị Hằng)": an opening bracket or quote glued to the cue does not hide it.
    words = [w.lstrip("([{\"'“«") for w in prefix.split()]
    if not words or not words[-1]:
        return "", ""
    last = words[-1].lower()
    if last[-1] in _CLAUSE_END and last not in ("tp.", "bs."):
        return "", ""
    if len(words) < 2 or not words[-2] or words[-2][-1] in _CLAUSE_END:
        return last, ""
    return last, words[-2].lower() + " " + last


def _is_cue(one: str, two: str, cues: frozenset[str]) -> bool:
    return one in cues or (bool(two) and two in cues)


def _vetoed(candidate: str, cues: tuple[str, str], is_place: IsPlace | None) -> bool:
    """Known places and figures, also with the one or two words before them ("Hai Bà Trưng",
    where "bà" looks like a kinship cue)."""
    folded = fold(candidate)
    known = _not_person()
    if folded in known or any(cue and fold(cue) + " " + folded in known for cue in cues):
        return True
    return is_place is not None and is_place(candidate)


def _name_in_run(
    text: str, words: list[tuple[int, int]], before: tuple[str, str], is_place: IsPlace | None
) -> Span | None:
    one, two = before
    for i, (start, end) in enumerate(words):
        word = text[start:end]
        low = word.lower()
        if _is_cue(one, two, _PLACE_CUES):
            return None  # the rest of this run is a place or organisation name
        if _member(low, _surnames()) and i + 1 < len(words):
            last = words[min(len(words), i + _MAX_NAME_WORDS) - 1][1]
            if _vetoed(text[start:last], (one, two), is_place):
                return None
            return Span("name", start, last)
        if (
            _is_cue(one, two, _KIN_CUES)
            and low not in _NOT_GIVEN
            and (low.isascii() or low not in _PLACE_CUES)
        ):
            # the whole capitalised run after the cue: "bà Trưng Thị Lan" leaves nothing behind
            last = words[min(len(words), i + _MAX_NAME_WORDS) - 1][1]
            if _vetoed(text[start:last], (one, two), is_place):
                return None
            return Span("name", start, last)
        two = one + " " + low if one else ""
        one = low
    return None


def find_names(text: str, is_place: IsPlace | None = None) -> list[Span]:
    """Person-name spans (the name only, without the honorific before it)."""
    spans: list[Span] = []
    for run in _CAP_RUN.finditer(text):
        base = run.start()
        words = [(base + m.start(), base + m.end()) for m in _CAP_WORD.finditer(run[0])]
        before = _words_before(text, run.start())
        # Fast exit for the common case: one capitalised word (a sentence start) with no cue.
        if len(words) == 1 and not _is_cue(*before, _KIN_CUES):
            continue
        span = _name_in_run(text, words, before, is_place)
        if span is not None:
            spans.append(span)
    return spans
