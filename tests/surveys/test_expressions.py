"""The rule language: every shared case (also run in Chromium against survey-fill.js), the
compiled tree's shape, and what is refused at compile time rather than ignored at fill time."""

from __future__ import annotations

from typing import Any

import pytest

from opiniondesk.surveys.expressions import (
    ExpressionError,
    compile_expression,
    evaluate,
    references,
    to_text,
)
from tests.surveys.expression_cases import ANSWERS, CASES


@pytest.mark.parametrize(("expression", "current", "expected"), CASES)
def test_shared_case(expression: str, current: Any, expected: bool) -> None:
    assert evaluate(expression, ANSWERS, current) is expected


def test_the_tree_is_plain_json() -> None:
    assert compile_expression("${a} > 1 and not(selected(., 'x'))") == [
        "and",
        [">", ["ref", "a"], ["lit", 1.0]],
        ["call", "not", ["call", "selected", ["ref", "."], ["lit", "x"]]],
    ]
    assert references(compile_expression("${a} + ${b} = ../c and . > 0")) == {"a", "b", "c"}


@pytest.mark.parametrize(
    ("expression", "reason"),
    [
        ("pulldata('x', 'y')", "pulldata() is not supported"),
        ("regex(., '[0-9]+')", "regex() is not supported"),
        ("today() > ${d}", "today() is not supported"),
        ("selected(${a})", "selected() takes 2–2 argument(s), not 1"),
        ("${a} = ", "unexpected end"),
        ("${a} == 1", "unexpected “=”"),
        ("/data/a = 1", "cannot read"),
        ("${a} = 1)", "unexpected “)”"),
    ],
)
def test_what_cannot_be_read_is_refused(expression: str, reason: str) -> None:
    with pytest.raises(ExpressionError) as refused:
        compile_expression(expression)
    assert reason in str(refused.value)


def test_numbers_print_as_xpath_and_javascript_do() -> None:
    assert [to_text(v) for v in (30, 30.0, 7.5, -0.0, float("nan"), True, ["a", 1])] == [
        "30", "30", "7.5", "0", "NaN", "true", "a 1",
    ]  # fmt: skip
