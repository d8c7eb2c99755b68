"""Write files atomically: all of the new content, or the old file untouched."""

from __future__ import annotations

import os
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
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
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
