"""The fill-in page in Chromium: the JavaScript rule interpreter gives the same truth and value
as expressions.py on every shared case, the same answers, errors and skips as fill.check on a
set of submissions, and on the page a question appears and disappears with the skip logic, the
form's constraint message shows as you type, and a response is stored once.

Needs Playwright for Python and Debian's Chromium at /usr/bin/chromium (never downloaded);
skips with a message when either is missing, except under CI=true (tests/browser.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from opiniondesk.surveys import fill, service
from opiniondesk.surveys import repository as repo
from opiniondesk.surveys.expressions import compile_expression, run, to_text, truth
from opiniondesk.surveys.form import Choice, Question, SurveyForm
from opiniondesk.web.app import create_app
from opiniondesk.web.i18n import Translator
from tests.browser import launch, live_server, require_chromium, sync_api
from tests.conftest import DeskFixture
from tests.surveys.builders import AGE_MESSAGE, write_form
from tests.surveys.expression_cases import ANSWERS, CASES

require_chromium()

pytestmark = pytest.mark.slow


@pytest.fixture
def public_url(sqlite_desk: DeskFixture, tmp_path: Path) -> Iterator[str]:
    with sqlite_desk.sessions.begin() as session:
        survey = service.import_form(session, write_form(tmp_path / "form.xlsx"))
        token = service.open_link(session, survey).token
    app = create_app(sqlite_desk.settings, engine=sqlite_desk.engine)
    with live_server(app) as url:
        yield f"{url}/khao-sat/{token}"


@pytest.fixture
def page(public_url: str) -> Iterator[Any]:
    problems: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            tab = browser.new_page()
            tab.on(
                "console",
                lambda msg: problems.append(msg.text) if msg.type in {"error", "warning"} else None,
            )
            tab.on("pageerror", lambda exc: problems.append(str(exc)))
            tab.goto(public_url, wait_until="networkidle")
            yield tab
        finally:
            browser.close()
    assert problems == []  # no script error, no CSP violation


# a form made in code for what the sample form lacks: a group with its own rule, or_other
GROUPED = SurveyForm(
    "grouped",
    "Grouped",
    "1",
    [
        Question("has_job", "has_job", "select_one", {}, [Choice("yes", {}), Choice("no", {})]),
        Question(
            "hours",
            "job/hours",
            "integer",
            {},
            constraint=". > 0 and . <= 80",
            required=True,
            group_relevant=["${has_job} = 'yes'"],
        ),
        Question(
            "sector",
            "job/sector",
            "select_one",
            {},
            [Choice("farm", {}), Choice("other", {})],
            group_relevant=["${has_job} = 'yes'"],
            relevant="${hours} > 10",
        ),
        Question(
            "sector_other",
            "job/sector_other",
            "text",
            {},
            relevant="selected(../sector, 'other')",
            group_relevant=["${has_job} = 'yes'"],
            required=True,
        ),
    ],
)

SUBMISSIONS: list[tuple[SurveyForm | None, dict[str, list[str]]]] = [
    (None, {"nguoi/sex": ["f"], "nguoi/age": ["34"], "nguoi/age_group": ["young"],
            "satisfied": ["yes"], "issues": ["roads"], "income": ["7,5"], "comment": ["ok"]}),
    (None, {"nguoi/sex": ["m"], "nguoi/age": [" 40 "], "nguoi/age_group": ["old"],
            "satisfied": ["no"], "issues": ["water", "roads", "water"], "visit": ["2026-02-28"]}),
    (None, {"nguoi/age": ["12"], "satisfied": ["no"], "issues": ["prices2"]}),
    (None, {"nguoi/sex": ["x"], "nguoi/age": ["abc"], "income": ["-1"], "visit": ["2026-02-30"]}),
    (None, {"nguoi/age": ["34.0"], "income": [".5"], "visit": ["20261120"]}),
    (None, {"nguoi/age": ["+18"], "income": ["1e3"], "satisfied": ["maybe"]}),
    (None, {}),
    (None, {"comment": ["ý" * 5000], "income": ["1,5"]}),
    (None, {"comment": ["ý" * 5001], "nguoi/age": ["0018"]}),
    (GROUPED, {"has_job": ["no"], "job/hours": ["90"], "job/sector_other": [""]}),
    (GROUPED, {"has_job": ["yes"], "job/hours": ["90"]}),
    (GROUPED, {"has_job": ["yes"], "job/hours": ["40"], "job/sector": ["other"]}),
    (GROUPED, {"has_job": ["yes"], "job/hours": ["8"], "job/sector": ["other"]}),
    (GROUPED, {"has_job": ["yes"], "job/hours": ["40"], "job/sector": ["farm"]}),
]  # fmt: skip

JS_CASES = """([cases, answers]) => cases.map(([tree, current]) => {
  const s = window.opiniondeskSurvey;
  const value = s.run(tree, (name) => name === '.' ? current
      : (Object.prototype.hasOwnProperty.call(answers, name) ? answers[name] : null));
  return [s.truth(value), s.toText(value)];
})"""


def test_the_javascript_interpreter_agrees_with_python(page: Any, sqlite_desk: DeskFixture) -> None:
    trees = [[compile_expression(expression), current] for expression, current, _ in CASES]
    from_js = page.evaluate(JS_CASES, [trees, ANSWERS])
    from_python = []
    for tree, current in trees:
        value = run(
            tree, lambda name, current=current: current if name == "." else ANSWERS.get(name)
        )
        from_python.append([truth(value), to_text(value)])
    disagreements = [
        (expression, py, js)
        for (expression, _, _), py, js in zip(CASES, from_python, from_js, strict=True)
        if py != js
    ]
    assert disagreements == []
    assert [truth for truth, _ in from_js] == [expected for _, _, expected in CASES]


def test_the_javascript_check_agrees_with_fill_check(page: Any, sqlite_desk: DeskFixture) -> None:
    with sqlite_desk.sessions() as session:
        sample = service.form_of(service.get_survey(session, "hai_long_2026"))
    t = Translator("vi")
    short = {fill.REQUIRED: "required", fill.CONSTRAINT: "constraint", fill.INVALID: "invalid"}
    for form, submitted in SUBMISSIONS:
        form = form or sample
        expected = fill.check(form, submitted)
        got = page.evaluate(
            "([rules, submitted]) => window.opiniondeskSurvey.check(rules, submitted)",
            [fill.client_rules(form, "vi", t), submitted],
        )
        assert got["skipped"] == expected.skipped, submitted
        assert got["errors"] == {k: short[v] for k, v in expected.errors.items()}, submitted
        assert got["answers"] == expected.answers, submitted


def test_skip_logic_constraint_and_one_response(page: Any, sqlite_desk: DeskFixture) -> None:
    issues = page.locator('[data-path="issues"]')
    assert issues.is_hidden()  # asked only of the unsatisfied
    page.check('input[name="satisfied"][value="no"]')
    assert issues.is_visible()
    page.check('input[name="satisfied"][value="yes"]')
    assert issues.is_hidden()

    age_error = page.locator('[data-path="nguoi/age"] .error-message')
    page.fill('input[name="nguoi/age"]', "12")
    assert age_error.is_visible() and age_error.inner_text() == AGE_MESSAGE["vi"]
    page.fill('input[name="nguoi/age"]', "34")
    assert age_error.is_hidden()

    page.click('button[type="submit"]')  # sex and age group missing: the browser holds it
    sex_error = page.locator('[data-path="nguoi/sex"] .error-message')
    assert sex_error.is_visible() and sex_error.inner_text() == "Câu này bắt buộc."
    assert "done=1" not in page.url

    page.check('input[name="nguoi/sex"][value="f"]')
    page.check('input[name="nguoi/age_group"][value="young"]')
    page.check('input[name="satisfied"][value="no"]')
    page.check('input[name="issues"][value="water"]')
    page.check('input[name="satisfied"][value="yes"]')  # issues now skipped, answer dropped
    with page.expect_navigation():
        page.click('button[type="submit"]')
    assert "done=1" in page.url
    assert "Cảm ơn bạn đã trả lời" in page.content()
    with sqlite_desk.sessions() as session:
        survey = service.get_survey(session, "hai_long_2026")
        (response,) = repo.responses_of(session, survey.id)
    assert response.mode == "self"
    assert response.answers == {
        "nguoi/sex": "f",
        "nguoi/age": 34,
        "nguoi/age_group": "young",
        "satisfied": "yes",
    }


def test_without_javascript_the_server_checks_and_keeps_answers(
    public_url: str, sqlite_desk: DeskFixture
) -> None:
    with sync_api.sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_context(java_script_enabled=False).new_page()
            page.goto(public_url)
            assert page.locator('[data-path="issues"]').is_visible()  # nothing hides it
            page.check('input[name="nguoi/sex"][value="m"]')
            page.fill('input[name="nguoi/age"]', "12")
            page.check('input[name="satisfied"][value="yes"]')
            page.check('input[name="issues"][value="roads"]')
            with page.expect_navigation():
                page.click('button[type="submit"]')
            age = page.locator('[data-path="nguoi/age"]')
            assert AGE_MESSAGE["vi"] in age.inner_text()
            assert page.input_value('input[name="nguoi/age"]') == "12"  # answers kept
            assert page.is_checked('input[name="nguoi/sex"][value="m"]')
            page.fill('input[name="nguoi/age"]', "61")
            page.check('input[name="nguoi/age_group"][value="old"]')
            with page.expect_navigation():
                page.click('button[type="submit"]')
            assert "done=1" in page.url
        finally:
            browser.close()
    with sqlite_desk.sessions() as session:
        survey = service.get_survey(session, "hai_long_2026")
        (response,) = repo.responses_of(session, survey.id)
    assert "issues" not in response.answers  # skipped by the server: the respondent is satisfied
    assert response.answers["nguoi/age"] == 61
