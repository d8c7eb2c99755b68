"""The server's settings: one frozen record, filled by `briefing serve` or by a test."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True, slots=True)
class ServeConfig:
    """What `create_app` needs; every field has the default `briefing serve` uses.

    `workers` is the number of processes that read and render (0: threads of
    the server process, for tests). Translation runs one at a time, in a
    thread of the server process where the model stays loaded: CTranslate2
    already uses every core for one document, so a second translation at
    once would only compete for them. Up to `translation_queue` more wait
    their turn; beyond that the server answers 503.
    """

    host: str = "127.0.0.1"
    port: int = 8080
    workers: int = 1
    max_upload_mb: float = 20.0
    timeout: float = 120.0  # seconds per request, translation included
    translation_queue: int = 8
    models_dir: str | Path | None = None
    cache: bool | str | Path = True  # the translation memory, as `briefing translate --cache`
    beam_size: int = 4
    max_jobs: int = 32  # finished page jobs kept for download, oldest dropped first
    job_ttl: float = 15 * 60.0  # seconds a finished job's files stay downloadable
    preload_model: bool = True  # load an installed nl->en model at start-up

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)

    @property
    def local(self) -> bool:
        """Whether the server is reachable from this machine only."""
        return self.host in LOCAL_HOSTS
