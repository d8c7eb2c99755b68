"""Decode text files: UTF-8, UTF-16/32 by their BOM, or Windows-1252 with a warning; refuse binaries.

What each control character means is decided here, once, for every reader of text:

- tab, line feed and carriage return are kept (CRLF and lone CR become LF);
- form feed and vertical tab are kept: a page break or a manual line break in Word
  can come out of POI as one of them, and the POI reader turns each into a line
  break (`LineBreak`) inside its paragraph;
- every other C0 control, DEL, the C1 controls (U+0080 to U+009F) and the
  non-characters U+FFFE and U+FFFF are dropped, with one warning per line naming
  the first column and how many were dropped there. XML 1.0 cannot hold the C0
  controls, and the others are never text.

A file is binary, and refused, when it holds NUL bytes (and is not UTF-16 or UTF-32
with a BOM) or when more than 1% of its first 64 kB are the dropped controls.
UTF-16 without a BOM is recognised by its NUL bytes and refused with a hint.
"""

from __future__ import annotations

import re
from typing import AnyStr

from toolkit.errors import BriefingError, BriefingWarning, Location, Warn

_BINARY_HINT = "give the plain text POI extracted (.txt), a .docx, or briefing XML"
_SAVE_HINT = "save it as UTF-8, or as UTF-16 with a byte-order mark"
# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)
_UTF8_BOM = b"\xef\xbb\xbf"
# Characters dropped from text: see the module docstring.
_ODD = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff]+")
_ODD_BYTES = re.compile(b"[\x00-\x08\x0e-\x1f\x7f]+")
_SAMPLE = 65536
_MAX_WARNINGS = 20  # lines reported one by one; the rest are summed up in one more warning


def decode_text(data: bytes, path: str | None, warn: Warn) -> str:
    """The text of `data`: newlines normalised to `\\n`, odd controls dropped with warnings."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            text = _decode_unicode(data[len(bom) :], codec, name, path)
            _refuse_binary(_ODD, text[:_SAMPLE], path)
            break
    else:
        text = _decode_bytes(data.removeprefix(_UTF8_BOM), path, warn)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ODD.search(text) is None:
        return text
    return _drop_odd(text, path, warn)


def _decode_unicode(data: bytes, codec: str, name: str, path: str | None) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise BriefingError(
            f"not valid {name} text (byte {exc.start + 1} after the byte-order mark)",
            path=path,
            hint=_SAVE_HINT,
        ) from None


def _decode_bytes(data: bytes, path: str | None, warn: Warn) -> str:
    """Text without a BOM: UTF-8, else Windows-1252; NUL bytes mean UTF-16 or a binary."""
    if b"\x00" in data:
        guess = _utf16_guess(data[:_SAMPLE])
        if guess is not None:
            raise BriefingError(
                f"this looks like {guess} text without a byte-order mark", path=path, hint=_SAVE_HINT
            )
        raise BriefingError("this is a binary file, not text", path=path, hint=_BINARY_HINT)
    # The C0 controls and DEL are the same bytes in UTF-8 and Windows-1252.
    _refuse_binary(_ODD_BYTES, data[:_SAMPLE], path)
    try:
        return data.decode("utf-8")
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
        return text


def _utf16_guess(sample: bytes) -> str | None:
    """ "UTF-16 LE" or "UTF-16 BE" when NULs sit at every other byte, as in Latin text."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.3 and even_nul < 0.05:
        return "UTF-16 LE"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "UTF-16 BE"
    return None


def _refuse_binary(pattern: re.Pattern[AnyStr], sample: AnyStr, path: str | None) -> None:
    """More than 1% of dropped controls (and more than a few) is not text."""
    odd = sum(m.end() - m.start() for m in pattern.finditer(sample))
    if odd > max(8, len(sample) // 100):
        raise BriefingError("this is a binary file, not text", path=path, hint=_BINARY_HINT)


def _drop_odd(text: str, path: str | None, warn: Warn) -> str:
    lines = text.split("\n")
    reported = skipped_lines = skipped = 0
    for number, line in enumerate(lines, 1):
        found = list(_ODD.finditer(line))
        if not found:
            continue
        count = sum(m.end() - m.start() for m in found)
        if reported < _MAX_WARNINGS:
            first = f"U+{ord(found[0].group()[0]):04X}"
            what = (
                f"control character {first}" if count == 1 else f"{count} control characters ({first} first)"
            )
            warn(
                BriefingWarning(
                    f"{what} dropped: text cannot hold them",
                    Location(path, number, found[0].start() + 1),
                )
            )
            reported += 1
        else:
            skipped_lines += 1
            skipped += count
        lines[number - 1] = _ODD.sub("", line)
    if skipped:
        warn(
            BriefingWarning(
                f"{skipped} more control characters dropped on {skipped_lines} further lines",
                Location(path),
            )
        )
    return "\n".join(lines)
