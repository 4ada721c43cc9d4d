"""`opiniondesk ingest FILE|URL --channel KIND`: read, process, store; report bad rows."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from opiniondesk.cli.context import Desk, console, desk, err_console
from opiniondesk.cli.progress import ingest_table, progress_bar
from opiniondesk.errors import DeskError
from opiniondesk.ingest.mapping import ColumnMapping
from opiniondesk.ingest.raw import RowError
from opiniondesk.ingest.readers import open_source
from opiniondesk.pipeline.ingestion import Ingestor, IngestReport
from opiniondesk.storage.models import ChannelKind

CHANNEL_NAMES = {
    ChannelKind.field_report: "Báo cáo cộng tác viên",
    ChannelKind.survey: "Khảo sát",
    ChannelKind.feedback: "Góp ý của người dân",
    ChannelKind.dialogue: "Câu hỏi đối thoại",
    ChannelKind.feed: "Tin tức (RSS/Atom)",
    ChannelKind.page_export: "Trang của cơ quan",
    ChannelKind.api: "API",
}
MAX_PRINTED_ERRORS = 50


def ingest_source(
    d: Desk,
    ingestor: Ingestor,
    source: str,
    *,
    kind: ChannelKind,
    channel_name: str | None,
    mapping: ColumnMapping | None,
    fmt: str | None,
) -> IngestReport:
    """Ingest one source with a progress bar; bad rows are printed as they are met."""
    printed = 0

    def show_error(error: RowError) -> None:
        nonlocal printed
        printed += 1
        if printed <= MAX_PRINTED_ERRORS:
            err_console.print(f"[red]✗[/] {error}", highlight=False, markup=False)

    items = open_source(source, fmt=fmt, mapping=mapping, settings=d.settings)
    started = time.perf_counter()
    with progress_bar() as progress:
        task = progress.add_task(Path(source).name or source, total=None, rate="")

        def advance(report: IngestReport) -> None:
            rate = report.read / max(time.perf_counter() - started, 1e-9)
            progress.update(task, completed=report.read, rate=f"{rate:,.0f} /s")

        report = ingestor.ingest(
            items,
            kind=kind,
            channel_name=channel_name or CHANNEL_NAMES[kind],
            source=source,
            on_batch=advance,
            on_error=show_error,
        )
        progress.update(task, total=report.read, completed=report.read)
    if printed > MAX_PRINTED_ERRORS:
        err_console.print(
            f"… và {printed - MAX_PRINTED_ERRORS} lỗi khác / and {printed - MAX_PRINTED_ERRORS} "
            "more errors (xem / see `opiniondesk stats`)."
        )
    return report


def match_known_claims(d: Desk) -> None:
    """New documents are matched against the registered claims right after ingest."""
    from opiniondesk.claims.service import match_pending

    with d.sessions.begin() as session:
        found = match_pending(session)
    if found.repeats or found.refutes:
        console.print(
            f"Tin đồn đã đăng ký / Registered claims: {found.repeats:,} lặp lại / repeat, "
            f"{found.refutes:,} bác bỏ / refute (xem / see `opiniondesk claims list`)."
        )


def ingest_command(
    sources: Annotated[list[str], typer.Argument(help="Tệp hoặc URL / files or feed URLs")],
    channel: Annotated[ChannelKind, typer.Option("--channel", "-c", help="Loại kênh / kind")],
    channel_name: Annotated[
        str | None, typer.Option(help="Tên kênh (mặc định theo loại) / channel name")
    ] = None,
    map_: Annotated[
        list[str] | None,
        typer.Option("--map", help="field=column, ví dụ / e.g. text=noi_dung (lặp lại / repeat)"),
    ] = None,
    mapping_file: Annotated[
        Path | None, typer.Option("--mapping", help="Tệp YAML ánh xạ cột / mapping YAML")
    ] = None,
    fmt: Annotated[
        str | None, typer.Option("--format", help="csv, tsv, xlsx, jsonl, json, rss")
    ] = None,
) -> None:
    """Nạp dữ liệu vào bàn làm việc / Ingest files or feeds into the desk."""
    d = desk()
    try:
        mapping = None
        if mapping_file is not None:
            mapping = ColumnMapping.from_yaml(mapping_file)
        if map_:
            if mapping is not None:
                raise DeskError("Dùng --map hoặc --mapping, không dùng cả hai / use one of them.")
            mapping = ColumnMapping.from_flags(map_)
        with Ingestor(d.settings, d.sessions) as ingestor:
            reports = [
                ingest_source(
                    d,
                    ingestor,
                    s,
                    kind=channel,
                    channel_name=channel_name,
                    mapping=mapping,
                    fmt=fmt,
                )
                for s in sources
            ]
    except DeskError as exc:
        err_console.print(f"[red]Lỗi / Error:[/] {exc.message}", highlight=False)
        raise typer.Exit(2) from exc
    console.print(ingest_table(reports))
    match_known_claims(d)
    if any(r.failed for r in reports):
        err_console.print(
            "[yellow]Một số dòng bị lỗi (xem ở trên); các dòng hợp lệ đã được lưu. / "
            "Some rows failed (see above); the good rows were stored.[/]"
        )
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
