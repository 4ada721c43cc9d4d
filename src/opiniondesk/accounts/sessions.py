"""Server-side web sessions: a random token in an HttpOnly cookie, its HMAC in the database.

Keeping sessions on the server is what makes logout, disabling a user and changing a password
take effect at once. The HMAC is keyed with `settings.secret_key`, so a copy of the table is
useless without the key, and changing the key signs everybody out.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from sqlalchemy.orm import Session
from starlette.requests import HTTPConnection
from starlette.responses import Response

from opiniondesk.accounts import repository as repo
from opiniondesk.accounts.models import LoginSession
from opiniondesk.accounts.principal import AuthMethod, Principal
from opiniondesk.config import Settings

COOKIE = "opiniondesk_session"
LIFETIME = timedelta(hours=12)  # a working day; then sign in again
_TOKEN_BYTES = 32


def new_token() -> str:
    return secrets.token_urlsafe(_TOKEN_BYTES)


def token_hash(secret_key: str, token: str) -> str:
    return hmac.new(secret_key.encode(), b"session:" + token.encode(), hashlib.sha256).hexdigest()


def start_session(session: Session, *, user_id: int, secret_key: str, now: datetime) -> str:
    """A fresh session for `user_id` (a new token on every sign-in: no session fixation)."""
    token = new_token()
    repo.add_session(
        session,
        LoginSession(
            user_id=user_id,
            token_hash=token_hash(secret_key, token),
            created_at=now,
            expires_at=now + LIFETIME,
        ),
    )
    # housekeeping on sign-in, so the table never grows without bound
    repo.delete_dead_sessions(session, now - timedelta(days=1))
    return token


def end_session(session: Session, *, token: str, secret_key: str, now: datetime) -> int | None:
    """Revoke the session of `token`; returns the user id it belonged to, if any."""
    return repo.revoke_session(session, token_hash(secret_key, token), now)


def principal_for_token(
    session: Session, *, token: str, secret_key: str, now: datetime
) -> Principal | None:
    """The signed-in user of a session cookie, or None (unknown, expired, revoked, disabled)."""
    user = repo.live_session_user(session, token_hash(secret_key, token), now)
    if user is None:
        return None
    return Principal(user.id, user.username, repo.grants_of(session, user.id), AuthMethod.session)


def secure_cookies(connection: HTTPConnection, settings: Settings) -> bool:
    """Secure cookies under https, and always in production (where a proxy ends TLS)."""
    return settings.environment == "production" or connection.url.scheme == "https"


def set_cookie(response: Response, token: str, *, secure: bool) -> None:
    response.set_cookie(
        COOKIE,
        token,
        max_age=int(LIFETIME.total_seconds()),
        path="/",
        httponly=True,
        samesite="lax",
        secure=secure,
    )


def clear_cookie(response: Response, *, secure: bool) -> None:
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="lax", secure=secure)
