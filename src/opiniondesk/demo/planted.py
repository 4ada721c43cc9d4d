"""Emerging issues planted in the demo corpus: one topic rising sharply in one commune."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PlantedSpec:
    code: str
    label_vi: str
    topic: str  # topic code
    phrase: str  # every planted document contains it
    issues: tuple[str, ...]  # noun phrases containing `phrase`
    commune: str  # 2025 name
    province_short: str
    window_days: int  # the rise: the last `window_days` days up to `end`
    multiplier: float  # weekly level in the window ÷ weekly level before
    baseline_per_week: float  # before the window, per 6,000 documents a year


PLANTED: tuple[PlantedSpec, ...] = (
    PlantedSpec(
        "riverbank_landslide",
        "Sạt lở bờ sông ở phường Tân Châu",
        "disaster",
        "sạt lở bờ sông",
        (
            "sạt lở bờ sông",
            "sạt lở bờ sông uy hiếp nhà dân",
            "sạt lở bờ sông ăn sâu vào đất vườn",
            "sạt lở bờ sông Tiền",
        ),
        "Phường Tân Châu",
        "An Giang",
        21,
        8.0,
        0.8,
    ),
    PlantedSpec(
        "police_impersonation_scam",
        "Lừa đảo giả danh công an ở phường Cầu Giấy",
        "digital_scams",
        "giả danh công an",
        (
            "giả danh công an gọi điện",
            "đối tượng giả danh công an đòi chuyển tiền",
            "cuộc gọi giả danh công an yêu cầu cài ứng dụng",
        ),
        "Phường Cầu Giấy",
        "Hà Nội",
        28,
        7.0,
        0.8,
    ),
    PlantedSpec(
        "tap_water_odour",
        "Nước máy có mùi lạ ở phường Thủ Dầu Một",
        "environment",
        "nước máy có mùi lạ",
        ("nước máy có mùi lạ", "nước máy có mùi lạ và vẩn đục", "nước máy có mùi lạ suốt mấy tuần"),
        "Phường Thủ Dầu Một",
        "Hồ Chí Minh",
        24,
        9.0,
        0.6,
    ),
)
