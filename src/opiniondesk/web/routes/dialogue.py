"""Dialogue sessions on the web: the public session page with its question form
(/cong-khai/doi-thoai/{id}), and the staff pages under /doi-thoai — sessions, moderation, the
run-of-show screen (tablet-sized buttons, plain forms, no script needed) and the minute."""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Depends, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from opiniondesk.accounts import audit
from opiniondesk.accounts.access import Action, can, require
from opiniondesk.accounts.principal import Principal
from opiniondesk.cases import repository as case_repo
from opiniondesk.cases.actions import Context
from opiniondesk.cases.deadlines import VIETNAM, local_day
from opiniondesk.cases.service import case_unit
from opiniondesk.dialogue import (
    commitments,
    feed,
    importer,
    intake,
    labels,
    moderation,
    sessions,
    show,
)
from opiniondesk.dialogue import repository as repo
from opiniondesk.dialogue.intake import Contact, Outcome
from opiniondesk.dialogue.minute import minute_docx
from opiniondesk.dialogue.models import DialogueSession, GroupState, Medium, Source
from opiniondesk.dialogue.sessions import Phase, SessionDraft
from opiniondesk.errors import DeskError, InputError, NotFoundError
from opiniondesk.open311.settings import Open311Settings
from opiniondesk.pipeline.feeder import app_feeder
from opiniondesk.reports.office import OfficeSettings
from opiniondesk.storage.base import utcnow
from opiniondesk.web import portal
from opiniondesk.web.deps import SessionDep, SettingsDep, TemplatesDep, TranslatorDep
from opiniondesk.web.i18n import Translator
from opiniondesk.web.routes.cases import cases_settings

router = APIRouter()

Visitor = Annotated[Principal | None, require(Action.public)]
Manager = Annotated[Principal, require(Action.dialogue_manage)]
ShortField = Annotated[str, Form(max_length=500)]
LongField = Annotated[str, Form(max_length=20_000)]
BROWSER_COOKIE = "opiniondesk_asker"
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
DONE = {o.value for o in Outcome} | {
    "supported",
    "counted",
    "saved",
    "imported",
    "merged",
    "split",
    "renamed",
    "rejected",
    "declined",
    "published",
    "hidden",
}


# ---- shared ---------------------------------------------------------------------------------


def _page(
    request: Request,
    templates: TemplatesDep,
    t: Translator,
    name: str,
    status: int = 200,
    **extra: Any,
) -> Response:
    context = {"t": t, "lang": t.language, **extra}
    return templates.TemplateResponse(request, name, context, status_code=status)


def _parse_moment(value: str, field: str, t: Translator) -> datetime:
    try:
        local = datetime.fromisoformat(value.strip())
    except ValueError:
        raise InputError(
            t("dialogue_bad_time", field=t(f"dialogue_field_{field}"), value=value[:30])
        ) from None
    return (local.replace(tzinfo=VIETNAM) if local.tzinfo is None else local).astimezone(UTC)


def _audit(
    session: Session,
    request: Request,
    actor: Principal,
    action: str,
    object_type: str,
    object_id: int,
    **details: object,
) -> None:
    """Staff writes go to the audit log. Citizens' submissions do not: the log keeps the
    address, and a question must never be traceable to the person who asked it."""
    audit.record(
        session,
        actor=actor,
        action=f"dialogue.{action}",
        object_type=object_type,
        object_id=object_id,
        request=request,
        details=details,
    )


def _done(request: Request) -> str:
    """The notice to show after a write (?done=…), if it is one the pages know."""
    done = request.query_params.get("done", "")
    return done if done in DONE else ""


# ---- public ---------------------------------------------------------------------------------


def _browser_key(request: Request) -> tuple[str, bool]:
    key = request.cookies.get(BROWSER_COOKIE, "")
    if 20 <= len(key) <= 64:
        return key, False
    return intake.new_browser_key(), True


def _remember(response: Response, key: str, fresh: bool, request: Request) -> Response:
    if fresh:
        response.set_cookie(
            BROWSER_COOKIE,
            key,
            max_age=180 * 86400,
            httponly=True,
            samesite="lax",
            secure=request.url.scheme == "https",
        )
    return response


