"""XLSForm import: real sample forms (tests/data/xlsforms, see SOURCES.md), a bilingual form
with every supported feature, and refusals naming the row."""

from __future__ import annotations

from pathlib import Path

import pytest

from opiniondesk.errors import InputError
from opiniondesk.surveys.form import read_xlsform
from tests.surveys.builders import SURVEY_ROWS, write_form

FORMS = Path(__file__).resolve().parents[1] / "data" / "xlsforms"


class TestRealForms:
    def test_text_and_integer(self) -> None:
        form = read_xlsform(FORMS / "text_and_integer.xlsx")
        assert [(q.path, q.kind) for q in form.questions] == [
            ("your_name", "text"),
            ("your_age", "integer"),
        ]
        assert form.questions[0].labels == {"en": "What is your name?"}

    def test_select_one_with_its_choice_list(self) -> None:
        (question,) = read_xlsform(FORMS / "yes_or_no_question.xlsx").questions
        assert question.kind == "select_one"
        assert [c.name for c in question.choices] == ["yes", "no"]

    def test_groups_give_paths(self) -> None:
        form = read_xlsform(FORMS / "group.xlsx")
        assert [q.path for q in form.questions] == [
            "family_name",
            "father/phone_number",
            "father/age",
        ]
        assert form.questions[1].kind == "text"  # pyxform's "phone number" alias

    def test_field_list_group(self) -> None:
        (question,) = read_xlsform(FORMS / "field-list.xlsx").questions
        assert question.path == "name/table_list_question"
        assert question.choices[0].labels["en"] == "Yes"

    def test_repeat_is_refused_naming_the_row(self) -> None:
        with pytest.raises(InputError) as refused:
            read_xlsform(FORMS / "xlsform_spec_test.xlsx")
        assert "row 15" in refused.value.message and "begin repeat" in refused.value.message


class TestBilingualForm:
    def test_every_supported_feature(self, tmp_path: Path) -> None:
        form = read_xlsform(write_form(tmp_path / "hai_long.xlsx"))
        assert form.form_id == "hai_long_2026"
        kinds = {q.path: q.kind for q in form.questions}
        assert kinds == {
            "intro": "note",
            "nguoi/sex": "select_one",
            "nguoi/age": "integer",
            "nguoi/age_group": "select_one",
            "satisfied": "select_one",
            "issues": "select_multiple",
            "income": "decimal",
            "visit": "date",
            "comment": "text",
        }
        age = form.question("nguoi/age")
        assert age is not None and age.required and age.constraint == ". >= 18 and . <= 110"
        assert age.labels == {"vi": "Tuổi", "en": "Age"}
        issues = form.question("issues")
        assert issues is not None and issues.relevant == "${satisfied} = 'no'"
        assert issues.choices[1].labels == {"vi": "Nước sạch", "en": "Clean water"}
        assert issues.row == 9

    def test_unsupported_type_is_refused_naming_the_row(self, tmp_path: Path) -> None:
        rows = [*SURVEY_ROWS, ["geopoint", "where", "Vị trí", "Location", None, None, None]]
        with pytest.raises(InputError) as refused:
            read_xlsform(write_form(tmp_path / "geo.xlsx", rows))
        assert f"row {len(rows)}" in refused.value.message and "geopoint" in refused.value.message


def _form_with(tmp_path: Path, *rows: list[object], name: str = "extra.xlsx") -> Path:
    return write_form(tmp_path / name, [*SURVEY_ROWS, *rows])


class TestRulesAndMessages:
    def test_real_forms_in_use(self) -> None:
        """At least three real XLSForms (pyxform's own samples) import; see SOURCES.md."""
        readable = [
            p.name for p in sorted(FORMS.glob("*.xlsx")) if p.name != "xlsform_spec_test.xlsx"
        ]
        assert [read_xlsform(FORMS / name).form_id for name in readable]
        assert len(readable) >= 3

    def test_messages_hints_and_group_rules(self, tmp_path: Path) -> None:
        path = _form_with(
            tmp_path,
            ["begin group", "job", "Việc làm", "Job", "${satisfied} = 'no'", None, None],
            ["integer", "hours", "Số giờ", "Hours", "${income} > 0", ". <= 80", "yes",
             "Tối đa 80 giờ.", "At most 80 hours."],
            ["end group", None, None, None, None, None, None],
        )  # fmt: skip
        form = read_xlsform(path)
        hours = form.question("job/hours")
        assert hours is not None
        assert hours.group_relevant == ["${satisfied} = 'no'"]
        assert hours.relevant == "${income} > 0"
        assert hours.constraint_message == {"vi": "Tối đa 80 giờ.", "en": "At most 80 hours."}

    def test_or_other_gets_its_specify_question(self, tmp_path: Path) -> None:
        form = read_xlsform(
            _form_with(
                tmp_path, ["select_one issue or_other", "main", "Chính", "Main", None, None, None]
            )
        )
        other = form.question("main_other")
        assert other is not None and other.kind == "text"
        assert other.relevant == "selected(../main, 'other')"

    @pytest.mark.parametrize(
        ("row", "message"),
        [
            (
                ["integer", "n", "N", "N", None, "regex(., '[0-9]')", None],
                "regex() is not supported",
            ),
            (["integer", "n", "N", "N", "today() > 1", None, None], "today() is not supported"),
            (["image", "photo", "Ảnh", "Photo", None, None, None], "question type “photo”"),
            (["integer", "n", "N", "N", None, None, "${age} > 60"], "must be yes or no"),
        ],
    )
    def test_unreadable_rules_and_types_are_refused(
        self, tmp_path: Path, row: list[object], message: str
    ) -> None:
        rows = [*SURVEY_ROWS, row]
        with pytest.raises(InputError) as refused:
            read_xlsform(write_form(tmp_path / "bad.xlsx", rows))
        assert message in refused.value.message and f"row {len(rows)}" in refused.value.message

    def test_choice_filter_is_refused(self, tmp_path: Path) -> None:
        rows = [list(r) + [None] * (len(SURVEY_ROWS[0]) - len(r)) for r in SURVEY_ROWS]
        rows[0] = [*rows[0], "choice_filter"]
        rows = [r if i == 0 else [*r, None] for i, r in enumerate(rows)]
        rows.append(
            ["select_one sex", "who", "Ai", "Who", None, None, None, None, None, "name = 'm'"]
        )
        with pytest.raises(InputError) as refused:
            read_xlsform(write_form(tmp_path / "filter.xlsx", rows))
        assert (
            "choice_filter" in refused.value.message and f"row {len(rows)}" in refused.value.message
        )
