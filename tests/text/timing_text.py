"""Per-document cost of the text stages (not a test: no wall-clock asserts in tests).

    .venv/bin/python tests/text/timing_text.py

Prints µs/doc for normalise, teencode, match_form, redact, language and their sum on typical
1-3 sentence documents (one in ten carries a phone or e-mail), next to pyvi segmentation.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from opiniondesk.text import (
    detect_language,
    expand_teencode,
    match_form,
    normalize_text,
    redact,
    segment,
)

DOCS = [
    "Người dân phản ánh đường Nguyễn Trãi bị ngập sâu sau mưa lớn, xe cộ đi lại rất khó khăn.",
    "Đề nghị UBND phường sớm khắc phục tình trạng rác thải ùn ứ ở đầu ngõ 34.",
    "Học phí năm nay tăng quá cao. Phụ huynh rất bức xúc, mong Sở GD&ĐT xem xét lại.",
    "ko hiểu sao đèn đường hỏng cả tuần mà k ai sửa, mn ơi có ai biết gọi ai ko",
    "nguoi dan phan anh nuoc sinh hoat bi duc, co mui clo rat nang tu hom qua",
    "Cảm ơn anh Tuấn bên điện lực đã đến sửa rất nhanh, dịch vụ tốt.",
    "Theo Nghị định 100/2019/NĐ-CP, mức phạt là 4.000.000 đồng. Ngày 12/05/2024 mới áp dụng.",
    "Thủ tục cấp sổ đỏ quá rườm rà, tôi nộp hồ sơ từ tháng 3 đến giờ chưa có kết quả.",
    "Xe tải chở cát rơi vãi khắp đường Lê Lợi, bụi mù mịt. Đề nghị CSGT xử lý.",
    "Mất điện từ chiều, gọi tổng đài mãi không được. Số tôi là 0912 345 678, mong phản hồi.",
]


def per_doc_us(fn: Callable[[str], object], rounds: int = 2000) -> float:
    for doc in DOCS:
        fn(doc)
    started = time.perf_counter()
    for _ in range(rounds):
        for doc in DOCS:
            fn(doc)
    return (time.perf_counter() - started) / (rounds * len(DOCS)) * 1e6


def pipeline(doc: str) -> object:
    text = normalize_text(doc)
    return redact(text), detect_language(text), match_form(text)


def main() -> None:
    figures = {
        "normalize_text": per_doc_us(normalize_text),
        "expand_teencode": per_doc_us(expand_teencode),
        "match_form": per_doc_us(match_form),
        "redact": per_doc_us(redact),
        "detect_language": per_doc_us(detect_language),
        "normalise+redact+language+match_form": per_doc_us(pipeline),
        "pyvi segment (reference)": per_doc_us(segment, rounds=200),
    }
    for name, us in figures.items():
        print(f"{name:<40} {us:8.1f} µs/doc  ({1e6 / us:9.0f} docs/s)")


if __name__ == "__main__":
    main()
