"""Plain functions that build test inputs."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

FIELDS = ["external_id", "published_at", "title", "text", "url", "author", "location"]


def write_csv(path: Path, rows: list[dict[str, Any]], fields: list[str] | None = None) -> Path:
    fields = fields or FIELDS
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row.get(k, "") for k in fields})
    return path


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


COMPLAINTS = [
    "Người dân xã {place} phản ánh tình trạng sạt lở bờ sông ngày càng nghiêm trọng, nhiều nhà "
    "dân có nguy cơ bị cuốn trôi, đề nghị chính quyền sớm di dời khẩn cấp số {n}.",
    "Giá điện tháng này tăng quá cao, gia đình tôi ở phường {place} phải trả gấp đôi tháng trước, "
    "mong ngành điện giải thích rõ cách tính hóa đơn lần {n}.",
    "Đường liên xã qua {place} xuống cấp nghiêm trọng, ổ gà khắp nơi, xe tải chạy suốt đêm gây "
    "bụi và tai nạn, đề nghị sửa chữa sớm đợt {n}.",
    "Thủ tục cấp sổ đỏ ở {place} kéo dài hơn ba tháng, cán bộ một cửa hẹn đi hẹn lại, người dân "
    "rất bức xúc về việc này, hồ sơ số {n}.",
]


def opinion_rows(n: int, *, start: int = 0, place: str = "Tân Lập") -> list[dict[str, Any]]:
    rows = []
    for i in range(start, start + n):
        template = COMPLAINTS[i % len(COMPLAINTS)]
        rows.append(
            {
                "external_id": f"row-{i}",
                "published_at": f"2025-0{1 + i % 9}-1{i % 10}T08:30:00+07:00",
                "title": "",
                "text": template.format(place=place, n=i),
                "url": "",
                "author": f"nguoi-dung-{i % 7}",
                "location": "",
            }
        )
    return rows
