"""The dashboard page and its JSON twin; both render the same `Dashboard` figures."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup
from sqlalchemy.orm import Session

from opiniondesk.accounts.access import Action, require, scope_for
from opiniondesk.accounts.principal import Principal, UnitScope
from opiniondesk.config import Settings
from opiniondesk.errors import DeskError
from opiniondesk.storage.models import ChannelKind, UnitLevel
from opiniondesk.web import repository as repo
from opiniondesk.web.deps import SessionDep, SettingsDep, TemplatesDep, TranslatorDep
from opiniondesk.web.figures import Dashboard, build_dashboard, dashboard_json
from opiniondesk.web.filters import Filters, parse_filters, resolve_scope
from opiniondesk.web.i18n import LANGUAGES, Translator
from opiniondesk.web.panels import Presenter, build_panels

router = APIRouter()

Reader = Annotated[Principal, require(Action.dashboard_view)]


def load_dashboard(
    session: Session, request: Request, settings: Settings, t: Translator, units: UnitScope
) -> tuple[Filters, Dashboard]:
    filters = _within_units(parse_filters(request.query_params, t), units, t)
    latest = repo.latest_day(session)
    scope = resolve_scope(filters, latest, t) if latest else None
    if scope is not None:
        scope = replace(scope, units=units)  # every query sees only the reader's units
    board = build_dashboard(session, scope, min_group_size=settings.min_group_size, t=t)
    return filters, board


def _within_units(filters: Filters, units: UnitScope, t: Translator) -> Filters:
    """Refuse a province outside the reader's units; a reader of one province gets it by
    default, so the page breaks their figures down by commune."""
    visible = units.visible_provinces()
    if filters.province is not None and not units.touches_province(filters.province):
        raise DeskError(t("access_unit_forbidden", unit=filters.province), status=403)
    if filters.province is None and visible is not None and len(visible) == 1:
        return replace(filters, province=next(iter(visible)))
    return filters


def filter_options(
    session: Session, t: Translator, units: UnitScope | None = None
) -> dict[str, list[tuple[str, str]]]:
    """Choices of the filter form: (value, label) pairs."""
    provinces = repo.unit_names(session, UnitLevel.province)
    visible = units.visible_provinces() if units is not None else None
    if visible is not None:
        provinces = {code: name for code, name in provinces.items() if code in visible}
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
    reader: Reader,
    session: SessionDep,
    settings: SettingsDep,
    t: TranslatorDep,
    templates: TemplatesDep,
) -> Response:
    units = scope_for(reader, Action.dashboard_view)
    filters, board = load_dashboard(session, request, settings, t, units)
    presenter = Presenter(t, settings.min_group_size)
    panels = build_panels(board, presenter, request.app.state.map_regions)
    context: dict[str, Any] = {
        "t": t,
        "p": presenter,
        "lang": t.language,
        "board": board,
        "panels": panels,
        "filters": filters,
        "options": filter_options(session, t, units),
        "language_links": language_links(filters),
        "map_available": request.app.state.map_regions is not None,
        "forecast": forecast_panel(session, filters, units, settings, t.language),
    }
    return templates.TemplateResponse(request, "dashboard.html", context)


def forecast_panel(
    session: Session, filters: Filters, units: UnitScope, settings: Settings, language: str
) -> Markup | None:
    """The next 8 weeks of volume for the filtered topic × province, with 80%/95% intervals.

    Only for readers who see the whole series: a province forecast needs the whole province
    (a ward analyst would otherwise learn the province's figures), a national one everything.
    """
    from opiniondesk.forecasts.chart import forecast_chart
    from opiniondesk.forecasts.service import forecast_series, scope_label

    province = filters.province
    if not (units.everything or (province is not None and province in units.provinces)):
        return None
    try:
        forecast = forecast_series(
            session, topic_code=filters.topic, province_code=province, weeks=8, settings=settings
        )
    except DeskError:
        return None  # too little history or an unknown filter: the panel is simply left out
    label = scope_label(
        session, topic_code=filters.topic, province_code=province, language=language
    )
    return forecast_chart(
        forecast, metric="volume", language=language, scope_label=label, chart_id="forecast"
    )


@router.get("/api/v1/dashboard")
def dashboard_api(
    request: Request, reader: Reader, session: SessionDep, settings: SettingsDep, t: TranslatorDep
) -> dict[str, Any]:
    """The dashboard's figures as JSON; hidden cells are null with "suppressed": true.

    Only the caller's units are counted. Authenticate with a session cookie or an API token
    (`Authorization: Bearer odk_…`)."""
    units = scope_for(reader, Action.dashboard_view)
    _, board = load_dashboard(session, request, settings, t, units)
    return dashboard_json(board)
