"""The dashboard page and its JSON twin; both render the same `Dashboard` figures."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from opiniondesk.config import Settings
from opiniondesk.storage.models import ChannelKind, UnitLevel
from opiniondesk.web import repository as repo
from opiniondesk.web.deps import SessionDep, SettingsDep, TemplatesDep, TranslatorDep
from opiniondesk.web.figures import Dashboard, build_dashboard, dashboard_json
from opiniondesk.web.filters import Filters, parse_filters, resolve_scope
from opiniondesk.web.i18n import LANGUAGES, Translator
from opiniondesk.web.panels import Presenter, build_panels

router = APIRouter()


def load_dashboard(
    session: Session, request: Request, settings: Settings, t: Translator
) -> tuple[Filters, Dashboard]:
    filters = parse_filters(request.query_params, t)
    latest = repo.latest_day(session)
    scope = resolve_scope(filters, latest, t) if latest else None
    board = build_dashboard(session, scope, min_group_size=settings.min_group_size, t=t)
    return filters, board


def filter_options(session: Session, t: Translator) -> dict[str, list[tuple[str, str]]]:
    """Choices of the filter form: (value, label) pairs."""
    provinces = repo.unit_names(session, UnitLevel.province)
    return {
        "provinces": sorted(provinces.items(), key=lambda item: item[1].casefold()),
        "topics": list(repo.topic_labels(session, t.language).items()),
        "channels": [(kind.value, t(f"channel_{kind.value}")) for kind in ChannelKind],
    }


def language_links(filters: Filters) -> dict[str, str]:
    """The same view in each language (the link sets the language cookie)."""
    return {lang: "?" + urlencode({**filters.as_query(), "lang": lang}) for lang in LANGUAGES}


@router.get("/", response_class=HTMLResponse)
def dashboard_page(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    filters, board = load_dashboard(session, request, settings, t)
    presenter = Presenter(t, settings.min_group_size)
    panels = build_panels(board, presenter, request.app.state.map_regions)
    context: dict[str, Any] = {
        "t": t,
        "p": presenter,
        "lang": t.language,
        "board": board,
        "panels": panels,
        "filters": filters,
        "options": filter_options(session, t),
        "language_links": language_links(filters),
        "map_available": request.app.state.map_regions is not None,
    }
    return templates.TemplateResponse(request, "dashboard.html", context)


@router.get("/api/v1/dashboard")
def dashboard_api(
    request: Request, session: SessionDep, settings: SettingsDep, t: TranslatorDep
) -> dict[str, Any]:
    """The dashboard's figures as JSON; hidden cells are null with "suppressed": true."""
    _, board = load_dashboard(session, request, settings, t)
    return dashboard_json(board)
