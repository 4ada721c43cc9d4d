"""Weekly series written straight into the rollup table, as the pipeline would count them."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

import numpy as np
from sqlalchemy.orm import Session

from opiniondesk.analysis.rollups import TOTAL, Cell, apply_increments
from opiniondesk.storage.models import AdminUnit, Topic, UnitLevel

FIRST_MONDAY = date(2023, 1, 2)


def mondays(count: int, first: date = FIRST_MONDAY) -> list[date]:
    return [first + timedelta(weeks=i) for i in range(count)]


def seasonal_counts(
    weeks: int, *, level: float = 60.0, amplitude: float = 0.5, seed: int = 1
) -> list[int]:
    """Weekly Poisson counts around a yearly cosine (peak in the first week of January) and a
    level that wanders a little, as interest in a topic does."""
    rng = np.random.default_rng(seed)
    t = np.arange(weeks)
    wander = level * np.exp(np.cumsum(rng.normal(0.0, 0.03, weeks)))
    mean = wander * (1 + amplitude * np.cos(2 * np.pi * t / (365.25 / 7)))
    return [int(n) for n in rng.poisson(mean)]


def add_weeks(
    session: Session,
    volumes: Sequence[int],
    *,
    negative_share: float = 0.4,
    topic_code: str = "land",
    province_code: str = "01",
    first: date = FIRST_MONDAY,
    spread_days: bool = False,
) -> list[date]:
    """Count `volumes[i]` documents in week i (on its Monday and Sunday, or across all seven
    days), a share of them negative, in the total rows and the topic's rows (added to what is
    there, as the pipeline does). The first week starts on a Monday, the last ends on a Sunday,
    so every week is complete."""
    weeks = mondays(len(volumes), first)
    increments: Counter[Cell] = Counter()
    for week, volume in zip(weeks, volumes, strict=True):
        negative = math.floor(volume * negative_share + 0.5)
        days = [week + timedelta(days=d) for d in (range(7) if spread_days else (0, 6))]
        for sentiment, n in {"negative": negative, "neutral": volume - negative}.items():
            for index, day in enumerate(days):
                count = n // len(days) + (1 if index < n % len(days) else 0)
                for topic in (TOTAL, topic_code):
                    cell = Cell(day, topic, province_code, "", sentiment, "feedback")
                    increments[cell] += count
    apply_increments(session, +increments)  # unary + drops the zero cells
    return weeks


def add_place_and_topic(session: Session) -> None:
    session.add(
        AdminUnit(
            code="01",
            level=UnitLevel.province,
            name="Thành phố Hà Nội",
            short_name="Hà Nội",
            unit_type="Thành phố",
            province_code="01",
        )
    )
    session.add(Topic(code="land", label_vi="Đất đai", label_en="Land"))
