"""`opiniondesk claims …`: register circulating claims, match documents to them, follow their
spread, and publish clarifications as schema.org ClaimReview JSON-LD."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, time
from typing import Annotated, Any

import typer
from rich.table import Table

from opiniondesk.analysis.rollups import LOCAL_TZ
from opiniondesk.claims import service
from opiniondesk.claims.actions import publish_clarification
from opiniondesk.claims.ratings import RATINGS, rating_by_key
from opiniondesk.cli.context import console, desk, err_console
from opiniondesk.cli.progress import progress_bar
from opiniondesk.errors import DeskError
from opiniondesk.pipeline.build import taxonomy_for

claims_app = typer.Typer(
    help="Tin đồn cần kiểm chứng và đính chính / Circulating claims and their clarifications.",
    no_args_is_help=True,
)
JsonOption = Annotated[bool, typer.Option("--json", help="In JSON / print JSON")]
ClaimId = Annotated[int, typer.Argument(help="Số tin / claim number")]
_RATING_HELP = "; ".join(f"{r.label_vi} / {r.label_en}" for r in RATINGS)


@contextmanager
def _bad_input() -> Iterator[None]:
    try:
        yield
    except DeskError as exc:
        err_console.print(f"[red]Lỗi / Error:[/] {exc.message}", highlight=False)
        raise typer.Exit(2) from exc


def _echo_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


@claims_app.command("add")
def add_command(
    text: Annotated[str, typer.Option(help="Nội dung tin đang lan truyền / the claim")],
    topic: Annotated[str | None, typer.Option(help="Mã chủ đề / topic code")] = None,
    as_json: JsonOption = False,
) -> None:
    """Ghi nhận một tin và dò nó trong văn bản đã có / Register a claim and find it in the
    documents already stored."""
    d = desk()
    with _bad_input():
        taxonomy = taxonomy_for(d.settings)
        with err_console.status("Đang dò / Matching…"), d.sessions.begin() as session:
            claim, report = service.register_claim(
                session, text=text, topic_code=topic, taxonomy=taxonomy
            )
            claim_id = claim.id
    if as_json:
        _echo_json({"id": claim_id, "repeats": report.repeats, "refutes": report.refutes})
        return
    console.print(f"[green]✓[/] Tin số / Claim [bold]{claim_id}[/]: {text}", highlight=False)
    console.print(
        f"  Văn bản nhắc lại / documents repeating it: {report.repeats:,}; "
        f"bác bỏ / refuting it: {report.refutes:,} (trên / of {report.documents:,})"
    )


@claims_app.command("list")
def list_command(as_json: JsonOption = False) -> None:
    """Danh sách tin và mức lan truyền / Claims and how far they spread."""
    d = desk()
    k = d.settings.min_group_size
    with d.sessions() as session:
        claims = service.list_claims(session, min_group_size=k)
    if as_json:
        _echo_json(claims)
        return
    table = Table(title="Tin cần kiểm chứng / Claims")
    for header in ("#", "Nội dung / Claim", "Nhắc lại / Repeats", "Bác bỏ / Refutes"):
        table.add_column(header)
    table.add_column("Lần cuối / Last seen")
    table.add_column("Đính chính / Verdict")
    for c in claims:
        verdict = "" if c["rating"] is None else rating_by_key(c["rating"]).label_vi
        table.add_row(
            str(c["id"]),
            c["text"] if len(c["text"]) <= 70 else c["text"][:68] + "…",
            _cell(c["repeats"], k),
            _cell(c["refutes"], k),
            c["last_seen"] or "",
            verdict,
        )
    console.print(table)


@claims_app.command("show")
def show_command(
    claim_id: ClaimId,
    by: Annotated[str, typer.Option(help="Theo 'day' hoặc 'week' / per day or week")] = "week",
    as_json: JsonOption = False,
) -> None:
    """Mức lan truyền của một tin theo thời gian và nơi chốn / A claim's spread over time and
    places, and its clarification."""
    d = desk()
    k = d.settings.min_group_size
    with _bad_input(), d.sessions() as session:
        view = service.claim_view(session, claim_id, min_group_size=k, by=by)
    if as_json:
        _echo_json(view)
        return
    spread = view["spread"]
    console.print(f"[bold]Tin số / Claim {view['id']}[/]: {view['text']}", highlight=False)
    console.print(
        f"Nhắc lại / repeats: {_cell(spread['repeats'], k)} (đăng lại / reposts "
        f"{_cell(spread['reposts'], k)}) · bác bỏ / refutes: {_cell(spread['refutes'], k)} · "
        f"lần đầu / first seen: {spread['first_seen'] or '-'} · lần cuối / last seen: "
        f"{spread['last_seen'] or '-'}"
    )
    table = Table(title="Theo thời gian / Over time")
    for header in ("Kỳ / Period", "Nhắc lại / Repeats", "Bác bỏ / Refutes", ""):
        table.add_column(header)
    for row in spread["series"]:
        mark = "◀ đính chính / clarified" if row["clarified"] else ""
        table.add_row(row["period"], _cell(row["repeats"], k), _cell(row["refutes"], k), mark)
    console.print(table)
    places = spread["places"]["provinces"] + spread["places"]["communes"]
    if places:
        console.print("Nơi / Places: " + "; ".join(f"{p['name']} {p['count']}" for p in places))
    clarification = view["clarification"]
    if clarification is not None:
        after = spread["after_clarification"]
        console.print(
            f"Đính chính / Clarified {after['since']} by {clarification['agency']}: "
            f"[bold]{clarification['rating_label']}[/]. Sau đó vẫn nhắc lại / repeats since: "
            f"{_cell(after['repeats'], k)}",
            highlight=False,
        )
    console.print(f"[dim]Ô dưới {k} được ẩn / cells below {k} are hidden.[/]")


@claims_app.command("clarify")
def clarify_command(
    claim_id: ClaimId,
    text: Annotated[str, typer.Option(help="Nội dung đính chính / the clarification")],
    rating: Annotated[str, typer.Option(help=f"Đánh giá / verdict: {_RATING_HELP}")],
    agency: Annotated[str, typer.Option(help="Cơ quan đính chính / clarifying agency")],
    url: Annotated[
        str | None, typer.Option(help="Địa chỉ bài đính chính / its web address")
    ] = None,
    published: Annotated[
        datetime | None,
        typer.Option(formats=["%Y-%m-%d"], help="Ngày đăng (mặc định hôm nay) / date published"),
    ] = None,
) -> None:
    """Đăng đính chính; in ra ClaimReview JSON-LD / Publish a clarification; prints its
    schema.org ClaimReview JSON-LD."""
    d = desk()
    when = None
    if published is not None:
        when = datetime.combine(published.date(), time(8), LOCAL_TZ)
    with _bad_input(), d.sessions.begin() as session:
        _, review = publish_clarification(
            session,
            claim_id=claim_id,
            text=text,
            rating=rating,
            agency=agency,
            url=url,
            published_at=when,
        )
    _echo_json(review)


@claims_app.command("review")
def review_command(claim_id: ClaimId) -> None:
    """In ClaimReview JSON-LD của đính chính mới nhất / Print the latest clarification's
    ClaimReview JSON-LD."""
    d = desk()
    with _bad_input(), d.sessions() as session:
        view = service.claim_view(session, claim_id, min_group_size=d.settings.min_group_size)
    if view["claim_review"] is None:
        err_console.print(
            f"[red]Lỗi / Error:[/] Tin số {claim_id} chưa có đính chính; dùng `opiniondesk claims "
            f"clarify {claim_id} …`. / Claim {claim_id} has no clarification yet."
        )
        raise typer.Exit(2)
    _echo_json(view["claim_review"])


@claims_app.command("match")
def match_command(as_json: JsonOption = False) -> None:
    """Dò các tin trong văn bản mới / Match new documents against every claim."""
    d = desk()
    with d.sessions() as session:
        total = service.documents_to_match(session)
    with progress_bar() as progress, d.sessions.begin() as session:
        task = progress.add_task("Dò tin / Matching", total=total, rate="")
        report = service.match_pending(
            session, on_batch=lambda r: progress.update(task, completed=r.documents)
        )
    if as_json:
        _echo_json(
            {
                "documents": report.documents,
                "repeats": report.repeats,
                "refutes": report.refutes,
                "last_document_id": report.last_document_id,
            }
        )
        return
    console.print(
        f"[green]✓[/] Đã đọc / read {report.documents:,} văn bản / documents; mới nhắc lại / new "
        f"repeats: {report.repeats:,}; mới bác bỏ / new refutations: {report.refutes:,}"
    )


def _cell(value: int | None, k: int) -> str:
    return f"{value:,}" if value is not None else f"<{k}"


def register(app: typer.Typer) -> None:
    app.add_typer(claims_app, name="claims")
