"""Small labelled Vietnamese texts for lifecycle tests: varied enough that near-duplicate
detection keeps them apart, regular enough that a model learns them from a few dozen rows."""

from __future__ import annotations

import csv
import random
from pathlib import Path

TOPIC_CLAUSES = {
    "traffic": [
        "đường liên xã xuống cấp nhiều ổ gà",
        "xe tải chạy quá tốc độ qua khu dân cư",
        "cầu tạm bị lún sau mưa lớn",
        "đèn giao thông ở ngã tư hỏng nhiều ngày",
        "ùn tắc kéo dài giờ tan tầm trên quốc lộ",
        "vạch kẻ đường mờ và thiếu biển báo",
        "mặt đường nứt toác gây tai nạn xe máy",
        "bãi đỗ xe lấn chiếm lòng đường",
    ],
    "health": [
        "trạm y tế thiếu thuốc điều trị",
        "bệnh viện huyện quá tải bệnh nhân",
        "thẻ bảo hiểm y tế khó sử dụng khi khám",
        "dịch sốt xuất huyết tăng ở khu phố",
        "bác sĩ khám bệnh quá vội vàng",
        "tiêm chủng cho trẻ em bị hoãn",
        "phòng khám tư thu phí cao bất thường",
        "xe cấp cứu đến chậm khi người bệnh nguy kịch",
    ],
    "education": [
        "trường tiểu học thiếu giáo viên tiếng Anh",
        "học phí năm học mới tăng mạnh",
        "phòng học xuống cấp dột nước khi mưa",
        "học sinh phải học thêm buổi tối",
        "sách giáo khoa mới khó mua ở vùng sâu",
        "bữa ăn bán trú của học sinh kém chất lượng",
        "kỳ thi tuyển sinh lớp mười quá căng thẳng",
        "nhà trường thu nhiều khoản ngoài quy định",
    ],
}
SENTIMENT_CLAUSES = {
    "negative": [
        "người dân rất bức xúc và thất vọng",
        "tình trạng này thật tệ hại và kéo dài",
        "chúng tôi bất bình vì không ai giải quyết",
        "bà con lo lắng và phẫn nộ",
    ],
    "positive": [
        "người dân rất hài lòng và cảm ơn chính quyền",
        "mọi người vui mừng vì đã được xử lý nhanh",
        "bà con phấn khởi và đánh giá cao",
        "chúng tôi cảm ơn vì sự quan tâm kịp thời",
    ],
    "neutral": [
        "xin hỏi khi nào có kế hoạch cụ thể",
        "đề nghị cơ quan chức năng cho biết thông tin",
        "tôi muốn hỏi thủ tục như thế nào",
        "mong được giải đáp về lịch trình",
    ],
}
OPENINGS = ["Ở", "Tại", "Gần", "Quanh khu vực"]
PLACES = ["thôn Đông", "xóm Bãi", "khu phố 3", "ấp Mới", "làng Thượng", "tổ dân phố 7", "bản Na"]


def labelled_rows(n: int, *, seed: int = 0) -> list[dict[str, str]]:
    """Rows with `text`, `topic` and `sentiment`, cycling through every pair of labels."""
    rng = random.Random(seed)
    topics, moods = sorted(TOPIC_CLAUSES), sorted(SENTIMENT_CLAUSES)
    rows = []
    for i in range(n):
        topic, mood = topics[i % len(topics)], moods[(i // len(topics)) % len(moods)]
        first, second = rng.sample(TOPIC_CLAUSES[topic], 2)
        text = (
            f"{rng.choice(OPENINGS)} {rng.choice(PLACES)}, {first}, {second}; "
            f"{rng.choice(SENTIMENT_CLAUSES[mood])} (ý kiến số {seed * 10_000 + i})."
        )
        rows.append({"text": text, "topic": topic, "sentiment": mood})
    return rows


def write_labelled(path: Path, rows: list[dict[str, str]], task: str) -> Path:
    """A `text,label` CSV for `model train/evaluate`, label taken from column `task`."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["text", "label"])
        for row in rows:
            writer.writerow([row["text"], row[task]])
    return path


def ingest_rows(rows: list[dict[str, str]], *, prefix: str = "doc") -> list[dict[str, str]]:
    """The same texts as rows for `Ingestor` (tests/builders.py FIELDS)."""
    return [
        {
            "external_id": f"{prefix}-{i}",
            "published_at": f"2025-03-{1 + i % 28:02d}T08:30:00+07:00",
            "title": "",
            "text": row["text"],
            "url": "",
            "author": f"nguoi-{i % 5}",
            "location": "",
        }
        for i, row in enumerate(rows)
    ]
