"""`opiniondesk forecast`: the next weeks of volume and negative share, with intervals."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from opiniondesk.cli.context import console, desk, err_console
from opiniondesk.errors import DeskError
from opiniondesk.forecasts import MAX_HORIZON, texts
from opiniondesk.web.formatting import format_date

if TYPE_CHECKING:
    from opiniondesk.forecasts.service import Forecast, ForecastPoint

HISTORY_ROWS = 4  # observed weeks printed above the forecast, for context


def forecast_command(
    topic: Annotated[
        str | None,
        typer.Option(
            "--topic", help="Mã chủ đề (mặc định: mọi chủ đề) / topic code (default: all topics)"
        ),
    ] = None,
    province: Annotated[
        str | None,
        typer.Option(
            "--province",
            help="Mã hoặc tên tỉnh/thành (mặc định: cả nước) / province code or name "
            "(default: whole country)",
        ),
    ] = None,
    weeks: Annotated[
        int, typer.Option("--weeks", help=f"Số tuần dự báo (1–{MAX_HORIZON}) / weeks ahead")
    ] = 8,
    as_json: Annotated[bool, typer.Option("--json", help="In JSON / print JSON")] = False,
) -> None:
    """Dự báo số ý kiến và tỷ lệ tiêu cực các tuần tới, kèm khoảng dự báo 80% và 95%. /
    Forecast the coming weeks' volume and negative share, with 80% and 95% intervals."""
    # imported here: statsforecast takes a second to load, other commands should not wait for it
    from opiniondesk.forecasts.service import forecast_series, resolve_province, scope_label

    d = desk()
    try:
        with d.sessions() as session:
            province_code = resolve_province(session, province) if province else None
            forecast = forecast_series(
                session,
                topic_code=topic or None,
                province_code=province_code,
                weeks=weeks,
                settings=d.settings,
            )
            heading = scope_label(session, topic_code=topic or None, province_code=province_code)
    except DeskError as exc:
        err_console.print(Text("Lỗi / Error: ", style="red") + Text(exc.message))
        raise typer.Exit(2) from exc
    if as_json:
        typer.echo(json.dumps(forecast.as_json(), ensure_ascii=False, indent=2))
        return
    if not forecast.history:
        console.print(texts.both("no_data"), markup=False, highlight=False)
        return
    _print(forecast, heading)


def _print(forecast: Forecast, heading: str) -> None:
    console.print(Text(f"Dự báo / Forecast: {heading}", style="bold"))
    console.print(Text(forecast.explanation("vi")))
    console.print(Text(forecast.explanation("en"), style="dim"))
    table = Table(caption="[dim]· đã ghi nhận / observed   → dự báo / forecast[/]")
    for header in (
        "Tuần / Week",
        "Ý kiến / Docs",
        "80%",
        "95%",
        "Tiêu cực / Negative",
        "80%",
        "95%",
    ):
        table.add_column(header, justify="left" if header.startswith("Tuần") else "right")
    k = forecast.min_group_size
    hidden = f"<{k}"
    for point in forecast.history[-HISTORY_ROWS:]:
        table.add_row(
            f"· {format_date(point.week)}",
            f"{point.volume:,}" if point.volume is not None else hidden,
            "",
            "",
            f"{point.negative_share:.0%}" if point.negative_share is not None else "–",
            "",
            "",
            style="dim",
        )
    table.add_section()
    pairs = zip(forecast.volume.points, forecast.negative_share.points, strict=True)
    for volume, share in pairs:
        table.add_row(
            f"→ {format_date(volume.week)}",
            *_cells(volume, "{:,.0f}", hidden),
            *_cells(share, "{:.0%}", "–"),
        )
    console.print(table)
    for metric, label in (
        (forecast.volume, "Số ý kiến / Documents"),
        (forecast.negative_share, "Tỷ lệ tiêu cực / Negative share"),
    ):
        method = f"{texts.text(f'method_{metric.method}', 'vi')} / " + texts.text(
            f"method_{metric.method}", "en"
        )
        quality = (
            f"MASE {metric.mase:.2f} ({metric.backtest_origins} "
            "điểm gốc kiểm định lùi / backtest origins)"
            if metric.mase is not None
            else texts.both("backtest_none")
        )
        console.print(Text(f"{label}: {method}. {quality}"))
    console.print(Text(texts.both("suppression_note", k=k), style="dim"))


def _cells(point: ForecastPoint, template: str, hidden: str) -> tuple[str, str, str]:
    if point.hidden:
        return hidden, "", ""
    return (
        template.format(point.mean),
        f"{template.format(point.lower_80)}–{template.format(point.upper_80)}".replace("%–", "–"),
        f"{template.format(point.lower_95)}–{template.format(point.upper_95)}".replace("%–", "–"),
    )


def register(app: typer.Typer) -> None:
    app.command("forecast")(forecast_command)
