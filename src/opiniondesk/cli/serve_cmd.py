"""`opiniondesk serve`: the web desk."""

from __future__ import annotations

from typing import Annotated

import typer

from opiniondesk.cli.context import Desk, console, desk


def serve(d: Desk, host: str, port: int) -> None:
    import uvicorn

    from opiniondesk.web.app import create_app

    app = create_app(d.settings, engine=d.engine)
    console.print(f"[green]➜[/] http://{host}:{port}  (Ctrl+C để dừng / to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def serve_command(
    host: Annotated[str, typer.Option(help="Địa chỉ / bind address")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Cổng / port")] = 8000,
) -> None:
    """Chạy ứng dụng web / Serve the web app."""
    serve(desk(), host, port)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
