"""Seed rows for the web tests: places, topics and rollup cells written directly."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from sqlalchemy.orm import Session

from opiniondesk.storage.models import AdminUnit, Rollup, Topic, UnitLevel

LATEST = date(2025, 6, 30)
EVIL_LABEL = "<script>alert('x')</script>"


def add_units(session: Session) -> None:
    provinces = [("01", "Hà Nội"), ("91", "An Giang"), ("48", "Đà Nẵng"), ("79", "Hồ Chí Minh")]
    for code, name in provinces:
        session.add(
            AdminUnit(
                code=code,
                level=UnitLevel.province,
                name=f"Thành phố {name}",
                short_name=name,
                unit_type="Thành phố",
                province_code=code,
            )
        )
    communes = [
        ("00097", "01", "Hồng Hà"),
        ("00004", "01", "Ba Đình"),
        ("30280", "91", "Long Xuyên"),
    ]
    for code, province, name in communes:
        session.add(
            AdminUnit(
                code=code,
                level=UnitLevel.commune,
                name=f"Phường {name}",
                short_name=name,
                unit_type="Phường",
                parent_code=province,
                province_code=province,
            )
        )


def add_topics(session: Session) -> None:
    topics = [
        ("land", "Đất đai", "Land"),
        ("traffic", "Giao thông", "Traffic"),
        ("evil", EVIL_LABEL, EVIL_LABEL),
    ]
    for code, vi, en in topics:
        session.add(Topic(code=code, label_vi=vi, label_en=en))


def add_documents(
    cells: Counter[tuple[date, str, str, str, str, str]],
    *,
    day: date,
    topics: tuple[str, ...],
    province: str,
    commune: str,
    sentiment: str,
    channel: str,
    count: int,
) -> None:
    """`count` documents alike: one total cell, plus one per topic ('other' when none)."""
    for topic in ("", *(topics or ("other",))):
        cells[(day, topic, province, commune, sentiment, channel)] += count


def seed_rollups(session: Session) -> None:
    """120 days ending at LATEST.

    Every day: 10 negative feedback documents on land in Hồng Hà (Hà Nội) and 8 neutral news
    documents on traffic in An Giang. Only the last 30 days: 4 more neutral news documents on
    traffic with no known place. Once, on the last day: 3 positive survey documents in Đà Nẵng
    on the "evil" topic: a cell of 3 that must never be shown.
    """
    cells: Counter[tuple[date, str, str, str, str, str]] = Counter()
    for offset in range(120):
        day = LATEST - timedelta(days=offset)
        add_documents(
            cells,
            day=day,
            topics=("land",),
            province="01",
            commune="00097",
            sentiment="negative",
            channel="feedback",
            count=10,
        )
        add_documents(
            cells,
            day=day,
            topics=("traffic",),
            province="91",
            commune="",
            sentiment="neutral",
            channel="feed",
            count=8,
        )
        if offset < 30:
            add_documents(
                cells,
                day=day,
                topics=("traffic",),
                province="",
                commune="",
                sentiment="neutral",
                channel="feed",
                count=4,
            )
    add_documents(
        cells,
        day=LATEST,
        topics=("evil",),
        province="48",
        commune="",
        sentiment="positive",
        channel="survey",
        count=3,
    )
    for (day, topic, province, commune, sentiment, channel), count in cells.items():
        session.add(
            Rollup(
                day=day,
                topic_code=topic,
                province_code=province,
                commune_code=commune,
                sentiment=sentiment,
                channel_kind=channel,
                count=count,
            )
        )


def seed_all(session: Session) -> None:
    add_units(session)
    add_topics(session)
    seed_rollups(session)
