"""Errors as a friendly bilingual page, or as JSON under /api, with the status they carry."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from opiniondesk.errors import DeskError
from opiniondesk.web.deps import get_templates, get_translator
from opiniondesk.web.i18n import Translator
from opiniondesk.web.security import SECURITY_HEADERS

log = logging.getLogger(__name__)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def error_response(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)
    t = get_translator(request)
    # the other language's title too: an error page must make sense to whoever landed there
    other = Translator("en" if t.language == "vi" else "vi")
    return get_templates(request).TemplateResponse(
        request,
        "error.html",
        {"t": t, "other": other, "status": status, "message": message, "lang": t.language},
        status_code=status,
    )


async def desk_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, DeskError)
    return error_response(request, exc.status, exc.message)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    t = get_translator(request)
    message = t("error_not_found") if exc.status_code == 404 else str(exc.detail)
    response = error_response(request, exc.status_code, message)
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    return response


async def validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    details = "; ".join(
        f"{'.'.join(str(part) for part in error['loc'])}: {error['msg']}" for error in exc.errors()
    )
    return error_response(request, 422, details)


async def unexpected_error(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error on %s", request.url.path, exc_info=exc)
    response = error_response(request, 500, get_translator(request)("error_internal"))
    # this handler runs outside the middleware stack, so add the headers here
    for name, value in SECURITY_HEADERS:
        response.headers[name] = value
    return response


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(DeskError, desk_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(Exception, unexpected_error)
