"""A bilingual XLSForm written by the tests (covers what the real sample forms do not) and a
KoboToolbox-style export of answers to it."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import openpyxl

_HEADER = [
    "type",
    "name",
    "label::Vietnamese (vi)",
    "label::English (en)",
    "relevant",
    "constraint",
    "required",
    "constraint_message::Vietnamese (vi)",
    "constraint_message::English (en)",
]
AGE_MESSAGE = {"vi": "Tuổi phải từ 18 đến 110.", "en": "Age must be 18 to 110."}
SURVEY_ROWS: list[list[object]] = [
    _HEADER,
    ["note", "intro", "Xin chào", "Hello", None, None, None],
    ["begin group", "nguoi", "Người trả lời", "Respondent", None, None, None],
    ["select_one sex", "sex", "Giới tính", "Sex", None, None, "yes"],
    ["integer", "age", "Tuổi", "Age", None, ". >= 18 and . <= 110", "yes", *AGE_MESSAGE.values()],
    ["select_one agegroup", "age_group", "Nhóm tuổi", "Age group", None, None, "yes"],
    ["end group", None, None, None, None, None, None],
    ["select_one yes_no", "satisfied", "Hài lòng?", "Satisfied?", None, None, "yes"],
    ["select_multiple issue", "issues", "Vấn đề", "Issues", "${satisfied} = 'no'", None, None],
    ["decimal", "income", "Thu nhập (triệu)", "Income (million)", None, ". >= 0", None],
    ["date", "visit", "Ngày", "Date", None, None, None],
    ["text", "comment", "Ý kiến", "Comment", None, None, None],
]
CHOICE_ROWS: list[list[object]] = [
    ["list_name", "name", "label::Vietnamese (vi)", "label::English (en)"],
    ["sex", "m", "Nam", "Male"],
    ["sex", "f", "Nữ", "Female"],
    ["agegroup", "young", "18–39", "18–39"],
    ["agegroup", "old", "40+", "40+"],
    ["yes_no", "yes", "Có", "Yes"],
    ["yes_no", "no", "Không", "No"],
    ["issue", "roads", "Đường sá", "Roads"],
    ["issue", "water", "Nước sạch", "Clean water"],
    ["issue", "prices", "Giá cả", "Prices"],
]


def write_form(path: Path, survey_rows: Sequence[Sequence[object]] = SURVEY_ROWS) -> Path:
    workbook = openpyxl.Workbook()
    survey = workbook.active
    assert survey is not None
    survey.title = "survey"
    for row in survey_rows:
        survey.append(list(row))
    choices = workbook.create_sheet("choices")
    for row in CHOICE_ROWS:
        choices.append(row)
    settings = workbook.create_sheet("settings")
    settings.append(["form_title", "form_id", "version"])
    settings.append(["Khảo sát hài lòng", "hai_long_2026", "1"])
    workbook.save(path)
    return path


KOBO_HEADER = [
    "start", "nguoi/sex", "nguoi/age", "nguoi/age_group", "satisfied", "issues",
    "issues/roads", "issues/water", "issues/prices", "income", "visit", "comment",
    "_id", "_uuid", "_submission_time", "weight",
]  # fmt: skip


def kobo_row(
    n: int, sex: str, age: int, satisfied: str, issues: Sequence[str], weight: float
) -> list[str]:
    row = {
        "start": "2026-11-20T08:00:00.000+07:00",
        "nguoi/sex": sex,
        "nguoi/age": str(age),
        "nguoi/age_group": "young" if age < 40 else "old",
        "satisfied": satisfied,
        "issues": " ".join(issues),
        "issues/roads": "1" if "roads" in issues else "0",
        "issues/water": "1" if "water" in issues else "0",
        "issues/prices": "1" if "prices" in issues else "0",
        "income": f"{3 + (n % 7) * 1.5:.1f}",
        "visit": "2026-11-20",
        "comment": "Đường làng xuống cấp, mưa là ngập." if n % 4 == 0 else "",
        "_id": str(1000 + n),
        "_uuid": f"0b7e7c1c-0000-4000-8000-{n:012d}",
        "_submission_time": "2026-11-20T09:00:00",
        "weight": repr(weight),
    }
    return [row[h] for h in KOBO_HEADER]


def sample_rows(count: int = 40) -> list[list[str]]:
    rows = []
    for n in range(count):
        satisfied = "no" if n % 3 == 0 else "yes"
        issues = ["roads", "water"][: 1 + n % 2] if satisfied == "no" else []
        rows.append(
            kobo_row(
                n, "m" if n % 2 else "f", 20 + (n * 7) % 60, satisfied, issues, 1 + (n % 5) * 0.5
            )
        )
    return rows


def write_kobo_csv(path: Path, rows: Sequence[Sequence[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")  # Kobo's default separator
        writer.writerow(KOBO_HEADER)
        writer.writerows(rows)
    return path
