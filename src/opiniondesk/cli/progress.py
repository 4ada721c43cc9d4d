"""A rich progress display for long commands, and the summary table they end with."""

from __future__ import annotations

from collections.abc import Iterable

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from opiniondesk.cli.context import err_console
from opiniondesk.pipeline.ingestion import IngestReport


def progress_bar() -> Progress:
    # progress goes to stderr so `--json` output on stdout stays clean
    return Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=err_console,
        transient=False,
    )


def ingest_table(reports: Iterable[IngestReport]) -> Table:
    table = Table(title="Kết quả nạp dữ liệu / Ingest summary")
    for header in (
        "Nguồn / Source",
        "Kênh / Channel",
        "Đọc / Read",
        "Lưu mới / Stored",
        "Đã có / Already stored",
        "Trùng lặp gần / Near-duplicates",
        "Lỗi / Failed",
    ):
        table.add_column(header, justify="left" if "/ S" in header[:12] else "right")
    for r in reports:
        table.add_row(
            r.source,
            r.channel,
            f"{r.read:,}",
            f"{r.stored:,}",
            f"{r.already_stored:,}",
            f"{r.near_duplicates:,}",
            f"[red]{r.failed:,}[/]" if r.failed else "0",
        )
    return table
