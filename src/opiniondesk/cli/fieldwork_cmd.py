"""`opiniondesk fieldwork …`: report duties for collaborators, coverage in aggregate, invitation
links for new collaborators and e-mail reminders of duties."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date, datetime
from typing import Annotated, Any

import typer
from rich.table import Table

from opiniondesk.accounts.principal import UnitScope
from opiniondesk.analysis.rollups import LOCAL_TZ
from opiniondesk.cli.context import console, desk, err_console
from opiniondesk.errors import DeskError, InputError
from opiniondesk.fieldwork import collaborators, duties, reminders
from opiniondesk.storage.base import utcnow

fieldwork_app = typer.Typer(
    help="Cộng tác viên: yêu cầu báo cáo, độ phủ / Collaborators: report duties, coverage.",
    no_args_is_help=True,
)
JsonOption = Annotated[bool, typer.Option("--json", help="In JSON / print JSON")]
EVERYTHING = UnitScope(everything=True)  # the command line is the operator of the whole desk


@contextmanager
def _bad_input() -> Iterator[None]:
    try:
        yield
    except DeskError as exc:
        err_console.print(f"[red]Lỗi / Error:[/] {exc.message}", highlight=False)
        raise typer.Exit(2) from exc


def _today() -> date:
    return datetime.now(LOCAL_TZ).date()


def _echo_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


@fieldwork_app.command("duty")
def duty_command(
    unit: Annotated[str, typer.Option(help="Mã tỉnh hoặc xã/phường / province or commune code")],
    topic: Annotated[str, typer.Option(help="Chủ đề cần báo cáo / the topic to report on")],
    due: Annotated[str, typer.Option(help="Hạn, YYYY-MM-DD / due date")],
    note: Annotated[str, typer.Option(help="Ghi chú / note")] = "",
    as_json: JsonOption = False,
) -> None:
    """Giao yêu cầu báo cáo cho cộng tác viên một địa bàn / Ask a unit's collaborators to
    report on a topic by a date."""
    d = desk()
    with _bad_input():
        try:
            due_on = date.fromisoformat(due)
        except ValueError as exc:
            raise InputError(
                f"--due “{due}” không phải ngày YYYY-MM-DD. / --due “{due}” is not a "
                "YYYY-MM-DD date."
            ) from exc
        with d.sessions.begin() as session:
            duty = duties.open_duty(
                session, unit_code=unit, topic=topic, due_on=due_on, today=_today(), note=note
            )
            result = {"id": duty.id, "unit": duty.unit_code, "topic": duty.topic, "due": due}
    if as_json:
        _echo_json(result)
    else:
        console.print(f"Đã giao yêu cầu / Duty opened: #{result['id']}")


@fieldwork_app.command("duties")
def duties_command(
    remind_days: Annotated[
        int, typer.Option(help="Nhắc trước hạn (ngày) / remind this many days ahead")
    ] = 3,
    as_json: JsonOption = False,
) -> None:
    """Tỷ lệ hoàn thành các yêu cầu báo cáo (tổng hợp) / Completion of report duties
    (aggregate: how many answered, never who)."""
    d = desk()
    with d.sessions() as session:
        rows = duties.progress(session, EVERYTHING, today=_today(), remind_days=remind_days)
    if as_json:
        _echo_json([asdict(r) for r in rows])
        return
    table = Table(title="Yêu cầu báo cáo / Report duties")
    for header in ("#", "Địa bàn / Unit", "Chủ đề / Topic", "Hạn / Due", "Đã trả lời / Answered"):
        table.add_column(header)
    for r in rows:
        rate = (
            "—" if r.completion is None else f"{r.answered}/{r.collaborators} ({r.completion:.0%})"
        )
        flag = " ⚠" if r.overdue else (" ⏰" if r.remind else "")
        table.add_row(str(r.duty_id), r.unit_code, r.topic, r.due_on.isoformat() + flag, rate)
    console.print(table)


@fieldwork_app.command("coverage")
def coverage_command(as_json: JsonOption = False) -> None:
    """Số báo cáo theo địa bàn và tháng; ô nhỏ bị ẩn / Reports per unit and month; small
    cells suppressed."""
    d = desk()
    with d.sessions() as session:
        rows = duties.monthly_coverage(
            session, EVERYTHING, min_group_size=d.settings.min_group_size
        )
    if as_json:
        _echo_json([{"unit": u, "month": m, "reports": n} for u, m, n in rows])
        return
    table = Table(title="Báo cáo cơ sở theo tháng / Field reports per month")
    for header in ("Địa bàn / Unit", "Tháng / Month", "Báo cáo / Reports"):
        table.add_column(header)
    for unit, month, n in rows:
        table.add_row(unit, month, str(n) if n is not None else f"<{d.settings.min_group_size}")
    console.print(table)


@fieldwork_app.command("invite")
def invite_command(
    email: Annotated[str, typer.Option(help="E-mail người được mời / the invitee's e-mail")],
    unit: Annotated[
        list[str],
        typer.Option(help="Mã xã/phường hoặc tỉnh (lặp lại được) / unit code (repeatable)"),
    ],
    expires_days: Annotated[
        int, typer.Option(help="Số ngày đường dẫn còn dùng được / days the link works")
    ] = collaborators.DEFAULT_EXPIRES_DAYS,
    base_url: Annotated[
        str | None,
        typer.Option(help="Địa chỉ của desk / the desk's address (OPINIONDESK_BASE_URL)"),
    ] = None,
) -> None:
    """Tạo đường dẫn mời một lần cho cộng tác viên / Make a one-time invitation link for a
    collaborator (printed once; only its hash is stored)."""
    from opiniondesk.cases.settings import get_cases_settings

    d = desk()
    with _bad_input(), d.sessions.begin() as session:
        invitation = collaborators.invite(
            session,
            email=email,
            units=unit,
            expires_days=expires_days,
            now=utcnow(),
            supervisor=None,
        )
        units, expires = list(invitation.row.units), invitation.row.expires_at
    link = invitation.link(base_url or get_cases_settings().base_url)
    console.print(
        f"Địa bàn / units: {', '.join(units)}; hết hạn / expires: "
        f"{expires.astimezone(LOCAL_TZ):%d/%m/%Y %H:%M}",
        highlight=False,
    )
    typer.echo(link)


@fieldwork_app.command("remind")
def remind_command(
    today: Annotated[
        str | None, typer.Option(help="Ngày xét, YYYY-MM-DD / the day to act as (default today)")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Nhắc qua e-mail cộng tác viên chưa trả lời yêu cầu sắp đến hạn / E-mail collaborators
    who have not answered a duty due in 3 days or 1 day (once per reminder)."""
    from opiniondesk.cases.settings import get_cases_settings

    d = desk()
    with _bad_input():
        try:
            day = date.fromisoformat(today) if today else _today()
        except ValueError as exc:
            raise InputError(
                f"--today “{today}” không phải ngày YYYY-MM-DD. / --today “{today}” is not a "
                "YYYY-MM-DD date."
            ) from exc
        report = reminders.run_reminders(
            d.sessions, today=day, now=utcnow(), settings=get_cases_settings()
        )
    if as_json:
        _echo_json(asdict(report))
        return
    console.print(
        f"Nhắc mới / queued {report.queued}, đã gửi / sent {report.sent}, lỗi / failed "
        f"{report.failed}, đang chờ / waiting {report.waiting}"
    )
    if report.waiting and not get_cases_settings().mail_enabled:
        console.print(
            "Đặt OPINIONDESK_SMTP_HOST để gửi e-mail / set OPINIONDESK_SMTP_HOST to send."
        )


def register(app: typer.Typer) -> None:
    app.add_typer(fieldwork_app, name="fieldwork")
