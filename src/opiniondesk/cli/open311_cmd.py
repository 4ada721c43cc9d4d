"""`opiniondesk open311 purge-contacts`: delete citizens' contact details past retention."""

from __future__ import annotations

import typer

from opiniondesk.cli.context import console, desk
from opiniondesk.open311.service import purge_expired_contacts
from opiniondesk.storage.base import utcnow

open311_app = typer.Typer(
    help="Phản ánh Open311 của người dân / Citizens' Open311 requests", no_args_is_help=True
)


@open311_app.command("purge-contacts")
def purge_contacts_command() -> None:
    """Xoá thông tin liên hệ đã hết hạn lưu / Delete contact details past their retention."""
    d = desk()
    with d.sessions.begin() as session:
        deleted = purge_expired_contacts(session, now=utcnow())
    console.print(f"Đã xoá {deleted} liên hệ hết hạn / Deleted {deleted} expired contacts")


def register(app: typer.Typer) -> None:
    app.add_typer(open311_app, name="open311")
