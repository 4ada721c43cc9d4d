"""The web application factory."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from sqlalchemy import Engine

from opiniondesk.accounts.access import Action, require
from opiniondesk.accounts.csrf import CsrfProtection
from opiniondesk.api import routes as api_routes
from opiniondesk.config import Settings, get_settings
from opiniondesk.open311 import routes as open311_routes
from opiniondesk.open311.routes import OPEN311_TAG
from opiniondesk.storage.engine import make_engine, make_session_factory
from opiniondesk.web import portal
from opiniondesk.web.choropleth import load_regions
from opiniondesk.web.error_pages import install_error_handlers
from opiniondesk.web.language import RememberLanguage
from opiniondesk.web.routes import admin, auth, dashboard, health
from opiniondesk.web.routes import alerts as alert_pages
from opiniondesk.web.routes import cases as case_pages
from opiniondesk.web.routes import consultations as consultation_pages
from opiniondesk.web.routes import dialogue as dialogue_pages
from opiniondesk.web.routes import explorer as explorer_pages
from opiniondesk.web.routes import fieldwork as fieldwork_pages
from opiniondesk.web.routes import public as public_pages
from opiniondesk.web.routes import reports as report_pages
from opiniondesk.web.routes import surveys as survey_pages
from opiniondesk.web.security import SecurityHeaders

HERE = Path(__file__).parent


def make_templates() -> Jinja2Templates:
    # StrictUndefined: a misspelt variable fails the "every template renders" test, not a reader
    environment = Environment(
        loader=FileSystemLoader(HERE / "templates"), autoescape=True, undefined=StrictUndefined
    )
    # the public portal's navigation shows the sections features registered (web/portal.py)
    environment.globals["portal_sections"] = portal.sections
    return Jinja2Templates(env=environment)


def create_app(settings: Settings | None = None, *, engine: Engine | None = None) -> FastAPI:
    """Build the web app. Without `engine`, one is made from `settings.resolved_database_url`."""
    settings = settings or get_settings()
    if engine is None:
        settings.ensure_home()
        engine = make_engine(settings.resolved_database_url)
    # the interactive API docs load scripts from a CDN, which the desk never does: keep them off
    app = FastAPI(
        title="opiniondesk",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        description="REST API /api/v1 và Open311 GeoReport v2 / REST API /api/v1 and Open311 "
        "GeoReport v2. Xác thực / Auth: `Authorization: Bearer odk_…`.",
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.session_factory = make_session_factory(engine)
    app.state.templates = make_templates()
    app.state.map_regions = load_regions()
    app.add_middleware(CsrfProtection, settings=settings)  # inside SecurityHeaders: 403s get them
    app.add_middleware(RememberLanguage)
    app.add_middleware(SecurityHeaders)
    install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    # health.py is the foundation's: its one route is public, declared here
    app.include_router(health.router, dependencies=[require(Action.public)])
    app.include_router(dashboard.router)
    app.include_router(auth.router)
    app.include_router(admin.router)
    app.include_router(case_pages.router)
    app.include_router(public_pages.router)
    app.include_router(api_routes.router)
    app.include_router(open311_routes.router)
    app.include_router(open311_routes.api_router)
    app.openapi_tags = [*api_routes.TAGS, OPEN311_TAG]
    app.include_router(explorer_pages.router)
    app.include_router(alert_pages.router)
    app.include_router(fieldwork_pages.router)
    app.include_router(survey_pages.router)
    app.include_router(report_pages.router)
    app.include_router(consultation_pages.router)
    app.include_router(dialogue_pages.router)
    return app
