"""`opiniondesk serve`: the web desk."""

from __future__ import annotations

from typing import Annotated

import typer

from opiniondesk.cli.context import Desk, console, desk


def serve(d: Desk, host: str, port: int, workers: int = 1) -> None:
    import uvicorn

    from opiniondesk.web.app import create_app

    d.engine  # noqa: B018  (migrate once here, before any worker starts)
    console.print(f"[green]➜[/] http://{host}:{port}  (Ctrl+C để dừng / to stop)")
    if workers > 1:
        # each worker process builds its own app (and engine) from the same OPINIONDESK_* settings
        uvicorn.run(
            "opiniondesk.web.app:create_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="warning",
        )
        return
    uvicorn.run(create_app(d.settings, engine=d.engine), host=host, port=port, log_level="warning")


def serve_command(
    host: Annotated[str, typer.Option(help="Địa chỉ / bind address")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Cổng / port")] = 8000,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Số tiến trình web / web worker processes")
    ] = 1,
) -> None:
    """Chạy ứng dụng web / Serve the web app."""
    serve(desk(), host, port, workers)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
