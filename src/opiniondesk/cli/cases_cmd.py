"""`opiniondesk agency …`, `opiniondesk case …`, `opiniondesk jobs run-once` and
`opiniondesk worker`: the case workflow from the command line.

Without `--by USERNAME` a command acts as the command line itself (trusted, audited as such);
with it, the person's roles are checked exactly as in the web desk.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from sqlalchemy.orm import Session

from opiniondesk.accounts import repository as accounts_repo
from opiniondesk.accounts.principal import AuthMethod, Principal
from opiniondesk.accounts.service import get_user
from opiniondesk.cases import access, actions, jobs, service
from opiniondesk.cases import repository as repo
from opiniondesk.cases.actions import Context
from opiniondesk.cases.deadlines import VIETNAM, local_day
from opiniondesk.cases.events import KIND_LABELS, EventKind
from opiniondesk.cases.models import Priority
from opiniondesk.cases.notify import Delivery
from opiniondesk.cases.settings import CasesSettings, get_cases_settings
from opiniondesk.cases.state import STATUS_LABELS, CaseStatus
from opiniondesk.cli.context import console, desk, err_console
from opiniondesk.errors import DeskError, InputError
from opiniondesk.storage.base import utcnow

agency_app = typer.Typer(help="Cơ quan trả lời / Answering agencies.", no_args_is_help=True)
case_app = typer.Typer(help="Vấn đề nổi cộm / Cases (pressing issues).", no_args_is_help=True)
jobs_app = typer.Typer(help="Việc định kỳ / Scheduled jobs.", no_args_is_help=True)

By = Annotated[
    str | None,
    typer.Option(
        "--by", help="Làm với tư cách người dùng này / act as this user (roles are checked)"
    ),
]
AsJson = Annotated[bool, typer.Option("--json", help="In JSON / print JSON")]
AgencyCode = Annotated[str, typer.Option("--agency", "-a", help="Mã cơ quan / agency code")]


def _fail(exc: DeskError) -> typer.Exit:
    err_console.print(f"Lỗi / Error: {exc.message}", highlight=False, markup=False, style="red")
    return typer.Exit(2)


@contextmanager
def _transaction() -> Iterator[Session]:
    """The command owns the transaction; a DeskError becomes a clear message and exit code 2."""
    try:
        with desk().sessions.begin() as session:
            yield session
    except DeskError as exc:
        raise _fail(exc) from exc


def _context(session: Session, by: str | None, now: datetime | None = None) -> Context:
    actor = None
    if by:
        user = get_user(session, by)
        actor = Principal(
            user.id, user.username, accounts_repo.grants_of(session, user.id), AuthMethod.system
        )
    return Context(actor=actor, now=now or utcnow(), settings=get_cases_settings())


def _deliver(settings: CasesSettings) -> None:
    """Send what the command just queued, so an assignment reaches the agency now."""
    delivery = jobs.deliver(desk().sessions, utcnow(), settings=settings)
    _print_delivery(delivery)


def _print_delivery(delivery: Delivery) -> None:
    if delivery.sent or delivery.failed:
        console.print(
            f"E-mail: đã gửi / sent {delivery.sent}, lỗi / failed {delivery.failed}",
            highlight=False,
        )
    if delivery.waiting:
        console.print(
            f"[yellow]{delivery.waiting} e-mail đang chờ gửi (cấu hình OPINIONDESK_SMTP_HOST) / "
            f"{delivery.waiting} e-mails waiting (configure OPINIONDESK_SMTP_HOST)[/]"
        )


def _agency_id(session: Session, code: str) -> int:
    return service.get_agency(session, code).id


def _status(status: CaseStatus) -> str:
    vi, en = STATUS_LABELS[status]
    return f"{vi} / {en}"


# ---- agencies ------------------------------------------------------------------------------


@agency_app.command("add")
def agency_add(
    code: Annotated[str, typer.Option(help="Mã ngắn, vd. so-nnmt-79 / short code")],
    name: Annotated[str, typer.Option(help="Tên cơ quan / agency name")],
    unit: Annotated[str, typer.Option(help="Mã tỉnh hoặc xã 2025 / 2025 province or commune")],
    email: Annotated[str, typer.Option(help="Hộp thư cơ quan / the agency's inbox")] = "",
) -> None:
    """Thêm cơ quan trả lời / Add an answering agency."""
    with _transaction() as session:
        agency = service.add_agency(
            session, code=code, name=name, unit_code=unit, email=email, actor=None
        )
        agency_id = agency.id
    console.print(
        f"[green]✓[/] #{agency_id} {code}: {name}. Tài khoản trả lời / responder account: "
        f"opiniondesk user create --role agency --unit {unit} --agency-id {agency_id} …",
        highlight=False,
    )


@agency_app.command("leader-inbox")
def agency_leader_inbox(
    unit: Annotated[str, typer.Option(help="Mã tỉnh hoặc xã / province or commune code")],
    email: Annotated[str, typer.Option(help="Hộp thư lãnh đạo / leaders' inbox")],
) -> None:
    """Hộp thư lãnh đạo nhận báo quá hạn, câu trả lời chờ duyệt / The leaders' inbox of a
    unit: escalations and answers awaiting approval go there."""
    with _transaction() as session:
        added = service.add_leader_inbox(session, unit_code=unit, email=email, actor=None)
    console.print("[green]✓[/] Đã thêm / Added" if added else "Đã có / Already there")


@agency_app.command("list")
def agency_list(as_json: AsJson = False) -> None:
    """Danh sách cơ quan và hộp thư lãnh đạo / Agencies and leaders' inboxes."""
    with desk().sessions() as session:
        agencies = repo.agencies(session)
        inboxes = repo.inboxes(session)
    rows = [
        {"id": a.id, "code": a.code, "name": a.name, "unit": a.unit_code, "email": a.email}
        for a in agencies
    ]
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "agencies": rows,
                    "leader_inboxes": [{"unit": i.unit_code, "email": i.email} for i in inboxes],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    table = Table(title="Cơ quan trả lời / Agencies")
    for header in ("#", "Mã / Code", "Tên / Name", "Đơn vị / Unit", "E-mail"):
        table.add_column(header)
    for row in rows:
        table.add_row(*(str(row[k]) for k in ("id", "code", "name", "unit", "email")))
    console.print(table)
    for inbox in inboxes:
        console.print(f"Hộp thư lãnh đạo / leaders' inbox {inbox.unit_code}: {inbox.email}")


