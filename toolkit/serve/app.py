"""The ASGI app: `create_app(config)` builds it, with its routes as a plain list.

Everything slow to load is loaded here or at start-up, once: the readers,
writers and fonts in every worker process, the translation model in the
translation thread, the page's files in memory.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.routing import Route

from toolkit.serve import api, page, work
from toolkit.serve.config import ServeConfig
from toolkit.serve.jobs import Runner
from toolkit.serve.problems import HANDLERS, guarded
from toolkit.serve.translation import TranslationService
from toolkit.serve.workers import Workers

log = logging.getLogger("toolkit.serve")

routes = [
    Route("/", page.asset("index.html")),
    Route("/static/app.js", page.asset("app.js")),
    Route("/static/app.css", page.asset("app.css")),
    Route("/api/openapi.json", page.asset("openapi.json")),
    Route("/api/health", guarded(api.health)),
    Route("/api/models", guarded(api.models)),
    Route("/api/convert", guarded(api.convert), methods=["POST"]),
    Route("/api/validate", guarded(api.validate), methods=["POST"]),
    Route("/api/jobs", guarded(api.start_job), methods=["POST"]),
    Route("/api/jobs/{job:str}", guarded(api.job_status)),
    Route("/api/jobs/{job:str}/files/{index:int}", guarded(api.job_file)),
]


def create_app(config: ServeConfig | None = None) -> Starlette:
    """The app for `config`; its workers start and stop with the app's lifespan."""
    config = config or ServeConfig()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        workers = Workers(config.workers)
        translation = TranslationService(config)
        workers.start()
        if config.preload_model:
            translation.preload()
        app.state.workers, app.state.translation = workers, translation
        app.state.runner = Runner(config, workers, translation)
        log.info("ready: %d worker(s), upload limit %g MB", config.workers, config.max_upload_mb)
        try:
            yield
        finally:
            await app.state.runner.close()
            translation.close()
            workers.close()

    app = Starlette(routes=routes, exception_handlers=HANDLERS, lifespan=lifespan)  # type: ignore[arg-type]
    app.state.config = config
    app.state.assets = page.load_assets()
    app.state.bilingual = work.bilingual_formats()  # empty while the side-by-side writer is absent
    return app
