"""The `opiniondesk` command line: every `opiniondesk.cli.*` module with a `register(app)`
function adds its commands, so an area adds a command group without touching this file."""

from __future__ import annotations

import importlib
import logging
import pkgutil

import typer

import opiniondesk.cli

app = typer.Typer(
    name="opiniondesk",
    help="Bàn theo dõi dư luận xã hội / Public-opinion desk.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _register_commands() -> None:
    for info in sorted(pkgutil.iter_modules(opiniondesk.cli.__path__), key=lambda i: i.name):
        if info.name in {"main", "context", "progress"}:
            continue
        module = importlib.import_module(f"opiniondesk.cli.{info.name}")
        register = getattr(module, "register", None)
        if callable(register):
            register(app)


@app.callback()
def _main(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Ghi log / log more"),
) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING)


_register_commands()

if __name__ == "__main__":
    app()
