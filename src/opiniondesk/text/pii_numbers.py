"""Phone numbers, citizen-ID numbers (CCCD, CMND) and bank-account numbers.

One regex finds runs of digit groups ("0912 345 678", "(028) 3823 4567", "+84 912.345.678");
each run is then read with the words just before it (folded, so "so tai khoan" counts like
"số tài khoản"): the nearest keyword decides between account, ID and phone. Phones are
checked against Vietnam's numbering plan by `phonenumbers`, but only for candidates that
already have a valid prefix and length: the library is ~12 µs a call, the regex ~1 µs a text.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

from opiniondesk.text._regex import trie_pattern
from opiniondesk.text.normalize import fold
from opiniondesk.text.pii_types import Span

__all__ = ["find_numbers", "has_long_number"]


def _split_words(text: str) -> frozenset[str]:
    """A word set written as one string (compact to read and edit)."""
    return frozenset(text.split())


# Six digits with at most short separators between them: texts without this cannot contain
# any of our numbers, and most texts stop here.
_SIX_DIGITS = re.compile(r"\d(?:[ .\-()]{0,3}\d){5}")
_GROUP = r"\(?\+?\d+\)?"
# Not starting inside a number ("3.500.000" must not yield "500.000").
_RUN = re.compile(rf"(?<!\d)(?<!\d[.,]){_GROUP}(?:[ \t.\-]{{1,3}}{_GROUP})*")
_DIGITS = re.compile(r"\d+")
_AMOUNT = re.compile(r"[1-9]\d{0,2}(?:[.,]\d{3})+")
# What follows a money amount or a measure, not an identifier.
_UNIT_AFTER = re.compile(
    r"\s*(?:đ\b|đồng|dong\b|vnđ|vnd|k\b|nghìn|ngàn|ngan\b|nghin|triệu|trieu|tr\b|tỷ|tỉ|ty\b"
    r"|usd|\$|%|m2|m²|m3|km|ha\b|kg|tấn|tan\b|lít|lit\b|mét|met\b|m\b)",
    re.IGNORECASE,
)

# Keywords (folded) before a number that say what it is; the nearest one wins.
# Phrases separated by "|" (they contain spaces).
_PHRASES: dict[str, str] = {
    "bank": (
        "so tai khoan|tai khoan|chu tai khoan|chu tk|so tk|stk|tk|chuyen khoan|ck|"
        "ngan hang|bank|vietcombank|vcb|techcombank|tcb|mbbank|mb bank|mb|bidv|agribank|"
        "vietinbank|acb|sacombank|vpbank|tpbank|shb|hdbank|ocb|vib|seabank|msb|eximbank|"
        "lienvietpostbank|lpbank|nam a bank|bac a bank|abbank|pvcombank|scb|kienlongbank|"
        "vietbank|baovietbank|oceanbank"
    ),
    "id": (
        "cccd|can cuoc|can cuoc cong dan|cmnd|cmt|chung minh|chung minh nhan dan|"
        "chung minh thu|so cm|so dinh danh|dinh danh|ma dinh danh|giay to|"
        "giay to tuy than|the can cuoc"
    ),
    "phone": (
        "sdt|so dien thoai|dien thoai|dt|dtdd|di dong|goi|goi dien|lien he|lh|zalo|"
        "hotline|phone|tel|call|alo|nhan tin|sms|so may|may"
    ),
    "not_personal": (
        "ma so thue|mst|ma so doanh nghiep|ma doanh nghiep|ma ho so|so ho so|ma don|"
        "ma don hang|ma van don|so hieu|so hop dong|ma giao dich|so seri|so serial|"
        "ma bien nhan|so van ban|ma buu chinh|ma so bhxh|so so bhxh|ma the bhyt|ma bhyt"
    ),
}
_KIND_OF: dict[str, str] = {
    p: kind for kind, phrases in _PHRASES.items() for p in phrases.split("|")
}
_CONTEXT = re.compile(rf"(?<![a-z0-9]){trie_pattern(_KIND_OF)}(?![a-z0-9])")
_WINDOW_BEFORE = 40
_WINDOW_AFTER = 24

# Province codes that open a 12-digit CCCD number (Circular 59/2021/TT-BCA, pre-2025 list).
_CCCD_PROVINCES = _split_words(
    "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 "
    "034 035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 "
    "067 068 070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096"
)


def has_long_number(text: str) -> bool:
    """Cheap pre-check: could `text` hold a phone, ID or account number at all?"""
    return _SIX_DIGITS.search(text) is not None


# Mobile prefixes in service after the 2018 renumbering (national form, without the 0).
# phonenumbers' metadata lags behind some of them (089x, 055x were rejected by 9.0.43), so a
# number with one of these prefixes and a possible length is accepted too.
_MOBILE_PREFIXES = _split_words(
    "32 33 34 35 36 37 38 39 52 55 56 58 59 70 76 77 78 79 81 82 83 84 85 86 87 88 89 90 91 "
    "92 93 94 96 97 98 99"
)


@lru_cache(maxsize=8192)
def _valid_phone(national: str) -> bool:
    try:
        number = phonenumbers.parse("+84" + national)
    except phonenumbers.NumberParseException:
        return False
    if phonenumbers.is_valid_number(number):
        return True
    return national[:2] in _MOBILE_PREFIXES and bool(phonenumbers.is_possible_number(number))


def _is_phone(digits: str) -> bool:
    if digits.startswith("84") and len(digits) in (11, 12):
        national = digits[2:]
    elif digits.startswith("0") and len(digits) in (10, 11):
        national = digits[1:]
    else:
        return False
    # Mobiles are 9 national digits starting 3/5/7/8/9 (since the 2018 renumbering);
    # landlines are 10 starting with 2 (area code 2x or 2xx).
    if (len(national) == 9 and national[0] in "35789") or (
        len(national) == 10 and national[0] == "2"
    ):
        return _valid_phone(national)
    return False


def _plausible_cccd(digits: str) -> bool:
    # Province code, then a century/sex digit (0-3 for people born 1900-2099).
    return len(digits) == 12 and digits[:3] in _CCCD_PROVINCES and digits[3] in "0123"


def _context_before(text: str, start: int) -> str | None:
    window = text[max(0, start - _WINDOW_BEFORE) : start]
    cut = max(window.rfind("\n"), window.rfind(". "), window.rfind("; "))
    if cut >= 0:
        window = window[cut + 1 :]
    last: str | None = None
    for m in _CONTEXT.finditer(fold(window)):
        last = _KIND_OF[m.group(0)]
    return last


def _context_after(text: str, end: int) -> str | None:
    window = fold(text[end : end + _WINDOW_AFTER])
    m = _CONTEXT.search(window)
    if m is None or m.start() > 3:  # "0071000123456 (Vietcombank)": right after only
        return None
    kind = _KIND_OF[m.group(0)]
    return kind if kind in ("bank", "id") else None


def _classify(digits: str, context: str | None) -> str | None:
    n = len(digits)
    if context == "not_personal":
        return None
    if context == "bank" and 6 <= n <= 19:
        return "bank_account"
    if context == "id" and n in (9, 12):
        return "cccd" if n == 12 else "cmnd"
    if _is_phone(digits):
        return "phone"
    if n == 12 and _plausible_cccd(digits):
        return "cccd"
    return None


def _is_amount(run: str, text: str, end: int) -> bool:
    if _AMOUNT.fullmatch(run):
        return True
    return _UNIT_AFTER.match(text, end) is not None


def _spans_in_run(text: str, run: re.Match[str]) -> list[Span]:
    groups = [(run.start() + m.start(), run.start() + m.end()) for m in _DIGITS.finditer(run[0])]
    context = _context_before(text, run.start())
    out: list[Span] = []
    i = 0
    while i < len(groups):
        found = False
        # Longest first: "1903 5678 9012 34" is one account, not four numbers.
        for j in range(min(len(groups) - 1, i + 7), i - 1, -1):
            start, end = groups[i][0], groups[j][1]
            digits = "".join(text[a:b] for a, b in groups[i : j + 1])
            if len(digits) < 6 or len(digits) > 19:
                continue
            if _is_amount(text[start:end], text, end):
                continue
            ctx = context
            if ctx is None:
                ctx = _context_after(text, end)
            kind = _classify(digits, ctx)
            if kind is None:
                continue
            # Keep "+84" / "(028)" inside the redacted span.
            while start > run.start() and text[start - 1] in "+(":
                start -= 1
            if end < run.end() and text[end] == ")":
                end += 1
            out.append(Span(kind, start, end))
            i = j + 1
            found = True
            break
        if not found:
            i += 1
    return out


def find_numbers(text: str) -> list[Span]:
    """Phone, CCCD, CMND and bank-account spans in `text` (offsets into `text`)."""
    if not has_long_number(text):
        return []
    spans: list[Span] = []
    for run in _RUN.finditer(text):
        if sum(len(g) for g in _DIGITS.findall(run[0])) >= 6:
            spans.extend(_spans_in_run(text, run))
    return spans
