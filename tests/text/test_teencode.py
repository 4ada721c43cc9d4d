from __future__ import annotations

import pytest

from opiniondesk.text.abbreviations import ABBREVIATIONS, expand_abbreviations
from opiniondesk.text.matching import match_form
from opiniondesk.text.teencode import expand_teencode, load_teencode


def test_table_size() -> None:
    assert len(load_teencode()) >= 80


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ko biết j luôn", "không biết gì luôn"),
        ("Ko dc đâu", "Không được đâu"),
        ("mn ơi, sđt của phường là j?", "mọi người ơi, số điện thoại của phường là gì?"),
        ("k ai trả lời", "không ai trả lời"),
        ("ns r mà", "nói rồi mà"),
        ("trc đó ngta bảo vs tôi", "trước đó người ta bảo với tôi"),
        ("bn tiền", "bao nhiêu tiền"),
        ("hok đk", "không được"),
    ],
)
def test_expands(text: str, expected: str) -> None:
    assert expand_teencode(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "giá 50 k thôi",  # k after a number is "thousand"
        "5k một ly",
        "mail ko.ai@gmail.com",
        "web dc.gov.vn",
        "UK và EU",  # upper-case acronyms are left alone
        "anh ấy, a e",  # ambiguous a/e are not in the table
        "không được",
    ],
)
def test_leaves_alone(text: str) -> None:
    assert expand_teencode(text) == text


def test_abbreviations_case_sensitive_whole_word() -> None:
    assert expand_abbreviations("UBND xã, CSGT, TP.HCM") == (
        "Ủy ban nhân dân xã, Cảnh sát giao thông, Thành phố Hồ Chí Minh"
    )
    assert expand_abbreviations("ubnd") == "ubnd"
    assert expand_abbreviations("UBNDX") == "UBNDX"
    assert "BHYT" in ABBREVIATIONS and "THPT" in ABBREVIATIONS


def test_match_form_meets_all_spellings() -> None:
    forms = {
        match_form("Ủy ban nhân dân phường không được"),
        match_form("UBND phường ko dc"),
        match_form("uỷ ban nhân dân phường không được"),
        match_form("uy ban nhan dan phuong khong duoc"),
    }
    assert forms == {"uy ban nhan dan phuong khong duoc"}
