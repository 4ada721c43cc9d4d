"""Surveys as the desk uses them: import a form, import responses, store a response filled in
on the web, open and close a survey's public link, export. Never commits."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from opiniondesk.errors import InputError, NotFoundError
from opiniondesk.ingest.raw import RowError
from opiniondesk.storage.base import utcnow
from opiniondesk.surveys import repository as repo
from opiniondesk.surveys.feed import open_answers
from opiniondesk.surveys.fill import asked_only
from opiniondesk.surveys.form import SurveyForm, read_xlsform
from opiniondesk.surveys.models import (
    ResponseMode,
    Survey,
    SurveyLink,
    SurveyLinkSubmission,
)
from opiniondesk.surveys.responses import AnswerError, answers_of, instance_of, layout_of, weight_of
from opiniondesk.surveys.tables import read_rows, write_rows
from opiniondesk.text.pii import redact

# a public link takes at most this many responses per client address per window: a family
# or a commune office behind one address still gets through, a script does not
PUBLIC_WINDOW = timedelta(hours=1)
PUBLIC_MAX_PER_WINDOW = 20
KEEP_SUBMISSIONS = timedelta(days=1)


@dataclass(slots=True)
class ResponseImport:
    read: int = 0
    stored: int = 0
    already_stored: int = 0
    errors: list[RowError] = field(default_factory=list)
    unmatched_columns: list[str] = field(default_factory=list)
    # open-ended answers of the newly stored responses: (external id, text) for the pipeline
    open_texts: list[tuple[str, str]] = field(default_factory=list)


def import_form(session: Session, path: Path) -> Survey:
    """Store the XLSForm at `path`; a form already imported (same form id) gets the new
    definition, so a revised questionnaire keeps its responses."""
    form = read_xlsform(path)
    survey = repo.survey_by_form_id(session, form.form_id)
    if survey is None:
        return repo.add_survey(
            session,
            Survey(
                form_id=form.form_id,
                title=form.title,
                version=form.version,
                definition=form.to_json(),
            ),
        )
    survey.title, survey.version, survey.definition = form.title, form.version, form.to_json()
    return survey


def get_survey(session: Session, form_id: str) -> Survey:
    survey = repo.survey_by_form_id(session, form_id)
    if survey is None:
        known = ", ".join(s.form_id for s in repo.surveys(session)[:10]) or "—"
        raise NotFoundError(
            f"Không có khảo sát “{form_id}”. Đã có: {known}. / No survey “{form_id}”; "
            f"known: {known}."
        )
    return survey


def form_of(survey: Survey) -> SurveyForm:
    return SurveyForm.from_json(survey.definition)


def import_responses(
    session: Session, survey: Survey, path: Path, *, weight_column: str | None = None
) -> ResponseImport:
    """Store every good row of a Kobo/ODK export; a bad row is reported with its line and
    question and the rest is kept; rows already imported are skipped."""
    form = form_of(survey)
    header, rows = read_rows(path)
    layout = layout_of(form, header, weight_column)
    if not layout.columns:
        raise InputError(
            f"{path.name}: không cột nào khớp với câu hỏi của khảo sát {survey.form_id}. / "
            f"{path.name}: no column matches a question of survey {survey.form_id}."
        )
    if weight_column and layout.weight_index is None:
        raise InputError(
            f"{path.name}: không có cột trọng số “{weight_column}”. / "
            f"{path.name}: no weight column “{weight_column}”."
        )
    report = ResponseImport(unmatched_columns=layout.unmatched)
    texts = [q.path for q in form.questions if q.kind == "text"]
    for line, cells in _non_empty(rows):
        report.read += 1
        try:
            answers = redacted(form, asked_only(form, answers_of(layout, cells)))
            weight = weight_of(layout, cells)
        except AnswerError as exc:
            report.errors.append(RowError(path.name, line, str(exc)))
            continue
        instance = instance_of(layout, cells, answers)
        stored = repo.add_response_if_new(
            session,
            {
                "survey_id": survey.id,
                "instance_id": instance,
                "answers": answers,
                "weight": weight,
                "submitted_at": None,
                "imported_at": utcnow(),
                "mode": ResponseMode.imported.value,
            },
        )
        if not stored:
            report.already_stored += 1
            continue
        report.stored += 1
        report.open_texts.extend(open_answers(survey.form_id, instance, answers, texts))
    return report


def _non_empty(rows: Iterator[tuple[int, list[str]]]) -> Iterator[tuple[int, list[str]]]:
    for line, cells in rows:
        if any(cell.strip() for cell in cells):
            yield line, cells


def export_responses(session: Session, survey: Survey, path: Path) -> int:
    """Write the responses to .csv or .xlsx in Kobo's layout (group paths, select_multiple as
    space-separated choices); cells that a spreadsheet would run as formulas are neutralised."""
    if path.suffix.lower() not in (".csv", ".xlsx"):
        raise InputError(f"{path.name}: dùng .csv hoặc .xlsx. / {path.name}: use .csv or .xlsx.")
    form = form_of(survey)
    questions = [q for q in form.questions if q.kind != "note"]
    header = [q.path for q in questions] + ["_uuid", "weight"]
    rows = []
    for response in repo.responses_of(session, survey.id):
        cells = []
        for question in questions:
            value = response.answers.get(question.path)
            if value is None:
                cells.append("")
            elif isinstance(value, list):
                cells.append(" ".join(str(v) for v in value))
            else:
                cells.append(str(value))
        rows.append([*cells, response.instance_id, repr(response.weight)])
    write_rows(path, header, rows)
    return len(rows)


def redacted(form: SurveyForm, answers: dict[str, Any]) -> dict[str, Any]:
    """`answers` with personal data in open (text) answers replaced by placeholders, as every
    channel does before anything is stored."""
    texts = {q.path for q in form.questions if q.kind == "text"}
    return {
        path: redact(value).text if path in texts and isinstance(value, str) else value
        for path, value in answers.items()
    }


def store_filled_in(
    session: Session,
    survey: Survey,
    answers: dict[str, Any],
    *,
    instance_id: str,
    mode: ResponseMode,
) -> dict[str, Any] | None:
    """Store a response checked by fill.check; the redacted answers when stored, None when
    this instance id was already stored (a double submit lands once)."""
    clean = redacted(form_of(survey), answers)
    stored = repo.add_response_if_new(
        session,
        {
            "survey_id": survey.id,
            "instance_id": instance_id,
            "answers": clean,
            "weight": 1.0,
            "submitted_at": utcnow(),
            "imported_at": utcnow(),
            "mode": mode.value,
        },
    )
    return clean if stored else None


def open_link(session: Session, survey: Survey) -> SurveyLink:
    """The survey's open public link, made when there is none (192 random bits)."""
    link = repo.open_link_of(session, survey.id)
    if link is not None:
        return link
    return repo.add_link(
        session,
        SurveyLink(survey_id=survey.id, token=secrets.token_urlsafe(24), opened_at=utcnow()),
    )


