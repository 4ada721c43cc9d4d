"""Estimates of one question of a stored survey: overall and by a grouping question, with the
weights as imported or calibrated to population margins. Groups with fewer respondents than
the minimum group size are suppressed (their figures are not given)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from opiniondesk.errors import InputError
from opiniondesk.surveys.estimates import (
    Estimate,
    kish_deff,
    multiple_choice_proportions,
    weighted_mean,
    weighted_proportions,
)
from opiniondesk.surveys.form import Question, SurveyForm
from opiniondesk.surveys.models import SurveyResponse
from opiniondesk.surveys.weighting import Margins, poststratify, rake

ESTIMABLE = ("select_one", "select_multiple", "integer", "decimal")


def read_margins(path: Path) -> dict[str, dict[str, float]]:
    """A CSV with columns variable, category, total (population counts or shares)."""
    margins: dict[str, dict[str, float]] = {}
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        needed = {"variable", "category", "total"}
        if not reader.fieldnames or not needed <= {f.strip() for f in reader.fieldnames}:
            raise InputError(
                f"{path.name}: cần các cột variable, category, total. / "
                f"{path.name}: needs the columns variable, category, total."
            )
        for line, row in enumerate(reader, start=2):
            try:
                total = float(row["total"])
            except (TypeError, ValueError):
                total = -1.0
            if total <= 0:
                raise InputError(
                    f"{path.name}:{line}: total phải là số dương. / "
                    f"{path.name}:{line}: total must be a positive number."
                )
            margins.setdefault(row["variable"].strip(), {})[row["category"].strip()] = total
    return margins


def _question(form: SurveyForm, name: str) -> Question:
    question = form.question(name)
    if question is None:
        known = ", ".join(q.path for q in form.questions[:15])
        raise InputError(
            f"Khảo sát {form.form_id} không có câu “{name}”. Có: {known}. / "
            f"Survey {form.form_id} has no question “{name}”; it has: {known}."
        )
    return question


def _scalar(answers: dict[str, Any], question: Question) -> str | None:
    value = answers.get(question.path)
    if value is None or isinstance(value, list):
        return None
    return str(value)


Matrix = np.ndarray[Any, np.dtype[np.float64]]


def calibrated_weights(
    form: SurveyForm, responses: Sequence[SurveyResponse], margins: Margins
) -> tuple[Matrix, str, Matrix]:
    """Post-stratified weights for one margin variable, raked weights for several; and the
    0/1 matrix of the categories calibrated on, for the calibration-aware variance."""
    base = np.array([r.weight for r in responses], dtype=float)
    variables: dict[str, list[str]] = {}
    for name in margins:
        question = _question(form, name)
        values = [_scalar(r.answers, question) for r in responses]
        if any(v is None for v in values):
            missing = sum(v is None for v in values)
            raise InputError(
                f"{missing} phiếu không trả lời “{name}”, biến dùng để cân chỉnh. / "
                f"{missing} response(s) have no answer to “{name}”, a weighting variable."
            )
        variables[name] = [str(v) for v in values]
    columns = [
        np.array([1.0 if v == category else 0.0 for v in values])
        for name, values in variables.items()
        for category in margins[name]
    ]
    design = np.column_stack(columns) if columns else np.zeros((len(responses), 0))
    if len(variables) == 1:
        ((only, cells),) = variables.items()
        return poststratify(base, cells, margins[only]), "poststratified", design
    return rake(base, variables, margins), "raked", design


def _figures(
    question: Question,
    responses: Sequence[SurveyResponse],
    w: Any,
    design: Any = None,
    inside: Sequence[bool] | None = None,
) -> dict[str, Estimate]:
    """Estimates over the respondents `inside` the group (all when None); those outside stay
    in the design as a domain's complement."""
    answers = [
        r.answers.get(question.path) if inside is None or inside[i] else None
        for i, r in enumerate(responses)
    ]
    if question.kind in ("integer", "decimal"):
        numbers = np.array([np.nan if v is None else float(v) for v in answers], dtype=float)
        return {"mean": weighted_mean(numbers, w, design)}
    categories = [c.name for c in question.choices]
    if question.kind == "select_multiple":
        chosen = [None if v is None else frozenset(v) for v in answers]
        return multiple_choice_proportions(chosen, w, categories, design)
    scalars = [None if v is None or isinstance(v, list) else str(v) for v in answers]
    extra = sorted({a for a in scalars if a is not None} - set(categories))
    return weighted_proportions(scalars, w, categories + extra, design)


