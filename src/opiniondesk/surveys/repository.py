"""Every query of the surveys area."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from opiniondesk.storage.dialect import insert_for
from opiniondesk.surveys.models import Survey, SurveyLink, SurveyLinkSubmission, SurveyResponse


def survey_by_form_id(session: Session, form_id: str) -> Survey | None:
    return session.scalar(select(Survey).where(Survey.form_id == form_id))


def surveys(session: Session) -> list[Survey]:
    return list(session.scalars(select(Survey).order_by(Survey.id)))


def add_survey(session: Session, survey: Survey) -> Survey:
    session.add(survey)
    session.flush()
    return survey


def add_response_if_new(session: Session, values: Mapping[str, Any]) -> bool:
    """True when stored; False when the survey already holds this instance id."""
    statement = (
        insert_for(session, SurveyResponse.__table__)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["survey_id", "instance_id"])
        .returning(SurveyResponse.id)
    )
    return session.execute(statement).first() is not None


def has_response(session: Session, survey_id: int, instance_id: str) -> bool:
    query = select(SurveyResponse.id).where(
        SurveyResponse.survey_id == survey_id, SurveyResponse.instance_id == instance_id
    )
    return session.scalar(query.limit(1)) is not None


def responses_of(session: Session, survey_id: int) -> list[SurveyResponse]:
    query = select(SurveyResponse).where(SurveyResponse.survey_id == survey_id)
    return list(session.scalars(query.order_by(SurveyResponse.id)))


def count_responses(session: Session, survey_id: int) -> int:
    query = select(func.count()).select_from(SurveyResponse)
    return int(session.scalar(query.where(SurveyResponse.survey_id == survey_id)) or 0)


def open_link_of(session: Session, survey_id: int) -> SurveyLink | None:
    query = select(SurveyLink).where(
        SurveyLink.survey_id == survey_id, SurveyLink.closed_at.is_(None)
    )
    return session.scalar(query.order_by(SurveyLink.id.desc()).limit(1))


def link_by_token(session: Session, token: str) -> SurveyLink | None:
    return session.scalar(select(SurveyLink).where(SurveyLink.token == token))


def survey_by_id(session: Session, survey_id: int) -> Survey | None:
    return session.get(Survey, survey_id)


def add_link(session: Session, link: SurveyLink) -> SurveyLink:
    session.add(link)
    session.flush()
    return link


def submissions_since(session: Session, *, link_id: int, client_key: str, since: datetime) -> int:
    query = select(func.count()).select_from(SurveyLinkSubmission)
    query = query.where(
        SurveyLinkSubmission.link_id == link_id,
        SurveyLinkSubmission.client_key == client_key,
        SurveyLinkSubmission.at >= since,
    )
    return int(session.scalar(query) or 0)


def add_submission(session: Session, submission: SurveyLinkSubmission) -> None:
    session.add(submission)


def delete_submissions_before(session: Session, moment: datetime) -> None:
    session.execute(delete(SurveyLinkSubmission).where(SurveyLinkSubmission.at < moment))


def count_by_mode(session: Session, survey_id: int) -> dict[str, int]:
    query = (
        select(SurveyResponse.mode, func.count())
        .where(SurveyResponse.survey_id == survey_id)
        .group_by(SurveyResponse.mode)
    )
    return {str(mode): int(n) for mode, n in session.execute(query)}
