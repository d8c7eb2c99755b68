"""The page at / and its script, style and the OpenAPI description: files of this package, read once.

Only these fixed names are served, from memory: no part of a request's path
is ever joined to a folder.
"""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response

STATIC = Path(__file__).resolve().parent / "static"
ASSETS = {
    "index.html": "text/html; charset=utf-8",
    "app.js": "text/javascript; charset=utf-8",
    "app.css": "text/css; charset=utf-8",
    "openapi.json": "application/json",
}
# Everything the page needs comes from this server: no CDN, nothing inline.
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}


def load_assets() -> dict[str, bytes]:
    return {name: (STATIC / name).read_bytes() for name in ASSETS}


def asset(name: str):  # type: ignore[no-untyped-def]
    """An endpoint answering with the preloaded file `name`."""

    async def endpoint(request: Request) -> Response:
        return Response(request.app.state.assets[name], media_type=ASSETS[name], headers=HEADERS)

    endpoint.__name__ = name.replace(".", "_")
    return endpoint
