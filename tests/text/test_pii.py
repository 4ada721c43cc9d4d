"""PII redaction: per-type recall/precision on tests/data/pii_labelled.jsonl, plus unit cases.

Recall: a labelled entity counts as found when a redaction span covers its whole substring
(whatever placeholder type). Precision of type T: share of T spans that overlap a labelled
entity of type T. Run `pytest -s tests/text/test_pii.py` to see the table.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from opiniondesk.text.pii import PLACEHOLDERS, redact

DATA = Path(__file__).resolve().parents[1] / "data" / "pii_labelled.jsonl"
TYPES = ("phone", "cccd", "cmnd", "email", "plate", "bank_account", "name")


def _rows() -> list[dict[str, Any]]:
    with DATA.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _occurrences(text: str, value: str) -> list[tuple[int, int]]:
    out, start = [], text.find(value)
    while start >= 0:
        out.append((start, start + len(value)))
        start = text.find(value, start + 1)
    return out


def evaluate() -> tuple[dict[str, tuple[float, float, int, int]], list[str]]:
    """{type: (precision, recall, n_gold, n_predicted)} and a list of misses for messages."""
    found: Counter[str] = Counter()
    gold: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    misses: list[str] = []
    for row in _rows():
        text = row["text"]
        spans = redact(text).spans
        gold_spans: list[tuple[str, int, int]] = []
        for entity in row["entities"]:
            kind, value = entity["type"], entity["value"]
            gold[kind] += 1
            places = _occurrences(text, value)
            gold_spans.extend((kind, a, b) for a, b in places)
            if any(s.start <= a and s.end >= b for a, b in places for s in spans):
                found[kind] += 1
            else:
                misses.append(f"{kind}: {value!r} in {text!r}")
        for span in spans:
            predicted[span.kind] += 1
            if any(k == span.kind and span.start < b and span.end > a for k, a, b in gold_spans):
                correct[span.kind] += 1
            elif not any(span.start < b and span.end > a for _, a, b in gold_spans):
                misses.append(f"false {span.kind}: {text[span.start : span.end]!r} in {text!r}")
    table = {
        t: (
            correct[t] / predicted[t] if predicted[t] else 1.0,
            found[t] / gold[t] if gold[t] else 1.0,
            gold[t],
            predicted[t],
        )
        for t in TYPES
    }
    return table, misses


def test_fixture_size() -> None:
    rows = _rows()
    assert len(rows) >= 450
    assert sum(1 for r in rows if not r["entities"]) >= 120
    for row in rows:
        for entity in row["entities"]:
            assert entity["type"] in TYPES
            assert entity["value"] in row["text"]


def test_recall_and_precision_per_type() -> None:
    table, misses = evaluate()
    print("\ntype          precision  recall  gold  predicted")
    for kind, (p, r, g, n) in table.items():
        print(f"{kind:<13} {p:9.3f} {r:7.3f} {g:5d} {n:10d}")
    for line in misses[:40]:
        print("  ", line)
    for kind in ("phone", "cccd", "email"):
        assert table[kind][1] >= 0.99, kind
    for kind in ("cmnd", "plate", "bank_account"):
        assert table[kind][1] >= 0.95, kind
    assert table["name"][1] >= 0.9
    for kind in TYPES:
        assert table[kind][0] >= 0.9, kind


def test_hard_negatives_keep_dates_amounts_and_decree_numbers() -> None:
    for row in _rows():
        if row["entities"]:
            continue
        result = redact(row["text"])
        for keep in row.get("keep", []):
            assert keep in result.text, (keep, row["text"], result.text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gọi 0912345678 nhé", "Gọi [SĐT] nhé"),
        ("sđt 0912 345 678", "sđt [SĐT]"),
        ("ĐT: 0912.345.678", "ĐT: [SĐT]"),
        ("0912-345-678", "[SĐT]"),
        ("+84 912 345 678", "[SĐT]"),
        ("84912345678", "[SĐT]"),
        ("(028) 3823 4567", "[SĐT]"),
        ("0325 123 456 hoặc 0707 123 456", "[SĐT] hoặc [SĐT]"),
        ("CCCD 001203004567", "CCCD [CCCD]"),
        ("số CMND 123456789", "số CMND [CMND]"),
        ("mail: a.b-c@gmail.com.", "mail: [EMAIL]."),
        ("xe 29A-123.45", "xe [BIỂN SỐ]"),
        ("xe 51F1-234.56", "xe [BIỂN SỐ]"),
        ("xe 30E-12345", "xe [BIỂN SỐ]"),
        ("xe 59-X1 123.45", "xe [BIỂN SỐ]"),
        ("biển số 29A12345", "biển số [BIỂN SỐ]"),
        ("STK 0071000123456 Vietcombank", "STK [STK] Vietcombank"),
        ("so tai khoan 19035678901234 techcombank", "so tai khoan [STK] techcombank"),
        ("anh Tuấn", "anh [TÊN]"),
        ("Ông Nguyễn Văn A cho biết", "Ông [TÊN] cho biết"),
        ("cô giáo Hạnh", "cô giáo [TÊN]"),
        ("lien he sdt 0912345678", "lien he sdt [SĐT]"),
    ],
)
def test_redacts(text: str, expected: str) -> None:
    assert redact(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ngày 12/05/2024 lúc 09:30",
        "Giá 3.500.000 đồng, vay 2,5 tỷ",
        "Nghị định 30/2020/NĐ-CP và Quyết định 238-QĐ/TW",
        "Nhà số 12 ngõ 34, tăng 12,5%, diện tích 1.200 m2",
        "đường Lê Lợi, phố Trần Hưng Đạo, xã Hòa Bình",
        "Thành phố Hồ Chí Minh và Bác Hồ",
        "Trần nhà bị dột. Lý do là mưa to.",
        "Mã số thuế 0312345678",
        "Tổng đài 1900 1234",
        "lớp 12A 2024",
    ],
)
def test_leaves_alone(text: str) -> None:
    result = redact(text)
    assert result.text == text and result.counts == {} and result.spans == []


def test_counts_spans_and_placeholders() -> None:
    text = "Anh Tuấn gọi 0912345678, mail tuan@gmail.com, số 0987654321."
    result = redact(text)
    assert result.counts == {"name": 1, "phone": 2, "email": 1}
    assert [text[s.start : s.end] for s in result.spans] == [
        "Tuấn",
        "0912345678",
        "tuan@gmail.com",
        "0987654321",
    ]
    assert set(PLACEHOLDERS) == set(TYPES)


def test_is_place_hook_vetoes_names() -> None:
    text = "Hôm qua tôi gặp anh Phú Mỹ ở chợ"
    assert "[TÊN]" in redact(text).text
    assert redact(text, is_place=lambda s: s == "Phú Mỹ").text == text


def test_names_can_be_switched_off() -> None:
    assert redact("ông Nguyễn Văn A, 0912345678", names=False).text == "ông Nguyễn Văn A, [SĐT]"


def test_empty() -> None:
    assert redact("").text == ""
