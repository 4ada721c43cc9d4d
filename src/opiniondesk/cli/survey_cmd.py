"""`opiniondesk survey …`: import an XLSForm, import and export responses, estimates with 95%
confidence intervals (weighted, post-stratified or raked), and the sample-size calculator."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from opiniondesk.cli.context import console, desk, err_console
from opiniondesk.errors import DeskError, InputError
from opiniondesk.surveys import analysis, export, service
from opiniondesk.surveys import repository as repo
from opiniondesk.surveys.estimates import sample_size
from opiniondesk.surveys.feed import feed_open_answers

survey_app = typer.Typer(
    help="Khảo sát: biểu mẫu XLSForm, phiếu trả lời, ước lượng / Surveys: XLSForms, responses, "
    "estimates.",
    no_args_is_help=True,
)
responses_app = typer.Typer(
    help="Phiếu trả lời / Survey responses.",
    no_args_is_help=True,
)
survey_app.add_typer(responses_app, name="responses")

JsonOption = Annotated[bool, typer.Option("--json", help="In JSON / print JSON")]
SurveyArg = Annotated[str, typer.Argument(help="Mã biểu mẫu (form_id) / the form id")]
ExistingFile = Annotated[
    Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="Tệp / file")
]


@contextmanager
def _bad_input() -> Iterator[None]:
    try:
        yield
    except DeskError as exc:
        err_console.print(f"[red]Lỗi / Error:[/] {exc.message}", highlight=False)
        raise typer.Exit(2) from exc


def _echo_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


@survey_app.command("import")
def import_command(form: ExistingFile, as_json: JsonOption = False) -> None:
    """Nhập một biểu mẫu XLSForm (.xlsx) / Import an XLSForm (.xlsx)."""
    d = desk()
    with _bad_input(), d.sessions.begin() as session:
        survey = service.import_form(session, form)
        questions = service.form_of(survey).questions
        result = {"form_id": survey.form_id, "title": survey.title, "questions": len(questions)}
    if as_json:
        _echo_json(result)
        return
    console.print(
        f"Đã nhập khảo sát / Imported survey [bold]{result['form_id']}[/] "
        f"({result['questions']} câu hỏi / questions)."
    )


@survey_app.command("list")
def list_command(as_json: JsonOption = False) -> None:
    """Các khảo sát đã nhập / The imported surveys."""
    d = desk()
    with d.sessions() as session:
        rows = [
            {
                "form_id": s.form_id,
                "title": s.title,
                "responses": repo.count_responses(session, s.id),
            }
            for s in repo.surveys(session)
        ]
    if as_json:
        _echo_json(rows)
        return
    table = Table(title="Khảo sát / Surveys")
    for header in ("form_id", "Tên / Title", "Phiếu / Responses"):
        table.add_column(header)
    for row in rows:
        table.add_row(str(row["form_id"]), str(row["title"]), str(row["responses"]))
    console.print(table)


@responses_app.command("import")
def responses_import_command(
    survey: SurveyArg,
    file: ExistingFile,
    weight: Annotated[
        str | None, typer.Option(help="Cột trọng số / the weight column of the export")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Nhập phiếu từ tệp xuất của KoboToolbox/ODK (CSV, XLSX) / Import a KoboToolbox or ODK
    export (CSV, XLSX)."""
    d = desk()
    with _bad_input():
        with err_console.status("Đang nhập / Importing…"), d.sessions.begin() as session:
            found = service.get_survey(session, survey)
            report = service.import_responses(session, found, file, weight_column=weight)
        fed = feed_open_answers(d.settings, d.sessions, report.open_texts, source=file.name)
    result = {
        "read": report.read,
        "stored": report.stored,
        "already_stored": report.already_stored,
        "failed": len(report.errors),
        "errors": [str(e) for e in report.errors[:50]],
        "unmatched_columns": report.unmatched_columns,
        "open_answers_to_pipeline": fed,
    }
    if as_json:
        _echo_json(result)
    else:
        console.print(
            f"Đọc / read {report.read}, lưu / stored {report.stored}, đã có / already "
            f"{report.already_stored}, lỗi / failed {len(report.errors)}."
        )
        for error in report.errors[:20]:
            err_console.print(f"[yellow]{error}[/]", highlight=False)
    if report.errors:
        raise typer.Exit(1)


@responses_app.command("export")
def responses_export_command(
    survey: SurveyArg,
    output: Annotated[Path, typer.Argument(dir_okay=False, help="Tệp .csv/.xlsx / output file")],
) -> None:
    """Xuất phiếu ra CSV/XLSX / Export the responses to CSV or XLSX."""
    d = desk()
    with _bad_input(), d.sessions() as session:
        count = service.export_responses(session, service.get_survey(session, survey), output)
    console.print(f"Đã xuất / Exported {count} phiếu / responses → {output}")


