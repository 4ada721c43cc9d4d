"""All SQL of the reports area: period sums from the rollups, a few document excerpts, reports."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, false, func, or_, select
from sqlalchemy.orm import Session

from opiniondesk.alerts.models import Alert
from opiniondesk.analysis.rollups import TOTAL
from opiniondesk.analysis.taxonomy import OTHER_CODE, load_taxonomy
from opiniondesk.cases.models import Case
from opiniondesk.reports.models import Report
from opiniondesk.storage.models import Annotation, Document, Rollup, Topic

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def _unit_filter(unit_code: str) -> ColumnElement[bool]:
    if not unit_code:
        return and_(True)
    return or_(Rollup.province_code == unit_code, Rollup.commune_code == unit_code)


def rollup_sums(
    session: Session,
    *,
    start: date,
    end: date,
    unit_code: str,
    group_by: Sequence[str],
    topics: bool = False,
) -> dict[tuple[str, ...], int]:
    """Counts in [start, end] grouped by rollup columns; `topics` reads the per-topic cells."""
    columns = [getattr(Rollup, name) for name in group_by]
    topic_condition = Rollup.topic_code != TOTAL if topics else Rollup.topic_code == TOTAL
    query = (
        select(*columns, func.sum(Rollup.count))
        .where(Rollup.day >= start, Rollup.day <= end, topic_condition, _unit_filter(unit_code))
        .group_by(*columns)
    )
    sums: dict[tuple[str, ...], int] = {}
    for row in session.execute(query):
        values: tuple[Any, ...] = tuple(row)
        sums[tuple(str(v) for v in values[:-1])] = int(values[-1] or 0)
    return sums


def topic_labels(session: Session) -> dict[str, tuple[str, str]]:
    """(vi, en) labels by code: the desk's topic table over the packaged taxonomy."""
    labels = {t.code: (t.label_vi, t.label_en) for t in load_taxonomy()}
    labels.setdefault(OTHER_CODE, ("Khác", "Other"))
    rows = session.execute(select(Topic.code, Topic.label_vi, Topic.label_en))
    labels.update({code: (vi, en) for code, vi, en in rows})
    return labels


def _local_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    return (
        datetime.combine(start, time(), LOCAL_TZ),
        datetime.combine(end + timedelta(days=1), time(), LOCAL_TZ),
    )


def example_texts(
    session: Session, *, topic_code: str, start: date, end: date, unit_code: str, limit: int
) -> list[str]:
    """Texts of a few original (non-duplicate) documents of one topic in the period: stored text
    is already PII-redacted; the caller shortens it. No author field is read."""
    low, high = _local_bounds(start, end)
    unit = (
        or_(Document.province_code == unit_code, Document.commune_code == unit_code)
        if unit_code
        else and_(True)
    )
    query = (
        select(Document.text)
        .join(Annotation, Annotation.document_id == Document.id)
        .where(
            Annotation.kind == "topic",
            Annotation.value == topic_code,
            Document.duplicate_of_id.is_(None),
            Document.published_at >= low,
            Document.published_at < high,
            unit,
        )
        .order_by(Document.id)
        .limit(limit)
    )
    return [str(t) for t in session.scalars(query)]


def add_report(session: Session, report: Report) -> Report:
    session.add(report)
    session.flush()
    return report


def get_report(session: Session, report_id: int) -> Report | None:
    return session.get(Report, report_id)


def list_reports(
    session: Session, *, unit_codes: Sequence[str] | None, limit: int = 50
) -> list[Report]:
    """Newest first; `unit_codes` None means every report (a national viewer)."""
    query = select(Report).order_by(Report.id.desc()).limit(limit)
    if unit_codes is not None:
        query = query.where(Report.unit_code.in_(list(unit_codes)) if unit_codes else false())
    return list(session.scalars(query))


def alerts_in_period(session: Session, *, start: date, end: date, unit_code: str) -> list[Alert]:
    """Alerts whose window overlaps the period, strongest first."""
    query = select(Alert).where(Alert.window_start <= end, Alert.window_end >= start)
    if unit_code:
        query = query.where(or_(Alert.province_code == unit_code, Alert.commune_code == unit_code))
    return list(session.scalars(query.order_by(Alert.score.desc(), Alert.id)))


def case_condition(*, start: date, end: date, unit_code: str) -> ColumnElement[bool]:
    """Cases opened in the period (and in the unit): the filter handed to the cases service."""
    low, high = _local_bounds(start, end)
    condition = and_(Case.created_at >= low, Case.created_at < high)
    if unit_code:
        condition = and_(
            condition, or_(Case.province_code == unit_code, Case.unit_code == unit_code)
        )
    return condition


def field_report_activity(
    session: Session, *, start: date, end: date, unit_code: str
) -> tuple[int, int, int, dict[str, int]]:
    """(reports, distinct collaborators, distinct units, reports by mood) in the period: counts
    only, never who sent what."""
    from opiniondesk.fieldwork.models import FieldReport

    low, high = _local_bounds(start, end)
    condition = and_(FieldReport.submitted_at >= low, FieldReport.submitted_at < high)
    if unit_code:
        condition = and_(
            condition,
            or_(FieldReport.province_code == unit_code, FieldReport.unit_code == unit_code),
        )
    totals = session.execute(
        select(
            func.count(),
            func.count(func.distinct(FieldReport.submitted_by)),
            func.count(func.distinct(FieldReport.unit_code)),
        ).where(condition)
    ).one()
    moods = session.execute(
        select(FieldReport.mood, func.count()).where(condition).group_by(FieldReport.mood)
    )
    return (
        int(totals[0]),
        int(totals[1]),
        int(totals[2]),
        {str(mood): int(n) for mood, n in moods},
    )


def survey_responses(session: Session, *, start: date, end: date) -> list[tuple[str, int]]:
    """(survey title, responses submitted in the period) for every survey with any; a response
    without a submission time counts on the day it was imported."""
    from opiniondesk.surveys.models import Survey, SurveyResponse

    low, high = _local_bounds(start, end)
    moment = func.coalesce(SurveyResponse.submitted_at, SurveyResponse.imported_at)
    rows = session.execute(
        select(Survey.title, func.count(SurveyResponse.id))
        .join(SurveyResponse, SurveyResponse.survey_id == Survey.id)
        .where(moment >= low, moment < high)
        .group_by(Survey.id, Survey.title)
        .order_by(Survey.title)
    )
    return [(str(title), int(n)) for title, n in rows]


def survey_responses_in(session: Session, *, start: date, end: date) -> list[tuple[Any, list[Any]]]:
    """(survey, its responses submitted in the period) for every survey with any."""
    from opiniondesk.surveys.models import Survey, SurveyResponse

    low, high = _local_bounds(start, end)
    moment = func.coalesce(SurveyResponse.submitted_at, SurveyResponse.imported_at)
    found: dict[int, tuple[Any, list[Any]]] = {}
    rows = session.execute(
        select(Survey, SurveyResponse)
        .join(SurveyResponse, SurveyResponse.survey_id == Survey.id)
        .where(moment >= low, moment < high)
        .order_by(Survey.title, SurveyResponse.id)
    )
    for survey, response in rows:
        found.setdefault(survey.id, (survey, []))[1].append(response)
    return list(found.values())
