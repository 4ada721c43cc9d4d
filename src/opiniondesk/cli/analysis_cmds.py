"""`opiniondesk analyze` and `opiniondesk stats`."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.table import Table

from opiniondesk.analysis.stats import summary
from opiniondesk.analysis.topic_store import sync_topics
from opiniondesk.cli.context import console, desk
from opiniondesk.cli.progress import progress_bar
from opiniondesk.config import Settings
from opiniondesk.pipeline.build import taxonomy_for
from opiniondesk.pipeline.reanalysis import reanalyse


def analyze_command() -> None:
    """Gán nhãn lại toàn bộ tài liệu và tính lại số liệu tổng hợp. / Re-label every stored
    document with the current taxonomy, lexicon and gazetteer, and rebuild the rollups."""
    d = desk()
    with d.sessions.begin() as session:
        sync_topics(session, taxonomy_for(d.settings))
    with progress_bar() as progress:
        task = progress.add_task("Phân tích / Analysing", total=None, rate="")
        report = reanalyse(
            d.settings,
            d.sessions,
            on_batch=lambda done, total: progress.update(task, completed=done, total=total),
        )
    console.print(
        f"[green]✓[/] Đã phân tích / Analysed: {report.documents:,} tài liệu / documents; "
        f"được đếm / counted (không trùng lặp / non-duplicate): {report.counted:,}"
    )


SECTIONS = {
    "by_channel": "Kênh / Channels",
    "by_topic": "Chủ đề / Topics",
    "by_province": "Tỉnh, thành / Provinces",
    "by_sentiment": "Sắc thái / Sentiment",
}


def print_figures(figures: dict[str, Any], settings: Settings, sections: tuple[str, ...]) -> None:
    """The headline counts, then one table per breakdown; suppressed cells read "<k"."""
    console.print(
        f"Tài liệu (không trùng lặp) / Documents (non-duplicate): [bold]{figures['documents']:,}"
        f"[/]   Trùng lặp gần / Near-duplicates: [bold]{figures['duplicates']:,}[/]"
    )
    hidden = f"<{figures['min_group_size']}"
    topics = {t.code: f"{t.label_vi} / {t.label_en}" for t in taxonomy_for(settings).topics}
    labels = {"by_topic": topics | {"other": "Khác / Other"}}
    for section in sections:
        table = Table(title=SECTIONS[section])
        table.add_column("")
        table.add_column("Số lượng / Count", justify="right")
        names = labels.get(section, {})
        for key, n in figures[section].items():
            table.add_row(names.get(key, key), f"{n:,}" if n is not None else hidden)
        console.print(table)


def stats_command(
    as_json: Annotated[bool, typer.Option("--json", help="In JSON / print JSON")] = False,
    min_group_size: Annotated[
        int | None,
        typer.Option(help="Ngưỡng ẩn ô nhỏ / small-cell threshold (mặc định / default: setting)"),
    ] = None,
) -> None:
    """Số liệu tổng hợp / Aggregate figures: documents, duplicates, channels, topics, provinces."""
    d = desk()
    threshold = min_group_size or d.settings.min_group_size
    with d.sessions() as session:
        figures = summary(session, min_group_size=threshold)
    if as_json:
        typer.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    print_figures(figures, d.settings, tuple(SECTIONS))
    console.print(f"[dim]Ô dưới {threshold} được ẩn / cells below {threshold} are suppressed.[/]")


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze_command)
    app.command("stats")(stats_command)
