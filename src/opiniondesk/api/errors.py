"""Every /api/v1 error as `{"error": {"code", "status", "message"}}`, whatever raised it: a
refusal of `require`, a DeskError of a service, or a request that fails validation."""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Mapping
from typing import Any

from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from opiniondesk.api.schemas import ErrorBody
from opiniondesk.errors import DeskError

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    409: "conflict",
    413: "too_large",
    422: "invalid_input",
    429: "too_many_requests",
}

# documented on every route so that clients know the one error shape
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": f"{code} (lỗi / error)"}
    for status, code in CODES.items()
    if status in (401, 403, 404, 409, 422)
}


def error_json(status: int, message: str, headers: Mapping[str, str] | None = None) -> JSONResponse:
    code = CODES.get(status, "internal_error" if status >= 500 else "error")
    body = {"error": {"code": code, "status": status, "message": message}}
    return JSONResponse(body, status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(part) for part in error['loc'])}: {error['msg']}" for error in exc.errors()
    )


class ApiRoute(APIRoute):
    """A route whose errors are answered as API JSON. The handler includes solving the
    dependencies, so access refusals and a rolled-back session are covered too."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def answer_errors_as_json(request: Request) -> Response:
            try:
                return await handler(request)
            except DeskError as error:
                return error_json(error.status, error.message)
            except HTTPException as error:
                return error_json(error.status_code, str(error.detail), error.headers)
            except RequestValidationError as error:
                return error_json(422, _validation_message(error))

        return answer_errors_as_json
