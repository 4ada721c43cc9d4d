"""Alerts as the desk uses them: detect over a range of days, list, acknowledge, close.

`detect_alerts` is what the CLI and the scheduler call, inside a transaction they own; it
scans each day in order (so a backfill raises and extends alerts exactly as daily runs would)
and writes by upsert, so running it again over the same days changes nothing.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

import numpy as np
from sqlalchemy.orm import Session

from opiniondesk.alerts import repository
from opiniondesk.alerts.detector import METHOD, DetectorParams, scan, window_test
from opiniondesk.alerts.episodes import MERGE_GAP_DAYS, AlertBook, Episode
from opiniondesk.alerts.evidence import EVIDENCE_LIMIT, pick_evidence
from opiniondesk.alerts.models import Alert, AlertStatus
from opiniondesk.alerts.parents import ABSORB_SHARE, explaining_child
from opiniondesk.alerts.series import SeriesKey, SeriesMatrix, build_matrix
from opiniondesk.analysis.rollups import LOCAL_TZ
from opiniondesk.errors import InputError, NotFoundError
from opiniondesk.storage.base import utcnow

OPEN_STATUSES = (AlertStatus.new, AlertStatus.acknowledged)
MAX_DAYS = 366


@dataclass(frozen=True, slots=True)
class DetectionSettings:
    """Everything that shapes a detection run besides the days themselves."""

    params: DetectorParams = field(default_factory=DetectorParams)
    merge_gap_days: int = MERGE_GAP_DAYS
    absorb_share: float = ABSORB_SHARE
    evidence_limit: int = EVIDENCE_LIMIT

    def as_dict(self) -> dict[str, object]:
        return {
            **self.params.as_dict(),
            "merge_gap_days": self.merge_gap_days,
            "absorb_share": self.absorb_share,
        }


@dataclass(frozen=True, slots=True)
class DetectionReport:
    first_day: date
    as_of: date
    series: int  # topic × unit series scanned
    raised: int  # new alerts
    extended: int  # stored alerts whose window grew
    absorbed: int  # province signals taken in by a commune alert
    alerts: list[dict[str, object]]  # every alert written by this run


def detect_alerts(
    session: Session,
    *,
    as_of: date,
    days: int = 1,
    settings: DetectionSettings | None = None,
    on_day: Callable[[date], None] | None = None,
) -> DetectionReport:
    """Scan the `days` days ending on `as_of` (local dates) and upsert the alerts they raise
    or extend. Never commits: the caller owns the transaction."""
    settings = settings or DetectionSettings()
    if not 1 <= days <= MAX_DAYS:
        raise InputError(
            f"Số ngày phải từ 1 đến {MAX_DAYS}, nhận {days} / "
            f"days must be between 1 and {MAX_DAYS}, got {days}"
        )
    params = settings.params
    first_day = as_of - timedelta(days=days - 1)
    since = first_day - timedelta(days=max(params.windows) + settings.merge_gap_days)
    stored = [_episode(a) for a in repository.alerts_ending_since(session, since)]
    book = AlertBook.of(stored, settings.merge_gap_days)
    known = {(e.key, e.start): e.end for e in stored}
    earliest = min([first_day, *(e.start for e in stored if e.is_open)])
    data_start = earliest - timedelta(days=params.history_days)
    matrix = build_matrix(
        repository.topic_counts(session, data_start, as_of),
        repository.daily_totals(session, data_start, as_of),
        first_day=data_start,
        last_day=as_of,
    )
    touched: dict[tuple[SeriesKey, date], Episode] = {}
    absorbed = 0
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        if matrix.keys:
            day_touched, day_absorbed = _detect_day(matrix, book, day, settings)
            touched.update(((e.key, e.start), e) for e in day_touched)
            absorbed += day_absorbed
        if on_day is not None:
            on_day(day)
    rows = [
        _alert_row(session, matrix, episode, settings)
        for episode in touched.values()
        if episode.key in matrix.index
    ]
    repository.upsert_alerts(session, rows)
    raised = sum(1 for k in touched if k not in known)
    extended = sum(1 for k, e in touched.items() if k in known and e.end > known[k])
    return DetectionReport(first_day, as_of, len(matrix.keys), raised, extended, absorbed, rows)


def _episode(alert: Alert) -> Episode:
    return Episode(
        SeriesKey(alert.topic_code, alert.province_code, alert.commune_code),
        alert.window_start,
        alert.window_end,
        detected_on=alert.detected_on,
        status=AlertStatus(alert.status),
        absorbs_province=alert.absorbs_province,
    )


def _detect_day(
    matrix: SeriesMatrix, book: AlertBook, day: date, settings: DetectionSettings
) -> tuple[list[Episode], int]:
    column = matrix.column(day)
    signals = scan(
        matrix.counts, matrix.reference, matrix.weekdays, as_of=column, params=settings.params
    )
    touched: list[Episode] = []
    absorbed = 0
    # communes first, so a province signal sees the commune alerts raised the same day
    fired = sorted(np.flatnonzero(signals.fired), key=lambda r: not matrix.keys[r].is_commune)
    for row in fired:
        key = matrix.keys[row]
        start = day - timedelta(days=int(signals.window[row]) - 1)
        if not key.is_commune and book.open_near(key, start, day) is None:
            excess = float(signals.observed[row] - signals.expected[row])
            absorber = _absorbing_commune(matrix, book, key, start, day, excess, settings)
            if absorber is not None:
                if absorber.is_open:  # a closed alert stays as the analyst left it
                    absorber.absorbs_province = True
                    touched.append(absorber)
                absorbed += 1
                continue
        episode = book.record(key, start, day)
        if episode is not None:
            touched.append(episode)
    return touched, absorbed


def _absorbing_commune(
    matrix: SeriesMatrix,
    book: AlertBook,
    province: SeriesKey,
    start: date,
    day: date,
    province_excess: float,
    settings: DetectionSettings,
) -> Episode | None:
    """The commune alert that explains the province's rise over [start, day], if any (a
    closed one too: closing the commune's alert must not bring its province's back)."""
    candidates = [
        (row, episode)
        for row in matrix.children.get(province, [])
        if (episode := book.near(matrix.keys[row], start, day, include_closed=True)) is not None
    ]
    if not candidates:
        return None
    rows = [row for row, _ in candidates]
    test = window_test(
        matrix.counts[rows],
        matrix.reference,
        matrix.weekdays,
        start=matrix.column(start),
        end=matrix.column(day),
        params=settings.params,
    )
    if not test.testable:
        return None
    child = explaining_child(province_excess, test.observed - test.expected, settings.absorb_share)
    return None if child is None else candidates[child][1]


def _alert_row(
    session: Session, matrix: SeriesMatrix, episode: Episode, settings: DetectionSettings
) -> dict[str, object]:
    row = matrix.index[episode.key]
    test = window_test(
        matrix.counts[row : row + 1],
        matrix.reference,
        matrix.weekdays,
        start=matrix.column(episode.start),
        end=matrix.column(episode.end),
        params=settings.params,
    )
    probability = float(test.tail[0])
    candidates = repository.evidence_candidates(
        session, episode.key, _local_midnight(episode.start), _local_midnight(episode.end, 1)
    )
    now = utcnow()
    return {
        "topic_code": episode.key.topic_code,
        "province_code": episode.key.province_code,
        "commune_code": episode.key.commune_code,
        "window_start": episode.start,
        "window_end": episode.end,
        "detected_on": episode.detected_on,
        "observed": int(test.observed[0]),
        "expected": round(float(test.expected[0]), 4),
        "probability": probability,
        "score": round(-math.log10(max(probability, 1e-300)), 3),
        "method": METHOD,
        "parameters": settings.as_dict(),
        "status": str(episode.status),
        "absorbs_province": episode.absorbs_province,
        "evidence": pick_evidence(candidates, limit=settings.evidence_limit),
        "created_at": now,
        "updated_at": now,
    }


def _local_midnight(day: date, plus_days: int = 0) -> datetime:
    moment = datetime.combine(day + timedelta(days=plus_days), time(0), tzinfo=LOCAL_TZ)
    return moment.astimezone(UTC)


def list_alerts(
    session: Session,
    *,
    statuses: Collection[AlertStatus] = OPEN_STATUSES,
    min_group_size: int,
    limit: int = 100,
) -> list[Alert]:
    """Alerts with the given statuses, newest first; none below the small-cell threshold."""
    return list(
        repository.list_alerts(session, statuses=statuses, min_observed=min_group_size, limit=limit)
    )


def change_status(session: Session, alert_id: int, status: AlertStatus) -> Alert:
    """Acknowledge, close or reopen one alert."""
    alert = repository.get_alert(session, alert_id)
    if alert is None:
        raise NotFoundError(
            f"Không có cảnh báo số {alert_id}; xem `opiniondesk alerts list --all` / "
            f"no alert with id {alert_id}; see `opiniondesk alerts list --all`"
        )
    alert.status = status
    alert.updated_at = utcnow()
    return alert