@agency_app.command("table")
def agency_table_command(as_json: AsJson = False) -> None:
    """Bảng theo cơ quan: nhận, trả lời, đúng hạn, trung vị ngày, quá hạn / Per-agency table."""
    with desk().sessions() as session:
        settings = get_cases_settings()
        ctx = Context(actor=None, now=utcnow(), settings=settings)
        rows = service.agency_performance(session, now=ctx.now, calendar=ctx.calendar)
    if as_json:
        data = [row.__dict__ | {"on_time_share": row.on_time_share} for row in rows]
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    table = Table(title="Kết quả trả lời theo cơ quan / Answers by agency")
    for header in (
        "Cơ quan / Agency",
        "Nhận / Received",
        "Đã trả lời / Answered",
        "Đúng hạn / On time",
        "Trung vị (ngày LV) / Median (working days)",
        "Đang quá hạn / Overdue now",
    ):
        table.add_column(header, justify="left" if header.startswith("Cơ") else "right")
    for row in rows:
        share = row.on_time_share
        table.add_row(
            row.name,
            str(row.received),
            str(row.answered),
            f"{share:.0%} ({row.answered_on_time}/{row.due})" if share is not None else "–",
            f"{row.median_working_days:g}" if row.median_working_days is not None else "–",
            f"[red]{row.overdue_now}[/]" if row.overdue_now else "0",
        )
    console.print(table)


# ---- cases ---------------------------------------------------------------------------------


