"""The citizens' feedback form (/cong-khai/gop-y): a web front for Open311. A sent form becomes
a service request through the same service functions as POST /open311/v2/requests.json (the
description is redacted by the pipeline before it is stored, contact details are kept apart,
and only with consent). The sender gets the request's number and a status page that shows the
status only. Works without JavaScript: "show communes" re-renders the form with what was typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.analysis.taxonomy import Taxonomy
from opiniondesk.cases.deadlines import VIETNAM
from opiniondesk.errors import DeskError, NotFoundError
from opiniondesk.open311 import service
from opiniondesk.open311.routes import open311_settings
from opiniondesk.open311.schemas import ServiceRequestPublic
from opiniondesk.pipeline.build import taxonomy_for
from opiniondesk.storage.base import utcnow
from opiniondesk.web.deps import SessionDep, SettingsDep, TemplatesDep, TranslatorDep
from opiniondesk.web.i18n import Translator
from opiniondesk.web.routes import portal_places as places
from opiniondesk.web.routes.portal_common import Visitor, public_day

router = APIRouter()

# Per visitor (network address): a few in a quarter of an hour, a day's worth for a shared
# connection such as a commune office's kiosk. Counted from the audit log, so every web
# worker sees the same count.
LIMITS: tuple[tuple[timedelta, int], ...] = ((timedelta(minutes=15), 5), (timedelta(days=1), 30))
MAX_NAME, MAX_EMAIL, MAX_DETAIL = 200, 320, 300
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 .\-]{6,18}[0-9]$")

Text = Annotated[str, Form(max_length=5000)]


@dataclass
class FeedbackForm:
    """The form as typed, kept whole so that a refused or refined form comes back filled."""

    service_code: str = ""
    description: str = ""
    province: str = ""
    commune: str = ""
    place_query: str = ""
    address_detail: str = ""
    full_name: str = ""
    phone: str = ""
    email: str = ""
    consent: bool = False
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def has_contact(self) -> bool:
        return any(v.strip() for v in (self.full_name, self.phone, self.email))


def _services(taxonomy: Taxonomy, language: str) -> list[dict[str, str]]:
    """Open311's service list (services.json), labelled in the reader's language."""
    return [
        {"code": s.service_code, "label": taxonomy.label(s.service_code, language)}
        for s in service.services(taxonomy)
    ]


def _form_context(
    form: FeedbackForm, taxonomy: Taxonomy, t: Translator, retention_days: int
) -> dict[str, Any]:
    former = t("portal_feedback_former")
    if form.place_query.strip():
        choices = places.search(form.place_query, form.province, former=former)
    elif form.province:
        choices = places.communes_of(form.province)
    else:
        choices = []
    chosen = places.commune(form.commune) if form.commune else None
    if chosen is not None and all(c.code != chosen.code for c in choices):
        choices = [places.PlaceChoice(chosen.code, chosen.name), *choices]
    return {
        "t": t,
        "lang": t.language,
        "form": form,
        "services": _services(taxonomy, t.language),
        "provinces": places.provinces(),
        "choices": choices,
        "searched": bool(form.place_query.strip()),
        "retention_days": retention_days,
    }


def _render(
    request: Request,
    templates: Jinja2Templates,
    form: FeedbackForm,
    taxonomy: Taxonomy,
    t: Translator,
    status: int = 200,
) -> Response:
    retention = open311_settings(request).contact_retention_days
    context = _form_context(form, taxonomy, t, retention)
    return templates.TemplateResponse(
        request, "public/feedback_form.html", context, status_code=status
    )


@router.get("/cong-khai/gop-y", response_class=HTMLResponse)
def feedback_form(
    request: Request,
    _visitor: Visitor,
    settings: SettingsDep,
    t: TranslatorDep,
    templates: TemplatesDep,
    province: Annotated[str, Query(max_length=8)] = "",
) -> Response:
    form = FeedbackForm(province=province if places.province(province) else "")
    return _render(request, templates, form, taxonomy_for(settings), t)


def _check(form: FeedbackForm, taxonomy: Taxonomy, t: Translator) -> None:
    """Fill `form.errors`: each says what is wrong with which field and what to do."""
    errors = form.errors
    if form.service_code not in {s.service_code for s in service.services(taxonomy)}:
        errors["service_code"] = t("portal_feedback_error_service")
    text = form.description.strip()
    if not text:
        errors["description"] = t("portal_feedback_error_description")
    elif len(text) > service.MAX_DESCRIPTION:
        errors["description"] = t(
            "portal_feedback_error_too_long", n=len(text), max=service.MAX_DESCRIPTION
        )
    if form.commune and places.commune(form.commune) is None:
        errors["commune"] = t("portal_feedback_error_commune")
    elif not form.commune and places.province(form.province) is None:
        errors["province"] = t("portal_feedback_error_place")
    if len(form.address_detail) > MAX_DETAIL:
        errors["address_detail"] = t(
            "portal_feedback_error_too_long", n=len(form.address_detail), max=MAX_DETAIL
        )
    if len(form.full_name) > MAX_NAME:
        errors["full_name"] = t(
            "portal_feedback_error_too_long", n=len(form.full_name), max=MAX_NAME
        )
    if form.phone.strip() and not _PHONE.match(form.phone.strip()):
        errors["phone"] = t("portal_feedback_error_phone")
    email = form.email.strip()
    if email and (len(email) > MAX_EMAIL or not _EMAIL.match(email)):
        errors["email"] = t("portal_feedback_error_email")
    if form.has_contact and not form.consent:
        errors["consent"] = t("portal_feedback_error_consent")


def _submission(form: FeedbackForm) -> service.Submission:
    """The Open311 submission: the place as the 2025 unit's code and written names (the
    pipeline's place stage reads them), contact details only with consent."""
    commune = places.commune(form.commune) if form.commune else None
    province = places.province(commune.province_code if commune else form.province)
    names = [
        form.address_detail.strip(),
        commune.name if commune else "",
        province.name if province else "",
    ]
    family, _, given = form.full_name.strip().partition(" ") if form.consent else ("", "", "")
    return service.Submission(
        service_code=form.service_code,
        description=form.description.strip(),
        address_string=", ".join(name for name in names if name),
        address_id=commune.code if commune else (province.code if province else ""),
        email=form.email.strip() if form.consent else "",
        first_name=given,
        last_name=family,
        phone=form.phone.strip() if form.consent else "",
    )


