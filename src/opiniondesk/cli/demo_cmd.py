"""`opiniondesk demo`: generate the demo corpus, ingest every channel, summarise, serve."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Annotated

import typer

from opiniondesk.accounts.demo import DEMO_ACCOUNTS, ensure_demo_accounts
from opiniondesk.analysis.stats import summary
from opiniondesk.cli.analysis_cmds import print_figures
from opiniondesk.cli.context import console, desk
from opiniondesk.cli.ingest_cmd import ingest_source
from opiniondesk.cli.progress import ingest_table
from opiniondesk.cli.serve_cmd import serve
from opiniondesk.cli.setup import initialise
from opiniondesk.demo.corpus import generate_demo_corpus
from opiniondesk.demo.showcase import ShowcaseContext, run_showcase, showcase_pages
from opiniondesk.pipeline.ingestion import Ingestor
from opiniondesk.storage.base import utcnow
from opiniondesk.storage.models import ChannelKind


def demo_command(
    serve_app: Annotated[
        bool, typer.Option("--serve/--no-serve", help="Chạy web sau đó / serve afterwards")
    ] = True,
    documents: Annotated[int, typer.Option(help="Số tài liệu / number of documents")] = 6000,
    seed: Annotated[int, typer.Option(help="Hạt giống ngẫu nhiên / random seed")] = 2025,
    host: Annotated[str, typer.Option()] = "127.0.0.1",
    port: Annotated[int, typer.Option()] = 8000,
) -> None:
    """Chạy thử toàn bộ quy trình với dữ liệu mẫu / Run the whole desk on a demo corpus."""
    d = desk()
    with console.status("Khởi tạo cơ sở dữ liệu / Initialising the database…"):
        initialise(d)
    out_dir = d.settings.ensure_home() / "demo"
    with console.status("Tạo dữ liệu mẫu / Generating the demo corpus…"):
        manifest = generate_demo_corpus(out_dir, seed=seed, documents=documents)
    with Ingestor(d.settings, d.sessions) as ingestor:
        reports = [
            ingest_source(
                d,
                ingestor,
                str(out_dir / entry.path),
                kind=ChannelKind(entry.channel_kind),
                channel_name=entry.channel_name,
                mapping=None,
                fmt=None,
            )
            for entry in manifest.entries
        ]
    console.print(ingest_table(reports))
    with d.sessions() as session:
        figures = summary(session, min_group_size=d.settings.min_group_size)
    print_figures(figures, d.settings, ("by_topic", "by_province"))
    for issue in manifest.planted:
        console.print(
            f"[yellow]⚑[/] Vấn đề cài sẵn / planted issue: “{issue.phrase}” — {issue.commune}, "
            f"{issue.province} ({issue.window_start:%d/%m} → {issue.window_end:%d/%m/%Y})"
        )
    with d.sessions.begin() as session:
        password = demo_password(d.settings.ensure_home())
        ensure_demo_accounts(session, password=password)
    console.print(
        "Tài khoản thử / Demo accounts (mật khẩu / password: "
        f"[bold]{password}[/], lưu ở / kept in {d.settings.home / DEMO_PASSWORD_FILE}):"
    )
    for account in DEMO_ACCOUNTS:
        console.print(f"  {account.username:20s} {account.role.value:12s} {account.unit_code}")
    context = ShowcaseContext(d.settings, manifest, out_dir, password, utcnow(), seed)
    seeded = run_showcase(d.sessions, context, on_step=lambda s: console.print(f"[green]✓[/] {s}"))
    console.print("Trang nên mở / Pages worth opening:")
    for path, label in showcase_pages(seeded):
        console.print(f"  http://{host}:{port}{path}  {label}")
    if serve_app:
        serve(d, host, port)


DEMO_PASSWORD_FILE = "demo-password.txt"


def demo_password(home: Path) -> str:
    """One random password for the demo accounts, made once and kept (owner-only) in the data
    folder, so a second `make demo` still signs in with what the first one printed."""
    path = home / DEMO_PASSWORD_FILE
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    password = secrets.token_urlsafe(12)
    path.touch(mode=0o600)
    path.write_text(password + "\n", encoding="utf-8")
    return password


def register(app: typer.Typer) -> None:
    app.command("demo")(demo_command)
