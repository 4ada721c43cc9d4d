"""Rollup series and documents for the alert tests, written directly (no pipeline)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.orm import Session

from opiniondesk.analysis.rollups import LOCAL_TZ
from opiniondesk.storage.models import (
    Annotation,
    Channel,
    ChannelKind,
    Document,
    Rollup,
)

AS_OF = date(2026, 3, 31)
HISTORY_DAYS = 100
QUIET = (1, 0, 0, 1, 0, 0, 0)  # about 2 documents a week
STEADY = (3, 2, 4, 3, 3, 2, 4)  # about 3 a day


def days_back(n: int) -> list[date]:
    """The `n` days ending on AS_OF, oldest first."""
    return [AS_OF - timedelta(days=n - 1 - i) for i in range(n)]


def pattern_series(
    pattern: Sequence[int], n: int = HISTORY_DAYS, *, shift: int = 0
) -> dict[date, int]:
    """`pattern` repeated over the last `n` days, started `shift` places in."""
    return {day: pattern[(i + shift) % len(pattern)] for i, day in enumerate(days_back(n))}


def with_burst(series: dict[date, int], extra: Sequence[int]) -> dict[date, int]:
    """`extra[i]` more documents on the i-th of the last len(extra) days."""
    out = dict(series)
    for day, more in zip(days_back(len(extra)), extra, strict=True):
        out[day] = out.get(day, 0) + more
    return out


class Rollups:
    """Collects rollup cells and writes them once (one row per cell)."""

    def __init__(self) -> None:
        self.cells: Counter[tuple[date, str, str, str]] = Counter()

    def desk_background(self, per_day: int = 200) -> Rollups:
        # the desk-wide totals the weekday rhythm is read from: busy weekdays, quiet weekends
        for day in days_back(HISTORY_DAYS):
            weekend = day.weekday() >= 5
            self.cells[(day, "", "79", "")] += per_day // 2 if weekend else per_day
        return self

    def series(
        self, counts: dict[date, int], *, topic: str, province: str, commune: str = ""
    ) -> Rollups:
        for day, n in counts.items():
            if n:
                self.cells[(day, topic, province, commune)] += n
                self.cells[(day, "", province, commune)] += n
        return self

    def write(self, session: Session) -> None:
        session.add_all(
            Rollup(
                day=day,
                topic_code=topic,
                province_code=province,
                commune_code=commune,
                sentiment="neutral",
                channel_kind="feedback",
                count=n,
            )
            for (day, topic, province, commune), n in self.cells.items()
        )


def local_noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=LOCAL_TZ).astimezone(UTC)


def add_channel(session: Session) -> Channel:
    channel = Channel(kind=ChannelKind.feedback, name="Góp ý", settings={})
    session.add(channel)
    session.flush()
    return channel


def add_document(
    session: Session,
    channel: Channel,
    *,
    key: str,
    day: date,
    topic: str,
    province: str,
    commune: str,
    content_hash: str,
    minhash: bytes | None = None,
    duplicate_of: Document | None = None,
    score: float = 0.6,
) -> Document:
    doc = Document(
        channel_id=channel.id,
        dedupe_key=key,
        content_hash=content_hash,
        text=f"văn bản {key}",
        published_at=local_noon(day),
        province_code=province,
        commune_code=commune,
        sentiment="negative",
        minhash=minhash,
        duplicate_of_id=duplicate_of.id if duplicate_of else None,
    )
    session.add(doc)
    session.flush()
    session.add(
        Annotation(document_id=doc.id, kind="topic", value=topic, score=score, source="rule:x")
    )
    return doc
