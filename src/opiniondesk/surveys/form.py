"""An XLSForm read through pyxform into the small question model the desk supports.

Supported: select_one, select_multiple (with `or_other`), integer, decimal, text (and
`phone number`), date, note, groups (nested, with their own `relevant`), `relevant`,
`constraint` with `constraint_message`, `required` with `required_message`, `hint`, choice
lists, labels per language. Every rule must be readable by expressions.py. Anything else —
repeats, `calculate` and other question types, `choice_filter`, a rule this subset cannot
read — is refused with the sheet row that holds it, so no rule is silently ignored.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from opiniondesk.errors import InputError
from opiniondesk.surveys.expressions import ExpressionError, compile_expression

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
    # the `relevant` rules of the groups around the question, outermost first
    group_relevant: list[str] = field(default_factory=list)
    hint: dict[str, str] = field(default_factory=dict)
    constraint_message: dict[str, str] = field(default_factory=dict)
    required_message: dict[str, str] = field(default_factory=dict)

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


def _refuse(source: str, row: int, vi: str, en: str) -> InputError:
    return InputError(
        f"{source}, trang survey, dòng {row}: {vi} / {source}, survey sheet, row {row}: {en}"
    )


def _rule(text: str, what: str, name: str, row: int, source: str) -> str:
    """`text` when expressions.py can read it; else the form is refused naming the row."""
    if text:
        try:
            compile_expression(text)
        except ExpressionError as exc:
            raise _refuse(
                source,
                row,
                f"không đọc được biểu thức {what} của “{name}” ({exc}): “{text}”; hãy viết lại "
                "bằng các phép toán và hàm được hỗ trợ.",
                f"the {what} rule of “{name}” cannot be read ({exc}): “{text}”; rewrite it "
                "with the supported operators and functions.",
            ) from exc
    return text


def _collect(
    children: list[dict[str, Any]],
    prefix: str,
    rows: dict[str, int],
    source: str,
    out: list[Question],
    conditions: tuple[str, ...] = (),
) -> None:
    for child in children:
        kind, name = str(child.get("type", "")), str(child.get("name", ""))
        row = rows.get(name, 0)
        bind = child.get("bind", {}) or {}
        if kind == "group":
            if name == "meta" and child.get("control", {}).get("bodyless"):
                continue  # ODK's instanceID block, not a question
            relevant = _rule(str(bind.get("relevant", "")), "relevant", name, row, source)
            inner = (*conditions, relevant) if relevant else conditions
            _collect(child.get("children", []), f"{prefix}{name}/", rows, source, out, inner)
            continue
        if kind not in TYPES:
            raise _refuse(
                source,
                row,
                f"kiểu câu hỏi “{kind}” ({name}) chưa được hỗ trợ.",
                f"question type “{kind}” ({name}) is not supported.",
            )
        if child.get("choice_filter"):
            raise _refuse(
                source,
                row,
                f"choice_filter của “{name}” chưa được hỗ trợ; hãy bỏ bộ lọc hoặc tách danh "
                "sách lựa chọn.",
                f"the choice_filter of “{name}” is not supported; remove the filter or split "
                "the choice list.",
            )
        flag = str(bind.get("required", "")).strip().lower()
        if flag not in ("", "yes", "true()", "true", "no", "false()", "false"):
            raise _refuse(
                source,
                row,
                f"“required” của “{name}” phải là yes hoặc no, không phải biểu thức “{flag}”.",
                f"“required” of “{name}” must be yes or no, not the expression “{flag}”.",
            )
        required = flag in ("yes", "true()", "true")
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
                relevant=_rule(str(bind.get("relevant", "")), "relevant", name, row, source),
                constraint=_rule(str(bind.get("constraint", "")), "constraint", name, row, source),
                required=required,
                row=row,
                group_relevant=list(conditions),
                hint=_labels(child.get("hint")),
                constraint_message=_labels(bind.get("jr:constraintMsg")),
                required_message=_labels(bind.get("jr:requiredMsg")),
            )
        )
