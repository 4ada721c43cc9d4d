"""How the portal shows the sections other features register (web/portal.py), and the index
page of dialogue sessions, /cong-khai/doi-thoai: upcoming then past, each linking to the
feature's own public page. (Consultations have their own index, /cong-khai/tham-van, in
routes/consultations.py.) An unregistered section has no index (404) and no nav entry."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from opiniondesk.cases.deadlines import VIETNAM
from opiniondesk.errors import NotFoundError
from opiniondesk.storage.base import utcnow
from opiniondesk.web import portal
from opiniondesk.web.deps import SessionDep, TemplatesDep, TranslatorDep
from opiniondesk.web.i18n import Translator
from opiniondesk.web.routes.portal_common import Visitor, public_day

router = APIRouter()


def _aware(moment: datetime) -> datetime:
    """Features store UTC; a naive time from one of them is read as UTC, not the server's zone."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def shown(entries: list[portal.PortalEntry], t: Translator) -> list[dict[str, str]]:
    """Entries as a page shows them, times on Vietnam's clock."""
    found = []
    for entry in entries:
        when = _aware(entry.when).astimezone(VIETNAM) if entry.when is not None else None
        found.append(
            {
                "title": entry.title,
                "url": entry.url,
                "note": entry.note,
                "when": f"{public_day(when.date(), t)} {when:%H:%M}" if when else "",
                "when_iso": when.isoformat() if when else "",
            }
        )
    return found


def split_sessions(
    entries: list[portal.PortalEntry], now: datetime
) -> tuple[list[portal.PortalEntry], list[portal.PortalEntry]]:
    """(upcoming soonest first, past latest first) by each session's time; a session without
    a time counts as upcoming."""
    upcoming = [e for e in entries if e.when is None or _aware(e.when) >= now]
    past = [e for e in entries if e.when is not None and _aware(e.when) < now]
    upcoming.sort(key=lambda e: _aware(e.when) if e.when else now)
    past.sort(key=lambda e: _aware(e.when) if e.when else now, reverse=True)
    return upcoming, past


def _registered(section: str) -> None:
    if section not in portal.sections():
        raise NotFoundError(f"Chưa có mục “{section}”. / No section “{section}”.")


@router.get("/cong-khai/doi-thoai", response_class=HTMLResponse)
def sessions_index(
    request: Request,
    _visitor: Visitor,
    session: SessionDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    _registered("sessions")
    upcoming, past = split_sessions(portal.entries(session, "sessions", t.language), utcnow())
    context = {
        "t": t,
        "lang": t.language,
        "title": t("portal_home_sessions"),
        "groups": [
            (t("portal_home_upcoming"), shown(upcoming, t)),
            (t("portal_home_past"), shown(past, t)),
        ],
    }
    return templates.TemplateResponse(request, "public/section.html", context)
