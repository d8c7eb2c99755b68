"""One error type, one warning type and the documented exit codes."""

from __future__ import annotations

import enum
import os
import re
import sys
import warnings
from collections.abc import Callable


class ExitCode(enum.IntEnum):
    """Exit codes of the `briefing` command. Documented in README.md."""

    OK = 0
    INTERNAL = 1  # a bug in the toolkit: please report it with --traceback
    USAGE = 2  # wrong command-line arguments
    NO_INPUT = 3  # an input file is missing, a directory, or unreadable
    BAD_INPUT = 4  # an input is malformed: markers, DOCX, XML, encoding, zip
    INVALID = 5  # `validate` found problems against the schema
    OUTPUT = 6  # an output could not be written
    NO_MODEL = 7  # no translation model installed for the language pair
    NETWORK = 8  # a download was needed and the network is unreachable
    PARTIAL = 9  # a batch finished, but some inputs failed
    STYLE = 10  # a house style file is missing or malformed
    DEVICE = 11  # the compute device asked for (--device cuda) is not available


class Location:
    """Where a problem is: a file name and, where known, line and column.

    Immutable, with value equality. A plain class rather than a dataclass: every
    command imports this module, and `dataclasses` (with `inspect`) would cost
    `briefing --help` 4 ms.
    """

    __slots__ = ("column", "line", "path")
    path: str | None
    line: int | None
    column: int | None

    def __init__(self, path: str | None = None, line: int | None = None, column: int | None = None) -> None:
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "line", line)
        object.__setattr__(self, "column", column)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Location is immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Location is immutable: cannot delete {name!r}")

    def _key(self) -> tuple[str | None, int | None, int | None]:
        return (self.path, self.line, self.column)

    def __eq__(self, other: object) -> bool:
        return self._key() == other._key() if isinstance(other, Location) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Location(path={self.path!r}, line={self.line!r}, column={self.column!r})"

    def __reduce__(self) -> tuple[type[Location], tuple[str | None, int | None, int | None]]:
        return (Location, self._key())  # errors cross process boundaries in a batch

    def __bool__(self) -> bool:
        """False for "nowhere": a problem with the arguments or the setup, not with an input."""
        return self._key() != (None, None, None)

    def prefix(self, message: str) -> str:
        """`message` after this location (`FILE:LINE: message`), or alone when there is none."""
        return f"{self}: {message}" if self else message

    def __str__(self) -> str:
        parts = [self.path or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


NOWHERE = Location()  # a problem with the arguments or the setup, not with an input


class BriefingError(Exception):
    """A problem the user can fix; shown as one line, never as a traceback."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
        code: ExitCode = ExitCode.BAD_INPUT,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.where = Location(path, line, column)
        self.hint = hint
        self.code = code

    def located(self, path: str) -> BriefingError:
        """This error, naming `path` if it did not name a file yet."""
        if self.where.path is None:
            self.where = Location(path, self.where.line, self.where.column)
        return self

    def __str__(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        return self.where.prefix(f"{self.message}{hint}")


class BriefingWarning(UserWarning):
    """Something was read, but not as cleanly as it should have been."""

    def __init__(self, message: str, where: Location = NOWHERE) -> None:
        super().__init__(where.prefix(message))
        self.message = message
        self.where = where


Warn = Callable[[BriefingWarning], None]


def python_warning(warning: BriefingWarning) -> None:
    """The default warning sink for library use: Python's `warnings`, pointing at the caller.

    The warning is attributed to the first frame outside the toolkit, so that
    `warnings` filters and messages name the user's own line, not a reader's.
    """
    level, frame = 2, sys._getframe(1)
    while frame.f_back is not None and frame.f_code.co_filename.startswith(_PACKAGE):
        frame, level = frame.f_back, level + 1
    warnings.warn(warning, stacklevel=level)


_PACKAGE = os.path.dirname(os.path.abspath(__file__)) + os.sep
_NUMBERS = re.compile(r"\d+")


class LimitedWarn:
    """A warning sink that passes on the first `limit` warnings of each kind, then only counts.

    A kind is the message with its numbers left out, so "footnote 7 has an
    empty body" and "footnote 9 has an empty body" are one kind. `close()`
    says how many were held back, so a file with a hundred thousand odd notes
    gives a screenful of warnings, not a hundred thousand lines, and nothing
    is left unsaid.
    """

    def __init__(self, warn: Warn, limit: int = 20) -> None:
        self.warn = warn
        self.limit = limit
        self.seen: dict[str, int] = {}

    def __call__(self, warning: BriefingWarning) -> None:
        kind = _NUMBERS.sub("#", warning.message)
        count = self.seen[kind] = self.seen.get(kind, 0) + 1
        if count <= self.limit:
            self.warn(warning)

    def close(self, path: str | None) -> None:
        for kind, count in self.seen.items():
            if count > self.limit:
                more = count - self.limit
                self.warn(
                    BriefingWarning(f"{more} more warning(s) like: {kind.replace('#', 'N')}", Location(path))
                )
