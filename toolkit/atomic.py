"""Write files atomically: all of the new content, or the old file untouched."""

from __future__ import annotations

import os
import socket
import tempfile
from pathlib import Path

from toolkit.errors import BriefingError, ExitCode


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file and a rename.

    The temporary file lives in the target's folder so that the rename is
    atomic on the same file system; a reader, or a run killed halfway, never
    sees a half-written file.
    """
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.name}.{_owner()}.", suffix=".part", dir=target.parent or "."
        )
    except OSError as exc:
        raise BriefingError(
            f"cannot write here: {exc.strerror}", path=str(target), code=ExitCode.OUTPUT
        ) from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise BriefingError(f"cannot write: {exc.strerror}", path=str(target), code=ExitCode.OUTPUT) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _owner() -> str:
    # Naming the writing host and process lets a later run tell a temporary
    # file whose writer was killed from one that is still being written.
    return f"{_host()}-{os.getpid()}"


def _host() -> str:
    return socket.gethostname().replace(".", "_")


def remove_stale_parts(folder: str | Path) -> list[Path]:
    """Delete temporary files left in `folder` by killed writers on this host."""
    removed = []
    host = _host()
    for part in Path(folder).glob(".*.part"):
        owner = part.name.rsplit(".", 3)[-3] if part.name.count(".") >= 4 else ""
        part_host, _, pid = owner.rpartition("-")
        if part_host != host or not pid.isdigit() or _alive(int(pid)):
            continue
        part.unlink(missing_ok=True)
        removed.append(part)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
