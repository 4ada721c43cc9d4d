"""Every query of the surveys area."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from opiniondesk.storage.dialect import insert_for
from opiniondesk.surveys.models import Survey, SurveyResponse


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


def responses_of(session: Session, survey_id: int) -> list[SurveyResponse]:
    query = select(SurveyResponse).where(SurveyResponse.survey_id == survey_id)
    return list(session.scalars(query.order_by(SurveyResponse.id)))


def count_responses(session: Session, survey_id: int) -> int:
    query = select(func.count()).select_from(SurveyResponse)
    return int(session.scalar(query.where(SurveyResponse.survey_id == survey_id)) or 0)
