"""Install a model from the Argos package index: one attempt per URL, short timeouts, no loops."""

from __future__ import annotations

import json
import os
import tempfile
import threading
import urllib.request
from pathlib import Path
from typing import Any

from toolkit.errors import BriefingError, ExitCode
from toolkit.translation.packages import REAL_PACKAGE_HINT, InstalledPackage, install_file, models_dir

DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
CONNECT_TIMEOUT = 3.0  # seconds per socket operation
INDEX_DEADLINE = 5.0  # the whole index request, DNS included (urllib's timeout does not cover DNS)
USER_AGENT = "briefing-toolkit"


def index_url() -> str:
    """BRIEFING_MODELS_INDEX, else argos's ARGOS_PACKAGE_INDEX (a folder URL), else argos's default."""
    ours = os.environ.get("BRIEFING_MODELS_INDEX")
    if ours:
        return ours
    argos = os.environ.get("ARGOS_PACKAGE_INDEX")
    if argos:
        return argos.rstrip("/") + "/index.json"
    return DEFAULT_INDEX


def install_from_index(source: str, target: str, directory: str | Path | None = None) -> InstalledPackage:
    """Download the pair's package from the index and install it; NETWORK error when offline.

    argospm retries failed DNS lookups in an endless loop; here every URL is
    tried once with a short timeout, so an offline machine gets its answer
    in seconds, with the offline route in the message.
    """
    url = index_url()
    hint = _offline_hint(source, target)
    raw = _fetch(url, deadline=INDEX_DEADLINE, what="the Argos package index", hint=hint)
    try:
        index = json.loads(raw.decode("utf-8"))
    except ValueError:
        raise BriefingError(
            f"the package index at {url} is not JSON", hint=hint, code=ExitCode.NETWORK
        ) from None
    entry = _pick(index, source, target, url)
    links = [link for link in entry.get("links", []) if isinstance(link, str)]
    root = models_dir(directory)
    root.mkdir(parents=True, exist_ok=True)
    errors = []
    for link in links:
        try:
            # A model is 100 MB or more: the deadline bounds only the connection, not the download.
            data = _fetch(link, deadline=None, what=link, hint=hint)
        except BriefingError as exc:
            errors.append(exc.message)
            continue
        fd, tmp = tempfile.mkstemp(prefix=".download-", suffix=".argosmodel", dir=root)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            return install_file(tmp, root)
        finally:
            Path(tmp).unlink(missing_ok=True)
    raise BriefingError(
        "could not download the package: " + ("; ".join(errors) or "the index lists no download link"),
        hint=hint,
        code=ExitCode.NETWORK,
    )


def _pick(index: Any, source: str, target: str, url: str) -> dict[str, Any]:
    if not isinstance(index, list):
        raise BriefingError(f"the package index at {url} is not a list", code=ExitCode.NETWORK)
    matches = [
        e
        for e in index
        if isinstance(e, dict)
        and e.get("from_code") == source
        and e.get("to_code") == target
        and e.get("type", "translate") == "translate"
    ]
    if not matches:
        raise BriefingError(
            f"the Argos package index has no {source}->{target} package", code=ExitCode.NO_MODEL
        )
    return matches[-1]  # type: ignore[no-any-return]


def _fetch(url: str, *, deadline: float | None, what: str, hint: str) -> bytes:
    """GET `url` once. With a deadline, the request runs in a daemon thread we stop waiting for."""
    if not url.startswith(("https://", "http://")):
        raise BriefingError(f"refusing to download from {url!r}: only http(s) URLs", code=ExitCode.NETWORK)
    result: dict[str, Any] = {}

    def get() -> None:
        try:
            request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
            with urllib.request.urlopen(request, timeout=CONNECT_TIMEOUT) as response:
                result["data"] = response.read()
        except Exception as exc:  # any failure is one failed attempt; we never retry
            result["error"] = exc

    if deadline is None:
        get()
    else:
        worker = threading.Thread(target=get, daemon=True, name="briefing-download")
        worker.start()
        worker.join(deadline)
        if worker.is_alive():
            result["error"] = TimeoutError(f"no answer within {deadline:.0f} s")
    if "data" in result:
        return result["data"]  # type: ignore[no-any-return]
    raise BriefingError(
        f"cannot reach {what}: {result.get('error')}", path=url, hint=hint, code=ExitCode.NETWORK
    )


def _offline_hint(source: str, target: str) -> str:
    name = REAL_PACKAGE_HINT.format(s=source, t=target)
    return f"offline, copy the {name} .argosmodel file here and run `briefing models install-file PATH.argosmodel`"
