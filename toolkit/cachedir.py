"""Where the toolkit keeps what it can rebuild: BRIEFING_CACHE_DIR, else $XDG_CACHE_HOME/briefing-toolkit."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """The cache folder (not made here): the translation memory and the deflated fonts live in it."""
    env = os.environ.get("BRIEFING_CACHE_DIR")
    if env:
        return Path(env)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "briefing-toolkit"
