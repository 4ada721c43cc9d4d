from __future__ import annotations

import unicodedata

import pytest

from opiniondesk.text.normalize import fold, has_diacritics, normalize_text

SAMPLES = [
    "Người dân phản ánh đường bị ngập",
    "hoà bình, thuỷ lợi, khoẻ mạnh, hoá đơn",
    "Quả thật giờ này UBND xã Hòa Bình vẫn chưa trả lời",
    "  nhiều   khoảng\ttrắng \u200b và\u00a0ký tự ẩn\ufeff ",
    "Dòng 1\n\n\n  Dòng 2  ",
    "HOÀ THUỶ KHOẺ",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@pytest.mark.parametrize("text", SAMPLES)
def test_nfd_input_gives_same_output(text: str) -> None:
    assert normalize_text(unicodedata.normalize("NFD", text)) == normalize_text(text)
    assert fold(unicodedata.normalize("NFD", text)) == fold(text)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("hoà", "hòa"),
        ("thuỷ", "thủy"),
        ("khoẻ", "khỏe"),
        ("hoá", "hóa"),
        ("uỷ ban", "ủy ban"),
        ("huỷ", "hủy"),
        ("Hoà Bình", "Hòa Bình"),
        ("HOÀ", "HÒA"),
        ("xoè", "xòe"),
    ],
)
def test_tone_placement_old_to_modern(old: str, new: str) -> None:
    assert normalize_text(old) == new


@pytest.mark.parametrize(
    "word", ["quả", "quý", "giờ", "hoàng", "tuyết", "khuỷu", "ngoài", "xoáy", "thuyền", "hòa"]
)
def test_words_where_conventions_agree_are_untouched(word: str) -> None:
    assert normalize_text(word) == word


def test_strips_invisible_and_collapses_whitespace() -> None:
    assert normalize_text("  a\u200b b\u00a0\u00a0c\x07d ") == "a b c d"
    assert normalize_text("x\r\n\r\n  y ") == "x\ny"
    assert normalize_text("") == ""


def test_fold() -> None:
    assert fold("Người Dân ĐƯỜNG Đá") == "nguoi dan duong da"
    assert fold("hoà") == fold("hòa") == "hoa"
    assert fold("THUỶ") == fold("thủy") == "thuy"
    assert fold("abc DEF") == "abc def"
    assert fold("Á\u200bb") == "ab"


def test_has_diacritics() -> None:
    assert has_diacritics("đường")
    assert has_diacritics(unicodedata.normalize("NFD", "à"))
    assert not has_diacritics("nguoi dan phan anh")
    assert not has_diacritics("“quoted” – text")
