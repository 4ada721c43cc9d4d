"""Typed request dependencies: the session, settings, language, templates and the caller."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.accounts.access import CurrentUser
from opiniondesk.accounts.identity import principal_of
from opiniondesk.accounts.principal import Principal
from opiniondesk.config import Settings
from opiniondesk.web.i18n import Translator
from opiniondesk.web.language import request_language

__all__ = [
    "CurrentUser",
    "OptionalUser",
    "SessionDep",
    "SettingsDep",
    "TemplatesDep",
    "TranslatorDep",
]


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_session(request: Request) -> Iterator[Session]:
    """One session and one transaction per request: the request owns it. Committed when the
    endpoint returns (before the response is sent), rolled back when it raises."""
    factory: sessionmaker[Session] = request.app.state.session_factory
    with factory() as session:
        try:
            yield session
        except BaseException:
            session.rollback()
            raise
        session.commit()


def get_translator(request: Request) -> Translator:
    return Translator(request_language(request, get_settings(request).language))


def get_templates(request: Request) -> Jinja2Templates:
    templates: Jinja2Templates = request.app.state.templates
    return templates


def get_optional_user(request: Request) -> Principal | None:
    """The signed-in caller, or None; declares no action (routes still `require` one)."""
    return principal_of(request)


SettingsDep = Annotated[Settings, Depends(get_settings)]
# scope="function": the commit happens before the response leaves, so a failed commit is a 500
# rather than a success the database never saw
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
TranslatorDep = Annotated[Translator, Depends(get_translator)]
TemplatesDep = Annotated[Jinja2Templates, Depends(get_templates)]
OptionalUser = Annotated[Principal | None, Depends(get_optional_user)]