def _retry_at(sessions: sessionmaker[Session], ip: str, now: datetime) -> datetime | None:
    """When this address may send again, or None if it may send now."""
    with sessions() as session:
        for window, limit in LIMITS:
            if service.submissions_from(session, ip=ip, since=now - window) >= limit:
                return now + window
    return None


@router.post("/cong-khai/gop-y", response_class=HTMLResponse)
def send_feedback(
    request: Request,
    visitor: Visitor,
    settings: SettingsDep,
    t: TranslatorDep,
    templates: TemplatesDep,
    service_code: Text = "",
    description: Text = "",
    province: Text = "",
    commune: Text = "",
    place_query: Text = "",
    address_detail: Text = "",
    full_name: Text = "",
    phone: Text = "",
    email: Text = "",
    consent: Text = "",
    action: Text = "send",
) -> Response:
    form = FeedbackForm(
        service_code=service_code.strip(),
        description=description,
        province=province.strip(),
        commune=commune.strip(),
        place_query=place_query,
        address_detail=address_detail,
        full_name=full_name,
        phone=phone,
        email=email,
        consent=consent == "yes",
    )
    taxonomy = taxonomy_for(settings)
    if action == "places":  # "show communes": the same form again, the list refreshed
        chosen = places.commune(form.commune) if form.commune else None
        if chosen is None or (form.province and chosen.province_code != form.province):
            form.commune = ""  # the province changed: the old commune no longer fits
        return _render(request, templates, form, taxonomy, t)
    _check(form, taxonomy, t)
    if form.errors:
        return _render(request, templates, form, taxonomy, t, status=422)
    sessions: sessionmaker[Session] = request.app.state.session_factory
    now = utcnow()
    ip = request.client.host if request.client else ""
    retry = _retry_at(sessions, ip, now)
    if retry is not None:
        local = retry.astimezone(VIETNAM)
        raise DeskError(
            t("portal_feedback_error_limit", time=f"{local:%H:%M %d/%m/%Y}"), status=429
        )
    item = _submission(form)
    try:
        service.check_submission(item, taxonomy)
        row = service.submit(
            item,
            settings=settings,
            open311=open311_settings(request),
            sessions=sessions,
            actor=visitor,
            now=now,
            request=request,
        )
    except service.Open311Error as error:  # what the service refuses, said in its own words
        form.errors["description"] = error.message
        return _render(request, templates, form, taxonomy, t, status=422)
    return RedirectResponse(f"/cong-khai/gop-y/{row.id}/cam-on", status_code=303)


