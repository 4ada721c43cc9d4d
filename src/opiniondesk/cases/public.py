"""What the public page shows: published cases with the wording the leader approved and the
answers chosen for publication. Nothing else leaves the desk: no evidence documents, no staff,
no citizen; the number of related opinions is shown only at or above the minimum group size."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from opiniondesk.accounts.units import unit_label
from opiniondesk.cases import repository as repo
from opiniondesk.cases.deadlines import local_day
from opiniondesk.cases.models import Case
from opiniondesk.cases.service import CaseView, views_of
from opiniondesk.errors import NotFoundError
from opiniondesk.text.pii import redact


@dataclass(frozen=True)
class PublicAnswer:
    agency_name: str
    answered_on: date
    text: str


@dataclass(frozen=True)
class PublicCase:
    id: int
    title: str
    summary: str
    unit: str
    topic_code: str
    published_on: date
    answers: tuple[PublicAnswer, ...]
    related_opinions: int | None  # None: fewer than the minimum group size, not shown


def _public(
    view: CaseView, agency_names: dict[int, str], related: int, k: int
) -> PublicCase | None:
    state, approval = view.state, view.state.approval
    if state.published_at is None or approval is None:
        return None
    answers = []
    for agency_id in approval.agency_ids:
        assignment = state.assignment(agency_id)
        if assignment is None or assignment.answer is None or assignment.answered_on is None:
            continue
        # the same masking as the approved wording, in case an answer quotes a phone number
        text = redact(assignment.answer, names=False).text
        answers.append(PublicAnswer(agency_names.get(agency_id, ""), assignment.answered_on, text))
    return PublicCase(
        id=view.case.id,
        title=approval.title,
        summary=approval.summary,
        unit=unit_label(view.case.unit_code),
        topic_code=view.case.topic_code,
        published_on=local_day(state.published_at),
        answers=tuple(answers),
        related_opinions=related if related >= k else None,
    )


def _build(session: Session, cases: list[Case], min_group_size: int) -> list[PublicCase]:
    views = views_of(session, cases)
    agency_ids = {a.agency_id for v in views for a in v.state.assignments}
    names = {a.id: a.name for a in repo.agencies(session, agency_ids)}
    counts = repo.document_counts(session, [c.id for c in cases])
    built = (_public(v, names, counts.get(v.case.id, 0), min_group_size) for v in views)
    return [p for p in built if p is not None]


def published_cases(session: Session, *, min_group_size: int, limit: int = 200) -> list[PublicCase]:
    """Published cases, the most recently published first."""
    ids = repo.published_case_ids(session)[:limit]
    order = {case_id: i for i, case_id in enumerate(ids)}
    cases = sorted(repo.cases_by_ids(session, ids), key=lambda c: order[c.id])
    return _build(session, cases, min_group_size)


def published_case(session: Session, case_id: int, *, min_group_size: int) -> PublicCase:
    case = repo.case_by_id(session, case_id)
    found = _build(session, [case], min_group_size) if case else []
    if not found:
        raise NotFoundError(
            f"Không có câu trả lời công khai #{case_id}. / No published answer #{case_id}."
        )
    return found[0]


def topic_labels(session: Session, codes: set[str], language: str) -> dict[str, str]:
    return repo.topic_labels(session, codes, language)
