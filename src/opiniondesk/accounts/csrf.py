"""CSRF protection on every state-changing request (POST, PUT, PATCH, DELETE), as middleware so
that no route, today's or tomorrow's, can forget it.

Two checks, both must pass:
1. Origin: the `Origin` header (else `Referer`) must be this site. Under https one of them
   must be present; over plain http a request without either relies on the token alone.
2. Token: `X-CSRF-Token` header or a `csrf_token` form field equal to HMAC(secret, binding),
   where the binding is the session cookie, or before sign-in a random `opiniondesk_csrf`
   cookie (so the login form is protected too). In a multipart form `csrf_token` must be the
   first field, so that the check never buffers an upload.

Calls to /api/ that carry `Authorization` skip the token: they are authenticated by that header
alone (see `identity`), which a cross-site page cannot make a browser send.

Pages put the token in forms with `{{ csrf_field(request) }}` (templates/auth/_csrf.html) or
read it as `request.state.csrf_token`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from http.cookies import SimpleCookie
from urllib.parse import parse_qs, urlsplit

from starlette.requests import HTTPConnection, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from opiniondesk.accounts import sessions
from opiniondesk.config import Settings
from opiniondesk.web.i18n import Translator
from opiniondesk.web.language import request_language

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
ANON_COOKIE = "opiniondesk_csrf"
HEADER = "x-csrf-token"
FIELD = "csrf_token"
MAX_FORM_BYTES = 1024 * 1024  # a url-encoded form is read whole to find the field
MAX_FIRST_PART_BYTES = 64 * 1024
_DEFAULT_PORTS = {"http": 80, "https": 443}


def token_for(secret_key: str, binding: str) -> str:
    digest = hmac.new(secret_key.encode(), b"csrf:" + binding.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def request_token(connection: HTTPConnection) -> str:
    """The token a page rendered for this request must embed in its forms."""
    token: str = connection.scope.get("state", {}).get("csrf_token", "")
    return token


class CsrfRefused(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "origin", "token" or "too_large"


class CsrfProtection:
    """ASGI middleware; see the module docstring."""

    def __init__(self, app: ASGIApp, *, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        connection = HTTPConnection(scope)
        binding = connection.cookies.get(sessions.COOKIE) or connection.cookies.get(ANON_COOKIE)
        fresh = None
        if not binding:
            fresh = binding = secrets.token_urlsafe(32)
        expected = token_for(self.settings.secret_key, binding)
        scope.setdefault("state", {})["csrf_token"] = expected
        if fresh is not None and _wants_anon_cookie(connection):
            send = self._with_cookie(
                send, fresh, sessions.secure_cookies(connection, self.settings)
            )
        if scope["method"] in UNSAFE_METHODS and not _machine_endpoint(connection):
            try:
                _check_origin(connection)
                if not _token_exempt(connection):
                    given, receive = await _given_token(connection, receive)
                    if fresh is not None or not given or not hmac.compare_digest(given, expected):
                        raise CsrfRefused("token")
            except CsrfRefused as refused:
                await self._refuse(scope, receive, send, refused.reason)
                return
        await self.app(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, reason: str) -> None:
        from opiniondesk.web.error_pages import error_response  # the app's error page

        request = Request(scope, receive)
        t = Translator(request_language(request, self.settings.language))
        status, key = (413, "csrf_too_large") if reason == "too_large" else (403, f"csrf_{reason}")
        response = error_response(request, status, t(key))
        await response(scope, receive, send)

    @staticmethod
    def _with_cookie(send: Send, value: str, secure: bool) -> Send:
        cookie: SimpleCookie = SimpleCookie()
        cookie[ANON_COOKIE] = value
        cookie[ANON_COOKIE]["path"] = "/"
        cookie[ANON_COOKIE]["httponly"] = True
        cookie[ANON_COOKIE]["samesite"] = "Lax"
        if secure:
            cookie[ANON_COOKIE]["secure"] = True
        header = cookie.output(header="").strip().encode("latin-1")

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"set-cookie", header)]
            await send(message)

        return send_with_cookie


def _wants_anon_cookie(connection: HTTPConnection) -> bool:
    # pages only: static files and token-authenticated API calls have no forms
    path = connection.url.path
    return not (path.startswith("/static/") or path.startswith("/api/"))


def _machine_endpoint(connection: HTTPConnection) -> bool:
    """Open311 clients are other servers and apps: they authenticate with the spec's api_key
    form field, never with a cookie, so a cross-site form cannot act for a signed-in user."""
    return connection.url.path.startswith("/open311/")


def _token_exempt(connection: HTTPConnection) -> bool:
    return connection.url.path.startswith("/api/") and "authorization" in connection.headers


def _site(scheme: str, netloc: str) -> str:
    """scheme://host[:port] with the default port dropped, for comparing origins."""
    parts = urlsplit(f"{scheme}://{netloc}")
    try:
        port = parts.port
    except ValueError:
        return "invalid"
    host = (parts.hostname or "").lower()
    if port is None or port == _DEFAULT_PORTS.get(scheme):
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def _check_origin(connection: HTTPConnection) -> None:
    here = _site(connection.url.scheme, connection.url.netloc)
    origin = connection.headers.get("origin")
    if origin is not None:
        parts = urlsplit(origin)
        if _site(parts.scheme, parts.netloc) != here:  # "null" and other sites alike
            raise CsrfRefused("origin")
        return
    referer = connection.headers.get("referer")
    if referer:
        parts = urlsplit(referer)
        if _site(parts.scheme, parts.netloc) != here:
            raise CsrfRefused("origin")
        return
    if connection.url.scheme == "https":
        raise CsrfRefused("origin")


