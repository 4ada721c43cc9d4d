"""How the portal shows the sections other features register (web/portal.py): entries on
Vietnam's clock, sessions split into upcoming and past. Each feature serves its own index
(/cong-khai/doi-thoai in routes/dialogue.py, /cong-khai/tham-van in routes/consultations.py);
an unregistered section has no nav entry."""

from __future__ import annotations

from datetime import UTC, datetime

from opiniondesk.cases.deadlines import VIETNAM
from opiniondesk.web import portal
from opiniondesk.web.i18n import Translator
from opiniondesk.web.routes.portal_common import public_day


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