@case_app.command("open")
def case_open(
    title: Annotated[str, typer.Option(help="Tiêu đề / title")],
    unit: Annotated[str, typer.Option(help="Mã tỉnh hoặc xã 2025 / 2025 province or commune")] = "",
    summary: Annotated[str, typer.Option(help="Tóm tắt / summary")] = "",
    topic: Annotated[str, typer.Option(help="Mã chủ đề / topic code")] = "",
    priority: Annotated[Priority, typer.Option(help="Mức ưu tiên / priority")] = Priority.normal,
    document: Annotated[
        list[int] | None, typer.Option(help="Mã tài liệu làm bằng chứng (lặp lại) / document id")
    ] = None,
    alert: Annotated[
        int | None, typer.Option(help="Mở từ cảnh báo (lấy đơn vị, chủ đề, bằng chứng) / alert")
    ] = None,
    propose: Annotated[
        list[str] | None, typer.Option(help="Cơ quan đề xuất (mã, lặp lại) / proposed agency")
    ] = None,
    by: By = None,
) -> None:
    """Mở vấn đề / Open a case (from an alert, documents, or a field report)."""
    with _transaction() as session:
        ctx = _context(session, by)
        documents = list(document or [])
        topic_code, unit_code = topic, unit
        if alert is not None:
            draft = service.draft_from_alert(session, alert)
            documents = documents or list(draft.document_ids)
            topic_code, unit_code = topic or draft.topic_code, unit or draft.unit_code
        if not unit_code:
            raise _fail(InputError("Cần --unit hoặc --alert. / Give --unit or --alert."))
        access.check_open(ctx.actor, service.case_unit(unit_code).code)
        case = service.open_case(
            session,
            title=title,
            summary=summary,
            unit_code=unit_code,
            topic_code=topic_code,
            priority=priority,
            document_ids=documents,
            alert_id=alert,
            proposed_agency_ids=[_agency_id(session, code) for code in propose or []],
            now=ctx.now,
            actor=ctx.actor,
        )
        case_id = case.id
    console.print(f"[green]✓[/] Vấn đề / Case #{case_id}", highlight=False)


@case_app.command("assign")
def case_assign(
    case_id: Annotated[int, typer.Argument(help="Mã vấn đề / case id")],
    agency: Annotated[
        list[str], typer.Option("--agency", "-a", help="Mã cơ quan (lặp lại) / agency")
    ],
    days: Annotated[
        int | None, typer.Option(help="Số ngày làm việc (mặc định 5) / working days (default 5)")
    ] = None,
    by: By = None,
) -> None:
    """Giao vấn đề cho cơ quan với hạn theo ngày làm việc / Assign with a working-day deadline."""
    with _transaction() as session:
        ctx = _context(session, by)
        done = [
            actions.assign(
                session,
                ctx,
                case_id=case_id,
                agency_id=_agency_id(session, code),
                working_days=days,
            )
            for code in agency
        ]
    for recorded, code in zip(done, agency, strict=True):
        payload = recorded.event.payload
        console.print(f"[green]✓[/] #{case_id} → {code}: hạn / due {payload['deadline']}")
    _deliver(ctx.settings)


@case_app.command("answer")
def case_answer(
    case_id: Annotated[int, typer.Argument(help="Mã vấn đề / case id")],
    agency: AgencyCode,
    text: Annotated[str, typer.Option(help="Câu trả lời / the answer")] = "",
    text_file: Annotated[
        Path | None, typer.Option(help="Đọc câu trả lời từ tệp / read the answer from a file")
    ] = None,
    by: By = None,
) -> None:
    """Cơ quan trả lời / An agency answers."""
    with _transaction() as session:
        body = text_file.read_text(encoding="utf-8") if text_file else text
        ctx = _context(session, by)
        actions.answer(
            session, ctx, case_id=case_id, agency_id=_agency_id(session, agency), text=body
        )
    console.print(f"[green]✓[/] #{case_id}: đã ghi câu trả lời / answer recorded")
    _deliver(ctx.settings)


@case_app.command("extend")
def case_extend(
    case_id: Annotated[int, typer.Argument(help="Mã vấn đề / case id")],
    agency: AgencyCode,
    days: Annotated[
        int, typer.Option(help="Đề nghị thêm số ngày làm việc / ask for more working days")
    ] = 0,
    reason: Annotated[str, typer.Option(help="Lý do / reason")] = "",
    grant: Annotated[bool, typer.Option("--grant", help="Đồng ý gia hạn / grant it")] = False,
    until: Annotated[
        datetime | None,
        typer.Option(formats=["%Y-%m-%d"], help="Hạn mới khi đồng ý / new deadline when granting"),
    ] = None,
    by: By = None,
) -> None:
    """Đề nghị (--days, --reason) hoặc đồng ý (--grant) gia hạn / Ask for or grant more time."""
    with _transaction() as session:
        ctx = _context(session, by)
        agency_id = _agency_id(session, agency)
        if grant:
            recorded = actions.grant_extension(
                session,
                ctx,
                case_id=case_id,
                agency_id=agency_id,
                deadline=until.date() if until else None,
            )
            message = f"hạn mới / new deadline {recorded.event.payload['deadline']}"
        else:
            if days < 1 or not reason.strip():
                raise _fail(
                    InputError(
                        "Đề nghị gia hạn cần --days và --reason (hoặc --grant để đồng ý). / An "
                        "extension request needs --days and --reason (or --grant to grant one)."
                    )
                )
            recorded = actions.request_extension(
                session,
                ctx,
                case_id=case_id,
                agency_id=agency_id,
                extra_working_days=days,
                reason=reason,
            )
            message = f"đề nghị đến / asked until {recorded.event.payload['requested_deadline']}"
    console.print(f"[green]✓[/] #{case_id} {agency}: {message}")
    _deliver(ctx.settings)


