"""Consultation pages.

Staff (/tham-van, consultations.manage): create a consultation, add seed statements, moderate
the statements participants submit, open and close it.
Public (/cong-khai/tham-van/…): take part — one statement at a time, agree / disagree / pass,
plain forms that work without JavaScript on a phone, submit your own statement — and the
results: the opinion map (one disc per group, never a person), each group's representative
statements, the consensus and the divisive statements, and when they were computed.

A participant is a random value in a cookie; only its keyed hash is stored. No page shows who
is in which group, and a group smaller than the minimum group size is not shown at all.
"""

from __future__ import annotations

import secrets
from datetime import timedelta, timezone
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from opiniondesk.accounts import audit
from opiniondesk.accounts.access import Action, can, require
from opiniondesk.accounts.principal import Principal
from opiniondesk.accounts.sessions import secure_cookies
from opiniondesk.accounts.units import resolve_unit
from opiniondesk.consultations import recompute, service
from opiniondesk.consultations import repository as repo
from opiniondesk.consultations.analysis import ConsultationAnalysis, StatementFigures
from opiniondesk.consultations.map_figure import HEIGHT, WIDTH, group_shapes
from opiniondesk.consultations.models import (
    Consultation,
    ConsultationStatus,
    Statement,
    StatementStatus,
)
from opiniondesk.consultations.ratelimit import (
    ADDRESS_STATEMENTS_PER_HOUR,
    ADDRESS_VOTES_PER_MINUTE,
    STATEMENTS_PER_HOUR,
    VOTES_PER_MINUTE,
    SlidingWindow,
    address_key,
)
from opiniondesk.errors import DeskError
from opiniondesk.storage.base import utcnow
from opiniondesk.web import portal
from opiniondesk.web.deps import SessionDep, SettingsDep, TemplatesDep, TranslatorDep
from opiniondesk.web.i18n import Translator

router = APIRouter()

Manager = Annotated[Principal, require(Action.consultations_manage)]
Visitor = Annotated[Principal | None, require(Action.public)]

PARTICIPANT_COOKIE = "opiniondesk_participant"
VIETNAM = timezone(timedelta(hours=7), "ICT")
SHOWN_STATEMENTS = 5


# ---- the participant's cookie ---------------------------------------------------------------


def _participant_cookie(request: Request) -> tuple[str, bool]:
    """(cookie value, freshly made?) — a random value; the server keeps only its keyed hash."""
    value = request.cookies.get(PARTICIPANT_COOKIE, "")
    if 20 <= len(value) <= 64:
        return value, False
    return secrets.token_urlsafe(24), True


def _remember(response: Response, value: str, fresh: bool, request: Request) -> Response:
    if fresh:
        response.set_cookie(
            PARTICIPANT_COOKIE,
            value,
            max_age=365 * 86400,
            path="/cong-khai/tham-van",
            httponly=True,
            samesite="lax",
            secure=secure_cookies(request, request.app.state.settings),
        )
    return response


def _admitted(
    request: Request, key: str, per_participant: SlidingWindow, per_address: SlidingWindow
) -> bool:
    """Per participant key, and looser per address: a client that drops its cookie gets a new
    key each time, but not a new address."""
    address = address_key(request.app.state.settings.secret_key, request.client)
    return per_participant.admit(key) and per_address.admit(address)


def _when(moment: Any) -> str:
    return f"{moment.astimezone(VIETNAM):%H:%M %d/%m/%Y}"


# ---- public: listing, participation ---------------------------------------------------------


def _portal_entries(session: Session, language: str) -> list[portal.PortalEntry]:
    t = Translator(language)
    return [
        portal.PortalEntry(
            title=c.title,
            url=f"/cong-khai/tham-van/{c.id}",
            when=c.opened_at or c.created_at,
            note=t(f"consultations_status_{c.status}"),
        )
        for c in repo.consultations(session, [ConsultationStatus.open, ConsultationStatus.closed])
    ][:20]


portal.register("consultations", _portal_entries)


