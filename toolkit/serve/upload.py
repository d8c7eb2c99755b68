"""Uploads: the request body read in memory within the size limit, and its multipart form parsed there.

Starlette's own form parser spools files over 1 MB to a temporary file; this
one keeps every part in memory, so no upload ever reaches the disk, and
stops reading as soon as the body passes the limit.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import Request

from toolkit.errors import ExitCode
from toolkit.serve.problems import RequestError

FORM_SLACK = 64 * 1024  # room for the boundaries and the small fields next to the file
# A client sends its whole body before it reads the answer: the rest of a body
# over the limit is read and dropped, so that the client gets to see the 413.
# Beyond this much the connection is closed instead.
MAX_DRAIN = 256 * 1024 * 1024
MAX_PARTS = 32
# The language part of our own output names: Brief.nl.pdf, Brief.nl-en.xlf, Brief.nl-en.mt.xlf.
LANG_PART = re.compile(r"\.(?:nl|en)(?:-(?:nl|en))?(?:\.mt)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Upload:
    """One uploaded file: its sanitised name (never used as a path) and its bytes."""

    name: str
    data: bytes

    @property
    def stem(self) -> str:
        """The name without its suffix and a language part: `Brief.nl.docx`, `Brief.nl-en.xlf` -> `Brief`."""
        stem = PurePosixPath(self.name).stem
        return LANG_PART.sub("", stem) or stem


@dataclass
class Form:
    """The fields of a multipart form; a field may be given more than once (`to=pdf&to=docx`)."""

    fields: dict[str, list[str]] = field(default_factory=dict)
    files: dict[str, Upload] = field(default_factory=dict)

    def get(self, name: str) -> str | None:
        values = self.fields.get(name)
        return values[0].strip() if values and values[0].strip() else None

    def all(self, name: str) -> list[str]:
        """Every value of `name`, comma-separated values split: `to=pdf,docx` is `to=pdf&to=docx`."""
        return [v.strip() for value in self.fields.get(name, []) for v in value.split(",") if v.strip()]

    def file(self, name: str = "file") -> Upload:
        upload = self.files.get(name)
        if upload is None:
            raise RequestError(
                f"no file in the request: send it as the multipart field {name!r}",
                status=400,
                hint="curl -F file=@briefing.txt ...",
            )
        return upload


async def read_form(request: Request, max_bytes: int) -> Form:
    """The request's multipart form, read within `max_bytes` of file (413 beyond it)."""
    content_type, params = parse_options_header(request.headers.get("content-type", ""))
    if content_type != b"multipart/form-data" or b"boundary" not in params:
        raise RequestError(
            "send the file as multipart/form-data", status=400, hint="curl -F file=@briefing.txt ..."
        )
    limit = max_bytes + FORM_SLACK
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise await too_large(request.stream(), max_bytes)
    parts = _Parts(max_bytes)
    parser = MultipartParser(params[b"boundary"], parts.callbacks())  # type: ignore[arg-type]
    received = 0
    stream = request.stream()
    try:
        async for chunk in stream:
            received += len(chunk)
            parser.write(chunk)
            if received > limit or parts.over:
                raise await too_large(stream, max_bytes)
        parser.finalize()
    except RequestError:
        raise
    except Exception as exc:  # python-multipart's errors for a malformed body
        raise RequestError(f"malformed multipart form: {exc}", status=400) from None
    return parts.form


async def too_large(rest: AsyncIterator[bytes], max_bytes: int) -> RequestError:
    """The 413 error, after dropping the `rest` of the body (up to MAX_DRAIN) so the client reads it."""
    dropped, headers = 0, {}
    async for chunk in rest:
        dropped += len(chunk)
        if dropped > MAX_DRAIN:
            headers = {"Connection": "close"}
            break
    return RequestError(
        f"the upload is larger than the limit of {max_bytes / 1024 / 1024:.3g} MB",
        status=413,
        hint="split the document, or start the server with a higher --max-upload-mb",
        code=ExitCode.BAD_INPUT,
        headers=headers,
    )


class _Parts:
    """python-multipart callbacks collecting the parts into a Form, all in memory."""

    def __init__(self, max_bytes: int) -> None:
        self.form = Form()
        self.max_bytes = max_bytes
        self.over = False  # a part passed the limit: the caller answers 413
        self.count = 0
        self._header_name = bytearray()
        self._header_value = bytearray()
        self._disposition = b""
        self._data = bytearray()

    def callbacks(self) -> dict[str, object]:
        return {
            "on_part_begin": self._begin,
            "on_part_data": self._part_data,
            "on_part_end": self._end,
            "on_header_field": lambda d, s, e: self._header_name.extend(d[s:e]),
            "on_header_value": lambda d, s, e: self._header_value.extend(d[s:e]),
            "on_header_end": self._header_end,
        }

    def _begin(self) -> None:
        self.count += 1
        if self.count > MAX_PARTS:
            raise RequestError(f"more than {MAX_PARTS} form fields", status=400)
        self._disposition, self._data = b"", bytearray()

    def _part_data(self, data: bytes, start: int, end: int) -> None:
        if len(self._data) + end - start > self.max_bytes:
            self.over = True
        elif not self.over:
            self._data.extend(data[start:end])

    def _header_end(self) -> None:
        if bytes(self._header_name).lower() == b"content-disposition":
            self._disposition = bytes(self._header_value)
        self._header_name.clear()
        self._header_value.clear()

    def _end(self) -> None:
        _, options = parse_options_header(self._disposition)
        name = options.get(b"name", b"").decode("utf-8", errors="replace")
        if b"filename" in options:
            filename = options[b"filename"].decode("utf-8", errors="replace")
            self.form.files[name] = Upload(safe_name(filename), bytes(self._data))
        else:
            self.form.fields.setdefault(name, []).append(self._data.decode("utf-8", errors="replace"))


def safe_name(filename: str) -> str:
    """A file name fit for messages and Content-Disposition: the last part, no controls, not hidden.

    Browsers on Windows send `C:\\Users\\...\\brief.docx`; only the last part is
    the name. Browsers escape `"`, CR and LF as %22, %0D and %0A (HTML's form
    encoding), which are undone first. It names the document in messages and
    downloads, never a file here.
    """
    for escaped, char in (("%22", '"'), ("%0D", "\r"), ("%0A", "\n")):
        filename = filename.replace(escaped, char)
    name = re.split(r"[\\/]", filename)[-1]
    name = "".join(c for c in unicodedata.normalize("NFC", name) if unicodedata.category(c)[0] != "C")
    name = re.sub(r'["<>|*?:]', "_", name).strip(" .")
    return name[-120:] or "briefing"


def ascii_name(name: str) -> str:
    """`name` with every character outside [A-Za-z0-9._-] replaced, for the plain `filename=`."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9._-]+", "_", folded).strip("._") or "briefing"
