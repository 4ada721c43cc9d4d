"""`opiniondesk alerts detect | list | ack | close`: emerging issues from the rollups."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any

import typer
from rich.table import Table
from sqlalchemy.orm import Session

from opiniondesk.alerts import repository
from opiniondesk.alerts.models import Alert, AlertStatus
from opiniondesk.alerts.service import (
    MAX_DAYS,
    OPEN_STATUSES,
    DetectionReport,
    change_status,
    detect_alerts,
    list_alerts,
)
from opiniondesk.alerts.tasks import detection_settings
from opiniondesk.analysis.rollups import local_day
from opiniondesk.cli.context import console, desk, err_console
from opiniondesk.cli.progress import progress_bar
from opiniondesk.config import Settings
from opiniondesk.errors import DeskError
from opiniondesk.geo.gazetteer import get_gazetteer
from opiniondesk.pipeline.build import taxonomy_for
from opiniondesk.storage.base import utcnow

alerts_app = typer.Typer(
    help="Cảnh báo vấn đề mới nổi / Emerging-issue alerts", no_args_is_help=True
)


def _fail(message: str) -> typer.Exit:
    err_console.print(f"[red]✗[/] {message}", highlight=False)
    return typer.Exit(code=2)


def _parse_day(value: str | None) -> date:
    if value is None:
        return local_day(utcnow())
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(
            f"--as-of {value!r}: không phải ngày hợp lệ, hãy viết YYYY-MM-DD (vd. 2026-11-20) / "
            f"not a valid date, write YYYY-MM-DD (e.g. 2026-11-20)"
        ) from None


@alerts_app.command("detect")
def detect_command(
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", help="Ngày cuối, YYYY-MM-DD (mặc định: hôm nay) / last day (default: today)"
        ),
    ] = None,
    days: Annotated[
        int, typer.Option(help="Số ngày quét, tính lùi từ --as-of / days to scan up to --as-of")
    ] = 28,
) -> None:
    """Phát hiện vấn đề mới nổi theo chủ đề × đơn vị hành chính; chạy lại không tạo trùng. /
    Detect emerging issues per topic × unit; re-running updates, never duplicates."""
    last_day = _parse_day(as_of)
    if not 1 <= days <= MAX_DAYS:
        raise _fail(f"--days {days}: phải từ 1 đến {MAX_DAYS} / must be between 1 and {MAX_DAYS}")
    d = desk()
    try:
        with progress_bar() as progress, d.sessions.begin() as session:
            task = progress.add_task("Quét / Scanning", total=days, rate="")
            report = detect_alerts(
                session,
                as_of=last_day,
                days=days,
                settings=detection_settings(d.settings),
                on_day=lambda day: progress.update(task, advance=1, rate=day.isoformat()),
            )
    except DeskError as exc:
        raise _fail(exc.message) from None
    _print_report(report)


def _print_report(report: DetectionReport) -> None:
    console.print(
        f"[green]✓[/] {report.first_day} → {report.as_of}: "
        f"{report.series:,} chuỗi / series; mới / new: [bold]{report.raised}[/], "
        f"kéo dài / extended: {report.extended}, "
        f"gộp vào cảnh báo xã / absorbed by a commune alert: {report.absorbed}"
    )
    if report.raised or report.extended:
        console.print("Xem / see: [bold]opiniondesk alerts list[/]")


def _place_names(session: Session, alerts: list[Alert]) -> dict[str, str]:
    """Unit names from the database, or from the bundled gazetteer before `opiniondesk init`."""
    codes = ({a.province_code for a in alerts} | {a.commune_code for a in alerts}) - {""}
    names = repository.unit_names(session, codes)
    missing = codes - set(names)
    if missing:
        gazetteer = get_gazetteer()
        for code in missing:
            unit = gazetteer.commune(code) if len(code) > 2 else gazetteer.province(code)
            if unit is not None:
                names[code] = unit.name
    return names


def _topic_labels(session: Session, settings: Settings) -> dict[str, tuple[str, str]]:
    labels = {t.code: (t.label_vi, t.label_en) for t in taxonomy_for(settings).topics}
    labels["other"] = ("Khác", "Other")
    return labels | repository.topic_labels(session)


def _alert_dict(
    alert: Alert, names: dict[str, str], labels: dict[str, tuple[str, str]]
) -> dict[str, Any]:
    label_vi, label_en = labels.get(alert.topic_code, (alert.topic_code, alert.topic_code))
    return {
        "id": alert.id,
        "status": str(alert.status),
        "topic": alert.topic_code,
        "topic_label_vi": label_vi,
        "topic_label_en": label_en,
        "province_code": alert.province_code,
        "province": names.get(alert.province_code, alert.province_code),
        "commune_code": alert.commune_code,
        "commune": names.get(alert.commune_code, alert.commune_code) if alert.commune_code else "",
        "absorbs_province": alert.absorbs_province,
        "window_start": alert.window_start.isoformat(),
        "window_end": alert.window_end.isoformat(),
        "detected_on": alert.detected_on.isoformat(),
        "observed": alert.observed,
        "expected": alert.expected,
        "probability": alert.probability,
        "score": alert.score,
        "method": alert.method,
        "parameters": alert.parameters,
        "evidence": list(alert.evidence),
    }


@alerts_app.command("list")
def list_command(
    as_json: Annotated[bool, typer.Option("--json", help="In JSON / print JSON")] = False,
    status: Annotated[
        AlertStatus | None,
        typer.Option(help="Chỉ trạng thái này / only this status (new, acknowledged, closed)"),
    ] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Cả cảnh báo đã đóng / closed alerts too")
    ] = False,
    limit: Annotated[int, typer.Option(min=1, help="Tối đa / at most")] = 100,
) -> None:
    """Liệt kê cảnh báo, mới nhất trước / List alerts, newest first."""
    statuses = [status] if status else list(AlertStatus) if show_all else list(OPEN_STATUSES)
    d = desk()
    with d.sessions() as session:
        alerts = list_alerts(
            session, statuses=statuses, min_group_size=d.settings.min_group_size, limit=limit
        )
        names = _place_names(session, alerts)
        labels = _topic_labels(session, d.settings)
        rows = [_alert_dict(a, names, labels) for a in alerts]
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        console.print("Không có cảnh báo / no alerts")
        return
    console.print(_alerts_table(rows))


def _alerts_table(rows: list[dict[str, Any]]) -> Table:
    table = Table(title="Cảnh báo vấn đề mới nổi / Emerging-issue alerts")
    for header, numeric in (
        ("#", True),
        ("Trạng thái / Status", False),
        ("Chủ đề / Topic", False),
        ("Địa bàn / Place", False),
        ("Thời gian / Window", False),
        ("Thực tế / Observed", True),
        ("Kỳ vọng / Expected", True),
        ("Điểm / Score", True),
        ("Minh chứng / Evidence", True),
    ):
        table.add_column(header, justify="right" if numeric else "left")
    for r in rows:
        place = f"{r['commune']}, {r['province']}" if r["commune"] else r["province"]
        if r["absorbs_province"]:
            place += " *"
        table.add_row(
            str(r["id"]),
            r["status"],
            r["topic_label_vi"],
            place,
            f"{r['window_start']} → {r['window_end']}",
            str(r["observed"]),
            f"{r['expected']:.1f}",
            f"{r['score']:.1f}",
            str(len(r["evidence"])),
        )
    table.caption = (
        "Điểm = −log10 xác suất đuôi / score = −log10 tail probability; "
        "* cảnh báo xã thay cho cảnh báo tỉnh / commune alert standing for its province"
    )
    return table


def _set_status(alert_id: int, status: AlertStatus) -> None:
    d = desk()
    try:
        with d.sessions.begin() as session:
            change_status(session, alert_id, status)
    except DeskError as exc:
        raise _fail(exc.message) from None
    console.print(f"[green]✓[/] #{alert_id}: {status}")


@alerts_app.command("ack")
def ack_command(alert_id: Annotated[int, typer.Argument(help="Số cảnh báo / alert id")]) -> None:
    """Đánh dấu đã tiếp nhận / Mark an alert as acknowledged."""
    _set_status(alert_id, AlertStatus.acknowledged)


@alerts_app.command("close")
def close_command(
    alert_id: Annotated[int, typer.Argument(help="Số cảnh báo / alert id")],
) -> None:
    """Đóng cảnh báo (đợt tăng sau đó là cảnh báo mới) /
    Close an alert (a later rise becomes a new alert)."""
    _set_status(alert_id, AlertStatus.closed)


def register(app: typer.Typer) -> None:
    app.add_typer(alerts_app, name="alerts")
