"""`opiniondesk discover`: clusters of documents no topic covers; `discover promote` makes one
a topic (a rule in the office taxonomy and/or analyst training labels)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Annotated, Any

import typer
from rich.table import Table

from opiniondesk.cli.context import console, desk, err_console
from opiniondesk.discovery import service
from opiniondesk.discovery.clustering import METHODS, ClusterParams
from opiniondesk.discovery.taxonomy_file import uses_office_taxonomy
from opiniondesk.discovery.window import resolve_window
from opiniondesk.errors import DeskError

discover_app = typer.Typer(
    help="Phát hiện vấn đề mới trong văn bản chưa có chủ đề / Discover new issues in documents "
    "no topic covers.",
    no_args_is_help=False,
)

JsonOption = Annotated[bool, typer.Option("--json", help="In JSON / print JSON")]


@contextmanager
def _bad_input() -> Iterator[None]:
    """A DeskError is the user's input at fault: say what, exit 2."""
    try:
        yield
    except DeskError as exc:
        err_console.print(f"[red]Lỗi / Error:[/] {exc.message}", highlight=False)
        raise typer.Exit(2) from exc


@discover_app.callback(invoke_without_command=True)
def discover_command(
    ctx: typer.Context,
    days: Annotated[
        int | None, typer.Option(help="Số ngày gần nhất (mặc định 30) / last N days (default 30)")
    ] = None,
    date_from: Annotated[
        datetime | None,
        typer.Option("--from", formats=["%Y-%m-%d"], help="Từ ngày / from day (YYYY-MM-DD)"),
    ] = None,
    date_to: Annotated[
        datetime | None,
        typer.Option("--to", formats=["%Y-%m-%d"], help="Đến ngày / to day (YYYY-MM-DD)"),
    ] = None,
    method: Annotated[
        str, typer.Option(help=f"Thuật toán / algorithm: {', '.join(METHODS)}")
    ] = "hdbscan",
    max_clusters: Annotated[
        int, typer.Option(help="Số cụm tối đa (kmeans) / most clusters (kmeans)")
    ] = 20,
    min_cluster_size: Annotated[
        int, typer.Option(help="Cỡ cụm nhỏ nhất / smallest cluster (≥ min_group_size)")
    ] = 5,
    as_json: JsonOption = False,
) -> None:
    """Phân cụm văn bản gần đây chưa có chủ đề (chủ đề 'other') / Cluster recent documents
    that no topic covers, and store the result as a run."""
    if ctx.invoked_subcommand is not None:
        return
    d = desk()
    with _bad_input():
        window = resolve_window(
            days=days,
            date_from=date_from.date() if date_from else None,
            date_to=date_to.date() if date_to else None,
            today=date.today(),
        )
        params = ClusterParams(
            method=method, max_clusters=max_clusters, min_cluster_size=min_cluster_size
        )
        with err_console.status("Đang phân cụm / Clustering…"), d.sessions.begin() as session:
            run = service.discover(
                session, window=window, params=params, min_group_size=d.settings.min_group_size
            )
            run_id = run.id
    _show(run_id, as_json)


@discover_app.command("show")
def show_command(
    run: Annotated[int, typer.Argument(help="Số lượt / run number")], as_json: JsonOption = False
) -> None:
    """Xem lại một lượt phát hiện / Show a stored discovery run."""
    _show(run, as_json)


@discover_app.command("runs")
def runs_command(as_json: JsonOption = False) -> None:
    """Các lượt phát hiện gần đây / Recent discovery runs."""
    d = desk()
    with d.sessions() as session:
        runs = service.list_runs(session)
    if as_json:
        typer.echo(json.dumps(runs, ensure_ascii=False, indent=2))
        return
    table = Table(title="Lượt phát hiện / Discovery runs")
    for header in ("#", "Từ / From", "Đến / To", "Cách / Method", "Văn bản / Documents", "Cụm"):
        table.add_column(header)
    for r in runs:
        table.add_row(
            str(r["run"]),
            r["from"],
            r["to"],
            r["method"],
            f"{r['documents']:,}",
            f"{r['clustered']:,}",
        )
    console.print(table)


