"""`opiniondesk user …`: create users (the first admin too), list, grant, disable, reset a
password, and make API tokens. Every change is written to the audit log as done by the
command line."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.table import Table
from sqlalchemy.orm import Session

from opiniondesk.accounts import repository as repo
from opiniondesk.accounts import service
from opiniondesk.accounts.labels import format_moment
from opiniondesk.accounts.roles import Role
from opiniondesk.accounts.units import NATIONAL
from opiniondesk.cli.context import console, desk, err_console
from opiniondesk.errors import DeskError, InputError
from opiniondesk.storage.base import utcnow

user_app = typer.Typer(
    help="Người dùng, vai trò và mã truy cập API / Users, roles and API tokens.",
    no_args_is_help=True,
)
token_app = typer.Typer(
    help="Mã truy cập API (Authorization: Bearer) / API tokens.", no_args_is_help=True
)
user_app.add_typer(token_app, name="token")

Username = Annotated[str, typer.Option("--username", "-u", help="Tên đăng nhập / username")]
PasswordStdin = Annotated[
    bool,
    typer.Option(
        "--password-stdin",
        help="Đọc mật khẩu từ dòng đầu của stdin / read the password from stdin's first line",
    ),
]


@contextmanager
def _transaction() -> Iterator[Session]:
    """The command owns the transaction; a DeskError becomes a clear message and exit code 2."""
    try:
        with desk().sessions.begin() as session:
            yield session
    except DeskError as exc:
        err_console.print(f"[red]Lỗi / Error:[/] {exc.message}", highlight=False, markup=False)
        raise typer.Exit(2) from exc


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise InputError(
                "Không có mật khẩu trên stdin (--password-stdin). / No password on stdin."
            )
        return password
    if not sys.stdin.isatty():
        raise InputError(
            "Không có bàn phím để hỏi mật khẩu: dùng --password-stdin. / Not at a terminal: "
            "pass the password with --password-stdin."
        )
    first: str = typer.prompt("Mật khẩu / Password", hide_input=True)
    second: str = typer.prompt("Nhập lại / Repeat", hide_input=True)
    if first != second:
        raise InputError("Hai lần nhập không khớp. / The two passwords do not match.")
    return first


def _fail(exc: DeskError) -> typer.Exit:
    err_console.print(f"[red]Lỗi / Error:[/] {exc.message}", highlight=False, markup=False)
    return typer.Exit(2)


@user_app.command("create")
def create_command(
    username: Username,
    role: Annotated[Role, typer.Option("--role", "-r", help="Vai trò / role")],
    unit: Annotated[
        list[str] | None,
        typer.Option(
            "--unit",
            help=f"Mã tỉnh, xã hoặc {NATIONAL} (lặp lại được; admin mặc định {NATIONAL}) / "
            f"province or commune code, or {NATIONAL} (repeatable; admin defaults to "
            f"{NATIONAL})",
        ),
    ] = None,
    agency_id: Annotated[
        int | None, typer.Option(help="Cơ quan (vai trò agency) / agency id for `agency`")
    ] = None,
    password_stdin: PasswordStdin = False,
) -> None:
    """Tạo người dùng / Create a user (the first admin too)."""
    units = list(unit or ([NATIONAL] if role is Role.admin else []))
    try:
        if not units:
            raise InputError(
                f"Vai trò {role.value} cần --unit (mã tỉnh, mã xã hoặc {NATIONAL}). / The "
                f"{role.value} role needs --unit (a province or commune code, or {NATIONAL})."
            )
        password = _read_password(password_stdin)
    except DeskError as exc:
        raise _fail(exc) from exc
    grants = [service.GrantRequest(role, code, agency_id) for code in units]
    with _transaction() as session:
        user = service.create_user(
            session, username=username, password=password, grants=grants, actor=None
        )
    console.print(
        f"[green]✓[/] Đã tạo / Created: {user.username} ({role.value} @ {', '.join(units)})",
        highlight=False,
    )


@user_app.command("list")
def list_command(
    as_json: Annotated[bool, typer.Option("--json", help="In JSON / print JSON")] = False,
) -> None:
    """Liệt kê người dùng / List users with their roles and units."""
    with _transaction() as session:
        users = repo.users_with_memberships(session)
        rows = [
            {
                "username": user.username,
                "disabled": user.disabled,
                "created_at": user.created_at.isoformat(),
                "roles": [f"{m.role}@{m.unit_code}" for m in user.memberships],
            }
            for user in users
        ]
    if as_json:
        console.print_json(json.dumps(rows, ensure_ascii=False))
        return
    table = Table(title="Người dùng / Users")
    for header in ("Tên / Username", "Vai trò@đơn vị / Roles@units", "Trạng thái / Status"):
        table.add_column(header)
    for row in rows:
        status = "[red]đã khoá / disabled[/]" if row["disabled"] else "hoạt động / active"
        table.add_row(str(row["username"]), ", ".join(row["roles"]), status)  # type: ignore[arg-type]
    console.print(table)


def _set_disabled(username: str, disabled: bool) -> None:
    with _transaction() as session:
        user = service.get_user(session, username)
        service.set_disabled(session, user=user, disabled=disabled, now=utcnow(), actor=None)
    state = "khoá / disabled" if disabled else "mở khoá / enabled"
    console.print(f"[green]✓[/] {user.username}: {state}", highlight=False)


@user_app.command("disable")
def disable_command(username: Username) -> None:
    """Khoá người dùng (thu hồi mọi phiên và mã API) / Disable a user (ends sessions, tokens)."""
    _set_disabled(username, True)


@user_app.command("enable")
def enable_command(username: Username) -> None:
    """Mở khoá người dùng / Enable a user again."""
    _set_disabled(username, False)


@user_app.command("grant")
def grant_command(
    username: Username,
    role: Annotated[Role, typer.Option("--role", "-r", help="Vai trò / role")],
    unit: Annotated[str, typer.Option("--unit", help="Mã đơn vị / unit code")],
    agency_id: Annotated[int | None, typer.Option(help="Cơ quan / agency id")] = None,
) -> None:
    """Thêm vai trò tại một đơn vị / Grant a role at a unit."""
    with _transaction() as session:
        user = service.get_user(session, username)
        service.grant_role(
            session,
            user_id=user.id,
            grant=service.GrantRequest(role, unit, agency_id),
            actor=None,
        )
    console.print(f"[green]✓[/] {user.username}: +{role.value}@{unit}", highlight=False)


@user_app.command("password")
def password_command(username: Username, password_stdin: PasswordStdin = False) -> None:
    """Đặt lại mật khẩu (kết thúc mọi phiên) / Reset a password (ends every session)."""
    try:
        password = _read_password(password_stdin)
    except DeskError as exc:
        raise _fail(exc) from exc
    with _transaction() as session:
        user = service.get_user(session, username)
        service.reset_password(session, user=user, password=password, now=utcnow(), actor=None)
    console.print(f"[green]✓[/] {user.username}: mật khẩu mới / password reset", highlight=False)


@token_app.command("create")
def token_create_command(
    username: Username,
    name: Annotated[str, typer.Option(help="Tên gợi nhớ / a name to recognise it")] = "api",
    days: Annotated[
        int, typer.Option(min=0, max=3650, help="Hết hạn sau N ngày, 0 = không / expiry; 0 = never")
    ] = 90,
) -> None:
    """Tạo mã truy cập API; mã chỉ hiện một lần / Make an API token; it is shown only once."""
    with _transaction() as session:
        user = service.get_user(session, username)
        row, token = service.create_api_token(
            session, user=user, name=name, days=days or None, now=utcnow(), actor=None
        )
    err_console.print(
        f"[green]✓[/] Mã truy cập cho / API token for {user.username} "
        f"({row.prefix}…, {'không hết hạn / no expiry' if not days else f'{days} ngày / days'}). "
        "Chỉ hiện một lần, hãy lưu lại ngay. / Shown only once: store it now.",
        highlight=False,
    )
    # alone on stdout, so that TOKEN=$(opiniondesk user token create …) works
    typer.echo(token)


@token_app.command("list")
def token_list_command(username: Username) -> None:
    """Liệt kê mã truy cập của một người (không hiện mã) / List a user's tokens (not the
    tokens themselves)."""
    with _transaction() as session:
        user = service.get_user(session, username)
        tokens = repo.tokens_of(session, user.id)
    table = Table(title=f"Mã truy cập / API tokens: {user.username}")
    for header in (
        "Đầu mã / Prefix",
        "Tên / Name",
        "Tạo / Created",
        "Hết hạn / Expires",
        "Dùng lần cuối / Last used",
        "Trạng thái / Status",
    ):
        table.add_column(header)
    for token in tokens:
        table.add_row(
            token.prefix + "…",
            token.name,
            format_moment(token.created_at),
            format_moment(token.expires_at) if token.expires_at else "—",
            format_moment(token.last_used_at) if token.last_used_at else "—",
            "thu hồi / revoked" if token.revoked_at else "dùng được / live",
        )
    console.print(table)


@token_app.command("revoke")
def token_revoke_command(
    username: Username,
    prefix: Annotated[str, typer.Option(help="Đầu mã (xem token list) / prefix from token list")],
) -> None:
    """Thu hồi một mã truy cập / Revoke an API token."""
    with _transaction() as session:
        user = service.get_user(session, username)
        service.revoke_api_token(session, user=user, prefix=prefix, now=utcnow(), actor=None)
    console.print(f"[green]✓[/] {user.username}: {prefix}… thu hồi / revoked", highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")
