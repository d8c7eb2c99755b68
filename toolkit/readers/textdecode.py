"""Decode text files: UTF-8, or Windows-1252 with a warning; refuse binaries."""

from __future__ import annotations

from toolkit.errors import BriefingError, BriefingWarning, Location, Warn

_BINARY_HINT = "give the plain text POI extracted (.txt), a .docx, or briefing XML"
# C0 controls that never appear in extracted text (tab, newlines, form feed do).
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13))


def decode_text(data: bytes, path: str | None, warn: Warn) -> str:
    """The text of `data`, with newlines normalised to `\\n`."""
    if b"\x00" in data or _control_ratio(data) > 0.01:
        raise BriefingError("this is a binary file, not text", path=path, hint=_BINARY_HINT)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise BriefingError(
                "neither UTF-8 nor Windows-1252 text", path=path, line=line, hint=_BINARY_HINT
            ) from None
        warn(
            BriefingWarning(
                "not UTF-8; decoded as Windows-1252 (save as UTF-8 to silence this)",
                Location(path, line),
            )
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _control_ratio(data: bytes) -> float:
    sample = data[:65536]
    if not sample:
        return 0.0
    return (len(sample) - len(sample.translate(None, _CONTROL))) / len(sample)
