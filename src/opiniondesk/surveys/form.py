"""An XLSForm read through pyxform into the small question model the desk supports.

Supported: select_one, select_multiple, integer, decimal, text, date, note, groups (nested),
`relevant`, `constraint`, `required`, choice lists, labels per language. Anything else, and
repeats in particular, is refused with the sheet row that holds it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from opiniondesk.errors import InputError

TYPES = {
    "select one": "select_one",
    "select all that apply": "select_multiple",
    "integer": "integer",
    "decimal": "decimal",
    "text": "text",
    "phone number": "text",  # pyxform's alias: text with a numeric keypad
    "date": "date",
    "note": "note",
}
REFUSED_ROWS = ("begin repeat", "begin_repeat", "begin loop")


@dataclass(slots=True)
class Choice:
    name: str
    labels: dict[str, str]


@dataclass(slots=True)
class Question:
    name: str
    path: str  # "group/sub/question", as Kobo and ODK name export columns
    kind: str  # one of TYPES' values
    labels: dict[str, str]
    choices: list[Choice] = field(default_factory=list)
    relevant: str = ""
    constraint: str = ""
    required: bool = False
    row: int = 0

    @property
    def is_select(self) -> bool:
        return self.kind in ("select_one", "select_multiple")


@dataclass(slots=True)
class SurveyForm:
    form_id: str
    title: str
    version: str
    questions: list[Question]

    def question(self, name: str) -> Question | None:
        for question in self.questions:
            if name in (question.name, question.path):
                return question
        return None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SurveyForm:
        questions = [
            Question(**{**q, "choices": [Choice(**c) for c in q["choices"]]})
            for q in data["questions"]
        ]
        return cls(data["form_id"], data["title"], data["version"], questions)


def language_of(key: str) -> str:
    """'Vietnamese (vi)' → 'vi', 'English (en)' / 'english' / 'default' → 'en'."""
    lowered = key.strip().lower()
    if lowered.endswith(")") and "(" in lowered:
        return lowered.rsplit("(", 1)[1].rstrip(")").strip()
    if lowered.startswith(("vietnam", "tiếng việt", "tieng viet")):
        return "vi"
    return "en"


def _labels(value: Any) -> dict[str, str]:
    if isinstance(value, str):
        return {"en": value}
    if isinstance(value, dict):
        labels: dict[str, str] = {}
        for key, text in value.items():
            labels.setdefault(language_of(str(key)), str(text))
        return labels
    return {}


def _survey_rows(path: Path) -> dict[str, int]:
    """name → sheet row of the survey sheet, and refusal of repeats before pyxform runs."""
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        if "survey" not in workbook.sheetnames:
            raise InputError(
                f"{path.name}: không có trang “survey”. / {path.name}: no “survey” sheet."
            )
        rows = workbook["survey"].iter_rows(values_only=True)
        header = [str(c or "").strip().lower() for c in next(rows, ())]
        if "type" not in header or "name" not in header:
            raise InputError(
                f"{path.name}: trang survey thiếu cột type/name. / {path.name}: the survey "
                "sheet needs “type” and “name” columns."
            )
        type_col, name_col = header.index("type"), header.index("name")
        names: dict[str, int] = {}
        for number, row in enumerate(rows, start=2):
            kind = str(row[type_col] or "").strip().lower() if len(row) > type_col else ""
            name = str(row[name_col] or "").strip() if len(row) > name_col else ""
            if kind.startswith(REFUSED_ROWS):
                raise InputError(
                    f"{path.name}, trang survey, dòng {number}: nhóm lặp (“{kind}”) chưa được "
                    "hỗ trợ; hãy bỏ lặp hoặc tách thành biểu mẫu riêng. / "
                    f"{path.name}, survey sheet, row {number}: repeats (“{kind}”) are not "
                    "supported; remove the repeat or make it a separate form."
                )
            if name:
                names.setdefault(name, number)
        return names
    finally:
        workbook.close()


def read_xlsform(path: Path) -> SurveyForm:
    """Parse `path` (an .xlsx XLSForm) or raise InputError naming the row that cannot be used."""
    from pyxform.errors import PyXFormError  # type: ignore[import-untyped]
    from pyxform.xls2json import parse_file_to_json  # type: ignore[import-untyped]

    rows = _survey_rows(path)
    try:
        data = parse_file_to_json(str(path))
    except PyXFormError as exc:
        raise InputError(
            f"{path.name}: biểu mẫu XLSForm không hợp lệ: {exc} / "
            f"{path.name}: invalid XLSForm: {exc}"
        ) from exc
    questions: list[Question] = []
    _collect(data.get("children", []), "", rows, path.name, questions)
    if not questions:
        raise InputError(
            f"{path.name}: biểu mẫu không có câu hỏi nào. / {path.name}: the form has no questions."
        )
    return SurveyForm(
        form_id=str(data.get("id_string") or path.stem),
        title=str(data.get("title") or path.stem),
        version=str(data.get("version") or ""),
        questions=questions,
    )


def _collect(
    children: list[dict[str, Any]],
    prefix: str,
    rows: dict[str, int],
    source: str,
    out: list[Question],
) -> None:
    for child in children:
        kind, name = str(child.get("type", "")), str(child.get("name", ""))
        if kind == "group":
            if name == "meta" and child.get("control", {}).get("bodyless"):
                continue  # ODK's instanceID block, not a question
            _collect(child.get("children", []), f"{prefix}{name}/", rows, source, out)
            continue
        if kind not in TYPES:
            row = rows.get(name, 0)
            raise InputError(
                f"{source}, trang survey, dòng {row}: kiểu câu hỏi “{kind}” ({name}) chưa được "
                f"hỗ trợ. / {source}, survey sheet, row {row}: question type “{kind}” ({name}) "
                "is not supported."
            )
        bind = child.get("bind", {}) or {}
        required = str(bind.get("required", "")).strip().lower() in ("yes", "true()", "true")
        out.append(
            Question(
                name=name,
                path=prefix + name,
                kind=TYPES[kind],
                labels=_labels(child.get("label")),
                choices=[
                    Choice(str(c["name"]), _labels(c.get("label")))
                    for c in child.get("choices", [])
                ],
                relevant=str(bind.get("relevant", "")),
                constraint=str(bind.get("constraint", "")),
                required=required,
                row=rows.get(name, 0),
            )
        )
