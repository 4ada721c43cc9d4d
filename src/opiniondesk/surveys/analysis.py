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


def calibrated_weights(
    form: SurveyForm, responses: Sequence[SurveyResponse], margins: Margins
) -> tuple[np.ndarray[Any, np.dtype[np.float64]], str]:
    """Post-stratified weights for one margin variable, raked weights for several."""
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
    if len(variables) == 1:
        ((only, cells),) = variables.items()
        return poststratify(base, cells, margins[only]), "poststratified"
    return rake(base, variables, margins), "raked"


def _figures(
    question: Question, responses: Sequence[SurveyResponse], w: Any
) -> dict[str, Estimate]:
    if question.kind in ("integer", "decimal"):
        values = [r.answers.get(question.path) for r in responses]
        numbers = np.array([np.nan if v is None else float(v) for v in values], dtype=float)
        return {"mean": weighted_mean(numbers, w)}
    categories = [c.name for c in question.choices]
    if question.kind == "select_multiple":
        chosen = [
            None if r.answers.get(question.path) is None else frozenset(r.answers[question.path])
            for r in responses
        ]
        return multiple_choice_proportions(chosen, w, categories)
    answers = [_scalar(r.answers, question) for r in responses]
    extra = sorted({a for a in answers if a is not None} - set(categories))
    return weighted_proportions(answers, w, categories + extra)


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
    if margins:
        weights, method = calibrated_weights(form, responses, margins)
    else:
        weights, method = np.array([r.weight for r in responses], dtype=float), "none"
    groups: list[dict[str, Any]] = [_group(None, target, responses, weights, min_group_size)]
    if by:
        grouping = _question(form, by)
        if grouping.kind != "select_one":
            raise InputError(
                f"Chỉ chia nhóm được theo câu chọn một (“{by}” là {grouping.kind}). / "
                f"Break down by a select_one question only (“{by}” is {grouping.kind})."
            )
        labels = sorted({v for r in responses if (v := _scalar(r.answers, grouping)) is not None})
        for label in labels:
            keep = [i for i, r in enumerate(responses) if _scalar(r.answers, grouping) == label]
            subset = [responses[i] for i in keep]
            groups.append(_group(label, target, subset, weights[keep], min_group_size))
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
) -> dict[str, Any]:
    answered = sum(1 for r in responses if r.answers.get(question.path) is not None)
    if answered < min_group_size:
        return {"group": label, "n": None, "suppressed": True, "estimates": {}}
    figures = _figures(question, responses, weights)
    return {
        "group": label,
        "n": answered,
        "suppressed": False,
        "estimates": {key: asdict(value) for key, value in figures.items()},
    }