def close_link(session: Session, survey: Survey) -> SurveyLink | None:
    """Close the open link, if any: its address then answers 404 and takes nothing."""
    link = repo.open_link_of(session, survey.id)
    if link is not None:
        link.closed_at = utcnow()
    return link


def public_survey(session: Session, token: str) -> tuple[Survey, SurveyLink]:
    """The survey behind an open link; one NotFoundError for unknown and closed links alike,
    so the answer tells nothing about which tokens ever existed."""
    link = repo.link_by_token(session, token) if len(token) <= 64 else None
    survey = repo.survey_by_id(session, link.survey_id) if link else None
    if link is None or survey is None or link.closed_at is not None:
        raise NotFoundError(
            "Liên kết khảo sát không tồn tại hoặc đã đóng. Hãy hỏi cơ quan đã gửi liên kết. / "
            "This survey link does not exist or has been closed. Ask the office that sent it."
        )
    return survey, link


def client_key(secret_key: str, address: str) -> str:
    """A keyed hash of the client's address: enough to count, useless to read."""
    return hmac.new(secret_key.encode(), b"survey:" + address.encode(), hashlib.sha256).hexdigest()


def admit_public_response(session: Session, link: SurveyLink, *, key: str, now: datetime) -> bool:
    """Whether this client may send one more response through `link` now (and note it)."""
    used = repo.submissions_since(
        session, link_id=link.id, client_key=key, since=now - PUBLIC_WINDOW
    )
    if used >= PUBLIC_MAX_PER_WINDOW:
        return False
    repo.add_submission(session, SurveyLinkSubmission(link_id=link.id, client_key=key, at=now))
    repo.delete_submissions_before(session, now - KEEP_SUBMISSIONS)
    return True
