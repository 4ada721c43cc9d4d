"""Checking a questionnaire filled in on the web with the form's own rules: a question whose
`relevant` (or a surrounding group's) is false is skipped and any answer to it dropped,
`required` and `constraint` are enforced, values are typed as in an import.

This is the source of truth. The page runs the same check live in the browser
(static/survey-fill.js) from `client_rules`: the same compiled trees, the same order, the same
typing, so what the browser hides or flags is what the server will skip or refuse.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from opiniondesk.surveys.expressions import ExpressionError, Tree, compile_expression, holds
from opiniondesk.surveys.form import Question, SurveyForm
from opiniondesk.surveys.responses import AnswerError, value_of

REQUIRED = "survey_error_required"
CONSTRAINT = "survey_error_constraint"
INVALID = "survey_error_invalid"
MAX_TEXT = 5000  # characters of one open answer; the page's textarea says the same


@dataclass(slots=True)
class FilledIn:
    answers: dict[str, Any] = field(default_factory=dict)  # by question path
    errors: dict[str, str] = field(default_factory=dict)  # question path → message key
    skipped: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Rules:
    """A question's compiled rules: every tree in `relevant` must hold for it to be asked."""

    relevant: list[Tree]
    constraint: Tree | None


def rules_of(question: Question) -> Rules:
    """Compiled rules; an unreadable one (only in a definition stored before import refused
    them) is left out, exactly as the browser gets it from `client_rules`."""
    relevant = [t for t in map(_compiled, [*question.group_relevant, question.relevant]) if t]
    return Rules(relevant, _compiled(question.constraint))


def _compiled(expression: str) -> Tree | None:
    if not expression:
        return None
    try:
        return compile_expression(expression)
    except ExpressionError:
        return None


def check(form: SurveyForm, submitted: Mapping[str, Sequence[str]]) -> FilledIn:
    """Answers and errors for `submitted` (field name = question path → values)."""
    result = FilledIn()
    by_name: dict[str, Any] = {}
    for question in form.questions:
        if question.kind == "note":
            continue
        rules = rules_of(question)
        if not all(holds(tree, by_name) for tree in rules.relevant):
            result.skipped.append(question.path)
            continue
        value = _read(question, submitted.get(question.path, ()), result)
        if value is None:
            if question.required and question.path not in result.errors:
                result.errors[question.path] = REQUIRED
            continue
        if rules.constraint is not None and not holds(rules.constraint, by_name, value):
            result.errors[question.path] = CONSTRAINT
            continue
        result.answers[question.path] = by_name[question.name] = value
    return result


def asked_only(form: SurveyForm, answers: Mapping[str, Any]) -> dict[str, Any]:
    """`answers` (typed, by path) without those to questions the form's skip logic did not
    ask: an export's blank or 0 cells of a skipped question are not an answer."""
    kept: dict[str, Any] = {}
    by_name: dict[str, Any] = {}
    for question in form.questions:
        if question.path not in answers:
            continue
        if all(holds(tree, by_name) for tree in rules_of(question).relevant):
            kept[question.path] = by_name[question.name] = answers[question.path]
    return kept


def _read(question: Question, values: Sequence[str], result: FilledIn) -> Any:
    cleaned = [v.strip() for v in values if v.strip()]
    if not cleaned:
        return None
    try:
        if question.kind == "select_multiple":
            return value_of(question, " ".join(cleaned))
        if question.kind == "integer" and not _INTEGER.fullmatch(cleaned[0]):
            raise AnswerError(question.path)
        if question.kind == "decimal" and not _DECIMAL.fullmatch(cleaned[0]):
            raise AnswerError(question.path)
        if question.kind == "date" and not _DATE.fullmatch(cleaned[0]):
            raise AnswerError(question.path)
        if question.kind == "text" and len(cleaned[0]) > MAX_TEXT:
            raise AnswerError(question.path)
        return value_of(question, cleaned[0])
    except AnswerError:
        result.errors[question.path] = INVALID
        return None


# what a number box may hold, checked alike here and in the browser (float() reads more)
_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_DECIMAL = re.compile(r"^[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def message_for(question: Question, key: str, language: str, translate: Any) -> str:
    """The form's own constraint/required message in `language` when it has one."""
    own = {CONSTRAINT: question.constraint_message, REQUIRED: question.required_message}.get(key)
    if own:
        return own.get(language) or own.get("en") or next(iter(own.values()))
    return str(translate(key))


def client_rules(form: SurveyForm, language: str, translate: Any) -> dict[str, Any]:
    """What survey-fill.js needs: per question its field, kind, choices, compiled rules and
    the three messages already in the page's language."""
    questions = []
    for question in form.questions:
        rules = rules_of(question)
        questions.append(
            {
                "path": question.path,
                "name": question.name,
                "kind": question.kind,
                "required": question.required,
                "choices": [c.name for c in question.choices],
                "relevant": rules.relevant,
                "constraint": rules.constraint,
                "messages": {
                    "required": message_for(question, REQUIRED, language, translate),
                    "constraint": message_for(question, CONSTRAINT, language, translate),
                    "invalid": message_for(question, INVALID, language, translate),
                },
            }
        )
    return {"questions": questions}
