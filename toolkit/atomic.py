"""Write outputs without destroying what they replace: all of the new content, or the old untouched.

A regular file is replaced atomically through a temporary file and a
rename, keeping its mode. A symlink is followed and its target replaced, so
the link stays a link. A FIFO, a device (`/dev/null`), `/dev/stdout` or
`/dev/fd/N` (a shell's `>(...)`) is written to directly: renaming over it
would replace the node itself.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from pathlib import Path

from toolkit.errors import BriefingError, ExitCode

# Paths that name an open file descriptor of this process: whatever they lead
# to, the caller means that descriptor, never a new file in its place.
_DESCRIPTOR = re.compile(r"/dev/(fd/\d+|stdout|stderr)|/proc/(self|thread-self|\d+)/fd/\d+")


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write `data` to `path`; see the module docstring for what each kind of path gets.

    The temporary file lives in the real target's folder, so that the rename
    is atomic on the same file system; a reader, or a run killed halfway,
    never sees a half-written file. (Commands call `remove_stale_parts_for`
    first; a batch clears its whole folder once instead, which is why this
    does not scan the folder on every write.)
    """
    target = str(path)
    if written_in_place(target):
        _write_direct(target, data)
        return
    real = Path(os.path.realpath(target))
    try:
        existing: os.stat_result | None = os.stat(real)
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise BriefingError(f"cannot write: {exc.strerror}", path=target, code=ExitCode.OUTPUT) from None
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise BriefingError("is a directory, not a file", path=target, code=ExitCode.OUTPUT)
    # Never more open than the file replaced, not even for the moment before
    # its exact mode is set: a confidential 0600 briefing stays unreadable.
    fd, tmp = _create_part(
        real, target, 0o666 if existing is None else stat.S_IMODE(existing.st_mode) & 0o777
    )
    try:
        with os.fdopen(fd, "wb") as out:
            if existing is not None:
                _keep_owner_and_mode(out.fileno(), existing)
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, real)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise BriefingError(f"cannot write: {exc.strerror}", path=target, code=ExitCode.OUTPUT) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether `a` and `b` are one existing regular file (by device and inode, through links).

    Only regular files count: `/dev/stdin` and `/dev/stdout` on one terminal
    are the same device node, and reading one while writing the other is fine.
    """
    try:
        sa, sb = os.stat(a), os.stat(b)
    except (OSError, ValueError):
        return False
    return stat.S_ISREG(sa.st_mode) and (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)


def refuse_overwriting_input(output: str, input: str, flag: str) -> None:
    """Raise an OUTPUT error if writing `output` would replace the file `input` (unless `flag` is given)."""
    if output != "-" and input != "-" and same_file(output, input):
        raise BriefingError(
            "the output is the input file; it would be replaced",
            path=output,
            hint=f"choose another output, or pass {flag} to replace it",
            code=ExitCode.OUTPUT,
        )


def written_in_place(path: str) -> bool:
    """Whether `path` must be written in place: a descriptor path, or anything but a regular file."""
    here = os.path.abspath(path)
    for _ in range(40):  # follow the chain of links by hand: each hop may name a descriptor
        if _DESCRIPTOR.fullmatch(here):
            return True
        try:
            link = os.readlink(here)
        except OSError:
            break
        here = os.path.normpath(os.path.join(os.path.dirname(here), link))
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False  # missing (or unreachable): the atomic path creates it or reports why not
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _write_direct(path: str, data: bytes) -> None:
    try:
        with open(path, "wb") as out:
            out.write(data)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise BriefingError(f"cannot write: {exc.strerror}", path=path, code=ExitCode.OUTPUT) from None


def _create_part(real: Path, shown: str, mode: int) -> tuple[int, str]:
    """A new temporary file next to `real`, created with `mode` as open() would create it.

    The kernel applies the umask (and default ACLs), so a new output with
    mode 0o666 gets what `open()` gives any new file; tempfile.mkstemp would
    force 0600.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        tmp = str(real.parent / f".{real.name}.{_owner()}.{os.urandom(4).hex()}.part")
        try:
            return os.open(tmp, flags, mode), tmp
        except FileExistsError:
            continue
        except OSError as exc:
            raise BriefingError(
                f"cannot write here: {exc.strerror}", path=shown, code=ExitCode.OUTPUT
            ) from None
    raise BriefingError(f"cannot write here: {os.strerror(errno.EEXIST)}", path=shown, code=ExitCode.OUTPUT)


def _keep_owner_and_mode(fd: int, old: os.stat_result) -> None:
    """Give the new file the replaced file's owner, group and permission bits.

    The owner first: changing it clears set-id bits, which the mode then restores.
    Changing the owner needs privileges we may not have; the group and mode are
    what matter for who can read a confidential briefing, so those must succeed.
    """
    if (old.st_uid, old.st_gid) != (os.geteuid(), os.getegid()):
        try:
            os.fchown(fd, old.st_uid, old.st_gid)
        except PermissionError:
            with contextlib.suppress(PermissionError):
                os.fchown(fd, -1, old.st_gid)
    os.fchmod(fd, stat.S_IMODE(old.st_mode))


def _owner() -> str:
    # Naming the writing host and process lets a later run tell a temporary
    # file whose writer was killed from one that is still being written.
    return f"{_host()}-{os.getpid()}"


def _host() -> str:
    # os.uname() names the host as socket.gethostname() does, without importing socket.
    return os.uname().nodename.replace(".", "_")


def remove_stale_parts_for(path: str | Path) -> list[Path]:
    """Delete the temporary files killed writers on this host left for the output `path`.

    They live next to the real file a symlink points to; a FIFO or device has none.
    """
    if written_in_place(str(path)):
        return []
    real = Path(os.path.realpath(path))
    return remove_stale_parts(real.parent, real.name)


def remove_stale_parts(folder: str | Path, name: str | None = None) -> list[Path]:
    """Delete temporary files left in `folder` by killed writers on this host.

    With `name`, only those of the output called `name`. Parts of live
    writers, and of other hosts (a shared file system), are left alone.
    """
    removed: list[Path] = []
    host = _host()
    prefix = "." if name is None else f".{name}."
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(".part")):
            continue
        owner = entry.name.rsplit(".", 3)[-3] if entry.name.count(".") >= 4 else ""
        part_host, _, pid = owner.rpartition("-")
        if part_host != host or not pid.isdigit() or _alive(int(pid)):
            continue
        part = Path(folder) / entry.name
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
