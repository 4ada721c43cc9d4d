"""Surveys as the desk uses them: import a form, import responses, export them. Never commits."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from opiniondesk.errors import InputError, NotFoundError
from opiniondesk.ingest.raw import RowError
from opiniondesk.storage.base import utcnow
from opiniondesk.surveys import repository as repo
from opiniondesk.surveys.feed import open_answers
from opiniondesk.surveys.form import SurveyForm, read_xlsform
from opiniondesk.surveys.models import Survey
from opiniondesk.surveys.responses import AnswerError, answers_of, instance_of, layout_of, weight_of
from opiniondesk.surveys.tables import read_rows, write_rows


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
            answers = answers_of(layout, cells)
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
