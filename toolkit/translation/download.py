"""Install a pair from the Argos package index: one short request per URL, argos reads the index."""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import urllib.request
from pathlib import Path
from typing import Any, BinaryIO

from toolkit.errors import BriefingError, ExitCode
from toolkit.translation.packages import (
    REAL_PACKAGE_HINT,
    InstalledPackage,
    argos,
    argos_settings,
    install_file,
    models_dir,
)

CONNECT_TIMEOUT = 3.0  # seconds per socket operation
DEADLINE = 5.0  # name lookup, connection and headers (urllib's timeout does not cover DNS)
USER_AGENT = "briefing-toolkit"


def index_url() -> str:
    """BRIEFING_MODELS_INDEX, else argos's index (ARGOS_PACKAGE_INDEX, its settings.json, its default)."""
    return os.environ.get("BRIEFING_MODELS_INDEX") or str(argos().settings.remote_package_index)


def install_from_index(source: str, target: str, directory: str | Path | None = None) -> InstalledPackage:
    """Download the pair's package from the index and install it; NETWORK error when offline.

    argos's own index update and download have no timeout on name lookups
    (argospm retries them endlessly), so the requests are ours: each URL once,
    bounded. argos parses the index we fetched and installs the file.
    """
    hint = _offline_hint(source, target)
    entry = _pick(_available(index_url(), hint), source, target)
    root = models_dir(directory)
    root.mkdir(parents=True, exist_ok=True)
    errors = []
    for link in [link for link in entry.links if isinstance(link, str)]:
        fd, tmp = tempfile.mkstemp(prefix=".download-", suffix=".argosmodel", dir=root)
        try:
            with os.fdopen(fd, "wb") as out:
                try:
                    _fetch(link, out, link, hint)
                except BriefingError as exc:
                    errors.append(exc.message)
                    continue
            return install_file(tmp, root)
        finally:
            Path(tmp).unlink(missing_ok=True)
    raise BriefingError(
        "could not download the package: " + ("; ".join(errors) or "the index lists no download link"),
        hint=hint,
        code=ExitCode.NETWORK,
    )


def _available(url: str, hint: str) -> list[Any]:
    """argos's AvailablePackages from the index at `url`, fetched by us into a temporary file."""
    with tempfile.TemporaryDirectory(prefix="briefing-index-") as tmp:
        index = Path(tmp) / "index.json"
        with index.open("wb") as out:
            _fetch(url, out, "the Argos package index", hint)
        # The file exists, so argos never falls back on its own (unbounded) index update.
        with argos_settings(local_package_index=index) as package:
            try:
                return list(package.get_available_packages())
            except (ValueError, AttributeError, TypeError):
                raise BriefingError(
                    f"the package index at {url} is not an Argos index", hint=hint, code=ExitCode.NETWORK
                ) from None


def _pick(available: list[Any], source: str, target: str) -> Any:
    matches = [p for p in available if (p.from_code, p.to_code, p.type) == (source, target, "translate")]
    if not matches:
        raise BriefingError(
            f"the Argos package index has no {source}->{target} package", code=ExitCode.NO_MODEL
        )
    return matches[-1]


def _fetch(url: str, out: BinaryIO, what: str, hint: str) -> None:
    """One GET of `url` into `out`; the host is reached within DEADLINE or it is a NETWORK error."""
    if not url.startswith(("https://", "http://")):
        raise BriefingError(f"refusing to download from {url!r}: only http(s) URLs", code=ExitCode.NETWORK)
    result: dict[str, Any] = {}

    def get() -> None:
        try:
            request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
            result["response"] = urllib.request.urlopen(request, timeout=CONNECT_TIMEOUT)
        except Exception as exc:  # any failure is the one attempt failing
            result["error"] = exc

    # A daemon thread we stop waiting for: a hanging name lookup cannot hold the command.
    worker = threading.Thread(target=get, daemon=True, name="briefing-download")
    worker.start()
    worker.join(DEADLINE)
    if "response" not in result:
        error = result.get("error") or TimeoutError(f"no answer within {DEADLINE:.0f} s")
        raise BriefingError(f"cannot reach {what}: {error}", path=url, hint=hint, code=ExitCode.NETWORK)
    # A model is 100 MB or more: it streams to disk, each read bounded by the socket timeout.
    with result["response"] as response:
        try:
            shutil.copyfileobj(response, out)
        except OSError as exc:
            raise BriefingError(
                f"download failed: {exc}", path=url, hint=hint, code=ExitCode.NETWORK
            ) from None


def _offline_hint(source: str, target: str) -> str:
    name = REAL_PACKAGE_HINT.format(s=source, t=target)
    return f"offline, copy the {name} .argosmodel file here and run `briefing models install-file PATH.argosmodel`"
