"""Estimates of every select and number question as a table: CSV, or XLSX with a sheet of
estimates and a sheet of native Excel bar charts (shares with 95% CI error bars). Groups
smaller than the minimum group size are exported as suppressed rows without figures."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from opiniondesk.surveys import analysis
from opiniondesk.surveys.form import Question, SurveyForm
from opiniondesk.surveys.models import SurveyResponse
from opiniondesk.surveys.tables import neutralise
from opiniondesk.surveys.weighting import Margins

HEADER = {
    "vi": [
        "mã câu hỏi", "câu hỏi", "nhóm", "giá trị", "nhãn", "n", "ước lượng", "sai số chuẩn",
        "95% thấp", "95% cao", "hiệu ứng thiết kế Kish", "ẩn (nhóm nhỏ)",
    ],
    "en": [
        "question id", "question", "group", "value", "label", "n", "estimate", "standard error",
        "95% low", "95% high", "Kish design effect", "suppressed (small group)",
    ],
}  # fmt: skip
# in parentheses: a group is a choice name, which XLSForm never lets hold "(" or a space
OVERALL = {"vi": "(tất cả)", "en": "(all)"}
CHART_TITLE = {"vi": "Tỷ lệ (%) và khoảng tin cậy 95%", "en": "Share (%) with 95% CI"}


def _label(labels: dict[str, str], language: str, fallback: str) -> str:
    return labels.get(language) or labels.get("en") or labels.get("vi") or fallback


def estimate_rows(
    form: SurveyForm,
    responses: Sequence[SurveyResponse],
    *,
    language: str,
    min_group_size: int,
    by: str | None = None,
    margins: Margins | None = None,
) -> list[list[Any]]:
    """One row per question × group × answer (a number question: one row, value "mean")."""
    rows: list[list[Any]] = []
    for question in form.questions:
        if question.kind not in analysis.ESTIMABLE or (by and question.path == by):
            continue
        figures = analysis.estimate(
            form,
            responses,
            question=question.path,
            by=by,
            margins=margins,
            min_group_size=min_group_size,
        )
        rows.extend(_question_rows(question, figures, language))
    return rows


def _question_rows(question: Question, figures: dict[str, Any], language: str) -> list[list[Any]]:
    title = _label(question.labels, language, question.name)
    names = {c.name: _label(c.labels, language, c.name) for c in question.choices}
    rows: list[list[Any]] = []
    for group in figures["groups"]:
        label = group["group"] or OVERALL[language]
        if group["suppressed"]:
            rows.append([question.path, title, label, "", "", "", "", "", "", "", "", "x"])
            continue
        for key, figure in group["estimates"].items():
            rows.append(
                [
                    question.path,
                    title,
                    label,
                    key,
                    names.get(key, key),
                    group["n"],
                    figure["value"],
                    figure["se"],
                    figure["ci_low"],
                    figure["ci_high"],
                    figure["deff_kish"],
                    "",
                ]
            )
    return rows


def _safe(row: Sequence[Any]) -> list[Any]:
    return [neutralise(cell) if isinstance(cell, str) else cell for cell in row]


def to_csv(rows: Sequence[Sequence[Any]], language: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER[language])
    writer.writerows(_safe(row) for row in rows)
    return buffer.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8


def to_xlsx(rows: Sequence[Sequence[Any]], language: str) -> bytes:
    """Sheet 1: the estimates. Sheet 2: one bar chart per select question of the overall
    shares (in %), with the 95% interval as error bars, read from helper columns."""
    import openpyxl
    from openpyxl.chart import BarChart, Reference
    from openpyxl.chart.data_source import NumDataSource, NumRef
    from openpyxl.chart.error_bar import ErrorBars

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "estimates" if language == "en" else "uoc_luong"
    sheet.append(HEADER[language] + ["%", "−", "+"])
    charts = workbook.create_sheet("charts" if language == "en" else "bieu_do")
    spans: dict[str, list[int]] = {}
    for row in rows:
        extra: list[Any] = ["", "", ""]
        overall = row[2] in OVERALL.values() and row[11] != "x" and row[3] != "mean"
        if overall:
            share, low, high = (100 * float(v) for v in (row[6], row[8], row[9]))
            extra = [share, share - max(0.0, low), min(100.0, high) - share]
        sheet.append(_safe(list(row)) + extra)
        if overall:
            spans.setdefault(str(row[0]), []).append(sheet.max_row)
    anchor = 1
    for lines in spans.values():
        first, last = lines[0], lines[-1]
        chart = BarChart()
        chart.type = "bar"
        chart.title = f"{sheet.cell(first, 2).value} — {CHART_TITLE[language]}"
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 100
        chart.legend = None
        chart.add_data(Reference(sheet, min_col=13, min_row=first, max_row=last))
        chart.set_categories(Reference(sheet, min_col=5, min_row=first, max_row=last))
        minus = f"'{sheet.title}'!$N${first}:$N${last}"
        plus = f"'{sheet.title}'!$O${first}:$O${last}"
        chart.series[0].errBars = ErrorBars(
            # no errDir: a bar chart's error bars run along its value axis
            errBarType="both",
            errValType="cust",
            minus=NumDataSource(numRef=NumRef(f=minus)),
            plus=NumDataSource(numRef=NumRef(f=plus)),
        )
        chart.height = max(5.0, 1.2 * (last - first + 1) + 2)
        charts.add_chart(chart, f"A{anchor}")
        anchor += int(chart.height * 2) + 2
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