@survey_app.command("estimate")
def estimate_command(
    survey: SurveyArg,
    question: Annotated[str, typer.Option(help="Câu hỏi / the question")],
    by: Annotated[str | None, typer.Option(help="Chia theo câu / break down by")] = None,
    margins: Annotated[
        Path | None,
        typer.Option(
            exists=True,
            dir_okay=False,
            help="CSV variable,category,total: hậu phân tầng hoặc raking / post-stratify or rake",
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Ước lượng có trọng số với khoảng tin cậy 95% / Weighted estimates with 95% CIs."""
    d = desk()
    with _bad_input(), d.sessions() as session:
        found = service.get_survey(session, survey)
        table = analysis.read_margins(margins) if margins else None
        result = analysis.estimate(
            service.form_of(found),
            repo.responses_of(session, found.id),
            question=question,
            by=by,
            margins=table,
            min_group_size=d.settings.min_group_size,
        )
    if as_json:
        _echo_json(result)
        return
    out = Table(title=f"{result['survey']} · {result['question']} ({result['weighting']})")
    for header in ("Nhóm / Group", "n", "Giá trị / Value", "Ước lượng / Estimate", "95% CI"):
        out.add_column(header)
    for group in result["groups"]:
        label = group["group"] or "Tất cả / All"
        if group["suppressed"]:
            out.add_row(label, f"<{result['min_group_size']}", "—", "—", "—")
            continue
        for key, figure in group["estimates"].items():
            out.add_row(
                label,
                str(group["n"]),
                key,
                f"{figure['value']:.4f}",
                f"{figure['ci_low']:.4f} – {figure['ci_high']:.4f}",
            )
    console.print(out)
    console.print(f"Hiệu ứng thiết kế Kish / Kish design effect: {result['deff_kish']:.4f}")


MarginsOption = Annotated[
    Path | None,
    typer.Option(
        exists=True,
        dir_okay=False,
        help="CSV variable,category,total: hậu phân tầng hoặc raking / post-stratify or rake",
    ),
]


@survey_app.command("crosstab")
def crosstab_command(
    survey: SurveyArg,
    rows: Annotated[str, typer.Option(help="Câu hỏi ở hàng / the row question (a select)")],
    columns: Annotated[str, typer.Option(help="Câu chia cột / the column question (select_one)")],
    margins: MarginsOption = None,
    as_json: JsonOption = False,
) -> None:
    """Bảng chéo: tỷ lệ theo cột có trọng số, ô nhỏ bị ẩn / Crosstab: weighted column shares,
    small cells suppressed."""
    d = desk()
    with _bad_input(), d.sessions() as session:
        found = service.get_survey(session, survey)
        result = analysis.crosstab(
            service.form_of(found),
            repo.responses_of(session, found.id),
            rows=rows,
            columns=columns,
            margins=analysis.read_margins(margins) if margins else None,
            min_group_size=d.settings.min_group_size,
        )
    if as_json:
        _echo_json(result)
        return
    k = result["min_group_size"]
    categories = sorted({c for column in result["table"] for c in column["cells"]})
    out = Table(title=f"{result['survey']} · {result['rows']} × {result['columns']}")
    out.add_column(result["rows"])
    for column in result["table"]:
        name = column["column"] or "Tất cả / All"
        out.add_column(f"{name} (n={column['n'] if not column['suppressed'] else f'<{k}'})")
    for category in categories:
        line = [category]
        for column in result["table"]:
            cell = column["cells"].get(category)
            if column["suppressed"] or cell is None or cell["suppressed"]:
                line.append(f"<{k}" if column["suppressed"] or cell else "—")
            else:
                line.append(f"{cell['value'] * 100:.1f}%")
        out.add_row(*line)
    console.print(out)


@survey_app.command("export-estimates")
def export_estimates_command(
    survey: SurveyArg,
    output: Annotated[Path, typer.Argument(dir_okay=False, help="Tệp .csv/.xlsx / output file")],
    by: Annotated[str | None, typer.Option(help="Chia theo câu / break down by")] = None,
    margins: MarginsOption = None,
    lang: Annotated[str, typer.Option(help="vi hoặc/or en")] = "vi",
) -> None:
    """Xuất ước lượng mọi câu hỏi ra CSV hoặc XLSX (có biểu đồ) / Export every question's
    estimates to CSV or XLSX (with charts)."""
    d = desk()
    with _bad_input():
        if output.suffix.lower() not in (".csv", ".xlsx") or lang not in ("vi", "en"):
            raise InputError(
                f"{output.name}: dùng .csv hoặc .xlsx, --lang vi hoặc en. / {output.name}: "
                "use .csv or .xlsx, and --lang vi or en."
            )
        with d.sessions() as session:
            found = service.get_survey(session, survey)
            rows = export.estimate_rows(
                service.form_of(found),
                repo.responses_of(session, found.id),
                language=lang,
                min_group_size=d.settings.min_group_size,
                by=by,
                margins=analysis.read_margins(margins) if margins else None,
            )
        write = export.to_xlsx if output.suffix.lower() == ".xlsx" else export.to_csv
        output.write_bytes(write(rows, lang))
    console.print(f"Đã xuất / Exported {len(rows)} dòng ước lượng / estimate rows → {output}")


@survey_app.command("sample-size")
def sample_size_command(
    margin: Annotated[float, typer.Option(help="Sai số, vd. 0.05 / margin of error")],
    proportion: Annotated[float, typer.Option(help="Tỷ lệ dự kiến / expected share")] = 0.5,
    population: Annotated[int | None, typer.Option(help="Quy mô tổng thể / population")] = None,
    deff: Annotated[float, typer.Option(help="Hiệu ứng thiết kế / design effect")] = 1.0,
) -> None:
    """Cỡ mẫu cần cho một tỷ lệ ở độ tin cậy 95% / Sample size for a proportion at 95%."""
    with _bad_input():
        try:
            n = sample_size(margin=margin, proportion=proportion, population=population, deff=deff)
        except ValueError as exc:
            raise InputError(
                "margin và proportion phải nằm giữa 0 và 1. / margin and proportion must lie "
                "between 0 and 1."
            ) from exc
    typer.echo(n)


def register(app: typer.Typer) -> None:
    app.add_typer(survey_app, name="survey")