@case_app.command("approve")
def case_approve(
    case_id: Annotated[int, typer.Argument(help="Mã vấn đề / case id")],
    title: Annotated[str | None, typer.Option(help="Tiêu đề công bố / public title")] = None,
    summary: Annotated[str | None, typer.Option(help="Tóm tắt công bố / public summary")] = None,
    agency: Annotated[
        list[str] | None,
        typer.Option("--agency", "-a", help="Chỉ công bố các câu trả lời này / only these answers"),
    ] = None,
    by: By = None,
) -> None:
    """Lãnh đạo duyệt nội dung công bố / A leader approves what will be published."""
    with _transaction() as session:
        ctx = _context(session, by)
        ids = [_agency_id(session, code) for code in agency or []]
        recorded = actions.approve(
            session, ctx, case_id=case_id, title=title, summary=summary, agency_ids=ids or None
        )
        public_title = recorded.event.payload["title"]
    console.print(f"[green]✓[/] #{case_id} đã duyệt / approved: “{public_title}”", highlight=False)


@case_app.command("publish")
def case_publish(
    case_id: Annotated[int, typer.Argument(help="Mã vấn đề / case id")], by: By = None
) -> None:
    """Công bố câu trả lời đã duyệt / Publish the approved answers."""
    with _transaction() as session:
        ctx = _context(session, by)
        actions.publish(session, ctx, case_id=case_id)
    console.print(f"[green]✓[/] {ctx.public_link(case_id)}")
    _deliver(ctx.settings)


@case_app.command("close")
def case_close(
    case_id: Annotated[int, typer.Argument(help="Mã vấn đề / case id")],
    reason: Annotated[str, typer.Option(help="Lý do / reason")] = "",
    by: By = None,
) -> None:
    """Đóng vấn đề / Close a case."""
    with _transaction() as session:
        actions.close(session, _context(session, by), case_id=case_id, reason=reason)
    console.print(f"[green]✓[/] #{case_id} đã đóng / closed")


def _case_json(view: service.CaseView, names: dict[int, str]) -> dict[str, Any]:
    state = view.state
    return {
        "id": view.case.id,
        "title": view.case.title,
        "summary": view.case.summary,
        "unit": view.case.unit_code,
        "topic": view.case.topic_code,
        "priority": view.case.priority,
        "status": state.status.value,
        "evidence": len(view.evidence),
        "assignments": [
            {
                "agency": names.get(a.agency_id, str(a.agency_id)),
                "agency_id": a.agency_id,
                "deadline": a.deadline.isoformat(),
                "answered_on": a.answered_on.isoformat() if a.answered_on else None,
                "overdue": a.overdue(utcnow()) and state.accepts_answers,
            }
            for a in state.assignments
        ],
        "events": [
            {
                "id": e.id,
                "kind": e.kind,
                "at": e.at.astimezone(VIETNAM).isoformat(timespec="minutes"),
                "actor_id": e.actor_id,
                "payload": e.payload,
            }
            for e in view.events
        ],
    }


@case_app.command("show")
def case_show(
    case_id: Annotated[int, typer.Argument(help="Mã vấn đề / case id")], as_json: AsJson = False
) -> None:
    """Xem vấn đề và nhật ký sự kiện / Show a case with its event log."""
    try:
        with desk().sessions() as session:
            view = service.view_case(session, case_id)
            names = {a.id: a.name for a in repo.agencies(session)}
            users = accounts_repo.usernames_by_id(
                session, [e.actor_id for e in view.events if e.actor_id is not None]
            )
    except DeskError as exc:
        raise _fail(exc) from exc
    data = _case_json(view, names)
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    console.print(f"[bold]#{case_id} {view.case.title}[/]", highlight=False)
    console.print(
        f"{_status(view.state.status)} · {view.case.unit_code} · {view.case.priority} · "
        f"{len(view.evidence)} bằng chứng / evidence",
        highlight=False,
    )
    if view.case.summary:
        console.print(view.case.summary, highlight=False)
    for a in data["assignments"]:
        late = " [red]quá hạn / overdue[/]" if a["overdue"] else ""
        console.print(
            f"  → {a['agency']}: hạn / due {a['deadline']}, trả lời / answered "
            f"{a['answered_on'] or '–'}{late}",
            highlight=False,
        )
    table = Table(title="Nhật ký / Event log")
    for header in ("Lúc / At (UTC+7)", "Sự kiện / Event", "Ai / Who", "Chi tiết / Details"):
        table.add_column(header)
    for event in view.events:
        vi, en = KIND_LABELS[EventKind(event.kind)]
        who = users.get(event.actor_id, "") if event.actor_id else "hệ thống / desk"
        details = {k: v for k, v in event.payload.items() if k != "agency_id"}
        if event.agency_id:
            details = {"agency": names.get(event.agency_id, event.agency_id), **details}
        table.add_row(
            event.at.astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M"),
            f"{vi} / {en}",
            who,
            "; ".join(f"{k}: {str(v)[:80]}" for k, v in details.items()),
        )
    console.print(table)