def _public_page(
    request: Request,
    session: Session,
    templates: TemplatesDep,
    t: Translator,
    dialogue: DialogueSession,
    k: int,
    *,
    status: int = 200,
    message: str | None = None,
    form: dict[str, str] | None = None,
) -> Response:
    now = utcnow()
    key, fresh = _browser_key(request)
    response = _page(
        request,
        templates,
        t,
        "dialogue/public.html",
        status=status,
        s=labels.session_row(dialogue, t, now),
        groups=labels.public_groups(session, dialogue, k),
        commitments=labels.commitment_rows(session, dialogue, t),
        k=k,
        done=_done(request),
        message=message,
        form=form or {"text": "", "name": "", "phone": "", "email": ""},
    )
    return _remember(response, key, fresh, request)


@router.get("/cong-khai/doi-thoai", response_class=HTMLResponse)
def public_sessions(
    request: Request,
    _visitor: Visitor,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    """Every session: those taking questions or still to come first, then those held."""
    now = utcnow()
    rows = [labels.session_row(d, t, now) for d in repo.sessions(session, limit=200)]
    upcoming = sorted(
        (r for r in rows if r["phase"] != Phase.past.value), key=lambda r: r["starts_sort"]
    )
    held = [r for r in rows if r["phase"] == Phase.past.value]
    return _page(request, templates, t, "dialogue/public_list.html", upcoming=upcoming, held=held)


@router.get("/cong-khai/doi-thoai/{session_id}", response_class=HTMLResponse)
def public_session(
    request: Request,
    session_id: int,
    _visitor: Visitor,
    session: SessionDep,
    settings: SettingsDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    dialogue = sessions.get(session, session_id)
    return _public_page(request, session, templates, t, dialogue, settings.min_group_size)


def _client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _feed_later(
    request: Request, background: BackgroundTasks, session: Session, dialogue: DialogueSession
) -> None:
    """After the response (hence after the commit), feed the session's questions to the text
    pipeline as channel `dialogue`; what was fed before is skipped by its external id."""
    items = feed.question_items(session, dialogue)
    feeder = app_feeder(request, kind=feed.KIND, channel_name=feed.CHANNEL_NAME, source=feed.SOURCE)
    background.add_task(feeder.feed, items)


@router.post("/cong-khai/doi-thoai/{session_id}/hoi", response_class=HTMLResponse)
def public_ask(
    request: Request,
    session_id: int,
    _visitor: Visitor,
    background: BackgroundTasks,
    session: SessionDep,
    settings: SettingsDep,
    t: TranslatorDep,
    templates: TemplatesDep,
    text: LongField = "",
    name: ShortField = "",
    phone: ShortField = "",
    email: ShortField = "",
    consent: ShortField = "",
) -> Response:
    dialogue = sessions.get(session, session_id)
    form = {"text": text, "name": name, "phone": phone, "email": email}
    key, fresh = _browser_key(request)
    now = utcnow()
    try:
        if sessions.phase(dialogue, now) != Phase.intake:
            raise DeskError(t("dialogue_intake_closed"), status=409)
        contact = Contact(name=name, phone=phone, email=email)
        if contact.given and consent != "yes":
            raise InputError(t("dialogue_consent_needed"))
        intake.check_rate(
            session,
            secret_key=settings.secret_key,
            browser_key=key,
            ip=_client_ip(request),
            now=now,
        )
        person = (
            intake.person_from_contact(settings.secret_key, contact)
            if contact.given
            else intake.person_from_browser(settings.secret_key, key)
        )
        asked = intake.ask(
            session,
            dialogue,
            text=text,
            source=Source.web,
            person_key=person,
            now=now,
            contact=contact if contact.given else None,
            # one retention rule for citizens' contacts, whichever channel took them
            contact_retention=timedelta(days=Open311Settings().contact_retention_days),
        )
        if asked.outcome == Outcome.duplicate:
            intake.support(session, asked.group_id, person, now)
    except DeskError as error:
        # the rate-limit row stays: a refused flood still counts against the window
        return _public_page(
            request,
            session,
            templates,
            t,
            dialogue,
            settings.min_group_size,
            status=error.status,
            message=error.message,
            form=form,
        )
    if asked.outcome != Outcome.duplicate:
        session.flush()
        _feed_later(request, background, session, dialogue)
    response = RedirectResponse(
        f"/cong-khai/doi-thoai/{dialogue.id}?done={asked.outcome.value}#done", status_code=303
    )
    return _remember(response, key, fresh, request)


@router.post("/cong-khai/doi-thoai/{session_id}/ung-ho/{group_id}")
def public_support(
    request: Request,
    session_id: int,
    group_id: int,
    _visitor: Visitor,
    session: SessionDep,
    settings: SettingsDep,
    t: TranslatorDep,
) -> Response:
    dialogue = sessions.get(session, session_id)
    if sessions.phase(dialogue, utcnow()) != Phase.intake:
        raise DeskError(t("dialogue_intake_closed"), status=409)
    if not moderation.live_group(session, dialogue.id, group_id).published:
        raise NotFoundError(t("dialogue_group_not_public", id=group_id))
    key, fresh = _browser_key(request)
    person = intake.person_from_browser(settings.secret_key, key)
    added = intake.support(session, group_id, person, utcnow())
    done = "supported" if added else "counted"
    response = RedirectResponse(
        f"/cong-khai/doi-thoai/{dialogue.id}?done={done}#done", status_code=303
    )
    return _remember(response, key, fresh, request)


def _portal_entries(session: Session, language: str) -> list[portal.PortalEntry]:
    t = Translator(language)
    now = utcnow()
    return [
        portal.PortalEntry(
            title=d.title,
            url=f"/cong-khai/doi-thoai/{d.id}",
            when=d.starts_at,
            note=t(f"dialogue_phase_{sessions.phase(d, now).value}"),
        )
        for d in repo.sessions(session, limit=20)
    ]


portal.register("sessions", _portal_entries)


# ---- staff: sessions ------------------------------------------------------------------------


def _managed(
    session: Session, manager: Principal, session_id: int, t: Translator
) -> DialogueSession:
    dialogue = sessions.get(session, session_id)
    if not any(can(manager, Action.dialogue_manage, code) for code in sessions.unit_list(dialogue)):
        raise DeskError(t("access_forbidden", action=Action.dialogue_manage.value), status=403)
    return dialogue


def _check_units(manager: Principal, draft: SessionDraft, t: Translator) -> None:
    """Staff may hold a session only over units they manage, every one of them."""
    # an unknown code is bad input (422) before it is a question of rights (403)
    codes = [case_unit(code).code for code in draft.unit_codes.replace(",", " ").split()]
    if not all(can(manager, Action.dialogue_manage, code) for code in codes):
        raise DeskError(t("dialogue_unit_not_yours"), status=403)


def _draft(form: dict[str, str], t: Translator) -> SessionDraft:
    return SessionDraft(
        title=form["title"],
        description=form["description"],
        starts_at=_parse_moment(form["starts_at"], "starts_at", t),
        ends_at=_parse_moment(form["ends_at"], "ends_at", t),
        intake_opens_at=_parse_moment(form["intake_opens_at"], "intake_opens_at", t),
        intake_closes_at=_parse_moment(form["intake_closes_at"], "intake_closes_at", t),
        medium=form["medium"],
        unit_codes=form["unit_codes"],
        leaders=form["leaders"],
    )


def _list_page(
    request: Request,
    session: Session,
    templates: TemplatesDep,
    t: Translator,
    manager: Principal,
    *,
    form: dict[str, str] | None = None,
    message: str | None = None,
    status: int = 200,
) -> Response:
    now = utcnow()
    rows = [
        labels.session_row(d, t, now)
        for d in repo.sessions(session)
        if any(can(manager, Action.dialogue_manage, c) for c in sessions.unit_list(d))
    ]
    return _page(
        request,
        templates,
        t,
        "dialogue/sessions.html",
        status=status,
        sessions=rows,
        form=form or labels.draft_form(None),
        message=message,
        media=[m.value for m in Medium],
        editing=None,
    )


@router.get("/doi-thoai", response_class=HTMLResponse)
def session_list(
    request: Request,
    manager: Manager,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    return _list_page(request, session, templates, t, manager)


def _session_form(
    title: ShortField = "",
    description: LongField = "",
    starts_at: ShortField = "",
    ends_at: ShortField = "",
    intake_opens_at: ShortField = "",
    intake_closes_at: ShortField = "",
    medium: ShortField = "hall",
    unit_codes: ShortField = "",
    leaders: LongField = "",
) -> dict[str, str]:
    """The session form as typed (create and edit share it), kept whole to refill the page."""
    return {
        "title": title,
        "description": description,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "intake_opens_at": intake_opens_at,
        "intake_closes_at": intake_closes_at,
        "medium": medium,
        "unit_codes": unit_codes,
        "leaders": leaders,
    }


SessionForm = Annotated[dict[str, str], Depends(_session_form)]


@router.post("/doi-thoai", response_class=HTMLResponse)
def create_session(
    request: Request,
    manager: Manager,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
    form: SessionForm,
) -> Response:
    try:
        draft = _draft(form, t)
        _check_units(manager, draft, t)
        dialogue = sessions.create(session, draft, actor=manager, request=request)
    except DeskError as error:
        session.rollback()
        return _list_page(
            request,
            session,
            templates,
            t,
            manager,
            form=form,
            message=error.message,
            status=error.status,
        )
    return RedirectResponse(f"/doi-thoai/{dialogue.id}?done=saved", status_code=303)


@router.get("/doi-thoai/{session_id}/sua", response_class=HTMLResponse)
def edit_session_page(
    request: Request,
    session_id: int,
    manager: Manager,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    dialogue = _managed(session, manager, session_id, t)
    return _page(
        request,
        templates,
        t,
        "dialogue/sessions.html",
        sessions=[],
        form=labels.draft_form(dialogue),
        message=None,
        media=[m.value for m in Medium],
        editing=dialogue.id,
    )


@router.post("/doi-thoai/{session_id}/sua", response_class=HTMLResponse)
def edit_session(
    request: Request,
    session_id: int,
    manager: Manager,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
    form: SessionForm,
) -> Response:
    dialogue = _managed(session, manager, session_id, t)
    try:
        draft = _draft(form, t)
        _check_units(manager, draft, t)
        sessions.update(session, dialogue, draft, actor=manager, request=request)
    except DeskError as error:
        session.rollback()
        return _page(
            request,
            templates,
            t,
            "dialogue/sessions.html",
            status=error.status,
            sessions=[],
            form=form,
            message=error.message,
            media=[m.value for m in Medium],
            editing=session_id,
        )
    return RedirectResponse(f"/doi-thoai/{session_id}?done=saved", status_code=303)


# ---- staff: moderation ----------------------------------------------------------------------


@router.get("/doi-thoai/{session_id}", response_class=HTMLResponse)
def moderation_page(
    request: Request,
    session_id: int,
    manager: Manager,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    dialogue = _managed(session, manager, session_id, t)
    return _moderation(request, session, templates, t, dialogue)


def _moderation(
    request: Request,
    session: Session,
    templates: TemplatesDep,
    t: Translator,
    dialogue: DialogueSession,
    *,
    status: int = 200,
    message: str | None = None,
) -> Response:
    return _page(
        request,
        templates,
        t,
        "dialogue/moderate.html",
        status=status,
        s=labels.session_row(dialogue, t, utcnow()),
        message=message,
        done=_done(request),
        **labels.moderation_context(session, dialogue, t),
    )


def _after(
    request: Request,
    session: Session,
    templates: TemplatesDep,
    t: Translator,
    dialogue: DialogueSession,
    target: str,
    action: Any,
) -> Response:
    """Run a moderation write; on a refusal show the page again with the reason."""
    try:
        action()
    except DeskError as error:
        session.rollback()
        if target.startswith("show"):
            return _show(
                request, session, templates, t, dialogue, status=error.status, message=error.message
            )
        return _moderation(
            request, session, templates, t, dialogue, status=error.status, message=error.message
        )
    path = (
        f"/doi-thoai/{dialogue.id}/truc-tiep"
        if target.startswith("show")
        else f"/doi-thoai/{dialogue.id}"
    )
    done = target.split(":", 1)[1] if ":" in target else ""
    return RedirectResponse(path + (f"?done={done}" if done else ""), status_code=303)


@router.post("/doi-thoai/{session_id}/cau-hoi", response_class=HTMLResponse)
def staff_entry(
    request: Request,
    session_id: int,
    manager: Manager,
    background: BackgroundTasks,
    session: SessionDep,
    settings: SettingsDep,
    t: TranslatorDep,
    templates: TemplatesDep,
    text: LongField = "",
    phone: ShortField = "",
) -> Response:
    """A question typed from the hotline; with the caller's phone the person is counted once
    across calls (the number itself is not stored with the question)."""
    dialogue = _managed(session, manager, session_id, t)
    contact = Contact(phone=phone)
    person = (
        intake.person_from_contact(settings.secret_key, contact)
        if contact.given
        else intake.person_for_entry()
    )

    def enter() -> None:
        asked = intake.ask(
            session, dialogue, text=text, source=Source.hotline, person_key=person, now=utcnow()
        )
        if asked.outcome == Outcome.duplicate:
            intake.support(session, asked.group_id, person, utcnow())
        _audit(session, request, manager, "hotline_entry", "dialogue_session", dialogue.id)
        session.flush()
        _feed_later(request, background, session, dialogue)

    return _after(request, session, templates, t, dialogue, "moderate:saved", enter)


@router.post("/doi-thoai/{session_id}/nhap", response_class=HTMLResponse)
async def staff_import(
    request: Request,
    session_id: int,
    manager: Manager,
    background: BackgroundTasks,
    session: SessionDep,
    settings: SettingsDep,
    t: TranslatorDep,
    templates: TemplatesDep,
    file: UploadFile,
) -> Response:
    dialogue = _managed(session, manager, session_id, t)
    suffix = Path(file.filename or "").suffix.lower()
    if suffix not in (".csv", ".tsv", ".xlsx"):
        return _moderation(
            request,
            session,
            templates,
            t,
            dialogue,
            status=422,
            message=t("dialogue_import_format"),
        )
    content = await file.read(MAX_UPLOAD_BYTES + 1)
    if len(content) > MAX_UPLOAD_BYTES:
        return _moderation(
            request,
            session,
            templates,
            t,
            dialogue,
            status=413,
            message=t("dialogue_import_too_large"),
        )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"import{suffix}"
        path.write_bytes(content)
        try:
            report = importer.import_file(session, dialogue, path, settings=settings, now=utcnow())
        except DeskError as error:
            session.rollback()
            return _moderation(
                request, session, templates, t, dialogue, status=error.status, message=error.message
            )
    _audit(
        session,
        request,
        manager,
        "import",
        "dialogue_session",
        dialogue.id,
        stored=report.stored,
        errors=len(report.errors),
    )
    session.flush()
    _feed_later(request, background, session, dialogue)
    message = t("dialogue_import_done", stored=report.stored, errors=len(report.errors))
    if report.errors:
        message += " " + "; ".join(report.errors[:5])
    return _moderation(request, session, templates, t, dialogue, message=message)


GROUP_ACTIONS = ("rename", "reject", "merge", "on-air", "answered", "up", "down", "commitment")


@router.post("/doi-thoai/{session_id}/nhom/{group_id}/{action}", response_class=HTMLResponse)
def group_action(
    request: Request,
    session_id: int,
    group_id: int,
    action: str,
    manager: Manager,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
    title: ShortField = "",
    reason: LongField = "",
    into: ShortField = "",
    summary: LongField = "",
    text: LongField = "",
    agency: ShortField = "",
    deadline: ShortField = "",
    back: ShortField = "",
) -> Response:
    dialogue = _managed(session, manager, session_id, t)
    now = utcnow()
    page = "show" if back == "show" else "moderate"

    def merge() -> None:
        target = int(into) if into.strip().isdigit() else None
        if target is None:
            raise InputError(t("dialogue_merge_into_needed"))
        moderation.merge(session, dialogue.id, target, [group_id])

    def commit() -> None:
        try:
            day = date.fromisoformat(deadline.strip())
        except ValueError:
            raise InputError(t("dialogue_bad_date", value=deadline[:20])) from None
        if not agency.strip().isdigit():
            raise InputError(t("dialogue_agency_needed"))
        ctx = Context(actor=manager, now=now, settings=cases_settings(request), request=request)
        commitments.add(
            session,
            ctx,
            dialogue,
            group_id=group_id,
            text=text,
            agency_id=int(agency),
            deadline=day,
        )

    actions: dict[str, tuple[str, Any]] = {
        "rename": ("renamed", lambda: moderation.rename(session, dialogue.id, group_id, title)),
        "reject": ("rejected", lambda: moderation.reject(session, dialogue.id, group_id, reason)),
        "merge": ("merged", merge),
        "publish": ("published", lambda: moderation.publish(session, dialogue.id, group_id)),
        "hide": ("hidden", lambda: moderation.publish(session, dialogue.id, group_id, False)),
        "on-air": ("", lambda: show.on_air(session, dialogue.id, group_id, now)),
        "answered": ("", lambda: show.answered(session, dialogue.id, group_id, summary, now)),
        "up": ("", lambda: show.move(session, dialogue.id, group_id, -1)),
        "down": ("", lambda: show.move(session, dialogue.id, group_id, 1)),
        "commitment": ("saved", commit),
    }
    if action not in actions:
        raise NotFoundError(t("dialogue_unknown_action", action=action[:30]))
    done, run = actions[action]

    def run_and_audit() -> None:
        run()
        _audit(
            session, request, manager, action, "dialogue_group", group_id, session_id=dialogue.id
        )

    return _after(request, session, templates, t, dialogue, f"{page}:{done}", run_and_audit)


@router.post("/doi-thoai/{session_id}/cau-hoi/{question_id}/{action}", response_class=HTMLResponse)
def question_action(
    request: Request,
    session_id: int,
    question_id: int,
    action: str,
    manager: Manager,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    dialogue = _managed(session, manager, session_id, t)
    actions: dict[str, tuple[str, Any]] = {
        "accept": (
            "merged",
            lambda: moderation.accept_suggestion(session, dialogue.id, question_id),
        ),
        "decline": (
            "declined",
            lambda: moderation.decline_suggestion(session, dialogue.id, question_id),
        ),
        "split": ("split", lambda: moderation.split(session, dialogue.id, question_id, utcnow())),
    }
    if action not in actions:
        raise NotFoundError(t("dialogue_unknown_action", action=action[:30]))
    done, run = actions[action]

    def run_and_audit() -> None:
        run()
        _audit(
            session,
            request,
            manager,
            action,
            "dialogue_question",
            question_id,
            session_id=dialogue.id,
        )

    return _after(request, session, templates, t, dialogue, f"moderate:{done}", run_and_audit)


# ---- staff: run of show and minute -----------------------------------------------------------


def _show(
    request: Request,
    session: Session,
    templates: TemplatesDep,
    t: Translator,
    dialogue: DialogueSession,
    *,
    status: int = 200,
    message: str | None = None,
) -> Response:
    ranked = show.ranked(session, dialogue.id)
    rows = [
        {
            "id": r.group.id,
            "title": r.group.title,
            "people": r.people,
            "state": r.group.state,
            "state_label": t(f"dialogue_state_{r.group.state}"),
            "summary": r.group.answer_summary,
        }
        for r in ranked
    ]
    agencies = [(a.id, a.name) for a in case_repo.agencies(session) if a.active]
    return _page(
        request,
        templates,
        t,
        "dialogue/show.html",
        status=status,
        s=labels.session_row(dialogue, t, utcnow()),
        message=message,
        on_air=[r for r in rows if r["state"] == GroupState.on_air],
        queued=[r for r in rows if r["state"] == GroupState.queued],
        answered=[r for r in rows if r["state"] == GroupState.answered],
        agencies=agencies,
        commitments=labels.commitment_rows(session, dialogue, t),
        done=_done(request),
    )


@router.get("/doi-thoai/{session_id}/truc-tiep", response_class=HTMLResponse)
def run_of_show(
    request: Request,
    session_id: int,
    manager: Manager,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    dialogue = _managed(session, manager, session_id, t)
    return _show(request, session, templates, t, dialogue)


@router.get("/doi-thoai/{session_id}/bien-ban.docx")
def minute(session_id: int, manager: Manager, session: SessionDep, t: TranslatorDep) -> Response:
    dialogue = _managed(session, manager, session_id, t)
    content = minute_docx(
        session, dialogue, office=OfficeSettings().office(), today=local_day(utcnow())
    )
    return Response(
        content,
        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        headers={
            "Content-Disposition": f'attachment; filename="bien-ban-doi-thoai-{dialogue.id}.docx"'
        },
    )
