"""All SQL of the alerts area: rollup series in, alerts and their evidence documents out."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from opiniondesk.alerts.evidence import Candidate
from opiniondesk.alerts.models import Alert, AlertStatus
from opiniondesk.alerts.series import SeriesKey, TopicCount
from opiniondesk.analysis.rollups import TOTAL, local_day
from opiniondesk.storage.dialect import insert_for
from opiniondesk.storage.models import AdminUnit, Annotation, Document, Rollup, Topic

EVIDENCE_CANDIDATES = 1000  # read at most this many documents to pick the evidence from


def topic_counts(session: Session, first_day: date, last_day: date) -> list[TopicCount]:
    """Documents per day, topic, province and commune (summed over sentiment and channel);
    rows without a province cannot be placed in any series and are left out."""
    rows = session.execute(
        select(
            Rollup.day,
            Rollup.topic_code,
            Rollup.province_code,
            Rollup.commune_code,
            func.sum(Rollup.count),
        )
        .where(
            Rollup.day.between(first_day, last_day),
            Rollup.topic_code != TOTAL,
            Rollup.province_code != "",
        )
        .group_by(Rollup.day, Rollup.topic_code, Rollup.province_code, Rollup.commune_code)
    )
    return [(day, topic, province, commune, int(n)) for day, topic, province, commune, n in rows]


def daily_totals(session: Session, first_day: date, last_day: date) -> list[tuple[date, int]]:
    """Documents per day over the whole desk (each document once, placed or not)."""
    rows = session.execute(
        select(Rollup.day, func.sum(Rollup.count))
        .where(Rollup.day.between(first_day, last_day), Rollup.topic_code == TOTAL)
        .group_by(Rollup.day)
    )
    return [(day, int(n)) for day, n in rows]


def alerts_ending_since(session: Session, day: date) -> Sequence[Alert]:
    """Alerts whose window ends on or after `day`, any status (the ones a run can extend)."""
    return session.scalars(
        select(Alert).where(Alert.window_end >= day).order_by(Alert.window_start, Alert.id)
    ).all()


def upsert_alerts(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Insert or update alerts keyed by topic, unit and start day; status and the day it was
    first detected are kept from the stored row."""
    if not rows:
        return
    stmt = insert_for(session, Alert)
    excluded = stmt.excluded
    stmt = stmt.on_conflict_do_update(
        index_elements=["topic_code", "province_code", "commune_code", "window_start"],
        set_={
            "window_end": excluded.window_end,
            "observed": excluded.observed,
            "expected": excluded.expected,
            "probability": excluded.probability,
            "score": excluded.score,
            "method": excluded.method,
            "parameters": excluded.parameters,
            "absorbs_province": excluded.absorbs_province,
            "evidence": excluded.evidence,
            "updated_at": excluded.updated_at,
        },
    )
    session.execute(stmt, list(rows))


def evidence_candidates(
    session: Session, key: SeriesKey, start: datetime, end: datetime
) -> list[Candidate]:
    """Original (non-repost) documents of the series' topic and unit published in
    [start, end), the most strongly matched first."""
    topic_score = (
        select(Annotation.document_id, func.max(Annotation.score).label("score"))
        .where(Annotation.kind == "topic", Annotation.value == key.topic_code)
        .group_by(Annotation.document_id)
        .subquery()
    )
    query = (
        select(
            Document.id,
            Document.published_at,
            topic_score.c.score,
            Document.content_hash,
            Document.minhash,
        )
        .join(topic_score, topic_score.c.document_id == Document.id)
        .where(
            Document.duplicate_of_id.is_(None),
            Document.province_code == key.province_code,
            Document.published_at >= start,
            Document.published_at < end,
        )
        .order_by(topic_score.c.score.desc(), Document.published_at.desc(), Document.id)
        .limit(EVIDENCE_CANDIDATES)
    )
    if key.is_commune:
        query = query.where(Document.commune_code == key.commune_code)
    return [
        Candidate(doc_id, local_day(published), float(score), content_hash, minhash)
        for doc_id, published, score, content_hash, minhash in session.execute(query)
    ]


def list_alerts(
    session: Session,
    *,
    statuses: Collection[AlertStatus],
    min_observed: int,
    limit: int,
) -> Sequence[Alert]:
    """The most recent alerts with one of `statuses`, strongest first within a day; alerts
    with fewer than `min_observed` documents are never listed (small-cell suppression)."""
    return session.scalars(
        select(Alert)
        .where(Alert.status.in_([str(s) for s in statuses]), Alert.observed >= min_observed)
        .order_by(Alert.window_end.desc(), Alert.score.desc(), Alert.id)
        .limit(limit)
    ).all()


def get_alert(session: Session, alert_id: int) -> Alert | None:
    return session.get(Alert, alert_id)


def unit_names(session: Session, codes: Collection[str]) -> dict[str, str]:
    """Display names of 2025 provinces and communes by code."""
    if not codes:
        return {}
    rows = session.execute(
        select(AdminUnit.code, AdminUnit.name).where(
            AdminUnit.code.in_(list(codes)), AdminUnit.level.in_(["province", "commune"])
        )
    )
    return {code: name for code, name in rows}


def topic_labels(session: Session) -> dict[str, tuple[str, str]]:
    """Vietnamese and English label of each topic by code."""
    rows = session.execute(select(Topic.code, Topic.label_vi, Topic.label_en))
    return {code: (vi, en) for code, vi, en in rows}
