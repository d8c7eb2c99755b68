"""Errors as JSON: `{"error", "where", "code"}` with an HTTP status mapped from the exit code.

Never a stack trace: a BriefingError says what the user can fix, anything
else is reported as the CLI reports an internal error, in one line.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from toolkit.errors import BriefingError, ExitCode

log = logging.getLogger("toolkit.serve")

STATUS: dict[ExitCode, int] = {
    ExitCode.INTERNAL: 500,
    ExitCode.USAGE: 400,
    ExitCode.NO_INPUT: 400,
    ExitCode.BAD_INPUT: 422,
    ExitCode.INVALID: 422,
    ExitCode.OUTPUT: 500,
    ExitCode.NO_MODEL: 503,
    ExitCode.NETWORK: 503,
    ExitCode.PARTIAL: 422,
    ExitCode.STYLE: 422,
    ExitCode.DEVICE: 503,
}


class RequestError(BriefingError):
    """A BriefingError whose HTTP status does not follow from its exit code (413, 404, 504...)."""

    def __init__(
        self,
        message: str,
        *,
        status: int,
        code: ExitCode = ExitCode.USAGE,
        headers: dict[str, str] | None = None,
        **kw: Any,
    ) -> None:
        super().__init__(message, code=code, **kw)
        self.status = status
        self.headers = headers or {}


Endpoint = Callable[[Request], Awaitable[Response]]


def guarded(endpoint: Endpoint) -> Endpoint:
    """`endpoint` with any unexpected exception turned into the one-line internal error."""

    @functools.wraps(endpoint)
    async def run(request: Request) -> Response:
        try:
            return await endpoint(request)
        except (BriefingError, HTTPException):
            raise
        except Exception as exc:
            raise internal(exc) from None

    return run


def status_of(exc: BriefingError) -> int:
    return exc.status if isinstance(exc, RequestError) else STATUS.get(exc.code, 500)


def body_of(exc: BriefingError) -> dict[str, Any]:
    """The JSON error: the message with its hint, where (as the CLI prints it), the exit code."""
    hint = f" ({exc.hint})" if exc.hint else ""
    return {
        "error": f"{exc.message}{hint}",
        "where": str(exc.where) if exc.where else "",
        "code": int(exc.code),
    }


def internal(exc: BaseException) -> BriefingError:
    """An unexpected exception as the one-line internal error the CLI prints; logged with its traceback."""
    log.error("internal error", exc_info=exc)
    return BriefingError(
        f"internal error: {type(exc).__name__}: {exc}",
        hint="please report it, with the server's log",
        code=ExitCode.INTERNAL,
    )


def response(exc: BriefingError, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(body_of(exc), status_code=status_of(exc), headers=headers)


async def on_briefing_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, BriefingError)
    headers = dict(exc.headers) if isinstance(exc, RequestError) else {}
    if status_of(exc) == 503 and exc.code == ExitCode.OUTPUT:
        headers["Retry-After"] = "10"
    return response(exc, headers)


async def on_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    error = RequestError(str(exc.detail), status=exc.status_code, path=request.url.path)
    return response(error, dict(exc.headers or {}))


async def on_any_error(request: Request, exc: Exception) -> JSONResponse:
    return response(internal(exc))


HANDLERS = {BriefingError: on_briefing_error, HTTPException: on_http_error, Exception: on_any_error}
