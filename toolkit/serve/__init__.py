"""`briefing serve`: the toolkit as a local web service and page, for people who do not use a terminal.

Layout: `app` (the app factory and its routes), `api` (the endpoints),
`upload` (the request body, in memory and within the limit), `jobs` (one
upload's way through reading, translation and rendering), `workers` (the
render processes), `translation` (the model, loaded once), `work` (what a
worker process runs), `problems` (errors as JSON), `page` (the static page),
`config` (the settings). Only this package and `toolkit.cli.serve` import
Starlette and uvicorn.
"""

from __future__ import annotations

from toolkit.serve.app import create_app
from toolkit.serve.config import ServeConfig

__all__ = ["ServeConfig", "create_app"]
