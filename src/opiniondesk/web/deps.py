"""Typed request dependencies: the session, settings, language and templates of the app."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.config import Settings
from opiniondesk.web.i18n import Translator
from opiniondesk.web.language import request_language


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_session(request: Request) -> Iterator[Session]:
    """One session per request; dashboard requests only read, so nothing is committed."""
    factory: sessionmaker[Session] = request.app.state.session_factory
    with factory() as session:
        yield session


def get_translator(request: Request) -> Translator:
    return Translator(request_language(request, get_settings(request).language))


def get_templates(request: Request) -> Jinja2Templates:
    templates: Jinja2Templates = request.app.state.templates
    return templates


SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionDep = Annotated[Session, Depends(get_session)]
TranslatorDep = Annotated[Translator, Depends(get_translator)]
TemplatesDep = Annotated[Jinja2Templates, Depends(get_templates)]
