"""All SQL of the dashboard. It reads only the rollup table, plus names of places and topics.

Every query aggregates in the database (GROUP BY) and uses portable SQLAlchemy Core
expressions, so the same code runs on SQLite and PostgreSQL. Counts returned here are exact:
suppression happens afterwards (`web/suppression.py`), before anything is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from opiniondesk.accounts.principal import UnitScope
from opiniondesk.accounts.repository import unit_condition
from opiniondesk.storage.models import AdminUnit, Rollup, Topic, UnitLevel

TOTAL_ROWS = ""  # topic_code of the per-document total rows


@dataclass(frozen=True, slots=True)
class Scope:
    """What a dashboard query looks at: an inclusive day range and optional filters.

    `units` is what the reader may see (accounts.access.scope_for); None means no limit.
    """

    start: date
    end: date
    province_code: str | None = None
    topic_code: str | None = None
    channel_kind: str | None = None
    units: UnitScope | None = None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Scope:
        """The period of equal length just before this one, with the same filters."""
        return Scope(
            self.start - timedelta(days=self.days),
            self.start - timedelta(days=1),
            self.province_code,
            self.topic_code,
            self.channel_kind,
            self.units,
        )


def latest_day(session: Session) -> date | None:
    return session.scalar(select(func.max(Rollup.day)))


def _place_and_channel(scope: Scope) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if scope.province_code is not None:
        conditions.append(Rollup.province_code == scope.province_code)
    if scope.channel_kind is not None:
        conditions.append(Rollup.channel_kind == scope.channel_kind)
    if scope.units is not None and not scope.units.everything:
        conditions.append(
            unit_condition(scope.units, province=Rollup.province_code, commune=Rollup.commune_code)
        )
    return conditions


def _document_rows(scope: Scope, start: date | None = None) -> ColumnElement[bool]:
    """Rows that count each document once: the totals, or one topic's rows if filtered.

    A document adds one to each of its topics, so within a single topic it is still counted once.
    """
    return and_(
        Rollup.day.between(start or scope.start, scope.end),
        Rollup.topic_code == (scope.topic_code or TOTAL_ROWS),
        *_place_and_channel(scope),
    )


def total_documents(session: Session, scope: Scope) -> int:
    return int(session.scalar(select(func.sum(Rollup.count)).where(_document_rows(scope))) or 0)


def volume_by_day(session: Session, scope: Scope) -> dict[date, int]:
    """Documents per day, zero-filled over the whole period."""
    rows = session.execute(
        select(Rollup.day, func.sum(Rollup.count)).where(_document_rows(scope)).group_by(Rollup.day)
    )
    found = {day: int(count) for day, count in rows}
    return {
        scope.start + timedelta(days=offset): found.get(scope.start + timedelta(days=offset), 0)
        for offset in range(scope.days)
    }


def volume_by_day_and_channel(session: Session, scope: Scope) -> dict[tuple[date, str], int]:
    """Documents per (day, channel kind); only the pairs that occur."""
    rows = session.execute(
        select(Rollup.day, Rollup.channel_kind, func.sum(Rollup.count))
        .where(_document_rows(scope))
        .group_by(Rollup.day, Rollup.channel_kind)
    )
    return {(day, channel): int(count) for day, channel, count in rows}


def documents_by(
    session: Session, scope: Scope, column: InstrumentedAttribute[str]
) -> dict[str, int]:
    """Documents per value of one rollup column (sentiment, channel_kind, province, commune)."""
    rows = session.execute(
        select(column, func.sum(Rollup.count)).where(_document_rows(scope)).group_by(column)
    )
    return {str(value): int(count) for value, count in rows}


def sentiment_counts(session: Session, scope: Scope) -> dict[str, int]:
    return documents_by(session, scope, Rollup.sentiment)


def channel_counts(session: Session, scope: Scope) -> dict[str, int]:
    return documents_by(session, scope, Rollup.channel_kind)


def province_counts(session: Session, scope: Scope) -> dict[str, int]:
    return documents_by(session, scope, Rollup.province_code)


def commune_counts(session: Session, scope: Scope) -> dict[str, int]:
    return documents_by(session, scope, Rollup.commune_code)


def topic_counts_with_previous(session: Session, scope: Scope) -> dict[str, tuple[int, int]]:
    """Per topic: (documents this period, documents in the previous period of equal length).

    Reads the topic rows and ignores the topic filter: this is the breakdown across topics.
    One query covers both periods with conditional sums.
    """
    previous = scope.previous()
    in_current = Rollup.day >= scope.start
    current_sum = func.sum(case((in_current, Rollup.count), else_=0))
    previous_sum = func.sum(case((in_current, 0), else_=Rollup.count))
    rows = session.execute(
        select(Rollup.topic_code, current_sum, previous_sum)
        .where(
            Rollup.day.between(previous.start, scope.end),
            Rollup.topic_code != TOTAL_ROWS,
            *_place_and_channel(scope),
        )
        .group_by(Rollup.topic_code)
    )
    return {str(code): (int(now or 0), int(before or 0)) for code, now, before in rows}


def all_documents_ignoring_topic(session: Session, scope: Scope) -> int:
    """Documents in the period under the place and channel filters, whatever their topic."""
    unfiltered = Scope(
        scope.start, scope.end, scope.province_code, None, scope.channel_kind, scope.units
    )
    return total_documents(session, unfiltered)


def unit_names(
    session: Session, level: UnitLevel, province_code: str | None = None
) -> dict[str, str]:
    """Short names of the units of one level (optionally within one province), by code."""
    query: Any = select(AdminUnit.code, AdminUnit.short_name).where(AdminUnit.level == level)
    if province_code is not None:
        query = query.where(AdminUnit.province_code == province_code)
    return {code: name for code, name in session.execute(query.order_by(AdminUnit.code))}


def topic_labels(session: Session, language: str) -> dict[str, str]:
    """Labels of the active topics in `language` (vi or en), by code, in label order."""
    label = Topic.label_en if language == "en" else Topic.label_vi
    rows = session.execute(select(Topic.code, label).where(Topic.active).order_by(label))
    return {code: text for code, text in rows}
