"""`opiniondesk dialogue …`: list sessions, import questions from CSV/XLSX, write the minute,
purge expired contacts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from opiniondesk.cases.deadlines import local_day
from opiniondesk.cli.context import console, desk, err_console
from opiniondesk.dialogue import feed, importer, intake, sessions
from opiniondesk.dialogue import repository as repo
from opiniondesk.dialogue.minute import minute_docx
from opiniondesk.errors import DeskError
from opiniondesk.pipeline.ingestion import Ingestor
from opiniondesk.reports.office import OfficeSettings
from opiniondesk.storage.base import utcnow

dialogue_app = typer.Typer(
    help="Đối thoại giữa lãnh đạo và Nhân dân / Leader–citizen dialogue sessions",
    no_args_is_help=True,
)


def _fail(exc: DeskError) -> typer.Exit:
    err_console.print(Text("Lỗi / Error: ", style="red") + Text(exc.message))
    return typer.Exit(2)


@dialogue_app.command("list")
def list_command() -> None:
    """Các buổi đối thoại / The sessions."""
    d = desk()
    now = utcnow()
    table = Table("id", "tiêu đề / title", "bắt đầu / starts", "giai đoạn / phase")
    with d.sessions() as session:
        for row in repo.sessions(session):
            table.add_row(
                str(row.id),
                row.title,
                f"{row.starts_at:%Y-%m-%d %H:%M} UTC",
                sessions.phase(row, now),
            )
    console.print(table)


@dialogue_app.command("import")
def import_command(
    session_id: Annotated[int, typer.Argument(help="mã buổi đối thoại / session id")],
    file: Annotated[Path, typer.Argument(help="tệp CSV/TSV/XLSX (cột Nội dung / text)")],
) -> None:
    """Nhập danh sách câu hỏi / Import a list of questions; bad rows are listed, not fatal."""
    d = desk()
    try:
        with d.sessions.begin() as session:
            dialogue = sessions.get(session, session_id)
            report = importer.import_file(
                session, dialogue, file, settings=d.settings, now=utcnow()
            )
    except DeskError as exc:
        raise _fail(exc) from None
    with d.sessions() as session, Ingestor(d.settings, d.sessions) as ingestor:
        # the questions also count on the dashboard as channel `dialogue` (see dialogue/feed.py)
        items = feed.question_items(session, sessions.get(session, session_id))
        ingestor.ingest(items, kind=feed.KIND, channel_name=feed.CHANNEL_NAME, source=feed.SOURCE)
    for error in report.errors:
        err_console.print(Text(error, style="yellow"))
    outcomes = ", ".join(f"{kind}: {n}" for kind, n in sorted(report.outcomes.items()))
    console.print(
        f"Đã nhập {report.stored} câu hỏi, {len(report.errors)} dòng lỗi / Imported "
        f"{report.stored} questions, {len(report.errors)} rows with errors ({outcomes or '—'})"
    )


@dialogue_app.command("minute")
def minute_command(
    session_id: Annotated[int, typer.Argument(help="mã buổi đối thoại / session id")],
    out: Annotated[Path, typer.Option("--out", help="tệp DOCX / output .docx")],
) -> None:
    """Biên bản buổi đối thoại (DOCX) / The session's minute as DOCX."""
    d = desk()
    try:
        with d.sessions() as session:
            dialogue = sessions.get(session, session_id)
            content = minute_docx(
                session, dialogue, office=OfficeSettings().office(), today=local_day(utcnow())
            )
    except DeskError as exc:
        raise _fail(exc) from None
    out.write_bytes(content)
    console.print(f"Đã ghi / Written: {out}")


@dialogue_app.command("purge-contacts")
def purge_command() -> None:
    """Xoá liên hệ đã hết hạn lưu / Delete contacts past their retention."""
    d = desk()
    with d.sessions.begin() as session:
        deleted = intake.purge_expired(session, now=utcnow())
    console.print(f"Đã xoá {deleted} liên hệ hết hạn / Deleted {deleted} expired contacts")


def register(app: typer.Typer) -> None:
    app.add_typer(dialogue_app, name="dialogue")
