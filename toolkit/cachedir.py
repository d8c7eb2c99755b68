"""Where the toolkit keeps what it can rebuild (BRIEFING_CACHE_DIR, else $XDG_CACHE_HOME/briefing-toolkit), and how.

A cache entry is one file: a line of JSON, then the bytes. The header says what the
bytes were made from (a font file's size and mtime, a library's version) and holds
their CRC, so a stale or damaged entry reads as a miss and is made again, like a .pyc.
"""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def cache_dir() -> Path:
    """The cache folder (not made here): the translation memory and the fonts live in it."""
    env = os.environ.get("BRIEFING_CACHE_DIR")
    if env:
        return Path(env)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "briefing-toolkit"


def entry_for(kind: str, source: Path, suffix: str) -> Path:
    """The cache file of kind `kind` for the file `source`.

    The folder's hash is in the name: two files of one name in two folders are two entries.
    """
    folder = zlib.crc32(str(source.resolve().parent).encode())
    return cache_dir() / kind / f"{source.stem}-{folder:08x}{suffix}"


def made_from(source: Path, *versions: str) -> list[Any]:
    """What an entry derived from the file `source` depends on: its size and mtime, and `versions`."""
    stamp = source.stat()
    return [stamp.st_size, stamp.st_mtime_ns, *versions]


def read_entry(path: Path, source: list[Any]) -> tuple[dict[str, Any], bytes] | None:
    """The header and bytes of the entry at `path`, if it was made from `source` and is whole."""
    try:
        with path.open("rb") as f:
            head = json.loads(f.readline())
            data = f.read()
        if head["made_from"] != source or zlib.crc32(data) != head["stored_crc"]:
            return None
        return head, data
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_entry(path: Path, source: list[Any], data: bytes, **head: Any) -> None:
    """Keep `data`, made from `source`, with the header fields `head`; atomically, as every output."""
    from toolkit.atomic import write_atomic
    from toolkit.errors import BriefingError

    line = json.dumps({"made_from": source, "stored_crc": zlib.crc32(data), **head})
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, line.encode() + b"\n" + data)
    except (OSError, BriefingError):
        pass  # a cache that cannot be written only costs the next run the work
