"""The results page's breakdowns and crosstabs: the figures on the page are those of
surveys.analysis (what `opiniondesk survey estimate --by` and `survey crosstab` print), small
groups and cells are hidden as there, bad parameters are a 422 naming the parameter, and the
export links carry the same `by`."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from opiniondesk.surveys import analysis, export, service
from opiniondesk.surveys import repository as repo
from opiniondesk.web.app import create_app
from tests.accounts.builders import cheap_passwords, make_user, signed_in
from tests.conftest import DeskFixture
from tests.surveys.builders import kobo_row, sample_rows, write_form, write_kobo_csv

__all__ = ["cheap_passwords"]
PAGE = "/surveys/hai_long_2026"


class TableCells(HTMLParser):
    """The text of every row (th and td cells) of the first table with `css_class`."""

    def __init__(self, css_class: str) -> None:
        super().__init__()
        self.css_class, self.inside, self.done = css_class, False, False
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "table" and self.css_class in classes and not self.done:
            self.inside = True
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag in ("th", "td"):
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self.inside:
            self.inside, self.done = False, True
        elif self.inside and tag in ("th", "td") and self.cell is not None:
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def table_rows(html: str, css_class: str) -> list[list[str]]:
    parser = TableCells(css_class)
    parser.feed(html)
    return parser.rows


def _desk_with(desk: DeskFixture, tmp_path: Path, rows: list[list[str]]) -> DeskFixture:
    with desk.sessions.begin() as session:
        survey = service.import_form(session, write_form(tmp_path / "form.xlsx"))
        service.import_responses(session, survey, write_kobo_csv(tmp_path / "k.csv", rows))
    return desk


def _client(desk: DeskFixture) -> Iterator[TestClient]:
    make_user(desk.sessions, "analyst")
    with TestClient(create_app(desk.settings, engine=desk.engine)) as client:
        yield signed_in(client, "analyst")


@pytest.fixture
def forty(sqlite_desk: DeskFixture, tmp_path: Path) -> DeskFixture:
    return _desk_with(sqlite_desk, tmp_path, sample_rows(40))


@pytest.fixture
def analyst(forty: DeskFixture, cheap_passwords: None) -> Iterator[TestClient]:
    yield from _client(forty)


@pytest.fixture
def few_men(
    sqlite_desk: DeskFixture, tmp_path: Path, cheap_passwords: None
) -> Iterator[TestClient]:
    """12 women and 3 men: the men's group is under the minimum group size of 5."""
    rows = [kobo_row(n, "f", 25 + n, "yes" if n % 3 else "no", [], 1.0) for n in range(12)]
    rows += [kobo_row(20 + n, "m", 50 + n, "yes", [], 2.0) for n in range(3)]
    yield from _client(_desk_with(sqlite_desk, tmp_path, rows))


def _analysis(desk: DeskFixture, **kwargs: Any) -> dict[str, Any]:
    """What the CLI prints with --json for the same survey and options."""
    with desk.sessions() as session:
        survey = service.get_survey(session, "hai_long_2026")
        form, responses = service.form_of(survey), repo.responses_of(session, survey.id)
        function = analysis.crosstab if "rows" in kwargs else analysis.estimate
        return function(form, responses, min_group_size=desk.settings.min_group_size, **kwargs)


def _share(value: float) -> str:
    return f"{value * 100:.1f}%"


