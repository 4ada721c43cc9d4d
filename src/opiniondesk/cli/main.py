"""The `opiniondesk` command line."""

from __future__ import annotations

import logging

import typer

from opiniondesk.cli import analysis_cmds, demo_cmd, ingest_cmd, serve_cmd, setup

app = typer.Typer(
    name="opiniondesk",
    help="Bàn theo dõi dư luận xã hội / Public-opinion desk.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
for module in (setup, ingest_cmd, analysis_cmds, serve_cmd, demo_cmd):
    module.register(app)


@app.callback()
def _main(verbose: bool = typer.Option(False, "--verbose", "-v", help="Ghi log / log more")) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING)


if __name__ == "__main__":
    app()
