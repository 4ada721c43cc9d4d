"""`opiniondesk report`: build, finalise, rebuild and list periodic reports."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from opiniondesk.cli.context import console, desk, err_console
from opiniondesk.cli.progress import progress_bar
from opiniondesk.errors import DeskError, InputError
from opiniondesk.reports.models import Report, ReportKind

report_app = typer.Typer(
    help="Báo cáo định kỳ (DOCX, PDF, XLSX) / Periodic reports (DOCX, PDF, XLSX)",
    no_args_is_help=True,
)

OutDir = Annotated[
    Path, typer.Option("--out", help="Thư mục ghi tệp / folder to write the files to")
]
Formats = Annotated[
    str, typer.Option("--format", help="docx,pdf,xlsx (phân cách bằng dấu phẩy / comma-separated)")
]


def _fail(exc: DeskError) -> typer.Exit:
    err_console.print(Text("Lỗi / Error: ", style="red") + Text(exc.message))
    return typer.Exit(2)


def _check_unit(code: str) -> str:
    from opiniondesk.geo.gazetteer import get_gazetteer

    gazetteer = get_gazetteer()
    if code and not (gazetteer.province(code) or gazetteer.commune(code)):
        raise InputError(
            f"--unit {code!r}: không phải mã tỉnh/thành hay xã/phường (2025). / "
            f"--unit {code!r} is not a 2025 province or commune code."
        )
    return code


def _write(report: Report, formats: list[str], out: Path) -> list[Path]:
    from opiniondesk.reports.pdf import PdfUnavailableError
    from opiniondesk.reports.service import render

    out.mkdir(parents=True, exist_ok=True)
    stem = f"bao-cao-{report.period}-{report.unit_code or 'all'}-{report.id}"
    with progress_bar() as progress:
        task = progress.add_task("Viết tệp / writing files", total=None, rate="")
        try:
            files = render(report, formats).files
        except PdfUnavailableError as exc:
            err_console.print(Text("Bỏ qua PDF / PDF skipped: ", style="yellow") + exc.message)
            files = render(report, [f for f in formats if f != "pdf"]).files
        progress.update(task, total=1, completed=1)
    written: list[Path] = []
    for fmt, content in files.items():
        path = out / f"{stem}.{fmt}"
        path.write_bytes(content)
        written.append(path)
    return written


def build_command(
    period: Annotated[
        str | None,
        typer.Option("--period", help="Kỳ: 2026-Q3 hoặc 2026-09 / period: 2026-Q3 or 2026-09"),
    ] = None,
    unit: Annotated[
        str,
        typer.Option("--unit", help="Mã đơn vị (mặc định: toàn bộ) / unit code (default: all)"),
    ] = "",
    kind: Annotated[
        ReportKind | None,
        typer.Option("--kind", help="monthly | quarterly | custom"),
    ] = None,
    start: Annotated[
        str | None, typer.Option("--from", help="Từ ngày (YYYY-MM-DD) / from (custom)")
    ] = None,
    end: Annotated[str | None, typer.Option("--to", help="Đến ngày / to (custom)")] = None,
    formats: Formats = "docx,xlsx",
    out: OutDir = Path("."),
    proposals_file: Annotated[
        Path | None,
        typer.Option("--proposals", help="Tệp văn bản đề xuất / text file with the proposals"),
    ] = None,
    issued_on: Annotated[
        str | None,
        typer.Option(
            "--date", help="Ngày ban hành (mặc định: hôm nay) / issue date (default: today)"
        ),
    ] = None,
    office_name: Annotated[
        str | None, typer.Option("--office-name", help="Tên cơ quan / office name")
    ] = None,
    place: Annotated[str | None, typer.Option("--place", help="Địa danh / place")] = None,
    signer_name: Annotated[
        str | None, typer.Option("--signer-name", help="Người ký / signer's full name")
    ] = None,
) -> None:
    """Lập báo cáo từ số liệu của bàn và ghi DOCX/PDF/XLSX. /
    Build a report from the desk's figures and write DOCX/PDF/XLSX."""
    from opiniondesk.reports.office import OfficeSettings
    from opiniondesk.reports.period import parse_period
    from opiniondesk.reports.service import build_report, parse_formats

    d = desk()
    try:
        wanted = parse_formats(formats)
        chosen = parse_period(
            period, kind=kind, start=_date(start, "--from"), end=_date(end, "--to")
        )
        unit_code = _check_unit(unit.strip())
        office = OfficeSettings().office()
        overrides = {"name": office_name, "place": place, "signer_name": signer_name}
        office = office.model_copy(update={k: v for k, v in overrides.items() if v})
        proposals = _read_text(proposals_file) if proposals_file else ""
        with d.sessions.begin() as session:
            report = build_report(
                session,
                period=chosen,
                unit_code=unit_code,
                settings=d.settings,
                office=office,
                issued_on=_date(issued_on, "--date") or date.today(),
                proposals=proposals,
            )
            written = _write(report, wanted, out)
            report_id = report.id
    except DeskError as exc:
        raise _fail(exc) from exc
    console.print(f"Báo cáo / Report {report_id} (bản nháp / draft):")
    for path in written:
        console.print(f"  {path}", markup=False, highlight=False)