def _find(session: Session, request_id: int, taxonomy: Taxonomy, k: int) -> ServiceRequestPublic:
    found = service.find_requests(
        session,
        service.RequestQuery(ids=[request_id]),
        taxonomy=taxonomy,
        now=utcnow(),
        min_group_size=k,
    )
    if not found:
        raise NotFoundError(
            f"Không có phản ánh mã {request_id}. Hãy kiểm tra lại mã. / No feedback with number "
            f"{request_id}. Please check the number."
        )
    return found[0]


def _day(stamp: str | None, t: Translator) -> str:
    return public_day(datetime.fromisoformat(stamp).astimezone(VIETNAM).date(), t) if stamp else ""


@router.get("/cong-khai/gop-y/theo-doi")
def follow_feedback(_visitor: Visitor, ma: Annotated[str, Query(max_length=20)] = "") -> Response:
    """The "follow a request" box: a number leads to its status page."""
    number = ma.strip().lstrip("#")
    if not number.isdigit():
        return RedirectResponse("/cong-khai/gop-y#theo-doi", status_code=303)
    return RedirectResponse(f"/cong-khai/gop-y/{int(number)}", status_code=303)


@router.get("/cong-khai/gop-y/{request_id:int}/cam-on", response_class=HTMLResponse)
def feedback_thanks(
    request: Request,
    request_id: int,
    _visitor: Visitor,
    session: SessionDep,
    settings: SettingsDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    found = _find(session, request_id, taxonomy_for(settings), settings.min_group_size)
    context = {"t": t, "lang": t.language, "number": found.service_request_id}
    return templates.TemplateResponse(request, "public/feedback_thanks.html", context)


@router.get("/cong-khai/gop-y/{request_id:int}", response_class=HTMLResponse)
def feedback_status(
    request: Request,
    request_id: int,
    _visitor: Visitor,
    session: SessionDep,
    settings: SettingsDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    """Status only: the service, dates, the agency and the published answer. Never the
    description, the place or anything the sender gave about themselves."""
    taxonomy = taxonomy_for(settings)
    found = _find(session, request_id, taxonomy, settings.min_group_size)
    code = found.service_code
    if found.status == "closed":
        state = "closed"
    elif found.agency_responsible:
        state = "assigned"
    else:
        state = "received"
    context = {
        "t": t,
        "lang": t.language,
        "number": found.service_request_id,
        "service": taxonomy.label(code, t.language) if code in taxonomy else code,
        "state": state,
        "agency": found.agency_responsible or "",
        "requested": _day(found.requested_datetime, t),
        "updated": _day(found.updated_datetime, t),
        "expected": _day(found.expected_datetime, t),
        "notes": found.status_notes or "",
    }
    return templates.TemplateResponse(request, "public/feedback_status.html", context)
