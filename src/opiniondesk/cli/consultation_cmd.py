"""`opiniondesk consultation …`: import a Pol.is export, analyse a consultation (opinion groups,
representative and consensus statements), list consultations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from opiniondesk.cli.context import console, desk, err_console
from opiniondesk.consultations import polis_import, service
from opiniondesk.consultations import repository as repo
from opiniondesk.consultations.analysis import ConsultationAnalysis
from opiniondesk.errors import DeskError

consultation_app = typer.Typer(
    help="Tham vấn: nhóm quan điểm kiểu Pol.is / Consultations: opinion groups, Pol.is-style.",
    no_args_is_help=True,
)

JsonOption = Annotated[bool, typer.Option("--json", help="In JSON / print JSON")]


def _fail(exc: DeskError) -> typer.Exit:
    err_console.print(f"[red]Lỗi / Error:[/] {exc.message}", highlight=False)
    return typer.Exit(2)


@consultation_app.command("import")
def import_command(
    folder: Annotated[
        Path,
        typer.Argument(
            exists=True,
            file_okay=False,
            help="Thư mục xuất từ Pol.is (comments.csv, votes.csv…) / Pol.is export folder",
        ),
    ],
) -> None:
    """Nhập một cuộc hội thoại Pol.is; in mã tham vấn / Import a Pol.is conversation; prints its
    id."""
    d = desk()
    try:
        with d.sessions.begin() as session:
            consultation_id, created = polis_import.import_folder(
                session, folder, secret_key=d.settings.secret_key
            )
    except DeskError as exc:
        raise _fail(exc) from exc
    if not created:
        err_console.print("Đã nhập trước đây / already imported: same id.")
    typer.echo(consultation_id)


def analysis_json(
    analysis: ConsultationAnalysis, external_ids: dict[str, str | None]
) -> dict[str, Any]:
    """The command's JSON: groups by participant id (pseudonymous database ids), k, consensus
    and representative statements by statement id, and every figure behind them."""
    return {
        "k": analysis.k,
        "seed": analysis.seed,
        "silhouette": analysis.silhouette,
        "participants": analysis.participants,
        "clustered": analysis.clustered,
        "votes": analysis.vote_count,
        "groups": analysis.membership,
        "group_sizes": {str(g.index): g.size for g in analysis.groups},
        "consensus": analysis.consensus,
        "divisiveness": {s.statement: s.divisiveness for s in analysis.statements},
        "representative": {str(g): ids for g, ids in analysis.representative.items()},
        "representative_disagree": {
            str(g.index): [r.statement for r in g.disagree] for g in analysis.groups
        },
        "statement_external_ids": external_ids,
    }


@consultation_app.command("analyze")
def analyze_command(
    consultation_id: Annotated[int, typer.Argument(help="Mã tham vấn / consultation id")],
    as_json: JsonOption = False,
    seed: Annotated[int, typer.Option(help="Hạt giống phân cụm / clustering seed")] = 0,
) -> None:
    """Phân tích: nhóm quan điểm, ý kiến tiêu biểu, đồng thuận / Analyse: opinion groups,
    representative and consensus statements."""
    d = desk()
    try:
        with d.sessions.begin() as session:
            consultation = service.get(session, consultation_id)
            analysis, _ = service.analyse_now(
                session, consultation, seed=seed, min_group_size=d.settings.min_group_size
            )
            statements = {str(s.id): s for s in repo.statements(session, consultation_id)}
            external = {key: s.external_id for key, s in statements.items()}
            texts = {key: s.text for key, s in statements.items()}
    except DeskError as exc:
        raise _fail(exc) from exc
    if as_json:
        typer.echo(json.dumps(analysis_json(analysis, external), ensure_ascii=False, indent=2))
        return
    console.print(
        f"{analysis.participants} người tham gia / participants, {analysis.clustered} được "
        f"xếp nhóm / grouped, {analysis.vote_count} phiếu / votes; k = {analysis.k}"
    )
    k = d.settings.min_group_size
    for group in analysis.groups:
        if group.size < k:
            console.print(f"Nhóm / group {group.index + 1}: < {k} (ẩn / hidden)")
            continue
        console.print(f"[bold]Nhóm / group {group.index + 1}[/]: {group.size}")
        for r in group.agree:
            console.print(f"  + {r.rate:.0%} {texts.get(r.statement, r.statement)[:90]}")
        for r in group.disagree:
            console.print(f"  − {r.rate:.0%} {texts.get(r.statement, r.statement)[:90]}")
    top = sorted(analysis.statements, key=lambda s: -s.consensus)[:5]
    console.print("[bold]Đồng thuận / consensus[/]")
    for s in top:
        console.print(f"  {s.consensus:.3f} {texts.get(s.statement, s.statement)[:90]}")


@consultation_app.command("list")
def list_command(as_json: JsonOption = False) -> None:
    """Các cuộc tham vấn / The consultations."""
    d = desk()
    with d.sessions() as session:
        rows = [
            {
                "id": c.id,
                "title": c.title,
                "status": str(c.status),
                "votes": repo.vote_count(session, c.id),
                "source": c.source,
            }
            for c in repo.consultations(session)
        ]
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table("id", "tiêu đề / title", "trạng thái / status", "phiếu / votes")
    for row in rows:
        table.add_row(str(row["id"]), str(row["title"])[:60], str(row["status"]), str(row["votes"]))
    console.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(consultation_app, name="consultation")
