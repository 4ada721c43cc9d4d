"""Does a document repeat a claim, or talk about it to refute it?

A denial shares most of its words with the claim it denies ("thông tin cả khu phố ven sông bị
giải tỏa trắng là sai sự thật"), so similarity alone counts corrections as the rumour
spreading. Two cues mark a refutation, both read on the folded text:

* a refutation phrase: "sai sự thật", "tin đồn thất thiệt", "bác bỏ", "đính chính",
  "không có chuyện", "đừng tin", "là lừa đảo", ... (unless the claim says it itself);
* a negation right before a phrase of the claim, within one clause: "không bị giải tỏa",
  "không gây vô sinh" ("không" + at most one linking word such as "bị", "gây", "phải").

Questions ("có thật không?") are not refutations: hearsay asked about still spreads the claim.
"""

from __future__ import annotations

import re
from itertools import pairwise

from opiniondesk.claims.models import Stance
from opiniondesk.discovery.terms import folded_ngrams
from opiniondesk.text.matching import match_form

REFUTATION_PHRASES: tuple[str, ...] = (
    "sai su that",
    "khong dung su that",
    "khong co that",
    "tin don that thiet",
    "thong tin that thiet",
    "that thiet",
    "tin gia",
    "tin vit",
    "tin nham",
    "tin don sai",
    "thong tin sai",
    "hoan toan sai",
    "bia dat",
    "xuyen tac",
    # "lừa đảo" and "giả mạo" alone describe scams people complain about; only these
    # constructions call the claim itself a scam or a fake
    "la lua dao",
    "thu doan lua dao",
    "canh bao lua dao",
    "la gia mao",
    "link gia mao",
    "bac bo",
    "bac tin",
    "dinh chinh",
    "cai chinh",
    "phu nhan",
    "khong co chuyen",
    "khong he",
    "hoan toan khong",
    "khong chinh xac",
    "dung tin",
    "khong nen tin",
    "dung nghe",
    "dung chia se",
    "dung lan truyen",
    "dung share",
    "dung hoang mang",
    "khong co quy dinh",
    "khong co ke hoach",
    "khong co chu truong",
    "khong co chinh sach",
    "van an toan",
    "van con gia tri",
    "van giu nguyen",
)
_NEGATIONS = frozenset({"khong", "chang", "chua", "cha"})
# words that may sit between a negation and the negated phrase: "không *bị* giải tỏa"
_LINKS = frozenset({"bi", "phai", "gay", "duoc", "co", "he", "lam", "the"})
_CLAUSE = re.compile(r"[.,;:!?…()\[\]\"“”\n]+")
_WORD = re.compile(r"[^\W_]+")
_PHRASES = tuple(tuple(p.split()) for p in REFUTATION_PHRASES)


def claim_phrases(claim: str) -> frozenset[str]:
    """The claim's two-word phrases (folded), the ones a negation can deny."""
    return frozenset(t for t in folded_ngrams(claim) if " " in t)


def stance(text: str, claim_bigrams: frozenset[str]) -> Stance:
    """`refutes` when the text carries a refutation cue for this claim, else `repeats`."""
    return Stance.repeats if refutation_cue(text, claim_bigrams) is None else Stance.refutes


def refutation_cue(text: str, claim_bigrams: frozenset[str]) -> str | None:
    """The first cue found, for explanations ("sai su that", "khong ... giai toa")."""
    for clause in _CLAUSE.split(match_form(text)):
        words = _WORD.findall(clause)
        for phrase in _PHRASES:
            if _find(words, phrase) >= 0 and not _in_claim(phrase, claim_bigrams):
                return " ".join(phrase)
        negated = _negated(words, claim_bigrams)
        if negated is not None:
            return negated
    return None


def _in_claim(phrase: tuple[str, ...], claim_bigrams: frozenset[str]) -> bool:
    """A cue the claim itself says ("... là lừa đảo" claimed) cannot refute it."""
    pairs = [f"{a} {b}" for a, b in pairwise(phrase)]
    return bool(pairs) and all(pair in claim_bigrams for pair in pairs)


def _find(words: list[str], phrase: tuple[str, ...]) -> int:
    n = len(phrase)
    for i in range(len(words) - n + 1):
        if tuple(words[i : i + n]) == phrase:
            return i
    return -1


def _negated(words: list[str], claim_bigrams: frozenset[str]) -> str | None:
    for i, word in enumerate(words):
        if word not in _NEGATIONS:
            continue
        for gap in (1, 2):
            j = i + gap
            if j + 1 >= len(words) or (gap == 2 and words[i + 1] not in _LINKS):
                continue
            bigram = f"{words[j]} {words[j + 1]}"
            if bigram in claim_bigrams:
                return f"{word} … {bigram}"
    return None