@case_app.command("list")
def case_list(
    status: Annotated[
        CaseStatus | None, typer.Option(help="Lọc theo trạng thái / filter by status")
    ] = None,
    agency: Annotated[str | None, typer.Option(help="Lọc theo cơ quan / by agency")] = None,
    overdue: Annotated[bool, typer.Option(help="Chỉ vấn đề quá hạn / overdue only")] = False,
    as_json: AsJson = False,
) -> None:
    """Danh sách vấn đề / List cases."""
    try:
        with desk().sessions() as session:
            agency_id = _agency_id(session, agency) if agency else None
            views = service.views_of(session, repo.cases(session, agency_id=agency_id))
            names = {a.id: a.name for a in repo.agencies(session)}
    except DeskError as exc:
        raise _fail(exc) from exc
    now = utcnow()
    views = [
        v
        for v in views
        if (status is None or v.state.status is status)
        and (not overdue or any(a.overdue(now) for a in v.state.open_assignments()))
    ]
    if as_json:
        typer.echo(json.dumps([_case_json(v, names) for v in views], ensure_ascii=False, indent=2))
        return
    table = Table(title=f"Vấn đề / Cases ({len(views)})")
    for header in ("#", "Trạng thái / Status", "Đơn vị / Unit", "Tiêu đề / Title", "Hạn / Due"):
        table.add_column(header)
    for v in views:
        due = ", ".join(
            f"{names.get(a.agency_id, a.agency_id)}: {a.deadline:%d/%m}"
            + (" ⚠" if a.overdue(now) else "")
            for a in v.state.open_assignments()
        )
        table.add_row(str(v.case.id), _status(v.state.status), v.case.unit_code, v.case.title, due)
    console.print(table)


# ---- jobs ----------------------------------------------------------------------------------


@jobs_app.command("run-once")
def jobs_run_once() -> None:
    """Chạy ngay nhắc hạn, báo quá hạn và gửi e-mail / Run reminders, escalations and e-mail
    now (the worker does this every OPINIONDESK_CASE_JOBS_EVERY_MINUTES)."""
    moment = utcnow()
    settings = get_cases_settings()
    try:
        report = jobs.run_case_jobs(desk().sessions, moment, settings=settings)
    except DeskError as exc:
        raise _fail(exc) from exc
    console.print(
        f"[green]✓[/] {local_day(moment):%d/%m/%Y}: nhắc hạn / reminders {report.reminders}, "
        f"báo quá hạn / escalations {report.escalations}"
    )
    _print_delivery(report.delivery)


def worker_command(
    workers: Annotated[int | None, typer.Option(help="Số luồng / worker threads")] = None,
) -> None:
    """Chạy hàng đợi việc nền (Huey) / Run the background job consumer (Huey): reminders,
    escalations and e-mails on schedule. Ctrl+C to stop."""
    from opiniondesk.cases.tasks import get_tasks

    settings = get_cases_settings()
    try:
        tasks = get_tasks()
    except DeskError as exc:
        raise _fail(exc) from exc
    console.print(
        f"Hàng đợi / queue: {type(tasks.huey).__name__}; việc định kỳ mỗi / jobs every "
        f"{settings.case_jobs_every_minutes} phút / min. Ctrl+C để dừng / to stop."
    )
    consumer = tasks.huey.create_consumer(workers=workers or settings.huey_workers, periodic=True)
    consumer.run()


def register(app: typer.Typer) -> None:
    app.add_typer(agency_app, name="agency")
    app.add_typer(case_app, name="case")
    app.add_typer(jobs_app, name="jobs")
    app.command("worker")(worker_command)