@discover_app.command("promote")
def promote_command(
    run: Annotated[int, typer.Argument(help="Số lượt / run number")],
    cluster: Annotated[int, typer.Argument(help="Số cụm / cluster number")],
    code: Annotated[str, typer.Option(help="Mã chủ đề mới, vd. cho_tha_rong / new topic code")],
    label_vi: Annotated[str, typer.Option("--label-vi", help="Tên tiếng Việt / Vietnamese label")],
    label_en: Annotated[str, typer.Option("--label-en", help="Tên tiếng Anh / English label")],
    parent: Annotated[str | None, typer.Option(help="Mã chủ đề cha / parent code")] = None,
    query: Annotated[
        str | None, typer.Option(help="Tự viết truy vấn / write the query yourself")
    ] = None,
    rule: Annotated[
        bool, typer.Option("--rule/--no-rule", help="Ghi quy tắc / write the rule")
    ] = True,
    labels: Annotated[
        bool, typer.Option("--labels/--no-labels", help="Ghi nhãn huấn luyện / training labels")
    ] = True,
    as_json: JsonOption = False,
) -> None:
    """Biến một cụm thành chủ đề / Promote a cluster to a topic."""
    d = desk()
    with _bad_input(), d.sessions.begin() as session:
        result = service.promote(
            session,
            settings=d.settings,
            run_id=run,
            cluster_number=cluster,
            code=code,
            label_vi=label_vi,
            label_en=label_en,
            parent=parent,
            query=query,
            write_rule=rule,
            write_labels=labels,
        )
    if as_json:
        payload = {
            "run": result.run_id,
            "cluster": result.cluster,
            "code": result.code,
            "query": result.query,
            "precision": result.precision,
            "recall": result.recall,
            "labels_added": result.labels_added,
            "taxonomy_path": str(result.taxonomy_path) if result.taxonomy_path else None,
            "taxonomy_in_use": uses_office_taxonomy(d.settings),
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    if result.query is not None:
        console.print(f"[green]✓[/] Quy tắc / Rule [bold]{result.code}[/]: {result.query}")
        console.print(
            f"  Trên văn bản của lượt / on the run's documents: precision {result.precision:.0%}, "
            f"recall {result.recall:.0%}"
        )
        console.print(f"  Đã ghi vào / written to {result.taxonomy_path}")
        if not uses_office_taxonomy(d.settings):
            console.print(
                "[yellow]  Để áp dụng, đặt / to use it, set "
                f"OPINIONDESK_TAXONOMY_PATH={result.taxonomy_path} (biến môi trường hoặc .env / "
                "environment or .env)[/]"
            )
    if labels:
        console.print(
            f"[green]✓[/] Nhãn huấn luyện mới / new training labels: {result.labels_added:,}"
        )
    console.print(
        "  Chạy / run `opiniondesk analyze` để gán lại nhãn và tính lại số liệu / to relabel "
        "and rebuild the figures."
    )


def _show(run_id: int, as_json: bool) -> None:
    d = desk()
    with _bad_input(), d.sessions() as session:
        report = service.report(session, run_id, min_group_size=d.settings.min_group_size)
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    _print_report(report)


def _print_report(report: dict[str, Any]) -> None:
    k = report["min_group_size"]
    console.print(
        f"[bold]Lượt / Run {report['run']}[/] · {report['from']} → {report['to']} · "
        f"{report['method']} · văn bản chưa có chủ đề / uncovered documents: "
        f"{report['documents']:,} · trong cụm / clustered: {report['clustered']:,}"
    )
    uncovered = report["parameters"].get("uncovered_in_window", report["documents"])
    if uncovered > report["documents"]:
        console.print(
            f"[yellow]Chỉ phân cụm {report['documents']:,} văn bản mới nhất trong {uncovered:,}; "
            f"rút ngắn khoảng thời gian để xem hết. / Clustered the newest "
            f"{report['documents']:,} of {uncovered:,} documents; use a shorter window.[/]"
        )
    if not report["clusters"]:
        console.print("Không tìm thấy cụm nào / No clusters found.")
        return
    for cluster in report["clusters"]:
        console.rule(f"Cụm / Cluster {cluster['number']} · {cluster['size']:,} văn bản / documents")
        console.print("[bold]Từ khóa / Terms:[/] " + ", ".join(cluster["terms"]))
        for rep in cluster["representatives"]:
            console.print(f"  • [dim]{rep['published_on']}[/] {rep['excerpt']}", highlight=False)
        places = cluster["places"]["provinces"] + cluster["places"]["communes"]
        if places:
            console.print(
                "[bold]Nơi / Places:[/] " + "; ".join(f"{p['name']} {p['count']}" for p in places)
            )
        trend = " ".join(
            f"{w['period'][5:]}:{w['count'] if w['count'] is not None else f'<{k}'}"
            for w in cluster["weekly"]
        )
        console.print(f"[bold]Theo tuần / Weekly:[/] {trend}")
        if cluster["promoted_to"]:
            console.print(
                "[green]Đã thành chủ đề / promoted to:[/] " + ", ".join(cluster["promoted_to"])
            )
    console.print(
        f"[dim]Ô dưới {k} được ẩn / cells below {k} are hidden. "
        f"Biến cụm thành chủ đề / promote: opiniondesk discover promote {report['run']} N "
        "--code … --label-vi … --label-en …[/]"
    )


def register(app: typer.Typer) -> None:
    app.add_typer(discover_app, name="discover")
