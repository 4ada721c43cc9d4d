"""Who sent a web request: a bearer token (API paths only) or a session cookie, never both.

When an `Authorization` header is present the cookie is ignored. That is what lets the CSRF
check skip token-authenticated calls safely: a cross-site form can send cookies, never headers.
"""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker
from starlette.requests import HTTPConnection

from opiniondesk.accounts import sessions, tokens
from opiniondesk.accounts.principal import Principal
from opiniondesk.config import Settings
from opiniondesk.storage.base import utcnow

_STATE_KEY = "principal"
_UNSET = object()


def principal_of(connection: HTTPConnection) -> Principal | None:
    """The signed-in caller of this request, looked up once and remembered on the request."""
    state = connection.scope.setdefault("state", {})
    cached = state.get(_STATE_KEY, _UNSET)
    if cached is not _UNSET:
        return cached  # type: ignore[no-any-return]
    settings: Settings = connection.app.state.settings
    factory: sessionmaker[Session] = connection.app.state.session_factory
    # its own short transaction: it may note a token's last use, whatever the request does next
    with factory.begin() as session:
        principal = _identify(session, connection, settings)
    state[_STATE_KEY] = principal
    return principal


def _identify(session: Session, connection: HTTPConnection, settings: Settings) -> Principal | None:
    now = utcnow()
    authorization = connection.headers.get("authorization")
    if authorization is not None:
        token = tokens.bearer_token(authorization)
        if token is None or not connection.url.path.startswith("/api/"):
            return None
        return tokens.principal_for_bearer(session, token=token, now=now)
    cookie = connection.cookies.get(sessions.COOKIE)
    if not cookie:
        return None
    return sessions.principal_for_token(
        session, token=cookie, secret_key=settings.secret_key, now=now
    )


def forget_principal(connection: HTTPConnection) -> None:
    """Drop the remembered caller (after sign-in or sign-out within the same request)."""
    connection.scope.setdefault("state", {}).pop(_STATE_KEY, None)
