"""All SQL of the forecasts: daily sums from the rollup table, and the names they are asked by.

Only rollups are read (never documents), so a forecast sees exactly what the dashboard counts.
Sums are exact here; suppression happens in the service before anything is shown.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from opiniondesk.analysis.rollups import TOTAL
from opiniondesk.storage.models import AdminUnit, Rollup, Topic, UnitLevel


def rollup_span(session: Session) -> tuple[date, date] | None:
    """First and last day that any document was counted on, or None for an empty desk."""
    first, last = session.execute(
        select(func.min(Rollup.day), func.max(Rollup.day)).where(Rollup.topic_code == TOTAL)
    ).one()
    return (first, last) if first is not None and last is not None else None


def _series_filter(topic_code: str | None, province_code: str | None) -> list[ColumnElement[bool]]:
    conditions = [Rollup.topic_code == (topic_code or TOTAL)]
    if province_code is not None:
        conditions.append(Rollup.province_code == province_code)
    return conditions


def daily_sentiment_counts(
    session: Session,
    *,
    topic_code: str | None,
    province_code: str | None,
    start: date,
    end: date,
) -> list[tuple[date, str, int]]:
    """(day, sentiment, documents) of one topic × province series between two days inclusive.

    `topic_code=None` means every document (the total rows); `province_code=None` every place.
    """
    rows = session.execute(
        select(Rollup.day, Rollup.sentiment, func.sum(Rollup.count))
        .where(*_series_filter(topic_code, province_code), Rollup.day.between(start, end))
        .group_by(Rollup.day, Rollup.sentiment)
        .order_by(Rollup.day, Rollup.sentiment)
    )
    return [(day, sentiment, int(n)) for day, sentiment, n in rows]


def daily_cells(
    session: Session, *, start: date, end: date
) -> Iterator[tuple[str, str, date, str, int]]:
    """(topic_code, province_code, day, sentiment, documents) for every cell, for backtests."""
    rows = session.execute(
        select(
            Rollup.topic_code,
            Rollup.province_code,
            Rollup.day,
            Rollup.sentiment,
            func.sum(Rollup.count),
        )
        .where(Rollup.day.between(start, end))
        .group_by(Rollup.topic_code, Rollup.province_code, Rollup.day, Rollup.sentiment)
        .execution_options(yield_per=10_000)
    )
    for topic, province, day, sentiment, n in rows:
        yield str(topic), str(province), day, str(sentiment), int(n)


def topic_codes(session: Session) -> set[str]:
    """Codes of the taxonomy's topics and of every topic that has been counted."""
    known = set(session.scalars(select(Topic.code)))
    counted = session.scalars(
        select(Rollup.topic_code).where(Rollup.topic_code != TOTAL).distinct()
    )
    return known | set(counted)


def topic_labels(session: Session) -> dict[str, tuple[str, str]]:
    """Vietnamese and English label of each topic in the taxonomy."""
    rows = session.execute(select(Topic.code, Topic.label_vi, Topic.label_en))
    return {code: (vi, en) for code, vi, en in rows}


def provinces(session: Session) -> list[tuple[str, str, str]]:
    """(code, name, short name) of every 2025 province in the gazetteer."""
    rows = session.execute(
        select(AdminUnit.code, AdminUnit.name, AdminUnit.short_name)
        .where(AdminUnit.level == UnitLevel.province)
        .order_by(AdminUnit.code)
    )
    return [(code, name, short) for code, name, short in rows]


def counted_province_codes(session: Session) -> set[str]:
    rows = session.scalars(
        select(Rollup.province_code).where(Rollup.province_code != "").distinct()
    )
    return set(rows)