@router.get("/cong-khai/tham-van", response_class=HTMLResponse)
def public_list(
    request: Request,
    _visitor: Visitor,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    rows = [
        {
            "id": c.id,
            "title": c.title,
            "status": t(f"consultations_status_{c.status}"),
            "open": c.status == ConsultationStatus.open,
        }
        for c in repo.consultations(session, [ConsultationStatus.open, ConsultationStatus.closed])
    ]
    context = {"t": t, "lang": t.language, "rows": rows}
    return templates.TemplateResponse(request, "consultations/public_list.html", context)


@router.get("/cong-khai/tham-van/{consultation_id:int}", response_class=HTMLResponse)
def participate_page(
    consultation_id: int,
    request: Request,
    _visitor: Visitor,
    session: SessionDep,
    settings: SettingsDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    consultation = service.get_public(session, consultation_id)
    cookie, fresh = _participant_cookie(request)
    key = service.participant_key(settings.secret_key, consultation.id, cookie)
    progress = service.next_statement(session, consultation, None if fresh else key)
    done = request.query_params.get("done", "")
    context = {
        "t": t,
        "lang": t.language,
        "consultation": consultation,
        "is_open": consultation.status == ConsultationStatus.open,
        "statement": progress.statement,
        "voted": progress.voted,
        "total": progress.total,
        "done": done if done in ("voted", "submitted", "limited") else "",
        "max_chars": service.MAX_STATEMENT_CHARS,
    }
    response = templates.TemplateResponse(request, "consultations/participate.html", context)
    return _remember(response, cookie, fresh, request)


def _schedule_recompute(
    request: Request, background: BackgroundTasks, consultation_id: int
) -> None:
    settings = request.app.state.settings
    background.add_task(
        recompute.recompute,
        request.app.state.session_factory,
        consultation_id,
        min_group_size=settings.min_group_size,
    )


@router.post("/cong-khai/tham-van/{consultation_id:int}/phieu")
def vote(
    consultation_id: int,
    request: Request,
    _visitor: Visitor,
    session: SessionDep,
    settings: SettingsDep,
    background: BackgroundTasks,
    statement_id: Annotated[int, Form()],
    choice: Annotated[str, Form()],
) -> Response:
    consultation = service.get_public(session, consultation_id)
    cookie, fresh = _participant_cookie(request)
    key = service.participant_key(settings.secret_key, consultation.id, cookie)
    target = f"/cong-khai/tham-van/{consultation.id}"
    if not _admitted(request, key, VOTES_PER_MINUTE, ADDRESS_VOTES_PER_MINUTE):
        response = RedirectResponse(f"{target}?done=limited#main", status_code=303)
        return _remember(response, cookie, fresh, request)
    service.vote(session, consultation, key_hash=key, statement_id=statement_id, choice=choice)
    _schedule_recompute(request, background, consultation.id)
    response = RedirectResponse(f"{target}?done=voted#main", status_code=303)
    return _remember(response, cookie, fresh, request)


@router.post("/cong-khai/tham-van/{consultation_id:int}/y-kien")
def submit_statement(
    consultation_id: int,
    request: Request,
    _visitor: Visitor,
    session: SessionDep,
    settings: SettingsDep,
    text: Annotated[str, Form(max_length=2000)],
) -> Response:
    consultation = service.get_public(session, consultation_id)
    cookie, fresh = _participant_cookie(request)
    key = service.participant_key(settings.secret_key, consultation.id, cookie)
    target = f"/cong-khai/tham-van/{consultation.id}"
    if not _admitted(request, key, STATEMENTS_PER_HOUR, ADDRESS_STATEMENTS_PER_HOUR):
        response = RedirectResponse(f"{target}?done=limited#main", status_code=303)
        return _remember(response, cookie, fresh, request)
    service.add_statement(session, consultation, text, by_participant=True)
    response = RedirectResponse(f"{target}?done=submitted#main", status_code=303)
    return _remember(response, cookie, fresh, request)


# ---- public: results -----------------------------------------------------------------------


def _fresh_analysis(
    session: Session, consultation: Consultation, k: int
) -> tuple[ConsultationAnalysis, Any] | None:
    """The newest run; recomputed here first when it is stale and old enough (the fallback
    when no worker and no recent vote did it)."""
    if recompute.due(session, consultation.id, utcnow()) and repo.vote_count(
        session, consultation.id
    ):
        service.analyse_now(session, consultation, min_group_size=k)
    return service.latest(session, consultation.id)


def _statement_row(figures: StatementFigures, text: str) -> dict[str, Any]:
    share = figures.agrees / figures.votes if figures.votes else 0.0
    return {
        "text": text,
        "votes": figures.votes,
        "agree": round(100 * share),
        "consensus": f"{figures.consensus:.2f}",
        "divisiveness": f"{figures.divisiveness:.2f}",
    }


@router.get("/cong-khai/tham-van/{consultation_id:int}/ket-qua", response_class=HTMLResponse)
def results_page(
    consultation_id: int,
    request: Request,
    _visitor: Visitor,
    session: SessionDep,
    settings: SettingsDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    consultation = service.get_public(session, consultation_id)
    k = settings.min_group_size
    found = _fresh_analysis(session, consultation, k)
    # only statements the public may read; figures only where enough people voted
    visible = {
        str(s.id): s.text
        for s in repo.statements(session, consultation.id, [StatementStatus.accepted])
    }
    context: dict[str, Any] = {
        "t": t,
        "lang": t.language,
        "consultation": consultation,
        "k": k,
        "analysis": None,
        "width": WIDTH,
        "height": HEIGHT,
    }
    if found is not None:
        analysis, run = found
        rows = {
            s.statement: s for s in analysis.statements if s.statement in visible and s.votes >= k
        }
        shown_groups = [g for g in analysis.groups if g.size >= k]
        groups = [
            {
                "number": g.index + 1,
                "size": g.size,
                "agree": [
                    {"text": visible[r.statement], "percent": round(100 * r.rate)}
                    for r in g.agree
                    if r.statement in rows and r.votes >= k
                ],
                "disagree": [
                    {"text": visible[r.statement], "percent": round(100 * r.rate)}
                    for r in g.disagree
                    if r.statement in rows and r.votes >= k
                ],
            }
            for g in shown_groups
        ]
        by_consensus = sorted(rows.values(), key=lambda s: (-s.consensus, s.statement))
        by_division = sorted(rows.values(), key=lambda s: (-s.divisiveness, s.statement))
        context["analysis"] = {
            "computed_at": _when(run.computed_at),
            "votes": run.vote_count,
            "participants": analysis.participants,
            "grouped": analysis.clustered,
            "groups": groups,
            "shapes": group_shapes(analysis.groups, k),
            "consensus": [
                _statement_row(s, visible[s.statement]) for s in by_consensus[:SHOWN_STATEMENTS]
            ],
            "divisive": [
                _statement_row(s, visible[s.statement])
                for s in by_division[:SHOWN_STATEMENTS]
                if len(shown_groups) >= 2 and s.divisiveness > 0
            ],
        }
    return templates.TemplateResponse(request, "consultations/results.html", context)


# ---- staff ---------------------------------------------------------------------------------


def _managed(session: Session, manager: Principal, consultation_id: int) -> Consultation:
    """The consultation, if `manager` may run consultations at its unit (else 403)."""
    consultation = service.get(session, consultation_id)
    if not can(manager, Action.consultations_manage, consultation.unit_code):
        action = Action.consultations_manage.value
        raise DeskError(
            f"{Translator('vi')('access_forbidden', action=action)} / "
            f"{Translator('en')('access_forbidden', action=action)} ({consultation.unit_code})",
            status=403,
        )
    return consultation


@router.get("/tham-van", response_class=HTMLResponse)
def staff_list(
    request: Request,
    manager: Manager,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    rows = [
        {
            "id": c.id,
            "title": c.title,
            "status": t(f"consultations_status_{c.status}"),
            "votes": repo.vote_count(session, c.id),
            "pending": repo.statement_counts(session, c.id).get(StatementStatus.pending, 0),
        }
        for c in repo.consultations(session)
        if can(manager, Action.consultations_manage, c.unit_code)
    ]
    context = {
        "t": t,
        "lang": t.language,
        "rows": rows,
        "units": sorted({g.unit_code for g in manager.grants}),
    }
    return templates.TemplateResponse(request, "consultations/staff_list.html", context)


@router.post("/tham-van")
def staff_create(
    request: Request,
    manager: Manager,
    session: SessionDep,
    title: Annotated[str, Form(max_length=1000)],
    unit_code: Annotated[str, Form(max_length=16)],
    question: Annotated[str, Form(max_length=5000)] = "",
) -> Response:
    unit = resolve_unit(unit_code).code
    if not can(manager, Action.consultations_manage, unit):
        raise DeskError(
            f"Bạn không được tạo tham vấn cho đơn vị {unit} / you may not create a consultation "
            f"for unit {unit}: choose one of your own units.",
            status=403,
        )
    consultation = service.create(
        session, title=title, question=question, unit_code=unit, created_by=manager.user_id
    )
    audit.record(
        session,
        actor=manager,
        action="consultation.create",
        object_type="consultation",
        object_id=consultation.id,
        request=request,
    )
    return RedirectResponse(f"/tham-van/{consultation.id}", status_code=303)


def _statement_view(s: Statement, t: Translator) -> dict[str, Any]:
    return {
        "id": s.id,
        "text": s.text,
        "status": t(f"consultations_statement_{s.status}"),
        "by_participant": s.submitted_by_participant,
    }


@router.get("/tham-van/{consultation_id:int}", response_class=HTMLResponse)
def staff_detail(
    consultation_id: int,
    request: Request,
    manager: Manager,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    consultation = _managed(session, manager, consultation_id)
    statements = repo.statements(session, consultation.id)
    context = {
        "t": t,
        "lang": t.language,
        "consultation": consultation,
        "status": t(f"consultations_status_{consultation.status}"),
        "pending": [
            _statement_view(s, t) for s in statements if s.status == StatementStatus.pending
        ],
        "accepted": [
            _statement_view(s, t) for s in statements if s.status == StatementStatus.accepted
        ],
        "rejected": [
            _statement_view(s, t) for s in statements if s.status == StatementStatus.rejected
        ],
        "votes": repo.vote_count(session, consultation.id),
        "participants": repo.participant_count(session, consultation.id),
        "max_chars": service.MAX_STATEMENT_CHARS,
    }
    return templates.TemplateResponse(request, "consultations/staff_detail.html", context)


@router.post("/tham-van/{consultation_id:int}/y-kien")
def staff_add_statement(
    consultation_id: int,
    request: Request,
    manager: Manager,
    session: SessionDep,
    text: Annotated[str, Form(max_length=2000)],
) -> Response:
    consultation = _managed(session, manager, consultation_id)
    statement = service.add_statement(session, consultation, text, by_participant=False)
    audit.record(
        session,
        actor=manager,
        action="consultation.statement.add",
        object_type="consultation_statement",
        object_id=statement.id,
        request=request,
    )
    return RedirectResponse(f"/tham-van/{consultation.id}#statements", status_code=303)


@router.post("/tham-van/{consultation_id:int}/y-kien/{statement_id:int}/duyet")
def staff_moderate(
    consultation_id: int,
    statement_id: int,
    request: Request,
    manager: Manager,
    session: SessionDep,
    decision: Annotated[str, Form()],
) -> Response:
    consultation = _managed(session, manager, consultation_id)
    if decision not in ("accept", "reject"):
        raise DeskError(
            f"Quyết định {decision!r} không hợp lệ: accept hoặc reject / decision {decision!r} "
            "is not valid: accept or reject.",
            status=422,
        )
    service.moderate(session, consultation, statement_id, accept=decision == "accept")
    audit.record(
        session,
        actor=manager,
        action=f"consultation.statement.{decision}",
        object_type="consultation_statement",
        object_id=statement_id,
        request=request,
    )
    return RedirectResponse(f"/tham-van/{consultation.id}#moderation", status_code=303)


@router.post("/tham-van/{consultation_id:int}/trang-thai")
def staff_status(
    consultation_id: int,
    request: Request,
    manager: Manager,
    session: SessionDep,
    status: Annotated[str, Form()],
) -> Response:
    consultation = _managed(session, manager, consultation_id)
    try:
        wanted = ConsultationStatus(status)
    except ValueError:
        raise DeskError(
            f"Trạng thái {status!r} không hợp lệ: draft, open hoặc closed / status {status!r} "
            "is not valid: draft, open or closed.",
            status=422,
        ) from None
    service.set_status(session, consultation, wanted)
    audit.record(
        session,
        actor=manager,
        action=f"consultation.{wanted.value}",
        object_type="consultation",
        object_id=consultation.id,
        request=request,
    )
    return RedirectResponse(f"/tham-van/{consultation.id}", status_code=303)