class TestBreakdown:
    def test_figures_are_the_analysis_figures(
        self, analyst: TestClient, forty: DeskFixture
    ) -> None:
        page = analyst.get(f"{PAGE}?q=satisfied&by=nguoi/sex&lang=en")
        assert page.status_code == 200
        shown = table_rows(page.text, "breakdown")[1:]  # after the header row
        expected = _analysis(forty, question="satisfied", by="nguoi/sex")
        labels = {None: "All", "f": "Female", "m": "Male"}
        answers = {"yes": "Yes", "no": "No"}
        lines = []
        for group in expected["groups"]:
            assert not group["suppressed"]
            for index, (key, figure) in enumerate(group["estimates"].items()):
                low, high = max(0.0, figure["ci_low"]), min(1.0, figure["ci_high"])
                line = [
                    answers[key],
                    _share(figure["value"]),
                    f"{_share(low)} – {_share(high)}",
                    str(group["n"]),
                    f"{figure['deff_kish']:.2f}",
                ]
                lines.append(([labels[group["group"]]] if index == 0 else []) + line)
        assert shown == lines
        assert [g["group"] for g in expected["groups"]] == [None, "f", "m"]

    def test_grouped_chart_has_a_bar_per_answer_and_group(self, analyst: TestClient) -> None:
        page = analyst.get(f"{PAGE}?q=satisfied&by=nguoi/sex").text
        chart = page[
            page.index('id="breakdown-chart"') : page.index(
                "</svg>", page.index('id="breakdown-chart"')
            )
        ]
        assert chart.count('class="bar"') == 2 * 3  # yes/no × all, women, men
        assert chart.count('class="ci"') == 6  # every bar has its whisker

    def test_a_number_question_shows_its_mean(
        self, analyst: TestClient, forty: DeskFixture
    ) -> None:
        page = analyst.get(f"{PAGE}?q=income&lang=en").text
        (row,) = table_rows(page, "breakdown")[1:]
        (figure,) = _analysis(forty, question="income")["groups"][0]["estimates"].values()
        assert row[:3] == ["All", "Mean", f"{figure['value']:.2f}"]
        assert 'id="breakdown-chart"' not in page  # the 0–100% axis is for shares only

    def test_small_group_is_a_row_without_figures(self, few_men: TestClient) -> None:
        page = few_men.get(f"{PAGE}?q=satisfied&by=nguoi/sex&lang=en").text
        men = [row for row in table_rows(page, "breakdown") if row[0] == "Male"]
        assert men == [["Male", "Fewer than 5 answers: group hidden, no figures."]]
        chart = page[page.index('id="breakdown-chart"') :]
        assert ">Male<" not in chart[: chart.index("</svg>")]
        assert chart[: chart.index("</svg>")].count('class="bar"') == 2 * 2  # all, women


class TestCrosstab:
    def test_cells_are_the_analysis_cells(self, analyst: TestClient, forty: DeskFixture) -> None:
        page = analyst.get(f"{PAGE}?rows=issues&columns=nguoi/sex&lang=en").text
        head, *body = table_rows(page, "crosstab")
        expected = _analysis(forty, rows="issues", columns="nguoi/sex")
        assert head == ["Answer"] + [
            f"{name} (n = {column['n']})"
            for name, column in zip(["All", "Female", "Male"], expected["table"], strict=True)
        ]
        names = {"roads": "Roads", "water": "Clean water", "prices": "Prices"}
        assert [row[0] for row in body] == ["Roads", "Clean water", "Prices"]
        for row in body:
            key = next(k for k, v in names.items() if v == row[0])
            for text, column in zip(row[1:], expected["table"], strict=True):
                cell = column["cells"][key]
                if cell["suppressed"]:
                    assert text == "<5"
                else:
                    low, high = max(0.0, cell["ci_low"]), min(1.0, cell["ci_high"])
                    assert text == f"{_share(cell['value'])} {_share(low)} – {_share(high)}"

    def test_small_column_and_cells_are_hidden(self, few_men: TestClient) -> None:
        page = few_men.get(f"{PAGE}?rows=satisfied&columns=nguoi/sex&lang=en").text
        head, *body = table_rows(page, "crosstab")
        assert head == ["Answer", "All (n = 15)", "Female (n = 12)", "Male (n = <5)"]
        rows = {row[0]: row[1:] for row in body}
        assert rows["Yes"][2] == "<5" and rows["No"][2] == "<5"  # the men's column, whole
        assert rows["No"][1] == "<5"  # 4 women said no: a cell under 5 is hidden too
        assert rows["Yes"][1].startswith("66.7%")  # 8 of 12 women, equal weights


