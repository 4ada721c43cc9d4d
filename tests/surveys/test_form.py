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