async def _given_token(connection: HTTPConnection, receive: Receive) -> tuple[str | None, Receive]:
    """The token from the header, else from the form body (which is then replayed)."""
    header = connection.headers.get(HEADER)
    if header:
        return header, receive
    content_type = connection.headers.get("content-type", "")
    if content_type.startswith("application/x-www-form-urlencoded"):
        body, more = await _read(receive, MAX_FORM_BYTES, until=None)
        if more:
            raise CsrfRefused("too_large")
        values = parse_qs(body.decode("utf-8", "replace")).get(FIELD)
        return (values[0] if values else None), _replay(body, more, receive)
    if content_type.startswith("multipart/form-data"):
        boundary = _boundary(content_type)
        if boundary is None:
            return None, receive
        delimiter = b"\r\n--" + boundary
        body, more = await _read(receive, MAX_FIRST_PART_BYTES, until=delimiter)
        return _first_field(body, boundary), _replay(body, more, receive)
    return None, receive


async def _read(receive: Receive, limit: int, *, until: bytes | None) -> tuple[bytes, bool]:
    """Read the body up to `limit` bytes, or until `until` appears; returns (bytes, more)."""
    body = b""
    more = True
    while more and len(body) <= limit:
        message = await receive()
        if message["type"] != "http.request":
            break
        body += message.get("body", b"")
        more = bool(message.get("more_body", False))
        if until is not None and until in body:
            break
    return body, more


def _replay(body: bytes, more: bool, receive: Receive) -> Receive:
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": more}
        return await receive()

    return replay


def _boundary(content_type: str) -> bytes | None:
    for part in content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "boundary" and value:
            return value.strip('"').encode("latin-1")
    return None


def _first_field(body: bytes, boundary: bytes) -> str | None:
    """The value of the first multipart field if it is `csrf_token`."""
    opening = b"--" + boundary + b"\r\n"
    if not body.startswith(opening):
        return None
    head_end = body.find(b"\r\n\r\n", len(opening))
    value_end = body.find(b"\r\n--" + boundary, head_end)
    if head_end < 0 or value_end < 0:
        return None
    headers = body[len(opening) : head_end].decode("latin-1").lower()
    if f'name="{FIELD}"' not in headers:
        return None
    return body[head_end + 4 : value_end].decode("latin-1").strip()
