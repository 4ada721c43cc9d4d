"""Rollups: counts by day × topic × unit × sentiment × channel, kept current incrementally.

Each stored original document adds one to its total cell (topic_code '') and one to each of its
topic cells. Near-duplicates add nothing: a repost is counted once, as its original. The day is
the document's local date in Vietnam, the day the office thinks in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from opiniondesk.analysis.classifiers.repository import counted_topics
from opiniondesk.storage.dialect import driver_value, executemany_upsert
from opiniondesk.storage.models import Channel, Document, Rollup

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
TOTAL = ""  # topic_code of the per-document total cells


@dataclass(frozen=True, slots=True)
class Cell:
    day: date
    topic_code: str
    province_code: str
    commune_code: str
    sentiment: str
    channel_kind: str


def local_day(moment: datetime) -> date:
    return moment.astimezone(LOCAL_TZ).date()


def cells_for(
    *,
    published_at: datetime,
    topics: Iterable[str],
    province_code: str,
    commune_code: str,
    sentiment: str,
    channel_kind: str,
) -> list[Cell]:
    day = local_day(published_at)
    codes = [TOTAL, *dict.fromkeys(topics)]
    return [Cell(day, code, province_code, commune_code, sentiment, channel_kind) for code in codes]


ROLLUP_KEY = ("day", "topic_code", "province_code", "commune_code", "sentiment", "channel_kind")


def apply_increments(session: Session, increments: Counter[Cell]) -> None:
    """Add counts to cells in one executemany per batch (upsert: safe to run concurrently)."""
    if not increments:
        return
    rows = [
        (
            driver_value(session, c.day),
            c.topic_code,
            c.province_code,
            c.commune_code,
            c.sentiment,
            c.channel_kind,
            n,
        )
        for c, n in sorted(increments.items(), key=lambda kv: _sort_key(kv[0]))
    ]
    executemany_upsert(
        session,
        Rollup.__table__,  # type: ignore[arg-type]
        (*ROLLUP_KEY, "count"),
        rows,
        conflict=ROLLUP_KEY,
        add_columns=("count",),
    )


def _sort_key(cell: Cell) -> tuple[str, ...]:
    # a stable order keeps concurrent upserts on PostgreSQL from deadlocking each other
    return (
        cell.day.isoformat(),
        cell.topic_code,
        cell.province_code,
        cell.commune_code,
        cell.sentiment,
        cell.channel_kind,
    )


def rebuild(session: Session) -> int:
    """Recompute every rollup from stored documents (after `analyze` relabels them)."""
    session.execute(delete(Rollup))
    increments: Counter[Cell] = Counter()
    topics = counted_topics(session)  # an analyst's topic replaces the machine's
    docs = session.execute(
        select(
            Document.id,
            Document.published_at,
            Document.province_code,
            Document.commune_code,
            Document.sentiment,
            Channel.kind,
        )
        .join(Channel, Channel.id == Document.channel_id)
        .where(Document.duplicate_of_id.is_(None))
        .execution_options(yield_per=5000)
    )
    for doc_id, published_at, province, commune, sentiment, kind in docs:
        for cell in cells_for(
            published_at=published_at,
            topics=sorted(topics.get(doc_id, [])),
            province_code=province,
            commune_code=commune,
            sentiment=sentiment,
            channel_kind=str(kind),
        ):
            increments[cell] += 1
    apply_increments(session, increments)
    return sum(n for c, n in increments.items() if c.topic_code == TOTAL)


def total_documents(session: Session) -> int:
    value = session.scalar(
        select(func.coalesce(func.sum(Rollup.count), 0)).where(Rollup.topic_code == TOTAL)
    )
    return int(value or 0)
