"""Turning a KoboToolbox / ODK export row into answers keyed by question path.

Columns are matched by full path (`group/question`, or ODK Central's `group-question`) or by
the bare question name; a select_multiple comes as one column of space-separated choices or
as one column per choice (`question/choice` holding 1/0 or True/False).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from opiniondesk.surveys.form import Question, SurveyForm

INSTANCE_COLUMNS = ("_uuid", "meta/instanceid", "instanceid", "meta-instanceid", "key", "__id")
TRUE_CELLS = frozenset({"1", "true", "yes", "x"})


@dataclass(frozen=True, slots=True)
class Column:
    index: int
    question: Question
    choice: str | None = None  # set for a one-column-per-choice select_multiple


@dataclass(slots=True)
class Layout:
    columns: list[Column]
    instance_index: int | None
    weight_index: int | None
    unmatched: list[str] = field(default_factory=list)


def _keys(header: str) -> list[str]:
    cleaned = header.strip()
    return [cleaned, cleaned.replace("-", "/"), cleaned.replace(".", "/")]


def layout_of(form: SurveyForm, header: list[str], weight_column: str | None) -> Layout:
    by_path = {q.path: q for q in form.questions} | {
        q.name: q for q in form.questions if q.name not in {x.path for x in form.questions}
    }
    columns: list[Column] = []
    unmatched: list[str] = []
    instance_index = weight_index = None
    for index, name in enumerate(header):
        lowered = name.strip().lower()
        if lowered in INSTANCE_COLUMNS and instance_index is None:
            instance_index = index
            continue
        if weight_column and name.strip() == weight_column:
            weight_index = index
            continue
        column = _match(by_path, index, name)
        if column is None:
            unmatched.append(name)
        else:
            columns.append(column)
    return Layout(columns, instance_index, weight_index, unmatched)


def _match(by_path: dict[str, Question], index: int, name: str) -> Column | None:
    for key in _keys(name):
        if key in by_path:
            return Column(index, by_path[key])
        parent, _, last = key.rpartition("/")
        question = by_path.get(parent) or by_path.get(parent.rpartition("/")[2])
        if (
            question
            and question.kind == "select_multiple"
            and last in {c.name for c in question.choices}
        ):
            return Column(index, question, last)
        if "/" in key and key.rpartition("/")[2] in by_path:
            return Column(index, by_path[key.rpartition("/")[2]])
    return None


class AnswerError(ValueError):
    pass


def value_of(question: Question, cell: str) -> Any:
    text = cell.strip()
    if question.kind == "integer":
        try:
            return int(float(text)) if float(text).is_integer() else _bad(question, text)
        except ValueError:
            return _bad(question, text)
    if question.kind == "decimal":
        try:
            return (
                float(text.replace(",", "."))
                if text.count(",") == 1 and "." not in text
                else float(text)
            )
        except ValueError:
            return _bad(question, text)
    if question.kind == "date":
        try:
            return date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            return _bad(question, text)
    if question.kind == "select_one":
        if question.choices and text not in {c.name for c in question.choices}:
            return _bad(question, text)
        return text
    if question.kind == "select_multiple":
        chosen = sorted(set(text.split()))
        known = {c.name for c in question.choices}
        if known and not set(chosen) <= known:
            return _bad(question, text)
        return chosen
    return text


def _bad(question: Question, text: str) -> Any:
    raise AnswerError(
        f"câu {question.path}: giá trị “{text[:40]}” không hợp lệ cho kiểu {question.kind} / "
        f"question {question.path}: “{text[:40]}” is not a valid {question.kind}"
    )


def answers_of(layout: Layout, cells: list[str]) -> dict[str, Any]:
    """Answers of one row; raises AnswerError naming the question of a bad cell."""
    answers: dict[str, Any] = {}
    for column in layout.columns:
        cell = cells[column.index] if column.index < len(cells) else ""
        if not cell.strip() or column.question.kind == "note":
            continue
        path = column.question.path
        if column.choice is not None:
            if cell.strip().lower() in TRUE_CELLS:
                chosen = set(answers.get(path, []))
                chosen.add(column.choice)
                answers[path] = sorted(chosen)
            else:
                answers.setdefault(path, [])
            continue
        answers[path] = value_of(column.question, cell)
    return answers


def instance_of(layout: Layout, cells: list[str], answers: dict[str, Any]) -> str:
    """The export's submission id, else a hash of the answers (re-imports stay idempotent)."""
    if layout.instance_index is not None and layout.instance_index < len(cells):
        value = cells[layout.instance_index].strip()
        if value:
            return value[:200]
    digest = hashlib.sha256(repr(sorted(answers.items())).encode()).hexdigest()
    return f"sha256:{digest}"


def weight_of(layout: Layout, cells: list[str]) -> float:
    if layout.weight_index is None or layout.weight_index >= len(cells):
        return 1.0
    text = cells[layout.weight_index].strip()
    try:
        weight = float(text)
    except ValueError as exc:
        raise AnswerError(
            f"trọng số “{text[:20]}” không phải số / weight “{text[:20]}” is not a number"
        ) from exc
    if weight <= 0:
        raise AnswerError("trọng số phải dương / the weight must be positive")
    return weight