class TestParameters:
    @pytest.mark.parametrize(
        ("query", "param"),
        [
            ("q=nope", "q"),
            ("q=comment", "q"),  # a text question has no estimate
            ("q=satisfied&by=income", "by"),  # only a select_one question groups
            ("by=nguoi/sex", "q"),
            ("rows=satisfied", "columns"),
            ("rows=income&columns=nguoi/sex", "rows"),
            ("rows=satisfied&columns=issues", "columns"),
        ],
    )
    def test_bad_parameter_is_a_422_naming_it(
        self, analyst: TestClient, query: str, param: str
    ) -> None:
        page = analyst.get(f"{PAGE}?{query}&lang=en")
        assert page.status_code == 422
        assert f"Parameter “{param}”" in page.text

    def test_the_message_says_what_would_do_in_vietnamese(self, analyst: TestClient) -> None:
        page = analyst.get(f"{PAGE}?q=nope&lang=vi")
        assert page.status_code == 422
        assert "Tham số “q”" in page.text and "“nope”" in page.text
        assert "nguoi/sex, nguoi/age, nguoi/age_group, satisfied, issues, income" in page.text

    def test_export_with_a_bad_by_is_a_422(self, analyst: TestClient) -> None:
        response = analyst.get("/surveys/hai_long_2026/estimates.csv?by=nope&lang=en")
        assert response.status_code == 422 and "Parameter “by”" in response.text


class TestLanguagesAndExport:
    @pytest.mark.parametrize(
        ("lang", "words"),
        [
            ("vi", ["Chia theo", "Tất cả", "Nam", "Nữ", "Hiệu ứng thiết kế", "Bảng chéo"]),
            ("en", ["Break down by", "All", "Male", "Female", "Design effect", "Crosstab"]),
        ],
    )
    def test_both_languages(self, analyst: TestClient, lang: str, words: list[str]) -> None:
        page = analyst.get(
            f"{PAGE}?q=satisfied&by=nguoi/sex&rows=issues&columns=nguoi/sex&lang={lang}"
        )
        assert page.status_code == 200 and f'<html lang="{lang}">' in page.text
        for word in words:
            assert word in page.text, word
        assert "<caption>" in page.text and 'scope="rowgroup"' in page.text

    def test_the_page_without_parameters_has_the_forms_only(self, analyst: TestClient) -> None:
        page = analyst.get(PAGE).text
        assert 'name="q"' in page and 'name="rows"' in page
        assert "<table" not in page and 'estimates.csv"' in page  # no `by` on the links

    def test_export_links_carry_by_and_match_the_analysis(
        self, analyst: TestClient, forty: DeskFixture
    ) -> None:
        page = analyst.get(f"{PAGE}?q=satisfied&by=nguoi/sex&lang=en").text
        assert "/estimates.csv?by=nguoi%2Fsex" in page and "/estimates.xlsx?by=nguoi%2Fsex" in page
        body = analyst.get("/surveys/hai_long_2026/estimates.csv?by=nguoi%2Fsex&lang=en")
        assert body.status_code == 200
        lines = list(csv.reader(io.StringIO(body.content.decode("utf-8-sig"))))[1:]
        with forty.sessions() as session:
            survey = service.get_survey(session, "hai_long_2026")
            expected = export.estimate_rows(
                service.form_of(survey),
                repo.responses_of(session, survey.id),
                language="en",
                min_group_size=forty.settings.min_group_size,
                by="nguoi/sex",
            )
        assert lines == [[str(cell) for cell in row] for row in expected]
        satisfied = [line for line in lines if line[0] == "satisfied"]
        assert {line[2] for line in satisfied} == {"(all)", "f", "m"}
        xlsx = analyst.get("/surveys/hai_long_2026/estimates.xlsx?by=nguoi%2Fsex")
        assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