def finalise_command(
    report_id: Annotated[int, typer.Argument(help="Số báo cáo / report id")],
) -> None:
    """Ban hành báo cáo: từ đây không sửa được nữa. / Finalise: the report becomes immutable."""
    from opiniondesk.reports.service import finalise

    d = desk()
    try:
        with d.sessions.begin() as session:
            report = finalise(session, report_id)
            content = report.content_hashes["content"]
    except DeskError as exc:
        raise _fail(exc) from exc
    console.print(f"Đã ban hành / Finalised report {report_id} · sha256 {content}")


def rebuild_command(
    report_id: Annotated[int, typer.Argument(help="Số báo cáo / report id")],
    formats: Formats = "docx,xlsx",
    out: OutDir = Path("."),
) -> None:
    """Tạo lại tệp từ số liệu đã lưu (không đọc lại dữ liệu). /
    Rebuild the files from the stored figures (the desk is not read again)."""
    from opiniondesk.reports.service import content_hash, get_report, parse_formats

    d = desk()
    try:
        wanted = parse_formats(formats)
        with d.sessions() as session:
            report = get_report(session, report_id)
            written = _write(report, wanted, out)
            stored = report.content_hashes.get("content")
            current = content_hash(report)
    except DeskError as exc:
        raise _fail(exc) from exc
    for path in written:
        console.print(f"  {path}", markup=False, highlight=False)
    if stored and stored != current:
        err_console.print("Nội dung khác bản đã ban hành! / Content differs from the final report!")
        raise typer.Exit(1)
    console.print(f"sha256 {current}")


def list_command() -> None:
    """Liệt kê báo cáo / List reports."""
    from opiniondesk.reports.service import list_reports

    d = desk()
    with d.sessions() as session:
        for r in list_reports(session, unit_codes=None):
            console.print(
                f"{r.id}\t{r.period}\t{r.unit_code or '*'}\t{r.status}\t{r.created_at:%Y-%m-%d}",
                markup=False,
                highlight=False,
            )


def _date(text: str | None, option: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(
            f"{option} {text!r}: ngày phải có dạng YYYY-MM-DD. / {option} {text!r}: use YYYY-MM-DD."
        ) from None


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"Không đọc được {path}: {exc}. / Cannot read {path}: {exc}.") from exc


report_app.command("build")(build_command)
report_app.command("finalise")(finalise_command)
report_app.command("rebuild")(rebuild_command)
report_app.command("list")(list_command)


def register(app: typer.Typer) -> None:
    app.add_typer(report_app, name="report")
