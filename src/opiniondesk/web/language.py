"""Which language a request is answered in: `?lang=` (remembered in a cookie), else the cookie,
else the configured default. Accept-Language is ignored on purpose: Vietnamese comes first."""

from __future__ import annotations

from http.cookies import SimpleCookie
from urllib.parse import parse_qs

from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from opiniondesk.web.i18n import LANGUAGES, normalise_language

COOKIE = "lang"
COOKIE_MAX_AGE = 365 * 24 * 3600


def request_language(connection: HTTPConnection, default: str) -> str:
    asked = connection.query_params.get("lang")
    if asked in LANGUAGES:
        return str(asked)
    return normalise_language(connection.cookies.get(COOKIE), default)


class RememberLanguage:
    """ASGI middleware: a valid `?lang=` sets the language cookie on the response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        asked = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("lang", [""])[-1]
        if asked not in LANGUAGES:
            await self.app(scope, receive, send)
            return

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                cookie: SimpleCookie = SimpleCookie()
                cookie[COOKIE] = asked
                cookie[COOKIE]["path"] = "/"
                cookie[COOKIE]["max-age"] = COOKIE_MAX_AGE
                cookie[COOKIE]["samesite"] = "Lax"
                cookie[COOKIE]["httponly"] = True
                header = cookie.output(header="").strip().encode("latin-1")
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"set-cookie", header)]
            await send(message)

        await self.app(scope, receive, send_with_cookie)