def estimate(
    form: SurveyForm,
    responses: Sequence[SurveyResponse],
    *,
    question: str,
    by: str | None = None,
    margins: Margins | None = None,
    min_group_size: int = 5,
) -> dict[str, Any]:
    """JSON-ready estimates of `question`, overall and per value of `by`."""
    target = _question(form, question)
    if target.kind not in ESTIMABLE:
        raise InputError(
            f"Câu “{question}” ({target.kind}) không ước lượng được; dùng câu chọn hoặc số. / "
            f"Question “{question}” ({target.kind}) has no estimate; use a select or a number."
        )
    design: Matrix | None = None
    if margins:
        weights, method, design = calibrated_weights(form, responses, margins)
    else:
        weights, method = np.array([r.weight for r in responses], dtype=float), "none"
    groups: list[dict[str, Any]] = [
        _group(None, target, responses, weights, min_group_size, design)
    ]
    if by:
        grouping = _question(form, by)
        if grouping.kind != "select_one":
            raise InputError(
                f"Chỉ chia nhóm được theo câu chọn một (“{by}” là {grouping.kind}). / "
                f"Break down by a select_one question only (“{by}” is {grouping.kind})."
            )
        labels = sorted({v for r in responses if (v := _scalar(r.answers, grouping)) is not None})
        for label in labels:
            inside = [_scalar(r.answers, grouping) == label for r in responses]
            groups.append(_group(label, target, responses, weights, min_group_size, design, inside))
    return {
        "survey": form.form_id,
        "question": target.path,
        "kind": target.kind,
        "by": by,
        "weighting": method,
        "respondents": len(responses),
        "deff_kish": kish_deff(weights) if len(weights) else None,
        "min_group_size": min_group_size,
        "groups": groups,
    }


def _group(
    label: str | None,
    question: Question,
    responses: Sequence[SurveyResponse],
    weights: Any,
    min_group_size: int,
    design: Any = None,
    inside: Sequence[bool] | None = None,
) -> dict[str, Any]:
    answered = sum(
        1
        for i, r in enumerate(responses)
        if (inside is None or inside[i]) and r.answers.get(question.path) is not None
    )
    if answered < min_group_size:
        return {"group": label, "n": None, "suppressed": True, "estimates": {}}
    figures = _figures(question, responses, weights, design, inside)
    return {
        "group": label,
        "n": answered,
        "suppressed": False,
        "estimates": {key: asdict(value) for key, value in figures.items()},
    }


def _chose(answers: dict[str, Any], question: Question, category: str) -> bool:
    value = answers.get(question.path)
    if isinstance(value, list):
        return category in value
    return value is not None and str(value) == category


def crosstab(
    form: SurveyForm,
    responses: Sequence[SurveyResponse],
    *,
    rows: str,
    columns: str,
    margins: Margins | None = None,
    min_group_size: int = 5,
) -> dict[str, Any]:
    """Weighted column shares of `rows` within each answer to `columns`, with 95% CIs. A
    column with fewer respondents than `min_group_size` is suppressed whole; within a shown
    column, a cell of 1 to `min_group_size` − 1 respondents is suppressed too, since each
    cell of a two-way table is itself a group of people."""
    row_question = _question(form, rows)
    if row_question.kind not in ("select_one", "select_multiple"):
        raise InputError(
            f"Hàng của bảng chéo phải là câu chọn (“{rows}” là {row_question.kind}). / "
            f"The rows of a crosstab must be a select question (“{rows}” is "
            f"{row_question.kind})."
        )
    figures = estimate(
        form,
        responses,
        question=rows,
        by=columns,
        margins=margins,
        min_group_size=min_group_size,
    )
    column_question = _question(form, columns)
    table: list[dict[str, Any]] = []
    for group in figures["groups"]:
        members = [
            r
            for r in responses
            if group["group"] is None or _scalar(r.answers, column_question) == group["group"]
        ]
        cells: dict[str, Any] = {}
        for category, figure in group["estimates"].items():
            count = sum(1 for r in members if _chose(r.answers, row_question, category))
            hidden = 0 < count < min_group_size
            cells[category] = (
                {"count": None, "suppressed": True}
                if hidden
                else {"count": count, "suppressed": False, **figure}
            )
        table.append(
            {
                "column": group["group"],
                "n": group["n"],
                "suppressed": group["suppressed"],
                "cells": cells,
            }
        )
    return {
        "survey": form.form_id,
        "rows": row_question.path,
        "columns": column_question.path,
        "weighting": figures["weighting"],
        "min_group_size": min_group_size,
        "table": table,
    }
