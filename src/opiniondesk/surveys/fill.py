"""Checking a questionnaire filled in on the web with the form's own rules: a question whose
`relevant` is false is skipped (any answer to it dropped), `required` and `constraint` are
enforced, values are typed as in an import."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from opiniondesk.surveys.expressions import ExpressionError, evaluate
from opiniondesk.surveys.form import Question, SurveyForm
from opiniondesk.surveys.responses import AnswerError, value_of


@dataclass(slots=True)
class FilledIn:
    answers: dict[str, Any] = field(default_factory=dict)  # by question path
    errors: dict[str, str] = field(default_factory=dict)  # question path → message key
    skipped: list[str] = field(default_factory=list)


def _holds(expression: str, by_name: Mapping[str, Any], current: Any = None) -> bool:
    if not expression:
        return True
    try:
        return evaluate(expression, by_name, current)
    except ExpressionError:
        return True  # an expression this subset cannot read never blocks an interview


def check(form: SurveyForm, submitted: Mapping[str, Sequence[str]]) -> FilledIn:
    """Answers and errors for `submitted` (field name = question path → values)."""
    result = FilledIn()
    by_name: dict[str, Any] = {}
    for question in form.questions:
        if question.kind == "note":
            continue
        if not _holds(question.relevant, by_name):
            result.skipped.append(question.path)
            continue
        value = _read(question, submitted.get(question.path, ()), result)
        if value is None:
            if question.required:
                result.errors[question.path] = "survey_error_required"
            continue
        if not _holds(question.constraint, by_name, value):
            result.errors[question.path] = "survey_error_constraint"
            continue
        result.answers[question.path] = by_name[question.name] = value
    return result


def _read(question: Question, values: Sequence[str], result: FilledIn) -> Any:
    cleaned = [v.strip() for v in values if v.strip()]
    if not cleaned:
        return None
    try:
        if question.kind == "select_multiple":
            return value_of(question, " ".join(cleaned))
        return value_of(question, cleaned[0])
    except AnswerError:
        result.errors[question.path] = "survey_error_invalid"
        return None
