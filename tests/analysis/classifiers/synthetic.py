"""A small synthetic Vietnamese labelled dataset, written for these tests.

Three topics a provincial desk hears about, each with its own vocabulary, wrapped in shared
filler so that the classifier has to find the topic words; a seeded RNG makes it repeatable.
"""

from __future__ import annotations

import random

TOPIC_PHRASES = {
    "giao_thong": [
        "đường sá xuống cấp",
        "ổ gà trên quốc lộ",
        "kẹt xe giờ cao điểm",
        "cầu tạm rất nguy hiểm",
        "đèn tín hiệu giao thông hỏng",
        "xe tải chở quá tải",
    ],
    "moi_truong": [
        "rác thải đổ bừa bãi",
        "nước sông bị ô nhiễm",
        "khói bụi từ nhà máy",
        "mùi hôi từ bãi rác",
        "chặt phá rừng phòng hộ",
        "nước thải chưa xử lý",
    ],
    "y_te": [
        "trạm y tế thiếu thuốc",
        "bệnh viện quá tải",
        "bác sĩ khám bệnh tận tình",
        "thẻ bảo hiểm y tế",
        "tiêm chủng cho trẻ em",
        "sốt xuất huyết tăng",
    ],
}
OPENINGS = ["người dân phản ánh", "bà con kiến nghị", "nhiều hộ dân cho biết", "cử tri đề nghị", ""]
PLACES = ["ở xã Tân Phú", "tại phường 3", "ở thôn Đông", "gần chợ huyện", ""]
CLOSINGS = ["mong chính quyền sớm giải quyết", "đã kéo dài nhiều tháng", "rất bức xúc", ""]


def make_dataset(n_per_label: int = 40, seed: int = 7) -> tuple[list[str], list[str]]:
    """`n_per_label` sentences per topic, shuffled: (texts, labels)."""
    rng = random.Random(seed)
    rows: list[tuple[str, str]] = []
    for label, phrases in TOPIC_PHRASES.items():
        for _ in range(n_per_label):
            parts = [
                rng.choice(OPENINGS),
                rng.choice(phrases),
                rng.choice(PLACES),
                rng.choice(phrases) if rng.random() < 0.4 else "",
                rng.choice(CLOSINGS),
            ]
            text = " ".join(p for p in parts if p)
            rows.append((text[0].upper() + text[1:], label))
    rng.shuffle(rows)
    return [t for t, _ in rows], [lab for _, lab in rows]
